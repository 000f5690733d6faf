"""The 計算書 (charge statement) as a document: made in memory for the preview, printed, or saved as PDF.

- `statement_document` makes the PDF of the main claim's charges as of a day (READ; audited
  `debtor.charge_statement` with `document=pdf`, as showing the statement on screen is).
- `record_statement_printed` audits that it went to a printer (`document.print`, the page count).
- `save_statement` writes it to a file the person chose (EXPORT: a file of personal data leaving the
  application; audited `export.charge_statement`), protected with a password when one is given.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from sqlalchemy.orm import Session

from saiken.domain.allocation import main_claim, payments_by_claim
from saiken.domain.card_totals import claim_charges
from saiken.domain.charges import ChargeResult
from saiken.domain.errors import NotFoundError, ValidationError
from saiken.domain.roles import Capability
from saiken.domain.wareki import format_fiscal_year, format_wareki
from saiken.exchange.pdf.charge_statement import StatementFacts, render_charge_statement
from saiken.services.context import VaultSession, unit_of_work
from saiken.services.debtors.card import load_claims, profile_named
from saiken.services.debtors.common import check_date, debtor_or_404
from saiken.services.debtors.payments import list_payments
from saiken.store.models import Engagement, Setting

CORPORATE_KINDS = ("法人", "corporate", "corporation")


@dataclass(frozen=True)
class StatementDocument:
    debtor_id: int
    management_no: str
    as_of: dt.date
    result: ChargeResult
    pdf: bytes
    pages: int

    @property
    def suggested_name(self) -> str:
        """A file name for the save dialog: 計算書_T-001_令和7年9月16日.pdf."""
        return f"計算書_{self.management_no}_{format_wareki(self.as_of)}.pdf"


def _facts(session: Session, vault: VaultSession, debtor_id: int, as_of: dt.date) -> StatementFacts:
    debtor = debtor_or_404(session, debtor_id)
    claims = load_claims(session, debtor.id)
    main = main_claim(claims)
    if main is None:
        raise NotFoundError("この債務者には債権が登録されていないため、計算書を作れません。")
    engagement = session.get(Engagement, debtor.engagement_id)
    profile = profile_named(engagement.rule_profile if engagement else None)
    payments = payments_by_claim(claims, list_payments(session, debtor.id))[main.id]
    result, note = claim_charges(main, payments, profile, as_of)
    org = session.get(Setting, "org_name")
    return StatementFacts(
        debtor_name=debtor.name,
        is_organisation=debtor.kind in CORPORATE_KINDS,
        management_no=debtor.management_no,
        programme=main.programme,
        fiscal_year=format_fiscal_year(main.fiscal_year) if main.fiscal_year else "",
        principal=main.principal,
        received=[(t.received_on, t.amount) for t in main.tranches],
        order_date=main.order_date,
        due_date=main.due_date,
        organisation=(org.value if org else "") or vault.org_name,
        created_on=vault.clock.today(),
        result=result,
        profile=profile,
        note=note or "",
    )


def _pages(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def statement_document(s: VaultSession, debtor_id: int, *, as_of: dt.date | None = None) -> StatementDocument:
    """The statement of the debtor's main claim as of `as_of` (default: today), as PDF bytes in memory."""
    s.require(Capability.READ)
    as_of = check_date(as_of, "基準日", required=False) or s.clock.today()
    with unit_of_work(s) as work:
        facts = _facts(work.session, s, debtor_id, as_of)
        pdf = render_charge_statement(facts)
        work.audit("debtor.charge_statement", target_type="debtor", target_id=debtor_id, document="pdf")
    return StatementDocument(debtor_id, facts.management_no, as_of, facts.result, pdf, _pages(pdf))


def record_statement_printed(s: VaultSession, debtor_id: int, *, as_of: dt.date, pages: int) -> None:
    """Audit that the statement as of `as_of` went to a printer (`document.print`)."""
    s.require(Capability.READ)
    if isinstance(pages, bool) or not isinstance(pages, int) or pages < 1:
        raise ValidationError("印刷したページ数が正しくありません。")
    with unit_of_work(s) as work:
        debtor_or_404(work.session, debtor_id)
        work.audit(
            "document.print",
            target_type="debtor",
            target_id=debtor_id,
            document="charge_statement",
            as_of=check_date(as_of, "基準日").isoformat(),
            pages=pages,
        )


def save_statement(
    s: VaultSession, path: Path | str, debtor_id: int, as_of: dt.date, *, password: Any = None
) -> Any:
    """Write the statement as of `as_of` to `path` (a .pdf), protected with `password` (a
    `file_protection.FilePassword`) unless None. Needs the export right; audited `export.charge_statement`."""
    from saiken.services.file_protection import save_personal_file

    s.require(Capability.EXPORT)
    as_of = check_date(as_of, "基準日")
    if Path(path).suffix.lower() != ".pdf":
        raise ValidationError(f"保存先「{Path(path).name}」は .pdf のファイル名にしてください。")
    with unit_of_work(s) as work:
        pdf = render_charge_statement(_facts(work.session, s, debtor_id, as_of))
        saved = save_personal_file(s, path, pdf, title="計算書", password=password)
        work.audit(
            "export.charge_statement",
            target_type="debtor",
            target_id=debtor_id,
            as_of=as_of.isoformat(),
            **saved.audit_details(),
        )
    return saved
