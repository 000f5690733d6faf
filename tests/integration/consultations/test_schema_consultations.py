"""Migration 0007: the consultation tables and their FTS5 indexes, undone and redone; two people booking the
same slot at once cannot both succeed (the check runs inside BEGIN IMMEDIATE)."""

from __future__ import annotations

import threading

from alembic import command
from consult_testkit import TODAY, at
from sqlalchemy import inspect, text

from saiken.domain.errors import ValidationError
from saiken.services import consultations as cs
from saiken.store import migrate

TABLES = {
    "businesses", "business_search", "consultants", "consultations", "bookings", "seminars",
    "seminar_applications", "advisors", "dispatches", "dispatch_nights", "fee_standards",
}  # fmt: skip
FTS = {"business_fts", "business_grams", "consultation_fts", "consultation_grams"}


def _names(engine) -> set[str]:
    with engine.connect() as connection:
        return set(connection.execute(text("SELECT name FROM sqlite_master WHERE type = 'table'")).scalars())


def test_downgrade_below_0007_and_back(vault_session):
    engine = vault_session.engine
    assert TABLES | FTS <= _names(engine)
    config = migrate._config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0003_search")
    assert not (TABLES | FTS) & _names(engine)
    assert "debtor_fts" in _names(engine)  # the revision before is untouched
    migrate.upgrade(engine)
    assert TABLES | FTS <= set(inspect(engine).get_table_names()) | _names(engine)


def test_two_bookings_of_one_slot_at_once(vault_session, businesses, consultants):
    ids, _ = businesses
    thursday = TODAY.replace(day=TODAY.day + 2)
    results: list[object] = []
    barrier = threading.Barrier(4)

    def attempt(business_id: int) -> None:
        barrier.wait()
        try:
            results.append(
                cs.book(
                    vault_session,
                    consultant_id=consultants[0],
                    business_id=business_id,
                    starts_at=at(thursday, 10),
                )
            )
        except ValidationError as error:
            results.append(error)

    threads = [threading.Thread(target=attempt, args=(ids[i],)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    made = [r for r in results if not isinstance(r, ValidationError)]
    refused = [r for r in results if isinstance(r, ValidationError)]
    assert len(made) == 1 and len(refused) == 3
    assert len(cs.week_bookings(vault_session, thursday).bookings) == 1


def test_the_report_and_the_newest_first_page_never_sort(vault_session):
    """On an encrypted vault a temporary B-tree (a sorter) costs more than the scan itself: the report's
    grouped query follows the covering index's column order, and the newest-first page walks its index."""
    report = (
        "SELECT day, form, consultant_id, industry, categories, loan_status, count(*) FROM consultations "
        "WHERE superseded = 0 AND day >= '2025-04-01' AND day < '2025-10-01' "
        "GROUP BY day, form, consultant_id, industry, categories, loan_status"
    )
    page = "SELECT id FROM consultations WHERE superseded = 0 ORDER BY at DESC, id DESC LIMIT 100"
    with vault_session.engine.connect() as connection:
        for sql, index in ((report, "ix_consultations_report"), (page, "ix_consultations_current_at")):
            plan = " ".join(str(row[3]) for row in connection.execute(text(f"EXPLAIN QUERY PLAN {sql}")))
            assert f"COVERING INDEX {index}" in plan and "TEMP B-TREE" not in plan, plan
