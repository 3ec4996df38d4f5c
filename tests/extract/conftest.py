import pytest

from armstrace.extract.engine import RuleExtractor
from armstrace.ingest import Document


@pytest.fixture(scope="session")
def engine():
    return RuleExtractor()


@pytest.fixture(scope="session")
def extract(engine):
    def run(text: str, date: str | None = "2024-03-01"):
        return [r.to_dict() for r in engine.extract(Document(text=text, date=date))]
    return run


@pytest.fixture(scope="session")
def transfers(extract):
    """Transfers found in a text, keyed by (supplier, recipient, item)."""
    def run(text: str, date: str | None = "2024-03-01"):
        return {(r["supplier"], r["recipient"], r["item"]): r
                for r in extract(text, date) if r["type"] == "transfer"}
    return run
