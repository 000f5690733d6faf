"""Fictional letters: a fictional sender and the inputs of a letter to a fictional debtor (pure, seeded).

For the template editor's live preview, the golden renderings, the benchmark and the demo. The debtor
comes from `saiken.domain.fictional.generate_debtors`; the amounts from the charges engine on the letter
date, exactly as a batch computes them; a debtor with a payment has it on the day after the due date + 30.
"""

from __future__ import annotations

import datetime as dt

from saiken.domain.charges import Payment, compute_charges
from saiken.domain.fictional import FictionalDebtor, generate_debtors
from saiken.domain.instalments import Instalment, add_months, monthly_schedule
from saiken.domain.letter_kinds import LetterKind, fiscal_year_of, format_document_number
from saiken.domain.letter_values import Amounts, Letterhead, LetterInputs
from saiken.domain.limitation import ClaimNature

FICTIONAL_LETTERHEAD = Letterhead(
    ward="架空区",
    ward_head_title="架空区長",
    ward_head_name="山本　一郎",
    ward_department="文化観光産業部産業振興課",
    ward_postal_code="160-8484",
    ward_address="東京都架空区歌舞伎町1丁目4番1号",
    ward_phone="03-0000-0000",
    firm="架空法律事務所",
    firm_postal_code="101-0000",
    firm_address="東京都千代田区神田1丁目1番1号",
    firm_phone="03-0000-1111",
    bank_account="同封の納付書により、金融機関の窓口で納付してください。",
    claim_name="新宿区中小企業支援補助金（架空）返還金",
    number_prefix="架債",
)
LETTER_DATE = dt.date(2025, 10, 1)
PAY_BY_DAYS = 14
FICTIONAL_HANDLER = "田中　花子"


def fictional_payments(debtor: FictionalDebtor) -> list[Payment]:
    if not debtor.paid:
        return []
    return [Payment(debtor.due_date + dt.timedelta(days=30), debtor.paid)]


def amounts_of(debtor: FictionalDebtor, as_of: dt.date) -> Amounts:
    result = compute_charges(
        debtor.principal,
        due=debtor.due_date,
        as_of=as_of,
        received=debtor.received_date,
        payments=fictional_payments(debtor),
    )
    return Amounts(
        as_of=as_of,
        principal=result.principal,
        paid=result.total_paid,
        principal_remaining=result.principal_remaining,
        additional_charge=result.additional_charge_remaining,
        late_charge=result.late_charge_remaining,
        total=result.total_remaining,
    )


def fictional_letter_inputs(
    kind: LetterKind | str,
    *,
    seed: int = 7,
    index: int = 0,
    letter_date: dt.date = LETTER_DATE,
    nature: ClaimNature | str = ClaimNature.PUBLIC,
    number: int = 12,
    debtor: FictionalDebtor | None = None,
) -> LetterInputs:
    """The inputs of a letter of `kind` to the `index`-th fictional debtor of `seed` (module docstring)."""
    kind = LetterKind(kind)
    if debtor is None:
        debtor = generate_debtors(index + 1, seed=seed)[index]
    amounts = amounts_of(debtor, letter_date)
    plan: tuple[Instalment, ...] = ()
    if kind.needs_plan and amounts.total:
        first = add_months(letter_date.replace(day=1), 1, 31)
        plan = monthly_schedule(amounts.total, min(12, amounts.total), first, 31)
    return LetterInputs(
        kind=kind,
        nature=ClaimNature(nature),
        debtor_kind=debtor.kind,
        debtor_name=debtor.name,
        representative=debtor.representative,
        postal_code=debtor.postal_code,
        address=debtor.address,
        management_no=debtor.management_no,
        claim_name=FICTIONAL_LETTERHEAD.claim_name,
        fiscal_year=debtor.fiscal_year,
        decision_date=debtor.decision_date,
        order_date=debtor.order_date,
        due_date=debtor.due_date,
        amounts=amounts,
        letter_date=letter_date,
        document_number=format_document_number(
            fiscal_year_of(letter_date), FICTIONAL_LETTERHEAD.number_prefix, number
        ),
        pay_by=letter_date + dt.timedelta(days=PAY_BY_DAYS),
        handler=FICTIONAL_HANDLER,
        letterhead=FICTIONAL_LETTERHEAD,
        plan=plan,
    )
