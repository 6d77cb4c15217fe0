// Browser test of `bulwark serve` (docs/viewer.md): Debian's Chromium driven by playwright-core, never a downloaded
// browser. Usage: node viewer/test/browser.mjs BASE_URL SCREENSHOT.png [THREAT] [ARCHITECTURE] [POSTED.yaml MARKER]
// With POSTED.yaml (a scenario whose names hold HTML, each with MARKER), it also posts that file through the page's
// "own scenario" input and checks that the names are shown as text: MARKER appears in the page's text, no element
// came from it, and window.__xss (which its onerror handlers would set) stays undefined.
// Prints one JSON line with what it found; exits 0 when every check passes, 1 otherwise.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { chromium } from 'playwright-core';

const [base, screenshotPath, threat = 'sejjil-3-tabriz-rome', architecture = 'epaa-phase-3-2018', postedPath, marker] = process.argv.slice(2);
const executablePath = process.env.BULWARK_CHROMIUM || '/usr/bin/chromium';
const origin = new URL(base).origin;
const failures = [];
const external = [];
const cspViolations = [];
const result = { base, threat, architecture, seconds: {} };
const t0 = Date.now();
const mark = (name) => { result.seconds[name] = (Date.now() - t0) / 1000; };

// The globe has finished loading its tiles (several frames in a row).
async function tilesLoaded(page) {
  await page.evaluate(() => { window.__loadedFrames = 0; });
  await page.waitForFunction(() => {
    const scene = window.bulwark.viewers[0].scene;
    scene.requestRender();
    window.__loadedFrames = scene.globe.tilesLoaded ? (window.__loadedFrames || 0) + 1 : 0;
    return window.__loadedFrames >= 5;
  }, null, { timeout: 180_000, polling: 200 });
}

const browser = await chromium.launch({
  executablePath,
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
});
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  // Every request of the page and its workers: any that is not to the server (or data:/blob:) is a leak; it is logged,
  // then aborted so that nothing leaves the machine even when the check fails.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin + '/') || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    external.push(url);
    return route.abort();
  });
  context.on('request', (r) => {
    const url = r.url();
    if (!(url.startsWith(origin + '/') || url.startsWith('data:') || url.startsWith('blob:')) && !external.includes(url)) external.push(url);
  });
  const page = await context.newPage();
  // Every action (select, click, text) may wait up to 3 minutes for a renderer starved by a loaded machine: CI once
  // failed when a click went unanswered for Playwright's default 30 s.
  page.setDefaultTimeout(180_000);
  const consoleErrors = [];
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  // The server's Content-Security-Policy must let the page work: any violation fails the test (a worker's shows as a
  // page error: its script fails to load).
  page.on('console', (m) => { if (/Content[ -]Security[ -]Policy/i.test(m.text())) cspViolations.push(m.text()); });
  await page.exposeFunction('__cspViolation', (v) => { cspViolations.push(v); });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => window.__cspViolation(`${e.violatedDirective}: ${e.blockedURI}`));
  });
  await page.goto(base, { waitUntil: 'load' });
  await page.waitForFunction(() => ['idle', 'error'].includes(document.body.dataset.state), null, { timeout: 120_000 });
  if (await page.evaluate(() => document.body.dataset.state) === 'error') {
    throw new Error(`page error: ${await page.textContent('#status')}`);
  }

  mark('page');
  // Let the empty globe finish loading its tiles before interacting, so that the renderer is idle when clicked.
  await tilesLoaded(page);
  mark('idle-tiles');
  await page.selectOption('#threat', `|${threat}`);
  await page.selectOption('#arch-a', architecture);
  // The progress shown while the scene is computed (issue 15): every status text from the click on.
  await page.evaluate(() => {
    window.__statuses = [];
    const status = document.getElementById('status');
    new MutationObserver(() => window.__statuses.push(status.textContent)).observe(status, { childList: true, characterData: true, subtree: true });
  });
  await page.click('#show');
  await page.waitForFunction(() => ['ready', 'error'].includes(document.body.dataset.state), null, { timeout: 300_000 });
  result.status = await page.textContent('#status');
  if (await page.evaluate(() => document.body.dataset.state) !== 'ready') throw new Error(`scene failed: ${result.status}`);
  const progress = (await page.evaluate(() => window.__statuses)).filter((s) => /^computing the scene… \d+ s \(/.test(s));
  result.progress = { shown: progress.length, last: progress[progress.length - 1] ?? null };
  if (progress.length === 0) failures.push('no progress (elapsed seconds) was shown while the scene was computed');
  if (/^computing/.test(result.status)) failures.push(`the progress is still shown once the scene is ready: ${result.status}`);

  mark('scene');
  // What is on the globe: the scene's entities by kind, and the intercept time to show.
  const found = await page.evaluate(() => {
    const ds = window.bulwark.scenes[0];
    const ids = ds.entities.values.map((e) => e.id);
    const count = (prefix) => ids.filter((id) => id.startsWith(prefix)).length;
    const intercepts = ds.entities.values.filter((e) => e.id.startsWith('intercept/'));
    // Freeze the clock at the first intercept, so that the threat, the fly-out and the intercept point are drawn.
    const viewer = window.bulwark.viewers[0];
    viewer.clock.shouldAnimate = false;
    if (intercepts.length > 0) {
      viewer.clock.currentTime = intercepts[0].availability.start.clone();
    }
    return { threats: count('threat/'), sites: count('site/'), radars: count('radar/'), intercepts: count('intercept/'), interceptors: count('interceptor/'), entities: ids.length };
  });
  Object.assign(result, found);
  if (found.threats < 1) failures.push('no threat trajectory');
  if (found.sites < 1) failures.push('no sites');
  if (found.intercepts < 1) failures.push('no intercept point');

  await tilesLoaded(page);

  mark('tiles');
  const png = await page.screenshot({ path: screenshotPath });
  // Not blank: the variance of the pixels' luminance, decoded by the browser itself.
  result.variance = await page.evaluate(async (b64) => {
    const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(bitmap, 0, 0);
    const d = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
    let n = 0, sum = 0, sum2 = 0;
    for (let i = 0; i < d.length; i += 16) {
      const y = 0.299 * d[i] + 0.587 * d[i + 1] + 0.114 * d[i + 2];
      n++; sum += y; sum2 += y * y;
    }
    const mean = sum / n;
    return sum2 / n - mean * mean;
  }, png.toString('base64'));
  // A blank or single-colour page has variance ~0; the globe with imagery, borders and the side panel has hundreds.
  if (!(result.variance > 100)) failures.push(`screenshot looks blank (luminance variance ${result.variance})`);
  mark('screenshot');
  if (postedPath) {
    // A posted scenario whose names (architecture, threat) hold HTML: shown as text, never run.
    await page.evaluate(() => { document.body.dataset.state = 'posting'; });
    await page.setInputFiles('#file', { name: basename(postedPath), mimeType: 'application/x-yaml', buffer: readFileSync(postedPath) });
    await page.waitForFunction(() => ['ready', 'error'].includes(document.body.dataset.state), null, { timeout: 300_000 });
    result.posted = await page.evaluate((m) => ({
      state: document.body.dataset.state,
      status: document.getElementById('status').textContent,
      shownAsText: document.body.innerText.includes(m),
      injected: document.querySelectorAll('img[src="x"], [onerror]').length,
      xss: typeof window.__xss,
    }), marker);
    mark('posted');
    if (result.posted.state !== 'ready') failures.push(`posted scenario failed: ${result.posted.status}`);
    if (!result.posted.shownAsText) failures.push('the posted names are not shown as text');
    if (result.posted.injected !== 0) failures.push(`the posted names made ${result.posted.injected} element(s)`);
    if (result.posted.xss !== 'undefined') failures.push('a posted name ran script (window.__xss is set)');
  }
  result.pageErrors = consoleErrors;
  if (consoleErrors.length > 0) failures.push(`page errors: ${consoleErrors.join('; ')}`);
} catch (e) {
  failures.push(String(e && e.message ? e.message : e));
} finally {
  await browser.close();
}

result.cspViolations = cspViolations;
if (cspViolations.length > 0) failures.push(`Content-Security-Policy violations: ${cspViolations.slice(0, 3).join('; ')}`);
if (external.length > 0) failures.push(`requests left ${origin}: ${external.slice(0, 5).join(', ')}`);
result.external = external;
result.failures = failures;
console.log(JSON.stringify(result));
process.exit(failures.length === 0 ? 0 : 1);
