"""Attachments: PDF/PNG/JPEG by their first bytes, 10 MB at most, kept encrypted inside the vault."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from reportlab.pdfgen import canvas

from saiken.domain.errors import ValidationError
from saiken.services import debtors
from saiken.services.debtors.attachments import MAX_ATTACHMENT_BYTES

MARKER = "KAKUU-SHINSEISHO-0001"  # a string that must not be readable in the database file


def _pdf() -> bytes:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pageCompression=0)
    page.drawString(72, 720, MARKER)
    page.save()
    return buffer.getvalue()


def _png() -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\x80"))
        + chunk(b"IEND", b"")
    )


def test_pdf_round_trip_and_encrypted_at_rest(vault_session, debtor_id):
    data = _pdf()
    assert MARKER.encode() in data
    row = debtors.add_attachment(
        vault_session, debtor_id, filename="C:\\scan\\申請書.pdf", data=data, mime="application/pdf"
    ).value
    assert (row.filename, row.mime, row.size) == ("申請書.pdf", "application/pdf", len(data))
    assert debtors.read_attachment(vault_session, row.id) == data
    card = debtors.get_card(vault_session, debtor_id)
    assert [(a.id, a.filename) for a in card.attachments] == [(row.id, "申請書.pdf")]
    vault_session.engine.dispose()  # checkpoint nothing special: the WAL is encrypted too
    for path in vault_session.folder.glob("vault.db*"):
        assert MARKER.encode() not in path.read_bytes(), path.name


def test_png_and_jpeg_are_accepted_by_their_bytes(vault_session, debtor_id):
    png = debtors.add_attachment(
        vault_session, debtor_id, filename="map.png", data=_png(), mime="image/png"
    ).value
    jpeg = debtors.add_attachment(
        vault_session,
        debtor_id,
        filename="photo.jpg",
        data=b"\xff\xd8\xff\xe0" + bytes(64) + b"\xff\xd9",
        mime="image/jpg",
    ).value
    assert (png.mime, jpeg.mime) == ("image/png", "image/jpeg")


@pytest.mark.parametrize(
    ("data", "mime", "words"),
    [
        (b"", "application/pdf", "空"),
        (b"plain text, not a scan", "text/plain", "PDF・PNG・JPEG"),
        (b"MZ\x90\x00 an executable", "application/pdf", "PDF・PNG・JPEG"),
        (b"%PDF-1.4 looks like a pdf", "image/png", "一致しません"),
    ],
)
def test_wrong_kinds_are_refused_and_nothing_is_stored(vault_session, debtor_id, data, mime, words):
    with pytest.raises(ValidationError, match=words):
        debtors.add_attachment(vault_session, debtor_id, filename="x.pdf", data=data, mime=mime)
    assert debtors.get_card(vault_session, debtor_id).attachments == []


def test_size_limit_is_10_mb(vault_session, debtor_id):
    at_limit = b"%PDF-1.7\n" + bytes(MAX_ATTACHMENT_BYTES - 9)
    assert len(at_limit) == 10 * 1024 * 1024
    assert (
        debtors.add_attachment(
            vault_session, debtor_id, filename="big.pdf", data=at_limit, mime="application/pdf"
        ).value.size
        == MAX_ATTACHMENT_BYTES
    )
    with pytest.raises(ValidationError, match="10 MB"):
        debtors.add_attachment(
            vault_session, debtor_id, filename="bigger.pdf", data=at_limit + b"\n", mime="application/pdf"
        )
    assert len(debtors.get_card(vault_session, debtor_id).attachments) == 1
