"""Run extraction over a batch of articles: one spaCy pass, then the rule layers."""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from newsetl.extract import EXTRACTOR_VERSION
from newsetl.extract.entities import (
    Mention,
    SurnameEvidence,
    extract_mentions,
    learn_names,
    learn_surnames,
)
from newsetl.extract.figures import (
    CASUALTY_METRICS,
    CASUALTY_WORDS,
    CLOCK_WORDS,
    CURRENCY_SIGNS,
    MONTHS,
    Figure,
    deaths_without_crime,
    extract_figures,
    headline_casualties,
    headline_death,
    is_number_token,
    main_place,
    without_party_tag_places,
)
from newsetl.extract.gazetteer import Gazetteer
from newsetl.extract.periods import longer_than_an_incident
from newsetl.extract.quotes import Quote, extract_quotes
from newsetl.extract.tags import replace_attribute_ruler

if TYPE_CHECKING:
    from spacy.language import Language

log = logging.getLogger(__name__)
SPACY_BATCH_SIZE = 32
# Below this many articles per process, starting the processes costs more than it saves.
MIN_ARTICLES_PER_PROCESS = 50
# Lexical test for "this sentence may hold a figure": only those sentences are
# tagged and parsed ("a"/"an" count as numbers only inside a figure, not here).
_NOT_ENOUGH = frozenset({"a", "an"})
_YEAR = re.compile(r"1[89]\d\d|20\d\d")
# " - KMOV.com", " - wave3.com-Louisville News, Weather & Sports": a separator, then the site's domain.
_SITE_SUFFIX = re.compile(r"\s+[-|–—]\s*(?=[^-|–—]*?\b[\w-]+\.(?:com|net|org|tv)\b).*$", re.I)


@dataclass(frozen=True)
class Pipelines:
    """The two spaCy passes of extraction.

    ``ner`` runs on every sentence: tokenizer, rule-based sentence splitter and the
    NER component. ``parse`` (tok2vec, tagger, parser, attribute ruler,
    lemmatizer) runs only on the sentences that contain a number, where the
    figure rules need parts of speech and dependencies. News text has numbers in
    a minority of its sentences, so this keeps extraction near NER-only speed.
    """

    ner: Language
    parse: Language


@functools.lru_cache(maxsize=4)
def load_nlp(model: str, ner_model: str | None = None) -> Pipelines:
    """``model``: an installed English spaCy pipeline (tagger + parser, and its NER
    when ``ner_model`` is None); ``ner_model``: a folder holding a trained NER
    pipeline (the project's own, see ``newsetl.training.ner``)."""
    import spacy

    try:
        parse = spacy.load(model, exclude=["ner", "senter"])
    except OSError as error:
        raise RuntimeError(
            f"spaCy model {model!r} is not installed. Install the project (make install) or set "
            f"NEWSETL_SPACY_MODEL to an installed English model such as en_core_web_sm."
        ) from error
    replace_attribute_ruler(parse)
    if ner_model is None:
        ner = spacy.load(model, exclude=[*parse.component_names, "senter"])
    else:
        if not (Path(ner_model) / "config.cfg").is_file():
            raise RuntimeError(f"NER model folder {ner_model} not found or not a spaCy pipeline "
                               f"(NEWSETL_NER_MODEL; use 'base' for the spaCy model's own NER)")
        ner = spacy.load(ner_model, vocab=parse.vocab)
    ner.add_pipe("sentencizer", first=True)
    _register_paragraph_breaks()
    ner.add_pipe("paragraph_breaks", after="sentencizer")
    return Pipelines(ner=ner, parse=parse)


def _register_paragraph_breaks() -> None:
    from spacy.language import Language

    if not Language.has_factory("paragraph_breaks"):
        Language.component("paragraph_breaks", func=paragraph_breaks)


def paragraph_breaks(doc):
    """A line break ends a sentence, full stop or not: the sentencizer alone glues a headline
    ("Boy, 16, shot in Bridgeport") to the lead that follows it, and the parse of the glued
    sentence loses the lead's casualty; it glues the rows of a results table into one long
    "sentence" the parser then reads whole. A blank line always ends one; a single line break
    does unless the text is hard-wrapped prose, whose line breaks fall inside sentences."""
    from spacy.attrs import IS_SPACE

    # Only a token that follows whitespace can start a paragraph: found in the array of flags, as a
    # Token object per token cost a tenth of the NER pass.
    is_space = doc.to_array(IS_SPACE).astype(bool)
    single_breaks = None  # read the whole text only when a single line break asks
    for i in (is_space[:-1] & ~is_space[1:]).nonzero()[0] + 1:
        breaks = doc[i - 1].text.count("\n")
        if breaks == 1 and single_breaks is None:
            single_breaks = not hard_wrapped(doc.text)
        if breaks >= 2 or breaks == 1 and single_breaks:
            doc[i].is_sent_start = True
    return doc


def hard_wrapped(text: str) -> bool:
    """Lines broken at a fixed width (most lines that run on into the next are about as long as
    the longest, 50 to 100 characters), as in plain-text mail and wire copy."""
    lines = text.split("\n")
    run_on = [len(line) for line, following in zip(lines, lines[1:], strict=False) if line.strip() and following.strip()]
    if len(run_on) < 3:
        return False
    longest = max(run_on)
    return 50 <= longest <= 100 and sum(length >= longest - 20 for length in run_on) >= 0.6 * len(run_on)


def _may_hold_figure(sent) -> bool:
    """Whether a sentence needs the tagger and parser: a casualty word, or a number
    that is not plainly part of a date, a time or an age (those are never figures)."""
    return any(token.lower_ in CASUALTY_WORDS or _may_be_figure(token) for token in sent)


def _may_be_figure(token) -> bool:
    if not is_number_token(token) or token.lower_ in _NOT_ENOUGH:
        return False
    doc = token.doc
    before = doc[token.i - 1].lower_.rstrip(".") if token.i > 0 else ""
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if before in MONTHS or (after is not None and after.lower_.rstrip(".") in MONTHS):
        return False  # "Jan. 5", "5 January"
    if ":" in token.text or (after is not None and after.lower_ in CLOCK_WORDS):
        return False  # "8:10", "around 9 p.m.": a time, which the figure rules leave out whatever the parse
    if _YEAR.fullmatch(token.text) and (after is None or not after.is_lower or not after.is_alpha) and (
            before not in CURRENCY_SIGNS):
        return False  # "in 2016," -- but "1714 shootings" and "$2000" are counts
    if after is not None and after.text == "-" and token.i + 2 < len(doc) and (
            doc[token.i + 2].lower_ in ("year", "month", "day", "week")):
        return False  # "17-year-old"
    return not _table_cell_or_score(token)


_SCORE_JOINERS = frozenset("- – — : /".split())


def _table_cell_or_score(token) -> bool:
    """A number beside another number, as in a results table ("Barcelona 12 8 3 1 27") or a score
    ("drew 2-2 with Brazil", "4-70"): it counts nothing a reader would compare, and parsing every
    such line was most of the extractor's time on sports pages. A range that counts a noun
    ("20-30 people") is still a figure."""
    doc = token.doc

    def number_at(i: int) -> bool:
        return 0 <= i < len(doc) and is_number_token(doc[i])

    def joined(i: int) -> bool:  # doc[i] is a dash or colon between two numbers
        return 0 <= i < len(doc) and doc[i].text in _SCORE_JOINERS

    before = number_at(token.i - 1) or joined(token.i - 1) and number_at(token.i - 2)
    after = number_at(token.i + 1) or joined(token.i + 1) and number_at(token.i + 2)
    if not (before or after):
        return False
    last = token.i + 2 if joined(token.i + 1) and number_at(token.i + 2) else token.i
    following = doc[last + 1] if last + 1 < len(doc) else None
    return not (following is not None and following.is_alpha and following.is_lower and not following.is_stop)


@dataclass
class Extraction:
    """Rows for the three extraction tables of one batch."""

    entity_mentions: list[dict] = field(default_factory=list)
    quotes: list[dict] = field(default_factory=list)
    figures: list[dict] = field(default_factory=list)

    def extend(self, other: Extraction) -> None:
        """Appends another batch's rows."""
        self.entity_mentions += other.entity_mentions
        self.quotes += other.quotes
        self.figures += other.figures


class _KnownNameMatcher:
    """Matches of the gazetteer's surfaces in a document, case-insensitively.

    One spaCy ``PhraseMatcher`` serves cased and lowercased text: surfaces too
    short or too common to trust in lowercased text ("us", "who") carry their
    own label and are dropped there. Building the matcher tokenizes every known
    name (53k names after 10k articles: 1.4-1.8 s, against 3.4-4.1 s for two matchers), so it is
    built once per batch."""

    def __init__(self, nlp, gazetteer: Gazetteer) -> None:
        from spacy.matcher import PhraseMatcher

        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        stop_words = nlp.Defaults.stop_words
        surfaces = gazetteer.surfaces()
        # A single name ("rice", "bush", "trump") is a word too: in lowercased text it is not trusted.
        trusted = [len(s) > 2 and s not in stop_words
                   and not (" " not in s and gazetteer.names[s].entity_type == "PERSON") for s in surfaces]
        patterns = list(nlp.tokenizer.pipe(surfaces))
        self.matcher.add("KNOWN", [p for p, ok in zip(patterns, trusted, strict=True) if ok])
        self.matcher.add("KNOWN_CASED_ONLY", [p for p, ok in zip(patterns, trusted, strict=True) if not ok])
        self.cased_only = nlp.vocab.strings["KNOWN_CASED_ONLY"]

    def for_text(self, *, lowercased: bool):
        if not lowercased:
            return self.matcher
        return lambda doc: [match for match in self.matcher(doc) if match[0] != self.cased_only]


def extract_articles(articles: Iterable[dict], nlp: Pipelines, gazetteer: Gazetteer, *,
                     n_process: int = 1) -> Extraction:
    """``articles``: dicts with article_id, clean_text, is_lowercased, published_date, outlet and
    optionally title (whose figures are rows too, see ``_headline_figures``).

    Names learned from the batch's cased articles are added to ``gazetteer``.
    ``n_process`` > 1 splits the batch into that many forked processes that run
    everything, spaCy and rules alike (see ``_extract_in_processes``); the output
    is the same as in one process."""
    articles = [_reading_view(article) for article in articles]
    processes = n_process if len(articles) >= MIN_ARTICLES_PER_PROCESS * n_process else 1
    if processes > 1:
        out = _extract_in_processes(articles, nlp, gazetteer, processes)
    else:
        docs, headlines, parsed = _read(articles, nlp)
        learn_surnames(_learn_names(articles, docs, gazetteer), gazetteer)
        out = _apply_rules(articles, docs, headlines, parsed, nlp, gazetteer)
    log.info("extracted %d articles: %d mentions, %d quotes, %d figures",
             len(articles), len(out.entity_mentions), len(out.quotes), len(out.figures))
    return out


def _read(articles: list[dict], nlp: Pipelines) -> tuple[list, dict, dict]:
    """The spaCy passes: NER over every text and headline, tagger and parser over the sentences
    that may hold a figure. Returns the text docs, the headline docs by article index, and the
    parsed sentences."""
    docs = list(nlp.ner.pipe((a["clean_text"] for a in articles), batch_size=SPACY_BATCH_SIZE))
    titled = [(index, headline_without_site(article["title"].strip())) for index, article in enumerate(articles)
              if (article.get("title") or "").strip()]
    headline_docs = nlp.ner.pipe((title for _, title in titled), batch_size=SPACY_BATCH_SIZE)
    headlines = {index: doc for (index, _), doc in zip(titled, headline_docs, strict=True)}
    parsed = parse_number_sentences(nlp.parse, docs)
    parsed.update(parse_number_sentences(nlp.parse, list(headlines.values()), reading=headline_reading))
    return docs, headlines, parsed


def _learn_names(articles: list[dict], docs: list, gazetteer: Gazetteer) -> SurnameEvidence:
    # Names learned from cased articles let lowercased copies of the same story be read.
    evidence = SurnameEvidence()
    for article, doc in zip(articles, docs, strict=True):
        if not article["is_lowercased"]:
            learn_names(doc, gazetteer)
            evidence.read(doc)
    return evidence


def _apply_rules(articles: list[dict], docs: list, headlines: dict, parsed: dict, nlp: Pipelines,
                 gazetteer: Gazetteer) -> Extraction:
    known = _KnownNameMatcher(nlp.ner, gazetteer)
    matchers = {flag: known.for_text(lowercased=flag) for flag in (False, True)}
    out = Extraction()
    for index, (article, doc) in enumerate(zip(articles, docs, strict=True)):
        lowercased = bool(article["is_lowercased"])
        mentions = extract_mentions(doc, gazetteer, matchers[lowercased], lowercased=lowercased)
        quotes = extract_quotes(doc.text, mentions)
        figures = extract_figures(doc, parsed.get(id(doc), {}), mentions, quotes, article["published_date"], article["outlet"])
        original = article.get("original_text")
        if original is not None:  # an all-caps article was read lowercased: report its own words
            mentions, quotes, figures = _restore_case(original, article["clean_text"], mentions, quotes, figures)
        headline = headlines.get(index)
        if headline is not None:
            figures += _headline_figures(headline, parsed, figures,
                                         main_place(without_party_tag_places(article["clean_text"], mentions)),
                                         article, gazetteer,
                                         matchers[lowercased], lowercased)
        figures = deaths_without_crime(figures, article["clean_text"], article.get("title"))
        _append(out.entity_mentions, article["article_id"], mentions)
        _append(out.quotes, article["article_id"], quotes)
        _append(out.figures, article["article_id"], figures)
    return out


def _headline_figures(headline, parsed: dict, body_figures: list[Figure], place: str | None, article: dict,
                      gazetteer: Gazetteer, matcher, lowercased: bool) -> list[Figure]:
    """Figures of the headline that the text does not repeat (the same metric and value, not as a
    count of a longer period), and its casualty counts other than names whether the text repeats them
    or not: the title counts the incident's own casualties, the text's repeat may stand anywhere ("Boy,
    2, and man killed" above a story that first tells one of them dead and repeats the two far down),
    and one person killed at least when it names a killing ("fatal shooting") that no figure counts.

    "5 hurt as wounded patron fires back at gunman" often has no counted twin in a
    text that names the victims one by one. Offsets are into the title
    (``in_headline``); the place falls back to the text's main place. Headline
    entities and quotes are not rows: their offsets would not point into the text."""
    mentions = extract_mentions(headline, gazetteer, matcher, lowercased=lowercased)
    # The same metric and value, for the incident: "2 killed" above "Two people were killed on Sunday",
    # not "Teen slain" above "the second student killed this year" (a count of a longer period).
    told = {(figure.metric, figure.value, figure.period_label) for figure in body_figures}
    told |= {(figure.metric, figure.value, None) for figure in body_figures
             if not longer_than_an_incident(figure.period_start, figure.period_end)}
    figures = extract_figures(headline, parsed.get(id(headline), {}), mentions, [], article["published_date"],
                              article["outlet"], place=place)
    figures += headline_casualties(headline, headline_reading(headline.text), figures, mentions,
                                   article["published_date"], article["outlet"], place)
    figures += headline_death(headline, body_figures + figures, mentions, article["published_date"], article["outlet"],
                              place)
    # a name repeated by the text is the same person, and a title's name may be a place the NER missed ("Manson
    # Shooting Victim Dies")
    return [replace(figure, in_headline=True) for figure in figures
            if figure.metric in CASUALTY_METRICS and not (figure.counted_noun or "")[:1].isupper()
            or (figure.metric, figure.value, figure.period_label) not in told]


def headline_without_site(title: str) -> str:
    """A page title without the site's name it ends with ("... that killed teen - KLTV.com - Tyler, Longview,
    Jacksonville |ETX News"), whose places the parser would count as people. A prefix, so offsets hold."""
    site = _SITE_SUFFIX.search(title)
    return title[:site.start()] if site and site.start() > 0 else title


def headline_reading(title: str) -> str:
    """A Title Case Headline ("1 Killed, 2 Wounded In Austin Shooting") in sentence case, which the
    tagger and parser read better (NER still reads the title as written); acronyms and the first
    word stay. Same length, so offsets hold."""
    words = [word for word in title.split() if word[:1].isalpha()]
    if len(words) < 3 or sum(word[0].isupper() for word in words) <= 0.8 * len(words):
        return title
    folded = re.sub(r"(?<=\s)[^\s]+", lambda m: m.group() if m.group().isupper() else m.group().lower(), title)
    return folded if len(folded) == len(title) else title


def _extract_in_processes(articles: list[dict], nlp: Pipelines, gazetteer: Gazetteer, processes: int) -> Extraction:
    """Each forked process takes a contiguous share of the batch and runs both spaCy
    passes and the rules on it, so the parsed documents never travel between
    processes and the rules run in parallel too (with spaCy's own ``n_process``
    they ran in this process alone, and documents came back pickled). Between
    the two phases, the names each share learned are merged here in batch order,
    as one process would have learned them, and the whole gazetteer goes back."""
    import multiprocessing

    context = multiprocessing.get_context("fork")  # the children inherit the loaded pipelines
    size = -(-len(articles) // processes)
    shares = [articles[start:start + size] for start in range(0, len(articles), size)]
    workers = []
    for share in shares:
        parent_end, child_end = context.Pipe()
        worker = context.Process(target=_extraction_worker, args=(child_end, share, nlp), daemon=True)
        worker.start()
        child_end.close()
        workers.append((worker, parent_end))
    try:
        evidence = SurnameEvidence()
        for _, connection in workers:
            names, share_evidence = _receive(connection)
            for key, known in names.items():
                gazetteer.add(key, known.canonical, known.entity_type, from_batch=known.from_batch)
            evidence.add(share_evidence)
        learn_surnames(evidence, gazetteer)
        for _, connection in workers:
            connection.send(gazetteer)
        out = Extraction()
        for _, connection in workers:
            out.extend(_receive(connection))
        return out
    finally:
        for worker, connection in workers:
            connection.close()
            worker.join(timeout=10)
            if worker.is_alive():
                worker.kill()


def _receive(connection):
    try:
        message = connection.recv()
    except EOFError:
        raise RuntimeError("an extraction process ended without an answer (killed, or out of memory?)") from None
    if isinstance(message, _WorkerFailure):
        raise RuntimeError(f"extraction failed in a worker process:\n{message.traceback}")
    return message


@dataclass(frozen=True)
class _WorkerFailure:
    traceback: str


def _extraction_worker(connection, articles: list[dict], nlp: Pipelines) -> None:
    """One share of a batch: spaCy passes, names learned (sent), merged gazetteer (received), rules (sent)."""
    import traceback

    try:
        docs, headlines, parsed = _read(articles, nlp)
        learned = Gazetteer()
        evidence = _learn_names(articles, docs, learned)
        connection.send((learned.names, evidence))
        gazetteer = connection.recv()
        connection.send(_apply_rules(articles, docs, headlines, parsed, nlp, gazetteer))
    except BaseException:  # noqa: BLE001 - the parent re-raises it with the traceback
        connection.send(_WorkerFailure(traceback.format_exc()))
    finally:
        connection.close()


def is_all_caps(text: str) -> bool:
    """True for text written (almost) entirely in capitals: wire alerts, some headline feeds."""
    # str methods mapped in C: a Python loop over every character was 3% of extraction
    letters = sum(map(str.isalpha, text))
    return letters >= 40 and sum(map(str.isupper, text)) > 0.9 * letters


def _reading_view(article: dict) -> dict:
    """All-caps text is read as lowercased text, which the NER component was trained on
    (capitals everywhere hide names as much as no capitals do); offsets stay valid because
    only texts whose lowercase has the same length are folded."""
    text = article["clean_text"]
    if article["is_lowercased"] or not is_all_caps(text) or len(text.lower()) != len(text):
        return article
    return {**article, "clean_text": text.lower(), "is_lowercased": True, "original_text": text}


def _restore_case(original: str, folded: str, mentions: list[Mention], quotes: list[Quote], figures: list[Figure]):
    """Mention, quote and figure texts as the article wrote them, by offset."""
    mentions = [replace(m, mention_text=original[m.start_char:m.end_char]) for m in mentions]
    quotes = [replace(q, quote_text=original[q.start_char:q.end_char])
              if folded[q.start_char:q.end_char] == q.quote_text else q for q in quotes]
    restored = []
    for figure in figures:
        at = folded.rfind(figure.sentence, 0, figure.start_char + len(figure.sentence))
        sentence = original[at:at + len(figure.sentence)] if at >= 0 else figure.sentence
        restored.append(replace(figure, mention_text=original[figure.start_char:figure.end_char], sentence=sentence))
    return mentions, quotes, restored


def parse_number_sentences(parse: Language, docs: list, reading=None) -> dict[int, dict[int, object]]:
    """Parsed copies of the sentences that may hold a figure: {id(doc): {sentence start_char: Doc}}.
    ``reading``: what the parser reads for a sentence's text (same length), by default the text."""
    wanted = [(id(doc), sent.start_char, reading(sent.text) if reading else sent.text)
              for doc in docs for sent in doc.sents if _may_hold_figure(sent)]
    parsed: dict[int, dict[int, object]] = {}
    texts = (text for _, _, text in wanted)
    sentence_docs = parse.pipe(texts, batch_size=SPACY_BATCH_SIZE * 8)
    for (doc_id, start_char, _), sentence_doc in zip(wanted, sentence_docs, strict=True):
        parsed.setdefault(doc_id, {})[start_char] = sentence_doc
    return parsed


def _append(rows: list[dict], article_id: str, items: list[Mention] | list[Quote] | list[Figure]) -> None:
    # vars, not dataclasses.asdict: the fields are flat, and asdict's deep copy was 2% of extraction.
    for index, item in enumerate(items):
        rows.append({"article_id": article_id, "ordinal": index, **vars(item), "extractor_version": EXTRACTOR_VERSION})
