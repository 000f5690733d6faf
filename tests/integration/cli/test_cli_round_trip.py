"""Must hold (issue 9): ward → firm → ward through the real `saiken` command, in processes of its own, on two
fresh vaults made by `saiken init`: counts and totals are equal on both sides, the firm's negotiation
records arrive at the ward, both ledgers name the media and `ledger verify` passes on both. At the end
the firm erases the engagement (`saiken erase`) and the ward's import of the erasure package closes its
medium.

The extraction is the project's own fictional workbook (saiken.domain.fictional). Recording calls is done in
the GUI's debtor card; here the firm's clerk records them through the same service between two commands."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from saiken.domain.fictional import generate_debtors
from saiken.exchange.excel.ward_writer import write_ward_workbook
from saiken.services import debtors, vault
from saiken.services.debtors import DebtorFilter

ADMIN, PW = "kanri", "ながい管理者の合言葉です"
WARD, FIRM = "架空区 産業振興課", "架空お玉ヶ池法律事務所"
DEBTORS = 24
CALLS = 5


def saiken_command() -> list[str]:
    script = Path(sys.executable).with_name("saiken")
    return [str(script)] if script.exists() else [sys.executable, "-m", "saiken.cli"]


@pytest.fixture
def cli(tmp_path):
    env = {
        **os.environ,
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",  # no OS keyring in a test process
        "SAIKEN_USER": ADMIN,
        "SAIKEN_PASSWORD": PW,
        "SAIKEN_NEW_PASSWORD": PW,
    }
    env.pop("SAIKEN_PACKAGE_PASSWORD", None)

    def run(*args: object, password: str | None = None, ok: bool = True) -> subprocess.CompletedProcess[str]:
        extra = {"SAIKEN_PACKAGE_PASSWORD": password} if password else {}
        done = subprocess.run(
            [*saiken_command(), *(str(a) for a in args)],
            env={**env, **extra},
            capture_output=True,
            text=True,
            timeout=300,
            cwd=tmp_path,
        )
        if ok:
            assert done.returncode == 0, (args, done.stdout, done.stderr)
        return done

    return run


def json_of(done: subprocess.CompletedProcess[str]) -> object:
    return json.loads(done.stdout)


def totals(run, folder: Path) -> tuple[int, int, int, int]:
    rows = json_of(run("debtors", "--vault", folder, "--json"))
    assert isinstance(rows, list)
    return (
        len(rows),
        sum(int(r["principal"]) for r in rows),
        sum(int(r["paid"]) for r in rows),
        sum(int(r["balance"]) for r in rows),
    )


def pair(run, tmp_path: Path, ward: Path, firm: Path) -> None:
    for folder, name in ((ward, "ward"), (firm, "firm")):
        run("org", "export-key", "--vault", folder, "--out", tmp_path / f"{name}-key.json")
    for folder, other in ((ward, "firm"), (firm, "ward")):
        added = json_of(
            run("org", "add", "--vault", folder, "--key", tmp_path / f"{other}-key.json", "--json")
        )
        assert isinstance(added, dict)
        run("org", "confirm", "--vault", folder, added["id"], "--yes")


def record_calls(folder: Path, clock) -> int:
    """The firm's clerk records calls to the first debtors (the GUI's debtor card, through its service)."""
    session = vault.open_vault(folder, ADMIN, PW, clock=clock)
    try:
        rows = debtors.list_debtors(session, DebtorFilter(), export=False).rows
        for index, row in enumerate(rows[:CALLS]):
            debtors.add_record(
                session,
                row.id,
                at=clock.now() - dt.timedelta(hours=index + 1),
                channel="電話",
                direction="発信",
                person="代表者",
                summary=f"納付について相談。{index + 1}回目の架電。",
            )
    finally:
        session.close()
    return CALLS


def test_ward_to_firm_to_ward_through_the_command_line(cli, tmp_path, fixed_clock):
    run = cli
    ward, firm = tmp_path / "ward-vault", tmp_path / "firm-vault"
    run("init", "--vault", ward, "--role", "ward", "--org", WARD, "--admin", ADMIN, "--no-device-binding")
    run(
        "init",
        "--vault",
        firm,
        "--role",
        "contractor",
        "--org",
        FIRM,
        "--admin",
        ADMIN,
        "--no-device-binding",
    )
    extraction = tmp_path / "ward_extraction_R7.xlsx"
    write_ward_workbook(extraction, generate_debtors(DEBTORS, seed=9))
    run("import-excel", "--vault", ward, extraction)
    pair(run, tmp_path, ward, firm)
    [engagement] = json_of(run("engagements", "--vault", ward, "--json"))  # type: ignore[misc]
    run(
        "engagement", "set", "--vault", ward, engagement["id"], "--counterpart", "1",
        "--title", "補助金返還金 督促等業務", "--from", "2025-09-16", "--to", "2026-03-31",
    )  # fmt: skip
    ward_totals = totals(run, ward)
    assert ward_totals[0] == DEBTORS and ward_totals[1] > 0

    # ward → firm: debtors on CD-R 区-R7-001, the password in a file only its owner reads
    burn, secret = tmp_path / "burn-ward", tmp_path / "secret-ward.txt"
    burn.mkdir()
    sent = json_of(
        run(
            "package",
            "export",
            "--vault",
            ward,
            "--kind",
            "debtors",
            "--to",
            FIRM,
            "--media-id",
            "区-R7-001",
            "--out",
            burn,
            "--notice",
            tmp_path / "notice-ward.pdf",
            "--password-file",
            secret,
            "--json",
        )
    )
    assert isinstance(sent, dict) and sent["records"]["debtors"] == DEBTORS
    run("package", "verify", sent["package"], "--sha256", sent["sha256"])
    password = secret.read_text(encoding="utf-8").strip()
    wrong = run("package", "import", "--vault", firm, sent["package"], "--media-id", "区-R7-001",
                password="ABCD-" * 6 + "ABCD", ok=False)  # fmt: skip
    assert wrong.returncode != 0 and len(wrong.stderr.strip().splitlines()) == 1
    received = json_of(
        run(
            "package",
            "import",
            "--vault",
            firm,
            sent["package"],
            "--media-id",
            "区-R7-001",
            "--person",
            "架空太郎",
            "--json",
            password=password,
        )
    )
    assert isinstance(received, dict) and received["counts"]["debtors"]["new"] == DEBTORS
    assert received["sender"] == WARD and len(received["sender_checkpoint"].split(":")) == 2
    assert totals(run, firm) == ward_totals  # counts and totals to the yen

    # the firm works the files, then reports back on 事-R7-001
    calls = record_calls(firm, fixed_clock)
    burn_firm, secret_firm = tmp_path / "burn-firm", tmp_path / "secret-firm.txt"
    burn_firm.mkdir()
    report = json_of(
        run(
            "package",
            "export",
            "--vault",
            firm,
            "--kind",
            "report",
            "--to",
            WARD,
            "--media-id",
            "事-R7-001",
            "--out",
            burn_firm,
            "--notice",
            tmp_path / "notice-firm.pdf",
            "--password-file",
            secret_firm,
            "--json",
        )
    )
    assert isinstance(report, dict) and report["records"]["records"] == calls
    workbook = tmp_path / "交渉記録報告書.xlsx"
    back = json_of(
        run(
            "package",
            "import",
            "--vault",
            ward,
            report["package"],
            "--media-id",
            "事-R7-001",
            "--report-out",
            workbook,
            "--json",
            password=secret_firm.read_text(encoding="utf-8").strip(),
        )
    )
    assert isinstance(back, dict) and back["counts"]["records"]["new"] == calls
    assert back["acknowledged"] == 1  # the firm acknowledged the ward's debtors package
    sheet = openpyxl.load_workbook(workbook).active
    assert sheet is not None
    written = [row for row in sheet.iter_rows(values_only=True) if any("架電" in str(c) for c in row if c)]
    assert len(written) == calls
    assert totals(run, ward) == ward_totals == totals(run, firm)

    # both ledgers name both media and verify
    for folder in (ward, firm):
        entries = json_of(run("ledger", "--vault", folder, "--json"))
        assert isinstance(entries, list)
        media = {e["medium_id"] for e in entries}
        assert {"区-R7-001", "事-R7-001"} <= media, media
        checked = run("ledger", "verify", "--vault", folder)  # exit 0: chain, member signatures, head
        assert checked.stdout.startswith("OK:") and f"（{len(entries)} 件）" in checked.stdout
    ward_ledger = json_of(run("ledger", "--vault", ward, "--json"))
    assert isinstance(ward_ledger, list)
    [arrived] = [e for e in ward_ledger if e["medium_id"] == "事-R7-001"]
    assert arrived["event"] == "received" and arrived["counterpart_org"] == FIRM
    assert arrived["counterpart_checkpoint"].count(":") == 1

    # the end of the work: the firm erases the engagement; the erasure package closes the ward's medium
    burn_erase, secret_erase = tmp_path / "burn-erase", tmp_path / "secret-erase.txt"
    burn_erase.mkdir()
    [firm_engagement] = json_of(run("engagements", "--vault", firm, "--json"))  # type: ignore[misc]
    erased = run(
        "erase", "--vault", firm, "--engagement", firm_engagement["id"], "--certificate", tmp_path / "消去証明書.pdf",
        "--responsible", "架空花子", "--package-out", burn_erase, "--to", WARD, "--media-id", "事-R7-009",
        "--password-file", secret_erase, "--yes",
    )  # fmt: skip
    assert "消去しました" in erased.stdout and secret_erase.stat().st_mode & 0o777 == 0o600
    assert totals(run, firm)[0] == 0
    [package] = list(burn_erase.iterdir())
    closed = json_of(
        run("package", "import", "--vault", ward, package, "--media-id", "事-R7-009", "--json",
            password=secret_erase.read_text(encoding="utf-8").strip())
    )  # fmt: skip
    assert isinstance(closed, dict) and closed["kind"] == "erasure"
    open_media = json_of(run("ledger", "media", "--vault", ward, "--json"))
    assert isinstance(open_media, list) and "区-R7-001" not in {m["medium_id"] for m in open_media}
    ward_ledger = json_of(run("ledger", "--vault", ward, "--json"))
    assert isinstance(ward_ledger, list)
    assert any(e["medium_id"] == "区-R7-001" and e["event"] == "erased" for e in ward_ledger)
    run("ledger", "verify", "--vault", ward)
