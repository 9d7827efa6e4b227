"""NewsQuant: are the numbers in a news sentence found, with the right value?

Only values are scored: units, changes and the counted concept are not, as the
extractor's figures carry a metric (murders, shootings, ...) rather than a
unit. Matching is exact (relative tolerance 1e-6), with no credit for scaled
variants (a predicted 2.7 for "2.7m tons" does not match a gold 2700000). Gold
values that are not a single number (ranges such as ``"252.0-287.0"``) are
skipped and counted, not guessed; a predicted range end then counts against
precision.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from statistics import harmonic_mean

RELATIVE_TOLERANCE = 1e-6


@dataclass(frozen=True)
class QuantSentence:
    text: str
    gold_values: tuple[float, ...]
    skipped_values: tuple[str, ...]  # gold values that are not one number


def parse_value(raw: object) -> float | None:
    """A gold ``value`` as a float; None for ranges and anything else that is not one finite number."""
    try:
        value = float(str(raw).strip())
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def parse_newsquant(items: Iterable[Mapping]) -> list[QuantSentence]:
    sentences = []
    for item in items:
        raw_values = [quantity["value"] for quantity in item["quantities"]]
        parsed = [parse_value(raw) for raw in raw_values]
        sentences.append(QuantSentence(
            text=item["text"],
            gold_values=tuple(value for value in parsed if value is not None),
            skipped_values=tuple(str(raw) for raw, value in zip(raw_values, parsed, strict=True) if value is None),
        ))
    return sentences


def read_newsquant(path: Path, limit: int | None = None) -> list[QuantSentence]:
    return parse_newsquant(json.loads(path.read_text(encoding="utf-8"))[:limit])


def articles(sentences: list[QuantSentence]) -> list[dict]:
    """One dummy article per sentence: no date or outlet, which only figures' periods and attribution use."""
    return [
        {"article_id": str(index), "clean_text": sentence.text, "is_lowercased": False,
         "published_date": None, "outlet": None}
        for index, sentence in enumerate(sentences)
    ]


def values_from_figures(figure_rows: Iterable[Mapping], n_sentences: int) -> list[list[float]]:
    """Predicted values per sentence from ``Extraction.figures`` (article ids ``"0"``..)."""
    values: list[list[float]] = [[] for _ in range(n_sentences)]
    for row in figure_rows:
        values[int(row["article_id"])].append(float(row["value"]))
    return values


def same_value(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=RELATIVE_TOLERANCE)


@dataclass(frozen=True)
class ValueCounts:
    """Recall counts gold values found; precision counts predicted values that are some gold value."""

    gold: int = 0
    gold_found: int = 0
    predicted: int = 0
    predicted_matched: int = 0
    skipped_gold: int = 0

    def __add__(self, other: ValueCounts) -> ValueCounts:
        return ValueCounts(self.gold + other.gold, self.gold_found + other.gold_found,
                           self.predicted + other.predicted, self.predicted_matched + other.predicted_matched,
                           self.skipped_gold + other.skipped_gold)

    @property
    def recall(self) -> float:
        return self.gold_found / self.gold if self.gold else 0.0

    @property
    def precision(self) -> float:
        return self.predicted_matched / self.predicted if self.predicted else 0.0

    @property
    def f1(self) -> float:
        return harmonic_mean([self.precision, self.recall])


def compare(sentence: QuantSentence, predicted: list[float]) -> ValueCounts:
    gold = sentence.gold_values
    return ValueCounts(
        gold=len(gold),
        gold_found=sum(any(same_value(g, p) for p in predicted) for g in gold),
        predicted=len(predicted),
        predicted_matched=sum(any(same_value(p, g) for g in gold) for p in predicted),
        skipped_gold=len(sentence.skipped_values),
    )


def score(sentences: list[QuantSentence], predicted: list[list[float]]) -> ValueCounts:
    total = ValueCounts()
    for sentence, values in zip(sentences, predicted, strict=True):
        total += compare(sentence, values)
    return total
