"""Shared fixtures. Nothing here reads outside the repository or touches the network."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEED_DIR = REPO / "seeds" / "articles"
SEED_CASED = "000_528f9b6ea483fdc1.txt"
SEED_REUTERS = "001_d78fc8c0c6239dd7.txt"
SEED_DATED = "002_ec505aeed9337a24.txt"

os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
# The same Airflow home as the Makefile (initialised by `make test` / `make run`).
os.environ.setdefault("AIRFLOW_HOME", str(REPO / ".airflow"))
os.environ.setdefault("AIRFLOW__CORE__DAGS_FOLDER", str(REPO / "dags"))
os.environ.setdefault("AIRFLOW__CORE__LOAD_EXAMPLES", "False")
os.environ.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "False")


@pytest.fixture(scope="session")
def nlp():
    from newsetl.config import load_settings
    from newsetl.extract.run import load_nlp

    settings = load_settings()
    return load_nlp(settings.spacy_model, settings.ner_model)
