"""The areas of the main window, in the order of the left navigation.

Each area is (key, English source label, factory, who may see it). A factory takes a `PageContext` and
returns the page widget; `lazy("module", "Class")` imports the page only when it is first shown. Areas not
built yet use `empty_state(...)`: an honest page saying what the area will hold.
To deliver an area, replace ONLY its factory below. An area never imports another area: when one shows
another's screen (the 交渉記録 area opens a debtor's card), its factory here hands it that screen's factory.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from saiken.domain.roles import Capability
from saiken.ui.kit.page_context import PageContext
from saiken.ui.kit.translate import QT_TRANSLATE_NOOP

PageFactory = Callable[[PageContext], QWidget]


@dataclass(frozen=True)
class Area:
    key: str
    label: str  # English source text, translated in the context "Navigation"
    factory: PageFactory
    capability: Capability | None = None  # None: every signed-in user sees it

    @property
    def title(self) -> str:
        return QCoreApplication.translate("Navigation", self.label)


def lazy(module: str, name: str) -> PageFactory:
    def factory(context: PageContext) -> QWidget:
        return getattr(importlib.import_module(module), name)(context)

    return factory


def empty_state(what: str) -> PageFactory:
    """A page for an area that is not built yet: what it will hold (a source text)."""

    def factory(context: PageContext) -> QWidget:
        from saiken.ui.kit.empty_state import EmptyStatePage

        return EmptyStatePage(what)

    return factory


def records_page(context: PageContext) -> QWidget:
    """The 交渉記録 area, which opens a record's debtor card in place (the card is the debtors area's)."""
    from saiken.ui.debtors.card import DebtorCardPage
    from saiken.ui.records.page import RecordsPage

    return RecordsPage(context, card_factory=DebtorCardPage)


AREAS: list[Area] = [
    Area(
        "debtors", QT_TRANSLATE_NOOP("Navigation", "Debtors"), lazy("saiken.ui.debtors.page", "DebtorsPage")
    ),
    Area("records", QT_TRANSLATE_NOOP("Navigation", "Negotiation records"), records_page),
    Area(
        "documents",
        QT_TRANSLATE_NOOP("Navigation", "Documents"),
        lazy("saiken.ui.documents.page", "DocumentsPage"),
    ),
    Area(
        "handover",
        QT_TRANSLATE_NOOP("Navigation", "Handover & ledger"),
        lazy("saiken.ui.handover.page", "HandoverPage"),
    ),
    Area(
        "consultations",
        QT_TRANSLATE_NOOP("Navigation", "Consultations"),
        lazy("saiken.ui.consultations.page", "ConsultationsPage"),
    ),
    Area(
        "audit",
        QT_TRANSLATE_NOOP("Navigation", "Audit log"),
        lazy("saiken.ui.admin.audit_page", "AuditPage"),
        Capability.READ_AUDIT,
    ),
    Area(
        "settings",
        QT_TRANSLATE_NOOP("Navigation", "Settings"),
        lazy("saiken.ui.admin.settings_page", "SettingsPage"),
    ),
    Area(
        "users",
        QT_TRANSLATE_NOOP("Navigation", "Users"),
        lazy("saiken.ui.admin.users_page", "UsersPage"),
        Capability.MANAGE_USERS,
    ),
]


def visible_areas(context: PageContext) -> list[Area]:
    return [area for area in AREAS if area.capability is None or context.can(area.capability)]


def area(key: str) -> Area:
    for candidate in AREAS:
        if candidate.key == key:
            return candidate
    raise KeyError(key)
