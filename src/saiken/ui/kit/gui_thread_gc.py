"""Python's cyclic garbage collector runs on the GUI thread only, while a database worker thread is alive.

CPython collects reference cycles in whichever thread happens to run next when a collection is due (3.12:
an allocation schedules it, the next thread to check the eval breaker runs it) — often the database worker,
which allocates heavily. Cyclic garbage regularly holds Qt objects: a closed window with the lambdas and
pages that refer back to it, a dialog, an `Operations` with its timers. Collected on the worker, their C++
destructors run on the wrong thread while the GUI thread is inside Qt (creating a QAction, say), which
crashes the process now and then.

So while at least one worker runs (`hold()` … `release()`, called by `ui.background.Operations` on the GUI
thread), automatic collection is switched off and a GUI-thread timer collects instead, by the interpreter's
own thresholds. The last `release()` collects once more, on the GUI thread, and restores the previous state.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QTimer

CHECK_MS = 100


def collect_if_due() -> int | None:
    """Collect the oldest generation whose count is over its threshold; the generation, or None if none."""
    counts, thresholds = gc.get_count(), gc.get_threshold()
    if thresholds[0] <= 0 or counts[0] <= thresholds[0]:
        return None
    generation = 0
    while generation < 2 and counts[generation + 1] > thresholds[generation + 1]:
        generation += 1
    gc.collect(generation)
    return generation


class _GuiThreadCollector:
    def __init__(self) -> None:
        self.holders = 0
        self._was_enabled = True
        self._timer: QTimer | None = None

    def hold(self) -> None:
        if self.holders == 0:
            self._was_enabled = gc.isenabled()
            gc.disable()
            self._timer = QTimer(QCoreApplication.instance())
            self._timer.setObjectName("saiken-gui-thread-gc")
            self._timer.setInterval(CHECK_MS)
            self._timer.timeout.connect(collect_if_due)
            self._timer.start()
        self.holders += 1

    def release(self) -> None:
        if self.holders == 0:
            return
        self.holders -= 1
        if self.holders:
            return
        if self._timer is not None:
            self._timer.stop()
            self._timer.deleteLater()
            self._timer = None
        gc.collect()
        if self._was_enabled:
            gc.enable()

    @property
    def active(self) -> bool:
        return self.holders > 0


collector = _GuiThreadCollector()


def hold() -> None:
    """GUI thread: a worker thread starts; from now on only the GUI thread collects cycles."""
    collector.hold()


def release() -> None:
    """GUI thread: a worker thread stopped; the last release collects here and restores automatic collection."""
    collector.release()
