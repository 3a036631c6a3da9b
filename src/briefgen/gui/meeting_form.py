"""The meeting details form: what the cover, header and committee report carry about the
meeting, kept in a `PackSpec`'s `meeting` part."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from briefgen.gui.widgets import describe
from briefgen.pack.model import MARKINGS, PURPOSES, Contact, PackSpec
from briefgen.pack.wording import load_wording

NO_DATE = QDate(2000, 1, 1)
UK_DATE_FORMAT = "dd/MM/yyyy"
MARKING_LABELS = {"": "None", "OFFICIAL": "OFFICIAL", "OFFICIAL-SENSITIVE": "OFFICIAL-SENSITIVE"}
PURPOSE_LABELS = {"decision": "Decision", "discussion": "Discussion", "noting": "Noting"}


class MeetingDateEdit(QDateEdit):
    """A UK-format date that may be "Not set": opening the calendar or stepping from "Not set"
    starts at today rather than at the year 2000."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat(UK_DATE_FORMAT)
        self.setCalendarPopup(True)
        self.setMinimumDate(NO_DATE)
        self.setSpecialValueText("Not set")
        self.setDate(NO_DATE)

    def meeting_date(self) -> date | None:
        value = self.date()
        if value == NO_DATE:
            return None
        return date(value.year(), value.month(), value.day())

    def set_meeting_date(self, value: date | None) -> None:
        self.setDate(QDate(value.year, value.month, value.day) if value else NO_DATE)

    def _start_from_today(self) -> None:
        if self.date() == NO_DATE:
            self.setDate(QDate.currentDate())

    def stepBy(self, steps: int) -> None:
        if self.date() == NO_DATE:
            self._start_from_today()
            return
        super().stepBy(steps)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._start_from_today()
        super().mousePressEvent(event)


def _line(name: str, description: str, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    if placeholder:
        edit.setPlaceholderText(placeholder)
    describe(edit, name, description)
    return edit


class ContactBox(QGroupBox):
    """Name, role, email and telephone of one officer."""

    changed = Signal()

    def __init__(self, title: str, who: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.name = _line(f"{who} name", f"The {who.lower()}'s full name.")
        self.role = _line(f"{who} role", f"The {who.lower()}'s job title.", "e.g. Policy Officer")
        self.email = _line(f"{who} email", f"The {who.lower()}'s email address.")
        self.phone = _line(f"{who} telephone", f"The {who.lower()}'s telephone number.")
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # labels above at 200%
        # Mnemonics only on the author's fields: the letters left free on this tab run out.
        labels: tuple[str, ...] = ("&Name:", "&Role:", "Email:", "Tele&phone:")
        if who != "Author":
            labels = tuple(label.replace("&", "") for label in labels)
        for label, edit in zip(labels, self.edits(), strict=True):
            form.addRow(label, edit)
        for edit in self.edits():
            edit.textEdited.connect(self.changed)
        describe(self, title, f"The {who.lower()}'s details, shown on the cover.", tooltip=False)

    def edits(self) -> tuple[QLineEdit, ...]:
        return (self.name, self.role, self.email, self.phone)

    def load(self, person: Contact) -> None:
        for edit, value in zip(
            self.edits(), (person.name, person.role, person.email, person.phone), strict=True
        ):
            edit.setText(value)

    def contact(self) -> Contact:
        return Contact(*(edit.text().strip() for edit in self.edits()))


class MeetingForm(QScrollArea):
    """Title, meeting, date, author, contact officer, purpose, wards, marking, large print."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget()
        self.title = _line(
            "Title",
            "The pack's title, on the cover and in the running header.",
            "e.g. Children's services: delivery options",
        )
        self.meeting = _line(
            "Meeting",
            "The committee or meeting the pack is for.",
            "e.g. Children's Services Scrutiny Committee",
        )
        self.meeting_date = MeetingDateEdit()
        describe(
            self.meeting_date,
            "Meeting date",
            "The date of the meeting, as day/month/year. Not set means today's date is printed.",
        )
        self.clear_date = QPushButton("No date")
        describe(self.clear_date, "No date", "Clears the meeting date.")
        date_row = QHBoxLayout()
        date_row.addWidget(self.meeting_date, 1)
        date_row.addWidget(self.clear_date)
        self.marking = QComboBox()
        for value in MARKINGS:
            self.marking.addItem(MARKING_LABELS[value], value)
        describe(
            self.marking,
            "Protective marking",
            "Printed at the top and bottom of every page: OFFICIAL or OFFICIAL-SENSITIVE.",
        )
        self.large_print = QCheckBox("&Large print (18 point)")
        describe(
            self.large_print,
            "Large print",
            "Prints the pack in 18 point sans serif type, for readers who ask for it.",
        )

        self.purpose = QComboBox()
        for value in PURPOSES:
            self.purpose.addItem(PURPOSE_LABELS[value], value)
        describe(
            self.purpose,
            "Purpose of the report",
            "Whether the committee report is for decision, discussion or noting.",
        )
        # The placeholder is what the report prints when the field is left empty.
        wards_default = str(load_wording()["layouts"]["committee-report"]["wards_default"])
        self.wards = _line("Wards affected", "The wards the report affects.", wards_default)
        self.committee_note = QLabel(
            "Purpose and wards appear in committee reports only. Choose the committee report "
            "layout to use them."
        )
        self.committee_note.setWordWrap(True)

        details = QGroupBox("Meeting")
        form = QFormLayout(details)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow("&Title:", self.title)
        form.addRow("Meetin&g:", self.meeting)
        date_label = QLabel("Date &of meeting:")
        date_label.setBuddy(self.meeting_date)
        form.addRow(date_label, date_row)
        form.addRow("Protective mar&king:", self.marking)
        form.addRow("", self.large_print)

        committee = QGroupBox("Committee report")
        committee_form = QFormLayout(committee)
        committee_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        committee_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        committee_form.addRow("P&urpose:", self.purpose)
        committee_form.addRow("&Wards affected:", self.wards)
        committee_form.addRow(self.committee_note)
        self.committee_box = committee

        self.author = ContactBox("Author", "Author")
        self.contact = ContactBox("Contact officer", "Contact officer")
        contact_note = QLabel("Leave the contact officer empty if it is the author.")
        contact_note.setWordWrap(True)

        layout = QVBoxLayout(body)
        layout.addWidget(details)
        layout.addWidget(committee)
        layout.addWidget(self.author)
        layout.addWidget(self.contact)
        layout.addWidget(contact_note)
        layout.addStretch(1)
        self.setWidget(body)
        describe(
            self,
            "Meeting details",
            "What the cover, running header and committee report carry.",
            tooltip=False,
        )

        for edit in (self.title, self.meeting, self.wards):
            edit.textEdited.connect(self.changed)
        self.meeting_date.dateChanged.connect(self.changed)
        self.clear_date.clicked.connect(lambda: self.meeting_date.set_meeting_date(None))
        self.marking.currentIndexChanged.connect(self.changed)
        self.purpose.currentIndexChanged.connect(self.changed)
        self.large_print.toggled.connect(self.changed)
        self.author.changed.connect(self.changed)
        self.contact.changed.connect(self.changed)
        self.set_layout("member-briefing")

    def first_field(self) -> QWidget:
        return self.title

    def set_layout(self, layout: str) -> None:
        """Purpose and wards only mean something in a committee report."""
        committee = layout == "committee-report"
        self.purpose.setEnabled(committee)
        self.wards.setEnabled(committee)
        self.committee_note.setVisible(not committee)

    def load(self, spec: PackSpec) -> None:
        """Show `spec`'s meeting details without announcing a change."""
        meeting = spec.meeting
        widgets = (self.title, self.meeting, self.meeting_date, self.marking, self.purpose)
        for widget in (*widgets, self.wards, self.large_print):
            widget.blockSignals(True)
        self.title.setText(meeting.title)
        self.meeting.setText(meeting.meeting)
        self.meeting_date.set_meeting_date(meeting.meeting_date)
        self.marking.setCurrentIndex(max(self.marking.findData(meeting.marking), 0))
        self.purpose.setCurrentIndex(max(self.purpose.findData(meeting.purpose), 0))
        self.wards.setText(meeting.wards)
        self.large_print.setChecked(meeting.large_print)
        for widget in (*widgets, self.wards, self.large_print):
            widget.blockSignals(False)
        for box, person in ((self.author, meeting.author), (self.contact, meeting.contact)):
            for edit in box.edits():
                edit.blockSignals(True)
            box.load(person)
            for edit in box.edits():
                edit.blockSignals(False)
        self.set_layout(spec.layout)

    def store(self, spec: PackSpec) -> None:
        """Copy the form into `spec.meeting`."""
        meeting = spec.meeting
        meeting.title = self.title.text().strip()
        meeting.meeting = self.meeting.text().strip()
        meeting.meeting_date = self.meeting_date.meeting_date()
        meeting.marking = self.marking.currentData() or ""
        meeting.purpose = self.purpose.currentData() or "discussion"
        meeting.wards = self.wards.text().strip()
        meeting.large_print = self.large_print.isChecked()
        meeting.author = self.author.contact()
        meeting.contact = self.contact.contact()
