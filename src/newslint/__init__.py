"""newslint: an editorial text-quality linter for German news articles."""

__version__ = "0.1.0"
