"""WinZip's little-endian AES-CTR over OpenSSL is byte for byte what an independent implementation gives
(pycryptodomex's own CTR mode with a little-endian counter), in any pieces, across key-stream pages, and
from a counter whose upper bytes are set. (The 7-Zip tests check the same against the real 7-Zip.)"""

from __future__ import annotations

import random

import pytest
from Cryptodome.Cipher import AES
from Cryptodome.Util import Counter

from saiken.exchange.package.le_ctr import PAGE, LittleEndianCtr

KEY = bytes(range(32))


def reference(data: bytes, initial_value: int = 1) -> bytes:
    counter = Counter.new(128, little_endian=True, initial_value=initial_value)
    return AES.new(KEY, AES.MODE_CTR, counter=counter).encrypt(data)


@pytest.mark.parametrize("seed", range(4))
def test_pieces_of_any_size_give_the_reference_stream(seed):
    rng = random.Random(seed)
    data = rng.randbytes(2 * PAGE + rng.randrange(PAGE))
    cipher, parts, done = LittleEndianCtr(KEY), [], 0
    while done < len(data):
        size = rng.choice([1, 15, 16, 17, 4096, PAGE - 3, PAGE, PAGE + 5])
        parts.append(cipher.process(data[done : done + size]))
        done += size
    assert b"".join(parts) == reference(data)


def test_a_counter_with_upper_bytes_set_and_decryption_as_encryption():
    data = random.Random(9).randbytes(300_000)
    start = (1 << 72) + (5 << 40) + 12_345
    encrypted = LittleEndianCtr(KEY, initial_value=start).encrypt(data)
    assert encrypted == reference(data, start)
    assert LittleEndianCtr(KEY, initial_value=start).decrypt(encrypted) == data
    assert LittleEndianCtr(KEY).process(b"") == b""
