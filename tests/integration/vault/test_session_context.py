"""`VaultSession` as a context manager: the vault is closed (engine and key material dropped) however the
block ends — the CLI's commands rely on it instead of try/finally."""

from __future__ import annotations

import pytest

from saiken.domain.errors import SessionClosedError, ValidationError
from saiken.services import audit
from saiken.services.context import unit_of_work


def test_the_session_closes_when_the_block_ends(vault_session):
    with vault_session as session:
        assert session is vault_session and audit.count_entries(session) >= 0
    assert vault_session.closed
    with pytest.raises(SessionClosedError), unit_of_work(vault_session):
        pass


def test_the_session_closes_when_the_block_raises(vault_session):
    with pytest.raises(ValidationError), vault_session:
        raise ValidationError("入力を確かめてください。")
    assert vault_session.closed
