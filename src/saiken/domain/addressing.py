"""How a letter names its addressee (宛名): the honorific and the representative's title.

- An organisation (法人) is written with 御中 when no person is named, and as `名称` over
  `代表取締役　氏名　様` when its representative is known: a letter is addressed to a person, so the
  honorific goes after the person's name and 御中 is not used with 様.
- A sole proprietor (個人) is `氏名　様`; when the file holds a trade name (屋号) as the name and the owner
  as the representative, the trade name goes first and the owner's name takes 様.
- The representative's title follows the legal form in the name: 株式会社・有限会社 → 代表取締役,
  合同会社・合名会社・合資会社 → 代表社員, 一般社団法人・一般財団法人 → 代表理事, 特定非営利活動法人・
  医療法人・社会福祉法人・学校法人 → 理事長, any other organisation → 代表者.
"""

from __future__ import annotations

from dataclasses import dataclass

KIND_ORGANISATION = "法人"
SPACE = "\u3000"

_TITLES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("株式会社", "有限会社", "(株)", "（株）", "(有)", "（有）"), "代表取締役"),
    (("合同会社", "合名会社", "合資会社"), "代表社員"),
    (("一般社団法人", "一般財団法人", "公益社団法人", "公益財団法人"), "代表理事"),
    (("特定非営利活動法人", "NPO法人", "ＮＰＯ法人", "医療法人", "社会福祉法人", "学校法人"), "理事長"),
)


def representative_title(name: str, *, is_organisation: bool = True) -> str:
    """The usual title of the representative of the organisation called `name` ('' for a person)."""
    if not is_organisation:
        return ""
    for forms, title in _TITLES:
        if any(form in name for form in forms):
            return title
    return "代表者"


def _clean(text: str) -> str:
    return SPACE.join(str(text or "").split())


@dataclass(frozen=True)
class AddresseeLines:
    """The name part of an address block: `lines[0]` the name, `lines[1:]` the person, honorific last."""

    lines: tuple[str, ...]
    honorific: str  # 様 or 御中

    @property
    def one_line(self) -> str:
        return SPACE.join(self.lines)


def addressee_lines(name: str, kind: str, representative: str = "") -> AddresseeLines:
    """`株式会社四谷美容室` / `代表取締役　佐藤　大輔　様`; `株式会社…　御中`; `佐藤　大輔　様` (module docstring)."""
    name, person = _clean(name), _clean(representative)
    organisation = kind == KIND_ORGANISATION
    if organisation:
        if person:
            title = representative_title(name)
            return AddresseeLines((name, f"{title}{SPACE}{person}{SPACE}様"), "様")
        return AddresseeLines((f"{name}{SPACE}御中",), "御中")
    if person and person != name:
        return AddresseeLines((name, f"{person}{SPACE}様"), "様")
    return AddresseeLines((f"{name}{SPACE}様",), "様")
