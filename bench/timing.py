"""Latency figures shared by the benchmarks: timings in milliseconds, median and p95."""
from __future__ import annotations

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
