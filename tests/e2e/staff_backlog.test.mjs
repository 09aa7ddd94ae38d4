// The e-service backlog staff pages in a real browser: a designer promotes a service, a ministry
// admin moves, prioritises and reviews it, ranks and compares, a cabinet admin reads the APA, and
// citizens see "you said, we did"; in Bangla and English, by keyboard and mouse, with and without
// JavaScript; axe-core (WCAG 2.1 A/AA) on every page at 360 px and 1280 px.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startNagorik } from './lib/nagorik.mjs';
import { PHONE, assertNoAxeViolationsInDocuments, checkAtBothWidths, launchBrowser, newContext } from './lib/browser.mjs';
import { recordDocuments } from './lib/flows.mjs';
import {
  MINISTRY, assertApa, assertEmptyBacklog, assertItemPage, assertRanked, assertWeights, assertYouSaidWeDid, compare, currentQuarter, logIn,
  moveStatus, promoteByKeyboard, recordReview, setPriorities, submitFeedbackThroughApi,
} from './lib/staff.mjs';

let browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

/**
 * Opens a new context (one person's browser) and a page in it; `close()` checks that no request
 * left 127.0.0.1 and closes it. Without JavaScript, every document the page gets is recorded.
 */
async function openBrowser(server, options, recorded) {
  const context = await newContext(browser, server, options);
  const page = await context.newPage();
  if (recorded) recorded.push(recordDocuments(page));
  return {
    page,
    async close() {
      try {
        context.assertNoOutsideRequests();
      } finally {
        await context.close();
      }
    },
  };
}

/** Runs `body(page)` in a browser of its own. */
async function inBrowser(server, options, recorded, body) {
  const { page, close } = await openBrowser(server, options, recorded);
  try {
    await body(page);
  } finally {
    await close();
  }
}

/**
 * The whole backlog flow on a Nagorik of its own. With JavaScript, axe runs on each page as it is
 * shown (at both widths); without it, every document the browser got is kept, checked for scripts,
 * and given to axe afterwards in a JavaScript-enabled context.
 */
async function staffFlow(lang, { javaScript = true } = {}) {
  const server = await startNagorik();
  try {
    await submitFeedbackThroughApi(server);
    const designer = server.createStaff('designer', [MINISTRY.code]);
    const admin = server.createStaff('ministry-admin', [MINISTRY.code]);
    const cabinet = server.createStaff('cabinet-admin');
    const { year, quarter } = currentQuarter();
    const options = { lang, cookieLang: lang === 'en' ? 'en' : undefined, javaScript };
    const check = javaScript ? checkAtBothWidths : undefined;
    const recorded = javaScript ? undefined : [];
    const inOwnBrowser = (body) => inBrowser(server, options, recorded, body);

    // The ministry admin opens the ranked list as the quarter opens: that takes its snapshot.
    const ministry = await openBrowser(server, options, recorded);
    try {
      const page = ministry.page;
      await logIn(page, lang, admin);
      await assertEmptyBacklog(page, lang);
      await check?.(page, 'ranked backlog, still empty');

      let promoted;
      await inOwnBrowser(async (designerPage) => {
        await logIn(designerPage, lang, designer, { keyboard: true, check });
        promoted = await promoteByKeyboard(designerPage, lang, { check });
        await assertItemPage(designerPage, lang, { status: 'identified', ...promoted });
        assert.equal(await designerPage.locator('#status-h').count(), 0, 'a designer does not move the status');
        await check?.(designerPage, 'backlog item (designer)');
      });

      await page.goto(promoted.itemPath);
      await assertItemPage(page, lang, { status: 'identified', ...promoted });
      await moveStatus(page, lang, promoted.itemPath, { check });
      await setPriorities(page, lang, year);
      await recordReview(page, lang, quarter);
      const total = await assertItemPage(page, lang, { status: 'designing', ...promoted });
      await check?.(page, 'backlog item (ministry admin)');
      await assertRanked(page, lang, { total, year });
      await check?.(page, 'ranked backlog');
      await compare(page, lang);
      await check?.(page, 'ranked backlog with a comparison');
      await assertWeights(page, lang);
      await check?.(page, 'weights');
      // Previewing the weights as typed (nothing saved) shows how the top 20 would move; that page
      // passes the same checks.
      await page.locator('button[name=preview]').first().click();
      await page.locator('[id$="-preview-h"]').first().waitFor();
      await check?.(page, 'weights preview');

      await inOwnBrowser(async (cabinetPage) => {
        await logIn(cabinetPage, lang, cabinet);
        await assertApa(cabinetPage, lang, year);
        await check?.(cabinetPage, 'APA (cabinet admin)');
      });

      await inOwnBrowser(async (citizenPage) => {
        await assertYouSaidWeDid(citizenPage, lang, { year, theme: promoted.theme });
        await check?.(citizenPage, 'public service page with "you said, we did"');
      });
    } finally {
      await ministry.close();
    }

    if (!javaScript) await axeOnRecorded(server, lang, recorded);
  } finally {
    await server.stop();
  }
}

/** The documents a JavaScript-less browser got: no script in any, a 422 among them, axe at 360 px. */
async function axeOnRecorded(server, lang, recorded) {
  const seen = [];
  for (const documents of recorded) {
    for (const doc of documents) {
      const html = await doc.html;
      assert.doesNotMatch(html, /<script\b/i, `${doc.url} has no script`);
      seen.push({ url: doc.url, html, label: `${lang} ${doc.status} ${new URL(doc.url).pathname} without JavaScript` });
    }
  }
  const paths = seen.map((d) => new URL(d.url).pathname);
  for (const path of ['/staff/login', '/staff/backlog', '/staff/backlog/weights', '/staff/apa']) {
    assert.ok(paths.includes(path), `${path} was among the pages`);
  }
  assert.ok(seen.some((d) => d.label.includes(' 422 ')), 'the refused form was among the pages');
  // The server sends the same HTML with or without JavaScript, and the runs with JavaScript check
  // it at both widths already: one width is enough here.
  const context = await newContext(browser, server, { lang, viewport: PHONE });
  try {
    await assertNoAxeViolationsInDocuments(context, seen);
    context.assertNoOutsideRequests();
  } finally {
    await context.close();
  }
}

describe('staff backlog', () => {
  test('in Bangla: promote by keyboard, move, prioritise, review, rank, compare, weights, APA, "you said, we did"', async () => {
    await staffFlow('bn');
  });

  test('in English (lang cookie): the same flow, the same checks', async () => {
    await staffFlow('en');
  });

  test('without JavaScript, in Bangla and English: plain HTML forms do it all, and axe passes on what was shown', async () => {
    await staffFlow('bn', { javaScript: false });
    await staffFlow('en', { javaScript: false });
  });
});
