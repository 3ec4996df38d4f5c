// A timeline of events drawn as SVG: one lane per record type, one dot per event at the
// date it was first seen (hollow when hedged). Clicking a dot opens its evidence.
import { clear, el, svg } from './dom.js';
import { TYPE_COLOURS } from './graph.js';

const LANE = 30;
const ROWS = [0, -8, 8];       // dots on nearby dates stack in up to three rows per lane
const LEFT = 80;

function dayNumber(iso) {
  if (!iso) return null;
  const [year, month, day] = iso.split('/')[0].split('-').map(Number);
  return Date.UTC(year, (month || 1) - 1, day || 1) / 86400000;
}

function yearTicks(lo, hi) {
  const first = new Date(lo * 86400000).getUTCFullYear();
  const last = new Date(hi * 86400000).getUTCFullYear();
  const step = Math.max(1, Math.ceil((last - first + 1) / 12));
  const out = [];
  for (let year = first; year <= last + 1; year += step) out.push(year);
  return out;
}

export function drawTimeline(container, points, types, onEvent) {
  clear(container);
  const dated = points.filter((p) => dayNumber(p.first_seen) !== null);
  if (!dated.length) {
    container.append(el('p', { class: 'hint' }, 'No dated events for these filters.'));
    return;
  }
  const width = Math.max(container.clientWidth || 800, 400);
  const height = LANE * types.length + 30;
  const days = dated.map((p) => dayNumber(p.first_seen));
  const lo = Math.min(...days) - 15;
  const hi = Math.max(...days) + 15;
  const x = (day) => LEFT + ((day - lo) / Math.max(hi - lo, 1)) * (width - LEFT - 10);
  const root = svg('svg', { width, height, role: 'img', 'aria-label': 'timeline' });
  types.forEach((type, lane) => {
    const label = svg('text', { x: 4, y: lane * LANE + 19, class: 'lane' });
    label.textContent = type;
    root.append(label, svg('line', { x1: LEFT, x2: width - 10, y1: lane * LANE + 15,
                                     y2: lane * LANE + 15, class: 'lane-line' }));
  });
  for (const year of yearTicks(lo, hi)) {
    const pos = x(Date.UTC(year, 0, 1) / 86400000);
    if (pos < LEFT || pos > width) continue;
    const tick = svg('text', { x: pos, y: height - 4, class: 'tick' });
    tick.textContent = String(year);
    root.append(svg('line', { x1: pos, x2: pos, y1: 0, y2: height - 16, class: 'tick-line' }), tick);
  }
  const lastX = types.map(() => ROWS.map(() => -Infinity));
  const sorted = [...dated].sort((a, b) => dayNumber(a.first_seen) - dayNumber(b.first_seen));
  for (const p of sorted) {
    const lane = Math.max(types.indexOf(p.type), 0);
    const colour = TYPE_COLOURS[p.type] || '#555';
    const cx = x(dayNumber(p.first_seen));
    let row = lastX[lane].findIndex((last) => cx - last >= 11);
    if (row < 0) row = lastX[lane].indexOf(Math.min(...lastX[lane]));
    lastX[lane][row] = cx;
    const dot = svg('circle', {
      cx: cx.toFixed(1), cy: lane * LANE + 15 + ROWS[row], r: 5,
      fill: p.hedged ? '#fff' : colour, stroke: colour, 'stroke-width': 2,
      class: 'event-dot', 'data-event-id': p.id, tabindex: 0,
      onclick: () => onEvent(p.id), onkeydown: (e) => { if (e.key === 'Enter') onEvent(p.id); },
    });
    const title = svg('title');
    title.textContent = `${p.label} (${p.stage}, ${p.assertion}, ${p.first_seen})`;
    dot.append(title);
    root.append(dot);
  }
  container.append(root);
}
