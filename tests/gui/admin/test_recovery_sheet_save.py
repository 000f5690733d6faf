"""The recovery sheet that cannot be saved says so truthfully: nothing saved, the vault exists, the key is
still on the screen (issue 6 item 8, `init` in the wizard). Real dialog, real file system failure."""

from __future__ import annotations

from shell_gui_data import ADMIN, ADMIN_PASSWORD

from saiken.services import audit, vault


def test_a_sheet_that_cannot_be_written_says_nothing_was_saved(
    qtbot, ops, signed_in, vault_folder, fixed_clock, tmp_path, driver
):
    from saiken.exchange.pdf.recovery_sheet import render_recovery_sheet
    from saiken.ui.admin.recovery_sheet_dialog import RecoverySheetDialog
    from saiken.ui.kit.errors import dialogs

    data = render_recovery_sheet(
        org_name="架空法律事務所",
        vault_id="0" * 32,
        recovery_key="AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF",
        created_at=fixed_clock.now(),
        created_by="admin",
    )
    dialog = RecoverySheetDialog(ops, data)
    qtbot.addWidget(dialog)
    dialog.show()
    too_long = tmp_path / ("x" * 300 + ".pdf")  # the file system refuses the name: the write fails

    def choose(file_dialog):
        file_dialog.selectFile(str(too_long))
        file_dialog.done(1)  # as if the user pressed Save (accept() would ask Qt to check the name first)

    driver.then(choose).then(lambda box: box.accept())
    dialog.save_button.click()
    qtbot.waitUntil(lambda: len(dialogs.history) >= 1, timeout=20_000)
    _title, text = dialogs.history[-1]
    assert "保存できませんでした" in text and "何も保存していません" in text and "金庫は作成済み" in text
    assert "書き写して" in text and "内部エラー" not in text
    assert not list(tmp_path.glob("x*"))
    session = vault.open_vault(vault_folder, ADMIN, ADMIN_PASSWORD, clock=fixed_clock)
    try:
        assert audit.list_entries(session, action="vault.recovery_sheet_saved") == []
    finally:
        session.close()
