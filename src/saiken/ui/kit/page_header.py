"""A page's title and the line under it, as every area's page starts."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


def page_header(layout: QVBoxLayout, parent: QWidget, title: str, subtitle: str = "") -> QLabel:
    heading = QLabel(title, parent)
    heading.setObjectName("pageTitle")
    layout.addWidget(heading)
    if subtitle:
        sub = QLabel(subtitle, parent)
        sub.setObjectName("pageSubtitle")
        sub.setWordWrap(True)
        layout.addWidget(sub)
    return heading
