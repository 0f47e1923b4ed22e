"""Text utilities shared by several checks (sentence splitting)."""

from newslint.text.sentences import split_sentences

__all__ = ["split_sentences"]
