"""Sample letters for the PDF tests: the shipped templates filled for fictional debtors."""

from __future__ import annotations

from pathlib import Path

from saiken.domain.fictional_letters import fictional_letter_inputs
from saiken.domain.letter_template import TemplateBody, check_template
from saiken.exchange.pdf.letter import LetterDocument
from saiken.exchange.pdf.letter_compose import compose_letter

TEMPLATES = Path(__file__).resolve().parents[3] / "resources" / "templates"


def template(kind: str) -> TemplateBody:
    return check_template((TEMPLATES / f"{kind}.txt").read_text(encoding="utf-8"))


def letter(kind: str, *, index: int = 0, nature: str = "public", **changes: object) -> LetterDocument:
    inputs = fictional_letter_inputs(kind, index=index, nature=nature)
    if changes:
        from dataclasses import replace

        inputs = replace(inputs, **changes)  # type: ignore[arg-type]
    return compose_letter(template(kind), inputs)
