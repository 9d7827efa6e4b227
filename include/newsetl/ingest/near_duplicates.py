"""Near-duplicate articles: syndicated copies with small edits, linked to their original.

Exact copies are already one article (same cleaned text, same ``article_id``). What is
left are wire stories republished with a new headline line, an extra sentence, a
"Reporting by ..." footer, or different case, spacing and punctuation. Each article gets
a 64-bit SimHash of its word 3-gram shingles; close signatures are candidates, and a
candidate is confirmed on the exact Jaccard similarity of the shingle sets.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from itertools import combinations

SIGNATURE_BITS = 64
SHINGLE_WORDS = 3
# Fewer words than this never match: a short brief or caption shares most of its
# few shingles with any other one on the same story by chance.
MIN_WORDS = 8

# Defaults, measured on a 220-word council-budget story, the short end of news where a
# small edit weighs most. A new first line plus a "Reporting by ..." footer leaves a
# shingle Jaccard of 0.88 and moved the signature by a median 5 bits, at most 10 bits
# in 99% of 2,000 random such edits; with an added sentence too (Jaccard 0.83), at most
# 10 in 95%. At 3 bits, the threshold of Manku et al. for long web pages, only 14% of
# these copies would even be candidates. So the SimHash filter is loose and the exact
# Jaccard decides: copies like these keep 0.8-0.9 of their shingles, a story rewritten
# on the same topic a few percent, and one that reuses half of another 0.3-0.5.
MAX_DISTANCE = 10
MIN_SIMILARITY = 0.7
# Blocks per lookup key in the signature index (see _SignatureIndex).
KEY_BLOCKS = 2

_MASK = (1 << SIGNATURE_BITS) - 1
_APOSTROPHES = re.compile(r"['\u2019\u02bc]")
_WORDS = re.compile(r"[^\W_]+")
# _BIT_TABLES[b] maps a byte to b"\x01" if its bit b is set, else b"\x00": with it,
# bytes.translate + bytes.count count one bit over all shingle hashes in C.
_BIT_TABLES = tuple(bytes((value >> bit) & 1 for value in range(256)) for bit in range(8))


@dataclass(frozen=True)
class NearDuplicate:
    article_id: str
    original_article_id: str
    distance: int  # Hamming distance of the two signatures
    similarity: float  # Jaccard similarity of the word 3-gram shingles, 4 decimals


def words(text: str) -> list[str]:
    """Lowercased words with punctuation dropped ("Council's" -> "councils")."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return _WORDS.findall(_APOSTROPHES.sub("", text))


def shingles(text: str) -> set[bytes]:
    """The 64-bit blake2b hashes of the text's word 3-grams (one shingle if shorter)."""
    return _shingles(words(text))


def _shingles(tokens: list[str]) -> set[bytes]:
    count = max(len(tokens) - SHINGLE_WORDS + 1, 1) if tokens else 0
    return {
        hashlib.blake2b(" ".join(tokens[i : i + SHINGLE_WORDS]).encode(), digest_size=8).digest()
        for i in range(count)
    }


def _simhash(hashes: Iterable[bytes]) -> int:
    """Unsigned SimHash: bit j is set when most shingle hashes have bit j set."""
    packed = b"".join(hashes)
    total = len(packed) // 8
    value = 0
    for byte_index in range(8):
        column = packed[byte_index::8]  # byte `byte_index` of every hash
        for bit, table in enumerate(_BIT_TABLES):
            if 2 * column.translate(table).count(1) > total:
                value |= 1 << ((7 - byte_index) * 8 + bit)  # big-endian, as int.from_bytes
    return value


def _signed(value: int) -> int:
    """The two's-complement reading of a 64-bit pattern, so it fits a DuckDB BIGINT."""
    return value - (1 << SIGNATURE_BITS) if value >= 1 << (SIGNATURE_BITS - 1) else value


def signature(text: str) -> int:
    """The text's 64-bit SimHash over word 3-gram shingles, as a signed 64-bit integer."""
    return _signed(_simhash(shingles(text)))


def hamming(a: int, b: int) -> int:
    """How many bits differ between two signatures (signed or unsigned, same pattern)."""
    return ((a ^ b) & _MASK).bit_count()


def jaccard(a: set[bytes], b: set[bytes]) -> float:
    """Shared shingles over all shingles; 0.0 when both are empty."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def _block_masks(count: int) -> list[int]:
    """Masks of ``count`` contiguous blocks of near-equal width covering the 64 bits."""
    masks, start = [], 0
    for i in range(count):
        width = SIGNATURE_BITS // count + (1 if i < SIGNATURE_BITS % count else 0)
        masks.append(((1 << width) - 1) << start)
        start += width
    return masks


def _table_masks(max_distance: int, key_blocks: int) -> list[int]:
    """One mask per table: the union of ``key_blocks`` of ``max_distance + key_blocks`` blocks."""
    if max_distance < 0:
        raise ValueError(f"max_distance must be >= 0, got {max_distance}")
    key_blocks = min(key_blocks, SIGNATURE_BITS - max_distance)
    if key_blocks <= 0:
        return [0]  # every signature is within reach: one bucket holding them all
    blocks = _block_masks(max_distance + key_blocks)
    return [sum(combo) for combo in combinations(blocks, key_blocks)]


class _SignatureIndex:
    """Signatures bucketed so that those within ``max_distance`` bits are found quickly.

    Pigeonhole: split the 64 bits into k + r disjoint blocks. Two signatures that differ
    in at most k bits differ in at most k blocks, so they agree exactly on at least r
    blocks. With one table per choice of r blocks, keyed on those blocks' bits, the
    buckets of a signature hold every signature within k bits, plus the unrelated ones
    that happen to share a key, which one XOR and popcount each then drop. r = 1 (k + 1
    tables) is the classic trick; r = 2 costs C(k + 2, 2) tables but keys about twice as
    long: at k = 10, 66 tables of ~11 bits let through 4% of unrelated pairs instead of
    the 19% of 11 tables of ~6 bits, which halves the time of a 30,000-article run.
    """

    def __init__(self, max_distance: int, key_blocks: int = KEY_BLOCKS) -> None:
        self.max_distance = max_distance
        self.tables = [(mask, {}) for mask in _table_masks(max_distance, key_blocks)]
        self.signatures: dict[int, int] = {}

    def add(self, key: int, value: int) -> None:
        """Index the unsigned signature ``value`` under ``key``."""
        self.signatures[key] = value
        for mask, buckets in self.tables:
            buckets.setdefault(value & mask, []).append(key)

    def near(self, value: int) -> list[int]:
        """Keys of the indexed signatures within ``max_distance`` bits, in key order."""
        found: set[int] = set()
        for mask, buckets in self.tables:
            found.update(buckets.get(value & mask, ()))
        signatures, limit = self.signatures, self.max_distance
        return sorted(k for k in found if (signatures[k] ^ value).bit_count() <= limit)


def find_near_duplicates(
    new: list[tuple[str, str]],
    existing: list[tuple[str, str | Callable[[], str]]],
    *,
    known: Mapping[str, int | None] | None = None,
    max_distance: int = MAX_DISTANCE,
    min_similarity: float = MIN_SIMILARITY,
) -> list[NearDuplicate]:
    """Link each new article that nearly repeats an earlier one to that one's root article.

    ``new`` and ``existing`` hold (article_id, cleaned text). New articles are taken in
    order and compared with every existing article and every new article before them.
    The original is the confirmed candidate of highest shingle similarity; on a tie the
    earliest (existing before new, then input order). If that original was itself linked
    in this call, the row points to its root instead, so no row points to a copy; the
    distance and similarity are then measured against the root, and can be beyond the
    thresholds when a copy of a copy drifted further from it. Existing articles are never
    linked among themselves, so pass roots only if earlier copies should not be originals.

    ``known`` holds stored signatures (``signature``; None for texts too short to match)
    by article id. An article with one is not re-read: its text, which may then be given
    as a function returning it, is read only if it comes up as a candidate. That keeps a
    load's cost proportional to the new articles, not to the warehouse.
    """
    articles = [*existing, *new]
    known = known or {}
    index = _SignatureIndex(max_distance)
    # Shingle sets are kept only for articles that came up as candidates: every article's
    # set would cost about 60 bytes per word, hundreds of megabytes on a large backfill.
    cache = _ShingleCache(articles)
    roots: dict[int, int] = {}
    rows: list[NearDuplicate] = []
    for position, (article_id, text) in enumerate(articles):
        own: set[bytes] | None = None
        if article_id in known:
            stored = known[article_id]
            if stored is None:
                continue
            value = stored & _MASK
        else:
            tokens = words(_text(text))
            if len(tokens) < MIN_WORDS:
                continue
            own = _shingles(tokens)
            value = _simhash(own)
        if position >= len(existing):
            candidates = index.near(value)
            if own is None and candidates:
                own = shingles(_text(text))
            best = _best_original(article_id, own, candidates, articles, cache, min_similarity) if candidates else None
            if best is not None:
                root = roots[position] = roots.get(best, best)
                rows.append(NearDuplicate(
                    article_id=article_id,
                    original_article_id=articles[root][0],
                    distance=(index.signatures[root] ^ value).bit_count(),
                    similarity=round(jaccard(own, cache.get(root)), 4),
                ))
        index.add(position, value)
    return rows


def stored_signature(text: str) -> int | None:
    """What to store for ``known``: the signature, or None when the text is too short to match."""
    tokens = words(text)
    return _signed(_simhash(_shingles(tokens))) if len(tokens) >= MIN_WORDS else None


def _text(text: str | Callable[[], str]) -> str:
    return text() if callable(text) else text


class _ShingleCache:
    """Shingle sets of articles by position, computed on first use."""

    def __init__(self, articles: list[tuple[str, str]]) -> None:
        self.articles = articles
        self.sets: dict[int, set[bytes]] = {}

    def get(self, position: int) -> set[bytes]:
        if position not in self.sets:
            self.sets[position] = shingles(_text(self.articles[position][1]))
        return self.sets[position]


def _best_original(
    article_id: str,
    own: set[bytes],
    candidates: list[int],
    articles: list[tuple[str, str]],
    cache: _ShingleCache,
    min_similarity: float,
) -> int | None:
    """The earliest candidate of highest shingle similarity at or above the threshold."""
    best, best_similarity = None, min_similarity
    for candidate in candidates:  # in input order, so a later tie never wins
        if articles[candidate][0] == article_id:
            continue  # the same article listed twice is not its own copy
        similarity = jaccard(own, cache.get(candidate))
        if similarity > best_similarity or (best is None and similarity >= best_similarity):
            best, best_similarity = candidate, similarity
    return best
