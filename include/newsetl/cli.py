"""Command line: ``python -m newsetl.cli run|summary|query|docs|report``.

``run`` runs the real Airflow DAGs in order with ``airflow dags test`` (the
same DAGs the scheduler runs; no second code path), keeping each DAG's full
log in ``<warehouse folder>/logs/`` and printing one line per DAG.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from newsetl.config import load_settings

DAG_ORDER = ("ingest_articles", "extract_article_facts", "build_marts")
LOG_TAIL_LINES = 40


def _airflow_executable() -> str:
    beside_python = Path(sys.executable).with_name("airflow")
    found = str(beside_python) if beside_python.exists() else shutil.which("airflow")
    if not found:
        raise SystemExit("airflow is not installed in this environment: run `make install` first")
    return found


def run_dags(dag_ids: tuple[str, ...] = DAG_ORDER, *, skip_up_to_date: bool = False) -> dict[str, float]:
    """Run each DAG with ``airflow dags test``; return its wall time in seconds by dag_id.

    With ``skip_up_to_date``, a downstream DAG with nothing to do is not started
    (``newsetl.freshness``), as the scheduler would not start it either."""
    from newsetl.freshness import nothing_to_do

    settings = load_settings()
    log_dir = settings.warehouse.parent / "logs"
    log_dir.mkdir(parents=True, exist_ok=True)
    print(f"newsetl: {settings.input_dir} -> {settings.warehouse}", flush=True)
    env = {**os.environ, "NEWSETL_INPUT_DIR": str(settings.input_dir), "NEWSETL_WAREHOUSE": str(settings.warehouse)}
    seconds: dict[str, float] = {}
    for dag_id in dag_ids:
        reason = nothing_to_do(settings, dag_id) if skip_up_to_date and dag_id != DAG_ORDER[0] else None
        if reason:
            print(f"  {dag_id:<24} not started: {reason}", flush=True)
            seconds[dag_id] = 0.0
            continue
        log_file = log_dir / f"{dag_id}.log"
        started = time.monotonic()
        print(f"  {dag_id:<24} running ...", end="", flush=True)
        with log_file.open("w") as log:
            completed = subprocess.run([_airflow_executable(), "dags", "test", dag_id], stdout=log,
                                       stderr=subprocess.STDOUT, env=env, check=False)
        elapsed = time.monotonic() - started
        if completed.returncode != 0:
            print(f" FAILED after {elapsed:.0f}s; full log: {log_file}", flush=True)
            lines = log_file.read_text(errors="replace").splitlines()
            print("\n".join(lines[-LOG_TAIL_LINES:]), file=sys.stderr)
            raise SystemExit(completed.returncode)
        print(f" {_outcome(log_file)} in {elapsed:.0f}s (log: {log_file})", flush=True)
        seconds[dag_id] = elapsed
    return seconds


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
    commands.add_parser("summary", help="print what the warehouse holds")
    commands.add_parser("docs", help="generate the dbt docs site next to the warehouse")
    commands.add_parser("report", help="write the coverage report (static HTML) next to the warehouse")
    query_parser = commands.add_parser("query", help="run a read-only SQL query on the warehouse")
    query_parser.add_argument("sql")
    args = parser.parse_args(argv)
    if args.command == "run":
        run_dags(tuple(args.dag) if args.dag else DAG_ORDER, skip_up_to_date=not args.dag)
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
