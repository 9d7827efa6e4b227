"""Find the article files in a landing folder and read them into records.

Each record is one candidate article; each problem is a rejection with a
reason a person can act on. A bad line never stops the good lines beside it.

Formats: ``.txt`` (one article, optional header), ``.jsonl`` (one article a
line), ``.json`` (an array of article objects), ``.csv`` (header row with a
``text`` column), ``.html``/``.htm`` (main text and metadata via trafilatura),
RSS/Atom feeds ``.xml``/``.rss``/``.atom`` (feedparser; entries with full
content become articles).
"""

from __future__ import annotations

import csv
import io
import json
import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt"}
RECORD_SUFFIXES = {".jsonl", ".json", ".csv"}
HTML_SUFFIXES = {".html", ".htm"}
FEED_SUFFIXES = {".xml", ".rss", ".atom"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | RECORD_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES
RECORD_FIELDS = ("id", "outlet", "url", "title", "published_at")
# A per-folder file of metadata for the article files beside it (see README).
MANIFEST_NAME = "_manifest.csv"
MANIFEST_FIELDS = ("outlet", "published_at", "url", "title")
_EDITOR_LEFTOVERS = ("~", ".swp", ".swo", ".tmp", ".part", ".crdownload", ".bak")
_CONTROL_BYTES = bytes(range(0, 9)) + bytes(range(14, 32))


@dataclass
class Record:
    """One candidate article as read from a file, before cleaning."""

    source_uri: str
    text: object
    fields: dict[str, object] = field(default_factory=dict)
    markup: str | None = None  # "page" (a whole HTML page) or "fragment" (HTML of a feed entry)


@dataclass(frozen=True)
class Rejection:
    source_uri: str
    reason: str


@dataclass(frozen=True)
class FoundFile:
    """A file in the landing folder; ``problem`` is set for files never to be read."""

    path: Path
    source_uri: str
    problem: str | None = None


def discover_files(input_dir: Path) -> Iterator[FoundFile]:
    """Files under ``input_dir`` in a stable order; hidden and leftover files skipped (and logged).

    Symbolic links are followed only to files inside the landing folder: a link
    pointing elsewhere is reported, never read.
    """
    if not input_dir.is_dir():
        raise FileNotFoundError(f"input folder {input_dir} does not exist or is not a folder")
    root = input_dir.resolve()
    for folder, dirs, files in os.walk(input_dir, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(folder) / name
            source_uri = path.relative_to(input_dir).as_posix()
            if name.startswith(".") or name.endswith(_EDITOR_LEFTOVERS):
                log.info("skipping hidden or temporary file %s", source_uri)
                continue
            if name == MANIFEST_NAME:
                continue
            if path.is_symlink():
                target = path.resolve()
                if not target.is_relative_to(root):
                    yield FoundFile(path, source_uri, "symbolic link points outside the landing folder (not read)")
                    continue
                if not target.is_file():
                    yield FoundFile(path, source_uri, "symbolic link to a missing file or a folder")
                    continue
            yield FoundFile(path, source_uri)


def read_manifest(folder: Path) -> dict[str, dict[str, str]]:
    """``_manifest.csv`` in a folder: file name -> metadata given for it (empty cells ignored)."""
    manifest = folder / MANIFEST_NAME
    if not manifest.is_file():
        return {}
    with manifest.open(newline="", encoding="utf-8") as handle:
        rows = csv.DictReader(handle)
        if not rows.fieldnames or "file" not in rows.fieldnames:
            raise ValueError(f"{manifest}: the header row must contain a 'file' column")
        return {
            row["file"]: {key: row[key].strip() for key in MANIFEST_FIELDS if (row.get(key) or "").strip()}
            for row in rows
        }


def decode(data: bytes) -> tuple[str | None, str | None]:
    """Bytes -> (text, None), or (None, reason). UTF-8 first, then cp1252 / latin-1 if they fit.

    Binary content (NUL or many control bytes) is refused rather than decoded.
    """
    if b"\x00" in data:
        return None, "binary content: NUL bytes"
    if data and sum(data.count(b) for b in _CONTROL_BYTES) > len(data) // 100 + 2:
        return None, "binary content: control bytes"
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        utf8_error = f"byte {error.start}: {error.reason}"
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=["cp1252", "latin_1"]).best()
    if best is None:
        return None, f"undecodable bytes: not UTF-8 ({utf8_error}), cp1252 or latin-1"
    log.info("decoded as %s (not UTF-8)", best.encoding)
    return str(best), None


def read_file(found: FoundFile, max_bytes: int) -> tuple[list[Record], list[Rejection]]:
    """Read one file into records; unreadable content becomes rejections."""
    uri = found.source_uri
    if found.problem:
        return [], [Rejection(uri, found.problem)]
    suffix = found.path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        return [], [Rejection(uri, f"unsupported file type '{suffix or found.path.name}' "
                                   f"(expected one of {', '.join(sorted(SUPPORTED_SUFFIXES))})")]
    size = found.path.stat().st_size
    if size > max_bytes:
        return [], [Rejection(uri, f"file too large: {size:,} bytes (limit {max_bytes:,}; NEWSETL_MAX_FILE_BYTES)")]
    text, problem = decode(found.path.read_bytes())
    if text is None:
        return [], [Rejection(uri, problem or "unreadable")]
    if suffix in TEXT_SUFFIXES:
        return [Record(uri, text)], []
    if suffix == ".jsonl":
        return _read_jsonl(text, uri)
    if suffix == ".json":
        return _read_json(text, uri)
    if suffix == ".csv":
        return _read_csv(text, uri)
    if suffix in HTML_SUFFIXES:
        return [Record(uri, text, markup="page")], []
    return _read_feed(text, uri)


def _object_record(obj: object, uri: str) -> Record | Rejection:
    if not isinstance(obj, dict):
        return Rejection(uri, f"a JSON object was expected, got {type(obj).__name__}")
    if "text" not in obj:
        return Rejection(uri, "missing required field 'text'")
    return Record(uri, obj["text"], {k: v for k, v in obj.items() if k in RECORD_FIELDS})


def _split(items: list[Record | Rejection]) -> tuple[list[Record], list[Rejection]]:
    return [i for i in items if isinstance(i, Record)], [i for i in items if isinstance(i, Rejection)]


def _read_jsonl(text: str, source_uri: str) -> tuple[list[Record], list[Rejection]]:
    items: list[Record | Rejection] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        uri = f"{source_uri}:{number}"
        try:
            items.append(_object_record(json.loads(line), uri))
        except json.JSONDecodeError as error:
            items.append(Rejection(uri, f"invalid JSON: {error.msg} at column {error.colno}"))
    return _split(items)


def _read_json(text: str, source_uri: str) -> tuple[list[Record], list[Rejection]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        return [], [Rejection(source_uri, f"invalid JSON: {error.msg} at line {error.lineno} column {error.colno}")]
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list):
        return [], [Rejection(source_uri, f"a JSON array of article objects was expected, got {type(data).__name__}")]
    return _split([_object_record(obj, f"{source_uri}:{index}") for index, obj in enumerate(data, start=1)])


def _read_csv(text: str, source_uri: str) -> tuple[list[Record], list[Rejection]]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if not reader.fieldnames or "text" not in [f.strip() for f in reader.fieldnames]:
        return [], [Rejection(source_uri, "CSV header row has no 'text' column")]
    items: list[Record | Rejection] = []
    try:
        for row in reader:
            uri = f"{source_uri}:{reader.line_num}"
            row = {(k or "").strip(): v for k, v in row.items()}
            if None in row.values() and row.get("text") is None:
                items.append(Rejection(uri, "CSV row has fewer cells than the header"))
                continue
            items.append(Record(uri, row.get("text") or "", {k: row[k] for k in RECORD_FIELDS if row.get(k)}))
    except csv.Error as error:
        items.append(Rejection(f"{source_uri}:{reader.line_num}", f"invalid CSV: {error}"))
    return _split(items)


def _read_feed(text: str, source_uri: str) -> tuple[list[Record], list[Rejection]]:
    import feedparser

    feed = feedparser.parse(text)
    if not feed.entries:
        reason = f"not a readable RSS/Atom feed ({feed.bozo_exception})" if feed.bozo else "feed has no entries"
        return [], [Rejection(source_uri, reason)]
    outlet = feed.feed.get("title")
    items: list[Record | Rejection] = []
    for index, entry in enumerate(feed.entries, start=1):
        uri = f"{source_uri}:{index}"
        contents = [c.get("value", "") for c in entry.get("content", []) if c.get("value")]
        if not contents:
            items.append(Rejection(uri, "feed entry has no full content (summary only): not an article"))
            continue
        published = entry.get("published_parsed") or entry.get("updated_parsed")
        fields = {
            "id": entry.get("id"), "title": entry.get("title"), "url": entry.get("link"), "outlet": outlet,
            "published_at": datetime(*published[:6], tzinfo=UTC).isoformat() if published else None,
        }
        items.append(Record(uri, "\n\n".join(contents), {k: v for k, v in fields.items() if v}, markup="fragment"))
    return _split(items)
