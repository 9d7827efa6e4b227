"""Story grouping v1: articles about the same event share a ``story_id``.

Two articles tell the same story when they share at least
``MIN_SHINGLE_JACCARD`` of their word pairs (Jaccard similarity of lowercased
word-bigram shingles: "epidemic proportions", "1714 shootings", "strike force")
and, where both dates are known, were published at most ``DATE_WINDOW_DAYS``
apart. Word pairs rather than single words: single words are dominated by the
place and its politicians, which related-but-different stories share too.

A new article joins the story of its most similar article already assigned;
otherwise it starts a story named after itself. Assignments are never revised,
so story ids are stable across runs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

MIN_SHINGLE_JACCARD = 0.10
DATE_WINDOW_DAYS = 3
_WORD = re.compile(r"[a-z0-9][a-z0-9'’-]*")


@dataclass(frozen=True)
class StoryCandidate:
    article_id: str
    published_date: date | None
    text: str
    title: str | None = None


@dataclass(frozen=True)
class Assignment:
    article_id: str
    story_id: str
    similarity: float | None
    matched_article_id: str | None


def shingles(text: str) -> frozenset[str]:
    """Lowercased word bigrams of a text."""
    words = _WORD.findall(text.lower())
    return frozenset(f"{a} {b}" for a, b in zip(words, words[1:], strict=False))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def _within_window(a: date | None, b: date | None) -> bool:
    return a is None or b is None or abs((a - b).days) <= DATE_WINDOW_DAYS


def assign_stories(existing: list[tuple[StoryCandidate, str]], new: list[StoryCandidate]) -> list[Assignment]:
    """Assign each new article, in order, to an existing story or a new one."""
    assigned = [(candidate, shingles(candidate.text), story_id) for candidate, story_id in existing]
    out: list[Assignment] = []
    for candidate in new:
        own = shingles(candidate.text)
        best: tuple[float, StoryCandidate, str] | None = None
        for other, other_shingles, story_id in assigned:
            if not _within_window(candidate.published_date, other.published_date):
                continue
            similarity = jaccard(own, other_shingles)
            if similarity >= MIN_SHINGLE_JACCARD and (best is None or similarity > best[0]):
                best = (similarity, other, story_id)
        if best is None:
            assignment = Assignment(candidate.article_id, f"story_{candidate.article_id}", None, None)
        else:
            assignment = Assignment(candidate.article_id, best[2], round(best[0], 4), best[1].article_id)
        out.append(assignment)
        assigned.append((candidate, own, assignment.story_id))
    return out
