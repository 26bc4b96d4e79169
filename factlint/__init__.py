"""factlint: a fact-check and discrepancy linter for news articles."""

__version__ = "0.1.0"
