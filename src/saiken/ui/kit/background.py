"""Background operations (DESIGN §4 convention 1): one worker thread for all database work.

Widgets never hold a `VaultSession` or ORM objects. They hand a service function to `Operations.call`;
the worker thread runs it with the session it alone keeps, and the result (a plain dataclass) comes
back by signal to `on_result` on the GUI thread. When the result is a change record (`Changed`, convention
4), `Operations.changed` is emitted first with its `Changes`: the one signal every screen refreshes from,
each looking only at what concerns it. Errors go to `on_error`, by default to `ui.errors`,
the one place that turns them into dialogs. A progress dialog appears when an operation takes longer than
about half a second; long loops take a `CancelToken` (`cancellable=True`) and check it.

The worker is a plain Python thread that never touches Qt: it takes jobs from a queue and puts outcomes on
another, which a timer on the GUI thread drains while operations are pending (cross-thread signal emission
in PySide6 6.12 races with the GUI thread creating widgets and crashes). Nothing Qt may be destroyed on it
either: it holds no reference to `Operations` (no cycle that only the garbage collector could free), it never
keeps the last reference to what a job brought or produced, and while it runs the cyclic garbage collector
runs on the GUI thread only (`ui.gui_thread_gc`). A result whose `owner` widget was destroyed meanwhile
(for example by the lock) is dropped.
Closing the session (lock, sign-out) is queued behind the running operation, so key material is dropped as
soon as the worker is free and no operation ever sees a half-closed vault.
"""

from __future__ import annotations

import itertools
import logging
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QThread, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from saiken.domain.errors import SaikenError, SessionClosedError
from saiken.services.changes import Changed, Changes
from saiken.ui.kit import gui_thread_gc

if TYPE_CHECKING:  # the services are imported when first used, so that the sign-in window shows at once
    from saiken.services.context import SignedInUser, VaultSession

log = logging.getLogger(__name__)
PROGRESS_DELAY_MS = 500
POLL_MS = 8


class OperationCancelled(SaikenError):
    """The user cancelled a long operation; nothing after the last completed step was changed."""


class CancelToken:
    """Checked by long loops: `token.check()` raises OperationCancelled once the user cancelled."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        if self._event.is_set():
            raise OperationCancelled("操作を取り消しました。")


@dataclass
class Job:
    id: int
    fn: Callable[..., Any]
    args: tuple[Any, ...]
    kwargs: dict[str, Any]
    with_session: bool
    token: CancelToken = field(default_factory=CancelToken)
    done: threading.Event = field(default_factory=threading.Event)


class _SessionSlot:
    """The signed-in session, shared by the GUI thread and the worker (plain Python, no Qt)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._session: VaultSession | None = None

    def get(self) -> VaultSession | None:
        with self._lock:
            return self._session

    def swap(self, session: VaultSession | None) -> VaultSession | None:
        """Keep `session`; returns the one kept before."""
        with self._lock:
            previous, self._session = self._session, session
        return previous

    def require(self) -> VaultSession:
        session = self.get()
        if session is None or session.closed:
            raise SessionClosedError("金庫はロックされています。もう一度サインインしてください。")
        return session


Outcome = tuple[int, bool, Any]


def _execute(job: Job, sessions: _SessionSlot) -> Outcome:
    try:
        if job.with_session:
            result = job.fn(sessions.require(), *job.args, **job.kwargs)
        else:
            result = job.fn(*job.args, **job.kwargs)
    except BaseException as error:  # every failure goes back to the GUI thread, none kills the worker
        return (job.id, False, error)
    return (job.id, True, result)


class _Worker:
    """The database thread: runs jobs one after another. Jobs in, outcomes out, through Python queues.

    Holds no Qt object and no reference to `Operations`. It never keeps the last reference to a job or an
    outcome (either may hold widgets, for example through a lambda or a traceback): it lets go of the job
    before the outcome is published, and publishes the outcome in a one-item list that the GUI thread empties.
    """

    def __init__(self, sessions: _SessionSlot) -> None:
        self.jobs: queue.SimpleQueue[Job | None] = queue.SimpleQueue()
        self.outcomes: queue.SimpleQueue[list[Outcome]] = queue.SimpleQueue()
        self._sessions = sessions
        self.thread = threading.Thread(target=self._run, name="saiken-db-worker", daemon=True)

    def _run(self) -> None:
        while True:
            job = self.jobs.get()
            if job is None:
                return
            handover = [_execute(job, self._sessions)]
            done = job.done
            del job
            self.outcomes.put(handover)
            del handover
            done.set()

    def take(self) -> Outcome | None:
        """GUI thread: the next outcome, or None when there is none yet."""
        try:
            return self.outcomes.get_nowait().pop()
        except queue.Empty:
            return None


@dataclass
class _Pending:
    job: Job
    on_result: Callable[[Any], None] | None
    on_error: Callable[[BaseException], None] | None
    owner: QObject | None
    progress: str | None
    cancellable: bool = False
    progress_due: float = 0.0  # time.monotonic() after which the progress dialog shows
    dialog: QProgressDialog | None = None
    opens_session: bool = False


class Operations(QObject):
    """Runs service calls on the one worker thread and keeps the signed-in session (and only it)."""

    sessionChanged = Signal()  # a session was opened or closed
    changed = Signal(Changes)  # convention 4: what a change changed; every screen refreshes from this one

    def __init__(self, parent: QObject | None = None, *, progress_delay_ms: int = PROGRESS_DELAY_MS) -> None:
        super().__init__(parent)
        self._sessions = _SessionSlot()
        self._pending: dict[int, _Pending] = {}
        self._ids = itertools.count(1)
        self.progress_delay_ms = progress_delay_ms
        self._worker = _Worker(self._sessions)
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._drain)
        self._stopped = False
        gui_thread_gc.hold()
        self._worker.thread.start()

    # --- the session --------------------------------------------------------------------------------
    def _current_session(self) -> VaultSession:
        return self._sessions.require()

    def set_session(self, session: VaultSession | None) -> None:
        self._sessions.swap(session)
        self.sessionChanged.emit()

    @property
    def signed_in(self) -> bool:
        session = self._sessions.get()
        return session is not None and not session.closed

    @property
    def user(self) -> SignedInUser | None:
        """The signed-in user (a frozen plain dataclass: safe for widgets to read)."""
        session = self._sessions.get()
        return session.user if session else None

    def describe(self) -> dict[str, Any]:
        """Plain facts about the open vault for status bars and titles (no key material)."""
        s = self._sessions.get()
        if s is None:
            return {}
        return {
            "org_name": s.org_name,
            "org_role": s.org_role,
            "demo": s.demo,
            "folder": s.folder,
            "user": s.user,
            "notices": list(s.notices),  # what sign-in found for an admin to act on (plain sentences)
            "clock": s.clock,  # the session's clock: the pages count days by the same one as the services
        }

    def close_session(self, timeout: float = 5.0) -> bool:
        """Close the vault (drops the engine and its key material). Returns True when it is closed.

        The close runs on the worker after the operation in progress; the GUI thread waits for it (bounded).
        """
        session = self._sessions.swap(None)
        if session is None:
            return True
        if self._stopped:  # no worker any more (after shutdown): close here
            session.close()
        else:
            job = Job(id=next(self._ids), fn=session.close, args=(), kwargs={}, with_session=False)
            self._worker.jobs.put(job)
            if not job.done.wait(timeout):
                log.warning("closing the vault waited too long for the worker; closing from the GUI thread")
                session.close()
        self.sessionChanged.emit()
        return session.closed

    # --- calls -------------------------------------------------------------------------------------
    def call(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_result: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        owner: QObject | None = None,
        progress: str | None = None,
        cancellable: bool = False,
        **kwargs: Any,
    ) -> Job:
        """Run `fn(session, *args, **kwargs)` on the worker; a `Changed` result emits `changed` on success."""
        return self._enqueue(fn, args, kwargs, True, on_result, on_error, owner, progress, cancellable)

    def call_unbound(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_result: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        owner: QObject | None = None,
        progress: str | None = None,
        **kwargs: Any,
    ) -> Job:
        """Run `fn(*args, **kwargs)` on the worker without the session (opening or creating a vault)."""
        return self._enqueue(fn, args, kwargs, False, on_result, on_error, owner, progress, False)

    def open_session(
        self,
        fn: Callable[..., VaultSession],
        *args: Any,
        on_result: Callable[[Any], None] | None = None,  # the SignedInUser, or (user, extra)
        on_error: Callable[[BaseException], None] | None = None,
        owner: QObject | None = None,
        progress: str | None = None,
        with_extra: bool = False,
        **kwargs: Any,
    ) -> Job:
        """Run `fn(*args)` (open_vault, open_with_recovery_key …) on the worker and keep the session it returns.

        The widget that asked gets only the signed-in user (a plain dataclass), never the session. With
        `with_extra=True`, `fn` returns `(extra, session)` and `on_result` gets `(user, extra)`.
        """

        sessions = self._sessions  # the worker runs `adopt`: it refers to the slot, not to this QObject

        def adopt() -> Any:
            outcome: Any = fn(*args, **kwargs)
            extra, session = outcome if with_extra else (None, outcome)
            previous = sessions.swap(session)
            if previous is not None and previous is not session:
                previous.close()
            return (session.user, extra) if with_extra else session.user

        job = self._enqueue(adopt, (), {}, False, on_result, on_error, owner, progress, False)
        self._pending[job.id].opens_session = True
        return job

    def _enqueue(
        self,
        fn: Callable[..., Any],
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
        with_session: bool,
        on_result: Callable[[Any], None] | None,
        on_error: Callable[[BaseException], None] | None,
        owner: QObject | None,
        progress: str | None,
        cancellable: bool,
    ) -> Job:
        job = Job(id=next(self._ids), fn=fn, args=tuple(args), kwargs=dict(kwargs), with_session=with_session)
        if cancellable:
            job.kwargs["token"] = job.token
        pending = _Pending(
            job,
            on_result,
            on_error,
            owner,
            progress,
            cancellable,
            time.monotonic() + self.progress_delay_ms / 1000,
        )
        self._pending[job.id] = pending
        self._worker.jobs.put(job)
        if not self._poll.isActive():
            self._poll.start()
        return job

    def _drain(self) -> None:
        """GUI thread: deliver every outcome the worker has produced so far."""
        while (outcome := self._worker.take()) is not None:
            job_id, ok, value = outcome
            if ok:
                self._on_succeeded(job_id, value)
            else:
                self._on_failed(job_id, value)
        now = time.monotonic()
        for pending in list(self._pending.values()):
            if pending.dialog is None and now >= pending.progress_due:
                self._show_progress(pending)
        if not self._pending:
            self._poll.stop()

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def wait_idle(self, timeout_ms: int = 30_000) -> bool:
        """Process events until every submitted operation delivered its result (for screenshots, tests)."""
        timer = QTimer()
        timer.setSingleShot(True)
        timer.start(timeout_ms)
        while self._pending and timer.isActive():
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            QThread.msleep(2)
        return not self._pending

    def _show_progress(self, pending: _Pending) -> None:
        if pending.job.done.is_set():
            return
        cancellable = pending.cancellable
        parent = (
            pending.owner if isinstance(pending.owner, QWidget) and shiboken6.isValid(pending.owner) else None
        )
        label = pending.progress or self.tr("Working…")
        dialog = QProgressDialog(
            label, self.tr("Cancel") if cancellable else "", 0, 0, parent.window() if parent else None
        )
        if not cancellable:
            dialog.setCancelButton(None)
        dialog.setWindowTitle(self.tr("Please wait"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.canceled.connect(pending.job.token.cancel)
        dialog.show()
        pending.dialog = dialog

    def _finish(self, job_id: int) -> _Pending | None:
        pending = self._pending.pop(job_id, None)
        if pending is not None:
            self._discard(pending)
        return pending

    @staticmethod
    def _discard(pending: _Pending) -> None:
        if pending.dialog is not None and shiboken6.isValid(pending.dialog):
            pending.dialog.reset()
            pending.dialog.deleteLater()
        pending.dialog = None

    @staticmethod
    def _owner_alive(pending: _Pending) -> bool:
        return pending.owner is None or shiboken6.isValid(pending.owner)

    def _on_succeeded(self, job_id: int, result: Any) -> None:
        pending = self._finish(job_id)
        if pending is None:
            return
        if pending.opens_session:
            self.sessionChanged.emit()
        if isinstance(result, Changed) and not result.changes.empty:
            self.changed.emit(result.changes)
        if pending.on_result is not None and self._owner_alive(pending):
            pending.on_result(result)

    def _on_failed(self, job_id: int, error: BaseException) -> None:
        pending = self._finish(job_id)
        if pending is None or not self._owner_alive(pending):
            return
        if isinstance(error, OperationCancelled):
            return
        if pending.on_error is not None:
            pending.on_error(error)
            return
        if isinstance(error, SessionClosedError) and not self.signed_in:
            # Work asked for before a lock or sign-out: the lock screen already says so, and the pages
            # are rebuilt after unlocking. A message box over the lock screen would only confuse.
            return
        from saiken.ui.kit.errors import show_error

        show_error(pending.owner if isinstance(pending.owner, QWidget) else None, error)

    def shutdown(self) -> None:
        """Close the session and stop the worker thread (application exit). Idempotent."""
        if self._stopped:
            return
        self.close_session()
        self._stopped = True
        self._poll.stop()
        self._worker.jobs.put(None)
        self._worker.thread.join(5.0)
        while self._worker.take() is not None:  # undelivered outcomes are dropped here, on the GUI thread
            pass
        for pending in self._pending.values():
            self._discard(pending)
        self._pending.clear()
        gui_thread_gc.release()
