"""briefgen: briefing packs of cited quotes from policy documents, for council officers."""
