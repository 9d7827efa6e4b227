"""Story grouping v2: articles about the same event share a ``story_id``.

Each article is a TF-IDF vector (sublinear term counts) of its words and
adjacent word pairs, stop words dropped: the title counts ``TITLE_WEIGHT``
times, the body up to ``BODY_WORDS`` words, where the event is told; the rest
is background that other stories share. A new article joins the story with
the highest mean cosine to its members (average link, so a big story does not
attract more than a small one) when that reaches ``MIN_COSINE``
(``MIN_COSINE_UNDATED`` when the article or the story has no date) and the
story's dated articles stay within ``STORY_SPAN_DAYS`` of each other with it.
Otherwise it starts a story named after itself. Assignments are never
revised, so story ids are stable; ``matched_article_id`` is the member closest
to the article.

Each grouped article's term counts are stored in ``raw.article_terms`` (hashed
terms), so a run reads the text of its new articles only: document
frequencies over stored and new articles, the stored stories sharing a new
article's rare terms, and the members of the stories it may join come from
queries (``assign_in_warehouse``; ``assign_stories`` does the same in memory
and gives the same stories, which a test checks). Frequencies grow as articles
arrive, so the same stream assigned in one run or in several gives the same
stories where decisions are clear, and a borderline one can differ; what is
already stored never changes.

Corrections: ``dbt_project/seeds/story_corrections.csv`` moves an article to
another story (an existing ``story_id``, or a new name to split it off). The
marts apply it, and grouping reads stored stories as corrected (the view
``grouped_stories``), so later articles are compared with the corrected
stories; ``raw.article_stories`` keeps what grouping itself decided.

Speed: terms that only one article has are left out of vectors (they cannot
match), and a story is a candidate only when it shares one of the article's
rare terms (in at most ``MAX_BLOCKING_DF`` articles); of those, the
``MAX_CANDIDATES`` that share most get the exact cosine. Each article costs a
bounded amount of work, not a pass over all articles before it.

Measured on the AllSides dev clusters (``make eval EVAL_ARGS="--only
stories"``; README): pairwise F1 0.796, against 0.219 for v1 (Jaccard on word
pairs, compared with every earlier article).
"""

from __future__ import annotations

import csv
import hashlib
import heapq
import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

# Chosen on the AllSides dev clusters, where it gives the best pairwise F1 (0.796;
# 0.03 gives 0.792, 0.05 0.779). Cosines are low because two outlets tell an event
# in different words: the median of same-story pairs there is 0.10.
MIN_COSINE = 0.04
# An undated article, or a story without a date, has no date window to rule out
# look-alike stories of other years, so it needs a little more evidence (0.04
# here gives 0.793).
MIN_COSINE_UNDATED = 0.06
# AllSides stories are day-level events: 93% of dated same-story pairs are 0-1 day
# apart, and a wider span chains a developing storyline (a shutdown, day after
# day) into one story: 2 days give 0.773.
STORY_SPAN_DAYS = 1
# The headline names the event (counting it once gives 0.787); the body past its
# first 250 content words is mostly background (all of it gives 0.780).
TITLE_WEIGHT = 4
BODY_WORDS = 250
# About what 250 content words take in English news (2,700 characters on average).
LEAD_CHARS = 3000
# Terms in more articles than this do not find candidates (they still count in the
# cosine): their postings would grow with the warehouse. On the dev set 10 gives
# 0.794, 50 the same as 30.
MAX_BLOCKING_DF = 30
MAX_CANDIDATES = 10
# Stored term rows read at a time when a story is loaded.
TERM_ROWS_PER_READ = 100_000

_APOSTROPHES = re.compile(r"['\u2019\u02bc]")
_WORDS = re.compile(r"[^\W_]+")
STOP_WORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being below between both
but by can could did do does doing down during each few for from further had has have having he her here hers herself
him himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or
other our ours ourselves out over own same she should so some such than that the their theirs them themselves then
there these they this those through to too under until up very was we were what when where which while who whom why
will with would you your yours yourself yourselves said says say told according one two new like get got us mr ms
s t re ve ll d m
""".split())


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
    matched_article_id: str | None  # the story's member most similar to the article


def words(text: str) -> list[str]:
    """Lowercased content words: punctuation, apostrophes and stop words dropped."""
    text = _APOSTROPHES.sub("", unicodedata.normalize("NFKC", text).casefold())
    return [word for word in _WORDS.findall(text) if word not in STOP_WORDS and len(word) > 1]


def lead_words(text: str, limit: int = BODY_WORDS) -> list[str]:
    """``words(text)[:limit]``, reading only as much of the text as that takes: tokenizing
    whole articles to keep their first words was most of the cost of grouping."""
    end = LEAD_CHARS
    while True:
        tokens = words(text[:end])
        # The last token may be a word cut in two: it is only trusted when the text ended there.
        if len(tokens) > limit or end >= len(text):
            return tokens[:limit]
        end *= 2


def terms(candidate: StoryCandidate) -> Counter[str]:
    """Counts of words and adjacent content-word pairs; the title counts ``TITLE_WEIGHT`` times."""
    counts: Counter[str] = Counter()
    for tokens, weight in ((lead_words(candidate.text), 1), (words(candidate.title or ""), TITLE_WEIGHT)):
        for term in [*tokens, *(f"{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False))]:
            counts[term] += weight
    return counts


def _dot(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(weight * b.get(term, 0.0) for term, weight in a.items())


@dataclass
class _Story:
    story_id: str
    centroid: dict[str, float] = field(default_factory=dict)  # sum of the members' vectors
    first_date: date | None = None
    last_date: date | None = None
    members: list[tuple[str, dict[str, float]]] = field(default_factory=list)

    def add(self, article_id: str, vector: dict[str, float], published: date | None) -> None:
        self.members.append((article_id, vector))
        if len(self.members) == 1:
            self.centroid = vector  # shared, not copied: most stories keep a single article
        else:
            if len(self.members) == 2:
                self.centroid = dict(self.centroid)
            centroid = self.centroid
            for term, weight in vector.items():
                centroid[term] = centroid.get(term, 0.0) + weight
        if published is not None:
            self.first_date = min(self.first_date or published, published)
            self.last_date = max(self.last_date or published, published)

    def in_window(self, published: date | None) -> bool:
        """Would the story's dated articles still lie within ``STORY_SPAN_DAYS`` of each other?"""
        if published is None or self.first_date is None or self.last_date is None:
            return True
        return (max(self.last_date, published) - min(self.first_date, published)).days <= STORY_SPAN_DAYS

    def threshold(self, published: date | None) -> float:
        """The cosine an article needs to join: more when dates cannot confirm it."""
        if published is None or self.first_date is None:
            return MIN_COSINE_UNDATED
        return MIN_COSINE

    def closest_member(self, vector: dict[str, float]) -> str:
        return max(self.members, key=lambda member: _dot(member[1], vector))[0]

    def cosine(self, vector: dict[str, float]) -> float:
        """Mean cosine of the article with the story's members (average link)."""
        return _dot(self.centroid, vector) / len(self.members)


class StoryIndex:
    """Stories seen so far, their centroids, and the document frequencies of terms."""

    def __init__(self) -> None:
        self.documents = 0
        self.document_frequency: Counter[str] = Counter()
        self.stories: dict[str, _Story] = {}
        self.postings: defaultdict[str, list[_Story]] = defaultdict(list)

    def count(self, counts: Iterable[Counter[str]]) -> None:
        for article in counts:
            self.documents += 1
            self.document_frequency.update(article.keys())

    def vector(self, counts: Counter[str]) -> dict[str, float]:
        """Unit TF-IDF vector of an article's term counts, without the terms no other article has."""
        df = self.document_frequency
        log_documents = math.log(1 + self.documents)
        weights = {term: (1.0 + math.log(count)) * (log_documents - math.log(df[term]))
                   for term, count in counts.items()}
        norm = math.sqrt(sum(weight * weight for weight in weights.values())) or 1.0
        return {term: weight / norm for term, weight in weights.items() if df[term] > 1}

    def candidates(self, vector: dict[str, float], published: date | None) -> list[_Story]:
        """The ``MAX_CANDIDATES`` stories whose dates fit that share most weight of the article's rarer terms."""
        shared: defaultdict[str, float] = defaultdict(float)
        stories: dict[str, _Story] = {}
        for term, weight in vector.items():
            for story in self.postings.get(term, ()):
                shared[story.story_id] += weight
                stories[story.story_id] = story
        fitting = [story_id for story_id, story in stories.items() if story.in_window(published)]
        return [stories[story_id] for story_id in heapq.nlargest(MAX_CANDIDATES, fitting, key=shared.__getitem__)]

    def best_story(self, vector: dict[str, float], published: date | None) -> tuple[float, _Story] | None:
        best: tuple[float, _Story] | None = None
        for story in self.candidates(vector, published):
            similarity = story.cosine(vector)
            if similarity >= story.threshold(published) and (best is None or similarity > best[0]):
                best = (similarity, story)
        return best

    def add(self, candidate: StoryCandidate, vector: dict[str, float], story_id: str) -> None:
        story = self.stories.get(story_id)
        if story is None:
            story = self.stories[story_id] = _Story(story_id)
        df = self.document_frequency
        new_terms = [term for term in vector if df[term] <= MAX_BLOCKING_DF and term not in story.centroid]
        story.add(candidate.article_id, vector, candidate.published_date)
        for term in new_terms:
            self.postings[term].append(story)


def assign_stories(existing: list[tuple[StoryCandidate, str]], new: list[StoryCandidate],
                   corrections: Mapping[str, str] | None = None) -> list[Assignment]:
    """Assign each new article, in order, to an existing story or a new one (everything in memory).
    ``corrections`` (article id -> story id) place articles, existing or new, in the stories that
    later articles are compared with; the assignments returned are grouping's own."""
    corrections = corrections or {}
    index = StoryIndex()
    # Terms are counted twice rather than kept: at 35k articles they would take gigabytes.
    index.count(terms(candidate) for candidate in [*(c for c, _ in existing), *new])
    for candidate, story_id in existing:
        index.add(candidate, index.vector(terms(candidate)), corrections.get(candidate.article_id, story_id))
    return _assign_in_order(index, new, (index.vector(terms(candidate)) for candidate in new), corrections)


def _assign_in_order(index: StoryIndex, new: list[StoryCandidate], vectors: Iterable[dict],
                     corrections: Mapping[str, str]) -> list[Assignment]:
    out: list[Assignment] = []
    for candidate, vector in zip(new, vectors, strict=True):
        best = index.best_story(vector, candidate.published_date)
        if best is None:
            assignment = Assignment(candidate.article_id, f"story_{candidate.article_id}", None, None)
        else:
            similarity, story = best
            assignment = Assignment(candidate.article_id, story.story_id, round(similarity, 4),
                                    story.closest_member(vector))
        out.append(assignment)
        index.add(candidate, vector, corrections.get(candidate.article_id, assignment.story_id))
    return out


# ---------------------------------------------------------------- corrections

STORY_CORRECTIONS_SEED = "story_corrections.csv"  # in the dbt project's seeds folder


def read_story_corrections(path: Path) -> dict[str, str]:
    """article id -> story id from the editable corrections file (none when it is absent). A row
    without both ids, or an article listed twice, is an error naming the line."""
    if not path.is_file():
        return {}
    corrections: dict[str, str] = {}
    lines: dict[str, int] = {}
    with path.open(newline="", encoding="utf-8") as rows:
        reader = csv.DictReader(rows)
        if missing := {"article_id", "story_id"} - set(reader.fieldnames or ()):
            raise ValueError(f"{path}: the header has no {' or '.join(sorted(missing))} column")
        for row in reader:
            article_id, story_id = (row["article_id"] or "").strip(), (row["story_id"] or "").strip()
            if not article_id or not story_id:
                raise ValueError(f"{path}, line {reader.line_num}: a correction needs both article_id and story_id")
            if article_id in lines:
                raise ValueError(f"{path}, line {reader.line_num}: article {article_id} is corrected already "
                                 f"on line {lines[article_id]}")
            corrections[article_id], lines[article_id] = story_id, reader.line_num
    return corrections


def use_story_corrections(connection, corrections: Mapping[str, str]) -> None:
    """The temporary view ``grouped_stories`` (article_id, story_id): ``raw.article_stories`` with
    the corrections applied, which grouping reads stored stories from."""
    connection.execute("create or replace temp table story_corrections (article_id varchar, story_id varchar)")
    if corrections:
        connection.executemany("insert into story_corrections values (?, ?)", list(corrections.items()))
    connection.execute("""create or replace temp view grouped_stories as
        select s.article_id, coalesce(c.story_id, s.story_id) as story_id
        from raw.article_stories as s left join story_corrections as c using (article_id)""")


# ---------------------------------------------------------------- stored terms

def term_hash(term: str) -> int:
    """A stable signed 64-bit key for a term (Python's own ``hash`` changes between processes)."""
    return int.from_bytes(hashlib.blake2b(term.encode(), digest_size=8).digest(), "little", signed=True)


def hashed_terms(candidate: StoryCandidate) -> Counter[int]:
    """``terms`` keyed by ``term_hash``, as stored in ``raw.article_terms``."""
    return Counter({term_hash(term): count for term, count in terms(candidate).items()})


def terms_frame(article_ids: list[str], counts: list[Counter[int]]):
    """Rows of ``raw.article_terms`` for the given articles' term counts."""
    import pandas as pd

    return pd.DataFrame({
        "article_id": [article_id for article_id, c in zip(article_ids, counts, strict=True) for _ in range(len(c))],
        "term_hash": pd.array([term for c in counts for term in c], dtype="int64"),
        "term_count": pd.array([n for c in counts for n in c.values()], dtype="int32"),
    })


class _WarehouseStoryIndex(StoryIndex):
    """A ``StoryIndex`` that holds in memory only the stories new articles may join.

    Every stored article's term counts are in ``raw.article_terms``, so document
    frequencies, the rare-term postings that find candidates, and the members of a
    candidate story are read by query; the text of stored articles is not read.
    A stored story is loaded when it ranks among an article's ``MAX_CANDIDATES``,
    which gives the same candidates as holding every story in memory (ties aside).
    """

    def __init__(self, connection, new_terms, new_articles: int) -> None:
        import pandas as pd

        super().__init__()
        self.connection = connection
        connection.register("new_terms", new_terms)
        self.documents = connection.execute("select count(*) from grouped_stories").fetchall()[0][0] + new_articles
        self._read_frequencies("select distinct term_hash from new_terms")
        # Stored postings of the new articles' rare terms: term -> stored stories holding it.
        self.stored_postings: defaultdict[int, list[str]] = defaultdict(list)
        rare = [term for term, df in self.document_frequency.items() if 1 < df <= MAX_BLOCKING_DF]
        connection.register("rare_terms", pd.DataFrame({"term_hash": pd.array(rare, dtype="int64")}))
        for term, story_id in connection.execute(
                """select distinct t.term_hash, s.story_id
                   from raw.article_terms as t inner join grouped_stories as s using (article_id)
                   where t.term_hash in (select term_hash from rare_terms)
                   order by s.story_id""").fetchall():
            self.stored_postings[term].append(story_id)
        self.stored_spans = {story_id: (first, last) for story_id, first, last in connection.execute(
            """select s.story_id, min(a.published_date), max(a.published_date)
               from grouped_stories as s inner join raw.articles as a using (article_id)
               where s.story_id in (select distinct s.story_id from raw.article_terms as t
                                    inner join grouped_stories as s using (article_id)
                                    where t.term_hash in (select term_hash from rare_terms))
               group by s.story_id""").fetchall()}

    def _read_frequencies(self, wanted_terms_sql: str) -> None:
        """Document frequencies, over stored and new articles, of the terms the query names."""
        dict.update(self.document_frequency, self.connection.execute(f"""
            with wanted as ({wanted_terms_sql})
            select term_hash, count(*) from (
                select term_hash from raw.article_terms where term_hash in (select term_hash from wanted)
                union all
                select term_hash from new_terms where term_hash in (select term_hash from wanted))
            group by term_hash""").fetchall())

    def candidates(self, vector: dict, published: date | None) -> list[_Story]:
        shared: defaultdict[str, float] = defaultdict(float)
        for term, weight in vector.items():
            for story in self.postings.get(term, ()):
                shared[story.story_id] += weight
            for story_id in self.stored_postings.get(term, ()):
                if story_id not in self.stories:  # a loaded story counts through its in-memory postings
                    shared[story_id] += weight
        fitting = [story_id for story_id in shared if self._in_window(story_id, published)]
        chosen = heapq.nlargest(MAX_CANDIDATES, fitting, key=shared.__getitem__)
        self.load_stories([story_id for story_id in chosen if story_id not in self.stories])
        return [self.stories[story_id] for story_id in chosen]

    def _in_window(self, story_id: str, published: date | None) -> bool:
        story = self.stories.get(story_id)
        if story is not None:
            return story.in_window(published)
        probe = _Story(story_id)
        probe.first_date, probe.last_date = self.stored_spans[story_id]
        return probe.in_window(published)

    def load_stories(self, story_ids: list[str]) -> None:
        """Read the members of stored stories (term counts, dates) into memory, in stream order."""
        if not story_ids:
            return
        import pandas as pd

        connection = self.connection
        connection.register("stories_to_load", pd.DataFrame({"story_id": story_ids}))
        try:
            members = connection.execute(
                """select s.article_id, s.story_id, a.published_date
                   from grouped_stories as s inner join raw.articles as a using (article_id)
                   where s.story_id in (select story_id from stories_to_load)
                   order by a.published_date nulls last, s.article_id""").fetchall()
            self._read_frequencies(  # first: the members' vectors need them
                """select distinct t.term_hash from raw.article_terms as t
                   inner join grouped_stories as s using (article_id)
                   where s.story_id in (select story_id from stories_to_load)""")
            vectors = dict(self._member_vectors())
        finally:
            connection.unregister("stories_to_load")
        for article_id, story_id, published in members:
            self.add(StoryCandidate(article_id, published, ""), vectors.get(article_id, {}), story_id)

    def _member_vectors(self):
        """(article_id, vector) of the members of ``stories_to_load``, their term counts read
        in slices: a chunk of 2,000 undated articles at 35k loads some 18k members, whose
        8M term rows held at once as Python objects took 3.3 GB at peak, 2.4 GB this way."""
        rows = self.connection.execute(
            """select t.article_id, t.term_hash, t.term_count
               from raw.article_terms as t inner join grouped_stories as s using (article_id)
               where s.story_id in (select story_id from stories_to_load)
               order by t.article_id""")
        article_id, counts = None, {}
        while batch := rows.fetchmany(TERM_ROWS_PER_READ):
            for row_article, term, count in batch:
                if row_article != article_id:
                    if article_id is not None:
                        yield article_id, self.vector(counts)
                    article_id, counts = row_article, {}
                counts[term] = count
        if article_id is not None:
            yield article_id, self.vector(counts)


def assign_in_warehouse(connection, new: list[StoryCandidate],
                        corrections: Mapping[str, str] | None = None) -> tuple[list[Assignment], object]:
    """``assign_stories`` against the stories stored in the warehouse, reading only what the
    new articles may join. Returns the assignments and the new articles' ``raw.article_terms``
    rows; the caller stores both (in one transaction). Stored stories are read from the view
    ``grouped_stories``: the caller makes it once with ``use_story_corrections(connection,
    corrections)`` for all its chunks."""
    corrections = corrections or {}
    new_counts = [hashed_terms(candidate) for candidate in new]
    new_terms = terms_frame([c.article_id for c in new], new_counts)
    index = _WarehouseStoryIndex(connection, new_terms, len(new))
    try:
        # Frequencies of the new articles' terms are all read by now, so their vectors are final.
        vectors = [index.vector(counts) for counts in new_counts]
        # The stories most new articles will look at, read in one query rather than one by one.
        upfront: dict[str, None] = {}
        for candidate, vector in zip(new, vectors, strict=True):
            shared: defaultdict[str, float] = defaultdict(float)
            for term, weight in vector.items():
                for story_id in index.stored_postings.get(term, ()):
                    shared[story_id] += weight
            fitting = [s for s in shared if index._in_window(s, candidate.published_date)]
            upfront.update(dict.fromkeys(heapq.nlargest(MAX_CANDIDATES, fitting, key=shared.__getitem__)))
            if candidate.article_id in corrections:  # the story it is placed in, with its stored members
                upfront[corrections[candidate.article_id]] = None
        index.load_stories(list(upfront))
        assignments = _assign_in_order(index, new, vectors, corrections)
    finally:
        connection.unregister("new_terms")
        connection.unregister("rare_terms")
    return assignments, new_terms
