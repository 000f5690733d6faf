"""The ward's import wizard over a contractor's `report` package that carries consultation records (issue
10 item 6): the preview and the summary show, in Japanese, how many of each kind arrive; afterwards the
ward's 相談 area lists them."""

from __future__ import annotations

import datetime as dt

from handover_gui_data import FIRM, open_vault
from handover_steps import ask, form_texts
from PySide6.QtWidgets import QWizard

from saiken.domain.clock import JST


def _report_from_the_firm(vaults, tmp_path, clock):
    """The ward's debtors package taken in by the firm; the firm records consultations and reports."""
    from saiken.services import consultations as cs
    from saiken.services import handover

    ward = open_vault(vaults.ward, clock)
    try:
        sent = handover.export_package(
            ward, engagement_id=vaults.engagement_id, kind="debtors", media_id="区-R7-001", out_dir=tmp_path
        )
    finally:
        ward.close()
    firm = open_vault(vaults.firm, clock)
    try:
        handover.import_package(firm, sent.path, sent.password)
        tanaka = cs.add_consultant(firm, "架空 田中").row.id
        shop = cs.add_business(firm, name="架空商店", phone="03-3000-1111").row.id
        first = cs.add_consultation(
            firm, shop, at=dt.datetime(2025, 9, 16, 10, tzinfo=JST), consultant_id=tanaka, form="窓口",
            categories=["資金繰り"], contents="運転資金の相談。",
        ).row  # fmt: skip
        cs.correct_consultation(firm, first.id, contents="運転資金の相談。融資を申し込む。")
        burn = tmp_path / "burn-report"
        burn.mkdir()
        engagement = handover.list_engagements(firm)[0].id
        return handover.export_package(
            firm, engagement_id=engagement, kind="report", media_id="事-R7-001", out_dir=burn
        )
    finally:
        firm.close()


def _listed(session):
    from saiken.services import consultations as cs

    page = cs.search_consultations(session, cs.ConsultationFilter())
    return [(r.business_name, r.contents, r.version) for r in page.rows]


def test_the_import_wizard_shows_the_consultation_counts(
    qtbot, vaults, window_on, ops, tmp_path, fixed_clock
):
    report = _report_from_the_firm(vaults, tmp_path, fixed_clock)
    page = window_on(vaults.ward)
    assert ask(qtbot, ops, _listed) == []
    importer = page.open_import_wizard()
    importer.file.path.setText(str(report.path))
    importer.next()
    importer.password.password.setText(report.password)
    importer.next()
    check = importer.check
    qtbot.waitUntil(lambda: check.preview is not None, timeout=60_000)
    assert form_texts(check.facts)["送り手"] == FIRM
    rows = {row[0]: row[1:] for row in check.table.texts()}
    assert rows["相談記録"] == ["2", "0", "0"]  # both versions: new, changed, unchanged
    assert rows["相談事業者"] == ["1", "0", "0"] and rows["相談員"] == ["1", "0", "0"]
    assert "相談予約" not in rows  # nothing of that kind in this package
    assert ask(qtbot, ops, _listed) == []  # the preview was rolled back
    assert importer.button(QWizard.WizardButton.CommitButton).isEnabled()
    importer.next()
    qtbot.waitUntil(lambda: importer.currentPage() is importer.done_page, timeout=90_000)
    facts = form_texts(importer.done_page.facts)
    assert facts["相談の記録"].splitlines() == [
        "相談事業者: 新規 1件・変更 0件",
        "相談員: 新規 1件・変更 0件",
        "相談記録: 新規 2件・変更 0件",
    ]
    assert importer.done_page.summary.text().startswith(f"{FIRM} の 1 回目のパッケージを取り込みました")
    importer.accept()
    assert ask(qtbot, ops, _listed) == [("架空商店", "運転資金の相談。融資を申し込む。", 2)]
