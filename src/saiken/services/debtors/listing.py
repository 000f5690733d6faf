"""Listings of debtors that the command line prints (DESIGN §5: a listing of personal data that leaves the
application — a file, `--json`, output into another program — is an export).

`list_debtors(s, flt, *, limit=None, export)` returns every matching row in one transaction that also
writes its audit entry: `export.debtor_listing` (needs Capability.EXPORT: a supervisor) when the listing
leaves the application, `debtor.list` (Capability.READ) when it is only shown on a terminal. Both record
the filter (`filter_summary`: which kinds of condition, never the text searched for) and the count.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from saiken.domain.roles import Capability
from saiken.services.context import VaultSession, unit_of_work
from saiken.services.debtors.search import MAX_PAGE, DebtorFilter, DebtorListRow, check_filter, query_page


@dataclass(frozen=True)
class Listing:
    rows: list[DebtorListRow]
    total: int  # how many match (rows may be fewer when a limit was given)
    exported: bool


def filter_summary(flt: DebtorFilter) -> dict[str, Any]:
    """What a filter asked for, fit for the audit log: the conditions, but of a text search only that
    there was one (the text may be a person's name)."""
    summary: dict[str, Any] = {"search_text": bool(flt.text.strip())}
    if flt.statuses:
        summary["statuses"] = sorted(flt.statuses)
    if flt.handler is not None:
        summary["handler"] = flt.handler or "(未割当)"
    if flt.tags:
        summary["tags"] = sorted(flt.tags)
    for name, low, high in (
        ("balance", flt.min_balance, flt.max_balance),
        ("due", flt.due_from, flt.due_to),
        ("next_action", flt.next_action_from, flt.next_action_to),
    ):
        if low is not None or high is not None:
            summary[name] = [None if v is None else str(v) for v in (low, high)]
    return summary


def list_debtors(
    s: VaultSession, flt: DebtorFilter, *, limit: int | None = None, export: bool, output: str = "text"
) -> Listing:
    """Every debtor matching `flt` (at most `limit`), audited with its filter and count."""
    s.require(Capability.EXPORT if export else Capability.READ)
    check_filter(flt)
    today = s.clock.today()
    rows: list[DebtorListRow] = []
    with unit_of_work(s) as work:
        total = 0
        while limit is None or len(rows) < limit:
            size = MAX_PAGE if limit is None else min(MAX_PAGE, limit - len(rows))
            page = query_page(work.session, flt, today, offset=len(rows), limit=size)
            total = page.total
            rows.extend(page.rows)
            if not page.rows or len(rows) >= total:
                break
        work.audit(
            "export.debtor_listing" if export else "debtor.list",
            target_type="debtor",
            count=len(rows),
            total=total,
            output=output,
            **filter_summary(flt),
        )
    return Listing(rows=rows, total=total, exported=export)
