// The actor network (cytoscape): nodes sized by activity, one edge per actor pair, event
// type, stage and hedging; hedged edges dashed and lighter, confirmed ones solid.

export const TYPE_COLOURS = {
  transfer: '#c0392b', exercise: '#2874a6', agreement: '#1e8449', sanction: '#7d3c98',
  meeting: '#b9770e',
};
const KIND_COLOURS = { state: '#34495e', organisations: '#117a65', armed_groups: '#922b21',
                       special: '#7f8c8d' };
const STAGE_ARROWS = { proposed: 'circle', negotiating: 'diamond', agreed: 'triangle-backcurve',
                       delivered: 'triangle', ongoing: 'triangle', cancelled: 'tee' };

const STYLE = [
  { selector: 'node', style: {
    label: 'data(id)', 'font-size': 12, 'font-weight': 600, color: '#1b2631', 'text-valign': 'center',
    'text-halign': 'center', 'background-color': 'data(colour)', 'background-opacity': 0.25,
    'border-width': 2, 'border-color': 'data(colour)', width: 'data(size)', height: 'data(size)' } },
  { selector: 'edge', style: {
    width: 'data(width)', 'line-color': 'data(colour)', 'target-arrow-color': 'data(colour)',
    'curve-style': 'bezier', 'target-arrow-shape': 'data(arrow)', opacity: 0.9 } },
  { selector: 'edge[?hedged]', style: { 'line-style': 'dashed', opacity: 0.45 } },
  { selector: 'edge[!directed]', style: { 'target-arrow-shape': 'none' } },
  { selector: ':selected', style: { 'overlay-opacity': 0.15, 'overlay-color': '#f1c40f' } },
];

export function elements(network) {
  const nodes = network.nodes.map((n) => ({ group: 'nodes', data: {
    id: n.id, name: n.name, kind: n.kind, activity: n.activity,
    size: Math.round(28 + 10 * Math.sqrt(n.activity)),
    colour: KIND_COLOURS[n.kind] || KIND_COLOURS.state } }));
  const edges = network.edges.map((e) => ({ group: 'edges', data: {
    id: e.id, source: e.source, target: e.target, type: e.type, stage: e.stage,
    hedged: e.hedged, directed: e.directed, n_events: e.n_events, items: e.items,
    width: Math.min(1.5 + 1.5 * Math.log2(1 + e.n_events), 9),
    colour: TYPE_COLOURS[e.type] || '#555', arrow: STAGE_ARROWS[e.stage] || 'triangle' } }));
  return nodes.concat(edges);
}

export function createGraph(container, onEdge, onNode) {
  const cy = window.cytoscape({ container, style: STYLE, elements: [], minZoom: 0.2, maxZoom: 4 });
  cy.on('tap', 'edge', (event) => onEdge(event.target.data()));
  cy.on('tap', 'node', (event) => onNode(event.target.data()));
  return cy;
}

export function drawGraph(cy, network) {
  cy.elements().remove();
  cy.add(elements(network));
  const layout = cy.layout({ name: 'cose', animate: false, randomize: true, nodeRepulsion: 40000,
                             idealEdgeLength: 110, componentSpacing: 60, padding: 20 });
  layout.run();
  cy.fit(undefined, 20);
}

export function legendItems() {
  const items = Object.entries(TYPE_COLOURS).map(([type, colour]) => ({ type, colour }));
  return items;
}
