"""Organisations: exporting our public key, registering the counterpart's, and pairing them on paper.

`export_key` writes our organisation's public key and fingerprint to a small JSON file (no secret in it)
that goes to the counterpart with the first medium. `add_counterpart` registers the counterpart's file;
packages from it are accepted only after a supervisor confirms (`confirm_pairing`) that the fingerprint
printed on both sides' sheets (`fingerprint_sheet`) is the same. All of it needs a supervisor: who is
trusted decides where personal data may go.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from saiken.domain.errors import CorruptFileError, NotFoundError, ValidationError
from saiken.domain.roles import Capability
from saiken.exchange.pdf.fingerprint_sheet import FingerprintParty, render_fingerprint_sheet
from saiken.fsutil import atomic_write_bytes, atomic_write_text
from saiken.services.context import VaultSession, read_session, unit_of_work
from saiken.services.handover import keys
from saiken.store.models import Organisation
from saiken.store.models.users import User

KEY_FORMAT = "saiken-desk/organisation-key"
ROLE_LABELS = {"ward": "区", "contractor": "受託者"}
MAX_KEY_FILE = 16 * 1024


@dataclass(frozen=True)
class OrganisationRow:
    id: int
    name: str
    role: str
    fingerprint: str
    added_at: dt.datetime
    confirmed: bool
    confirmed_by: str | None
    confirmed_at: dt.datetime | None

    @property
    def role_label(self) -> str:
        return ROLE_LABELS.get(self.role, self.role)


def _row(org: Organisation) -> OrganisationRow:
    return OrganisationRow(
        org.id,
        org.name,
        org.role,
        org.fingerprint,
        org.added_at,
        org.confirmed_at is not None,
        org.confirmed_by,
        org.confirmed_at,
    )


def key_document(identity: keys.OrganisationIdentity) -> str:
    return json.dumps(
        {
            "format": KEY_FORMAT,
            "format_version": 1,
            "name": identity.name,
            "role": identity.role,
            "public_key": base64.b64encode(identity.public_key).decode("ascii"),
            "fingerprint": identity.fingerprint,
        },
        ensure_ascii=False,
        indent=2,
    )


def export_key(
    s: VaultSession, path: Path | str, *, identity: keys.OrganisationIdentity | None = None
) -> str:
    """Write our organisation's public key file to `path` (atomically); returns its fingerprint."""
    s.require(Capability.EXPORT)
    identity = identity or keys.organisation_identity(s)
    path = Path(path)
    try:
        atomic_write_text(path, key_document(identity) + "\n", mode=0o644)
    except OSError:
        raise ValidationError(
            f"鍵のファイル「{path.name}」を保存できませんでした。保存先を確かめてください。"
        ) from None
    with unit_of_work(s) as work:
        work.audit("org.export_key", target_type="organisation", target_id="self")
    return identity.fingerprint


def read_key_file(path: Path | str) -> tuple[str, str, bytes]:
    """(name, role, public key) from a key file; CorruptFileError with one line for anything else."""
    path = Path(path)
    bad = CorruptFileError(
        f"「{path.name}」は債権デスクの組織の鍵のファイルではないか、壊れています。",
        hint="相手方に `saiken org export-key` で書き出したファイルをもらってください。",
    )
    try:
        if path.stat().st_size > MAX_KEY_FILE:
            raise bad
        value = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        raise bad from None
    if not isinstance(value, dict) or value.get("format") != KEY_FORMAT or value.get("format_version") != 1:
        raise bad
    name, role, encoded, printed = (value.get(k) for k in ("name", "role", "public_key", "fingerprint"))
    if not all(isinstance(v, str) for v in (name, role, encoded, printed)) or role not in ROLE_LABELS:
        raise bad
    try:
        public_key = base64.b64decode(str(encoded), validate=True)
    except (binascii.Error, ValueError):
        raise bad from None
    if len(public_key) != keys.PUBLIC_KEY_SIZE or keys.fingerprint(public_key) != printed:
        raise bad
    clean = " ".join(str(name).split())
    if not clean or len(clean) > 128:
        raise bad
    return clean, str(role), public_key


def add_counterpart(
    s: VaultSession, key_file: Path | str, *, name: str | None = None, our_fingerprint: str | None = None
) -> OrganisationRow:
    """Register the counterpart of `key_file` (not yet trusted: confirm the fingerprint on paper)."""
    s.require(Capability.EXPORT)
    file_name, role, public_key = read_key_file(key_file)
    display = " ".join((name or file_name).split())
    if not display or len(display) > 128:
        raise ValidationError("組織名は 1～128 文字で入力してください。")
    if role == s.org_role:
        raise ValidationError(
            f"この鍵は{ROLE_LABELS[role]}の鍵です。当方（{ROLE_LABELS[s.org_role]}）の相手方は"
            f"{ROLE_LABELS['ward' if role == 'contractor' else 'contractor']}です。",
            hint="相手方の組織が書き出した鍵のファイルか確かめてください。",
        )
    printed = keys.fingerprint(public_key)
    if our_fingerprint is not None and printed == our_fingerprint:
        raise ValidationError("これは当方の組織の鍵です。相手方の鍵のファイルを選んでください。")
    with unit_of_work(s) as work:
        if work.session.scalar(select(Organisation.id).where(Organisation.fingerprint == printed)):
            raise ValidationError(f"この鍵（指紋 {printed}）は既に登録されています。")
        org = Organisation(
            name=display,
            role=role,
            public_key=public_key,
            fingerprint=printed,
            added_by=s.user.name,
            added_at=s.clock.now(),
        )
        work.session.add(org)
        work.session.flush()
        work.audit("org.add", target_type="organisation", target_id=org.id)
        return _row(org)


def confirm_pairing(s: VaultSession, organisation_id: int) -> OrganisationRow:
    """The fingerprints on both printed sheets were compared and are the same (a supervisor says so)."""
    s.require(Capability.EXPORT)
    with unit_of_work(s) as work:
        org = work.session.get(Organisation, organisation_id)
        if org is None or org.retired_at is not None:
            raise NotFoundError(f"組織（番号 {organisation_id}）は登録されていません。")
        if org.confirmed_at is None:
            org.confirmed_by = s.user.name
            org.confirmed_at = s.clock.now()
            work.audit("org.confirm", target_type="organisation", target_id=org.id)
        return _row(org)


def list_organisations(s: VaultSession) -> list[OrganisationRow]:
    s.require(Capability.READ)
    with read_session(s) as session:
        orgs = session.scalars(
            select(Organisation).where(Organisation.retired_at.is_(None)).order_by(Organisation.id)
        ).all()
        return [_row(org) for org in orgs]


def fingerprint_sheet(
    s: VaultSession, organisation_id: int | None = None, *, identity: keys.OrganisationIdentity | None = None
) -> bytes:
    """The pairing sheet as PDF bytes (in memory): our fingerprint, and the counterpart's as registered."""
    s.require(Capability.READ)
    identity = identity or keys.organisation_identity(s)
    with read_session(s) as session:
        theirs = None
        if organisation_id is not None:
            org = session.get(Organisation, organisation_id)
            if org is None:
                raise NotFoundError(f"組織（番号 {organisation_id}）は登録されていません。")
            theirs = FingerprintParty(org.name, org.role, org.fingerprint)
        me = session.scalar(select(User).where(User.name == s.user.name))
        printed_by = (me.display_name or me.name) if me else s.user.name
    ours = FingerprintParty(identity.name, identity.role, identity.fingerprint)
    return render_fingerprint_sheet(ours, theirs, printed_at=s.clock.now(), printed_by=printed_by)


def save_fingerprint_sheet(s: VaultSession, path: Path | str, organisation_id: int | None = None) -> Path:
    """Save the pairing sheet (fingerprints only, no personal data) to `path` atomically and audit the save
    (`org.sheet_saved`) in one unit of work. ValidationError when the file cannot be written."""
    pdf = fingerprint_sheet(s, organisation_id)
    target = Path(path)
    with unit_of_work(s) as work:
        try:
            atomic_write_bytes(target, pdf, mode=0o644)
        except OSError:
            raise ValidationError(
                f"照合用紙「{target.name}」を保存できませんでした。保存先のフォルダがあるか、書き込めるかを"
                "確かめてください。"
            ) from None
        work.audit("org.sheet_saved", target_type="organisation", target_id=organisation_id or "self")
    return target
