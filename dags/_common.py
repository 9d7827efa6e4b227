"""Shared DAG settings and the assets that chain the DAGs (declared once, here)."""

from __future__ import annotations

from datetime import timedelta

import pendulum
from airflow.sdk import Asset

# DuckDB allows one writing process per file: every task that opens the
# warehouse read-write runs in this 1-slot pool (created by `make run`,
# `make airflow` and the docker-compose init service).
WRITER_POOL = "duckdb_writer"

START_DATE = pendulum.datetime(2026, 1, 1, tz="UTC")

DEFAULT_ARGS = {
    "owner": "newsetl",
    "retries": 2,
    "retry_delay": timedelta(minutes=1),
}

# Emitted only after the rows are validated and committed.
RAW_ARTICLES = Asset(name="raw_articles", uri="newsetl://warehouse/raw/articles")
ARTICLE_FACTS = Asset(name="article_facts", uri="newsetl://warehouse/raw/facts")
MARTS = Asset(name="marts", uri="newsetl://warehouse/marts")
