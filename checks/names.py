"""Names and entities (E3xx)."""
