"""Tab 分納: the current instalment plan with each row's status and the missed-instalment alert, the
acceleration (期限の利益喪失), and the editor for a new plan (equal parts with the remainder in the first, or
a custom table the user edits)."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from saiken.domain.errors import ValidationError
from saiken.domain.instalments import monthly_schedule
from saiken.domain.money import parse_yen
from saiken.domain.wareki import parse_date
from saiken.services import debtors
from saiken.ui.kit import display
from saiken.ui.kit.fields import AmountField, DateField, error_label, show_problem
from saiken.ui.kit.form_guard import FormGuard
from saiken.ui.kit.tables import RIGHT, ReadOnlyTable


class PlanTab(QWidget):
    def __init__(self, card_page: Any):
        super().__init__()
        self.card_page = card_page
        self.context = card_page.context
        self.plan: Any = None

        self.summary = QLabel(self.tr("No instalment plan yet."))
        self.summary.setObjectName("planSummary")
        self.alert = QLabel("")
        self.alert.setObjectName("planAlert")
        self.alert.setWordWrap(True)
        self.alert.setStyleSheet(
            "background: #fde8e8; color: #9b1c1c; border: 1px solid #f5b5b5; "
            "border-radius: 4px; padding: 6px; font-weight: bold;"
        )
        self.alert.hide()
        self.rows = ReadOnlyTable(
            [self.tr("No."), self.tr("Due date"), self.tr("Amount"), self.tr("Paid"), self.tr("Status")],
            right=(0, 2, 3),
            object_name="planRows",
        )
        self.accelerate_button = QPushButton(self.tr("Accelerate the balance…"))
        self.accelerate_button.setObjectName("accelerate")
        self.accelerate_button.setEnabled(False)

        editor = QGroupBox(self.tr("New plan"))
        self.total = AmountField(object_name="planTotal")
        self.count = QSpinBox()
        self.count.setObjectName("planCount")
        self.count.setRange(1, 120)
        self.count.setValue(10)
        self.count.setSuffix(self.tr(" times"))
        self.first_due = DateField(object_name="planFirstDue")
        self.day_of_month = QSpinBox()
        self.day_of_month.setObjectName("planDay")
        self.day_of_month.setRange(0, 31)
        self.day_of_month.setSpecialValueText(self.tr("same as the first"))
        self.split_button = QPushButton(self.tr("Split equally"))
        self.split_button.setObjectName("splitEqually")
        self.schedule = QTableWidget(0, 2)
        self.schedule.setObjectName("planSchedule")
        self.schedule.setHorizontalHeaderLabels([self.tr("Due date"), self.tr("Amount")])
        self.schedule.horizontalHeader().setStretchLastSection(True)
        self.schedule.verticalHeader().setDefaultSectionSize(24)
        self.add_row_button = QPushButton(self.tr("Add row"))
        self.remove_row_button = QPushButton(self.tr("Remove row"))
        self.schedule_total = QLabel("")
        self.schedule_total.setObjectName("scheduleTotal")
        self.create_button = QPushButton(self.tr("Create plan"))
        self.create_button.setObjectName("primary")
        self.error = error_label()

        fields = QHBoxLayout()
        for label, widget in (
            (self.tr("Total"), self.total),
            (self.tr("Count"), self.count),
            (self.tr("First due"), self.first_due),
            (self.tr("Day of month"), self.day_of_month),
        ):
            fields.addWidget(QLabel(label))
            fields.addWidget(widget)
        fields.addWidget(self.split_button)
        fields.addStretch(1)
        table_buttons = QHBoxLayout()
        table_buttons.addWidget(self.add_row_button)
        table_buttons.addWidget(self.remove_row_button)
        table_buttons.addWidget(self.schedule_total)
        table_buttons.addStretch(1)
        table_buttons.addWidget(self.create_button)
        editor_layout = QVBoxLayout(editor)
        editor_layout.addLayout(fields)
        hint = QLabel(
            self.tr("Equal parts: the remainder goes to the first. Edit the table for a custom plan.")
        )
        hint.setObjectName("hintText")
        editor_layout.addWidget(hint)
        editor_layout.addWidget(self.schedule, 1)
        editor_layout.addLayout(table_buttons)
        editor_layout.addWidget(self.error)

        current = QHBoxLayout()
        current.addWidget(self.summary, 1)
        current.addWidget(self.accelerate_button)
        layout = QVBoxLayout(self)
        layout.addLayout(current)
        layout.addWidget(self.alert)
        layout.addWidget(self.rows, 3)
        layout.addWidget(editor, 2)

        self._equal: list[tuple[Any, int]] | None = None
        self.split_button.clicked.connect(self.split_equally)
        self.add_row_button.clicked.connect(self._add_row)
        self.remove_row_button.clicked.connect(lambda: self.schedule.removeRow(self.schedule.currentRow()))
        self.schedule.itemChanged.connect(lambda _item: self._update_total())
        self.create_button.clicked.connect(self.create_plan)
        self.accelerate_button.clicked.connect(self.accelerate)
        self.guard = FormGuard([self.total, self.count, self.first_due, self.day_of_month, self.schedule])
        self.card: Any = None

    def load_form(self, card: Any, *, fresh: bool) -> None:
        """The editor starts from this debtor's total due; a reload keeps an editor the user has touched."""
        if fresh or not self.guard.dirty():
            self.reset_editor(card)

    def reset_editor(self, card: Any) -> None:
        self.total.setText(f"{card.totals.total:,}" if card.totals.total else "")
        self.count.setValue(10)
        self.first_due.setText(display.day(self.context.clock.today()))
        self.day_of_month.setValue(0)
        self.schedule.setRowCount(0)
        self._equal = None
        self._update_total()
        self.error.hide()
        self.guard.mark_clean()

    def has_unsaved_input(self) -> bool:
        return self.guard.dirty()

    def show_card(self, card: Any) -> None:
        self.card = card
        self.plan = card.plan
        plan = card.plan
        if plan is None:
            self.summary.setText(self.tr("No instalment plan yet."))
            self.rows.set_rows([])
            self.alert.hide()
            self.accelerate_button.setEnabled(False)
            return
        text = self.tr("Plan: {status} — total {total}, paid {paid}, remaining {remaining}").format(
            status=plan.status,
            total=display.yen(plan.total),
            paid=display.yen(plan.paid),
            remaining=display.yen(plan.remaining),
        )
        if plan.accelerated_on:
            text += self.tr(" (accelerated on {day})").format(day=display.day(plan.accelerated_on))
        self.summary.setText(text)
        self.rows.set_rows(
            [
                [f"{r.seq}", display.day(r.due_on), display.yen(r.amount), display.yen(r.paid), r.status]
                for r in plan.rows
            ]
        )
        for r, row in enumerate(plan.rows):
            if row.seq in plan.missed:
                for c in range(self.rows.columnCount()):
                    if (item := self.rows.item(r, c)) is not None:
                        item.setForeground(QColor("#b42318"))
        self.alert.setVisible(bool(plan.alert))
        self.alert.setText(plan.alert or "")
        self.accelerate_button.setEnabled(plan.status == "履行中")

    # --- the editor ---------------------------------------------------------------------------------------
    def split_equally(self) -> None:
        try:
            total = self.total.amount(self.tr("Total"))
            first = self.first_due.date(self.tr("First due"))
            assert total is not None and first is not None  # required: empty ones raise ValidationError
            schedule = monthly_schedule(total, self.count.value(), first, self.day_of_month.value() or None)
        except ValidationError as error:
            show_problem(self.error, error)
            return
        self.error.hide()
        self._fill([(i.due, i.amount) for i in schedule])
        self._equal = self._table_rows()

    def _fill(self, rows: list[tuple[Any, int]]) -> None:
        self.schedule.blockSignals(True)
        self.schedule.setRowCount(0)
        for due, amount in rows:
            self._add_row(due, amount)
        self.schedule.blockSignals(False)
        self._update_total()

    def _add_row(self, due: Any = None, amount: int | None = None) -> None:
        row = self.schedule.rowCount()
        self.schedule.insertRow(row)
        self.schedule.setItem(row, 0, QTableWidgetItem(display.day(due) if due else ""))
        item = QTableWidgetItem("" if amount is None else f"{amount:,}")
        item.setTextAlignment(RIGHT)
        self.schedule.setItem(row, 1, item)

    def _table_rows(self) -> list[tuple[Any, int]]:
        rows = []
        for r in range(self.schedule.rowCount()):
            due_item, amount_item = self.schedule.item(r, 0), self.schedule.item(r, 1)
            due_text = (due_item.text() if due_item is not None else "").strip()
            amount_text = (amount_item.text() if amount_item is not None else "").strip()
            try:
                due = parse_date(due_text)
            except ValidationError as error:
                raise ValidationError(
                    self.tr("Row {n}, due date: {problem}").format(n=r + 1, problem=error.message)
                ) from error
            try:
                amount = parse_yen(amount_text)
            except ValidationError as error:
                raise ValidationError(
                    self.tr("Row {n}, amount: {problem}").format(n=r + 1, problem=error.message)
                ) from error
            rows.append((due, amount))
        return rows

    def _update_total(self) -> None:
        try:
            total = sum(amount for _, amount in self._table_rows())
        except ValidationError:
            self.schedule_total.setText("")
            return
        self.schedule_total.setText(self.tr("Schedule total: {amount}").format(amount=display.yen(total)))

    def create_plan(self) -> None:
        try:
            total = self.total.amount(self.tr("Total"))
            rows = self._table_rows()
            if not rows:
                raise ValidationError(self.tr("Press “Split equally” or add rows before creating the plan."))
        except ValidationError as error:
            show_problem(self.error, error)
            return
        self.error.hide()
        if rows == self._equal:
            kwargs: dict[str, Any] = {
                "count": len(rows),
                "first_due": rows[0][0],
                "day_of_month": self.day_of_month.value() or None,
            }
        else:
            kwargs = {"schedule": rows}
        agreed_on = self.context.clock.today()
        debtor_id = self.card_page.debtor_id
        if debtor_id is None or total is None:  # no card shown; the total is required (never None here)
            return
        # A signed plan acknowledges the debt: say what it does to limitation before it is made.
        self.context.ops.call(
            debtors.limitation_if_pledged,
            debtor_id,
            agreed_on=agreed_on,
            on_result=lambda change: self._confirm_plan(
                debtor_id, total, len(rows), agreed_on, kwargs, change
            ),
            on_error=lambda error: show_problem(self.error, error),
            owner=self,
        )

    def _confirm_plan(
        self, debtor_id: int, total: int, count: int, agreed_on: Any, kwargs: dict[str, Any], change: Any
    ) -> None:
        if not self.card_page.showing(debtor_id):
            return
        lines = [
            self.tr("Make a plan of {count} instalments, {total} in all, agreed today ({day})?").format(
                count=count, total=display.yen(total), day=display.long_day(agreed_on)
            )
        ]
        if self.plan is not None and self.plan.status in ("履行中", "期限の利益喪失"):
            lines.append(self.tr("The plan now running is cancelled and replaced by this one."))
        if change.renews:
            lines.append(
                self.tr(
                    "A signed instalment plan acknowledges the debt: the limitation period is renewed and now ends on {after} (until now {before})."
                ).format(after=display.long_day(change.after), before=display.long_day(change.before))
            )
        if not self.context.dialogs.confirm(
            self, self.tr("Create the instalment plan"), "\n".join(lines), self.tr("Create plan")
        ):
            return
        self.context.ops.call(
            debtors.create_instalment_plan,
            debtor_id,
            total=total,
            agreed_on=agreed_on,
            **kwargs,
            on_result=lambda changed: self._created(debtor_id, changed.value),
            on_error=lambda error: show_problem(self.error, error),
            owner=self,
        )

    def _created(self, debtor_id: int, plan: Any) -> None:
        self.context.notices.say(
            self.tr("Made an instalment plan of {count} instalments, {total} in all.").format(
                count=len(plan.rows), total=display.yen(plan.total)
            )
        )
        if self.card_page.showing(debtor_id):
            self.schedule.setRowCount(0)
            self._equal = None
            self.guard.mark_clean()

    def accelerate(self) -> None:
        plan = self.plan
        if plan is None:
            return
        today = self.context.clock.today()
        text = self.tr(
            "With the loss of the benefit of time, the whole unpaid balance of this plan, {amount}, falls due at once today ({day}). Continue?"
        ).format(amount=display.yen(plan.remaining), day=display.long_day(today))
        if not self.context.dialogs.confirm(self, self.tr("Accelerate"), text, self.tr("Accelerate")):
            return
        self.context.ops.call(
            debtors.accelerate_plan,
            plan.id,
            on_result=lambda changed: self._accelerated(changed.value),
            owner=self,
        )

    def _accelerated(self, row: Any) -> None:
        self.context.notices.say(
            self.tr("Accelerated the plan: {amount} is due at once.").format(
                amount=display.yen(row.remaining)
            )
        )
