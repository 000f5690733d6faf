"""Fictional data for the consultation area: businesses, representatives (with 和暦 dates of birth),
consultants, advisors, consultations, seminars and dispatches. Part of the project's one generator
(`saiken.domain.fictional*`): tests, the demo, screenshots and benchmarks take their data from here.

Deterministic by seed (`random.Random`), no I/O, plain frozen dataclasses. Search must meet every
surname variant, so the first twelve businesses' representatives carry `VARIANT_SURNAMES` in order
(高橋/髙橋, 斎藤/齋藤/齊藤, 渡辺/渡邊/渡邉, 山崎/山﨑, 浜田/濵田) and, being sole proprietors or companies
named after them, so do their business names (髙橋精機, 株式会社濵田商店 …). Mail goes to example.jp.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from fractions import Fraction

from saiken.domain.clock import JST
from saiken.domain.consultation_terms import CATEGORIES, FORMS, LOAN_STATUSES
from saiken.domain.fictional_consult_words import (
    ADVISORS,
    BANKS,
    CONSULTANTS,
    CONTENTS,
    FOLLOW_UPS,
    PLACES,
    SEMINARS,
    TRADES,
)
from saiken.domain.fictional_words import GIVEN_NAMES, SHINJUKU_TOWNS, SURNAMES, VARIANT_SURNAMES
from saiken.domain.wareki import format_wareki

SPACE = "\u3000"
CORPORATION = "法人"
SOLE_PROPRIETOR = "個人事業主"
_BORN_FROM = dt.date(1946, 1, 1)
_BORN_DAYS = (dt.date(1999, 12, 31) - _BORN_FROM).days
# dates of birth that straddle era boundaries, given to a few businesses so 和暦 is exercised at its edges
_ERA_EDGES = (dt.date(1989, 1, 7), dt.date(1989, 1, 8), dt.date(1989, 12, 31))  # 昭和64年, 平成元年 ×2


@dataclass(frozen=True, slots=True)
class FictionalBusiness:
    kind: str  # 法人 / 個人事業主
    name: str
    name_kana: str
    industry: str
    employees: int
    postal_code: str
    address: str
    phone: str
    email: str
    representative: str
    representative_kana: str
    representative_born: dt.date

    @property
    def born_wareki(self) -> str:
        """The date of birth as it is written on a form: 昭和50年3月2日."""
        return format_wareki(self.representative_born)


@dataclass(frozen=True, slots=True)
class FictionalPerson:
    name: str
    name_kana: str


@dataclass(frozen=True, slots=True)
class FictionalAdvisor:
    name: str
    name_kana: str
    specialty: str
    qualification: str
    base: str
    one_way_km: int


@dataclass(frozen=True, slots=True)
class FictionalConsultation:
    business: int  # index into the businesses
    at: dt.datetime  # aware, JST
    consultant: int  # index into the consultants
    form: str
    categories: tuple[str, ...]
    contents: str
    loan_bank: str
    loan_amount: int | None
    loan_status: str
    follow_up_on: dt.date | None


@dataclass(frozen=True, slots=True)
class FictionalSeminar:
    title: str
    venue: str
    held_on: dt.date
    starts_at: dt.time
    ends_at: dt.time
    capacity: int


@dataclass(frozen=True, slots=True)
class FictionalDispatch:
    advisor: int
    business: int
    day: dt.date
    start: dt.time
    end: dt.time
    break_minutes: int
    car_km: Fraction  # 0 when by public transport
    transport_yen: int  # 0 when by car
    route_km: Fraction
    nights: tuple[int, ...]
    summary: str


def _person(rng: random.Random, index: int | None = None) -> tuple[str, str]:
    if index is not None and index < len(VARIANT_SURNAMES):
        surname, surname_kana = VARIANT_SURNAMES[index]
    else:
        surname, surname_kana = rng.choice(SURNAMES)
    given, given_kana = rng.choice(GIVEN_NAMES)
    return f"{surname}{SPACE}{given}", f"{surname_kana}{SPACE}{given_kana}"


def _phone(rng: random.Random) -> str:
    if rng.random() < 0.75:
        return f"03-3{rng.randrange(100, 1000)}-{rng.randrange(10000):04d}"
    return f"080-{rng.randrange(1000, 10000)}-{rng.randrange(10000):04d}"


def _business(rng: random.Random, index: int) -> FictionalBusiness:
    representative, representative_kana = _person(rng, index)
    trade, trade_kana, industry = rng.choice(TRADES)
    kind = CORPORATION if rng.random() < 0.6 else SOLE_PROPRIETOR
    if index < len(VARIANT_SURNAMES):
        # named after the representative: a variant kanji in the business name too
        surname, surname_kana = VARIANT_SURNAMES[index]
        stem, stem_kana = surname + trade, surname_kana + trade_kana
        kind = CORPORATION if index % 2 else SOLE_PROPRIETOR
    else:
        place, place_kana = rng.choice(PLACES)
        stem, stem_kana = place + trade, place_kana + trade_kana
    if kind == CORPORATION:
        if rng.random() < 0.5:
            name, name_kana = "株式会社" + stem, "カブシキガイシャ" + stem_kana
        else:
            name, name_kana = stem + "合同会社", stem_kana + "ゴウドウガイシャ"
        employees = rng.choice((3, 5, 8, 12, 20, 35, 60))
    else:
        name, name_kana = stem, stem_kana
        employees = rng.choice((0, 1, 2, 3))
    postal, town = rng.choice(SHINJUKU_TOWNS)
    address = f"{town}{rng.randint(1, 7)}丁目{rng.randint(1, 28)}番{rng.randint(1, 20)}号"
    if index < len(_ERA_EDGES) * 5 and index % 5 == 4:
        born = _ERA_EDGES[index // 5]
    else:
        born = _BORN_FROM + dt.timedelta(days=rng.randrange(_BORN_DAYS))
    return FictionalBusiness(
        kind=kind,
        name=name,
        name_kana=name_kana,
        industry=industry,
        employees=employees,
        postal_code=postal,
        address=address,
        phone=_phone(rng),
        email=f"biz{index + 1:04d}@example.jp",
        representative=representative,
        representative_kana=representative_kana,
        representative_born=born,
    )


def generate_businesses(n: int, seed: int = 0) -> list[FictionalBusiness]:
    """`n` fictional businesses in the ward, the same for the same seed."""
    if n < 0:
        raise ValueError("n must be >= 0")
    rng = random.Random(f"businesses:{seed}")
    return [_business(rng, index) for index in range(n)]


def generate_consultants(n: int = len(CONSULTANTS), seed: int = 0) -> list[FictionalPerson]:
    """The coordinators and consultants (相談員) who record consultations."""
    people = [FictionalPerson(name, kana) for name, kana in CONSULTANTS[:n]]
    rng = random.Random(f"consultants:{seed}")
    while len(people) < n:
        name, kana = _person(rng)
        people.append(FictionalPerson(name, kana))
    return people


def generate_advisors() -> list[FictionalAdvisor]:
    """The advisors (専門家) who are dispatched to businesses."""
    return [FictionalAdvisor(*item) for item in ADVISORS]


def _contents(rng: random.Random, categories: tuple[str, ...]) -> str:
    parts = [rng.choice(CONTENTS[category]) for category in categories]
    follow = rng.choice(FOLLOW_UPS)
    return "".join(parts) + follow


def _categories(rng: random.Random) -> tuple[str, ...]:
    first = rng.choices(CATEGORIES, weights=(30, 20, 8, 10, 14, 10, 8))[0]
    if rng.random() < 0.25:
        second = rng.choice(CATEGORIES[:-1])
        return tuple(c for c in CATEGORIES if c in (first, second))
    return (first,)


def _weekday(day: dt.date) -> dt.date:
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return day


def _weekday_until(day: dt.date, end: dt.date) -> dt.date:
    """The first weekday from `day`; past `end`, the last weekday up to `end`."""
    day = _weekday(day)
    if day > end:
        day = end
        while day.weekday() >= 5:
            day -= dt.timedelta(days=1)
    return day


def generate_consultations(
    n: int,
    *,
    businesses: int,
    consultants: int,
    start: dt.date,
    end: dt.date,
    seed: int = 0,
) -> list[FictionalConsultation]:
    """`n` consultations spread over the weekdays from `start` to `end`, oldest first."""
    if n < 0 or businesses < 1 or consultants < 1 or end < start:
        raise ValueError("need n >= 0, at least one business and consultant, and start <= end")
    rng = random.Random(f"consultations:{seed}")
    span = (end - start).days + 1
    days = sorted(rng.randrange(span) for _ in range(n))
    found = []
    for offset in days:
        day = _weekday_until(start + dt.timedelta(days=offset), end)
        at = dt.datetime(day.year, day.month, day.day, rng.randint(9, 16), rng.choice((0, 30)), tzinfo=JST)
        categories = _categories(rng)
        form = rng.choices(FORMS, weights=(45, 15, 20, 20))[0]
        loan = "資金繰り" in categories and rng.random() < 0.5
        follow = day + dt.timedelta(days=rng.choice((7, 14, 30))) if rng.random() < 0.6 else None
        found.append(
            FictionalConsultation(
                business=rng.randrange(businesses),
                at=at,
                consultant=rng.randrange(consultants),
                form=form,
                categories=categories,
                contents=_contents(rng, categories),
                loan_bank=rng.choice(BANKS) if loan else "",
                loan_amount=rng.randrange(10, 300) * 100_000 if loan else None,
                loan_status=rng.choice(LOAN_STATUSES) if loan else "",
                follow_up_on=follow,
            )
        )
    found.sort(key=lambda item: item.at)
    return found


def generate_seminars(n: int, *, first_day: dt.date, seed: int = 0) -> list[FictionalSeminar]:
    """`n` seminars, about one a fortnight from `first_day`, on weekday afternoons or evenings."""
    rng = random.Random(f"seminars:{seed}")
    seminars = []
    day = first_day
    for index in range(n):
        title, venue = SEMINARS[index % len(SEMINARS)]
        day = _weekday(day)
        evening = rng.random() < 0.4
        starts = dt.time(18, 30) if evening else dt.time(14, 0)
        ends = dt.time(20, 0) if evening else dt.time(16, 0)
        seminars.append(FictionalSeminar(title, venue, day, starts, ends, rng.choice((10, 20, 30, 40))))
        day += dt.timedelta(days=rng.randint(10, 18))
    return seminars


def generate_dispatches(
    n: int, *, businesses: int, start: dt.date, end: dt.date, seed: int = 0
) -> list[FictionalDispatch]:
    """`n` advisor dispatches between `start` and `end`: car or train by the advisor's base, a night's
    lodging now and then for the far ones."""
    rng = random.Random(f"dispatches:{seed}")
    advisors = generate_advisors()
    span = (end - start).days + 1
    found = []
    for _ in range(n):
        advisor = rng.randrange(len(advisors))
        base = advisors[advisor]
        day = _weekday_until(start + dt.timedelta(days=rng.randrange(span)), end)
        hour = rng.randint(9, 14)
        length = rng.choice((60, 90, 120, 150, 160, 180, 240))
        begin = dt.time(hour, rng.choice((0, 30)))
        finish_minutes = hour * 60 + begin.minute + length + rng.choice((0, 0, 10, 25))
        finish = dt.time(min(finish_minutes // 60, 21), finish_minutes % 60)
        route = Fraction(base.one_way_km * 2) + Fraction(rng.randrange(0, 10), 10)
        by_car = rng.random() < 0.45
        nights: tuple[int, ...] = ()
        if base.one_way_km >= 60 and rng.random() < 0.3:
            nights = (rng.choice((7_800, 9_800, 12_000)),)
        found.append(
            FictionalDispatch(
                advisor=advisor,
                business=rng.randrange(businesses),
                day=day,
                start=begin,
                end=finish,
                break_minutes=rng.choice((0, 0, 0, 15)),
                car_km=route if by_car else Fraction(0),
                transport_yen=0 if by_car else base.one_way_km * 2 * rng.choice((18, 20, 24)) + 140,
                route_km=route,
                nights=nights,
                summary=f"{base.specialty}について現地で助言。",
            )
        )
    found.sort(key=lambda item: (item.day, item.start))
    return found
