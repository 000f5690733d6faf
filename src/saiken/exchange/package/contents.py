"""What a package's data files hold: one JSON line per record, one file per kind of record (v1).

Each entity has a fixed schema (field, type, limits). `encode` writes a record as one canonical JSON line
(sorted keys, UTF-8) — the same bytes give the same digest on both sides, which is how "changes since the
last acknowledged package" are found. `decode_lines` reads a file back line by line (streamed) and refuses,
naming the file and line, anything that is not the schema: a missing or extra field, a wrong type, a date
that is not a date, a text too long. Records refer to each other by keys (a debtor by its management
number, other records by the key their owner gave them), never by one vault's row ids.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from saiken.domain.consultation_terms import BUSINESS_KINDS, CATEGORIES, FORMS, INDUSTRIES, LOAN_STATUSES
from saiken.domain.errors import ValidationError

Row = dict[str, Any]


@dataclass(frozen=True)
class Field:
    name: str
    kind: str  # text, int, date, instant, time, bool, key, tranches, rows, choices
    optional: bool = False
    max_len: int = 256
    minimum: int | None = None
    choices: tuple[str, ...] | None = None  # text: one of these; choices: a list of them, without repeats


def _f(
    name: str,
    kind: str = "text",
    *,
    optional: bool = False,
    max_len: int = 256,
    minimum: int | None = None,
    choices: tuple[str, ...] | None = None,
) -> Field:
    return Field(name, kind, optional, max_len, minimum, choices)


LONG = 20_000
# the states of the consultation area's rows (as saiken.store.models defines them; exchange never imports it)
SEMINAR_STATUSES = ("予定", "中止")
APPLICATION_STATUSES = ("参加確定", "キャンセル待ち", "取消")
DISPATCH_STATUSES = ("予定", "実施", "取消")
BOOKING_STATUSES = ("予約", "完了", "取消")
SCHEMAS: dict[str, tuple[Field, ...]] = {
    "debtors": (
        _f("key", max_len=32),
        _f("kind", max_len=8),
        _f("name"),
        _f("name_kana"),
        _f("representative", max_len=128),
        _f("representative_kana", max_len=128),
        _f("postal_code", max_len=16),
        _f("address", max_len=512),
        _f("mailing_postal_code", max_len=16),
        _f("mailing_address", max_len=512),
        _f("phone", max_len=32),
        _f("phone2", max_len=32),
        _f("email"),
    ),
    "claims": (
        _f("key", max_len=64),
        _f("debtor", max_len=32),
        _f("programme", max_len=128),
        _f("fiscal_year", "int", optional=True),
        _f("decision_date", "date", optional=True),
        _f("grant_amount", "int", optional=True, minimum=0),
        _f("order_date", "date", optional=True),
        _f("due_date", "date", optional=True),
        _f("principal", "int", minimum=0),
        _f("nature", max_len=8),
        _f("tranches", "tranches"),
    ),
    "payments": (
        _f("key", max_len=64),
        _f("debtor", max_len=32),
        _f("claim", optional=True, max_len=64),
        _f("paid_on", "date"),
        _f("amount", "int"),
        _f("source", max_len=64),
        _f("confirmed", "bool"),
        _f("reverses", optional=True, max_len=64),
    ),
    "attachments": (
        _f("key", max_len=64),
        _f("debtor", max_len=32),
        _f("filename", max_len=255),
        _f("mime", max_len=64),
        _f("size", "int", minimum=0),
        _f("sha256", max_len=64),
        _f("file", max_len=200),
    ),
    "records": (
        _f("key", max_len=32),
        _f("version", "int", minimum=1),
        _f("debtor", max_len=32),
        _f("superseded", "bool"),
        _f("at", "instant"),
        _f("channel", max_len=8),
        _f("direction", max_len=8),
        _f("person", max_len=128),
        _f("handler", max_len=128),
        _f("summary", max_len=LONG),
        _f("promise_amount", "int", optional=True, minimum=0),
        _f("promise_date", "date", optional=True),
        _f("next_action_on", "date", optional=True),
        _f("created_by", max_len=64),
        _f("created_at", "instant"),
    ),
    "inquiries": (
        _f("key", max_len=64),
        _f("debtor", max_len=32),
        _f("kind", max_len=16),
        _f("question", max_len=LONG),
        _f("asked_on", "date"),
        _f("answered_on", "date", optional=True),
        _f("answer", optional=True, max_len=LONG),
    ),
    "answers": (
        _f("key", max_len=64),
        _f("debtor", max_len=32),
        _f("answered_on", "date"),
        _f("answer", max_len=LONG),
    ),
    "documents": (
        _f("key", max_len=64),
        _f("debtor", max_len=32),
        _f("kind", max_len=32),
        _f("sent_on", "date"),
        _f("method", max_len=16),
        _f("tracking_no", max_len=64),
        _f("returned_on", "date", optional=True),
    ),
    "plans": (
        _f("key", max_len=64),
        _f("debtor", max_len=32),
        _f("total", "int", minimum=0),
        _f("status", max_len=16),
        _f("agreed_on", "date", optional=True),
        _f("accelerated_on", "date", optional=True),
        _f("rows", "rows"),
    ),
    "statuses": (_f("key", max_len=32), _f("status", max_len=16)),
    # the consultation area (contractor → ward in a `report`): keys are the contractor's ("c17")
    "businesses": (
        _f("key", max_len=32),
        _f("kind", choices=BUSINESS_KINDS),
        _f("name"),
        _f("name_kana"),
        _f("industry", choices=INDUSTRIES),
        _f("employees", "int", optional=True, minimum=0),
        _f("postal_code", max_len=16),
        _f("address", max_len=512),
        _f("phone", max_len=32),
        _f("email"),
        _f("representative", max_len=128),
        _f("representative_kana", max_len=128),
        _f("representative_born", "date", optional=True),
        _f("notes", max_len=LONG),
        _f("created_by", max_len=64),
        _f("created_at", "instant"),
        _f("updated_at", "instant"),
    ),
    "consultants": (
        _f("key", max_len=32),
        _f("name", max_len=128),
        _f("name_kana", max_len=128),
        _f("user_name", max_len=64),
        _f("active", "bool"),
        _f("created_at", "instant"),
    ),
    "advisors": (
        _f("key", max_len=32),
        _f("name", max_len=128),
        _f("name_kana", max_len=128),
        _f("specialty", max_len=128),
        _f("qualification", max_len=64),
        _f("base"),
        _f("active", "bool"),
        _f("created_at", "instant"),
    ),
    "seminars": (
        _f("key", max_len=32),
        _f("title"),
        _f("held_on", "date"),
        _f("starts_at", "time", optional=True),
        _f("ends_at", "time", optional=True),
        _f("venue"),
        _f("capacity", "int", minimum=1),
        _f("status", choices=SEMINAR_STATUSES),
        _f("notes", max_len=LONG),
        _f("created_by", max_len=64),
        _f("created_at", "instant"),
    ),
    "dispatches": (
        _f("key", max_len=32),
        _f("advisor", max_len=32),
        _f("business", max_len=32),
        _f("day", "date"),
        _f("start_time", "time"),
        _f("end_time", "time"),
        _f("break_minutes", "int", minimum=0),
        _f("car_m", "int", minimum=0),
        _f("transport_yen", "int", minimum=0),
        _f("route_m", "int", optional=True, minimum=0),
        _f("status", choices=DISPATCH_STATUSES),
        _f("summary", max_len=LONG),
        _f("nights", "tranches"),
        _f("created_by", max_len=64),
        _f("created_at", "instant"),
        _f("updated_at", "instant"),
    ),
    "consultations": (
        _f("key", max_len=32),
        _f("version", "int", minimum=1),
        _f("superseded", "bool"),
        _f("business", max_len=32),
        _f("at", "instant"),
        _f("consultant", max_len=32),
        _f("form", choices=FORMS),
        _f("categories", "choices", choices=CATEGORIES),
        _f("contents", max_len=LONG),
        _f("loan_bank", max_len=128),
        _f("loan_amount", "int", optional=True, minimum=0),
        _f("loan_status", choices=("", *LOAN_STATUSES)),
        _f("follow_up_on", "date", optional=True),
        _f("dispatch", optional=True, max_len=32),
        _f("created_by", max_len=64),
        _f("created_at", "instant"),
    ),
    "bookings": (
        _f("key", max_len=32),
        _f("consultant", max_len=32),
        _f("business", max_len=32),
        _f("starts_at", "instant"),
        _f("ends_at", "instant"),
        _f("form", choices=FORMS),
        _f("purpose"),
        _f("status", choices=BOOKING_STATUSES),
        _f("cancelled_at", "instant", optional=True),
        _f("cancel_reason"),
        _f("consultation", optional=True, max_len=48),  # "record key.version"
        _f("created_by", max_len=64),
        _f("created_at", "instant"),
    ),
    "applications": (
        _f("key", max_len=32),
        _f("seminar", max_len=32),
        _f("business", max_len=32),
        _f("attendee", max_len=128),
        _f("attendee_kana", max_len=128),
        _f("status", choices=APPLICATION_STATUSES),
        _f("queue_no", "int", minimum=0),
        _f("applied_at", "instant"),
        _f("confirmed_at", "instant", optional=True),
        _f("cancelled_at", "instant", optional=True),
        _f("attended", "bool", optional=True),
        _f("created_by", max_len=64),
    ),
}
FILE_NAMES = {entity: f"{entity}.jsonl" for entity in SCHEMAS}
ENTITY_LABELS = {
    "debtors": "債務者",
    "claims": "債権",
    "payments": "納付",
    "attachments": "添付書類",
    "records": "交渉記録",
    "inquiries": "照会",
    "answers": "照会への回答",
    "documents": "送付文書",
    "plans": "分納計画",
    "statuses": "進捗状況",
    "businesses": "相談事業者",
    "consultants": "相談員",
    "advisors": "専門家",
    "seminars": "セミナー",
    "dispatches": "専門家派遣",
    "consultations": "相談記録",
    "bookings": "相談予約",
    "applications": "セミナー申込",
}


def _plain(value: Any) -> Any:
    if isinstance(value, dt.time):
        return value.isoformat(timespec="minutes" if not value.second else "seconds")
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat(timespec="microseconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value


def encode(entity: str, row: Mapping[str, Any]) -> bytes:
    """One canonical JSON line (with its newline) for a record of `entity`."""
    names = [f.name for f in SCHEMAS[entity]]
    if set(row) != set(names):
        raise ValueError(f"{entity}: fields {sorted(set(row) ^ set(names))}")
    plain = {name: _plain(row[name]) for name in names}
    return (
        json.dumps(plain, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8") + b"\n"
    )


class _Bad(Exception):
    def __init__(self, field: str) -> None:
        self.field = field


def _date(value: Any, name: str) -> dt.date:
    if not isinstance(value, str) or len(value) != 10:
        raise _Bad(name)
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise _Bad(name) from None


def _time(value: Any, name: str) -> dt.time:
    if not isinstance(value, str) or len(value) not in (5, 8):
        raise _Bad(name)
    try:
        return dt.time.fromisoformat(value)
    except ValueError:
        raise _Bad(name) from None


def _int(value: Any, name: str, minimum: int | None = None) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or abs(value) > 10**15:
        raise _Bad(name)
    if minimum is not None and value < minimum:
        raise _Bad(name)
    return value


def _value(spec: Field, value: Any) -> Any:
    if value is None:
        if spec.optional:
            return None
        raise _Bad(spec.name)
    if spec.kind in ("text", "key"):
        if not isinstance(value, str) or len(value) > spec.max_len:
            raise _Bad(spec.name)
        if spec.choices is not None and value not in spec.choices:
            raise _Bad(spec.name)
        return value
    if spec.kind == "choices":
        choices = spec.choices or ()
        if (
            not isinstance(value, list)
            or not all(isinstance(item, str) and item in choices for item in value)
            or len(set(value)) != len(value)
        ):
            raise _Bad(spec.name)
        return list(value)
    if spec.kind == "time":
        return _time(value, spec.name)
    if spec.kind == "int":
        return _int(value, spec.name, spec.minimum)
    if spec.kind == "bool":
        if not isinstance(value, bool):
            raise _Bad(spec.name)
        return value
    if spec.kind == "date":
        return _date(value, spec.name)
    if spec.kind == "instant":
        try:
            instant = (
                dt.datetime.fromisoformat(value) if isinstance(value, str) and len(value) <= 40 else None
            )
        except ValueError:
            instant = None
        if instant is None or instant.tzinfo is None:
            raise _Bad(spec.name)
        return instant
    if spec.kind == "tranches":
        if not isinstance(value, list) or len(value) > 100:
            raise _Bad(spec.name)
        pairs = []
        for item in value:
            if not isinstance(item, list) or len(item) != 2:
                raise _Bad(spec.name)
            pairs.append((_date(item[0], spec.name), _int(item[1], spec.name, 0)))
        return pairs
    if spec.kind == "rows":
        if not isinstance(value, list) or len(value) > 1000:
            raise _Bad(spec.name)
        rows = []
        for item in value:
            if not isinstance(item, list) or len(item) != 3:
                raise _Bad(spec.name)
            rows.append((_int(item[0], spec.name, 1), _date(item[1], spec.name), _int(item[2], spec.name, 0)))
        return rows
    raise _Bad(spec.name)


def decode(entity: str, line: bytes, *, where: str) -> Row:
    """One record back from its JSON line, checked against the schema. `where` names file and line."""
    schema = SCHEMAS[entity]
    try:
        value = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise ValidationError(f"パッケージの{where}を読めません。何も取り込んでいません。") from None
    if not isinstance(value, dict) or set(value) != {f.name for f in schema}:
        raise ValidationError(f"パッケージの{where}の項目が形式 v1 と違います。何も取り込んでいません。")
    try:
        return {spec.name: _value(spec, value[spec.name]) for spec in schema}
    except _Bad as bad:
        raise ValidationError(
            f"パッケージの{where}の「{bad.field}」が不正です。何も取り込んでいません。",
            hint="送り手に確認し、作り直したパッケージを受け取ってください。",
        ) from None


def decode_lines(entity: str, lines: Iterable[bytes], *, file_name: str) -> Iterator[Row]:
    for number, line in enumerate(lines, start=1):
        if line.strip():
            yield decode(entity, line, where=f"「{file_name}」{number} 行目")


def digest(line: bytes) -> str:
    return hashlib.sha256(line).hexdigest()
