"""Memory of the GUI holding 100,000 debtors in the debtor list (issue 3 Must hold, reported in MiB).

Each side runs in a fresh process, so neither inherits the other's allocations:
- ours: QApplication, the shell's background helper signed in to the search benchmark's 100,000-debtor vault
  (reused from its cache, or built by it), our `DebtorListModel` in a QTableView, scrolled to the end the way
  a user would (the view asks `fetchMore`, pages of 100 come from `search_debtors` on the worker) until the
  view holds every row. RSS is read after the vault is open but before any row (the process's fixed cost)
  and after the last row (psutil). Measured twice: with the model's LRU page cache as shipped (50 pages in
  memory), and with a cache large enough to keep every row (what a naive model would hold).
- baseline: QApplication and a bare QTableView over an empty QStandardItemModel, shown.
Reported: RSS of both processes, their ratio, and the rows' own cost (RSS after − before, and per row).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

from benchmarks.harness import Report

ENV_DB = "SAIKEN_BENCH_GUI_DB"
ENV_KEY = "SAIKEN_BENCH_GUI_KEY"


def _rss_mib() -> float:
    import psutil

    return psutil.Process().memory_info().rss / (1024 * 1024)


def _settle(app) -> None:
    for _ in range(5):
        app.processEvents()


def child_baseline() -> dict[str, float]:
    from PySide6.QtGui import QStandardItemModel
    from PySide6.QtWidgets import QApplication, QTableView

    app = QApplication([])
    view = QTableView()
    view.setModel(QStandardItemModel(0, 10))
    view.resize(1100, 700)
    view.show()
    _settle(app)
    return {"rss": _rss_mib()}


def child_ours(db_path: str, key_hex: str, max_pages: int) -> dict[str, float]:
    import datetime as dt
    from pathlib import Path

    from PySide6.QtWidgets import QApplication, QTableView

    from saiken.domain.clock import FixedClock
    from saiken.domain.roles import Role
    from saiken.security.member_keys import MemberKeys
    from saiken.services.context import SignedInUser, Signer, VaultSession
    from saiken.services.debtors import DebtorFilter, search_debtors
    from saiken.store.engine import make_engine
    from saiken.ui.debtors.list_model import DebtorListModel
    from saiken.ui.kit.background import Operations

    app = QApplication([])
    ops = Operations(progress_delay_ms=600_000)
    engine = make_engine(Path(db_path), bytes.fromhex(key_hex))
    session = VaultSession(
        signer=Signer("u1", MemberKeys.generate()),
        folder=Path(db_path).parent,
        engine=engine,
        clock=FixedClock(dt.datetime(2025, 10, 1, 1, 0, tzinfo=dt.UTC)),
        user=SignedInUser(id=1, name="admin", role=Role.HANDLER),
    )
    ops.set_session(session)
    model = DebtorListModel(ops, max_pages=max_pages)
    view = QTableView()
    view.setModel(model)
    view.resize(1100, 700)
    view.show()
    ops.call(search_debtors, DebtorFilter(), limit=1)  # warm the engine and the imports
    ops.wait_idle(600_000)
    _settle(app)
    before = _rss_mib()
    started = time.perf_counter()
    model.set_filter(DebtorFilter())
    ops.wait_idle(600_000)
    while model.canFetchMore():  # the user keeps scrolling to the bottom
        view.scrollToBottom()
        app.processEvents()
        ops.wait_idle(600_000)
    seconds = time.perf_counter() - started
    _settle(app)
    after = _rss_mib()
    rows = model.rowCount()
    cached = model.cached_rows()
    ops.shutdown()
    return {"rss": after, "before_rows": before, "rows": rows, "cached": cached, "seconds": seconds}


def _spawn(mode: str, env_extra: dict[str, str]) -> dict[str, float]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **env_extra)
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench_gui_memory", mode],
        env=env,
        check=True,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def run(report: Report) -> None:
    from benchmarks.bench_search import RECORDS_PER_DEBTOR, cached_vault

    n_debtors = report.size(100_000, 1_000)
    per_debtor = report.size(RECORDS_PER_DEBTOR, 2)
    try:
        with cached_vault(n_debtors, per_debtor, cache=not report.quick) as (db_path, key, _debtors):
            env = {ENV_DB: str(db_path), ENV_KEY: key.hex()}
            ours = _spawn("ours", env)
            every_row = _spawn("ours-all", env)
        base = _spawn("baseline", {})
    except subprocess.CalledProcessError as error:
        lines = (error.stderr or "").strip().splitlines()
        crash = next(
            (line for line in lines if "Fatal" in line or "Error" in line), lines[-1] if lines else ""
        )
        report.unavailable(
            "GUI memory with the debtor list",
            f"the GUI process ended with status {error.returncode}"
            f" ({crash or 'no message'}); PySide6 6.12.0 on CPython 3.11 drops "
            "references to True/None on every signal emit, which aborts long runs — use "
            "Python 3.12 or later",
        )
        return
    size = f"{int(ours['rows']):,} debtors"
    report.value(
        f"GUI process RSS, list view holding {size} (page cache)",
        ours["rss"],
        "MiB",
        note=f"scrolled to the end in pages of 100 in {ours['seconds']:.1f} s; "
        f"{int(ours['cached']):,} rows in memory",
    )
    report.value("bare QTableView process RSS (baseline)", base["rss"], "MiB")
    report.value(f"RSS ratio: list holding {size} ÷ bare QTableView", ours["rss"] / base["rss"], "×")
    for label, side in (("page cache", ours), ("every row kept", every_row)):
        rows_mib = side["rss"] - side["before_rows"]
        report.value(
            f"the rows' own cost, {label} (RSS after − before)",
            rows_mib,
            "MiB",
            note=f"{int(side['cached']):,} rows in memory, "
            f"{rows_mib * 1024 * 1024 / max(1, side['rows']):,.0f} bytes per row of the view",
        )
    report.value(
        f"GUI process RSS, every one of the {size} kept in memory",
        every_row["rss"],
        "MiB",
        note=f"ratio to bare QTableView {every_row['rss'] / base['rss']:.2f}×",
    )


def main(argv: list[str]) -> int:
    mode = argv[0] if argv else ""
    if mode == "baseline":
        result = child_baseline()
    elif mode == "ours":
        from saiken.ui.debtors.list_model import MAX_PAGES

        result = child_ours(os.environ[ENV_DB], os.environ[ENV_KEY], MAX_PAGES)
    elif mode == "ours-all":
        result = child_ours(os.environ[ENV_DB], os.environ[ENV_KEY], 10**9)
    else:
        print("usage: python -m benchmarks.bench_gui_memory baseline|ours|ours-all", file=sys.stderr)
        return 2
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
