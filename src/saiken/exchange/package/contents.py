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

from saiken.domain.errors import ValidationError

Row = dict[str, Any]


@dataclass(frozen=True)
class Field:
    name: str
    kind: str  # text, int, date, instant, bool, key, tranches, rows
    optional: bool = False
    max_len: int = 256
    minimum: int | None = None


def _f(
    name: str, kind: str = "text", *, optional: bool = False, max_len: int = 256, minimum: int | None = None
) -> Field:
    return Field(name, kind, optional, max_len, minimum)


LONG = 20_000
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
}


def _plain(value: Any) -> Any:
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
        return value
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
