// Ladder (sequence) diagram of translation pairs: legacy client <-> gateway <-> core, one arrow per message.
// Built with createElementNS and textContent only, so message text can never become markup.
'use strict';

const Ladder = (() => {
  const NS = 'http://www.w3.org/2000/svg';
  const WIDTH = 700;
  const COLUMNS = { client: 100, gateway: 350, core: 600 };
  const TOP = 62;
  const STEP = 30;
  const MAX_LABEL = 38; // fits between two lifelines at 10px monospace
  const MAX_EVENTS = 40; // a long session would draw a ladder nobody can read; show the latest

  function el(name, attrs, parent) {
    const node = document.createElementNS(NS, name);
    for (const [key, value] of Object.entries(attrs || {})) {
      node.setAttribute(key, String(value));
    }
    if (parent) {
      parent.appendChild(node);
    }
    return node;
  }

  function text(parent, attrs, content) {
    const node = el('text', attrs, parent);
    node.textContent = content;
    return node;
  }

  function shorten(label) {
    return label.length > MAX_LABEL ? label.slice(0, MAX_LABEL - 1) + '…' : label;
  }

  // The messages of one pair, in wire order. Requests are solid, answers dashed. A request's final answers come
  // from its outcome, unless the answers were recorded as a pair of their own (`answered`): then that pair draws them.
  function messages(event, answered) {
    const s = event.summary;
    const out = [];
    const add = (from, to, label, reply) => out.push({ from, to, label, reply });
    const replies = !s.response && !answered;
    if (event.direction === 'CORE_TO_LEGACY') {
      s.sipStartLines.forEach(line => add('core', 'gateway', line, s.response));
      add('gateway', 'client', s.sipcStartLine, s.response);
      if (replies && s.legacyStatus) add('client', 'gateway', 'SIP-C ' + s.legacyStatus, true);
      if (replies && s.sipStatus) add('gateway', 'core', 'SIP ' + s.sipStatus, true);
      return out;
    }
    add('client', 'gateway', s.sipcStartLine, s.response);
    s.sipStartLines.forEach(line => add('gateway', 'core', line, s.response));
    if (!replies) return out;
    if (s.sipStatus) add('core', 'gateway', 'SIP ' + s.sipStatus, true);
    if (s.legacyStatus) {
      add('gateway', 'client', 'SIP-C ' + s.legacyStatus, true);
    } else if (event.outcome.kind === 'FAILED' || event.outcome.kind === 'TIMEOUT') {
      add('gateway', 'client', event.outcome.kind.toLowerCase() + (event.outcome.reason
        ? ': ' + event.outcome.reason : ''), true);
    }
    return out;
  }

  // The legacy transaction a pair belongs to: answers share the request's connection, I and Q.
  function transaction(event) {
    const c = event.correlation;
    if (!c.legacyCallId) return 'pair ' + event.id; // nothing to match on: its own transaction
    return [event.connection, c.legacyCallId, c.legacyCseq].join('\u0000');
  }

  function timeOf(event) {
    const d = new Date(event.time);
    const two = n => String(n).padStart(2, '0');
    return two(d.getHours()) + ':' + two(d.getMinutes()) + ':' + two(d.getSeconds()) + '.'
      + String(d.getMilliseconds()).padStart(3, '0');
  }

  function actor(svg, x, name, address) {
    const g = el('g', { class: 'actor' }, svg);
    el('rect', { x: x - 92, y: 4, width: 184, height: 40, rx: 5 }, g);
    text(g, { x, y: 21 }, name);
    text(g, { x, y: 37, class: 'addr' }, shorten(address));
  }

  function arrow(svg, message, y, selected, eventId) {
    const x1 = COLUMNS[message.from];
    const x2 = COLUMNS[message.to];
    const cls = 'arrow' + (message.reply ? ' reply' : '') + (selected ? ' selected' : '');
    const g = el('g', { class: cls, 'data-event': eventId }, svg);
    const inset = x2 > x1 ? -4 : 4; // stop short so the arrowhead touches the lifeline
    el('line', { x1, y1: y, x2: x2 + inset, y2: y, 'marker-end': selected ? 'url(#head-selected)' : 'url(#head)' },
      g);
    text(g, { x: (x1 + x2) / 2, y: y - 5 }, shorten(message.label));
    const title = el('title', {}, g);
    title.textContent = message.label;
  }

  // Draws the ladder of `events` (oldest first) into `container`, emphasising the pair with id `selectedId`.
  function draw(container, events, selectedId) {
    const shown = events.slice(-MAX_EVENTS);
    const answered = new Set(shown.filter(e => e.summary.response).map(transaction));
    const rows = shown.map(e => ({ event: e, messages: messages(e, answered.has(transaction(e))) }));
    const count = rows.reduce((n, r) => n + r.messages.length, 0);
    const height = TOP + 10 + count * STEP + 10;
    const svg = el('svg', { viewBox: `0 0 ${WIDTH} ${height}`, width: WIDTH, height,
      role: 'img', 'aria-label': 'ladder diagram' });
    const defs = el('defs', {}, svg);
    for (const id of ['head', 'head-selected']) {
      // user-space units: a thicker selected line must not get a bigger head
      const marker = el('marker', { id, viewBox: '0 0 10 10', refX: 9, refY: 5, markerUnits: 'userSpaceOnUse',
        markerWidth: 9, markerHeight: 9, orient: 'auto-start-reverse' }, defs);
      el('path', { d: 'M0,0 L10,5 L0,10 z' }, marker);
    }
    const first = shown[0] || {};
    actor(svg, COLUMNS.client, 'legacy client', first.legacyPeer || '');
    actor(svg, COLUMNS.gateway, 'gateway', (first.gatewayLegacy || '') + ' | ' + (first.gatewayCore || ''));
    actor(svg, COLUMNS.core, 'core', first.corePeer || '');
    for (const x of Object.values(COLUMNS)) {
      el('line', { class: 'lifeline', x1: x, y1: 44, x2: x, y2: height - 4 }, svg);
    }
    let y = TOP + 10;
    for (const row of rows) {
      const selected = row.event.id === selectedId;
      text(svg, { class: 'time', x: 4, y: y + 12 }, timeOf(row.event));
      for (const message of row.messages) {
        y += STEP;
        arrow(svg, message, y - 8, selected, row.event.id);
      }
    }
    container.replaceChildren(svg);
    return svg;
  }

  return { draw, messages, timeOf };
})();
