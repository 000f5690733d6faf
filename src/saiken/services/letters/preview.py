"""The template editor's live preview: a template's text filled for a fictional debtor, as a PDF in
memory. No vault data is read (the debtor and the sender are the project's fictional ones unless the
vault's letterhead is given), so a preview can never show a real person.
"""

from __future__ import annotations

from saiken.domain.fictional_letters import fictional_letter_inputs
from saiken.domain.letter_template import check_template
from saiken.domain.letter_values import Letterhead
from saiken.domain.limitation import ClaimNature
from saiken.exchange.pdf.letter import render_letters
from saiken.exchange.pdf.letter_compose import compose_letter


def template_preview(
    text: str,
    *,
    nature: ClaimNature | str = ClaimNature.PUBLIC,
    letterhead: Letterhead | None = None,
    seed: int = 7,
) -> bytes:
    """The PDF of `text` for a fictional debtor; TemplateError (with every problem) if it cannot be saved."""
    body = check_template(text)
    from dataclasses import replace

    inputs = fictional_letter_inputs(body.kind, nature=nature, seed=seed)
    if letterhead is not None:
        inputs = replace(inputs, letterhead=letterhead)
    return render_letters([compose_letter(body, inputs)], title=f"{body.title}（見本）").pdf
