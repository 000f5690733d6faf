"""Key derivation for key slots: Argon2id (cryptography's implementation) over an NFKC-normalised secret.

Parameters are stored in every slot so they can be raised later without breaking old slots. The default
is RFC 9106's second recommended setting (64 MiB, 3 passes, 4 lanes); on a 2-core PC one derivation takes
~0.1-0.2 s, well inside the 0.6 s unlock budget measured by benchmarks/bench_unlock.py.
When device binding is on, the device secret from the OS credential store is Argon2id's secret input
(the "pepper"), so a copied vault folder is useless without the PC account that holds it.
"""

from __future__ import annotations

import os
import unicodedata
from dataclasses import asdict, dataclass

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from saiken.domain.errors import CorruptFileError

MIN_MEMORY_KIB = 64 * 1024
# The ceiling: a forged or damaged keys.json cannot make a sign-in take minutes or gigabytes. Up to 256 MiB,
# 10 passes, 8 lanes, and at most 1 GiB·pass in all (memory x passes): about 1 s on a 2-core office PC,
# four times the default's cost, room enough to raise the default later.
MAX_MEMORY_KIB = 256 * 1024
MAX_ITERATIONS = 10
MAX_LANES = 8
MAX_WORK_KIB = 1024 * 1024
KEY_BYTES = 32
SALT_BYTES = 16


@dataclass(frozen=True)
class KdfParams:
    memory_kib: int = MIN_MEMORY_KIB
    iterations: int = 3
    lanes: int = 4
    algorithm: str = "argon2id"

    def as_dict(self) -> dict[str, object]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: object) -> KdfParams:
        if not isinstance(data, dict) or data.get("algorithm") != "argon2id":
            raise CorruptFileError("鍵ファイルの鍵導出の設定が読めません。")
        values = [data.get("memory_kib"), data.get("iterations"), data.get("lanes")]
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in values):
            raise CorruptFileError("鍵ファイルの鍵導出の設定が読めません。")
        try:
            params = cls(
                memory_kib=int(data["memory_kib"]),
                iterations=int(data["iterations"]),
                lanes=int(data["lanes"]),
            )
        except (KeyError, TypeError, ValueError) as error:
            raise CorruptFileError("鍵ファイルの鍵導出の設定が読めません。") from error
        # Refuse weakened or absurd parameters written into the file by someone else.
        if not params.within_limits():
            raise CorruptFileError(
                "鍵ファイルの鍵導出の設定が許される範囲にありません（書き換えられた疑い）。",
                hint="バックアップの keys.json を戻すか、管理者に連絡してください。",
            )
        return params

    def within_limits(self) -> bool:
        """At least the floor (64 MiB) and at most the ceiling, in memory, passes, lanes and their product."""
        return (
            MIN_MEMORY_KIB <= self.memory_kib <= MAX_MEMORY_KIB
            and 1 <= self.iterations <= MAX_ITERATIONS
            and 1 <= self.lanes <= MAX_LANES
            and self.memory_kib * self.iterations <= MAX_WORK_KIB
        )


DEFAULT_PARAMS = KdfParams()


def normalise_password(password: str) -> str:
    """NFKC: full-width and half-width forms of the same password are the same password."""
    return unicodedata.normalize("NFKC", password)


def new_salt() -> bytes:
    return os.urandom(SALT_BYTES)


def derive_key(
    secret_text: str, salt: bytes, params: KdfParams, *, device_secret: bytes | None = None
) -> bytes:
    """The 256-bit wrapping key for a slot. `secret_text` is NFKC-normalised here."""
    if not params.within_limits():
        raise CorruptFileError("鍵導出の設定が許される範囲にありません。")
    kdf = Argon2id(
        salt=salt,
        length=KEY_BYTES,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
        secret=device_secret or None,
    )
    return kdf.derive(normalise_password(secret_text).encode("utf-8"))
