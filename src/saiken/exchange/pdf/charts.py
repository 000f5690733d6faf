"""Bar and line charts for PDF reports, drawn with reportlab's own graphics (no other chart library).

Each chart is a `reportlab.graphics.shapes.Drawing` (a platypus flowable) with its labels in IPAex Gothic,
whole-number axes that start at zero, a legend when there is more than one series, and the value above
each bar. Data are plain sequences of whole counts; `None` in a line series leaves a gap (a month not yet
reached).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors
from reportlab.lib.units import mm

from saiken.exchange.pdf.document import TEXT_WIDTH, styles
from saiken.exchange.pdf.fonts import GOTHIC

PALETTE = (
    colors.HexColor("#1F5FA8"),
    colors.HexColor("#E08A1E"),
    colors.HexColor("#3C8D5A"),
    colors.HexColor("#A83F3F"),
    colors.HexColor("#6B5CA5"),
)
Series = tuple[str, Sequence[int | None]]


def nice_top(value: int) -> tuple[int, int]:
    """An axis top at or above `value` and a whole step: 0 → (5, 1); 37 → (40, 10); 180 → (200, 50)."""
    if value <= 5:
        return 5, 1
    magnitude = 10 ** int(math.log10(value))
    for step in (magnitude // 5 or 1, magnitude // 2 or 1, magnitude, magnitude * 2):
        if math.ceil(value / step) <= 8:
            return math.ceil(value / step) * step, step
    return math.ceil(value / (magnitude * 5)) * magnitude * 5, magnitude * 5


def _frame(title: str, width: float, height: float) -> Drawing:
    styles()  # the fonts are registered
    drawing = Drawing(width, height)
    drawing.add(String(0, height - 11, title, fontName=GOTHIC, fontSize=10.5))
    return drawing


def _legend(drawing: Drawing, names: Sequence[str]) -> None:
    """The series' names in one row along the bottom of the drawing."""
    if len(names) < 2:
        return
    legend = Legend()
    legend.x, legend.y = 32, 14  # y is the top of the row
    legend.fontName, legend.fontSize = GOTHIC, 8
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.dx = legend.dy = 7
    legend.deltax = 70
    legend.colorNamePairs = [(PALETTE[i % len(PALETTE)], name) for i, name in enumerate(names)]
    drawing.add(legend)


def bar_chart(
    title: str,
    labels: Sequence[str],
    series: Sequence[Series],
    *,
    width: float = TEXT_WIDTH,
    height: float = 62 * mm,
) -> Drawing:
    """Grouped vertical bars: one group per label, one bar per series, the count above each bar."""
    drawing = _frame(title, width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 28, 42
    chart.width, chart.height = width - 40, height - 66
    chart.data = [[value or 0 for value in values] for _, values in series]
    top, step = nice_top(max((value or 0 for _, values in series for value in values), default=0))
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, top, step
    chart.valueAxis.labels.fontName, chart.valueAxis.labels.fontSize = GOTHIC, 7.5
    chart.categoryAxis.categoryNames = list(labels)
    chart.categoryAxis.labels.fontName, chart.categoryAxis.labels.fontSize = GOTHIC, 7.5
    chart.categoryAxis.labels.boxAnchor = "n"
    chart.barSpacing, chart.groupSpacing = 1, 8
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName, chart.barLabels.fontSize = GOTHIC, 7
    chart.barLabels.nudge = 6
    for index in range(len(series)):
        chart.bars[index].fillColor = PALETTE[index % len(PALETTE)]
        chart.bars[index].strokeColor = None
    drawing.add(chart)
    _legend(drawing, [name for name, _ in series])
    return drawing


def line_chart(
    title: str,
    labels: Sequence[str],
    series: Sequence[Series],
    *,
    width: float = TEXT_WIDTH,
    height: float = 62 * mm,
) -> Drawing:
    """One line per series over the labels (months); a None value leaves the line open there."""
    drawing = _frame(title, width, height)
    chart = HorizontalLineChart()
    chart.x, chart.y = 28, 38
    chart.width, chart.height = width - 40, height - 62
    chart.data = [list(values) for _, values in series]
    top, step = nice_top(max((value or 0 for _, values in series for value in values), default=0))
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, top, step
    chart.valueAxis.labels.fontName, chart.valueAxis.labels.fontSize = GOTHIC, 7.5
    chart.categoryAxis.categoryNames = list(labels)
    chart.categoryAxis.labels.fontName, chart.categoryAxis.labels.fontSize = GOTHIC, 7.5
    chart.joinedLines = True
    for index in range(len(series)):
        line = chart.lines[index]
        line.strokeColor = PALETTE[index % len(PALETTE)]
        line.strokeWidth = 1.6
        line.symbol = makeMarker("FilledCircle")
        line.symbol.size = 3.5
        line.symbol.fillColor = PALETTE[index % len(PALETTE)]
    drawing.add(chart)
    _legend(drawing, [name for name, _ in series])
    return drawing
