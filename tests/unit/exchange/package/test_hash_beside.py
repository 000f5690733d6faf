"""Hashes updated on the worker thread see their bytes in the order given, small and large chunks mixed,
two hashes interleaved, exactly as hashing them inline."""

from __future__ import annotations

import hashlib
import hmac
import random

from saiken.exchange.package.hash_beside import SMALL, HashBeside


def test_interleaved_updates_give_the_digests_of_inline_hashing():
    rng = random.Random(3)
    chunks = [rng.randbytes(rng.choice([1, SMALL - 1, SMALL, 3 * SMALL, 1 << 20])) for _ in range(60)]
    sha, mac = hashlib.sha256(), hmac.new(b"k" * 20, digestmod="sha1")
    beside = HashBeside()
    for chunk in chunks:
        beside.update(mac.update, chunk)
        beside.update(sha.update, chunk[::-1])
    beside.wait()
    data = b"".join(chunks)
    assert mac.digest() == hmac.new(b"k" * 20, data, "sha1").digest()
    assert sha.hexdigest() == hashlib.sha256(b"".join(c[::-1] for c in chunks)).hexdigest()
