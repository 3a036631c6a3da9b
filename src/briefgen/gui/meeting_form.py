"""The meeting details form and the officer's own text: what the cover, header and committee
report carry, kept in a `PackSpec`'s `meeting` and `officer` parts."""

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
    QPlainTextEdit,
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


def _text_box(name: str, description: str, placeholder: str) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setPlaceholderText(placeholder)
    edit.setTabChangesFocus(True)  # Tab moves on, as in every other field of the form
    describe(edit, name, description)
    return edit


class OfficerTextForm(QScrollArea):
    """The officer's own words: report summary, key messages, recommendations, the committee
    report's options and background papers, notes."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget()
        intro = QLabel(
            "Your own words, printed as yours and kept apart from the quotations. Anything you "
            "leave empty is marked in the pack for you to complete."
        )
        intro.setWordWrap(True)
        self.summary = _text_box(
            "Report summary",
            "A short summary of a committee report, about 120 to 150 words.",
            "What the report is about, what the committee is asked to do and why.",
        )
        self.summary_count = QLabel()
        self.key_messages = _text_box(
            "Key messages",
            "The member briefing's key messages, one per line.",
            "One key message per line",
        )
        self.recommendations = _text_box(
            "Recommendations",
            "Your recommendations to the committee, one per line.",
            "One recommendation per line, e.g. Note the options set out in section 5.",
        )
        self.notes = _text_box(
            "Notes", "Your notes, printed in their own section.", "Anything else to add"
        )
        self.options = _text_box(
            "Options",
            "The committee report's options, your own, one per line: at least three, doing "
            "nothing among them.",
            "One option per line, e.g. Do nothing: keep the current arrangements.",
        )
        self.background_papers = _text_box(
            "Background papers",
            "Unpublished documents the report relies on, one per line; published sources are "
            "listed as references.",
            "One paper per line; leave empty for None",
        )
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        summary_label = QLabel("Report &summary (committee reports):")
        summary_label.setBuddy(self.summary)
        form.addRow(summary_label, self.summary)
        form.addRow("", self.summary_count)
        for text, widget in (
            ("&Key messages (member briefings, one per line):", self.key_messages),
            ("&Recommendations to the committee (one per line):", self.recommendations),
            ("&Options (one per line; at least three, doing nothing among them):", self.options),
            ("&Background papers (unpublished ones, one per line):", None),
            ("&Notes:", self.notes),
        ):
            widget = widget if widget is not None else self.background_papers
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        self.form = form
        layout = QVBoxLayout(body)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addStretch(1)
        self.setWidget(body)
        describe(
            self, "Your text", "Your own words, kept apart from the quotations.", tooltip=False
        )
        for edit in self.edits():
            edit.textChanged.connect(self._edited)
        self._loading = False
        self._count_summary()
        self.set_layout("member-briefing")

    def edits(self) -> tuple[QPlainTextEdit, ...]:
        return (
            self.summary,
            self.key_messages,
            self.recommendations,
            self.options,
            self.background_papers,
            self.notes,
        )

    def set_layout(self, layout: str) -> None:
        """Options and background papers are shown for a committee report only."""
        committee = layout == "committee-report"
        for edit in (self.options, self.background_papers):
            self.form.setRowVisible(edit, committee)

    def first_field(self) -> QWidget:
        return self.summary

    def _edited(self) -> None:
        self._count_summary()
        if not self._loading:
            self.changed.emit()

    def _count_summary(self) -> None:
        count = len(self.summary.toPlainText().split())
        text = f"{count} word{'s' if count != 1 else ''}; report guides suggest 120 to 150."
        self.summary_count.setText(text)
        self.summary_count.setAccessibleName(text)

    def load(self, spec: PackSpec) -> None:
        self._loading = True
        officer = spec.officer
        self.summary.setPlainText(officer.summary)
        self.key_messages.setPlainText("\n".join(officer.key_messages))
        self.recommendations.setPlainText("\n".join(officer.recommendations))
        self.options.setPlainText("\n".join(officer.options))
        self.background_papers.setPlainText("\n".join(officer.background_papers))
        self.notes.setPlainText(officer.notes)
        self._loading = False
        self.set_layout(spec.layout)

    def store(self, spec: PackSpec) -> None:
        officer = spec.officer
        officer.summary = self.summary.toPlainText().strip()
        officer.key_messages = _lines_of(self.key_messages.toPlainText())
        officer.recommendations = _lines_of(self.recommendations.toPlainText())
        officer.options = _lines_of(self.options.toPlainText())
        officer.background_papers = _lines_of(self.background_papers.toPlainText())
        officer.notes = self.notes.toPlainText().strip()


def _lines_of(text: str) -> list[str]:
    """One entry per non-empty line (key messages, recommendations, options, papers)."""
    return [line.strip() for line in text.splitlines() if line.strip()]
