"""An extractor that misbehaves on purpose, for the batch tests (imported by the Dask
workers through PYTHONPATH): "BOOM" in a text raises; "CRASH:<token>" kills the worker
process the first time it is seen (a marker file remembers), like a lost machine;
"DIE-ALWAYS" kills it every time."""
from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from armstrace.ontology import Evidence, validate

CRASH = re.compile(r"CRASH:(\w+)")


def crash_marker(token: str) -> Path:
    return Path(tempfile.gettempdir()) / f"armstrace-test-crash-{token}"


class FlakyExtractor:
    name = "flaky"
    version = "1"

    def extract(self, doc):
        if "BOOM" in doc.text:
            raise ValueError("the text says BOOM")
        if "DIE-ALWAYS" in doc.text:
            os._exit(4)
        found = CRASH.search(doc.text)
        if found and not crash_marker(found[1]).exists():
            crash_marker(found[1]).touch()
            os._exit(3)                     # the worker process dies mid-partition
        record = validate({"type": "transfer", "supplier": "DEU", "recipient": "UKR",
                           "item": "armour"})
        record.evidence = Evidence(0, len(doc.text), doc.text, doc.id)
        return [record]
