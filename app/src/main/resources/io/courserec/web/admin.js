// The operator page: GET /admin/models, /admin/quality, /admin/summary, /admin/jobs, /admin/jobs/{id}; POST /admin/retrain and
// /admin/reindex; all with the admin token, asked once and kept in sessionStorage (this tab) only.
'use strict';
(() => {
  const {el, clear, client, fmt, pct, say} = CR;
  const $ = id => document.getElementById(id);
  const SVG = 'http://www.w3.org/2000/svg';
  const api = client('admin', (kind, err) => signOut(err.status === 403 ? 'The token was refused: ' + err.message
    : 'The server asks for the admin token: ' + err.message));
  let livePrevious = null;
  let liveTimer = null;
  let following = null; // the id of the job this page is following, if any

  // ---- sign in -------------------------------------------------------------------------------------------------

  async function signIn(token) {
    api.setToken(token);
    try {
      await api('/admin/models');
    } catch (e) {
      if (e.status !== 401 && e.status !== 403) signOut('Cannot reach the admin API: ' + e.message);
      return;
    }
    $('login').hidden = true;
    $('console').hidden = false;
    $('who').textContent = 'Signed in for this tab.';
    refresh();
    startLive();
  }

  function signOut(message) {
    api.setToken(null);
    if (liveTimer) clearInterval(liveTimer);
    liveTimer = null;
    $('console').hidden = true;
    $('login').hidden = false;
    say($('login-status'), message || '', !!message);
    $('token').focus();
  }

  function refresh() {
    loadModels();
    loadQuality();
  }

  // ---- models and charts ---------------------------------------------------------------------------------------

  const SHOWN_METRICS = ['ndcg@10', 'recall@10', 'map@10', 'hit_rate@10', 'coverage@10', 'test_users'];

  async function loadModels() {
    let r;
    try { r = await api('/admin/models'); } catch (e) { clear($('models'), 'Cannot list models: ' + e.message); return; }
    const keys = metricKeys(r.models);
    clear($('models'), r.models.length ? el('table', {id: 'models-table'},
      el('thead', {}, el('tr', {}, ['version', 'serving', 'promoted', 'created', ...keys, 'build s', 'note'].map(h => el('th', {scope: 'col'}, h)))),
      el('tbody', {}, r.models.map(m => el('tr', {class: m.current ? 'current' : null, 'data-version': m.version},
        el('th', {scope: 'row'}, m.version), el('td', {}, m.current ? 'yes' : ''), el('td', {}, m.promoted ? 'yes' : 'no'),
        el('td', {}, (m.created_at || '').replace('T', ' ').substring(0, 19)),
        keys.map(k => el('td', {class: 'num'}, m.metrics && k in m.metrics ? fmt(m.metrics[k], k === 'test_users' ? 0 : 4) : '–')),
        el('td', {class: 'num'}, m.timings_ms && m.timings_ms.total ? fmt(m.timings_ms.total / 1000, 1) : '–'),
        el('td', {class: 'note-cell'}, m.note || '')))))
      : el('p', {class: 'note'}, 'No model version yet.'));
    const current = r.models.find(m => m.current);
    clear($('charts'), current ? charts(current, r.models) : el('p', {class: 'note'}, 'No model serves yet.'));
  }

  function metricKeys(models) {
    const seen = new Set();
    models.forEach(m => Object.keys(m.metrics || {}).forEach(k => seen.add(k)));
    const preferred = SHOWN_METRICS.filter(k => seen.has(k));
    return preferred.length ? preferred : [...seen].slice(0, 6);
  }

  function charts(current, models) {
    const m = current.metrics || {};
    const unit = Object.entries(m).filter(([k, v]) => k !== 'test_users' && v >= 0 && v <= 1);
    const other = Object.entries(m).filter(([k, v]) => k !== 'test_users' && !(v >= 0 && v <= 1));
    const gate = Object.keys(m).find(k => k.startsWith('ndcg@'));
    const history = gate ? models.filter(x => x.metrics && gate in x.metrics).slice(0, 12).reverse() : [];
    return [
      el('p', {class: 'note'}, current.version + (m.test_users ? ' · ' + m.test_users + ' holdout learners' : '')),
      unit.length ? barChart('Holdout metrics of ' + current.version, unit, x => fmt(x, 3)) : el('p', {class: 'note'}, 'This version holds no holdout metrics.'),
      other.length ? el('p', {class: 'meta'}, other.map(([k, v]) => k + ' ' + fmt(v, 2)).join(' · ')) : null,
      history.length > 1 ? barChart(gate + ' by version (oldest first)', history.map(x => [x.version, x.metrics[gate]]), x => fmt(x, 3),
        history.map(x => x.current)) : null];
  }

  /** Horizontal bars, one row per label: the label in full on its own line above the bar, the value after it. */
  function barChart(title, rows, format, highlight) {
    const width = 320, barH = 14, rowH = 34, left = 4, valueW = 56;
    const height = rows.length * rowH + 4;
    const max = Math.max(1e-9, ...rows.map(r => r[1]));
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', title + ': ' + rows.map(r => r[0] + ' ' + format(r[1])).join(', '));
    svg.setAttribute('class', 'chart');
    rows.forEach(([label, v], i) => {
      const y = i * rowH;
      const text = document.createElementNS(SVG, 'text');
      text.setAttribute('x', left);
      text.setAttribute('y', y + 12);
      text.textContent = label;
      const w = Math.max(1, (width - left - valueW) * v / max);
      const rect = document.createElementNS(SVG, 'rect');
      rect.setAttribute('x', left);
      rect.setAttribute('y', y + 16);
      rect.setAttribute('width', w);
      rect.setAttribute('height', barH);
      rect.setAttribute('class', highlight && highlight[i] ? 'bar hi' : 'bar');
      const value = document.createElementNS(SVG, 'text');
      value.setAttribute('x', left + w + 4);
      value.setAttribute('y', y + 28);
      value.setAttribute('class', 'value');
      value.textContent = format(v);
      svg.append(text, rect, value);
    });
    return el('figure', {class: 'chart-box'}, el('figcaption', {}, title), svg);
  }

  // ---- data quality --------------------------------------------------------------------------------------------

  async function loadQuality() {
    let q;
    try { q = await api('/admin/quality'); } catch (e) { clear($('quality'), el('p', {class: 'note'}, e.message)); return; }
    const n = q.normalization || {};
    clear($('quality'),
      el('p', {class: 'note'}, 'The load the serving model was built from: ' + q.source),
      el('div', {class: 'scroll'}, el('table', {id: 'quality-table'},
        el('thead', {}, el('tr', {}, ['file', 'rows', 'loaded', 'merged', 'rejected', 'warnings'].map(h => el('th', {scope: 'col'}, h)))),
        el('tbody', {}, (q.files || []).map(f => el('tr', {},
          el('th', {scope: 'row'}, f.file + (f.present ? '' : ' (absent)')),
          [f.rows_read, f.loaded, f.merged, f.rejected, f.warnings].map(x => el('td', {class: 'num'}, x))))))),
      reasons(q.files || []),
      el('p', {class: 'meta'}, 'Skills ' + n.skills_before + ' → ' + n.skills_after + ' · organisations ' + n.organizations_before
        + ' → ' + n.organizations_after + ' · durations parsed ' + n.durations_parsed + ', unparsed ' + n.durations_unparsed
        + ', missing ' + n.durations_missing),
      (q.examples || []).length ? el('details', {}, el('summary', {}, 'Example rows (' + q.examples.length + ')'),
        el('ul', {class: 'plain small'}, q.examples.map(x => el('li', {}, x.file + ':' + x.line + ': ' + x.effect + ' · ' + x.reason
          + (x.detail ? ' (' + x.detail + ')' : ''))))) : null);
  }

  function reasons(files) {
    const items = files.flatMap(f => (f.reasons || []).map(r => el('li', {}, f.file + ': ' + r.effect + ' · ' + r.reason + ' × ' + r.count)));
    return items.length ? el('ul', {class: 'plain small'}, items.slice(0, 12)) : el('p', {class: 'note'}, 'No row rejected, merged or fixed.');
  }

  // ---- live figures --------------------------------------------------------------------------------------------

  function startLive() {
    live();
    if (!liveTimer) liveTimer = setInterval(live, 3000);
  }

  async function live() {
    if (!following) findJob();
    let s;
    try { s = await api('/admin/summary'); } catch (e) { clear($('live'), el('p', {class: 'note'}, e.message)); return; }
    const prev = livePrevious;
    livePrevious = s;
    const seconds = prev ? (Date.parse(s.at) - Date.parse(prev.at)) / 1000 : 0;
    const rate = prev && seconds > 0 ? (s.requests - prev.requests) / seconds : null;
    const fb = Object.entries(s.feedback_received || {}).map(([ev, o]) => ev + ' ' + (o.accepted || 0)
      + (o.duplicate ? ' (+' + o.duplicate + ' repeated)' : ''));
    const stored = Object.entries(s.feedback_stored || {}).map(([ev, n]) => ev + ' ' + n);
    clear($('live'),
      el('dl', {class: 'figures'},
        el('dt', {}, 'requests / s'), el('dd', {id: 'rate'}, rate === null ? 'measuring…' : fmt(rate, 2)),
        el('dt', {}, 'requests since start'), el('dd', {}, s.requests),
        el('dt', {}, 'cache hit ratio'), el('dd', {id: 'hit-ratio'}, s.cache.hits + s.cache.misses ? pct(s.cache.hit_ratio, 1)
          + ' of ' + (s.cache.hits + s.cache.misses) : 'no lookups yet'),
        el('dt', {}, 'feedback received'), el('dd', {}, fb.length ? fb.join(', ') : 'none since start'),
        el('dt', {}, 'feedback stored'), el('dd', {}, stored.length ? stored.join(', ') : 'none'),
        el('dt', {}, 'model'), el('dd', {}, (s.model_version || 'none') + (s.model_age_seconds !== null && s.model_age_seconds !== undefined
          ? ', ' + age(s.model_age_seconds) + ' old' : ''))),
      el('div', {class: 'scroll'}, el('table', {id: 'routes'},
        el('caption', {}, 'Latency by route since start (from histogram buckets)'),
        el('thead', {}, el('tr', {}, ['route', 'count', '5xx', 'p50 ms', 'p99 ms'].map(h => el('th', {scope: 'col'}, h)))),
        el('tbody', {}, s.routes.slice(0, 12).map(r => el('tr', {},
          el('th', {scope: 'row'}, r.route), el('td', {class: 'num'}, r.count), el('td', {class: 'num'}, r.errors),
          el('td', {class: 'num'}, fmt(r.p50_ms, 1)), el('td', {class: 'num'}, fmt(r.p99_ms, 1))))))));
  }

  function age(seconds) {
    return seconds < 120 ? Math.round(seconds) + ' s' : seconds < 7200 ? Math.round(seconds / 60) + ' min' : fmt(seconds / 3600, 1) + ' h';
  }

  // ---- jobs ----------------------------------------------------------------------------------------------------

  async function start(kind) {
    let job;
    try {
      job = await api('/admin/' + kind, {method: 'POST'});
    } catch (e) {
      clear($('job'), el('p', {class: 'status error'}, 'Could not start: ' + e.message));
      return;
    }
    follow(job);
  }

  // A job started elsewhere (another tab, the retrain schedule, the first model at start-up) is followed too; when
  // the job thread is idle the last job is shown, so an operator arriving after a failure sees it.
  async function findJob() {
    let list;
    try { list = await api('/admin/jobs?limit=1'); } catch (e) { return; }
    if (following) return;
    if (list.active) follow(list.active);
    else if (list.recent.length && !$('job').firstChild) showJob(list.recent[0]);
  }

  async function follow(job) {
    if (following === job.id) return;
    following = job.id;
    $('retrain').disabled = $('reindex').disabled = true;
    try {
      while (true) {
        showJob(job);
        if (job.finished_at) break;
        await new Promise(r => setTimeout(r, 500));
        job = await api('/admin/jobs/' + encodeURIComponent(job.id));
      }
    } catch (e) {
      clear($('job'), el('p', {class: 'status error'}, 'Lost the job: ' + e.message));
    } finally {
      following = null;
      $('retrain').disabled = $('reindex').disabled = false;
    }
    refresh();
  }

  function showJob(j) {
    const done = j.state === 'succeeded' || j.state === 'failed';
    clear($('job'), el('div', {id: 'job-' + j.state, class: 'job ' + j.state, 'data-state': j.state},
      el('p', {}, el('strong', {}, j.kind + ' ' + j.id), ' · ', el('span', {class: 'state'}, j.state)),
      el('progress', {max: 1, value: j.progress === null || j.progress === undefined ? null : j.progress,
        'aria-label': j.kind + ' progress'}),
      el('p', {class: 'meta'}, (j.stage ? 'stage: ' + j.stage : 'waiting') + (j.progress !== null && j.progress !== undefined
        ? ' (' + pct(j.progress) + ' done)' : '')),
      el('p', {class: done ? 'status' : 'meta'}, j.message)));
  }

  // ---- wiring --------------------------------------------------------------------------------------------------

  $('token-form').addEventListener('submit', ev => {
    ev.preventDefault();
    say($('login-status'), '');
    const t = $('token').value.trim();
    $('token').value = '';
    signIn(t);
  });
  $('forget').addEventListener('click', () => signOut('Signed out.'));
  $('retrain').addEventListener('click', () => start('retrain'));
  $('reindex').addEventListener('click', () => start('reindex'));
  if (api.token()) signIn(api.token()); else $('token').focus();
})();
