"""Register versus reporting: per supplier-recipient pair, which transfer events a
register (SIPRI) and the reporting both hold, which only reporting holds (ammunition,
which SIPRI does not cover, or deals too recent) and which only the register holds."""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import and_, or_, select

from ..store import schema_kb
from ..store.events import Event, row_event
from ..store.merge import rules


@dataclass
class PairComparison:
    supplier: str
    recipient: str
    both: list[Event] = field(default_factory=list)
    reporting_only: list[Event] = field(default_factory=list)
    register_only: list[Event] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"supplier": self.supplier, "recipient": self.recipient,
                **{name: [e.to_dict() for e in getattr(self, name)]
                   for name in ("both", "reporting_only", "register_only")}}


def parse_pair(text: str) -> tuple[str, str]:
    """'RUS-PRK' -> ('RUS', 'PRK'); a ValueError that says what to write otherwise."""
    parts = text.upper().split("-")
    if len(parts) != 2 or not all(parts):
        raise ValueError(f"pair {text!r} must be two actor codes joined by '-', e.g. RUS-PRK")
    return parts[0], parts[1]


def compare(store, register: str = "sipri",
            pairs: list[tuple[str, str]] | None = None) -> list[PairComparison]:
    """Transfer events per (supplier, recipient), split by where their claims come from.
    ``pairs`` match in either direction (RUS-PRK also gives PRK -> RUS)."""
    if register not in rules().registers:
        raise ValueError(f"unknown register {register!r}; known: {', '.join(rules().registers)}")
    e = schema_kb.events
    q = select(e).where(e.c.type == "transfer", e.c.n_claims > 0)
    if pairs:
        q = q.where(or_(*[or_(and_(e.c.supplier == a, e.c.recipient == b),
                              and_(e.c.supplier == b, e.c.recipient == a)) for a, b in pairs]))
    q = q.order_by(e.c.supplier, e.c.recipient, e.c.first_seen, e.c.id)
    out: dict[tuple[str, str], PairComparison] = {}
    with store.engine.connect() as conn:
        for row in conn.execute(q):
            found = row_event(row)
            pair = (found.keys["supplier"], found.keys["recipient"])
            entry = out.setdefault(pair, PairComparison(*pair))
            if found.n_register == 0:
                entry.reporting_only.append(found)
            elif found.n_register == found.n_claims:
                entry.register_only.append(found)
            else:
                entry.both.append(found)
    return list(out.values())
