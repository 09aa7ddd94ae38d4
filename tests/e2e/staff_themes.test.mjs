// The designer's service page with themes, and the regroup preview, in a real browser: voices by
// pain category as an accessible chart, theme cards (size, cohesion in plain words, category and
// the words that decided it, three quotes, the "automatic label" badge), then the regroup preview
// reached from its secondary button; in Bangla and English, with axe (WCAG 2.1 A/AA) at 360 px and
// 1280 px, and no sideways scrolling at 360 px.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ROOT, startNagorik } from './lib/nagorik.mjs';
import { assertFieldsStyled, checkAtBothWidths, launchBrowser, newContext } from './lib/browser.mjs';
import { msg } from './lib/messages.mjs';
import { MINISTRY, SERVICE, logIn } from './lib/staff.mjs';

/** Feedback sent before the designer arrives: a bribe theme (Bangla, English), a delay theme, and spam. */
const FEEDBACK = [
  'The registrar asked for 2000 taka bribe to give the birth certificate quickly.',
  'The union parishad secretary asked for a 2000 taka bribe for my birth certificate.',
  'The registrar wanted a bribe of 1500 taka before giving the birth certificate.',
  'জন্ম নিবন্ধনের জন্য দালালকে ১৫০০ টাকা ঘুষ দিতে হয়েছে।',
  'জন্ম নিবন্ধন করাতে দালালকে ২০০০ টাকা ঘুষ দিতে হলো।',
  'Earn 50000 taka per month from home!!! click the link now',
];

/** Where full-page screenshots of the themes part go, for a person to look at. */
const SHOTS = join(ROOT, 'target/e2e-screenshots');

let server;
let browser;

before(async () => {
  server = await startNagorik();
  browser = await launchBrowser();
  for (const text of FEEDBACK) {
    const res = await fetch(`${server.baseUrl}/api/v1/feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ service_code: SERVICE.code, kind: 'complaint', text, district: 'dhaka' }),
    });
    assert.equal(res.status, 201, `feedback accepted: ${await res.text()}`);
  }
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const text = async (locator) => (await locator.textContent()).replace(/\s+/g, ' ').trim();


/** The themes part of the service page: the category chart first, then the theme cards. */
async function assertThemesPart(page, lang) {
  const section = page.locator('section[aria-labelledby=themes-h]');
  assert.equal(await text(section.locator('#categories-h')), msg(lang, 'staff-page-categories-title'));
  const chart = section.locator('figure.chart svg');
  assert.equal(await chart.getAttribute('role'), 'img');
  assert.equal(await text(chart.locator('title')), msg(lang, 'staff-page-categories-title'));
  assert.ok((await text(chart.locator('desc'))).length > 0, 'the chart is described in words');
  assert.ok((await text(chart)).includes(msg(lang, 'category-unofficial-payment')), 'unofficial payment has a bar');
  const note = await text(section.locator('p.hint').first());
  const notes = [1, 2, 3, 4, 5, 6].map((count) => msg(lang, 'staff-page-categories-note', { count }));
  assert.ok(notes.includes(note), `it says the feedback not yet grouped is not counted: ${note}`);

  const cards = section.locator('li.theme-card');
  const count = await cards.count();
  assert.ok(count >= 1, 'at least one theme card');
  // The chart comes before the first card in the document.
  const chartFirst = await page.evaluate(() => {
    const chartEl = document.querySelector('#categories-h');
    const card = document.querySelector('li.theme-card');
    return Boolean(chartEl.compareDocumentPosition(card) & Node.DOCUMENT_POSITION_FOLLOWING);
  });
  assert.ok(chartFirst, 'voices by category come before the themes');

  const bands = ['very-alike', 'fairly', 'mixed'].map((b) => msg(lang, `staff-theme-cohesion-${b}`));
  let withThreeQuotes = 0;
  for (let i = 0; i < count; i++) {
    const card = cards.nth(i);
    assert.equal(await text(card.locator('h3 .badge.automatic')), msg(lang, 'staff-theme-automatic'), 'automatic label marked');
    const cohesion = await text(card.locator('dd.cohesion'));
    assert.ok(cohesion === msg(lang, 'staff-theme-cohesion-few') || bands.some((b) => cohesion.endsWith(b)), cohesion);
    assert.ok((await text(card.locator('dd.category'))).length > 0, 'a category');
    assert.ok((await text(card.locator('dd.why'))).length > 0, 'why that category');
    if ((await card.locator('ul.quotes q').count()) === 3) withThreeQuotes += 1;
  }
  assert.ok(withThreeQuotes >= 1, 'a theme of three or more feedback shows three quotes');
  const bribe = cards.filter({ has: page.locator('dd.category', { hasText: msg(lang, 'category-unofficial-payment') }) }).first();
  assert.match(await text(bribe.locator('dd.why')), /bribe|ঘুষ|দালাল/, 'the deciding words of the bribe theme');
  return count;
}

/** The regroup preview: reached by its secondary button, it changes nothing until confirmed. */
async function assertRegroupPreview(page, lang) {
  const button = page.getByRole('button', { name: msg(lang, 'staff-regroup') });
  assert.ok((await button.getAttribute('class')).includes('secondary'), 'regroup is a secondary button');
  await Promise.all([page.waitForURL((url) => url.pathname === `/staff/services/${SERVICE.code}/regroup`), button.click()]);
  assert.equal(await text(page.locator('h1')), msg(lang, 'staff-regroup-title'));
  assert.equal(await text(page.locator('table caption')), msg(lang, 'staff-regroup-summary'));
  await page.getByRole('button', { name: msg(lang, 'staff-regroup-confirm') }).waitFor();
  const cancel = page.getByRole('link', { name: msg(lang, 'staff-regroup-cancel') });
  assert.equal(await cancel.getAttribute('href'), `/staff/services/${SERVICE.code}#themes-h`);
}

/** Every field a person types in is drawn as a field (the styled border), whatever its type. */

async function themesFlow(lang) {
  const designer = server.createStaff('designer', [MINISTRY.code]);
  const context = await newContext(browser, server, { lang, cookieLang: lang === 'en' ? 'en' : undefined });
  try {
    const page = await context.newPage();
    await logIn(page, lang, designer);
    const response = await page.goto(`/staff/services/${SERVICE.code}`);
    assert.equal(response.status(), 200);
    await assertThemesPart(page, lang);
    await assertFieldsStyled(page, 'staff service page');
    await checkAtBothWidths(page, 'staff service page with themes');
    mkdirSync(SHOTS, { recursive: true });
    await page.locator('section[aria-labelledby=themes-h]').screenshot({ path: join(SHOTS, `staff-service-themes-${lang}.png`) });
    // A feedback page (redact, move) and a theme page (rename, split): every field styled.
    const feedbackUrl = await page.locator('a[href^="/staff/feedback/"]').first().getAttribute('href');
    const themeUrl = await page.locator('a[href^="/staff/themes/"]').first().getAttribute('href');
    await page.goto(feedbackUrl);
    await assertFieldsStyled(page, 'feedback page');
    // A refused redaction comes back on the feedback page: the summary has focus, the message sits
    // by the field, what was typed is kept, and the page passes axe like any other.
    await page.fill('#span', 'zz-not-in-the-text');
    await Promise.all([
      page.waitForURL((url) => url.pathname.endsWith('/redact')),
      page.locator('form[action$="/redact"] button[type=submit]').click(),
    ]);
    assert.ok(await page.locator('#span-error').isVisible(), 'the message sits by the field');
    assert.equal(await page.inputValue('#span'), 'zz-not-in-the-text', 'what was typed is kept');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'error-summary', 'the summary has focus');
    await checkAtBothWidths(page, 'refused redaction');
    await page.goto(themeUrl);
    await assertFieldsStyled(page, 'theme page');
    await page.goto(`/staff/services/${SERVICE.code}`);
    await assertRegroupPreview(page, lang);
    await checkAtBothWidths(page, 'regroup preview');
    // Cancelling goes back to the themes, unchanged.
    await Promise.all([
      page.waitForURL((url) => url.pathname === `/staff/services/${SERVICE.code}`),
      page.getByRole('link', { name: msg(lang, 'staff-regroup-cancel') }).click(),
    ]);
    await assertThemesPart(page, lang);
    context.assertNoOutsideRequests();
  } finally {
    await context.close();
  }
}

describe('staff service page with themes', () => {
  test('in Bangla: category chart, theme cards and the regroup preview pass axe at both widths', async () => {
    await themesFlow('bn');
  });

  test('in English (lang cookie): the same pages, the same checks', async () => {
    await themesFlow('en');
  });
});
