"""factlint's built-in checks, one module per family (installed as ``factlint.checks``)."""
