"""Paths and workbook readers shared by the Excel tests."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

REPO = Path(__file__).resolve().parents[3]
SAMPLE = REPO / "tests" / "data" / "ward_extraction_R7.xlsx"
SHARED_SAMPLE = REPO / ".." / "shared" / "samples" / "ward_extraction_R7.xlsx"


def sheet_totals(path: Path) -> tuple[int, int, int]:
    """(rows, 返還金額 total, 既納付額 total) read straight from the workbook with openpyxl."""
    workbook = load_workbook(path, read_only=True, data_only=True)
    rows = list(workbook.worksheets[0].iter_rows(values_only=True))
    workbook.close()
    header = list(rows[0])
    principal, paid = header.index("返還金額"), header.index("既納付額")
    data = [row for row in rows[1:] if row[0]]
    return len(data), sum(int(row[principal]) for row in data), sum(int(row[paid]) for row in data)
