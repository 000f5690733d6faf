"""Japanese names of audit actions and target types (codes are stored; people read these labels)."""

from __future__ import annotations

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
}


def action_label(code: str) -> str:
    """The Japanese name of an action, or the code itself when it is not known here."""
    source = ACTIONS.get(code)
    return QCoreApplication.translate("AuditLabels", source) if source else code


def target_label(target_type: str | None, target_id: str | None) -> str:
    if not target_type:
        return ""
    source = TARGETS.get(target_type)
    name = QCoreApplication.translate("AuditLabels", source) if source else target_type
    return f"{name} #{target_id}" if target_id else name


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


def details_text(details: dict[str, object]) -> str:
    """The details of an entry for people: known keys and values in Japanese, others as stored."""
    parts = []
    for key, value in sorted((details or {}).items()):
        source = DETAIL_KEYS.get(key)
        name = QCoreApplication.translate("AuditLabels", source) if source else key
        parts.append(f"{name}：{_value_text(value)}")
    return "、".join(parts)
