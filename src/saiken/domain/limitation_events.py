"""Which events of a debtor file renew or suspend limitation (時効), for `limitation.compute_limitation`.

- Every effective payment is an acknowledgement (承認): it renews. (Reversed payments never reach here:
  see `allocation.effective_payments`.)
- A signed instalment plan (分割納付誓約書・合意書) is an acknowledgement on its agreement day: it renews. A plan
  that was cancelled (replaced by a later one, 取消) is left out: the replacing plan's own agreement counts.
- A letter sent counts only when it reached the debtor (not returned undelivered, 返戻): a 督促状 is the
  statutory demand (督促, which `compute_limitation` treats as renewing once for a public-law claim), a
  催告書 is a demand (催告: suspends completion for six months, once). Other letters (合意書, 納付書 …) have
  no effect of their own.
- Events dated before the start of the period (the due date) are left out: the period had not begun.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from saiken.domain.limitation import EventKind, LimitationEvent

STATUTORY_DEMAND_KINDS = ("督促状",)
DEMAND_KINDS = ("催告書",)


@dataclass(frozen=True)
class Pledge:
    agreed_on: dt.date
    cancelled: bool = False


@dataclass(frozen=True)
class LetterSent:
    kind: str  # 督促状, 催告書, 合意書 … (the document kinds of the sending log)
    sent_on: dt.date
    returned: bool = False  # came back undelivered


def limitation_events(
    start: dt.date,
    *,
    payments: Iterable[dt.date] = (),
    pledges: Iterable[Pledge] = (),
    letters: Iterable[LetterSent] = (),
) -> list[LimitationEvent]:
    """The events that count for a claim whose period starts at `start`, in the order given (payments,
    pledges, letters); `compute_limitation` sorts them by date."""
    events = [LimitationEvent(EventKind.PAYMENT, day) for day in payments]
    events += [LimitationEvent(EventKind.PLEDGE, p.agreed_on) for p in pledges if not p.cancelled]
    for letter in letters:
        if letter.returned:
            continue  # never reached the debtor: no demand
        if letter.kind in STATUTORY_DEMAND_KINDS:
            events.append(LimitationEvent(EventKind.STATUTORY_DEMAND, letter.sent_on))
        elif letter.kind in DEMAND_KINDS:
            events.append(LimitationEvent(EventKind.DEMAND, letter.sent_on))
    return [e for e in events if e.on >= start]
