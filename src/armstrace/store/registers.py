"""Loading structured registers (SIPRI) into the store and merging their claims."""
from __future__ import annotations

from pathlib import Path

from ..ingest.documents import IngestError
from ..ingest.sipri import EXTRACTOR, VERSION, Register, read_register
from .merging import merge_new_claims


def load_register(path: str | Path, store) -> tuple[Register, int]:
    """Store a SIPRI register file as one document with its row claims; record each
    unmapped row as an ingest error (once), merge the claims into events. Returns the
    parsed register and the number of claims added (0 when it was loaded before)."""
    register = read_register(path)
    fresh = not store.is_processed(register.document.id, VERSION)
    added = store.add(register.document, register.records, EXTRACTOR, VERSION)
    if fresh:
        for line, reason in register.unmapped:
            store.add_error(IngestError(f"{register.path}:{line}", reason))
    merge_new_claims(store)
    return register, added
