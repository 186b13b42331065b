// Synlab live dashboard. Plain JavaScript, no build step: the host serves this file as it is.
// Everything arrives over one WebSocket (/ws): JSON text frames for run events, binary frames for
// spikes and weights (layout in monitoring/README.md). Drawing is batched into animation frames,
// so a burst of events costs one redraw, not one per event.
(() => {
  'use strict';

  const PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];
  const MAX_POINTS = 20000;        // per curve in the browser; past it the curve is thinned (min/max kept)
  const RASTER_STEPS = 1000;       // steps shown in a spike raster
  const RATE_BIN = 10;             // steps per bar of the rate strip
  const TRACE_STEPS = 2000;        // steps of membrane trace kept per recorded neuron
  const MAX_THROUGHPUT_POINTS = 3600;
  const CHART_W = 520, CHART_H = 240;
  const HIST_BINS = 48;            // bins of a weight histogram
  const HIST_SNAPSHOTS = 200;      // snapshots kept per projection for the histogram-over-time view

  const state = {
    runs: new Map(),               // run id -> row as the server sends it
    colors: new Map(),             // run id -> colour, stable for the page's life
    plotted: new Set(),            // run ids whose curves are overlaid
    curves: new Map(),             // metric -> Map(run id -> {x: [], y: []})
    throughput: new Map(),         // run id -> {x: [], y: []}  (x: unix seconds)
    resources: {x: [], heap: [], cpu: []},
    charts: new Map(),             // metric -> {u, key, zoomed}
    rasters: new Map(),            // run/population -> raster state
    fields: new Map(),             // run/projection -> latest weights
    traces: new Map(),             // run/population.variable -> {t: [], series: Map(neuron -> [])}
    smoothing: 0.6,
    dirty: new Set(),
    historyPoints: 2000,
    socket: null,
  };

  // ---------- connection ----------

  let retryMillis = 500;

  function connect() {
    const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const ws = new WebSocket(proto + '//' + location.host + '/ws');
    ws.binaryType = 'arraybuffer';
    state.socket = ws;
    ws.onopen = () => { retryMillis = 500; setConnection(true); };
    ws.onclose = () => {
      setConnection(false);
      // the server closes a tab that fell too far behind; reconnecting starts from a fresh snapshot
      setTimeout(connect, retryMillis);
      retryMillis = Math.min(retryMillis * 2, 10000);
    };
    ws.onmessage = (m) => {
      if (typeof m.data === 'string') {
        onText(JSON.parse(m.data));
      } else {
        onBinary(m.data);
      }
    };
  }

  function setConnection(up) {
    const el = document.getElementById('connection');
    el.textContent = up ? 'live' : 'disconnected, retrying…';
    el.className = 'conn ' + (up ? 'conn-up' : 'conn-down');
  }

  function send(obj) {
    if (state.socket && state.socket.readyState === WebSocket.OPEN) {
      state.socket.send(JSON.stringify(obj));
    }
  }

  // ---------- text frames ----------

  function onText(msg) {
    switch (msg.type) {
      case 'hello': return onHello(msg);
      case 'event': return onEvent(msg);
      case 'history': return onHistory(msg);
      case 'resources': return onResources(msg);
      case 'error': return showMessage(msg.message, true);
      default: return undefined;
    }
  }

  function onHello(msg) {
    state.historyPoints = msg.historyPoints || state.historyPoints;
    state.runs.clear();
    for (const row of msg.runs) {
      state.runs.set(row.run, row);
    }
    // running runs are overlaid by default, plus the newest finished one so a fresh tab is not empty
    const rows = sortedRuns();
    const wanted = rows.filter((r) => r.status === 'running').map((r) => r.run);
    if (wanted.length === 0 && rows.length > 0) {
      wanted.push(rows[0].run);
    }
    for (const id of [...state.plotted, ...wanted]) {
      plot(id, true);
    }
    if (msg.warning) {
      showMessage(msg.warning, true);
    }
    mark('table');
  }

  function onEvent(msg) {
    const id = msg.run;
    state.runs.set(id, msg.row);
    if (msg.event === 'started') {
      plot(id, true);
    } else if (msg.event === 'progress') {
      const b = msg.body;
      const x = b.epochs > 0 ? b.fraction * b.epochs : b.epoch;
      for (const [name, value] of Object.entries(b.metrics || {})) {
        if (name === 'samples_per_second') {
          if (value != null) {
            pushThroughput(id, Date.now() / 1000, value);
          }
        } else if (isCurve(name)) {
          appendPoint(name, id, x, value);
        }
      }
    }
    mark('table');
  }

  function onHistory(msg) {
    if (msg.error) {
      showMessage(msg.error, true);
      return;
    }
    const h = msg.history;
    if (!h) {
      return;
    }
    for (const [name, s] of Object.entries(h.series || {})) {
      if (!isCurve(name)) {
        continue;
      }
      const live = curve(name, msg.run);
      // points that arrived live while the history was on its way are newer: keep those past its end
      const lastX = s.x.length > 0 ? s.x[s.x.length - 1] : -Infinity;
      const keepX = [], keepY = [];
      for (let i = 0; i < live.x.length; i++) {
        if (live.x[i] > lastX) { keepX.push(live.x[i]); keepY.push(live.y[i]); }
      }
      live.x = s.x.concat(keepX);
      live.y = s.y.concat(keepY);
      mark('curve:' + name);
    }
  }

  function onResources(msg) {
    const r = state.resources;
    r.x.push(msg.t / 1000);
    r.heap.push(msg.heap_used == null ? null : msg.heap_used / 1048576);
    r.cpu.push(msg.process_cpu == null ? null : msg.process_cpu * 100);
    if (r.x.length > MAX_THROUGHPUT_POINTS) {
      r.x.shift(); r.heap.shift(); r.cpu.shift();
    }
    mark('resources');
  }

  function isCurve(name) {
    return name.includes('loss') || name.includes('accuracy');
  }

  function curve(name, id) {
    let byRun = state.curves.get(name);
    if (!byRun) {
      byRun = new Map();
      state.curves.set(name, byRun);
    }
    let c = byRun.get(id);
    if (!c) {
      c = {x: [], y: []};
      byRun.set(id, c);
    }
    return c;
  }

  function appendPoint(name, id, x, y) {
    const c = curve(name, id);
    c.x.push(x);
    c.y.push(y);
    if (c.x.length > MAX_POINTS) {
      const keep = minMaxIndices(c.y, MAX_POINTS / 2);
      c.x = keep.map((i) => c.x[i]);
      c.y = keep.map((i) => c.y[i]);
    }
    mark('curve:' + name);
  }

  function pushThroughput(id, t, v) {
    let s = state.throughput.get(id);
    if (!s) {
      s = {x: [], y: []};
      state.throughput.set(id, s);
    }
    s.x.push(t);
    s.y.push(v);
    if (s.x.length > MAX_THROUGHPUT_POINTS) {
      s.x.shift(); s.y.shift();
    }
    mark('throughput');
  }

  // the server's Downsampler, for curves that outgrow the page: first, last, min and max per bucket
  function minMaxIndices(y, maxPoints) {
    const n = y.length;
    const buckets = Math.floor((maxPoints - 2) / 2);
    const out = [0];
    for (let b = 0; b < buckets; b++) {
      const from = 1 + Math.floor(b * (n - 2) / buckets);
      const to = 1 + Math.floor((b + 1) * (n - 2) / buckets);
      let lo = -1, hi = -1;
      for (let i = from; i < to; i++) {
        if (y[i] == null || Number.isNaN(y[i])) continue;
        if (lo < 0 || y[i] < y[lo]) lo = i;
        if (hi < 0 || y[i] > y[hi]) hi = i;
      }
      if (lo < 0) { if (from < to) out.push(from); } else if (lo === hi) out.push(lo);
      else { out.push(Math.min(lo, hi), Math.max(lo, hi)); }
    }
    out.push(n - 1);
    return out;
  }

  function plot(id, on) {
    if (on) {
      if (!state.plotted.has(id)) {
        state.plotted.add(id);
        send({type: 'history', run: id, points: state.historyPoints});
      }
    } else {
      state.plotted.delete(id);
    }
    for (const name of state.curves.keys()) mark('curve:' + name);
    mark('throughput');
    mark('table');
  }

  function color(id) {
    if (!state.colors.has(id)) {
      state.colors.set(id, PALETTE[state.colors.size % PALETTE.length]);
    }
    return state.colors.get(id);
  }

  function fade(hex, alpha) {
    const n = parseInt(hex.slice(1), 16);
    return 'rgba(' + (n >> 16) + ',' + ((n >> 8) & 255) + ',' + (n & 255) + ',' + alpha + ')';
  }

  // ---------- drawing, once per animation frame ----------

  let frameRequested = false;

  function mark(what) {
    state.dirty.add(what);
    if (!frameRequested) {
      frameRequested = true;
      requestAnimationFrame(draw);
    }
  }

  function draw() {
    frameRequested = false;
    const dirty = new Set(state.dirty);
    state.dirty.clear();
    for (const what of dirty) {
      if (what === 'table') drawTable();
      else if (what.startsWith('curve:')) drawCurve(what.slice(6));
      else if (what === 'throughput') drawThroughput();
      else if (what === 'resources') drawResources();
      else if (what.startsWith('raster:')) drawRaster(what.slice(7));
      else if (what.startsWith('field:')) drawField(what.slice(6));
      else if (what.startsWith('trace:')) drawTrace(what.slice(6));
    }
  }

  function sortedRuns() {
    return [...state.runs.values()].sort((a, b) => (b.started_ms || 0) - (a.started_ms || 0));
  }

  function fmt(v) {
    if (v == null || Number.isNaN(v)) return '–';
    const a = Math.abs(v);
    return a !== 0 && (a < 1e-3 || a >= 1e5) ? v.toExponential(2) : v.toPrecision(4);
  }

  function metricCell(row, names) {
    const m = row.metrics || {};
    const best = row.best || {};
    const name = names.find((n) => m[n] != null);
    if (!name) return {text: '–', title: ''};
    return {text: fmt(m[name]) + (best[name] != null ? ' (' + fmt(best[name]) + ')' : ''), title: name + ': last (best)'};
  }

  // rows are updated in place, not rebuilt: a row replaced between mousedown and mouseup would swallow
  // a click on its Stop button while progress events stream in
  const rowEls = new Map();

  function drawTable() {
    const body = document.querySelector('#runs tbody');
    const rows = sortedRuns();
    const live = new Set(rows.map((r) => r.run));
    for (const [id, tr] of rowEls) {
      if (!live.has(id)) { tr.remove(); rowEls.delete(id); }
    }
    rows.forEach((row, i) => {
      let tr = rowEls.get(row.run);
      if (!tr) {
        tr = createRow(row.run);
        rowEls.set(row.run, tr);
      }
      updateRow(tr, row);
      if (body.children[i] !== tr) body.insertBefore(tr, body.children[i] || null);
    });
  }

  function createRow(id) {
    const tr = document.createElement('tr');
    tr.dataset.run = id;
    const cell = (cls) => {
      const c = document.createElement('td');
      if (cls) c.className = cls;
      tr.appendChild(c);
      return c;
    };
    const plotCell = cell('');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.addEventListener('change', () => plot(id, box.checked));
    const sw = document.createElement('span');
    sw.className = 'swatch';
    sw.style.background = color(id);
    plotCell.append(box, sw);
    cell('run-id').textContent = id;
    tr.parts = {box, experiment: cell('experiment'), status: cell('status'), progress: cell('num progress'),
      loss: cell('num loss'), accuracy: cell('num accuracy'), throughput: cell('num throughput'),
      stepTime: cell('num step-time'), actions: cell('actions')};
    const stop = document.createElement('button');
    stop.textContent = 'Stop';
    stop.className = 'stop';
    stop.addEventListener('click', () => control('api/runs/' + encodeURIComponent(id) + '/stop', {}));
    tr.parts.stop = stop;
    return tr;
  }

  function setText(el, text, title) {
    if (el.textContent !== text) el.textContent = text;
    if (title !== undefined && el.title !== title) el.title = title;
  }

  function updateRow(tr, row) {
    const c = tr.parts;
    c.box.checked = state.plotted.has(row.run);
    setText(c.experiment, row.experiment || '');
    setText(c.status, row.status, row.reason || '');
    c.status.className = 'status status-' + row.status;
    const pct = row.fraction != null ? Math.round(row.fraction * 100) + '%' : '';
    setText(c.progress, row.epochs ? row.epoch + '/' + row.epochs + ' (' + pct + ')' : pct);
    const loss = metricCell(row, ['train.loss', 'loss', 'val.loss']);
    setText(c.loss, loss.text, loss.title);
    const acc = metricCell(row, ['val.accuracy', 'test.accuracy', 'train.accuracy', 'accuracy']);
    setText(c.accuracy, acc.text, acc.title);
    const m = row.metrics || {};
    const bio = m['sim.bio_seconds'];
    const loop = m['sim.wall_seconds'];
    if (m.samples_per_second == null && bio != null && loop > 0) {
      // a spiking run: simulated seconds per wall-clock second of its loop, and ms of loop per step
      setText(c.throughput, fmt(bio / loop) + ' sim s/s', 'simulated seconds per second of the loop');
      setText(c.stepTime, '', '');
    } else {
      setText(c.throughput, fmt(m.samples_per_second));
      setText(c.stepTime, fmt(m.epoch_seconds));
    }
    const running = row.status === 'running';
    if (running && !c.stop.isConnected) c.actions.appendChild(c.stop);
    if (!running && c.stop.isConnected) c.stop.remove();
  }

  // exponential moving average, debiased as TensorBoard does, so the smoothed curve starts on the data
  function ema(y, s) {
    const out = new Array(y.length);
    let acc = 0, n = 0;
    for (let i = 0; i < y.length; i++) {
      const v = y[i];
      if (v == null || !Number.isFinite(v)) { out[i] = null; continue; }
      acc = acc * s + (1 - s) * v;
      n++;
      out[i] = s === 0 ? v : acc / (1 - Math.pow(s, n));
    }
    return out;
  }

  function drawCurve(name) {
    const byRun = state.curves.get(name);
    const ids = [...state.plotted].filter((id) => byRun && byRun.has(id) && byRun.get(id).x.length > 0);
    let chart = state.charts.get(name);
    if (ids.length === 0) {
      if (chart) { chart.u.destroy(); chart.box.remove(); state.charts.delete(name); }
      return;
    }
    const tables = ids.map((id) => {
      const c = byRun.get(id);
      return [c.x, c.y, ema(c.y, state.smoothing)];
    });
    const data = tables.length === 1 ? tables[0] : uPlot.join(tables);
    const key = ids.join('|');
    if (chart && chart.key !== key) {
      // the set of runs changed: rebuild, carrying the zoom over
      const keepScale = chart.zoomed ? {min: chart.u.scales.x.min, max: chart.u.scales.x.max} : null;
      chart.u.destroy();
      chart.box.remove();
      state.charts.delete(name);
      chart = createCurveChart(name, ids, data, key);
      if (keepScale) { chart.zoomed = true; chart.u.setScale('x', keepScale); }
      return;
    }
    if (!chart) {
      createCurveChart(name, ids, data, key);
      return;
    }
    // resetScales=false while zoomed: new points arrive without moving the user's view
    chart.u.setData(data, !chart.zoomed);
  }

  function createCurveChart(name, ids, data, key) {
    const box = document.createElement('div');
    box.className = 'chart';
    box.dataset.metric = name;
    insertSorted(document.getElementById('charts'), box, name);
    const series = [{label: 'epoch'}];
    for (const id of ids) {
      const c = color(id);
      series.push({label: id + ' raw', stroke: fade(c, 0.25), width: 1, spanGaps: true, points: {show: false}});
      series.push({label: id, stroke: c, width: 2, spanGaps: true, points: {show: false}});
    }
    const chart = {key, zoomed: false, box, u: null};
    chart.u = new uPlot({
      title: name,
      width: CHART_W,
      height: CHART_H,
      scales: {x: {time: false}},
      series,
      axes: [{label: 'epoch'}, {}],
      cursor: {drag: {x: true, y: false, setScale: true}},
      hooks: {setSelect: [(u) => { if (u.select.width > 0) chart.zoomed = true; }]},
    }, data, box);
    chart.u.over.addEventListener('dblclick', () => { chart.zoomed = false; });
    state.charts.set(name, chart);
    return chart;
  }

  function insertSorted(parent, el, key) {
    const next = [...parent.children].find((c) => (c.dataset.metric || '') > key);
    parent.insertBefore(el, next || null);
  }

  let throughputChart = null, throughputKey = '';

  function drawThroughput() {
    const ids = [...state.throughput.keys()].filter((id) => state.plotted.has(id));
    const box = document.getElementById('throughput-chart');
    if (ids.length === 0) return;
    const tables = ids.map((id) => [state.throughput.get(id).x, state.throughput.get(id).y]);
    const data = tables.length === 1 ? tables[0] : uPlot.join(tables);
    const key = ids.join('|');
    if (throughputChart && throughputKey !== key) {
      throughputChart.destroy();
      throughputChart = null;
    }
    if (!throughputChart) {
      throughputKey = key;
      throughputChart = new uPlot({
        title: 'throughput (samples/s)', width: CHART_W, height: CHART_H,
        series: [{}, ...ids.map((id) => ({label: id, stroke: color(id), width: 2, spanGaps: true}))],
      }, data, box);
    } else {
      throughputChart.setData(data);
    }
  }

  let resourcesChart = null;

  function drawResources() {
    const r = state.resources;
    const data = [r.x, r.heap, r.cpu];
    if (!resourcesChart) {
      resourcesChart = new uPlot({
        title: 'host: heap (MiB) and process CPU (%)', width: CHART_W, height: CHART_H,
        scales: {mb: {}, pct: {range: [0, 100]}},
        series: [{}, {label: 'heap MiB', stroke: '#9467bd', width: 2, scale: 'mb'},
          {label: 'CPU %', stroke: '#d62728', width: 1, scale: 'pct'}],
        axes: [{}, {scale: 'mb'}, {scale: 'pct', side: 1, grid: {show: false}}],
      }, data, document.getElementById('resources-chart'));
    } else {
      resourcesChart.setData(data);
    }
  }

  // ---------- binary frames: spikes and weights ----------

  function onBinary(buf) {
    const v = new DataView(buf);
    let p = 0;
    const type = v.getUint8(p); p += 1;
    const str = () => {
      const len = v.getUint16(p, true); p += 2;
      const s = new TextDecoder().decode(new Uint8Array(buf, p, len)); p += len;
      return s;
    };
    const run = str();
    const name = str();
    if (type === 1) {
      const size = v.getInt32(p, true); p += 4;
      const dt = v.getFloat32(p, true); p += 4;
      const n = v.getInt32(p, true); p += 4;
      // copied out: typed arrays over the buffer would need 4-byte alignment the packed layout does not give
      const steps = new Int32Array(n), neurons = new Int32Array(n);
      for (let i = 0; i < n; i++) steps[i] = v.getInt32(p + 4 * i, true);
      p += 4 * n;
      for (let i = 0; i < n; i++) neurons[i] = v.getInt32(p + 4 * i, true);
      addSpikes(run, name, size, dt, steps, neurons);
    } else if (type === 2) {
      const step = v.getInt32(p, true); p += 4;
      const rows = v.getInt32(p, true); p += 4;
      const cols = v.getInt32(p, true); p += 4;
      const width = v.getInt32(p, true); p += 4;
      const values = new Float32Array(rows * cols);
      for (let i = 0; i < values.length; i++) values[i] = v.getFloat32(p + 4 * i, true);
      const key = run + '/' + name;
      const old = state.fields.get(key);
      const f = {run, name, step, rows, cols, width, values, canvas: old && old.canvas, caption: old && old.caption,
        histCanvas: old && old.histCanvas, histCaption: old && old.histCaption,
        hist: old ? old.hist : []};
      f.hist.push(histogram(values, step));
      if (f.hist.length > HIST_SNAPSHOTS) f.hist.shift();
      state.fields.set(key, f);
      mark('field:' + key);
    } else if (type === 3) {
      const step = v.getInt32(p, true); p += 4;
      const dt = v.getFloat32(p, true); p += 4;
      const k = v.getInt32(p, true); p += 4;
      const m = v.getInt32(p, true); p += 4;
      const ids = [];
      for (let i = 0; i < k; i++) ids.push(v.getInt32(p + 4 * i, true));
      p += 4 * k;
      const rows = ids.map((_, i) => {
        const row = new Array(m);
        for (let j = 0; j < m; j++) row[j] = v.getFloat32(p + 4 * (i * m + j), true);
        return row;
      });
      addTraces(run, name, step, dt, ids, rows, m);
    }
  }

  function addTraces(run, name, step, dt, ids, rows, m) {
    const key = run + '/' + name;
    let tr = state.traces.get(key);
    const sameNeurons = tr && tr.ids.length === ids.length && tr.ids.every((id, i) => id === ids[i]);
    if (!sameNeurons) {
      // a different set of recorded neurons starts a new chart
      if (tr && tr.u) { tr.u.destroy(); tr.box.remove(); }
      tr = {run, name, ids, t: [], values: ids.map(() => []), u: null, box: null};
      state.traces.set(key, tr);
    }
    for (let j = 0; j < m; j++) tr.t.push((step + j) * dt);
    rows.forEach((row, i) => { for (const x of row) tr.values[i].push(x); });
    const extra = tr.t.length - TRACE_STEPS;
    if (extra > 0) {
      tr.t.splice(0, extra);
      tr.values.forEach((vals) => vals.splice(0, extra));
    }
    mark('trace:' + key);
  }

  function drawTrace(key) {
    const tr = state.traces.get(key);
    const data = [tr.t, ...tr.values];
    if (!tr.u) {
      tr.box = document.createElement('div');
      tr.box.className = 'chart';
      tr.box.dataset.trace = key;
      document.getElementById('traces').appendChild(tr.box);
      tr.u = new uPlot({
        title: tr.run + ' · ' + tr.name + ' (recorded neurons)', width: CHART_W, height: 200,
        scales: {x: {time: false}},
        series: [{label: 'ms'}, ...tr.ids.map((id, i) => ({label: 'neuron ' + id, stroke: PALETTE[i % PALETTE.length], width: 1}))],
        axes: [{label: 'simulated time (ms)'}, {}],
      }, data, tr.box);
    } else {
      tr.u.setData(data);
    }
  }

  function addSpikes(run, population, size, dt, steps, neurons) {
    const key = run + '/' + population;
    let r = state.rasters.get(key);
    if (!r) {
      r = {run, population, size, dt, steps: [], neurons: [], last: 0, canvas: null, total: 0};
      state.rasters.set(key, r);
    }
    r.size = Math.max(r.size, size);
    r.dt = dt;
    for (let i = 0; i < steps.length; i++) {
      r.steps.push(steps[i]);
      r.neurons.push(neurons[i]);
      if (steps[i] > r.last) r.last = steps[i];
      if (size <= 0 && neurons[i] + 1 > r.size) r.size = neurons[i] + 1;
    }
    r.total += steps.length;
    // keep only the window on screen: the raster's memory stays bounded however long the run
    const from = r.last - RASTER_STEPS;
    let cut = 0;
    while (cut < r.steps.length && r.steps[cut] < from) cut++;
    if (cut > 0) { r.steps.splice(0, cut); r.neurons.splice(0, cut); }
    mark('raster:' + key);
  }

  function drawRaster(key) {
    const r = state.rasters.get(key);
    const W = 600, H = Math.max(60, Math.min(300, r.size)), STRIP = 40;
    if (!r.canvas) {
      document.getElementById('rasters-empty').hidden = true;
      const box = document.createElement('div');
      box.className = 'raster';
      const cap = document.createElement('div');
      cap.className = 'caption';
      r.caption = cap;
      r.canvas = document.createElement('canvas');
      r.canvas.width = W;
      r.canvas.height = H + STRIP;
      r.canvas.dataset.run = r.run;
      r.canvas.dataset.population = r.population;
      box.append(cap, r.canvas);
      document.getElementById('rasters').appendChild(box);
    }
    r.caption.textContent = r.run + ' · ' + r.population + ' · ' + r.size + ' neurons · step ' + r.last
      + ' (t = ' + (r.last * r.dt).toFixed(1) + ' ms)';
    const g = r.canvas.getContext('2d');
    g.fillStyle = '#fff';
    g.fillRect(0, 0, W, H + STRIP);
    const from = r.last - RASTER_STEPS;
    const sx = W / RASTER_STEPS, sy = H / Math.max(1, r.size);
    const dot = Math.max(1, Math.min(2, sy));
    g.fillStyle = color(r.run);
    const bins = new Float32Array(Math.ceil(RASTER_STEPS / RATE_BIN) + 1);
    for (let i = 0; i < r.steps.length; i++) {
      const x = (r.steps[i] - from) * sx;
      g.fillRect(x, r.neurons[i] * sy, dot, dot);
      bins[Math.floor((r.steps[i] - from) / RATE_BIN)]++;
    }
    // rate strip: mean rate of the population per bin, in Hz
    const rates = Array.from(bins, (c) => c / Math.max(1, r.size) / (RATE_BIN * r.dt / 1000));
    const peak = Math.max(1, ...rates);
    g.fillStyle = '#7f7f7f';
    const bw = W / bins.length;
    rates.forEach((rate, i) => {
      const h = rate / peak * (STRIP - 4);
      g.fillRect(i * bw, H + STRIP - h, Math.max(1, bw - 1), h);
    });
    const label = 'rate, peak ' + peak.toFixed(1) + ' Hz';
    g.font = '10px sans-serif';
    g.fillStyle = 'rgba(255,255,255,0.85)';
    g.fillRect(W - g.measureText(label).width - 8, H, g.measureText(label).width + 8, 13);
    g.fillStyle = '#000';
    g.fillText(label, W - g.measureText(label).width - 4, H + 10);
  }

  // a snapshot's histogram over its own range; drawing maps every snapshot onto the common range
  function histogram(values, step) {
    let lo = Infinity, hi = -Infinity;
    for (const v of values) { if (v < lo) lo = v; if (v > hi) hi = v; }
    if (!(hi > lo)) { hi = lo + 1e-9; }
    const counts = new Float32Array(HIST_BINS);
    for (const v of values) counts[Math.min(HIST_BINS - 1, Math.floor((v - lo) / (hi - lo) * HIST_BINS))]++;
    return {step, lo, hi, counts};
  }

  function drawHistograms(f) {
    if (!f.histCanvas) {
      const box = document.createElement('div');
      box.className = 'field';
      f.histCaption = document.createElement('div');
      f.histCaption.className = 'caption';
      f.histCanvas = document.createElement('canvas');
      f.histCanvas.width = 480;
      f.histCanvas.height = 144;
      f.histCanvas.dataset.run = f.run;
      f.histCanvas.dataset.projection = f.name;
      f.histCanvas.className = 'histogram';
      box.append(f.histCaption, f.histCanvas);
      document.getElementById('histograms').appendChild(box);
    }
    const lo = Math.min(...f.hist.map((h) => h.lo)), hi = Math.max(...f.hist.map((h) => h.hi));
    f.histCaption.textContent = f.run + ' · ' + f.name + ' · weight histogram over time, '
      + fmt(lo) + ' (bottom) to ' + fmt(hi) + ' (top), steps ' + f.hist[0].step + '–' + f.hist[f.hist.length - 1].step;
    const W = f.histCanvas.width, H = f.histCanvas.height;
    const g = f.histCanvas.getContext('2d');
    g.fillStyle = '#fff';
    g.fillRect(0, 0, W, H);
    const cw = W / Math.max(1, f.hist.length), ch = H / HIST_BINS;
    const c = color(f.run);
    for (let s = 0; s < f.hist.length; s++) {
      const h = f.hist[s];
      const common = new Float32Array(HIST_BINS);
      // spread each of the snapshot's bins over the common bins it covers, so a narrow early range
      // does not leave empty stripes between its bins
      const scale = HIST_BINS / (hi - lo || 1);
      for (let b = 0; b < HIST_BINS; b++) {
        if (h.counts[b] === 0) continue;
        const from = (h.lo + b / HIST_BINS * (h.hi - h.lo) - lo) * scale;
        const to = (h.lo + (b + 1) / HIST_BINS * (h.hi - h.lo) - lo) * scale;
        const first = Math.min(HIST_BINS - 1, Math.floor(from)), last = Math.min(HIST_BINS - 1, Math.max(first, Math.ceil(to) - 1));
        for (let c = first; c <= last; c++) common[c] += h.counts[b] / (last - first + 1);
      }
      const peak = Math.log1p(Math.max(...common));
      for (let b = 0; b < HIST_BINS; b++) {
        if (common[b] === 0) continue;
        g.globalAlpha = Math.log1p(common[b]) / peak;
        g.fillStyle = c;
        g.fillRect(s * cw, H - (b + 1) * ch, Math.ceil(cw), Math.ceil(ch));
      }
    }
    g.globalAlpha = 1;
  }

  function drawField(key) {
    const f = state.fields.get(key);
    if (!f.canvas) {
      document.getElementById('fields-empty').hidden = true;
      const box = document.createElement('div');
      box.className = 'field';
      f.caption = document.createElement('div');
      f.caption.className = 'caption';
      f.canvas = document.createElement('canvas');
      f.canvas.dataset.run = f.run;
      f.canvas.dataset.projection = f.name;
      box.append(f.caption, f.canvas);
      document.getElementById('fields').appendChild(box);
    }
    f.caption.textContent = f.run + ' · ' + f.name + ' · step ' + f.step + ' · ' + f.rows + ' x ' + f.cols;
    // as images: one tile per post-synaptic neuron (its receptive field); else the matrix as one image
    const imgW = f.width > 0 ? f.width : f.cols;
    const imgH = f.width > 0 ? Math.ceil(f.cols / f.width) : f.rows;
    const tiles = f.width > 0 ? f.rows : 1;
    const perRow = Math.ceil(Math.sqrt(tiles));
    const gap = f.width > 0 ? 1 : 0;
    const w = perRow * (imgW + gap), h = Math.ceil(tiles / perRow) * (imgH + gap);
    const img = new ImageData(Math.max(1, w), Math.max(1, h));
    img.data.fill(255);
    for (let t = 0; t < tiles; t++) {
      const n = f.width > 0 ? f.cols : f.values.length;
      const off = f.width > 0 ? t * f.cols : 0;
      let lo = Infinity, hi = -Infinity;
      for (let i = 0; i < n; i++) { const v = f.values[off + i]; if (v < lo) lo = v; if (v > hi) hi = v; }
      const span = hi > lo ? hi - lo : 1;
      const ox = (t % perRow) * (imgW + gap), oy = Math.floor(t / perRow) * (imgH + gap);
      for (let i = 0; i < n; i++) {
        const px = ox + (i % imgW), py = oy + Math.floor(i / imgW);
        const level = 255 - Math.round((f.values[off + i] - lo) / span * 255);
        const at = (py * w + px) * 4;
        img.data[at] = img.data[at + 1] = img.data[at + 2] = level;
      }
    }
    const scale = Math.max(1, Math.floor(480 / Math.max(w, h)));
    f.canvas.width = w * scale;
    f.canvas.height = h * scale;
    const g = f.canvas.getContext('2d');
    const tmp = document.createElement('canvas');
    tmp.width = w; tmp.height = h;
    tmp.getContext('2d').putImageData(img, 0, 0);
    g.imageSmoothingEnabled = false;
    g.drawImage(tmp, 0, 0, w * scale, h * scale);
    drawHistograms(f);
  }

  // ---------- start and stop ----------

  function showMessage(text, error) {
    const out = document.getElementById('control-message');
    out.textContent = text;
    out.className = error ? 'error' : '';
  }

  async function control(path, body) {
    try {
      const res = await fetch(path, {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body)});
      const json = await res.json();
      if (!res.ok) {
        showMessage(json.error || ('HTTP ' + res.status), true);
      } else {
        const reply = json.reply;
        showMessage(typeof reply === 'string' ? reply : JSON.stringify(reply), false);
      }
    } catch (e) {
      showMessage('the dashboard did not answer: ' + e.message, true);
    }
  }

  document.getElementById('start-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const path = document.getElementById('experiment').value.trim();
    if (path) control('api/runs/start', {experiment: path});
  });

  const slider = document.getElementById('smoothing');
  slider.addEventListener('input', () => {
    state.smoothing = Number(slider.value);
    document.getElementById('smoothing-value').textContent = state.smoothing.toFixed(2);
    for (const name of state.curves.keys()) mark('curve:' + name);
  });

  // read by the browser test, and handy from the console
  window.synlab = {
    state,
    // points drawn in a metric's chart (raw series, all overlaid runs), read from uPlot's own data
    pointCount(metric) {
      const chart = state.charts.get(metric);
      if (!chart) return 0;
      let n = 0;
      for (let s = 1; s < chart.u.data.length; s += 2) n += chart.u.data[s].filter((v) => v != null).length;
      return n;
    },
    // samples of a membrane trace chart (time points), 0 before the first frame
    tracePoints(key) {
      const tr = state.traces.get(key);
      return tr && tr.u ? tr.u.data[0].length : 0;
    },
    zoomed(metric) {
      const chart = state.charts.get(metric);
      return chart ? chart.zoomed : false;
    },
    // painted (non-white) pixels of a run's raster canvases, or of another group of canvases
    rasterPixels(run, selector) {
      let n = 0;
      for (const c of document.querySelectorAll(selector || '#rasters canvas')) {
        if (run && c.dataset.run !== run) continue;
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        for (let i = 0; i < d.length; i += 4) if (d[i] < 250 || d[i + 1] < 250 || d[i + 2] < 250) n++;
      }
      return n;
    },
  };

  connect();
})();
