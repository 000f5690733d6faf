"""The SQLCipher engine: every pooled connection is keyed before anything else runs.

The key is a raw random 256-bit master key (`PRAGMA key = "x'…'"`), so SQLCipher's own KDF is skipped
(DESIGN §5). The key never appears in a URL, a log or an error message.
"""

from __future__ import annotations

import weakref
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool

from saiken.domain.errors import VaultError, WrongPasswordError
from saiken.fsutil import create_private_file, tighten_tree

KEY_BYTES = 32
BUSY_TIMEOUT_MS = 10_000
# Decrypted pages kept per connection (negative = KiB). Every page read from the file costs a decryption and
# an HMAC check, so a larger cache is what keeps searches over 100,000 debtors fast.
CACHE_KIB = 65_536
READ_ONLY = "saiken_read_only"
# The key of each live engine, for services that must re-key or copy the open vault. Dropped with the engine.
_ENGINE_KEYS: weakref.WeakKeyDictionary[Engine, bytes] = weakref.WeakKeyDictionary()


def _key_pragma(key: bytes) -> str:
    if len(key) != KEY_BYTES:
        raise VaultError("暗号鍵の長さが正しくありません。")
    return f"PRAGMA key = \"x'{key.hex()}'\""


def pragmas(memory_security: bool = False) -> list[str]:
    """The settings every vault connection runs right after its key, before the first read.

    `cipher_memory_security` stays OFF (SQLCipher's default since 4.5; DESIGN §5): it wipes and locks
    SQLCipher's own heap, but the decrypted values live in Python and Qt memory anyway once read, so it
    cannot keep personal data out of a pagefile or a crash dump — full-disk encryption and hibernation off
    (the deployment guide) do. It cost the 10,000-row import about a third of its time. `True` exists only
    so that a benchmark process can show that price; it is not a switch of the application (the setting is
    process-wide and cannot be turned off again once on).
    """
    return [
        # SQLCipher would otherwise log "hmac check failed" lines to stderr on a wrong key.
        "PRAGMA cipher_log_level = NONE",
        f"PRAGMA cipher_memory_security = {'ON' if memory_security else 'OFF'}",
        "PRAGMA secure_delete = ON",
        "PRAGMA temp_store = MEMORY",
        "PRAGMA foreign_keys = ON",
        f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}",
        f"PRAGMA cache_size = -{CACHE_KIB}",
    ]


def connect_raw(db_path: Path, key: bytes) -> Any:
    """A keyed DB-API connection (sqlcipher3), checked to decrypt. Used by the engine and by backups.

    File modes (DESIGN §5): a new database file is made 0600 before SQLCipher opens it (SQLite gives its
    -wal and -shm the database's mode), and the vault folder, its files and backups are tightened to
    0700/0600 if anything made them looser."""
    if not db_path.exists():
        create_private_file(db_path)
    tighten_tree(db_path.parent)
    connection = sqlcipher3.connect(
        str(db_path), isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000
    )
    try:
        connection.execute(_key_pragma(key))
        for statement in pragmas():
            connection.execute(statement)
        # The first read of the schema proves the key; a wrong key raises "file is not a database".
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        connection.execute("PRAGMA journal_mode = WAL").fetchone()
        connection.execute("PRAGMA synchronous = FULL")
    except sqlcipher3.DatabaseError as error:
        connection.close()
        raise WrongPasswordError(
            "データベースを開けません。鍵が正しくないか、ファイルが壊れています。"
        ) from error
    return connection


def make_engine(db_path: Path, key: bytes, *, pool_size: int = 2) -> Engine:
    """An SQLAlchemy engine over the SQLCipher file `db_path`, keyed with `key` on every connection."""
    db_path = Path(db_path)
    key = bytes(key)

    def creator() -> Any:
        return connect_raw(db_path, key)

    engine = create_engine(
        "sqlite://",
        module=sqlcipher3,
        creator=creator,
        poolclass=QueuePool,
        pool_size=pool_size,
        max_overflow=2,
        pool_pre_ping=False,
    )

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        # The driver runs in autocommit mode (isolation_level=None); SQLAlchemy's transaction starts here.
        # A writing transaction takes the write lock up front (IMMEDIATE), so an audit entry and its action
        # never interleave with another writer's. A read-only one (execution option READ_ONLY) begins
        # deferred and, with WAL, never waits behind a writer.
        read_only = connection.get_execution_options().get(READ_ONLY, False)
        connection.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")

    _ENGINE_KEYS[engine] = key
    return engine


def engine_key(engine: Engine) -> bytes:
    """The master key `engine` was made with (for re-keying and consistent copies)."""
    try:
        return _ENGINE_KEYS[engine]
    except KeyError as error:
        raise VaultError("金庫の鍵が見つかりません。もう一度サインインしてください。") from error


_DAMAGE_CODES = frozenset({11, 26})  # SQLITE_CORRUPT, SQLITE_NOTADB


def is_damage(error: BaseException) -> bool:
    """True when `error` (sqlcipher3's, or SQLAlchemy's wrapping of it) says the file is damaged."""
    for candidate in (error, getattr(error, "orig", None)):
        if getattr(candidate, "sqlite_errorcode", None) in _DAMAGE_CODES:
            return True
    return False
