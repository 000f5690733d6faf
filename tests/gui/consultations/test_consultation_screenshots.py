"""`saiken-desk --demo --screenshot PATH --view consultations|business|seminar|report` render the demo vault's
相談 screens; in-process, each view shows what it is for."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest


@pytest.mark.slow
def test_the_views_show_the_demo_vault(tmp_path, app):
    from saiken.ui.consultations import screenshot_views
    from saiken.ui.kit.background import Operations
    from saiken.ui.shell.screenshots import ScreenshotEnv

    ops = Operations()
    env = ScreenshotEnv(ops, vault=tmp_path / "demo", demo=True, org_role="contractor")
    try:
        from saiken.ui.consultations.page import ConsultationsPage

        windows = [screenshot_views._list(env)]
        page = windows[-1].findChild(ConsultationsPage)
        listing = page.businesses.list_page
        assert listing.table.rowCount() == 2 and listing.count.text() == "2件"  # たかはし: 高橋 and 髙橋
        windows.append(screenshot_views._card(env))
        page = windows[-1].findChild(ConsultationsPage)
        card = page.businesses.card_page
        assert page.businesses.currentWidget() is card and card.timeline.rowCount() >= 5
        assert card.name.text().endswith(("御中", "様"))
        windows.append(screenshot_views._seminar(env))
        page = windows[-1].findChild(ConsultationsPage)
        roster = page.seminars.roster
        assert roster is not None and roster.waiting and roster.seats_left == 0
        assert page.seminars.waiting.rowCount() == len(roster.waiting)
        windows.append(screenshot_views._report(env))
        page = windows[-1].findChild(ConsultationsPage)
        report = page.reports
        assert report.report is not None and report.report.year_counts.consultations > 0
        assert any(text.startswith("年度累計") for text in report.categories.texts())
        for window in windows:
            window.close()
    finally:
        ops.shutdown()


@pytest.mark.slow
@pytest.mark.parametrize("view", ["consultations", "report"])
def test_the_command_line_writes_the_png(tmp_path, view, qapp):
    from PySide6.QtGui import QImage

    out = tmp_path / f"{view}.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    code = "import sys; from saiken.app import main; sys.exit(main())"
    result = subprocess.run(
        [sys.executable, "-c", code, "--demo", "--screenshot", str(out), "--view", view],
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert result.returncode == 0, result.stderr[-800:]
    assert "Traceback" not in result.stderr
    image = QImage(str(out))
    assert image.width() >= 1000 and image.height() >= 700
    colours = {image.pixel(x, y) for x in range(0, image.width(), 5) for y in range(0, image.height(), 5)}
    assert len(colours) > 40
