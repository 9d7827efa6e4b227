"""
### Extract article facts

Runs when `raw_articles` changes (or by hand). Articles not yet extracted by
the current extractor version are staged in batches (`NEWSETL_BATCH_SIZE`);
each batch is a mapped task that runs spaCy and the rules for entities, quotes
and figures and writes Parquet, never the database. One loader then validates
every table with Great Expectations and loads them in one transaction.

Trigger with `{"reextract": true}` to re-extract articles processed by an older
extractor version. Emits `article_facts`, which starts `build_marts`.
"""

from __future__ import annotations

from airflow.sdk import Param, dag, task
from airflow.sdk.exceptions import AirflowFailException, AirflowSkipException

from _common import ARTICLE_FACTS, DEFAULT_ARGS, RAW_ARTICLES, START_DATE, WRITER_POOL


@dag(
    schedule=[RAW_ARTICLES],
    start_date=START_DATE,
    catchup=False,
    max_active_runs=1,
    default_args=DEFAULT_ARGS,
    tags=["newsetl", "extract"],
    params={"reextract": Param(False, type="boolean", description="Re-extract articles done by an older extractor version")},
    doc_md=__doc__,
)
def extract_article_facts():
    @task(pool=WRITER_POOL)
    def plan_batches(params: dict | None = None) -> list[str]:
        from newsetl import stages
        from newsetl.config import load_settings

        try:
            return stages.plan_extraction(load_settings(), reextract=bool((params or {}).get("reextract")))
        except stages.NothingToDo as nothing:
            raise AirflowSkipException(str(nothing)) from None

    @task
    def extract_batch(batch_folder: str) -> str:
        from newsetl import stages
        from newsetl.config import load_settings

        return stages.extract_batch(load_settings(), batch_folder)

    @task(pool=WRITER_POOL, outlets=[ARTICLE_FACTS])
    def validate_and_load_facts(batch_folders: list[str]) -> dict:
        from newsetl import stages
        from newsetl.config import load_settings

        try:
            return stages.validate_and_load_extractions(load_settings(), list(batch_folders))
        except stages.ValidationError as failed:
            raise AirflowFailException(str(failed)) from None

    validate_and_load_facts(extract_batch.expand(batch_folder=plan_batches()))


extract_article_facts()
