"""The project's one generator of fictional debtors and negotiation records.

Tests, demos, screenshots and benchmarks take their data from here and nowhere else. Everything is
deterministic by seed (`random.Random(seed)`), needs no I/O and is made of plain frozen dataclasses.

The people and businesses are random combinations of common words (see `fictional_words`), in the
style of the ward's sample workbook: 株式会社四谷美容室, 代表者 佐藤　大輔. Mail goes to example.jp.
Every surname variant that search must fold together (高橋/髙橋, 斎藤/齋藤/齊藤, 渡辺/渡邊/渡邉,
山崎/山﨑, 浜田/濵田) is guaranteed: the first twelve debtors' representatives carry them in that order,
so any `generate_debtors(n)` with n >= 12 holds all of them.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from saiken.domain.clock import JST
from saiken.domain.fictional_words import (
    CHANNELS,
    CORPORATE_FORMS,
    COUNTERPARTS,
    GIVEN_NAMES,
    HANDLERS,
    NOTE_PHRASES,
    OTHER_TOWNS,
    PLACES,
    SHINJUKU_TOWNS,
    STATUSES,
    SURNAMES,
    TRADES,
    VARIANT_SURNAMES,
)

KIND_CORPORATE = "法人"
KIND_INDIVIDUAL = "個人"
DUE_DAYS_AFTER_ORDER = 20
SPACE = "\u3000"

_GRANTS = (500_000, 800_000, 1_000_000, 1_500_000, 2_000_000)
_LAST_ORDER_DATE = dt.date(2025, 7, 15)
_ENGAGEMENT_START = dt.datetime(2025, 9, 16, 9, 0, tzinfo=JST)


@dataclass(frozen=True, slots=True)
class FictionalDebtor:
    management_no: str
    kind: str  # 法人 / 個人
    name: str
    name_kana: str
    representative: str
    representative_kana: str
    postal_code: str
    address: str
    phone: str
    email: str | None
    fiscal_year: int
    decision_date: dt.date
    grant_amount: int
    received_date: dt.date
    order_date: dt.date
    principal: int
    due_date: dt.date
    paid: int
    status: str
    notes: str

    @property
    def balance(self) -> int:
        return self.principal - self.paid


@dataclass(frozen=True, slots=True)
class FictionalContact:
    """One negotiation record (交渉記録) with a debtor."""

    management_no: str
    at: dt.datetime  # aware, JST
    channel: str  # 電話 / 来所 / 訪問 / 書面 / メール
    direction: str  # 発信 (we contacted them) / 着信 (they contacted us)
    person: str  # 相手方
    handler: str  # 対応者
    summary: str
    promise_amount: int | None
    promise_date: dt.date | None
    next_action_date: dt.date | None


def _person(rng: random.Random, index: int) -> tuple[str, str]:
    if index < len(VARIANT_SURNAMES):
        surname, surname_kana = VARIANT_SURNAMES[index]
    else:
        surname, surname_kana = rng.choice(SURNAMES)
    given, given_kana = rng.choice(GIVEN_NAMES)
    return f"{surname}{SPACE}{given}", f"{surname_kana}{SPACE}{given_kana}"


def _business(rng: random.Random, kind: str) -> tuple[str, str]:
    place, place_kana = rng.choice(PLACES)
    trade, trade_kana = rng.choice(TRADES)
    if kind == KIND_INDIVIDUAL:
        return place + trade, place_kana + trade_kana
    form, form_kana, before = rng.choice(CORPORATE_FORMS)
    if before:
        return form + place + trade, form_kana + place_kana + trade_kana
    return place + trade + form, place_kana + trade_kana + form_kana


def _address(rng: random.Random) -> tuple[str, str]:
    postal, town = rng.choice(SHINJUKU_TOWNS) if rng.random() < 0.85 else rng.choice(OTHER_TOWNS)
    address = f"{town}{rng.randint(1, 7)}丁目{rng.randint(1, 28)}番{rng.randint(1, 20)}号"
    if rng.random() < 0.3:
        building = rng.choice(PLACES)[0]
        address += f"{SPACE}{building}ビル{rng.randint(1, 8)}0{rng.randint(1, 5)}"
    return postal, address


def _phone(rng: random.Random) -> str:
    if rng.random() < 0.7:
        return f"03-5{rng.randrange(100, 1000)}-{rng.randrange(10000):04d}"
    return f"090-{rng.randrange(1000, 10000)}-{rng.randrange(10000):04d}"


def _claim(rng: random.Random) -> tuple[int, dt.date, int, dt.date, dt.date, int]:
    fiscal_year = rng.choice((2023, 2024))
    decision = dt.date(fiscal_year, 6, 1) + dt.timedelta(days=rng.randrange(0, 200))
    grant = rng.choice(_GRANTS)
    received = decision + dt.timedelta(days=rng.randint(5, 40))
    order = min(received + dt.timedelta(days=rng.randint(150, 480)), _LAST_ORDER_DATE)
    if rng.random() < 0.35:
        principal = grant
    else:
        principal = rng.randrange(50, grant // 1000) * 1000 + (345 if rng.random() < 0.1 else 0)
    return fiscal_year, decision, grant, received, order, principal


def _debtor(rng: random.Random, index: int, number: int, prefix: str, width: int) -> FictionalDebtor:
    kind = KIND_CORPORATE if rng.random() < 0.75 else KIND_INDIVIDUAL
    representative, representative_kana = _person(rng, index)
    if kind == KIND_INDIVIDUAL and rng.random() < 0.4:
        name, name_kana = representative, representative_kana
    else:
        name, name_kana = _business(rng, kind)
    postal, address = _address(rng)
    fiscal_year, decision, grant, received, order, principal = _claim(rng)
    paid = 0
    if rng.random() < 0.25:
        paid = min(principal, rng.randint(1, max(1, principal // 1000)) * 1000)
    status = "完納" if paid >= principal else rng.choice(STATUSES[:4] + STATUSES[5:])
    notes = "；".join(rng.sample(NOTE_PHRASES, rng.randint(1, 3)))
    return FictionalDebtor(
        management_no=f"{prefix}-{number:0{width}d}",
        kind=kind,
        name=name,
        name_kana=name_kana,
        representative=representative,
        representative_kana=representative_kana,
        postal_code=postal,
        address=address,
        phone=_phone(rng),
        email=f"info{number:03d}@example.jp" if rng.random() < 0.65 else None,
        fiscal_year=fiscal_year,
        decision_date=decision,
        grant_amount=grant,
        received_date=received,
        order_date=order,
        principal=principal,
        due_date=order + dt.timedelta(days=DUE_DAYS_AFTER_ORDER),
        paid=paid,
        status=status,
        notes=notes,
    )


def generate_debtors(n: int, seed: int = 0, *, prefix: str = "R7", start: int = 1) -> list[FictionalDebtor]:
    """`n` fictional debtors numbered `R7-0001` … (wider numbers when needed), the same for the same seed."""
    if n < 0:
        raise ValueError("n must be >= 0")
    rng = random.Random(seed)
    width = max(4, len(str(start + n - 1)))
    return [_debtor(rng, index, start + index, prefix, width) for index in range(n)]


def _promise(rng: random.Random, debtor: FictionalDebtor, day: dt.date) -> tuple[int | None, dt.date | None]:
    if debtor.balance < 10_000 or rng.random() >= 0.35:
        return None, None
    amount = rng.randint(1, min(debtor.balance // 10_000, 30)) * 10_000
    return amount, day + dt.timedelta(days=rng.randint(7, 40))


def _summary(rng: random.Random, channel: str, direction: str, person: str, promise: str) -> str:
    if channel == "電話" and direction == "着信":
        return f"先方から架電（{person}）。分割納付の相談あり。{promise or '収支の資料を送るよう依頼。'}"
    if channel == "電話":
        if not promise and rng.random() < 0.4:
            return "不在。留守番電話に折り返しを依頼。"
        return f"{person}と通話。返還金の納付について説明。{promise or '検討して連絡するとのこと。'}"
    if channel == "来所":
        return f"{person}が来所。納付書の再発行を希望、区へ照会する。{promise}"
    if channel == "訪問":
        if not promise and rng.random() < 0.5:
            return "事業所を訪問。不在のため催告書を差し置き。"
        return f"事業所を訪問し{person}と面談。{promise or '事業の状況を聴取。'}"
    if channel == "書面":
        return rng.choice(("催告書を簡易書留で送付。", "督促状を特定記録郵便で送付。", "合意書の案を送付。"))
    return f"{person}からメール。{promise or '入金予定日は追って連絡するとのこと。'}"


def _contact(rng: random.Random, debtor: FictionalDebtor, at: dt.datetime) -> FictionalContact:
    channel = rng.choices(CHANNELS, weights=(50, 10, 10, 15, 15))[0]
    if channel == "来所":
        direction = "着信"
    elif channel in ("訪問", "書面"):
        direction = "発信"
    else:
        direction = rng.choice(("発信", "着信"))
    person = rng.choice(COUNTERPARTS) if channel != "書面" else "本人"
    amount, due = (None, None) if channel == "書面" else _promise(rng, debtor, at.date())
    promise = f"{amount:,}円を{due.month}月{due.day}日までに納付すると約束。" if amount and due else ""
    next_day = due + dt.timedelta(days=1) if due else at.date() + dt.timedelta(days=rng.randint(3, 30))
    return FictionalContact(
        management_no=debtor.management_no,
        at=at,
        channel=channel,
        direction=direction,
        person=person,
        handler=rng.choice(HANDLERS),
        summary=_summary(rng, channel, direction, person, promise),
        promise_amount=amount,
        promise_date=due,
        next_action_date=next_day if rng.random() < 0.95 else None,
    )


def generate_contacts(debtor: FictionalDebtor, n: int, seed: int = 0) -> list[FictionalContact]:
    """`n` negotiation records with `debtor`, oldest first, from the engagement's start (2025-09-16)."""
    rng = random.Random(f"{seed}:{debtor.management_no}")
    day = max(_ENGAGEMENT_START.date(), debtor.due_date + dt.timedelta(days=1))
    contacts = []
    for _ in range(n):
        day += dt.timedelta(days=rng.randint(1, 14))
        at = dt.datetime(
            day.year, day.month, day.day, rng.randint(9, 17), rng.choice((0, 15, 30, 45)), tzinfo=JST
        )
        contacts.append(_contact(rng, debtor, at))
    return contacts
