"""The sign-in window shown, against a bare PySide6 window (issue 2: goal <= 2x).

Also measured: the whole cold start (process launch to first paint) of both, which is what a user waits for.
Each sample runs in a fresh Python process (so the one-time costs really are paid each time), with the
QApplication already constructed when the clock starts:
  ours:     font registered, Japanese translators loaded, style set (`prepare_application`), the vault's
            keys.json read for the organisation and user names, `SignInDialog` built, shown, exposed and
            first painted;
  baseline: a bare QWidget built, shown, exposed and first painted (`bench_qt_window.bare_window_seconds`).
The vault is a fictional one made once by the parent in a temporary folder (its creation is not timed).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.harness import Report

GOAL_RATIO = 2.0

_CHILD = """
import sys, time
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv)
app.processEvents()
from benchmarks.bench_qt_window import _show_until_painted, bare_window_seconds
if sys.argv[1] == "bare":
    print(repr(bare_window_seconds()), flush=True)
else:
    from pathlib import Path
    start = time.perf_counter()
    from saiken.ui.appsetup import prepare_application
    from saiken.ui.background import Operations
    from saiken.ui.sign_in import SignInDialog
    prepare_application(app)
    prepared = time.perf_counter()
    from saiken.services import vault
    imported = time.perf_counter()
    folder = Path(sys.argv[2])
    ops = Operations()

    def make():
        info = vault.read_vault_info(folder)
        return SignInDialog(ops, folder, org_name=info.org_name, org_role=info.org_role,
                            user_names=list(info.user_names))

    setup = time.perf_counter() - start
    shown = _show_until_painted(make)
    ops.shutdown()
    print(repr(setup + shown), repr(prepared - start), repr(imported - prepared), repr(shown), flush=True)
"""


_COLD = """
import sys, time
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv)
from benchmarks.bench_qt_window import _show_until_painted
if sys.argv[1] == "bare":
    from benchmarks.bench_qt_window import _bare_widget
    make = _bare_widget
else:
    from pathlib import Path
    from saiken.services import vault
    from saiken.ui.appsetup import prepare_application
    from saiken.ui.background import Operations
    from saiken.ui.sign_in import SignInDialog
    prepare_application(app)
    folder = Path(sys.argv[2])
    ops = Operations()

    def make():
        info = vault.read_vault_info(folder)
        return SignInDialog(ops, folder, org_name=info.org_name, org_role=info.org_role,
                            user_names=list(info.user_names))
_show_until_painted(make)
print(repr(time.time()), flush=True)
if sys.argv[1] != "bare":
    ops.shutdown()
"""


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    root = Path(__file__).resolve().parent.parent
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(root), env.get("PYTHONPATH", "")]))
    return env


def _cold_sample(kind: str, folder: Path) -> float:
    """Seconds from launching a new process to the window's first paint (what a user waits for)."""
    started = time.time()
    child = subprocess.run([sys.executable, "-c", _COLD, kind, str(folder)], env=_env(), capture_output=True,
                           text=True, timeout=120, check=False)
    if child.returncode != 0:
        last = (child.stderr.strip().splitlines() or ["no output"])[-1]
        raise RuntimeError(f"the {kind} cold start failed: {last}")
    return float(child.stdout.strip().splitlines()[-1]) - started


def _sample(kind: str, folder: Path) -> list[float]:
    child = subprocess.run([sys.executable, "-c", _CHILD, kind, str(folder)], env=_env(), capture_output=True,
                           text=True, timeout=120, check=False)
    if child.returncode != 0:
        last = (child.stderr.strip().splitlines() or ["no output"])[-1]
        raise RuntimeError(f"the {kind} sample failed: {last}")
    return [float(part) for part in child.stdout.strip().splitlines()[-1].split()]


def run(report: Report) -> None:
    from saiken.services import vault

    repeat = report.size(9, 3)
    with tempfile.TemporaryDirectory(prefix="saiken-bench-") as tmp:
        folder = Path(tmp) / "vault"
        vault.create_vault(folder, org_role="contractor", org_name="架空法律事務所", admin_user="admin",
                           admin_password="架空の合言葉は長めに2025", device_binding=False)
        ours: list[list[float]] = []
        base: list[float] = []
        cold_ours: list[float] = []
        cold_base: list[float] = []
        for _ in range(repeat):  # alternate, so that noise hits both alike
            base.append(_sample("bare", folder)[0])
            ours.append(_sample("ours", folder))
            cold_base.append(_cold_sample("bare", folder))
            cold_ours.append(_cold_sample("ours", folder))
    report.value("  of which: Qt setup (IPAex font, translators, style) and ui imports", [o[1] for o in ours], "s")
    report.value("  of which: importing the vault services (SQLAlchemy, Alembic, cryptography)",
                 [o[2] for o in ours], "s")
    report.value("  of which: sign-in dialog built, shown and first painted", [o[3] for o in ours], "s")
    ours_total = [o[0] for o in ours]
    report.ratio("sign-in window shown (font, translators, dialog) vs bare PySide6 window", ours_total, base,
                 goal=GOAL_RATIO, unit="s", note="fresh process each sample; clock starts with QApplication ready")
    report.ratio("sign-in window cold start vs bare PySide6 app (process launch to first paint)", cold_ours,
                 cold_base, goal=GOAL_RATIO, unit="s", note="what a user waits for after starting the program")
