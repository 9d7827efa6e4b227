"""Entity mentions with canonical names.

Sources of mentions, merged longest-first:
1. the spaCy NER model (on lowercased text too, where it finds about half the
   entities; canonical names of what it finds there are title-cased);
2. the gazetteer (alias table + names learned from cased articles), matched
   case-insensitively; in cased text a match must start with a capital letter;
3. surnames of the full person names already found in the article
   ("Sessions", "emanuel" -> the full name met in the same article).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace

from newsetl.extract.gazetteer import Gazetteer
from newsetl.extract.person_names import is_given_name, one_name_per_person

# Labels of the project's NER (CoNLL: PER, ORG, LOC; MISC is not an actor) and of
# spaCy's OntoNotes models (NEWSETL_NER_MODEL=base), mapped to the warehouse's types.
NER_TYPES = {"PER": "PERSON", "PERSON": "PERSON", "ORG": "ORG", "LOC": "LOCATION", "GPE": "LOCATION",
             "FAC": "LOCATION"}
PERSON_LABELS = frozenset({"PER", "PERSON"})
# Titles of several people: "Sens. Bernard Sanders, Elizabeth Warren and Amy Klobuchar"; alone no name.
PLURAL_TITLES = frozenset("sens sens. reps reps.".split())
# Leading words that are titles or roles, not part of a name ("Attorney General Jeff Sessions").
TITLE_WORDS = frozenset(
    """president vice mayor attorney general superintendent police chief governor gov gov. senator sen sen.
    representative rep rep. congressman congresswoman secretary spokesman spokeswoman spokesperson judge
    officer detective sgt sgt. lt lt. capt capt. dr dr. mr mr. mrs mrs. ms ms. prof prof. commissioner
    sheriff prosecutor inspector director minister prime former acting deputy the""".split()
) | PLURAL_TITLES
# Roles before a person's name inside a longer span: "Senate Minority Leader Chuck Schumer" is Chuck Schumer.
ROLE_WORDS = frozenset(
    """leader secretary director chairman chairwoman chair speaker whip spokesman spokeswoman senator sen.
    rep. gov. governor president minister general justice judge commissioner mayor ambassador adviser
    advisor counsel chief ceo""".split()
)
# Particles joined by a hyphen to the surname after them.
HYPHENATED_PARTICLES = frozenset("al el bin ibn".split())
# Lowercase words a person's name may hold ("Bashar al-Assad", "Ursula von der Leyen").
NAME_PARTICLES = frozenset("al el bin ibn de da di del della der den du la le van von y dos das ter ten".split())
# A party member's description the model reads as a name: "Rep. Judy Chu, California Democrat".
PARTY_MEMBERS = frozenset({"Democrat", "Republican"})
# Lowercase words inside an institution's name ("Department of Justice", "Bureau of Alcohol, Tobacco,
# Firearms and Explosives").
NAME_CONNECTORS = NAME_PARTICLES | frozenset("of and for the on at in to &".split())
# The lowercase last word of an institution's name in news style: "the Obama administration", "the
# Republican party".
LOWERCASE_INSTITUTIONS = frozenset("administration party government campaign".split())
# Words before a single name that make it a person's, whatever the model or the gazetteer typed it:
# "President Trump", "Sen. Cruz", "Speaker Pelosi".
PERSON_TITLES = frozenset(
    """president senator sen sen. representative rep rep. congressman congresswoman governor gov gov. mayor mr
    mr. mrs mrs. ms ms. dr dr. judge justice speaker secretary sheriff chancellor""".split()
) | PLURAL_TITLES
COURTESY_TITLES = frozenset("mr mr. mrs mrs. ms ms. dr dr.".split())
# Family names written first, which an article then uses alone: "Kim" is Kim Jong Un, "Xi" Xi Jinping.
FAMILY_NAME_FIRST = frozenset("kim xi moon li hu wen mao deng".split())
# Generational suffixes after a person's name: "Donald Trump Jr." is not Donald Trump. "Jr."/"Sr." make any
# name before them a person's; numerals only a name already read as a person's ("World War II" is not).
PERSON_SUFFIXES = frozenset({"jr.", "jr", "sr.", "sr"})
NUMERAL_SUFFIXES = frozenset({"ii", "iii", "iv"})
# The last word of a name that makes it an institution's or a place's, whatever the model read: it takes the
# model's "Senate Republicans", "Laramie County", "George Washington University" for people. Not words that
# are surnames too ("Todd Park", "Steven Law", "John Fund").
INSTITUTION_HEADS = {
    **dict.fromkeys("republicans democrats news university college school foundation center centre institute "
                    "hospital associates network committee administration".split(), "ORG"),
    **dict.fromkeys("county city island street avenue valley base".split(), "LOCATION"),
}
# Words before a place: where the model reads a surname of the article's person as a place, these keep it one.
PLACE_PREPOSITIONS = frozenset("in at from to into near across outside inside around throughout within".split())
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
# The model's "House Republicans" as a person would make "Republicans" a surname (as in KNOWN_NAMES_SQL).
_PARTY_WORD = re.compile(r"(?:democrat|democratic|republican|gop)s?")
_NAME_CHARS = re.compile(r"^[\w.&'’ ,-]+$")


@dataclass(frozen=True)
class Mention:
    start_char: int
    end_char: int
    mention_text: str
    entity: str
    entity_type: str


def _strip_span(doc, start: int, end: int) -> tuple[int, int]:
    """Token bounds without leading titles and a trailing possessive."""
    while start < end - 1 and doc[start].lower_ in TITLE_WORDS:
        start += 1
    while end > start + 1 and doc[end - 1].lower_ in {"'s", "’s", "'", "’"}:
        end -= 1
    return start, end


def _name_after_role(doc, start: int, end: int) -> int:
    """Where the person's name starts in a span that ends in a role and a name of two capitalised words or
    more ("House Minority Leader Nancy Pelosi", "Chief Justice John Roberts", "Dallas Mayor Mike Rawlings"),
    else ``start``. The model reads the whole as an organisation or a person; the actor is the person (on the
    1,000-article benchmark with 2.18.0, 234 mentions in 44 such names kept their roles, 88 as organisations)."""
    for i in range(end - 3, start - 1, -1):
        if doc[i].lower_ in ROLE_WORDS and doc[i + 1].text[:1].isupper() and all(
                token.text[:1].isupper() or token.lower_ in NAME_PARTICLES for token in doc[i + 1 : end]):
            return i + 1
    return start


def _hyphenated_names(doc) -> list[tuple[int, int]]:
    """Spans of hyphenated surnames in cased text: each "First Ocasio-Cortez" (a capitalised first word that
    is no title nor common word) and then every bare "Ocasio-Cortez" of the article. The model splits them at
    the hyphen ("Cortez" a person 40 times, "Ocasio" an organisation or a place 24 times on the 1,000-article
    benchmark with 2.19.0); "the Trump-Russia probe", "U.S.-Mexico", "Dodd-Frank" have no first name, and
    "St. Louis Post-Dispatch" has a name before its "first name"."""
    def joined(i: int) -> bool:
        first, hyphen, second = doc[i], doc[i + 1], doc[i + 2]
        return (hyphen.text == "-" and not first.whitespace_ and not hyphen.whitespace_ and first.is_alpha
                and second.is_alpha and first.text[:1].isupper() and second.text[:1].isupper()
                and not first.text.isupper() and not second.text.isupper())

    titles = TITLE_WORDS | ROLE_WORDS | PERSON_TITLES
    compounds = [i for i in range(len(doc) - 2) if joined(i) and doc[i].lower_ not in titles
                 and doc[i + 2].lower_ not in titles]  # "Secretary-General"
    full, surnames = [], set()
    for i in compounds:
        before = doc[i - 1] if i > 0 else None
        two_before = doc[i - 2] if i > 1 else None
        if (before is not None and before.is_alpha and before.text[:1].isupper() and not before.text.isupper()
                and not before.is_stop and before.lower_ not in titles
                # the first name starts the name: not "St. Louis Post-Dispatch", "Poll Predicts Cease-Fire"
                and (two_before is None or not two_before.text[:1].isupper() or two_before.lower_ in titles)):
            full.append((i - 1, i + 3))
            surnames.add((doc[i].lower_, doc[i + 2].lower_))
    starts = {start + 1 for start, _ in full}
    # "Bashar al-Assad", "Abu Bakr al-Baghdadi": the model stops at the particle ("Bashar al" a person,
    # "Assad" another; "Bashar" an actor in 12 stories of the 1,000-article benchmark with 2.21.0)
    particles = [i for i in range(1, len(doc) - 2) if doc[i].lower_ in HYPHENATED_PARTICLES and
                 doc[i].text.islower() and doc[i + 1].text == "-" and not doc[i].whitespace_
                 and not doc[i + 1].whitespace_ and doc[i + 2].is_alpha and doc[i + 2].text[:1].isupper()]
    for i in particles:
        first = i
        while (first > 0 and i - first < 3 and doc[first - 1].whitespace_ and doc[first - 1].is_alpha
               and doc[first - 1].text[:1].isupper() and not doc[first - 1].text.isupper()
               and not doc[first - 1].is_stop and doc[first - 1].lower_ not in titles):
            first -= 1
        if first < i:
            full.append((first, i + 3))
            starts.add(i)
            surnames.add((doc[i].lower_, doc[i + 2].lower_))
    return full + [(i, i + 3) for i in compounds + particles
                   if i not in starts and (doc[i].lower_, doc[i + 2].lower_) in surnames]


def _names_after_person_titles(doc, candidates: list[tuple[int, int, int]]) -> set[str]:
    """The names of two to four capitalised words that the article writes after a person's title ("Sen.
    Elizabeth Warren", "Gov. Joe Manchin"): persons wherever the article writes them, whatever the model read
    (it reads "Elizabeth Warren" as an organisation, with a title too: 36 mentions on the 1,000-article
    benchmark with 2.21.0, and "Bernie Sanders" 24)."""
    names = set()
    for start, end, _ in candidates:
        words = doc[start:end]
        if (start > 0 and doc[start - 1].lower_ in PERSON_TITLES and 2 <= end - start <= 4
                and all(token.text[:1].isupper() or token.text == "." for token in words)
                and words[0].is_alpha):
            names.add(_span_text(doc, start, end))
    return names


def _lone_role(doc, start: int, end: int) -> bool:
    """A role alone is no name: the model reads "Mayor" in "New York City Mayor Rudy Giuliani" as an
    organisation (40 mentions on the 1,000-article benchmark with 2.18.0). Not "Justice" (the department)."""
    return end - start == 1 and (doc[start].lower_ in ROLE_WORDS and doc[start].lower_ != "justice"
                                 or doc[start].lower_ in PLURAL_TITLES)


def _ner_span(doc, ent) -> tuple[int, int]:
    return _strip_span(doc, ent.start, ent.end)


def _name_words(doc, start: int, end: int) -> tuple[int, int] | None:
    """The part of a PERSON span of cased text that is a name: its longest run of capitalised words
    (particles and punctuation inside), the last when two are as long. The model takes in a verb or a
    common noun beside a name ("Trump tweeted", "Trump confidante Steve Bannon"); None when no word is
    capitalised ("file photo")."""
    runs: list[tuple[int, int]] = []
    run_start = None
    for i in range(start, end + 1):
        token = doc[i] if i < end else None
        fits = token is not None and (token.text[:1].isupper() or token.lower_ in NAME_PARTICLES
                                      or not any(ch.isalpha() for ch in token.text))
        if fits and run_start is None:
            run_start = i
        elif not fits and run_start is not None:
            runs.append((run_start, i))
            run_start = None
    best = None
    for run_start, run_end in runs:
        while run_start < run_end and not doc[run_start].text[:1].isupper():
            run_start += 1  # a run starts and ends on a capitalised word
        while run_end > run_start and not doc[run_end - 1].text[:1].isupper():
            run_end -= 1
        if run_end > run_start and (best is None or run_end - run_start >= best[1] - best[0]):
            best = (run_start, run_end)
    return best


def _span_text(doc, start: int, end: int) -> str:
    text = doc[start:end].text
    return _POSSESSIVE.sub("", text).strip()


def _is_usable_name(text: str) -> bool:
    return len(text) >= 2 and bool(_NAME_CHARS.match(text)) and any(ch.isalpha() for ch in text)


def _only_stop_words(doc, start: int, end: int) -> bool:
    """Every word of the span is a function word ("I'm", "More", "Moreover", "WHY", "Or": 380 mentions on the
    1,000-article benchmark with 2.19.0, "I'm" an organisation in 84 stories); not a two-letter code in
    capitals ("US", "CA")."""
    span = doc[start:end]
    words = [token for token in span if not token.is_punct]
    return bool(words) and all(token.is_stop for token in words) and not (
        len(span.text) == 2 and span.text.isupper()) and "." not in span.text


def learn_names(doc, gazetteer: Gazetteer) -> None:
    """Add the reliable names of a cased document to the gazetteer (multi-word people, orgs, places)."""
    for ent in doc.ents:
        entity_type = NER_TYPES.get(ent.label_)
        if entity_type is None:
            continue
        start, end = _ner_span(doc, ent)
        named = _name_after_role(doc, start, end)
        if named != start:
            start, entity_type = named, "PERSON"
        text = _span_text(doc, start, end)
        if not _is_usable_name(text) or not text[0].isupper() or _only_stop_words(doc, start, end):
            continue
        tokens = text.split()
        entity_type = _institution_type(text, entity_type)
        if entity_type == "PERSON" and (len(tokens) < 2 or not all(t[0].isupper() for t in tokens)):
            continue  # single names are ambiguous ("Twitter" is tagged PERSON); surnames resolve later
        if entity_type == "ORG" and len(tokens) < 2 and not (text.isupper() and 3 <= len(text) <= 5):
            continue
        if _mostly_uppercase(ent.sent.text):
            continue  # headlines and datelines in capitals ("DETROIT 1996-08-22") teach wrong names
        gazetteer.add(text, text, entity_type, from_batch=True)


@dataclass
class SurnameEvidence:
    """What a batch's cased articles tell of single words as surnames, for a first load to learn what later
    loads learn from stored mentions (``KNOWN_NAMES_SQL``): a word that ends a full person name in two
    articles or more and that the model, reading it alone, reads mostly as a person ("Trump"). Counts add up
    across the shares of a batch extracted in several processes."""

    full_name_articles: Counter = field(default_factory=Counter)  # word (lower) -> articles naming X <word>
    person_readings: Counter = field(default_factory=Counter)  # word (lower) -> the model's PERSON readings
    other_readings: Counter = field(default_factory=Counter)
    written: dict[str, str] = field(default_factory=dict)  # word (lower) -> as first written

    def read(self, doc) -> None:
        """Add one cased document's evidence. A single word the model reads beside a full name ending in it
        counts as the person's whatever the model read, as extraction makes it that person, and as the
        stored mentions later loads learn from have it (the model reads "Pelosi" alone as a person 7 times
        and otherwise 19 in a first load of the 1,000-article benchmark)."""
        surnames, singles = set(), []
        for ent in doc.ents:
            entity_type = NER_TYPES.get(ent.label_)
            if entity_type is None:
                continue
            start, end = _ner_span(doc, ent)
            words = _span_text(doc, start, end).split()
            if entity_type == "PERSON" and len(words) >= 2 and all(w[:1].isupper() for w in words):
                if _surname_shaped(words[-1]):
                    surnames.add(words[-1].lower())
            elif len(words) == 1 and _surname_shaped(words[0]) and not _PARTY_WORD.fullmatch(words[0].lower()):
                singles.append((start, words[0], entity_type))
        for start, word, entity_type in singles:
            self.written.setdefault(word.lower(), word)
            person = entity_type == "PERSON" or (
                word.lower() in surnames and not (entity_type == "LOCATION" and _after_place_preposition(doc, start)))
            (self.person_readings if person else self.other_readings)[word.lower()] += 1
        self.full_name_articles.update(surnames)

    def add(self, other: SurnameEvidence) -> None:
        self.full_name_articles.update(other.full_name_articles)
        self.person_readings.update(other.person_readings)
        self.other_readings.update(other.other_readings)
        for word, written in other.written.items():
            self.written.setdefault(word, written)

    def surnames(self) -> list[str]:
        """The words that are surnames, as written."""
        return [self.written[word] for word in sorted(self.written)
                if self.full_name_articles[word] >= 2 and self.person_readings[word] > self.other_readings[word]]


def learn_surnames(evidence: SurnameEvidence, gazetteer: Gazetteer) -> None:
    """Add the batch's surnames as persons, over a single word the batch itself learned as a place or an
    organisation (the model read "Trump" as a place in some articles of a first load), not over the alias
    table or earlier loads."""
    for word in evidence.surnames():
        known = gazetteer.lookup(word)
        if known is None or known.from_batch and not known.curated and known.entity_type != "PERSON":
            gazetteer.add(word, word, "PERSON", override=True, from_batch=True)


def _mostly_uppercase(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 4 and sum(ch.isupper() for ch in letters) > 0.6 * len(letters)


def _gazetteer_spans(doc, matcher, lowercased: bool) -> list[tuple[int, int]]:
    spans = []
    for _, start, end in matcher(doc):
        first = doc[start].text
        if not lowercased and not first[:1].isupper():
            continue
        spans.append((start, end))
    return spans


def _select_longest(spans: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Non-overlapping spans, longest first; ``priority`` (third item) breaks ties (lower wins)."""
    chosen: list[tuple[int, int, int]] = []
    taken: set[int] = set()
    for start, end, priority in sorted(spans, key=lambda s: (-(s[1] - s[0]), s[2], s[0])):
        if taken.isdisjoint(range(start, end)):
            chosen.append((start, end, priority))
            taken.update(range(start, end))
    return sorted(chosen)


def extract_mentions(doc, gazetteer: Gazetteer, matcher, *, lowercased: bool) -> list[Mention]:
    """All PERSON/ORG/LOCATION/OTHER mentions of one document, canonicalised."""
    # (start, end, priority): gazetteer 0 beats NER 1 on ties.
    candidates: list[tuple[int, int, int]] = []
    ner_types: dict[tuple[int, int], str] = {}
    # On lowercased text the cased model still finds about half the entities
    # (measured on lowercased CoNLL dev: P 0.70, R 0.40); the gazetteer wins ties.
    not_actors: set[tuple[int, int]] = set()  # what the model read as a name but no actor's ("American": MISC)
    for ent in doc.ents:
        if ent.label_ not in NER_TYPES:
            not_actors.add(_ner_span(doc, ent))
        else:
            start, end = _ner_span(doc, ent)
            if ent.label_ in PERSON_LABELS and not lowercased:
                words = _name_words(doc, start, end)
                if words is None:
                    continue
                start, end = words
            elif _lone_role(doc, start, end):
                continue
            elif not lowercased and not any(ch.isupper() for ch in doc[start:end].text):
                # a common word in cased text: the model, trained on lowercased copy too, reads "re" of
                # "re-election", "ad", "color" as names (1,481 mentions on the 1,000-article benchmark, 2.18.0)
                continue
            named = _name_after_role(doc, start, end)
            candidates.append((named, end, 1))
            ner_types[(named, end)] = NER_TYPES[ent.label_] if named == start else "PERSON"
    if not lowercased:
        for start, end in _hyphenated_names(doc):
            candidates.append((start, end, 1))
            ner_types[(start, end)] = "PERSON"
    for start, end in _gazetteer_spans(doc, matcher, lowercased):
        if _lone_role(doc, start, end) and not gazetteer.lookup(doc[start].text).curated:
            continue  # learned from the model's readings before 2.19.0
        named = _name_after_role(doc, start, end)  # names learned before 2.19.0 hold roles
        candidates.append((named, end, 0))
        if named != start:
            ner_types.setdefault((named, end), "PERSON")

    titled_names = _names_after_person_titles(doc, candidates)
    lower_words = None if lowercased else {token.text for token in doc if token.text.islower()}
    mentions: list[Mention] = []
    full_names: dict[str, str] = {}  # surname (lower) -> full person name in this article
    pending_single: list[tuple[int, int, str]] = []
    known_single: list[tuple[int, int, str, str, bool]] = []
    suffixed_surnames: list[tuple[int, int, str]] = []
    for start, end, _ in _select_longest(candidates):
        text = _span_text(doc, start, end)
        if not _is_usable_name(text):
            continue
        known = gazetteer.lookup(text)
        if (known is None or not known.curated) and _only_stop_words(doc, start, end):
            continue
        ner_type = ner_types.get((start, end))
        unconfirmed = known is not None and not lowercased and _unconfirmed(
            known, doc, start, end, ner_type, (start, end) in not_actors, lower_words)
        if unconfirmed and end - start > 1:
            if _institution_type(known.canonical, known.entity_type) == "PERSON":  # "any Ted Cruz voter": still Cruz
                full_names.setdefault(_name_key(known.canonical), known.canonical)
            continue
        if (known is not None and ner_type is not None and ner_type != known.entity_type
                and not _table_wins(known, ner_type, text)):
            known = None  # the model read this occurrence in context ("Atlanta" the team, not the city)
        if known is not None:
            canonical, entity_type = known.canonical, known.entity_type
        else:
            entity_type = ner_types.get((start, end), "OTHER")
            canonical = _titlecase(text) if lowercased else text
        if entity_type in ("ORG", "LOCATION") and (known is None or not known.curated) and text in titled_names:
            entity_type = "PERSON"  # "Sen. Elizabeth Warren", which the model reads as an organisation
        entity_type = _institution_type(canonical, entity_type)
        suffix_end = _suffix_end(doc, end, entity_type)
        if suffix_end > end:
            # "Donald Trump Jr.": the suffix is part of the name; "Trump Jr." is resolved below.
            end, entity_type, text = suffix_end, "PERSON", _span_text(doc, start, suffix_end)
            suffix = doc[suffix_end - 1].text
            canonical = f"{canonical} {_titlecase(suffix) if lowercased else suffix}"
            if len(text.split()) == 2:
                suffixed_surnames.append((start, end, text))
                continue
        if entity_type == "PERSON" and len(canonical.split()) >= 2:
            full_names.setdefault(_name_key(canonical), canonical)
        if len(text.split()) == 1 and known is None:
            pending_single.append((start, end, entity_type))
            continue
        if len(text.split()) == 1 and (ner_type != "LOCATION" or not known.curated):
            known_single.append((start, end, canonical, entity_type, unconfirmed))  # see below
            continue
        mentions.append(_mention(doc, start, end, text, canonical, entity_type))

    _surnames_of_suffixed_names(doc, full_names, gazetteer)
    for full in list(full_names.values()):
        family_name = full.split()[0].lower()
        if family_name in FAMILY_NAME_FIRST:
            full_names.setdefault(family_name, full)
    given_names = {} if lowercased else _given_name_references(full_names)

    # A known single word (the gazetteer's, or the model's reading agreeing with it) is the person of this
    # article whose surname it is, or the person a title names ("Trump" beside "Donald Trump", "President
    # Trump"), unless the alias table and the model both have it a place ("Washington"), or the model reads
    # it as a place after "in", "from" ...; else what it is known as. The model often reads some surnames as
    # places ("Comey", "Flynn": 186 mentions beside James Comey and Michael Flynn on the
    # 1,000-article benchmark with 2.18.0).
    people = set() if lowercased else _single_person_words(doc, pending_single, known_single, gazetteer,
                                                           lower_words)
    for start, end, canonical, entity_type, unconfirmed in known_single:
        text = _span_text(doc, start, end)
        full = full_names.get(text.lower()) if lowercased or _surname_shaped(text) else None
        if full is None and text.lower() in given_names and _may_be_first_name(doc, start, text, lower_words,
                                                                                gazetteer):
            full = given_names[text.lower()]
        if full is not None and ner_types.get((start, end)) == "LOCATION" and _after_place_preposition(doc, start):
            full = None  # "in Jackson" beside "Andrew Jackson" is the city; "Comey said" beside "James Comey" is him
        if full is not None:
            mentions.append(_mention(doc, start, end, text, full, "PERSON"))
        elif _titled_person(doc, start, text, lowercased):
            mentions.append(_mention(doc, start, end, text, _titlecase(text) if lowercased else text, "PERSON"))
        elif entity_type != "PERSON" and not unconfirmed and _the_articles_person(doc, start, end, text, people, gazetteer):
            mentions.append(_mention(doc, start, end, text, text, "PERSON"))
        elif entity_type == "PERSON" and ner_types.get((start, end)) is None and _inside_another_name(doc, start, end):
            continue  # a learned surname in "Burger King", "White Helmets", "Page 236": not that person
        elif not unconfirmed and not (entity_type == "PERSON" and not lowercased and text.lower() in lower_words):
            mentions.append(_mention(doc, start, end, text, canonical, entity_type))

    # "Trump Jr." is the "Donald Trump Jr." of this article, if it names him in full.
    for start, end, text in suffixed_surnames:
        canonical = full_names.get(_name_key(text), _titlecase(text) if lowercased else text)
        mentions.append(_mention(doc, start, end, text, canonical, "PERSON"))

    # Single-word names the model found: a surname of a full name met here, else kept as they are; but not,
    # in cased text, a lone "person" the article also writes in lowercase, a common word ("More", "Defense",
    # "Page": 259 mentions on the 1,000-article benchmark, "Trump" 2 of 969), nor such a learned one above.
    for start, end, entity_type in pending_single:
        text = _span_text(doc, start, end)
        full = full_names.get(text.lower())
        if full is None and text.lower() in given_names and _may_be_first_name(doc, start, text, lower_words,
                                                                                gazetteer):
            full = given_names[text.lower()]
        if full is not None:
            mentions.append(_mention(doc, start, end, text, full, "PERSON"))
        elif entity_type != "PERSON" and _the_articles_person(doc, start, end, text, people, gazetteer):
            mentions.append(_mention(doc, start, end, text, text, "PERSON"))  # "Comey and Trump": the person
        elif entity_type != "LOCATION" and _titled_person(doc, start, text, lowercased):
            mentions.append(_mention(doc, start, end, text, _titlecase(text) if lowercased else text, "PERSON"))
        elif lowercased:
            mentions.append(_mention(doc, start, end, text, _titlecase(text), entity_type))
        elif entity_type != "PERSON" or text[:1].isupper() and text.lower() not in lower_words:
            mentions.append(_mention(doc, start, end, text, text, entity_type))

    mentions += _surname_mentions(doc, full_names, mentions, lowercased)
    mentions = _without_title_remnants(doc, mentions, gazetteer)
    return _one_name_per_person(doc, mentions, lower_words)  # in text order (``_titled_surnames`` sorts)


def _without_title_remnants(doc, mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """Drop the pieces of a person's title the model reads as names of their own: "Senate Majority" of
    "Senate Majority Leader Mitch McConnell", "Texas Senator" of "Texas Senator Ted Cruz", "Justice" of
    "Associate Justice Brett Kavanaugh", and a party member's description ("Rep. Judy Chu, California
    Democrat"). On the 1,000-article benchmark "Senate Majority" was an actor in 56 stories. Institutions
    ("House Speaker Paul Ryan", "CIA Director"), places and the alias table's names stay."""
    person_starts = {m.start_char for m in mentions if m.entity_type == "PERSON"}

    def remnant(m: Mention) -> bool:
        known = gazetteer.lookup(m.mention_text)
        if known is not None and known.curated:
            return False
        if len(m.entity.split()) > 1 and m.entity.split()[-1] in PARTY_MEMBERS:
            return True
        span = doc.char_span(m.start_char, m.end_char, alignment_mode="expand")
        if span is None or m.entity_type == "LOCATION" or m.entity_type == "PERSON" and m.entity != m.mention_text:
            return False  # "Texas Gov. Greg Abbott" keeps its place, "Trump Chief Strategist ..." its person
        after, last = span.end, span[-1].lower_
        if last in ("majority", "minority", "democratic", "republican"):
            # "Senate Majority" + "Leader", "Senate Democratic" + "leaders": no institution
            return after < len(doc) and (doc[after].lower_ in ROLE_WORDS or doc[after].lower_[:-1] in ROLE_WORDS)
        # "Texas Senator" + "Ted Cruz", "Justice" + "Brett Kavanaugh"
        return last in ROLE_WORDS and after < len(doc) and doc[after].idx in person_starts

    return [m for m in mentions if not remnant(m)]


def _is_title_word(word: str) -> bool:
    word = word.lower()
    return word in PERSON_TITLES or word in ROLE_WORDS


def _one_name_per_person(doc, mentions: list[Mention], lower_words: set[str] | None) -> list[Mention]:
    """The article's full names of one person become one ("Donald J. Trump" is the "Donald Trump" of the same
    article; "Was Boehner" is John Boehner), see ``person_names``; then a surname alone goes to the relative
    it names (``_titled_surnames``)."""
    in_order = sorted(mentions, key=lambda m: m.start_char)
    renamed = one_name_per_person(
        [m.entity for m in in_order if m.entity_type == "PERSON" and len(m.entity.split()) >= 2], _name_key,
        lambda word: _is_title_word(word) or (lower_words is not None and word.lower() in lower_words
                                              and not is_given_name(word)),
        lambda word: word.lower() in COURTESY_TITLES)
    if renamed:
        mentions = [replace(m, entity=renamed.get(m.entity, m.entity)) if m.entity_type == "PERSON" else m
                    for m in mentions]
    return _titled_surnames(doc, mentions)


def _titled_surnames(doc, mentions: list[Mention]) -> list[Mention]:
    """A surname alone where the article names several people of it (see ``_one_name_per_person``). The
    mentions come back in text order."""
    mentions = sorted(mentions, key=lambda m: m.start_char)
    people = defaultdict(list)  # surname -> the article's full names of it, in the order met
    for m in mentions:
        if m.entity_type == "PERSON" and len(m.entity.split()) >= 2 and m.entity not in people[_name_key(m.entity)]:
            people[_name_key(m.entity)].append(m.entity)
    families = {surname for surname, names in people.items() if len(names) > 1}
    if not families:
        return mentions
    token_at = {token.idx: token.i for token in doc}

    def title_before(m: Mention) -> str | None:
        i = token_at.get(m.start_char)
        title = doc[i - 1].lower_ if i else None
        return title if title in PERSON_TITLES else None

    def surname_alone(m: Mention) -> bool:
        return m.entity_type == "PERSON" and _name_key(m.entity) in families and len(m.mention_text.split()) == 1

    titled = defaultdict(set)  # (surname, title) -> the full names the article writes after that title
    for m in mentions:
        if m.entity_type == "PERSON" and _name_key(m.entity) in families and len(m.mention_text.split()) >= 2:
            if title := title_before(m):
                titled[(_name_key(m.entity), title)].add(m.entity)
    by_title = {}  # a surname alone that the title names: "President Trump" is "President Donald Trump"
    for i, m in enumerate(mentions):
        if surname_alone(m) and len(named := titled.get((_name_key(m.entity), title_before(m)), set())) == 1:
            by_title[i] = replace(m, entity=next(iter(named)))
    # Any other is the first met, as before: a relative is named in full more often than the person the
    # article is about, who goes by the surname ("Hunter Biden" 5 times beside "Joe Biden" once, where
    # "Biden" is the father; "Karen Pence" once beside "Mike Pence" in full, where "Pence" is she).
    first_met = {surname: names[0] for surname, names in people.items() if surname in families}
    return [by_title.get(i) or (replace(m, entity=first_met[_name_key(m.entity)]) if surname_alone(m) else m)
            for i, m in enumerate(mentions)]


def _table_wins(known, ner_type: str, text: str) -> bool:
    """The alias table's type beats the model's reading of a name it lists, except for a listed place that
    the model reads as an organisation in context ("Chicago" the team, "Washington" the government), unless
    it is an abbreviation ("Nev." of "(D-Nev.)", "NY", which no team or government goes by). The model,
    trained on news of 1996, reads "ISIS", "AP" and "Obamacare" as places (170, 116 and 120 mentions on the
    1,000-article benchmark with 2.18.0) and "Capitol Hill" as a person (90)."""
    abbreviation = text.endswith(".") or (len(text) == 2 and text.isupper())
    return known.curated and (known.entity_type != "LOCATION" or ner_type != "ORG" or abbreviation)


def _single_person_words(doc, pending_single, known_single, gazetteer: Gazetteer, lower_words: set[str]) -> set[str]:
    """Single words (lowercased) this cased article names as a person: after a title ("Mr. Comey"), as a
    surname learned from other articles, or, for a word no earlier load taught, as the model's person at
    least twice and more often than as anything else (not once: in a list of baseball scores, "Lotte" and
    "Samsung" are teams however it reads one of them; nor "Texas", a place learned from earlier loads, in an
    article on the case Texas v. United States). In a first load nothing is learned yet, and the model reads
    "Trump" as a place now and then (which the batch learns, as it learns any place it reads)."""
    words = set()
    readings: dict[str, list[int]] = {}  # word -> [the model's person readings, its other readings]
    for start, end, entity_type in pending_single:
        counts = readings.setdefault(_span_text(doc, start, end).lower(), [0, 0])
        counts[entity_type != "PERSON"] += 1
    for start, end, *_ in [*pending_single, *known_single]:
        text = _span_text(doc, start, end)
        if text.lower() in lower_words or not _surname_shaped(text):
            continue  # "More", "Defense": common words
        known = gazetteer.lookup(text)
        person, other = readings.get(text.lower(), (0, 0))
        if _titled_person(doc, start, text, False) or (
                known is not None and known.entity_type == "PERSON" and not known.curated) or (
                person >= 2 and person > other and (known is None or known.from_batch)):
            words.add(text.lower())
    return words


def _the_articles_person(doc, start: int, end: int, text: str, people: set[str], gazetteer: Gazetteer) -> bool:
    """One name keeps one sense in an article: where the model reads a word the article names as a person
    as a place or an organisation ("conversations between Comey and Trump" beside "Mr. Comey"; "Trump" was a
    place 243 times in the first load of the 1,000-article benchmark with 2.18.0), it is the person, unless
    "in", "from" ... stand before it, it is part of another name ("the Thomas B. Fordham Institute") or the
    alias table lists it ("Washington")."""
    known = gazetteer.lookup(text)
    return (text.lower() in people and not _after_place_preposition(doc, start)
            and not _inside_another_name(doc, start, end) and not (known and known.curated))


def _institution_type(name: str, entity_type: str) -> str:
    """An institution's or a place's type for a "person" named by one ("Senate Republicans": ORG)."""
    words = name.split()
    if entity_type != "PERSON" or len(words) < 2:
        return entity_type
    return INSTITUTION_HEADS.get(words[-1].lower(), entity_type)


def _unconfirmed(known, doc, start: int, end: int, ner_type: str | None, not_an_actor: bool,
                 lower_words: set[str]) -> bool:
    """A learned name the model does not confirm here, in cased text: one it reads as no actor's name at all
    ("American": MISC), or a single-word place or organisation it does not tag that starts its sentence
    (where a capital says nothing: "Here is what we know", "All"), that the article also writes as a
    common word ("Senator Collins" beside "the senator"), or, in capitals, stands beside another word in
    capitals ("WHY", "RELATED"; not "GOP leaders"). Each match is stored, and names
    are learned again from what is stored, so one misreading grew: on the 1,000-article benchmark "American"
    was a place 137 times after one run and 515 after a re-extraction. "Gary", learned from another article,
    stays a place in "two people were killed in Gary", where the model finds nothing. Single person names
    have their own evidence (KNOWN_NAMES_SQL); in lowercased text the model finds little, and what was
    learned is relied on."""
    if known.curated:
        return False
    if not_an_actor:
        return True
    if (end - start == 1 and ner_type is None and len(known.canonical) > 1 and known.canonical.isupper()
            and not doc[start].text.isupper()):
        return True  # an acronym learned in capitals is no match for a word the model does not read as a name:
        # "ACT" in "Affordable Care Act" (not "Vox" or "Nato", which the model reads)
    if end - start > 1 and any(token.text.islower() and token.lower_ not in NAME_CONNECTORS
                               and not (token.i == end - 1 and token.lower_ in LOWERCASE_INSTITUTIONS)
                               for token in doc[start:end]):
        return True  # a name matched in lowercase words: "the Senate majority", "the American people"
    if ner_type is not None or known.entity_type not in ("LOCATION", "ORG") or end - start != 1:
        return False
    word = doc[start].text
    if word.isupper():  # an acronym, unless a word in a line of capitals ("WHY", "RELATED", "FILE")
        return any(0 <= i < len(doc) and doc[i].text.isupper() and len(doc[i].text) > 1 for i in (start - 1, end))
    return doc[start].is_sent_start or word.lower() in lower_words


def _suffix_end(doc, end: int, entity_type: str) -> int:
    """The end of a name span taken over a generational suffix just after it ("Jr.", "III"), else ``end``."""
    if end >= len(doc) or entity_type == "LOCATION":
        return end
    word = doc[end].lower_
    if word in PERSON_SUFFIXES or (word in NUMERAL_SUFFIXES and entity_type == "PERSON" and doc[end].text.isupper()):
        return end + 1
    return end


def _name_key(name: str) -> str:
    """What a person's full name is found by in the article: the surname ("trump" for "Donald Trump", "assad"
    for "Bashar al-Assad"), with its suffix when it has one ("trump jr" for "Donald Trump Jr.", so that "Trump"
    alone is not him)."""
    words = name.lower().split()
    if not words:
        return ""
    suffix = words[-1].rstrip(".")
    if len(words) >= 2 and (suffix in {"jr", "sr"} or suffix in NUMERAL_SUFFIXES):
        return f"{words[-2].rstrip(',')} {suffix}"
    particle, hyphen, surname = words[-1].partition("-")
    return surname if hyphen and particle in HYPHENATED_PARTICLES and surname else words[-1]  # "Assad" is al-Assad


def _surnames_of_suffixed_names(doc, full_names: dict[str, str], gazetteer: Gazetteer) -> None:
    """Let a surname alone stand for the article's full name with a suffix ("Padilla" for "Manuel Padilla
    Jr.") when no full name without one ends in it, the article never writes the surname with the suffix
    alone (one that writes "Trump Jr." for the son means his father by "Trump") and the surname is not a
    person's name learned from other articles ("Trump", whose son is named in full where he is meant: on the
    1,000-article benchmark, "the Trump team" in an article naming only Donald Trump Jr. is the father's)."""
    for key, full in list(full_names.items()):
        surname, _, suffix = key.partition(" ")
        known = gazetteer.lookup(surname) if suffix else None
        if not suffix or surname in full_names or known is not None and known.entity_type == "PERSON":
            continue
        before_surname = full.lower().split()[-3] if len(full.split()) >= 3 else None
        short_form = any(token.lower_ == surname and _suffix_end(doc, token.i + 1, "PERSON") > token.i + 1
                         and (token.i == 0 or doc[token.i - 1].lower_ != before_surname) for token in doc)
        if not short_form:
            full_names[surname] = full


def _given_name_references(full_names: dict[str, str]) -> dict[str, str]:
    """First names (lowercased) that stand for the article's one person of that first name: "Bernie" for
    Bernie Sanders, "Hillary" for Hillary Clinton (the model reads such a word alone as an organisation or
    a place: "Bernie" an actor in 12 stories of the 1,000-article benchmark with 2.21.0). Not a first name
    two of its people share, nor one that is also a surname of the article ("Frank" beside "Barney Frank")."""
    by_first: dict[str, set[str]] = defaultdict(set)
    for full in full_names.values():
        words = full.split()
        if 2 <= len(words) <= 3 and is_given_name(words[0]) and words[0][:1].isupper():
            by_first[words[0].lower()].add(full)
    return {first: next(iter(names)) for first, names in by_first.items() if len(names) == 1 and first not in full_names}


def _may_be_first_name(doc, start: int, text: str, lower_words: set[str] | None, gazetteer: Gazetteer) -> bool:
    """A single capitalised word in cased text, not opening its sentence, that the article never writes in
    lowercase ("Will", "Mark" and "Bill" are words too), nor a place of the alias table ("Virginia") or after
    "in", "from" ... ("in Jordan"). The model's type says little: it reads "Bernie" alone as a place."""
    known = gazetteer.lookup(text)
    before = doc[start - 1] if start > 0 else None
    after = doc[start + 1] if start + 1 < len(doc) else None
    return (lower_words is not None and _surname_shaped(text) and not doc[start].is_sent_start
            and text.lower() not in lower_words and not _after_place_preposition(doc, start)
            and not (known is not None and known.curated and known.entity_type == "LOCATION")
            # not a piece of another name: "Dodd-Frank", "Judge John deGravelles"
            and not (before is not None and before.text == "-" and not before.whitespace_)
            and not (after is not None and any(ch.isupper() for ch in after.text[1:]) and after.is_alpha))


def _after_place_preposition(doc, start: int) -> bool:
    return start > 0 and doc[start - 1].lower_ in PLACE_PREPOSITIONS


def _surname_shaped(text: str) -> bool:
    """A capital, then a lowercase letter somewhere ("Trump", "McConnell", "O'Rourke"); not an acronym
    or a word in capitals ("UK", "NEWS")."""
    return text[:1].isupper() and any(ch.islower() for ch in text)


def _inside_another_name(doc, start: int, end: int) -> bool:
    """A capitalised word (not a title) just before the span, or a capitalised word or a number just after
    it: the span is part of another name or a reference ("Burger King", "White Helmets", "Page 236")."""
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    return bool(before is not None and before.text[:1].isupper() and not before.is_sent_start
                and before.lower_ not in PERSON_TITLES and before.lower_ not in TITLE_WORDS) or bool(
        after is not None and (after.text[:1].isupper() or after.like_num))


def _titled_person(doc, start: int, text: str, lowercased: bool) -> bool:
    """A single name after a person's title: "President Trump", "Sen. Cruz" (in cased text, shaped like a
    surname)."""
    return start > 0 and doc[start - 1].lower_ in PERSON_TITLES and (lowercased or _surname_shaped(text))


def _surname_mentions(doc, full_names: dict[str, str], found: list[Mention], lowercased: bool) -> list[Mention]:
    covered = {i for m in found for i in range(m.start_char, m.end_char)}
    extra = []
    for token in doc:
        if token.idx in covered or not lowercased and not token.text[:1].isupper():
            continue
        end = _suffix_end(doc, token.i + 1, "PERSON")
        text = token.text if end == token.i + 1 else doc[token.i:end].text  # "Trump Jr." is not "Trump"
        full = full_names.get(_name_key(text))
        if full is None:
            continue
        extra.append(Mention(token.idx, token.idx + len(text), text, full, "PERSON"))
    return extra


def _titlecase(text: str) -> str:
    """A readable canonical name for a lowercased mention ("joseph ferguson" -> "Joseph Ferguson")."""
    return " ".join(word[:1].upper() + word[1:] for word in text.split())


def _mention(doc, start: int, end: int, text: str, canonical: str, entity_type: str) -> Mention:
    start_char = doc[start].idx
    return Mention(start_char, start_char + len(text), text, canonical, entity_type)
