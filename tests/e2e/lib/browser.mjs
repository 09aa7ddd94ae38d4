// Debian's Chromium driven by playwright-core, with guards every test shares.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { ROOT } from './nagorik.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Where full-page screenshots of each journey go, for a person to look at. */
export const SHOTS = join(ROOT, 'target/e2e-screenshots');

/** A full-page screenshot of the page as it is now (at 360 px in the journeys), as `name`.png. */
export async function shoot(page, name) {
  mkdirSync(SHOTS, { recursive: true });
  const path = join(SHOTS, `${name.replace(/[^A-Za-z0-9_-]+/g, '-')}.png`);
  await page.screenshot({ path, fullPage: true });
  assert.ok(statSync(path).size > 1000, `${path} holds a picture`);
}
/** Flags needed on a closed network; Playwright adds a fresh temporary --user-data-dir itself. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const PHONE = { width: 360, height: 740 };
export const DESKTOP = { width: 1280, height: 900 };
/** What a phone set to Bangla sends; English visitors switch with the header link or the cookie. */
const ACCEPT_LANGUAGE = { bn: 'bn-BD', en: 'en-GB' };

export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: 30_000 });
}

/**
 * A new context (own cookies, own cache) that records every request that leaves for a host other
 * than the Nagorik under test. `lang` sets Accept-Language; `cookieLang` also sets the lang cookie.
 */
export async function newContext(browser, server, { lang = 'bn', cookieLang, viewport = PHONE, javaScript = true } = {}) {
  const context = await browser.newContext({
    viewport,
    locale: ACCEPT_LANGUAGE[lang],
    javaScriptEnabled: javaScript,
    baseURL: server.baseUrl,
  });
  context.setDefaultTimeout(10_000);
  context.setDefaultNavigationTimeout(15_000);
  const outside = [];
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (['data:', 'about:', 'blob:'].includes(url.protocol)) return;
    if (url.protocol !== 'http:' || url.host !== server.host) outside.push(request.url());
  });
  if (cookieLang) {
    await context.addCookies([{ name: 'lang', value: cookieLang, url: server.baseUrl, httpOnly: true, sameSite: 'Lax' }]);
  }
  /** Fails if any request went to another host; call before closing. */
  context.assertNoOutsideRequests = () =>
    assert.deepEqual(outside, [], `requests left for hosts other than ${server.host}`);
  return context;
}

/** Runs axe-core's WCAG 2.1 A/AA rules on the page; fails with a readable list of violations. */
export async function assertNoAxeViolations(page, label) {
  // Evaluated through the DevTools protocol: the site's Content-Security-Policy forbids inline scripts.
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(() =>
    window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    }),
  );
  const problems = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n` +
      v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary.replace(/\n/g, ' ')}`).join('\n'),
  );
  assert.deepEqual(problems, [], `axe found WCAG 2.1 A/AA violations on ${label} (${page.url()})`);
  return results;
}

/**
 * Runs axe on pages that a JavaScript-less browser received (`documents`: { url, html, label }):
 * each HTML is served again, at its own URL, into a page of a JavaScript-enabled context; the
 * stylesheet still comes from the server.
 */
export async function assertNoAxeViolationsInDocuments(jsContext, documents) {
  const page = await jsContext.newPage();
  let current;
  await page.route(
    (url) => url.href === current?.url,
    (route) =>
      route.request().resourceType() === 'document'
        ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: current.html })
        : route.continue(),
  );
  try {
    for (const doc of documents) {
      current = doc;
      await page.goto(doc.url);
      await assertNoAxeViolations(page, doc.label);
    }
  } finally {
    await page.close();
  }
}

/** The id (or tag) of the focused element, and whether it shows a focus indicator. */
export function focusState(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { id: null, tag: 'BODY', visible: false };
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow !== 'none' && style.boxShadow !== '';
    return {
      id: el.id || null,
      tag: el.tagName,
      href: el.getAttribute('href'),
      text: (el.textContent || '').trim().slice(0, 60),
      outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
      boxShadow: style.boxShadow,
      visible: outline || shadow,
    };
  });
}

/**
 * Presses Tab until `matches(state)` holds, checking on the way that every focused element shows
 * a focus indicator. Fails after `max` presses.
 */
export async function tabTo(page, matches, what, max = 60) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const state = await focusState(page);
    if (state.tag !== 'BODY') assert.ok(state.visible, `focused ${state.tag}#${state.id ?? ''} "${state.text}" shows no focus indicator`);
    if (matches(state)) return state;
  }
  assert.fail(`Tab never reached ${what} (${max} presses)`);
}

/** Presses Tab until the element with this id has focus. */
export function tabToId(page, id, max) {
  return tabTo(page, (s) => s.id === id, `#${id}`, max);
}

/** axe at 360 px, no sideways scrolling at 360 px, then axe at 1280 px; the page is left at 360 px. */
/** Every visible field (text, select, file and the like) is styled: a 2 px border, not the browser's bare box. */
export async function assertFieldsStyled(page, label) {
  const unstyled = await page.evaluate(() =>
    [...document.querySelectorAll('input, select, textarea')]
      .filter((el) => !['hidden', 'radio', 'checkbox', 'submit', 'button'].includes(el.type) && el.offsetParent !== null)
      .filter((el) => getComputedStyle(el).borderTopWidth !== '2px')
      .map((el) => el.outerHTML.slice(0, 80)),
  );
  assert.deepEqual(unstyled, [], `${label}: unstyled fields`);
}

/**
 * Where Latin digits belong on a Bangla page: identifiers (service codes, tracking codes), English
 * passages, and what people typed (quotes of feedback, names, form values) exactly as typed.
 */
const TYPED_OR_CODES = '[lang="en"], code, .code, kbd, samp, pre, q, blockquote, .who, .typed, .text, .contact';

/** Smallest size, in CSS pixels as drawn, of any text a page shows (chart labels included). */
export const MIN_TEXT_PX = 12;

/**
 * Every visible piece of text on the page is drawn at least MIN_TEXT_PX high: for SVG text the
 * chart's scaling to the page width counts (a 12-unit label in a chart drawn at half its width is
 * 6 px). On Bangla pages a chart writes its numbers and dates in Bangla digits.
 */
export async function assertReadableText(page, label) {
  const found = await page.evaluate(([min, TYPED_OR_CODES]) => {
    const small = [];
    const latinInCharts = [];
    const bangla = document.documentElement.lang === 'bn';
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent.trim();
      const el = node.parentElement;
      if (!text || !el || el.closest('title, desc, script, style')) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      let px = parseFloat(getComputedStyle(el).fontSize);
      if (el instanceof SVGElement) {
        px *= el.getScreenCTM()?.a ?? 1;
        if (bangla && /[0-9]/.test(text)) latinInCharts.push(text);
      } else if (bangla && /[0-9]/.test(text) && !el.closest(TYPED_OR_CODES)) {
        latinInCharts.push(`${el.tagName.toLowerCase()}: ${text.slice(0, 60)}`);
      }
      if (px < min - 0.01) small.push(`${text.slice(0, 30)} (${px.toFixed(1)} px)`);
    }
    return { small, latinInCharts };
  }, [MIN_TEXT_PX, TYPED_OR_CODES]);
  assert.deepEqual(found.small, [], `${label}: text drawn smaller than ${MIN_TEXT_PX} px`);
  assert.deepEqual(found.latinInCharts, [], `${label}: Latin digits on a Bangla page (not a code, an English passage or what someone typed)`);
}

export async function checkAtBothWidths(page, label) {
  const lang = await page.locator('html').getAttribute('lang');
  await assertNoAxeViolations(page, `${label} (${lang}, 360 px)`);
  await assertReadableText(page, `${label} (${lang}, 360 px)`);
  const [pageWidth, viewport] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  assert.ok(pageWidth <= viewport, `${label} (${lang}) does not scroll sideways at 360 px (${pageWidth} > ${viewport})`);
  await page.setViewportSize(DESKTOP);
  try {
    await assertNoAxeViolations(page, `${label} (${lang}, 1280 px)`);
    await assertReadableText(page, `${label} (${lang}, 1280 px)`);
  } finally {
    await page.setViewportSize(PHONE);
  }
}
