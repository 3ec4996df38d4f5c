"""Article text is untrusted: a crafted article (script tags, event-handler attributes,
javascript: URLs, HTML entities) is ingested through the API, then read in the browser:
nothing runs, no dialog opens, and the text shows literally."""
from __future__ import annotations

import httpx
import pytest

from .conftest import copy_db, serving
from .ui import click_edge, open_page

TOKEN = "browser-test-token"
TITLE = '<script>window.__pwned = 1</script>Leopards &amp; "friends" <img src=x onerror="window.__pwned=2">'
SOURCE = "Evil &lt;b&gt;Wire&lt;/b&gt; <svg onload=alert(3)>"
URL = "javascript:window.__pwned=4;alert(4)"
TEXT = ('Chile has delivered 20 Leopard tanks to Paraguay, the <b onmouseover="window.__pwned=5">'
        'defence ministry</b> said on Monday. <script>window.__pwned=6; alert(6)</script>\n\n'
        'Officials in Asunci&oacute;n &amp; Santiago said the <img src=x onerror="window.__pwned=7"> deal '
        'was signed in 2023. <a href="javascript:window.__pwned=8">details</a>')
NOTHING_INJECTED = ("() => document.querySelectorAll('#panel script, #panel img, #panel svg, "
                    "#panel b, #panel [onerror], #panel [onmouseover], a[href^=\"javascript\"]').length")


@pytest.fixture(scope="module")
def crafted(demo_db, tmp_path_factory):
    """A server with a token over a copy of the demo, and the crafted article's event id."""
    from armstrace.present.api import create_app
    db = copy_db(demo_db, tmp_path_factory.mktemp("crafted") / "demo.db")
    with serving(create_app(str(db), token=TOKEN)) as url:
        done = httpx.post(f"{url}/ingest", headers={"Authorization": f"Bearer {TOKEN}"}, timeout=60,
                          json={"documents": [{"text": TEXT, "title": TITLE, "source": SOURCE,
                                               "url": URL, "date": "2024-05-06"}]})
        assert done.status_code == 200, done.text
        assert done.json()["claims"] >= 1, "the crafted article gave no claim to show"
        found = httpx.get(f"{url}/events", params={"actor": "PRY", "type": "transfer"}).json()
        assert found["total"] == 1, found
        yield url, found["items"][0]["id"]


def test_crafted_article_shows_as_text_and_runs_nothing(page, crafted):
    url, event_id = crafted
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    open_page(page, url)
    assert click_edge(page, "CHL", "PRY", "transfer")
    page.locator("#edge-events button.event").first.click()
    quote = page.locator("#evidence li.quote").first
    quote.wait_for()
    assert quote.locator(".doc-title").inner_text() == TITLE
    assert quote.locator(".doc-source").inner_text() == SOURCE
    assert '<b onmouseover="window.__pwned=5">defence ministry</b>' in quote.locator("mark").inner_text()
    assert quote.locator(".url").inner_text() == URL            # shown, not a link
    quote.locator("mark").hover()
    assert page.evaluate("() => typeof window.__pwned") == "undefined"
    assert page.evaluate(NOTHING_INJECTED) == 0
    assert dialogs == [] and page.errors == []


def test_deep_link_to_the_crafted_event_is_safe(page, crafted):
    url, event_id = crafted
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    open_page(page, url, f"#event={event_id}")
    page.locator("#evidence li.quote").first.wait_for()
    assert "<script>window.__pwned = 1</script>" in page.inner_text("#evidence")
    page.locator("#timeline circle.event-dot[data-event-id='%d']" % event_id).click()
    page.locator("#evidence li.quote").first.wait_for()
    assert page.evaluate("() => typeof window.__pwned") == "undefined"
    assert page.evaluate(NOTHING_INJECTED) == 0 and dialogs == []
