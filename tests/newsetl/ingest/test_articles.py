import json
from pathlib import Path

from newsetl.ingest.articles import article_id_for, ingest_folder
from tests.conftest import SEED_CASED, SEED_DATED, SEED_DIR, SEED_REUTERS


def test_seed_articles_are_read_with_their_metadata():
    result = ingest_folder(SEED_DIR)
    by_file = {a.source_uri: a for a in result.articles}
    assert sorted(by_file) == [SEED_CASED, SEED_REUTERS, SEED_DATED]
    assert by_file[SEED_REUTERS].outlet == "Reuters" and by_file[SEED_REUTERS].is_lowercased
    assert str(by_file[SEED_DATED].published_date) == "2017-03-09"
    assert by_file[SEED_CASED].published_date is None and by_file[SEED_CASED].outlet is None
    assert "GlobalData" not in by_file[SEED_CASED].clean_text
    assert by_file[SEED_CASED].raw_text == (SEED_DIR / SEED_CASED).read_text()  # the original is kept
    assert result.rejections == []


def test_known_and_duplicate_articles_are_skipped(tmp_path: Path):
    text = "Police said 12 people were arrested downtown on Friday night."
    (tmp_path / "a.txt").write_text(text)
    (tmp_path / "b.txt").write_text(text + "\n")
    result = ingest_folder(tmp_path)
    assert [a.source_uri for a in result.articles] == ["a.txt"] and result.duplicates == 1
    again = ingest_folder(tmp_path, {article_id_for(text)})
    assert again.articles == [] and again.duplicates == 2


def test_bad_records_are_rejected_with_reasons_and_good_ones_kept(tmp_path: Path):
    lines = [json.dumps({"text": "A perfectly fine article about 3 arrests in Springfield."}),
             "{broken", json.dumps(["a list"]), json.dumps({"title": "no text"}),
             json.dumps({"text": "  "}), json.dumps({"text": "Fine text but a bad date here.", "published_at": "yesterday"}),
             json.dumps({"text": "Fine text but a future date here.", "published_at": "2999-01-01"})]
    (tmp_path / "batch.jsonl").write_text("\n".join(lines))
    (tmp_path / ".hidden.txt").write_text("never read")
    result = ingest_folder(tmp_path)
    assert [a.source_uri for a in result.articles] == ["batch.jsonl:1"]
    reasons = {r.source_uri: r.reason for r in result.rejections}
    assert reasons["batch.jsonl:2"].startswith("invalid JSON")
    assert reasons["batch.jsonl:3"] == "a JSON object was expected, got list"
    assert reasons["batch.jsonl:4"] == "missing required field 'text'"
    assert reasons["batch.jsonl:5"] == "text is empty or too short (0 characters after cleaning)"
    assert reasons["batch.jsonl:6"] == "published_at 'yesterday' is not an ISO 8601 date"
    assert reasons["batch.jsonl:7"] == "published_at 2999-01-01 is in the future"
    assert ".hidden.txt" not in reasons


def test_manifest_gives_metadata_to_the_files_beside_it(tmp_path: Path):
    (tmp_path / "story.txt").write_text("The city recorded 9 homicides so far this year, police said.")
    (tmp_path / "_manifest.csv").write_text("file,outlet,published_at,url,title\nstory.txt,Daily Bugle,2020-02-02,,\n")
    (article,) = ingest_folder(tmp_path).articles
    assert (article.outlet, str(article.published_date)) == ("Daily Bugle", "2020-02-02")


def test_articles_stream_to_parquet_a_row_group_at_a_time(tmp_path: Path):
    import pyarrow.parquet as pq

    from newsetl.ingest.articles import ArticleParquetWriter

    kept = ingest_folder(SEED_DIR).articles
    writer = ArticleParquetWriter(tmp_path / "articles.parquet", rows_per_group=2)
    streamed = ingest_folder(SEED_DIR, on_article=writer.add)
    writer.close()
    assert streamed.articles == [] and streamed.new_articles == 3
    staged = pq.ParquetFile(tmp_path / "articles.parquet")
    assert staged.metadata.num_row_groups == 2  # 2 + 1 articles
    rows = staged.read().to_pylist()
    assert rows == [{**a.__dict__} for a in kept]  # every field, dates and flags included
    assert writer.article_ids == [a.article_id for a in kept]


def test_an_empty_stream_still_writes_the_columns(tmp_path: Path):
    import pyarrow.parquet as pq

    from newsetl.ingest.articles import ArticleParquetWriter

    writer = ArticleParquetWriter(tmp_path / "articles.parquet")
    writer.close()
    staged = pq.read_table(tmp_path / "articles.parquet")
    assert staged.num_rows == 0 and "clean_text" in staged.column_names
