"""Reading gold files: JSON Lines, one annotated document a line (ONTOLOGY.md "Gold files")."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..ontology import OntologyError, Record, validate

REQUIRED_KEYS = ("id", "text", "records")


class GoldFileError(ValueError):
    """A gold file cannot be read: names the file, the line and the problem."""


@dataclass
class GoldDoc:
    """One annotated document of a gold file."""
    id: str
    date: str | None
    source: str | None
    text: str
    records: list[Record] = field(default_factory=list)

    def record_dicts(self) -> list[dict]:
        return [r.to_dict(evidence=False) for r in self.records]


def read_gold(path: str | Path) -> list[GoldDoc]:
    """Every document of the gold file at ``path``, its records checked against the
    contract (gold ``item`` lists allowed). Raises :class:`GoldFileError`."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldFileError(f"{path}: cannot read the gold file ({exc}); "
                            "check the path and that it is UTF-8 JSON Lines") from exc
    docs: list[GoldDoc] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        doc = _parse_line(path, number, line)
        if doc.id in seen:
            raise GoldFileError(f"{path}, line {number}: document id {doc.id!r} already used "
                                f"on line {seen[doc.id]}; give each document its own id")
        seen[doc.id] = number
        docs.append(doc)
    return docs


def _parse_line(path: Path, number: int, line: str) -> GoldDoc:
    where = f"{path}, line {number}"
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        raise GoldFileError(f"{where}: not valid JSON ({exc.msg} at column {exc.colno}); "
                            "each line must be one JSON object") from exc
    if not isinstance(data, dict):
        raise GoldFileError(f"{where}: expected a JSON object with keys "
                            f"{', '.join(REQUIRED_KEYS)}, got {type(data).__name__}")
    missing = [k for k in REQUIRED_KEYS if k not in data]
    if missing:
        raise GoldFileError(f"{where}: missing key(s) {', '.join(missing)}; every document "
                            f"needs {', '.join(REQUIRED_KEYS)}")
    if not isinstance(data["records"], list):
        raise GoldFileError(f"{where}: 'records' must be a list (use [] for a document "
                            "with no record)")
    records = []
    for index, raw in enumerate(data["records"]):
        try:
            records.append(validate(raw, f"record {index}", allow_lists=True))
        except OntologyError as exc:
            raise GoldFileError(f"{where} (document {data['id']!r}): {exc}") from exc
    return GoldDoc(str(data["id"]), data.get("date"), data.get("source"),
                   str(data["text"]), records)
