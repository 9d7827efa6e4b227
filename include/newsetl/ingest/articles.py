"""Turn the records of a landing folder into article rows keyed by content hash."""

from __future__ import annotations

import hashlib
import logging
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

from newsetl.ingest import clean, metadata, readers

log = logging.getLogger(__name__)

MIN_TEXT_CHARS = 20
MAX_TEXT_CHARS = 5_000_000


@dataclass(frozen=True)
class Article:
    article_id: str
    source_article_id: str | None
    source_uri: str
    outlet: str | None
    published_date: date | None
    title: str | None
    url: str | None
    raw_text: str
    clean_text: str
    is_lowercased: bool


@dataclass
class IngestResult:
    articles: list[Article]
    rejections: list[readers.Rejection]
    duplicates: int = 0

    def articles_frame(self):
        import pandas as pd

        columns = list(Article.__dataclass_fields__)
        frame = pd.DataFrame([asdict(a) for a in self.articles], columns=columns)
        frame["published_date"] = pd.to_datetime(frame["published_date"]).dt.date
        return frame

    def quarantine_frame(self):
        import pandas as pd

        return pd.DataFrame([asdict(r) for r in self.rejections], columns=["source_uri", "reason"])


def article_id_for(clean_text: str) -> str:
    """The article key: a hash of the cleaned text, so the same story text is one article."""
    return hashlib.sha256(clean_text.encode("utf-8")).hexdigest()[:16]


def _optional_str(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def build_article(record: readers.Record, manifest: dict[str, str]) -> Article:
    """One record -> one article; raises ValueError with the reason when it cannot be."""
    if not isinstance(record.text, str):
        raise ValueError(f"field 'text' must be a string, got {type(record.text).__name__}")
    raw = record.text
    if len(raw) > MAX_TEXT_CHARS:
        raise ValueError(f"text too long: {len(raw):,} characters (limit {MAX_TEXT_CHARS:,})")
    header = metadata.split_header(clean.normalise_unicode(raw))
    # Precedence: the record's own fields, then the file's header, then the folder manifest.
    fields = {**manifest, **header.fields, **{k: v for k, v in record.fields.items() if v not in (None, "")}}
    text = clean.clean_text(header.body)
    if len(text) < MIN_TEXT_CHARS:
        raise ValueError(f"text is empty or too short ({len(text)} characters after cleaning)")
    published = metadata.parse_published_date(fields.get("published_at"))
    if published is not None and published > date.today():
        raise ValueError(f"published_at {published.isoformat()} is in the future")
    return Article(
        article_id=article_id_for(text),
        source_article_id=_optional_str(record.fields.get("id")),
        source_uri=record.source_uri,
        outlet=_optional_str(fields.get("outlet")) or metadata.outlet_from_dateline(text),
        published_date=published,
        title=_optional_str(fields.get("title")),
        url=_optional_str(fields.get("url")),
        raw_text=raw,
        clean_text=text,
        is_lowercased=clean.is_lowercased(text),
    )


def ingest_folder(input_dir: Path, known_ids: set[str] | frozenset[str] = frozenset()) -> IngestResult:
    """Read every article file under ``input_dir``; skip articles already in the warehouse."""
    result = IngestResult([], [])
    seen: set[str] = set(known_ids)
    manifests: dict[Path, dict[str, dict[str, str]]] = {}
    for path in readers.discover_files(input_dir):
        source_uri = path.relative_to(input_dir).as_posix()
        if path.parent not in manifests:
            try:
                manifests[path.parent] = readers.read_manifest(path.parent)
            except (ValueError, UnicodeDecodeError, OSError) as error:
                result.rejections.append(readers.Rejection(f"{path.parent.relative_to(input_dir).as_posix()}/{readers.MANIFEST_NAME}", str(error)))
                manifests[path.parent] = {}
        records, rejections = readers.read_file(path, source_uri)
        result.rejections.extend(rejections)
        for record in records:
            try:
                article = build_article(record, manifests[path.parent].get(path.name, {}))
            except ValueError as error:
                result.rejections.append(readers.Rejection(record.source_uri, str(error)))
                continue
            if article.article_id in seen:
                result.duplicates += 1
                continue
            seen.add(article.article_id)
            result.articles.append(article)
    log.info(
        "read %s: %d new articles, %d already known or duplicate, %d rejected",
        input_dir, len(result.articles), result.duplicates, len(result.rejections),
    )
    return result
