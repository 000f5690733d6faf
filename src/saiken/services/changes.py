"""What a change changed (DESIGN §4 convention 4, as Anki's OpChanges): which areas, which debtors.

Every service function that changes something returns `Changed(value, changes)`: `value` is what the
function made (a row, a report …) and `changes` says what a screen may have to show anew. The UI's
background helper emits the one `changed` signal with `changes`; each screen looks only at what concerns it
(`changes.touches(Area.PAYMENTS)`, `changes.touches_debtor(id)`). A read, even an audited one (opening a
card), returns its value as it is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Area(StrEnum):
    DEBTORS = "debtors"  # a debtor's own fields, status, handler, tags, notes, claims; debtors added
    PAYMENTS = "payments"
    RECORDS = "records"  # negotiation records (and the next action they set)
    PLANS = "plans"  # instalment plans
    INQUIRIES = "inquiries"
    DOCUMENTS = "documents"  # the log of documents sent
    ATTACHMENTS = "attachments"
    CONDITIONS = "conditions"  # saved search conditions
    SETTINGS = "settings"
    USERS = "users"
    PREFERENCES = "preferences"  # the signed-in user's own preferences (date display, list columns)
    # the consultation area (saiken.services.consultations)
    BUSINESSES = "businesses"
    CONSULTATIONS = "consultations"
    BOOKINGS = "bookings"
    SEMINARS = "seminars"
    DISPATCHES = "dispatches"
    ADVISORS = "advisors"
    CONSULTANTS = "consultants"
    FEE_STANDARDS = "fee_standards"


# Everything shown on a debtor's card.
DEBTOR_FILE = frozenset(
    {
        Area.DEBTORS,
        Area.PAYMENTS,
        Area.RECORDS,
        Area.PLANS,
        Area.INQUIRIES,
        Area.DOCUMENTS,
        Area.ATTACHMENTS,
    }
)


@dataclass(frozen=True)
class Changes:
    """`areas` that changed; `debtor_ids` the debtors concerned (`None`: any debtor may be, e.g. an import)."""

    areas: frozenset[Area] = frozenset()
    debtor_ids: frozenset[int] | None = field(default_factory=frozenset)

    @classmethod
    def of(cls, *areas: Area) -> Changes:
        """A change that concerns no debtor in particular (settings, saved conditions …)."""
        return cls(frozenset(areas))

    @classmethod
    def of_debtor(cls, debtor_id: int, *areas: Area) -> Changes:
        return cls(frozenset(areas), frozenset({debtor_id}))

    @classmethod
    def of_every_debtor(cls, *areas: Area) -> Changes:
        return cls(frozenset(areas), None)

    @property
    def empty(self) -> bool:
        return not self.areas

    def touches(self, *areas: Area) -> bool:
        """True when any of `areas` changed."""
        return not self.areas.isdisjoint(areas)

    def touches_debtor(self, debtor_id: int | None, areas: frozenset[Area] = DEBTOR_FILE) -> bool:
        """True when something in `areas` (by default: anything on the card) changed for `debtor_id`."""
        if debtor_id is None or self.areas.isdisjoint(areas):
            return False
        return self.debtor_ids is None or debtor_id in self.debtor_ids

    def __or__(self, other: Changes) -> Changes:
        debtors = (
            None
            if self.debtor_ids is None or other.debtor_ids is None
            else self.debtor_ids | other.debtor_ids
        )
        return Changes(self.areas | other.areas, debtors)


NOTHING = Changes()


@dataclass(frozen=True)
class Changed[T]:
    """What a changing service function returns: the value it made and what changed."""

    value: T
    changes: Changes
