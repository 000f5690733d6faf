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
from saiken.services.consultations.rows import ConsultationRow
from saiken.services.consultations.search import MAX_PAGE, ConsultationFilter, query_consultations
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
    with unit_of_work(s) as work:
        rows: list[ConsultationRow] = []
        while len(rows) < wanted:
            page = query_consultations(
                work.session, flt, offset=len(rows), limit=min(MAX_PAGE, wanted - len(rows))
            )
            rows += page.rows
            if not page.rows or len(rows) >= page.total:
                break
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
