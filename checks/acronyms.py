"""Acronyms (A4xx)."""
