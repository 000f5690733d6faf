"""The printable 「パスワード通知書」 (password notice, DESIGN §6, §7).

One layout for every password a person hands over on paper: the password of a protected file saved by
Saiken Desk, and (branch handover) the password of a handover package. The caller gives what the password
opens (`subject`), the facts that identify it without personal data (`rows`: organisation, date, the
file's check code, a package id, a recipient organisation …) and, if the defaults for files do not fit,
its own instructions. The notice never holds personal data: no debtor, no address, no file name (a
person may have named the file after a debtor).

A generated password (saiken.domain.generated_passwords) is printed as numbered groups in large Gothic
type, with a line saying that it is typed as shown, hyphens included, in capitals; a password a person
typed is printed as it is, in one box. The password never goes into the PDF's metadata.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from saiken.domain.errors import ValidationError
from saiken.domain.generated_passwords import ALPHABET, GROUP_SIZE, SEPARATOR
from saiken.exchange.pdf.blocks import ConfidentialMark, label_table, seal_box
from saiken.exchange.pdf.document import INK, TEXT_WIDTH, para, render, styles
from saiken.exchange.pdf.fonts import GOTHIC
from saiken.exchange.pdf.recovery_sheet import KeyGroupsBox

TITLE = "パスワード通知書"

FILE_INSTRUCTIONS: tuple[str, ...] = (
    "このパスワードは、ファイル（またはファイルを入れた媒体）とは別の機会に、別の経路でお渡しします。"
    "同じ封筒、同じメール、同じ机の上に置かないでください。",
    "Excel のファイルは Excel で開くときに、PDF は Acrobat Reader や Edge・Chrome などで開くときに、"
    "パスワードを求められます。",
    "パスワードは保存のときに一度だけ表示され、債権デスクには記録されていません。"
    "なくしたときは再発行できないため、ファイルを保存し直して新しいパスワードを付けてもらってください。",
    "コピー、撮影、電子メールやチャットへの書き写しはしないでください。",
    "ファイルを開けたら、この用紙はシュレッダーで細断して廃棄してください。",
)


@dataclass(frozen=True)
class PasswordNotice:
    """What a notice says. `rows` are (label, value) pairs shown in a ruled table: no personal data."""

    subject: str  # what the password opens, e.g. 「債務者一覧（Excel ファイル）」
    password: str
    rows: Sequence[tuple[str, str]] = ()
    instructions: Sequence[str] = FILE_INSTRUCTIONS
    footer: str = "債権デスク　パスワード通知書"
    checkpoint_hash: str | None = None
    receipt_fields: Sequence[str | tuple[str, str]] = field(
        default=(("受領日", "令和　　年　　月　　日"), "所属・氏名")
    )


def generated_groups(password: str) -> list[str] | None:
    """The groups of a password in the generated form (`ABCD-EFGH-…`), or None for any other password."""
    groups = password.split(SEPARATOR)
    if len(groups) >= 2 and all(len(g) == GROUP_SIZE and set(g) <= set(ALPHABET) for g in groups):
        return groups
    return None


def _typed_password_box(password: str) -> Table:
    """A typed password in one heavy box, large Gothic type, wrapped if long."""
    style = styles()["body"].clone("password", fontName=GOTHIC, fontSize=16, leading=24, textColor=INK)
    box = Table([[para(password, style)]], colWidths=[TEXT_WIDTH], hAlign="LEFT")
    box.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 2, INK),
                ("TOPPADDING", (0, 0), (-1, -1), 4 * mm),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4 * mm),
                ("LEFTPADDING", (0, 0), (-1, -1), 5 * mm),
            ]
        )
    )
    return box


def _password_block(password: str) -> list[Flowable]:
    groups = generated_groups(password)
    if groups is not None:
        note = (
            f"続けて書くと {password}　左から番号の順に、ハイフン（-）も含めて表示どおりに入力します。"
            "英字はすべて大文字です。数字の 0・1 と英字の I・O は使われていません。"
        )
        return [KeyGroupsBox(groups), Spacer(1, 1.5 * mm), para(note, "note")]
    note = "大文字と小文字、記号、空白の有無も含めて、表示どおりに入力してください。"
    return [_typed_password_box(password), Spacer(1, 1.5 * mm), para(note, "note")]


def render_password_notice(notice: PasswordNotice) -> bytes:
    """The A4 notice as PDF bytes (IPAex fonts embedded), made in memory. ValidationError for an empty
    subject or password."""
    subject = " ".join(str(notice.subject or "").split())
    if not subject:
        raise ValidationError("パスワード通知書に、何のパスワードかが書かれていません。")
    if not notice.password or not notice.password.strip():
        raise ValidationError("パスワード通知書に載せるパスワードが空です。")
    story: list[Flowable] = [
        ConfidentialMark("取扱注意"),
        para(TITLE, "title"),
        para(f"{subject}を開くためのパスワードをお知らせします。", "center"),
        Spacer(1, 4 * mm),
    ]
    if notice.rows:
        story += [label_table([(label, value) for label, value in notice.rows]), Spacer(1, 2 * mm)]
    story += [KeepTogether([para("パスワード", "heading"), *_password_block(notice.password)])]
    story += [Spacer(1, 1 * mm), para("取り扱い上の注意", "heading")]
    story += [para(f"{number}．{text}", "item") for number, text in enumerate(notice.instructions, start=1)]
    if notice.receipt_fields:
        story += [
            Spacer(1, 5 * mm),
            KeepTogether(
                [seal_box("受領確認欄（受け取ったら記入・押印してください）", notice.receipt_fields)]
            ),
        ]
    return render(
        story,
        title=TITLE,
        subject=f"{subject}のパスワード",
        footer_text=notice.footer,
        checkpoint_hash=notice.checkpoint_hash,
    )
