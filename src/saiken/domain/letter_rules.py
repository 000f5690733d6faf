"""Who must not be written to (pure): the reasons a debtor is left out of a letter batch.

A batch never writes to a debtor who
- has paid in full (状況 完納) or whose claim is time-barred (時効完成): nothing can be asked for;
- owes nothing on the letter date (未納額なし);
- keeps an instalment plan in good standing (分納履行中), for a 督促状 or a 催告書: demanding the whole
  sum from someone who keeps the agreed plan would break the agreement;
- is marked 回収困難, unless the batch asks for them (`include_difficult`);
- has no address to send to;
- was sent a letter that came back 宛所不明 and has had no new address since, unless asked
  (`include_returned`): the same envelope would only come back again;
and an agreement or a pledge needs the debtor's instalment plan (分納計画なし otherwise).
A reissue request goes to the ward, so only 完納 and 時効完成 leave a debtor out of it.
"""

from __future__ import annotations

from dataclasses import dataclass

from saiken.domain.debtor_status import DIFFICULT, PAID_IN_FULL, TIME_BARRED
from saiken.domain.letter_kinds import LetterKind

PAID = "完納"
BARRED = "時効完成"
NOTHING_OWED = "未納額なし"
PLAN_KEPT = "分納を履行中"
DIFFICULT_REASON = "回収困難（対象に含める指定なし）"
NO_ADDRESS = "送付先住所なし"
RETURNED = "前回の送付が宛所不明で返戻（住所を確認してください）"
NO_PLAN = "分納計画なし"


@dataclass(frozen=True)
class DebtorStanding:
    """What the skip rules look at, for one debtor on the letter date."""

    status: str
    total_remaining: int
    has_address: bool
    plan_in_good_standing: bool  # a running plan with no missed instalment
    has_plan: bool  # a plan that is running (in good standing or not)
    returned_undeliverable: bool  # the latest letter came back 宛所不明, address unchanged since


def skip_reason(
    kind: LetterKind,
    standing: DebtorStanding,
    *,
    include_difficult: bool = False,
    include_returned: bool = False,
) -> str | None:
    """Why the debtor is left out of a batch of `kind`, or None when a letter is to be made."""
    if standing.status == PAID_IN_FULL:
        return PAID
    if standing.status == TIME_BARRED:
        return BARRED
    if kind.to_ward:
        return None
    if standing.total_remaining <= 0:
        return NOTHING_OWED
    if kind.is_demand and standing.plan_in_good_standing:
        return PLAN_KEPT
    if standing.status == DIFFICULT and not include_difficult:
        return DIFFICULT_REASON
    if not standing.has_address:
        return NO_ADDRESS
    if standing.returned_undeliverable and not include_returned:
        return RETURNED
    if kind.needs_plan and not standing.has_plan:
        return NO_PLAN
    return None
