// The filter form: type, item, stage, minimum sources and a time range slider (by month).
import { el } from './dom.js';

let months = [];

// form.elements.item would be HTMLCollection.item(), hence a lookup by name.
const field = (form, name) => form.elements.namedItem(name);

function monthList(from, to) {
  const out = [];
  if (!from || !to) return out;
  let [year, month] = from.slice(0, 7).split('-').map(Number);
  const [endYear, endMonth] = to.slice(0, 7).split('-').map(Number);
  month = month || 1;
  const last = endMonth || 12;
  while (year < endYear || (year === endYear && month <= last)) {
    out.push(`${year}-${String(month).padStart(2, '0')}`);
    month += 1;
    if (month > 12) { month = 1; year += 1; }
    if (out.length > 2400) break;
  }
  return out;
}

function fill(select, codes) {
  for (const code of codes) select.append(el('option', { value: code }, code));
}

export function setupFilters(form, meta, onChange) {
  fill(field(form, 'type'), meta.types);
  fill(field(form, 'item'), meta.code_lists.item);
  fill(field(form, 'stage'), meta.stages);
  const [lo, hi] = meta.date_range || [];
  months = monthList(lo, hi);
  for (const name of ['from_index', 'to_index']) {
    form.elements[name].max = Math.max(months.length - 1, 0);
  }
  field(form, 'to_index').value = field(form, 'to_index').max;
  let timer = null;
  const changed = () => {
    keepOrder(form);
    showRange(form);
    clearTimeout(timer);
    timer = setTimeout(() => onChange(filterParams(form)), 150);
  };
  form.addEventListener('input', changed);
  form.addEventListener('change', changed);
  form.addEventListener('reset', () => setTimeout(() => {
    field(form, 'to_index').value = field(form, 'to_index').max;
    changed();
  }, 0));
  form.addEventListener('submit', (event) => event.preventDefault());
  showRange(form);
}

function keepOrder(form) {
  const from = Number(field(form, 'from_index').value);
  const to = Number(field(form, 'to_index').value);
  if (from > to) field(form, 'to_index').value = from;
}

function showRange(form) {
  const [from, to] = rangeDates(form);
  document.getElementById('range-label').textContent = months.length ? `${from} to ${to}` : 'no dates';
}

function rangeDates(form) {
  return [months[Number(field(form, 'from_index').value)],
          months[Number(field(form, 'to_index').value)]];
}

// Query parameters of /network and /network/edge for the current filters.
export function filterParams(form) {
  const params = {
    type: field(form, 'type').value, item: field(form, 'item').value,
    stage: field(form, 'stage').value,
  };
  const minSources = Number(field(form, 'min_sources').value);
  if (minSources > 1) params.min_sources = minSources;
  if (months.length) {
    const [from, to] = rangeDates(form);
    if (Number(field(form, 'from_index').value) > 0) params.date_from = from;
    if (Number(field(form, 'to_index').value) < months.length - 1) params.date_to = to;
  }
  return params;
}
