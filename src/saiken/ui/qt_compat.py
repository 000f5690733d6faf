"""Work-arounds for defects of the pinned PySide6 (6.12.0), applied once when `saiken.ui` is imported.

1. `SignalInstance.emit()` returns `True` without taking a reference to it, so every `signal.emit(...)`
   made from Python lowers `True`'s reference count by one; after a few hundred emits the interpreter aborts
   ("Fatal Python error: bool_dealloc: deallocating True or False"). `install()` measures this on a probe
   signal and, only when the defect is present, wraps `emit` to put the missing reference back.
2. A Python override of `QWizardPage.isComplete` loses a reference the same way on every call: do not
   override it (the wizard uses a hidden mandatory field instead, see `ui.wizard`).
Remove this module when PySide6 is upgraded to a version where `emit_is_balanced()` holds.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance

_PROBES = 64
_installed = False


class _Probe(QObject):
    fired = Signal()


def _references_lost() -> int:
    """How many references to True `_PROBES` emits took away (0 on a fixed PySide6)."""
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(_PROBES):
        probe.fired.emit()
    return max(0, before - sys.getrefcount(True))


def emit_is_balanced() -> bool:
    """True when `emit()` keeps `True`'s reference count unchanged (a fixed PySide6)."""
    lost = _references_lost()
    for _ in range(lost):
        _restore_reference(True)
    return lost < _PROBES // 2


def _restore_reference(value: Any) -> None:
    ctypes.pythonapi.Py_IncRef(ctypes.py_object(value))


def install() -> bool:
    """Apply the work-around if this PySide6 needs it; returns whether it is active. Idempotent."""
    global _installed
    if _installed:
        return True
    if emit_is_balanced():
        return False
    original = SignalInstance.emit

    def emit(self: SignalInstance, *args: Any) -> Any:
        result = original(self, *args)
        _restore_reference(result)
        return result

    SignalInstance.emit = emit  # type: ignore[method-assign]
    _installed = True
    return True
