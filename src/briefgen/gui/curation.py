"""The main window's curation commands: "Review suggested items…" (File menu) and "Add as
item…" (the source viewer's context menu and Ctrl+Shift+I). Kept apart from the window so its
own hooks are one call; both write a source's items to the library holding it (a shipped
source's, or one on a share the user cannot write to, to the user's own:
`destinations.curation_library`) and reload the content after. Which library that is can mean
making a file on a share, so it is found out on a worker and the view or dialog opens after;
the writes themselves are the view's and the dialog's, on workers of their own, and closing
the window waits for them."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QInputDialog, QWidget

from briefgen.audiences import AUDIENCES
from briefgen.content import Corpus
from briefgen.content.model import Item, LibraryFolder
from briefgen.gui import dialogs
from briefgen.gui.source_view import python_offset
from briefgen.gui.widgets import shrinkable
from briefgen.gui.workers import TaskRunner
from briefgen.library.destinations import curation_library, document_names, library_label
from briefgen.pack.labels import audience_label

if TYPE_CHECKING:
    from briefgen.gui.add_item import AddItemDialog
    from briefgen.gui.review_view import ReviewView

RELOAD_DELAY_MS = 400


def ask_source(parent: QWidget, choices: list[str], current: int) -> str | None:
    """Which source to review (a dialog; tests replace it)."""
    dialog = source_dialog(parent, choices, current)
    accepted = dialog.exec() == QInputDialog.DialogCode.Accepted
    return dialog.textValue() if accepted else None


def source_dialog(parent: QWidget | None, choices: list[str], current: int) -> QInputDialog:
    """The question `ask_source` asks, not yet shown: its list narrows to the screen (a long
    title is elided, whole in the list when it opens), so OK stays in reach at 200% text."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle("Review suggested items")
    dialog.setLabelText("Suggest items from:")
    dialog.setComboBoxItems(choices)
    dialog.setComboBoxEditable(False)
    dialog.setTextValue(choices[current])
    combo = dialog.findChild(QComboBox)
    if combo is not None:
        shrinkable(combo, 40)
    return dialog


class Curation(QObject):
    """Owns the two commands and the review view a window opens."""

    reviewOpened = Signal(object)  # the ReviewView, shown
    addOpened = Signal(object)  # the AddItemDialog, shown

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        # Where additions go is found out off the GUI thread: on a slow share, making the
        # test file (`destinations.write_refusal`) would freeze the window.
        self.probes = TaskRunner(parent=self)
        self.asked: dict[str, int] = {}  # each command's latest request; older ones dropped
        self.open_reviews: list[ReviewView] = []
        self.open_adds: list[AddItemDialog] = []
        self.adding_ids: set[str] = set()  # items being added, not yet in the window's corpus
        self.closing = False
        self.review: ReviewView | None = None
        self.review_action = QAction("Review su&ggested items…", window)
        self.review_action.setShortcut(QKeySequence("Ctrl+Shift+R"))
        self.review_action.setStatusTip("Review the items briefgen suggests from a source.")
        self.review_action.triggered.connect(lambda: self.open_review())
        window.addAction(self.review_action)
        self.add_action = QAction("&Add as item…", window)
        self.add_action.setShortcut(QKeySequence("Ctrl+Shift+I"))
        self.add_action.setStatusTip("Add the passage selected in the source as an item.")
        self.add_action.triggered.connect(lambda: self.add_selection())
        window.addAction(self.add_action)
        reload = window.commands.reload
        for menu_action in window.menuBar().actions():
            menu = menu_action.menu()
            if menu is not None and reload in menu.actions():
                menu.insertAction(reload, self.review_action)
        # Several quick decisions reload the content once, shortly after the last.
        self.reload_timer = QTimer(window)
        self.reload_timer.setSingleShot(True)
        self.reload_timer.setInterval(RELOAD_DELAY_MS)
        self.reload_timer.timeout.connect(window.load_content)
        text = window.source_view.text
        text.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        text.customContextMenuRequested.connect(self._context_menu)

    def _context_menu(self, position: QPoint) -> None:
        text = self.window.source_view.text
        menu = text.createStandardContextMenu()
        menu.addSeparator()
        menu.addAction(self.add_action)
        self.add_action.setEnabled(text.textCursor().hasSelection())
        menu.exec(text.mapToGlobal(position))
        self.add_action.setEnabled(True)

    def _find_library(
        self,
        command: str,
        corpus: Corpus,
        source_id: str,
        then: Callable[[LibraryFolder, str], None],
    ) -> None:
        """Call `then(library, why)` with where `source_id`'s items go, once found out."""
        asked = self.asked[command] = self.asked.get(command, 0) + 1
        self.window.statusBar().showMessage("Finding where the items go…", 5000)

        def found(result: tuple[LibraryFolder, str]) -> None:
            if self.asked[command] == asked:  # not asked again meanwhile
                self.window.statusBar().clearMessage()
                then(*result)

        self.probes.start(
            lambda: curation_library(corpus, source_id),
            found,
            lambda message: dialogs.show_error(self.window, "Nothing was opened.", message),
            doing="finding where the items go",
        )

    def open_review(self, source_id: str | None = None) -> None:
        """Open the review view for `source_id` (asked for when not given); `reviewOpened`
        says when it is shown."""
        corpus = self.window.corpus
        if corpus is None:
            return
        if source_id is None:
            ids = list(corpus.sources)
            item = self.window.source_view.item
            current = ids.index(item.source) if item is not None else 0
            names = document_names(corpus)  # as the Document filter names them
            choices = [names[sid] for sid in ids]
            choice = ask_source(self.window, choices, current)
            if choice is None:
                return
            source_id = ids[choices.index(choice)]
        reviewed = source_id

        def show(library: LibraryFolder, why: str) -> None:
            # The suggestion engine (scikit-learn) is imported when first asked for, not at
            # start-up.
            from briefgen.gui.review_view import ReviewView

            review = self.review = ReviewView(corpus, reviewed, library, self.window, why)
            review.libraryChanged.connect(self._library_changed)
            self.open_reviews.append(review)
            review.finished.connect(lambda: self.open_reviews.remove(review))
            review.show()
            self.reviewOpened.emit(review)

        self._find_library("review", corpus, source_id, show)

    def _library_changed(self) -> None:
        """Reload the content shortly, unless the window is closing."""
        if not self.closing:
            self.reload_timer.start()

    def close_all(self) -> None:
        """The window is closing: close the review views still open, each once its decisions
        are written, and wait for any item being added; the content is not reloaded after."""
        self.closing = True
        self.reload_timer.stop()
        for review in list(self.open_reviews):
            review.close()
        for dialog in list(self.open_adds):
            dialog.writes.wait()

    def add_selection(self) -> None:
        """Open "Add as item" on the passage selected in the source viewer; `addOpened` says
        when it is shown."""
        view, corpus = self.window.source_view, self.window.corpus
        cursor = view.text.textCursor()
        if corpus is None or view.item is None or not cursor.hasSelection():
            self.window.statusBar().showMessage("Select a passage of the source first.", 5000)
            return
        source_id = view.item.source
        text = corpus.sources[source_id].text
        start, end = (
            python_offset(text, at) for at in (cursor.selectionStart(), cursor.selectionEnd())
        )

        def show(library: LibraryFolder, why: str) -> None:
            from briefgen.gui.add_item import AddItemDialog

            dialog = AddItemDialog(
                corpus, source_id, start, end, library, self.window, why, self.adding_ids
            )
            where = library_label(dialog.target)
            status = self.window.statusBar()
            dialog.adding.connect(lambda: status.showMessage(f"Adding the item to {where}…"))
            dialog.notAdded.connect(lambda _: status.showMessage("The item was not added.", 8000))
            dialog.accepted.connect(lambda: self._item_added(dialog))
            # An organisation added from the form is listed next time, even if the item is not.
            dialog.form.corpusChanged.connect(self._library_changed)
            self.open_adds.append(dialog)
            dialog.finished.connect(lambda: _discard(self.open_adds, dialog))
            dialog.open()
            self.addOpened.emit(dialog)

        self._find_library("add", corpus, source_id, show)

    def _item_added(self, dialog: AddItemDialog) -> None:
        """Reload so the item is listed, then say where it went and choose it in the list (or
        say why the pack does not list it), so the officer sees it was added."""
        window = self.window
        if self.closing:
            return
        added = f"Added the item to {library_label(dialog.target)}."

        def loaded() -> None:  # after the window's own "Content loaded" message
            window.corpusLoaded.disconnect(loaded)
            if window.items_panel.select_item(dialog.item_id):
                message = f"{added} It is chosen in the items list."
            elif window.corpus is not None and dialog.item_id in window.corpus.by_id:
                why = _why_not_listed(window, window.corpus.by_id[dialog.item_id])
                message = f"{added} This pack does not list it: {why}."
            else:
                message = added
            window.statusBar().showMessage(message, 15_000)

        window.corpusLoaded.connect(loaded)
        window.load_content()


def _discard(opened: list[Any], dialog: Any) -> None:
    if dialog in opened:
        opened.remove(dialog)


def _why_not_listed(window: Any, item: Item) -> str:
    """Why the window's pack does not list `item`, in the words of its controls."""
    spec = window.spec
    profile = AUDIENCES[spec.audience]
    audience = audience_label(spec.audience)
    if any(row.item.id == item.id for row in window.rows):
        return "the filters above the list hide it"
    if item.kind not in profile.kinds:
        return f"a pack for {audience} quotes no items of the kind {item.kind}"
    if profile.key_only and not item.key:
        return f"for {audience} it quotes key items only (tick Key item as you add one)"
    if spec.themes and not set(item.themes) & set(spec.themes):
        return "its themes are not ticked"
    return "it says the same as an item the pack has already"
