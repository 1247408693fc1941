// Shared by the learner and operator pages: DOM building without innerHTML (data never becomes markup),
// calls to the public JSON API with the bearer token the API asks for, kept in sessionStorage only.
'use strict';

const CR = (() => {
  /** el('li', {class: 'x', onclick: f}, 'text', child, ...) */
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k.startsWith('on')) e.addEventListener(k.substring(2), v);
      else if (k === 'class') e.className = v;
      else if (k === 'style') e.setAttribute('style', v);
      else e.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === false) continue;
      e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return e;
  }

  function clear(node, ...children) {
    node.replaceChildren(...children.flat().filter(c => c !== null && c !== undefined && c !== false));
    return node;
  }

  /** An API error with the server's {error, field, detail}. */
  class ApiError extends Error {
    constructor(status, body) {
      super(body && body.detail ? body.detail : 'HTTP ' + status);
      this.status = status;
      this.error = body && body.error;
      this.field = body && body.field;
    }
  }

  /**
   * fetch + JSON for one token kind ('api' or 'admin'). 401/403 call onAuth(kind, err) (the page asks for the
   * token) and reject.
   */
  function client(kind, onAuth) {
    const key = 'courserec.' + kind + 'Token';
    const api = async (path, options = {}) => {
      const headers = Object.assign({'Accept': 'application/json'}, options.headers || {});
      const token = sessionStorage.getItem(key);
      if (token) headers['Authorization'] = 'Bearer ' + token;
      let body = options.body;
      if (body !== undefined && typeof body !== 'string') {
        body = JSON.stringify(body);
        headers['Content-Type'] = 'application/json';
      }
      // the browser's default cache mode: 'no-store' would send Cache-Control: no-cache and bypass the server's cache
      const r = await fetch(path, {method: options.method || 'GET', headers, body});
      const text = await r.text();
      let json = null;
      try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
      if (!r.ok) {
        const err = new ApiError(r.status, json);
        if ((r.status === 401 || r.status === 403) && onAuth) onAuth(kind, err);
        throw err;
      }
      return json;
    };
    api.token = () => sessionStorage.getItem(key);
    api.setToken = t => t ? sessionStorage.setItem(key, t) : sessionStorage.removeItem(key);
    return api;
  }

  /** The engine's reasons mark course titles as *Title*: shown in italics, as text. */
  function reason(text) {
    return el('li', {}, String(text).split('*').map((part, i) => i % 2 ? el('em', {}, part) : part));
  }

  function pct(x, digits = 0) {
    return (100 * x).toFixed(digits) + ' %';
  }

  function fmt(x, digits = 3) {
    return x === null || x === undefined || Number.isNaN(x) ? '–' : Number(x).toFixed(digits);
  }

  function eventId() {
    return 'web-' + (crypto.randomUUID ? crypto.randomUUID() : Date.now() + '-' + Math.random().toString(36).slice(2));
  }

  /** Polite announcement for screen readers and a visible status line. */
  function say(node, text, isError) {
    node.textContent = text;
    node.classList.toggle('error', !!isError);
  }

  return {el, clear, client, ApiError, pct, fmt, eventId, say, reason};
})();
