// The report's behaviour: view tabs, zoom and pan, table search and filters, claim details.
// Plain JS, no dependencies. Claim data comes from the JSON blob and is only ever put into the
// page as text (textContent, setAttribute), never as HTML.
(function () {
  'use strict';
  const data = JSON.parse(document.getElementById('claims').textContent);
  const claims = new Map(data.claims.map((c) => [c.id, c]));
  const sources = new Map(data.sources.map((s) => [s.id, s]));
  const frames = Array.from(document.querySelectorAll('.frame'));
  const tabs = Array.from(document.querySelectorAll('[role=tab]'));
  const figures = Array.from(document.querySelectorAll('figure.view'));
  const rows = Array.from(document.querySelectorAll('#claims-table tbody tr'));
  const details = document.getElementById('details');

  // Diagram nodes by claim id: both renderers give a claim's node the id `claim-<id>`, which
  // the page prefixes with its view (`v3-claim-<id>`).
  const nodes = new Map();
  for (const g of document.querySelectorAll('.frame g[id]')) {
    const m = /^v\d+-claim-(.+)$/.exec(g.id);
    if (m) {
      if (!nodes.has(m[1])) nodes.set(m[1], []);
      nodes.get(m[1]).push(g);
    }
  }
  function claimAt(target) {
    for (let g = target.closest('g'); g; g = g.parentElement && g.parentElement.closest('g')) {
      const m = /^v\d+-claim-(.+)$/.exec(g.id);
      if (m && claims.has(m[1])) return m[1];
    }
    return null;
  }

  // Views.
  function showView(name) {
    tabs.forEach((t) => t.setAttribute('aria-selected', String(t.dataset.view === name)));
    figures.forEach((f) => { f.hidden = f.dataset.view !== name; });
    const frame = visibleFrame();
    if (frame) openReadable(frame);
  }
  tabs.forEach((t) => t.addEventListener('click', () => showView(t.dataset.view)));
  const visibleFrame = () => frames.find((f) => !f.closest('figure').hidden);

  // Zoom (wheel, buttons) and pan (drag), as a CSS transform of the SVG inside its frame.
  const zoomState = new Map(frames.map((f) => [f, { x: 0, y: 0, k: 1 }]));
  function apply(frame) {
    const s = zoomState.get(frame);
    const svg = frame.querySelector('svg');
    if (svg) svg.style.transform = `translate(${s.x}px, ${s.y}px) scale(${s.k})`;
  }
  function zoom(frame, factor, cx, cy) {
    const s = zoomState.get(frame);
    const k = Math.min(40, Math.max(0.25, s.k * factor));
    s.x = cx - ((cx - s.x) * k) / s.k;
    s.y = cy - ((cy - s.y) * k) / s.k;
    s.k = k;
    apply(frame);
  }
  function zoomCentre(factor) {
    const frame = visibleFrame();
    if (frame) zoom(frame, factor, frame.clientWidth / 2, frame.clientHeight / 2);
  }
  for (const frame of frames) {
    let drag = null;
    let dragged = false;
    frame.addEventListener('wheel', (e) => {
      e.preventDefault();
      const r = frame.getBoundingClientRect();
      zoom(frame, Math.exp(-e.deltaY * 0.0015), e.clientX - r.left, e.clientY - r.top);
    }, { passive: false });
    frame.addEventListener('pointerdown', (e) => {
      dragged = false;
      if (e.button === 0) drag = { x: e.clientX, y: e.clientY, id: e.pointerId };
    });
    frame.addEventListener('pointermove', (e) => {
      if (!drag) return;
      const dx = e.clientX - drag.x;
      const dy = e.clientY - drag.y;
      if (!dragged && Math.hypot(dx, dy) < 4) return;
      if (!dragged) {
        dragged = true;
        frame.setPointerCapture(drag.id);
        frame.classList.add('dragging');
      }
      const s = zoomState.get(frame);
      s.x += dx;
      s.y += dy;
      drag.x = e.clientX;
      drag.y = e.clientY;
      apply(frame);
    });
    const stop = () => { drag = null; frame.classList.remove('dragging'); };
    frame.addEventListener('pointerup', stop);
    frame.addEventListener('pointercancel', stop);
    frame.addEventListener('click', (e) => {
      if (dragged) { e.preventDefault(); return; }
      const id = claimAt(e.target);
      if (id) { e.preventDefault(); go(id); }
    });
  }
  // A diagram whose labels are too small to read when fitted into its frame (the whole graph
  // of a real data set is a grey texture) opens zoomed in until they read, centred on its most
  // connected claim; "Reset view" still fits it whole. Diagrams that read when fitted open so.
  const READABLE = 0.75; // CSS pixels per SVG unit: the diagrams' 10-unit labels at 7.5 px
  const opened = new Set();
  function busiest(frame) {
    let best = null;
    let most = 0;
    for (const [id, gs] of nodes) {
      const g = gs.find((x) => x.closest('.frame') === frame);
      const c = claims.get(id);
      const n = c ? c.supporters.length + c.attackers.length + c.supports.length + c.contradicts.length : 0;
      if (g && n > most) { best = g; most = n; }
    }
    return best;
  }
  function openReadable(frame) {
    if (opened.has(frame)) return;
    opened.add(frame);
    const svg = frame.querySelector('svg');
    const box = svg && svg.viewBox && svg.viewBox.baseVal;
    const w = frame.clientWidth;
    const h = frame.clientHeight;
    if (!box || !box.width || !box.height || !w || !h) return;
    const fit = Math.min(w / box.width, h / box.height);
    if (fit >= READABLE / 2) return;
    const f = frame.getBoundingClientRect();
    const g = busiest(frame);
    const r = g ? g.getBoundingClientRect() : f;
    const k = READABLE / fit;
    const cx = r.left + r.width / 2 - f.left;
    const cy = r.top + r.height / 2 - f.top;
    zoomState.set(frame, { x: w / 2 - cx * k, y: h / 2 - cy * k, k });
    apply(frame);
  }
  document.getElementById('zoom-in').addEventListener('click', () => zoomCentre(1.25));
  document.getElementById('zoom-out').addEventListener('click', () => zoomCentre(0.8));
  document.getElementById('reset').addEventListener('click', () => {
    const frame = visibleFrame();
    if (frame) { zoomState.set(frame, { x: 0, y: 0, k: 1 }); apply(frame); }
  });

  // Search and filters.
  const search = document.getElementById('search');
  const selects = Array.from(document.querySelectorAll('select[data-filter]'));
  const count = document.getElementById('count');
  function filter() {
    const words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    const want = Object.fromEntries(selects.map((s) => [s.dataset.filter, s.value]));
    let shown = 0;
    for (const row of rows) {
      const text = `${row.textContent} ${row.dataset.tags}`.toLowerCase();
      const ok = words.every((w) => text.includes(w)) &&
        (!want.tag || row.dataset.tags.split(' ').includes(want.tag)) &&
        (!want.speaker || row.dataset.speaker === want.speaker) &&
        (!want.rating || row.dataset.rating === want.rating);
      row.hidden = !ok;
      if (ok) shown += 1;
    }
    count.textContent = `${shown} of ${rows.length} claims`;
  }
  search.addEventListener('input', filter);
  selects.forEach((s) => s.addEventListener('change', filter));
  filter();
  rows.forEach((row) => row.addEventListener('click', (e) => {
    if (e.target.closest('a[target]')) return;
    e.preventDefault();
    go(row.dataset.id);
  }));

  // Details, reached through the URL fragment `#claim/<id>` so links and Back work.
  function go(id) {
    const hash = `#claim/${encodeURIComponent(id)}`;
    if (location.hash === hash) open(id); else location.hash = hash;
  }
  function fromHash() {
    const m = /^#claim\/(.+)$/.exec(location.hash);
    if (m) open(decodeURIComponent(m[1]));
  }
  window.addEventListener('hashchange', fromHash);

  function el(tag, text, attrs) {
    const e = document.createElement(tag);
    if (text != null) e.textContent = text;
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    return e;
  }
  function claimLink(id) {
    return el('a', id, { href: `#claim/${encodeURIComponent(id)}`, class: 'claim-link' });
  }
  function sourceLink(id) {
    const s = sources.get(id);
    if (!s) return el('span', id);
    return s.url ? el('a', s.name, { href: s.url, target: '_blank', rel: 'noopener' }) : el('span', s.name);
  }
  function badge(text, fill) {
    return el('span', text, { class: 'badge', style: `background:${fill}` });
  }
  function section(title, ...children) {
    const frag = document.createDocumentFragment();
    frag.append(el('h3', title), ...children);
    return frag;
  }
  function related(links, empty) {
    if (!links.length) return el('p', empty, { class: 'note' });
    const ul = el('ul');
    for (const link of links) {
      const li = el('li');
      const other = claims.get(link.id);
      li.append(claimLink(link.id));
      if (other) li.append(el('div', other.text));
      if (link.note) li.append(el('div', link.note, { class: 'note' }));
      ul.append(li);
    }
    return ul;
  }
  function facts(claim) {
    const dl = el('dl');
    const add = (name, value) => {
      if (value == null || value === '') return;
      dl.append(el('dt', name));
      const dd = el('dd');
      dd.append(value);
      dl.append(dd);
    };
    add('speaker', claim.by ? sourceLink(claim.by) : null);
    add('date', claim.date);
    add('tags', claim.tags.join(', '));
    add('rating', claim.verdict ? badge(claim.verdict.rating, claim.fill) : 'unrated');
    add('evaluation', claim.label ? `${claim.label_word} (${claim.label})` : null);
    add('file', claim.file);
    return dl;
  }
  function quotes(claim) {
    if (!claim.sources.length) return el('p', 'No sources.', { class: 'note' });
    const ul = el('ul');
    for (const c of claim.sources) {
      const li = el('li');
      if (c.quote) li.append(el('blockquote', c.quote));
      li.append(sourceLink(c.source));
      if (c.locator) li.append(`, ${c.locator}`);
      ul.append(li);
    }
    return ul;
  }
  function verdict(v, fill) {
    const div = el('div');
    const head = el('p');
    head.append(badge(v.rating, fill));
    if (v.by) { head.append(' by '); head.append(sourceLink(v.by)); }
    if (v.date) head.append(`, ${v.date}`);
    div.append(head);
    if (v.note) div.append(el('p', v.note));
    if (v.evidence && v.evidence.length) {
      const ul = el('ul');
      for (const id of v.evidence) {
        const li = el('li');
        li.append(claims.has(id) ? claimLink(id) : sourceLink(id));
        ul.append(li);
      }
      div.append(el('p', 'Evidence:', { class: 'note' }), ul);
    }
    return div;
  }
  function inViews(id) {
    const div = el('div', null, { class: 'views' });
    const names = new Set((nodes.get(id) || []).map((g) => g.closest('figure').dataset.view));
    for (const name of names) {
      const b = el('button', name, { type: 'button' });
      b.addEventListener('click', () => showView(name));
      div.append(b);
    }
    return div;
  }

  function open(id) {
    const claim = claims.get(id);
    if (!claim) return;
    details.replaceChildren(
      el('h2', claim.id),
      el('p', claim.text, { class: 'text' }),
      facts(claim),
      section('Quotes and sources', quotes(claim)),
      section('Verdict', claim.verdict ? verdict(claim.verdict, claim.fill) : el('p', 'No verdict.', { class: 'note' })),
      section('Supported by', related(claim.supporters, 'No supporters.')),
      section('Attacked by', related(claim.attackers, 'No attackers.')),
      section('Supports', related(claim.supports, 'Supports no claim.')),
      section('Contradicts', related(claim.contradicts, 'Contradicts no claim.')),
      section('In the diagrams', inViews(id)),
    );
    details.scrollTop = 0;
    document.querySelectorAll('.frame g.selected').forEach((g) => g.classList.remove('selected'));
    (nodes.get(id) || []).forEach((g) => g.classList.add('selected'));
    rows.forEach((r) => r.classList.toggle('selected', r.dataset.id === id));
  }
  const first = visibleFrame();
  if (first) openReadable(first);
  fromHash();
})();
