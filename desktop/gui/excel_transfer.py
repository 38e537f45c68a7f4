"""Excel in and out from the window: File › Export to Excel… (the current list, or the full
workbook), File › Import from Excel… and File › Undo Last Import.

The work itself is the services' (``services.exporting``, ``services.importing``, the same
code as ``export xlsx`` and ``import xlsx`` on the command line), run on the database worker
with a progress dialog that appears after ~600 ms and can be cancelled; a cancelled export
writes nothing, a cancelled import changes nothing (it is one transaction).

The import dialog takes the steps in order on one page: choose the file, the sheet (hidden
sheets marked), check the column mapping (matched automatically, remembered per kind of
sheet, each field editable), choose what happens to duplicates, check (a dry run that lists
every problem as sheet!row column: reason and each duplicate, where the choice can be made
row by row), import.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QTableWidgetItem,
    QWidget,
)

from .. import errors
from ..reports import xlsx_import as xi
from ..services.exporting import ExportResult, ExportService, today_name
from ..services.importing import ImportService, Outcome
from . import customer_jobs as jobs
from .customer_model import current_language
from .forms.ui_import_dialog import Ui_ImportDialog
from .messages import error_text, show_error
from .worker import DbWorker, JobProgress, Op, no_gc_pauses

COL_LETTER, COL_TITLE, COL_FIELD = range(3)
PREV_ROW, PREV_ACTION, PREV_NAME, PREV_DUPLICATE, PREV_PROBLEMS = range(5)


def import_error_text(exc: BaseException) -> str:
    """A file that is no workbook, said in the user's language; other errors as usual."""
    if not isinstance(exc, xi.ImportFileError):
        return error_text(exc)
    save_as = QCoreApplication.translate(
        "ExcelTransfer",
        "Open it in Excel, WPS or LibreOffice and save it as a workbook (.xlsx, .xls or .ods).",
    )
    texts = {
        "folder": QCoreApplication.translate(
            "ExcelTransfer", "{name} is a folder, not a workbook."
        ),
        "unreadable": QCoreApplication.translate("ExcelTransfer", "{name} cannot be read."),
        "empty": QCoreApplication.translate(
            "ExcelTransfer", "{name} is empty: it holds no workbook."
        ),
        "encrypted": QCoreApplication.translate(
            "ExcelTransfer",
            "{name} is protected with a password. Remove the password in Excel "
            "(File › Info › Protect Workbook) and save it again.",
        ),
        "pdf": QCoreApplication.translate(
            "ExcelTransfer", "{name} is a PDF document, not a spreadsheet."
        ),
        "text": QCoreApplication.translate(
            "ExcelTransfer", "{name} is a text file (a CSV?), not an Excel workbook."
        ),
        "unknown": QCoreApplication.translate("ExcelTransfer", "{name} is not a spreadsheet."),
        "damaged": QCoreApplication.translate(
            "ExcelTransfer", "{name} is damaged: it cannot be read as a workbook."
        ),
        "too_big": QCoreApplication.translate(
            "ExcelTransfer",
            "{name} is too large to import: it unpacks to more than 256 MB. "
            "Split the list into several workbooks.",
        ),
        "bomb": QCoreApplication.translate(
            "ExcelTransfer",
            "{name} is not an ordinary workbook: a part of it unpacks hundreds of "
            "times larger than it is stored. It was not read.",
        ),
        "too_many_rows": QCoreApplication.translate(
            "ExcelTransfer",
            "{name} has a sheet with more rows than Excel allows (1 048 576). It was not read.",
        ),
        "too_many_columns": QCoreApplication.translate(
            "ExcelTransfer",
            "{name} has a sheet with more columns than Excel allows (16 384). It was not read.",
        ),
        "zip": QCoreApplication.translate(
            "ExcelTransfer", "{name} is a ZIP archive, not an Excel workbook."
        ),
    }
    kind = exc.details.get("kind")
    if kind not in texts:
        return exc.message
    text = texts[kind].format(name=exc.details.get("name", ""))
    if kind == "damaged" and exc.details.get("detail"):
        text += f" ({exc.details['detail']})"  # what the reader found, as it says it
    return f"{text} {save_as}" if kind in ("text", "unknown") else text


def ui_lang() -> str:
    return "zh_CN" if current_language() == "zh" else "en"


# --------------------------------------------------------------------------------------------
# Jobs (they run on the worker: no widgets here)
# --------------------------------------------------------------------------------------------


def _exporter(svc) -> ExportService:
    return ExportService(svc.archive, jobs.customers(svc).actor)


def _importer(svc) -> ImportService:
    return ImportService(svc.archive, jobs.customers(svc).actor)


# Long jobs run with the cyclic garbage collector paused (card_printing's reason holds here
# too: a full collection over a 100 000-row job's objects held the interpreter lock, and so
# froze the window, for well over 100 ms; measured in tests/benchmarks/bench_excel.py).
def export_list_job(target: str, query: str, flt, sort: str | None, descending: bool, lang: str):
    def job(svc, tracker: JobProgress) -> ExportResult:
        with no_gc_pauses():
            return _exporter(svc).export_list(
                target,
                query=query,
                flt=flt,
                sort=sort,
                descending=descending,
                lang=lang,
                progress=tracker.report,
                cancelled=tracker.cancelled,
            )

    return job


def export_full_job(target: str, lang: str, audit_labels: dict[str, str]):
    def job(svc, tracker: JobProgress) -> ExportResult:
        with no_gc_pauses():
            return _exporter(svc).export_full(
                target,
                lang=lang,
                audit_labels=audit_labels,
                progress=tracker.report,
                cancelled=tracker.cancelled,
            )

    return job


def full_export_state(svc) -> tuple[bool, int | None, int | None]:
    """(needs an approval, an approved request to use, a request still waiting)."""
    ex = _exporter(svc)
    needs = ex.full_export_needs_approval()
    return needs, ex.approved_request() if needs else None, ex.pending_request() if needs else None


def sheet_job(path: str, sheet: str | None, mapping: dict | None = None):
    def job(svc):
        importer = _importer(svc)
        sheets = importer.sheets(path)
        table, columns = importer.columns(path, sheet, mapping)
        return sheets, table.sheet, table.header_row, columns

    return job


def import_job(
    path: str, sheet: str, mapping: dict, on_duplicate: str, decisions: dict, dry_run: bool
):
    def job(svc, tracker: JobProgress) -> Outcome:
        with no_gc_pauses():
            return _importer(svc).run(
                path,
                sheet,
                mapping,
                on_duplicate=on_duplicate,
                decisions=decisions,
                dry_run=dry_run,
                progress=tracker.report,
                cancelled=tracker.cancelled,
            )

    return job


# --------------------------------------------------------------------------------------------
# Questions (module functions, so tests can answer them)
# --------------------------------------------------------------------------------------------


def ask_export_kind(parent: QWidget, listed: int) -> str | None:
    """ "list", "full" or None (cancelled)."""
    box = QMessageBox(
        QMessageBox.Question,
        QCoreApplication.translate("ExcelTransfer", "Export to Excel"),
        QCoreApplication.translate(
            "ExcelTransfer",
            "Export the {n} customers of the current list, or the full "
            "workbook (every field, contacts, transactions, follow-ups, histories)?",
        ).format(n=listed),
        QMessageBox.Cancel,
        parent,
    )
    current = box.addButton(
        QCoreApplication.translate("ExcelTransfer", "Current &List"), QMessageBox.AcceptRole
    )
    full = box.addButton(
        QCoreApplication.translate("ExcelTransfer", "&Full Workbook"), QMessageBox.AcceptRole
    )
    box.setDefaultButton(current)
    box.exec()
    clicked = box.clickedButton()
    return "list" if clicked is current else "full" if clicked is full else None


def ask_reason(parent: QWidget) -> str | None:
    text, ok = QInputDialog.getText(
        parent,
        QCoreApplication.translate("ExcelTransfer", "Full Export"),
        QCoreApplication.translate(
            "ExcelTransfer", "A full export needs a manager's approval. Why do you need it?"
        ),
        QLineEdit.Normal,
        "",
    )
    return text.strip() if ok and text.strip() else None


def save_path(parent: QWidget, name: str) -> str | None:
    folder = QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation)
    path, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("ExcelTransfer", "Export to Excel"),
        str(Path(folder) / name),
        QCoreApplication.translate("ExcelTransfer", "Excel workbooks (*.xlsx)"),
    )
    if not path:
        return None
    return path if path.lower().endswith(".xlsx") else path + ".xlsx"


def open_path(parent: QWidget) -> str | None:
    folder = QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation)
    path, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("ExcelTransfer", "Import from Excel"),
        folder,
        QCoreApplication.translate(
            "ExcelTransfer", "Spreadsheets (*.xlsx *.xlsm *.xls *.ods);;All files (*)"
        ),
    )
    return path or None


# --------------------------------------------------------------------------------------------
# The File menu's actions
# --------------------------------------------------------------------------------------------


class ExcelTransfer(QObject):
    imported = Signal()  # cards were added, changed or taken back: the list refreshes

    def __init__(self, parent: QWidget, worker: DbWorker, page) -> None:
        super().__init__(parent)
        self.window_ = parent
        self.worker = worker
        self.page = page  # CustomerListPage
        self.dialog: ImportDialog | None = None
        self.last_export: ExportResult | None = None
        self.export_action = QAction(self.tr("Export to E&xcel…"), parent)
        self.export_action.setObjectName("actionExportExcel")
        self.export_action.triggered.connect(self.export)
        self.import_action = QAction(self.tr("&Import from Excel…"), parent)
        self.import_action.setObjectName("actionImportExcel")
        self.import_action.triggered.connect(self.open_import)
        self.undo_action = QAction(self.tr("&Undo Last Import…"), parent)
        self.undo_action.setObjectName("actionUndoImport")
        self.undo_action.triggered.connect(self.undo_last)

    @property
    def actions(self) -> list[QAction]:
        return [self.export_action, self.import_action, self.undo_action]

    # ------------------------------------------------------------------ export
    def export(self) -> None:
        if not self.page.active:
            return
        kind = ask_export_kind(self.window_, self.page.model.rowCount())
        if kind == "list":
            path = save_path(self.window_, today_name("list", ui_lang()))
            if path:
                sort, descending = self.page._sort if self.page._sort else (None, False)
                self._run_export(
                    export_list_job(
                        path,
                        self.page.ui.searchEdit.text(),
                        self.page.current_filter(),
                        sort,
                        descending,
                        ui_lang(),
                    ),
                    path,
                )
        elif kind == "full":
            Op(self.worker, self.window_, full_export_state).success(self._full_state).run()

    def _full_state(self, state: tuple[bool, int | None, int | None]) -> None:
        needs, approved, pending = state
        if needs and approved is None:
            if pending is not None:
                QMessageBox.information(
                    self.window_,
                    self.tr("Full Export"),
                    self.tr(
                        "Your request #{n} for a full export is still waiting for a manager's "
                        "decision."
                    ).format(n=pending),
                )
                return
            reason = ask_reason(self.window_)
            if reason is None:
                return
            Op(
                self.worker, self.window_, lambda svc: _exporter(svc).request_full_export(reason)
            ).success(
                lambda rid: QMessageBox.information(
                    self.window_,
                    self.tr("Full Export"),
                    self.tr(
                        "Filed as request #{n}. Once a manager approves it, export again."
                    ).format(n=rid),
                )
            ).run()
            return
        path = save_path(self.window_, today_name("full", ui_lang()))
        if path:
            from .audit_view import action_labels

            self._run_export(export_full_job(path, ui_lang(), action_labels()), path)

    def _run_export(self, job, path: str) -> None:
        def done(result: ExportResult) -> None:
            self.last_export = result
            self._status(
                self.tr("{n} customers exported to {path}.").format(
                    n=result.customers, path=result.path
                )
            )

        Op(self.worker, self.window_, job).progress(
            self.tr("Exporting to Excel…"), cancellable=True
        ).success(done).failure(self._failed).run()

    # ------------------------------------------------------------------ import
    def open_import(self) -> None:
        if not self.page.active:
            return
        if self.dialog is not None:
            self.dialog.raise_()
            self.dialog.activateWindow()
            return
        self.dialog = ImportDialog(self.window_, self.worker)
        self.dialog.imported.connect(self.imported)
        self.dialog.finished.connect(self._closed)
        self.dialog.show()

    def _closed(self, _result: int = 0) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None

    def undo_last(self) -> None:
        Op(self.worker, self.window_, lambda svc: _importer(svc).last_batch()).success(
            self._confirm_undo
        ).run()

    def _confirm_undo(self, batch: dict | None) -> None:
        if batch is None or batch["undone_at"]:
            QMessageBox.information(
                self.window_, self.tr("Undo Last Import"), self.tr("There is no import to undo.")
            )
            return
        answer = QMessageBox.question(
            self.window_,
            self.tr("Undo Last Import"),
            self.tr(
                "Take back import #{n} of {file} ({created} new cards deleted, {updated} "
                "updated cards given their old values)?"
            ).format(
                n=batch["id"],
                file=batch["file_name"],
                created=batch["created"],
                updated=batch["updated"],
            ),
            QMessageBox.Yes | QMessageBox.Cancel,
        )
        if answer != QMessageBox.Yes:
            return

        def done(result) -> None:
            self._status(
                self.tr("Import #{n} undone: {deleted} cards deleted, {restored} restored.").format(
                    n=result.batch_id, deleted=result.deleted, restored=result.restored
                )
            )
            self.imported.emit()

        Op(self.worker, self.window_, lambda svc: _importer(svc).undo_last()).progress(
            self.tr("Undoing the import…")
        ).success(done).failure(self._failed).run()

    # ------------------------------------------------------------------ messages
    def _status(self, text: str) -> None:
        bar = getattr(self.window_, "statusBar", None)
        if callable(bar):
            bar().showMessage(text, 10000)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, errors.Cancelled):
            self._status(self.tr("Cancelled: nothing was written or changed."))
            return
        show_error(self.window_, exc)


# --------------------------------------------------------------------------------------------
# The import dialog
# --------------------------------------------------------------------------------------------


class ImportDialog(QDialog):
    imported = Signal()

    def __init__(self, parent: QWidget, worker: DbWorker) -> None:
        super().__init__(parent)
        self.ui = Ui_ImportDialog()
        self.ui.setupUi(self)
        self.worker = worker
        self.path: str | None = None
        self.sheet: str | None = None
        self.columns: list[xi.Column] = []
        self.decisions: dict[int, str] = {}
        self.outcome: Outcome | None = None
        self._filling = False
        self.choices = {
            "skip": self.tr("Skip it"),
            "update": self.tr("Update the existing card"),
            "create": self.tr("Create a new card anyway"),
        }
        for key, text in self.choices.items():
            self.ui.duplicateCombo.addItem(text, key)
        self.ui.duplicateCombo.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        self.actions_text = {
            "create": self.tr("New card"),
            "update": self.tr("Update"),
            "skip": self.tr("Skip (duplicate)"),
            "unchanged": self.tr("Unchanged"),
            "invalid": self.tr("Not taken"),
        }
        t = self.ui.mappingTable
        t.setColumnCount(3)
        t.setHorizontalHeaderLabels(
            [self.tr("Column"), self.tr("Title in the sheet"), self.tr("Field")]
        )
        t.horizontalHeader().setSectionResizeMode(COL_TITLE, QHeaderView.Stretch)
        t.horizontalHeader().setSectionResizeMode(COL_FIELD, QHeaderView.ResizeToContents)
        t.verticalHeader().hide()
        p = self.ui.previewTable
        p.setColumnCount(5)
        p.setHorizontalHeaderLabels(
            [
                self.tr("Row"),
                self.tr("What happens"),
                self.tr("Company"),
                self.tr("Duplicate of"),
                self.tr("Problems"),
            ]
        )
        p.horizontalHeader().setSectionResizeMode(PREV_PROBLEMS, QHeaderView.Stretch)
        p.verticalHeader().hide()
        p.setEditTriggers(p.EditTrigger.NoEditTriggers)
        self.ui.splitter.setSizes([260, 320])
        self.ui.browseButton.clicked.connect(self.choose_file)
        self.ui.sheetCombo.currentIndexChanged.connect(self._sheet_chosen)
        self.ui.duplicateCombo.currentIndexChanged.connect(lambda _i: self._changed())
        self.ui.checkButton.clicked.connect(lambda: self.run(dry_run=True))
        self.ui.importButton.clicked.connect(lambda: self.run(dry_run=False))
        self.ui.buttonBox.rejected.connect(self.reject)
        self._enable(False)

    # ------------------------------------------------------------------ choosing
    def _enable(self, ready: bool) -> None:
        self.ui.checkButton.setEnabled(ready)
        self.ui.importButton.setEnabled(ready)

    def choose_file(self) -> None:
        path = open_path(self)
        if path:
            self.load(path)

    def load(self, path: str, sheet: str | None = None) -> None:
        self.path = path
        self.ui.fileEdit.setText(path)
        self._enable(False)
        self.ui.summaryLabel.clear()
        self.ui.previewTable.setRowCount(0)
        Op(self.worker, self, sheet_job(path, sheet)).success(self._show_sheet).failure(
            self._load_failed
        ).run()

    def _load_failed(self, exc: BaseException) -> None:
        self.columns = []
        self.ui.mappingTable.setRowCount(0)
        self.ui.headerLabel.clear()
        self.ui.summaryLabel.setText(import_error_text(exc))

    def _show_sheet(self, found) -> None:
        sheets, sheet, header_row, columns = found
        self._filling = True
        self.ui.sheetCombo.clear()
        for info in sheets:
            text = (
                info.name if not info.hidden else self.tr("{name} (hidden)").format(name=info.name)
            )
            self.ui.sheetCombo.addItem(text, info.name)
        self.ui.sheetCombo.setCurrentIndex(max(self.ui.sheetCombo.findData(sheet), 0))
        self._filling = False
        self.sheet = sheet
        self.decisions = {}
        self.ui.headerLabel.setText(
            self.tr("Header in row {n}").format(n=header_row)
            if header_row
            else self.tr("The sheet is empty")
        )
        self._fill_mapping(columns)
        self._enable(bool(header_row))

    def _sheet_chosen(self, _index: int) -> None:
        if self._filling or self.path is None:
            return
        self.load(self.path, self.ui.sheetCombo.currentData())

    def _fill_mapping(self, columns: list[xi.Column]) -> None:
        self.columns = columns
        lang = ui_lang()
        t = self.ui.mappingTable
        t.setRowCount(len(columns))
        for r, col in enumerate(columns):
            for c, text in ((COL_LETTER, col.letter), (COL_TITLE, col.title)):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemIsEditable)
                t.setItem(r, c, item)
            combo = QComboBox(t)
            combo.setObjectName(f"fieldCombo{col.letter}")
            combo.addItem(self.tr("(not imported)"), None)
            for name in xi.IMPORT_FIELDS:
                combo.addItem(xi.field_label(name, lang), name)
            combo.setCurrentIndex(max(combo.findData(col.field), 0))
            combo.currentIndexChanged.connect(lambda _i, r=r, combo=combo: self._mapped(r, combo))
            t.setCellWidget(r, COL_FIELD, combo)
        t.resizeColumnToContents(COL_LETTER)

    def _mapped(self, row: int, combo: QComboBox) -> None:
        self.columns[row].field = combo.currentData()
        self._changed()

    def mapping(self) -> dict[str, str | None]:
        return {c.letter: c.field for c in self.columns}

    def _changed(self) -> None:
        """A choice changed: the last check no longer says what an import would do."""
        if self.outcome is not None:
            self.ui.summaryLabel.setText(
                self.tr("The choices changed: check again to see what the import will do.")
            )

    # ------------------------------------------------------------------ checking, importing
    def run(self, *, dry_run: bool) -> None:
        if self.path is None or not self.columns:
            return
        self._enable(False)
        text = self.tr("Checking the sheet…") if dry_run else self.tr("Importing…")
        Op(
            self.worker,
            self,
            import_job(
                self.path,
                self.sheet,
                self.mapping(),
                self.ui.duplicateCombo.currentData(),
                dict(self.decisions),
                dry_run,
            ),
        ).progress(text, cancellable=True).success(self._show_outcome).failure(self._failed).run()

    def _failed(self, exc: BaseException) -> None:
        self._enable(True)
        if isinstance(exc, errors.Cancelled):
            self.ui.summaryLabel.setText(self.tr("Cancelled: nothing was changed."))
            return
        self.ui.summaryLabel.setText(import_error_text(exc))

    def _show_outcome(self, outcome: Outcome) -> None:
        self.outcome = outcome
        self._enable(True)
        c = outcome.counts
        values = dict(
            create=c["create"],
            update=c["update"],
            skip=c["skip"],
            unchanged=c["unchanged"],
            invalid=c["invalid"],
            empty=outcome.empty_rows,
        )
        if outcome.dry_run:
            text = self.tr(
                "Check: {create} new cards, {update} updates, {skip} duplicates "
                "skipped, {unchanged} unchanged, {invalid} rows with problems (not "
                "taken), {empty} empty rows. Nothing was changed yet."
            ).format(**values)
        else:
            text = self.tr(
                "Imported: {create} new cards, {update} updated, {skip} duplicates "
                "skipped, {unchanged} unchanged, {invalid} rows with problems not "
                "taken. File › Undo Last Import takes it back."
            ).format(**values)
            self.ui.importButton.setEnabled(False)
            self.imported.emit()
        self.ui.summaryLabel.setText(text)
        self._fill_preview(outcome)

    def _fill_preview(self, outcome: Outcome) -> None:
        p = self.ui.previewTable
        rows = outcome.rows
        p.setRowCount(len(rows))
        for r, row in enumerate(rows):
            dup = self.duplicate_text(row.duplicate) if row.duplicate else ""
            problems = "\n".join(self.problem_line(x) for x in row.problems)
            for c, text in (
                (PREV_ROW, str(row.row)),
                (PREV_ACTION, self.actions_text[row.action]),
                (PREV_NAME, str(row.values.get("name") or "")),
                (PREV_DUPLICATE, dup),
                (PREV_PROBLEMS, problems),
            ):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                p.setItem(r, c, item)
            if row.duplicate is not None and not row.problems and outcome.dry_run:
                combo = QComboBox(p)
                combo.setObjectName(f"decisionCombo{row.row}")
                for key, text in self.choices.items():
                    combo.addItem(text, key)
                chosen = self.decisions.get(row.row, self.ui.duplicateCombo.currentData())
                combo.setCurrentIndex(max(combo.findData(chosen), 0))
                combo.currentIndexChanged.connect(
                    lambda _i, n=row.row, combo=combo: self._decided(n, combo)
                )
                p.setCellWidget(r, PREV_ACTION, combo)
        p.resizeColumnsToContents()
        p.resizeRowsToContents()

    def problem_line(self, problem) -> str:
        """The problem's line, its reason in Chinese where the domain's code is known (the
        English reason, with the value, stays for English)."""
        if current_language() != "zh":
            return problem.text()
        from .customer_fields import problem_text

        if not problem.column and problem.field in xi.IMPORT_FIELDS:
            problem = replace(problem, title=xi.field_label(problem.field, ui_lang()))
        code = getattr(problem.reason, "code", None)
        own = {
            "contact_without_name": self.tr(
                "Contact details without the contact's name: map the name column (联系人/姓名) "
                "or map this column to a card field."
            ),
            "enum_invalid": self.tr("Not one of the values this field takes."),
        }
        reason = own.get(code) or (problem_text(problem.reason) if code else None)
        return problem.text(reason)

    def duplicate_text(self, dup) -> str:
        why = {
            "credit_code": self.tr("same credit code"),
            "phone": self.tr("same phone"),
            "name": self.tr("similar name"),
            "archive_no": self.tr("same archive number"),
        }.get(dup.reason, dup.reason)
        if dup.against == "file":
            return self.tr("row {row} of the file ({why})").format(row=dup.row, why=why)
        return self.tr("{number} {name} ({why})").format(
            number=dup.archive_no, name=dup.name, why=why
        )

    def _decided(self, row: int, combo: QComboBox) -> None:
        self.decisions[row] = combo.currentData()
        self._changed()
