"""Japanese names of audit actions and target types (codes are stored; people read these labels).

An entry stores ids; the viewer shows what they name (`services.audit_subjects`): a debtor by management
number and name, a payment by day and amount, a record by day and channel — never `#57` or `payment_id`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from saiken.ui.kit.translate import QT_TRANSLATE_NOOP

ACTIONS = {
    "vault.create": QT_TRANSLATE_NOOP("AuditLabels", "Vault created"),
    "vault.rekey": QT_TRANSLATE_NOOP("AuditLabels", "Master key rotated"),
    "vault.device_binding": QT_TRANSLATE_NOOP("AuditLabels", "Device binding changed"),
    "vault.recovery_sheet_saved": QT_TRANSLATE_NOOP("AuditLabels", "Recovery sheet saved to a file"),
    "vault.migrate": QT_TRANSLATE_NOOP("AuditLabels", "Vault upgraded"),
    "demo.populate": QT_TRANSLATE_NOOP("AuditLabels", "Demo data created"),
    "device.enrol": QT_TRANSLATE_NOOP("AuditLabels", "Device enrolled"),
    "auth.sign_in": QT_TRANSLATE_NOOP("AuditLabels", "Signed in"),
    "auth.sign_in_failed": QT_TRANSLATE_NOOP("AuditLabels", "Failed sign-in"),
    "auth.sign_in_failures_reported": QT_TRANSLATE_NOOP(
        "AuditLabels", "Failed sign-ins reported by the brake file (not verified)"
    ),
    "vault.lock_recovered": QT_TRANSLATE_NOOP("AuditLabels", "Vault taken over after it was left open"),
    "vault.check": QT_TRANSLATE_NOOP("AuditLabels", "Vault checked"),
    "debtor.list": QT_TRANSLATE_NOOP("AuditLabels", "Debtor list shown"),
    "export.debtor_listing": QT_TRANSLATE_NOOP("AuditLabels", "Debtor list taken out (JSON or file)"),
    "search.summary": QT_TRANSLATE_NOOP("AuditLabels", "Searches in the session (count only)"),
    "user.add": QT_TRANSLATE_NOOP("AuditLabels", "User added"),
    "user.remove": QT_TRANSLATE_NOOP("AuditLabels", "User removed"),
    "user.password_change": QT_TRANSLATE_NOOP("AuditLabels", "Password changed"),
    "user.password_reset": QT_TRANSLATE_NOOP("AuditLabels", "Password reset by an administrator"),
    "user.set_role": QT_TRANSLATE_NOOP("AuditLabels", "Role changed"),
    "settings.change": QT_TRANSLATE_NOOP("AuditLabels", "Settings changed"),
    "backup.create": QT_TRANSLATE_NOOP("AuditLabels", "Backup made"),
    "backup.verify": QT_TRANSLATE_NOOP("AuditLabels", "Backup verified"),
    "backup.restore": QT_TRANSLATE_NOOP("AuditLabels", "Backup restored"),
    "debtor.add": QT_TRANSLATE_NOOP("AuditLabels", "Debtor added"),
    "debtor.view": QT_TRANSLATE_NOOP("AuditLabels", "Debtor card viewed"),
    "debtor.charge_statement": QT_TRANSLATE_NOOP("AuditLabels", "Charge statement shown"),
    "debtor.handler": QT_TRANSLATE_NOOP("AuditLabels", "Handler assigned"),
    "debtor.notes": QT_TRANSLATE_NOOP("AuditLabels", "Notes changed"),
    "debtor.status": QT_TRANSLATE_NOOP("AuditLabels", "Status changed"),
    "debtor.tags": QT_TRANSLATE_NOOP("AuditLabels", "Tags changed"),
    "claim.add": QT_TRANSLATE_NOOP("AuditLabels", "Claim added"),
    "payment.add": QT_TRANSLATE_NOOP("AuditLabels", "Payment recorded"),
    "payment.correct": QT_TRANSLATE_NOOP("AuditLabels", "Payment corrected"),
    "payment.reverse": QT_TRANSLATE_NOOP("AuditLabels", "Payment reversed"),
    "plan.create": QT_TRANSLATE_NOOP("AuditLabels", "Instalment plan made"),
    "plan.accelerate": QT_TRANSLATE_NOOP("AuditLabels", "Instalment plan accelerated"),
    "record.add": QT_TRANSLATE_NOOP("AuditLabels", "Negotiation record added"),
    "record.correct": QT_TRANSLATE_NOOP("AuditLabels", "Negotiation record corrected"),
    "record.history": QT_TRANSLATE_NOOP("AuditLabels", "Record history viewed"),
    "inquiry.add": QT_TRANSLATE_NOOP("AuditLabels", "Inquiry to the ward added"),
    "inquiry.answer": QT_TRANSLATE_NOOP("AuditLabels", "Inquiry answered"),
    "document.sent": QT_TRANSLATE_NOOP("AuditLabels", "Document sent logged"),
    "document.returned": QT_TRANSLATE_NOOP("AuditLabels", "Document marked returned"),
    "attachment.add": QT_TRANSLATE_NOOP("AuditLabels", "Attachment added"),
    "attachment.read": QT_TRANSLATE_NOOP("AuditLabels", "Attachment opened"),
    "search.condition_save": QT_TRANSLATE_NOOP("AuditLabels", "Extraction condition saved"),
    "search.condition_delete": QT_TRANSLATE_NOOP("AuditLabels", "Extraction condition deleted"),
    "import.excel": QT_TRANSLATE_NOOP("AuditLabels", "Workbook imported"),
    "export.excel": QT_TRANSLATE_NOOP("AuditLabels", "Workbook exported"),
    "export.debtor_list": QT_TRANSLATE_NOOP("AuditLabels", "Debtor list exported"),
    "export.negotiation_report": QT_TRANSLATE_NOOP("AuditLabels", "Negotiation report exported"),
    "file.password_notice": QT_TRANSLATE_NOOP("AuditLabels", "Password notice printed"),
    "export.charge_statement": QT_TRANSLATE_NOOP("AuditLabels", "Charge statement saved as PDF"),
    "document.print": QT_TRANSLATE_NOOP("AuditLabels", "Document printed"),
    "debtor.update": QT_TRANSLATE_NOOP("AuditLabels", "Debtor's details changed"),
    "preferences.change": QT_TRANSLATE_NOOP("AuditLabels", "Own display settings changed"),
    "records.list": QT_TRANSLATE_NOOP("AuditLabels", "Negotiation records listed"),
}

TARGETS = {
    "vault": QT_TRANSLATE_NOOP("AuditLabels", "Vault"),
    "user": QT_TRANSLATE_NOOP("AuditLabels", "User"),
    "debtor": QT_TRANSLATE_NOOP("AuditLabels", "Debtor"),
    "claim": QT_TRANSLATE_NOOP("AuditLabels", "Claim"),
    "payment": QT_TRANSLATE_NOOP("AuditLabels", "Payment"),
    "record": QT_TRANSLATE_NOOP("AuditLabels", "Negotiation record"),
    "plan": QT_TRANSLATE_NOOP("AuditLabels", "Instalment plan"),
    "inquiry": QT_TRANSLATE_NOOP("AuditLabels", "Inquiry"),
    "document": QT_TRANSLATE_NOOP("AuditLabels", "Document"),
    "attachment": QT_TRANSLATE_NOOP("AuditLabels", "Attachment"),
    "backup": QT_TRANSLATE_NOOP("AuditLabels", "Backup"),
    "settings": QT_TRANSLATE_NOOP("AuditLabels", "Settings"),
    "condition": QT_TRANSLATE_NOOP("AuditLabels", "Extraction condition"),
    "saved_condition": QT_TRANSLATE_NOOP("AuditLabels", "Extraction condition"),
    "engagement": QT_TRANSLATE_NOOP("AuditLabels", "Engagement"),
}


def action_label(code: str) -> str:
    """The Japanese name of an action, or the code itself when it is not known here."""
    source = ACTIONS.get(code)
    return QCoreApplication.translate("AuditLabels", source) if source else code


def _t(text: str) -> str:
    return QCoreApplication.translate("AuditLabels", text)


def subject_text(subject: Any) -> str:
    """One thing an entry names, as a person reads it."""
    from saiken.ui.kit import display

    kind = subject.kind
    if subject.missing:
        source = TARGETS.get(kind, "")
        return QCoreApplication.translate("AuditLabels", "{what} (no longer in the vault)").format(
            what=_t(source) if source else kind
        )
    day = display.day(subject.on) if subject.on else ""
    if kind == "debtor":
        return QCoreApplication.translate("AuditLabels", "Debtor {number} {name}").format(
            number=subject.number, name=subject.text
        )
    if kind == "user":
        return QCoreApplication.translate("AuditLabels", "User {name}").format(name=subject.text)
    if kind == "payment":
        if subject.amount is not None and subject.amount < 0:
            return QCoreApplication.translate("AuditLabels", "Reversal of {amount} ({day})").format(
                amount=display.yen(-subject.amount), day=day
            )
        return QCoreApplication.translate("AuditLabels", "Payment of {amount} ({day})").format(
            amount=display.yen(subject.amount), day=day
        )
    if kind == "record":
        return QCoreApplication.translate("AuditLabels", "Negotiation record of {day} ({channel})").format(
            day=day, channel=subject.text
        )
    if kind == "plan":
        return QCoreApplication.translate(
            "AuditLabels", "Instalment plan agreed {day}, {amount} in all"
        ).format(day=day, amount=display.yen(subject.amount))
    if kind == "inquiry":
        return QCoreApplication.translate("AuditLabels", "Inquiry “{kind}” of {day}").format(
            kind=subject.text, day=day
        )
    if kind == "document":
        return QCoreApplication.translate("AuditLabels", "{kind} sent {day}").format(
            kind=subject.text, day=day
        )
    if kind == "attachment":
        return QCoreApplication.translate("AuditLabels", "Attachment {name}").format(name=subject.text)
    if kind == "claim":
        return QCoreApplication.translate("AuditLabels", "Claim {programme} ({amount})").format(
            programme=subject.text, amount=display.yen(subject.amount)
        )
    if kind == "tag":
        return QCoreApplication.translate("AuditLabels", "Tag “{name}”").format(name=subject.text)
    if kind == "condition":
        return QCoreApplication.translate("AuditLabels", "Extraction condition “{name}”").format(
            name=subject.text
        )
    return subject.text


def target_label(row: Any) -> str:
    """The entry's target: what it names when the vault still has it, else the kind of target alone."""
    if not row.target_type:
        return ""
    named = (getattr(row, "subjects", None) or {}).get("target")
    if named:
        return "・".join(subject_text(subject) for subject in named)
    source = TARGETS.get(row.target_type)
    return _t(source) if source else row.target_type


DETAIL_KEYS = {
    "method": QT_TRANSLATE_NOOP("AuditLabels", "method"),
    "device_bound": QT_TRANSLATE_NOOP("AuditLabels", "bound to the device"),
    "enabled": QT_TRANSLATE_NOOP("AuditLabels", "enabled"),
    "org_role": QT_TRANSLATE_NOOP("AuditLabels", "organisation role"),
    "seed": QT_TRANSLATE_NOOP("AuditLabels", "seed"),
    "role": QT_TRANSLATE_NOOP("AuditLabels", "role"),
    "before": QT_TRANSLATE_NOOP("AuditLabels", "before"),
    "after": QT_TRANSLATE_NOOP("AuditLabels", "after"),
    "reason": QT_TRANSLATE_NOOP("AuditLabels", "reason"),
    "changed": QT_TRANSLATE_NOOP("AuditLabels", "changed"),
    "ok": QT_TRANSLATE_NOOP("AuditLabels", "result"),
    "audit_count": QT_TRANSLATE_NOOP("AuditLabels", "audit entries"),
    "users": QT_TRANSLATE_NOOP("AuditLabels", "users"),
    "size": QT_TRANSLATE_NOOP("AuditLabels", "size"),
    "count": QT_TRANSLATE_NOOP("AuditLabels", "count"),
    "imported": QT_TRANSLATE_NOOP("AuditLabels", "imported"),
    "updated": QT_TRANSLATE_NOOP("AuditLabels", "updated"),
    "unchanged": QT_TRANSLATE_NOOP("AuditLabels", "unchanged"),
    "protected": QT_TRANSLATE_NOOP("AuditLabels", "password-protected"),
    "protection": QT_TRANSLATE_NOOP("AuditLabels", "protection"),
    "check_code": QT_TRANSLATE_NOOP("AuditLabels", "file check code"),
    "file_type": QT_TRANSLATE_NOOP("AuditLabels", "file type"),
    "rows": QT_TRANSLATE_NOOP("AuditLabels", "rows"),
    "skipped": QT_TRANSLATE_NOOP("AuditLabels", "rows skipped"),
    "fields": QT_TRANSLATE_NOOP("AuditLabels", "items changed"),
    "old": QT_TRANSLATE_NOOP("AuditLabels", "before"),
    "new": QT_TRANSLATE_NOOP("AuditLabels", "after"),
    "version": QT_TRANSLATE_NOOP("AuditLabels", "version"),
    "versions": QT_TRANSLATE_NOOP("AuditLabels", "versions"),
    "status_changed": QT_TRANSLATE_NOOP("AuditLabels", "status changed"),
    "replaced_plan_ids": QT_TRANSLATE_NOOP("AuditLabels", "replaced"),
    "previous_id": QT_TRANSLATE_NOOP("AuditLabels", "replacing"),
    "reversal_id": QT_TRANSLATE_NOOP("AuditLabels", "reversed by"),
    "handler_user_id": QT_TRANSLATE_NOOP("AuditLabels", "handler"),
    "period_from": QT_TRANSLATE_NOOP("AuditLabels", "from"),
    "period_to": QT_TRANSLATE_NOOP("AuditLabels", "to"),
    "as_of": QT_TRANSLATE_NOOP("AuditLabels", "as of"),
    "pages": QT_TRANSLATE_NOOP("AuditLabels", "pages"),
    "document": QT_TRANSLATE_NOOP("AuditLabels", "document"),
    "filtered": QT_TRANSLATE_NOOP("AuditLabels", "filtered"),
    "count_only": QT_TRANSLATE_NOOP("AuditLabels", "count only"),
}

DETAIL_VALUES = {
    "password": QT_TRANSLATE_NOOP("AuditLabels", "password"),
    "recovery": QT_TRANSLATE_NOOP("AuditLabels", "recovery key"),
    "recovery_key": QT_TRANSLATE_NOOP("AuditLabels", "recovery key"),
    "contractor": QT_TRANSLATE_NOOP("AuditLabels", "contractor"),
    "ward": QT_TRANSLATE_NOOP("AuditLabels", "ward"),
    "manual": QT_TRANSLATE_NOOP("AuditLabels", "manual"),
    "migration": QT_TRANSLATE_NOOP("AuditLabels", "before an upgrade"),
    "rekey": QT_TRANSLATE_NOOP("AuditLabels", "before a key renewal"),
    "idle_lock_minutes": QT_TRANSLATE_NOOP("AuditLabels", "idle lock"),
    "clipboard_clear_seconds": QT_TRANSLATE_NOOP("AuditLabels", "clipboard clearing"),
    "backup_generations": QT_TRANSLATE_NOOP("AuditLabels", "backups kept"),
    "office-agile-aes256": QT_TRANSLATE_NOOP("AuditLabels", "Office encryption (AES-256)"),
    "pdf-aes256": QT_TRANSLATE_NOOP("AuditLabels", "PDF encryption (AES-256)"),
    "agile": QT_TRANSLATE_NOOP("AuditLabels", "Office encryption (Agile)"),
    "standard": QT_TRANSLATE_NOOP("AuditLabels", "Office encryption (Standard)"),
    "none": QT_TRANSLATE_NOOP("AuditLabels", "none"),
    "date_style": QT_TRANSLATE_NOOP("AuditLabels", "date display"),
    "charge_statement": QT_TRANSLATE_NOOP("AuditLabels", "charge statement"),
    "pdf": QT_TRANSLATE_NOOP("AuditLabels", "PDF"),
    # debtor and record fields named in `fields`
    "kind": QT_TRANSLATE_NOOP("AuditLabels", "kind"),
    "name": QT_TRANSLATE_NOOP("AuditLabels", "name"),
    "name_kana": QT_TRANSLATE_NOOP("AuditLabels", "reading"),
    "representative": QT_TRANSLATE_NOOP("AuditLabels", "representative"),
    "representative_kana": QT_TRANSLATE_NOOP("AuditLabels", "representative's reading"),
    "postal_code": QT_TRANSLATE_NOOP("AuditLabels", "postal code"),
    "address": QT_TRANSLATE_NOOP("AuditLabels", "address"),
    "mailing_postal_code": QT_TRANSLATE_NOOP("AuditLabels", "mailing postal code"),
    "mailing_address": QT_TRANSLATE_NOOP("AuditLabels", "mailing address"),
    "phone": QT_TRANSLATE_NOOP("AuditLabels", "phone"),
    "phone2": QT_TRANSLATE_NOOP("AuditLabels", "second phone"),
    "email": QT_TRANSLATE_NOOP("AuditLabels", "e-mail"),
    "at": QT_TRANSLATE_NOOP("AuditLabels", "date and time"),
    "channel": QT_TRANSLATE_NOOP("AuditLabels", "channel"),
    "direction": QT_TRANSLATE_NOOP("AuditLabels", "direction"),
    "person": QT_TRANSLATE_NOOP("AuditLabels", "person"),
    "summary": QT_TRANSLATE_NOOP("AuditLabels", "summary"),
    "promise_amount": QT_TRANSLATE_NOOP("AuditLabels", "promised amount"),
    "promise_date": QT_TRANSLATE_NOOP("AuditLabels", "promised date"),
    "next_action_on": QT_TRANSLATE_NOOP("AuditLabels", "next action"),
    "handler": QT_TRANSLATE_NOOP("AuditLabels", "handler"),
    "paid_on": QT_TRANSLATE_NOOP("AuditLabels", "payment date"),
    "amount": QT_TRANSLATE_NOOP("AuditLabels", "amount"),
    "source": QT_TRANSLATE_NOOP("AuditLabels", "source"),
    "confirmed": QT_TRANSLATE_NOOP("AuditLabels", "confirmed by the ward"),
    "claim_id": QT_TRANSLATE_NOOP("AuditLabels", "claim"),
}


def _value_text(value: object) -> str:
    from saiken.domain.roles import ROLE_LABELS, Role

    if value is True:
        return QCoreApplication.translate("AuditLabels", "yes")
    if value is False:
        return QCoreApplication.translate("AuditLabels", "no")
    if isinstance(value, list | tuple):
        return "・".join(_value_text(item) for item in value)
    if isinstance(value, str):
        if value in Role._value2member_map_:
            return ROLE_LABELS[Role(value)]
        source = DETAIL_VALUES.get(value)
        return QCoreApplication.translate("AuditLabels", source) if source else value
    return f"{value:,}" if isinstance(value, int) else str(value)


def details_text(row: Any) -> str:
    """The details of an entry for people: what its ids name, known keys and values in Japanese. Keys no
    label is known for are left out rather than shown as code (`payment_id`, `length` …)."""
    subjects = getattr(row, "subjects", None) or {}
    parts = []
    for key, value in sorted((row.details or {}).items()):
        if key in subjects:
            named = [subject_text(subject) for subject in subjects[key]]
            if named:
                label = DETAIL_KEYS.get(key)
                text = "・".join(named)
                parts.append(f"{_t(label)}：{text}" if label else text)
            continue
        source = DETAIL_KEYS.get(key)
        if source is None:
            continue
        parts.append(f"{_t(source)}：{_value_text(value)}")
    return "、".join(parts)
