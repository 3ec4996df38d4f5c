"""The quality floor: pinned scores per gold file that a change must not drop below.

The baseline file holds, per gold file name, the sha256 of the file it was measured
on and the floors (P, R, F1 per record type and micro; stage and assertion agreement
on matched transfers). Raise the floors when the engine improves:
``python -m armstrace.evaluate.floor --write`` re-measures and rewrites the file.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import math
from pathlib import Path

from .scorer import Score

BASELINE = Path(__file__).with_name("baseline.json")
SLACK = 0.01  # floors: the measured figures less 0.01, rounded down to two decimals


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def figures(score: Score) -> dict[str, float]:
    out: dict[str, float] = {}
    for name, counts in list(score.per_type.items()) + [("micro", score.micro)]:
        for metric in ("precision", "recall", "f1"):
            value = getattr(counts, metric)
            if value is not None:
                out[f"{name}.{metric}"] = value
    for metric in ("transfer_stage_agreement", "transfer_assertion_agreement"):
        value = getattr(score, metric)
        if value is not None:
            out[metric] = value
    return out


def floors(score: Score) -> dict[str, float]:
    return {k: math.floor((v - SLACK) * 100) / 100 for k, v in figures(score).items()}


def below_floor(score: Score, pinned: dict[str, float]) -> list[str]:
    """Every figure that fell below its floor, as 'name: measured < floor'."""
    now = figures(score)
    return [f"{k}: {now.get(k, 0.0):.3f} < {floor:.2f}" for k, floor in pinned.items()
            if now.get(k, 0.0) + 1e-9 < floor]


def load(path: Path = BASELINE) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def write(paths: list[Path], path: Path = BASELINE) -> dict:
    from ..extract import default_extractor
    from ..ingest import Document
    from .runner import evaluate
    engine = default_extractor()
    scores = evaluate(paths, lambda d: engine.extract(Document(text=d.text, date=d.date)))
    data = {"extractor": engine.name, "version": engine.version,
            "files": {p.name: {"sha256": sha256(p), "floors": floors(s)}
                      for p, s in scores.items()}}
    path.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("gold", nargs="*", type=Path, help="gold files (default ../shared/eval)")
    parser.add_argument("--write", action="store_true", help="re-measure and pin the floors")
    args = parser.parse_args()
    gold = args.gold or sorted((Path.cwd().parent / "shared" / "eval").glob("dev*.jsonl"))
    if args.write:
        print(json.dumps(write(gold), indent=1))


if __name__ == "__main__":
    main()
