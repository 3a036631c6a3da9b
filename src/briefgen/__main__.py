"""`python -m briefgen` starts the desktop app, as the `briefgen-gui` entry point does."""

from briefgen.gui.app import main

raise SystemExit(main())
