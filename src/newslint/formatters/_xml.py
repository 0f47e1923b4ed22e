"""Escaping for the XML formats, which write their documents as a stream of strings.

Messages can quote source text, and source text can contain characters XML 1.0 forbids
(NUL, most C0 controls, lone surrogates); one such character would make the whole report
unparsable for Jenkins or GitLab, so they become U+FFFD. Line breaks and tabs in attribute
values are written as character references, or a parser would normalise them to spaces.
"""

from __future__ import annotations

import re

XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'

_INVALID = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_TEXT = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_ATTRIBUTE = {**_TEXT, '"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"}
_TEXT_RE = re.compile("[&<>]")
_ATTRIBUTE_RE = re.compile('[&<>"\n\r\t]')


def xml_text(value: str) -> str:
    """Character data: safe between tags."""
    return _TEXT_RE.sub(lambda m: _TEXT[m.group()], _INVALID.sub("\ufffd", value))


def xml_attr(value: str | int) -> str:
    """A complete, double-quoted attribute value."""
    escaped = _ATTRIBUTE_RE.sub(lambda m: _ATTRIBUTE[m.group()], _INVALID.sub("\ufffd", str(value)))
    return f'"{escaped}"'
