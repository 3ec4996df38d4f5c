"""Fixtures of the browser tests: the demo knowledge base (built once per session from
examples/corpus with the real extractor), the app served on a loopback port, and headless
Debian chromium driven by Playwright. Skipped only when /usr/bin/chromium is missing."""
from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
WEB = ROOT / "src" / "armstrace" / "present" / "web"

if not CHROMIUM.exists():
    pytest.skip("no /usr/bin/chromium: install Debian's chromium (CI's .ci/run does) to run "
                "the browser tests", allow_module_level=True)
if not (WEB / "node_modules" / "cytoscape").is_dir():
    pytest.fail("the page's libraries are not installed: run `npm ci --prefix "
                "src/armstrace/present/web` (make install does)", pytrace=False)

_spec = importlib.util.spec_from_file_location(
    "armstrace_test_shared", Path(__file__).resolve().parents[1] / "api" / "shared.py")
_shared = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_shared)
serving = _shared.helper("server").serving


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory) -> Path:
    """The README's demo knowledge base: examples/corpus, real extraction."""
    from armstrace.runner import run
    from armstrace.store import Store
    path = tmp_path_factory.mktemp("web") / "demo.db"
    with Store(path) as store:
        run([ROOT / "examples" / "corpus"], store)
    return path


@pytest.fixture(scope="session")
def base_url(demo_db):
    from armstrace.present.api import create_app
    with serving(create_app(str(demo_db))) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh browser context and page; console errors are kept in ``page.errors``."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    new = context.new_page()
    new.errors = []
    new.on("console", lambda m: m.type == "error" and new.errors.append(m.text))
    new.on("pageerror", lambda e: new.errors.append(str(e)))
    yield new
    context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


def copy_db(source: Path, target: Path) -> Path:
    shutil.copyfile(source, target)
    return target
