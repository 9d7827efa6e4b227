"""Expectation suites for each raw table, validated on the batch (a DataFrame) before commit.

Great Expectations has no working DuckDB SQL path (DESIGN.md), so each load is
validated as a pandas DataFrame: the exact rows about to be inserted.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from datetime import date

from newsetl.extract.gazetteer import ENTITY_TYPES

log = logging.getLogger(__name__)

METRICS = ("shootings", "shooting_victims", "people_killed", "people_injured", "murders", "homicides", "arrests", "deaths",
           "other")
QUALIFIERS = ("exact", "more_than", "at_least", "fewer_than", "about", "nearly")
SAMPLE_SIZE = 5


class ValidationFailed(Exception):
    """A batch broke an expectation; the message names it and the offending rows."""


@dataclass(frozen=True)
class ExpectationResult:
    suite: str
    expectation: str
    column_name: str | None
    success: bool
    unexpected_count: int
    unexpected_sample: str | None


def _expectations(suite: str) -> list:
    import great_expectations as gx
    from great_expectations.expectations.row_conditions import Column

    from newsetl.config import load_settings
    from newsetl.ingest.articles import MIN_TEXT_CHARS

    max_chars = load_settings().max_article_chars

    e = gx.expectations
    if suite == "raw_articles":
        return [
            e.ExpectColumnValuesToNotBeNull(column="article_id"),
            e.ExpectColumnValuesToBeUnique(column="article_id"),
            e.ExpectColumnValuesToMatchRegex(column="article_id", regex=r"^[0-9a-f]{16}$"),
            e.ExpectColumnValuesToNotBeNull(column="source_uri"),
            e.ExpectColumnValueLengthsToBeBetween(column="clean_text", min_value=MIN_TEXT_CHARS, max_value=max_chars),
            e.ExpectColumnValuesToBeBetween(column="published_date", max_value=date.today(), mostly=1.0),
            e.ExpectColumnValuesToNotBeNull(column="raw_text"),
            e.ExpectColumnValuesToBeInSet(column="is_lowercased", value_set=[True, False]),
            # Reported, never failing: how many articles lack an outlet or a date
            # (unexpected_count in audit.validation_results is the null count).
            e.ExpectColumnValuesToNotBeNull(column="outlet", mostly=0.0),
            e.ExpectColumnValuesToNotBeNull(column="published_date", mostly=0.0),
        ]
    if suite == "raw_entity_mentions":
        return [
            e.ExpectCompoundColumnsToBeUnique(column_list=["article_id", "ordinal"]),
            e.ExpectColumnValuesToNotBeNull(column="entity"),
            e.ExpectColumnValuesToBeInSet(column="entity_type", value_set=list(ENTITY_TYPES)),
            e.ExpectColumnPairValuesAToBeGreaterThanB(column_A="end_char", column_B="start_char"),
            e.ExpectColumnValuesToBeBetween(column="start_char", min_value=0),
        ]
    if suite == "raw_quotes":
        return [
            e.ExpectCompoundColumnsToBeUnique(column_list=["article_id", "ordinal"]),
            e.ExpectColumnValuesToNotBeNull(column="quote_text"),
            e.ExpectColumnPairValuesAToBeGreaterThanB(column_A="end_char", column_B="start_char"),
        ]
    if suite == "raw_figures":
        return [
            e.ExpectCompoundColumnsToBeUnique(column_list=["article_id", "ordinal"]),
            e.ExpectColumnValuesToNotBeNull(column="value"),
            # Counts of crimes are never negative; other numbers can be ("JPM -0.04%", "down 3.4",
            # "plus or minus 3.4 points"), and the extractor keeps their sign on purpose.
            e.ExpectColumnValuesToBeBetween(column="value", min_value=0, row_condition=Column("metric") != "other"),
            e.ExpectColumnValuesToBeInSet(column="metric", value_set=list(METRICS)),
            e.ExpectColumnValuesToBeInSet(column="qualifier", value_set=list(QUALIFIERS)),
            e.ExpectColumnPairValuesAToBeGreaterThanB(
                column_A="period_end", column_B="period_start", or_equal=True, ignore_row_if="either_value_is_missing"),
        ]
    raise ValueError(f"no expectation suite named {suite!r}")


SUITES = ("raw_articles", "raw_entity_mentions", "raw_quotes", "raw_figures")


# Rows validated at a time: Great Expectations holds copies of the batch it validates
# (35k articles with their texts at once took 1 GB more, and kept 0.76 GB of it).
VALIDATION_ROWS = 5_000


def validate_frame(frame, suite: str) -> list[ExpectationResult]:
    """Run one suite on a DataFrame; return one result per expectation.

    A frame of more than ``VALIDATION_ROWS`` rows is validated in parts split by
    ``article_id`` (see ``validate_parts``)."""
    import pandas as pd

    if frame.empty:
        return []
    parts = -(-len(frame) // VALIDATION_ROWS)
    if parts > 1 and "article_id" in frame.columns:
        part_of_row = pd.util.hash_pandas_object(frame["article_id"], index=False) % parts
        pieces = (frame.loc[part_of_row == part] for part in range(parts))
    else:
        pieces = iter([frame])
    return validate_parts(pieces, suite)


def validate_parts(pieces, suite: str) -> list[ExpectationResult]:
    """Run one suite on DataFrames that together are one load; return one result per expectation.

    The parts must split the load by ``article_id``, so rows of one article (and
    duplicates of one id) always share a part: uniqueness in every part is then
    uniqueness in the whole, and since every expectation here holds for all rows
    (``mostly`` 1) or is only reported (``mostly`` 0), the merged results are
    those of one pass. Parts can come from a generator, so only one is in memory."""
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
    import great_expectations as gx

    context = gx.get_context(mode="ephemeral")
    _quiet(context)
    batch_definition = (
        context.data_sources.add_pandas("newsetl")
        .add_dataframe_asset(name=suite)
        .add_batch_definition_whole_dataframe("load_batch")
    )
    expectation_suite = context.suites.add(gx.ExpectationSuite(name=suite, expectations=_expectations(suite)))
    merged: list[ExpectationResult] = []
    rows = count = 0
    for piece in pieces:
        if piece.empty:
            continue
        key_columns = [c for c in ("article_id", "ordinal", "source_uri") if c in piece.columns]
        outcome = batch_definition.get_batch(batch_parameters={"dataframe": piece.reset_index(drop=True)}).validate(
            expectation_suite,
            result_format={"result_format": "SUMMARY", "unexpected_index_column_names": key_columns,
                           "partial_unexpected_count": SAMPLE_SIZE},
        )
        results = [_result(suite, result) for result in outcome.results]
        merged = results if not merged else [_merge(a, b) for a, b in zip(merged, results, strict=True)]
        rows, count = rows + len(piece), count + 1
    log.info("suite %s on %d rows (%d part%s): %d/%d expectations passed", suite, rows, count,
             "" if count == 1 else "s", sum(r.success for r in merged), len(merged))
    return merged


def _result(suite: str, result) -> ExpectationResult:
    config = result.expectation_config
    kwargs = config.kwargs
    column = kwargs.get("column") or ",".join(kwargs.get("column_list") or []) or (
        f"{kwargs.get('column_A')},{kwargs.get('column_B')}" if "column_A" in kwargs else None)
    detail = result.result or {}
    sample = detail.get("partial_unexpected_index_list") or detail.get("partial_unexpected_list")
    return ExpectationResult(
        suite=suite, expectation=config.type, column_name=column, success=bool(result.success),
        unexpected_count=int(detail.get("unexpected_count") or 0),
        unexpected_sample=json.dumps(sample[:SAMPLE_SIZE], default=str) if sample else None,
    )


def _merge(a: ExpectationResult, b: ExpectationResult) -> ExpectationResult:
    """One expectation's results on two parts of a frame."""
    sample = [*json.loads(a.unexpected_sample or "[]"), *json.loads(b.unexpected_sample or "[]")][:SAMPLE_SIZE]
    return ExpectationResult(a.suite, a.expectation, a.column_name, a.success and b.success,
                             a.unexpected_count + b.unexpected_count, json.dumps(sample) if sample else None)


def failure_message(results: list[ExpectationResult]) -> str | None:
    """None if every expectation passed; else which failed and on which rows."""
    failed = [r for r in results if not r.success]
    if not failed:
        return None
    lines = [f"{r.suite}: {r.expectation}({r.column_name}) failed on {r.unexpected_count} rows, e.g. {r.unexpected_sample}"
             for r in failed]
    return "Great Expectations validation failed; nothing was loaded.\n" + "\n".join(lines)


def _quiet(context) -> None:
    """No progress bars in task logs."""
    try:
        from great_expectations.data_context.types.base import ProgressBarsConfig

        context.variables.progress_bars = ProgressBarsConfig(globally=False)
    except (ImportError, AttributeError):  # pragma: no cover - older/newer GX layouts
        pass
