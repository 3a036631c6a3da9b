"""Content libraries: the shipped one, the user's own and team folders; import of new documents."""
