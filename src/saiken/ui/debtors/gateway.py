"""The service calls the debtor screens make, as functions of the vault session.

Widgets never hold the session: they pass these functions to the shell's background helper
(`Operations.call(fn, *args, on_result=…)`), which runs them on the database worker with the session it
alone keeps. Each returns the services' frozen dataclasses. Dates "as of today" come from the vault's Clock.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from saiken.services import debtors as debtor_services
from saiken.services import search as search_services
from saiken.services import users as user_services


def today(session: Any) -> dt.date:
    return session.clock.today()


# --- list and search --------------------------------------------------------------------------------------
def make_filter(**fields: Any) -> Any:
    return search_services.DebtorFilter(**fields)


def search(session: Any, flt: Any, offset: int, limit: int) -> Any:
    return search_services.search_debtors(session, flt, offset=offset, limit=limit)


def list_conditions(session: Any) -> list[tuple[str, Any]]:
    return list(search_services.list_conditions(session))


def save_condition(session: Any, name: str, flt: Any) -> Any:
    return search_services.save_condition(session, name, flt)


def delete_condition(session: Any, name: str) -> Any:
    return search_services.delete_condition(session, name)


def handler_names(session: Any) -> list[str]:
    return [u.name for u in user_services.list_users(session) if getattr(u, "active", True)]


# --- the card ---------------------------------------------------------------------------------------------
def card(session: Any, debtor_id: int) -> Any:
    """Opening a card: audited `debtor.view` by the service."""
    return debtor_services.get_card(session, debtor_id, as_of=today(session))


def charge_statement(session: Any, debtor_id: int) -> Any:
    return debtor_services.charge_statement(session, debtor_id, as_of=today(session))


def accelerate_plan(session: Any, plan_id: int) -> Any:
    return debtor_services.accelerate_plan(session, plan_id, on=today(session))


def mark_returned(session: Any, doc_id: int, on: dt.date | None = None) -> Any:
    return debtor_services.mark_document_returned(session, doc_id, on=on or today(session))


add_payment = debtor_services.add_payment
add_record = debtor_services.add_record
correct_record = debtor_services.correct_record
record_history = debtor_services.record_history
create_plan = debtor_services.create_instalment_plan
add_inquiry = debtor_services.add_inquiry
answer_inquiry = debtor_services.answer_inquiry
log_document = debtor_services.log_document_sent
add_attachment = debtor_services.add_attachment
read_attachment = debtor_services.read_attachment
set_tags = debtor_services.set_tags
update_notes = debtor_services.update_notes
set_status = debtor_services.set_status
assign_handler = debtor_services.assign_handler
