"""Run extraction over a batch of articles: one spaCy pass, then the rule layers."""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field

from newsetl.extract import EXTRACTOR_VERSION
from newsetl.extract.entities import Mention, extract_mentions, learn_names
from newsetl.extract.figures import Figure, extract_figures
from newsetl.extract.gazetteer import Gazetteer
from newsetl.extract.quotes import Quote, extract_quotes

log = logging.getLogger(__name__)
# Components the rules need: the parser (sentences, number -> noun links), the
# lemmatizer (verb context) and NER. Nothing is disabled: all of them are used.
SPACY_BATCH_SIZE = 32


@functools.lru_cache(maxsize=2)
def load_nlp(model: str):
    import spacy

    try:
        return spacy.load(model)
    except OSError as error:
        raise RuntimeError(
            f"spaCy model {model!r} is not installed. Install the project (make install) or set "
            f"NEWSETL_SPACY_MODEL to an installed English model such as en_core_web_sm."
        ) from error


@dataclass
class Extraction:
    """Rows for the three extraction tables of one batch."""

    entity_mentions: list[dict] = field(default_factory=list)
    quotes: list[dict] = field(default_factory=list)
    figures: list[dict] = field(default_factory=list)


def _phrase_matcher(nlp, gazetteer: Gazetteer, *, lowercased: bool):
    from spacy.matcher import PhraseMatcher

    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    stop_words = nlp.Defaults.stop_words
    surfaces = [
        s for s in gazetteer.surfaces()
        if not lowercased or (len(s) > 2 and s not in stop_words)
    ]
    matcher.add("KNOWN", list(nlp.tokenizer.pipe(surfaces)))
    return matcher


def extract_articles(articles: Iterable[dict], nlp, gazetteer: Gazetteer) -> Extraction:
    """``articles``: dicts with article_id, clean_text, is_lowercased, published_date, outlet."""
    articles = list(articles)
    docs = list(nlp.pipe((a["clean_text"] for a in articles), batch_size=SPACY_BATCH_SIZE))
    # Names learned from cased articles let lowercased copies of the same story be read.
    for article, doc in zip(articles, docs, strict=True):
        if not article["is_lowercased"]:
            learn_names(doc, gazetteer)
    matchers = {flag: _phrase_matcher(nlp, gazetteer, lowercased=flag) for flag in (False, True)}
    out = Extraction()
    for article, doc in zip(articles, docs, strict=True):
        lowercased = bool(article["is_lowercased"])
        mentions = extract_mentions(doc, gazetteer, matchers[lowercased], lowercased=lowercased)
        quotes = extract_quotes(doc.text, mentions)
        figures = extract_figures(doc, mentions, quotes, article["published_date"], article["outlet"])
        _append(out.entity_mentions, article["article_id"], mentions)
        _append(out.quotes, article["article_id"], quotes)
        _append(out.figures, article["article_id"], figures)
    log.info("extracted %d articles: %d mentions, %d quotes, %d figures",
             len(articles), len(out.entity_mentions), len(out.quotes), len(out.figures))
    return out


def _append(rows: list[dict], article_id: str, items: list[Mention] | list[Quote] | list[Figure]) -> None:
    for index, item in enumerate(items):
        rows.append({"article_id": article_id, "ordinal": index, **asdict(item), "extractor_version": EXTRACTOR_VERSION})
