"""Every English source string of ui/ has its Japanese translation; the shipped .qm is current; the
`--screenshot` command line renders real, non-blank PNGs; errors never show details."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from saiken.ui import i18n_build

# tr("..."), translate("Context", "..."), QT_TRANSLATE_NOOP("Context", "...") with ONE literal.
_LITERAL = r'"((?:[^"\\\n]|\\.)*)"'
_PATTERNS = [
    re.compile(r"\btr\(\s*" + _LITERAL),
    re.compile(r"\btranslate\(\s*\"[^\"]+\"\s*,\s*" + _LITERAL),
    re.compile(r"QT_TRANSLATE_NOOP\(\s*\"[^\"]+\"\s*,\s*" + _LITERAL),
]


def _source_literals() -> set[str]:
    found = set()
    for path in i18n_build.source_files():
        text = path.read_text(encoding="utf-8")
        for pattern in _PATTERNS:
            for match in pattern.finditer(text):
                found.add(
                    match.group(1).encode("utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")
                )
    return found


def test_every_source_string_has_a_japanese_translation():
    translated = {
        source
        for _c, source, _m, translation in i18n_build.messages()
        if translation.get("type") is None and (translation.text or "").strip()
    }
    assert i18n_build.missing() == []
    literals = _source_literals()
    assert len(literals) > 150
    not_in_ts = sorted(literals - translated)
    assert not_in_ts == [], f"run `make translations` and translate: {not_in_ts[:10]}"


def test_every_tr_call_is_one_double_quoted_literal_lupdate_can_see():
    """lupdate drops the context of a tr() whose literal is split over lines, and does not look inside
    f-strings (where a tr('...') would need single quotes): keep each one double-quoted literal."""
    bad = []
    for path in i18n_build.source_files():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"\btr\(\s*\"[^\"]*\"\s*$", line) or re.search(r"\b(tr|translate)\(\s*'", line):
                bad.append(f"{path.name}:{number}")
    assert bad == []


def test_the_shipped_qm_is_compiled_from_the_current_ts(tmp_path):
    compiled = tmp_path / "check.qm"
    code = "import sys; from PySide6.scripts.pyside_tool import lrelease; sys.exit(lrelease())"
    subprocess.run(
        [sys.executable, "-c", code, str(i18n_build.TS_FILE), "-qm", str(compiled)],
        check=True,
        capture_output=True,
    )
    assert compiled.read_bytes() == i18n_build.QM_FILE.read_bytes()


def test_japanese_is_the_default_and_ipaex_gothic_is_the_font(app):
    from PySide6.QtCore import QCoreApplication

    assert QCoreApplication.translate("MainWindow", "Lock now") == "今すぐロック"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "キャンセル"  # Qt's own buttons too
    assert "IPAex" in app.font().family()


def test_internal_errors_show_no_details(app, driver):
    from PySide6.QtWidgets import QMessageBox

    from saiken.ui.kit.errors import show_error

    driver.then(lambda box: box.accept())
    show_error(None, KeyError("架空 太郎 03-5000-0000"))
    title, text = driver.seen[0].windowTitle(), driver.seen[0].text()
    assert isinstance(driver.seen[0], QMessageBox)
    assert title == "内部エラー"
    assert "データは変更されていません" in text and "架空" not in text and "KeyError" not in text


def _png_facts(path: Path) -> tuple[int, int, int]:
    from PySide6.QtGui import QImage

    image = QImage(str(path))
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    return image.width(), image.height(), len(colours)


@pytest.mark.slow
@pytest.mark.parametrize("view", ["login", "users"])
def test_screenshot_command_renders_a_non_blank_png(tmp_path, view, app):
    out = tmp_path / f"{view}.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    code = "import sys; from saiken.app import main; sys.exit(main())"
    result = subprocess.run(
        [sys.executable, "-c", code, "--demo", "--screenshot", str(out), "--view", view],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-500:]
    assert "Traceback" not in result.stderr
    width, height, colours = _png_facts(out)
    assert width >= 400 and height >= 250
    assert colours > 20  # text, fields and buttons, not a blank window


def test_unknown_screenshot_view_is_one_clear_line(tmp_path, app):
    from saiken.ui.shell.screenshots import render

    assert render(tmp_path / "x.png", "no-such-view") == 2
    assert not (tmp_path / "x.png").exists()


def test_a_message_box_while_rendering_fails_the_screenshot_instead_of_waiting(
    tmp_path, app, capsys, monkeypatch
):
    """Nobody clicks OK in `--screenshot`: an error shown while a view is built closes at once and the
    render exits 1 with the message, instead of hanging on the box."""
    from PySide6.QtWidgets import QLabel

    from saiken.domain.errors import ValidationError
    from saiken.ui.shell import screenshots

    def refuse() -> None:
        raise ValidationError("日付を確かめてください。")

    def failing_view(env):
        env.ops.call_unbound(refuse)
        return QLabel("view")

    monkeypatch.setitem(screenshots.VIEWS, "failing", failing_view)
    assert screenshots.render(tmp_path / "x.png", "failing") == 1
    assert "日付を確かめてください。" in capsys.readouterr().err
