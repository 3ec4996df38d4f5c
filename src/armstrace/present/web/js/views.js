// The breach and dossier views, rendered from the analyses' JSON (as text, always).
import { getJSON, showStatus } from './api.js';
import { badge, clear, el } from './dom.js';

export async function showBreaches(openEvent) {
  const box = clear(document.getElementById('breaches'));
  const found = await getJSON('/analyses/breaches');
  if (!found.length) {
    box.append(el('p', { class: 'hint' }, 'No transfer in the knowledge base breaches an embargo.'));
    return;
  }
  const head = el('tr', {}, ...['transfer', 'status', 'confidence', 'embargo', 'evidence']
    .map((name) => el('th', {}, name)));
  const rows = found.map((b) => el('tr', { dataset: { eventId: b.event_id } },
    el('td', {}, el('button', { type: 'button', class: 'event', onclick: () => openEvent(b.event_id) },
      `${b.supplier} \u2192 ${b.recipient} ${b.item}${b.designation ? ` (${b.designation})` : ''}`),
      el('div', { class: 'small' }, `${b.stage}, ${b.assertion}, ${b.date || 'undated'}, ${b.n_sources} source(s)`)),
    el('td', {}, badge(b.status, b.status), b.caveats.length ? el('div', { class: 'small' }, b.caveats.join(', ')) : ''),
    el('td', {}, b.confidence.toFixed(2)),
    el('td', {}, `${b.embargo}: ${b.legal_basis} (binds ${b.bound})`),
    el('td', { class: 'small' }, b.evidence.length ? `\u201c${b.evidence[0].quote || ''}\u201d` : '')));
  box.append(el('table', { class: 'table' }, el('thead', {}, head), el('tbody', {}, ...rows)));
}

export async function fillActors(select, onPick) {
  const actors = await getJSON('/actors');
  clear(select);
  select.append(el('option', { value: '' }, 'choose an actor'));
  for (const a of actors) select.append(el('option', { value: a.code }, `${a.name} (${a.code}), ${a.events} events`));
  select.addEventListener('change', () => select.value && onPick(select.value));
}

export async function showDossier(code, openEvent) {
  const box = clear(document.getElementById('dossier'));
  try {
    const d = await getJSON(`/analyses/dossier/${encodeURIComponent(code)}`);
    for (const [name, value] of Object.entries(d)) {
      if (name === 'actor' || name === 'as_of') continue;
      box.append(el('section', { class: 'dossier-part' }, el('h3', {}, name.replace('_', ' ')),
                    render(value, openEvent)));
    }
  } catch (error) {
    showStatus(error.message, true);
  }
}

// Any JSON value as nested lists; event ids become buttons that open the evidence.
function render(value, openEvent) {
  if (value === null || value === undefined || (Array.isArray(value) && !value.length)
      || (typeof value === 'object' && !Object.keys(value).length)) {
    return el('span', { class: 'hint' }, 'none');
  }
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v !== 'object')) return el('span', {}, value.join(', '));
    return el('ul', {}, ...value.map((v) => el('li', {}, render(v, openEvent))));
  }
  if (typeof value === 'object') {
    return el('dl', {}, ...Object.entries(value).flatMap(([k, v]) => [
      el('dt', {}, k),
      el('dd', {}, k === 'event_id' ? el('button', { type: 'button', class: 'event',
        onclick: () => openEvent(v) }, `event ${v}`) : render(v, openEvent))]));
  }
  return el('span', {}, String(value));
}
