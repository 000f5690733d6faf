"""Templates (文書ひな形): every template with its versions and states, an editor with the field list,
and a live preview of the text filled for a fictional debtor (never a real one). Saving makes a new draft
version; a supervisor approves or retires a version. Only approved versions print."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from saiken.domain.letter_fields import FIELDS
from saiken.domain.roles import Capability
from saiken.ui.documents.pdf_preview import PdfPreview
from saiken.ui.kit.page_context import PageContext

PREVIEW_DELAY_MS = 450
VERSION_ROLE = Qt.ItemDataRole.UserRole
TEMPLATE_ROLE = Qt.ItemDataRole.UserRole + 1


class TemplatesTab(QWidget):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.template_id: int | None = None
        self.can_edit = context.can(Capability.EDIT)
        self.can_approve = context.can(Capability.APPROVE_TEMPLATES)

        self.tree = QTreeWidget(self)
        self.tree.setObjectName("templateTree")
        self.tree.setHeaderLabels([self.tr("Template"), self.tr("State"), self.tr("Approved by")])
        self.tree.setColumnWidth(0, 260)
        self.tree.itemSelectionChanged.connect(self._selected)
        self.edit_button = QPushButton(self.tr("Edit as a new version"), self)
        self.new_button = QPushButton(self.tr("New template"), self)
        self.approve_button = QPushButton(self.tr("Approve"), self)
        self.approve_button.setObjectName("primary")
        self.retire_button = QPushButton(self.tr("Retire"), self)
        self.edit_button.clicked.connect(self.edit_selected)
        self.new_button.clicked.connect(self.new_template)
        self.approve_button.clicked.connect(self.approve_selected)
        self.retire_button.clicked.connect(self.retire_selected)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.tree, 1)
        buttons = QHBoxLayout()
        for button in (self.edit_button, self.new_button, self.approve_button, self.retire_button):
            buttons.addWidget(button)
        left_layout.addLayout(buttons)
        self.rights = QLabel(self)
        self.rights.setObjectName("hintText")
        self.rights.setWordWrap(True)
        left_layout.addWidget(self.rights)

        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("templateEditor")
        self.editor.setReadOnly(True)
        self.editor.textChanged.connect(self._schedule_preview)
        self.problems = QLabel(self)
        self.problems.setObjectName("errorText")
        self.problems.setWordWrap(True)
        self.editing = QLabel(self)
        self.editing.setObjectName("hintText")
        self.save_button = QPushButton(self.tr("Save as draft"), self)
        self.save_button.setObjectName("primary")
        self.save_button.clicked.connect(self.save)
        self.fields = QListWidget(self)
        self.fields.setObjectName("fieldList")
        for field in FIELDS:
            item = QListWidgetItem(f"{{{{{field.name}}}}}　{field.description}")
            item.setData(Qt.ItemDataRole.UserRole, "{{" + field.name + "}}")
            item.setToolTip(field.example)
            self.fields.addItem(item)
        self.fields.itemDoubleClicked.connect(self._insert_field)
        middle = QWidget(self)
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.addWidget(self.editing)
        middle_layout.addWidget(self.editor, 3)
        middle_layout.addWidget(self.problems)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Fields (double-click to insert)"), self))
        row.addStretch(1)
        row.addWidget(self.save_button)
        middle_layout.addLayout(row)
        middle_layout.addWidget(self.fields, 2)

        self.nature = QComboBox(self)
        self.nature.addItem(self.tr("Public-law claim"), "public")
        self.nature.addItem(self.tr("Private-law claim"), "private")
        self.nature.currentIndexChanged.connect(self._schedule_preview)
        self.preview = PdfPreview(self)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        note = QLabel(self.tr("Preview with a fictional debtor"), self)
        note.setObjectName("sectionTitle")
        head.addWidget(note)
        head.addStretch(1)
        head.addWidget(self.nature)
        right_layout.addLayout(head)
        right_layout.addWidget(self.preview, 1)

        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(middle)
        splitter.addWidget(right)
        splitter.setSizes([300, 430, 520])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(splitter)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(PREVIEW_DELAY_MS)
        self.timer.timeout.connect(self.update_preview)
        self._rights_note()
        self._enable()
        self.refresh()

    # --- data ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        from saiken.services import letters

        self.context.ops.call(letters.list_templates, owner=self, on_result=self._show)

    def _show(self, templates: list[Any]) -> None:
        selected = self._selected_version()
        self.tree.clear()
        for template in templates:
            top = QTreeWidgetItem([f"{template.kind_label}　{template.name}", "", ""])
            top.setData(0, TEMPLATE_ROLE, template.id)
            for version in template.versions:
                child = QTreeWidgetItem(
                    [
                        self.tr("Version %1").replace("%1", str(version.version)),
                        version.state_label,
                        version.approved_by or "",
                    ]
                )
                child.setData(0, VERSION_ROLE, version.id)
                child.setData(0, TEMPLATE_ROLE, template.id)
                child.setData(1, VERSION_ROLE, version.state)
                top.addChild(child)
                if version.id == selected:
                    child.setSelected(True)
            self.tree.addTopLevelItem(top)
            top.setExpanded(True)
        top_item = self.tree.topLevelItem(0) if self.tree.topLevelItemCount() else None
        if selected is None and top_item is not None:
            first = top_item.child(0)
            if first is not None:
                first.setSelected(True)
        self._enable()

    def _selected_version(self) -> int | None:
        items = self.tree.selectedItems()
        if not items:
            return None
        value = items[0].data(0, VERSION_ROLE)
        return int(value) if value is not None else None

    def _selected_state(self) -> str | None:
        items = self.tree.selectedItems()
        return items[0].data(1, VERSION_ROLE) if items else None

    def _selected(self) -> None:
        version_id = self._selected_version()
        self._enable()
        if version_id is None:
            return
        from saiken.services import letters

        self.context.ops.call(
            letters.get_template_text, version_id, owner=self, on_result=self._load_read_only
        )

    def _load_read_only(self, shown: Any) -> None:
        self.template_id = None
        self.editor.setReadOnly(True)
        self.editor.setPlainText(shown.text)
        self.editing.setText(
            self.tr("%1, version %2 (%3). Approved text is never changed: edit it as a new version.")
            .replace("%1", shown.template.name)
            .replace("%2", str(shown.version.version))
            .replace("%3", shown.version.state_label)
        )
        self._current = shown
        self._enable()
        self.update_preview()

    # --- editing ------------------------------------------------------------------------------
    def edit_selected(self) -> None:
        shown = getattr(self, "_current", None)
        if shown is None:
            return
        self.template_id = shown.template.id
        self.editor.setReadOnly(False)
        self.editing.setText(self.tr("Editing a new version of %1.").replace("%1", shown.template.name))
        self.editor.setFocus()
        self._enable()

    def new_template(self) -> None:
        self.template_id = None
        self.editor.setReadOnly(False)
        self.editor.setPlainText("種類: 督促状\n名称: \n表題: 督促状\n\n[本文]\n　\n")
        self.editing.setText(self.tr("A new template: write its kind, name and title, then the text."))
        self._new = True
        self._enable()

    def _insert_field(self, item: QListWidgetItem) -> None:
        if not self.editor.isReadOnly():
            self.editor.insertPlainText(str(item.data(Qt.ItemDataRole.UserRole)))
            self.editor.setFocus()

    def _schedule_preview(self) -> None:
        self.timer.start()

    def update_preview(self) -> None:
        from saiken.domain.errors import SaikenError
        from saiken.services.letters import template_preview

        text = self.editor.toPlainText()
        if not text.strip():
            self.preview.clear()
            return
        try:
            pdf = template_preview(text, nature=self.nature.currentData())
        except SaikenError as error:
            problems = getattr(error, "problems", ())
            lines = [str(p) for p in problems[:8]] or [str(error)]
            if len(problems) > 8:
                lines.append(self.tr("… and %1 more").replace("%1", str(len(problems) - 8)))
            self.problems.setText("\n".join(lines))
            return
        self.problems.clear()
        self.preview.set_pdf(pdf)

    def save(self) -> None:
        from saiken.services import letters

        self.context.ops.call(
            letters.save_template,
            self.editor.toPlainText(),
            template_id=self.template_id,
            owner=self,
            on_result=self._saved,
            progress=self.tr("Saving the template…"),
        )

    def _saved(self, change: Any) -> None:
        self.editing.setText(self.tr("Saved as draft version %1.").replace("%1", str(change.version)))
        self.editor.setReadOnly(True)
        self.template_id = None
        self.refresh()

    def approve_selected(self) -> None:
        version_id = self._selected_version()
        if version_id is None:
            return
        if not self.context.dialogs.confirm(
            self,
            self.tr("Approve the template"),
            self.tr(
                "Approve this version? Letters will be printed from it, and the version approved before is retired."
            ),
            self.tr("Approve"),
        ):
            return
        from saiken.services import letters

        self.context.ops.call(
            letters.approve_version, version_id, owner=self, on_result=lambda _: self.refresh()
        )

    def retire_selected(self) -> None:
        version_id = self._selected_version()
        if version_id is None:
            return
        if not self.context.dialogs.confirm(
            self,
            self.tr("Retire the template"),
            self.tr("Retire this version? It can no longer be printed."),
            self.tr("Retire"),
        ):
            return
        from saiken.services import letters

        self.context.ops.call(
            letters.retire_version, version_id, owner=self, on_result=lambda _: self.refresh()
        )

    # --- state --------------------------------------------------------------------------------
    def _rights_note(self) -> None:
        if not self.can_edit:
            self.rights.setText(
                self.tr("You can read the templates; drafting needs a handler, approving a supervisor.")
            )
        elif not self.can_approve:
            self.rights.setText(self.tr("You can draft new versions; a supervisor approves them."))

    def _enable(self) -> None:
        state = self._selected_state()
        editing = not self.editor.isReadOnly()
        self.edit_button.setEnabled(self.can_edit and self._selected_version() is not None and not editing)
        self.new_button.setEnabled(self.can_edit and not editing)
        self.save_button.setEnabled(self.can_edit and editing)
        self.approve_button.setEnabled(self.can_approve and state == "draft" and not editing)
        self.retire_button.setEnabled(self.can_approve and state in ("draft", "approved") and not editing)
