"""A story correction (the `story_corrections` dbt seed) through `make run`, as a user makes one."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from tests.conftest import REPO, SEED_CASED, SEED_DIR, SEED_REUTERS
from tests.integration.conftest import make_run, query

pytestmark = [pytest.mark.integration, pytest.mark.slow]


def test_a_correction_moves_an_article_in_the_marts_and_is_undone_by_removing_it(tmp_path):
    from newsetl.ingest.articles import ingest_folder

    ids = {a.source_uri: a.article_id for a in ingest_folder(SEED_DIR).articles}
    project = tmp_path / "dbt_project"
    shutil.copytree(REPO / "dbt_project", project, ignore=shutil.ignore_patterns("target", "logs", "dbt_packages"))
    corrections = project / "seeds" / "story_corrections.csv"
    # Split the undated cased copy off the 30 June story that grouping puts it in.
    corrections.write_text(f"article_id,story_id,note\n{ids[SEED_CASED]},cased_copy_apart,test\n", encoding="utf-8")
    warehouse = tmp_path / "news.duckdb"
    make_run(SEED_DIR, warehouse, f"NEWSETL_DBT_PROJECT_DIR={project}")

    june = f"story_{ids[SEED_REUTERS]}"
    assert query(warehouse, "select source_uri, story_id, is_story_corrected from marts.dim_articles "
                            "where source_uri in (?, ?) order by 1", [SEED_CASED, SEED_REUTERS]) == [
        (SEED_CASED, "cased_copy_apart", True), (SEED_REUTERS, june, False)]
    # Grouping's own decision is kept beside the correction.
    assert query(warehouse, "select story_id from raw.article_stories where article_id = ?", [ids[SEED_CASED]]) == [
        (june,)]
    assert query(warehouse, "select count(*) from marts.dim_stories") == [(3,)]
    # The 1714 shootings are no longer compared across two outlets.
    assert query(warehouse, "select story_id, n_outlets from marts.crime_figures_by_source "
                            "where metric = 'shootings' and value = 1714 order by 1") == [
        ("cased_copy_apart", 1), (june, 1)]
    report = (tmp_path / "report" / "index.html").read_text(encoding="utf-8")
    assert report.count("placed in this story by story_corrections.csv") == 1

    corrections.write_text("article_id,story_id,note\n", encoding="utf-8")
    output = make_run(SEED_DIR, warehouse, f"NEWSETL_DBT_PROJECT_DIR={project}")
    assert "build_marts" in output
    assert query(warehouse, "select count(distinct story_id), bool_or(is_story_corrected) from marts.dim_articles "
                            "where source_uri in (?, ?)", [SEED_CASED, SEED_REUTERS]) == [(1, False)]
    assert query(warehouse, "select n_outlets, agreement from marts.crime_figures_by_source "
                            "where metric = 'shootings' and value = 1714") == [(2, "agree"), (2, "agree")]
    assert "story_corrections.csv" not in (tmp_path / "report" / "index.html").read_text(encoding="utf-8")

    # A malformed file stops the run at once (no retries), naming the file and the line.
    corrections.write_text(f"article_id,story_id,note\n{ids[SEED_CASED]},a,\n{ids[SEED_CASED]},b,\n",
                           encoding="utf-8")
    failed = subprocess.run(["make", "--no-print-directory", "-C", str(REPO), "run", f"NEWSETL_INPUT_DIR={SEED_DIR}",
                             f"NEWSETL_WAREHOUSE={warehouse}", f"NEWSETL_DBT_PROJECT_DIR={project}"],
                            capture_output=True, text=True, check=False)
    assert failed.returncode != 0
    assert f"{corrections}, line 3: article {ids[SEED_CASED]} is corrected already on line 2" in failed.stderr
    log = (tmp_path / "logs" / "build_marts.log").read_text()
    assert "up_for_retry" not in log.lower() and "AirflowFailException" in log
