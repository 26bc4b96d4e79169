"""Mutation kinds that plant one error in a copy of a real article, by family of checks."""

from . import acronyms, dates, names, numbers, text  # noqa: F401  (each module registers its kinds)
from .core import KINDS, Article, Plant
from .sample import load_corpus, publication_dates, sample

__all__ = ["KINDS", "Article", "Plant", "load_corpus", "publication_dates", "sample"]
