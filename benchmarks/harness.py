"""The benchmark harness: finds `bench_*.py` modules, runs them, prints a table and writes the results.

Every figure is reported next to a baseline measured in the same run on the same machine (a bare Qt
window, raw reportlab, raw openpyxl, ...), as a ratio, so that the numbers mean something on any PC.
Goals are printed with a pass/miss mark for information only: nothing here is an assertion, and a missed
goal never changes the exit status. A bench module that crashes is reported as an error row and makes
the exit status 1; the other modules still run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import importlib
import importlib.util
import json
import math
import os
import platform
import statistics
import subprocess
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from types import ModuleType

from benchmarks.report_table import markdown, text_table

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_ROOT = PACKAGE_DIR.parent
DEFAULT_OUT = REPO_ROOT / "bench-results"


def median(samples: Sequence[float]) -> float:
    return float(statistics.median(samples))


def p95(samples: Sequence[float]) -> float:
    """The 95th percentile by the nearest-rank method (the worst sample when there are fewer than 20)."""
    ordered = sorted(samples)
    return float(ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)])


def measure(fn: Callable[[], object], *, repeat: int, warmup: int = 1) -> list[float]:
    """Seconds taken by each of `repeat` calls of `fn`, after `warmup` untimed calls."""
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return samples


def measure_pair(
    ours: Callable[[], object], baseline: Callable[[], object], *, repeat: int, warmup: int = 1
) -> tuple[list[float], list[float]]:
    """Time `ours` and `baseline` alternately (so drift and noise hit both alike): (ours, baseline)."""
    for _ in range(warmup):
        baseline()
        ours()
    mine: list[float] = []
    base: list[float] = []
    for _ in range(repeat):
        base += measure(baseline, repeat=1, warmup=0)
        mine += measure(ours, repeat=1, warmup=0)
    return mine, base


def rss_mib() -> float:
    """Resident memory of this process in MiB (psutil)."""
    import psutil

    return psutil.Process().memory_info().rss / (1024 * 1024)


@dataclass
class Stats:
    median: float
    p95: float
    samples: list[float]

    @classmethod
    def of(cls, samples: float | Sequence[float]) -> Stats:
        values = [float(samples)] if isinstance(samples, int | float) else [float(s) for s in samples]
        if not values:
            raise ValueError("no samples")
        return cls(median=median(values), p95=p95(values), samples=values)


@dataclass
class Row:
    module: str
    name: str
    kind: str  # ratio | value | unavailable | error
    unit: str = ""
    measured: Stats | None = None
    baseline: Stats | None = None
    ratio: float | None = None
    goal: float | None = None
    goal_on: str = ""  # what the goal is compared with: ratio | median | p95
    passed: bool | None = None
    note: str = ""


@dataclass
class Report:
    """What a bench module's `run(report)` fills in. `quick` asks for small sizes (a smoke run)."""

    quick: bool = False
    rows: list[Row] = field(default_factory=list)
    module: str = ""

    def size(self, full: int, quick: int) -> int:
        """`full` normally, `quick` under --quick."""
        return quick if self.quick else full

    def ratio(
        self,
        name: str,
        measured_seconds_list: Sequence[float],
        baseline_seconds_list: Sequence[float],
        *,
        goal: float | None = None,
        unit: str = "s",
        note: str = "",
    ) -> Row:
        """Ours against a baseline measured in the same run: ratio of the medians, lower is better.
        `goal` is the largest acceptable ratio (2.0 for "at most twice the baseline")."""
        measured = Stats.of(measured_seconds_list)
        baseline = Stats.of(baseline_seconds_list)
        ratio = measured.median / baseline.median if baseline.median > 0 else math.inf
        row = Row(
            self.module,
            name,
            "ratio",
            unit,
            measured,
            baseline,
            ratio,
            goal,
            "ratio",
            None if goal is None else ratio <= goal,
            note,
        )
        self.rows.append(row)
        return row

    def value(
        self,
        name: str,
        value: float | Sequence[float],
        unit: str,
        goal: float | None = None,
        *,
        goal_on: str = "median",
        note: str = "",
    ) -> Row:
        """A single figure (or samples of it) with an optional upper goal, compared with the median
        or, with `goal_on="p95"`, with the 95th percentile."""
        if goal_on not in ("median", "p95"):
            raise ValueError("goal_on must be 'median' or 'p95'")
        measured = Stats.of(value)
        compared = measured.median if goal_on == "median" else measured.p95
        row = Row(
            self.module,
            name,
            "value",
            unit,
            measured,
            None,
            None,
            goal,
            goal_on,
            None if goal is None else compared <= goal,
            note,
        )
        self.rows.append(row)
        return row

    def unavailable(self, name: str, reason: str) -> Row:
        """Something that cannot be measured yet (a screen not written, a tool not installed)."""
        row = Row(self.module, name, "unavailable", note=reason)
        self.rows.append(row)
        return row

    def error(self, name: str, reason: str) -> Row:
        row = Row(self.module, name, "error", note=reason)
        self.rows.append(row)
        return row


def discover(bench_dir: Path) -> list[tuple[str, Path]]:
    """(short name, file) of every `bench_*.py` in `bench_dir`, sorted; `bench_pdf.py` is named `pdf`."""
    return [(path.stem.removeprefix("bench_"), path) for path in sorted(bench_dir.glob("bench_*.py"))]


def load(path: Path) -> ModuleType:
    """Our own bench modules import as `benchmarks.bench_x` (so they can import each other); a module
    from another folder is loaded from its file."""
    if path.parent.resolve() == PACKAGE_DIR:
        return importlib.import_module(f"benchmarks.{path.stem}")
    spec = importlib.util.spec_from_file_location(f"_bench_external.{path.stem}", path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def environment(quick: bool) -> dict[str, object]:
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=REPO_ROOT,
            capture_output=True,
            text=True,
            timeout=5,
            check=False,
        ).stdout.strip()
    except OSError:
        commit = ""
    return {
        "generated_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "quick": quick,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "commit": commit,
        "qt_platform": os.environ.get("QT_QPA_PLATFORM", ""),
    }


def run_modules(modules: list[tuple[str, Path]], report: Report) -> bool:
    """Run each module's `run(report)`; a crash becomes an error row. True when none crashed."""
    ok = True
    for name, path in modules:
        report.module = name
        started = time.perf_counter()
        print(f"-- {name} ...", flush=True)
        try:
            load(path).run(report)
        except Exception as error:
            ok = False
            traceback.print_exc()
            report.error(name, f"{type(error).__name__}: {error}")
        print(f"-- {name} done in {time.perf_counter() - started:.1f} s", flush=True)
    return ok


def write_results(report: Report, env: dict[str, object], out: Path) -> tuple[Path, Path]:
    from saiken.fsutil import atomic_write_text

    out.mkdir(parents=True, exist_ok=True)
    payload = {"environment": env, "results": [asdict(row) for row in report.rows]}
    json_path, md_path = out / "latest.json", out / "latest.md"
    atomic_write_text(json_path, json.dumps(payload, ensure_ascii=False, indent=2) + "\n", mode=0o644)
    atomic_write_text(md_path, markdown(report.rows, env), mode=0o644)
    return json_path, md_path


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description="Saiken Desk benchmarks")
    parser.add_argument(
        "--only",
        metavar="NAME",
        action="append",
        help="run only this module (pdf or bench_pdf); may be repeated",
    )
    parser.add_argument("--quick", action="store_true", help="small sizes, for a smoke run")
    parser.add_argument("--list", action="store_true", help="list the bench modules and exit")
    parser.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help="results folder (default bench-results/)"
    )
    parser.add_argument("--bench-dir", type=Path, default=PACKAGE_DIR, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    modules = discover(args.bench_dir)
    if args.list:
        print("\n".join(name for name, _ in modules))
        return 0
    if args.only:
        wanted = {name.removeprefix("bench_").removesuffix(".py") for name in args.only}
        unknown = wanted - {name for name, _ in modules}
        if unknown:
            print(
                f"unknown bench module(s): {', '.join(sorted(unknown))}; "
                f"known: {', '.join(name for name, _ in modules)}",
                file=sys.stderr,
            )
            return 2
        modules = [(name, path) for name, path in modules if name in wanted]
    report = Report(quick=args.quick)
    ok = run_modules(modules, report)
    env = environment(args.quick)
    print()
    print(text_table(report.rows))
    json_path, md_path = write_results(report, env, args.out)
    print(f"\nwritten: {json_path} and {md_path.name}")
    return 0 if ok else 1
