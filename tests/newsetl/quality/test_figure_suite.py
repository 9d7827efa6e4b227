"""The raw_figures suite: crime counts are never negative, other numbers may be."""

import pandas as pd
import pytest

from newsetl.quality.suites import failure_message, validate_frame

pytestmark = pytest.mark.slow  # imports Great Expectations (~10 s)


def _figures(rows: list[tuple[float, str]]) -> pd.DataFrame:
    return pd.DataFrame({
        "article_id": ["0123456789abcdef"] * len(rows), "ordinal": list(range(len(rows))),
        "value": [value for value, _ in rows], "metric": [metric for _, metric in rows],
        "qualifier": ["exact"] * len(rows), "period_start": [None] * len(rows), "period_end": [None] * len(rows)})


def test_negative_other_figures_pass_the_suite():
    # Found by the AllSides benchmark: "JPM -0.04%" and "plus or minus 3.4 percentage points"
    # failed the whole extraction load.
    results = validate_frame(_figures([(-0.04, "other"), (-3.4, "other"), (1714.0, "shootings")]), "raw_figures")
    assert failure_message(results) is None


def test_negative_crime_count_fails_the_suite():
    results = validate_frame(_figures([(-3.0, "murders"), (-1.0, "other")]), "raw_figures")
    message = failure_message(results)
    assert message is not None and "expect_column_values_to_be_between(value) failed on 1 rows" in message
