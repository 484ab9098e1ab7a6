"""One way to test that work grows linearly with the input, robust to a busy CI machine.

The input grows eightfold: linear time gives ~8x, n log n ~9x, quadratic ~64x. The bound, 24x, is three times
linear, since a loaded machine has been seen to stretch one measurement to twice its time (CI, session 2: 7.6x for a
4x input that is 4x at rest); a step that goes quadratic still fails it by more than two to one. Times are CPU
seconds of this process, the best of a few rounds, small and large measured in turns so both see the same load.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

GROWTH = 8
BOUND = 24.0
FLOOR = 0.005  # seconds: below this a timer's resolution, not the code, sets the ratio


def cpu_seconds(run: Callable[[], object]) -> float:
    """CPU seconds of one call, with the cyclic collector paused (its passes are not the code under test)."""
    gc.collect()
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        start = time.process_time()
        run()
        return time.process_time() - start
    finally:
        if was_enabled:
            gc.enable()


def best_pair(small: Callable[[], object], large: Callable[[], object], rounds: int = 3) -> tuple[float, float]:
    """Best CPU time of each run over `rounds` turns; one more set of turns if the ratio looks too high."""
    best_small = best_large = float("inf")
    for attempt in range(2):
        for _ in range(rounds):
            best_small = min(best_small, cpu_seconds(small))
            best_large = min(best_large, cpu_seconds(large))
        if attempt == 0 and best_large < BOUND * max(best_small, FLOOR):
            break
    return best_small, best_large


def assert_linear(small: Callable[[], object], large: Callable[[], object], what: str, rounds: int = 3) -> None:
    """Fail when `large` (GROWTH times the input of `small`) takes more than BOUND times as long."""
    t_small, t_large = best_pair(small, large, rounds)
    ratio = t_large / max(t_small, FLOOR)
    assert ratio < BOUND, f"{what}: {GROWTH}x the input took {ratio:.1f}x the time ({t_small:.3f} s, {t_large:.3f} s)"
