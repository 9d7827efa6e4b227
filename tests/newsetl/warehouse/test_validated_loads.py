"""A batch that breaks an expectation is not loaded; the results say which rows and why."""

import pandas as pd
import pytest

from newsetl.config import load_settings
from newsetl.stages import ValidationError, validate_and_load_articles
from newsetl.warehouse.schema import connect

pytestmark = pytest.mark.slow  # imports Great Expectations (~10 s)


def _article(article_id: str) -> dict:
    return {"article_id": article_id, "source_article_id": None, "source_uri": f"{article_id}.txt", "outlet": None,
            "published_date": None, "title": None, "url": None, "raw_text": "x" * 40, "clean_text": "x" * 40,
            "is_lowercased": False}


def test_failing_expectation_stops_the_load_and_is_recorded(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSETL_WAREHOUSE", str(tmp_path / "w.duckdb"))
    folder = tmp_path / "staged"
    folder.mkdir()
    pd.DataFrame([_article("0123456789abcdef"), _article("0123456789abcdef"), _article("not-a-hash")]).to_parquet(
        folder / "articles.parquet")
    pd.DataFrame(columns=["source_uri", "reason"]).to_parquet(folder / "quarantine.parquet")
    pd.DataFrame(columns=["source_path", "size_bytes", "mtime_ns", "content_sha256"]).to_parquet(
        folder / "source_files.parquet")
    settings = load_settings()
    with pytest.raises(ValidationError) as failure:
        validate_and_load_articles(settings, {"load_id": "articles-test", "folder": str(folder)})
    message = str(failure.value)
    assert "expect_column_values_to_be_unique(article_id) failed on 2 rows" in message
    assert "expect_column_values_to_match_regex(article_id) failed on 1 rows" in message and "not-a-hash" in message
    with connect(settings.warehouse) as connection:
        assert connection.execute("select count(*) from raw.articles").fetchall() == [(0,)]
        failed = connection.execute("""select expectation, unexpected_count from audit.validation_results
                                       where not success order by expectation""").fetchall()
    assert failed == [("expect_column_values_to_be_unique", 2), ("expect_column_values_to_match_regex", 1)]


def test_staged_articles_validated_in_parts_still_catch_a_duplicate(tmp_path, monkeypatch):
    from newsetl.quality import suites

    monkeypatch.setenv("NEWSETL_WAREHOUSE", str(tmp_path / "w.duckdb"))
    monkeypatch.setattr(suites, "VALIDATION_ROWS", 2)  # eleven rows: six parts, read one by one
    folder = tmp_path / "staged"
    folder.mkdir()
    ids = [f"{i:016x}" for i in range(10)] + ["0000000000000003"]
    pd.DataFrame([_article(i) for i in ids]).to_parquet(folder / "articles.parquet")
    pd.DataFrame(columns=["source_uri", "reason"]).to_parquet(folder / "quarantine.parquet")
    pd.DataFrame(columns=["source_path", "size_bytes", "mtime_ns", "content_sha256"]).to_parquet(
        folder / "source_files.parquet")
    with pytest.raises(ValidationError, match=r"expect_column_values_to_be_unique\(article_id\) failed on 2 rows"):
        validate_and_load_articles(load_settings(), {"load_id": "articles-test", "folder": str(folder)})
