"""What a handover package will carry: the consultation records this side owns changed after a point."""

from __future__ import annotations

import datetime as dt

import pytest
from consult_testkit import TODAY, as_user, at

from saiken.domain.errors import PermissionDeniedError
from saiken.domain.roles import Role
from saiken.services import audit
from saiken.services import consultations as cs
from saiken.services.consultations.handover import changes_since


def test_changes_since_a_point(vault_session, consultants, advisors):
    business = cs.add_business(vault_session, name="架空商店", phone="03-3000-1111").row
    record = cs.add_consultation(
        vault_session, business.id, at=at(TODAY, 9), consultant_id=consultants[0], form="窓口",
        categories=["資金繰り"], contents="相談。",
    ).row  # fmt: skip
    everything = changes_since(vault_session)
    assert everything.owner == "contractor" and everything.after_seq == 0
    assert [b["name"] for b in everything.businesses] == ["架空商店"]
    assert len(everything.consultants) == 3 and len(everything.advisors) == 3
    assert everything.consultations[0]["categories"] == ["資金繰り"]
    point = everything.through_seq
    assert changes_since(vault_session, point).empty
    corrected = cs.correct_consultation(vault_session, record.id, contents="訂正した相談。").row
    cs.add_dispatch(
        vault_session, advisor_id=advisors[0], business_id=business.id, day=TODAY, start_time="10:00",
        end_time="12:40", car_km="123.7", nights=[9_000],
    )  # fmt: skip
    later = changes_since(vault_session, point)
    assert sorted((c["id"], c["superseded"]) for c in later.consultations) == [
        (record.id, True),
        (corrected.id, False),
    ]
    [dispatch] = later.dispatches
    assert dispatch["car_km"] == "123.7" and dispatch["nights"] == [(TODAY - dt.timedelta(days=1), 9_000)]
    assert later.counts() == {
        "businesses": 0, "consultants": 0, "consultations": 2, "bookings": 0, "seminars": 0,
        "applications": 0, "advisors": 0, "dispatches": 1,
    }  # fmt: skip
    assert changes_since(vault_session, owner="ward").empty  # nothing here is the ward's
    # every row these actions stamped is the row its signed digest describes (the stamp reached the file)
    assert audit.verify(vault_session, records=True).problems == []
    with pytest.raises(PermissionDeniedError):
        changes_since(as_user(vault_session, "tantou", Role.HANDLER))
