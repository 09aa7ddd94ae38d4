// Small pages for slow links: page weight, compression, cache-friendly static files, no outside host.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startNagorik } from './lib/nagorik.mjs';
import { PHONE, launchBrowser, newContext } from './lib/browser.mjs';
import { SEARCH, SERVICE, fixAndSubmit, submitWithErrors } from './lib/flows.mjs';
import { msg } from './lib/messages.mjs';

const BUDGET = 30 * 1024;

let server;
let browser;
/** Measurements, printed at the end so a person can follow page weights over time. */
const measured = [];

before(async () => {
  server = await startNagorik();
  browser = await launchBrowser();
});

after(async () => {
  if (measured.length) {
    const rows = measured.map((m) => `  ${m.label.padEnd(38)} ${String(m.total).padStart(6)} B  (html ${m.html}, css ${m.css}, js ${m.js}; ${m.transferred} B on the wire)`);
    console.log(`page weight, uncompressed, budget ${BUDGET} B:\n${rows.join('\n')}`);
  }
  await browser?.close();
  await server?.stop();
});

/**
 * Records every response of a page with the browser cache off, so each load fetches all it needs.
 * `measure(label, action)` runs `action` (a navigation) and sums the bodies it brought.
 */
async function meter(context, page, target = server) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  let responses = [];
  page.on('response', (r) => responses.push(r));
  return async function measure(label, action) {
    responses = [];
    await action();
    await page.waitForLoadState('load');
    let html = 0;
    let css = 0;
    let js = 0;
    let other = 0;
    let transferred = 0;
    const documents = [];
    for (const response of responses) {
      const request = response.request();
      const url = new URL(response.url());
      assert.equal(url.host, target.host, `${label}: ${url} is on the Nagorik's host`);
      if (response.status() >= 300 && response.status() < 400) continue;
      const size = (await response.body()).length;
      transferred += (await request.sizes()).responseBodySize;
      switch (request.resourceType()) {
        case 'document': html += size; documents.push(response); break;
        case 'stylesheet': css += size; break;
        case 'script': js += size; break;
        default: other += size;
      }
    }
    assert.equal(documents.length, 1, `${label}: one HTML document`);
    const total = html + css + js + other;
    measured.push({ label, total, html, css, js, transferred });
    assert.ok(css > 0, `${label}: the stylesheet was loaded and counted`);
    assert.ok(total < BUDGET, `${label}: ${total} bytes, over the ${BUDGET} byte budget`);
    return documents[0];
  };
}

/** The HTML was gzipped because the browser said it accepts gzip. */
async function assertGzipped(response, label) {
  const accepts = (await response.request().allHeaders())['accept-encoding'] ?? '';
  assert.match(accepts, /\bgzip\b/, `${label}: the browser accepts gzip`);
  assert.equal((await response.allHeaders())['content-encoding'], 'gzip', `${label}: HTML is sent gzipped`);
}

describe('page weight and network', () => {
  for (const lang of ['bn', 'en']) {
    test(`every citizen page in ${lang === 'bn' ? 'Bangla' : 'English'} weighs under 30 KB, gzipped, from this host only`, async () => {
      const context = await newContext(browser, server, { lang, cookieLang: lang === 'en' ? 'en' : undefined, viewport: PHONE });
      try {
        const page = await context.newPage();
        const measure = await meter(context, page);
        const visit = (path, label, status = 200) =>
          measure(`${lang} ${label}`, async () => {
            const response = await page.goto(path);
            assert.equal(response.status(), status, `${label}: status`);
          });
        const pages = [
          ['/', 'home'],
          [`/services?q=${encodeURIComponent(SEARCH[lang])}`, 'search results'],
          [`/services/${SERVICE.code}`, 'service page with the form'],
        ];
        for (const [path, label] of pages) await assertGzipped(await visit(path, label), label);

        const invalid = await measure(`${lang} form with errors (422)`, () => submitWithErrors(page, lang));
        assert.equal(invalid.status(), 422);
        await assertGzipped(invalid, 'form with errors');

        let code;
        const thanks = await measure(`${lang} confirmation`, async () => { code = await fixAndSubmit(page, lang); });
        await assertGzipped(thanks, 'confirmation');

        const more = [
          [`/track/${code}`, 'tracking page', 200],
          ['/track', 'track form', 200],
          ['/track/ZZZZZZZZZZ', 'unknown tracking code', 404],
          ['/services/NOPE-1', 'unknown service', 404],
          ['/no/such/page', 'unknown page', 404],
        ];
        for (const [path, label, status] of more) await assertGzipped(await visit(path, label, status), label);
        context.assertNoOutsideRequests();
      } finally {
        await context.close();
      }
    });
  }

  test('with the full demo catalogue (48 ministries, 809 services) home and broad searches stay under 30 KB', async () => {
    const demo = await startNagorik({ demo: true });
    try {
      for (const lang of ['bn', 'en']) {
        const context = await newContext(browser, demo, { lang, cookieLang: lang === 'en' ? 'en' : undefined });
        try {
          const page = await context.newPage();
          const measure = await meter(context, page, demo);
          for (const [path, label] of [['/', 'home'], [`/services?q=${encodeURIComponent(SEARCH[lang])}`, 'search results'], ['/services?q=a', 'search for "a"']]) {
            await measure(`${lang} demo catalogue: ${label}`, async () => {
              assert.equal((await page.goto(path)).status(), 200);
            });
          }
          assert.ok((await page.locator('ul.results li').count()) > 0, 'a broad search finds services');
          context.assertNoOutsideRequests();
        } finally {
          await context.close();
        }
      }
      // The operator's entry page lists their recent and the most used services, not all 809
      // (typing finds any other), so a Union Digital Centre's slow link loads it quickly.
      const operator = demo.createStaff('operator', ['dhaka']);
      for (const lang of ['bn', 'en']) {
        const context = await newContext(browser, demo, { lang, cookieLang: lang === 'en' ? 'en' : undefined });
        try {
          const page = await context.newPage();
          await page.goto('/staff/login');
          await page.getByLabel(msg(lang, 'staff-email')).fill(operator.email);
          await page.getByLabel(msg(lang, 'staff-password')).fill(operator.password);
          await page.getByRole('button', { name: msg(lang, 'staff-login-submit') }).click();
          await page.waitForURL((url) => url.pathname === '/staff/assisted');
          const measure = await meter(context, page, demo);
          const entry = await measure(`${lang} demo catalogue: operator's entry page`, async () => {
            assert.equal((await page.goto('/staff/assisted')).status(), 200);
          });
          await assertGzipped(entry, "operator's entry page");
          const options = await page.locator('datalist#services option').count();
          assert.ok(options > 0 && options <= 40, `${options} services listed to choose from`);
          context.assertNoOutsideRequests();
        } finally {
          await context.close();
        }
      }
    } finally {
      await demo.stop();
    }
  });

  test('the stylesheet has a content-hashed name and may be cached for a year', async () => {
    const context = await newContext(browser, server);
    try {
      const page = await context.newPage();
      const stylesheets = [];
      page.on('response', (r) => { if (r.request().resourceType() === 'stylesheet') stylesheets.push(r); });
      await page.goto('/');
      await page.waitForLoadState('load');
      const hrefs = await page.locator('link[rel=stylesheet]').evaluateAll((ls) => ls.map((l) => l.getAttribute('href')));
      assert.equal(hrefs.length, 1, 'one stylesheet');
      assert.match(hrefs[0], /^\/static\/app\.[0-9a-f]{8,}\.css$/, 'the name carries a hash of the content');
      assert.equal(stylesheets.length, 1);
      const headers = await stylesheets[0].allHeaders();
      assert.equal(stylesheets[0].status(), 200);
      assert.match(headers['cache-control'], /\bimmutable\b/);
      assert.ok(Number(/max-age=(\d+)/.exec(headers['cache-control'])?.[1]) >= 31_536_000, 'cached for a year');
      assert.match(headers['content-type'], /^text\/css/);
      assert.equal(headers['content-encoding'], 'gzip', 'the stylesheet is gzipped too');
      // No script, no font, no image: the page needs nothing but its HTML and this stylesheet.
      assert.equal(await page.locator('script').count(), 0);
      assert.deepEqual(await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.initiatorType)), ['link']);
      // A name that is not the current hash is not served (so a stale name never gets new content).
      const stale = await page.request.get('/static/app.000000000000.css');
      assert.equal(stale.status(), 404);
      context.assertNoOutsideRequests();
    } finally {
      await context.close();
    }
  });
});
