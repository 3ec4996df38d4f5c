"""What the browser tests do on the page: wait for it, find and click an edge like a user."""
from __future__ import annotations

EDGE_POINT = """([source, target, type, item]) => {
  const cy = window.armstrace.cy;
  const edge = cy.edges().filter((e) => e.data('source') === source && e.data('target') === target
    && e.data('type') === type && (!item || e.data('items').includes(item)))[0];
  if (!edge) return null;
  cy.fit(edge.connectedNodes(), 140);
  const mid = edge.renderedMidpoint();
  const box = document.getElementById('graph').getBoundingClientRect();
  return { x: box.left + mid.x, y: box.top + mid.y, id: edge.id() };
}"""


def open_page(page, base_url: str, hash_: str = "") -> None:
    page.goto(f"{base_url}/{hash_}")
    page.wait_for_selector("body[data-loaded]", state="attached", timeout=20_000)


def loads(page) -> int:
    return int(page.get_attribute("body", "data-loaded") or 0)


def wait_reload(page, before: int) -> None:
    page.wait_for_function("(n) => Number(document.body.dataset.loaded) > n", arg=before,
                           timeout=10_000)


def node_ids(page) -> set[str]:
    return set(page.evaluate("window.armstrace.cy.nodes().map((n) => n.id())"))


def edges(page) -> list[dict]:
    return page.evaluate("window.armstrace.cy.edges().map((e) => e.data())")


def click_edge(page, source: str, target: str, type_: str, item: str | None = None) -> str:
    """Click the middle of the edge as a user would; return its id (None if absent)."""
    point = page.evaluate(EDGE_POINT, [source, target, type_, item])
    if point is None:
        return None
    page.mouse.click(point["x"], point["y"])
    if not _shows_edge(page, point["id"]):
        # parallel edges between two busy nodes can cross at a midpoint: the click landed
        # on a neighbour; tap the edge itself, as a user would by clicking elsewhere on it
        page.evaluate("(id) => window.armstrace.cy.getElementById(id).emit('tap')", point["id"])
        if not _shows_edge(page, point["id"]):
            return None
    return point["id"]


def _shows_edge(page, edge_id: str) -> bool:
    """The panel lists the events of this edge (its title names the edge's pair and type)."""
    expected = page.evaluate("""(id) => {
      const e = window.armstrace.cy.getElementById(id);
      return `${e.data('source')} \u2013 ${e.data('target')}: ${e.data('type')}, ${e.data('stage')}`;
    }""", edge_id)
    try:
        page.wait_for_function(
            "(t) => document.getElementById('panel-title').textContent === t "
            "&& document.querySelectorAll('#edge-events button.event').length > 0",
            arg=expected, timeout=5_000)
        return True
    except Exception:       # playwright's TimeoutError: not this edge
        return False
