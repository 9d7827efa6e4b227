"""Tables the Python side writes. dbt reads ``raw.*`` as sources and builds ``marts.*``."""

from __future__ import annotations

from pathlib import Path

DDL = """
create schema if not exists raw;
create schema if not exists audit;

create table if not exists raw.articles (
    article_id varchar primary key,
    source_article_id varchar,
    source_uri varchar not null,
    outlet varchar,
    published_date date,
    title varchar,
    url varchar,
    raw_text varchar not null,
    clean_text varchar not null,
    is_lowercased boolean not null,
    load_id varchar not null
);

create table if not exists raw.source_files (
    source_path varchar primary key,
    size_bytes bigint not null,
    mtime_ns bigint not null,
    content_sha256 varchar not null,
    load_id varchar not null
);

create table if not exists raw.near_duplicates (
    article_id varchar primary key,
    original_article_id varchar not null,
    distance integer not null,
    similarity double not null,
    load_id varchar not null
);

-- One row per article: the SimHash of its word 3-grams (null when too short to
-- match), so the near-duplicate check of a load reads no stored text but its candidates'.
create table if not exists raw.article_signatures (
    article_id varchar primary key,
    simhash bigint,
    load_id varchar not null
);

create table if not exists raw.extractions (
    article_id varchar primary key,
    extractor_version varchar not null,
    load_id varchar not null
);

create table if not exists raw.entity_mentions (
    article_id varchar not null,
    ordinal integer not null,
    start_char integer not null,
    end_char integer not null,
    mention_text varchar not null,
    entity varchar not null,
    entity_type varchar not null,
    extractor_version varchar not null,
    load_id varchar not null,
    primary key (article_id, ordinal)
);

create table if not exists raw.quotes (
    article_id varchar not null,
    ordinal integer not null,
    start_char integer not null,
    end_char integer not null,
    quote_text varchar not null,
    speaker varchar,
    extractor_version varchar not null,
    load_id varchar not null,
    primary key (article_id, ordinal)
);

create table if not exists raw.figures (
    article_id varchar not null,
    ordinal integer not null,
    start_char integer not null,
    end_char integer not null,
    value double not null,
    metric varchar not null,
    counted_noun varchar,
    qualifier varchar not null,
    period_label varchar,
    period_start date,
    period_end date,
    location varchar,
    attributed_to varchar,
    mention_text varchar not null,
    sentence varchar not null,
    extractor_version varchar not null,
    load_id varchar not null,
    in_headline boolean not null default false,
    counted_group varchar,
    primary key (article_id, ordinal)
);
-- Warehouses made before headline figures (extractor 2.5.0) gain the column; their rows are the text's.
alter table raw.figures add column if not exists in_headline boolean default false;
-- And before counted groups (extractor 2.14.0): null until those articles are extracted again.
alter table raw.figures add column if not exists counted_group varchar;

create table if not exists raw.article_stories (
    article_id varchar primary key,
    story_id varchar not null,
    similarity double,
    matched_article_id varchar
);

-- The story-grouping terms of each article with a story (see warehouse/stories.py):
-- document frequencies, candidate stories and their members come from here, so
-- grouping new articles reads no stored text. term_hash: blake2b-64 of the term.
create table if not exists raw.article_terms (
    article_id varchar not null,
    term_hash bigint not null,
    term_count integer not null
);

create table if not exists audit.quarantine (
    source_uri varchar not null,
    reason varchar not null,
    quarantined_at timestamp with time zone not null,
    load_id varchar not null,
    primary key (source_uri, reason)
);

create table if not exists audit.validation_results (
    load_id varchar not null,
    suite varchar not null,
    expectation varchar not null,
    column_name varchar,
    success boolean not null,
    unexpected_count bigint,
    unexpected_sample varchar,
    validated_at timestamp with time zone not null
);

create table if not exists audit.loads (
    load_id varchar primary key,
    stage varchar not null,
    row_counts varchar not null,
    loaded_at timestamp with time zone not null
);
"""


# DuckDB's own memory (its buffers and the table blocks it caches) may otherwise grow to
# 80% of RAM. With a limit it writes a large insert out instead of holding it (loading
# 35k articles: 2.3 GB -> 1.5 GB with the insert from Parquet), drops cached blocks
# (they are on disk) and spills large sorts and joins to the warehouse's temporary
# folder. Story grouping at 35k peaked the same with and without it (2.37 GB).
MEMORY_LIMIT = "1GB"


def connect(path: Path, *, read_only: bool = False):
    """Open the warehouse (with ``MEMORY_LIMIT``); a read-write connection also creates the file and the tables."""
    import duckdb

    config = {"memory_limit": MEMORY_LIMIT}
    if read_only:
        if not path.exists():
            raise FileNotFoundError(f"warehouse {path} does not exist yet: run the pipeline first (make run)")
        return duckdb.connect(str(path), read_only=True, config=config)
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = duckdb.connect(str(path), config=config)
    connection.execute(DDL)
    return connection
