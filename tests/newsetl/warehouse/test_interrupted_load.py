"""Ingestion killed mid-load, then rerun, ends exactly where an uninterrupted run does."""

from __future__ import annotations

import json

import pytest

from newsetl import stages
from newsetl.config import load_settings
from newsetl.warehouse import load
from newsetl.warehouse.schema import connect

pytestmark = pytest.mark.slow  # Great Expectations validates each load

# Tables and the columns that must match (timestamps of when things happened are left out).
COMPARED = {
    "raw.articles": "*",
    "raw.source_files": "*",
    "raw.near_duplicates": "*",
    "audit.quarantine": "source_uri, reason, load_id",
    "audit.loads": "load_id, stage, row_counts",
    "audit.validation_results": "load_id, suite, expectation, column_name, success, unexpected_count",
}


@pytest.fixture
def landing(tmp_path):
    folder = tmp_path / "landing"
    folder.mkdir()
    lines = [json.dumps({"id": f"a{i}", "text": f"Police in district {i} made {i + 2} arrests on Friday after a march."})
             for i in range(5)] + [json.dumps({"id": "x'); drop table raw.articles; --", "outlet": "x'); drop table audit.quarantine; --",
                                                "text": "Police in district 9 made 11 arrests on Friday after a march."}), "{broken"]
    (folder / "batch.jsonl").write_text("\n".join(lines))
    return folder


def _ingest(monkeypatch, folder, warehouse):
    monkeypatch.setenv("NEWSETL_INPUT_DIR", str(folder))
    monkeypatch.setenv("NEWSETL_WAREHOUSE", str(warehouse))
    settings = load_settings()
    stages.validate_and_load_articles(settings, stages.stage_new_articles(settings))
    return settings


def _tables(warehouse):
    with connect(warehouse, read_only=True) as connection:
        return {t: sorted(connection.execute(f"select {c} from {t}").fetchall(), key=repr) for t, c in COMPARED.items()}


def test_load_killed_halfway_then_rerun_converges(monkeypatch, landing, tmp_path):
    insert = load.insert_frame

    def insert_half_then_die(connection, table, frame):
        # raw.articles is in by then (read straight from the staged Parquet): all of it must go.
        if table == "raw.article_signatures":
            assert connection.execute("select count(*) from raw.articles").fetchall() == [(6,)]
            insert(connection, table, frame.iloc[: len(frame) // 2])
            raise RuntimeError("killed mid-load")
        return insert(connection, table, frame)

    monkeypatch.setattr(load, "insert_frame", insert_half_then_die)
    with pytest.raises(RuntimeError, match="killed mid-load"):
        _ingest(monkeypatch, landing, tmp_path / "interrupted.duckdb")
    with connect(tmp_path / "interrupted.duckdb", read_only=True) as connection:
        assert connection.execute("select count(*) from raw.articles").fetchall() == [(0,)]
        assert connection.execute("select count(*) from audit.quarantine").fetchall() == [(0,)]
    monkeypatch.setattr(load, "insert_frame", insert)

    _ingest(monkeypatch, landing, tmp_path / "interrupted.duckdb")
    _ingest(monkeypatch, landing, tmp_path / "clean.duckdb")
    interrupted, clean = _tables(tmp_path / "interrupted.duckdb"), _tables(tmp_path / "clean.duckdb")
    assert len(clean["raw.articles"]) == 6 and len(clean["audit.quarantine"]) == 1
    with connect(tmp_path / "clean.duckdb", read_only=True) as connection:  # stored literally, nothing executed
        assert connection.execute("select source_article_id, outlet from raw.articles where outlet like 'x%'").fetchall() == [
            ("x'); drop table raw.articles; --", "x'); drop table audit.quarantine; --")]
    assert interrupted == clean
    with pytest.raises(stages.NothingToDo):  # and a third run finds nothing to do
        stages.stage_new_articles(load_settings())


def test_staging_killed_midway_leaves_nothing_behind_for_long(monkeypatch, landing, tmp_path):
    monkeypatch.setenv("NEWSETL_INPUT_DIR", str(landing))
    monkeypatch.setenv("NEWSETL_WAREHOUSE", str(tmp_path / "w.duckdb"))
    settings = load_settings()
    stale = settings.staging_dir / "ingest" / "_reading-99999"  # a staging run killed while reading
    stale.mkdir(parents=True)
    (stale / "articles.parquet").write_bytes(b"half a file")
    staged = stages.stage_new_articles(settings)
    assert not stale.exists()
    assert [p.name for p in (settings.staging_dir / "ingest").iterdir()] == [staged["load_id"]]
    assert (staged["articles"], staged["rejected"]) == (6, 1)
