"""From a template and one debtor's `LetterInputs` to the `LetterDocument` the letter PDF prints.

One place for both the real batch (`saiken.services.letters`) and the editor's preview with a fictional
debtor, so that what the editor shows is what a batch prints.
"""

from __future__ import annotations

from saiken.domain.addressing import SPACE, addressee_lines
from saiken.domain.letter_template import Addressee, TemplateBody, fill_template
from saiken.domain.letter_values import LetterInputs, letter_values, representative_line
from saiken.exchange.pdf.letter import LetterDocument
from saiken.exchange.pdf.letter_parts import Breakdown, PlanLine, Recipient, SignatureParty


def recipient_of(body: TemplateBody, inputs: LetterInputs) -> Recipient:
    """The window's block: the debtor, or the ward's department for a letter to the ward."""
    if body.addressee is Addressee.WARD:
        head = inputs.letterhead
        ward = head.ward or "区"
        lines = (
            (ward, f"{head.ward_department}{SPACE}御中") if head.ward_department else (f"{ward}{SPACE}御中",)
        )
        return Recipient(head.ward_postal_code, head.ward_address, lines)
    names = addressee_lines(inputs.debtor_name, inputs.debtor_kind, inputs.representative)
    return Recipient(inputs.postal_code, inputs.address, names.lines)


def _signature(inputs: LetterInputs) -> tuple[SignatureParty, ...]:
    debtor_names = tuple(n for n in (inputs.debtor_name, representative_line(inputs)) if n)
    if inputs.kind.value == "pledge":
        return (SignatureParty("誓約者", inputs.address, debtor_names, blank_lines=("電話番号",)),)
    head = inputs.letterhead
    ward_address = head.ward_address or ""
    return (
        SignatureParty("甲", ward_address, (head.ward_head or head.ward,)),
        SignatureParty("乙", inputs.address, debtor_names),
    )


def compose_letter(body: TemplateBody, inputs: LetterInputs) -> LetterDocument:
    """The filled template with its recipient, numbers, breakdown, schedule and signature parties."""
    letter = fill_template(body, letter_values(inputs), inputs.nature)
    money = inputs.amounts
    breakdown = Breakdown(
        as_of=money.as_of,
        principal=money.principal,
        paid=money.paid,
        principal_remaining=money.principal_remaining,
        additional_charge=money.additional_charge,
        late_charge=money.late_charge,
        total=money.total,
    )
    return LetterDocument(
        letter=letter,
        recipient=recipient_of(body, inputs),
        date=inputs.letter_date,
        document_number=inputs.document_number,
        management_no=inputs.management_no,
        breakdown=breakdown,
        plan=tuple(PlanLine(i.number, i.due, i.amount) for i in inputs.plan),
        signature=_signature(inputs) if "署名欄" in letter.blocks else (),
    )
