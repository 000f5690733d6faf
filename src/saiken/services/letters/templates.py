"""Letter templates and their versions (seed 000 steps ①②): drafted without personal data, approved by a
supervisor, retired when replaced. Only an approved version prints.

- A new vault gets the shipped templates (`resources/templates/*.txt`) as drafts: they are put in the first
  time templates are listed (`ensure_default_templates`, audited `template.defaults`), so every vault,
  new or migrated, starts with them.
- `save_template(s, text, template_id=None)`: a new template, or a new draft version of one; the text is
  checked (`saiken.domain.letter_template.check_template`: structure, fields, personal-data patterns) and
  against the vault's own debtors (no name, representative, address, phone number or management number
  held in the vault may appear in it). Refused with every problem and nothing written. EDIT.
- `approve_version` (APPROVE_TEMPLATES: a supervisor): draft → approved; the template's previously
  approved version is retired in the same transaction. `retire_version` (supervisor): approved or draft →
  retired. A version's text is never changed after it is saved.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from saiken.domain.errors import NotFoundError, PermissionDeniedError, ValidationError
from saiken.domain.letter_kinds import LetterKind, TemplateState, check_transition, letter_kind
from saiken.domain.letter_template import TemplateBody, TemplateError, TemplateProblem, check_template
from saiken.domain.roles import Capability
from saiken.domain.textfold import fold
from saiken.resources import resources_dir
from saiken.services.context import VaultSession, Work, unit_of_work
from saiken.services.letters.rows import TemplateChange, TemplateRow, TemplateText, VersionRow
from saiken.store.models import Debtor, LetterTemplate, TemplateVersion

DEFAULT_ORDER = ("demand", "notice", "agreement", "pledge", "reissue")
SYSTEM = "system"


def version_row(version: TemplateVersion) -> VersionRow:
    return VersionRow(
        id=version.id,
        template_id=version.template_id,
        version=version.version,
        state=version.state,
        state_label=TemplateState(version.state).label,
        source=version.source,
        note=version.note,
        created_by=version.created_by,
        created_at=version.created_at,
        approved_by=version.approved_by,
        approved_at=version.approved_at,
        retired_at=version.retired_at,
    )


def template_row(session: Session, template: LetterTemplate) -> TemplateRow:
    versions = session.scalars(
        select(TemplateVersion)
        .where(TemplateVersion.template_id == template.id)
        .order_by(TemplateVersion.version.desc())
    )
    kind = LetterKind(template.kind)
    return TemplateRow(
        template.id, kind.value, kind.label, template.name, tuple(version_row(v) for v in versions)
    )


def default_texts() -> list[str]:
    folder = resources_dir() / "templates"
    return [(folder / f"{name}.txt").read_text(encoding="utf-8") for name in DEFAULT_ORDER]


def ensure_default_templates(work: Work) -> int:
    """Put the shipped templates in as drafts when the vault has no template yet; how many were added."""
    if work.session.scalar(select(func.count()).select_from(LetterTemplate)):
        return 0
    now = work.vault.clock.now()
    for text in default_texts():
        body = check_template(text)
        template = LetterTemplate(kind=body.kind.value, name=body.name, created_by=SYSTEM, created_at=now)
        work.session.add(template)
        work.session.flush()
        work.session.add(
            TemplateVersion(
                template_id=template.id,
                version=1,
                state=TemplateState.DRAFT.value,
                text=text,
                source="default",
                note="同梱のひな形",
                created_by=SYSTEM,
                created_at=now,
            )
        )
    work.session.flush()
    work.audit("template.defaults", target_type="letter_template", count=len(DEFAULT_ORDER))
    return len(DEFAULT_ORDER)


def list_templates(s: VaultSession, *, kind: str | None = None) -> list[TemplateRow]:
    """Every template (of `kind`), by kind then name, with its versions newest first."""
    s.require(Capability.READ)
    wanted = letter_kind(kind).value if kind else None
    with unit_of_work(s) as work:
        ensure_default_templates(work)
        query = select(LetterTemplate)
        if wanted:
            query = query.where(LetterTemplate.kind == wanted)
        templates = list(work.session.scalars(query))
        templates.sort(key=lambda t: (DEFAULT_ORDER.index(t.kind), t.name))
        return [template_row(work.session, t) for t in templates]


def _version_or_404(session: Session, version_id: object) -> TemplateVersion:
    if isinstance(version_id, bool) or not isinstance(version_id, int):
        raise ValidationError("ひな形の版の番号は整数で指定してください。")
    version = session.get(TemplateVersion, version_id)
    if version is None:
        raise NotFoundError(f"ひな形の版（番号 {version_id}）が見つかりません。一覧を開き直してください。")
    return version


def get_template_text(s: VaultSession, version_id: int) -> TemplateText:
    s.require(Capability.READ)
    with unit_of_work(s) as work:
        version = _version_or_404(work.session, version_id)
        template = work.session.get(LetterTemplate, version.template_id)
        assert template is not None
        return TemplateText(template_row(work.session, template), version_row(version), version.text)


_DEBTOR_COLUMNS = (
    (Debtor.name, "債務者の名称・氏名"),
    (Debtor.representative, "代表者"),
    (Debtor.address, "住所"),
    (Debtor.mailing_address, "送付先住所"),
    (Debtor.phone, "電話番号"),
    (Debtor.phone2, "電話番号"),
    (Debtor.management_no, "管理番号"),
)


def _vault_data_problems(session: Session, text: str) -> list[TemplateProblem]:
    """Problems for any debtor data held in the vault that the text contains (never naming the data).
    Compared folded (kana, width, variant kanji, spaces and hyphens), values of 4 folded characters or more."""
    lines = [fold(line) for line in text.splitlines()]
    whole = "\n".join(lines)
    problems: dict[tuple[int, str], TemplateProblem] = {}
    for row in session.execute(select(*(column for column, _ in _DEBTOR_COLUMNS))):
        for value, (_, label) in zip(row, _DEBTOR_COLUMNS, strict=True):
            key = fold(value or "")
            if len(key) < 4 or key not in whole:
                continue
            for number, line in enumerate(lines, start=1):
                if key in line:
                    message = (
                        f"金庫にある債務者の{label}がそのまま書かれています。差し込み項目を使ってください。"
                    )
                    problems[(number, message)] = TemplateProblem(number, 1, message)
    return sorted(problems.values(), key=lambda p: (p.line, p.column))


def check_template_text(session: Session, text: str) -> TemplateBody:
    """Every check a template must pass before it is saved: TemplateError listing every problem."""
    try:
        body = check_template(text)
    except TemplateError as error:
        raise TemplateError(
            sorted([*error.problems, *_vault_data_problems(session, text)], key=lambda p: (p.line, p.column))
        ) from None
    vault_problems = _vault_data_problems(session, text)
    if vault_problems:
        raise TemplateError(vault_problems)
    return body


def save_template(
    s: VaultSession, text: str, *, template_id: int | None = None, note: str = ""
) -> TemplateChange:
    """A new template (template_id None) or a new draft version of one (module docstring). EDIT."""
    s.require(Capability.EDIT)
    if len(note) > 256:
        raise ValidationError("版のメモが長すぎます（256文字まで）。")
    with unit_of_work(s) as work:
        ensure_default_templates(work)
        body = check_template_text(work.session, text)
        now = s.clock.now()
        if template_id is None:
            if work.session.scalar(select(LetterTemplate.id).where(LetterTemplate.name == body.name)):
                raise ValidationError(
                    f"名称「{body.name}」のひな形は既にあります。",
                    hint="そのひな形の新しい版として保存するか、名称を変えてください。",
                )
            template = LetterTemplate(
                kind=body.kind.value, name=body.name, created_by=s.user.name, created_at=now
            )
            work.session.add(template)
            work.session.flush()
        else:
            found = work.session.get(LetterTemplate, template_id)
            if found is None:
                raise NotFoundError(
                    f"ひな形（番号 {template_id}）が見つかりません。一覧を開き直してください。"
                )
            template = found
            if body.kind.value != template.kind:
                raise ValidationError(
                    f"このひな形は{LetterKind(template.kind).label}です。種類を変えるときは新しいひな形として保存してください。"
                )
            if body.name != template.name:
                clash = work.session.scalar(
                    select(LetterTemplate.id).where(
                        LetterTemplate.name == body.name, LetterTemplate.id != template.id
                    )
                )
                if clash:
                    raise ValidationError(
                        f"名称「{body.name}」のひな形は既にあります。名称を変えてください。"
                    )
                template.name = body.name
        number = (
            work.session.scalar(
                select(func.max(TemplateVersion.version)).where(TemplateVersion.template_id == template.id)
            )
            or 0
        ) + 1
        version = TemplateVersion(
            template_id=template.id,
            version=number,
            state=TemplateState.DRAFT.value,
            text=text,
            source="editor",
            note=note.strip(),
            created_by=s.user.name,
            created_at=now,
        )
        work.session.add(version)
        work.session.flush()
        work.audit(
            "template.save",
            target_type="letter_template",
            target_id=template.id,
            version_id=version.id,
            version=number,
        )
        return TemplateChange(template.id, version.id, number, version.state)


def _require_supervisor(s: VaultSession, what: str) -> None:
    if not s.user.can(Capability.APPROVE_TEMPLATES):
        raise PermissionDeniedError(
            f"ひな形を{what}できるのは取扱責任者だけです（現在の役割: {s.user.role_label}）。",
            hint="取扱責任者に依頼してください。",
        )


def _retire(work: Work, versions: Iterable[TemplateVersion]) -> tuple[int, ...]:
    retired = []
    for version in versions:
        version.state = TemplateState.RETIRED.value
        version.retired_by = work.vault.user.name
        version.retired_at = work.vault.clock.now()
        retired.append(version.id)
    return tuple(retired)


def approve_in(work: Work, version_id: int) -> TemplateChange:
    """Approve inside `work` (the caller has checked the right): draft → approved, previous one retired."""
    version = _version_or_404(work.session, version_id)
    check_transition(version.state, TemplateState.APPROVED)
    check_template_text(work.session, version.text)  # debtors imported since it was saved
    previous = work.session.scalars(
        select(TemplateVersion).where(
            TemplateVersion.template_id == version.template_id,
            TemplateVersion.state == TemplateState.APPROVED.value,
        )
    )
    retired = _retire(work, previous)
    version.state = TemplateState.APPROVED.value
    version.approved_by = work.vault.user.name
    version.approved_at = work.vault.clock.now()
    work.session.flush()
    work.audit(
        "template.approve",
        target_type="letter_template",
        target_id=version.template_id,
        version_id=version.id,
        retired=list(retired),
    )
    return TemplateChange(version.template_id, version.id, version.version, version.state, retired)


def approve_version(s: VaultSession, version_id: int) -> TemplateChange:
    """draft → approved (a supervisor); the template's previously approved version is retired."""
    _require_supervisor(s, "承認")
    with unit_of_work(s) as work:
        return approve_in(work, version_id)


def retire_version(s: VaultSession, version_id: int) -> TemplateChange:
    """approved or draft → retired (a supervisor)."""
    _require_supervisor(s, "廃止")
    with unit_of_work(s) as work:
        version = _version_or_404(work.session, version_id)
        check_transition(version.state, TemplateState.RETIRED)
        _retire(work, [version])
        work.session.flush()
        work.audit(
            "template.retire",
            target_type="letter_template",
            target_id=version.template_id,
            version_id=version.id,
        )
        return TemplateChange(version.template_id, version.id, version.version, version.state, (version.id,))
