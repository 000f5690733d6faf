"""The demo vault's letters: the fictional letterhead, the demand, notice and agreement templates approved,
and one batch of demand letters already sent to a few debtors (so the 文書 area and the cards show a
batch, document numbers and the sending log). Runs in the demo's one transaction (`services.demo`)."""

from __future__ import annotations

import json
from dataclasses import asdict

from sqlalchemy import select

from saiken.domain.fictional_letters import FICTIONAL_LETTERHEAD
from saiken.services.context import Work
from saiken.services.letters.batches import build_in
from saiken.services.letters.letterhead import KEY
from saiken.services.letters.rows import BatchRequest
from saiken.services.letters.templates import approve_in, ensure_default_templates
from saiken.store.models import Debtor, LetterTemplate, Setting, TemplateVersion

DEMO_LETTERS = 6


def populate(work: Work, seed: int = 7) -> int | None:
    """Fill in the letters of the demo; the id of the batch sent (None when no debtor can be written to)."""
    ensure_default_templates(work)
    head = asdict(FICTIONAL_LETTERHEAD) | {
        "ward": "デモ区（架空）",
        "ward_head_title": "デモ区長",
        "number_prefix": "デ債",
    }
    work.session.merge(Setting(key=KEY, value=json.dumps(head, ensure_ascii=False, sort_keys=True)))
    for kind in ("demand", "notice", "agreement"):
        version_id = work.session.scalar(
            select(TemplateVersion.id)
            .join(LetterTemplate, LetterTemplate.id == TemplateVersion.template_id)
            .where(LetterTemplate.kind == kind)
            .order_by(TemplateVersion.version.desc())
        )
        if version_id is not None:
            approve_in(work, version_id)
    candidates = list(
        work.session.scalars(
            select(Debtor.id)
            .where(Debtor.status.in_(("督促中", "未着手")))
            .order_by(Debtor.id)
            .limit(DEMO_LETTERS * 2)
        )
    )
    if not candidates:
        return None
    result = build_in(
        work, BatchRequest(kind="demand", debtor_ids=tuple(candidates[:DEMO_LETTERS]), method="特定記録")
    )
    return result.batch_id
