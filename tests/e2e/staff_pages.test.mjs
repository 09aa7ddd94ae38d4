// Every staff page, as every role sees it, in both languages, at 360 and 1280 px: axe-core finds
// no WCAG 2.1 A/AA violation, nothing scrolls sideways, no page answers 5xx. The pages are found by
// following the links each role is shown, starting from its home, on the demo data (48 ministries,
// 809 services, feedback, themes and backlog items). Staff pages carry no script at all (checked
// below), so what a browser without JavaScript gets is the very document axe reads here.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startNagorik } from './lib/nagorik.mjs';
import { assertFieldsStyled, checkAtBothWidths, launchBrowser, newContext, shoot } from './lib/browser.mjs';
import { DISTRICT } from './lib/flows.mjs';
import { MINISTRY, SERVICE, logIn } from './lib/staff.mjs';

let server;
let browser;

before(async () => {
  server = await startNagorik({ demo: true });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Links never followed: leaving, downloads, the API's machine pages, and the brief's A4 print page
 * (brief_print.test.mjs checks it at A4). */
const SKIP = [/^\/staff\/logout/, /\/export\.(csv|xlsx|json)$/, /\/brief\.docx$/, /\/brief\/print$/, /^\/api\//, /^\/staff\/login/];

/** What any staff page may weigh, its HTML as sent (gzipped): a Union Digital Centre's link is slow. */
const BUDGET = 30 * 1024;
/** The heaviest staff page met so far, gzipped bytes (reported with each test). */
let heaviest = 0;
/** Page shapes already photographed, per language (one screenshot of each is enough). */
const photographed = new Set();

/** Most pages of one shape visited (ids and codes stand for one shape: one theme page is all). */
const PAGES_MAX = 40;

/** `/staff/themes/123` and `/staff/themes/9` are one shape; so are two service codes. */
function shape(path) {
  return path.replace(/\/\d+(?=\/|$)/g, '/{id}').replace(/\/services\/[A-Z0-9][A-Z0-9._-]*(?=\/|$)/g, '/services/{code}');
}

/** The same-host staff links of the page (path only), in document order. */
async function staffLinks(page) {
  const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.href));
  const out = [];
  for (const href of hrefs) {
    const url = new URL(href);
    if (url.host !== server.host || !url.pathname.startsWith('/staff')) continue;
    if (SKIP.some((re) => re.test(url.pathname))) continue;
    out.push(url.pathname);
  }
  return out;
}

/**
 * Logs `account` in and visits every page shape reachable by links from its home (and `seeds`,
 * pages reached by a form), breadth first, then the refusals `errors` ([path, status]); each page
 * is checked at both widths. Returns the shapes visited.
 */
async function everyStaffPage(account, lang, seeds = [], errors = [['/staff/themes/999999999', 404]]) {
  const context = await newContext(browser, server, { lang, cookieLang: lang === 'en' ? 'en' : undefined });
  const seen = new Set();
  try {
    const page = await context.newPage();
    await logIn(page, lang, account);
    const queue = [new URL(page.url()).pathname, ...seeds];
    while (queue.length && seen.size < PAGES_MAX) {
      const path = queue.shift();
      if (seen.has(shape(path))) continue;
      seen.add(shape(path));
      const response = await page.goto(path);
      const status = response.status();
      assert.ok(status < 500, `${account.role} ${lang} ${path}: ${status}`);
      const html = await response.text();
      assert.ok(!/<script\b/i.test(html), `${path} carries no script: the page is the same without JavaScript`);
      const sent = (await response.request().sizes()).responseBodySize;
      assert.ok(sent > 0 && sent < BUDGET, `${account.role} ${path}: ${sent} bytes sent, budget ${BUDGET}`);
      heaviest = Math.max(heaviest, sent);
      await assertFieldsStyled(page, `${account.role}: ${path}`);
      await checkAtBothWidths(page, `${account.role}: ${path}`);
      if (!photographed.has(`${lang} ${shape(path)}`)) {
        photographed.add(`${lang} ${shape(path)}`);
        await shoot(page, `staff-${lang}-${account.role}-${shape(path)}-360`);
      }
      for (const link of await staffLinks(page)) {
        if (!seen.has(shape(link))) queue.push(link);
      }
    }
    // Refusals keep the staff layout and pass axe too.
    for (const [path, status] of errors) {
      const response = await page.goto(path);
      assert.equal(response.status(), status, `${account.role} ${path}`);
      assert.ok(await page.locator('form[action="/staff/logout"]').count(), `${path}: the staff layout`);
      await checkAtBothWidths(page, `${account.role}: ${path} (${status})`);
    }
    context.assertNoOutsideRequests();
  } finally {
    await context.close();
  }
  return [...seen];
}

/**
 * An operator enters a citizen's feedback: the tracking code comes back in the confirmation
 * panel, large enough to read out, and that page passes the same checks as every other.
 */
async function operatorEntry(account, lang) {
  const context = await newContext(browser, server, { lang, cookieLang: lang === 'en' ? 'en' : undefined });
  try {
    const page = await context.newPage();
    await logIn(page, lang, account);
    await page.goto('/staff/assisted');
    await page.fill('#field-service', SERVICE.code);
    await page.fill('#field-text', 'জন্ম নিবন্ধনের সনদ পেতে তিন মাস লেগেছে, বারবার ইউনিয়ন পরিষদে যেতে হয়েছে');
    await page.fill('#field-days', '৯০');
    await page.fill('#field-centre', 'সাভার ইউনিয়ন ডিজিটাল সেন্টার');
    await page.selectOption('#field-district', DISTRICT.code);
    await page.check('#consent-yes');
    await page.check('#reached-in-person');
    await page.locator('form[action="/staff/assisted"] button[type=submit]').click();
    const panel = page.locator('#saved .tracking-code');
    await panel.waitFor();
    assert.match((await panel.textContent()).trim(), /^[0-9A-Z]{5}-[0-9A-Z]{5}$/, 'the code in its two groups');
    const size = await panel.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    assert.ok(size >= 20, `the code is large enough to read out (${size} px)`);
    await assertFieldsStyled(page, 'operator: saved');
    await shoot(page, `staff-${lang}-operator-saved-360`);
    await checkAtBothWidths(page, 'operator: the saved tracking code');
  } finally {
    await context.close();
  }
}

describe('every staff page, every role, both languages, both widths (axe-core)', () => {
  for (const lang of ['bn', 'en']) {
    const language = lang === 'bn' ? 'Bangla' : 'English';
    test(`designer and ministry admin of a ministry, in ${language}`, async (t) => {
      for (const role of ['designer', 'ministry-admin']) {
        const seeds = [`/staff/services/${SERVICE.code}/regroup`];
        const errors = [['/staff/themes/999999999', 404], ['/staff/services/NOPE-1', 404]];
        if (role === 'designer') errors.push(['/staff/users', 403]);
        const shapes = await everyStaffPage(server.createStaff(role, [MINISTRY.code]), lang, seeds, errors);
        t.diagnostic(`${role}: ${shapes.length} pages (heaviest so far ${heaviest} bytes gzipped): ${shapes.join(' ')}`);
        const expected = ['/staff', '/staff/services/{code}', '/staff/services/{code}/regroup', '/staff/themes/{id}', '/staff/feedback/{id}', '/staff/backlog'];
        for (const want of expected) {
          assert.ok(shapes.includes(want), `${role} reached ${want}: ${shapes.join(' ')}`);
        }
      }
    });

    test(`cabinet admin, in ${language}`, async (t) => {
      const shapes = await everyStaffPage(server.createStaff('cabinet-admin'), lang);
      t.diagnostic(`cabinet-admin: ${shapes.length} pages (heaviest so far ${heaviest} bytes gzipped): ${shapes.join(' ')}`);
      for (const expected of ['/staff/backlog/weights', '/staff/apa', '/staff/audit', '/staff/users']) {
        assert.ok(shapes.includes(expected), `the cabinet admin reached ${expected}: ${shapes.join(' ')}`);
      }
    });

    test(`Union Digital Centre operator, in ${language}`, async (t) => {
      const refused = [['/staff/backlog', 403], ['/staff/themes/1', 403]];
      const operator = server.createStaff('operator', [DISTRICT.code]);
      const shapes = await everyStaffPage(operator, lang, [], refused);
      t.diagnostic(`operator: ${shapes.length} pages (heaviest so far ${heaviest} bytes gzipped): ${shapes.join(' ')}`);
      assert.ok(shapes.includes('/staff/assisted'), shapes.join(' '));
      await operatorEntry(operator, lang);
    });
  }
});
