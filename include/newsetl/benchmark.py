"""Throughput benchmark on the AllSides corpus: ``python -m newsetl.benchmark --n 1000``.

Writes the first N corpus articles into a fresh landing folder (JSONL in the
project's input format), runs the real DAGs into a fresh warehouse exactly as
``make run`` does (``newsetl.cli.run_dags``: Airflow's ``dags test`` per DAG),
and reports each stage's wall time and articles/s, the tasks' own durations
from Airflow's metadata database, and the peak memory of the run. spaCy's NER
component alone on the same texts (``nlp.pipe(..., n_process=2)``) is the
reference the stages are measured against. Then it times a second run with
nothing new and a run with 1% new articles, as shares of the full run.

Everything streams: the corpus is read line by line and the NER reference
reads the texts back from the landing files, so N = 35,000 fits in memory.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import re
import resource
import shutil
import sqlite3
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from newsetl.cli import DAG_ORDER, positive_int, render_table
from newsetl.config import CORPUS_FILE, data_dir, load_settings, use_project_airflow

# The landing folder gets files of this many articles: one JSONL file of the whole
# corpus (~180 MB) would be over NEWSETL_MAX_FILE_BYTES and quarantined as a whole.
ARTICLES_PER_FILE = 1000
NEW_SHARE = 0.01  # the "1% new articles" run
NER_PROCESSES = 2
NER_BATCH_SIZE = 32
NER_ONLY_PIPES = ["ner"]
MEMORY_SAMPLE_SECONDS = 0.2
# "7/23/17", "12/1/2016": the few corpus dates not in ISO form are US month/day/year.
_US_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})")


# ---------------------------------------------------------------- corpus -> landing folder

def published_at(value: object, today: date | None = None) -> str | None:
    """The corpus ``date`` as an ISO date, or None when missing, unparsable or in the future.

    The pipeline quarantines an article whose date it cannot read; dropping the
    field instead keeps the article in the benchmark (undated, as the pipeline allows).
    """
    from newsetl.ingest.metadata import parse_published_date

    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    us = _US_DATE.fullmatch(text)
    try:
        if us:
            month, day, year = int(us.group(1)), int(us.group(2)), int(us.group(3))
            if len(us.group(3)) == 2:
                year += 2000 if year <= (today or date.today()).year % 100 else 1900
            parsed = date(year, month, day)
        else:
            parsed = parse_published_date(text)
    except ValueError:
        return None
    if parsed is None or parsed > (today or date.today()):
        return None
    return parsed.isoformat()


def input_record(corpus_record: dict, today: date | None = None) -> dict | None:
    """One corpus object in the landing format (``text``, ``id``, ``outlet``, ``url``, ``title``,
    ``published_at``); None when it has no text. Missing fields are left out."""
    text = corpus_record.get("text")
    if not isinstance(text, str) or not text.strip():
        return None
    record = {"text": text}
    for target, source in (("id", "ID"), ("outlet", "source"), ("url", "url"), ("title", "title")):
        value = corpus_record.get(source)
        if isinstance(value, str) and value.strip():
            record[target] = value
    published = published_at(corpus_record.get("date"), today)
    if published is not None:
        record["published_at"] = published
    return record


@dataclass
class LandingBatch:
    """What one call of ``write_landing`` wrote."""

    files: list[str] = field(default_factory=list)
    articles: int = 0
    words: int = 0
    dates_dropped: int = 0  # a date was there but unreadable or in the future
    skipped: int = 0  # corpus lines without text (or not JSON objects)
    exhausted: bool = False  # the corpus ended before ``count`` articles


def write_landing(corpus: Path, folder: Path, *, start: int, count: int, prefix: str = "allsides",
                  per_file: int = ARTICLES_PER_FILE, today: date | None = None) -> LandingBatch:
    """Write corpus articles ``start`` .. ``start + count - 1`` (in corpus order, counting only
    articles with text) as JSONL files ``<prefix>-<first>.jsonl`` in ``folder``, streaming."""
    folder.mkdir(parents=True, exist_ok=True)
    batch = LandingBatch()
    seen = 0
    out = None
    try:
        with gzip.open(corpus, "rt", encoding="utf-8") as lines:
            for line in lines:
                if batch.articles >= count:
                    break
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError:
                    obj = None
                record = input_record(obj, today) if isinstance(obj, dict) else None
                if record is None:
                    batch.skipped += seen >= start
                    continue
                seen += 1
                if seen <= start:
                    continue
                if out is None or batch.articles % per_file == 0:
                    if out is not None:
                        out.close()
                    path = folder / f"{prefix}-{start + batch.articles:05d}.jsonl"
                    out = path.open("w", encoding="utf-8")
                    batch.files.append(path.name)
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                batch.articles += 1
                batch.words += len(record["text"].split())
                batch.dates_dropped += "published_at" not in record and bool(str(obj.get("date") or "").strip())
    finally:
        if out is not None:
            out.close()
    batch.exhausted = batch.articles < count
    return batch


def landing_texts(folder: Path, files: list[str]) -> Iterator[str]:
    """The texts of the given landing files, one at a time."""
    for name in files:
        with (folder / name).open(encoding="utf-8") as lines:
            for line in lines:
                yield json.loads(line)["text"]


# ---------------------------------------------------------------- measuring

@dataclass(frozen=True)
class TaskTiming:
    """One task of a DAG run, from Airflow's metadata database (mapped tasks summed)."""

    dag_id: str
    task_id: str
    seconds: float
    instances: int  # mapped task instances (1 for a plain task)
    state: str


@dataclass
class RunTiming:
    label: str
    dag_seconds: dict[str, float]
    tasks: list[TaskTiming]
    peak_rss_bytes: int | None  # the process tree, sampled: RSS summed (shared pages once per process)
    peak_pss_bytes: int | None  # the process tree, sampled: PSS summed (shared pages counted once)
    maxrss_children_bytes: int  # getrusage(RUSAGE_CHILDREN): the largest single child so far

    @property
    def seconds(self) -> float:
        return sum(self.dag_seconds.values())


class PeakMemory:
    """Largest summed memory of this process's descendants, sampled in a thread (psutil).

    Two sums: RSS, which counts a page shared by forked extraction workers once per
    process, and PSS (proportional set size, from ``/proc/<pid>/smaps_rollup``),
    which splits a shared page between the processes that share it, so the sum is
    the memory the run really holds. PSS needs Linux; elsewhere only RSS is sampled."""

    def __init__(self, interval: float = MEMORY_SAMPLE_SECONDS) -> None:
        self.interval = interval
        self.peak: int | None = None
        self.peak_pss: int | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _sample(self) -> None:
        try:
            import psutil
        except ImportError:  # then only RUSAGE_CHILDREN is reported
            return
        me = psutil.Process()
        peak = peak_pss = 0
        while not self._stop.is_set():
            total = total_pss = 0
            for child in me.children(recursive=True):
                try:
                    total += child.memory_info().rss
                    if sys.platform.startswith("linux"):
                        total_pss += child.memory_full_info().pss
                except (psutil.NoSuchProcess, psutil.AccessDenied, AttributeError):
                    pass
            peak, peak_pss = max(peak, total), max(peak_pss, total_pss)
            self.peak = peak
            self.peak_pss = peak_pss or None
            self._stop.wait(self.interval)


def maxrss_children_bytes() -> int:
    """``ru_maxrss`` of the finished children (kilobytes on Linux, bytes on macOS)."""
    value = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return value if sys.platform == "darwin" else value * 1024


def airflow_db() -> Path | None:
    """The SQLite metadata database that ``airflow dags test`` records task instances in."""
    conn = os.environ.get("AIRFLOW__DATABASE__SQL_ALCHEMY_CONN", "")
    if conn.startswith("sqlite:///"):
        return Path(conn.removeprefix("sqlite:///"))
    if conn:
        return None  # another database: the per-task figures are left out
    home = Path(os.environ.get("AIRFLOW_HOME", Path.home() / "airflow"))
    return home / "airflow.db"


def latest_dag_run(db: Path | None) -> int:
    """The id of the latest DAG run recorded (0 when none or not readable)."""
    if db is None or not db.exists():
        return 0
    try:
        with sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True) as connection:
            return int(connection.execute("select coalesce(max(id), 0) from dag_run").fetchall()[0][0])
    except sqlite3.Error:
        return 0


def task_timings(db: Path | None, dag_ids: tuple[str, ...] = DAG_ORDER, *, after_run: int = 0) -> list[TaskTiming]:
    """Durations of the tasks of each DAG's latest run after DAG run id ``after_run`` (a DAG
    not started since has none); empty when the database is not readable."""
    if db is None or not db.exists():
        return []
    try:
        with sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True) as connection:
            rows = []
            for dag_id in dag_ids:
                rows += connection.execute(
                    """select dag_id, task_id, sum(coalesce(duration, 0)), count(*),
                              group_concat(distinct coalesce(state, 'none'))
                       from task_instance
                       where dag_id = ? and run_id = (select run_id from dag_run where dag_id = ? and id > ?
                                                      order by id desc limit 1)
                       group by dag_id, task_id order by min(start_date) nulls last, task_id""",
                    (dag_id, dag_id, after_run)).fetchall()
    except sqlite3.Error:
        return []
    return [TaskTiming(r[0], r[1], float(r[2]), int(r[3]), str(r[4])) for r in rows]


def run_pipeline(label: str, landing: Path, warehouse: Path) -> RunTiming:
    """The real DAGs, as ``make run`` runs them, on ``landing`` into ``warehouse``."""
    from newsetl.cli import run_dags

    os.environ["NEWSETL_INPUT_DIR"] = str(landing)
    os.environ["NEWSETL_WAREHOUSE"] = str(warehouse)
    print(f"\n== {label}", flush=True)
    before = latest_dag_run(airflow_db())
    with PeakMemory() as memory:
        seconds = run_dags(skip_up_to_date=True)
    return RunTiming(label, seconds, task_timings(airflow_db(), after_run=before), memory.peak,
                     memory.peak_pss, maxrss_children_bytes())


def ner_only_seconds(texts: Iterator[str], model: str, n_process: int = NER_PROCESSES) -> float:
    """spaCy's NER component alone (the configured model) over ``texts``: the reference."""
    import spacy

    nlp = spacy.load(model)
    list(nlp.pipe(["Warm-up: the first call initialises the pipeline."]))
    started = time.perf_counter()
    with nlp.select_pipes(enable=NER_ONLY_PIPES):
        for _ in nlp.pipe(texts, n_process=n_process, batch_size=NER_BATCH_SIZE):
            pass
    return time.perf_counter() - started


def warehouse_counts(warehouse: Path) -> dict[str, int]:
    from newsetl.warehouse.schema import connect

    with connect(warehouse, read_only=True) as connection:
        row = connection.execute(
            """select (select count(*) from raw.articles), (select count(*) from raw.near_duplicates),
                      (select count(*) from audit.quarantine), (select count(*) from raw.extractions),
                      (select count(*) from marts.dim_stories)""").fetchall()[0]
    return dict(zip(("articles", "near_duplicates", "quarantined", "extracted", "stories"), row, strict=True))


# ---------------------------------------------------------------- figures and table

def per_second(count: float, seconds: float | None) -> float | None:
    return count / seconds if seconds else None


def ratio(numerator: float | None, denominator: float | None) -> float | None:
    return numerator / denominator if numerator is not None and denominator else None


def figures(n: int, words: int, full: RunTiming, ner_seconds: float, reruns: list[tuple[RunTiming, int]],
            ner_processes: int = NER_PROCESSES) -> dict:
    """The benchmark's numbers, as written to the JSON file. ``reruns``: (run, new articles)."""
    ner_aps = per_second(n, ner_seconds)
    extract_seconds = full.dag_seconds.get("extract_article_facts")
    batch_seconds = sum(t.seconds for t in full.tasks if t.task_id == "extract_batch") or None
    return {
        "stages": {dag_id: {"seconds": s, "articles_per_s": per_second(n, s)} for dag_id, s in full.dag_seconds.items()},
        "tasks": [asdict(t) for t in full.tasks],
        "end_to_end": {"seconds": full.seconds, "articles_per_s": per_second(n, full.seconds),
                       "words_per_s": per_second(words, full.seconds)},
        "ner_only": {"seconds": ner_seconds, "articles_per_s": ner_aps, "words_per_s": per_second(words, ner_seconds),
                     "n_process": ner_processes},
        "ratios": {
            "extraction_vs_ner_only": ratio(per_second(n, extract_seconds), ner_aps),
            "extract_batch_tasks_vs_ner_only": ratio(per_second(n, batch_seconds), ner_aps),
            "end_to_end_vs_ner_only": ratio(per_second(n, full.seconds), ner_aps),
        },
        "peak_rss_bytes": full.peak_rss_bytes,
        "peak_pss_bytes": full.peak_pss_bytes,
        "maxrss_children_bytes": full.maxrss_children_bytes,
        "reruns": [{"label": run.label, "new_articles": new, "seconds": run.seconds,
                    "share_of_full_run": ratio(run.seconds, full.seconds), "stages": run.dag_seconds,
                    "tasks": [asdict(t) for t in run.tasks]} for run, new in reruns],
    }


def _num(value: float | None, digits: int = 1, suffix: str = "") -> str:
    return "" if value is None else f"{value:,.{digits}f}{suffix}"


def _mb(value: int | None) -> str:
    return "" if value is None else f"{value / 2**20:,.0f} MB"


def render(result: dict) -> str:
    """The compact table printed at the end (and shown in the README)."""
    f = result["figures"]
    rows = [(dag_id, _num(s["seconds"]), _num(s["articles_per_s"]), "")
            for dag_id, s in f["stages"].items()]
    e2e, ner = f["end_to_end"], f["ner_only"]
    rows.append(("end to end", _num(e2e["seconds"]), _num(e2e["articles_per_s"]),
                 f"{_num(e2e['words_per_s'], 0)} words/s"))
    rows.append((f"spaCy NER only (n_process={ner['n_process']})", _num(ner["seconds"]),
                 _num(ner["articles_per_s"]), f"{_num(ner['words_per_s'], 0)} words/s; the reference"))
    r = f["ratios"]
    tasks_alone = r["extract_batch_tasks_vs_ner_only"]
    rows.append(("extraction / NER-only", "", _num(r["extraction_vs_ner_only"], 2, "x"),
                 "" if tasks_alone is None else f"extract_batch tasks alone {tasks_alone:.2f}x"))
    rows.append(("end to end / NER-only", "", _num(r["end_to_end_vs_ner_only"], 2, "x"), ""))
    for rerun in f["reruns"]:
        rows.append((rerun["label"], _num(rerun["seconds"]), "",
                     f"{_num(100 * rerun['share_of_full_run'], 1)}% of the full run"))
    rows.append(("peak memory (process tree)", "", "",
                 f"{_mb(f.get('peak_pss_bytes'))} PSS, {_mb(f['peak_rss_bytes'])} RSS summed; "
                 f"largest process {_mb(f['maxrss_children_bytes'])}"))
    head = (f"benchmark {result['date']}: {result['articles']:,} articles, {result['words']:,} words, "
            f"extractor {result['extractor_version']}, {result['cores']} cores"
            + (f", load average {load['before']:.1f} before / {load['after']:.1f} after"
               if (load := result.get("load_average_1min")) else ""))
    table = render_table(["stage", "seconds", "articles/s", "note"], rows)
    tasks = render_table(["task", "seconds", "instances", "state"], [
        (f"{t['dag_id']}.{t['task_id']}", _num(t["seconds"]), t["instances"], t["state"]) for t in f["tasks"]])
    return f"{head}\n\n{table}\n\ntask durations of the full run (Airflow metadata database):\n{tasks}"


# ---------------------------------------------------------------- command

def default_corpus() -> Path:
    return data_dir() / CORPUS_FILE


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m newsetl.benchmark", description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=positive_int, default=1000, help="articles to take from the corpus (default 1000)")
    parser.add_argument("--corpus", type=Path, default=None,
                        help=f"the AllSides JSONL.gz (default: $NEWSETL_DATA_DIR/{CORPUS_FILE})")
    parser.add_argument("--scratch", type=Path, default=None,
                        help="folder for the landing files and the warehouse, emptied first "
                             "(default: <warehouse folder>/bench-<N>)")
    parser.add_argument("--ner-processes", type=positive_int, default=NER_PROCESSES,
                        help=f"n_process of the NER-only reference (default {NER_PROCESSES}; 1 is steadier on a busy machine)")
    parser.add_argument("--json", type=Path, default=None, help="where to write the figures "
                        "(default: <warehouse folder>/bench-<N>.json)")
    args = parser.parse_args(argv)
    args.corpus = (args.corpus or default_corpus()).expanduser().resolve()
    if not args.corpus.is_file():
        parser.error(f"corpus {args.corpus} not found; pass --corpus or set NEWSETL_DATA_DIR")
    folder = load_settings().warehouse.parent
    args.scratch = (args.scratch or folder / f"bench-{args.n}").expanduser().resolve()
    args.json = (args.json or folder / f"bench-{args.n}.json").expanduser().resolve()
    return args


def main(argv: list[str] | None = None) -> int:
    from newsetl.extract import EXTRACTOR_VERSION

    args = parse_args(argv)
    use_project_airflow()
    load_before = os.getloadavg()
    settings = load_settings()
    shutil.rmtree(args.scratch, ignore_errors=True)
    landing, warehouse = args.scratch / "landing", args.scratch / "news.duckdb"
    first = write_landing(args.corpus, landing, start=0, count=args.n)
    print(f"landing: {first.articles:,} articles, {first.words:,} words in {len(first.files)} files under {landing} "
          f"({first.dates_dropped} unreadable dates dropped, {first.skipped} corpus lines without text)", flush=True)
    full = run_pipeline(f"full run, {first.articles:,} articles", landing, warehouse)
    counts = warehouse_counts(warehouse)
    print(f"\n== spaCy NER only ({settings.spacy_model}, ner component, n_process={args.ner_processes})", flush=True)
    ner_seconds = ner_only_seconds(landing_texts(landing, first.files), settings.spacy_model, args.ner_processes)
    nothing_new = run_pipeline("second run, nothing new", landing, warehouse)
    extra_count = max(1, round(first.articles * NEW_SHARE))
    extra = write_landing(args.corpus, landing, start=first.articles, count=extra_count, prefix="allsides-new")
    one_percent = run_pipeline(f"run with {extra.articles} new articles (1%)", landing, warehouse)
    result = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "articles": first.articles, "n": args.n, "words": first.words, "dates_dropped": first.dates_dropped,
        "extractor_version": EXTRACTOR_VERSION, "spacy_model": settings.spacy_model, "ner_model": settings.ner_model,
        "batch_size": settings.batch_size, "cores": os.cpu_count(), "machine": platform.machine(),
        "python": platform.python_version(), "corpus": str(args.corpus), "scratch": str(args.scratch),
        # Other work on the machine slows the runs and the NER reference alike, not equally.
        "load_average_1min": {"before": round(load_before[0], 2), "after": round(os.getloadavg()[0], 2)},
        "warehouse_counts": counts,
        "figures": figures(first.articles, first.words, full, ner_seconds,
                           [(nothing_new, 0), (one_percent, extra.articles)], args.ner_processes),
    }
    print("\n" + render(result))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"\nfigures written to {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
