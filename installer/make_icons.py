"""Render resources/icons/saiken-desk.svg to the PNG sizes the window and taskbar use and to the Windows
icon (.ico with every size) the installer and the executable carry. Run after changing the SVG:

    QT_QPA_PLATFORM=offscreen .venv/bin/python installer/make_icons.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QByteArray, QBuffer, QIODevice, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(images: list[QImage]) -> bytes:
    """A Windows .ico holding each image as PNG (Vista and later read PNG entries of every size)."""
    entries = [(image.width(), png_bytes(image)) for image in images]
    header = (0).to_bytes(2, "little") + (1).to_bytes(2, "little") + len(entries).to_bytes(2, "little")
    offset = 6 + 16 * len(entries)
    directory, payload = b"", b""
    for size, data in entries:
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        directory += bytes([side, side, 0, 0]) + (1).to_bytes(2, "little") + (32).to_bytes(2, "little")
        directory += len(data).to_bytes(4, "little") + offset.to_bytes(4, "little")
        offset += len(data)
        payload += data
    return header + directory + payload


ARROWS = {  # small arrows for the style sheet's combo boxes and spin boxes (drawn, 10 x 6 px at 2x)
    "arrow-down.png": [(0, 0), (20, 0), (10, 12)],
    "arrow-up.png": [(0, 12), (20, 12), (10, 0)],
}


def arrow(points: list[tuple[int, int]]) -> QImage:
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QColor, QPolygonF

    image = QImage(20, 12, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#52606d"))
    painter.drawPolygon(QPolygonF([QPointF(x, y) for x, y in points]))
    painter.end()
    return image


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv)
    renderer = QSvgRenderer(str(ICONS / "saiken-desk.svg"))
    if not renderer.isValid():
        print("saiken-desk.svg cannot be read", file=sys.stderr)
        return 1
    images = [render(renderer, size) for size in SIZES]
    for size, image in zip(SIZES, images, strict=True):
        (ICONS / f"saiken-desk-{size}.png").write_bytes(png_bytes(image))
    (ICONS / "saiken-desk.ico").write_bytes(ico_bytes(images))
    for name, points in ARROWS.items():
        (ICONS / name).write_bytes(png_bytes(arrow(points)))
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
