"""Turn the records of a landing folder into article rows keyed by content hash."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path

from newsetl.ingest import clean, html, metadata, readers

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
    unchanged_files: int = 0
    files: list = field(default_factory=list)
    new_articles: int = 0  # also counts those handed to ``on_article`` rather than kept

    def files_frame(self):
        import pandas as pd

        return pd.DataFrame([asdict(f) for f in self.files], columns=list(SourceFile.__dataclass_fields__))

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


@dataclass(frozen=True)
class SourceFile:
    """What was read of a file, so an unchanged file is skipped cheaply next time."""

    source_path: str
    size_bytes: int
    mtime_ns: int
    content_sha256: str


def build_article(record: readers.Record, manifest: dict[str, str], max_chars: int = MAX_TEXT_CHARS) -> Article:
    """One record -> one article; raises ValueError with the reason when it cannot be."""
    if not isinstance(record.text, str):
        raise ValueError(f"field 'text' must be a string, got {type(record.text).__name__}")
    raw = record.text
    if "\x00" in raw:
        raise ValueError("text contains NUL characters")
    if len(raw) > max_chars:
        raise ValueError(f"text too long: {len(raw):,} characters (limit {max_chars:,}; NEWSETL_MAX_ARTICLE_CHARS)")
    page_fields: dict[str, str] = {}
    body = raw
    if record.markup == "page":
        extracted, page_fields = html.page_to_text(raw)
        if not extracted:
            raise ValueError("no article text found in the HTML page")
        body = extracted
    elif record.markup == "fragment":
        body = html.fragment_to_text(raw)
    header = metadata.split_header(clean.normalise_unicode(body))
    # Precedence: the record's own fields, the file's header, the folder manifest, the page's metadata.
    fields = {**page_fields, **manifest, **header.fields,
              **{k: v for k, v in record.fields.items() if v not in (None, "")}}
    text = clean.clean_text(header.body)
    if len(text) < MIN_TEXT_CHARS:
        raise ValueError(f"text is empty or too short ({len(text)} characters after cleaning)")
    published = metadata.parse_published_date(fields.get("published_at"))
    if published is not None and published > date.today():
        raise ValueError(f"published_at {published.isoformat()} is in the future")
    url = _optional_str(fields.get("url"))
    return Article(
        article_id=article_id_for(text),
        source_article_id=_optional_str(record.fields.get("id")),
        source_uri=record.source_uri,
        outlet=(_optional_str(fields.get("outlet")) or metadata.outlet_from_dateline(text)
                or metadata.outlet_from_url(url)),
        published_date=published,
        title=_optional_str(fields.get("title")),
        url=url,
        raw_text=raw,
        clean_text=text,
        is_lowercased=clean.is_lowercased(text),
    )


def ingest_folder(
    input_dir: Path,
    known_ids: set[str] | frozenset[str] = frozenset(),
    known_files: dict[str, SourceFile] | None = None,
    *,
    max_article_chars: int = MAX_TEXT_CHARS,
    max_file_bytes: int | None = None,
    on_article: Callable[[Article], None] | None = None,
) -> IngestResult:
    """Read the article files under ``input_dir`` that changed since they were last read.

    A file whose size and modification time match ``known_files`` is skipped
    without being opened; one whose bytes hash the same is skipped after
    reading. Articles already in the warehouse (``known_ids``) are skipped.
    New articles are collected in ``result.articles``, or, with ``on_article``,
    handed to it one by one and not kept (a large folder then streams through).
    """
    known_files = known_files or {}
    max_file_bytes = max_file_bytes or max_article_chars * 4
    result = IngestResult([], [])
    seen: set[str] = set(known_ids)
    manifests: dict[Path, dict[str, dict[str, str]]] = {}
    for found in readers.discover_files(input_dir):
        source_path = str(found.path.absolute())
        state = None
        if found.problem is None:
            stat = found.path.stat()
            previous = known_files.get(source_path)
            if previous and (previous.size_bytes, previous.mtime_ns) == (stat.st_size, stat.st_mtime_ns):
                result.unchanged_files += 1
                continue
            if stat.st_size <= max_file_bytes:
                digest = hashlib.sha256(found.path.read_bytes()).hexdigest()
                if previous and previous.content_sha256 == digest:
                    result.unchanged_files += 1
                    continue
                state = SourceFile(source_path, stat.st_size, stat.st_mtime_ns, digest)
        if found.path.parent not in manifests:
            try:
                manifests[found.path.parent] = readers.read_manifest(found.path.parent)
            except (ValueError, UnicodeDecodeError, OSError) as error:
                uri = (found.path.parent / readers.MANIFEST_NAME).relative_to(input_dir).as_posix()
                result.rejections.append(readers.Rejection(uri, str(error)))
                manifests[found.path.parent] = {}
        records, rejections = readers.read_file(found, max_file_bytes)
        result.rejections.extend(rejections)
        if state is not None:
            result.files.append(state)
        for record in records:
            try:
                article = build_article(record, manifests[found.path.parent].get(found.path.name, {}),
                                        max_article_chars)
            except ValueError as error:
                result.rejections.append(readers.Rejection(record.source_uri, str(error)))
                continue
            if article.article_id in seen:
                result.duplicates += 1
                continue
            seen.add(article.article_id)
            result.new_articles += 1
            if on_article is None:
                result.articles.append(article)
            else:
                on_article(article)
    log.info(
        "read %s: %d new articles, %d already known or duplicate, %d rejected, %d files unchanged",
        input_dir, result.new_articles, result.duplicates, len(result.rejections), result.unchanged_files,
    )
    return result


class ArticleParquetWriter:
    """Articles written to one Parquet file a row group at a time, so staging a folder holds
    one group's texts in memory, not the folder's (35k articles held at once took 1.8 GB)."""

    def __init__(self, path: Path, rows_per_group: int = 1_000) -> None:
        self.path = path
        self.rows_per_group = rows_per_group
        self.article_ids: list[str] = []
        self._pending: list[Article] = []
        self._writer = None

    def add(self, article: Article) -> None:
        self.article_ids.append(article.article_id)
        self._pending.append(article)
        if len(self._pending) >= self.rows_per_group:
            self._flush()

    def close(self) -> None:
        """Write what is pending; an empty load still gets a file with the columns."""
        if self._pending or self._writer is None:
            self._flush()
        self._writer.close()

    def _flush(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        schema = _article_schema()
        columns = {name: [getattr(a, name) for a in self._pending] for name in schema.names}
        table = pa.Table.from_pydict(columns, schema=schema)
        if self._writer is None:
            self._writer = pq.ParquetWriter(self.path, schema)
        self._writer.write_table(table)
        self._pending = []


def _article_schema():
    import pyarrow as pa

    types = {"published_date": pa.date32(), "is_lowercased": pa.bool_()}
    return pa.schema([(name, types.get(name, pa.string())) for name in Article.__dataclass_fields__])
