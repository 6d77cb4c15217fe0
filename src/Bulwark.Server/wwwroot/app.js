// The page of `bulwark serve`: it draws what the library computed (the API's CZML and summaries); no physics here.
'use strict';

const $ = (id) => document.getElementById(id);
const state = { viewers: [], scenes: [null, null], summaries: [null, null], borders: null };
window.bulwark = state; // for the browser test and the console

// An element with properties and children; strings become text nodes. Everything from the server (names, ids,
// citations: a posted scenario's included) reaches the page as text nodes, never parsed as HTML.
function el(tag, props = {}, ...children) {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children.map((c) => (c instanceof Node ? c : String(c))));
  return e;
}

function setStatus(text, kind) {
  $('status').textContent = text;
  if (kind) document.body.dataset.state = kind;
}

// While a scene is computed: what, and the seconds elapsed, ticking once a second. A first scene builds its reach
// tables (tens of seconds on a small machine); the server keeps them in its store (docs/cache.md), so later runs read
// them. Returns the function that stops the ticking (call it before the next status).
function showProgress(what) {
  const started = performance.now();
  const tick = () => {
    const s = Math.floor((performance.now() - started) / 1000);
    setStatus(`${what}… ${s} s (reach tables are built on first use; later runs read them from the store)`, 'loading');
  };
  tick();
  const timer = setInterval(tick, 1000);
  return () => clearInterval(timer);
}

async function getJson(url, init) {
  const resp = await fetch(url, init);
  const body = await resp.json().catch(() => ({ error: `HTTP ${resp.status}` }));
  if (!resp.ok) throw new Error(body.error || `HTTP ${resp.status}`);
  return body;
}

function makeViewer(container) {
  // Offline: Natural Earth II imagery shipped with CesiumJS, no terrain server, no geocoder, no Ion imagery picker.
  const viewer = new Cesium.Viewer(container, {
    baseLayer: Cesium.ImageryLayer.fromProviderAsync(
      Cesium.TileMapServiceImageryProvider.fromUrl(Cesium.buildModuleUrl('Assets/Textures/NaturalEarthII'))),
    terrainProvider: new Cesium.EllipsoidTerrainProvider(),
    baseLayerPicker: false,
    geocoder: false,
    sceneModePicker: false,
    navigationHelpButton: false,
    fullscreenButton: false,
    homeButton: true,
    infoBox: true,
    selectionIndicator: true,
    animation: true,
    timeline: true,
    contextOptions: { webgl: { preserveDrawingBuffer: true } },
    // Render only when something changes (the camera, the data, an animating clock): idle in software WebGL.
    requestRenderMode: true,
  });
  viewer.clock.shouldAnimate = false;
  viewer.scene.globe.showGroundAtmosphere = false;
  return viewer;
}

async function addBorders(viewer) {
  if (!state.borders) {
    const topo = await getJson('/vendor/world-atlas/countries-110m.json');
    state.borders = { type: 'Feature', properties: {}, geometry: topojson.mesh(topo, topo.objects.countries) };
  }
  const ds = await Cesium.GeoJsonDataSource.load(state.borders, { stroke: Cesium.Color.WHITE.withAlpha(0.6), strokeWidth: 1 });
  ds.name = 'borders';
  await viewer.dataSources.add(ds);
}

function cssColour(rgba) { return `rgba(${rgba[0]},${rgba[1]},${rgba[2]},${(rgba[3] / 255).toFixed(2)})`; }

const legendText = {
  threat: 'threat trajectory', interceptor: 'interceptor fly-out', intercept: 'intercept point', site: 'interceptor battery',
  radar: 'radar', coverage: 'radar coverage (at 100 km altitude)', detection: 'detection / firm / fire-control track moment',
  footprint: 'defended footprint (when available)',
};

async function fillChoices() {
  const [architectures, threats, styles] = await Promise.all([getJson('/api/architectures'), getJson('/api/threats'), getJson('/api/styles')]);
  for (const sel of [$('arch-a'), $('arch-b')]) {
    for (const a of architectures) sel.add(new Option(`${a.name} (${a.id})`, a.id));
  }
  const threat = $('threat');
  for (const set of threats.threat_sets) {
    const group = document.createElement('optgroup');
    group.label = `catalog: ${set.name}`;
    for (const t of set.threats) group.appendChild(new Option(`${t.id}`, `|${t.id}`));
    threat.appendChild(group);
  }
  for (const sc of threats.scenarios) {
    const group = document.createElement('optgroup');
    group.label = `scenario: ${sc.id}`;
    for (const t of sc.threats) {
      const o = new Option(`${t.id} (${sc.id})`, `${sc.id}|${t.id}`);
      o.dataset.architecture = sc.architecture;
      group.appendChild(o);
    }
    threat.appendChild(group);
  }
  threat.addEventListener('change', () => {
    const arch = threat.selectedOptions[0]?.dataset.architecture;
    if (arch) $('arch-a').value = arch;
  });
  $('legend').replaceChildren(...styles.map((s) => {
    const swatch = el('span', { className: 'swatch' });
    swatch.style.background = cssColour(s.rgba);
    return el('li', {}, swatch, legendText[s.style] || s.style);
  }));
}

function sceneQuery(threatValue, architecture) {
  const [scenario, threat] = threatValue.split('|');
  const q = new URLSearchParams({ architecture, threat });
  if (scenario) q.set('scenario', scenario);
  return q.toString();
}

async function showScene(i, czml, summary, title) {
  const viewer = state.viewers[i];
  if (state.scenes[i]) viewer.dataSources.remove(state.scenes[i], true);
  const ds = await Cesium.CzmlDataSource.load(czml);
  await viewer.dataSources.add(ds);
  state.scenes[i] = ds;
  state.summaries[i] = summary;
  viewer.clockTrackedDataSource = ds;
  viewer.clock.shouldAnimate = i === 0;
  viewer.timeline.zoomTo(viewer.clock.startTime, viewer.clock.stopTime);
  // Frame the threat and the batteries (the far early-warning radars would make the globe small).
  const framed = ds.entities.values.filter((e) => /^(threat|site)\//.test(e.id));
  await viewer.zoomTo(framed.length > 0 ? framed : ds, new Cesium.HeadingPitchRange(0, -1.2, 0));
  $(`title-${i === 0 ? 'a' : 'b'}`).textContent = title;
  renderSummary(i, summary);
}

async function addFootprint(i, query) {
  const resp = await fetch(`/api/footprint?${query}`);
  if (resp.status === 404) return false; // the footprint analysis is not plugged in yet (docs/viewer.md)
  if (!resp.ok) return false;
  const ds = await Cesium.CzmlDataSource.load(await resp.json());
  ds.name = 'footprint';
  await state.viewers[i].dataSources.add(ds);
  return true;
}

function fmt(x) { return x === null || x === undefined ? '—' : String(x); }

function renderSummary(i, s) {
  const cell = (tag, ...children) => el(tag, {}, ...children);
  const row = (tag, values) => el('tr', {}, ...values.map((v) => (Array.isArray(v) ? cell(tag, ...v) : cell(tag, v))));
  const shots = (b) => (b.shots.length === 0 ? ['—']
    : b.shots.flatMap((x, k) => [...(k > 0 ? [el('br')] : []), `${x.launch_s}→${x.intercept_s} s at ${x.intercept.alt_km} km`]));
  const parts = !s ? [] : [
    el('p', {}, el('b', {}, s.architecture.name), ' vs ', el('b', {}, s.threat.id),
      ` (${s.threat.missile}, ${s.threat.from} → ${s.threat.to}): impact ${s.threat.impact_s} s, shots ${s.shots_possible}, p_kill ${s.p_kill}`),
    el('table', {}, row('th', ['battery', 'shots (launch → intercept)', 'p_kill']),
      ...s.batteries.map((b) => row('td', [[b.battery, el('br'), el('small', {}, b.interceptor)], shots(b), fmt(b.p_kill)]))),
    el('table', {}, row('th', ['sensor', 'detect', 'firm', 'fire ctl']),
      ...s.sensors.map((t) => row('td', [t.sensor, fmt(t.first_detect_s), fmt(t.firm_track_s), fmt(t.fire_control_s)]))),
  ];
  $(`summary-${i === 0 ? 'a' : 'b'}`).replaceChildren(...parts);
  const seen = new Set();
  const items = [];
  for (const sum of state.summaries) {
    for (const src of sum ? sum.sources : []) {
      const key = `${src.entry}/${src.figure}`;
      if (seen.has(key)) continue;
      seen.add(key);
      items.push(el('li', {}, el('b', {}, fmt(src.name)), `, ${src.figure}: ${src.value} — ${src.confidence || '?'}; ${src.citation || 'no citation'}`));
    }
  }
  $('sources').replaceChildren(...items);
}

// The second globe, made when a comparison is first asked for; it follows the first one's clock.
async function secondViewer() {
  if (state.viewers[1]) return state.viewers[1];
  const viewer = makeViewer('globe-b');
  viewer.clock.shouldAnimate = false;
  state.viewers[0].clock.onTick.addEventListener((clock) => { viewer.clock.currentTime = clock.currentTime; });
  state.viewers[1] = viewer;
  await addBorders(viewer);
  return viewer;
}

async function show() {
  const threatValue = $('threat').value;
  const archs = [$('arch-a').value, $('arch-b').value];
  $('pane-b').classList.toggle('hidden', !archs[1]);
  if (state.viewers[1]) state.viewers[1].useDefaultRenderLoop = Boolean(archs[1]); // a hidden globe does not render
  if (!archs[1]) { state.summaries[1] = null; $('summary-b').replaceChildren(); }
  const stop = showProgress('computing the scene');
  try {
    if (archs[1]) await secondViewer();
    const jobs = archs.map(async (arch, i) => {
      if (!arch) return;
      const q = sceneQuery(threatValue, arch);
      const [czml, summary] = await Promise.all([getJson(`/api/scene?${q}`), getJson(`/api/summary?${q}`)]);
      await showScene(i, czml, summary, `${arch} vs ${threatValue.split('|')[1]}`);
      return addFootprint(i, q);
    });
    const footprints = await Promise.all(jobs);
    state.viewers.forEach((v) => v.resize());
    stop();
    setStatus(footprints[0] ? 'ready' : 'ready (footprint overlay not available yet)', 'ready');
  } catch (e) {
    stop();
    setStatus(`error: ${e.message}`, 'error');
  }
}

async function showFile(file) {
  const stop = showProgress(`computing ${file.name}`);
  try {
    const body = await getJson('/api/scene', { method: 'POST', body: await file.text(), headers: { 'Content-Type': 'application/x-yaml' } });
    $('pane-b').classList.add('hidden');
    await showScene(0, body.czml, body.summary, `${file.name}: ${body.summary.scenario}`);
    stop();
    setStatus('ready', 'ready');
  } catch (e) {
    stop();
    setStatus(`error: ${e.message}`, 'error');
  }
}

async function main() {
  if (typeof Cesium === 'undefined') {
    setStatus('CesiumJS is not installed: run `npm ci` in viewer/ and restart bulwark serve', 'error');
    return;
  }
  state.viewers = [makeViewer('globe-a')];
  await addBorders(state.viewers[0]);
  await fillChoices();
  $('show').addEventListener('click', show);
  $('file').addEventListener('change', (e) => { if (e.target.files[0]) showFile(e.target.files[0]); });
  setStatus('choose a threat and an architecture', 'idle');
}

main().catch((e) => setStatus(`error: ${e.message}`, 'error'));
