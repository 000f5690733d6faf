"""The 相談 area of the main window: tabs for businesses (list and card), the booking calendar, seminars,
advisor dispatches and the reports. Alt+1…5 would clash with the form keys of the entry form, so the tabs
are reached with Ctrl+PgUp / Ctrl+PgDown (Qt's own) or the mouse.

A change made anywhere (the shell's `changed` signal with its `Changes`) marks the other tabs stale; each refreshes when it
is next shown, and only for the areas of the change that concern it (`changes.touches`).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from saiken.services.changes import Area, Changes
from saiken.ui.consultations.booking_calendar import BookingCalendar
from saiken.ui.consultations.business_card import BusinessCardPage
from saiken.ui.consultations.business_list import BusinessListPage
from saiken.ui.consultations.dispatch_page import DispatchPage
from saiken.ui.consultations.report_page import ReportPage
from saiken.ui.consultations.seminar_roster import SeminarRosterPage
from saiken.ui.kit.page_header import page_header

# which tabs care about which areas of a change (saiken.services.changes.Area)
CONCERNS: dict[str, tuple[Area, ...]] = {
    "businesses": (Area.BUSINESSES, Area.CONSULTATIONS, Area.BOOKINGS, Area.DISPATCHES, Area.SEMINARS),
    "bookings": (Area.BOOKINGS, Area.BUSINESSES, Area.CONSULTANTS, Area.CONSULTATIONS),
    "seminars": (Area.SEMINARS, Area.BUSINESSES),
    "dispatches": (Area.DISPATCHES, Area.ADVISORS, Area.BUSINESSES, Area.FEE_STANDARDS),
    "reports": (Area.CONSULTATIONS, Area.SEMINARS, Area.BUSINESSES, Area.CONSULTANTS),
}


class BusinessesTab(QStackedWidget):
    def __init__(self, context: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.list_page = BusinessListPage(context)
        self.card_page = BusinessCardPage(context)
        self.addWidget(self.list_page)
        self.addWidget(self.card_page)
        self._opening: int | None = None
        self.list_page_stale = False
        self.list_page.open_requested.connect(self.open_business)
        self.card_page.loaded.connect(self._loaded)
        self.card_page.back_requested.connect(self.show_list)

    def open_business(self, business_id: int) -> None:
        self._opening = business_id
        self.card_page.open_business(business_id)

    def _loaded(self, card: Any) -> None:
        if self._opening is not None and card.business.id == self._opening:
            self._opening = None
            self.setCurrentWidget(self.card_page)
            self.card_page.form.contents.setFocus()

    def show_list(self) -> None:
        self.setCurrentWidget(self.list_page)
        self.list_page_stale = False
        self.list_page.refresh()
        self.list_page.table.setFocus()

    def refresh(self) -> None:
        if self.currentWidget() is self.card_page and self.card_page.business_id is not None:
            self.card_page.open_business(self.card_page.business_id)
        else:
            self.list_page.refresh()


class ConsultationsPage(QWidget):
    def __init__(self, context: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("consultationsPage")
        self.context = context
        layout = QVBoxLayout(self)
        page_header(
            layout,
            self,
            self.tr("Consultations"),
            self.tr("SME support: consultation records, bookings, seminars and advisor dispatches"),
        )
        self.tabs = QTabWidget()
        self.tabs.setObjectName("consultationTabs")
        self.businesses = BusinessesTab(context)
        self.bookings = BookingCalendar(context)
        self.seminars = SeminarRosterPage(context)
        self.dispatches = DispatchPage(context)
        self.reports = ReportPage(context)
        self.pages: dict[str, Any] = {
            "businesses": self.businesses,
            "bookings": self.bookings,
            "seminars": self.seminars,
            "dispatches": self.dispatches,
            "reports": self.reports,
        }
        titles = {
            "businesses": self.tr("Businesses"),
            "bookings": self.tr("Bookings"),
            "seminars": self.tr("Seminars"),
            "dispatches": self.tr("Advisor dispatches"),
            "reports": self.tr("Reports"),
        }
        for key, widget in self.pages.items():
            self.tabs.addTab(widget, titles[key])
        layout.addWidget(self.tabs, 1)
        self._stale = set(self.pages)
        self.tabs.currentChanged.connect(lambda _i: self._refresh_current())
        context.ops.changed.connect(self._data_changed)
        self._refresh_current()

    def show_tab(self, key: str) -> None:
        self.tabs.setCurrentWidget(self.pages[key])
        self._refresh_current()

    def _key(self) -> str:
        widget = self.tabs.currentWidget()
        return next(key for key, page in self.pages.items() if page is widget)

    def _refresh_current(self) -> None:
        key = self._key()
        if key in self._stale:
            self._stale.discard(key)
            self.pages[key].refresh()

    def _data_changed(self, changes: Changes) -> None:
        for key, concerns in CONCERNS.items():
            if changes.touches(*concerns):
                self._stale.add(key)
        if self._key() == "businesses" and self.businesses.currentWidget() is self.businesses.card_page:
            # the card reloads itself after its own saves (one audited view, not two); the list is stale
            self._stale.discard("businesses")
            self.businesses.list_page_stale = True
            return
        self._refresh_current()
