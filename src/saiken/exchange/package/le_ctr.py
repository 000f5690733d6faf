"""AES in counter mode with WinZip's little-endian 128-bit counter, over OpenSSL (`cryptography`).

OpenSSL's CTR mode counts big-endian, WinZip counts little-endian (block n is encrypted with
AES(key, n as 16 little-endian bytes), n = 1, 2, …), so the key stream is made here: AES-ECB over pages of
65,536 consecutive counter blocks (1 MiB of key stream), XORed with the data. A page's counter blocks are
a fixed template (the low two bytes 0…65535) with the page number in the bytes above, kept in one buffer
per cipher where only the bytes that change from page to page are set (by slice assignment), encrypted
into a second buffer that is reused; the XOR is pycryptodomex's `strxor` into the output buffer. Everything runs in C: OpenSSL's AES
(AES-NI) is some ten times faster than pycryptodomex's own CTR mode, which feeds its cipher a few blocks
at a time. Encrypting and decrypting are the same operation.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from Cryptodome.Util.strxor import strxor
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

# strxor takes any contiguous buffer (its stub says bytes): XOR two of them into a writable third.
_xor_into = cast(Callable[..., object], strxor)

BLOCK = 16
PAGE_BLOCKS = 1 << 16
PAGE = PAGE_BLOCKS * BLOCK  # bytes of key stream per page
_LOW = b"".join(i.to_bytes(2, "little") for i in range(PAGE_BLOCKS))
_TEMPLATE = bytearray(PAGE)
_TEMPLATE[0::BLOCK] = _LOW[0::2]
_TEMPLATE[1::BLOCK] = _LOW[1::2]
_TEMPLATE_BYTES = bytes(_TEMPLATE)


class LittleEndianCtr:
    """One entry's cipher: `process(data)` encrypts or decrypts the next bytes of the stream."""

    def __init__(self, key: bytes, *, initial_value: int = 1) -> None:
        self._ecb = Cipher(algorithms.AES(key), modes.ECB()).encryptor()
        self._position = initial_value * BLOCK  # in the key stream of counters 0, 1, 2, …
        self._counters = bytearray(_TEMPLATE_BYTES)  # the counter blocks of page `_counter_page`
        self._counter_page = 0
        self._page_no = -1  # the page whose key stream `_page` holds
        self._page = bytearray(PAGE + BLOCK)  # update_into wants room for one block more
        self._page_view = memoryview(self._page)[:PAGE]

    def _key_stream(self, page_no: int) -> memoryview:
        if page_no != self._page_no:
            old = self._counter_page.to_bytes(14, "little")
            for index, value in enumerate(page_no.to_bytes(14, "little")):
                if value != old[index]:  # only the bytes that changed (one, mostly): 65,536 stores each
                    self._counters[2 + index :: BLOCK] = bytes([value]) * PAGE_BLOCKS
            self._counter_page = page_no
            self._ecb.update_into(self._counters, self._page)
            self._page_no = page_no
        return self._page_view

    def process(self, data: bytes | bytearray | memoryview) -> bytes:
        view = memoryview(data).cast("B")
        out = bytearray(len(view))
        target = memoryview(out)
        done = 0
        while done < len(view):
            page_no, start = divmod(self._position, PAGE)
            take = min(len(view) - done, PAGE - start)
            stream = self._key_stream(page_no)[start : start + take]
            _xor_into(view[done : done + take], stream, output=target[done : done + take])
            done += take
            self._position += take
        return bytes(out)

    encrypt = process
    decrypt = process
