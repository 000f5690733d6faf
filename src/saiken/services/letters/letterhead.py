"""The letterhead (差出人情報): who letters come from and where to pay, kept as one vault setting.

No personal data: the ward's and the firm's names, addresses and telephone numbers, the payment text,
the 文書番号 prefix, the days from letter date to pay-by date, and the window offset (mm) for envelopes
whose window is not the stock 長3 one. Until someone fills it in, the organisation's own name stands for
the firm (contractor vault) or the ward (ward vault) and the engagement's names for the other side;
every field a template prints that is still empty is named in the batch's warnings.
Changing it needs a supervisor or an admin (audited `letters.letterhead`, with the names of the fields
changed, never their values).
"""

from __future__ import annotations

import json
from dataclasses import fields, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from saiken.domain.errors import PermissionDeniedError, ValidationError
from saiken.domain.letter_values import LETTERHEAD_LABELS, Letterhead
from saiken.domain.roles import Capability
from saiken.services.context import VaultSession, read_session, unit_of_work
from saiken.services.letters.rows import LetterheadRow
from saiken.store.models import Engagement, Setting

KEY = "letters.letterhead"
FIELD_NAMES = tuple(f.name for f in fields(Letterhead))
MAX_FIELD = 200


def _stored(session: Session) -> dict[str, Any]:
    row = session.get(Setting, KEY)
    if row is None:
        return {}
    try:
        value = json.loads(row.value)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _defaults(session: Session) -> Letterhead:
    org = session.get(Setting, "org_name")
    role = session.get(Setting, "org_role")
    engagement = session.execute(
        select(Engagement).order_by(Engagement.id.desc()).limit(1)
    ).scalar_one_or_none()
    org_name = org.value if org else ""
    ward = engagement.ward if engagement and engagement.ward else ""
    firm = engagement.contractor if engagement and engagement.contractor else ""
    if role is not None and role.value == "ward":
        ward = ward or org_name
    else:
        firm = firm or org_name
    return Letterhead(ward=ward, firm=firm)


def load_letterhead(session: Session) -> LetterheadRow:
    """The letterhead with its defaults filled in (module docstring)."""
    stored = _stored(session)
    head = _defaults(session)
    values = {name: str(stored.get(name) or getattr(head, name)) for name in FIELD_NAMES}
    return LetterheadRow(
        values=values,
        pay_by_days=int(stored.get("pay_by_days", 14)),
        window_x_mm=float(stored.get("window_x_mm", 0.0)),
        window_y_mm=float(stored.get("window_y_mm", 0.0)),
    )


def letterhead_of(row: LetterheadRow) -> Letterhead:
    return replace(Letterhead(), **{name: row.values.get(name, "") for name in FIELD_NAMES})


def get_letterhead(s: VaultSession) -> LetterheadRow:
    s.require(Capability.READ)
    with read_session(s) as session:
        return load_letterhead(session)


def _check(changes: dict[str, Any]) -> dict[str, Any]:
    clean: dict[str, Any] = {}
    for name, value in changes.items():
        if name in FIELD_NAMES:
            if not isinstance(value, str):
                raise ValidationError(f"{LETTERHEAD_LABELS[name]}は文字で入力してください。")
            text = " ".join(value.split()) if name != "bank_account" else value.strip()
            if len(text) > MAX_FIELD:
                raise ValidationError(f"{LETTERHEAD_LABELS[name]}が長すぎます（{MAX_FIELD}文字まで）。")
            clean[name] = text
        elif name == "pay_by_days":
            if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 90:
                raise ValidationError("納付期限までの日数は1〜90日で指定してください。")
            clean[name] = value
        elif name in ("window_x_mm", "window_y_mm"):
            if isinstance(value, bool) or not isinstance(value, int | float) or not -20 <= value <= 20:
                raise ValidationError("宛名位置の調整は -20〜20 mm で指定してください。")
            clean[name] = float(value)
        else:
            raise ValidationError(f"差出人情報に「{name}」という項目はありません。")
    if "number_prefix" in clean and not clean["number_prefix"]:
        raise ValidationError("文書番号の記号を入力してください（例: 債）。")
    return clean


def update_letterhead(s: VaultSession, **changes: Any) -> LetterheadRow:
    """Change letterhead fields (supervisor or admin). Returns the letterhead as now stored."""
    if not (s.user.can(Capability.APPROVE_TEMPLATES) or s.user.can(Capability.MANAGE_USERS)):
        raise PermissionDeniedError(
            "差出人情報を変更する権限がありません。", hint="取扱責任者または管理者に依頼してください。"
        )
    clean = _check(changes)
    with unit_of_work(s) as work:
        stored = _stored(work.session) | clean
        work.session.merge(Setting(key=KEY, value=json.dumps(stored, ensure_ascii=False, sort_keys=True)))
        work.audit("letters.letterhead", target_type="settings", target_id=KEY, fields=sorted(clean))
        return load_letterhead(work.session)
