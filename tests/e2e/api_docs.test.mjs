// The API docs (Swagger UI, served by Nagorik itself) render under their Content-Security-Policy.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startNagorik } from './lib/nagorik.mjs';
import { DESKTOP, launchBrowser, newContext } from './lib/browser.mjs';

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

test('the API docs render, expand an operation and try it out without any CSP violation', async () => {
  const context = await newContext(browser, server, { lang: 'en', viewport: DESKTOP });
  const violations = [];
  await context.exposeFunction('reportViolation', (v) => violations.push(v));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      window.reportViolation(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`));
  });
  const page = await context.newPage();
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) violations.push(m.text()); });
  const response = await page.goto('/api/docs/');
  assert.match(response.headers()['content-security-policy'], /script-src 'self'/);
  await page.locator('.swagger-ui .info .title').waitFor();
  const operation = page.locator('.opblock-summary').first();
  await operation.click();
  await page.locator('.opblock-body').first().waitFor();
  // "Try it out" calls the API from the page (connect-src).
  await page.locator('.try-out__btn').first().click();
  await page.locator('.btn.execute').first().click();
  await page.locator('.live-responses-table .response-col_status').first().waitFor();
  assert.ok(await page.locator('.opblock').count() >= 5, 'the operations are listed');
  assert.deepEqual(violations, [], 'Content-Security-Policy violations');
  context.assertNoOutsideRequests();
  await context.close();
});
