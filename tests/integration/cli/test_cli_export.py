"""`saiken export negotiation-report` and `saiken export debtors` as a supervisor drives them (DESIGN §9):
the files read back with openpyxl and pypdf hold every record of the period and every debtor of the search,
no cell begins with = + - @ unneutralised, `--protect` puts a password on the file, a handler is refused and
nothing is written, and bad input is one Japanese line."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from office_files import decrypt_with_msoffcrypto
from saiken.cli import main
from saiken.domain.clock import JST, FixedClock
from saiken.domain.fictional import generate_debtors
from saiken.services import audit, debtors, users, vault
from saiken.services.debtors import DebtorFilter

ADMIN, ADMIN_PW = "kanri", "ながい管理者の合言葉"
HANDLER, HANDLER_PW = "tanto", "取扱者のとても長い合言葉"
HOSTILE = ('=HYPERLINK("http://example.jp")', "+81 架空", "-1 架空", "@SUM(A1)")
SEPTEMBER = [dt.datetime(2025, 9, 1, 9, 0, tzinfo=JST) + dt.timedelta(hours=17 * n) for n in range(40)]


@pytest.fixture
def office(tmp_path, monkeypatch):
    """A vault with 12 fictional debtors (one with hostile text), 40 records in September 2025 (4 of them
    beginning with = + - @, one corrected), 2 outside it, and a handler account."""
    clock = FixedClock(dt.datetime(2025, 10, 20, 1, 0, tzinfo=dt.UTC))  # the records are in the past
    for name in ("SAIKEN_PASSWORD", "SAIKEN_NEW_PASSWORD", "SAIKEN_USER", "SAIKEN_FILE_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    folder = tmp_path / "vault"
    vault.create_vault(
        folder,
        org_role="contractor",
        org_name="架空法律事務所",
        admin_user=ADMIN,
        admin_password=ADMIN_PW,
        device_binding=False,
        clock=clock,
    )
    session = vault.open_vault(folder, ADMIN, ADMIN_PW, clock=clock)
    people = generate_debtors(12, seed=11)
    try:
        users.add_user(session, HANDLER, role="handler", password=HANDLER_PW)
        ids = []
        for n, person in enumerate(people):
            ids.append(
                debtors.add_debtor(
                    session,
                    management_no=person.management_no,
                    name=person.name,
                    kind=person.kind,
                    name_kana=person.name_kana,
                    representative="=cmd|' /C calc'!A0" if n == 0 else person.representative,
                    address=person.address,
                    phone=person.phone,
                    claims=[{"principal": person.principal, "due_date": person.due_date}],
                ).value.id
            )
        expected = []
        for n, at in enumerate(SEPTEMBER):
            summary = HOSTILE[n] if n < len(HOSTILE) else f"架空の連絡 その{n}"
            row = debtors.add_record(
                session, ids[n % 12], at=at, channel="電話", direction="発信", person="本人", summary=summary
            ).value
            expected.append((people[n % 12].management_no, summary))
        corrected = debtors.add_record(
            session, ids[5], at=SEPTEMBER[0], channel="来所", direction="受信", person="本人", summary="誤記"
        ).value
        debtors.correct_record(session, corrected.id, summary="訂正後の記録")
        expected.append((people[5].management_no, "訂正後の記録"))
        for at in (dt.datetime(2025, 8, 31, 23, 59, tzinfo=JST), dt.datetime(2025, 10, 1, 0, 0, tzinfo=JST)):
            debtors.add_record(
                session, ids[1], at=at, channel="書面", direction="発信", person="本人", summary="期間外"
            )
        assert row is not None
    finally:
        session.close()
    monkeypatch.setenv("SAIKEN_USER", ADMIN)
    monkeypatch.setenv("SAIKEN_PASSWORD", ADMIN_PW)
    return folder, people, expected


def run(capsys, *args: object) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def _strings(path_or_bytes) -> list[str]:
    source = io.BytesIO(path_or_bytes) if isinstance(path_or_bytes, bytes) else path_or_bytes
    workbook = load_workbook(source)
    values = [
        cell.value
        for sheet in workbook.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, str)
    ]
    assert all(
        cell.data_type != "f" for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row
    )
    workbook.close()
    return values


def _unneutralised(values: list[str]) -> list[str]:
    return [v for v in values if v[:1] in ("=", "+", "-", "@")]


def test_the_report_of_a_month_holds_every_current_record_of_it(office, tmp_path, capsys):
    folder, _people, expected = office
    out = tmp_path / "交渉記録報告書.xlsx"
    code, text, err = run(
        capsys, "export", "negotiation-report", "--vault", folder, "--from", "R7.9.1", "--to", "令和7年9月30日",
        "--out", out, "--json",
    )  # fmt: skip
    assert code == 0, err
    payload = json.loads(text)
    assert payload["rows"] == len(expected) == 41 and payload["protected"] is False
    values = _strings(out)
    assert _unneutralised(values) == []
    for hostile in HOSTILE:
        assert "'" + hostile in values  # kept, as text, behind the apostrophe
    summaries = [v for v in values if v.startswith("架空の連絡") or v == "訂正後の記録"]
    assert sorted(summaries) == sorted(s for _no, s in expected if not s.startswith(HOSTILE))
    assert "誤記" not in values and "期間外" not in values
    assert "記録件数：41件（債務者 12名）" in values
    (entry,) = _entries(folder, "export.negotiation_report")
    assert entry.details["rows"] == 41 and entry.details["sha256"] == payload["sha256"]


def test_the_report_as_pdf_reads_back_with_every_record(office, tmp_path, capsys):
    folder, _people, _expected = office
    out = tmp_path / "報告書.pdf"
    code, text, err = run(
        capsys, "export", "negotiation-report", "--vault", folder, "--from", "2025-09-01", "--to", "2025-09-30",
        "--out", out,
    )  # fmt: skip
    assert code == 0, err
    assert "交渉記録報告書（令和7年9月1日〜令和7年9月30日、41件）を 報告書.pdf に保存しました" in text
    reader = PdfReader(out)
    page = reader.pages[0]
    assert float(page.mediabox.width) > float(page.mediabox.height)  # A4 landscape
    content = "".join(p.extract_text() for p in reader.pages)
    compact = content.replace(" ", "").replace("\n", "")
    assert "交渉記録報告書" in compact and "令和7年9月1日" in compact
    for n in range(len(HOSTILE), 40):
        assert f"架空の連絡その{n}" in compact
    assert "訂正後の記録" in compact and "期間外" not in compact
    assert f"1/{len(reader.pages)}" in compact


def test_the_debtor_list_holds_every_debtor_of_the_search(office, tmp_path, capsys):
    folder, people, _expected = office
    numbers = {p.management_no for p in people}
    session = vault.open_vault(folder, ADMIN, ADMIN_PW)
    try:
        word = people[3].name_kana[:2]
        wanted = [r.management_no for r in debtors.search_debtors(session, DebtorFilter(text=word)).rows]
        in_order = [r.management_no for r in debtors.search_debtors(session, DebtorFilter()).rows]
    finally:
        session.close()
    assert wanted and len(wanted) < 12
    out = tmp_path / "一覧.xlsx"
    code, text, err = run(
        capsys, "export", "debtors", "--vault", folder, "--search", word, "--out", out, "--json"
    )
    assert code == 0, err
    assert json.loads(text)["rows"] == len(wanted)
    assert [v for v in _strings(out) if v in numbers] == wanted  # every hit, in the list's order
    everyone = tmp_path / "全員.xlsx"
    code, text, err = run(capsys, "export", "debtors", "--vault", folder, "--out", everyone)
    assert code == 0, err
    assert text == f"債務者一覧（12名）を 全員.xlsx に保存しました（確認コード {_check_code(everyone)}）。\n"
    values = _strings(everyone)
    assert [v for v in values if v in numbers] == in_order and len(in_order) == 12
    assert _unneutralised(values) == [] and "'=cmd|' /C calc'!A0" in values
    entries = _entries(folder, "export.debtor_list")  # newest first
    assert [e.details["rows"] for e in entries] == [12, len(wanted)]
    assert all(word not in json.dumps(e.details, ensure_ascii=False) for e in entries)


def test_protect_puts_a_password_on_the_file(office, tmp_path, capsys):
    folder, _people, _expected = office
    out = tmp_path / "保護.xlsx"
    code, text, err = run(capsys, "export", "debtors", "--vault", folder, "--out", out, "--protect", "--json")
    assert code == 0, err
    payload = json.loads(text)
    assert payload["protected"] is True and payload["file_password"]
    data = out.read_bytes()
    assert not data.startswith(b"PK")  # an encrypted Office file, not a plain workbook
    with pytest.raises(Exception, match=r"(?i)verification failed"):
        decrypt_with_msoffcrypto(data, "x" + payload["file_password"])
    values = _strings(decrypt_with_msoffcrypto(data, payload["file_password"]))
    assert {p.management_no for p in office[1]} <= set(values)
    (entry,) = _entries(folder, "export.debtor_list")
    assert entry.details["protected"] is True and payload["file_password"] not in json.dumps(entry.details)


def test_a_handler_may_not_export_and_nothing_is_written(office, tmp_path, capsys, monkeypatch):
    folder, _people, _expected = office
    monkeypatch.setenv("SAIKEN_USER", HANDLER)
    monkeypatch.setenv("SAIKEN_PASSWORD", HANDLER_PW)
    for argv in (
        ["export", "debtors", "--vault", folder, "--out", tmp_path / "a.xlsx"],
        ["export", "negotiation-report", "--vault", folder, "--from", "R7.9.1", "--to", "R7.9.30",
         "--out", tmp_path / "b.xlsx"],
    ):  # fmt: skip
        code, out, err = run(capsys, *argv)
        assert code == 5 and out == "" and err.startswith("エラー: ") and err.count("\n") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["vault"]


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["--from", "R7.9.30", "--to", "R7.9.1", "--out", "r.xlsx"], "開始日"),
        (["--from", "令和7年2月30日", "--to", "R7.9.1", "--out", "r.xlsx"], "--from"),
        (["--to", "R7.9.1", "--out", "r.xlsx"], "--from"),
        (["--from", "R7.9.1", "--to", "R7.9.30", "--out", "r.csv"], ".xlsx"),
        (["--from", "R7.9.1", "--to", "R7.9.30"], "--out"),
        (["--from", "R7.9.1", "--to", "R7.9.30", "--out", "r.xlsx", "--handler", "nobody"], "nobody"),
    ],
)
def test_bad_input_is_one_japanese_line_and_writes_nothing(office, tmp_path, capsys, monkeypatch, argv, said):
    folder, _people, _expected = office
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "export", "negotiation-report", "--vault", folder, *argv)
    assert code != 0 and out == "" and said in err and err.count("\n") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["vault"]


def _check_code(path) -> str:
    import hashlib

    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16].upper()
    return "-".join(digest[i : i + 4] for i in range(0, 16, 4))


def _entries(folder, action):
    session = vault.open_vault(folder, ADMIN, ADMIN_PW)
    try:
        return audit.list_entries(session, action=action)
    finally:
        session.close()
