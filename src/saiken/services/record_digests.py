"""Digests of the records each audited transaction changed, so `audit verify --records` can name any record
changed outside the application (DESIGN §5).

How changes are seen: every connection of ours carries TEMP triggers (in memory, invisible in the file) on
each record table that note `(table, rowid)` of every row inserted, updated or deleted into a TEMP table.
At the end of a unit of work the noted rows are read back as they are now and digested:

    digest(row) = SHA-256( canonical JSON of {column: value} ), bytes as "sha256:<hex>"; "deleted" if gone

The digests go into `record_digests` under the sequence number of the transaction's last audit entry, and
that entry's signed hash covers `records = SHA-256(canonical JSON of the sorted [table, rowid, digest])`.
A script that changes a row through its own connection fires none of our triggers, so the row's newest
digest no longer matches it. Tables of derived data (the search index), the logs themselves and Alembic's
are not tracked. A migration changes rows on purpose: the vault service records a fresh baseline after it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from json.encoder import encode_basestring
from typing import Any

from sqlalchemy.orm import Session

from saiken.security.audit_chain import canonical_json
from saiken.store.base import Base

DELETED = "deleted"
UNTRACKED = frozenset(
    {"audit_log", "record_digests", "membership_log", "debtor_search", "business_search", "alembic_version"}
)
# settings.audit_head changes with every entry; it is checked against the chain, not as a record.
_EXCEPT = {"settings": ("key", "audit_head")}
_FLAG = "saiken_record_triggers"
_BATCH = 500


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def raw_connection(session: Session) -> Any:
    """The DB-API (sqlcipher3) connection under `session`, inside the session's transaction."""
    return session.connection().connection.dbapi_connection


def tracked_tables(raw: Any) -> list[str]:
    """The record tables present in this database (mapped models minus the untracked ones).
    `raw` is a DB-API connection (sqlcipher3): ours inside a unit of work, or a backup's."""
    present = {row[0] for row in raw.execute("SELECT name FROM main.sqlite_master WHERE type = 'table'")}
    return sorted(name for name in Base.metadata.tables if name in present and name not in UNTRACKED)


def _install(session: Session) -> None:
    info = session.connection().info
    raw = raw_connection(session)
    tables = tracked_tables(raw)
    marker = ",".join(tables)
    if (
        info.get(_FLAG) == marker
        and raw.execute("SELECT 1 FROM temp.sqlite_master WHERE name = 'saiken_changed'").fetchone()
    ):
        return  # (a PRAGMA such as temp_store drops the temp schema: then it is made again)
    raw.execute(
        "CREATE TEMP TABLE IF NOT EXISTS saiken_changed (tbl TEXT NOT NULL, row_id INTEGER NOT NULL, "
        "PRIMARY KEY (tbl, row_id)) WITHOUT ROWID"
    )
    for table in tables:
        column, value = _EXCEPT.get(table, (None, None))
        for event, row in (("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD")):
            when = f" WHEN {row}.{column} <> '{value}'" if column else ""
            also = (
                f"INSERT OR IGNORE INTO temp.saiken_changed VALUES ('{table}', OLD.rowid); "
                if event == "UPDATE"
                else ""
            )
            raw.execute(
                f"CREATE TEMP TRIGGER IF NOT EXISTS saiken_rd_{table}_{event.lower()} AFTER {event} "
                f"ON main.{_quote(table)}{when} BEGIN {also}"
                f"INSERT OR IGNORE INTO temp.saiken_changed VALUES ('{table}', {row}.rowid); END"
            )
    info[_FLAG] = marker


def begin(session: Session) -> None:
    """At the start of a unit of work: triggers in place, nothing noted yet."""
    _install(session)
    raw_connection(session).execute("DELETE FROM temp.saiken_changed")


def _value(value: Any) -> Any:
    if isinstance(value, bytes | bytearray | memoryview):
        return "sha256:" + hashlib.sha256(bytes(value)).hexdigest()
    return value


def row_digest(columns: Iterable[str], values: Iterable[Any]) -> str:
    """The digest of one row (the definition; `RowDigester` gives the same for many rows of one table)."""
    data = {column: _value(value) for column, value in zip(columns, values, strict=True)}
    return hashlib.sha256(canonical_json(data).encode("utf-8")).hexdigest()


def _float_json(value: float) -> str:
    """A float as `json` writes it (allow_nan: NaN, Infinity, -Infinity)."""
    if value != value:
        return "NaN"
    if value == _INFINITY:
        return "Infinity"
    if value == -_INFINITY:
        return "-Infinity"
    return float.__repr__(value)


_INFINITY = float("inf")
# How canonical_json (json.dumps, ensure_ascii off) writes each type SQLite gives back (NULL, INTEGER, REAL,
# TEXT), by the exact type: the same C function for text, the same repr for numbers.
_JSON_OF: dict[type, Callable[[Any], str]] = {
    str: encode_basestring,
    int: int.__repr__,
    float: _float_json,
    type(None): lambda _value: "null",
}


class RowDigester:
    """`row_digest` for many rows of one table at once: the bulk path of every digest this module makes.

    Made once per column list (a cursor's description), it sorts the column names once instead of once per
    row and keeps the JSON text around the values as a template (`{"a":%s,"b":%s}` with the keys sorted,
    as canonical_json writes them); each value is written as `json` writes it, chosen by its exact type. A
    row holding any other type (a blob, which `_value` turns into `sha256:<hex>`, or anything unexpected)
    is digested by `row_digest` itself. `digest(values)` equals `row_digest(columns, values)` for every row
    of `len(columns)` values (tests/unit/services/test_record_digester.py holds them side by side)."""

    __slots__ = ("_columns", "_order", "_template")

    def __init__(self, columns: Sequence[str]) -> None:
        self._columns = tuple(columns)
        self._order = sorted(range(len(columns)), key=lambda index: columns[index])
        keys = [encode_basestring(columns[index]) for index in self._order]
        self._template = "{" + ",".join(key.replace("%", "%%") + ":%s" for key in keys) + "}"
        if len(set(columns)) != len(columns):  # a name twice: the dict of the definition keeps one
            self._template = ""

    def digest(self, values: Sequence[Any]) -> str:
        """The digest of one row whose values are in the order of the columns given at construction."""
        if len(values) != len(self._columns):
            raise ValueError(f"{len(values)} values for {len(self._columns)} columns")
        try:
            if not self._template:
                raise KeyError(self._columns)
            written = tuple([_JSON_OF[type(values[index])](values[index]) for index in self._order])
        except KeyError:  # a blob or another type: the definition itself
            return row_digest(self._columns, values)
        return hashlib.sha256((self._template % written).encode("utf-8")).hexdigest()


def _digests(raw: Any, table: str, row_ids: list[int]) -> dict[int, str]:
    found: dict[int, str] = {}
    for start in range(0, len(row_ids), _BATCH):
        chunk = row_ids[start : start + _BATCH]
        marks = ",".join("?" * len(chunk))
        cursor = raw.execute(
            f"SELECT rowid, * FROM main.{_quote(table)} WHERE rowid IN ({marks})", tuple(chunk)
        )
        digester = RowDigester([d[0] for d in cursor.description][1:])
        for row in cursor.fetchall():
            found[int(row[0])] = digester.digest(row[1:])
    return found


def collect(session: Session) -> list[tuple[str, int, str]]:
    """The rows this unit of work changed, as (table, rowid, digest of the row now), sorted."""
    raw = raw_connection(session)
    noted = raw.execute("SELECT tbl, row_id FROM temp.saiken_changed ORDER BY tbl, row_id").fetchall()
    by_table: dict[str, list[int]] = {}
    for table, row_id in noted:
        by_table.setdefault(str(table), []).append(int(row_id))
    raw.execute("DELETE FROM temp.saiken_changed")
    items: list[tuple[str, int, str]] = []
    for table, row_ids in sorted(by_table.items()):
        digests = _digests(raw, table, row_ids)
        items += [(table, row_id, digests.get(row_id, DELETED)) for row_id in row_ids]
    return items


def store(session: Session, seq: int, items: Sequence[tuple[str, int, str]]) -> None:
    """Keep `items` (table, rowid, digest) in `record_digests` under the audit entry `seq` that signs them:
    one executemany of plain tuples (an import stores tens of thousands)."""
    if items:
        session.connection().exec_driver_sql(
            "INSERT INTO record_digests (tbl, row_id, seq, digest) VALUES (?, ?, ?, ?)",
            [(table, row_id, seq, digest) for table, row_id, digest in items],
        )


def baseline(session: Session) -> list[tuple[str, int, str]]:
    """Every record as it is now (after a migration or at the upgrade): the next entry carries them all."""
    raw_connection(session).execute("DELETE FROM temp.saiken_changed")
    return list(all_rows(raw_connection(session)))


def records_digest(items: Iterable[tuple[str, int, str]]) -> str:
    """What the audit entry signs: the digest of its sorted (table, rowid, digest) list."""
    return hashlib.sha256(canonical_json(sorted([list(i) for i in items])).encode("utf-8")).hexdigest()


def all_rows(raw: Any) -> Iterator[tuple[str, int, str]]:
    """Every record in every tracked table with its digest (a baseline, and what `--records` compares)."""
    for table in tracked_tables(raw):
        column, value = _EXCEPT.get(table, (None, None))
        where = f" WHERE {column} <> '{value}'" if column else ""
        cursor = raw.execute(f"SELECT rowid, * FROM main.{_quote(table)}{where} ORDER BY rowid")
        digester = RowDigester([d[0] for d in cursor.description][1:])
        for row in cursor:
            yield table, int(row[0]), digester.digest(row[1:])


@dataclass(frozen=True)
class RecordProblem:
    """A record whose state is not the one the application last recorded (`kind`: changed, added, deleted)."""

    table: str
    row_id: int
    kind: str


def check_records(raw: Any) -> list[RecordProblem]:
    """Every tracked row against its newest recorded digest (rows never recorded count as added)."""
    latest: dict[tuple[str, int], str] = {}
    for table, row_id, digest in raw.execute("SELECT tbl, row_id, digest FROM record_digests ORDER BY seq"):
        latest[(str(table), int(row_id))] = str(digest)
    problems: list[RecordProblem] = []
    seen: set[tuple[str, int]] = set()
    for table, row_id, digest in all_rows(raw):
        seen.add((table, row_id))
        recorded = latest.get((table, row_id))
        if recorded is None or recorded == DELETED:
            problems.append(RecordProblem(table, row_id, "added"))
        elif recorded != digest:
            problems.append(RecordProblem(table, row_id, "changed"))
    tables = set(tracked_tables(raw))
    for (table, row_id), digest in sorted(latest.items()):
        if (table, row_id) not in seen and digest != DELETED and table in tables:
            problems.append(RecordProblem(table, row_id, "deleted"))
    return problems
