"""Hashing beside decryption: an entry's HMAC-SHA1 (over its ciphertext) and SHA-256 (over its plaintext)
run on one worker thread while the reading thread decrypts and inflates the next chunk.

OpenSSL's hashes in `hashlib`/`hmac` release the GIL on large updates, so on a machine with a free core
reading an entry costs about as much as decrypting it. The worker takes the updates in the order they
were given (one thread, first in first out), so every hash sees its bytes in order; at most `IN_FLIGHT`
chunks wait for it (memory stays bounded), and `wait()` before a digest is read. Nothing here decides
anything: the reader compares the digests once `wait()` returned.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

IN_FLIGHT = 4
SMALL = 64 * 1024  # below this, hashing inline costs less than handing the chunk over

_WORKER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="saiken-package-hash")


class HashBeside:
    """The updates of one entry's hashes, run in order on the worker thread."""

    def __init__(self) -> None:
        self._pending: deque[Future[object]] = deque()

    def update(self, update: Callable[[bytes], object], data: bytes) -> None:
        if len(data) < SMALL:
            self.wait()
            update(data)
            return
        self._pending.append(_WORKER.submit(update, data))
        while len(self._pending) > IN_FLIGHT:
            self._pending.popleft().result()

    def wait(self) -> None:
        """Every update given so far has been applied."""
        while self._pending:
            self._pending.popleft().result()
