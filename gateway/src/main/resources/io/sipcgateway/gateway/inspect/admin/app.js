// The live view: loads the recent pairs from /api/events, then follows /events (Server-Sent Events).
// Filters run here, on the pairs already received, so changing them needs no reconnect. Every text from a message
// goes in with textContent: a SIP-C body is untrusted input.
'use strict';

const MAX_PAIRS = 2000; // memory bound for a tab left open for days
const MAX_ROWS = 500; // rows rendered at once; the rest stay filterable
const DIRECTIONS = { LEGACY_TO_CORE: 'C→S', CORE_TO_LEGACY: 'S→C', LOCAL: 'local' };

const state = { pairs: new Map(), lastId: -1, selected: null, scope: null, stream: null, renderQueued: false };
const $ = id => document.getElementById(id);

function cell(row, content, cls) {
  const td = document.createElement('td');
  td.textContent = content;
  if (cls) td.className = cls;
  row.appendChild(td);
  return td;
}

function filters() {
  return { user: $('f-user').value.trim(), method: $('f-method').value.trim().toUpperCase(),
    outcome: $('f-outcome').value };
}

function matches(pair, f) {
  if (f.user && pair.user !== f.user) return false;
  if (f.outcome && pair.outcome.kind !== f.outcome) return false;
  if (f.method) {
    const s = pair.summary;
    return s.sipcMethod.toUpperCase() === f.method || s.sipMethods.some(m => m.toUpperCase() === f.method);
  }
  return true;
}

function add(pair) {
  if (state.pairs.has(pair.id)) return; // the stream may repeat what the first fetch returned
  state.pairs.set(pair.id, pair);
  state.lastId = Math.max(state.lastId, pair.id);
  if (state.pairs.size > MAX_PAIRS) {
    state.pairs.delete(state.pairs.keys().next().value); // ids arrive in order: the first key is the oldest
  }
  queueRender();
}

function queueRender() {
  if (!state.renderQueued) {
    state.renderQueued = true;
    setTimeout(render, 0); // one render per burst of events, not one per event
  }
}

function sortedPairs() {
  return [...state.pairs.values()].sort((a, b) => a.id - b.id);
}

function row(pair) {
  const tr = document.createElement('tr');
  tr.dataset.id = String(pair.id);
  if (pair.id === state.selected) tr.className = 'selected';
  cell(tr, Ladder.timeOf(pair));
  cell(tr, pair.user || '—');
  cell(tr, DIRECTIONS[pair.direction] || pair.direction);
  cell(tr, pair.summary.sipcStartLine, 'line').title = pair.summary.sipcStartLine;
  const sip = pair.summary.sipStartLines;
  cell(tr, sip.length ? sip[0] + (sip.length > 1 ? ` (+${sip.length - 1})` : '') : '—', 'line').title =
    sip.join('\n');
  const outcome = cell(tr, '');
  const badge = document.createElement('span');
  badge.className = 'outcome o-' + pair.outcome.kind;
  badge.textContent = pair.summary.status;
  outcome.appendChild(badge);
  cell(tr, pair.summary.latency);
  return tr;
}

function render() {
  state.renderQueued = false;
  const f = filters();
  const all = sortedPairs();
  const shown = all.filter(p => matches(p, f));
  const rows = shown.slice(-MAX_ROWS).reverse().map(row); // newest on top
  $('rows').replaceChildren(...rows);
  $('empty').hidden = shown.length > 0;
  $('counts').textContent = `${shown.length} shown of ${all.length} pairs`;
  renderDetail();
}

function ladderScope(pair) {
  const dialog = pair.correlation.legacyCallId;
  return state.scope === 'user' || !dialog ? 'user' : 'dialog';
}

function renderDetail() {
  const pair = state.pairs.get(state.selected);
  $('detail').hidden = !pair;
  if (!pair) return;
  const scope = ladderScope(pair);
  $('scope-dialog').checked = scope === 'dialog';
  $('scope-dialog').disabled = !pair.correlation.legacyCallId;
  $('scope-user').checked = scope === 'user';
  $('d-title').textContent = `#${pair.id} · ${pair.user || 'no user'} · ${pair.summary.sipcStartLine}`;
  const related = sortedPairs().filter(p => scope === 'dialog'
    ? p.correlation.legacyCallId === pair.correlation.legacyCallId && p.connection === pair.connection
    : p.user === pair.user && (pair.user || p.connection === pair.connection));
  Ladder.draw($('ladder'), related, pair.id);
  renderIds(pair);
  $('d-sipc').textContent = pair.sipc;
  $('d-sip').textContent = pair.sip.length ? pair.sip.join('\n\n') : '(no SIP leg)';
}

function renderIds(pair) {
  const c = pair.correlation;
  const o = pair.outcome;
  const entries = [
    ['correlation', c.key], ['legacy Call-ID (I)', c.legacyCallId], ['legacy CSeq (Q)', c.legacyCseq],
    ['SIP Call-ID', c.sipCallIds.join(', ')], ['SIP CSeq', c.sipCseqs.join(', ')],
    ['SIP branch', c.sipBranches.join(', ')], ['connection', pair.connection],
    ['legacy peer', pair.legacyPeer], ['core peer', pair.corePeer],
    ['outcome', o.kind + (o.reason ? ' — ' + o.reason : '')], ['time', pair.time],
  ];
  const nodes = [];
  for (const [name, value] of entries) {
    if (!value) continue;
    const dt = document.createElement('dt');
    dt.textContent = name;
    const dd = document.createElement('dd');
    dd.textContent = value;
    nodes.push(dt, dd);
  }
  $('d-ids').replaceChildren(...nodes);
}

// Keeps filters and selection in the address, so a view can be shared or reloaded.
function saveToUrl() {
  const params = new URLSearchParams();
  const f = filters();
  if (f.user) params.set('user', f.user);
  if ($('f-method').value.trim()) params.set('method', $('f-method').value.trim());
  if (f.outcome) params.set('outcome', f.outcome);
  if (state.selected !== null) params.set('select', String(state.selected));
  if (state.scope) params.set('ladder', state.scope);
  if (!$('f-live').checked) params.set('live', '0');
  const query = params.toString();
  history.replaceState(null, '', query ? '?' + query : location.pathname);
}

function loadFromUrl() {
  const params = new URLSearchParams(location.search);
  $('f-user').value = params.get('user') || '';
  $('f-method').value = params.get('method') || '';
  const outcome = (params.get('outcome') || '').toUpperCase().replace('-', '_');
  $('f-outcome').value = [...$('f-outcome').options].some(o => o.value === outcome) ? outcome : '';
  const select = Number.parseInt(params.get('select') || '', 10);
  state.selected = Number.isNaN(select) ? null : select;
  state.scope = ['user', 'dialog'].includes(params.get('ladder')) ? params.get('ladder') : null;
  $('f-live').checked = params.get('live') !== '0';
}

function setStatus(text, cls) {
  $('status').textContent = text;
  $('status').className = 'status ' + cls;
}

// Opens the stream, or closes it when the view is paused. A paused page is a snapshot: it also lets
// `chromium --dump-dom` finish, which waits for the network to go quiet and an open stream never does.
function follow() {
  if (!$('f-live').checked) {
    if (state.stream) state.stream.close();
    state.stream = null;
    setStatus('paused', '');
    return;
  }
  if (state.stream) return;
  // `after` skips what is already here; on a reconnect EventSource adds Last-Event-ID by itself.
  const stream = new EventSource(`events?backlog=1000&after=${state.lastId}`);
  state.stream = stream;
  stream.onopen = () => setStatus('live', 'live');
  stream.onerror = () => setStatus(stream.readyState === EventSource.CLOSED ? 'disconnected' : 'reconnecting…',
    'down');
  stream.onmessage = message => add(JSON.parse(message.data));
}

async function start() {
  loadFromUrl();
  for (const id of ['f-user', 'f-method', 'f-outcome']) {
    $(id).addEventListener('input', () => { saveToUrl(); queueRender(); });
  }
  $('f-clear').addEventListener('click', () => {
    $('f-user').value = ''; $('f-method').value = ''; $('f-outcome').value = '';
    saveToUrl(); queueRender();
  });
  $('rows').addEventListener('click', event => {
    const tr = event.target.closest('tr');
    if (!tr) return;
    state.selected = Number(tr.dataset.id);
    saveToUrl(); queueRender();
  });
  $('f-live').addEventListener('change', () => { saveToUrl(); follow(); });
  for (const radio of document.querySelectorAll('input[name=scope]')) {
    radio.addEventListener('change', () => { state.scope = radio.value; saveToUrl(); queueRender(); });
  }
  // The first paint comes from a plain fetch, so it never waits on the stream.
  try {
    const response = await fetch('api/events?limit=1000');
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    (await response.json()).forEach(add);
    setStatus('loaded', '');
  } catch (e) {
    setStatus('cannot load events: ' + e.message, 'down');
  }
  render();
  follow();
}

start();
