"""Consistent encrypted copies of a vault database, integrity checks and re-keying (SQLCipher).

A copy is made with `sqlcipher_export` through a keyed connection into a new file attached with the same
key — never a raw copy of a live file (its WAL could hold committed pages not yet in the main file).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlcipher3

from saiken.domain.errors import CorruptFileError, VaultError
from saiken.fsutil import create_private_file
from saiken.store.engine import _key_pragma, connect_raw

DatabaseError = sqlcipher3.DatabaseError  # what a damaged file raises while being read


def export_copy(db_path: Path, key: bytes, target: Path, *, target_key: bytes | None = None) -> None:
    """Write a consistent encrypted copy of `db_path` to `target` (which must not exist yet), keyed with
    `target_key` when given (re-encryption under a new master key), else with the same key."""
    target = Path(target)
    if target.exists():
        raise VaultError("コピー先のファイルがすでにあります。別の場所を指定してください。")
    create_private_file(target)  # 0600 from the start: SQLCipher would create it with the umask's mode
    try:
        connection = connect_raw(Path(db_path), key)
        try:
            if target_key is None:
                # ATTACH without a KEY clause uses the main database's key.
                connection.execute("ATTACH DATABASE ? AS copy", (str(target),))
            else:
                connection.execute(
                    f"ATTACH DATABASE ? AS copy KEY \"x'{_checked(target_key).hex()}'\"", (str(target),)
                )
            try:
                connection.execute("BEGIN")  # one read snapshot for the whole export
                connection.execute("SELECT sqlcipher_export('copy')").fetchall()
                connection.execute("COMMIT")
            finally:
                connection.execute("DETACH DATABASE copy")
        finally:
            connection.close()
    except BaseException:
        target.unlink(missing_ok=True)
        raise


def _checked(key: bytes) -> bytes:
    _key_pragma(key)  # the same length check as every key
    return key


def settle(db_path: Path, key: bytes) -> None:
    """Fold the WAL into the main file and leave the file in rollback-journal mode with no -wal or -shm
    beside it, so it can be moved or replaced on its own (no other connection may be open)."""
    connection = connect_raw(Path(db_path), key)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        connection.execute("PRAGMA journal_mode = DELETE").fetchall()
    finally:
        connection.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)


@dataclass
class CopyCheck:
    ok: bool
    problems: list[str] = field(default_factory=list)
    damaged_pages: list[int] = field(default_factory=list)


def open_read_only(path: Path, key: bytes) -> Any:
    """A keyed read-only connection to a database file (a backup copy). Raises CorruptFileError."""
    path = Path(path)
    if not path.is_file():
        raise CorruptFileError(f"データベースファイル {path.name} が見つかりません。")
    connection = sqlcipher3.connect(
        f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None, check_same_thread=False
    )
    try:
        connection.execute(_key_pragma(key))
        connection.execute("PRAGMA cipher_log_level = NONE")
        connection.execute("PRAGMA temp_store = MEMORY")
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError as error:
        connection.close()
        raise CorruptFileError(
            f"{path.name} を開けません。鍵が合わないか、ファイルが壊れています。"
        ) from error
    return connection


def check_database(connection: Any) -> CopyCheck:
    """PRAGMA integrity_check and cipher_integrity_check on an open keyed connection, each on its own (a
    damaged page stops the first one, the second still names every page whose HMAC fails)."""
    problems: list[str] = []
    damaged_pages: list[int] = []
    try:
        rows = connection.execute("PRAGMA integrity_check").fetchall()
        if [tuple(r) for r in rows] != [("ok",)]:
            problems.append(f"integrity_check で {len(rows)} 件の問題が見つかりました。")
    except sqlcipher3.DatabaseError:
        problems.append("integrity_check が途中で止まりました（読めないページがあります）。")
    try:
        cipher_rows = connection.execute("PRAGMA cipher_integrity_check").fetchall()
    except sqlcipher3.DatabaseError:
        problems.append("cipher_integrity_check が途中で止まりました（ファイルの破損）。")
    else:
        for row in cipher_rows:
            digits = "".join(ch if ch.isdigit() else " " for ch in str(row[0])).split()
            if digits:
                damaged_pages.append(int(digits[-1]))
        if cipher_rows:
            pages = "、".join(str(p) for p in damaged_pages[:10]) + (
                " ほか" if len(damaged_pages) > 10 else ""
            )
            problems.append(
                f"cipher_integrity_check で {len(cipher_rows)} 件の問題が見つかりました（ページの改変・破損"
                + (f": ページ {pages}" if damaged_pages else "")
                + "）。"
            )
    return CopyCheck(ok=not problems, problems=problems, damaged_pages=damaged_pages)


def rekey_database(db_path: Path, old_key: bytes, new_key: bytes) -> None:
    """Re-encrypt every page under `new_key` (PRAGMA rekey). No other connection may be open."""
    connection = connect_raw(Path(db_path), old_key)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        connection.execute(_key_pragma(new_key).replace("PRAGMA key", "PRAGMA rekey")).fetchall()
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    finally:
        connection.close()
