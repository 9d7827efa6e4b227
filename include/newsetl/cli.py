"""Command line: ``python -m newsetl.cli run|summary|query|docs|report``.

``run`` runs the real Airflow DAGs in order with Airflow's own ``dags test``
command, all in one child process (the same DAGs the scheduler runs; no second
code path), keeping each DAG's full log in ``<warehouse folder>/logs/`` and
printing one line per DAG.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from newsetl.config import load_settings, use_project_airflow

DAG_ORDER = ("ingest_articles", "extract_article_facts", "build_marts")
LOG_TAIL_LINES = 40


def run_dags(dag_ids: tuple[str, ...] = DAG_ORDER, *, skip_up_to_date: bool = False,
             reextract: bool = False) -> dict[str, float]:
    """Run each DAG as ``airflow dags test`` does, one after the other in one child process;
    return each DAG's wall time in seconds by dag_id.

    One process rather than one ``airflow dags test`` per DAG: importing Airflow,
    Great Expectations, dbt and spaCy once saves 5-6 s a DAG, which is most of
    the cost of a run with little new. The child calls the CLI's own ``dags
    test`` command (same code path), with each DAG's output in its log file.
    With ``skip_up_to_date``, a downstream DAG with nothing to do is not started
    (``newsetl.freshness``), as the scheduler would not start it either. With ``reextract``,
    the extraction DAG runs with ``{"reextract": true}``: articles extracted by an older
    extractor version are extracted again."""
    settings = load_settings()
    print(f"newsetl: {settings.input_dir} -> {settings.warehouse}", flush=True)
    use_project_airflow()
    env = {**os.environ, "NEWSETL_INPUT_DIR": str(settings.input_dir), "NEWSETL_WAREHOUSE": str(settings.warehouse)}
    with tempfile.TemporaryDirectory() as scratch:
        times = Path(scratch) / "seconds.json"
        command = [sys.executable, "-m", "newsetl.cli", "dags-in-process", "--times", str(times),
                   *(["--skip-up-to-date"] if skip_up_to_date else []), *(["--reextract"] if reextract else []),
                   *dag_ids]
        completed = subprocess.run(command, env=env, check=False)
        if completed.returncode != 0:
            raise SystemExit(completed.returncode)
        return json.loads(times.read_text())


def _run_dags_in_process(dag_ids: tuple[str, ...], *, skip_up_to_date: bool, times: Path,
                         reextract: bool = False) -> None:
    """The child of ``run_dags``: ``airflow dags test`` for each DAG, in this process."""
    from airflow.cli import cli_parser

    from newsetl.freshness import nothing_to_do

    settings = load_settings()
    log_dir = settings.warehouse.parent / "logs"
    log_dir.mkdir(parents=True, exist_ok=True)
    parser = cli_parser.get_parser()
    seconds: dict[str, float] = {}
    for dag_id in dag_ids:
        conf = {"reextract": True} if reextract and dag_id == "extract_article_facts" else None
        reason = nothing_to_do(settings, dag_id, reextract=reextract) if skip_up_to_date and dag_id != DAG_ORDER[0] else None
        if reason:
            print(f"  {dag_id:<24} not started: {reason}", flush=True)
            seconds[dag_id] = 0.0
            continue
        log_file = log_dir / f"{dag_id}.log"
        print(f"  {dag_id:<24} running ...", end="", flush=True)
        started = time.monotonic()
        failed = _output_to(log_file, lambda dag_id=dag_id, conf=conf: _dags_test(parser, dag_id, conf))
        elapsed = time.monotonic() - started
        if failed:
            print(f" FAILED after {elapsed:.0f}s; full log: {log_file}", flush=True)
            lines = log_file.read_text(errors="replace").splitlines()
            print("\n".join(lines[-LOG_TAIL_LINES:]), file=sys.stderr)
            raise SystemExit(1)
        print(f" {_outcome(log_file)} in {elapsed:.0f}s (log: {log_file})", flush=True)
        seconds[dag_id] = elapsed
        _release_free_memory()
    times.write_text(json.dumps(seconds))


def _release_free_memory() -> None:
    """Give memory a finished DAG freed back to the system, so the next one (whose spaCy
    workers fork from this process) does not start from the last one's peak."""
    import ctypes
    import gc

    extraction = sys.modules.get("newsetl.extract.run")
    if extraction is not None:
        # The spaCy pipelines stay cached for the extraction batches of one DAG run; after it,
        # they and the vocabulary their texts grew hold most of a gigabyte the next DAG needs.
        extraction.load_nlp.cache_clear()
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)  # glibc keeps freed heap otherwise
    except (OSError, AttributeError):
        pass  # not glibc: nothing to trim


def _dags_test(parser, dag_id: str, conf: dict | None = None) -> None:
    """``airflow dags test <dag_id> [-c conf]``, in this process (it raises SystemExit when the run fails)."""
    args = parser.parse_args(["dags", "test", dag_id, *(["-c", json.dumps(conf)] if conf else [])])
    args.func(args)


def _output_to(log_file: Path, work) -> bool:
    """Run ``work`` with this process's stdout and stderr (file descriptors 1 and 2, so child
    processes and every logger too) going to ``log_file``; return whether it failed."""
    import traceback

    sys.stdout.flush()
    sys.stderr.flush()
    saved = os.dup(1), os.dup(2)
    failed = False
    with log_file.open("w") as log:
        os.dup2(log.fileno(), 1)
        os.dup2(log.fileno(), 2)
        try:
            work()
        except SystemExit as exit_:  # how `dags test` says the run failed; the log above says why
            print(f"SystemExit: {exit_}")
            failed = True
        except BaseException:  # noqa: BLE001 - reported with the log, not raised
            traceback.print_exc()
            failed = True
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os.dup2(saved[0], 1)
            os.dup2(saved[1], 2)
            os.close(saved[0])
            os.close(saved[1])
    return failed


def _outcome(log_file: Path) -> str:
    """Summarise the task states of a `dags test` run from its log."""
    text = log_file.read_text(errors="replace")
    skipped = text.count("new_state=skipped")
    return "done" if not skipped else f"done ({skipped} task(s) skipped: nothing new)"


def summary() -> None:
    from newsetl.warehouse.schema import connect

    settings = load_settings()
    with connect(settings.warehouse, read_only=True) as connection:
        counts = connection.execute(
            """select (select count(*) from marts.dim_articles), (select count(*) from marts.dim_stories),
                      (select count(*) from marts.fct_figures), (select count(*) from marts.fct_figures where is_crime_metric),
                      (select count(*) from marts.fct_quotes), (select count(*) from audit.quarantine)"""
        ).fetchall()[0]
        print(f"\nwarehouse {settings.warehouse}")
        print(f"  {counts[0]} articles in {counts[1]} stories; {counts[2]} figures ({counts[3]} crime figures); "
              f"{counts[4]} quotes; {counts[5]} inputs in audit.quarantine")
        print("\ncrime figures compared across outlets (marts.crime_figures_by_source):")
        connection.sql(
            """select story_id, metric, location, period_start, period_end, outlet, value, n_outlets, agreement
               from marts.crime_figures_by_source
               order by n_outlets desc, story_id, metric, period_start nulls last, outlet"""
        ).show(max_width=200, max_rows=40)
        report = settings.report_path
        if report.exists():
            print(f"\ncoverage report (figures and actors of each story, by outlet): {report}")
            print(f"  open {report.as_uri()} in a browser")
        print(f"\nQuery it: .venv/bin/python -c \"import duckdb; print(duckdb.connect('{settings.warehouse}', "
              "read_only=True).sql('select * from marts.actor_coverage_by_source'))\"")


def positive_int(raw: str) -> int:
    """An argparse type: a whole number of at least 1."""
    value = int(raw)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be a positive integer, got {value}")
    return value


def render_table(columns: list[str], rows: list[tuple]) -> str:
    """Rows as a plain aligned text table (what the README shows)."""
    cells = [columns] + [["NULL" if v is None else str(v) for v in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(columns))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in cells]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


def query(sql: str) -> str:
    """Run one read-only SQL query on the warehouse and render the result."""
    from newsetl.warehouse.schema import connect

    with connect(load_settings().warehouse, read_only=True) as connection:
        cursor = connection.execute(sql)
        rows = cursor.fetchall()
        columns = [d[0] for d in cursor.description]
    return render_table(columns, rows)


def docs() -> None:
    from newsetl.stages import publish_docs

    print(f"dbt docs site: {publish_docs(load_settings())}")


def report() -> None:
    from newsetl.stages import publish_report

    path = publish_report(load_settings())
    print(f"coverage report: {path}\n  open {path.as_uri()} in a browser")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="newsetl", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="run the Airflow DAGs on NEWSETL_INPUT_DIR into NEWSETL_WAREHOUSE")
    run.add_argument("--dag", action="append", choices=DAG_ORDER, help="run only this DAG (repeatable)")
    run.add_argument("--reextract", action="store_true",
                     help="extract again the articles an older extractor version extracted (make run REEXTRACT=1)")
    commands.add_parser("summary", help="print what the warehouse holds")
    commands.add_parser("docs", help="generate the dbt docs site next to the warehouse")
    commands.add_parser("report", help="write the coverage report (static HTML) next to the warehouse")
    query_parser = commands.add_parser("query", help="run a read-only SQL query on the warehouse")
    query_parser.add_argument("sql")
    in_process = commands.add_parser("dags-in-process", help="(internal) the child process of run")
    in_process.add_argument("--times", type=Path, required=True)
    in_process.add_argument("--skip-up-to-date", action="store_true")
    in_process.add_argument("--reextract", action="store_true")
    in_process.add_argument("dag_ids", nargs="+", choices=DAG_ORDER)
    args = parser.parse_args(argv)
    if args.command == "dags-in-process":
        _run_dags_in_process(tuple(args.dag_ids), skip_up_to_date=args.skip_up_to_date, times=args.times,
                             reextract=args.reextract)
    elif args.command == "run":
        run_dags(tuple(args.dag) if args.dag else DAG_ORDER, skip_up_to_date=not args.dag, reextract=args.reextract)
    elif args.command == "summary":
        summary()
    elif args.command == "query":
        print(query(args.sql))
    elif args.command == "report":
        report()
    else:
        docs()


if __name__ == "__main__":
    main()
