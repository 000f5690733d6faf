"""How benchmark rows are shown: a plain-text table for the terminal and a Markdown file."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from benchmarks.harness import Row, Stats

HEADERS = (
    "module",
    "benchmark",
    "ours median / p95",
    "baseline median / p95",
    "ratio",
    "goal",
    "result",
    "note",
)


def quantity(value: float, unit: str) -> str:
    """Seconds shown in the readable unit (µs, ms, s); other units with three significant digits."""
    if unit == "s":
        if value < 1e-3:
            return f"{value * 1e6:.3g} µs"
        if value < 1:
            return f"{value * 1e3:.3g} ms"
        return f"{value:.3g} s"
    number = f"{value:,.0f}" if abs(value) >= 1000 else f"{value:.3g}"
    return f"{number} {unit}".strip()


def _stats(stats: Stats | None, unit: str) -> str:
    if stats is None:
        return ""
    if len(stats.samples) == 1:
        return quantity(stats.median, unit)
    return f"{quantity(stats.median, unit)} / {quantity(stats.p95, unit)} (n={len(stats.samples)})"


def _goal(row: Row) -> str:
    if row.goal is None:
        return ""
    if row.goal_on == "ratio":
        return f"≤ {row.goal:g}×"
    return f"≤ {quantity(row.goal, row.unit)} ({row.goal_on})"


def _result(row: Row) -> str:
    if row.kind == "error":
        return "ERROR"
    if row.kind == "unavailable":
        return "n/a"
    if row.passed is None:
        return "—"
    return "pass" if row.passed else "miss"


def cells(row: Row) -> tuple[str, ...]:
    ratio = "" if row.ratio is None else f"{row.ratio:.2f}×"
    return (
        row.module,
        row.name,
        _stats(row.measured, row.unit),
        _stats(row.baseline, row.unit),
        ratio,
        _goal(row),
        _result(row),
        row.note,
    )


def text_table(rows: Sequence[Row]) -> str:
    if not rows:
        return "(no results)"
    table = [HEADERS, *(cells(row) for row in rows)]
    widths = [max(len(line[i]) for line in table) for i in range(len(HEADERS))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip()
        for line in table
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


def _md(cell: str) -> str:
    return cell.replace("|", "\\|").replace("\n", " ")


def markdown(rows: Sequence[Row], env: dict[str, object]) -> str:
    out = ["# Saiken Desk benchmarks", ""]
    out += [f"- {key}: {value}" for key, value in env.items()]
    out += [
        "",
        "Ratios are ours ÷ a baseline measured in the same run (medians; lower is better).",
        "Goals are information, not assertions.",
        "",
    ]
    out.append("| " + " | ".join(HEADERS) + " |")
    out.append("|" + "---|" * len(HEADERS))
    out += ["| " + " | ".join(_md(cell) for cell in cells(row)) + " |" for row in rows]
    return "\n".join(out) + "\n"
