"""The pipeline's stages as plain functions; the DAGs in ``dags/`` only wire them together.

Stages pass paths and ids to each other (Airflow XCom), never article bodies:
data moves through Parquet files in the staging folder and the warehouse.
Every stage is idempotent: run twice, it leaves the warehouse as it was.
"""

from __future__ import annotations

import json
import logging
import shutil
from dataclasses import asdict
from pathlib import Path

from newsetl.config import Settings
from newsetl.extract import EXTRACTOR_VERSION, relation_to_current
from newsetl.extract.entities import NAME_PARTICLES
from newsetl.warehouse import load
from newsetl.warehouse.schema import connect

log = logging.getLogger(__name__)

EXTRACTION_TABLES = {"entity_mentions": "raw_entity_mentions", "quotes": "raw_quotes", "figures": "raw_figures"}


class NothingToDo(Exception):
    """Raised when a stage finds no new work; the DAG turns it into a skip."""


class ValidationError(Exception):
    """A load failed its Great Expectations suite; results are recorded, rows are not loaded."""


class InvalidSettingsFile(Exception):
    """A file a person edits (e.g. the story corrections seed) is malformed: retrying cannot fix it."""


# ---------------------------------------------------------------- ingest

def stage_new_articles(settings: Settings) -> dict:
    """Read what changed in the landing folder; stage new articles, rejections and file states as Parquet.

    Articles stream to the staged Parquet as they are read, so memory does not grow with the folder."""
    import os

    import pandas as pd

    from newsetl.ingest.articles import ArticleParquetWriter, SourceFile, ingest_folder

    with connect(settings.warehouse) as connection:
        known = {row[0] for row in connection.execute("select article_id from raw.articles").fetchall()}
        quarantined = set(connection.execute("select source_uri, reason from audit.quarantine").fetchall())
        files = {row[0]: SourceFile(*row) for row in connection.execute(
            "select source_path, size_bytes, mtime_ns, content_sha256 from raw.source_files").fetchall()}
    # Written under a scratch name: the load id hashes what was read, known only at the end.
    # Staging runs one at a time (the writer pool), so scratch folders left by a killed run go.
    for stale in (settings.staging_dir / "ingest").glob("_reading-*"):
        shutil.rmtree(stale, ignore_errors=True)
    writing = settings.staging_dir / "ingest" / f"_reading-{os.getpid()}"
    writing.mkdir(parents=True)
    writer = ArticleParquetWriter(writing / "articles.parquet")
    try:
        result = ingest_folder(settings.input_dir, known, files, max_article_chars=settings.max_article_chars,
                               max_file_bytes=settings.max_file_bytes, on_article=writer.add)
        writer.close()
    except BaseException:
        shutil.rmtree(writing, ignore_errors=True)
        raise
    rejected = result.quarantine_frame()
    is_new = [(uri, reason) not in quarantined for uri, reason in zip(rejected.source_uri, rejected.reason, strict=True)]
    rejected = rejected.loc[pd.Series(is_new, index=rejected.index, dtype=bool)]
    source_files = result.files_frame()
    if not writer.article_ids and rejected.empty and source_files.empty:
        shutil.rmtree(writing, ignore_errors=True)
        raise NothingToDo(f"nothing new in {settings.input_dir}: {result.unchanged_files} files unchanged, "
                          f"{len(known)} articles already loaded")
    load_id = load.load_id_for("articles", [
        *writer.article_ids, *(f"{u}|{r}" for u, r in zip(rejected.source_uri, rejected.reason, strict=True)),
        *(f"{p}|{h}" for p, h in zip(source_files.source_path, source_files.content_sha256, strict=True))])
    rejected.to_parquet(writing / "quarantine.parquet", index=False)
    source_files.to_parquet(writing / "source_files.parquet", index=False)
    folder = settings.staging_dir / "ingest" / load_id
    shutil.rmtree(folder, ignore_errors=True)  # an earlier attempt at the same load
    writing.rename(folder)
    for row in rejected.itertuples():
        log.warning("quarantined %s: %s", row.source_uri, row.reason)
    log.info("staged %d new articles, %d rejections and %d changed files as %s",
             len(writer.article_ids), len(rejected), len(source_files), load_id)
    return {"load_id": load_id, "folder": str(folder), "articles": len(writer.article_ids), "rejected": len(rejected)}


def validate_and_load_articles(settings: Settings, staged: dict) -> dict:
    """Validate the staged articles with Great Expectations, then load everything in one transaction."""
    import pandas as pd
    import pyarrow.parquet as pq

    from newsetl.ingest.near_duplicates import find_near_duplicates
    from newsetl.quality.suites import failure_message, validate_parts

    folder = Path(staged["folder"])
    load_id = staged["load_id"]
    staged_articles = folder / "articles.parquet"
    # Articles are read from the staged Parquet a part at a time, never all at once.
    article_count = pq.ParquetFile(staged_articles).metadata.num_rows
    rejected = pd.read_parquet(folder / "quarantine.parquet")
    source_files = pd.read_parquet(folder / "source_files.parquet")
    results = validate_parts(_staged_parts(staged_articles, article_count), "raw_articles")
    with connect(settings.warehouse) as connection:
        if load.is_loaded(connection, load_id):
            log.info("load %s is already in the warehouse; nothing to do", load_id)
            shutil.rmtree(folder, ignore_errors=True)
            return {**staged, "loaded": 0}
        existing, known, backfilled = _stored_originals(connection)
        new_signatures = {**backfilled, **_staged_signatures(staged_articles)}
        known.update(new_signatures)
        signatures = pd.DataFrame({"article_id": list(new_signatures),
                                   "simhash": pd.array(list(new_signatures.values()), dtype="Int64")})
        # The earliest published copy is the original (undated ones last, then by file).
        by_date = pq.read_table(staged_articles, columns=["article_id", "published_date", "source_uri"]).to_pandas()
        by_date = by_date.sort_values(["published_date", "source_uri"], na_position="last", key=_sortable)

        def staged_text(article_id: str):
            # Every new article's signature is known, so a text is read only when the
            # article has candidates: a few reads a load.
            return lambda: connection.execute("select clean_text from read_parquet(?) where article_id = ?",
                                              [str(staged_articles), article_id]).fetchone()[0]

        near = pd.DataFrame([asdict(d) for d in find_near_duplicates(
            [(article_id, staged_text(article_id)) for article_id in by_date.article_id], existing, known=known)],
            columns=["article_id", "original_article_id", "distance", "similarity"])

        def write() -> None:
            # Straight from the staged Parquet, not from Python strings; and with the connection's
            # memory limit (schema.MEMORY_LIMIT), DuckDB writes the rows out rather than keep the
            # load in its buffers (inserting 35k articles took the process from 1.5 GB to 2.3 GB
            # without both).
            connection.execute("insert into raw.articles by name select *, ? as load_id from read_parquet(?)",
                               [load_id, str(staged_articles)])
            load.insert_frame(connection, "raw.near_duplicates", near.assign(load_id=load_id))
            load.insert_frame(connection, "raw.article_signatures", signatures.assign(load_id=load_id))
            load.quarantine(connection, load_id, rejected)
            connection.register("changed_files", source_files)
            connection.execute("delete from raw.source_files where source_path in (select source_path from changed_files)")
            load.insert_frame(connection, "raw.source_files", source_files.assign(load_id=load_id))
            load.record_load(connection, load_id, "articles", {
                "articles": article_count, "near_duplicates": len(near), "quarantined": len(rejected),
                "files": len(source_files)})

        _commit_or_fail(connection, load_id, results, failure_message(results), write)
    shutil.rmtree(folder, ignore_errors=True)
    log.info("loaded %d articles (%d near-duplicates), quarantined %d inputs, recorded %d files (load %s)",
             article_count, len(near), len(rejected), len(source_files), load_id)
    return {**staged, "loaded": article_count}


def _staged_parts(path: Path, rows: int):
    """The staged articles as DataFrames of about ``VALIDATION_ROWS`` rows, split by ``article_id``
    (what ``validate_parts`` needs), read one at a time."""
    import duckdb

    from newsetl.quality.suites import VALIDATION_ROWS

    parts = max(-(-rows // VALIDATION_ROWS), 1)
    with duckdb.connect() as reader:
        for part in range(parts):
            yield reader.sql("select * from read_parquet($path) where hash(article_id) % $parts = $part",
                             params={"path": str(path), "parts": parts, "part": part}).to_arrow_table().to_pandas()


def _staged_signatures(path: Path) -> dict[str, int | None]:
    """The near-duplicate signature of each staged article, reading the texts a row group at a time."""
    import pyarrow.parquet as pq

    from newsetl.ingest.near_duplicates import stored_signature

    signatures: dict[str, int | None] = {}
    for batch in pq.ParquetFile(path).iter_batches(columns=["article_id", "clean_text"]):
        for article_id, text in zip(batch.column("article_id").to_pylist(), batch.column("clean_text").to_pylist(),
                                    strict=True):
            signatures[article_id] = stored_signature(text)
    return signatures


def _stored_originals(connection) -> tuple[list, dict, dict]:
    """The stored originals (a new copy of an old copy links to the root article) for the
    near-duplicate check: (article_id, text or a function reading it) pairs, their stored
    signatures, and signatures computed now for articles stored before signatures were."""
    from newsetl.ingest.near_duplicates import stored_signature

    originals = """from raw.articles as articles
        left join raw.article_signatures as signatures on articles.article_id = signatures.article_id
        where articles.article_id not in (select article_id from raw.near_duplicates)"""
    signed = connection.execute(
        f"select articles.article_id, signatures.simhash {originals} and signatures.article_id is not null").fetchall()
    unsigned = connection.execute(
        f"select articles.article_id, articles.clean_text {originals} and signatures.article_id is null").fetchall()

    def reader(article_id: str):
        return lambda: connection.execute(
            "select clean_text from raw.articles where article_id = ?", [article_id]).fetchone()[0]

    existing = [(article_id, reader(article_id)) for article_id, _ in signed] + unsigned
    backfilled = {article_id: stored_signature(text) for article_id, text in unsigned}
    return existing, {**dict(signed), **backfilled}, backfilled


def _sortable(column):
    """Dates (``datetime.date`` objects from Parquet) as sortable strings; None stays None."""
    return column.map(lambda v: None if v is None or v != v else str(v))


def _commit_or_fail(connection, load_id: str, results, failure: str | None, write) -> None:
    """Record the validation results; write the rows only if every expectation passed."""
    connection.execute("begin transaction")
    try:
        load.record_validation(connection, load_id, results)
        if failure is None:
            write()
        connection.execute("commit")
    except Exception:
        connection.execute("rollback")
        raise
    if failure is not None:
        raise ValidationError(failure)


# ---------------------------------------------------------------- extract

def plan_extraction(settings: Settings, *, reextract: bool = False) -> list[str]:
    """Stage the articles that need extraction, in batches; return the batch folders.

    Articles already extracted by the current extractor version are skipped.
    With ``reextract``, articles extracted by an older version are staged too
    (a new version never reprocesses silently: see README).
    """
    with connect(settings.warehouse) as connection:
        condition = "e.article_id is null" + (" or e.extractor_version <> ?" if reextract else "")
        params = [EXTRACTOR_VERSION] if reextract else []
        todo = connection.execute(
            f"""select a.article_id, a.clean_text, a.is_lowercased, a.published_date, a.outlet, a.title
                from raw.articles as a left join raw.extractions as e on e.article_id = a.article_id
                where {condition} order by a.article_id""",
            params,
        ).df()
        known_names = connection.execute(KNOWN_NAMES_SQL).df()
        # Without reextract, say so when articles wait for it rather than "nothing to do".
        other_versions = [] if reextract or not todo.empty else connection.execute(
            "select extractor_version, count(*) from raw.extractions where extractor_version <> ? group by all",
            [EXTRACTOR_VERSION]).fetchall()
    if todo.empty:
        others = sum(count for _, count in other_versions)
        relation = relation_to_current([version for version, _ in other_versions])
        raise NothingToDo("every article is already extracted" + (
            f" ({others:,} by an extractor {relation} {EXTRACTOR_VERSION}: trigger with "
            '{"reextract": true} to extract them again)' if others else f" by extractor version {EXTRACTOR_VERSION}"))
    run_key = load.load_id_for("extract", todo.article_id)
    root = settings.staging_dir / "extract" / run_key
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    known_names.to_parquet(root / "known_names.parquet", index=False)
    batches = []
    for number, start in enumerate(range(0, len(todo), settings.batch_size)):
        folder = root / f"batch_{number:05d}"
        folder.mkdir()
        todo.iloc[start : start + settings.batch_size].to_parquet(folder / "articles.parquet", index=False)
        batches.append(str(folder))
    log.info("planned %d articles in %d batches of up to %d", len(todo), len(batches), settings.batch_size)
    return batches


# The names earlier loads found in cased articles, for the gazetteer (matched case-insensitively; see
# extract/gazetteer.py). One type a name: the one it was found as most often (the model types one word
# differently article by article, and a name learned once as a place was a place everywhere after). A
# single word most of whose mentions are a person's ("Trump" beside "Donald Trump", which the model now and
# then reads as an organisation) is learned as a person, as written, when it was the surname of a full name
# in two articles or more: an article resolves it to a full name (extract_mentions), and lowercased text does
# not match it ("rice", "bush"; see _KnownNameMatcher). A full name is learned only when every word of it is
# capitalised (the model's "Trump tweeted" once learned was matched in every later article).
KNOWN_NAMES_SQL = r"""
    with cased as (
        select m.article_id, m.entity, m.entity_type, m.mention_text
        from raw.entity_mentions as m
        inner join raw.articles as a on m.article_id = a.article_id
        where not a.is_lowercased and m.entity_type in ('PERSON', 'ORG', 'LOCATION')
    ),
    person_words as (
        select lower(mention_text) as word
        from cased
        where mention_text not like '% %'
        group by all
        having count(*) filter (where entity_type = 'PERSON') * 2 > count(*)
    ),
    typed as (
        select entity, entity_type, count(*) as n
        from cased
        -- a person by full name, every word a name's ("Steve Bannon", "Bashar al Assad"), not "Trump tweeted"
        where
            entity_type <> 'PERSON'
            or regexp_full_match(entity, '\p{Lu}\S*( (\p{Lu}\S*|PARTICLES))+')
        group by all
        union all
        -- and by a single word mostly found as a person's, as written, when it was the surname of a full
        -- name in two articles or more ("Trump" for "Donald Trump"; not the model's "Think" or "Eighty")
        select any_value(mention_text) as entity, 'PERSON' as entity_type, count(*) as n
        from cased
        where
            entity_type = 'PERSON' and mention_text not like '% %'
            and regexp_full_match(mention_text, '\p{Lu}\p{Ll}[\p{L}''’-]*')
            and lower(mention_text) in (select word from person_words)
            -- the model's "House Republicans" as a person made "Republicans" a surname
            and not regexp_full_match(lower(mention_text), '(democrat|democratic|republican|gop)s?')
        group by lower(mention_text)
        having count(distinct article_id) filter (
            where entity like '% %' and lower(split_part(entity, ' ', -1)) = lower(mention_text)
        ) >= 2
    )
    select entity, entity_type
    from typed
    where entity like '% %' or entity_type = 'PERSON' or lower(entity) not in (select word from person_words)
    qualify row_number() over (partition by lower(entity) order by n desc, entity, entity_type) = 1
""".replace("PARTICLES", "|".join(sorted(NAME_PARTICLES)))


def extract_batch(settings: Settings, batch_folder: str) -> str:
    """Extract one staged batch into Parquet files beside it (no database access)."""
    import pandas as pd

    from newsetl.extract.gazetteer import load_aliases
    from newsetl.extract.run import extract_articles, load_nlp

    folder = Path(batch_folder)
    articles = pd.read_parquet(folder / "articles.parquet")
    articles["published_date"] = pd.to_datetime(articles["published_date"]).dt.date
    articles = articles.astype(object).where(articles.notna(), None)
    gazetteer = load_aliases()
    for row in pd.read_parquet(folder.parent / "known_names.parquet").itertuples():
        gazetteer.add(row.entity, row.entity, row.entity_type)
    extraction = extract_articles(articles.to_dict("records"), load_nlp(settings.spacy_model, settings.ner_model),
                                  gazetteer, n_process=settings.extract_processes)
    for name in EXTRACTION_TABLES:
        frame = pd.DataFrame(getattr(extraction, name), columns=_columns(name))
        frame.to_parquet(folder / f"{name}.parquet", index=False)
    (folder / "done.json").write_text(json.dumps({"articles": len(articles)}))
    return batch_folder


def _columns(name: str) -> list[str]:
    from newsetl.extract.entities import Mention
    from newsetl.extract.figures import Figure
    from newsetl.extract.quotes import Quote

    item = {"entity_mentions": Mention, "quotes": Quote, "figures": Figure}[name]
    return ["article_id", "ordinal", *item.__dataclass_fields__, "extractor_version"]


def validate_and_load_extractions(settings: Settings, batch_folders: list[str]) -> dict:
    """Validate every extraction table of the run, then replace those articles' rows in one transaction."""
    import pandas as pd

    from newsetl.quality.suites import failure_message, validate_frame

    folders = [Path(f) for f in batch_folders]
    frames = {name: pd.concat([pd.read_parquet(f / f"{name}.parquet") for f in folders], ignore_index=True)
              for name in EXTRACTION_TABLES}
    articles = pd.concat([pd.read_parquet(f / "articles.parquet", columns=["article_id"]) for f in folders],
                         ignore_index=True)
    load_id = load.load_id_for(f"facts-{EXTRACTOR_VERSION}", articles.article_id)
    results = [r for name, suite in EXTRACTION_TABLES.items() for r in validate_frame(frames[name], suite)]
    counts = {name: len(frame) for name, frame in frames.items()} | {"articles": len(articles)}

    def write() -> None:
        connection.register("extracted_articles", articles)
        for name in EXTRACTION_TABLES:
            connection.execute(f"delete from raw.{name} where article_id in (select article_id from extracted_articles)")
            load.insert_frame(connection, f"raw.{name}", frames[name].assign(load_id=load_id))
        connection.execute("delete from raw.extractions where article_id in (select article_id from extracted_articles)")
        load.insert_frame(connection, "raw.extractions",
                          articles.assign(extractor_version=EXTRACTOR_VERSION, load_id=load_id))
        load.record_load(connection, load_id, "facts", counts)

    with connect(settings.warehouse) as connection:
        # Not "was this load ever made" but "is it what the articles hold now": after an
        # upgrade and a downgrade, the same version's load of the same articles is due again.
        connection.register("extracted_articles", articles)
        current = connection.execute(
            "select count(*) from raw.extractions where load_id = ? and article_id in "
            "(select article_id from extracted_articles)", [load_id]).fetchone()[0]
        if current == len(articles):
            log.info("load %s is already in the warehouse; nothing to do", load_id)
            return {"load_id": load_id, **counts, "loaded": False}
        _commit_or_fail(connection, load_id, results, failure_message(results), write)
    shutil.rmtree(folders[0].parent, ignore_errors=True)
    log.info("loaded %s (load %s)", counts, load_id)
    return {"load_id": load_id, **counts, "loaded": True}


# ---------------------------------------------------------------- marts

# Articles grouped per pass of group_stories: about 150 MB of term counts and vectors.
STORY_CHUNK = 2000
# An undated article has no date window to narrow its candidates, so a chunk of them
# loads stored stories from the whole warehouse: at 35k articles, 2,000 undated ones
# loaded 18k stored members (6M vector entries, 1.45 GB); half the chunk, half that.
STORY_CHUNK_UNDATED = 1000


def group_stories(settings: Settings) -> dict:
    """Give every article without a story one (see ``warehouse/stories.py``), comparing it with
    the stored stories as ``story_corrections`` (a dbt seed) corrects them."""
    from newsetl.warehouse.stories import (
        STORY_CORRECTIONS_SEED,
        assign_in_warehouse,
        read_story_corrections,
        use_story_corrections,
    )

    try:
        corrections = read_story_corrections(settings.dbt_project_dir / "seeds" / STORY_CORRECTIONS_SEED)
    except ValueError as malformed:
        raise InvalidSettingsFile(str(malformed)) from None
    with connect(settings.warehouse) as connection:
        use_story_corrections(connection, corrections)
        unknown = [row[0] for row in connection.execute(
            "select article_id from story_corrections anti join raw.articles using (article_id) order by 1").fetchall()]
        if unknown:  # dbt's relationships test warns too; the row is kept for an article still to come
            log.warning("%s names %d article(s) not in raw.articles: %s", STORY_CORRECTIONS_SEED, len(unknown),
                        ", ".join(unknown[:5]) + (" ..." if len(unknown) > 5 else ""))
        unassigned, stories = connection.execute(
            """select count(*) filter (where s.story_id is null), count(distinct s.story_id)
               from raw.articles as a left join grouped_stories as s on s.article_id = a.article_id"""
        ).fetchone()
        if not unassigned:  # nothing new: no text is read
            return {"assigned": 0, "stories": stories}
        _backfill_article_terms(connection)
        # Terms count only for grouped articles (stories removed by hand would count twice).
        connection.execute("""delete from raw.article_terms
                              where article_id not in (select article_id from raw.article_stories)""")
        new = connection.execute(
            """select a.article_id, a.published_date is null
               from raw.articles as a left join raw.article_stories as s on s.article_id = a.article_id
               where s.story_id is null
               order by a.published_date nulls last, a.article_id""").fetchall()
        import pandas as pd

        assigned = 0
        # In chunks, so that memory stays bounded however many articles arrive at once: each
        # chunk is grouped against what the chunks before it stored (see warehouse/stories.py).
        for chunk_ids in _story_chunks(new):
            chunk = _story_candidates(connection, chunk_ids)
            assignments, article_terms = assign_in_warehouse(connection, chunk, corrections)
            connection.begin()
            load.insert_frame(connection, "raw.article_terms", article_terms)
            load.insert_frame(connection, "raw.article_stories", pd.DataFrame([asdict(a) for a in assignments]))
            connection.commit()
            assigned += len(assignments)
            if len(new) > len(chunk_ids):
                log.info("grouped %d of %d new articles", assigned, len(new))
        stories = connection.execute("select count(distinct story_id) from grouped_stories").fetchall()[0][0]
    log.info("assigned %d articles to stories; %d stories in all%s", assigned, stories,
             f" ({len(corrections)} corrected by {STORY_CORRECTIONS_SEED})" if corrections else "")
    return {"assigned": assigned, "stories": stories}


def _story_chunks(new: list[tuple[str, bool]]):
    """The new article ids, (id, undated) in grouping order, in chunks of ``STORY_CHUNK``,
    or ``STORY_CHUNK_UNDATED`` from the first undated article on."""
    start = 0
    while start < len(new):
        size = STORY_CHUNK_UNDATED if new[start][1] else STORY_CHUNK
        yield [article_id for article_id, _ in new[start:start + size]]
        start += size


def _story_candidates(connection, article_ids: list[str]) -> list:
    """The articles' grouping inputs, in the order of ``article_ids``."""
    import pandas as pd

    from newsetl.warehouse.stories import StoryCandidate

    connection.register("story_chunk", pd.DataFrame({"article_id": article_ids}))
    try:
        rows = {row[0]: row for row in connection.execute(
            """select article_id, published_date, clean_text, title from raw.articles
               where article_id in (select article_id from story_chunk)""").fetchall()}
    finally:
        connection.unregister("story_chunk")
    return [StoryCandidate(*rows[article_id]) for article_id in article_ids]


def _backfill_article_terms(connection) -> None:
    """Story terms for articles grouped before ``raw.article_terms`` existed (read once)."""
    from newsetl.warehouse.stories import StoryCandidate, hashed_terms, terms_frame

    rows = connection.execute(
        """select a.article_id, a.published_date, a.clean_text, a.title
           from raw.articles as a inner join raw.article_stories as s on s.article_id = a.article_id
           where a.article_id not in (select article_id from raw.article_terms)""").fetchall()
    if rows:
        log.info("storing story terms of %d articles grouped before they were stored", len(rows))
    for start in range(0, len(rows), STORY_CHUNK):
        chunk = rows[start:start + STORY_CHUNK]
        load.insert_frame(connection, "raw.article_terms",
                          terms_frame([row[0] for row in chunk], [hashed_terms(StoryCandidate(*row)) for row in chunk]))


def run_dbt(settings: Settings, *args: str) -> list:
    """Run a dbt command in-process against the warehouse; return its node results, raise
    with the failing nodes."""
    import os

    from dbt.cli.main import dbtRunner

    from newsetl.freshness import dbt_target, mark_build

    os.environ["NEWSETL_WAREHOUSE"] = str(settings.warehouse)
    project = str(settings.dbt_project_dir)
    target = dbt_target(settings)
    try:
        result = dbtRunner().invoke([*args, "--project-dir", project, "--profiles-dir", project,
                                     "--target-path", str(target), "--log-path", str(target / "logs")])
    finally:
        _release_dbt_duckdb()
    if result.success:
        if args[:1] == ("build",):
            mark_build(settings)
        return list(getattr(result.result, "results", None) or [])
    failures = []
    for node in getattr(result.result, "results", None) or []:
        if str(node.status) in ("error", "fail"):
            failures.append(f"{node.node.unique_id}: {node.status}: {node.message}")
    detail = "\n".join(failures) or str(result.exception)
    raise RuntimeError(f"dbt {' '.join(args)} failed:\n{detail}")


def _release_dbt_duckdb() -> None:
    """Close the DuckDB instance dbt-duckdb keeps for the whole process after a command.

    ``airflow dags test`` runs every task in one process; while that read-write
    instance lives, a later task cannot open the file read-only ("different
    configuration than existing connections"). dbt-duckdb only drops it at exit.
    """
    from dbt.adapters.duckdb.connections import DuckDBConnectionManager

    with DuckDBConnectionManager._LOCK:
        environment = DuckDBConnectionManager._ENV
        DuckDBConnectionManager._ENV = None
        if environment is not None:
            environment.close()


def publish_docs(settings: Settings) -> Path:
    """Generate the dbt docs site and copy it next to the warehouse (served by make docs / compose)."""
    run_dbt(settings, "docs", "generate")
    target = settings.warehouse.parent / f"{settings.warehouse.stem}_dbt_target"
    settings.docs_dir.mkdir(parents=True, exist_ok=True)
    for name in ("index.html", "manifest.json", "catalog.json"):
        shutil.copy2(target / name, settings.docs_dir / name)
    log.info("dbt docs site written to %s", settings.docs_dir)
    return settings.docs_dir


def publish_report(settings: Settings) -> Path:
    """Write the coverage report (``newsetl.report``) next to the warehouse; the warehouse is only read."""
    from newsetl.report.render import write_report

    return write_report(settings.warehouse, settings.report_path)
