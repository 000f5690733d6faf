"""Handover: counterpart organisations, engagements made shareable (uid, counterpart, status), packages sent
and received, what each package carried and what the counterpart acknowledged, media, the custody ledger
(管理簿) and erasure certificates.

Revision ID: 0008_handover
Revises: 0006_letters
"""

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0008_handover"
down_revision = "0006_letters"
branch_labels = None
depends_on = None

_TS = sa.String(32)  # UTCDateTime: aware ISO text


def _fk(column: str, target: str, table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([column], [target], name=f"fk_{table}_{column}_{target.split('.')[0]}")


def upgrade() -> None:
    op.create_table(
        "organisations",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("name", sa.String(128), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("public_key", sa.LargeBinary, nullable=False),
        sa.Column("fingerprint", sa.String(128), nullable=False),
        sa.Column("added_by", sa.String(64), nullable=False),
        sa.Column("added_at", _TS, nullable=False),
        sa.Column("confirmed_by", sa.String(64)),
        sa.Column("confirmed_at", _TS),
        sa.Column("retired_at", _TS),
        sa.PrimaryKeyConstraint("id", name="pk_organisations"),
        sa.UniqueConstraint("fingerprint", name="uq_organisations_fingerprint"),
    )

    op.add_column("engagements", sa.Column("uid", sa.String(32)))
    op.add_column("engagements", sa.Column("title", sa.String(128), nullable=False, server_default=""))
    op.add_column("engagements", sa.Column("counterpart_id", sa.Integer))
    op.add_column("engagements", sa.Column("status", sa.String(16), nullable=False, server_default="active"))
    op.add_column("engagements", sa.Column("closed_at", _TS))
    op.add_column("engagements", sa.Column("erased_at", _TS))
    connection = op.get_bind()
    for (engagement_id,) in connection.execute(sa.text("SELECT id FROM engagements")).all():
        connection.execute(
            sa.text("UPDATE engagements SET uid = :uid WHERE id = :id"),
            {"uid": uuid.uuid4().hex, "id": engagement_id},
        )
    op.create_index("uq_engagements_uid", "engagements", ["uid"], unique=True)

    op.create_table(
        "handover_packages",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("package_id", sa.String(32), nullable=False),
        sa.Column("direction", sa.String(3), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("engagement_id", sa.Integer, nullable=False),
        sa.Column("counterpart_id", sa.Integer, nullable=False),
        sa.Column("sequence", sa.Integer, nullable=False),
        sa.Column("previous_package_id", sa.String(32)),
        sa.Column("acknowledged_package_id", sa.String(32)),
        sa.Column("media_id", sa.String(64), nullable=False),
        sa.Column("file_name", sa.String(255), nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("records", sa.Text, nullable=False, server_default="{}"),
        sa.Column("sender_checkpoint", sa.Text, nullable=False, server_default="{}"),
        sa.Column("manifest", sa.LargeBinary, nullable=False),
        sa.Column("signature", sa.LargeBinary, nullable=False),
        sa.Column("created_by", sa.String(64), nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.Column("handled_by", sa.String(64), nullable=False),
        sa.Column("handled_at", _TS, nullable=False),
        sa.Column("acknowledged_at", _TS),
        sa.Column("verified_at", _TS),
        sa.Column("voided_at", _TS),
        sa.PrimaryKeyConstraint("id", name="pk_handover_packages"),
        sa.UniqueConstraint("package_id", name="uq_handover_packages_package_id"),
        _fk("engagement_id", "engagements.id", "handover_packages"),
        _fk("counterpart_id", "organisations.id", "handover_packages"),
    )
    op.create_index(
        "ix_handover_packages_engagement", "handover_packages", ["engagement_id", "direction", "sequence"]
    )
    op.create_table(
        "sync_keys",
        sa.Column("engagement_id", sa.Integer, nullable=False),
        sa.Column("entity", sa.String(16), nullable=False),
        sa.Column("keys", sa.Text, nullable=False, server_default="{}"),
        sa.PrimaryKeyConstraint("engagement_id", "entity", name="pk_sync_keys"),
        _fk("engagement_id", "engagements.id", "sync_keys"),
    )
    op.create_table(
        "sync_sent",
        sa.Column("package_id", sa.String(32), nullable=False),
        sa.Column("entity", sa.String(16), nullable=False),
        sa.Column("engagement_id", sa.Integer, nullable=False),
        sa.Column("digests", sa.Text, nullable=False, server_default="{}"),
        sa.PrimaryKeyConstraint("package_id", "entity", name="pk_sync_sent"),
        _fk("engagement_id", "engagements.id", "sync_sent"),
    )
    op.create_table(
        "sync_acknowledged",
        sa.Column("engagement_id", sa.Integer, nullable=False),
        sa.Column("entity", sa.String(16), nullable=False),
        sa.Column("digests", sa.Text, nullable=False, server_default="{}"),
        sa.PrimaryKeyConstraint("engagement_id", "entity", name="pk_sync_acknowledged"),
        _fk("engagement_id", "engagements.id", "sync_acknowledged"),
    )

    op.create_table(
        "media",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("medium_id", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("direction", sa.String(3), nullable=False),
        sa.Column("engagement_id", sa.Integer),
        sa.Column("counterpart_id", sa.Integer),
        sa.Column("package_id", sa.String(32)),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("opened_at", _TS, nullable=False),
        sa.Column("closed_at", _TS),
        sa.PrimaryKeyConstraint("id", name="pk_media"),
        sa.UniqueConstraint("medium_id", name="uq_media_medium_id"),
        _fk("engagement_id", "engagements.id", "media"),
        _fk("counterpart_id", "organisations.id", "media"),
    )
    op.create_index("ix_media_status", "media", ["status"])
    op.create_table(
        "custody_ledger",
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("at", _TS, nullable=False),
        sa.Column("recorded_at", _TS, nullable=False),
        sa.Column("event", sa.String(24), nullable=False),
        sa.Column("engagement_id", sa.Integer),
        sa.Column("medium_id", sa.String(64), nullable=False, server_default=""),
        sa.Column("medium_kind", sa.String(8), nullable=False, server_default=""),
        sa.Column("package_id", sa.String(32), nullable=False, server_default=""),
        sa.Column("content", sa.String(256), nullable=False, server_default=""),
        sa.Column("records", sa.Integer, nullable=False, server_default="0"),
        sa.Column("files", sa.Integer, nullable=False, server_default="0"),
        sa.Column("media", sa.Integer, nullable=False, server_default="0"),
        sa.Column("handler", sa.String(64), nullable=False),
        sa.Column("counterpart_org", sa.String(128), nullable=False, server_default=""),
        sa.Column("counterpart_person", sa.String(128), nullable=False, server_default=""),
        sa.Column("fingerprint", sa.String(128), nullable=False, server_default=""),
        sa.Column("counterpart_checkpoint", sa.Text, nullable=False, server_default=""),
        sa.Column("note", sa.Text, nullable=False, server_default=""),
        sa.Column("same_occasion", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.Column("signer", sa.String(64), nullable=False),
        sa.Column("signature", sa.Text, nullable=False, server_default=""),
        sa.PrimaryKeyConstraint("seq", name="pk_custody_ledger"),
        sa.UniqueConstraint("hash", name="uq_custody_ledger_hash"),
    )
    op.create_index("ix_custody_ledger_medium", "custody_ledger", ["medium_id"])
    op.create_index("ix_custody_ledger_package", "custody_ledger", ["package_id"])
    op.create_table(
        "erasure_certificates",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("certificate_no", sa.String(32), nullable=False),
        sa.Column("direction", sa.String(3), nullable=False),
        sa.Column("engagement_uid", sa.String(32), nullable=False),
        sa.Column("engagement_id", sa.Integer),
        sa.Column("issuer", sa.String(128), nullable=False),
        sa.Column("issuer_fingerprint", sa.String(128), nullable=False),
        sa.Column("method", sa.String(16), nullable=False),
        sa.Column("erased_at", _TS, nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("signature", sa.Text, nullable=False),
        sa.Column("pdf", sa.LargeBinary, nullable=False),
        sa.Column("package_id", sa.String(32)),
        sa.Column("recorded_by", sa.String(64), nullable=False),
        sa.Column("recorded_at", _TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_erasure_certificates"),
        sa.UniqueConstraint("certificate_no", name="uq_erasure_certificates_certificate_no"),
    )


def downgrade() -> None:
    op.drop_table("erasure_certificates")
    op.drop_index("ix_custody_ledger_package", table_name="custody_ledger")
    op.drop_index("ix_custody_ledger_medium", table_name="custody_ledger")
    op.drop_table("custody_ledger")
    op.drop_index("ix_media_status", table_name="media")
    op.drop_table("media")
    op.drop_table("sync_acknowledged")
    op.drop_table("sync_sent")
    op.drop_table("sync_keys")
    op.drop_index("ix_handover_packages_engagement", table_name="handover_packages")
    op.drop_table("handover_packages")
    op.drop_index("uq_engagements_uid", table_name="engagements")
    for column in ("erased_at", "closed_at", "status", "counterpart_id", "title", "uid"):
        op.drop_column("engagements", column)
    op.drop_table("organisations")
