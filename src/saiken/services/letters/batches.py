"""Letter batches (seed 000 steps ⑥⑦⑪): debtors → one PDF of letters from an approved template version.

`make_letters(s, request)` runs in ONE transaction: choose the approved version, select the debtors (a
saved extraction condition, a selection, one card), leave out those who must not be written to
(`saiken.domain.letter_rules`, each listed with its reason), compute each debtor's figures on the letter
date with the charges engine, take the document numbers of the fiscal year, write one documents-sent
entry per letter (kind, template version, date, number, mailing method, pages) and the batch, lay the
letters out, and write ONE audit entry (`letters.batch`). If anything fails nothing is written, and no
document number is used. The PDF stays in memory: printing and saving are the caller's.

A sent 督促状 or 催告書 is the limitation event the rules give it (statutory demand, demand) through its
documents-sent entry; a returned one counts for nothing (`saiken.services.debtors.card.limitation_of`).
`preview_letters` does the same without writing anything (numbers shown as 「作成時に付番」).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from saiken.domain.errors import NotFoundError, ValidationError
from saiken.domain.letter_kinds import (
    MAIL_METHODS,
    LetterKind,
    TemplateState,
    fiscal_year_of,
    format_document_number,
    letter_kind,
    limitation_event,
)
from saiken.domain.letter_rules import skip_reason
from saiken.domain.letter_template import TemplateBody, parse_template
from saiken.domain.letter_values import missing_letterhead
from saiken.domain.roles import Capability
from saiken.exchange.pdf.letter import LetterDocument, render_letters
from saiken.exchange.pdf.letter_compose import compose_letter
from saiken.exchange.pdf.letter_parts import WindowOffset
from saiken.services.context import VaultSession, Work, unit_of_work
from saiken.services.debtors.search import MAX_PAGE, list_conditions, query_page
from saiken.services.file_protection import FilePassword
from saiken.services.letters.facts import DebtorFacts, debtor_facts, display_name
from saiken.services.letters.files import BatchOutput, check_outputs, write_file
from saiken.services.letters.letterhead import letterhead_of, load_letterhead
from saiken.services.letters.mailing_lists import mail_entry, mailing_documents
from saiken.services.letters.rows import BatchRequest, BatchResult, LetterMade, SkippedDebtor
from saiken.services.letters.templates import ensure_default_templates
from saiken.store.models import (
    Debtor,
    DocumentSent,
    DocumentSequence,
    LetterBatch,
    LetterTemplate,
    TemplateVersion,
)

PREVIEW_NUMBER = "（文書番号は作成時に付番）"
MAX_LETTERS = 5000
EARLIEST_DAYS, LATEST_DAYS = 31, 31


def _approved_version(
    session: Session, kind: LetterKind, version_id: int | None
) -> tuple[TemplateVersion, LetterTemplate]:
    if version_id is not None:
        version = session.get(TemplateVersion, version_id)
        if version is None:
            raise NotFoundError(f"ひな形の版（番号 {version_id}）が見つかりません。")
        template = session.get(LetterTemplate, version.template_id)
        assert template is not None
        if template.kind != kind.value:
            raise ValidationError(
                f"指定した版は{LetterKind(template.kind).label}のひな形です。{kind.label}のひな形を指定してください。"
            )
        if version.state != TemplateState.APPROVED.value:
            raise ValidationError(
                f"「{template.name}」第{version.version}版は{TemplateState(version.state).label}のため、文書を作れません。",
                hint="承認済みの版だけが印刷できます。取扱責任者に承認を依頼してください。",
            )
        return version, template
    rows = session.execute(
        select(TemplateVersion, LetterTemplate)
        .join(LetterTemplate, LetterTemplate.id == TemplateVersion.template_id)
        .where(LetterTemplate.kind == kind.value, TemplateVersion.state == TemplateState.APPROVED.value)
    ).all()
    if not rows:
        raise ValidationError(
            f"承認済みの{kind.label}のひな形がないため、文書を作れません。",
            hint="文書 → ひな形 で取扱責任者が承認してください（saiken template approve）。",
        )
    if len(rows) > 1:
        names = "、".join(f"「{t.name}」（版番号 {v.id}）" for v, t in rows)
        raise ValidationError(
            f"承認済みの{kind.label}のひな形が{len(rows)}つあります: {names}。使う版を指定してください。"
        )
    version, template = rows[0]
    return version, template


def _debtor_ids(s: VaultSession, session: Session, request: BatchRequest) -> list[int]:
    if request.condition and (request.debtor_ids or request.management_nos):
        raise ValidationError("債務者の指定と抽出条件の指定は、どちらか一方にしてください。")
    if request.management_nos:
        found_rows = session.execute(
            select(Debtor.management_no, Debtor.id).where(Debtor.management_no.in_(request.management_nos))
        ).all()
        by_number = {number: debtor_id for number, debtor_id in found_rows}
        unknown = [n for n in request.management_nos if n not in by_number]
        if unknown:
            raise NotFoundError(f"管理番号「{unknown[0]}」の債務者はいません。管理番号を確かめてください。")
        return list(dict.fromkeys([*request.debtor_ids, *(by_number[n] for n in request.management_nos)]))
    if request.condition:
        conditions = dict(list_conditions(s))
        if request.condition not in conditions:
            raise NotFoundError(
                f"抽出条件「{request.condition}」は保存されていません。",
                hint="保存した抽出条件の名前を確かめてください。",
            )
        flt, ids, offset = conditions[request.condition], [], 0
        while True:
            page = query_page(session, flt, s.clock.today(), offset=offset, limit=MAX_PAGE)
            ids += [row.id for row in page.rows]
            offset += MAX_PAGE
            if offset >= page.total or not page.rows:
                return ids
    if not request.debtor_ids:
        raise ValidationError("対象の債務者がありません。一覧で選ぶか、抽出条件を指定してください。")
    ids = list(dict.fromkeys(request.debtor_ids))
    found = set(session.scalars(select(Debtor.id).where(Debtor.id.in_(ids))))
    missing = [i for i in ids if i not in found]
    if missing:
        raise NotFoundError(f"債務者（番号 {missing[0]}）が見つかりません。一覧を開き直してください。")
    return ids


def _dates(s: VaultSession, request: BatchRequest, pay_by_days: int) -> tuple[dt.date, dt.date]:
    today = s.clock.today()
    letter_date = request.letter_date or today
    if not today - dt.timedelta(days=EARLIEST_DAYS) <= letter_date <= today + dt.timedelta(days=LATEST_DAYS):
        raise ValidationError(
            f"文書日付は本日の前後{EARLIEST_DAYS}日以内で指定してください（指定: {letter_date.isoformat()}）。"
        )
    pay_by = request.pay_by or letter_date + dt.timedelta(days=pay_by_days)
    if pay_by <= letter_date:
        raise ValidationError("納付期限は文書日付より後の日にしてください。")
    return letter_date, pay_by


def _take_numbers(session: Session, fiscal_year: int, count: int) -> int:
    """Reserve `count` numbers of the fiscal year; the first of them."""
    sequence = session.get(DocumentSequence, fiscal_year)
    if sequence is None:
        sequence = DocumentSequence(fiscal_year=fiscal_year, last_number=0)
        session.add(sequence)
    first = sequence.last_number + 1
    sequence.last_number += count
    session.flush()
    return first


def _nothing_to_print(skipped: Sequence[SkippedDebtor]) -> ValidationError:
    counts = Counter(item.reason for item in skipped)
    detail = "、".join(f"{reason} {n}件" for reason, n in counts.most_common())
    return ValidationError(
        f"対象の債務者がすべて除外されたため、文書を作りませんでした（{detail}）。",
        hint="回収困難や返戻の債務者も含めるときは、その指定をしてください。",
    )


def _build(s: VaultSession, work: Work, request: BatchRequest, *, record: bool, mailing: bool) -> BatchResult:
    kind = letter_kind(request.kind)
    if request.method not in MAIL_METHODS:
        raise ValidationError(f"郵送方法は次のどれかを選んでください: {'、'.join(MAIL_METHODS)}")
    session = work.session
    ensure_default_templates(work)
    version, _template = _approved_version(session, kind, request.template_version_id)
    body: TemplateBody = parse_template(version.text)
    head_row = load_letterhead(session)
    letterhead = letterhead_of(head_row)
    letter_date, pay_by = _dates(s, request, head_row.pay_by_days)
    ids = _debtor_ids(s, session, request)
    if len(ids) > MAX_LETTERS:
        raise ValidationError(
            f"一度に作れる文書は{MAX_LETTERS:,}通までです（対象 {len(ids):,}件）。条件を絞ってください。"
        )
    chosen: list[DebtorFacts] = []
    skipped: list[SkippedDebtor] = []
    for debtor_id in ids:
        facts = debtor_facts(session, debtor_id, letter_date, claim_name=letterhead.claim_name)
        reason = skip_reason(
            kind,
            facts.standing,
            include_difficult=request.include_difficult,
            include_returned=request.include_returned,
        )
        if reason:
            skipped.append(SkippedDebtor(facts.debtor_id, facts.management_no, reason))
        else:
            chosen.append(facts)
    if not chosen:
        raise _nothing_to_print(skipped)
    fiscal_year = fiscal_year_of(letter_date)
    first = _take_numbers(session, fiscal_year, len(chosen)) if record else 0
    me = display_name(session, s.user.id) or s.user.name
    documents: list[LetterDocument] = []
    numbers: list[str] = []
    for offset, facts in enumerate(chosen):
        number = (
            format_document_number(fiscal_year, letterhead.number_prefix, first + offset)
            if record
            else PREVIEW_NUMBER
        )
        numbers.append(number)
        inputs = facts.inputs(
            kind,
            letter_date=letter_date,
            pay_by=pay_by,
            document_number=number,
            letterhead=letterhead,
            fallback_handler=me,
        )
        documents.append(compose_letter(body, inputs))
    rendered = render_letters(
        documents,
        title=f"{kind.label}（{len(documents)}通）",
        offset=WindowOffset(head_row.window_x_mm, head_row.window_y_mm),
    )
    warnings = [
        f"差出人情報の「{label}」が未登録です（文書には「（未登録）」と印刷されます）。"
        for label in missing_letterhead(letterhead, body.fields)
    ]
    warnings += sorted({f"{f.management_no}: {note}" for f in chosen for note in f.notes})
    event = limitation_event(kind)
    batch_id = None
    document_ids: list[int | None] = [None] * len(chosen)
    if record:
        now = s.clock.now()
        batch = LetterBatch(
            kind=kind.value,
            template_version_id=version.id,
            letter_date=letter_date,
            pay_by=pay_by,
            method=request.method,
            source=request.source,
            condition_name=request.condition or "",
            letters=len(chosen),
            pages=rendered.page_count,
            skipped=len(skipped),
            created_by=s.user.name,
            created_at=now,
        )
        session.add(batch)
        session.flush()
        batch_id = batch.id
        rows = [
            DocumentSent(
                debtor_id=facts.debtor_id,
                kind=kind.label,
                sent_on=letter_date,
                method=request.method,
                tracking_no="",
                batch_id=batch.id,
                template_version_id=version.id,
                document_number=number,
                pages=pages,
                returned_reason="",
                created_by=s.user.name,
                created_at=now,
            )
            for facts, number, pages in zip(chosen, numbers, rendered.pages, strict=True)
        ]
        session.add_all(rows)
        session.flush()
        document_ids = [row.id for row in rows]
        for facts in chosen:
            debtor = session.get(Debtor, facts.debtor_id)
            assert debtor is not None
            debtor.updated_at = now
        work.audit(
            "letters.batch",
            target_type="letter_batch",
            target_id=batch.id,
            kind=kind.value,
            template_version_id=version.id,
            letters=len(chosen),
            pages=rendered.page_count,
            skipped=len(skipped),
            method=request.method,
            source=request.source,
            first_number=first,
            fiscal_year=fiscal_year,
        )
    letters = tuple(
        LetterMade(
            debtor_id=facts.debtor_id,
            management_no=facts.management_no,
            document_number=number,
            document_id=document_id,
            pages=pages,
            limitation_event=event.value if event else None,
        )
        for facts, number, pages, document_id in zip(
            chosen, numbers, rendered.pages, document_ids, strict=True
        )
    )
    papers = (
        mailing_documents(
            [
                mail_entry(i, facts, number, request.method)
                for i, (facts, number) in enumerate(zip(chosen, numbers, strict=True), 1)
            ],
            letterhead=letterhead,
            sent_on=letter_date,
        )
        if mailing
        else None
    )
    return BatchResult(
        batch_id=batch_id,
        kind=kind.value,
        template_version_id=version.id,
        letter_date=letter_date,
        pay_by=pay_by,
        method=request.method,
        pdf=rendered.pdf,
        letters=letters,
        skipped=tuple(skipped),
        warnings=tuple(warnings),
        mail_list_pdf=papers.mail_list_pdf if papers else b"",
        mail_list_xlsx=papers.mail_list_xlsx if papers else b"",
        labels_pdf=papers.labels_pdf if papers else b"",
    )


def build_in(work: Work, request: BatchRequest) -> BatchResult:
    """Make and record a batch inside `work` (the demo's transaction); the caller has checked the rights."""
    return _build(work.vault, work, request, record=True, mailing=False)


def make_letters(
    s: VaultSession,
    request: BatchRequest,
    *,
    mailing: bool = False,
    outputs: Sequence[BatchOutput] = (),
    password: FilePassword | None = None,
) -> BatchResult:
    """Make and record a batch (module docstring); with `mailing`, also the registered-mail list (PDF and
    .xlsx) and the address labels. EDIT: a viewer is refused before anything is read.

    `outputs` are files to save the batch to in the same transaction (an export: a supervisor), protected
    with `password` when given: if one cannot be written, the files already written are removed and
    nothing of the batch is recorded."""
    s.require(Capability.EDIT)
    if outputs:
        s.require(Capability.EXPORT)
        check_outputs(outputs)
    with unit_of_work(s) as work:
        result = _build(
            s, work, request, record=True, mailing=mailing or any(o.what != "letters" for o in outputs)
        )
        written: list[Path] = []
        try:
            for output in outputs:
                data = {
                    "letters": result.pdf,
                    "mail_list": result.mail_list_pdf,
                    "mail_list_xlsx": result.mail_list_xlsx,
                    "labels": result.labels_pdf,
                }[output.what]
                write_file(
                    work, output.path, data, what=output.what, batch_id=result.batch_id, password=password
                )
                written.append(output.path)
        except BaseException:
            for path in written:
                path.unlink(missing_ok=True)
            raise
        return result


def preview_letters(s: VaultSession, request: BatchRequest, *, mailing: bool = False) -> BatchResult:
    """The batch as it would be printed, with nothing written (no number used, no entry, no audit)."""
    s.require(Capability.READ)
    with unit_of_work(s) as work:
        return _build(s, work, request, record=False, mailing=mailing)
