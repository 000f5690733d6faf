"""`saiken dispatch-fee` (the worked examples, exact, as integer yen) and `saiken consultations` (folded
search; --json needs the export right and is audited with its filter and count)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from saiken.cli import main
from saiken.domain.clock import JST
from saiken.services import consultations as cs
from saiken.services import users, vault

PW = "ながい管理者の合言葉"
HANDLER_PW = "担当者のながい合言葉です"


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def fee(capsys, *args: str) -> dict:
    code, out, err = run(capsys, "dispatch-fee", *args, "--json")
    assert (code, err) == (0, "")
    return json.loads(out)


def test_dispatch_fee_gives_the_worked_examples(capsys):
    keys = {"honorarium", "travel", "day_allowance", "lodging", "total"}
    two_forty = fee(capsys, "--start", "10:00", "--end", "12:40")
    assert keys <= set(two_forty) and all(type(two_forty[k]) is int for k in keys)
    assert (two_forty["honorarium"], two_forty["total"]) == (13_200, 13_200)
    assert fee(capsys, "--start", "09:00", "--end", "17:20")["honorarium"] == 31_680
    assert fee(capsys, "--start", "13:00", "--end", "13:25")["honorarium"] == 0
    car = fee(capsys, "--start", "10:00", "--end", "12:40", "--km", "123.7")
    assert (car["travel"], car["day_allowance"], car["total"]) == (4_551, 1_100, 18_851)
    stay = fee(capsys, "--start", "10:00", "--end", "12:40", "--lodging", "12000")
    assert (stay["lodging"], stay["total"]) == (9_800, 23_000)
    train = fee(capsys, "--start", "14:00", "--end", "16:00", "--transport", "3,460", "--route-km", "180")
    assert (train["travel"], train["day_allowance"]) == (3_460, 1_100)


def test_dispatch_fee_in_words_and_its_errors(capsys):
    code, out, _ = run(capsys, "dispatch-fee", "--start", "10:00", "--end", "12:40", "--km", "123.7")
    assert code == 0 and "合計     18,851円" in out and "私有車 123km" in out
    for args, message in (
        (["--start", "10:00"], "--end を指定してください"),
        (["--start", "12:00", "--end", "11:00"], "終了時刻"),
        (["--start", "10:00", "--end", "12:00", "--km", "abc"], "--km「abc」を数で入力"),
        (["--start", "25:00", "--end", "26:00"], "時:分"),
    ):
        code, out, err = run(capsys, "dispatch-fee", *args)
        assert code != 0 and out == ""
        assert message in err and len(err.strip().splitlines()) == 1
    with pytest.raises(SystemExit) as stopped:
        main(["dispatch-fee", "--help"])
    help_text = capsys.readouterr().out
    assert stopped.value.code == 0 and "例:" in help_text and "saiken dispatch-fee --start 10:00" in help_text


@pytest.fixture
def vault_dir(tmp_path, monkeypatch):
    for name in ("SAIKEN_PASSWORD", "SAIKEN_USER"):
        monkeypatch.delenv(name, raising=False)
    folder = tmp_path / "vault"
    vault.create_vault(
        folder, org_role="contractor", org_name="架空法律事務所", admin_user="kanri", admin_password=PW,
        device_binding=False,
    )  # fmt: skip
    s = vault.open_vault(folder, "kanri", PW)
    try:
        users.add_user(s, "tantou", role="handler", password=HANDLER_PW)
        consultant = cs.add_consultant(s, "相川　恵", name_kana="アイカワ　メグミ").row.id
        business = cs.add_business(
            s, name="株式会社髙橋精機", name_kana="カブシキガイシャタカハシセイキ", phone="03-3210-5555",
            representative="髙橋　一郎",
        ).row.id  # fmt: skip
        other = cs.add_business(s, name="四谷洋菓子店", name_kana="ヨツヤヨウガシテン").row.id
        today = s.clock.today()
        for day, who, contents, categories in (
            (today - dt.timedelta(days=3), business, "運転資金の相談。", ["資金繰り"]),
            (today - dt.timedelta(days=2), other, "ネット通販を始めたい。", ["販路開拓", "IT化"]),
        ):
            cs.add_consultation(
                s, who, at=dt.datetime(day.year, day.month, day.day, 10, tzinfo=JST), consultant_id=consultant,
                form="窓口", categories=categories, contents=contents,
            )  # fmt: skip
    finally:
        s.close()
    monkeypatch.setenv("SAIKEN_USER", "kanri")
    monkeypatch.setenv("SAIKEN_PASSWORD", PW)
    return folder


def test_consultations_json_lists_the_documented_keys(capsys, vault_dir):
    code, out, err = run(capsys, "consultations", "--vault", vault_dir, "--json")
    assert (code, err) == (0, "")
    items = json.loads(out)
    assert [i["business"] for i in items] == ["四谷洋菓子店", "株式会社髙橋精機"]  # newest first
    first = items[0]
    for key in ("business", "kana", "date", "consultant", "form", "categories", "contents"):
        assert key in first
    assert first["categories"] == ["販路開拓", "IT化"] and first["consultant"] == "相川　恵"
    for query in ("たかはし", "ﾀｶﾊｼ", "高橋", "0332105555"):
        code, out, _ = run(capsys, "consultations", "--vault", vault_dir, "--search", query, "--json")
        assert code == 0 and [i["business"] for i in json.loads(out)] == ["株式会社髙橋精機"], query


def test_json_is_an_export_and_is_audited(capsys, vault_dir, monkeypatch):
    run(capsys, "consultations", "--vault", vault_dir, "--search", "たかはし", "--json")
    s = vault.open_vault(vault_dir, "kanri", PW)
    try:
        from saiken.services import audit

        [entry] = audit.list_entries(s, action="export.consultations")
        assert entry.details["rows"] == 1 and "search_digest" in entry.details["filter"]
        assert "たかはし" not in json.dumps(entry.details, ensure_ascii=False)
    finally:
        s.close()
    monkeypatch.setenv("SAIKEN_USER", "tantou")
    monkeypatch.setenv("SAIKEN_PASSWORD", HANDLER_PW)
    code, out, err = run(capsys, "consultations", "--vault", vault_dir, "--json")
    assert code == 5 and out == "" and "権限" in err
    code, out, _ = run(capsys, "consultations", "--vault", vault_dir)  # shown at the terminal: allowed
    assert code == 0 and "計 2 件" in out


def test_a_wrong_password_is_one_line(capsys, vault_dir, monkeypatch):
    monkeypatch.setenv("SAIKEN_PASSWORD", "まちがったパスワードです")
    code, out, err = run(capsys, "consultations", "--vault", vault_dir, "--json")
    assert code != 0 and out == "" and len(err.strip().splitlines()) == 1
