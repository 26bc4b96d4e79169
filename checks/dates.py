"""Dates and events (D1xx)."""
