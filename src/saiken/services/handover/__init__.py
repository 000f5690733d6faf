"""Handover (受渡・管理簿, issue 9): organisations and pairing, engagements, packages out and in, the custody
ledger, erasure and its certificate. The public functions, one per user action:

- organisations: `export_key`, `add_counterpart`, `confirm_pairing`, `list_organisations`, `fingerprint_sheet`,
  `save_fingerprint_sheet`
- engagements: `list_engagements`, `save_engagement`, `close_engagement`
- export: `preview_export`, `export_package`, `export_erasure_package`, `password_notice_pdf`, `verify_medium`
- import: `inspect_package`, `import_package`
- ledger: `record_event`, `list_ledger`, `open_media`, `verify_ledger`, `ledger_pdf`, `ledger_workbook`
- erasure: `erase_engagement`, `crypto_erase_vault`, `certificate_pdf`, `save_certificate`

`CONSULTATION_ENTITIES`: the consultation area's kinds of record a contractor's `report` carries.
"""

from saiken.services.handover.consultation_lines import ENTITIES as CONSULTATION_ENTITIES
from saiken.services.handover.engagements import (
    EngagementRow,
    close_engagement,
    list_engagements,
    save_engagement,
)
from saiken.services.handover.erasure import (
    ErasureResult,
    certificate_pdf,
    crypto_erase_vault,
    erase_engagement,
    save_certificate,
)
from saiken.services.handover.export import (
    ExportPreview,
    ExportResult,
    MediumCheck,
    SplitNeededError,
    export_erasure_package,
    export_package,
    password_notice_pdf,
    preview_export,
    record_notice_saved,
    verify_medium,
)
from saiken.services.handover.importing import (
    ImportResult,
    IncomingPreview,
    import_package,
    inspect_package,
    record_report_saved,
)
from saiken.services.handover.keys import OrganisationIdentity, OrganisationSigner
from saiken.services.handover.ledger import (
    LedgerRow,
    OpenMediumRow,
    RecordedEvent,
    list_ledger,
    open_media,
    record_event,
)
from saiken.services.handover.ledger import verify as verify_ledger
from saiken.services.handover.ledger_documents import ledger_pdf, ledger_workbook
from saiken.services.handover.organisations import (
    OrganisationRow,
    add_counterpart,
    confirm_pairing,
    export_key,
    fingerprint_sheet,
    list_organisations,
    save_fingerprint_sheet,
)

__all__ = [
    "CONSULTATION_ENTITIES",
    "EngagementRow",
    "ErasureResult",
    "ExportPreview",
    "ExportResult",
    "ImportResult",
    "IncomingPreview",
    "LedgerRow",
    "MediumCheck",
    "OpenMediumRow",
    "OrganisationIdentity",
    "OrganisationRow",
    "OrganisationSigner",
    "RecordedEvent",
    "SplitNeededError",
    "add_counterpart",
    "certificate_pdf",
    "close_engagement",
    "confirm_pairing",
    "crypto_erase_vault",
    "erase_engagement",
    "export_erasure_package",
    "export_key",
    "export_package",
    "fingerprint_sheet",
    "import_package",
    "inspect_package",
    "ledger_pdf",
    "ledger_workbook",
    "list_engagements",
    "list_ledger",
    "list_organisations",
    "open_media",
    "password_notice_pdf",
    "preview_export",
    "record_event",
    "record_notice_saved",
    "record_report_saved",
    "save_certificate",
    "save_engagement",
    "save_fingerprint_sheet",
    "verify_ledger",
    "verify_medium",
]
