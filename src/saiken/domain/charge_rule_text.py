"""The charge rule of a profile in Japanese sentences, as a 計算書 states it (DESIGN §8).

Everything is read from the `RuleProfile`, so a statement never describes a rule other than the one that
computed it: rates, the days counted, the year of 365 days, the base and result units, the minimum, the
order in which payments are applied, and that each charge is cut to whole yen (or the result unit) once,
at the end.
"""

from __future__ import annotations

from saiken.domain.rule_profiles import RuleProfile, format_percent


def unit_text(unit: int) -> str:
    """1 → 「1円未満」, 100 → 「100円未満」: what the truncation drops."""
    return f"{unit:,}円未満"


def rule_sentences(profile: RuleProfile) -> list[str]:
    """The rule, one sentence per line."""
    lines = []
    days = f"1年を{profile.days_in_year}日として（うるう年も同じ）"
    if profile.additional_applies:
        lines.append(
            f"加算金：返還金の各部分について、受領の日からその部分を納付した日まで（両日を含む）、"
            f"年{format_percent(profile.additional_rate)}の割合で、{days}日割りで計算します。"
        )
    rates = profile.late_rates
    if len(rates) == 1 and profile.tier1_days is None:
        rate_text = f"年{format_percent(rates[0].tier1)}"
    else:
        rate_text = "料率表の割合（期間・段階ごと）"
    lines.append(
        f"延滞金：納期限の翌日から納付の日まで、未納の返還金の額に{rate_text}で、{days}日割りで計算します。"
        "納付のたびに、その翌日から基礎となる額が下がります。"
    )
    if profile.base_unit > 1:
        lines.append(f"計算の基礎となる額は{profile.base_unit:,}円未満を切り捨てます。")
    lines.append("納付された額は、返還金、加算金、延滞金の順に充てます。")
    cut = unit_text(profile.result_unit)
    lines.append(
        f"各期間の金額は端数まで正確に合計し、加算金・延滞金それぞれの合計で最後に一度だけ{cut}を切り捨てます。"
    )
    if profile.minimum_charge:
        lines.append(f"切捨て後の額が{profile.minimum_charge:,}円未満のときは、その額は0円とします。")
    return lines
