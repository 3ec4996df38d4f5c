// The armstrace page: filters, the actor network, the timeline, the evidence panel, and
// the breach and dossier views. State lives in the URL hash (#view=...&event=...&actor=...).
import { getJSON, showStatus } from './js/api.js';
import { el } from './js/dom.js';
import { filterParams, setupFilters } from './js/filters.js';
import { createGraph, drawGraph, legendItems } from './js/graph.js';
import { drawTimeline } from './js/timeline.js';
import { showEdge, showEvidence } from './js/evidence.js';
import { fillActors, showBreaches, showDossier } from './js/views.js';

const state = { meta: null, network: null, cy: null, params: {} };
window.armstrace = state;          // for the browser tests and the curious

function setHash(values) {
  const hash = new URLSearchParams(location.hash.slice(1));
  for (const [key, value] of Object.entries(values)) {
    if (value === null) hash.delete(key); else hash.set(key, value);
  }
  history.replaceState(null, '', `#${hash}`);
}

async function openEvent(id) {
  setHash({ event: id });
  await showEvidence(id);
}

async function reload(params) {
  state.params = params;
  showStatus('loading\u2026');
  try {
    state.network = await getJSON('/network', params);
    drawGraph(state.cy, state.network);
    drawTimeline(document.getElementById('timeline'), state.network.timeline, state.meta.types, openEvent);
    const { nodes, edges, n_events: count, truncated } = state.network;
    showStatus(`${count} events, ${nodes.length} actors, ${edges.length} edges` +
               (truncated ? ' (timeline shows the most confident)' : ''));
    document.body.dataset.loaded = String(Number(document.body.dataset.loaded || 0) + 1);
  } catch (error) {
    showStatus(error.message, true);
  }
}

function switchView(name) {
  for (const section of document.querySelectorAll('.view')) section.hidden = section.id !== `view-${name}`;
  for (const tab of document.querySelectorAll('.tab')) tab.setAttribute('aria-pressed', String(tab.dataset.view === name));
  document.getElementById('filters').hidden = name !== 'network';
  setHash({ view: name });
  if (name === 'network' && state.cy) state.cy.resize();
  if (name === 'breaches') showBreaches(openEvent).catch((e) => showStatus(e.message, true));
}

function legend() {
  const box = document.getElementById('legend');
  for (const { type, colour } of legendItems()) {
    box.append(el('li', {}, el('span', { class: `swatch ${type}` }), type));
  }
  box.append(el('li', {}, el('span', { class: 'swatch dashed' }), 'hedged: hypothetical, alleged, denied, contested'));
  box.append(el('li', {}, 'arrow: stage (\u25cb proposed, \u25c7 negotiating, \u25b7 agreed/delivered, \u22a3 cancelled)'));
}

async function main() {
  state.meta = await getJSON('/meta');
  state.cy = createGraph(document.getElementById('graph'),
    (edge) => showEdge(edge, state.params, openEvent).catch((e) => showStatus(e.message, true)),
    (node) => { setHash({ actor: node.id }); showStatus(`${node.name} (${node.id}): ${node.activity} events; the Dossier tab has more`); });
  legend();
  const form = document.getElementById('filters');
  setupFilters(form, state.meta, reload);
  for (const tab of document.querySelectorAll('.tab')) tab.addEventListener('click', () => switchView(tab.dataset.view));
  const select = document.getElementById('dossier-actor');
  await fillActors(select, (code) => { setHash({ actor: code }); showDossier(code, openEvent); });
  await reload(filterParams(form));
  const hash = new URLSearchParams(location.hash.slice(1));
  if (hash.get('view')) switchView(hash.get('view'));
  if (hash.get('actor') && hash.get('view') === 'dossier') {
    select.value = hash.get('actor');
    showDossier(hash.get('actor'), openEvent);
  }
  if (hash.get('event')) openEvent(Number(hash.get('event')));
}

main().catch((error) => showStatus(`the page could not start: ${error.message}`, true));
