"""The README's example queries run on the seed warehouse and print exactly what the README shows."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsetl.cli import render_table

pytestmark = [pytest.mark.integration, pytest.mark.slow]

README = Path(__file__).resolve().parents[2] / "README.md"
EXAMPLE = re.compile(r"```sql\n(?P<sql>[^`]*)```\n\n```text\n(?P<output>[^`]*)```")


def readme_examples() -> list[tuple[str, str]]:
    return [(m["sql"].strip(), m["output"].rstrip("\n")) for m in EXAMPLE.finditer(README.read_text())]


def run_example(warehouse: Path, sql: str) -> str:
    import duckdb

    with duckdb.connect(str(warehouse), read_only=True) as connection:
        cursor = connection.execute(sql)
        rows = cursor.fetchall()
        return render_table([d[0] for d in cursor.description], rows)


def test_readme_has_examples():
    assert len(readme_examples()) >= 8


@pytest.mark.parametrize("index", range(len(readme_examples())))
def test_readme_example_output_is_real(seed_warehouse, index):
    sql, shown = readme_examples()[index]
    assert run_example(seed_warehouse, sql) == shown
