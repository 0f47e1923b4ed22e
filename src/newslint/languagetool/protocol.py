"""LanguageTool's HTTP API on the wire: request parameters in, `LTMatch`es out.

This is the only module that knows LanguageTool counts offsets in UTF-16 code units (it is a
Java program). They are converted to code points here, once, so an emoji before a typo does
not shift the reported span. Everything is pure and tested with recorded server responses.
"""

from __future__ import annotations

import bisect
import json
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from .model import LTMatch, LTSettings, TextPart


class ProtocolError(ValueError):
    """The server answered, but not with something we understand."""


def plain_text(parts: Sequence[TextPart]) -> str:
    """The string all offsets refer to: every part's text, markup included."""
    return "".join(part.text for part in parts)


def annotation_json(parts: Sequence[TextPart]) -> str:
    items: list[dict[str, str]] = []
    for part in parts:
        if not part.markup:
            items.append({"text": part.text})
        elif part.interpret_as is None:
            items.append({"markup": part.text})
        else:
            items.append({"markup": part.text, "interpretAs": part.interpret_as})
    return json.dumps({"annotation": items}, ensure_ascii=False, separators=(",", ":"))


def request_params(settings: LTSettings, parts: Sequence[TextPart]) -> dict[str, str]:
    params = {"language": settings.language, "data": annotation_json(parts)}
    if settings.mother_tongue:
        params["motherTongue"] = settings.mother_tongue
    lists = {
        "enabledRules": settings.enabled_rules,
        "disabledRules": settings.disabled_rules,
        "enabledCategories": settings.enabled_categories,
        "disabledCategories": settings.disabled_categories,
    }
    enabled_only = settings.enabled_only and bool(
        settings.enabled_rules or settings.enabled_categories
    )
    for name, values in lists.items():
        if values and not (enabled_only and name.startswith("disabled")):
            params[name] = ",".join(values)  # LanguageTool refuses disabled lists with enabledOnly
    if settings.picky:
        params["level"] = "picky"
    if enabled_only:
        params["enabledOnly"] = "true"
    return params


def utf16_to_codepoints(text: str) -> tuple[Callable[[int], int], Callable[[int], int]]:
    """Converters for start and end offsets from UTF-16 units to code points in `text`.

    A start inside a surrogate pair moves to the pair's start, an end to its end, so a span
    always covers whole characters.
    """
    if text.isascii() or max(text) < "\U00010000":
        return (lambda unit: unit), (lambda unit: unit)
    starts: list[int] = []  # UTF-16 offset where each code point begins
    unit = 0
    for char in text:
        starts.append(unit)
        unit += 2 if ord(char) > 0xFFFF else 1
    starts.append(unit)

    def start(offset: int) -> int:
        return max(0, bisect.bisect_right(starts, offset) - 1)

    def end(offset: int) -> int:
        return min(len(text), bisect.bisect_left(starts, offset))

    return start, end


def parse_matches(payload: Mapping[str, Any], text: str) -> list[LTMatch]:
    """`LTMatch`es in code points from a `/v2/check` JSON answer for `text`."""
    try:
        raw_matches = payload["matches"]
        if payload.get("warnings", {}).get("incompleteResults"):
            raise ProtocolError("LanguageTool returned incomplete results (server time limit)")
        to_start, to_end = utf16_to_codepoints(text)
        return [_match(raw, to_start, to_end, len(text)) for raw in raw_matches]
    except (KeyError, TypeError, AttributeError) as exc:
        raise ProtocolError(f"unexpected LanguageTool answer ({exc!r})") from exc


def _match(
    raw: Mapping[str, Any], to_start: Callable[[int], int], to_end: Callable[[int], int], limit: int
) -> LTMatch:
    offset, length = int(raw["offset"]), int(raw["length"])
    start, end = to_start(offset), to_end(offset + length)
    if not 0 <= start <= end <= limit:
        raise ProtocolError(f"match {offset}+{length} lies outside the text")
    rule = raw["rule"]
    category = rule.get("category", {})
    urls = rule.get("urls") or []
    return LTMatch(
        start=start,
        end=end,
        rule_id=str(rule["id"]),
        sub_id=str(rule["subId"]) if rule.get("subId") is not None else None,
        category_id=str(category.get("id", "")),
        category_name=str(category.get("name", "")),
        issue_type=str(rule.get("issueType", "")),
        message=str(raw.get("message", "")),
        short_message=str(raw.get("shortMessage", "")),
        replacements=tuple(str(r["value"]) for r in raw.get("replacements", []) if "value" in r),
        rule_description=str(rule.get("description", "")),
        url=str(urls[0]["value"]) if urls and "value" in urls[0] else None,
    )


def software_version(payload: Mapping[str, Any]) -> str | None:
    """The LanguageTool version a `/v2/check` answer names (used for remote servers)."""
    software = payload.get("software")
    if isinstance(software, Mapping) and software.get("version"):
        return str(software["version"])
    return None
