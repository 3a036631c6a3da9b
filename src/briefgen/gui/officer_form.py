"""The officer's own text: summary, key messages, recommendations, options, background papers
and notes, kept in a `PackSpec`'s `officer` part and printed as the officer's words."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from briefgen.gui.widgets import describe
from briefgen.pack.model import PackSpec


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
