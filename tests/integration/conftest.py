"""Run the pipeline exactly as a user does: `make run` with a folder and a warehouse."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def make_run(input_dir: Path, warehouse: Path, *settings: str) -> str:
    completed = subprocess.run(
        ["make", "--no-print-directory", "-C", str(REPO), "run",
         f"NEWSETL_INPUT_DIR={input_dir}", f"NEWSETL_WAREHOUSE={warehouse}", *settings],
        capture_output=True, text=True, check=False,
    )
    assert completed.returncode == 0, completed.stdout[-3000:] + completed.stderr[-3000:]
    return completed.stdout


def query(warehouse: Path, sql: str, params: list | None = None) -> list[tuple]:
    import duckdb

    with duckdb.connect(str(warehouse), read_only=True) as connection:
        return connection.execute(sql, params or []).fetchall()


@pytest.fixture(scope="session")
def seed_warehouse(tmp_path_factory) -> Path:
    """The seed articles run once through the real DAGs into a fresh warehouse."""
    from tests.conftest import SEED_DIR

    warehouse = tmp_path_factory.mktemp("seeds") / "news.duckdb"
    make_run(SEED_DIR, warehouse)
    return warehouse
