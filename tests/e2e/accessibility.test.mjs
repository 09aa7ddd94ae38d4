// axe-core (WCAG 2.1 A and AA rules) on every citizen page, in both languages, on a phone and a desktop.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startNagorik } from './lib/nagorik.mjs';
import { DESKTOP, PHONE, assertNoAxeViolations, launchBrowser, newContext } from './lib/browser.mjs';
import { DISTRICT, SEARCH, SERVICE, TEXT, TRACKING_CODE, fixAndSubmit, submitWithErrors } from './lib/flows.mjs';
import { msg } from './lib/messages.mjs';

let server;
let browser;

before(async () => {
  server = await startNagorik();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/**
 * Visits every citizen page and runs axe on each; `check(page, label, status)` is called after
 * each visit. The form with errors and the confirmation come from real submissions.
 */
async function everyCitizenPage(page, lang, check) {
  const visit = async (path, label, status = 200) => {
    const response = await page.goto(path);
    assert.equal(response.status(), status, `${label}: status`);
    await check(page, label);
  };
  await visit('/', 'home');
  await visit(`/services?q=${encodeURIComponent(SEARCH[lang])}`, 'search results');
  await visit('/services?q=zzzzqqq', 'search without results');
  await visit(`/services/${SERVICE.code}`, 'service page with the form');

  await submitWithErrors(page, lang);
  await check(page, 'form with errors (422)');

  const code = await fixAndSubmit(page, lang);
  assert.match(code, TRACKING_CODE);
  await check(page, 'confirmation');

  // The same text again: the similar-feedback step, then "me too" and its confirmation.
  await visit(`/services/${SERVICE.code}`, 'service page again');
  await page.locator('#kind-complaint').check();
  await page.getByLabel(msg(lang, 'form-text'), { exact: true }).fill(TEXT.full[lang]);
  await page.getByLabel(msg(lang, 'form-district')).selectOption({ label: DISTRICT.name[lang] });
  await page.getByRole('button', { name: msg(lang, 'form-submit') }).click();
  await page.locator('#similar-h').waitFor();
  await check(page, 'similar feedback before sending');
  await page.getByRole('button', { name: msg(lang, 'similar-me-too') }).first().click();
  await page.waitForURL(/\/thanks\/[^/?]+\?me_too=1$/);
  await page.locator('#me-too-h').waitFor();
  await check(page, '"me too" confirmation');

  await visit(`/track/${code}`, 'tracking page');
  await visit('/track', 'track form');
  await visit('/track?code=nope', 'track form with an error', 422);
  await visit('/track/ZZZZZZZZZZ', 'unknown tracking code', 404);
  await visit('/services/NOPE-1', 'unknown service', 404);
  await visit('/no/such/page', 'unknown page', 404);
}

describe('accessibility (axe-core, WCAG 2.1 A/AA)', () => {
  test('axe is wired up: it reports a field that loses its label and a low-contrast text', async () => {
    const context = await newContext(browser, server);
    try {
      const page = await context.newPage();
      await page.goto('/');
      await assertNoAxeViolations(page, 'home before the damage');
      await page.evaluate(() => {
        document.querySelector('label[for=search-q]').remove();
        document.querySelector('h1').style.color = '#ccc';
      });
      await assert.rejects(assertNoAxeViolations(page, 'damaged home'), (err) => {
        assert.match(err.message, /\blabel\b/);
        assert.match(err.message, /color-contrast/);
        return true;
      });
    } finally {
      await context.close();
    }
  });

  for (const lang of ['bn', 'en']) {
    for (const [name, viewport] of [['360 px phone', PHONE], ['1280 px desktop', DESKTOP]]) {
      test(`every citizen page in ${lang === 'bn' ? 'Bangla' : 'English'} at ${name}`, async () => {
        const context = await newContext(browser, server, { lang, cookieLang: lang === 'en' ? 'en' : undefined, viewport });
        try {
          const page = await context.newPage();
          let checked = 0;
          await everyCitizenPage(page, lang, async (p, label) => {
            assert.equal(await p.locator('html').getAttribute('lang'), lang, `${label} is in ${lang}`);
            await assertNoAxeViolations(p, `${label} (${lang}, ${viewport.width} px)`);
            checked++;
          });
          assert.equal(checked, 15);
          context.assertNoOutsideRequests();
        } finally {
          await context.close();
        }
      });
    }
  }
});
