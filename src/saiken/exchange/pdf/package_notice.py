"""The password notice of a handover package (DESIGN §6; issue 9 item 4), in the one notice layout the
application has (`password_notice`): the package id, date, sender, recipient, both organisations' key
fingerprints, the medium id and the password — no personal data — and how to hand it over: on another
occasion than the medium, and recorded in the custody ledger on both sides."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from saiken.domain.clock import JST
from saiken.exchange.pdf.document import wareki
from saiken.exchange.pdf.password_notice import PasswordNotice, render_password_notice

PACKAGE_INSTRUCTIONS: tuple[str, ...] = (
    "この通知書は、媒体（CD-R 等）とは別の機会に、鍵付きかばん等で手渡しします。"
    "媒体と同じ封筒・同じ日に渡さないでください。受け渡しは双方の管理簿に記録します。",
    "受け取った側は債権デスクの「受渡」でパッケージを選び、このパスワードを入力します。"
    "送り手の署名、宛先、順番、すべてのファイルの内容が確かめられてから取り込まれます。",
    "パスワードは債権デスクに記録されていません。なくしたときは送り手に作り直しを依頼してください。"
    "コピー、撮影、電子メールやチャットへの書き写しはしないでください。",
    "取り込みが終わったら、この用紙はシュレッダーで細断して廃棄し、管理簿に記録してください。",
)


@dataclass(frozen=True)
class PackageNotice:
    package_id: str
    kind_label: str
    created_at: dt.datetime
    sender: str
    sender_fingerprint: str
    recipient: str
    recipient_fingerprint: str
    media_id: str
    password: str
    checkpoint: str | None = None


def _grouped(package_id: str) -> str:
    return "-".join(package_id[i : i + 4] for i in range(0, len(package_id), 4))


def notice_rows(notice: PackageNotice) -> list[tuple[str, str]]:
    local = notice.created_at.astimezone(JST)
    return [
        ("パッケージ番号", _grouped(notice.package_id)),
        ("内容・作成日時", f"{notice.kind_label}　{wareki(local)} {local:%H:%M}"),
        ("送り手（鍵の指紋）", f"{notice.sender}\n{notice.sender_fingerprint}"),
        ("宛先（鍵の指紋）", f"{notice.recipient}\n{notice.recipient_fingerprint}"),
        ("媒体番号", notice.media_id),
    ]


def render_package_notice(notice: PackageNotice) -> bytes:
    """The notice as PDF bytes (A4), made in memory."""
    return render_password_notice(
        PasswordNotice(
            subject="受渡パッケージ",
            password=notice.password,
            rows=notice_rows(notice),
            instructions=PACKAGE_INSTRUCTIONS,
            footer=f"債権デスク　受渡パッケージのパスワード通知書　{_grouped(notice.package_id[:12])}",
            checkpoint_hash=notice.checkpoint,
        )
    )
