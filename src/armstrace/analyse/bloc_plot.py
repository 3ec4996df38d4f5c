"""Plots of a bloc report (matplotlib, Agg backend): the alignment of chosen pairs over
time, and the blocs of each window; written as PNG and SVG."""
from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

MAX_ACTORS = 30


def plot_report(report, path) -> list[Path]:
    """Write ``<path>.png`` and ``<path>.svg``; return the two paths."""
    base = Path(path)
    base = base.with_suffix("") if base.suffix.lower() in (".png", ".svg") else base
    labels = [w.label for w in report.windows]
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(max(8, len(labels) * 0.6), 9),
                                      gridspec_kw={"height_ratios": [1, 1.4]})
    _alignment(top, report, labels)
    _blocs(bottom, report, labels)
    fig.tight_layout()
    written = []
    for suffix in (".png", ".svg"):
        out = base.with_suffix(suffix)
        out.parent.mkdir(parents=True, exist_ok=True)
        fig.savefig(out, dpi=120)
        written.append(out)
    plt.close(fig)
    return written


def _alignment(ax, report, labels: list[str]) -> None:
    x = range(len(labels))
    for pair, series in report.alignment.items():
        ax.plot(x, [s if s is not None else float("nan") for _, s in series], marker="o",
                label=pair)
    ax.axhline(0, color="grey", linewidth=0.8)
    ax.set_ylim(-1.05, 1.05)
    ax.set_xticks(list(x), labels, rotation=45, ha="right")
    ax.set_ylabel("alignment (-1 apart .. 1 together)")
    ax.set_title(f"Alignment of pairs by {report.window}")
    if report.alignment:
        ax.legend(fontsize="small", ncol=3)


def _blocs(ax, report, labels: list[str]) -> None:
    """One column per window; each actor in a bloc of two or more is a dot coloured by the
    bloc's anchor (its member with the most ties overall), so a bloc keeps its colour."""
    degree: dict[str, float] = {}
    for w in report.windows:
        for a, b, d in w.graph.edges(data=True):
            for n in (a, b):
                degree[n] = degree.get(n, 0.0) + abs(d["weight"])
    actors = sorted({a for w in report.windows for c in w.communities if len(c) > 1 for a in c},
                    key=lambda a: -degree.get(a, 0))[:MAX_ACTORS]
    actors = sorted(actors)
    colours: dict[str, int] = {}
    cmap = plt.get_cmap("tab10")
    for xi, w in enumerate(report.windows):
        for c in w.communities:
            members = [a for a in c if a in actors]
            if len(c) < 2 or not members:
                continue
            anchor = max(c, key=lambda a: (degree.get(a, 0), a))
            colour = cmap(colours.setdefault(anchor, len(colours)) % 10)
            ax.scatter([xi] * len(members), [actors.index(a) for a in members], color=colour,
                       s=60)
    ax.set_yticks(range(len(actors)), actors)
    ax.set_xticks(range(len(labels)), labels, rotation=45, ha="right")
    ax.set_title("Blocs per window (colour: bloc, named by its most connected member)")
    ax.grid(True, alpha=0.3)
