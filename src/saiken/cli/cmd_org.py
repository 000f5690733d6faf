"""`saiken org fingerprint --vault DIR [--json]`: the organisation key's fingerprint, in groups to read
aloud, and the founding statement's (both are printed on the recovery sheet). Any member may read them;
compare them with the counterpart by telephone or on paper before registering their key."""

from __future__ import annotations

import argparse

from saiken.cli.common import add_sign_in_arguments, print_json, sign_in
from saiken.services import vault


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("org", help="組織の鍵（相手方との照合に使う指紋）")
    sub = parser.add_subparsers(dest="org_command", metavar="ACTION")
    sub.required = True
    fingerprint = sub.add_parser(
        "fingerprint",
        help="組織の鍵の指紋を、読み上げやすい区切りで表示する",
        description="例: SAIKEN_USER=kanri SAIKEN_PASSWORD=… saiken org fingerprint --vault DIR",
    )
    add_sign_in_arguments(fingerprint)
    fingerprint.add_argument("--json", action="store_true")
    fingerprint.set_defaults(func=run_fingerprint)


def run_fingerprint(args: argparse.Namespace) -> int:
    session = sign_in(args)
    try:
        org = vault.org_fingerprint(session)
        genesis = vault.genesis_fingerprint(session)
        public = vault.org_public_key(session)
    finally:
        session.close()
    if args.json:
        print_json({"org_fingerprint": org, "org_public_key": public.hex(), "genesis_fingerprint": genesis})
        return 0
    print(f"組織の鍵の指紋: {org}")
    print(f"創設の記録の指紋: {genesis}")
    print("相手方と照合するときは、5 桁ずつ区切って読み上げてください。")
    return 0
