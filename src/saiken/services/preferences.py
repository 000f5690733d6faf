"""Each user's own preferences, kept in the vault: how dates are shown (日付の表示) and the columns of the
lists (which, in what order, how wide).

Preferences belong to the signed-in account (the recovery principal keeps its own under its name) and
hold nothing about a debtor. Any signed-in user may change their own; each change is one audited action
(`preferences.change`, with the keys changed, never their values).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import select

from saiken.domain.errors import ValidationError
from saiken.services.changes import Area, Changed, Changes
from saiken.services.context import VaultSession, read_session, unit_of_work
from saiken.store.models import UserPreference

DATE_STYLE_KEY = "date_style"
WAREKI = "wareki"  # 令和8年12月16日 / R8.12.16 (the default: how the office writes dates)
SEIREKI = "seireki"  # 2026年12月16日 / 2026/12/16
DATE_STYLES = (WAREKI, SEIREKI)
TABLE_PREFIX = "table:"
MAX_COLUMNS = 40
MIN_WIDTH, MAX_WIDTH = 24, 2000
_NAME_RE = re.compile(r"^[a-z][a-z0-9_]{0,39}$")


@dataclass(frozen=True)
class ColumnLayout:
    """One column of a list as the user arranged it: `key` names the column, `width` in pixels."""

    key: str
    width: int
    visible: bool = True


@dataclass(frozen=True)
class Preferences:
    date_style: str = WAREKI
    tables: dict[str, tuple[ColumnLayout, ...]] = field(default_factory=dict)

    def table(self, name: str) -> tuple[ColumnLayout, ...]:
        """The saved layout of the list `name` (empty: never arranged, use the list's defaults)."""
        return self.tables.get(name, ())


def _layout(value: str) -> tuple[ColumnLayout, ...]:
    try:
        items = json.loads(value)
        return tuple(
            ColumnLayout(str(item["key"]), int(item["width"]), bool(item.get("visible", True)))
            for item in items
        )
    except (ValueError, TypeError, KeyError):
        return ()  # a damaged layout falls back to the list's defaults


def get_preferences(s: VaultSession) -> Preferences:
    """The signed-in user's preferences (defaults for whatever was never set)."""
    s.require_open()
    with read_session(s) as session:
        rows = session.execute(
            select(UserPreference.key, UserPreference.value).where(UserPreference.user_name == s.user.name)
        ).all()
    values = {key: value for key, value in rows}
    style = values.get(DATE_STYLE_KEY, WAREKI)
    tables = {
        key.removeprefix(TABLE_PREFIX): _layout(value)
        for key, value in values.items()
        if key.startswith(TABLE_PREFIX)
    }
    return Preferences(date_style=style if style in DATE_STYLES else WAREKI, tables=tables)


def _store(s: VaultSession, values: dict[str, str]) -> None:
    with unit_of_work(s) as work:
        now = s.clock.now()
        for key, value in values.items():
            work.session.merge(UserPreference(user_name=s.user.name, key=key, value=value, updated_at=now))
        work.audit("preferences.change", target_type="user", target_id=s.user.name, changed=sorted(values))


def _changed(s: VaultSession) -> Changed[Preferences]:
    return Changed(get_preferences(s), Changes.of(Area.PREFERENCES))


def set_date_style(s: VaultSession, style: str) -> Changed[Preferences]:
    """日付の表示: `wareki` (令和8年12月16日, R8.12.16) or `seireki` (2026年12月16日, 2026/12/16)."""
    s.require_open()
    if style not in DATE_STYLES:
        raise ValidationError("日付の表示は「和暦」か「西暦」を選んでください。")
    _store(s, {DATE_STYLE_KEY: style})
    return _changed(s)


def save_table_layout(s: VaultSession, table: str, columns: Sequence[ColumnLayout]) -> Changed[Preferences]:
    """Remember the columns of the list `table` (order as given, widths, which are shown)."""
    s.require_open()
    if not isinstance(table, str) or not _NAME_RE.match(table):
        raise ValidationError("一覧の名前が正しくありません。")
    if not columns or len(columns) > MAX_COLUMNS:
        raise ValidationError(f"列の並びは1〜{MAX_COLUMNS}列で指定してください。")
    seen: set[str] = set()
    for column in columns:
        if not _NAME_RE.match(column.key) or column.key in seen:
            raise ValidationError("列の名前が正しくないか、同じ列が二度あります。")
        if isinstance(column.width, bool) or not isinstance(column.width, int):
            raise ValidationError("列の幅は整数で指定してください。")
        seen.add(column.key)
    value = json.dumps(
        [
            {"key": c.key, "width": max(MIN_WIDTH, min(MAX_WIDTH, c.width)), "visible": bool(c.visible)}
            for c in columns
        ],
        ensure_ascii=False,
    )
    _store(s, {TABLE_PREFIX + table: value})
    return _changed(s)
