"""Content libraries: the user's and teams' folders, importing documents and suggesting items."""
