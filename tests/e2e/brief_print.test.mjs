// The design brief's A4 print page in Chromium, on the demo data: laid out for A4 (a PDF of it
// prints), Bangla set in Nagorik's own font (no other host asked), axe-core (WCAG 2.1 A/AA) with no
// violation at A4 width on screen and in print, and every text readable; in Bangla and English.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startNagorik } from './lib/nagorik.mjs';
import { assertNoAxeViolations, assertReadableText, checkAtBothWidths, launchBrowser, newContext, shoot } from './lib/browser.mjs';
import { logIn } from './lib/staff.mjs';

/** An A4 page at 96 px per inch. */
const A4 = { width: 794, height: 1123 };

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

/** Opens the print page of the first backlog item listed that has a saved design (one in design or further). */
async function printPage(page) {
  await page.goto('/staff/backlog');
  const items = [...new Set(await page.locator('a[href^="/staff/backlog/items/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href'))))]
    .filter((href) => /^\/staff\/backlog\/items\/\d+$/.test(href));
  for (const item of items.slice(0, 15)) {
    const response = await page.goto(`${item}/brief/print`);
    assert.equal(response.status(), 200, `${item}/brief/print`);
    if (await page.locator('tfoot').count() >= 2) return item;
  }
  assert.fail('no backlog item with a saved design among the first listed');
}

describe('the design brief, printed', () => {
  for (const lang of ['bn', 'en']) {
    test(`at A4, in ${lang === 'bn' ? 'Bangla' : 'English'}`, async () => {
      const context = await newContext(browser, server, { lang, cookieLang: lang === 'en' ? 'en' : undefined, viewport: A4 });
      try {
        const page = await context.newPage();
        await logIn(page, lang, server.createStaff('cabinet-admin'));
        const item = await printPage(page);
        assert.equal(await page.locator('html').getAttribute('lang'), lang);
        assert.equal(await page.locator('script').count(), 0, 'no script');
        assert.ok(await page.locator('#savings, table').count() > 0, 'the journey and the design tables');
        // The page asks for Nagorik's own Bangla font and gets it.
        const fonts = await page.evaluate(async () => {
          await document.fonts.ready;
          await document.fonts.load('16px "Nagorik Bangla"', 'বাংলা');
          return [...document.fonts].filter((f) => f.family.replace(/"/g, '') === 'Nagorik Bangla').map((f) => f.status);
        });
        assert.ok(fonts.includes('loaded'), `Nagorik Bangla loaded: ${fonts}`);
        await assertNoAxeViolations(page, `${item} print page (${lang}, A4 on screen)`);
        await assertReadableText(page, `${item} print page (${lang}, A4 on screen)`);
        await page.emulateMedia({ media: 'print' });
        assert.equal(await page.locator('nav.noprint').isVisible(), false, 'the print hint is not printed');
        await assertNoAxeViolations(page, `${item} print page (${lang}, print)`);
        const [pageWidth] = await page.evaluate(() => [document.documentElement.scrollWidth]);
        assert.ok(pageWidth <= A4.width, `fits the A4 width (${pageWidth} px)`);
        const pdf = await page.pdf({ format: 'A4', printBackground: true });
        assert.equal(pdf.subarray(0, 4).toString(), '%PDF');
        const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
        assert.ok(pages >= 2, `a brief of several A4 pages (${pages})`);
        await page.emulateMedia({ media: 'screen' });
        await shoot(page, `brief-print-${lang}-a4`);
        context.assertNoOutsideRequests();
      } finally {
        await context.close();
      }
    });
  }
});

describe('a live e-service on its public page', () => {
  for (const lang of ['bn', 'en']) {
    test(`shows before and after, in ${lang === 'bn' ? 'Bangla' : 'English'} (axe at 360 and 1280 px)`, async () => {
      const staff = await newContext(browser, server, { lang, cookieLang: lang === 'en' ? 'en' : undefined, viewport: A4 });
      let code;
      try {
        const page = await staff.newPage();
        await logIn(page, lang, server.createStaff('cabinet-admin'));
        await page.goto('/staff/backlog?status=live');
        const item = await page.locator('a[href^="/staff/backlog/items/"]').first().getAttribute('href');
        await page.goto(item);
        const service = await page.locator('p.crumbs a[href^="/staff/services/"]').first().getAttribute('href');
        code = service.split('/').pop();
      } finally {
        await staff.close();
      }
      const citizen = await newContext(browser, server, { lang, cookieLang: lang === 'en' ? 'en' : undefined });
      try {
        const page = await citizen.newPage();
        assert.equal((await page.goto(`/services/${code}`)).status(), 200);
        const section = page.locator('#before-after');
        assert.equal(await section.count(), 1, `the before and after on /services/${code}`);
        assert.equal(await section.locator('tbody tr').count(), 4, 'steps, days, cost, visits');
        assert.ok(await section.locator('ol li').count() >= 1, "the e-service's steps");
        await checkAtBothWidths(page, `/services/${code} before and after`);
        await shoot(page, `public-before-after-${lang}-360`);
        citizen.assertNoOutsideRequests();
      } finally {
        await citizen.close();
      }
    });
  }
});
