"""Preferences: language and auto-lock, kept in the per-user settings file."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from .. import config as config_mod
from .forms.ui_preferences_dialog import Ui_PreferencesDialog
from .i18n import LANGUAGES


class PreferencesDialog(QDialog):
    def __init__(self, parent: QWidget | None, config: config_mod.Config) -> None:
        super().__init__(parent)
        self.ui = Ui_PreferencesDialog()
        self.ui.setupUi(self)
        self.config = config
        for code, name in LANGUAGES:
            self.ui.languageCombo.addItem(self.tr("System default") if not code else name, code)
        self.ui.languageCombo.setCurrentIndex(
            max(0, self.ui.languageCombo.findData(config.language))
        )
        self.ui.autoLockSpin.setSuffix(self.tr(" min"))
        self.ui.autoLockSpin.setSpecialValueText(self.tr("Never"))
        self.ui.autoLockSpin.setValue(config.auto_lock_minutes)
        self.ui.noteLabel.setText(
            self.tr("A new language takes effect when the program is restarted.")
        )
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)

    def apply(self) -> bool:
        """Copy the choices into the config; True when the language changed."""
        language = self.ui.languageCombo.currentData()
        changed = language != self.config.language
        self.config.language = language
        self.config.auto_lock_minutes = self.ui.autoLockSpin.value()
        return changed
