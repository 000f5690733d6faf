"""`saiken-desk --demo`: a fresh demo vault of fictional data, signed in automatically, marked DEMO."""

from __future__ import annotations

import pytest


@pytest.mark.slow
def test_demo_start_signs_in_and_marks_the_window(qtbot, ops, tmp_path):
    from saiken.services import vault
    from saiken.ui.shell.main import build_parser, start_interactive
    from saiken.ui.shell.main_window import MainWindow

    args = build_parser().parse_args(["--demo"])  # the app's own demo folder: the only one it replaces
    folder = start_interactive(ops, args)
    assert folder == vault.default_demo_dir() and ops.signed_in
    assert vault.read_vault_info(folder).demo
    window = MainWindow(ops, folder)
    qtbot.addWidget(window)
    window.enter()
    window.show()
    assert "DEMO" in window.windowTitle() and "架空データ" in window.windowTitle()
    assert window.banner.isVisible()
    banner = window.banner.findChildren(type(window.status_org))[0].text()
    assert banner.startswith("DEMO デモ（架空データ）")

    # A second start replaces the demo vault (recreated each run) instead of failing.
    ops.close_session()
    assert start_interactive(ops, args) == folder and ops.signed_in


def test_a_real_vault_is_never_replaced_by_the_demo(qtbot, ops, vault_folder):
    from saiken.domain.errors import VaultError
    from saiken.ui.shell.main import build_parser, start_interactive

    args = build_parser().parse_args(["--demo", "--vault", str(vault_folder)])
    with pytest.raises(VaultError):
        start_interactive(ops, args)
    assert not ops.signed_in
