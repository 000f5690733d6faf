"""Letters (issue 8): templates with versions and approval, the letterhead, batches of letters from an
approved version (one PDF, in memory), the registered-mail list and labels, tracking numbers and returns.
The contract is in docs/services.md §Letters."""

from saiken.services.letters.batches import make_letters, preview_letters
from saiken.services.letters.files import BatchOutput, record_letters_saved, save_letters_file
from saiken.services.letters.letterhead import get_letterhead, update_letterhead
from saiken.services.letters.mailing_lists import (
    batch_letters,
    batch_mailing,
    list_batches,
    record_return,
    set_tracking_numbers,
)
from saiken.services.letters.preview import template_preview
from saiken.services.letters.rows import (
    BatchRequest,
    BatchResult,
    BatchRow,
    LetterheadRow,
    LetterMade,
    SentRow,
    SkippedDebtor,
    TemplateChange,
    TemplateRow,
    TemplateText,
    VersionRow,
)
from saiken.services.letters.templates import (
    approve_version,
    get_template_text,
    list_templates,
    retire_version,
    save_template,
)

__all__ = [
    "BatchOutput",
    "BatchRequest",
    "BatchResult",
    "BatchRow",
    "LetterMade",
    "LetterheadRow",
    "SentRow",
    "SkippedDebtor",
    "TemplateChange",
    "TemplateRow",
    "TemplateText",
    "VersionRow",
    "approve_version",
    "batch_letters",
    "batch_mailing",
    "get_letterhead",
    "get_template_text",
    "list_batches",
    "list_templates",
    "make_letters",
    "preview_letters",
    "record_letters_saved",
    "record_return",
    "retire_version",
    "save_letters_file",
    "save_template",
    "set_tracking_numbers",
    "template_preview",
    "update_letterhead",
]
