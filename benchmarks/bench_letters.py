"""Letters: 1,000 demand letters as one PDF, against raw reportlab drawing the same text in the same run.

- ours: the shipped demand template filled for 1,000 fictional debtors (charges computed by the engine
  on the letter date), composed and laid out by `saiken.exchange.pdf.letter` — address block in the
  window, 記 items, breakdown table, 教示, per-letter page numbers.
- baseline: a bare reportlab canvas drawing the same words (every line of every letter, the address
  block and the table's figures) with the same embedded IPAex fonts, no layout and no wrapping.
- the batch through the service (a real vault: select, compute, number, log, audit, render) is measured
  by `bench_letters_batch` once the letter services exist, against the render alone.

Peak memory is the traced peak (tracemalloc) of making the PDF, and the process's RSS growth.
"""

from __future__ import annotations

import gc
import io
import time
import tracemalloc
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from benchmarks.harness import Report, measure_pair, rss_mib
from saiken.domain.fictional import generate_debtors
from saiken.domain.fictional_letters import fictional_letter_inputs
from saiken.domain.letter_template import TemplateBody, check_template
from saiken.exchange.pdf.fonts import GOTHIC, MINCHO, register_fonts
from saiken.exchange.pdf.letter import LetterDocument, render_letters
from saiken.exchange.pdf.letter_compose import compose_letter
from saiken.resources import resources_dir


def demand_template() -> TemplateBody:
    return check_template((resources_dir() / "templates" / "demand.txt").read_text(encoding="utf-8"))


def demand_letters(count: int) -> list[LetterDocument]:
    body = demand_template()
    debtors = generate_debtors(count, seed=11)
    return [
        compose_letter(body, fictional_letter_inputs("demand", debtor=d, number=n))
        for n, d in enumerate(debtors, start=1)
    ]


def _lines_of(document: LetterDocument, width: int = 44) -> list[tuple[str, str, float]]:
    lines: list[tuple[str, str, float]] = [(MINCHO, document.document_number, 10.5)]
    lines += [(MINCHO, line, 11) for line in (document.recipient.postal_code, document.recipient.address)]
    lines += [(MINCHO, line, 13) for line in document.recipient.name_lines]
    for text in document.letter.text().split("\n"):
        lines += [(MINCHO, text[i : i + width], 10.5) for i in range(0, max(len(text), 1), width)]
    breakdown = document.breakdown
    if breakdown is not None:
        figures = (breakdown.principal, breakdown.paid, breakdown.additional_charge, breakdown.late_charge)
        lines.append((GOTHIC, "　".join(f"{v:,}円" for v in figures), 10))
    return lines


def raw_canvas(letters: list[list[tuple[str, str, float]]]) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, initialFontName=MINCHO)
    for lines in letters:
        y = A4[1] - 20 * mm
        for font, text, size in lines:
            if y < 20 * mm:
                canvas.showPage()
                y = A4[1] - 20 * mm
            canvas.setFont(font, size)
            canvas.drawString(25 * mm, y, text)
            y -= size * 1.5
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _peak(fn: object) -> float:
    gc.collect()
    tracemalloc.start()
    fn()  # type: ignore[operator]
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / (1024 * 1024)


def run(report: Report) -> None:
    register_fonts()
    count = report.size(1000, 40)
    started = time.perf_counter()
    documents = demand_letters(count)
    compose_seconds = time.perf_counter() - started
    texts = [_lines_of(d) for d in documents]

    def ours() -> bytes:
        return render_letters(documents, title="督促状").pdf

    def baseline() -> bytes:
        return raw_canvas(texts)

    mine, base = measure_pair(ours, baseline, repeat=report.size(3, 1))
    report.ratio(
        f"{count:,} demand letters: layout + PDF vs raw reportlab canvas",
        mine,
        base,
        goal=2.0,
        unit="s",
        note="same words, same embedded IPAex fonts; ours adds kinsoku wrapping, tables, the window block",
    )
    report.value(
        f"{count:,} demand letters: filling the template and computing charges", [compose_seconds], "s"
    )
    pages = render_letters(documents, title="督促状").page_count
    report.value(f"{count:,} demand letters: pages", [float(pages)], "pages")
    rss_before = rss_mib()
    ours_peak = _peak(ours)
    base_peak = _peak(baseline)
    report.ratio(
        f"{count:,} demand letters: peak traced memory vs raw canvas", [ours_peak], [base_peak], unit="MiB"
    )
    report.value(f"{count:,} demand letters: RSS growth while rendering", [rss_mib() - rss_before], "MiB")
    size = len(ours()) / (1024 * 1024)
    report.value(f"{count:,} demand letters: PDF size", [size], "MiB", note=str(Path("in memory")))
