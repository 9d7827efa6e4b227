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
from collections.abc import Iterable
from dataclasses import dataclass

SIGNATURE_BITS = 64
SHINGLE_WORDS = 3
# Fewer words than this never match: a short brief or caption shares most of its
# few shingles with any other one on the same story by chance.
MIN_WORDS = 8

# Defaults, measured on 150-250 word wire stories (the short end of news, where a
# small edit weighs most). A new first line plus a "Reporting by ..." footer changes
# about 15% of the shingles, which moves a 64-bit SimHash by 5-13 bits (the expected
# distance is 64 * angle / pi, about 9 here); on longer stories the same edit moves
# it less. So the SimHash filter is loose (10 bits) and the shingle Jaccard is the
# real test: such copies keep 0.75-0.9 of their shingles, a story rewritten on the
# same topic keeps under 0.2, and a story that reuses half of another about 0.3-0.5.
MAX_DISTANCE = 10
MIN_SIMILARITY = 0.7

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


def _bands(max_distance: int) -> list[tuple[int, int]]:
    """(shift, mask) of ``max_distance + 1`` contiguous bands covering the 64 bits."""
    count = min(max_distance + 1, SIGNATURE_BITS)
    bands, start = [], 0
    for i in range(count):
        width = SIGNATURE_BITS // count + (1 if i < SIGNATURE_BITS % count else 0)
        bands.append((start, (1 << width) - 1))
        start += width
    return bands


class _BandIndex:
    """Signatures bucketed by each band, to find those within ``max_distance`` bits.

    Pigeonhole: if two 64-bit signatures differ in at most k bits, then of k + 1 disjoint
    bands at least one has no differing bit, so the two share that band's bucket. Looking
    up the k + 1 buckets of a signature therefore finds every signature within k bits,
    and only a fraction (about (k + 1) / 2**(64 / (k + 1))) of the unrelated ones, which
    the exact Hamming check then drops. At k = 10 that is a fifth of the pairs, checked
    in one int operation each, instead of every pair's shingle sets.
    """

    def __init__(self, max_distance: int) -> None:
        self.max_distance = max_distance
        self.bands = _bands(max_distance)
        self.buckets: list[dict[int, list[int]]] = [{} for _ in self.bands]
        self.signatures: dict[int, int] = {}

    def add(self, key: int, value: int) -> None:
        """Index the unsigned signature ``value`` under ``key``."""
        self.signatures[key] = value
        for (shift, mask), buckets in zip(self.bands, self.buckets, strict=True):
            buckets.setdefault((value >> shift) & mask, []).append(key)

    def near(self, value: int) -> list[int]:
        """Keys of the indexed signatures within ``max_distance`` bits, in key order."""
        found: set[int] = set()
        for (shift, mask), buckets in zip(self.bands, self.buckets, strict=True):
            found.update(buckets.get((value >> shift) & mask, ()))
        return sorted(k for k in found if (self.signatures[k] ^ value).bit_count() <= self.max_distance)


def find_near_duplicates(
    new: list[tuple[str, str]],
    existing: list[tuple[str, str]],
    *,
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
    thresholds when a copy of a copy drifted further from it.
    """
    articles = [*existing, *new]
    index = _BandIndex(max_distance)
    # Shingle sets are kept only for articles that came up as candidates: holding every
    # article's set would cost hundreds of bytes per word on a large batch.
    cache = _ShingleCache(articles)
    roots: dict[int, int] = {}
    rows: list[NearDuplicate] = []
    for position, (article_id, text) in enumerate(articles):
        tokens = words(text)
        if len(tokens) < MIN_WORDS:
            continue
        own = _shingles(tokens)
        value = _simhash(own)
        if position >= len(existing):
            best = _best_original(article_id, own, index.near(value), articles, cache, min_similarity)
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


class _ShingleCache:
    """Shingle sets of articles by position, computed on first use."""

    def __init__(self, articles: list[tuple[str, str]]) -> None:
        self.articles = articles
        self.sets: dict[int, set[bytes]] = {}

    def get(self, position: int) -> set[bytes]:
        if position not in self.sets:
            self.sets[position] = shingles(self.articles[position][1])
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
