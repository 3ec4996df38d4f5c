// The evidence panel: the events behind an edge, and for one event each quote with its
// document title, source and date, the sentence highlighted within its paragraph.
import { getDocument, getJSON, showStatus } from './api.js';
import { badge, clear, el, safeLink } from './dom.js';

const MAX_PARAGRAPH = 900;

// The paragraph (line) around [start, end), clipped around the span when long.
export function passage(text, start, end) {
  let from = text.lastIndexOf('\n', start - 1) + 1;
  let to = text.indexOf('\n', end);
  if (to < 0) to = text.length;
  if (to - from > MAX_PARAGRAPH) {
    from = Math.max(from, start - 300);
    to = Math.min(to, end + 300);
  }
  return { before: text.slice(from, start), mark: text.slice(start, end), after: text.slice(end, to),
           clippedStart: from > 0 && text[from - 1] !== '\n', clippedEnd: to < text.length && text[to] !== '\n' };
}

function eventLine(ev) {
  return [badge(ev.type, ev.type), ' ', el('strong', {}, ev.label || `event ${ev.id}`), ' ',
          badge(ev.stage || ''), ' ', badge(ev.assertion || '', ev.hedged ? 'hedged' : 'firm'),
          ` ${ev.n_sources} source(s), ${ev.first_seen || 'undated'}`];
}

function hideHint() {
  const hint = document.querySelector('#panel > .hint');
  if (hint) hint.hidden = true;
}

export async function showEdge(edge, params, openEvent) {
  hideHint();
  const box = clear(document.getElementById('edge-events'));
  clear(document.getElementById('evidence'));
  document.getElementById('panel-title').textContent = `${edge.source} \u2013 ${edge.target}: ${edge.type}, ${edge.stage}`;
  const found = await getJSON('/network/edge', { ...params, a: edge.source, b: edge.target,
    edge_type: edge.type, edge_stage: edge.stage, hedged: edge.hedged });
  const list = el('ul', { class: 'events' });
  for (const ev of found) {
    list.append(el('li', {}, el('button', { type: 'button', class: 'event', dataset: { eventId: ev.id },
      onclick: () => openEvent(ev.id) }, ...eventLine(ev))));
  }
  box.append(el('p', {}, `${found.length} event(s); choose one to read its evidence.`), list);
  if (found.length === 1) openEvent(found[0].id);
}

export async function showEvidence(eventId) {
  hideHint();
  const box = clear(document.getElementById('evidence'));
  try {
    const [ev, claims] = await Promise.all([getJSON(`/events/${eventId}`), getJSON(`/events/${eventId}/claims`)]);
    box.append(el('h3', { class: 'event-head' }, ...eventLine({ ...ev, label: describe(ev) })));
    const list = el('ol', { class: 'quotes' });
    for (const claim of claims) list.append(await quoteItem(claim));
    box.append(list);
    box.scrollIntoView({ block: 'nearest' });
  } catch (error) {
    showStatus(error.message, true);
  }
}

function describe(ev) {
  const k = ev.keys || {};
  if (k.supplier) return `${k.supplier} \u2192 ${k.recipient}: ${k.item}`;
  if (k.imposer) return `${k.imposer} \u2192 ${k.target}`;
  return `${ev.type}: ${(k.participants || k.parties || []).join(', ')}`;
}

async function quoteItem(claim) {
  const evidence = claim.evidence || {};
  const head = el('div', { class: 'quote-head' },
    el('span', { class: 'doc-title' }, claim.title || '(untitled document)'), ' \u2014 ',
    el('span', { class: 'doc-source' }, claim.source || 'unknown source'), ', ',
    el('span', { class: 'doc-date' }, claim.document_date || 'undated'), ' ',
    badge(claim.stage || ''), ' ', badge(claim.assertion || ''));
  const body = el('p', { class: 'paragraph' });
  try {
    const doc = await getDocument(claim.document_id);
    const part = passage(doc.text, evidence.start, evidence.end);
    body.append(part.clippedStart ? '\u2026' : '', part.before,
                el('mark', { class: 'sentence' }, part.mark), part.after, part.clippedEnd ? '\u2026' : '');
  } catch (error) {
    body.append(el('mark', { class: 'sentence' }, evidence.quote || ''));
  }
  const foot = el('div', { class: 'quote-foot' }, safeLink(claim.url, claim.url ? 'open source' : ''),
                  claim.reason ? el('span', { class: 'reason' }, ` merged: ${claim.reason}`) : '');
  return el('li', { class: 'quote', dataset: { claimId: claim.id } }, head, body, foot);
}
