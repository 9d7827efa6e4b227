"""Story grouping against gold story clusters (AllSides): pairwise precision, recall and F1.

Every article of every cluster goes into one stream, as a landing folder would
deliver them: cleaned like ingestion does, exact copies (same cleaned text, so
the same ``article_id``) kept once, and ordered as ``stages.group_stories``
orders new articles: by publication date, undated articles last, ties by
``article_id``. Dates that are not ISO 8601 ("4/21/18") count as missing, where
ingestion would refuse them. The stream then goes through ``assign_stories`` in
one call, as a first load into an empty warehouse.

Pairwise scores: a pair of articles is predicted when both got the same
``story_id`` and gold when both come from the same cluster; precision is the
share of predicted pairs that are gold, recall the share of gold pairs that are
predicted. ``pair_errors`` lists the pairs behind the two kinds of error, for
a person to read (``--story-errors`` of the report).
"""

from __future__ import annotations

import gzip
import json
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from itertools import combinations
from pathlib import Path

from newsetl.evaluation.conll import Counts
from newsetl.ingest.articles import article_id_for
from newsetl.ingest.clean import clean_text
from newsetl.ingest.metadata import parse_published_date
from newsetl.warehouse.stories import StoryCandidate, assign_stories


@dataclass(frozen=True)
class GoldArticle:
    cluster_id: str
    candidate: StoryCandidate


@dataclass(frozen=True)
class PairError:
    """Two gold articles grouped wrongly: ``false_positive`` (one story, two gold clusters) or
    ``missed`` (one gold cluster, two stories)."""
    kind: str
    first: GoldArticle
    second: GoldArticle
    first_story: str
    second_story: str


@dataclass(frozen=True)
class StoryScore:
    counts: Counts
    n_articles: int
    n_gold: int
    n_predicted: int
    seconds: float
    n_other: int = 0  # articles mixed in from a corpus, not scored
    errors: tuple[PairError, ...] = ()


def parse_date(raw: object) -> date | None:
    """An ISO 8601 date, else ``None`` (missing and malformed dates alike)."""
    try:
        return parse_published_date(raw)
    except ValueError:
        return None


def story_candidate(article: Mapping) -> StoryCandidate | None:
    """An article (``text``, ``date``, ``title``) cleaned and keyed as ingestion does; ``None`` without text."""
    text = clean_text(article.get("text") or "")
    if not text:
        return None
    return StoryCandidate(article_id_for(text), parse_date(article.get("date")), text, article.get("title"))


def read_clusters(path: Path, limit: int | None = None) -> list[GoldArticle]:
    """The articles of the first ``limit`` clusters (all by default), exact copies once, in stream order."""
    articles: dict[str, GoldArticle] = {}
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            if limit is not None and number >= limit:
                break
            cluster = json.loads(line)
            for article in cluster["articles"]:
                if candidate := story_candidate(article):
                    articles.setdefault(candidate.article_id, GoldArticle(cluster["cluster_id"], candidate))
    return sorted(articles.values(), key=lambda a: stream_key(a.candidate))


def stream_key(candidate: StoryCandidate) -> tuple[bool, date, str]:
    """Date order, undated last, then ``article_id``: the order of ``stages.group_stories``."""
    return (candidate.published_date is None, candidate.published_date or date.min, candidate.article_id)


def _pairs(sizes: Counter) -> int:
    return sum(n * (n - 1) // 2 for n in sizes.values())


def pairwise_counts(gold: Mapping[str, str], predicted: Mapping[str, str]) -> Counts:
    """Same-story pairs: tp in both, fp predicted only, fn gold only (both maps keyed by article id)."""
    both = _pairs(Counter((gold[article_id], predicted[article_id]) for article_id in gold))
    return Counts(tp=both, fp=_pairs(Counter(predicted[a] for a in gold)) - both, fn=_pairs(Counter(gold.values())) - both)


def pair_errors(articles: list[GoldArticle], predicted: Mapping[str, str]) -> list[PairError]:
    """Every false-positive and missed pair, each in stream order (false positives first): the pairs
    are taken within predicted stories and within gold clusters, not among all pairs."""
    def story_of(article: GoldArticle) -> str:
        return predicted[article.candidate.article_id]

    by_story: dict[str, list[GoldArticle]] = defaultdict(list)
    by_cluster: dict[str, list[GoldArticle]] = defaultdict(list)
    for article in articles:
        by_story[story_of(article)].append(article)
        by_cluster[article.cluster_id].append(article)
    errors = []
    for kind, groups, wrong in (("false_positive", by_story, lambda a, b: a.cluster_id != b.cluster_id),
                                ("missed", by_cluster, lambda a, b: story_of(a) != story_of(b))):
        for members in groups.values():
            errors += [PairError(kind, a, b, story_of(a), story_of(b))
                       for a, b in combinations(members, 2) if wrong(a, b)]
    return errors


def read_corpus(path: Path, exclude: set[str], limit: int | None = None) -> list[StoryCandidate]:
    """The articles of a gzipped JSONL corpus (``text``, ``title``, ``date``), cleaned and keyed like
    ``read_clusters``, without those in ``exclude`` and without copies (first ``limit`` lines)."""
    articles: dict[str, StoryCandidate] = {}
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            if limit is not None and number >= limit:
                break
            candidate = story_candidate(json.loads(line))
            if candidate and candidate.article_id not in exclude:
                articles.setdefault(candidate.article_id, candidate)
    return list(articles.values())


def evaluate(path: Path, limit: int | None = None, corpus: Path | None = None,
             progress: Callable[[str], None] | None = None) -> StoryScore:
    """Group the stream of gold articles (with the ``corpus`` articles mixed in) in one call and score it."""
    articles = read_clusters(path, limit)
    gold = {article.candidate.article_id: article.cluster_id for article in articles}
    others = read_corpus(corpus, set(gold), limit) if corpus is not None else []
    stream = sorted([*(article.candidate for article in articles), *others], key=stream_key)
    if others and progress is not None:
        progress(f"  {len(others):,} other articles read from {corpus.name}; grouping {len(stream):,} articles")
    started = time.perf_counter()
    assignments = assign_stories([], stream)
    seconds = time.perf_counter() - started
    predicted = {assignment.article_id: assignment.story_id for assignment in assignments}
    return StoryScore(pairwise_counts(gold, predicted), len(articles), len(set(gold.values())),
                      len({predicted[article_id] for article_id in gold}), seconds, len(others),
                      tuple(pair_errors(articles, predicted)))
