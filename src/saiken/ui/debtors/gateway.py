"""The service calls the debtor screens make, as functions of the vault session.

Widgets never hold the session: they pass these functions to the shell's background helper
(`Operations.call(fn, *args, on_result=…)`), which runs them on the database worker with the session it
alone keeps. Each returns the services' frozen dataclasses. Dates "as of today" come from the vault's Clock.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from saiken.services import search as search_services


def _debtors() -> Any:
    from saiken.services import debtors

    return debtors


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
    from saiken.services import users

    return [u.name for u in users.list_users(session) if getattr(u, "active", True)]


# --- the card ---------------------------------------------------------------------------------------------
def card(session: Any, debtor_id: int) -> Any:
    """Opening a card: audited `debtor.view` by the service."""
    return _debtors().get_card(session, debtor_id, as_of=today(session))


def charge_statement(session: Any, debtor_id: int) -> Any:
    return _debtors().charge_statement(session, debtor_id, as_of=today(session))


def accelerate_plan(session: Any, plan_id: int) -> Any:
    return _debtors().accelerate_plan(session, plan_id, on=today(session))


def mark_returned(session: Any, doc_id: int, on: dt.date | None = None) -> Any:
    return _debtors().mark_document_returned(session, doc_id, on=on or today(session))


def add_payment(session: Any, *args: Any, **kwargs: Any) -> Any:
    return _debtors().add_payment(session, *args, **kwargs)


def add_record(session: Any, *args: Any, **kwargs: Any) -> Any:
    return _debtors().add_record(session, *args, **kwargs)


def correct_record(session: Any, *args: Any, **kwargs: Any) -> Any:
    return _debtors().correct_record(session, *args, **kwargs)


def record_history(session: Any, *args: Any, **kwargs: Any) -> Any:
    return _debtors().record_history(session, *args, **kwargs)


def create_plan(session: Any, *args: Any, **kwargs: Any) -> Any:
    return _debtors().create_instalment_plan(session, *args, **kwargs)


def add_inquiry(session: Any, *args: Any, **kwargs: Any) -> Any:
    return _debtors().add_inquiry(session, *args, **kwargs)


def answer_inquiry(session: Any, *args: Any, **kwargs: Any) -> Any:
    return _debtors().answer_inquiry(session, *args, **kwargs)


def log_document(session: Any, *args: Any, **kwargs: Any) -> Any:
    return _debtors().log_document_sent(session, *args, **kwargs)


def add_attachment(session: Any, *args: Any, **kwargs: Any) -> Any:
    return _debtors().add_attachment(session, *args, **kwargs)


def read_attachment(session: Any, *args: Any, **kwargs: Any) -> Any:
    return _debtors().read_attachment(session, *args, **kwargs)


def set_tags(session: Any, *args: Any, **kwargs: Any) -> Any:
    return _debtors().set_tags(session, *args, **kwargs)


def update_notes(session: Any, *args: Any, **kwargs: Any) -> Any:
    return _debtors().update_notes(session, *args, **kwargs)


def set_status(session: Any, *args: Any, **kwargs: Any) -> Any:
    return _debtors().set_status(session, *args, **kwargs)


def assign_handler(session: Any, *args: Any, **kwargs: Any) -> Any:
    return _debtors().assign_handler(session, *args, **kwargs)
