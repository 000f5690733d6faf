"""Everything the QApplication needs before the first window: font, translators, style.

The bundled IPAex Gothic is registered with QFontDatabase and made the application font, so Japanese
renders the same on every machine, offscreen included. Japanese is the default language: our own
translation (resources/i18n/saiken_ja.qm) and Qt's (qtbase_ja.qm, for standard buttons and dialogs) are
installed at start.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from saiken.resources import font_path, icon_paths, resources_dir

APP_NAME = "Saiken Desk"
FALLBACK_FAMILY = "IPAexGothic"
BASE_POINT_SIZE = 10

_STYLE = """
QWidget { color: #1f2933; }
QMainWindow, QDialog, QWizard { background: #f5f6f8; }
QListWidget#navigation {
    background: #27374d; color: #e9eef5; border: none; padding-top: 8px; outline: 0;
}
QListWidget#navigation::item { padding: 9px 18px; border-left: 4px solid transparent; }
QListWidget#navigation::item:selected { background: #3b5273; color: #ffffff; border-left: 4px solid #f0b429; }
QListWidget#navigation::item:hover:!selected { background: #31445f; }
QLabel#pageTitle { font-size: 16pt; font-weight: bold; color: #102a43; }
QLabel#pageSubtitle { color: #52606d; }
QLabel#emptyTitle { font-size: 14pt; font-weight: bold; color: #334e68; }
QLabel#sectionTitle { font-size: 12pt; font-weight: bold; color: #243b53; }
QLabel#emptyBody { color: #52606d; }
QLabel#errorText { color: #b42318; }
QLabel#okText { color: #1e7b34; font-weight: bold; }
QLabel#hintText { color: #52606d; }
QLabel#recoveryKey {
    font-family: "IPAexGothic"; font-size: 17pt; font-weight: bold; letter-spacing: 2px;
    background: #ffffff; border: 1px solid #9fb3c8; border-radius: 4px; padding: 14px;
}
QFrame#card { background: #ffffff; border: 1px solid #d9e2ec; border-radius: 6px; }
QFrame#demoBanner { background: #fff3c4; border-bottom: 1px solid #f0b429; }
QLabel#demoBannerText { color: #8d2b0b; font-weight: bold; }
QPushButton {
    padding: 4px 13px; background: #ffffff; border: 1px solid #9fb3c8; border-radius: 3px; min-height: 18px;
}
QPushButton:hover { background: #eef3f8; }
QPushButton:pressed, QPushButton:checked { background: #d9e2ec; }
QPushButton:disabled { color: #9aa5b1; border-color: #d9e2ec; }
QPushButton#primary { background: #2f6fb3; color: #ffffff; border: 1px solid #245a91; }
QPushButton#primary:hover { background: #2a64a2; }
QPushButton#primary:disabled { background: #9fb3c8; border-color: #9fb3c8; }
QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QSpinBox, QTimeEdit, QDateEdit {
    background: #ffffff; border: 1px solid #9fb3c8; border-radius: 3px; padding: 2px 4px;
    selection-background-color: #2f6fb3;
}
QLineEdit:disabled, QComboBox:disabled, QSpinBox:disabled { background: #f0f2f5; color: #7b8794; }
QTableView { background: #ffffff; alternate-background-color: #f3f6f9; gridline-color: #e4e7eb;
    border: 1px solid #c7d3e1; selection-background-color: #2f6fb3; }
/* A visible focus ring on every control (issue 7: keyboard users must see where they are). */
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QComboBox:focus, QSpinBox:focus, QTimeEdit:focus,
QDateEdit:focus { border: 2px solid #f0b429; padding: 1px 3px; }
QPushButton:focus { border: 2px solid #f0b429; padding: 3px 12px; }
QPushButton#primary:focus { border: 2px solid #f0b429; }
QCheckBox, QRadioButton { border: 2px solid transparent; border-radius: 3px; padding: 1px 3px; }
QCheckBox:focus, QRadioButton:focus { border: 2px solid #f0b429; background: #fff8e1; }
QTableView:focus, QListView:focus, QTreeView:focus, QPdfView:focus, QAbstractScrollArea:focus {
    border: 2px solid #f0b429;
}
QTabBar::tab { padding: 5px 14px; border: 1px solid #c7d3e1; border-bottom: none; background: #e9eef5;
    border-top-left-radius: 4px; border-top-right-radius: 4px; margin-right: 2px; }
QTabBar::tab:selected { background: #ffffff; font-weight: bold; }
QTabBar:focus { background: #fff3c4; }
QTabBar::tab:selected:focus { border: 2px solid #f0b429; border-bottom: none; }
QTabWidget::pane { border: 1px solid #c7d3e1; background: #ffffff; top: -1px; }
QListWidget#navigation:focus { border-right: 3px solid #f0b429; }
QComboBox { padding-right: 20px; }
QComboBox::drop-down { subcontrol-origin: padding; subcontrol-position: center right; width: 18px; border: none; }
QComboBox::down-arrow { image: url(ICONS/arrow-down.png); width: 10px; height: 6px; }
QAbstractSpinBox { padding-right: 16px; }
QAbstractSpinBox::up-button { subcontrol-origin: border; subcontrol-position: top right; width: 16px; border: none; }
QAbstractSpinBox::down-button { subcontrol-origin: border; subcontrol-position: bottom right; width: 16px; border: none; }
QAbstractSpinBox::up-arrow { image: url(ICONS/arrow-up.png); width: 8px; height: 5px; }
QAbstractSpinBox::down-arrow { image: url(ICONS/arrow-down.png); width: 8px; height: 5px; }
QComboBox QAbstractItemView { border: 1px solid #9fb3c8; selection-background-color: #2f6fb3; }
QMenuBar::item:selected { background: #d9e2ec; }
QHeaderView::section { background: #e4e9f0; padding: 4px 6px; border: none; border-right: 1px solid #d0d7e1; }
QStatusBar { background: #e4e9f0; }
QStatusBar QLabel { padding: 0 8px; }
"""


def register_font() -> str:
    """Register the bundled IPAex Gothic and return its family name."""
    font_id = QFontDatabase.addApplicationFont(str(font_path("gothic")))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    return families[0] if families else FALLBACK_FAMILY


def application_icon() -> QIcon:
    """The icon of every window and of the taskbar entry (all shipped sizes, so each place picks its own)."""
    icon = QIcon()
    for path in icon_paths():
        icon.addFile(str(path))
    return icon


def install_translators(app: QCoreApplication, language: str = "ja") -> list[QTranslator]:
    """Install our translation and Qt's own for `language`; returns them (keep them alive)."""
    installed: list[QTranslator] = []
    if language == "en":
        return installed
    ours = QTranslator(app)
    if ours.load(str(resources_dir() / "i18n" / f"saiken_{language}.qm")):
        app.installTranslator(ours)
        installed.append(ours)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        installed.append(qt)
    QLocale.setDefault(QLocale(QLocale.Language.Japanese, QLocale.Country.Japan))
    return installed


def prepare_application(app: QApplication, *, language: str = "ja") -> None:
    """Font, translators and style for a freshly made QApplication (idempotent)."""
    if app.property("saikenPrepared"):
        return
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("Saiken Desk")
    app.setStyle("Fusion")
    app.setWindowIcon(application_icon())
    app.setDesktopFileName("saiken-desk")
    family = register_font()
    font = QFont(family, BASE_POINT_SIZE)
    font.setHintingPreference(QFont.HintingPreference.PreferFullHinting)
    app.setFont(font)
    install_translators(app, language)
    icons = (resources_dir() / "icons").as_posix()
    app.setStyleSheet(_STYLE.replace("url(ICONS/", f"url({icons}/"))
    app.setProperty("saikenPrepared", True)


def application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, created and prepared if needed."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv or ["saiken-desk"])
    assert isinstance(app, QApplication)
    prepare_application(app)
    return app
