"""
### Ingest articles

Reads the landing folder (`NEWSETL_INPUT_DIR`, default `seeds/articles`) every
hour: new or changed files (`.txt`, `.jsonl`, `.json`, `.csv`, HTML pages,
RSS/Atom feeds) are read, their articles cleaned, keyed by a hash of their
text, linked to their original when they are near-duplicates, and staged;
Great Expectations validates the batch; the batch, any rejected inputs
(`audit.quarantine`, with the reason) and the file states are loaded in one
transaction. Unchanged files are not reopened, so reruns change nothing.

Emits `raw_articles` when new articles were committed, which starts
`extract_article_facts`.
"""

from __future__ import annotations

from airflow.sdk import dag, task
from airflow.sdk.exceptions import AirflowFailException, AirflowSkipException

from _common import DEFAULT_ARGS, RAW_ARTICLES, START_DATE, WRITER_POOL


@dag(
    schedule="@hourly",
    start_date=START_DATE,
    catchup=False,
    max_active_runs=1,
    default_args=DEFAULT_ARGS,
    tags=["newsetl", "ingest"],
    doc_md=__doc__,
)
def ingest_articles():
    @task(pool=WRITER_POOL)
    def stage_new_articles() -> dict:
        from newsetl import stages
        from newsetl.config import load_settings

        try:
            return stages.stage_new_articles(load_settings())
        except stages.NothingToDo as nothing:
            raise AirflowSkipException(str(nothing)) from None

    @task(pool=WRITER_POOL, outlets=[RAW_ARTICLES])
    def validate_and_load_articles(staged: dict) -> dict:
        from newsetl import stages
        from newsetl.config import load_settings

        try:
            loaded = stages.validate_and_load_articles(load_settings(), staged)
        except stages.ValidationError as failed:
            raise AirflowFailException(str(failed)) from None  # retrying cannot fix the data
        if not loaded["loaded"]:
            raise AirflowSkipException("no new articles (only rejections were recorded)")
        return loaded

    validate_and_load_articles(stage_new_articles())


ingest_articles()
