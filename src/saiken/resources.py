"""Where the shipped resources (fonts, translations, icons) are, in a checkout and in an installed wheel."""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent


def resources_dir() -> Path:
    installed = _HERE / "_resources"
    if installed.is_dir():
        return installed
    return _HERE.parent.parent / "resources"


def font_path(name: str) -> Path:
    """`name` is `gothic` or `mincho`: the bundled IPAex fonts."""
    files = {"gothic": "ipaexg.ttf", "mincho": "ipaexm.ttf"}
    return resources_dir() / "fonts" / files[name]


def icon_paths() -> list[Path]:
    """The application icon at every size shipped (resources/icons/saiken-desk-<size>.png)."""
    folder = resources_dir() / "icons"
    return sorted(folder.glob("saiken-desk-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
