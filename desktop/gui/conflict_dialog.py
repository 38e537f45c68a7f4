"""Someone saved the card first: both versions side by side, a choice per field
(docs/architecture.md, Sharing a file).

One row per field where the saved version and the user's differ (``services.conflicts``).
Each row has two radio buttons, the saved value and the user's. A field only one side
changed is preselected to that side; a field both changed is left for the user to decide,
and Save stays refused until every such field has a choice, so nobody's change is lost
without someone having looked at it.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QRadioButton,
    QTableWidgetItem,
    QWidget,
)

from ..services.conflicts import Changed, FieldDiff, undecided
from .forms.ui_conflict_dialog import Ui_ConflictDialog

COL_FIELD, COL_THEIRS, COL_MINE = range(3)
BOTH_COLOUR = QColor("#fff3cd")  # the rows that need a decision stand out
MAX_SHOWN = 80  # characters of a long value on its button (all in the tooltip)


class ConflictDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        diffs: list[FieldDiff],
        *,
        who: str,
        label: Callable[[str], str],
        text: Callable[[str, object], str],
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_ConflictDialog()
        self.ui.setupUi(self)
        self.diffs = diffs
        self.groups: dict[str, QButtonGroup] = {}
        self.buttons: dict[str, tuple[QRadioButton, QRadioButton]] = {}
        both = sum(1 for d in diffs if d.changed is Changed.BOTH)
        intro = self.tr(
            "{who} saved this card while you were editing it. Nothing of yours is "
            "lost yet: for each field that differs, choose which version to keep, "
            "then save."
        ).format(who=who)
        if both:
            intro += " " + self.tr("Fields you both changed are marked and need your choice.")
        self.ui.introLabel.setText(intro)
        self.ui.hintLabel.hide()

        table = self.ui.diffTable
        table.setColumnCount(3)
        table.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("Saved meanwhile"), self.tr("Yours")]
        )
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(COL_FIELD, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(COL_THEIRS, QHeaderView.Stretch)
        header.setSectionResizeMode(COL_MINE, QHeaderView.Stretch)
        table.setRowCount(len(diffs))
        for row, d in enumerate(diffs):
            name = label(d.name)
            if d.changed is Changed.BOTH:
                name = self.tr("{field} (changed by both)").format(field=name)
            item = QTableWidgetItem(name)
            if d.changed is Changed.BOTH:
                item.setBackground(BOTH_COLOUR)
            table.setItem(row, COL_FIELD, item)
            group = QButtonGroup(self)
            pair = []
            for column, side, value in (
                (COL_THEIRS, "theirs", d.theirs),
                (COL_MINE, "mine", d.mine),
            ):
                shown = text(d.name, value) or self.tr("(empty)")
                button = QRadioButton(_short(shown), table)
                button.setObjectName(f"{side}_{d.name}")
                button.setToolTip(shown)
                button.setChecked(d.default == side)
                group.addButton(button)
                table.setCellWidget(row, column, button)
                pair.append(button)
                button.toggled.connect(self._update)
            self.groups[d.name] = group
            self.buttons[d.name] = (pair[0], pair[1])
        table.resizeRowsToContents()

        self.save_button = self.ui.buttonBox.button(QDialogButtonBox.Save)
        self.save_button.setText(self.tr("&Save the Chosen Values"))
        self.ui.buttonBox.button(QDialogButtonBox.Cancel).setText(self.tr("&Keep Editing"))
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.allTheirsButton.clicked.connect(lambda: self.choose_all("theirs"))
        self.ui.allMineButton.clicked.connect(lambda: self.choose_all("mine"))
        self._update()

    def choices(self) -> dict[str, str]:
        out = {}
        for name, (theirs, mine) in self.buttons.items():
            if theirs.isChecked():
                out[name] = "theirs"
            elif mine.isChecked():
                out[name] = "mine"
        return out

    def choose_all(self, side: str) -> None:
        for theirs, mine in self.buttons.values():
            (theirs if side == "theirs" else mine).setChecked(True)

    def _update(self) -> None:
        missing = undecided(self.diffs, self.choices())
        self.save_button.setEnabled(not missing)
        if missing:
            self.ui.hintLabel.setText(
                self.tr("Choose a version for every marked field: {n} left.").format(n=len(missing))
            )
        self.ui.hintLabel.setVisible(bool(missing))

    def accept(self) -> None:
        if undecided(self.diffs, self.choices()):
            return
        super().accept()


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_SHOWN else text[: MAX_SHOWN - 1] + "…"
