"""`store.bulk.insert_rows` stores exactly what `insert(table)` with the same rows stores, in a real
SQLCipher file: dates and UTC datetimes as text, booleans as 0/1, NULLs, scalar Python defaults for columns
left out, server defaults, generated columns and new rowids from the database."""

from __future__ import annotations

import datetime as dt
import secrets

import pytest
from sqlalchemy import (
    Boolean,
    Column,
    Computed,
    Date,
    Integer,
    MetaData,
    String,
    Table,
    insert,
    select,
    text,
)

from saiken.store.base import UTCDateTime
from saiken.store.bulk import insert_rows
from saiken.store.engine import make_engine


def _table(metadata: MetaData, name: str) -> Table:
    return Table(
        name,
        metadata,
        Column("id", Integer, primary_key=True),
        Column("name", String(64), nullable=False),
        Column("kind", String(8), nullable=False, default="法人"),
        Column("paid_on", Date),
        Column("at", UTCDateTime, nullable=False),
        Column("confirmed", Boolean, nullable=False, default=False),
        Column("amount", Integer, nullable=False),
        Column("note", String(32), nullable=False, server_default="なし"),
        Column("doubled", Integer, Computed("amount * 2")),
    )


@pytest.fixture
def engine(tmp_path):
    engine = make_engine(tmp_path / "bulk.db", secrets.token_bytes(32))
    yield engine
    engine.dispose()


ROWS = [
    {
        "name": "架空商事株式会社",
        "paid_on": dt.date(2025, 4, 1),
        "at": dt.datetime(2025, 9, 16, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=9))),
        "confirmed": True,
        "amount": 10_000,
    },
    {
        "name": "ｶﾌﾞｼｷｶﾞｲｼｬ 架空",
        "paid_on": None,
        "at": dt.datetime(2025, 9, 16, 1, 0, 0, 123456, tzinfo=dt.UTC),
        "confirmed": False,
        "amount": -1,
    },
]


def test_the_same_rows_are_stored_as_insert_stores_them(engine):
    metadata = MetaData()
    core, bulk = _table(metadata, "by_core"), _table(metadata, "by_bulk")
    metadata.create_all(engine)
    with engine.begin() as connection:
        connection.execute(insert(core), ROWS)
        assert insert_rows(connection, bulk, ROWS) == 2
    with engine.connect() as connection:
        stored_core = connection.exec_driver_sql("SELECT * FROM by_core ORDER BY id").fetchall()
        stored_bulk = connection.exec_driver_sql("SELECT * FROM by_bulk ORDER BY id").fetchall()
        typed = connection.execute(select(bulk).order_by(bulk.c.id)).all()
    assert stored_bulk == stored_core
    assert stored_bulk[0] == (
        1,
        "架空商事株式会社",
        "法人",
        "2025-04-01",
        "2025-09-16T01:00:00.000000+00:00",
        1,
        10_000,
        "なし",
        20_000,
    )
    assert typed[1].paid_on is None and typed[1].confirmed is False and typed[1].kind == "法人"
    assert typed[0].at == dt.datetime(2025, 9, 16, 1, 0, tzinfo=dt.UTC)


def test_given_ids_and_an_empty_batch(engine):
    metadata = MetaData()
    table = _table(metadata, "given")
    metadata.create_all(engine)
    with engine.begin() as connection:
        assert insert_rows(connection, table, []) == 0
        insert_rows(connection, table, [{**ROWS[0], "id": 41}, {**ROWS[1], "id": 40}])
        assert connection.execute(select(table.c.id).order_by(table.c.id)).scalars().all() == [40, 41]


def test_rows_that_cannot_be_stored_as_insert_would_are_refused_and_nothing_is_stored(engine):
    metadata = MetaData()
    table = _table(metadata, "refused")
    stamped = Table(
        "stamped",
        metadata,
        Column("id", Integer, primary_key=True),
        Column("token", String(32), default=lambda: secrets.token_hex(4)),
    )
    metadata.create_all(engine)
    with pytest.raises(ValueError, match="same columns"), engine.begin() as connection:
        insert_rows(connection, table, [ROWS[0], {"name": "架空", "amount": 1, "at": ROWS[0]["at"]}])
    with pytest.raises(ValueError, match="same columns"), engine.begin() as connection:
        insert_rows(connection, table, [ROWS[0], {**ROWS[1], "kind": "個人"} | {"amount": 2}])
    with pytest.raises(ValueError, match="same columns"), engine.begin() as connection:
        other = dict(ROWS[1])
        del other["confirmed"]
        insert_rows(connection, table, [ROWS[0], {**other, "kind": "個人"}])
    with pytest.raises(ValueError, match="no column"), engine.begin() as connection:
        insert_rows(connection, table, [{**ROWS[0], "colour": "red"}])
    with pytest.raises(ValueError, match="default"), engine.begin() as connection:
        insert_rows(connection, stamped, [{"id": 1}])
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM refused")).scalar() == 0
