"""
### Build marts

Runs when `article_facts` changes (or by hand): assigns new articles to
stories, runs `dbt build` (seeds, staging, intermediate, marts and every dbt
test) against the warehouse, then generates the dbt docs site into
`<warehouse folder>/docs` (served by `make docs`) and writes the coverage report,
a static page of each story's figures and actors by outlet, to
`<warehouse folder>/report/index.html`. Emits `marts`.
"""

from __future__ import annotations

from airflow.sdk import dag, task
from airflow.sdk.exceptions import AirflowFailException

from _common import ARTICLE_FACTS, DEFAULT_ARGS, MARTS, START_DATE, WRITER_POOL


@dag(
    schedule=[ARTICLE_FACTS],
    start_date=START_DATE,
    catchup=False,
    max_active_runs=1,
    default_args=DEFAULT_ARGS,
    tags=["newsetl", "dbt"],
    doc_md=__doc__,
)
def build_marts():
    @task(pool=WRITER_POOL)
    def group_stories() -> dict:
        from newsetl import stages
        from newsetl.config import load_settings

        try:
            return stages.group_stories(load_settings())
        except stages.InvalidSettingsFile as malformed:
            raise AirflowFailException(str(malformed)) from None  # retrying cannot fix the file

    @task(pool=WRITER_POOL, outlets=[MARTS])
    def dbt_build() -> None:
        from newsetl import stages
        from newsetl.config import load_settings

        # Unit tests have fixed inputs: they run in `make test`, not on every load (dbt's advice).
        stages.run_dbt(load_settings(), "build", "--exclude-resource-type", "unit_test")

    @task(pool=WRITER_POOL)
    def dbt_docs() -> str:
        from newsetl import stages
        from newsetl.config import load_settings

        return str(stages.publish_docs(load_settings()))

    # Reads only, but a read-only DuckDB open still fails while another process writes: same pool.
    @task(pool=WRITER_POOL)
    def coverage_report() -> str:
        from newsetl import stages
        from newsetl.config import load_settings

        return str(stages.publish_report(load_settings()))

    built = group_stories() >> dbt_build()
    built >> [dbt_docs(), coverage_report()]


build_marts()
