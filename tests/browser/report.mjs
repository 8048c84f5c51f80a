// Drives headless Chromium (Debian's `chromium`) through claimgraph's report page.
//
//   node report.mjs FIXTURE_INDEX SCREENSHOT [MORE_INDEX ...]
//   node report.mjs --hostile INDEX ...
//
// FIXTURE_INDEX is the report of tests/data/report, checked step by step: search, filters,
// clicking a node, following a supporter and an evidence link, a table row, zoom, pan and tabs.
// Each MORE_INDEX (the article's report) is loaded and must open on a named view; a node of it
// is clicked and the result shown in SCREENSHOT (the last one's), and its `all` tab must open
// zoomed in (shown in SCREENSHOT with `-all` before `.png`). Every page must load with no
// console error and no request but the file itself. Exits non-zero with a message on the first
// failed check.
//
// With --hostile, each INDEX is the report of tests/data/hostile (drawn by either renderer):
// no injected script may run (its payloads set `window.__pwned` or open a dialog), no link may
// lead anywhere but http, https, mailto or the page itself, and the page must still work.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const args = process.argv.slice(2);
const hostile = args[0] === '--hostile' ? args.slice(1) : null;
const [fixture, screenshot, ...more] = hostile ? [] : args;
if (hostile ? !hostile.length : !fixture || !screenshot) {
  console.error('usage: node report.mjs FIXTURE_INDEX SCREENSHOT [MORE_INDEX ...]\n' +
    '       node report.mjs --hostile INDEX ...');
  process.exit(2);
}

function check(ok, what) {
  if (!ok) throw new Error(`check failed: ${what}`);
}
function same(got, want, what) {
  check(JSON.stringify(got) === JSON.stringify(want),
    `${what}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
}

// A page on `file`, recording console errors, page errors and requests for anything else.
async function load(context, file) {
  const url = pathToFileURL(resolve(file)).href;
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('dialog', (d) => { problems.push(`dialog: ${d.message()}`); d.dismiss().catch(() => {}); });
  page.on('request', (r) => {
    const u = r.url().split('#')[0];
    if (u !== url && !u.startsWith('data:')) problems.push(`request: ${r.url()}`);
  });
  await page.goto(url);
  await page.waitForLoadState('load');
  return { page, problems };
}

const visibleRows = (page) =>
  page.$$eval('#claims-table tbody tr', (rows) => rows.filter((r) => !r.hidden).map((r) => r.dataset.id));
const heading = (page) => page.textContent('#details h2');
// The heading once the details have had time to show `id`: opening a claim goes through the URL
// fragment, whose `hashchange` arrives after the click returns, later on a loaded machine.
async function headingFor(page, id) {
  await page.waitForFunction((want) => {
    const h = document.querySelector('#details h2');
    return h && h.textContent === want;
  }, id, { timeout: 5000 }).catch(() => {});
  return heading(page);
}
const transform = (page) =>
  page.$eval('figure.view:not([hidden]) svg', (svg) => svg.style.transform);

async function checkFixture(context, file) {
  const { page, problems } = await load(context, file);
  same(await page.textContent('#count'), '5 of 5 claims', 'count on load');

  await page.fill('#search', 'deepseek');
  same(await visibleRows(page), ['efficient'], 'search "deepseek"');
  await page.fill('#search', 'CHINA gaining');
  same(await visibleRows(page), ['china-gaining'], 'search "CHINA gaining"');
  same(await page.textContent('#count'), '1 of 5 claims', 'count after search');
  await page.fill('#search', '');
  await page.selectOption('#filter-speaker', 'lee');
  same(await visibleRows(page), ['compute-gap', 'open-models'], 'speaker filter');
  await page.selectOption('#filter-speaker', '');
  await page.selectOption('#filter-tag', 'framing');
  same(await visibleRows(page), ['china-gaining', 'markup'], 'tag filter');
  await page.selectOption('#filter-rating', 'mixed');
  same(await visibleRows(page), [], 'tag and rating filters together');
  await page.selectOption('#filter-tag', '');
  same(await visibleRows(page), ['efficient'], 'rating filter');
  await page.selectOption('#filter-rating', '');
  same((await visibleRows(page)).length, 5, 'rows after clearing the filters');

  // The markup claim is shown as text: no image element, the title untouched.
  const cell = await page.textContent('tr[data-id="markup"] td:nth-child(2)');
  check(cell.includes('</script><img src="x.png"'), `markup shown as text: ${cell}`);
  same(await page.$$eval('main img', (imgs) => imgs.length), 0, 'images in the page');
  same(await page.title(), 'Claims report', 'title');

  // Click a node in the first diagram: its details open.
  await page.click('figure.view:not([hidden]) g[id$="-claim-china-gaining"]');
  same(await headingFor(page, 'china-gaining'), 'china-gaining', 'details after clicking the node');
  same(await page.textContent('#details .text'), 'China is gaining ground in AI.', 'details text');
  same(await page.$$eval('figure.view:not([hidden]) g.selected', (gs) => gs.map((g) => g.id)),
    ['v0-claim-china-gaining'], 'the clicked node is highlighted');
  const supporters = await page.$$eval('#details h3', (hs) => {
    const h = hs.find((x) => x.textContent === 'Supported by');
    return Array.from(h.nextElementSibling.querySelectorAll('a.claim-link')).map((a) => a.textContent);
  });
  same(supporters, ['efficient', 'open-models'], 'supporters');

  // Follow a supporter link: the details navigate to it.
  await page.click('#details a.claim-link:text-is("efficient")');
  same(await headingFor(page, 'efficient'), 'efficient', 'details after the supporter link');
  same(await page.evaluate(() => location.hash), '#claim/efficient', 'fragment');
  const verdict = await page.textContent('#details');
  for (const part of ['mixed', 'Fact-check desk', '2025-06-01', 'Counts only the final training run.']) {
    check(verdict.includes(part), `verdict shows ${part}`);
  }
  await page.click('#details a.claim-link:text-is("compute-gap")');
  same(await headingFor(page, 'compute-gap'), 'compute-gap', 'details after the evidence link');
  same(await page.textContent('#details blockquote'), 'twice the computing power', 'quote');
  check((await page.textContent('#details')).includes('The article, Efficiency'), 'source and locator');
  await page.goBack();
  same(await headingFor(page, 'efficient'), 'efficient', 'details after Back');

  // A table row opens its claim; its markup shows as text there too.
  await page.click('tr[data-id="markup"] td:nth-child(2)');
  same(await headingFor(page, 'markup'), 'markup', 'details after clicking a row');
  check((await page.textContent('#details .text')).includes('<b>bold</b>'), 'markup text in details');

  // Zoom with the wheel, pan by dragging (which opens nothing), reset.
  const frame = await page.$('figure.view:not([hidden]) .frame');
  const box = await frame.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -300);
  check(/scale\((?!1\))/.test(await transform(page)), `zoomed: ${await transform(page)}`);
  await page.mouse.move(box.x + 5, box.y + 5);
  await page.mouse.down();
  await page.mouse.move(box.x + 105, box.y + 45, { steps: 5 });
  await page.mouse.up();
  check((await transform(page)).includes('translate('), 'panned');
  same(await heading(page), 'markup', 'a drag opens nothing');
  await page.click('#reset');
  same(await transform(page), 'translate(0px, 0px) scale(1)', 'reset');

  // The second view's tab shows its diagram alone.
  await page.click('[role=tab][data-view="more"]');
  same(await page.$$eval('figure.view', (fs) => fs.map((f) => f.hidden)), [true, true, false], 'views after the tab');
  await page.click('figure.view:not([hidden]) g[id$="-claim-open-models"]');
  same(await headingFor(page, 'open-models'), 'open-models', 'details after a node of the second view');

  same(problems, [], 'console errors and requests');
  await page.close();
  console.log(`${file}: search, filters, node, links, row, zoom, pan, tabs: ok`);
}

// Every link target in the page, HTML and SVG (`href` or `xlink:href`).
const links = (page) => page.$$eval('a', (as) => as.map((a) =>
  a.getAttribute('href') ?? a.getAttributeNS('http://www.w3.org/1999/xlink', 'href')));

async function checkHostile(context, file) {
  const { page, problems } = await load(context, file);
  const pwned = () => page.evaluate(() => window.__pwned ?? null);
  same(await pwned(), null, 'window.__pwned after load');
  same(await page.title(), 'Claims report', 'title');
  same(await visibleRows(page), ['title', 'formula', 'bidi'], 'rows');

  await page.click('figure.view:not([hidden]) g[id$="-claim-title"]');
  same(await heading(page), 'title', 'details after clicking the node');
  check((await page.textContent('#details .text')).includes('<svg onload="window.__pwned=6">'),
    'markup in the text shown as text');
  await page.click('#details a.claim-link:text-is("formula")');
  same(await heading(page), 'formula', 'details after a supporter link');
  check((await page.textContent('#details')).includes('</script><script>window.__pwned=7</script>'),
    'markup in the verdict note shown as text');
  await page.fill('#search', 'hyperlink');
  same(await visibleRows(page), ['formula'], 'search');
  await page.fill('#search', '');

  const targets = await links(page);
  check(targets.length > 0, 'links in the page');
  for (const t of targets) check(/^(https?:|mailto:|#)/i.test(t ?? '#'), `link target ${t}`);
  check(targets.includes('mailto:desk@example.org'), 'the mailto link is kept');
  same(await pwned(), null, 'window.__pwned after clicking through');
  same(problems, [], 'console errors, dialogs and requests');
  await page.close();
  console.log(`${file}: no injected script ran, ${targets.length} links, all safe; page works: ok`);
}

async function look(context, file, shot, named) {
  const { page, problems } = await load(context, file);
  const rows = (await visibleRows(page)).length;
  same(await page.textContent('#count'), `${rows} of ${rows} claims`, 'count');
  // The page opens on its first tab; the article's is a named view, small enough to read at
  // the size it opens in, not the whole graph.
  const opened = await page.$eval('figure.view:not([hidden])', (f) => f.dataset.view);
  same(opened, await page.$eval('[role=tab][aria-selected=true]', (t) => t.dataset.view), 'the view on load');
  if (named) check(opened !== 'all', `opens on a named view, not ${opened}`);
  const node = await page.$('figure.view:not([hidden]) g[id*="-claim-"]');
  check(node, 'a claim node in the first view');
  const id = (await node.getAttribute('id')).replace(/^v\d+-claim-/, '');
  await node.click();
  same(await headingFor(page, id), id, 'details after clicking the first node');
  await page.screenshot({ path: shot });
  // The whole graph, too big to read fitted into its frame, opens zoomed in to a readable size.
  await page.click('[role=tab][data-view="all"]');
  const zoomed = /scale\(([\d.]+)\)/.exec(await transform(page));
  if (named) check(zoomed && Number(zoomed[1]) > 2, `all opens zoomed in: ${zoomed}`);
  await page.screenshot({ path: shot.replace(/\.png$/, '-all.png') });
  same(problems, [], 'console errors and requests');
  await page.close();
  console.log(`${file}: ${rows} claims, node ${id} opened: ok`);
}

const profile = mkdtempSync(join(tmpdir(), 'claimgraph-chromium-'));
let context;
try {
  context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run',
      '--disable-component-update', '--disable-sync', '--disable-quic'],
  });
  if (hostile) {
    for (const file of hostile) await checkHostile(context, file);
  } else {
    await checkFixture(context, fixture);
    for (const file of more) await look(context, file, screenshot, true);
    if (!more.length) await look(context, fixture, screenshot, false);
  }
} catch (e) {
  console.error(e.message);
  process.exitCode = 1;
} finally {
  if (context) await context.close();
  rmSync(profile, { recursive: true, force: true });
}
