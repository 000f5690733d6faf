"""The only package that imports PySide6."""

from saiken.ui import qt_compat as _qt_compat

_qt_compat.install()
