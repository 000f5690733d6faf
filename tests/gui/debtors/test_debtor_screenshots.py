"""`saiken-desk --demo --screenshot PATH --view debtors|debtor` render the demo vault's list and a card."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def _colours(path: Path) -> tuple[int, int, int]:
    from PySide6.QtGui import QImage

    image = QImage(str(path))
    colours = {image.pixel(x, y) for x in range(0, image.width(), 5) for y in range(0, image.height(), 5)}
    return image.width(), image.height(), len(colours)


@pytest.mark.slow
@pytest.mark.parametrize("view", ["debtors", "debtor"])
def test_screenshot_views_render_the_demo_vault(tmp_path, view, qapp):
    out = tmp_path / f"{view}.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    code = "import sys; from saiken.app import main; sys.exit(main())"
    result = subprocess.run(
        [sys.executable, "-c", code, "--demo", "--screenshot", str(out), "--view", view],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr[-800:]
    assert "Traceback" not in result.stderr
    width, height, colours = _colours(out)
    assert width >= 1000 and height >= 700
    assert colours > 40  # a table of names, coloured status cells, amounts — not an empty page


@pytest.mark.slow
def test_the_debtor_view_shows_a_card_with_records(tmp_path, qapp):
    from saiken.ui.debtors import screenshot_views
    from saiken.ui.kit.background import Operations
    from saiken.ui.shell.screenshots import ScreenshotEnv

    ops = Operations()
    env = ScreenshotEnv(ops, vault=tmp_path / "demo", demo=True, org_role="contractor")
    try:
        window = screenshot_views._card(env)
        page = screenshot_views._debtors_page(window)
        card = page.card_page.card
        assert card is not None and card.records and card.payments
        assert page.currentWidget() is page.card_page
        assert page.card_page.records_tab.timeline.rowCount() == len(card.records)
        assert page.list_page.model.total >= 50
        window.close()
    finally:
        ops.shutdown()
