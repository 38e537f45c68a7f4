"""Printing profile cards from the window: Print… (Ctrl+P), Print Preview…, Export Cards as
PDF…, for the selected customers, or every customer of the current search and filter when
none is selected; and the same for one card from its dialog.

The cards are always laid out by reportlab (``services.printing``, the same PDF the command
line writes) on the database worker, with a progress dialog that appears after ~600 ms and
can be cancelled. For a printer and the preview the PDF's pages are rendered to images with
pypdfium2 (PySide6-Essentials has no QtPdf) and painted onto the QPrinter: one layout for
paper and file, so the printout is exactly the PDF.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QObject, QRectF, QStandardPaths
from PySide6.QtGui import (
    QAction,
    QImage,
    QKeySequence,
    QPageLayout,
    QPageSize,
    QPaintEngine,
    QPainter,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QMenu,
    QMessageBox,
    QPushButton,
    QWidget,
)

from .. import errors
from ..reports.pdf_layout import Cancelled
from ..services.printing import PrintResult, PrintService
from . import customer_jobs as jobs
from .customer_model import current_language
from .worker import DbWorker, JobProgress, Op, no_gc_pauses

log = logging.getLogger(__name__)

PRINT_DPI = 300  # what a laser printer resolves; the page images stay a few MB
PREVIEW_DPI = 110  # a little over a screen's: the preview stays quick for many pages
# The preview keeps every page as an image (about 3 MB each at PREVIEW_DPI) and paints them
# on the GUI thread: beyond this many cards, printing or a PDF is the way to look.
PREVIEW_MAX_CARDS = 50


# --------------------------------------------------------------------------------------------
# PDF pages onto a QPrinter
# --------------------------------------------------------------------------------------------


def paint_pdf(
    printer: QPrinter,
    data: bytes,
    *,
    dpi: int | None = None,
    cancelled: Callable[[], bool] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Paint every page of the PDF ``data`` on ``printer``, one page per sheet, the page's
    image filling the paper (the PDF has its own margins). Returns the pages painted.
    ``dpi`` None: PREVIEW_DPI when painting for a print preview (which records every page
    in memory), else PRINT_DPI.

    Painting on a QPrinter is allowed outside the GUI thread (Qt's threading docs), so this
    runs on the worker for real printers; the preview calls it on the GUI thread."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(data)
    painter = QPainter()
    try:
        if not painter.begin(printer):
            raise errors.ArchiveError("The printer could not be started.")
        try:
            if dpi is None:
                preview = painter.paintEngine().type() == QPaintEngine.Picture
                dpi = PREVIEW_DPI if preview else PRINT_DPI
            total = len(doc)
            for i in range(total):
                if cancelled is not None and cancelled():
                    printer.abort()
                    raise Cancelled()
                if i:
                    printer.newPage()
                page = doc[i]
                try:
                    bitmap = page.render(scale=dpi / 72, rev_byteorder=True)
                    image = QImage(
                        bitmap.buffer,
                        bitmap.width,
                        bitmap.height,
                        bitmap.stride,
                        QImage.Format_RGB888 if bitmap.n_channels == 3 else QImage.Format_RGBA8888,
                    ).copy()  # own the pixels: a preview keeps them after the bitmap is freed
                    target = QRectF(painter.viewport())
                    painter.drawImage(_fit(target, image.width(), image.height()), image)
                    del image
                    bitmap.close()
                finally:
                    page.close()
                if progress is not None:
                    progress(i + 1, total)
        finally:
            if painter.isActive():
                painter.end()
    finally:
        doc.close()
    return total


def _fit(target: QRectF, width: int, height: int) -> QRectF:
    """``width``×``height`` scaled into ``target`` keeping its shape, centred."""
    scale = min(target.width() / width, target.height() / height)
    w, h = width * scale, height * scale
    return QRectF(
        target.x() + (target.width() - w) / 2, target.y() + (target.height() - h) / 2, w, h
    )


def a4_printer(mode: QPrinter.PrinterMode = QPrinter.HighResolution) -> QPrinter:
    printer = QPrinter(mode)
    printer.setPageSize(QPageSize(QPageSize.A4))
    printer.setPageOrientation(QPageLayout.Portrait)
    printer.setFullPage(True)  # the PDF's pages carry their margins
    return printer


# --------------------------------------------------------------------------------------------
# Jobs (run on the worker)
# --------------------------------------------------------------------------------------------


def _printer_service(svc) -> PrintService:
    return PrintService(svc.archive, jobs.customers(svc).actor)


def cards_job(ids: Sequence[int], out: Path | None, lang: str, destination: str):
    ids = list(ids)

    def job(svc, tracker: JobProgress) -> PrintResult:
        with no_gc_pauses():
            return _printer_service(svc).cards_pdf(
                ids,
                out,
                lang,
                progress=tracker.report,
                cancelled=tracker.cancelled,
                destination=destination,
            )

    return job


def print_job(ids: Sequence[int], printer: QPrinter, lang: str):
    """Lay the cards out, then paint the pages on ``printer`` (both on the worker)."""
    ids = list(ids)

    def job(svc, tracker: JobProgress) -> PrintResult:
        with no_gc_pauses():
            result = _printer_service(svc).cards_pdf(
                ids,
                None,
                lang,
                progress=tracker.report,
                cancelled=tracker.cancelled,
                destination="printer",
            )
        paint_pdf(printer, result.data or b"", cancelled=tracker.cancelled, progress=tracker.report)
        return result

    return job


def handover_job(from_user: str, lang: str):
    """The newest handover of ``from_user`` as a PDF in memory."""

    def job(svc) -> PrintResult:
        printer = _printer_service(svc)
        return printer.handover_pdf(
            printer.latest_handover_id(from_user), None, lang, destination="preview"
        )

    return job


def filter_ids_job(query: str, flt):
    """Every customer of the current search and filter (not only the first screenful)."""
    return lambda svc: jobs.customers(svc).find(query, flt, limit=1_000_000)


def ask_scope(parent: QWidget, listed: int, name: str, task: str = "print") -> str | None:
    """ "one" (the selected customer), "list" (every one listed) or None (cancelled); ``task``
    ("print", "preview" or "pdf") says what is asked for in the question's words."""
    translate = QCoreApplication.translate
    title, question = {
        "print": (
            translate("CardPrinting", "Print Cards"),
            translate("CardPrinting", "Print only {name}, or all {n} customers in the list?"),
        ),
        "preview": (
            translate("CardPrinting", "Print Preview"),
            translate("CardPrinting", "Preview only {name}, or all {n} customers in the list?"),
        ),
        "pdf": (
            translate("CardPrinting", "Export Cards as PDF"),
            translate(
                "CardPrinting", "Export only {name} as PDF, or all {n} customers in the list?"
            ),
        ),
    }[task]
    box = QMessageBox(
        QMessageBox.Question,
        title,
        question.format(name=name, n=listed),
        QMessageBox.Cancel,
        parent,
    )
    one = box.addButton(translate("CardPrinting", "Only This Customer"), QMessageBox.AcceptRole)
    every = box.addButton(
        translate("CardPrinting", "All {n} in the List").format(n=listed), QMessageBox.AcceptRole
    )
    box.setDefaultButton(one)
    box.exec()
    clicked = box.clickedButton()
    return "one" if clicked is one else "list" if clicked is every else None


def unused_path(folder: Path, stem: str) -> Path:
    """``stem``.pdf in ``folder``, or ``stem`` (2).pdf, (3)… if that is taken: the suggested
    name of an export never overwrites the last one."""
    path, n = folder / f"{stem}.pdf", 1
    while path.exists():
        n += 1
        path = folder / f"{stem} ({n}).pdf"
    return path


# --------------------------------------------------------------------------------------------
# The actions
# --------------------------------------------------------------------------------------------


class CardPrinting(QObject):
    """Print, preview and export actions for the customer list (and open cards)."""

    def __init__(self, parent: QWidget, worker: DbWorker, page) -> None:
        super().__init__(parent)
        self.window_ = parent
        self.worker = worker
        self.page = page  # CustomerListPage
        self.previews: list[QPrintPreviewDialog] = []
        self.last_result: PrintResult | None = None

        self.print_action = QAction(self.tr("&Print Cards…"), parent)
        self.print_action.setObjectName("actionPrintCards")
        self.print_action.setShortcut(QKeySequence.Print)
        self.print_action.triggered.connect(lambda: self.for_list(self.print_cards))
        self.preview_action = QAction(self.tr("Print Pre&view…"), parent)
        self.preview_action.setObjectName("actionPrintPreview")
        self.preview_action.triggered.connect(lambda: self.for_list(self.preview_cards, "preview"))
        self.export_action = QAction(self.tr("&Export Cards as PDF…"), parent)
        self.export_action.setObjectName("actionExportCardsPdf")
        self.export_action.triggered.connect(lambda: self.for_list(self.export_cards, "pdf"))

    @property
    def actions(self) -> list[QAction]:
        return [self.print_action, self.preview_action, self.export_action]

    # ------------------------------------------------------------------ which customers
    def for_list(self, then: Callable[[list[int]], None], task: str = "print") -> None:
        """Several selected customers: those. One selected: it, or (asked) every customer
        the search and filter find; none selected: those."""
        if not self.page.active:
            return
        selected = self.page.selected_ids()
        listed = self.page.model.rowCount()
        if len(selected) == 1 and listed > 1:
            scope = ask_scope(self.window_, listed, self.page.current_name(), task)
            if scope is None:
                return
            if scope == "one":
                then(selected)
                return
        elif selected:
            then(selected)
            return
        Op(
            self.worker,
            self.window_,
            filter_ids_job(self.page.ui.searchEdit.text(), self.page.current_filter()),
        ).success(
            lambda ids: then(list(ids)) if ids else self._status(self.tr("No customers to print."))
        ).run()

    def attach(self, dialog) -> None:
        """A Print button (with preview and PDF export in its menu) and Ctrl+P on a card."""
        button = QPushButton(self.tr("&Print…"), dialog)
        button.setObjectName("printButton")
        # Not a default button: Enter in a field of the card (a follow-up's summary) must not
        # open the print menu, whose popup would then swallow the next keys (Ctrl+S).
        button.setAutoDefault(False)
        menu = QMenu(button)
        for text, action in (
            (self.tr("&Print…"), self.print_cards),
            (self.tr("Print Pre&view…"), self.preview_cards),
            (self.tr("&Export as PDF…"), self.export_cards),
        ):
            menu.addAction(text).triggered.connect(
                lambda _=False, a=action, d=dialog: self._for_dialog(d, a)
            )
        button.setMenu(menu)
        dialog.ui.buttonBox.addButton(button, QDialogButtonBox.ActionRole)
        shortcut = QAction(dialog)
        shortcut.setShortcut(QKeySequence.Print)
        shortcut.triggered.connect(lambda: self._for_dialog(dialog, self.print_cards))
        dialog.addAction(shortcut)
        dialog.print_button = button
        button.setEnabled(dialog.customer_id is not None)
        dialog.saved.connect(lambda _cid: button.setEnabled(True))

    def attach_handover(self, dialog) -> None:
        """A Print Handover List… button on the handover dialog, enabled once the customers
        have moved: a preview of the list (its Print button prints it), to be signed."""
        button = QPushButton(self.tr("Print &Handover List…"), dialog)
        button.setObjectName("printHandoverButton")
        button.setAutoDefault(False)  # Enter in the reason field hands over, never prints
        button.setEnabled(False)
        dialog.ui.buttonBox.addButton(button, QDialogButtonBox.ActionRole)
        dialog.print_button = button

        def moved(result: dict) -> None:
            button.setEnabled(True)
            button.clicked.connect(
                lambda: self.preview_handover(str(result.get("from_user", "")), dialog)
            )

        dialog.handed_over.connect(moved)

    def preview_handover(self, from_user: str, parent: QWidget) -> None:
        def show(result: PrintResult) -> None:
            self.last_result = result
            self.show_preview(result.data or b"", parent)

        Op(self.worker, parent, handover_job(from_user, self._lang())).progress(
            self.tr("Preparing the handover list…")
        ).success(show).failure(lambda exc: self._failed(parent, exc)).run()

    def _for_dialog(self, dialog, then: Callable[[list[int]], None]) -> None:
        if dialog.customer_id is None:
            return
        self._parent_for_job = dialog
        then([dialog.customer_id])

    # ------------------------------------------------------------------ outputs
    def _lang(self) -> str:
        return "zh_CN" if current_language() == "zh" else "en"

    def cards_text(self, n: int) -> str:
        """ "1 card", "3 cards" (the English plural without relying on a loaded translation)."""
        return self.tr("1 card") if n == 1 else self.tr("{n} cards").format(n=n)

    def pages_text(self, n: int) -> str:
        return self.tr("1 page") if n == 1 else self.tr("{n} pages").format(n=n)

    def _job_parent(self) -> QWidget:
        parent = getattr(self, "_parent_for_job", None)
        self._parent_for_job = None
        return parent or self.window_

    def export_cards(self, ids: list[int], path: str | None = None) -> None:
        parent = self._job_parent()
        if path is None:
            folder = QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation)
            path, _ = QFileDialog.getSaveFileName(
                parent,
                self.tr("Export Cards as PDF"),
                str(unused_path(Path(folder), self.tr("Customer cards"))),
                self.tr("PDF files (*.pdf)"),
            )
            if not path:
                return
            if not path.lower().endswith(".pdf"):
                path += ".pdf"

        def done(result: PrintResult) -> None:
            self.last_result = result
            self._status(
                self.tr("{cards} written to {path} ({pages}).").format(
                    cards=self.cards_text(result.customers),
                    path=str(result.path),
                    pages=self.pages_text(result.pages),
                )
            )

        Op(self.worker, parent, cards_job(ids, Path(path), self._lang(), "pdf")).progress(
            self.tr("Writing {n} cards…").format(n=len(ids)), cancellable=True
        ).success(done).failure(lambda exc: self._failed(parent, exc)).run()

    def print_cards(self, ids: list[int], printer: QPrinter | None = None) -> None:
        parent = self._job_parent()
        if printer is None:
            printer = a4_printer()
            dialog = QPrintDialog(printer, parent)
            dialog.setWindowTitle(self.tr("Print {n} Cards").format(n=len(ids)))
            if dialog.exec() != QDialog.Accepted:
                return

        def done(result: PrintResult) -> None:
            self.last_result = result
            self._status(
                self.tr("{cards} sent to the printer ({pages}).").format(
                    cards=self.cards_text(result.customers), pages=self.pages_text(result.pages)
                )
            )

        Op(self.worker, parent, print_job(ids, printer, self._lang())).progress(
            self.tr("Printing {n} cards…").format(n=len(ids)), cancellable=True
        ).success(done).failure(lambda exc: self._failed(parent, exc)).run()

    def preview_cards(self, ids: list[int]) -> None:
        parent = self._job_parent()
        if len(ids) > PREVIEW_MAX_CARDS:
            QMessageBox.information(
                parent,
                self.tr("Print Preview"),
                self.tr(
                    "The preview shows up to {max} cards at a time; {n} are chosen. Print them, or "
                    "export them as a PDF to look through."
                ).format(max=PREVIEW_MAX_CARDS, n=len(ids)),
            )
            return

        def show(result: PrintResult) -> None:
            self.last_result = result
            self.show_preview(result.data or b"", parent)

        Op(self.worker, parent, cards_job(ids, None, self._lang(), "preview")).progress(
            self.tr("Preparing {n} cards…").format(n=len(ids)), cancellable=True
        ).success(show).failure(lambda exc: self._failed(parent, exc)).run()

    def show_preview(self, data: bytes, parent: QWidget | None = None) -> QPrintPreviewDialog:
        """A print preview of the PDF ``data``; its Print button prints the same pages."""
        printer = a4_printer()
        dialog = QPrintPreviewDialog(printer, parent or self.window_)
        dialog.printer_ = printer  # the dialog does not own it: keep it as long as the dialog
        dialog.setWindowTitle(self.tr("Print Preview"))
        dialog.paintRequested.connect(lambda printer: paint_pdf(printer, data))
        dialog.finished.connect(lambda _=0, d=dialog: self._preview_closed(d))
        self.previews.append(dialog)
        dialog.resize(900, 1000)
        dialog.open()
        return dialog

    def _preview_closed(self, dialog: QPrintPreviewDialog) -> None:
        if dialog in self.previews:
            self.previews.remove(dialog)
        dialog.deleteLater()

    # ------------------------------------------------------------------ messages
    def _status(self, text: str) -> None:
        bar = getattr(self.window_, "statusBar", None)
        if callable(bar):
            bar().showMessage(text, 8000)

    def _failed(self, parent: QWidget, exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            self._status(self.tr("Printing cancelled: nothing was printed or written."))
            return
        from .messages import show_error

        show_error(parent, exc)
