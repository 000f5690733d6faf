"""A listing of personal data that leaves the application needs the export right and is audited with its
filter and count; searches are summarised per session (how many, never the text) — issue 6 item 8."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest

from saiken.cli import main
from saiken.domain.fictional import generate_debtors
from saiken.services import audit, debtors, users, vault

ADMIN, ADMIN_PW = "kanri", "ながい管理者の合言葉"
HANDLER, HANDLER_PW = "tanto", "取扱者のとても長い合言葉"
CLI = "import sys; from saiken.cli import main; sys.exit(main())"


@pytest.fixture
def office(tmp_path, monkeypatch, fixed_clock):
    """An unbound vault (a pseudo-terminal process opens it too) with 12 fictional debtors and a handler."""
    for name in ("SAIKEN_PASSWORD", "SAIKEN_NEW_PASSWORD", "SAIKEN_RECOVERY_KEY", "SAIKEN_USER"):
        monkeypatch.delenv(name, raising=False)
    folder = tmp_path / "vault"
    vault.create_vault(
        folder,
        org_role="contractor",
        org_name="架空法律事務所",
        admin_user=ADMIN,
        admin_password=ADMIN_PW,
        device_binding=False,
        clock=fixed_clock,
    )
    session = vault.open_vault(folder, ADMIN, ADMIN_PW, clock=fixed_clock)
    people = generate_debtors(12, seed=5)
    try:
        users.add_user(session, HANDLER, role="handler", password=HANDLER_PW)
        for person in people:
            debtors.add_debtor(
                session,
                management_no=person.management_no,
                name=person.name,
                kind=person.kind,
                name_kana=person.name_kana,
                representative=person.representative,
                address=person.address,
                phone=person.phone,
                claims=[{"principal": person.principal, "due_date": person.due_date}],
            )
    finally:
        session.close()
    return folder, people


def _entries(folder, action):
    session = vault.open_vault(folder, ADMIN, ADMIN_PW)
    try:
        return audit.list_entries(session, action=action)
    finally:
        session.close()


def test_a_handler_cannot_take_a_json_listing_out(office, capsys, monkeypatch):
    folder, _people = office
    monkeypatch.setenv("SAIKEN_PASSWORD", HANDLER_PW)
    code = main(["debtors", "--vault", str(folder), "--user", HANDLER, "--json"])
    out, err = capsys.readouterr()
    assert code == 5 and out == "" and "書出し" in err and err.count("\n") == 1
    code = main(["debtors", "--vault", str(folder), "--user", HANDLER])  # into a pipe/file: also leaves
    out, err = capsys.readouterr()
    assert code == 5 and out == ""


def test_an_export_is_audited_with_its_filter_and_count_never_the_text(office, capsys, monkeypatch):
    folder, people = office
    text = people[0].name[:2]
    monkeypatch.setenv("SAIKEN_PASSWORD", ADMIN_PW)
    code = main(["debtors", "--vault", str(folder), "--user", ADMIN, "--json", "--search", text])
    items = json.loads(capsys.readouterr().out)
    assert code == 0 and items
    code = main(["debtors", "--vault", str(folder), "--user", ADMIN, "--json", "--status", "未着手"])
    assert code == 0 and len(json.loads(capsys.readouterr().out)) == 12
    exports = _entries(folder, "export.debtor_listing")
    assert [e.details for e in reversed(exports)] == [
        {"count": len(items), "total": len(items), "output": "json", "search_text": True},
        {"count": 12, "total": 12, "output": "json", "search_text": False, "statuses": ["未着手"]},
    ]
    assert all(text not in json.dumps(e.details, ensure_ascii=False) for e in exports)
    assert _entries(folder, "search.summary") == []  # a listing is its own entry, not a search


def test_on_a_terminal_a_handler_may_list_and_it_is_audited(office):
    """A real pseudo-terminal: shown, not exported — Capability.READ, audited debtor.list."""
    folder, _people = office
    primary, secondary = os.openpty()
    env = {**os.environ, "SAIKEN_USER": HANDLER, "SAIKEN_PASSWORD": HANDLER_PW}
    process = subprocess.Popen(
        [sys.executable, "-c", CLI, "debtors", "--vault", str(folder)],
        stdin=secondary,
        stdout=secondary,
        stderr=secondary,
        env=env,
        start_new_session=True,
    )
    os.close(secondary)
    seen = b""
    deadline = time.monotonic() + 120
    try:
        while "計 12 件".encode() not in seen and time.monotonic() < deadline:
            try:
                chunk = os.read(primary, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
        assert process.wait(timeout=60) == 0, seen.decode(errors="replace")
    finally:
        if process.poll() is None:
            process.kill()
        os.close(primary)
    assert "計 12 件" in seen.decode()
    [listed] = _entries(folder, "debtor.list")
    assert listed.actor == HANDLER and listed.details["count"] == 12 and listed.details["output"] == "text"


def test_searches_are_summarised_per_session_without_the_text(office, fixed_clock):
    folder, people = office
    session = vault.open_vault(folder, HANDLER, HANDLER_PW, clock=fixed_clock)
    typed = people[3].representative[:2]
    for flt in (
        debtors.DebtorFilter(text=typed),
        debtors.DebtorFilter(statuses=frozenset({"未着手"})),
        debtors.DebtorFilter(),
    ):
        debtors.search_debtors(session, flt, limit=5)
    debtors.search_debtors(session, debtors.DebtorFilter(), offset=5, limit=5)  # the next page: same list
    session.close()
    [summary] = _entries(folder, "search.summary")
    assert summary.actor == HANDLER
    assert summary.details == {"count": 3, "filtered": 2, "with_text": 1}
    assert typed not in json.dumps(summary.details, ensure_ascii=False)
