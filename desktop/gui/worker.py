"""One background thread owns the archive connection (docs/architecture.md, The database worker).

GUI code hands it a function of the service and gets the result back by signal:

    op(self, lambda svc: svc.check()).success(self.show_report).run()

The function runs on the worker thread and must not touch widgets; the success and
failure callbacks run on the GUI thread. Jobs run one at a time in submission order.
A job submitted with a ``key`` supersedes earlier queued jobs with the same key (a newer
keystroke replaces an older search): the older ones are skipped, and their results dropped.
"""

from __future__ import annotations

import contextlib
import gc
import itertools
import logging
import threading
from typing import Any, Callable, Iterator

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from .. import errors

log = logging.getLogger(__name__)

PROGRESS_DELAY_MS = 600


@contextlib.contextmanager
def no_gc_pauses() -> Iterator[None]:
    """Python's cyclic garbage collector off while a long job runs on the worker: a print
    batch, an export or an import makes millions of objects, and each full collection held
    the interpreter lock for 100-200 ms, freezing the window (measured). Most of a batch's garbage is freed by reference counting
    anyway. Afterwards the survivors are moved to the oldest generation in one step (freeze,
    unfreeze) so that switching the collector back on does not start by scanning all of them
    at once (another 60-90 ms); they are looked at in the next full collection, as usual."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.freeze()
            gc.enable()
            gc.unfreeze()


class WorkerContext:
    """What a job sees: the open service (or None), settable by open/close jobs."""

    def __init__(self) -> None:
        self.service = None
        self.cancelled = threading.Event()
        # given to the open archive (Archive.on_wait): True while a write waits for another
        # program's lock. Set by DbWorker to emit its ``waiting`` signal (queued to the GUI).
        self.on_wait: Callable[[bool], None] | None = None


class _Runner(QObject):
    done = Signal(int, object, object)  # job id, result, exception

    def __init__(self, ctx: WorkerContext, superseded: Callable[[int], bool]) -> None:
        super().__init__()
        self._ctx = ctx
        self._superseded = superseded

    @Slot(int, object)
    def run_job(self, job_id: int, fn: Callable[[WorkerContext], Any]) -> None:
        if self._superseded(job_id):
            self.done.emit(job_id, None, _Skipped())
            return
        try:
            result = fn(self._ctx)
        except BaseException as exc:  # noqa: BLE001 - every failure goes back to the GUI
            if not isinstance(exc, errors.ArchiveError):
                log.exception("background job failed")
            self.done.emit(job_id, None, exc)
            return
        self.done.emit(job_id, result, None)


class _Skipped(Exception):
    pass


class DbWorker(QObject):
    _submit = Signal(int, object)
    waiting = Signal(bool)  # a write waits for the shared archive (another program's lock)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = WorkerContext()
        self.ctx.on_wait = self.waiting.emit
        self._ids = itertools.count(1)
        self._callbacks: dict[int, tuple[Callable | None, Callable | None]] = {}
        self._latest_by_key: dict[str, int] = {}
        self._key_of: dict[int, str] = {}
        self._lock = threading.Lock()
        self._thread = QThread()
        self._thread.setObjectName("archive-db")
        self._runner = _Runner(self.ctx, self._is_superseded)
        self._runner.moveToThread(self._thread)
        self._submit.connect(self._runner.run_job)
        self._runner.done.connect(self._finished)
        self._thread.start()

    @property
    def busy(self) -> bool:
        return bool(self._callbacks)

    def _is_superseded(self, job_id: int) -> bool:
        with self._lock:
            key = self._key_of.get(job_id)
            return key is not None and self._latest_by_key.get(key) != job_id

    def submit(
        self,
        fn: Callable[[WorkerContext], Any],
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        key: str | None = None,
    ) -> int:
        job_id = next(self._ids)
        self._callbacks[job_id] = (on_success, on_failure)
        if key is not None:
            with self._lock:
                self._latest_by_key[key] = job_id
                self._key_of[job_id] = key
        self._submit.emit(job_id, fn)
        return job_id

    @Slot(int, object, object)
    def _finished(self, job_id: int, result: Any, exc: BaseException | None) -> None:
        on_success, on_failure = self._callbacks.pop(job_id, (None, None))
        superseded = self._is_superseded(job_id)
        with self._lock:
            self._key_of.pop(job_id, None)
        if isinstance(exc, _Skipped) or superseded:
            return
        if exc is None:
            if on_success:
                on_success(result)
        elif on_failure:
            on_failure(exc)
        else:
            log.error("unhandled background failure: %s", type(exc).__name__)

    def run_sync(self, fn: Callable[[WorkerContext], Any], timeout_ms: int = 30000) -> Any:
        """Run a job and wait for it (shutdown only: closing the archive on quit)."""
        from PySide6.QtCore import QEventLoop

        loop = QEventLoop()
        box: dict[str, Any] = {}

        def ok(value):
            box["value"] = value
            loop.quit()

        def bad(exc):
            box["error"] = exc
            loop.quit()

        self.submit(fn, ok, bad)
        QTimer.singleShot(timeout_ms, loop.quit)
        loop.exec()
        if "error" in box:
            raise box["error"]
        return box.get("value")

    @property
    def stopped(self) -> bool:
        return not self._thread.isRunning()

    def stop(self) -> None:
        self._thread.quit()
        self._thread.wait(10000)


class JobProgress:
    """Shared by a long job and its progress dialog: the job calls ``report(done, total)``
    and asks ``cancelled()`` between steps; the GUI polls it (plain attributes, no signal:
    the worker thread never touches a widget) and calls ``cancel()`` for the Cancel button."""

    def __init__(self) -> None:
        self.done = 0
        self.total = 0
        self._cancel = threading.Event()

    def report(self, done: int, total: int) -> None:
        self.done, self.total = done, total

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()


PROGRESS_POLL_MS = 100


class Op:
    """A fluent job: ``op(parent, fn).success(cb).failure(cb).progress(text).run()``.

    With ``cancellable=True`` in ``progress()`` the function is called as ``fn(svc, job)``
    with a ``JobProgress``: the dialog shows ``job.report()``'s counts and its Cancel button
    sets ``job.cancelled()``.
    """

    def __init__(
        self,
        worker: DbWorker,
        parent: QWidget | None,
        fn: Callable[[Any], Any],
        *,
        with_context: bool = False,
    ) -> None:
        self._worker = worker
        self._parent = parent
        self._fn = fn
        self._with_context = with_context
        self._success: Callable | None = None
        self._failure: Callable | None = None
        self._progress_text: str | None = None
        self._key: str | None = None
        self._job_progress: JobProgress | None = None

    def success(self, cb: Callable[[Any], None]) -> "Op":
        self._success = cb
        return self

    def failure(self, cb: Callable[[BaseException], None]) -> "Op":
        self._failure = cb
        return self

    def progress(self, text: str, *, cancellable: bool = False) -> "Op":
        """Show a busy dialog if the job lasts longer than PROGRESS_DELAY_MS; with
        ``cancellable``, one with counts and a Cancel button (see the class docstring)."""
        self._progress_text = text
        if cancellable:
            self._job_progress = JobProgress()
        return self

    def key(self, key: str) -> "Op":
        self._key = key
        return self

    def run(self) -> int:
        fn = self._fn
        tracker = self._job_progress
        if tracker is not None:
            inner = fn
            fn = lambda svc: inner(svc, tracker)  # noqa: E731
        if self._with_context:
            job = fn
        else:

            def job(ctx: WorkerContext):
                if ctx.service is None:
                    raise errors.ArchiveError("No archive is open.")
                return fn(ctx.service)

        dialog: list[QProgressDialog] = []
        timer: QTimer | None = None
        if self._progress_text is not None:
            timer = QTimer(self._parent)
            timer.setSingleShot(True)

            def show_progress() -> None:
                if tracker is not None:
                    # Qt's own Cancel button: its text comes with qtbase's translations.
                    d = QProgressDialog(self._parent)
                    d.setLabelText(self._progress_text)
                    d.setRange(0, 0)
                    d.canceled.connect(tracker.cancel)
                    poll.timeout.connect(lambda: _show_counts(d, tracker))
                    poll.start(PROGRESS_POLL_MS)
                else:
                    d = QProgressDialog(self._progress_text, "", 0, 0, self._parent)
                    d.setCancelButton(None)
                d.setMinimumDuration(0)
                d.setWindowTitle(self._progress_text)
                d.show()
                dialog.append(d)

            poll = QTimer(self._parent)
            timer.timeout.connect(show_progress)
            timer.start(PROGRESS_DELAY_MS)

        def finish() -> None:
            if timer is not None:
                timer.stop()
                timer.deleteLater()
                poll.stop()
                poll.deleteLater()
            for d in dialog:
                d.close()
                d.deleteLater()

        def ok(value):
            finish()
            if self._success:
                self._success(value)

        def bad(exc):
            finish()
            if self._failure:
                self._failure(exc)
            else:
                from .messages import show_error

                show_error(self._parent, exc)

        return self._worker.submit(job, ok, bad, key=self._key)


def _show_counts(dialog: QProgressDialog, tracker: JobProgress) -> None:
    if tracker.total and not tracker.cancelled():
        dialog.setMaximum(tracker.total)
        dialog.setValue(min(tracker.done, tracker.total - 1))  # the job closes it at the end
