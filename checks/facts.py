"""The house fact base (F6xx)."""
