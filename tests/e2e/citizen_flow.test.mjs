// The citizen flow in a real browser: in Bangla, in English, without JavaScript, and by keyboard alone.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startNagorik } from './lib/nagorik.mjs';
import { assertNoAxeViolationsInDocuments, focusState, launchBrowser, newContext, tabTo, tabToId } from './lib/browser.mjs';
import {
  SERVICE, SEARCH, TCV, TEXT, assertErrorsShown, assertLanguage, assertTrackingPage, citizenFlow, confirmation,
  fixAndSubmit, recordDocuments, searchAndOpenService, submitWithErrors, trackCode,
} from './lib/flows.mjs';
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

/** Runs `body(page, context)` in a new context and checks no request left for another host. */
async function inContext(options, body) {
  const context = await newContext(browser, server, options);
  try {
    const page = await context.newPage();
    await body(page, context);
    context.assertNoOutsideRequests();
  } finally {
    await context.close();
  }
}

describe('citizen flow', () => {
  test('in Bangla: search নিবন্ধন, open the service, fail, fix, submit, get a code, track it', async () => {
    await inContext({ lang: 'bn' }, async (page) => {
      const code = await citizenFlow(page, 'bn');
      assert.match(code, /^[2-9A-Z]{10}$/);
    });
  });

  test('in English: the header link switches the language and the cookie keeps it', async () => {
    await inContext({ lang: 'bn' }, async (page, context) => {
      await page.goto('/');
      await assertLanguage(page, 'bn');
      const nav = page.getByRole('navigation', { name: msg('bn', 'nav-label') });
      await nav.getByRole('link', { name: 'English' }).click();
      await page.waitForURL((url) => url.pathname === '/');
      await assertLanguage(page, 'en');
      const cookie = (await context.cookies()).find((c) => c.name === 'lang');
      assert.equal(cookie?.value, 'en', 'the choice is kept in the lang cookie');
      assert.ok(cookie.httpOnly && cookie.expires > Date.now() / 1000 + 300 * 86400, 'the cookie lasts about a year');

      // Every following page, including the form's answers, stays in English.
      const code = await citizenFlow(page, 'en');

      // Switching back from a deep page returns to that page, in Bangla.
      await page.getByRole('navigation', { name: msg('en', 'nav-label') }).getByRole('link', { name: 'বাংলা' }).click();
      await assertTrackingPage(page, 'bn', code);
    });
  });

  test('without JavaScript: the same flow in Bangla and English, and axe passes on what was shown', async () => {
    const seen = [];
    for (const lang of ['bn', 'en']) {
      await inContext({ lang, cookieLang: lang === 'en' ? 'en' : undefined, javaScript: false }, async (page) => {
        assert.equal(await page.evaluate(() => typeof window), 'object');
        const documents = recordDocuments(page);
        await citizenFlow(page, lang);
        // The site ships no script at all.
        for (const doc of documents) {
          const html = await doc.html;
          assert.doesNotMatch(html, /<script\b/i, `${doc.url} has no script`);
          seen.push({ url: doc.url, html, label: `${lang} ${doc.status} page without JavaScript` });
        }
      });
    }
    assert.ok(seen.some((d) => d.label.includes(' 422 ')), 'the form with errors was among the pages');
    // axe needs JavaScript: the HTML the script-less browser got is checked in a JavaScript-enabled context.
    await inContext({ lang: 'bn' }, (_page, jsContext) => assertNoAxeViolationsInDocuments(jsContext, seen));
  });

  test('by keyboard alone: Tab, Space, Enter and arrow keys, with the focus always visible', async () => {
    await inContext({ lang: 'bn' }, async (page) => {
      const lang = 'bn';
      await page.goto('/');
      // The first Tab reaches the skip link, which becomes visible.
      await page.keyboard.press('Tab');
      const skip = await focusState(page);
      assert.equal(skip.href, '#main');
      assert.ok(skip.visible, 'the skip link shows focus');
      assert.ok(await page.locator('a.skip').evaluate((a) => a.getBoundingClientRect().left >= 0), 'the focused skip link is on screen');

      await tabToId(page, 'search-q');
      await page.keyboard.type(SEARCH[lang]);
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.pathname === '/services');

      await tabTo(page, (s) => s.href === `/services/${SERVICE.code}`, 'the service link');
      await page.keyboard.press('Enter');
      await page.waitForURL(`**/services/${SERVICE.code}`);

      // The radio group: Tab into it, Space chooses, arrows move the choice.
      await tabToId(page, 'kind-complaint');
      await page.keyboard.press('Space');
      assert.ok(await page.locator('#kind-complaint').isChecked());
      await page.keyboard.press('ArrowDown');
      assert.ok(await page.locator('#kind-expectation').isChecked(), 'ArrowDown moves to the next kind');
      assert.equal((await focusState(page)).id, 'kind-expectation');
      await page.keyboard.press('ArrowUp');
      assert.ok(await page.locator('#kind-complaint').isChecked(), 'ArrowUp moves back');

      // The radio group is one Tab stop: the next Tab is the text.
      await page.keyboard.press('Tab');
      assert.equal((await focusState(page)).id, 'field-text');
      await page.keyboard.type(TEXT.short[lang]);
      for (const field of ['days', 'cost', 'visits']) {
        await tabToId(page, `field-${field}`);
        await page.keyboard.type(TCV[field]);
      }
      await tabTo(page, (s) => s.tag === 'BUTTON' && s.text === msg(lang, 'form-submit'), 'the submit button');
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST'),
        page.keyboard.press('Enter'),
      ]);
      assert.equal(response.status(), 422);
      await page.waitForURL(`**/services/${SERVICE.code}/feedback`);
      await assertErrorsShown(page, lang);
      assert.ok((await focusState(page)).visible, 'the focused error summary shows focus');

      // The summary's first link leads to the text field.
      await page.keyboard.press('Tab');
      const first = await focusState(page);
      assert.equal(first.href, '#field-text');
      await page.keyboard.press('Enter');
      await page.locator('#field-text:focus').waitFor({ state: 'attached' });
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type(TEXT.full[lang]);

      // The district: arrow keys change the choice of a closed select.
      await tabToId(page, 'field-district');
      await page.keyboard.press('ArrowDown');
      const district = await page.locator('#field-district').inputValue();
      assert.notEqual(district, '', 'ArrowDown chose a district');

      await tabTo(page, (s) => s.tag === 'BUTTON' && s.text === msg(lang, 'form-submit'), 'the submit button');
      await page.keyboard.press('Space');
      const code = await confirmation(page, lang, { keyboard: true });

      await tabTo(page, (s) => s.href === `/track/${code}`, 'the status link');
      await page.keyboard.press('Enter');
      await page.waitForURL(`**/track/${code}`);
      await assertLanguage(page, lang);
      assert.ok((await page.locator('dl.facts').textContent()).includes(`${code.slice(0, 5)}-${code.slice(5)}`));
    });
  });
});
