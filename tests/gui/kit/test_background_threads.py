"""Qt objects are never destroyed on the database worker thread: the background helper is freed by reference
counting (no cycle that only the garbage collector could break), the worker lets go of a job's inputs before
it publishes the outcome, and while a worker runs, reference cycles are collected on the GUI thread only."""

from __future__ import annotations

import gc
import threading
import weakref

import pytest
from PySide6.QtCore import QObject, QTimer


def _cyclic_garbage_with_a_qt_object(freed_on: list[threading.Thread]) -> None:
    """A parentless QObject (with a child timer, like a window's) kept only by a reference cycle."""

    class Holder:
        def __init__(self) -> None:
            self.me = self
            self.qt = QObject()
            QTimer(self.qt)

    holder = Holder()
    weakref.finalize(holder, lambda: freed_on.append(threading.current_thread()))


def test_the_helper_and_its_worker_are_freed_without_the_garbage_collector(app):
    from saiken.ui.kit.background import Operations

    ops = Operations()
    ops.call_unbound(lambda: 1)
    assert ops.wait_idle(5000)
    ops.shutdown()
    gone = weakref.ref(ops)
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        del ops
        assert gone() is None  # freed here, on the GUI thread, by reference counting alone
    finally:
        if was_enabled:
            gc.enable()


def test_a_job_s_inputs_are_released_on_the_gui_thread(qtbot, app):
    from saiken.ui.kit.background import Operations

    ops = Operations()
    freed_on: list[threading.Thread] = []
    widget_like = QObject()  # a Qt object a careless job might capture
    weakref.finalize(widget_like, lambda: freed_on.append(threading.current_thread()))
    delivered: list = []
    ops.call_unbound(lambda captured=widget_like: type(captured).__name__, on_result=delivered.append)
    del widget_like
    qtbot.waitUntil(lambda: bool(delivered), timeout=5000)
    # the worker did not keep the job: once the result is delivered, the captured object is gone, from here
    assert delivered == ["QObject"]
    assert freed_on == [threading.main_thread()]
    ops.shutdown()


def test_while_a_worker_runs_cycles_are_collected_on_the_gui_thread_only(qtbot, app):
    from saiken.ui.kit import gui_thread_gc
    from saiken.ui.kit.background import Operations

    collections: list[threading.Thread] = []

    def note(phase: str, _info: dict) -> None:
        if phase == "start":
            collections.append(threading.current_thread())

    enabled_before = gc.isenabled()
    ops = Operations()
    gc.callbacks.append(note)
    try:
        assert gui_thread_gc.collector.active and not gc.isenabled()
        freed_on: list[threading.Thread] = []
        for _ in range(20):
            _cyclic_garbage_with_a_qt_object(freed_on)
        done: list = []
        # the worker allocates far beyond the collector's thresholds (a big import does the same)
        ops.call_unbound(lambda: [[n] for n in range(200_000)], on_result=done.append)
        qtbot.waitUntil(lambda: bool(done) and len(freed_on) == 20, timeout=10_000)
        assert collections and set(collections) == {threading.main_thread()}
        assert set(freed_on) == {threading.main_thread()}
    finally:
        gc.callbacks.remove(note)
        ops.shutdown()
    assert gc.isenabled() == enabled_before and not gui_thread_gc.collector.active


def test_shutting_down_twice_restores_automatic_collection_once(app):
    from saiken.ui.kit import gui_thread_gc
    from saiken.ui.kit.background import Operations

    enabled_before = gc.isenabled()
    first, second = Operations(), Operations()
    assert gui_thread_gc.collector.holders == 2
    first.shutdown()
    first.shutdown()  # closeEvent and aboutToQuit both shut down
    assert gui_thread_gc.collector.holders == 1 and not gc.isenabled()
    second.shutdown()
    assert gui_thread_gc.collector.holders == 0 and gc.isenabled() == enabled_before


@pytest.mark.parametrize("generation_over", [0, 1, 2])
def test_the_gui_thread_collects_the_generation_that_is_due(monkeypatch, generation_over):
    from saiken.ui.kit import gui_thread_gc

    collected: list[int] = []
    counts = {0: (701, 3, 1), 1: (701, 11, 1), 2: (701, 11, 11)}[generation_over]
    monkeypatch.setattr(gc, "get_threshold", lambda: (700, 10, 10))
    monkeypatch.setattr(gc, "get_count", lambda: counts)
    monkeypatch.setattr(gc, "collect", lambda generation=2: collected.append(generation) or 0)
    assert gui_thread_gc.collect_if_due() == generation_over
    assert collected == [generation_over]
    monkeypatch.setattr(gc, "get_count", lambda: (699, 50, 50))
    assert gui_thread_gc.collect_if_due() is None and collected == [generation_over]
