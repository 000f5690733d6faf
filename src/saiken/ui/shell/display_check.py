"""Before Qt starts: can this PC show the window at all? Without a display, or (Linux, X11) without the
xcb libraries Qt 6.5+ needs, Qt prints an English message and aborts the process; the user gets one
Japanese sentence instead that says what to do, and the program exits with 2."""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping

# soname → the Debian/Ubuntu package that has it (what an administrator installs)
XCB_LIBRARIES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
}
NO_DISPLAY = (
    "画面（ディスプレイ）に接続できません。デスクトップの画面から起動してください。"
    "画面のない環境で画像だけを書き出すときは QT_QPA_PLATFORM=offscreen を付けて --screenshot を使ってください。"
)


def _loads(soname: str) -> bool:
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def display_problem(
    environ: Mapping[str, str] | None = None,
    *,
    platform: str = sys.platform,
    loads: Callable[[str], bool] = _loads,
) -> str | None:
    """None when Qt can start its window here; otherwise the Japanese sentence to show (on stderr)."""
    env = os.environ if environ is None else environ
    chosen = env.get("QT_QPA_PLATFORM", "").split(":")[0]
    if not platform.startswith("linux") or chosen not in ("", "xcb", "wayland"):
        return None  # Windows, macOS, offscreen, vnc…: Qt needs nothing more from this PC
    wayland = bool(env.get("WAYLAND_DISPLAY")) and chosen in ("", "wayland")
    if wayland:
        return None
    if not env.get("DISPLAY"):
        return NO_DISPLAY
    missing = [package for soname, package in XCB_LIBRARIES.items() if not loads(soname)]
    if not missing:
        return None
    return (
        "画面を表示するための部品がこの PC にありません。管理者に次の部品を入れてもらってから、もう一度起動してください: "
        f"sudo apt install {' '.join(missing)}"
    )
