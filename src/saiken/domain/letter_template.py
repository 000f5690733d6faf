"""Letter templates (文書ひな形): structured text with named fields, parsed, checked and filled (pure).

The text form is what the editor shows, what `resources/templates/*.txt` hold and what a `templates`
package carries. It is UTF-8 plain text:

    種類: 督促状
    名称: 督促状（標準）
    表題: 督促状
    宛先: 債務者

    [差出人]
    {{区長}}

    [本文]
    {{債権名}}について、納期限を過ぎても納付が確認できません。…

    [記]
    債権の名称：{{債権名}}
    {{請求内訳}}

    [追記：公法のみ]
    （教示）
    １　この処分について不服がある場合は、…

- The header (before the first `[…]`) holds `種類` (督促状, 催告書, 合意書, 分割納付誓約書, 納付書再発行依頼
  or demand, notice, agreement, pledge, reissue), `名称`, `表題` and optionally `宛先` (債務者 or 区; a
  reissue request goes to 区). A header value holds no fields.
- Sections: `[差出人]` (lines printed right-aligned under the date), `[本文]`, `[記]` (printed under a centred
  記 and closed by 以上) and `[追記]` (after 以上: 教示, 問合せ先 …). A section marker may end in `：公法のみ`
  or `：私法のみ`: what follows, up to the next marker, is printed only for a public-law (or private-law)
  claim. A section may appear more than once, so conditional and common paragraphs can alternate.
- Paragraphs are separated by blank lines; line breaks inside a paragraph are kept. A paragraph that is
  only 敬具, 草々 or 以上 is printed right-aligned; one that starts with 第N条, （N）or a numeral and a space
  gets a hanging indent. In `[記]`, a line `項目：内容` is printed as an item (label and value).
- Fields are `{{名前}}` from `saiken.domain.letter_fields.FIELDS`; a block field (`{{請求内訳}}`,
  `{{分納予定表}}`, `{{署名欄}}`) stands alone on its line, and plan fields belong only in 合意書 and
  分割納付誓約書. Anything else — an unknown name, a lone brace, full-width braces — is refused with its
  line and column, all problems at once (`TemplateError.problems`), and nothing is saved.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from saiken.domain.errors import ValidationError
from saiken.domain.letter_fields import BLOCK_NAMES, BY_NAME, PLAN_FIELDS
from saiken.domain.letter_kinds import LetterKind, letter_kind
from saiken.domain.letter_privacy import find_personal_data
from saiken.domain.limitation import ClaimNature

MAX_CHARACTERS = 20_000
MAX_LINE = 1_000
_PLACEHOLDER = re.compile(r"\{\{([^{}\n]*)\}\}")
_MARKER = re.compile(r"^\[([^\]:：]+)(?:[:：]\s*([^\]]*))?\]\s*$")
_HEADER = re.compile(r"^([^:：]+)[:：]\s*(.*)$")
_ITEM = re.compile(r"^([^：{}]{1,40})：(.*)$")
_HANGING = re.compile(
    r"^(?:第[0-9０-９一二三四五六七八九十]+条|[（(][0-9０-９一二三四五六七八九十]+[）)]|[0-9０-９]+[　 ．.])"
)
CLOSINGS = ("敬具", "草々", "以上", "謹白")


class Section(StrEnum):
    SENDER = "差出人"
    BODY = "本文"
    RECORD = "記"
    AFTER = "追記"


class Addressee(StrEnum):
    DEBTOR = "債務者"
    WARD = "区"


_CONDITIONS = {
    "公法のみ": ClaimNature.PUBLIC,
    "公法": ClaimNature.PUBLIC,
    "私法のみ": ClaimNature.PRIVATE,
    "私法": ClaimNature.PRIVATE,
}
_CONDITION_TEXT = {ClaimNature.PUBLIC: "公法のみ", ClaimNature.PRIVATE: "私法のみ"}


@dataclass(frozen=True)
class TemplateProblem:
    line: int  # 1-based line of the template text
    column: int  # 1-based
    message: str  # Japanese, names the field but never personal data

    def __str__(self) -> str:
        return f"第{self.line}行 {self.column}文字目: {self.message}"


class TemplateError(ValidationError):
    """A template that cannot be saved; `problems` lists every reason with its position."""

    def __init__(self, problems: Sequence[TemplateProblem]) -> None:
        self.problems = tuple(problems)
        first = self.problems[0]
        more = f"（ほか{len(self.problems) - 1}件）" if len(self.problems) > 1 else ""
        super().__init__(
            f"ひな形を保存できません。{first}{more}",
            hint="該当する箇所を直してから保存してください。使える差し込み項目は項目一覧にあります。",
        )


@dataclass(frozen=True)
class Paragraph:
    text: str  # the lines of the paragraph joined with "\n", fields still as {{名前}}
    only: ClaimNature | None = None
    line: int = 0  # where it starts in the template text (for messages)


@dataclass(frozen=True)
class TemplateBody:
    kind: LetterKind
    name: str
    title: str
    addressee: Addressee = Addressee.DEBTOR
    sender: tuple[Paragraph, ...] = ()
    body: tuple[Paragraph, ...] = ()
    record: tuple[Paragraph, ...] = ()
    after: tuple[Paragraph, ...] = ()

    def section(self, section: Section) -> tuple[Paragraph, ...]:
        return {
            Section.SENDER: self.sender,
            Section.BODY: self.body,
            Section.RECORD: self.record,
            Section.AFTER: self.after,
        }[section]

    @property
    def fields(self) -> frozenset[str]:
        """The names of every field the template uses."""
        names: set[str] = set()
        for section in Section:
            for paragraph in self.section(section):
                names.update(m.group(1).strip() for m in _PLACEHOLDER.finditer(paragraph.text))
        return frozenset(names)


# --- parsing ----------------------------------------------------------------------------------------


@dataclass
class _Parser:
    lines: list[str]
    problems: list[TemplateProblem] = field(default_factory=list)

    def problem(self, line: int, column: int, message: str) -> None:
        self.problems.append(TemplateProblem(line, column, message))


def _clean_lines(text: str) -> list[str]:
    return [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]


def _check_fields(parser: _Parser, number: int, line: str, kind: LetterKind | None, section: Section) -> None:
    spans = []
    for match in _PLACEHOLDER.finditer(line):
        spans.append(match.span())
        name = match.group(1).strip()
        column = match.start() + 1
        if name not in BY_NAME:
            close = difflib.get_close_matches(name, list(BY_NAME), n=1, cutoff=0.5)
            hint = f"「{{{{{close[0]}}}}}」のことですか。" if close else ""
            shown = name if len(name) <= 20 else name[:20] + "…"
            parser.problem(number, column, f"差し込み項目「{{{{{shown}}}}}」はありません。{hint}")
            continue
        if name in BLOCK_NAMES:
            if line.strip() != match.group(0):
                parser.problem(
                    number, column, f"「{{{{{name}}}}}」は表や欄なので、1行に単独で書いてください。"
                )
            elif section is Section.SENDER:
                parser.problem(number, column, f"「{{{{{name}}}}}」は差出人には置けません。")
        if name in PLAN_FIELDS | {"署名欄"} and kind is not None and not kind.needs_plan:
            parser.problem(
                number,
                column,
                f"「{{{{{name}}}}}」は合意書・分割納付誓約書でだけ使えます（この種類: {kind.label}）。",
            )
    rest = list(line)
    for start, end in spans:
        rest[start:end] = [" "] * (end - start)
    remaining = "".join(rest)
    for index, ch in enumerate(remaining):
        if ch in "{}":
            parser.problem(
                number, index + 1, "波括弧の対応が取れていません。差し込み項目は {{名前}} と書きます。"
            )
            break
        if ch in "｛｝":
            parser.problem(
                number, index + 1, "全角の波括弧は使えません。差し込み項目は半角の {{名前}} で書きます。"
            )
            break


def _header(parser: _Parser, upto: int) -> dict[str, tuple[str, int]]:
    values: dict[str, tuple[str, int]] = {}
    for index in range(upto):
        line = parser.lines[index]
        if not line.strip():
            continue
        match = _HEADER.match(line)
        key = match.group(1).strip() if match else ""
        if not match or key not in ("種類", "名称", "表題", "宛先"):
            parser.problem(
                index + 1, 1, "見出しの行は「種類:」「名称:」「表題:」「宛先:」のどれかで始めてください。"
            )
            continue
        if key in values:
            parser.problem(index + 1, 1, f"「{key}」が2回書かれています。")
            continue
        value = match.group(2).strip()
        if "{" in value or "}" in value:
            parser.problem(index + 1, match.start(2) + 1, f"「{key}」には差し込み項目を使えません。")
        values[key] = (value, index + 1)
    return values


def parse_template(text: str) -> TemplateBody:
    """The structure of `text`, or TemplateError listing every problem with its line and column.

    Checks structure and fields only; `check_template` also looks for personal data."""
    body, problems = _parse(text)
    if problems or body is None:
        raise TemplateError(problems or [TemplateProblem(1, 1, "ひな形が空です。")])
    return body


def _parse(text: str) -> tuple[TemplateBody | None, list[TemplateProblem]]:
    if not isinstance(text, str) or not text.strip():
        return None, [TemplateProblem(1, 1, "ひな形が空です。種類・名称・表題と本文を書いてください。")]
    if len(text) > MAX_CHARACTERS:
        return None, [TemplateProblem(1, 1, f"ひな形が長すぎます（{MAX_CHARACTERS:,}文字まで）。")]
    parser = _Parser(_clean_lines(text))
    first_marker = next((i for i, line in enumerate(parser.lines) if _MARKER.match(line)), len(parser.lines))
    header = _header(parser, first_marker)
    kind: LetterKind | None = None
    for key in ("種類", "名称", "表題"):
        if not header.get(key, ("", 0))[0]:
            parser.problem(header.get(key, ("", 1))[1] or 1, 1, f"見出しに「{key}: …」を書いてください。")
    if header.get("種類", ("", 0))[0]:
        value, line_no = header["種類"]
        try:
            kind = letter_kind(value)
        except ValidationError:
            parser.problem(
                line_no,
                1,
                "「種類」は 督促状・催告書・合意書・分割納付誓約書・納付書再発行依頼 のどれかです。",
            )
    addressee = Addressee.WARD if kind is LetterKind.REISSUE else Addressee.DEBTOR
    if "宛先" in header:
        value, line_no = header["宛先"]
        try:
            addressee = Addressee(value)
        except ValueError:
            parser.problem(line_no, 1, "「宛先」は 債務者 か 区 です。")

    sections: dict[Section, list[Paragraph]] = {s: [] for s in Section}
    current: Section | None = None
    condition: ClaimNature | None = None
    pending: list[str] = []
    pending_line = 0

    def flush() -> None:
        nonlocal pending
        if current is not None and pending:
            sections[current].append(Paragraph("\n".join(pending), condition, pending_line))
        pending = []

    for index in range(first_marker, len(parser.lines)):
        number, line = index + 1, parser.lines[index]
        if len(line) > MAX_LINE:
            parser.problem(number, MAX_LINE + 1, f"1行が長すぎます（{MAX_LINE:,}文字まで）。")
            continue
        marker = _MARKER.match(line)
        if marker:
            flush()
            try:
                current = Section(marker.group(1).strip())
            except ValueError:
                parser.problem(number, 1, "区切りは [差出人] [本文] [記] [追記] のどれかです。")
                current = None
            tail = (marker.group(2) or "").strip()
            condition = _CONDITIONS.get(tail) if tail else None
            if tail and condition is None:
                parser.problem(number, 1, "区切りの条件は「：公法のみ」か「：私法のみ」です。")
            continue
        if not line.strip():
            flush()
            continue
        if current is None:
            continue
        if not pending:
            pending_line = number
        pending.append(line)
        _check_fields(parser, number, line, kind, current)
    flush()
    if not sections[Section.BODY]:
        parser.problem(len(parser.lines), 1, "[本文] がありません。本文を1段落以上書いてください。")
    if parser.problems or kind is None:
        return None, parser.problems
    return (
        TemplateBody(
            kind=kind,
            name=header["名称"][0],
            title=header["表題"][0],
            addressee=addressee,
            sender=tuple(sections[Section.SENDER]),
            body=tuple(sections[Section.BODY]),
            record=tuple(sections[Section.RECORD]),
            after=tuple(sections[Section.AFTER]),
        ),
        [],
    )


def check_template(text: str) -> TemplateBody:
    """`parse_template` plus the personal-data check (`saiken.domain.letter_privacy`): every problem at once."""
    body, problems = _parse(text)
    for finding in find_personal_data(text):
        problems.append(
            TemplateProblem(
                finding.line,
                finding.column,
                f"個人情報と思われる記載（{finding.what}）があります。ひな形には個人情報を書かず、差し込み項目を使ってください。",
            )
        )
    if problems or body is None:
        problems.sort(key=lambda p: (p.line, p.column))
        raise TemplateError(problems or [TemplateProblem(1, 1, "ひな形が空です。")])
    return body


def format_template(body: TemplateBody) -> str:
    """The text form of `body` (parse_template(format_template(b)) gives `b` back, line numbers aside)."""
    out = [f"種類: {body.kind.label}", f"名称: {body.name}", f"表題: {body.title}"]
    default = Addressee.WARD if body.kind is LetterKind.REISSUE else Addressee.DEBTOR
    if body.addressee is not default:
        out.append(f"宛先: {body.addressee.value}")
    for section in Section:
        paragraphs = body.section(section)
        marker: tuple[Section, ClaimNature | None] | None = None
        for paragraph in paragraphs:
            if marker != (section, paragraph.only):
                marker = (section, paragraph.only)
                tail = f"：{_CONDITION_TEXT[paragraph.only]}" if paragraph.only else ""
                out += ["", f"[{section.value}{tail}]"]
            else:
                out.append("")
            out.append(paragraph.text)
    return "\n".join(out) + "\n"


# --- filling ----------------------------------------------------------------------------------------


class Align(StrEnum):
    LEFT = "left"
    RIGHT = "right"
    HANGING = "hanging"


@dataclass(frozen=True)
class FilledParagraph:
    """One paragraph of a letter, fields filled. `block` names a block field (the renderer draws it);
    `label` is set for an item of the 記 section (`項目：内容`)."""

    text: str = ""
    align: Align = Align.LEFT
    block: str | None = None
    label: str | None = None


@dataclass(frozen=True)
class FilledLetter:
    kind: LetterKind
    title: str
    addressee: Addressee
    sender: tuple[str, ...]
    body: tuple[FilledParagraph, ...]
    record: tuple[FilledParagraph, ...]
    after: tuple[FilledParagraph, ...]

    @property
    def blocks(self) -> frozenset[str]:
        return frozenset(p.block for p in (*self.body, *self.record, *self.after) if p.block)

    def text(self) -> str:
        """All the letter's words in reading order (for tests and search, not for printing)."""
        parts = [self.title, *self.sender]
        for paragraph in (*self.body, *self.record, *self.after):
            parts.append(f"{paragraph.label}：{paragraph.text}" if paragraph.label else paragraph.text)
        return "\n".join(parts)


def _substitute(text: str, values: Mapping[str, str]) -> str:
    def value(match: re.Match[str]) -> str:
        name = match.group(1).strip()
        if name not in values:
            raise ValidationError(
                f"差し込み項目「{{{{{name}}}}}」の値がありません。",
                hint="差出人情報などの設定を確かめてください。",
            )
        return values[name]

    return _PLACEHOLDER.sub(value, text)


def _align(text: str) -> Align:
    stripped = text.strip()
    if stripped in CLOSINGS:
        return Align.RIGHT
    if _HANGING.match(stripped):
        return Align.HANGING
    return Align.LEFT


def _fill_paragraph(paragraph: Paragraph, values: Mapping[str, str], *, items: bool) -> list[FilledParagraph]:
    filled: list[FilledParagraph] = []
    text_lines: list[str] = []

    def flush_text() -> None:
        if text_lines:
            joined = "\n".join(text_lines)
            filled.append(FilledParagraph(joined, _align(joined)))
            text_lines.clear()

    for line in paragraph.text.split("\n"):
        match = _PLACEHOLDER.fullmatch(line.strip())
        if match and match.group(1).strip() in BLOCK_NAMES:
            flush_text()
            filled.append(FilledParagraph(block=match.group(1).strip()))
            continue
        item = _ITEM.match(line.strip()) if items else None
        if item:
            flush_text()
            value = _substitute(item.group(2).strip(), values)
            filled.append(FilledParagraph(value, label=item.group(1).strip()))
            continue
        text_lines.append(_substitute(line, values))
    flush_text()
    return filled


def _fill_section(
    paragraphs: Sequence[Paragraph], values: Mapping[str, str], nature: ClaimNature, *, items: bool
) -> tuple[FilledParagraph, ...]:
    filled: list[FilledParagraph] = []
    for paragraph in paragraphs:
        if paragraph.only is None or paragraph.only is nature:
            filled += _fill_paragraph(paragraph, values, items=items)
    return tuple(filled)


def fill_template(body: TemplateBody, values: Mapping[str, str], nature: ClaimNature | str) -> FilledLetter:
    """The letter's text for one debtor: the paragraphs for the claim's `nature`, every field replaced by
    `values[name]` (finished text). A field the template uses and `values` lacks is a ValidationError."""
    nature = ClaimNature(nature)
    return FilledLetter(
        kind=body.kind,
        title=body.title,
        addressee=body.addressee,
        sender=tuple(
            line
            for p in _fill_section(body.sender, values, nature, items=False)
            for line in p.text.split("\n")
            if line.strip()
        ),
        body=_fill_section(body.body, values, nature, items=False),
        record=_fill_section(body.record, values, nature, items=True),
        after=_fill_section(body.after, values, nature, items=False),
    )
