"""The printable 「個人情報消去証明書」 (erasure certificate; seed 003 特記事項 第12 5, seed 000 ⑮).

Addressed to the ward (御中) by the contractor, it lists every field of the signed statement: the
information items, the media with their names and count, the records erased by kind, the method, the
tool and its version, the operator and the responsible person, the date and time, the final audit
checkpoint, and the copies the application could not reach (printed letters, the media themselves,
files saved outside the vault). Below: the Ed25519 signature by the contractor's organisation key with
the key's fingerprint, and a box for the responsible person's seal.
"""

from __future__ import annotations

import datetime as dt

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from saiken.domain.clock import JST
from saiken.exchange.erasure_statement import ErasureStatement
from saiken.exchange.pdf.blocks import label_table, seal_box
from saiken.exchange.pdf.document import honorific, para, render, wareki

TITLE = "個人情報消去証明書"


def _when(at: dt.datetime) -> str:
    local = at.astimezone(JST)
    return f"{wareki(local)} {local:%H時%M分}"


def _groups(text: str, size: int = 4) -> str:
    return " ".join(text[i : i + size] for i in range(0, len(text), size))


def render_erasure_certificate(statement: ErasureStatement, *, signature: bytes) -> bytes:
    """The certificate as PDF bytes (A4, fonts embedded), made in memory."""
    counts = "、".join(f"{label} {count:,}件" for label, count in statement.record_counts.items() if count)
    media = "\n".join(f"{m.medium_id}（{m.kind}・{m.disposition}）" for m in statement.media) or "なし"
    copies = "\n".join(f"・{copy}" for copy in statement.unreachable_copies) or "なし"
    rows = [
        ("証明書番号", statement.certificate_no),
        ("業務", f"{statement.engagement_title}（{statement.period}）"),
        ("情報項目", "、".join(statement.information_items)),
        ("媒体名・数量", f"{media}\n計 {len(statement.media)} 枚"),
        ("消去した記録", f"{counts or 'なし'}（合計 {statement.total_records:,}件）"),
        ("消去の方法", statement.method_label),
        ("使用したソフトウェア", statement.tool),
        ("消去の日時", _when(statement.erased_at)),
        ("実施者", statement.operator),
        ("責任者", statement.responsible),
        ("最終監査チェックポイント", statement.final_checkpoint),
        ("本ソフトウェアが消去できない複製", copies),
    ]
    story: list[Flowable] = [
        para(f"{wareki(statement.issued_at)}", "body_right"),
        Spacer(1, 2 * mm),
        para(honorific(statement.recipient, True), "heading"),
        Spacer(1, 2 * mm),
        para(statement.issuer, "body_right"),
        Spacer(1, 6 * mm),
        para(TITLE, "title"),
        para(
            "当事務所が業務の履行のため受領し、又は作成した個人情報が記録された電子データについて、"
            "下記のとおり判読及び復元ができないよう消去したことを証明します。",
            "body",
        ),
        Spacer(1, 3 * mm),
        para("記", "center"),
        Spacer(1, 2 * mm),
        label_table(rows, label_width=46 * mm),
        Spacer(1, 3 * mm),
        KeepTogether(
            [
                para("電子署名", "heading"),
                para(
                    f"この証明書の内容（署名対象の文書）は、{statement.issuer}の組織の鍵（Ed25519、指紋 "
                    f"{statement.issuer_fingerprint}）で署名されています。受領側の債権デスクは、取り込み時に"
                    "この署名を検証します。",
                    "small",
                ),
                para(f"署名値: {_groups(signature.hex(), 8)}", "note"),
                Spacer(1, 4 * mm),
                seal_box(
                    "責任者 確認欄", [("氏名", statement.responsible), ("確認日", "令和　　年　　月　　日")]
                ),
            ]
        ),
        Spacer(1, 2 * mm),
        para("以上", "body_right"),
    ]
    return render(
        story,
        title=TITLE,
        subject=f"{TITLE} {statement.certificate_no}",
        footer_text=f"債権デスク　{TITLE}　{statement.certificate_no}",
        checkpoint_hash=statement.final_checkpoint,
    )
