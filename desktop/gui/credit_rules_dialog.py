"""The office's credit rule (``reports.analysis.CreditRules``), edited by an administrator
from the analysis window's Credit tab. The rule is checked by the dataclass itself; a bad
combination (C share above D share) is said in the dialog and nothing is stored."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from ..reports.analysis import CreditRules
from .forms.ui_credit_rules_dialog import Ui_CreditRulesDialog


def _words(text: str) -> tuple[str, ...]:
    return tuple(
        w.strip() for w in text.replace("，", ",").replace("、", ",").split(",") if w.strip()
    )


class CreditRulesDialog(QDialog):
    def __init__(self, parent: QWidget | None, rules: CreditRules) -> None:
        super().__init__(parent)
        self.ui = Ui_CreditRulesDialog()
        self.ui.setupUi(self)
        self.rules: CreditRules | None = None  # the accepted rule
        self.show_rules(rules)
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.buttonBox.button(QDialogButtonBox.RestoreDefaults).clicked.connect(
            lambda: self.show_rules(CreditRules())
        )

    def show_rules(self, rules: CreditRules) -> None:
        ui = self.ui
        ui.dLateShare.setValue(rules.d_late_share * 100)
        ui.cLateShare.setValue(rules.c_late_share * 100)
        ui.aMinRevenue.setValue(rules.a_min_revenue_yuan)
        ui.aMinTransactions.setValue(rules.a_min_transactions)
        ui.aTermDays.setValue(rules.a_term_days)
        ui.bTermDays.setValue(rules.b_term_days)
        ui.aLimitMonths.setValue(rules.a_limit_months)
        ui.bLimitMonths.setValue(rules.b_limit_months)
        ui.limitStep.setValue(rules.limit_step_yuan)
        ui.lateWords.setText(", ".join(rules.late_words))
        ui.badWords.setText(", ".join(rules.bad_words))
        ui.watchWords.setText(", ".join(rules.watch_words))
        for edit in (ui.lateWords, ui.badWords, ui.watchWords):
            edit.setCursorPosition(0)  # the first words in view, not the last
        ui.problemLabel.clear()

    def current(self) -> CreditRules:
        """The rule as entered; ValueError when it is not a valid one."""
        ui = self.ui
        return CreditRules(
            c_late_share=round(ui.cLateShare.value() / 100, 4),
            d_late_share=round(ui.dLateShare.value() / 100, 4),
            a_min_revenue_yuan=ui.aMinRevenue.value(),
            a_min_transactions=ui.aMinTransactions.value(),
            a_term_days=ui.aTermDays.value(),
            b_term_days=ui.bTermDays.value(),
            a_limit_months=ui.aLimitMonths.value(),
            b_limit_months=ui.bLimitMonths.value(),
            limit_step_yuan=ui.limitStep.value(),
            late_words=_words(ui.lateWords.text()),
            bad_words=_words(ui.badWords.text()),
            watch_words=_words(ui.watchWords.text()),
        )

    def accept(self) -> None:
        try:
            rules = self.current()
        except ValueError:
            self.ui.problemLabel.setText(self.tr("The C share must not be above the D share."))
            return
        if not rules.late_words:
            self.ui.problemLabel.setText(self.tr("Give at least one late word."))
            return
        self.rules = rules
        super().accept()
