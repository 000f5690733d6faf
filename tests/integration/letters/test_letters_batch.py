"""A batch of letters from the ward's sample, as the clerk and the ward check it (issue 8, Must hold)."""

from __future__ import annotations

import io
import json
import re
import tempfile

import pytest
from letters_helpers import approve, as_role
from pypdf import PdfReader
from sqlalchemy import func, select

from saiken.cli import main as cli
from saiken.domain.errors import PermissionDeniedError, ValidationError
from saiken.domain.letter_template import TemplateError
from saiken.domain.roles import Role
from saiken.services.context import read_session
from saiken.services.debtors import get_card
from saiken.services.debtors.search import DebtorFilter, search_debtors
from saiken.services.letters import BatchRequest, list_templates, make_letters, preview_letters, save_template
from saiken.store.models import (
    AuditEntry,
    Debtor,
    DocumentSent,
    DocumentSequence,
    LetterBatch,
    TemplateVersion,
)


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _all_ids(vault) -> list[int]:
    return [row.id for row in search_debtors(vault, DebtorFilter(), limit=100).rows]


def _counts(vault) -> dict[str, int]:
    with read_session(vault) as session:
        return {
            model.__tablename__: session.scalar(select(func.count()).select_from(model)) or 0
            for model in (AuditEntry, DocumentSent, DocumentSequence, LetterBatch, TemplateVersion)
        }


@pytest.fixture
def private_temp(tmp_path, monkeypatch):
    """A temp folder of our own, to show that making letters leaves nothing in it."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def test_the_ward_sample_gives_a_letter_to_every_debtor_with_name_total_wareki_and_fonts(
    ward_vault, private_temp
):
    approve(ward_vault, "demand")
    ids = _all_ids(ward_vault)
    result = make_letters(ward_vault, BatchRequest(kind="demand", debtor_ids=tuple(ids)))
    assert len(result.letters) == 58 and result.skipped == ()
    assert result.pages >= 58
    reader = PdfReader(io.BytesIO(result.pdf))
    assert len(reader.pages) == result.pages
    pages = [_flat(page.extract_text()) for page in reader.pages]
    starts = [0]
    for letter in result.letters[:-1]:
        starts.append(starts[-1] + letter.pages)
    for letter, start in zip(result.letters, starts, strict=True):
        card = get_card(ward_vault, letter.debtor_id, as_of=result.letter_date)
        text = "".join(pages[start : start + letter.pages])
        assert _flat(card.name) in text, card.management_no
        assert f"{card.totals.total:,}円" in text, card.management_no
        assert letter.document_number in text and card.management_no in text
        assert "令和7年9月16日" in text
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            assert "/FontFile2" in descendant["/FontDescriptor"].get_object(), font["/BaseFont"]
            fonts.add(str(font["/BaseFont"]).split("+")[-1])
    assert fonts <= {"IPAexMincho", "IPAexGothic"}
    assert list(private_temp.iterdir()) == []


def test_the_breakdown_on_a_letter_equals_saiken_charges_for_the_same_debtor_and_date(ward_vault, capsys):
    approve(ward_vault, "demand")
    ids = _all_ids(ward_vault)
    result = make_letters(ward_vault, BatchRequest(kind="demand", debtor_ids=tuple(ids)))
    reader = PdfReader(io.BytesIO(result.pdf))
    page = 0
    checked_with_payment = 0
    for letter in result.letters:
        card = get_card(ward_vault, letter.debtor_id, as_of=result.letter_date)
        (claim,) = card.claims
        arguments = [
            "charges",
            "--principal", str(claim.principal),
            "--received", claim.tranches[0].received_on.isoformat(),
            "--due", claim.due_date.isoformat(),
            "--as-of", result.letter_date.isoformat(),
            "--json",
        ]  # fmt: skip
        for payment in card.payments:
            arguments += ["--payment", f"{payment.paid_on.isoformat()}:{payment.amount}"]
            checked_with_payment += 1
        assert cli(arguments) == 0
        figures = json.loads(capsys.readouterr().out)
        row = "".join(
            f"{v:,}円"
            for v in (
                claim.principal,
                card.totals.paid,
                figures["principal_remaining"],
                figures["additional_charge_remaining"],
                figures["late_charge_remaining"],
                figures["total_remaining"],
            )
        )
        text = "".join(_flat(reader.pages[i].extract_text()) for i in range(page, page + letter.pages))
        assert row in text, card.management_no
        page += letter.pages
    assert checked_with_payment > 0  # some debtors of the sample have paid part


def test_a_letter_from_an_unapproved_template_is_refused_and_nothing_is_written(ward_vault):
    before = _counts(ward_vault)
    list_templates(ward_vault)  # the shipped drafts are in (and their audit entry)
    before = _counts(ward_vault)
    with pytest.raises(ValidationError, match="承認済みの督促状のひな形がない"):
        make_letters(ward_vault, BatchRequest(kind="demand", debtor_ids=tuple(_all_ids(ward_vault))))
    (demand,) = list_templates(ward_vault, kind="demand")
    with pytest.raises(ValidationError, match="下書きのため、文書を作れません"):
        make_letters(
            ward_vault,
            BatchRequest(kind="demand", debtor_ids=(1,), template_version_id=demand.latest.id),
        )
    assert _counts(ward_vault) == before


def test_a_batch_by_a_viewer_is_refused_and_nothing_is_written(ward_vault):
    approve(ward_vault, "demand")
    viewer = as_role(ward_vault, Role.VIEWER, "etsuran")  # adding the member is audited: count after it
    before = _counts(ward_vault)
    with pytest.raises(PermissionDeniedError, match="閲覧者"):
        make_letters(viewer, BatchRequest(kind="demand", debtor_ids=tuple(_all_ids(ward_vault))))
    assert _counts(ward_vault) == before


def test_a_template_with_an_unknown_field_is_refused_and_nothing_is_written(ward_vault):
    list_templates(ward_vault)
    before = _counts(ward_vault)
    text = (
        "種類: 督促状\n名称: 新しい督促状\n表題: 督促状\n\n[本文]\n　{{納付期日}}までに納付してください。\n"
    )
    with pytest.raises(TemplateError) as caught:
        save_template(ward_vault, text)
    assert "「{{納付期日}}」はありません" in str(caught.value) and "第6行" in str(caught.value)
    assert _counts(ward_vault) == before


def test_a_template_holding_a_debtors_name_from_the_vault_is_refused_without_naming_it(ward_vault):
    with read_session(ward_vault) as session:
        name = session.scalar(select(Debtor.name).order_by(Debtor.id).limit(1))
    text = f"種類: 督促状\n名称: 見本\n表題: 督促状\n\n[本文]\n　{name}　あてのお知らせです。\n"
    with pytest.raises(TemplateError) as caught:
        save_template(ward_vault, text)
    assert "金庫にある債務者の債務者の名称・氏名" in str(caught.value) or "債務者の名称" in str(caught.value)
    assert name not in str(caught.value)


def test_a_preview_writes_nothing_and_uses_no_number(ward_vault):
    approve(ward_vault, "notice")
    before = _counts(ward_vault)
    result = preview_letters(
        ward_vault, BatchRequest(kind="notice", debtor_ids=tuple(_all_ids(ward_vault)[:3]))
    )
    assert result.batch_id is None and len(result.letters) == 3
    assert all(letter.document_id is None for letter in result.letters)
    assert "作成時に付番" in _flat(PdfReader(io.BytesIO(result.pdf)).pages[0].extract_text())
    assert _counts(ward_vault) == before
