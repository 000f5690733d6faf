"""`saiken-desk [--vault DIR] [--demo] [--screenshot PATH --view NAME]`: the GUI's start.

No vault in the folder → the first-run wizard; a vault → the sign-in dialog; `--demo` → the demo vault
(fictional data, recreated each run in the user data folder) with automatic sign-in. No traceback ever
reaches the user: our errors are shown by `ui.errors`, anything else as a generic internal error.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog

from saiken.argparse_ja import JapaneseParser, example_text
from saiken.domain.errors import SaikenError
from saiken.ui.kit.background import Operations
from saiken.ui.kit.errors import show_error
from saiken.ui.shell.appsetup import application
from saiken.ui.shell.display_check import display_problem

log = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
    parser = JapaneseParser(
        prog="saiken-desk",
        description="債権デスク（Saiken Desk）の画面を開きます。初回は設定ウィザード、2 回目からはサインイン画面です。",
        epilog=example_text(
            [
                "saiken-desk",
                "saiken-desk --vault ~/saiken-vault",
                "saiken-desk --demo --screenshot debtors.png --view debtors",
            ]
        ),
    )
    parser.add_argument(
        "--vault", type=Path, metavar="DIR", help="金庫のフォルダ（省略時は利用者データフォルダの vault）"
    )
    parser.add_argument("--demo", action="store_true", help="架空のデータでデモ用の金庫を作り直して開く")
    parser.add_argument(
        "--role",
        choices=("contractor", "ward"),
        default="contractor",
        help="デモの金庫の組織の役割: contractor（受託者、既定）または ward（区）",
    )
    parser.add_argument("--screenshot", type=Path, metavar="PATH", help="画面を PNG に書き出して終了する")
    parser.add_argument(
        "--view", default="login", metavar="NAME", help="--screenshot で書き出す画面（既定: login）"
    )
    return parser


def open_demo(folder: Path, org_role: str = "contractor"):
    """Worker side: (re)create the demo vault in `folder` and sign in as its demo user."""
    from saiken.services import demo, vault

    credentials = demo.create_demo_vault(folder, org_role=org_role)
    return vault.open_vault(folder, credentials.user, credentials.password)


def sign_in_demo(ops: Operations, folder: Path, org_role: str = "contractor") -> None:
    """Make the demo vault and sign in, waiting for the worker (a progress dialog shows meanwhile)."""
    failure: list[BaseException] = []
    ops.open_session(
        open_demo,
        folder,
        org_role,
        on_error=failure.append,
        progress=QCoreApplication.translate("Startup", "Preparing the demo vault…"),
    )
    ops.wait_idle(120_000)
    if failure:
        raise failure[0]


def start_interactive(ops: Operations, args: argparse.Namespace) -> Path | None:
    """Wizard, sign-in or demo; returns the vault folder once a session is open, None if the user gave up."""
    from saiken.services import vault_info

    if args.demo:
        folder = args.vault or vault_info.default_demo_dir()
        sign_in_demo(ops, folder, args.role)
        return folder if ops.signed_in else None
    folder = args.vault or vault_info.default_vault_dir()
    if not vault_info.vault_exists(folder):
        from saiken.ui.shell.wizard import FirstRunWizard

        wizard = FirstRunWizard(ops, folder)
        wizard.exec()
        return folder if ops.signed_in else None
    from saiken.ui.shell.sign_in import SignInDialog

    info = vault_info.read_vault_info(folder)
    dialog = SignInDialog(
        ops, folder, org_name=info.org_name, org_role=info.org_role, user_names=list(info.user_names)
    )
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return folder if ops.signed_in else None


def run(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(list(argv or []))
    problem = display_problem()
    if problem is not None:
        print(problem, file=sys.stderr)
        return 2
    app = application()
    if args.screenshot is not None:
        from saiken.ui.shell.screenshots import render

        return render(args.screenshot, args.view, vault=args.vault, demo=args.demo, org_role=args.role)
    ops = Operations()
    app.aboutToQuit.connect(ops.shutdown)
    try:
        folder = start_interactive(ops, args)
        if folder is None:
            ops.shutdown()
            return 0
        from saiken.ui.shell.main_window import MainWindow

        window = MainWindow(ops, folder)
        window.enter()
        window.show()
        return app.exec()
    except SaikenError as error:
        show_error(None, error)
        ops.shutdown()
        return error.exit_code
    except Exception as error:  # a bug: say so without details
        show_error(None, error)
        ops.shutdown()
        return 70
