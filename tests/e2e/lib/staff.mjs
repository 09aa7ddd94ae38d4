// The staff backlog flow, step by step: log-in, promote, move, prioritise, review, rank, compare,
// weights, APA and the public "you said, we did". Usable with or without JavaScript.
import assert from 'node:assert/strict';
import { msg, toBanglaDigits } from './messages.mjs';
import { tabTo, tabToId } from './browser.mjs';
import { SERVICE, assertLanguage } from './flows.mjs';

export { SERVICE };
/** The other LGD service of the fixture: the second party of the comparison. */
export const OTHER_SERVICE = { code: 'ORGBDR-002', name: { bn: 'মৃত্যু নিবন্ধন', en: 'Death registration' } };
export const MINISTRY = { code: 'LGD', name: { bn: 'স্থানীয় সরকার বিভাগ', en: 'Local Government Division' } };
export const OFFICE = { code: 'ORGBDR', name: { bn: 'রেজিস্ট্রার জেনারেলের কার্যালয়', en: 'Office of the Registrar General' } };

/** What the designer and the ministry admin type, in the page's language. */
export const TYPED = {
  problem: {
    bn: 'জন্ম নিবন্ধনের সনদ পেতে নাগরিককে কয়েকবার ইউনিয়ন পরিষদে যেতে হয়।',
    en: 'Citizens travel to the union parishad several times to get a birth certificate.',
  },
  note: { bn: 'নকশা কর্মশালা শুরু হলো।', en: 'The design workshop has started.' },
  progress: { bn: 'নাগরিকদের সাথে দুটি কর্মশালা হয়েছে।', en: 'Two workshops with citizens were held.' },
  nextStep: { bn: 'প্রোটোটাইপ যাচাই।', en: 'Test the prototype.' },
};

/** Citizen feedback sent through the JSON API before the staff arrive (three voices, one other). */
const FEEDBACK = [
  { service_code: SERVICE.code, kind: 'complaint', text: 'জন্ম নিবন্ধনের সনদ পেতে ১৫ দিন লেগেছে, তিনবার যেতে হয়েছে।', district: 'dhaka', days: 15, cost: 500, visits: 3 },
  { service_code: SERVICE.code, kind: 'complaint', text: 'The registrar asked for money to give the certificate quickly.', district: 'khulna', days: 20, cost: 1500, visits: 4 },
  { service_code: SERVICE.code, kind: 'suggestion', text: 'Let us collect the birth certificate online instead of visiting.', district: 'sylhet' },
  { service_code: OTHER_SERVICE.code, kind: 'complaint', text: 'Death registration took a month and two visits.', district: 'dhaka', days: 30, visits: 2 },
];

/** Sends the feedback through `POST /api/v1/feedback` (201 each). */
export async function submitFeedbackThroughApi(server) {
  for (const body of FEEDBACK) {
    const res = await fetch(`${server.baseUrl}/api/v1/feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    assert.equal(res.status, 201, `feedback accepted: ${await res.text()}`);
  }
}

/** The fiscal year (July to June) and quarter of today, as the server labels them (UTC). */
export function currentQuarter(now = new Date()) {
  const month = now.getUTCMonth(); // 0 = January
  const start = month >= 6 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
  const year = `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
  return { year, quarter: `${year} Q${Math.floor(((month + 6) % 12) / 3) + 1}` };
}

const text = async (locator) => (await locator.textContent()).replace(/\s+/g, ' ').trim();

/** Submits a form by clicking `button` and returns the document response it led to. */
async function submit(page, button, path) {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith(path)),
    button.click(),
  ]);
  return response;
}

/** Logs in at /staff/login, by keyboard (autofocused email, Tab, Enter) or by mouse; lands on /staff. */
export async function logIn(page, lang, account, { keyboard = false, check } = {}) {
  await page.goto('/staff/login');
  await assertLanguage(page, lang);
  assert.equal(await text(page.getByRole('heading', { level: 1 })), msg(lang, 'staff-login-title'));
  await check?.(page, 'staff log-in');
  if (keyboard) {
    // The email field has focus from its HTML autofocus attribute.
    await page.locator('#email:focus').waitFor({ state: 'attached' });
    await page.keyboard.type(account.email);
    await tabToId(page, 'password', 3);
    await page.keyboard.type(account.password);
    await page.keyboard.press('Enter');
  } else {
    await page.getByLabel(msg(lang, 'staff-email')).fill(account.email);
    await page.getByLabel(msg(lang, 'staff-password')).fill(account.password);
    await page.getByRole('button', { name: msg(lang, 'staff-login-submit') }).click();
  }
  // Operators land on their own page; everyone else on the dashboard.
  await page.waitForURL((url) => url.pathname === (account.role === 'operator' ? '/staff/assisted' : '/staff'));
  await assertLanguage(page, lang);
  assert.equal(await text(page.locator('header.site .who')), `${account.name} · ${msg(lang, `role-${account.role}`)}`);
}

/**
 * The designer's staff service page: opens "promote" (a <details>) and promotes the service by
 * keyboard: Enter on the summary, type the problem statement, Space on the first theme, Enter on
 * the button. Returns { itemPath, theme } (the chosen theme's label).
 */
export async function promoteByKeyboard(page, lang, { check } = {}) {
  await page.goto(`/staff/services/${SERVICE.code}`);
  await assertLanguage(page, lang);
  assert.equal(await text(page.locator('h1')), `${SERVICE.name[lang]} ${SERVICE.code}`);
  await check?.(page, 'staff service page');

  const details = page.locator('section[aria-labelledby=backlog-h] details');
  assert.equal(await details.getAttribute('open'), null, 'the promote form starts folded');
  await tabTo(page, (s) => s.tag === 'SUMMARY' && s.text === msg(lang, 'backlog-promote'), 'the promote summary');
  await page.keyboard.press('Enter');
  await page.locator('section[aria-labelledby=backlog-h] details[open]').waitFor();
  await check?.(page, 'staff service page with "promote" open');

  const field = lang === 'bn' ? 'problem_bn' : 'problem_en';
  await tabToId(page, field, 3);
  await page.keyboard.type(TYPED.problem[lang]);
  const firstTheme = details.locator('fieldset input[type=checkbox]').first();
  const themeId = await firstTheme.getAttribute('id');
  const theme = (await text(details.locator(`label[for="${themeId}"]`))).replace(/\s*\([^)]*\)$/, '');
  await tabToId(page, themeId, 3);
  await page.keyboard.press('Space');
  assert.ok(await firstTheme.isChecked(), 'Space checks the theme');
  await tabTo(page, (s) => s.tag === 'BUTTON' && s.text === msg(lang, 'backlog-promote-go'), 'the promote button', 10);
  await page.keyboard.press('Enter');
  // The item page, saying the service is now in the backlog.
  await page.waitForURL((url) => /^\/staff\/backlog\/items\/\d+$/.test(url.pathname) && url.searchParams.get('done') === 'promoted');
  assert.equal(await text(page.locator('.panel.success')), msg(lang, 'backlog-item-done-promoted'));
  const itemPath = new URL(page.url()).pathname;
  return { itemPath, theme, themeId: themeId.replace('promote-', '') };
}

/** The item page shows the service, its status, the problem statement and the chosen theme. */
export async function assertItemPage(page, lang, { status, theme, themeId }) {
  await assertLanguage(page, lang);
  assert.equal(await text(page.locator('h1')), `${SERVICE.name[lang]} ${msg(lang, `backlog-status-${status}`)}`);
  const problem = page.locator('section[aria-labelledby=problem-h]');
  assert.equal(await text(problem.locator(`p[lang=${lang}]`)), TYPED.problem[lang]);
  if (await problem.locator('form').count()) {
    assert.ok(await problem.locator(`#${themeId}`).isChecked(), `theme "${theme}" is linked`);
  } else {
    assert.ok((await problem.locator('li').allTextContents()).includes(theme), `theme "${theme}" is listed`);
  }
  // The score breakdown: five components, each with its weight and points, and the total.
  const rows = page.locator('section[aria-labelledby=score-h] tbody tr');
  assert.equal(await rows.count(), 5);
  const names = (await rows.locator('th').allTextContents()).map((s) => s.trim());
  assert.deepEqual(names, ['demand', 'burden', 'gap', 'severity', 'readiness'].map((c) => msg(lang, `backlog-component-${c}`)));
  return text(page.locator('section[aria-labelledby=score-h] tfoot strong'));
}

/**
 * The ministry admin on the item page: a drop without a reason is refused (422, nothing changed),
 * then identified → designing by keyboard with a note. `check` runs on the refused page.
 */
export async function moveStatus(page, lang, itemPath, { check } = {}) {
  const form = page.locator('form[action$="/status"]');
  await form.getByLabel(msg(lang, 'backlog-move-to')).selectOption('dropped');
  const refused = await submit(page, form.getByRole('button', { name: msg(lang, 'backlog-move-go') }), '/status');
  assert.equal(refused.status(), 422, 'a drop without a reason is refused with 422');
  // The item page itself comes back: the summary (focused) links to the note, the message sits
  // beside it, the move chosen is kept, and nothing changed.
  await assertLanguage(page, lang);
  assert.equal(await text(page.locator('h1 .badge')), msg(lang, 'backlog-status-identified'), 'nothing changed');
  assert.equal(await text(page.locator('.error-summary li')), msg(lang, 'error-backlog-drop-reason'));
  assert.equal(await page.locator('.error-summary li a').getAttribute('href'), '#note');
  await page.locator('.error-summary:focus').waitFor({ state: 'attached' });
  assert.ok((await text(page.locator('main'))).includes(msg(lang, 'staff-invalid-nothing-changed')));
  assert.equal(await text(page.locator('#note-error')), msg(lang, 'error-backlog-drop-reason'));
  assert.equal(await page.locator('#status').inputValue(), 'dropped', 'the move chosen is kept');
  await check?.(page, 'refused form (422: drop without a reason)');

  // By keyboard: choose designing, a note, then Enter on "Move".
  await page.locator('#status').selectOption('designing');
  await tabToId(page, 'status');
  await tabToId(page, 'note', 3);
  await page.keyboard.type(TYPED.note[lang]);
  await tabTo(page, (s) => s.tag === 'BUTTON' && s.text === msg(lang, 'backlog-move-go'), 'the move button', 3);
  await page.keyboard.press('Enter');
  await page.locator('h1 .badge').filter({ hasText: msg(lang, 'backlog-status-designing') }).waitFor();
  const history = await page.locator('section[aria-labelledby=history-h] li').allTextContents();
  const moved = history.find((li) => li.includes(TYPED.note[lang]));
  assert.ok(moved, 'the move and its note are in the history');
  assert.ok(moved.startsWith(`${msg(lang, 'backlog-status-identified')} → ${msg(lang, 'backlog-status-designing')}`), moved);
}

/** Target fiscal year, owner office and category (by mouse); the page shows what was saved. */
export async function setPriorities(page, lang, year) {
  const form = page.locator('form[action$="/priorities"]');
  await form.getByLabel(msg(lang, 'backlog-col-year')).selectOption(year);
  await form.getByLabel(msg(lang, 'backlog-owner-office')).selectOption({ label: OFFICE.name[lang] });
  await form.getByLabel(msg(lang, 'backlog-col-category')).selectOption('2');
  await submit(page, form.getByRole('button', { name: msg(lang, 'staff-save') }), '/priorities');
  await page.waitForLoadState();
  const meta = await text(page.locator('p.meta'));
  assert.ok(meta.includes(`${msg(lang, 'backlog-col-year')} ${localDigits(lang, year)}`), meta);
  assert.equal(await page.locator('#target_year').inputValue(), year);
  assert.equal(await page.locator('#category').inputValue(), '2');
}

/** The quarterly review (by mouse): it appears under "Quarterly reviews" with its status. */
export async function recordReview(page, lang, quarter) {
  const section = page.locator('section[aria-labelledby=review-h]');
  // Quarter labels are stored as "2026-27 Q2" and shown in the page's language ("২০২৬-২৭ প্রান্তিক ২").
  const [year, number] = quarter.split(' Q');
  const shown = lang === 'bn' ? toBanglaDigits(`${year} প্রান্তিক ${number}`) : quarter;
  assert.equal(await text(section.locator('h2')), msg(lang, 'backlog-review-title', { quarter: 'QUARTER' }).replace('QUARTER', shown));
  await section.getByLabel(msg(lang, 'backlog-review-progress')).fill(TYPED.progress[lang]);
  assert.equal(await section.getByLabel(msg(lang, 'backlog-col-status')).inputValue(), 'designing', 'the review starts at the current status');
  await section.getByLabel(msg(lang, 'backlog-review-next')).fill(TYPED.nextStep[lang]);
  await submit(page, section.getByRole('button', { name: msg(lang, 'backlog-review-save') }), '/reviews');
  const review = page.locator('section[aria-labelledby=reviews-h] li').first();
  await review.waitFor();
  const said = await text(review);
  for (const part of [msg(lang, 'backlog-status-designing'), TYPED.progress[lang], `${msg(lang, 'backlog-review-next')}: ${TYPED.nextStep[lang]}`]) {
    assert.ok(said.includes(part), `the review shows "${part}": ${said}`);
  }
}

/** Digits as the page writes them. */
export function localDigits(lang, value) {
  return lang === 'bn' ? toBanglaDigits(value) : String(value);
}

/**
 * The ranked list: the item's row (status, year, total as on the item page); what moved this
 * quarter; the wide table scrolls inside `.table-wrap`, never the page.
 */
export async function assertRanked(page, lang, { total, year }) {
  await page.getByRole('navigation', { name: msg(lang, 'nav-label') }).getByRole('link', { name: msg(lang, 'backlog-title'), exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/staff/backlog');
  await assertLanguage(page, lang);
  assert.equal(await text(page.locator('h1')), msg(lang, 'backlog-title'));
  const row = page.locator('table.ranked tbody tr').filter({ has: page.getByRole('link', { name: SERVICE.name[lang], exact: true }) });
  assert.equal(await row.count(), 1, 'the item is ranked');
  const cells = (await row.locator('th, td').allTextContents()).map((s) => s.replace(/\s+/g, ' ').trim());
  assert.equal(cells[2], msg(lang, 'backlog-status-designing'));
  assert.equal(cells[3], localDigits(lang, year));
  assert.equal(cells[9], total, 'the ranked total is the item page total');
  const moved = page.locator('section[aria-labelledby=moved-h] li').filter({ hasText: SERVICE.name[lang] });
  assert.ok((await text(moved)).includes(msg(lang, 'backlog-moved-new')), 'what moved: added to the backlog');

  const layout = await page.evaluate(() => {
    const wrap = document.querySelector('.table-wrap');
    return {
      overflowX: getComputedStyle(wrap).overflowX,
      wrapScrolls: wrap.scrollWidth > wrap.clientWidth,
      pageWidth: document.documentElement.scrollWidth,
      viewport: window.innerWidth,
    };
  });
  assert.equal(layout.overflowX, 'auto', 'the ranked table scrolls inside .table-wrap');
  if (layout.viewport < 400) assert.ok(layout.wrapScrolls, 'on a phone the ranked table is wider than its .table-wrap');
  assert.ok(layout.pageWidth <= layout.viewport, `the page itself does not scroll sideways (${layout.pageWidth} > ${layout.viewport})`);
  return layout;
}

/** "Why does A rank above B?": the sentence names both services and the component; the table lists all five. */
export async function compare(page, lang) {
  const section = page.locator('section[aria-labelledby=compare-h]');
  await section.getByLabel(msg(lang, 'backlog-compare-a')).fill(SERVICE.code);
  await section.getByLabel(msg(lang, 'backlog-compare-b')).fill(OTHER_SERVICE.code);
  await section.getByRole('button', { name: msg(lang, 'backlog-compare-go') }).click();
  await page.waitForURL((url) => url.searchParams.get('a') === SERVICE.code && url.searchParams.get('b') === OTHER_SERVICE.code);
  const explain = await text(page.locator('p.explain'));
  assert.ok(explain.startsWith(`${SERVICE.name[lang]} (`), `the higher one comes first: ${explain}`);
  assert.ok(explain.includes(`${OTHER_SERVICE.name[lang]} (`), explain);
  const components = ['demand', 'burden', 'gap', 'severity', 'readiness'].map((c) => msg(lang, `backlog-component-${c}`));
  assert.ok(components.includes(await text(page.locator('p.explain strong'))), 'the sentence names a component');
  if (lang === 'bn') assert.doesNotMatch(explain, /[0-9]/, `every number is in Bangla digits: ${explain}`);
  const table = page.locator('section[aria-labelledby=compare-h] table');
  assert.deepEqual((await table.locator('thead th').allTextContents()).slice(1, 3), [SERVICE.name[lang], OTHER_SERVICE.name[lang]]);
  assert.deepEqual((await table.locator('tbody th').allTextContents()).map((s) => s.trim()), components);
}

/** The weights page from the backlog's link: national weights read-only for a ministry admin, its own editable. */
export async function assertWeights(page, lang) {
  await page.getByRole('main').getByRole('link', { name: msg(lang, 'backlog-weights-link'), exact: true }).click();
  await page.waitForURL('**/staff/backlog/weights');
  assert.equal(await text(page.locator('h1')), msg(lang, 'weights-title'));
  const national = page.locator('section[aria-labelledby=national-h]');
  const demand = national.getByLabel(msg(lang, 'backlog-component-demand'));
  assert.equal(await demand.getAttribute('readonly'), '', 'a ministry admin reads the national weights');
  const own = page.locator(`section[aria-labelledby=m-${MINISTRY.code}]`);
  assert.ok((await text(own.locator('h2'))).startsWith(`${MINISTRY.name[lang]} (${MINISTRY.code})`));
  assert.equal(await own.getByLabel(msg(lang, 'backlog-component-demand')).getAttribute('readonly'), null, 'and edits its own');
}

/** The cabinet admin's APA page: the department of the item, its conversion planned but not committed. */
export async function assertApa(page, lang, year) {
  await page.getByRole('navigation', { name: msg(lang, 'nav-label') }).getByRole('link', { name: msg(lang, 'apa-nav'), exact: true }).click();
  await page.waitForURL('**/staff/apa');
  assert.equal(await text(page.locator('h1')), `${msg(lang, 'apa-title')} · ${localDigits(lang, year)}`);
  const ministry = page.locator(`section[aria-labelledby=apa-${MINISTRY.code}]`);
  assert.ok((await text(ministry.locator('h2'))).startsWith(`${MINISTRY.name[lang]} (${MINISTRY.code})`));
  const row = ministry.locator('tbody tr').filter({ has: page.getByRole('rowheader', { name: OFFICE.name[lang], exact: true }) });
  const conversion = await text(row.locator('td').last());
  assert.equal(conversion, `${msg(lang, 'apa-no')} (${msg(lang, 'apa-planned')}: ${SERVICE.code})`);
}

/** The public service page tells citizens what became of what they said: the status and the target year. */
export async function assertYouSaidWeDid(page, lang, { year, theme }) {
  await page.goto(`/services/${SERVICE.code}`);
  await assertLanguage(page, lang);
  const section = page.locator('section.you-said');
  assert.equal(await text(section.locator('h2')), msg(lang, 'you-said-title'));
  assert.equal(
    await text(section.locator('p').first()),
    `${msg(lang, 'you-said-status')} ${msg(lang, 'backlog-status-designing')} · ${msg(lang, 'you-said-target')} ${localDigits(lang, year)}`,
  );
  // Only themes a designer confirmed are shown to the public; the promoted one was suggested, not confirmed.
  const themes = (await section.locator('li').allTextContents()).map((s) => s.split(' · ')[0].trim());
  assert.ok(!themes.includes(theme), `the unconfirmed theme "${theme}" stays inside: ${themes}`);
}

/** The ranked list before anything is promoted: an empty table and nothing moved yet. */
export async function assertEmptyBacklog(page, lang) {
  await page.goto('/staff/backlog');
  await assertLanguage(page, lang);
  assert.equal(await text(page.locator('h1')), msg(lang, 'backlog-title'));
  assert.equal(await page.locator('table.ranked tbody tr').count(), 0);
  assert.equal(await text(page.locator('section[aria-labelledby=moved-h] p')), msg(lang, 'backlog-moved-none'));
}
