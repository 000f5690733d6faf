"""Screenshot views of the 相談 area on the demo vault: `consultations` (the business list), `business` (a
card with its timeline), `seminar` (a full seminar's roster with its waiting list) and `report` (the month's
counts with charts); also `bookings` (the week calendar) and `dispatches` (last month's dispatches,
statements and the fee calculator). Registered with the shell's screenshots."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget


def _page(env: Any) -> tuple[QWidget, Any]:
    from saiken.ui.consultations.page import ConsultationsPage

    window = env.main_window("consultations")
    env.settle()
    page = window.findChild(ConsultationsPage)
    if page is None:  # pragma: no cover - the navigation always builds it
        raise RuntimeError("consultations page missing")
    return window, page


def _list(env: Any) -> QWidget:
    window, page = _page(env)
    page.businesses.list_page.search.setText("たかはし")
    page.businesses.list_page.refresh()
    env.settle()
    page.businesses.list_page.table.setFocus()
    page.businesses.list_page.table.selectRow(0)
    return window


def _busiest_business(session: Any) -> int:
    """The demo business with the most consultations."""
    from saiken.services import consultations as cs

    page = cs.search_businesses(session, "", limit=100)
    return max(page.rows, key=lambda row: (row.consultations, -row.id)).id


def _card(env: Any) -> QWidget:
    window, page = _page(env)
    found: list[int] = []
    env.ops.call(_busiest_business, on_result=found.append)
    env.settle()
    if found:
        page.businesses.open_business(found[0])
        env.settle()
    return window


def _full_seminar(session: Any) -> int | None:
    from saiken.services import consultations as cs

    rows = cs.list_seminars(session)
    full = [s for s in rows if s.waiting and s.status == "予定"]
    return (full or rows)[0].id if rows else None


def _seminar(env: Any) -> QWidget:
    window, page = _page(env)
    page.show_tab("seminars")
    env.settle()
    found: list[int | None] = []
    env.ops.call(_full_seminar, on_result=found.append)
    env.settle()
    if found and found[0] is not None:
        ids = [s.id for s in page.seminars.seminars]
        if found[0] in ids:
            page.seminars.list.selectRow(ids.index(found[0]))
        env.settle()
    return window


def _report(env: Any) -> QWidget:
    window, page = _page(env)
    page.show_tab("reports")
    env.settle()
    return window


def _bookings(env: Any) -> QWidget:
    window, page = _page(env)
    page.show_tab("bookings")
    env.settle()
    return window


def _dispatches(env: Any) -> QWidget:
    window, page = _page(env)
    page.show_tab("dispatches")
    env.settle()
    page.dispatches.picker.step(-1)  # last month: every dispatch carried out
    env.settle()
    return window


def register(views: dict[str, Callable[[Any], QWidget]]) -> None:
    views["consultations"] = _list
    views["business"] = _card
    views["seminar"] = _seminar
    views["report"] = _report
    views["bookings"] = _bookings
    views["dispatches"] = _dispatches
