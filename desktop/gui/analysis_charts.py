"""Small charts drawn with QPainter for the analysis window: pies with a legend, and bars.

PySide6-Essentials has no QtCharts (it is in PySide6-Addons, some 200 MB more); the analysis
needs only two plain kinds of chart, so they are drawn here. The colours are those of the
PDF report (``reports.analysis_pdf.PALETTE``), so the window and the printout look alike.
Labels come translated from the caller.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

PALETTE = (
    "#1f5fa8",
    "#e07b28",
    "#3b9a57",
    "#c23b3b",
    "#7d5ba6",
    "#8c6a4f",
    "#d166a8",
    "#6f7780",
    "#b5b82e",
    "#2fb4c4",
    "#9fc2e7",
    "#f3b680",
)
#: Groups beyond this many become one "other" slice (the table beside shows them all).
MAX_SLICES = 9


def colour(i: int) -> QColor:
    return QColor(PALETTE[i % len(PALETTE)])


@dataclass(frozen=True)
class Pie:
    title: str
    values: tuple[float, ...]


class PieChart(QWidget):
    """One or more pies over the same groups (e.g. share of customers, share of revenue),
    side by side, and one legend. A pie with nothing to share shows a dash."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.labels: list[str] = []
        self.pies: list[Pie] = []
        self.other_label = "other"
        self.setMinimumSize(360, 220)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(520, 280)

    def set_data(self, labels: Sequence[str], pies: Sequence[Pie], other_label: str) -> None:
        labels = list(labels)
        pies = [Pie(p.title, tuple(max(float(v), 0.0) for v in p.values)) for p in pies]
        if len(labels) > MAX_SLICES:  # the smallest groups together
            keep = MAX_SLICES - 1
            labels = labels[:keep] + [other_label]
            pies = [Pie(p.title, p.values[:keep] + (sum(p.values[keep:]),)) for p in pies]
        self.labels, self.pies, self.other_label = labels, pies, other_label
        self.update()

    def legend_width(self, fm: QFontMetrics) -> int:
        return max((fm.horizontalAdvance(t) for t in self.labels), default=0) + 26

    def paintEvent(self, event) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        fm = p.fontMetrics()
        line = fm.height() + 4
        title_h = fm.height() + 6
        n = max(len(self.pies), 1)
        legend_h = len(self.labels) * line + 8
        # The legend under the pies when there is the height for it (long labels would
        # otherwise squeeze the pies), else beside them.
        below = self.height() - 16 - legend_h - title_h >= 140
        if below:
            area = QRectF(8, 8, self.width() - 16, self.height() - 16 - legend_h)
        else:
            legend_w = min(self.legend_width(fm), self.width() // 2)
            area = QRectF(8, 8, self.width() - legend_w - 24, self.height() - 16)
        size = max(20.0, min(area.width() / n - 16, area.height() - title_h, 240.0))
        for k, pie in enumerate(self.pies):
            x = area.left() + k * area.width() / n + (area.width() / n - size) / 2
            p.setPen(self.palette().windowText().color())
            p.drawText(QRectF(x - 20, area.top(), size + 40, title_h), Qt.AlignCenter, pie.title)
            self._pie(p, QRectF(x, area.top() + title_h, size, size), pie.values)
        if below:
            legend_w = min(self.legend_width(fm), self.width() - 16)
            top = area.top() + title_h + size + 12
            self._legend(
                p,
                QRectF(
                    (self.width() - legend_w) / 2,
                    top - fm.height() - 6,
                    legend_w,
                    legend_h + fm.height() + 6,
                ),
            )
        else:
            self._legend(p, QRectF(self.width() - legend_w - 8, 8, legend_w, self.height() - 16))
        p.end()

    def _pie(self, p: QPainter, rect: QRectF, values: Sequence[float]) -> None:
        total = sum(values)
        if total <= 0:
            p.setPen(QPen(QColor("#9aa3ad"), 1))
            p.drawEllipse(rect)
            p.drawText(rect, Qt.AlignCenter, "–")
            return
        angle = 90 * 16  # start at twelve o'clock, clockwise like the report's pies
        p.setPen(QPen(Qt.white, 1))
        for i, v in enumerate(values):
            if v <= 0:
                continue
            span = -round(v / total * 360 * 16)
            p.setBrush(colour(i))
            p.drawPie(rect, angle, span)
            angle += span
        # Percentages on slices of at least 5 %, at two thirds of the radius.
        import math

        p.setPen(Qt.white)
        start = 90.0
        centre = rect.center()
        radius = rect.width() / 2 * 0.66
        for v in values:
            if v <= 0:
                continue
            sweep = v / total * 360
            if v / total >= 0.05:
                mid = math.radians(start - sweep / 2)
                at = QPointF(
                    centre.x() + radius * math.cos(mid), centre.y() - radius * math.sin(mid)
                )
                p.drawText(
                    QRectF(at.x() - 24, at.y() - 9, 48, 18),
                    Qt.AlignCenter,
                    f"{v / total * 100:.0f}%",
                )
            start -= sweep

    def _legend(self, p: QPainter, rect: QRectF) -> None:
        fm = p.fontMetrics()
        line = fm.height() + 4
        y = rect.top() + fm.height() + 6
        p.setPen(self.palette().windowText().color())
        for i, label in enumerate(self.labels):
            if y + line > rect.bottom():
                break
            p.fillRect(QRectF(rect.left(), y + (line - 12) / 2, 12, 12), colour(i))
            p.drawText(
                QRectF(rect.left() + 18, y, rect.width() - 18, line),
                Qt.AlignVCenter | Qt.AlignLeft,
                label,
            )
            y += line


class BarChart(QWidget):
    """Vertical bars with a label under each and the value above; ``maximum`` fixes the
    scale (1.0 for shares), else the largest value."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.labels: list[str] = []
        self.values: list[float] = []
        self.texts: list[str] = []
        self.title = ""
        self.maximum: float | None = None
        self.setMinimumSize(360, 200)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(520, 260)

    def set_data(
        self,
        title: str,
        labels: Sequence[str],
        values: Sequence[float],
        texts: Sequence[str],
        maximum: float | None = None,
    ) -> None:
        self.title, self.labels, self.values = title, list(labels), [float(v) for v in values]
        self.texts, self.maximum = list(texts), maximum
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        fm = p.fontMetrics()
        text_colour = self.palette().windowText().color()
        p.setPen(text_colour)
        p.drawText(QRectF(8, 4, self.width() - 16, fm.height() + 4), Qt.AlignCenter, self.title)
        top = fm.height() * 2 + 12
        bottom = self.height() - fm.height() - 10
        left, right = 12.0, self.width() - 12.0
        p.setPen(QPen(QColor("#9aa3ad"), 1))
        p.drawLine(QPointF(left, bottom), QPointF(right, bottom))
        n = len(self.values)
        if not n:
            p.end()
            return
        scale = self.maximum or max(self.values) or 1.0
        slot = (right - left) / n
        width = slot * 0.7
        for i, v in enumerate(self.values):
            x = left + i * slot + (slot - width) / 2
            h = max(0.0, min(v / scale, 1.0)) * (bottom - top)
            p.fillRect(QRectF(x, bottom - h, width, h), colour(0))
            p.setPen(text_colour)
            p.drawText(
                QRectF(x - 10, bottom - h - fm.height() - 2, width + 20, fm.height()),
                Qt.AlignCenter,
                self.texts[i] if i < len(self.texts) else "",
            )
            p.drawText(
                QRectF(x - 10, bottom + 4, width + 20, fm.height()),
                Qt.AlignCenter,
                self.labels[i] if i < len(self.labels) else "",
            )
        p.end()
