"""Shared by the benchmarks: latencies in milliseconds, median and p95, and the machine."""
from __future__ import annotations

import os
import platform
import sqlite3
import statistics
import time
from typing import Any, Callable


def latencies_ms(call: Callable[[Any], Any], make: Callable[[], Any], repeat: int) -> list[float]:
    """``call(make())`` ``repeat`` times, timing the call only; sorted milliseconds."""
    times = []
    for _ in range(repeat):
        arg = make()
        started = time.perf_counter()
        call(arg)
        times.append((time.perf_counter() - started) * 1000)
    return sorted(times)


def p50_p95(times: list[float]) -> tuple[float, float]:
    """Median and 95th percentile (nearest rank below) of sorted timings."""
    return statistics.median(times), times[int(0.95 * (len(times) - 1))]


def machine(with_sqlite: bool = False) -> str:
    """The machine a benchmark ran on, as its report states it."""
    text = (f"{platform.node()}: {platform.machine()}, {os.cpu_count()} CPUs shared with "
            f"other jobs (load average at start {os.getloadavg()[0]:.1f}), Python "
            f"{platform.python_version()}")
    return text + (f", SQLite {sqlite3.sqlite_version}" if with_sqlite else "")
