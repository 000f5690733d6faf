"""Bar and line charts drawn with QPainter (no QtCharts: it is in PySide6-Addons, which the app does not ship).

`BarChart` draws groups of bars (one group per label, one bar per series) with the value above each bar;
`LineChart` draws one line per series with a dot at each value, leaving a gap where a value is None (a month
not reached yet). Both have whole-number axes from zero, a legend, and `set_data(labels, series)`; the
numbers stay readable in `texts()` for tests and for screen readers (the accessible description).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

PALETTE = ("#1F5FA8", "#E08A1E", "#3C8D5A", "#A83F3F", "#6B5CA5")
Series = tuple[str, Sequence[int | None]]


def nice_top(value: int) -> tuple[int, int]:
    """An axis top at or above `value` and a whole step (the same rule as the PDF charts)."""
    if value <= 5:
        return 5, 1
    magnitude = 10 ** int(math.log10(value))
    for step in (magnitude // 5 or 1, magnitude // 2 or 1, magnitude, magnitude * 2):
        if math.ceil(value / step) <= 8:
            return math.ceil(value / step) * step, step
    return math.ceil(value / (magnitude * 5)) * magnitude * 5, magnitude * 5


class _Chart(QWidget):
    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = title
        self.labels: list[str] = []
        self.series: list[Series] = []
        self.setMinimumSize(280, 220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(520, 260)

    def set_data(self, labels: Sequence[str], series: Sequence[Series]) -> None:
        self.labels = list(labels)
        self.series = [(name, list(values)) for name, values in series]
        self.setAccessibleDescription("; ".join(self.texts()))
        self.update()

    def texts(self) -> list[str]:
        """Every value as text: `系列 ラベル 値`."""
        return [
            f"{name} {label} {value}"
            for name, values in self.series
            for label, value in zip(self.labels, values, strict=False)
            if value is not None
        ]

    def _top(self) -> tuple[int, int]:
        return nice_top(max((v or 0 for _, values in self.series for v in values), default=0))

    def _frame(self, painter: QPainter) -> QRectF:
        """Title, legend and axes; returns the plotting rectangle."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        base = QFont(self.font())
        title_font = QFont(base)
        title_font.setPointSizeF(base.pointSizeF() * 1.1)
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.setPen(QColor("#222222"))
        painter.drawText(QRectF(8, 4, self.width() - 16, 22), Qt.AlignmentFlag.AlignLeft, self.title)
        painter.setFont(base)
        metrics = painter.fontMetrics()
        legend_x = self.width() - 8.0
        for index in reversed(range(len(self.series)) if len(self.series) > 1 else range(0)):
            name = self.series[index][0]
            width = metrics.horizontalAdvance(name)
            legend_x -= width
            painter.setPen(QColor("#333333"))
            painter.drawText(QPointF(legend_x, 18), name)
            legend_x -= 14
            painter.fillRect(QRectF(legend_x, 8, 10, 10), QColor(PALETTE[index % len(PALETTE)]))
            legend_x -= 12
        left, top, bottom = 44.0, 44.0, self.height() - 28.0
        plot = QRectF(left, top, self.width() - left - 12, bottom - top)
        top_value, step = self._top()
        painter.setPen(QPen(QColor("#DDDDDD"), 1))
        for value in range(0, top_value + 1, step):
            y = plot.bottom() - plot.height() * value / top_value
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(QColor("#555555"))
            painter.drawText(
                QRectF(0, y - 9, left - 6, 18),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                f"{value:,}",
            )
            painter.setPen(QPen(QColor("#DDDDDD"), 1))
        painter.setPen(QPen(QColor("#333333"), 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.drawLine(plot.bottomLeft(), plot.topLeft())
        return plot

    def _label_row(self, painter: QPainter, plot: QRectF, centres: list[float], slot: float) -> None:
        painter.setPen(QColor("#333333"))
        for label, x in zip(self.labels, centres, strict=False):
            painter.drawText(
                QRectF(x - slot / 2, plot.bottom() + 4, slot, 20), Qt.AlignmentFlag.AlignHCenter, label
            )


class BarChart(_Chart):
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            plot = self._frame(painter)
            if not self.labels or not self.series:
                return
            top_value, _ = self._top()
            slot = plot.width() / len(self.labels)
            bar = max(2.0, min(28.0, (slot - 10) / max(len(self.series), 1)))
            centres = [plot.left() + slot * (i + 0.5) for i in range(len(self.labels))]
            for s_index, (_, values) in enumerate(self.series):
                colour = QColor(PALETTE[s_index % len(PALETTE)])
                for l_index, value in enumerate(values[: len(self.labels)]):
                    amount = value or 0
                    height = plot.height() * amount / top_value
                    x = centres[l_index] - bar * len(self.series) / 2 + bar * s_index
                    rect = QRectF(x, plot.bottom() - height, bar - 1, height)
                    painter.fillRect(rect, colour)
                    painter.setPen(QColor("#333333"))
                    painter.drawText(
                        QRectF(x - 10, rect.top() - 16, bar + 20, 14),
                        Qt.AlignmentFlag.AlignHCenter,
                        f"{amount:,}",
                    )
            self._label_row(painter, plot, centres, slot)
        finally:
            painter.end()


class LineChart(_Chart):
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            plot = self._frame(painter)
            if not self.labels or not self.series:
                return
            top_value, _ = self._top()
            slot = plot.width() / len(self.labels)
            centres = [plot.left() + slot * (i + 0.5) for i in range(len(self.labels))]
            for s_index, (_, values) in enumerate(self.series):
                colour = QColor(PALETTE[s_index % len(PALETTE)])
                painter.setPen(QPen(colour, 2))
                previous: QPointF | None = None
                for l_index, value in enumerate(values[: len(self.labels)]):
                    if value is None:
                        previous = None
                        continue
                    point = QPointF(centres[l_index], plot.bottom() - plot.height() * value / top_value)
                    if previous is not None:
                        painter.drawLine(previous, point)
                    painter.setBrush(colour)
                    painter.drawEllipse(point, 3, 3)
                    previous = point
            painter.setBrush(Qt.BrushStyle.NoBrush)
            self._label_row(painter, plot, centres, slot)
        finally:
            painter.end()
