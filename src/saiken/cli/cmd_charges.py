"""`saiken charges`: principal, 加算金 and 延滞金 on a date, by the exact rules of DESIGN §8.

    saiken charges --principal N --received DATE --due DATE [--payment DATE:AMOUNT]... [--as-of DATE]
                   [--base-unit N] [--result-unit N] [--minimum N] [--no-additional]
                   [--tranche DATE:AMOUNT]... [--profile NAME] [--json]

Dates in ISO or 和暦 (2025-09-16, 令和7年9月16日, R7.9.16); amounts as 1234567, 1,234,567 or 1,234,567円.
`--json` prints `due`, `principal_remaining`, `additional_charge`, `additional_charge_remaining`,
`late_charge`, `late_charge_remaining`, `total_remaining`, `overpaid` and `segments`.
No vault is needed: the command computes, it stores nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import unicodedata

from saiken.cli.common import Commands, print_json
from saiken.domain.charges import ChargeResult, Payment, Tranche, compute_charges
from saiken.domain.clock import system_clock
from saiken.domain.errors import ValidationError
from saiken.domain.money import format_exact_yen, format_yen, parse_yen
from saiken.domain.rule_profiles import PRESETS, RuleProfile, format_percent, preset
from saiken.domain.wareki import format_wareki, parse_date


def register(commands: Commands) -> None:
    parser = commands.add(
        "charges",
        help="加算金・延滞金を計算する（金庫は使いません）",
        description="元金・加算金・延滞金を基準日時点で計算します。日付は 2025-09-16 や 令和7年9月16日、R7.9.16 で指定できます。",
        run=run,
        vault=None,
        json=True,
        example=[
            "saiken charges --principal 1000000 --received R6.4.1 --due 2025-03-21 "
            "--payment 2025-06-30:400000 --as-of 令和7年9月16日",
        ],
    )
    # Nothing is `required` for argparse: missing values are reported by `run` on one clear line.
    parser.add_argument("--principal", metavar="N", help="返還する元金（円）")
    parser.add_argument("--received", metavar="DATE", help="受領日（加算金の起算日）")
    parser.add_argument(
        "--tranche",
        action="append",
        default=[],
        metavar="DATE:AMOUNT",
        help="分割で受領した場合の受領日と受領額（繰り返し可、--received の代わり）",
    )
    parser.add_argument("--due", metavar="DATE", help="納期限")
    parser.add_argument(
        "--payment", action="append", default=[], metavar="DATE:AMOUNT", help="入金（繰り返し可）"
    )
    parser.add_argument("--as-of", dest="as_of", metavar="DATE", help="基準日（省略すると今日・日本時間）")
    parser.add_argument(
        "--profile", default="subsidy", help=f"計算規則: {', '.join(sorted(PRESETS))}（既定: subsidy）"
    )
    parser.add_argument(
        "--base-unit", dest="base_unit", metavar="N", help="基礎額の端数切捨て単位（例: 1000）"
    )
    parser.add_argument(
        "--result-unit", dest="result_unit", metavar="N", help="計算結果の端数切捨て単位（例: 100）"
    )
    parser.add_argument("--minimum", metavar="N", help="この額未満の加算金・延滞金は0円")
    parser.add_argument(
        "--no-additional", dest="no_additional", action="store_true", help="加算金を計算しない"
    )


def _required(value: str | None, option: str) -> str:
    if value is None or not value.strip():
        raise ValidationError(f"{option} を指定してください。")
    return value


def _date(value: str | None, option: str) -> dt.date:
    text = _required(value, option)
    try:
        return parse_date(text)
    except ValidationError as error:
        raise ValidationError(f"{option}: {error}") from None


def _yen(value: str, option: str) -> int:
    try:
        return parse_yen(value)
    except ValidationError as error:
        raise ValidationError(f"{option}: {error}") from None


def _unit(value: str | None, option: str) -> int | None:
    if value is None:
        return None
    amount = _yen(value, option)
    if amount < (0 if option == "--minimum" else 1):
        raise ValidationError(
            f"{option}: {'0円以上' if option == '--minimum' else '1円以上'}で指定してください（指定値: {value}）。"
        )
    return amount


def _dated_amount(value: str, option: str) -> tuple[dt.date, int]:
    text = unicodedata.normalize("NFKC", value)
    day_text, colon, amount_text = text.partition(":")
    if not colon or not day_text.strip() or not amount_text.strip():
        raise ValidationError(
            f"{option} 「{value}」は 日付:金額 の形で指定してください（例: {option} 2025-09-16:100000）。"
        )
    return _date(day_text, option), _yen(amount_text, option)


def profile_from_args(args: argparse.Namespace) -> RuleProfile:
    return preset(args.profile).with_options(
        base_unit=_unit(args.base_unit, "--base-unit"),
        result_unit=_unit(args.result_unit, "--result-unit"),
        minimum_charge=_unit(args.minimum, "--minimum"),
        additional_applies=False if args.no_additional else None,
    )


def compute_from_args(args: argparse.Namespace, profile: RuleProfile) -> ChargeResult:
    principal = _yen(_required(args.principal, "--principal"), "--principal")
    due = _date(args.due, "--due")
    as_of = _date(args.as_of, "--as-of") if args.as_of else system_clock.today()
    if args.received is not None and args.tranche:
        raise ValidationError("--received と --tranche は同時に指定できません。どちらか一方にしてください。")
    received = _date(args.received, "--received") if not args.tranche else None
    tranches = [Tranche(*_dated_amount(item, "--tranche")) for item in args.tranche] or None
    payments = [Payment(*_dated_amount(item, "--payment")) for item in args.payment]
    return compute_charges(
        principal,
        due=due,
        as_of=as_of,
        received=received,
        tranches=tranches,
        payments=payments,
        profile=profile,
    )


def segments_json(result: ChargeResult) -> list[dict[str, object]]:
    return [
        {
            "kind": s.kind,
            "start": s.start.isoformat(),
            "end": s.end.isoformat(),
            "days": s.days,
            "balance": s.balance,
            "base": s.base,
            "annual_rate": str(s.annual_rate),
            "days_in_year": s.days_in_year,
            "tier": s.tier,
            "amount": str(s.amount),
        }
        for s in result.segments
    ]


def _day(day: dt.date) -> str:
    return f"{day.isoformat()}（{format_wareki(day)}）"


def rule_line(profile: RuleProfile) -> str:
    parts = [profile.label]
    if not profile.additional_applies:
        parts.append("加算金なし")
    if profile.base_unit > 1:
        parts.append(f"基礎額 {format_yen(profile.base_unit)}未満切捨て")
    if profile.result_unit > 1:
        parts.append(f"計算結果 {format_yen(profile.result_unit)}未満切捨て")
    if profile.minimum_charge:
        parts.append(f"{format_yen(profile.minimum_charge)}未満は0円")
    return "規則　　" + "、".join(parts)


def statement_lines(result: ChargeResult, profile: RuleProfile) -> list[str]:
    """A readable Japanese statement, every segment shown."""
    lines = [
        f"計算書（基準日 {_day(result.as_of)}）",
        rule_line(profile),
        f"納期限　{_day(result.due)}",
        "",
        f"元金　　{format_yen(result.principal):>14}　納付済 {format_yen(result.principal_paid)}　"
        f"残 {format_yen(result.principal_remaining)}",
        f"加算金　{format_yen(result.additional_charge):>14}　納付済 {format_yen(result.additional_charge_paid)}　"
        f"残 {format_yen(result.additional_charge_remaining)}",
        f"延滞金　{format_yen(result.late_charge):>14}　納付済 {format_yen(result.late_charge_paid)}　"
        f"残 {format_yen(result.late_charge_remaining)}",
        f"未納合計 {format_yen(result.total_remaining):>13}",
    ]
    if result.overpaid:
        lines.append(f"過納額　{format_yen(result.overpaid):>14}")
    if result.principal_paid_off_on:
        lines.append(f"元金完納日 {_day(result.principal_paid_off_on)}（加算金・延滞金はこの日まで）")
    if result.payments_after_as_of:
        lines.append(f"※ 基準日より後の入金 {result.payments_after_as_of} 件は計算に含めていません。")
    lines += ["", "内訳（日数は初日・末日とも算入、年365日）:"]
    if not result.segments:
        lines.append("　（加算金・延滞金の計算対象期間はありません）")
    for s in result.segments:
        tier = f"・第{s.tier}段階" if s.tier else ""
        base = f"{format_yen(s.base)}" + (f"（残高 {format_yen(s.balance)}）" if s.base != s.balance else "")
        lines.append(
            f"　{s.label}{tier}　{s.start.isoformat()}〜{s.end.isoformat()}　{s.days}日　"
            f"{base} × {format_percent(s.annual_rate)} × {s.days}/{s.days_in_year} = {format_exact_yen(s.amount)}"
        )
    lines.append(
        f"合計（端数処理前）　加算金 {format_exact_yen(result.additional_charge_exact)}　"
        f"延滞金 {format_exact_yen(result.late_charge_exact)}"
    )
    return lines


def run(args: argparse.Namespace) -> int:
    profile = profile_from_args(args)
    result = compute_from_args(args, profile)
    if args.json:
        print_json(result.summary() | {"segments": segments_json(result)})
    else:
        print("\n".join(statement_lines(result, profile)))
    return 0
