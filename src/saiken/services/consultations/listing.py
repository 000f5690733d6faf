"""Listings of consultation records that leave the application (DESIGN §5: a file or `--json` is an export).

`export_consultations(s, flt, limit=None)` needs Capability.EXPORT and is audited `export.consultations`
with its filter and the number of rows. The filter is recorded without personal data: the search text as
the first 16 hex digits of the SHA-256 of its folded form (`search_digest`, so a supervisor can check
whether a given name was searched by computing the same digest), the other fields as they are (dates,
form, category, ids). `list_consultations` is the same listing for a person at a terminal (Capability.READ,
audited `consultation.list` with the same details).
"""

from __future__ import annotations

import hashlib
from typing import Any

from saiken.domain.errors import ValidationError
from saiken.domain.roles import Capability
from saiken.domain.textfold import fold
from saiken.services.consultations import consultation_query
from saiken.services.consultations.rows import ConsultationRow
from saiken.services.consultations.search import MAX_PAGE, ConsultationFilter, rows_by_ids, to_query
from saiken.services.context import VaultSession, unit_of_work

MAX_ROWS = 200_000


def search_digest(text: str) -> str:
    return hashlib.sha256(fold(text).encode("utf-8")).hexdigest()[:16]


def filter_details(flt: ConsultationFilter) -> dict[str, Any]:
    """The filter as audit details: never the search text itself."""
    details: dict[str, Any] = {}
    if flt.text.strip():
        details["search_digest"] = search_digest(flt.text)
    for name in ("date_from", "date_to"):
        value = getattr(flt, name)
        if value is not None:
            details[name] = value.isoformat()
    for name in ("consultant_id", "form", "category", "business_id"):
        value = getattr(flt, name)
        if value is not None:
            details[name] = value
    return details


def _rows(s: VaultSession, flt: ConsultationFilter, limit: int | None, action: str) -> list[ConsultationRow]:
    if limit is not None and (isinstance(limit, bool) or not 1 <= limit <= MAX_ROWS):
        raise ValidationError(f"件数の上限は1〜{MAX_ROWS:,}で指定してください。")
    wanted = limit or MAX_ROWS
    query = to_query(flt)
    with unit_of_work(s) as work:
        ids = consultation_query.matching(work.session, query)
        total = consultation_query.count_filtered(work.session, query) if ids is None else len(ids)
        order = consultation_query.page_of(
            work.session, query, ids, total, offset=0, limit=min(wanted, total or 1)
        )
        rows: list[ConsultationRow] = []
        for start in range(0, len(order), MAX_PAGE):
            rows += rows_by_ids(work.session, order[start : start + MAX_PAGE])
        work.audit(action, rows=len(rows), filter=filter_details(flt))
        return rows


def export_consultations(
    s: VaultSession, flt: ConsultationFilter, *, limit: int | None = None
) -> list[ConsultationRow]:
    """Every current record matching `flt`, newest first (at most `limit`), to be written out."""
    s.require(Capability.EXPORT)
    return _rows(s, flt, limit, "export.consultations")


def list_consultations(
    s: VaultSession, flt: ConsultationFilter, *, limit: int | None = None
) -> list[ConsultationRow]:
    """The same records, to be shown to the person at the terminal."""
    s.require(Capability.READ)
    return _rows(s, flt, limit, "consultation.list")
