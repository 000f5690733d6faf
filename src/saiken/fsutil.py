"""Atomic file writing: a temp file in the same folder, fsync, replace, fsync the folder.

Every file Saiken Desk writes (key file, package, workbook, PDF, backup manifest) goes through
`atomic_write_bytes`, so a crash or a full disk leaves either the old file or the new one, never half.
The temp file is created in the target folder (never the system temp folder) with mode 0600 and is
removed if anything fails.
"""

from __future__ import annotations

import os
import secrets
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write_bytes(path: Path | str, data: bytes, *, mode: int = 0o600) -> None:
    path = Path(path)
    folder = path.parent
    tmp = folder / f".{path.name}.{secrets.token_hex(6)}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), mode)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            tmp.unlink()
        except FileNotFoundError:
            pass
        raise
    _fsync_dir(folder)


def atomic_write_text(path: Path | str, text: str, *, mode: int = 0o600) -> None:
    atomic_write_bytes(path, text.encode("utf-8"), mode=mode)


PRIVATE_FILE_MODE = 0o600
PRIVATE_DIR_MODE = 0o700


def _tighten(path: Path, mode: int) -> None:
    """Remove every permission bit beyond `mode` (never adds any, never follows a symbolic link)."""
    try:
        info = os.lstat(path)
        if stat.S_ISLNK(info.st_mode):
            return
        current = stat.S_IMODE(info.st_mode)
        if current & ~mode:
            os.chmod(path, current & mode)
    except (FileNotFoundError, PermissionError):
        return  # gone, or not ours to change (a folder another account owns): left as it is


def private_dir(folder: Path | str) -> Path:
    """Make `folder` (and missing parents) if needed and make sure only its owner can enter it (0700 on
    POSIX; an existing folder is tightened, DESIGN §5). Windows: the user profile's ACL applies."""
    folder = Path(folder)
    folder.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
    if os.name == "posix":
        _tighten(folder, PRIVATE_DIR_MODE)
    return folder


def create_private_file(path: Path | str) -> Path:
    """Create an empty file readable only by its owner (0600) unless it exists, then tighten it: for files
    another library creates (SQLCipher's database, whose -wal and -shm then get the same mode)."""
    path = Path(path)
    try:
        fd = os.open(
            path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), PRIVATE_FILE_MODE
        )
    except FileExistsError:
        pass
    else:
        os.close(fd)
    if os.name == "posix":
        _tighten(path, PRIVATE_FILE_MODE)
    return path


def tighten_tree(folder: Path | str, *, depth: int = 2) -> None:
    """Folders 0700 and files 0600 in `folder`, down `depth` levels (a vault folder: its files, backups/
    and each backup). Only removes permission bits; symbolic links are left alone. POSIX only."""
    if os.name != "posix":
        return
    folder = Path(folder)
    _tighten(folder, PRIVATE_DIR_MODE)
    if depth <= 0:
        return
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if entry.is_symlink():
            continue
        if entry.is_dir():
            tighten_tree(entry.path, depth=depth - 1)
        elif entry.is_file():
            _tighten(Path(entry.path), PRIVATE_FILE_MODE)


@contextmanager
def atomic_file(path: Path | str, *, mode: int = 0o600) -> Iterator[BinaryIO]:
    """A seekable binary file that becomes `path` only when the block ends without error (fsync, replace,
    fsync the folder) — for files too large to build in memory (handover packages). On any error the temp
    file is removed and `path` is untouched."""
    path = Path(path)
    folder = path.parent
    tmp = folder / f".{path.name}.{secrets.token_hex(6)}.tmp"
    fd = os.open(tmp, os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), mode)
    try:
        with os.fdopen(fd, "w+b") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            tmp.unlink()
        except FileNotFoundError:
            pass
        raise
    _fsync_dir(folder)
