"""Windows shown: our sign-in window against a bare PySide6 QWidget, measured two ways.

In-process ("warm"): both windows in the same QApplication, after warm-up. Cold start: a new Python
process each time, from launch to the first paint, which is what a user waits for when starting the app.

`bare_window_seconds()` is the baseline other bench modules import: the time from constructing a bare
QWidget to its window being exposed and painted for the first time. `measure_sign_in_window()` measures ours
the same way; it needs `saiken.ui.login_dialog` (written by the GUI work), and until that module can make
a sign-in window this bench reports "not available yet" instead of failing.

The contract for the sign-in window: `saiken.ui.login_dialog.create_for_benchmark()` returns the sign-in
window as the user first sees it (a QWidget, not shown yet), for a fictional vault it sets up itself; or,
failing that, `saiken.ui.login_dialog.LoginDialog()` can be constructed without arguments.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from typing import Any

from benchmarks.harness import Report

GOAL_RATIO = 2.0  # issue 2: the sign-in window shown within twice a bare window's time
_EXPOSE_TIMEOUT_S = 10.0


class NotAvailableYet(Exception):
    """The thing to measure does not exist yet (reported, not an error)."""


def application() -> Any:
    """The one QApplication of this process (created on first use, offscreen under `make bench`)."""
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([])


def _paint_watcher() -> Any:
    """An event filter that notes the first Paint event of the widget it watches."""
    from PySide6.QtCore import QEvent, QObject

    class PaintWatcher(QObject):
        painted = False

        def eventFilter(self, watched: Any, event: Any) -> bool:
            if event.type() == QEvent.Type.Paint:
                self.painted = True
            return False

    return PaintWatcher()


def _show_until_painted(make_widget: Callable[[], Any]) -> float:
    """Seconds from constructing the widget to its window being exposed and first painted."""
    app = application()
    app.processEvents()
    start = time.perf_counter()
    widget = make_widget()
    watcher = _paint_watcher()
    widget.installEventFilter(watcher)
    widget.show()
    while True:
        handle = widget.windowHandle()
        if watcher.painted and handle is not None and handle.isExposed():
            break
        if time.perf_counter() - start > _EXPOSE_TIMEOUT_S:
            raise TimeoutError("window was not exposed and painted in time")
        app.processEvents()
    elapsed = time.perf_counter() - start
    widget.removeEventFilter(watcher)
    widget.close()
    widget.deleteLater()
    app.processEvents()
    return elapsed


def _bare_widget() -> Any:
    from PySide6.QtWidgets import QWidget

    widget = QWidget()
    widget.resize(480, 320)
    widget.setWindowTitle("bare")
    return widget


def bare_window_seconds() -> float:
    """One sample of the baseline: a bare QWidget constructed, shown, exposed and first painted."""
    return _show_until_painted(_bare_widget)


def _sign_in_factory() -> Callable[[], Any]:
    try:
        from saiken.ui import login_dialog  # type: ignore[attr-defined]  # not written yet
    except ImportError as error:
        raise NotAvailableYet(f"saiken.ui.login_dialog cannot be imported yet ({error})") from error
    factory = getattr(login_dialog, "create_for_benchmark", None) or getattr(login_dialog, "LoginDialog", None)
    if factory is None:
        raise NotAvailableYet("saiken.ui.login_dialog has neither create_for_benchmark() nor LoginDialog")
    return factory


def measure_sign_in_window() -> float:
    """One sample of ours: the sign-in window constructed, shown, exposed and first painted.
    Raises NotAvailableYet while the GUI cannot make one."""
    factory = _sign_in_factory()
    try:
        return _show_until_painted(factory)
    except TypeError as error:  # LoginDialog needs arguments and there is no create_for_benchmark()
        raise NotAvailableYet(f"the sign-in window cannot be made without arguments ({error}); "
                              "add saiken.ui.login_dialog.create_for_benchmark()") from error


# A whole process: interpreter start, imports, QApplication, the window constructed, exposed and painted.
# The child prints the wall-clock time of the first paint; the parent started the clock before launching.
_COLD_CHILD = """
import sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication.instance() or QApplication(sys.argv)
{make}
class Watcher(QObject):
    painted = False
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            self.painted = True
        return False
watcher = Watcher()
widget.installEventFilter(watcher)
widget.show()
while not (watcher.painted and widget.windowHandle() is not None and widget.windowHandle().isExposed()):
    app.processEvents()
print(repr(time.time()), flush=True)
"""
_MAKE_BARE = "widget = QWidget(); widget.resize(480, 320); widget.setWindowTitle('bare')"
_MAKE_SIGN_IN = """
from saiken.ui import login_dialog
factory = getattr(login_dialog, "create_for_benchmark", None) or login_dialog.LoginDialog
widget = factory()
"""


def _cold_start_seconds(make: str) -> float:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.time()
    child = subprocess.run([sys.executable, "-c", _COLD_CHILD.format(make=make)], env=env, capture_output=True,
                           text=True, timeout=120, check=False)
    if child.returncode != 0:
        last = (child.stderr.strip().splitlines() or ["no output"])[-1]
        raise NotAvailableYet(f"the child process failed: {last}")
    return float(child.stdout.strip().splitlines()[-1]) - started


def bare_app_cold_start_seconds() -> float:
    """One sample: a new Python process shows a bare PySide6 QWidget (launch to first paint)."""
    return _cold_start_seconds(_MAKE_BARE)


def sign_in_cold_start_seconds() -> float:
    """One sample: a new Python process shows our sign-in window (launch to first paint)."""
    _sign_in_factory()  # NotAvailableYet here, before spending a process on it
    return _cold_start_seconds(_MAKE_SIGN_IN)


def _warm(report: Report, repeat: int) -> None:
    application()
    for _ in range(2):  # warm up: platform plugin, fonts, style
        bare_window_seconds()
    report.value("bare QWidget shown, in-process (baseline)", [bare_window_seconds() for _ in range(repeat)], "s")
    name = "sign-in window shown vs bare window, in-process"
    try:
        measure_sign_in_window()  # warm-up, and the availability check
    except NotAvailableYet as missing:
        report.unavailable(name, f"not available yet: {missing}")
        return
    ours: list[float] = []
    base: list[float] = []
    for _ in range(repeat):  # alternate, so that noise hits both alike
        base.append(bare_window_seconds())
        ours.append(measure_sign_in_window())
    report.ratio(name, ours, base, goal=GOAL_RATIO, unit="s")


def _cold(report: Report, repeat: int) -> None:
    name = "sign-in window cold start vs bare PySide6 app"
    base = [bare_app_cold_start_seconds()]
    try:
        ours = [sign_in_cold_start_seconds()]
    except NotAvailableYet as missing:
        base += [bare_app_cold_start_seconds() for _ in range(repeat - 1)]
        report.value("bare PySide6 app cold start (baseline)", base, "s")
        report.unavailable(name, f"not available yet: {missing}")
        return
    for _ in range(repeat - 1):
        base.append(bare_app_cold_start_seconds())
        ours.append(sign_in_cold_start_seconds())
    report.ratio(name, ours, base, goal=GOAL_RATIO, unit="s", note="process launch to first paint")


def run(report: Report) -> None:
    _warm(report, report.size(15, 3))
    _cold(report, report.size(5, 1))
