"""Find the article files in a landing folder and read them into records.

Each record is one candidate article; each problem is a quarantine row with a
reason a person can act on. A bad line never stops the good lines beside it.
"""

from __future__ import annotations

import csv
import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger(__name__)

SUPPORTED_SUFFIXES = {".txt", ".jsonl"}
# A per-folder file of metadata for the article files beside it (see README).
MANIFEST_NAME = "_manifest.csv"
MANIFEST_FIELDS = ("outlet", "published_at", "url", "title")
_EDITOR_LEFTOVERS = ("~", ".swp", ".tmp", ".part", ".crdownload")


@dataclass
class Record:
    """One candidate article as read from a file, before cleaning."""

    source_uri: str
    text: object
    fields: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Rejection:
    source_uri: str
    reason: str


def discover_files(input_dir: Path) -> Iterator[Path]:
    """Article files under ``input_dir`` in a stable order; hidden and leftover files skipped."""
    if not input_dir.is_dir():
        raise FileNotFoundError(f"input folder {input_dir} does not exist or is not a folder")
    for path in sorted(input_dir.rglob("*")):
        relative = path.relative_to(input_dir)
        if any(part.startswith(".") for part in relative.parts) or path.name.endswith(_EDITOR_LEFTOVERS):
            log.info("skipping hidden or temporary file %s", relative)
            continue
        if path.is_file() and path.name != MANIFEST_NAME:
            yield path


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


def read_file(path: Path, source_uri: str) -> tuple[list[Record], list[Rejection]]:
    """Read one file into records; unreadable content becomes rejections."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        return [], [Rejection(source_uri, f"unsupported file type '{suffix or path.name}' (expected .txt or .jsonl)")]
    data = path.read_bytes()
    if b"\x00" in data[:8192] and suffix == ".txt":
        return [], [Rejection(source_uri, "binary file: NUL bytes in a .txt file")]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return [], [Rejection(source_uri, f"not valid UTF-8 (byte {error.start}: {error.reason})")]
    if suffix == ".txt":
        return [Record(source_uri, text)], []
    return _read_jsonl(text, source_uri)


def _read_jsonl(text: str, source_uri: str) -> tuple[list[Record], list[Rejection]]:
    records: list[Record] = []
    rejections: list[Rejection] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        uri = f"{source_uri}:{number}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as error:
            rejections.append(Rejection(uri, f"invalid JSON: {error.msg} at column {error.colno}"))
            continue
        if not isinstance(obj, dict):
            rejections.append(Rejection(uri, f"a JSON object was expected, got {type(obj).__name__}"))
            continue
        if "text" not in obj:
            rejections.append(Rejection(uri, "missing required field 'text'"))
            continue
        records.append(Record(uri, obj["text"], {k: v for k, v in obj.items() if k != "text"}))
    return records, rejections
