// Bangla renders with the system's Noto Sans Bengali (no web font), and screenshots for a person to look at.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ROOT, startNagorik } from './lib/nagorik.mjs';
import { PHONE, launchBrowser, newContext } from './lib/browser.mjs';
import { SERVICE, assertErrorsShown, fixAndSubmit, submitWithErrors } from './lib/flows.mjs';

const SHOTS = join(ROOT, 'target/e2e-screenshots');

let server;
let browser;
let context;
let page;
const fonts = [];

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startNagorik();
  browser = await launchBrowser();
  context = await newContext(browser, server, { lang: 'bn', viewport: PHONE });
  page = await context.newPage();
  page.on('request', (r) => { if (r.resourceType() === 'font') fonts.push(r.url()); });
});

after(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

/** The fonts Chromium really drew the text of `selector` with (DevTools protocol), by family. */
async function renderedFonts(selector) {
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector });
    assert.ok(nodeIds.length > 0, `${selector} exists`);
    const families = {};
    for (const nodeId of nodeIds) {
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      for (const f of fonts) families[f.familyName] = (families[f.familyName] ?? 0) + f.glyphCount;
    }
    return families;
  } finally {
    await cdp.detach();
  }
}

async function screenshot(name) {
  const path = join(SHOTS, name);
  await page.screenshot({ path, fullPage: true });
  return path;
}

describe('Bangla rendering', () => {
  test('the font stack starts with Noto Sans Bengali and no web font is declared or fetched', async () => {
    await page.goto(`/services/${SERVICE.code}`);
    const family = await page.evaluate(() => getComputedStyle(document.documentElement).fontFamily);
    assert.match(family, /^"Noto Sans Bengali"/);
    assert.equal(await page.evaluate(() => document.fonts.size), 0, 'no @font-face: system fonts only');
    const faces = await page.evaluate(() =>
      [...document.styleSheets].flatMap((s) => [...s.cssRules]).filter((r) => r instanceof CSSFontFaceRule).length,
    );
    assert.equal(faces, 0);
    await page.waitForLoadState('load');
    assert.deepEqual(fonts, [], 'no font file is fetched');
  });

  test('Bangla text, conjuncts included, is drawn with Noto Sans Bengali, not a fallback', async () => {
    await page.goto(`/services/${SERVICE.code}`);
    // "জন্ম নিবন্ধন" has the conjuncts ন্ম and ন্ধ; the labels and the button are Bangla too.
    for (const selector of ['h1', 'label[for=field-text]', 'button[type=submit]', 'legend']) {
      const fonts = await renderedFonts(selector);
      const families = Object.keys(fonts);
      assert.ok(families.includes('Noto Sans Bengali'), `${selector} is drawn with Noto Sans Bengali: ${JSON.stringify(fonts)}`);
      for (const f of families) {
        assert.ok(/Noto Sans Bengali|Noto Sans|DejaVu|Liberation/.test(f), `${selector} uses an expected font, got ${f}`);
      }
    }
    // Shaping check: the conjunct forms take fewer glyphs than the code points they are written with.
    const h1 = await renderedFonts('h1');
    const codePoints = [...'জন্ম নিবন্ধন'.replace(/\s/g, '')].length;
    assert.ok(h1['Noto Sans Bengali'] < codePoints, `conjuncts are shaped (${h1['Noto Sans Bengali']} glyphs for ${codePoints} code points)`);
  });

  test('full-page screenshots at 360 px: empty form, form with errors, confirmation', async () => {
    await page.goto(`/services/${SERVICE.code}`);
    await screenshot('bn-form-empty-360.png');
    await submitWithErrors(page, 'bn');
    await assertErrorsShown(page, 'bn');
    await screenshot('bn-form-errors-360.png');
    const code = await fixAndSubmit(page, 'bn');
    await screenshot('bn-confirmation-360.png');
    await page.goto(`/track/${code}`);
    await screenshot('bn-tracking-360.png');
    const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    assert.ok(widths[0] <= widths[1], `no sideways scrolling at 360 px (${widths[0]} > ${widths[1]})`);
    assert.deepEqual(fonts, [], 'no font file is fetched');
    context.assertNoOutsideRequests();
  });
});
