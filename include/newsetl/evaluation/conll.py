"""CoNLL-2003 entities: (mention text, type) pairs matched per document.

The measure (issue 4) ignores offsets: a document's gold set is its distinct
(normalised mention text, type) pairs, and so is its predicted set. That is
what the warehouse uses mentions for (who is named in an article), and it
sidesteps tokenisation differences between CoNLL and spaCy. Only PER, ORG and
LOC are scored: MISC has no counterpart in the extractor (its OTHER type is a
catch-all, not MISC).

Documents are rebuilt as tokens joined by spaces, one sentence a line. The
lowercased variant lowercases every token, which is what the lowercased,
tokenised wire copy in the seeds looks like.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from statistics import harmonic_mean

DOCSTART = "-DOCSTART-"
SCORED_TYPES = frozenset({"PER", "ORG", "LOC"})
# The extractor's entity types and spaCy's labels, mapped onto CoNLL's. Anything
# else (the extractor's OTHER, spaCy's NORP, DATE, ...) is not scored.
EXTRACTOR_TYPES: Mapping[str, str] = {"PERSON": "PER", "ORG": "ORG", "LOCATION": "LOC"}
SPACY_LABELS: Mapping[str, str] = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}

Pair = tuple[str, str]  # (normalised mention text, CoNLL type)
Token = tuple[str, str]  # (token, IOB2 tag)


def normalise(text: str) -> str:
    """Whitespace collapsed and case-folded, so cased and lowercased runs share one gold set."""
    return " ".join(text.split()).casefold()


@dataclass(frozen=True)
class ConllDocument:
    sentences: tuple[tuple[Token, ...], ...]

    @property
    def n_tokens(self) -> int:
        return sum(len(sentence) for sentence in self.sentences)

    def text(self, *, lowercase: bool = False, uppercase: bool = False) -> str:
        lines = (" ".join(token for token, _ in sentence) for sentence in self.sentences)
        text = "\n".join(lines)
        return text.lower() if lowercase else text.upper() if uppercase else text

    def gold_pairs(self) -> set[Pair]:
        pairs: set[Pair] = set()
        for sentence in self.sentences:
            tokens = [token for token, _ in sentence]
            for start, end, entity_type in iob_spans([tag for _, tag in sentence]):
                if entity_type in SCORED_TYPES:
                    pairs.add((normalise(" ".join(tokens[start:end])), entity_type))
        return pairs


def iob_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, type) token spans of IOB2 tags; a stray ``I-X`` opens a span (IOB1-tolerant)."""
    spans: list[tuple[int, int, str]] = []
    start, current = 0, None
    for index, tag in enumerate([*tags, "O"]):
        prefix, _, entity_type = tag.partition("-")
        continues = prefix == "I" and entity_type == current
        if current is not None and not continues:
            spans.append((start, index, current))
            current = None
        if prefix in ("B", "I") and not continues:
            start, current = index, entity_type
    return spans


def parse_conll(text: str) -> list[ConllDocument]:
    """Documents of a CoNLL-2003 file: token in the first column, IOB2 tag in the last."""
    documents: list[list[tuple[Token, ...]]] = []
    sentence: list[Token] = []

    def close_sentence() -> None:
        if sentence:
            if not documents:
                documents.append([])
            documents[-1].append(tuple(sentence))
            sentence.clear()

    for line in text.splitlines():
        columns = line.split()
        if not columns:
            close_sentence()
        elif columns[0] == DOCSTART:
            close_sentence()
            documents.append([])
        else:
            sentence.append((columns[0], columns[-1]))
    close_sentence()
    return [ConllDocument(tuple(sentences)) for sentences in documents if sentences]


def read_conll(path: Path, limit: int | None = None) -> list[ConllDocument]:
    return parse_conll(path.read_text(encoding="utf-8"))[:limit]


def articles(documents: list[ConllDocument], *, lowercase: bool, uppercase: bool = False) -> list[dict]:
    """Extractor input; ``is_lowercased`` is what ingestion detects for such text."""
    return [
        {"article_id": str(index), "clean_text": document.text(lowercase=lowercase, uppercase=uppercase),
         "is_lowercased": lowercase, "published_date": None, "outlet": None}
        for index, document in enumerate(documents)
    ]


def pairs_from_mentions(mention_rows: Iterable[Mapping], n_documents: int) -> list[set[Pair]]:
    """Predicted pairs per document from ``Extraction.entity_mentions`` (article ids ``"0"``..)."""
    pairs: list[set[Pair]] = [set() for _ in range(n_documents)]
    for row in mention_rows:
        entity_type = EXTRACTOR_TYPES.get(row["entity_type"])
        if entity_type is not None:
            pairs[int(row["article_id"])].add((normalise(row["mention_text"]), entity_type))
    return pairs


def pairs_from_doc(doc) -> set[Pair]:
    """Predicted pairs of a plain spaCy ``Doc`` (the off-the-shelf baseline)."""
    return {(normalise(ent.text), SPACY_LABELS[ent.label_]) for ent in doc.ents if ent.label_ in SPACY_LABELS}


@dataclass(frozen=True)
class Counts:
    """Micro-averaged counts: pairs summed over documents."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        return harmonic_mean([self.precision, self.recall])


def compare(gold: set[Pair], predicted: set[Pair]) -> Counts:
    return Counts(tp=len(gold & predicted), fp=len(predicted - gold), fn=len(gold - predicted))


def score(gold: list[set[Pair]], predicted: list[set[Pair]]) -> Counts:
    total = Counts()
    for gold_pairs, predicted_pairs in zip(gold, predicted, strict=True):
        total += compare(gold_pairs, predicted_pairs)
    return total
