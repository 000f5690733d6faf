"""The bare PySide6 window baselines that the window benchmarks compare against (they report no ratio here).

Two baselines, each a bare QWidget (480×320, no content) constructed, shown, exposed and first painted:
  in-process: in this process's QApplication, after warm-up (`bare_window_seconds()`);
  cold start: a new Python process, from launch to the first paint (`bare_app_cold_start_seconds()`).

The cold start is measured by `launch_until_first_paint(body)`, which other modules use for their own
windows so that both sides are timed by the same code: a child process creates the QApplication, installs
an application-wide watcher, runs `body` (which shows a window and runs an event loop), and reports when
the first top-level window was exposed and had finished its first paint; the watcher then closes that window.
Our sign-in window is measured against these in bench_sign_in_window.py.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.harness import Report

_EXPOSE_TIMEOUT_S = 10.0
_CHILD_TIMEOUT_S = 120.0
# Modules a start-up screen should not need; the child reports which of them were loaded at the first paint.
HEAVY_MODULES = (
    "sqlalchemy",
    "alembic",
    "sqlcipher3",
    "cryptography",
    "keyring",
    "argon2",
    "openpyxl",
    "reportlab",
    "pypdf",
)


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
    """One sample of the in-process baseline: a bare QWidget constructed, shown, exposed and first painted."""
    return _show_until_painted(_bare_widget)


# --- cold start: a whole process, launch to first paint ----------------------------------------------------

_CHILD_PRELUDE = """
import json, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

app = QApplication(["{app_name}"])
READY = time.time()
HEAVY = set({heavy!r})


class FirstPaint(QObject):
    window = None
    at = None
    loaded = ()

    def eventFilter(self, watched, event):
        if (self.window is None and event.type() == QEvent.Type.Paint and isinstance(watched, QWidget)
                and watched.isWindow() and watched.windowHandle() is not None
                and watched.windowHandle().isExposed()):
            self.window = watched
            QTimer.singleShot(0, self.painted)  # after this paint (and its children's) has been done
        return False

    def painted(self):
        self.at = time.time()
        self.loaded = sorted({{name.split(".")[0] for name in sys.modules}} & HEAVY)
        self.window.close()


watcher = FirstPaint()
app.installEventFilter(watcher)
MARKS = {{}}
"""

_CHILD_EPILOGUE = """
if watcher.at is None:
    raise SystemExit("no window was painted")
print(json.dumps({"ready": READY, "painted": watcher.at, "window": type(watcher.window).__name__,
                  "loaded": watcher.loaded, "marks": MARKS}), flush=True)
"""

_BARE_BODY = """
widget = QWidget()
widget.resize(480, 320)
widget.setWindowTitle("bare")
widget.show()
app.exec()
"""


@dataclass(frozen=True)
class FirstPaint:
    """One cold start: seconds from launch, and from the QApplication being ready, to the first paint."""

    launch_to_paint: float
    ready_to_paint: float
    window: str  # class name of the first window painted
    loaded: tuple[str, ...]  # HEAVY_MODULES loaded by then
    marks: dict[str, float]  # seconds from launch to the child's own MARKS[...] = time.time()


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    root = Path(__file__).resolve().parent.parent
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(root), env.get("PYTHONPATH", "")]))
    return env


def launch_until_first_paint(body: str, args: Sequence[str] = (), *, app_name: str = "bare") -> FirstPaint:
    """Run `body` in a new Python process (after the prelude: `app`, `QWidget`, `MARKS` exist) and time it from
    launch to the end of the first paint of a top-level window. `body` must show a window and run an event
    loop that ends when that window is closed. RuntimeError with the child's last line if it fails."""
    code = _CHILD_PRELUDE.format(app_name=app_name, heavy=tuple(HEAVY_MODULES)) + body + _CHILD_EPILOGUE
    started = time.time()
    child = subprocess.run(
        [sys.executable, "-c", code, *args],
        env=_child_env(),
        capture_output=True,
        text=True,
        timeout=_CHILD_TIMEOUT_S,
        check=False,
    )
    if child.returncode != 0 or not child.stdout.strip():
        last = (child.stderr.strip().splitlines() or ["no output"])[-1]
        raise RuntimeError(f"the child process failed: {last}")
    data = json.loads(child.stdout.strip().splitlines()[-1])
    return FirstPaint(
        launch_to_paint=data["painted"] - started,
        ready_to_paint=data["painted"] - data["ready"],
        window=data["window"],
        loaded=tuple(data["loaded"]),
        marks={key: value - started for key, value in data["marks"].items()},
    )


def bare_app_cold_start() -> FirstPaint:
    """One sample: a new Python process shows a bare PySide6 QWidget."""
    return launch_until_first_paint(_BARE_BODY)


def bare_app_cold_start_seconds() -> float:
    """One sample of the cold-start baseline: launch to the first paint of a bare PySide6 app's window."""
    return bare_app_cold_start().launch_to_paint


def run(report: Report) -> None:
    application()
    for _ in range(2):  # warm up: platform plugin, fonts, style
        bare_window_seconds()
    report.value(
        "bare QWidget shown, in-process (baseline)",
        [bare_window_seconds() for _ in range(report.size(15, 3))],
        "s",
    )
    report.value(
        "bare PySide6 app cold start (baseline)",
        [bare_app_cold_start_seconds() for _ in range(report.size(5, 1))],
        "s",
        note="process launch to first paint",
    )
