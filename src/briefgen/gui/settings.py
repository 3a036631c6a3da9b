"""The app's remembered settings (recent packs, last folders, window layout): one INI file per
user on every platform, and the folders file dialogs open in."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

APP_NAME = "briefgen"


def app_settings() -> QSettings:
    """The app's settings (recent files, window layout): an INI file per user, everywhere."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, APP_NAME, APP_NAME)


def documents_folder() -> str:
    """The user's Documents folder (made if the desktop names one that is not there yet), else
    their home folder: where a first save or export is offered, never the working directory."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if folder:
        try:
            Path(folder).mkdir(parents=True, exist_ok=True)
        except OSError:
            return str(Path.home())
        return folder
    return str(Path.home())


def last_folder(settings: QSettings, key: str) -> str:
    """The folder remembered under `key` while it still exists, else the Documents folder."""
    value = settings.value(key, "")
    return str(value) if value and Path(str(value)).is_dir() else documents_folder()
