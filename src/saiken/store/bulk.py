"""Bulk INSERTs: many rows of one table in one `executemany`, for imports of thousands of rows.

`insert_rows(connection, table, rows)` stores what `connection.execute(insert(table), rows)` stores: the same
columns, each value converted by its column type's own bind processor (dates and `UTCDateTime` as ISO text,
booleans as 0/1 …), the column's scalar Python-side `default` for a column the rows leave out, and the
database's own defaults (server defaults, generated columns, a new rowid) for the rest. What it saves is
SQLAlchemy's per-row work (compiling the parameters of every row one by one): the statement is built once,
each row becomes one tuple, and the DB-API driver gets the whole list. Triggers fire as for any INSERT, so
the record digests of the unit of work (saiken.services.record_digests) see every row.

Every row must give the same keys (as with `insert(table)` and a list of dicts). A column whose Python-side
default is a function is refused: call `insert(table)` for such a table.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from sqlalchemy import Column, Connection, Table


def _processor(column: Column[Any], connection: Connection) -> Callable[[Any], Any] | None:
    """The function SQLAlchemy runs on this column's values for this dialect (None: passed as they are)."""
    dialect = connection.dialect
    processor: Callable[[Any], Any] | None = column.type.dialect_impl(dialect).bind_processor(dialect)
    return processor


def insert_rows(connection: Connection, table: Table, rows: Sequence[Mapping[str, Any]]) -> int:
    """INSERT every row of `rows` (column key → value, the same keys in each) into `table` through
    `connection`, inside its transaction. Returns how many rows were given (see the module docstring)."""
    if not rows:
        return 0
    keys = list(rows[0])
    unknown = [key for key in keys if key not in table.columns]
    if unknown:
        raise ValueError(f"{table.name} has no column {', '.join(unknown)}")
    columns = [table.columns[key] for key in keys]
    defaults: list[tuple[Column[Any], Any]] = []
    for column in table.columns:
        if column.key in keys or column.default is None:
            continue
        default: Any = column.default
        if not getattr(default, "is_scalar", False):
            raise ValueError(f"{table.name}.{column.key} has a default that insert_rows cannot compute")
        defaults.append((column, default.arg))
    all_columns = columns + [column for column, _ in defaults]
    constants = tuple(value for _, value in defaults)
    processors = [(index, _processor(column, connection)) for index, column in enumerate(all_columns)]
    convert = [(index, processor) for index, processor in processors if processor is not None]
    pick: Callable[[Mapping[str, Any]], tuple[Any, ...]] = (
        operator.itemgetter(*keys) if len(keys) > 1 else lambda row: (row[keys[0]],)
    )
    width = len(keys)
    values: list[tuple[Any, ...]] = []
    for row in rows:
        try:
            if len(row) != width:
                raise KeyError(table.name)
            picked = pick(row) + constants
        except KeyError:
            raise ValueError(
                f"every row of {table.name} must give the same columns: {', '.join(keys)}"
            ) from None
        if convert:
            items = list(picked)
            for index, processor in convert:
                items[index] = processor(items[index])
            picked = tuple(items)
        values.append(picked)
    quote = connection.dialect.identifier_preparer.quote
    names = ", ".join(quote(column.name) for column in all_columns)
    marks = ", ".join("?" * len(all_columns))
    connection.exec_driver_sql(f"INSERT INTO {quote(table.name)} ({names}) VALUES ({marks})", values)
    return len(values)
