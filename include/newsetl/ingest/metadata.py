"""Article metadata from the text itself: header lines, front matter, datelines.

Missing metadata stays ``None``: nothing here guesses a date or an outlet.
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from urllib.parse import urlsplit

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


# https://web.archive.org/web/20170630120000/https://www.reuters.com/... -> the archived URL
_ARCHIVE_PREFIX = re.compile(r"^https?://(?:web\.)?archive\.org/web/\d+(?:[a-z_]+)?/", re.I)
DEFAULT_OUTLET_FILE = Path(__file__).resolve().parents[3] / "dbt_project" / "seeds" / "outlets.csv"


def unwrap_archive_url(url: str) -> str:
    """The original URL of an archive.org copy; other URLs unchanged."""
    inner = _ARCHIVE_PREFIX.sub("", url.strip())
    if inner != url.strip() and not inner.startswith(("http://", "https://")):
        inner = "http://" + inner
    return inner


def domain_of(url: str) -> str | None:
    """Registered-looking host of a URL without ``www.``/``m.``/``amp.``; None if there is none."""
    host = urlsplit(unwrap_archive_url(url)).hostname
    if not host or "." not in host:
        return None
    return re.sub(r"^(?:www\d?|m|amp|mobile|edition)\.", "", host.lower())


@functools.lru_cache(maxsize=4)
def outlet_catalog(path: Path = DEFAULT_OUTLET_FILE) -> dict[str, str]:
    """``dbt_project/seeds/outlets.csv``: domain -> outlet name (editable by users)."""
    with path.open(newline="", encoding="utf-8") as handle:
        return {row["domain"].lower(): row["outlet"] for row in csv.DictReader(handle)}


def outlet_from_url(url: str | None) -> str | None:
    """The outlet of a URL's domain (from the outlet catalog, else the domain itself)."""
    if not url:
        return None
    domain = domain_of(url)
    if domain is None:
        return None
    catalog = outlet_catalog()
    parts = domain.split(".")
    for start in range(len(parts) - 1):
        candidate = ".".join(parts[start:])
        if candidate in catalog:
            return catalog[candidate]
    return domain
