"""Editors for the fields of a customer card, built from the domain's field registry.

The card has some 45 fields (``domain.customer.FIELDS``); each gets an editor chosen by its
kind, so the Designer form only holds the tab skeleton. An editor's ``value()`` is what the
service reads (text as typed, an ISO date, an int, an enum value, a bool; blank is "" or
None) and is also what the dialog compares to find unsaved changes. Values are checked and
normalised by the service (``domain.validation``), never here, so the rules live in one place.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..domain.customer import FieldSpec, Tier, enum_label
from ..domain.validation import format_phone
from .people_names import person_label

ERROR_STYLE = "color: #b00020;"
EMPTY_DATE = QDate(1900, 1, 1)


class FieldEditor(QObject):
    """One field: its editor widget, and a message line under it for validation problems."""

    changed = Signal()

    def __init__(self, spec: FieldSpec, language: str, editor: QWidget) -> None:
        super().__init__(editor)
        self.spec = spec
        self.language = language
        self.editor = editor
        self.container = QWidget()
        layout = QVBoxLayout(self.container)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addWidget(editor)
        self.error = QLabel(self.container)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        # Rows keep their height; a form with few fields leaves the space below it empty.
        self.container.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Maximum)
        editor.setObjectName(f"field_{spec.name}")
        self.error.setObjectName(f"error_{spec.name}")

    @property
    def label(self) -> str:
        return self.spec.label(self.language)

    def value(self) -> object:
        raise NotImplementedError

    def set_value(self, stored: object) -> None:
        raise NotImplementedError

    def set_read_only(self, read_only: bool) -> None:
        self.editor.setEnabled(not read_only)

    def show_error(self, text: str | None) -> None:
        self.error.setText(text or "")
        self.error.setVisible(bool(text))

    def focus(self) -> None:
        self.editor.setFocus(Qt.OtherFocusReason)


class TextEditor(FieldEditor):
    def __init__(self, spec: FieldSpec, language: str) -> None:
        self.line = QLineEdit()
        super().__init__(spec, language, self.line)
        if spec.limit:
            self.line.setMaxLength(spec.limit)
        self.line.textEdited.connect(lambda _: self.changed.emit())

    def value(self) -> object:
        return self.line.text()

    def set_value(self, stored: object) -> None:
        if stored is None:
            text = ""
        elif self.spec.kind == "phone":
            text = format_phone(str(stored))  # stored E.164, shown as people write it
        elif self.spec.kind == "tags":
            text = (
                ", ".join(str(t) for t in stored)
                if isinstance(stored, (list, tuple))
                else str(stored)
            )
        else:
            text = str(stored)
        self.line.setText(text)
        self.line.setCursorPosition(0)


class PersonEditor(FieldEditor):
    """The responsible person: picked from the archive's accounts, shown by display name,
    stored by login name. Typing stays possible (an archive without accounts, a name from
    before the accounts); a name that is no account is pointed out under the field."""

    def __init__(self, spec: FieldSpec, language: str) -> None:
        self.combo = QComboBox()
        super().__init__(spec, language, self.combo)
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.NoInsert)
        if spec.limit:
            self.combo.lineEdit().setMaxLength(spec.limit)
        self.combo.completer().setFilterMode(Qt.MatchContains)
        self.combo.completer().setCompletionMode(QCompleter.PopupCompletion)
        self._people: dict[str, tuple[str, bool]] = {}  # casefolded login → (display, active)
        self._by_label: dict[str, str] = {}  # "display (login)" → login
        self.combo.currentIndexChanged.connect(lambda _: self._edited())
        self.combo.lineEdit().textEdited.connect(lambda _: self._edited())

    def set_people(self, people: list[tuple[str, str, bool]]) -> None:
        """``(login, display name, active)`` of every account; the active ones are offered."""
        stored = self.value()
        self._people = {
            login.casefold(): (display or login, active) for login, display, active in people
        }
        self._by_label = {
            person_label(login, display or login): login for login, display, _ in people
        }
        self.combo.blockSignals(True)
        self.combo.clear()
        for login, display, active in sorted(people, key=lambda p: (p[1] or p[0]).casefold()):
            if active:
                self.combo.addItem(person_label(login, display), login)
        self.combo.blockSignals(False)
        self.set_value(stored)

    def value(self) -> object:
        text = self.combo.currentText().strip()
        index = self.combo.findText(text)
        if index >= 0 and self.combo.itemData(index):
            return self.combo.itemData(index)
        return self._by_label.get(text, text)  # a former account, shown by its display name

    def set_value(self, stored: object) -> None:
        login = "" if stored is None else str(stored)
        self.combo.blockSignals(True)
        index = (
            next(
                (
                    i
                    for i in range(self.combo.count())
                    if str(self.combo.itemData(i)).casefold() == login.casefold()
                ),
                -1,
            )
            if login
            else -1
        )
        if index >= 0:
            self.combo.setCurrentIndex(index)
        else:  # no account (or a former one): shown as stored, by display name where known
            self.combo.setCurrentIndex(-1)
            known = self._people.get(login.casefold())
            self.combo.setEditText(person_label(login, known[0]) if known else login)
        self.combo.blockSignals(False)
        self._check()

    def _edited(self) -> None:
        self._check()
        self.changed.emit()

    def _check(self) -> None:
        value = str(self.value())
        if not value or not self._people:
            self.show_error(None)
            return
        known = self._people.get(value.casefold())
        if known is None:
            self.show_error(
                QCoreApplication.translate(
                    "CustomerFields", "No account is called “{name}”: pick one from the list."
                ).format(name=value)
            )
        elif not known[1]:
            self.show_error(
                QCoreApplication.translate(
                    "CustomerFields", "{name}'s account is switched off."
                ).format(name=known[0])
            )
        else:
            self.show_error(None)


class LongTextEditor(FieldEditor):
    def __init__(self, spec: FieldSpec, language: str) -> None:
        self.text = QPlainTextEdit()
        super().__init__(spec, language, self.text)
        self.text.setTabChangesFocus(True)
        lines = 4
        self.text.setFixedHeight(self.text.fontMetrics().lineSpacing() * lines + 12)
        self.text.textChanged.connect(self.changed)

    def value(self) -> object:
        return self.text.toPlainText()

    def set_value(self, stored: object) -> None:
        self.text.blockSignals(True)
        self.text.setPlainText("" if stored is None else str(stored))
        self.text.blockSignals(False)


class OptionalDateEdit(QWidget):
    """A date that may be unknown: a tick box in front of a date editor.

    QDateEdit has no empty state, and typing into one that shows a "no date" text does not
    work, so the tick says whether the date is known (as Windows' date pickers do).
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.known = QCheckBox(self)
        self.known.setToolTip(self.tr("Tick when the date is known"))
        self.date = QDateEdit(self)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setMinimumDate(EMPTY_DATE)
        self.date.setSpecialValueText(self.tr("unknown"))
        self.date.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Fixed)
        layout.addWidget(self.known)
        layout.addWidget(self.date)
        layout.addStretch(1)
        self.setFocusProxy(self.known)
        self.set_date(None)
        self.known.clicked.connect(self._known_clicked)
        self.date.dateChanged.connect(lambda _: self.changed.emit())

    def _known_clicked(self, checked: bool) -> None:
        self.date.blockSignals(True)
        self.date.setDate(QDate.currentDate() if checked else EMPTY_DATE)
        self.date.blockSignals(False)
        self.date.setEnabled(checked)
        if checked:
            self.date.setFocus(Qt.OtherFocusReason)
        self.changed.emit()

    def value(self) -> dt.date | None:
        if not self.known.isChecked() or self.date.date() == EMPTY_DATE:
            return None
        return self.date.date().toPython()

    def set_date(self, value: dt.date | None) -> None:
        self.date.blockSignals(True)
        self.known.setChecked(value is not None)
        self.date.setEnabled(value is not None)
        self.date.setDate(QDate(value) if value is not None else EMPTY_DATE)
        self.date.blockSignals(False)


class DateEditor(FieldEditor):
    def __init__(self, spec: FieldSpec, language: str) -> None:
        self.picker = OptionalDateEdit()
        super().__init__(spec, language, self.picker)
        self.picker.changed.connect(self.changed)

    def value(self) -> object:
        date = self.picker.value()
        return date.isoformat() if date else None

    def set_value(self, stored: object) -> None:
        if isinstance(stored, str) and stored:
            stored = dt.date.fromisoformat(stored)
        self.picker.set_date(stored if isinstance(stored, dt.date) else None)


class IntEditor(FieldEditor):
    """A whole number; the lowest value (shown as "—") means unknown."""

    def __init__(self, spec: FieldSpec, language: str) -> None:
        self.spin = QSpinBox()
        super().__init__(spec, language, self.spin)
        self.spin.setRange(-1, 2_000_000_000)
        self.spin.setSpecialValueText("—")
        self.spin.setGroupSeparatorShown(True)
        self.spin.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Fixed)
        self.spin.valueChanged.connect(lambda _: self.changed.emit())

    def value(self) -> object:
        if not self.spin.cleanText().strip() or self.spin.value() < 0:
            return None
        return self.spin.value()

    def set_value(self, stored: object) -> None:
        self.spin.blockSignals(True)
        self.spin.setValue(int(stored) if stored is not None else -1)
        self.spin.blockSignals(False)


class EnumEditor(FieldEditor):
    """A choice among an enum's values, labelled in the program's language."""

    def __init__(self, spec: FieldSpec, language: str, optional: bool = True) -> None:
        self.combo = QComboBox()
        super().__init__(spec, language, self.combo)
        self.optional = optional
        self.combo.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        self.set_choices(list(spec.enum))
        self.combo.activated.connect(lambda _: self.changed.emit())

    def set_choices(self, values, unavailable: dict[object, str] | None = None) -> None:
        """Offer only these values (a status offers the changes its rules allow); those in
        ``unavailable`` are listed but cannot be chosen, their text saying why."""
        current = self.value()
        self.combo.blockSignals(True)
        self.combo.clear()
        if self.optional:
            self.combo.addItem("", None)
        model = self.combo.model()
        for value in values:
            member = self.spec.enum(value)
            label = enum_label(member, self.language)
            if self.spec.enum is Tier:  # "A · Key account": offices speak of A/B/C customers
                label = f"{member.value} · {label}"
            self.combo.addItem(label, member.value)
            why = (unavailable or {}).get(member)
            if why:
                item = model.item(self.combo.count() - 1)  # a QStandardItemModel by default
                item.setEnabled(False)
                item.setToolTip(why)
        self.combo.blockSignals(False)
        if current is not None:
            self.set_value(current)

    def value(self) -> object:
        return self.combo.currentData()

    def set_value(self, stored: object) -> None:
        raw = getattr(stored, "value", stored)
        index = self.combo.findData(raw)
        if index < 0 and raw is not None:  # an unknown stored value stays visible
            self.combo.addItem(str(raw), raw)
            index = self.combo.count() - 1
        self.combo.setCurrentIndex(max(index, 0))


class BoolEditor(FieldEditor):
    def __init__(self, spec: FieldSpec, language: str) -> None:
        self.check = QCheckBox()
        super().__init__(spec, language, self.check)
        self.check.toggled.connect(lambda _: self.changed.emit())

    def value(self) -> object:
        return self.check.isChecked()

    def set_value(self, stored: object) -> None:
        self.check.blockSignals(True)
        self.check.setChecked(bool(stored))
        self.check.blockSignals(False)


def make_editor(spec: FieldSpec, language: str) -> FieldEditor:
    if spec.kind == "longtext":
        return LongTextEditor(spec, language)
    if spec.kind == "date":
        return DateEditor(spec, language)
    if spec.kind == "int":
        return IntEditor(spec, language)
    if spec.kind == "enum":
        # status and tier always have a value; the other choices may be left open
        return EnumEditor(spec, language, optional=spec.name not in ("status", "tier"))
    if spec.kind == "bool":
        return BoolEditor(spec, language)
    if spec.name == "responsible":
        return PersonEditor(spec, language)
    editor = TextEditor(spec, language)  # text, phone, email, url, credit code, money, tags
    if spec.kind == "money":
        editor.line.setPlaceholderText(
            QCoreApplication.translate("CustomerFields", "yuan, e.g. 1200000 or 120万")
        )
    elif spec.kind == "tags":
        editor.line.setPlaceholderText(
            QCoreApplication.translate("CustomerFields", "separated by commas")
        )
    return editor


def problem_text(problem: object) -> str:
    """A validation problem in the user's language: by its ``code`` where the domain gave
    one, else the service's own (English) message."""
    code = getattr(problem, "code", None)
    translate = QCoreApplication.translate
    texts = {
        "required": translate("CustomerFields", "Required."),
        "phone_invalid": translate(
            "CustomerFields", "Not a valid phone number (e.g. 010-12345678 or 13812345678)."
        ),
        "phone_several": translate(
            "CustomerFields", "One number per field; add contacts for further numbers."
        ),
        "email_invalid": translate("CustomerFields", "Not a valid email address."),
        "url_invalid": translate("CustomerFields", "Not a valid web address."),
        "date_format": translate(
            "CustomerFields", "Not a date: write year-month-day, e.g. 2026-03-05."
        ),
        "date_invalid": translate("CustomerFields", "No such date."),
        "date_future": translate("CustomerFields", "Cannot be in the future."),
        "amount_format": translate(
            "CustomerFields", "Not an amount (e.g. 1234.50, ¥1,234 or 1.2万)."
        ),
        "amount_grouping": translate(
            "CustomerFields", "Commas must separate groups of three digits."
        ),
        "amount_precision": translate("CustomerFields", "Use at most two decimal places."),
        "amount_negative": translate("CustomerFields", "Cannot be negative."),
        "int_format": translate("CustomerFields", "Not a whole number."),
        "int_negative": translate("CustomerFields", "Cannot be negative."),
        "postcode_invalid": translate("CustomerFields", "Not a postcode."),
        "too_long": translate("CustomerFields", "Too long."),
        "tag_too_long": translate("CustomerFields", "A tag has at most 40 characters."),
        "too_many_tags": translate("CustomerFields", "At most 50 tags."),
        "credit_code_length": translate(
            "CustomerFields", "A unified social credit code has 18 characters."
        ),
        "credit_code_chars": translate(
            "CustomerFields",
            "A credit code has digits and capital letters other than I, O, S, V and Z.",
        ),
        "credit_code_region": translate(
            "CustomerFields", "Characters 3 to 8 of a credit code are the region code: digits only."
        ),
        "credit_code_check": translate(
            "CustomerFields", "The last character does not match: the code has a typing error."
        ),
        "several_primary": translate(
            "CustomerFields", "Only one contact can be the primary contact."
        ),
    }
    return texts.get(code, str(problem))
