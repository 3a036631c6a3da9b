"""The desktop app: Qt widgets and workers only; every decision is made by the core.

Importing this package first guards against a reference-counting bug in PySide6 6.12 on
Python 3.11 (see `qtfix`), so every entry point and test gets the guard before Qt runs.
"""

from briefgen.gui.qtfix import protect_singletons

protect_singletons()
