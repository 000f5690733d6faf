"""The words and marks a user meets: the ヘルプ menu (shortcuts, バージョン情報), the application icon, a
visible focus ring on every control, Ctrl+P everywhere, the audit viewer naming what entries are about,
handler pickers by display name for everyone who may assign, and no product text about 課題 or issues."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QLabel, QLineEdit, QPushButton, QWidget

from saiken import __version__
from saiken.resources import icon_paths, resources_dir

FOCUS = QColor("#f0b429")


def _has_ring(widget: QWidget) -> bool:
    """Whether the focus colour is drawn at the widget's edge (the ring) — not somewhere inside."""
    image = widget.grab().toImage()
    w, h = image.width(), image.height()
    edge = [(x, y) for x in range(w) for y in (0, 1, h - 2, h - 1)] + [
        (x, y) for y in range(h) for x in (0, 1, w - 2, w - 1)
    ]

    def near(colour: QColor) -> bool:
        return (
            abs(colour.red() - FOCUS.red())
            + abs(colour.green() - FOCUS.green())
            + abs(colour.blue() - FOCUS.blue())
            < 60
        )

    return sum(1 for x, y in edge if near(image.pixelColor(x, y))) > len(edge) // 4


def test_every_kind_of_control_shows_a_focus_ring(qtbot, app):
    window = QWidget()
    qtbot.addWidget(window)
    controls = [QLineEdit(window), QPushButton("OK", window), QComboBox(window), QCheckBox("確認", window)]
    controls[2].addItems(["電話", "来所"])
    for index, control in enumerate(controls):
        control.setGeometry(10, 10 + index * 40, 160, 32)
    window.resize(220, 200)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    for control in controls:
        control.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(control.hasFocus, timeout=5000)
        assert _has_ring(control), type(control).__name__
        for other in controls:
            if other is not control:
                assert not _has_ring(other), f"{type(other).__name__} looks focused but is not"


def test_the_help_menu_lists_the_shortcuts_and_the_version(qtbot, main_window):
    menus = [action.text() for action in main_window.menuBar().actions()]
    assert "ヘルプ(&H)" in menus
    shortcuts = main_window.show_shortcuts()
    texts = ["\t".join(row) for row in shortcuts.table.texts()]
    for expected in (
        "Ctrl+P\t表示中のものを印刷",
        "Ctrl+Tab / Ctrl+Shift+Tab",
        "Ctrl+M\t納付の登録",
        "Ctrl+F\t検索欄へ",
    ):
        assert any(expected in text for text in texts), expected
    shortcuts.close()
    about = main_window.show_about()
    assert about.version.text() == f"バージョン {__version__}"
    about.close()


def test_ctrl_p_where_there_is_nothing_to_print_says_so(qtbot, main_window):
    main_window.show_area("settings")
    main_window.print_current()
    assert main_window.statusBar().currentMessage() == "この画面には印刷するものがありません。"


def test_the_application_has_its_icon_in_every_size_and_the_installer_carries_it(app, main_window):
    sizes = [int(p.stem.rsplit("-", 1)[1]) for p in icon_paths()]
    assert sizes == [16, 24, 32, 48, 64, 128, 256]
    icon = QApplication.windowIcon()
    assert not icon.isNull() and {s.width() for s in icon.availableSizes()} >= {16, 32, 256}
    assert not main_window.windowIcon().isNull()
    ico = resources_dir() / "icons" / "saiken-desk.ico"
    data = ico.read_bytes()
    assert data[:4] == b"\x00\x00\x01\x00" and int.from_bytes(data[4:6], "little") == 7
    root = Path(__file__).resolve().parents[3]
    assert "saiken-desk.ico" in (root / "installer" / "saiken-desk.spec").read_text(encoding="utf-8")
    assert "SetupIconFile=..\\resources\\icons\\saiken-desk.ico" in (
        root / "installer" / "saiken-desk.iss"
    ).read_text(encoding="utf-8")


def test_no_product_text_speaks_of_issues():
    """Every Japanese text shipped (the translation) and every English source shown: no 課題, no issue."""
    root = ET.parse(resources_dir() / "i18n" / "saiken_ja.ts").getroot()
    for message in root.iter("message"):
        source = message.findtext("source") or ""
        translation = message.findtext("translation") or ""
        assert "課題" not in translation, translation
        assert not re.search(r"\bissues?\b", source, re.IGNORECASE), source


def test_areas_still_to_be_built_say_only_what_they_will_hold(qtbot, main_window):
    from saiken.ui.kit.empty_state import EmptyStatePage
    from saiken.ui.shell.navigation import AREAS

    # Every area of the window is built now: none shows the empty page …
    for area in AREAS:
        assert not isinstance(main_window.show_area(area.key), EmptyStatePage), area.key
    # … and the empty page an area would show says only that it is not there yet and what it will hold.
    page = EmptyStatePage("Every call, visit, letter and e-mail with a debtor, newest first.")
    qtbot.addWidget(page)
    shown = " ".join(label.text() for label in page.findChildren(QLabel))
    assert "まだ使えません" in shown and "保存されていません" in shown
    assert "課題" not in shown and "予定" not in shown and "起票" not in shown


@pytest.fixture
def audit_vault(main_window, vault_folder, fixed_clock):
    """The signed-in admin records a payment and a negotiation record on a fictional debtor."""
    from shell_gui_data import ADMIN, ADMIN_PASSWORD

    from saiken.services import debtors, vault

    session = vault.open_vault(vault_folder, ADMIN, ADMIN_PASSWORD, clock=fixed_clock)
    try:
        created = debtors.add_debtor(
            session,
            management_no="T-057",
            name="架空監査商店",
            kind="個人",
            claims=[
                {"principal": 500_000, "due_date": dt.date(2025, 3, 21), "order_date": dt.date(2025, 3, 1)}
            ],
        ).value
        debtors.get_card(session, created.id)
        debtors.add_payment(session, created.id, paid_on=dt.date(2025, 9, 1), amount=30_000)
        debtors.add_record(
            session,
            created.id,
            at=dt.datetime(2025, 9, 2, 1, 0, tzinfo=dt.UTC),
            channel="電話",
            direction="発信",
            person="本人",
            summary="架空の連絡",
        )
    finally:
        session.close()
    return created.id


def test_the_audit_viewer_names_debtors_and_what_was_done_never_ids(qtbot, main_window, audit_vault):
    page = main_window.show_area("audit")
    page.refresh()
    qtbot.waitUntil(lambda: any(r.action == "payment.add" for r in page.model.rows), timeout=10_000)
    shown = {
        row.action: (page.model.index(r, 4).data(), page.model.index(r, 5).data())
        for r, row in enumerate(page.model.rows)
    }
    debtor = "債務者 T-057 架空監査商店"
    assert shown["debtor.view"][0] == debtor
    assert shown["payment.add"] == (debtor, "納付 30,000円（R7.9.1）")
    assert shown["record.add"] == (debtor, "交渉記録 R7.9.2（電話）")
    every_text = " ".join(
        str(page.model.index(r, c).data()) for r in range(page.model.rowCount()) for c in range(6)
    )
    assert not re.search(r"#\d", every_text)
    assert "_id" not in every_text


def test_handler_pickers_list_every_handler_by_display_name_for_a_handler(vault_session):
    """A handler (who may not list users) sees every handler by the name people know them by."""
    from dataclasses import replace

    from saiken.domain.roles import Role
    from saiken.services import debtors
    from saiken.services.context import SignedInUser, unit_of_work
    from saiken.store.models import User

    with unit_of_work(vault_session) as work:
        for name, display in (("tanaka", "田中 花子"), ("suzuki", "鈴木 一郎")):
            work.session.add(
                User(name=name, display_name=display, role="handler", created_at=vault_session.clock.now())
            )
    handler = replace(vault_session, user=SignedInUser(id=2, name="tanaka", role=Role.HANDLER))
    names = debtors.handler_names(handler)
    assert [(c.name, c.display_name) for c in names] == [
        ("admin", "管理者"),
        ("suzuki", "鈴木 一郎"),
        ("tanaka", "田中 花子"),
    ]
