// The citizen flow, step by step, usable with or without JavaScript.
import assert from 'node:assert/strict';
import { msg } from './messages.mjs';
import { shoot, tabTo } from './browser.mjs';

export const SERVICE = { code: 'ORGBDR-001', name: { bn: 'জন্ম নিবন্ধন', en: 'Birth registration' } };
export const SEARCH = { bn: 'নিবন্ধন', en: 'registration' };
export const DISTRICT = { code: 'dhaka', name: { bn: 'ঢাকা', en: 'Dhaka' } };
/** What the citizen types: too short first, then a real account; TCV in Bangla digits. */
export const TEXT = {
  short: { bn: 'খুব দেরি', en: 'Too slow' },
  full: {
    bn: 'জন্ম নিবন্ধনের সনদ পেতে ১৫ দিন লেগেছে, তিনবার ইউনিয়ন পরিষদে যেতে হয়েছে।',
    en: 'It took 15 days and three trips to the union parishad to get the certificate.',
  },
};
export const TCV = { days: '১৫', cost: '৫০০', visits: '৩' };
export const TRACKING_CODE = /^[2-9A-HJKMNP-TV-Z]{10}$/;

/** Collects the HTML of every page the main frame loads, for checks run afterwards. */
export function recordDocuments(page) {
  const documents = [];
  page.on('response', (response) => {
    const status = response.status();
    if (response.request().resourceType() === 'document' && response.frame() === page.mainFrame() && (status < 300 || status >= 400)) {
      documents.push({ url: response.url(), status, html: response.text() });
    }
  });
  return documents;
}

export async function assertLanguage(page, lang) {
  assert.equal(await page.locator('html').getAttribute('lang'), lang, 'the page is in the expected language');
}

/** Home → search in the citizen's language → results → the service page. */
export async function searchAndOpenService(page, lang) {
  await page.goto('/');
  await assertLanguage(page, lang);
  const search = page.locator('form[role=search]');
  await search.getByLabel(msg(lang, 'search-label')).fill(SEARCH[lang]);
  await search.getByRole('button', { name: msg(lang, 'search-button') }).click();
  await page.waitForURL((url) => url.pathname === '/services' && url.searchParams.get('q') === SEARCH[lang]);
  await assertLanguage(page, lang);
  const link = page.locator('ul.results').getByRole('link', { name: SERVICE.name[lang], exact: true });
  await link.click();
  await page.waitForURL(`**/services/${SERVICE.code}`);
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), SERVICE.name[lang]);
}

/** Fills kind, short text and the TCV numbers (Bangla digits), leaves the district empty, submits. */
export async function submitWithErrors(page, lang) {
  await page.getByRole('radio', { name: msg(lang, 'kind-complaint') }).check();
  await page.getByLabel(msg(lang, 'form-text'), { exact: true }).fill(TEXT.short[lang]);
  await page.getByLabel(msg(lang, 'form-days')).fill(TCV.days);
  await page.getByLabel(msg(lang, 'form-cost')).fill(TCV.cost);
  await page.getByLabel(msg(lang, 'form-visits')).fill(TCV.visits);
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/services/${SERVICE.code}/feedback`)),
    page.getByRole('button', { name: msg(lang, 'form-submit') }).click(),
  ]);
  assert.equal(response.status(), 422, 'an invalid form comes back with 422');
  await page.waitForURL(`**/services/${SERVICE.code}/feedback`);
}

/**
 * The 422 page: the summary has focus and lists each problem with a link to its field; each field
 * shows its message; what was typed is kept.
 */
export async function assertErrorsShown(page, lang) {
  await assertLanguage(page, lang);
  // The title says there is an error: it is the first thing a screen reader reads on the new page.
  assert.ok((await page.title()).startsWith(`${msg(lang, 'page-title-error')} ${SERVICE.name[lang]}`), `title: ${await page.title()}`);
  const summary = page.locator('#error-summary');
  await summary.waitFor({ state: 'visible' });
  assert.equal(await summary.getByRole('heading').textContent(), msg(lang, 'form-error-summary'));
  // Focus comes from the HTML autofocus attribute, so it works without JavaScript too.
  await page.locator('#error-summary:focus').waitFor({ state: 'attached' });
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'error-summary', 'the error summary has focus');

  const links = await summary.locator('a').evaluateAll((as) =>
    as.map((a) => ({ href: a.getAttribute('href'), text: a.textContent.trim(), targetExists: !!document.getElementById(a.getAttribute('href').slice(1)) })),
  );
  const beside = [msg(lang, 'error-text-too-short', { min: 10 }), msg(lang, 'error-district-required')];
  // The summary names the box each message is about; the message beside the box does not.
  const expected = [
    { href: '#field-text', text: `${msg(lang, 'form-text')}: ${beside[0]}` },
    { href: '#field-district', text: `${msg(lang, 'form-district')}: ${beside[1]}` },
  ];
  assert.deepEqual(links.map(({ href, text }) => ({ href, text })), expected, 'the summary lists each problem');
  for (const link of links) assert.ok(link.targetExists, `summary link ${link.href} points at an existing element`);

  assert.equal(await page.locator('#text-error').textContent(), beside[0]);
  assert.equal(await page.locator('#district-error').textContent(), beside[1]);
  const text = page.locator('#field-text');
  assert.equal(await text.getAttribute('aria-invalid'), 'true');
  assert.match(await text.getAttribute('aria-describedby'), /\btext-error\b/);
  assert.equal(await page.locator('#field-district').getAttribute('aria-invalid'), 'true');
  // What was typed is kept, Bangla digits included.
  assert.equal(await text.inputValue(), TEXT.short[lang]);
  assert.equal(await page.locator('#field-days').inputValue(), TCV.days);
  assert.equal(await page.locator('#field-cost').inputValue(), TCV.cost);
  assert.equal(await page.locator('#field-visits').inputValue(), TCV.visits);
  assert.ok(await page.locator('#kind-complaint').isChecked(), 'the chosen kind is kept');
}

/** Fixes the text and the district, submits, and returns the tracking code from the confirmation. */
export async function fixAndSubmit(page, lang) {
  await page.getByLabel(msg(lang, 'form-text'), { exact: true }).fill(TEXT.full[lang]);
  await page.getByLabel(msg(lang, 'form-district')).selectOption({ label: DISTRICT.name[lang] });
  await page.getByRole('button', { name: msg(lang, 'form-submit') }).click();
  return confirmation(page, lang);
}

const THANKS = /\/thanks\/[2-9A-Z]{10}$/;

/**
 * When the same text was sent before, "check for similar feedback" shows it with "me too"; the
 * citizen sends their own anyway (by keyboard when `keyboard`). A no-op when nothing was similar.
 */
export async function sendAnywayIfSimilar(page, lang, { keyboard = false } = {}) {
  await page.waitForURL((url) => THANKS.test(url.pathname) || url.pathname.endsWith('/feedback'));
  if (THANKS.test(new URL(page.url()).pathname)) return false;
  assert.equal((await page.locator('#similar-h').textContent()).trim(), msg(lang, 'similar-title'));
  const send = msg(lang, 'form-send-anyway');
  if (keyboard) {
    await tabTo(page, (s) => s.tag === 'BUTTON' && s.text === send, 'the send button');
    await page.keyboard.press('Enter');
  } else {
    await page.getByRole('button', { name: send }).click();
  }
  return true;
}

/** The confirmation page (after the similar-feedback step, if it came): returns its tracking code. */
export async function confirmation(page, lang, { keyboard = false } = {}) {
  await sendAnywayIfSimilar(page, lang, { keyboard });
  await page.waitForURL(THANKS);
  await assertLanguage(page, lang);
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), msg(lang, 'thanks-heading'));
  const shown = (await page.locator('#tracking-code').textContent()).trim();
  assert.match(shown, /^[2-9A-HJKMNP-TV-Z]{5}-[2-9A-HJKMNP-TV-Z]{5}$/, 'printed in two groups of five');
  const code = shown.replace('-', '');
  assert.match(code, TRACKING_CODE);
  assert.ok(page.url().endsWith(`/thanks/${code}`));
  return code;
}

/** The status page of `code`, in `lang`. */
export async function assertTrackingPage(page, lang, code) {
  await page.waitForURL(`**/track/${code}`);
  await assertLanguage(page, lang);
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), msg(lang, 'track-result-title'));
  const facts = await page.locator('dl.facts').evaluate((dl) =>
    Object.fromEntries([...dl.querySelectorAll('dt')].map((dt) => [dt.textContent.trim(), dt.nextElementSibling.textContent.trim()])),
  );
  assert.equal(facts[msg(lang, 'track-code')], `${code.slice(0, 5)}-${code.slice(5)}`, 'printed in two groups');
  assert.equal(facts[msg(lang, 'track-service')], SERVICE.name[lang]);
  assert.equal(facts[msg(lang, 'track-kind')], msg(lang, 'kind-complaint'));
  assert.equal(facts[msg(lang, 'track-district')], DISTRICT.name[lang]);
  assert.equal(facts[msg(lang, 'track-status')], msg(lang, 'status-received'));
}

/** From the confirmation: the status link, then the look-up form with the code typed as people do. */
export async function trackCode(page, lang, code) {
  await page.getByRole('main').getByRole('link', { name: msg(lang, 'thanks-track-link') }).click();
  await assertTrackingPage(page, lang, code);

  await page.getByRole('navigation', { name: msg(lang, 'nav-label') }).getByRole('link', { name: msg(lang, 'nav-track') }).click();
  await page.waitForURL('**/track');
  const typed = `${code.slice(0, 5)}-${code.slice(5)}`.toLowerCase();
  await page.getByLabel(msg(lang, 'track-label')).fill(typed);
  await page.locator('form.track').getByRole('button', { name: msg(lang, 'track-button') }).click();
  await assertTrackingPage(page, lang, code);
}

/** The whole flow: search, open, fail, fix, submit, track. Returns the tracking code. */
export async function citizenFlow(page, lang) {
  await searchAndOpenService(page, lang);
  await shoot(page, `citizen-${lang}-1-service-360`);
  await submitWithErrors(page, lang);
  await assertErrorsShown(page, lang);
  await shoot(page, `citizen-${lang}-2-errors-360`);
  const code = await fixAndSubmit(page, lang);
  await shoot(page, `citizen-${lang}-3-confirmation-360`);
  await trackCode(page, lang, code);
  await shoot(page, `citizen-${lang}-4-tracking-360`);
  return code;
}
