"""`saiken dispatch-fee`: an advisor dispatch's fee by seed 004's standard (DESIGN §9, issue 10 item 7).

    saiken dispatch-fee --start HH:MM --end HH:MM [--km N] [--transport N] [--lodging N]...
                        [--route-km N] [--break MIN] [--json]

`--km` is the private-car distance of the whole route (the fraction of a km is dropped), `--transport` the
public transport fare as claimed, `--route-km` the whole route's distance for the day allowance when
travelling by public transport (default: `--km`), `--lodging` one night's cost (repeat for more nights).
`--json` prints `honorarium`, `travel`, `day_allowance`, `lodging` and `total` as integer yen, with
`minutes`, `units`, `capped`, `car_km` and `nights`. No vault is needed: the command computes, it stores
nothing.
"""

from __future__ import annotations

import argparse

from saiken.cli.common import Commands, print_json
from saiken.domain.advisor_fees import SEED_004, dispatch_fee, parse_claim, parse_hhmm, parse_km
from saiken.domain.errors import ValidationError
from saiken.domain.money import format_yen

EXAMPLE = "例: saiken dispatch-fee --start 10:00 --end 12:40 --km 123.7 --json"


def register(commands: Commands) -> None:
    parser = commands.add(
        "dispatch-fee",
        help="専門家派遣の謝金・旅費を計算する（既定の基準: 1時間5,280円・30分単位・日額31,680円まで）",
        description=(
            "専門家派遣1回分の謝金・交通費・日当・宿泊費を計算します。謝金は1時間5,280円（税込）を30分単位"
            "（30分未満切捨て）、日額31,680円が上限。私有車は1km37円（1km未満切捨て）。金庫は使いません。"
        ),
        run=run,
        vault=None,
        json=True,
        example=[
            EXAMPLE.removeprefix("例: "),
            "saiken dispatch-fee --start 9:00 --end 17:20 --lodging 12000",
        ],
    )
    parser.add_argument("--start", metavar="HH:MM", help="支援の開始時刻（例: 10:00）")
    parser.add_argument("--end", metavar="HH:MM", help="支援の終了時刻（例: 12:40）")
    parser.add_argument("--break", dest="break_minutes", metavar="MIN", help="支援中の休憩（分）")
    parser.add_argument("--km", metavar="N", help="私有車の走行距離（全行程、km）")
    parser.add_argument("--transport", metavar="N", help="公共交通機関の運賃（請求どおり、円）")
    parser.add_argument("--route-km", dest="route_km", metavar="N", help="全行程の距離（日当の判定用、km）")
    parser.add_argument(
        "--lodging", action="append", default=[], metavar="N", help="1泊の宿泊費（円、泊数分くり返す）"
    )


def _required(value: str | None, option: str) -> str:
    if value is None or not value.strip():
        raise ValidationError(f"{option} を指定してください。{EXAMPLE}")
    return value


def run(args: argparse.Namespace) -> int:
    start = parse_hhmm(_required(args.start, "--start"), "--start")
    end = parse_hhmm(_required(args.end, "--end"), "--end")
    breaks = 0
    if args.break_minutes is not None:
        if not args.break_minutes.strip().isdigit():
            raise ValidationError("--break は分を整数で指定してください（例: --break 15）。")
        breaks = int(args.break_minutes)
    km = parse_km(args.km, "--km") if args.km is not None else None
    route = parse_km(args.route_km, "--route-km") if args.route_km is not None else None
    transport = parse_claim(args.transport, "--transport") if args.transport is not None else 0
    nights = [parse_claim(value, "--lodging") for value in args.lodging]
    fee = dispatch_fee(
        start, end, km=km, transport=transport, lodging_nights=nights, route_km=route, break_minutes=breaks
    )
    if args.json:
        print_json(fee.as_dict())
        return 0
    hours, minutes = divmod(fee.minutes, 60)
    print(f"支援時間 {hours}時間{minutes:02d}分（{fee.units}単位）")
    print(f"謝金     {format_yen(fee.honorarium)}" + ("（日額上限）" if fee.capped else ""))
    print(f"交通費   {format_yen(fee.travel)}" + (f"（私有車 {fee.car_km}km を含む）" if fee.car_km else ""))
    print(f"日当     {format_yen(fee.day_allowance)}")
    print(f"宿泊費   {format_yen(fee.lodging)}" + (f"（{fee.nights}泊）" if fee.nights else ""))
    print(f"合計     {format_yen(fee.total)}")
    print(f"基準: {SEED_004.label}")
    return 0
