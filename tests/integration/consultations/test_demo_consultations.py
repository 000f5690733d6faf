"""The demo vault's consultation area: fictional, current, and showing every feature once."""

from __future__ import annotations

import datetime as dt

from saiken.domain.fictional_consult import generate_businesses
from saiken.services import consultations as cs
from saiken.services.consultations.handover import changes_since
from saiken.services.consultations.reports import consultation_report
from saiken.services.demo import DEMO_PASSWORD, DEMO_USER, create_demo_vault
from saiken.services.vault import open_vault


def test_the_demo_has_businesses_consultations_bookings_seminars_and_dispatches(tmp_path, fixed_clock):
    create_demo_vault(tmp_path / "demo", clock=fixed_clock)
    s = open_vault(tmp_path / "demo", DEMO_USER, DEMO_PASSWORD, clock=fixed_clock)
    try:
        today = fixed_clock.today()
        fictional = {b.name for b in generate_businesses(40, seed=7)}
        page = cs.search_businesses(s, "", limit=100)
        assert page.total == 40 and {row.name for row in page.rows} == fictional
        assert cs.search_businesses(s, "ﾀｶﾊｼ").total == 2  # 高橋 and 髙橋
        latest = cs.search_consultations(s, cs.ConsultationFilter(), limit=1).rows[0]
        assert latest.at.date() <= today and (today - latest.at.date()).days < 7
        report = consultation_report(s, today.year, today.month)
        assert report.month_counts.consultations > 0 and report.year_counts.consultations > 50
        seminars = cs.list_seminars(s)
        assert any(x.waiting > 0 and x.confirmed == x.capacity and x.held_on > today for x in seminars)
        assert any(x.attended > 0 and x.held_on < today for x in seminars)
        week = cs.week_bookings(s, today, include_cancelled=True)
        assert {b.status for b in week.bookings} >= {"予約"}
        dispatches = cs.list_dispatches(s)
        assert {d.status for d in dispatches} == {"実施", "予定"}
        months = {(d.day.year, d.day.month) for d in dispatches if d.status == "実施"}
        year, month = max(months)
        statements = cs.monthly_totals(s, year, month)
        assert statements and all(x.total == sum(day.total for day in x.days) for x in statements)
        assert any(
            r.versions == 2 for r in cs.search_consultations(s, cs.ConsultationFilter(), limit=1000).rows
        )
        everything = changes_since(s, 0)
        assert len(everything.businesses) == 40 and len(everything.dispatches) == len(dispatches)
        assert all(date < today + dt.timedelta(days=40) for date in (x.held_on for x in seminars))
    finally:
        s.close()


def test_every_record_the_demo_made_is_accounted_for_by_the_signed_audit(tmp_path, fixed_clock):
    """`audit verify --records` on a vault the application alone made finds nothing: every row's last
    recorded digest is the row as it is, in both demo vaults."""
    from saiken.services import audit

    for role in ("contractor", "ward"):
        create_demo_vault(tmp_path / role, clock=fixed_clock, org_role=role)
        s = open_vault(tmp_path / role, DEMO_USER, DEMO_PASSWORD, clock=fixed_clock)
        try:
            report = audit.verify(s, records=True)
            assert report.problems == [] and report.ok
        finally:
            s.close()
