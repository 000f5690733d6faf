"""Without a display, or without the xcb libraries Qt needs on Linux, the window cannot open: the user reads
one Japanese sentence that says what to do (not Qt's English abort), and nothing else happens."""

from __future__ import annotations

import os
import subprocess
import sys

from saiken.ui.shell.display_check import NO_DISPLAY, display_problem


def test_starting_without_a_display_says_so_in_japanese(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["HOME"] = str(tmp_path)
    code = "import sys; from saiken.app import main; sys.exit(main())"
    result = subprocess.run(
        [sys.executable, "-c", code, "--vault", str(tmp_path / "vault")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert result.stderr.strip() == NO_DISPLAY
    assert "qt.qpa" not in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "vault").exists()  # nothing was made


def test_missing_xcb_libraries_are_named_as_the_packages_to_install():
    present = {"libxcb-icccm.so.4", "libxcb-image.so.0", "libxcb-render-util.so.0", "libxcb-shape.so.0"}
    present |= {"libxcb-xkb.so.1", "libxkbcommon-x11.so.0"}
    problem = display_problem({"DISPLAY": ":0"}, platform="linux", loads=lambda soname: soname in present)
    assert problem is not None
    assert problem.endswith("sudo apt install libxcb-cursor0 libxcb-keysyms1")
    assert problem.startswith("画面を表示するための部品がこの PC にありません。")


def test_nothing_is_asked_of_windows_offscreen_or_a_wayland_session():
    def nothing_loads(_soname: str) -> bool:
        return False

    assert display_problem({}, platform="win32", loads=nothing_loads) is None
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, platform="linux", loads=nothing_loads) is None
    assert display_problem({"WAYLAND_DISPLAY": "wayland-0"}, platform="linux", loads=nothing_loads) is None
    assert display_problem({}, platform="linux", loads=nothing_loads) == NO_DISPLAY
