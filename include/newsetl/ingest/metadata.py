"""Article metadata from the text itself: header lines, front matter, datelines.

Missing metadata stays ``None``: nothing here guesses a date or an outlet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

# " date 2017-03-09 Chicago Mayor ..." : a header that may share the first line
# with the text that follows it (as in exports that flattened their fields).
_INLINE_DATE_HEADER = re.compile(r"\A\s*(?:date|published|published_at)\s*:?\s+(\d{4}-\d{2}-\d{2})\b[ \t]*", re.I)
# "key: value" front matter, optionally fenced by "---" lines.
_FRONT_MATTER_LINE = re.compile(r"^(title|outlet|source|date|published|published_at|url|id)\s*:\s*(.+?)\s*$", re.I)
_FRONT_MATTER_KEYS = {
    "title": "title",
    "outlet": "outlet",
    "source": "outlet",
    "date": "published_at",
    "published": "published_at",
    "published_at": "published_at",
    "url": "url",
    "id": "id",
}

# Wire datelines at the start of a story: "chicago/washington ( reuters ) -",
# "WASHINGTON (AP) —". The agency in brackets names the outlet.
_DATELINE = re.compile(r"\A[^\n()]{0,80}?\(\s*([A-Za-z][A-Za-z .&-]{0,30}?)\s*\)\s*[-—–]", re.S)
WIRE_AGENCIES = {
    "reuters": "Reuters",
    "ap": "Associated Press",
    "associated press": "Associated Press",
    "afp": "AFP",
    "bloomberg": "Bloomberg",
    "upi": "UPI",
    "dpa": "dpa",
}


@dataclass(frozen=True)
class Header:
    """Metadata read from the top of a text file, and the text without it."""

    fields: dict[str, str]
    body: str


def split_header(text: str) -> Header:
    """Separate header lines / front matter from the article body."""
    fields: dict[str, str] = {}
    inline = _INLINE_DATE_HEADER.match(text)
    if inline:
        return Header({"published_at": inline.group(1)}, text[inline.end() :])
    lines = text.lstrip("\ufeff").split("\n")
    fenced = lines and lines[0].strip() == "---"
    start = 1 if fenced else 0
    end = start
    for end in range(start, len(lines)):
        line = lines[end].strip()
        if fenced and line == "---":
            end += 1
            break
        match = _FRONT_MATTER_LINE.match(line)
        if not match:
            break
        fields[_FRONT_MATTER_KEYS[match.group(1).lower()]] = match.group(2).strip().strip("\"'")
    else:
        end = len(lines)
    if not fields:
        return Header({}, text)
    return Header(fields, "\n".join(lines[end:]))


def outlet_from_dateline(text: str) -> str | None:
    """The wire agency named in the story's dateline, e.g. ``( reuters ) -`` -> Reuters."""
    match = _DATELINE.match(text)
    if not match:
        return None
    return WIRE_AGENCIES.get(match.group(1).strip().lower())


def parse_published_date(value: object) -> date | None:
    """ISO 8601 date or datetime -> date. ``None``/empty -> ``None``; anything else raises ValueError."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str):
        raise ValueError(f"published_at must be an ISO 8601 string, got {type(value).__name__}")
    text = value.strip()
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        raise ValueError(f"published_at {value!r} is not an ISO 8601 date") from None
