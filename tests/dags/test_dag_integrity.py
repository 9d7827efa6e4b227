"""Every DAG imports cleanly and follows the house rules."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

DAGS_DIR = Path(__file__).resolve().parents[2] / "dags"
DAG_FILES = sorted(p.stem for p in DAGS_DIR.glob("*.py") if not p.name.startswith("_"))
# Tasks that open the warehouse read-write must share the 1-slot pool.
WRITER_TASKS = {
    "ingest_articles": {"stage_new_articles", "validate_and_load_articles"},
    "extract_article_facts": {"plan_batches", "validate_and_load_facts"},
    "build_marts": {"group_stories", "dbt_build", "dbt_docs", "coverage_report"},
}


@pytest.fixture(scope="module")
def dag_bag():
    from airflow.dag_processing.dagbag import DagBag

    # Airflow puts the DAGs folder on sys.path for its own processes; do the same here.
    monkeypatch_path = str(DAGS_DIR)
    if monkeypatch_path not in sys.path:
        sys.path.insert(0, monkeypatch_path)
    return DagBag(dag_folder=str(DAGS_DIR))


def test_dag_files_import_without_errors(dag_bag):
    assert dag_bag.import_errors == {}


def test_every_dag_file_defines_the_dag_named_after_it(dag_bag):
    assert sorted(dag_bag.dag_ids) == DAG_FILES == sorted(WRITER_TASKS)


@pytest.mark.parametrize("dag_id", DAG_FILES)
def test_dag_follows_house_rules(dag_bag, dag_id):
    dag = dag_bag.get_dag(dag_id)
    assert dag.tags and "newsetl" in dag.tags
    assert dag.catchup is False
    assert dag.max_active_runs == 1
    assert dag.doc_md and dag.doc_md.strip().startswith("###")
    for task in dag.tasks:
        assert task.retries >= 2, task.task_id
    writers = {t.task_id for t in dag.tasks if t.pool == "duckdb_writer"}
    assert writers == WRITER_TASKS[dag_id]


def test_dags_are_chained_by_assets(dag_bag):
    ingest = dag_bag.get_dag("ingest_articles")
    extract = dag_bag.get_dag("extract_article_facts")
    marts = dag_bag.get_dag("build_marts")
    assert [a.name for a in ingest.get_task("validate_and_load_articles").outlets] == ["raw_articles"]
    assert [a.name for a in extract.get_task("validate_and_load_facts").outlets] == ["article_facts"]
    assert "raw_articles" in str(extract.timetable.asset_condition)
    assert "article_facts" in str(marts.timetable.asset_condition)
    assert ingest.timetable.expression == "0 * * * *"  # hourly on the landing folder


def test_extraction_fans_out_over_batches(dag_bag):
    extract = dag_bag.get_dag("extract_article_facts")
    assert type(extract.get_task("extract_batch")).__name__.endswith("MappedOperator")


def test_dag_files_do_not_import_heavy_modules_at_module_level():
    banned = ("import duckdb", "import pandas", "import spacy", "import great_expectations", "from newsetl")
    for path in DAGS_DIR.glob("*.py"):
        top_level = [line for line in path.read_text().splitlines() if not line.startswith((" ", "\t"))]
        assert not [line for line in top_level if line.startswith(banned)], path.name
