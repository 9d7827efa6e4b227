"""The pure parts of the benchmark: corpus -> landing files, dates, timings, ratios and the table.

Every corpus here is a tiny gzip file the test writes; nothing reads the shared gold-data folder.
"""

import gzip
import json
import sqlite3
from datetime import date

import pytest

from newsetl import benchmark
from newsetl.benchmark import RunTiming, TaskTiming

TODAY = date(2026, 11, 23)


def _corpus(path, records: list[object]) -> None:
    with gzip.open(path, "wt", encoding="utf-8") as out:
        for record in records:
            out.write((record if isinstance(record, str) else json.dumps(record)) + "\n")


def _article(number: int, **fields) -> dict:
    return {"ID": f"id{number}", "date": "2016-09-20", "source": "New York Times - News", "source_url": "www.nytimes.com",
            "url": f"http://example.com/{number}", "authors": "A. Writer", "title": f"Title {number}", "topic": "x",
            "bias_text": "left", "bias": 0, "text": f"Article number {number} has six words.", **fields}


@pytest.mark.parametrize(("value", "expected"), [
    ("2016-09-20", "2016-09-20"),
    (" 2016-09-20 ", "2016-09-20"),
    ("2016-09-20T10:00:00Z", "2016-09-20"),
    ("7/23/17", "2017-07-23"),  # the few US dates of the corpus
    ("12/1/2016", "2016-12-01"),
    ("9/28/99", "1999-09-28"),
    ("", None),
    (None, None),
    (20160920, None),
    ("yesterday", None),
    ("2016-02-30", None),
    ("13/1/16", None),
    ("2027-01-01", None),  # in the future: the pipeline would quarantine the article
])
def test_published_at_keeps_readable_dates_and_drops_the_rest(value, expected):
    assert benchmark.published_at(value, TODAY) == expected


def test_input_record_maps_corpus_fields_to_the_landing_format():
    record = benchmark.input_record(_article(1), TODAY)
    assert record == {"text": "Article number 1 has six words.", "id": "id1", "outlet": "New York Times - News",
                      "url": "http://example.com/1", "title": "Title 1", "published_at": "2016-09-20"}


def test_input_record_drops_a_bad_date_and_empty_fields_but_keeps_the_article():
    record = benchmark.input_record(_article(2, date="not a date", title="", url=None), TODAY)
    assert record == {"text": "Article number 2 has six words.", "id": "id2", "outlet": "New York Times - News"}


@pytest.mark.parametrize("text", [None, "", "   ", 42])
def test_input_record_without_text_is_none(text):
    assert benchmark.input_record(_article(3, text=text), TODAY) is None


def test_write_landing_streams_the_first_n_articles_into_files(tmp_path):
    corpus = tmp_path / "corpus.jsonl.gz"
    _corpus(corpus, [_article(0), _article(1, text=""), "not json", _article(2, date="1/2/3/4"), _article(3),
                     _article(4), _article(5)])
    landing = tmp_path / "landing"
    batch = benchmark.write_landing(corpus, landing, start=0, count=3, per_file=2, today=TODAY)
    assert batch.files == ["allsides-00000.jsonl", "allsides-00002.jsonl"]
    assert (batch.articles, batch.words, batch.dates_dropped, batch.skipped, batch.exhausted) == (3, 18, 1, 2, False)
    lines = [json.loads(line) for name in batch.files for line in (landing / name).read_text().splitlines()]
    assert [line["id"] for line in lines] == ["id0", "id2", "id3"]
    assert "published_at" not in lines[1] and lines[2]["published_at"] == "2016-09-20"
    assert list(benchmark.landing_texts(landing, batch.files)) == [line["text"] for line in lines]


def test_write_landing_appends_the_next_articles_as_a_new_file(tmp_path):
    corpus = tmp_path / "corpus.jsonl.gz"
    _corpus(corpus, [_article(n) for n in range(5)])
    landing = tmp_path / "landing"
    benchmark.write_landing(corpus, landing, start=0, count=3, today=TODAY)
    extra = benchmark.write_landing(corpus, landing, start=3, count=5, prefix="allsides-new", today=TODAY)
    assert extra.files == ["allsides-new-00003.jsonl"] and extra.articles == 2 and extra.exhausted
    ids = [json.loads(line)["id"] for line in (landing / "allsides-new-00003.jsonl").read_text().splitlines()]
    assert ids == ["id3", "id4"]
    assert sorted(p.name for p in landing.iterdir()) == ["allsides-00000.jsonl", "allsides-new-00003.jsonl"]


def _airflow_db(path) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute("create table dag_run (id integer primary key, dag_id text, run_id text)")
        connection.execute("""create table task_instance (dag_id text, run_id text, task_id text, map_index integer,
                              start_date text, duration real, state text)""")
        connection.executemany("insert into dag_run (dag_id, run_id) values (?, ?)",
                               [("extract_article_facts", "old"), ("extract_article_facts", "new")])
        connection.executemany("insert into task_instance values (?, ?, ?, ?, ?, ?, ?)", [
            ("extract_article_facts", "old", "plan_batches", -1, "2026-11-23 10:00:00", 99.0, "success"),
            ("extract_article_facts", "new", "plan_batches", -1, "2026-11-23 11:00:00", 2.0, "success"),
            ("extract_article_facts", "new", "extract_batch", 0, "2026-11-23 11:00:02", 5.0, "success"),
            ("extract_article_facts", "new", "extract_batch", 1, "2026-11-23 11:00:07", 6.5, "success"),
            ("extract_article_facts", "new", "validate_and_load_facts", -1, "2026-11-23 11:00:14", 1.5, "success"),
        ])


def test_task_timings_sum_mapped_instances_of_the_latest_run(tmp_path):
    db = tmp_path / "airflow.db"
    _airflow_db(db)
    assert benchmark.task_timings(db) == [
        TaskTiming("extract_article_facts", "plan_batches", 2.0, 1, "success"),
        TaskTiming("extract_article_facts", "extract_batch", 11.5, 2, "success"),
        TaskTiming("extract_article_facts", "validate_and_load_facts", 1.5, 1, "success"),
    ]
    # A rerun in which the DAG was not started (nothing to do) reports none of its earlier tasks.
    assert benchmark.latest_dag_run(db) == 2
    assert benchmark.task_timings(db, after_run=2) == []
    assert [t.seconds for t in benchmark.task_timings(db, after_run=1)] == [2.0, 11.5, 1.5]


def test_task_timings_without_a_readable_database_are_empty(tmp_path):
    assert benchmark.task_timings(None) == []
    assert benchmark.task_timings(tmp_path / "missing.db") == []
    (tmp_path / "other.db").write_bytes(b"")
    assert benchmark.task_timings(tmp_path / "other.db") == []  # no task_instance table


def test_airflow_db_follows_the_airflow_settings(monkeypatch, tmp_path):
    monkeypatch.delenv("AIRFLOW__DATABASE__SQL_ALCHEMY_CONN", raising=False)
    monkeypatch.setenv("AIRFLOW_HOME", str(tmp_path))
    assert benchmark.airflow_db() == tmp_path / "airflow.db"
    monkeypatch.setenv("AIRFLOW__DATABASE__SQL_ALCHEMY_CONN", f"sqlite:///{tmp_path}/meta.db")
    assert benchmark.airflow_db() == tmp_path / "meta.db"
    monkeypatch.setenv("AIRFLOW__DATABASE__SQL_ALCHEMY_CONN", "postgresql://airflow@localhost/airflow")
    assert benchmark.airflow_db() is None


def _run(label: str, seconds: tuple[float, float, float], tasks=()) -> RunTiming:
    return RunTiming(label, dict(zip(benchmark.DAG_ORDER, seconds, strict=True)), list(tasks), 2 * 2**30, 3 * 2**29, 2**30)


def _result(figures: dict) -> dict:
    return {"date": "2026-11-23T12:00:00+00:00", "articles": 1000, "words": 800_000, "extractor_version": "9.9.9",
            "cores": 2, "figures": figures}


def test_figures_ratios_are_articles_per_second_divided_and_reruns_are_shares():
    full = _run("full", (20.0, 100.0, 30.0), [TaskTiming("extract_article_facts", "extract_batch", 80.0, 5, "success")])
    figures = benchmark.figures(1000, 800_000, full, 50.0, [(_run("nothing new", (5.0, 1.0, 1.5)), 0),
                                                             (_run("1% new", (6.0, 4.0, 5.0)), 10)])
    assert figures["stages"]["extract_article_facts"] == {"seconds": 100.0, "articles_per_s": 10.0}
    assert figures["end_to_end"] == {"seconds": 150.0, "articles_per_s": pytest.approx(1000 / 150),
                                     "words_per_s": pytest.approx(800_000 / 150)}
    assert figures["ner_only"]["articles_per_s"] == 20.0 and figures["ner_only"]["words_per_s"] == 16_000.0
    assert figures["ratios"] == {"extraction_vs_ner_only": 0.5, "extract_batch_tasks_vs_ner_only": 0.625,
                                 "end_to_end_vs_ner_only": pytest.approx(1 / 3)}
    assert [(r["label"], r["new_articles"], r["share_of_full_run"]) for r in figures["reruns"]] == [
        ("nothing new", 0, 0.05), ("1% new", 10, 0.1)]
    json.dumps(figures)  # written as JSON as it is


def test_figures_without_task_timings_leave_that_ratio_empty():
    figures = benchmark.figures(10, 100, _run("full", (1.0, 2.0, 3.0)), 1.0, [], ner_processes=1)
    assert figures["ratios"]["extract_batch_tasks_vs_ner_only"] is None
    assert "spaCy NER only (n_process=1)" in benchmark.render(_result(figures))
    assert "tasks alone" not in benchmark.render(_result(figures))


def test_render_prints_one_line_per_stage_ratio_and_rerun():
    full = _run("full", (20.0, 100.0, 30.0), [TaskTiming("extract_article_facts", "extract_batch", 80.0, 5, "success")])
    text = benchmark.render(_result(benchmark.figures(1000, 800_000, full, 50.0,
                                                      [(_run("second run, nothing new", (5.0, 1.0, 1.5)), 0)])))
    lines = text.splitlines()
    assert lines[0] == "benchmark 2026-11-23T12:00:00+00:00: 1,000 articles, 800,000 words, extractor 9.9.9, 2 cores"
    loaded = benchmark.render({**_result(benchmark.figures(10, 100, full, 1.0, [])),
                               "load_average_1min": {"before": 2.5, "after": 3.04}})
    assert loaded.splitlines()[0].endswith("2 cores, load average 2.5 before / 3.0 after")
    row = {line.split("  ")[0]: " ".join(line.split()) for line in lines if line and not line.startswith("-")}
    assert row["extract_article_facts"] == "extract_article_facts 100.0 10.0"
    assert row["end to end"] == "end to end 150.0 6.7 5,333 words/s"
    assert row["extraction / NER-only"] == "extraction / NER-only 0.50x extract_batch tasks alone 0.62x"
    assert row["second run, nothing new"] == "second run, nothing new 7.5 5.0% of the full run"
    assert row["peak memory (process tree)"] == "peak memory (process tree) 1,536 MB PSS, 2,048 MB RSS summed; largest process 1,024 MB"
    assert row["extract_article_facts.extract_batch"] == "extract_article_facts.extract_batch 80.0 5 success"


def test_parse_args_defaults_next_to_the_warehouse(monkeypatch, tmp_path):
    corpus = tmp_path / "c.jsonl.gz"
    _corpus(corpus, [_article(0)])
    monkeypatch.setenv("NEWSETL_WAREHOUSE", str(tmp_path / "wh" / "news.duckdb"))
    args = benchmark.parse_args(["--n", "50", "--corpus", str(corpus)])
    assert (args.n, args.corpus, args.ner_processes) == (50, corpus, 2)
    assert benchmark.parse_args(["--corpus", str(corpus), "--ner-processes", "1"]).ner_processes == 1
    assert args.scratch == tmp_path / "wh" / "bench-50" and args.json == tmp_path / "wh" / "bench-50.json"


def test_parse_args_rejects_a_missing_corpus_and_a_bad_n(tmp_path):
    with pytest.raises(SystemExit):
        benchmark.parse_args(["--corpus", str(tmp_path / "missing.jsonl.gz")])
    with pytest.raises(SystemExit):
        benchmark.parse_args(["--n", "0", "--corpus", str(tmp_path / "missing.jsonl.gz")])


def test_default_corpus_reads_the_data_dir_setting(monkeypatch, tmp_path):
    monkeypatch.setenv("NEWSETL_DATA_DIR", str(tmp_path))
    assert benchmark.default_corpus() == tmp_path / "corpus" / "allsides_articles.jsonl.gz"


def test_output_of_a_dag_run_goes_to_its_log_and_a_failure_is_reported(tmp_path):
    """``make run`` runs every DAG in one process, each DAG's output (print, loggers, child
    processes) in its log; checked in a fresh interpreter, whose stdout is file descriptor 1."""
    import subprocess
    import sys

    script = f"""
import subprocess, sys
from pathlib import Path
from newsetl import cli

def work():
    print("from print")
    subprocess.run([sys.executable, "-c", "print('from a child process')"], check=True)

def failing():
    raise SystemExit("DagRun failed")

print("ok:", cli._output_to(Path({str(tmp_path / "ok.log")!r}), work))
print("failed:", cli._output_to(Path({str(tmp_path / "failed.log")!r}), failing))
"""
    completed = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert completed.stdout.splitlines() == ["ok: False", "failed: True"]  # the terminal gets its output back
    assert (tmp_path / "ok.log").read_text().splitlines() == ["from print", "from a child process"]
    assert "SystemExit: DagRun failed" in (tmp_path / "failed.log").read_text()


def test_peak_memory_sees_a_child_that_holds_memory():
    import subprocess
    import sys

    holding = "import time; block = bytearray(300 * 2**20); time.sleep(1.5)"  # 300 MB, touched
    with benchmark.PeakMemory(interval=0.1) as memory:
        subprocess.run([sys.executable, "-c", holding], check=True)
    assert memory.peak >= 300 * 2**20
    assert 300 * 2**20 <= memory.peak_pss <= memory.peak  # PSS never counts more than RSS


def test_the_next_dag_does_not_inherit_the_cached_spacy_pipelines():
    from newsetl import cli
    from newsetl.config import load_settings
    from newsetl.extract.run import load_nlp

    settings = load_settings()
    first = load_nlp(settings.spacy_model, settings.ner_model)
    assert load_nlp(settings.spacy_model, settings.ner_model) is first  # cached within a DAG's batches
    cli._release_free_memory()
    assert load_nlp.cache_info().currsize == 0
    assert load_nlp(settings.spacy_model, settings.ner_model) is not first
