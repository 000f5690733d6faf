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
        try:
            params = cls(
                memory_kib=int(data["memory_kib"]),
                iterations=int(data["iterations"]),
                lanes=int(data["lanes"]),
            )
        except (KeyError, TypeError, ValueError) as error:
            raise CorruptFileError("鍵ファイルの鍵導出の設定が読めません。") from error
        # Refuse weakened or absurd parameters written into the file by someone else.
        if not (
            MIN_MEMORY_KIB <= params.memory_kib <= 4 * 1024 * 1024
            and 1 <= params.iterations <= 64
            and 1 <= params.lanes <= 64
        ):
            raise CorruptFileError("鍵ファイルの鍵導出の設定が許される範囲にありません。")
        return params


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
    kdf = Argon2id(
        salt=salt,
        length=KEY_BYTES,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
        secret=device_secret or None,
    )
    return kdf.derive(normalise_password(secret_text).encode("utf-8"))
