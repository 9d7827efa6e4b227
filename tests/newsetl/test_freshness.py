"""When `make run` may leave a downstream DAG unstarted: nothing to extract, marts newer than every input."""

from __future__ import annotations

import os
import time

import pytest

from newsetl.config import load_settings
from newsetl.extract import EXTRACTOR_VERSION
from newsetl.freshness import dbt_target, mark_build, nothing_to_do
from newsetl.warehouse.schema import connect


@pytest.fixture
def settings(tmp_path, monkeypatch):
    project = tmp_path / "dbt_project"
    (project / "models").mkdir(parents=True)
    (project / "models" / "dim_articles.sql").write_text("select 1")
    monkeypatch.setenv("NEWSETL_WAREHOUSE", str(tmp_path / "news.duckdb"))
    monkeypatch.setenv("NEWSETL_DBT_PROJECT_DIR", str(project))
    settings = load_settings()
    with connect(settings.warehouse) as connection:  # creates the raw and audit tables
        connection.execute("""insert into raw.articles (article_id, source_uri, raw_text, clean_text, is_lowercased, load_id)
                              values ('a1', 'a.txt', 'text', 'text', false, 'L1')""")
        connection.execute("insert into audit.loads values ('L1', 'articles', '{}', now() - interval 1 hour)")
    return settings


def _publish(settings) -> None:
    mark_build(settings)
    for page in (settings.docs_dir / "index.html", settings.report_path):
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text("<html></html>")


def test_extraction_waits_for_articles_without_an_extraction(settings):
    assert nothing_to_do(settings, "extract_article_facts") is None
    with connect(settings.warehouse) as connection:
        connection.execute("insert into raw.extractions values ('a1', ?, 'L2')", [EXTRACTOR_VERSION])
    assert nothing_to_do(settings, "extract_article_facts") == "every article is already extracted"


def test_articles_of_an_older_extractor_are_named_and_are_work_when_reextract_is_asked(settings):
    with connect(settings.warehouse) as connection:
        connection.execute("insert into raw.extractions values ('a1', '0.9.0', 'L2')")
    assert nothing_to_do(settings, "extract_article_facts") == (
        f"every article is already extracted (1 by extractor 0.9.0, older than {EXTRACTOR_VERSION}: "
        "make run REEXTRACT=1 extracts them again)")
    assert nothing_to_do(settings, "extract_article_facts", reextract=True) is None


def test_marts_are_rebuilt_after_a_load_an_edit_or_a_missing_page(settings):
    assert nothing_to_do(settings, "build_marts") is None  # never built
    model = settings.dbt_project_dir / "models" / "dim_articles.sql"
    past = time.time() - 600
    os.utime(model, (past, past))
    _publish(settings)
    assert nothing_to_do(settings, "build_marts").startswith("the marts, docs and report are newer")
    # A load after the build.
    with connect(settings.warehouse) as connection:
        connection.execute("insert into audit.loads values ('L2', 'facts', '{}', now() + interval 1 minute)")
    assert nothing_to_do(settings, "build_marts") is None
    with connect(settings.warehouse) as connection:
        connection.execute("delete from audit.loads where load_id = 'L2'")
    # An edited model after the build.
    future = time.time() + 60
    os.utime(model, (future, future))
    assert nothing_to_do(settings, "build_marts") is None
    os.utime(model, (past, past))
    # The report was deleted.
    settings.report_path.unlink()
    assert nothing_to_do(settings, "build_marts") is None
    assert (dbt_target(settings) / "newsetl_build_succeeded").exists()


def test_nothing_is_skipped_before_the_first_run(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSETL_WAREHOUSE", str(tmp_path / "none.duckdb"))
    assert nothing_to_do(load_settings(), "build_marts") is None
    assert not (tmp_path / "none.duckdb").exists()
