"""The printable 「復旧キー」 sheet for a vault (DESIGN §5, §7).

The recovery key opens the vault on any PC, so the sheet says so plainly and tells the organisation how
to keep it (a locked cabinet, away from the PC) and what to do if it is lost. It carries no personal data
besides the account name of the user who created the vault; the key itself never goes into the PDF's
metadata or into any error message.
"""

from __future__ import annotations

import datetime as dt
import math
import re

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from saiken.domain.errors import ValidationError
from saiken.exchange.pdf.blocks import LABEL_WIDTH, ConfidentialMark, label_table, seal_box
from saiken.exchange.pdf.document import INK, MUTED, SHADE, TEXT_WIDTH, para, render, wareki
from saiken.exchange.pdf.fonts import GOTHIC

TITLE = "復旧キー"
_GROUP = re.compile(r"[A-Za-z0-9]+")
_MIN_KEY_CHARACTERS = 22  # 128 bits need at least 22 characters even in base 62

INSTRUCTIONS = (
    "この用紙に印刷された復旧キーがあれば、パスワードや利用者のパソコンがなくても、"
    "どのパソコンからでもこの金庫を開くことができます。現金や印鑑と同じように扱ってください。",
    "施錠できるキャビネットや耐火庫に保管し、この金庫を使うパソコンとは別の場所に置いてください。"
    "パソコンに貼ったり、同じ机やかばんに入れたりしないでください。",
    "コピー、撮影、スキャン、電子メールやメモアプリへの書き写しはしないでください。",
    "復旧キーは作成時に一度だけ表示されます。使うのは、全員がパスワードを忘れたときなどに限ります。",
)
IF_LOST = (
    "この用紙をなくしたとき、または他人に見られたおそれがあるときは、すぐに取扱責任者に報告してください。"
    "管理者が新しい復旧キーを作って新しい用紙を印刷すると、この用紙の復旧キーでは金庫を開けなくなります。"
    "不要になった用紙はシュレッダーで細断して廃棄してください。"
)


def key_groups(recovery_key: str) -> list[str]:
    """The key's groups as printed: split on hyphens and spaces; only letters and digits are allowed."""
    parts = [part for part in re.split(r"[-\s]+", str(recovery_key).strip()) if part]
    if not parts or any(not _GROUP.fullmatch(part) or not part.isascii() for part in parts):
        raise ValidationError(
            "復旧キーの形式が正しくありません（英数字のグループをハイフンで区切った形式が必要です）。",
            hint="金庫の作成からやり直してください。",
        )
    if sum(len(part) for part in parts) < _MIN_KEY_CHARACTERS:
        raise ValidationError(
            "復旧キーが短すぎます（128ビット以上が必要です）。", hint="金庫の作成からやり直してください。"
        )
    return parts


class KeyGroupsBox(Flowable):  # type: ignore[misc]  # reportlab has no type information
    """The key in large IPAex Gothic, one numbered cell per group, in a heavy box. The type is as large
    as the key allows (21 pt for the usual 6–8 groups) while the box stays within `max_height`."""

    largest_font = 21
    smallest_font = 11
    padding = 4 * mm
    cell_gap = 10 * mm

    def __init__(self, groups: list[str], *, width: float = TEXT_WIDTH, max_height: float = 44 * mm) -> None:
        super().__init__()
        self.groups = groups
        self.box_width = width
        self.max_height = max_height
        self.font_size, self.rows, self.per_row = self._layout()

    @staticmethod
    def _cell_height(size: float) -> float:
        return size * 2.3

    @staticmethod
    def _char_space(size: float) -> float:
        return size * 0.105

    def _text_width(self, text: str, size: float) -> float:
        return float(stringWidth(text, GOTHIC, size)) + self._char_space(size) * (len(text) - 1)

    def _layout(self) -> tuple[float, int, int]:
        inner = self.box_width - 2 * self.padding
        size = float(self.largest_font)
        while True:
            widest = max(self._text_width(group, size) for group in self.groups)
            fits = int(inner // (widest + self.cell_gap))
            if fits >= 1:
                rows = math.ceil(len(self.groups) / fits)
                height = rows * self._cell_height(size) + 2 * self.padding
                if height <= self.max_height or size <= self.smallest_font:
                    return size, rows, math.ceil(len(self.groups) / rows)
            elif size <= self.smallest_font:
                return size, len(self.groups), 1
            size -= 1

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = self.box_width
        self.height = self.rows * self._cell_height(self.font_size) + 2 * self.padding
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        size, per_row = self.font_size, self.per_row
        cell_width = (self.width - 2 * self.padding) / per_row
        cell_height = self._cell_height(size)
        canvas.saveState()
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(2)
        canvas.roundRect(0, 0, self.width, self.height, 2 * mm, stroke=1, fill=0)
        for index, group in enumerate(self.groups):
            row, column = divmod(index, per_row)
            x = self.padding + column * cell_width
            y = self.height - self.padding - (row + 1) * cell_height
            canvas.setStrokeColor(colors.Color(0.75, 0.75, 0.75))
            canvas.setLineWidth(0.5)
            canvas.rect(x + 1.2 * mm, y + 1.2 * mm, cell_width - 2.4 * mm, cell_height - 2.4 * mm)
            number = str(index + 1)
            canvas.setFillColor(MUTED)
            canvas.setFont(GOTHIC, 7)
            canvas.drawString(x + 2.4 * mm, y + cell_height - 1.2 * mm - 7.5, number)
            number_end = x + 2.4 * mm + stringWidth(number, GOTHIC, 7) + 1.5 * mm
            left = max(x + (cell_width - self._text_width(group, size)) / 2, number_end)
            text = canvas.beginText()
            text.setFont(GOTHIC, size)
            text.setCharSpace(self._char_space(size))
            text.setFillColor(INK)
            text.setTextOrigin(left, y + cell_height * 0.3)
            text.textOut(group)
            text.setCharSpace(0)  # character spacing is graphics state: keep it to the key
            canvas.drawText(text)
        canvas.restoreState()


def _reading_note(groups: list[str]) -> str:
    """The key in one line, and which easily confused characters it does not contain."""
    note = f"続けて書くと {'-'.join(groups)}　左から番号の順に入力します。"
    absent = [ch for ch in "01ILO" if ch not in "".join(groups).upper()]
    if len(absent) == 5:
        note += "数字の 0・1 と英字の I・L・O は含まれていません。"
    return note


def _fingerprints(org: str, genesis: str) -> list[Flowable]:
    """The two fingerprints in a compact ruled table (digits in Gothic, groups apart) and what they are for."""
    rows = [
        (label, _fingerprint(value))
        for label, value in (("組織の鍵の指紋", org), ("創設の記録の指紋", genesis))
        if value
    ]
    if not rows:
        return []
    table = Table(
        [[para(label, "label"), value] for label, value in rows],
        colWidths=[LABEL_WIDTH, TEXT_WIDTH - LABEL_WIDTH],
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            [
                ("FONT", (1, 0), (1, -1), GOTHIC, 11),
                ("GRID", (0, 0), (-1, -1), 0.6, INK),
                ("BACKGROUND", (0, 0), (0, -1), SHADE),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 0.8 * mm),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.0 * mm),
                ("LEFTPADDING", (0, 0), (-1, -1), 2.5 * mm),
            ]
        )
    )
    return [Spacer(1, 1.5 * mm), table, para(FINGERPRINTS_NOTE, "note")]


def _fingerprint(text: str) -> str:
    groups = str(text).split()
    if not groups or any(not group.isdigit() or not group.isascii() for group in groups):
        raise ValidationError("指紋の形式が正しくありません（数字のグループが必要です）。")
    return "  ".join(groups)


def _require(value: str, field: str) -> str:
    cleaned = " ".join(str(value or "").split())
    if not cleaned:
        raise ValidationError(f"復旧キー用紙の「{field}」が空です。", hint=f"{field}を入力してください。")
    return cleaned


FINGERPRINTS_NOTE = (
    "指紋は、相手方と鍵を読み上げて照合するときと、利用者名簿の差し替えを確かめるときに使います。"
)


def render_recovery_sheet(
    *,
    org_name: str,
    vault_id: str,
    recovery_key: str,
    created_at: dt.date | dt.datetime,
    created_by: str,
    org_fingerprint: str = "",
    genesis_fingerprint: str = "",
) -> bytes:
    """The A4 recovery-key sheet as PDF bytes (IPAex fonts embedded). Nothing is written to disk.
    `org_fingerprint` and `genesis_fingerprint` (groups of digits, saiken.security.fingerprint) are printed
    under the vault's particulars when given."""
    org = _require(org_name, "団体名")
    vault = _require(vault_id, "金庫ID")
    creator = _require(created_by, "作成者")
    groups = key_groups(recovery_key)
    created = wareki(created_at)

    story: list[Flowable] = [
        ConfidentialMark("取扱注意"),
        para(TITLE, "title"),
        para("金庫を開くための鍵の控えです。大切に保管してください。", "center"),
        Spacer(1, 2 * mm if org_fingerprint or genesis_fingerprint else 4 * mm),
        label_table(
            [
                ("団体名", org),
                ("金庫ID", vault),
                ("作成日", created),
                ("作成者（アカウント名）", creator),
            ]
        ),
        *_fingerprints(org_fingerprint, genesis_fingerprint),
        Spacer(1, 2 * mm),
        KeepTogether(
            [
                para("復旧キー", "heading"),
                KeyGroupsBox(
                    groups, max_height=36 * mm if org_fingerprint or genesis_fingerprint else 44 * mm
                ),
                Spacer(1, 1.5 * mm),
                para(_reading_note(groups), "note"),
            ]
        ),
        Spacer(1, 1 * mm),
        para("取り扱い上の注意", "heading"),
    ]
    story += [para(f"{number}．{text}", "item") for number, text in enumerate(INSTRUCTIONS, start=1)]
    story += [
        para("紛失したとき・漏れたおそれがあるとき", "heading"),
        para(IF_LOST, "small"),
        Spacer(1, 2 * mm if org_fingerprint or genesis_fingerprint else 5 * mm),
        KeepTogether(
            [
                seal_box(
                    "取扱責任者 確認欄（保管したら記入・押印してください）",
                    ["保管場所", ("保管開始日", "令和　　年　　月　　日"), "所属・氏名"],
                ),
            ]
        ),
    ]
    return render(
        story, title=TITLE, subject="金庫の復旧キー", footer_text=f"債権デスク　復旧キー　金庫ID {vault}"
    )
