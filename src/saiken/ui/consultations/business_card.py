"""A business's card: who they are, one timeline of everything (consultations, bookings, dispatches, seminar
applications; newest first) and the quick-entry form for a new consultation (`ConsultationForm`).

Opening a card calls `get_business_card` on the worker (the service audits `business.view`). The form
belongs to the business shown: opening another one clears it, and leaving with unsaved text asks first
(convention 12). A correction is a new version; the history dialog shows every version.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from saiken.domain.errors import ValidationError
from saiken.domain.roles import Capability
from saiken.services import consultations as cs
from saiken.ui.consultations.business_dialog import BusinessDialog
from saiken.ui.consultations.consultation_form import ConsultationForm
from saiken.ui.kit import display
from saiken.ui.kit.fields import error_label, show_problem
from saiken.ui.kit.tables import ReadOnlyTable

KIND_LABELS = {
    "consultation": QT_TRANSLATE_NOOP("BusinessCard", "Consultation"),
    "booking": QT_TRANSLATE_NOOP("BusinessCard", "Booking"),
    "dispatch": QT_TRANSLATE_NOOP("BusinessCard", "Dispatch"),
    "seminar": QT_TRANSLATE_NOOP("BusinessCard", "Seminar"),
}


def kind_label(kind: str) -> str:
    return QCoreApplication.translate("BusinessCard", str(KIND_LABELS.get(kind, kind)))


class BusinessCardPage(QWidget):
    back_requested = Signal()
    loaded = Signal(object)

    def __init__(self, context: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("businessCard")
        self.context = context
        self.business_id: int | None = None
        self.card: Any = None
        self.dialog: QDialog | None = None
        self.back_button = QPushButton(self.tr("← Back to the list"))
        self.back_button.setObjectName("backToBusinesses")
        self.edit_button = QPushButton(self.tr("Correct the business…"))
        self.edit_button.setObjectName("editBusiness")
        self.name = QLabel("")
        self.name.setObjectName("businessName")
        self.name.setStyleSheet("font-size: 17pt; font-weight: bold; color: #102a43;")
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts: dict[str, QLabel] = {}
        facts = QGridLayout()
        labels = (
            ("kind", self.tr("Kind / industry")),
            ("representative", self.tr("Representative")),
            ("born", self.tr("Date of birth")),
            ("phone", self.tr("Phone")),
            ("address", self.tr("Address")),
            ("email", self.tr("E-mail")),
        )
        for index, (key, label) in enumerate(labels):
            caption = QLabel(label)
            caption.setStyleSheet("color: #52606d;")
            value = QLabel("")
            value.setObjectName(f"fact_{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.facts[key] = value
            facts.addWidget(caption, index // 3, (index % 3) * 2)
            facts.addWidget(value, index // 3, (index % 3) * 2 + 1)
        facts.setColumnStretch(1, 1)
        facts.setColumnStretch(3, 1)
        facts.setColumnStretch(5, 1)

        box = QGroupBox(self.tr("New consultation (Ctrl+Enter saves)"))
        box_layout = QVBoxLayout(box)
        self.form = ConsultationForm(context.clock)
        self.error = error_label()
        self.add_button = QPushButton(self.tr("Save consultation"))
        self.add_button.setObjectName("primary")
        self.add_button.setMinimumWidth(160)
        self.add_button.setEnabled(context.can(Capability.EDIT))
        row = QHBoxLayout()
        row.addWidget(self.error, 1)
        row.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignRight)
        box_layout.addWidget(self.form)
        box_layout.addLayout(row)
        box.setEnabled(context.can(Capability.EDIT))

        self.timeline = ReadOnlyTable(
            [
                self.tr("Date and time"),
                self.tr("Kind"),
                self.tr("What"),
                self.tr("Details"),
                self.tr("Status"),
            ],
            stretch=3,
            object_name="businessTimeline",
        )
        self.correct_button = QPushButton(self.tr("Correct…"))
        self.correct_button.setObjectName("correctConsultation")
        self.history_button = QPushButton(self.tr("History…"))
        self.history_button.setObjectName("consultationHistory")
        title = QLabel(self.tr("Timeline (newest first)"))
        title.setStyleSheet("font-weight: bold; font-size: 11pt; color: #243b53;")
        actions = QHBoxLayout()
        actions.addWidget(title)
        actions.addStretch(1)
        actions.addWidget(self.correct_button)
        actions.addWidget(self.history_button)

        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addSpacing(8)
        top.addWidget(self.name, 1)
        top.addWidget(self.edit_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(facts)
        layout.addWidget(box)
        layout.addLayout(actions)
        layout.addWidget(self.timeline, 1)

        self.back_button.clicked.connect(self.request_back)
        self.edit_button.clicked.connect(self.edit_business)
        self.add_button.clicked.connect(self.add_consultation)
        self.form.saveRequested.connect(self.add_consultation)
        self.correct_button.clicked.connect(self.open_correction)
        self.history_button.clicked.connect(self.open_history)
        self.timeline.doubleClicked.connect(lambda _i: self.open_correction())
        QShortcut(QKeySequence("Escape"), self, self.request_back)

    # --- loading ----------------------------------------------------------------------------------------
    def open_business(self, business_id: int) -> None:
        if self.business_id != business_id:
            self.form.reset()
            self.error.hide()
        self.business_id = business_id
        self.context.ops.call(cs.list_consultants, on_result=self.form.set_consultants, owner=self)
        self.context.ops.call(cs.get_business_card, business_id, on_result=self._show, owner=self)

    def _show(self, card: Any) -> None:
        self.card = card
        b = card.business
        self.name.setText(display.honorific(b.name, "法人" if b.kind == "法人" else "個人"))
        self.facts["kind"].setText(
            f"{b.kind}・{b.industry}" + (f"（{b.employees}名）" if b.employees else "")
        )
        rep = b.representative + (f"（{b.representative_kana}）" if b.representative_kana else "")
        self.facts["representative"].setText(rep)
        self.facts["born"].setText(display.wareki(b.representative_born))
        self.facts["phone"].setText(b.phone)
        self.facts["address"].setText(" ".join(part for part in (b.postal_code, b.address) if part))
        self.facts["email"].setText(b.email)
        self.timeline.set_rows(
            [
                [display.day(e.at), kind_label(e.kind), e.title, e.detail.replace("\n", " "), e.status]
                for e in card.timeline
            ],
            keys=[f"{e.kind}:{e.id}" for e in card.timeline],
        )
        has = bool(card.consultations)
        self.correct_button.setEnabled(has and self.context.can(Capability.EDIT))
        self.history_button.setEnabled(has)
        self.loaded.emit(card)

    # --- actions ----------------------------------------------------------------------------------------
    def request_back(self) -> None:
        if self.form.is_dirty() and not self.context.dialogs.confirm(
            self,
            self.tr("Unsaved consultation"),
            self.tr("The consultation you were typing has not been saved. Leave it without saving?"),
            self.tr("Leave without saving"),
        ):
            return
        self.form.reset()
        self.back_requested.emit()

    def add_consultation(self) -> None:
        if self.business_id is None or not self.context.can(Capability.EDIT):
            return
        try:
            values = self.form.values()
        except ValidationError as error:
            show_problem(self.error, error)
            return
        self.error.hide()
        self.add_button.setEnabled(False)
        self.context.ops.call(
            cs.add_consultation,
            self.business_id,
            **values,
            on_result=self._added,
            on_error=self._failed,
            owner=self,
        )

    def _added(self, _change: Any) -> None:
        self.add_button.setEnabled(True)
        self.form.clear_for_next()
        self.form.contents.setFocus()
        if self.business_id is not None:
            self.open_business(self.business_id)

    def _failed(self, error: BaseException) -> None:
        self.add_button.setEnabled(True)
        show_problem(self.error, error)

    def edit_business(self) -> None:
        if self.card is None:
            return
        dialog = BusinessDialog(self.context, self.card.business, self)
        dialog.saved.connect(lambda row: self.open_business(row.id))
        dialog.open()
        self.dialog = dialog

    def selected_consultation(self) -> Any:
        if self.card is None or not self.card.consultations:
            return None
        key = self.timeline.current_key()
        if isinstance(key, str) and key.startswith("consultation:"):
            wanted = int(key.split(":")[1])
            return next((c for c in self.card.consultations if c.id == wanted), None)
        return self.card.consultations[0]

    def open_correction(self) -> QDialog | None:
        record = self.selected_consultation()
        if record is None or not self.context.can(Capability.EDIT):
            return None
        dialog = CorrectionDialog(self.context, record, self)
        dialog.saved.connect(lambda _row: self.open_business(record.business_id))
        dialog.open()
        self.dialog = dialog
        return dialog

    def open_history(self) -> None:
        record = self.selected_consultation()
        if record is not None:
            self.context.ops.call(
                cs.consultation_history, record.id, on_result=self._show_history, owner=self
            )

    def _show_history(self, versions: list[Any]) -> None:
        dialog = QDialog(self)
        dialog.setObjectName("consultationHistoryDialog")
        dialog.setWindowTitle(self.tr("Versions of this consultation"))
        dialog.resize(900, 320)
        table = ReadOnlyTable(
            [
                self.tr("Version"),
                self.tr("Entered"),
                self.tr("Entered by"),
                self.tr("Form"),
                self.tr("Categories"),
                self.tr("Contents"),
                self.tr("Loan mediation"),
            ],
            stretch=5,
            object_name="consultationVersions",
        )
        table.set_rows(
            [
                [
                    self.tr("Version {n}").format(n=v.version)
                    + ("" if v.superseded else self.tr(" (current)")),
                    display.day(v.created_at),
                    v.created_by,
                    v.form,
                    "・".join(v.categories),
                    v.contents.replace("\n", " "),
                    " ".join(
                        part for part in (v.loan_bank, display.yen(v.loan_amount), v.loan_status) if part
                    ),
                ]
                for v in sorted(versions, key=lambda v: v.version, reverse=True)
            ]
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.history_dialog = dialog
        dialog.open()


class CorrectionDialog(QDialog):
    """Correct a consultation: a new version; the current one stays in the history."""

    saved = Signal(object)

    def __init__(self, context: Any, record: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("consultationCorrection")
        self.setWindowTitle(self.tr("Correct a consultation"))
        self.context = context
        self.record = record
        self.form = ConsultationForm(context.clock)
        self.form.consultant.addItem(record.consultant, record.consultant_id)
        context.ops.call(cs.list_consultants, on_result=self._consultants, owner=self)
        self.form.load(record)
        self.form.saveRequested.connect(self.submit)
        self.error = error_label()
        note = QLabel(
            self.tr("The correction is saved as a new version; the current text stays in the history.")
        )
        note.setObjectName("hintText")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save correction"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(900, 300)

    def _consultants(self, rows: list[Any]) -> None:
        self.form.set_consultants(rows, keep=self.record.consultant_id)

    def submit(self) -> None:
        try:
            values = self.form.values()
        except ValidationError as error:
            show_problem(self.error, error)
            return
        current = {
            "at": self.record.at,
            "consultant_id": self.record.consultant_id,
            "form": self.record.form,
            "categories": list(self.record.categories),
            "contents": self.record.contents,
            "loan_bank": self.record.loan_bank,
            "loan_amount": self.record.loan_amount,
            "loan_status": self.record.loan_status,
            "follow_up_on": self.record.follow_up_on,
        }
        changes = {k: v for k, v in values.items() if current[k] != v}
        if not changes:
            self.reject()
            return
        self.context.ops.call(
            cs.correct_consultation,
            self.record.id,
            **changes,
            on_result=self._done,
            on_error=lambda error: show_problem(self.error, error),
            owner=self,
        )

    def _done(self, change: Any) -> None:
        self.saved.emit(change.row)
        self.accept()
