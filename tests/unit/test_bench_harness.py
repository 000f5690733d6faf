"""The benchmark harness, run as `make bench` runs it, on tiny fake bench modules (nothing is timed here)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]

FAKE = """
def run(report):
    assert report.quick
    report.ratio("fake ratio", [2.0, 4.0, 6.0, 100.0], [1.0, 2.0, 3.0, 4.0], goal=2.0)
    report.ratio("slow ratio", [0.3], [0.1], goal=2.0, unit="s")
    report.value("fake p95", [0.010, 0.020, 0.030, 0.015, 0.012], "s", goal=0.025, goal_on="p95")
    report.value("fake memory", 123.4, "MiB")
    report.unavailable("fake pending", "not available yet: the screen is not written")
    assert report.size(100000, 10) == 10
"""

BROKEN = """
def run(report):
    report.value("before the crash", 1.0, "MiB")
    raise RuntimeError("boom")
"""


def run_harness(bench_dir: Path, out: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "benchmarks", "--bench-dir", str(bench_dir), "--out", str(out), *args],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def bench_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "benches"
    folder.mkdir()
    (folder / "bench_fake.py").write_text(textwrap.dedent(FAKE), encoding="utf-8")
    (folder / "bench_broken.py").write_text(textwrap.dedent(BROKEN), encoding="utf-8")
    (folder / "helper_not_a_bench.py").write_text(
        "raise SystemExit('must not be imported')\n", encoding="utf-8"
    )
    return folder


def rows_by_name(out: Path) -> dict[str, dict]:
    payload = json.loads((out / "latest.json").read_text(encoding="utf-8"))
    return {row["name"]: row for row in payload["results"]}


def test_report_files_hold_ratios_of_medians_percentiles_and_goal_marks(bench_dir, tmp_path):
    out = tmp_path / "results"
    result = run_harness(bench_dir, out, "--only", "fake", "--quick")
    assert result.returncode == 0, result.stderr
    rows = rows_by_name(out)

    ratio = rows["fake ratio"]
    assert ratio["kind"] == "ratio"
    assert ratio["measured"]["median"] == 5.0  # median of 2, 4, 6, 100
    assert ratio["baseline"]["median"] == 2.5
    assert ratio["ratio"] == 2.0
    assert ratio["measured"]["p95"] == 100.0  # nearest rank: the worst of four samples
    assert ratio["passed"] is True  # 2.0 ≤ goal 2.0

    assert rows["slow ratio"]["ratio"] == pytest.approx(3.0)
    assert rows["slow ratio"]["passed"] is False  # a missed goal is reported, not raised

    p95 = rows["fake p95"]
    assert p95["measured"]["median"] == 0.015
    assert p95["measured"]["p95"] == 0.030
    assert p95["passed"] is False  # compared with p95 (30 ms > 25 ms) although the median passes

    assert rows["fake memory"]["passed"] is None
    assert rows["fake pending"]["kind"] == "unavailable"
    assert "broken" not in {row["module"] for row in rows.values()}  # --only ran one module

    environment = json.loads((out / "latest.json").read_text(encoding="utf-8"))["environment"]
    assert environment["quick"] is True
    assert environment["cpus"] >= 1

    markdown = (out / "latest.md").read_text(encoding="utf-8")
    assert "| fake | fake ratio | 5 s / 100 s (n=4) | 2.5 s / 4 s (n=4) | 2.00× | ≤ 2× | pass |" in markdown
    assert "| fake | fake p95 | 15 ms / 30 ms (n=5) |  |  | ≤ 25 ms (p95) | miss |" in markdown
    assert "not available yet: the screen is not written" in markdown
    assert "fake ratio" in result.stdout  # the table is printed too


def test_a_crashing_module_is_an_error_row_and_the_others_still_run(bench_dir, tmp_path):
    out = tmp_path / "results"
    result = run_harness(bench_dir, out, "--quick")
    assert result.returncode == 1
    rows = rows_by_name(out)
    assert rows["broken"]["kind"] == "error"
    assert rows["broken"]["note"] == "RuntimeError: boom"
    assert rows["before the crash"]["measured"]["median"] == 1.0
    assert rows["fake ratio"]["ratio"] == 2.0


def test_an_unknown_module_name_is_refused_naming_the_known_ones(bench_dir, tmp_path):
    result = run_harness(bench_dir, tmp_path / "results", "--only", "nosuch")
    assert result.returncode == 2
    assert "nosuch" in result.stderr and "fake" in result.stderr
    assert not (tmp_path / "results").exists()


def test_the_real_modules_are_listed():
    result = run_harness(REPO_ROOT / "benchmarks", REPO_ROOT / "bench-results", "--list")
    assert result.returncode == 0
    assert {"pdf", "qt_window"} <= set(result.stdout.split())


def test_our_bench_modules_run_in_quick_mode(tmp_path):
    out = tmp_path / "results"
    result = run_harness(REPO_ROOT / "benchmarks", out, "--only", "pdf", "--only", "qt_window", "--quick")
    assert result.returncode == 0, result.stderr
    rows = rows_by_name(out)
    assert rows["recovery sheet render vs raw canvas"]["ratio"] > 0
    assert rows["bare QWidget shown, in-process (baseline)"]["measured"]["median"] > 0
    assert rows["bare PySide6 app cold start (baseline)"]["measured"]["median"] > 0
    assert not [name for name, row in rows.items() if row["module"] == "qt_window" and "sign-in" in name]


@pytest.mark.slow
def test_the_sign_in_window_bench_runs_the_real_start_against_a_bare_app(tmp_path):
    out = tmp_path / "results"
    result = run_harness(REPO_ROOT / "benchmarks", out, "--only", "sign_in_window", "--quick")
    assert result.returncode == 0, result.stderr
    rows = rows_by_name(out)
    headline = rows["sign-in window cold start vs bare PySide6 app (process launch to first paint)"]
    assert headline["kind"] == "ratio" and headline["goal"] == 2.0 and headline["ratio"] > 0
    assert "saiken.ui.shell.main.run" in headline["note"]
    info = rows["sign-in window vs bare window, in-process (from QApplication ready; information)"]
    assert info["kind"] == "ratio" and info["goal"] is None
