// The learner page: every call is the public API (GET /learners/examples, /recommend, /search, /courses/{id},
// /courses/{id}/similar, /explain, /users/{id}/history, /paths; POST /feedback) with the service token when the
// server asks for one.
'use strict';
(() => {
  const {el, clear, client, fmt, pct, eventId, say, reason} = CR;
  const $ = id => document.getElementById(id);
  const SIGNALS = ['content', 'itemcf', 'usercf', 'mf', 'prior', 'recent', 'seq', 'ease', 'pop'];
  const NAMES = {content: 'content match', itemcf: 'similar courses', usercf: 'similar learners', mf: 'taste factors',
    prior: 'popularity', recent: 'recent courses', seq: 'what learners took next', ease: 'co-taken courses', pop: 'popularity'};
  const api = client('api', () => {
    $('token-form').hidden = false;
    say($('status'), 'The server asks for the service token (server.api_token): enter it above.', true);
    $('token').focus();
  });
  const titles = new Map();          // course id -> title, from every answer seen
  let user = null;
  let interests = '';
  let examples = null;
  let planAvailable = null;          // null: not probed yet

  const status = (text, isError) => say($('status'), text, isError);

  function remember(items) {
    for (const c of items || []) titles.set(c.course_id || c.id, c.title);
  }

  async function title(id) {
    if (titles.has(id)) return titles.get(id);
    try {
      const c = await api('/courses/' + encodeURIComponent(id));
      titles.set(id, c.title);
      return c.title;
    } catch (e) {
      return id;
    }
  }

  // ---- learner choice ------------------------------------------------------------------------------------------

  async function loadExamples() {
    try {
      examples = await api('/learners/examples');
    } catch (e) {
      if (e.status !== 401 && e.status !== 403) status('Could not list example learners: ' + e.message, true);
      return;
    }
    const box = clear($('example-buttons'));
    const list = clear($('examples'));
    const kinds = [['rich', 'rich history'], ['short_history', 'short history'], ['newcomer', 'new learner']];
    box.append(el('span', {class: 'note'}, 'Try: '));
    for (const [k, label] of kinds) {
      const x = examples[k];
      if (!x) continue;
      list.append(el('option', {value: x.user_id}, label));
      box.append(el('button', {type: 'button', class: 'chip', 'data-kind': k, onclick: () => choose(x.user_id,
        k === 'newcomer' ? x.interests.join('|') : '')},
        x.user_id + ' · ' + label + (k === 'newcomer' ? '' : ' (' + x.events + ' events)')));
    }
    const fromUrl = new URLSearchParams(location.search).get('user');
    if (fromUrl) choose(fromUrl, new URLSearchParams(location.search).get('interests') || '');
  }

  function choose(id, withInterests) {
    $('user').value = id;
    $('interests').value = withInterests || '';
    show();
  }

  async function show() {
    user = $('user').value.trim();
    interests = $('interests').value.trim();
    if (!user) return;
    history.replaceState(null, '', '?user=' + encodeURIComponent(user) + (interests ? '&interests=' + encodeURIComponent(interests) : ''));
    status('Showing ' + user + '.');
    $('course-panel').hidden = true;
    await Promise.all([loadRecs(), loadHistory(), probePlan()]);
    if ($('q').value.trim()) search();
  }

  // ---- recommendations -----------------------------------------------------------------------------------------

  /** Marks a region busy (aria-busy, for screen readers and tests) while {@code work} runs. */
  async function busy(id, work) {
    const region = $(id);
    region.setAttribute('aria-busy', 'true');
    try { return await work(); } finally { region.setAttribute('aria-busy', 'false'); }
  }

  const loadRecs = () => busy('recs', drawRecs);

  async function drawRecs() {
    const q = new URLSearchParams({user, k: '10', explain: 'true'});
    if (interests) q.set('interests', interests);
    let r;
    try {
      r = await api('/recommend?' + q);
    } catch (e) {
      clear($('recs'));
      $('recs-note').textContent = 'No recommendations: ' + e.message;
      return;
    }
    remember(r.items);
    const why = {personal: 'from your history', 'cold-start': 'from your interests (new learner)',
      popular: 'popular courses (nothing known about you yet)'}[r.strategy] || r.strategy;
    $('recs-note').textContent = r.items.length + ' courses ' + why + (r.segment ? ' · segment ' + r.segment : '')
      + ' · model ' + r.model_version;
    clear($('recs'), r.items.map(recCard));
  }

  function recCard(c) {
    const li = el('li', {class: 'card', 'data-course': c.course_id});
    const reasons = (c.evidence || []).slice(0, 3).map(e => reason(e.text));
    li.append(
      el('div', {class: 'card-head'},
        el('button', {type: 'button', class: 'link', onclick: () => openCourse(c.course_id)}, c.title),
        confidence(c.confidence)),
      el('p', {class: 'meta'}, [c.level, c.subject].filter(Boolean).join(' · ')),
      shares(c.signals, c.signal_confidences),
      reasons.length ? el('ul', {class: 'reasons', 'aria-label': 'Reasons'}, reasons) : null,
      actions(c, li));
    return li;
  }

  function confidence(x) {
    const level = x >= 0.66 ? 'high' : x >= 0.33 ? 'medium' : 'low';
    return el('span', {class: 'conf ' + level, title: 'Estimated chance you find it relevant'},
      el('meter', {min: 0, max: 1, low: 0.33, high: 0.66, optimum: 1, value: x}),
      ' ' + level + ' confidence (' + pct(x) + ')');
  }

  /**
   * A stacked bar of each signal's share of the score, with the same figures in words for screen readers; where the
   * answer carries a signal's own calibrated confidence, its tooltip says how likely that signal alone is right.
   */
  function shares(signals, confidences) {
    const entries = Object.entries(signals || {}).filter(([, v]) => v > 0.005).sort((a, b) => b[1] - a[1]);
    if (!entries.length) return null;
    const own = k => confidences && typeof confidences[k] === 'number' ? ', ' + pct(confidences[k]) + ' likely on its own' : '';
    const words = entries.map(([k, v]) => (NAMES[k] || k) + ' ' + pct(v) + own(k)).join('; ');
    return el('div', {class: 'shares'},
      el('div', {class: 'bar', role: 'img', 'aria-label': 'Share of the score: ' + words},
        entries.map(([k, v]) => el('span', {class: 'seg s-' + (SIGNALS.includes(k) ? k : 'other'),
          style: 'width:' + (100 * v).toFixed(1) + '%', title: (NAMES[k] || k) + ' ' + pct(v) + ' of the score' + own(k)}))),
      el('p', {class: 'legend'}, entries.map(([k, v]) =>
        el('span', {title: own(k) ? (NAMES[k] || k) + own(k) : null}, el('i', {class: 'dot s-' + (SIGNALS.includes(k) ? k : 'other')}),
          (NAMES[k] || k) + ' ' + pct(v)))));
  }

  function actions(c, card) {
    const rating = el('select', {'aria-label': 'Rating for ' + c.title},
      [5, 4, 3, 2, 1].map(n => el('option', {value: n}, n + ' ★')));
    return el('div', {class: 'actions'},
      el('button', {type: 'button', 'data-action': 'enroll', onclick: () => feedback(c, 'enroll', null, card)}, 'Enroll'),
      el('button', {type: 'button', 'data-action': 'bookmark', 'aria-pressed': 'false',
        onclick: ev => feedback(c, 'bookmark', null, card, ev.currentTarget)}, 'Bookmark'),
      el('span', {class: 'rate'}, rating,
        el('button', {type: 'button', 'data-action': 'rate', onclick: () => feedback(c, 'rate', Number(rating.value), card)}, 'Rate')),
      el('button', {type: 'button', 'data-action': 'dismiss', class: 'quiet', onclick: () => feedback(c, 'dismiss', null, card)}, 'Dismiss'),
      el('button', {type: 'button', 'data-action': 'why', class: 'quiet', 'aria-expanded': 'false',
        onclick: ev => toggleWhy(c, card, ev.currentTarget)}, 'Why?'));
  }

  /**
   * Posts one event and shows its effect at once: a dismissed course leaves the list; an enrolled, completed or
   * rated one leaves it and joins the history; a bookmark marks the card. Then the list is asked again (the
   * server drops the learner's cached answers on feedback, so the new list already counts the event).
   */
  async function feedback(c, event, rating, card, button) {
    const body = {user_id: user, course_id: c.course_id, event, event_id: eventId()};
    if (rating !== null) body.rating = rating;
    try {
      await api('/feedback', {method: 'POST', body});
    } catch (e) {
      status('Not recorded: ' + e.message, true);
      return;
    }
    if (event === 'bookmark') {
      button.setAttribute('aria-pressed', 'true');
      button.textContent = 'Bookmarked';
      status('Bookmarked ' + c.title + '.');
      loadHistory();
      return;
    }
    const position = [...card.parentNode.children].indexOf(card);
    const next = card.nextElementSibling || card.previousElementSibling;
    card.remove();
    if (event !== 'dismiss') prependHistory({course_id: c.course_id, event, rating, timestamp: new Date().toISOString()});
    status({dismiss: 'Dismissed ', enroll: 'Enrolled in ', rate: 'Rated '}[event] + c.title
      + (event === 'rate' ? ' ' + rating + ' ★' : '') + '.');
    const focusable = next && next.querySelector('button');
    if (focusable) focusable.focus();
    await Promise.all([loadRecs(), loadHistory()]);
    // the list was drawn anew: keep the keyboard where it was, on the card now in the acted-on card's place
    const cards = $('recs').children;
    const again = cards[Math.min(position, cards.length - 1)];
    if (again && document.activeElement === document.body) again.querySelector('button').focus();
  }

  async function toggleWhy(c, card, button) {
    const open = card.querySelector('.why');
    if (open) {
      open.remove();
      button.setAttribute('aria-expanded', 'false');
      return;
    }
    button.setAttribute('aria-expanded', 'true');
    const box = el('div', {class: 'why', role: 'region', 'aria-label': 'Why ' + c.title}, 'Asking…');
    card.append(box);
    try {
      const x = await api('/explain?' + new URLSearchParams({user, course: c.course_id}));
      clear(box, explanation(x));
    } catch (e) {
      clear(box, 'No explanation: ' + e.message);
    }
  }

  function explanation(x) {
    const rows = Object.entries(x.signals || {}).sort((a, b) => b[1].contribution - a[1].contribution).map(([k, s]) =>
      el('tr', {}, el('th', {scope: 'row'}, NAMES[k] || k), el('td', {}, fmt(s.value)), el('td', {}, fmt(s.weight)),
        el('td', {}, fmt(s.contribution)), el('td', {}, pct(s.confidence))));
    return [
      el('p', {class: 'summary'}, x.summary),
      x.rank > 0 ? el('p', {class: 'meta'}, 'Rank ' + x.rank + ' · score ' + fmt(x.score) + ' · confidence ' + pct(x.confidence)) : null,
      x.excluded_because ? el('p', {class: 'meta'}, 'Not recommended: ' + x.excluded_because) : null,
      rows.length ? el('table', {class: 'signals'},
        el('caption', {}, 'Each signal: value (0–1 for you), weight, contribution to the score, its own calibrated confidence'),
        el('thead', {}, el('tr', {}, ['signal', 'value', 'weight', 'contribution', 'confidence'].map(h => el('th', {scope: 'col'}, h)))),
        el('tbody', {}, rows)) : null,
      (x.evidence || []).length ? el('ul', {class: 'reasons'}, x.evidence.map(e => reason(e.text))) : null];
  }

  // ---- search --------------------------------------------------------------------------------------------------

  async function search(ev) {
    if (ev) ev.preventDefault();
    const q = $('q').value.trim();
    if (!q) return;
    const params = new URLSearchParams({q, k: '10'});
    if (user) params.set('user', user);
    try {
      const r = await api('/search?' + params);
      remember(r.items);
      $('search-note').textContent = r.items.length
        ? r.total_hits + ' matches' + (r.personalised ? ', ordered for ' + user : '')
        : (r.message || 'Nothing matches.');
      clear($('results'), r.items.map(c => el('li', {class: 'card', 'data-course': c.course_id},
        el('button', {type: 'button', class: 'link', onclick: () => openCourse(c.course_id)}, c.title),
        el('span', {class: 'meta'}, ' ' + [c.level, c.subject].filter(Boolean).join(' · ')))));
    } catch (e) {
      $('search-note').textContent = 'Search failed: ' + e.message;
    }
  }

  // ---- course view ---------------------------------------------------------------------------------------------

  async function openCourse(id) {
    const panel = $('course-panel');
    panel.hidden = false;
    const box = clear($('course'), 'Loading…');
    try {
      const [c, sim] = await Promise.all([api('/courses/' + encodeURIComponent(id)),
        api('/courses/' + encodeURIComponent(id) + '/similar?k=5')]);
      titles.set(c.id, c.title);
      remember(sim.items);
      const prereqs = await Promise.all((c.prerequisites || []).map(async p => [p, await title(p)]));
      clear(box,
        el('h3', {}, c.title),
        el('p', {class: 'meta'}, [c.level, c.subject, c.organization, c.language,
          c.duration_hours ? c.duration_hours + ' h' : c.duration_text, c.rating ? c.rating + ' ★' : null].filter(Boolean).join(' · ')),
        c.description ? el('p', {}, c.description) : null,
        (c.skills || []).length ? el('p', {}, el('strong', {}, 'Skills: '), c.skills.join(', ')) : null,
        el('h4', {}, 'Prerequisites'),
        prereqs.length ? el('ul', {class: 'plain'}, prereqs.map(([p, t]) =>
          el('li', {}, el('button', {type: 'button', class: 'link', onclick: () => openCourse(p)}, t)))) : el('p', {class: 'note'}, 'None.'),
        el('h4', {}, 'Similar courses'),
        el('ul', {class: 'plain', id: 'similar'}, (sim.items || []).map(s =>
          el('li', {}, el('button', {type: 'button', class: 'link', onclick: () => openCourse(s.course_id)}, s.title),
            el('span', {class: 'meta'}, ' ' + fmt(s.score, 2))))),
        user ? el('div', {class: 'why-course'}, el('button', {type: 'button', 'data-action': 'why-course', onclick: async ev => {
          const b = ev.currentTarget;
          const x = await api('/explain?' + new URLSearchParams({user, course: c.id})).catch(e => ({summary: e.message}));
          b.replaceWith(el('div', {class: 'why'}, explanation(x)));
        }}, 'Why would ' + user + ' get this?')) : null);
      panel.focus();
    } catch (e) {
      clear(box, 'Could not open ' + id + ': ' + e.message);
    }
  }

  // ---- history -------------------------------------------------------------------------------------------------

  const SHOWN = 25;

  const loadHistory = () => busy('history', drawHistory);

  async function drawHistory() {
    let page;
    try {
      const first = await api('/users/' + encodeURIComponent(user) + '/history?limit=1');
      const offset = Math.max(0, first.total - SHOWN);
      page = offset === 0 && first.total <= 1 ? first : await api('/users/' + encodeURIComponent(user) + '/history?limit=' + SHOWN + '&offset=' + offset);
    } catch (e) {
      clear($('history'));
      $('history-note').textContent = e.status === 404 ? 'No history yet: a new learner.' : 'No history: ' + e.message;
      return;
    }
    $('history-note').textContent = page.total + ' events' + (page.total > SHOWN ? ', the latest ' + SHOWN + ' shown' : '');
    const events = page.events.slice().reverse();
    const names = await Promise.all(events.map(e => title(e.course_id)));
    clear($('history'), events.map((e, i) => historyItem(e, names[i])));
  }

  function historyItem(e, name) {
    return el('li', {'data-course': e.course_id, 'data-event': e.event},
      el('span', {class: 'ev ev-' + e.event}, e.event + (e.rating ? ' ' + e.rating + ' ★' : '')), ' ',
      el('button', {type: 'button', class: 'link', onclick: () => openCourse(e.course_id)}, name),
      e.timestamp ? el('span', {class: 'meta'}, ' ' + e.timestamp.substring(0, 10)) : null);
  }

  function prependHistory(e) {
    $('history').prepend(historyItem(e, titles.get(e.course_id) || e.course_id));
  }

  // ---- plan (only when the server has GET /paths) --------------------------------------------------------------

  async function probePlan() {
    if (planAvailable === false) return;
    try {
      await api('/paths?' + new URLSearchParams({user}));
      planAvailable = true;
    } catch (e) {
      // 404 not_found: no such route on this server; 400 (a goal is required) means the route exists
      planAvailable = !(e.status === 404 && e.error === 'not_found') && e.status !== 405;
    }
    $('plan-panel').hidden = !planAvailable;
  }

  async function plan(ev) {
    ev.preventDefault();
    const box = clear($('plan'), 'Planning…');
    const params = new URLSearchParams({user});
    if ($('goal').value.trim()) params.set('goal', $('goal').value.trim());
    try {
      const p = await api('/paths?' + params);
      const steps = p.steps || p.courses || p.items || p.path || [];
      remember(steps.filter(s => s && typeof s === 'object'));
      clear(box, steps.length ? el('ol', {class: 'plain'}, steps.map(s => typeof s === 'string' ? el('li', {}, titles.get(s) || s)
        : el('li', {}, el('button', {type: 'button', class: 'link', onclick: () => openCourse(s.course_id || s.id)}, s.title || s.course_id || s.id),
          (s.reasons || []).length ? el('span', {class: 'meta'}, ' ' + s.reasons.join('; ')) : null)))
        : el('pre', {}, JSON.stringify(p, null, 2)));
    } catch (e) {
      clear(box, 'No plan: ' + e.message);
    }
  }

  // ---- wiring --------------------------------------------------------------------------------------------------

  $('who').addEventListener('submit', ev => { ev.preventDefault(); show(); });
  $('search').addEventListener('submit', search);
  $('plan-form').addEventListener('submit', plan);
  $('token-form').addEventListener('submit', ev => {
    ev.preventDefault();
    api.setToken($('token').value.trim());
    $('token').value = '';
    $('token-form').hidden = true;
    loadExamples();
    if (user) show();
  });
  loadExamples();
})();
