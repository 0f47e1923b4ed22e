"""Text utilities for the checks: sentence splitting, quotations, the evidence for nouns."""

from newslint.text.sentences import split_sentences

__all__ = ["split_sentences"]
