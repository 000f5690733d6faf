"""`saiken charges` and `saiken wareki` as a user runs them (DESIGN §9, issue 3 item 8)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from saiken.cli import main

JSON_KEYS = {
    "due",
    "principal_remaining",
    "additional_charge",
    "additional_charge_remaining",
    "late_charge",
    "late_charge_remaining",
    "total_remaining",
    "overpaid",
}


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_charges_json_gives_the_worked_example(capsys: pytest.CaptureFixture[str]) -> None:
    # The hand-worked example of tests/unit/domain/test_domain_charges.py, entered with 和暦 dates:
    # 1,234,567 received R7.1.10, due 2025-07-31, paid in full 2025-09-15 → 加算金 92,222, 延滞金 17,037.
    status, out, err = run_cli(
        capsys,
        "charges",
        "--principal",
        "1,234,567",
        "--received",
        "R7.1.10",
        "--due",
        "令和7年7月31日",
        "--payment",
        "2025-09-15:1,234,567",
        "--as-of",
        "2025-10-01",
        "--json",
    )
    assert status == 0, err
    data = json.loads(out)
    assert set(data) == JSON_KEYS | {"segments"}
    assert {key: data[key] for key in JSON_KEYS} == {
        "due": "2025-07-31",
        "principal_remaining": 0,
        "additional_charge": 92_222,
        "additional_charge_remaining": 92_222,
        "late_charge": 17_037,
        "late_charge_remaining": 17_037,
        "total_remaining": 109_259,
        "overpaid": 0,
    }
    assert all(type(data[key]) is int for key in JSON_KEYS - {"due"})
    assert [(s["kind"], s["days"], s["amount"]) for s in data["segments"]] == [
        ("additional", 249, "922221549/10000"),
        ("late", 46, "85185123/5000"),  # 170,370,246/10000 reduced
    ]


def test_charges_options_partial_payments_and_overpayment(capsys: pytest.CaptureFixture[str]) -> None:
    # Base unit 1,000, result unit 100, minimum 1,000 (worked example): 加算金 94,800, 延滞金 19,600.
    status, out, _ = run_cli(
        capsys,
        "charges",
        "--principal",
        "1234567",
        "--received",
        "2025-01-10",
        "--due",
        "2025-07-31",
        "--payment",
        "2025-08-20:234999",
        "--as-of",
        "2025-09-30",
        "--base-unit",
        "1000",
        "--result-unit",
        "100",
        "--minimum",
        "1000",
        "--json",
    )
    assert status == 0
    data = json.loads(out)
    assert (data["additional_charge"], data["late_charge"], data["principal_remaining"]) == (
        94_800,
        19_600,
        999_568,
    )
    # Overpayment: 100,000 received 2025-04-01, due 04-21, 120,000 paid 05-20 → 1,500 + 870, overpaid 17,630.
    status, out, _ = run_cli(
        capsys,
        "charges",
        "--principal",
        "100000",
        "--received",
        "2025-04-01",
        "--due",
        "2025-04-21",
        "--payment",
        "2025-05-20:120000",
        "--as-of",
        "2025-06-30",
        "--json",
    )
    data = json.loads(out)
    assert (data["total_remaining"], data["overpaid"]) == (0, 17_630)
    # No additional charge, and two tranches (latest first): worked example 加算金 62,850, 延滞金 8,160.
    status, out, _ = run_cli(
        capsys,
        "charges",
        "--principal",
        "700000",
        "--tranche",
        "2024-04-01:600000",
        "--tranche",
        "R6.10.1:400000",
        "--due",
        "2025-03-31",
        "--payment",
        "2025-04-30:500000",
        "--payment",
        "2025-05-31:200000",
        "--as-of",
        "2025-06-30",
        "--json",
    )
    data = json.loads(out)
    assert (data["additional_charge"], data["late_charge"], data["total_remaining"]) == (
        62_850,
        8_160,
        71_010,
    )
    status, out, _ = run_cli(
        capsys,
        "charges",
        "--principal",
        "700000",
        "--tranche",
        "2024-04-01:600000",
        "--tranche",
        "R6.10.1:400000",
        "--due",
        "2025-03-31",
        "--payment",
        "2025-04-30:500000",
        "--payment",
        "2025-05-31:200000",
        "--as-of",
        "2025-06-30",
        "--no-additional",
        "--json",
    )
    assert json.loads(out)["additional_charge"] == 0 and json.loads(out)["total_remaining"] == 8_160


def test_charges_statement_in_japanese(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run_cli(
        capsys,
        "charges",
        "--principal",
        "500000",
        "--received",
        "2025-04-01",
        "--due",
        "2025-06-30",
        "--payment",
        "2025-07-10:200000",
        "--as-of",
        "2025-08-31",
    )
    assert status == 0
    assert "元金" in out and "残 300,000円" in out
    assert "加算金" in out and "19,830円" in out
    assert "延滞金" in out and "6,180円" in out
    assert "326,010円" in out  # 未納合計
    assert "2025-07-01〜2025-07-10　10日　500,000円 × 10.95% × 10/365 = 1,500円" in out
    assert "令和7年6月30日" in out
    status, out, _ = run_cli(
        capsys,
        "charges",
        "--principal",
        "100000",
        "--received",
        "2025-04-01",
        "--due",
        "2025-04-21",
        "--payment",
        "2025-05-20:120000",
        "--as-of",
        "2025-06-30",
    )
    assert status == 0 and "過納額" in out and "17,630円" in out and "元金完納日 2025-05-20" in out


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        (
            [
                "--principal",
                "abc",
                "--received",
                "2025-01-01",
                "--due",
                "2025-02-01",
                "--as-of",
                "2025-03-01",
            ],
            "--principal: 「abc」は金額として読めません",
        ),
        (["--received", "2025-01-01", "--due", "2025-02-01", "--as-of", "2025-03-01"], "--principal を指定"),
        (
            [
                "--principal",
                "1000",
                "--received",
                "2025-02-30",
                "--due",
                "2025-02-01",
                "--as-of",
                "2025-03-01",
            ],
            "--received: 「2025-02-30」は存在しない日付",
        ),
        (
            [
                "--principal",
                "1000",
                "--received",
                "2025-01-01",
                "--due",
                "2025-02-01",
                "--as-of",
                "2025-03-01",
                "--payment",
                "2025-02-10",
            ],
            "日付:金額 の形",
        ),
        (
            [
                "--principal",
                "1000",
                "--received",
                "2025-01-01",
                "--due",
                "2025-02-01",
                "--as-of",
                "2025-03-01",
                "--payment",
                "2025-02-10:12.5",
            ],
            "1円未満の端数",
        ),
        (
            [
                "--principal",
                "1000",
                "--received",
                "2025-01-01",
                "--due",
                "2025-02-01",
                "--as-of",
                "2025-03-01",
                "--base-unit",
                "0",
            ],
            "--base-unit: 1円以上",
        ),
        (
            [
                "--principal",
                "1000",
                "--received",
                "2025-01-01",
                "--tranche",
                "2025-01-01:1000",
                "--due",
                "2025-02-01",
                "--as-of",
                "2025-03-01",
            ],
            "同時に指定できません",
        ),
        (
            [
                "--principal",
                "1000",
                "--received",
                "2025-01-01",
                "--due",
                "2025-02-01",
                "--as-of",
                "2025-03-01",
                "--profile",
                "nope",
            ],
            "規則「nope」はありません",
        ),
    ],
)
def test_charges_bad_input_is_one_line_and_non_zero(
    capsys: pytest.CaptureFixture[str], argv: list[str], fragment: str
) -> None:
    status, out, err = run_cli(capsys, "charges", *argv)
    assert status != 0
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert fragment in err
    assert "Traceback" not in err


def test_wareki_both_ways(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(capsys, "wareki", "2025-09-16")[:2] == (0, "令和7年9月16日\n")
    assert run_cli(capsys, "wareki", "2019-05-01")[:2] == (0, "令和元年5月1日\n")
    assert run_cli(capsys, "wareki", "2025-09-16", "--style", "short")[:2] == (0, "R7.9.16\n")
    assert run_cli(capsys, "wareki", "--parse", "令和7年9月16日")[:2] == (0, "2025-09-16\n")
    assert run_cli(capsys, "wareki", "--parse", "Ｒ０７／０９／１６")[:2] == (0, "2025-09-16\n")
    assert run_cli(capsys, "wareki", "--parse", "H31.4.30")[:2] == (0, "2019-04-30\n")


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        (["--parse", "令和元年4月30日"], "令和が始まる前の日付"),
        (["2025-02-30"], "存在しない日付"),
        ([], "日付を1つ指定してください"),
        (["2025-09-16", "--style", "odd"], "--style"),
    ],
)
def test_wareki_bad_input(capsys: pytest.CaptureFixture[str], argv: list[str], fragment: str) -> None:
    status, out, err = run_cli(capsys, "wareki", *argv)
    assert status != 0 and out == ""
    assert len(err.strip().splitlines()) == 1 and fragment in err


def _saiken() -> str:
    script = Path(sys.executable).with_name("saiken")
    if not script.exists():
        pytest.skip("the saiken console script is not installed in this environment")
    return str(script)


@pytest.mark.slow  # two real processes, each importing every CLI command module
def test_real_subprocess() -> None:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(
        [
            _saiken(),
            "charges",
            "--principal",
            "333,333",
            "--received",
            "R6.2.1",
            "--due",
            "2024-02-20",
            "--as-of",
            "2024-03-31",
            "--json",
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    # Leap-year worked example: 60 days → 5,999; 40 days → 3,999.
    assert (data["additional_charge"], data["late_charge"], data["total_remaining"]) == (
        5_999,
        3_999,
        343_331,
    )
    bad = subprocess.run(
        [_saiken(), "wareki", "--parse", "平成元年1月7日"],  # before 平成 began (平成32年 reads as 2020)
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=60,
        check=False,
    )
    assert bad.returncode != 0 and bad.stdout == ""
    assert len(bad.stderr.strip().splitlines()) == 1 and "平成が始まる前の日付" in bad.stderr
