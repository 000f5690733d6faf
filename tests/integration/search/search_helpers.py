"""Storing debtors for the search tests: the project's fictional generator, stored with the real models and indexed
by the real index writer (saiken.services.debtors.search_index) in one transaction, as the services do."""

from __future__ import annotations

import datetime as dt

from saiken.domain.fictional import FictionalDebtor
from saiken.services.context import VaultSession, unit_of_work
from saiken.services.debtors.search_index import index_debtors
from saiken.store.models import Claim, Debtor, Engagement, Payment


def store_debtors(
    vault: VaultSession, debtors: list[FictionalDebtor], **overrides: dict[str, object]
) -> dict[str, int]:
    """Store `debtors` (with one claim and the paid amount as one payment each); returns management_no -> id.

    `overrides` maps a management number to Debtor fields to set (e.g. handler_user_id, next_action_on).
    """
    now = vault.clock.now()
    ids: dict[str, int] = {}
    with unit_of_work(vault) as work:
        engagement = Engagement(ward="架空区", contractor="架空法律事務所", created_at=now)
        work.session.add(engagement)
        work.session.flush()
        for item in debtors:
            debtor = Debtor(
                engagement_id=engagement.id,
                management_no=item.management_no,
                kind=item.kind,
                name=item.name,
                name_kana=item.name_kana,
                representative=item.representative,
                representative_kana=item.representative_kana,
                postal_code=item.postal_code,
                address=item.address,
                phone=item.phone,
                email=item.email or "",
                status=item.status,
                principal_total=item.principal,
                paid_total=item.paid,
                created_at=now,
                updated_at=now,
            )
            for key, value in overrides.get(item.management_no, {}).items():
                setattr(debtor, key, value)
            work.session.add(debtor)
            work.session.flush()
            work.session.add(
                Claim(
                    debtor_id=debtor.id,
                    fiscal_year=item.fiscal_year,
                    principal=item.principal,
                    order_date=item.order_date,
                    due_date=item.due_date,
                )
            )
            if item.paid:
                work.session.add(
                    Payment(
                        debtor_id=debtor.id,
                        paid_on=dt.date(2025, 9, 1),
                        amount=item.paid,
                        confirmed_by_ward=True,
                        created_by="admin",
                        created_at=now,
                    )
                )
            ids[item.management_no] = debtor.id
        index_debtors(work.session, ids.values())
    return ids
