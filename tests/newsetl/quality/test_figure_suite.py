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


def _articles(n: int) -> pd.DataFrame:
    ids = [f"{i:016x}" for i in range(n)]
    ids[7] = ids[2]  # a duplicate id, far from its twin
    ids[11] = "not-an-id"
    return pd.DataFrame({
        "article_id": ids, "source_uri": [f"f{i}.txt" for i in range(n)],
        "clean_text": ["Police said 12 people were shot in Chicago on Monday." * 2] * n,
        "raw_text": ["raw"] * n, "is_lowercased": [False] * n,
        "outlet": [None if i % 3 == 0 else "Reuters" for i in range(n)],
        "published_date": [None] * n})


def test_a_large_frame_is_validated_in_parts_with_the_results_of_one_pass(monkeypatch):
    from newsetl.quality import suites

    frame = _articles(40)
    whole = validate_frame(frame, "raw_articles")
    monkeypatch.setattr(suites, "VALIDATION_ROWS", 6)  # seven parts
    in_parts = validate_frame(frame, "raw_articles")
    assert [(r.expectation, r.column_name, r.success, r.unexpected_count) for r in in_parts] == [
        (r.expectation, r.column_name, r.success, r.unexpected_count) for r in whole]
    failed = {(r.expectation, r.unexpected_count) for r in in_parts if not r.success}
    assert failed == {("expect_column_values_to_be_unique", 2), ("expect_column_values_to_match_regex", 1)}
    outlets = next(r for r in in_parts if r.column_name == "outlet")
    assert outlets.success and outlets.unexpected_count == 14  # reported, never failing
