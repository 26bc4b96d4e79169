"""Numbers (N2xx)."""
