"""Coarse parts of speech from the tagger's fine tags, without the attribute ruler.

en_core_web_sm maps its tagger's Penn tags to parts of speech (``pos_``) and
morphology with an ``attribute_ruler``: a token Matcher with 179 patterns, which
took a sixth of extraction's time (profiled on 300 incident reports). Nearly
all of its patterns read one token's tag, word or dependency; this component
applies exactly those, read from the model's own ruler at load time, by dict
lookup (the two-word patterns and those on whitespace are left out: no
extraction rule depends on them).

It also sets the lemmas the pipeline's rule lemmatizer would, and takes its
place: spaCy's lemmatizer caches a word's lemma only after its rules ran, never
for a base form, so it worked out "man", "police" and "was" afresh on every
token (a tenth of the parse). A lemma depends only on the word, its part of
speech and its morphology, which (word, tag, dependency) fixes here.
"""

from __future__ import annotations

import numpy
from spacy.attrs import DEP, LEMMA, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc

NAME = "newsetl_tags_to_pos"
_MEMO_KEY = [ORTH, TAG, DEP]
_SET = [POS, MORPH, LEMMA]


_ATTRS = ("POS", "MORPH", "LEMMA")
_KEYS = ("LOWER", "TAG", "DEP")
# Most specific first; a token takes each attribute from the first rule that sets it.
_LOOKUP_ORDER = ((1, 1, 1), (1, 1, 0), (1, 0, 1), (0, 1, 1), (1, 0, 0), (0, 1, 0))


def _key(lower: str, tag: str, dep: str) -> str:
    return f"{lower}|{tag}|{dep}"


def rules_from_attribute_ruler(ruler) -> dict[str, dict[str, str]]:
    """``{"lower|tag|dep": {"POS": .., "MORPH": .., "LEMMA": ..}}`` for the ruler's one-token
    patterns on LOWER, TAG and DEP (a LOWER ``IN`` list becomes one rule a word)."""
    rules: dict[str, dict[str, str]] = {}
    for rule in ruler.patterns:
        attrs = {name: value for name, value in rule["attrs"].items() if name in _ATTRS}
        for pattern in rule["patterns"]:
            if len(pattern) != 1 or not attrs or not set(pattern[0]) <= set(_KEYS):
                continue
            token = pattern[0]
            lowers = token.get("LOWER", "")
            lowers = lowers.get("IN", []) if isinstance(lowers, dict) else [lowers]
            tag, dep = token.get("TAG", ""), token.get("DEP", "")
            if not isinstance(tag, str) or not isinstance(dep, str):
                continue
            for lower in lowers:
                rules.setdefault(_key(lower, tag, dep), {}).update(attrs)
    return rules


class TagsToPos:
    """Applies the rules; what a (word, tag, dependency) gets is worked out once and kept, since
    news text repeats the same few thousand (the six lookups a token took a twelfth of the parse).
    ``lemmatizer``: the pipeline's rule lemmatizer, asked once a triple for the lemma of a token
    the rules gave none."""

    # Distinct (word, tag, dependency) triples seen; past this many the memo starts over.
    MEMO_LIMIT = 200_000

    def __init__(self, rules: dict[str, dict[str, str]]):
        self.rules = rules
        self.lemmatizer = None
        self._memo: dict[tuple[int, int, int], tuple[int, int, int]] = {}  # (orth, tag, dep) -> (pos, morph, lemma)

    def _attributes(self, parts: tuple[str, str, str]) -> tuple[str | None, str | None, str | None]:
        found: dict[str, str] = {}
        for use in _LOOKUP_ORDER:
            rule = self.rules.get(_key(*(part if wanted else "" for part, wanted in zip(parts, use, strict=True))))
            if rule:
                found = {**rule, **found}
        return found.get("POS"), found.get("MORPH"), found.get("LEMMA")

    def __call__(self, doc: Doc) -> Doc:
        # Read and written as arrays of ids: a Token object made for every token, its string attributes and
        # setting a morphology from its string were a quarter of the parse pass.
        memo = self._memo
        keys = doc.to_array(_MEMO_KEY).tolist()  # the word as written: a lemma keeps a proper noun's capitals
        values = []
        for index, key in enumerate(keys):
            key = tuple(key)
            attributes = memo.get(key)
            if attributes is None:
                if len(memo) >= self.MEMO_LIMIT:
                    memo.clear()
                attributes = memo[key] = self._first_seen(doc[index])
            values.append(attributes)
        if values:
            doc.from_array(_SET, numpy.array(values, dtype="uint64"))
        return doc

    def _first_seen(self, token) -> tuple[int, int, int]:
        """The ids of the attributes the rules (and the lemmatizer) give the token; 0 for none."""
        pos, morph, lemma = self._attributes((token.lower_, token.tag_, token.dep_))
        if pos is not None:
            token.pos_ = pos
        if morph is not None:
            token.set_morph(morph)
        if lemma is not None:
            token.lemma_ = lemma
        elif self.lemmatizer is not None:
            token.lemma_ = self.lemmatizer.lemmatize(token)[0]
        return token.pos, token.morph.key, token.lemma


@Language.factory(NAME, default_config={"rules": {}})
def make_tags_to_pos(nlp: Language, name: str, rules: dict) -> TagsToPos:
    return TagsToPos(rules)


def replace_attribute_ruler(nlp: Language) -> None:
    """Swap the pipeline's attribute ruler, and its rule lemmatizer right after it, for the dict
    lookup (no-op without a ruler)."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    rules = rules_from_attribute_ruler(nlp.get_pipe("attribute_ruler"))
    component = nlp.add_pipe(NAME, after="attribute_ruler", config={"rules": rules})
    nlp.remove_pipe("attribute_ruler")
    names = nlp.pipe_names
    after = names[names.index(NAME) + 1:]
    if after[:1] == ["lemmatizer"] and getattr(nlp.get_pipe("lemmatizer"), "mode", None) == "rule":
        component.lemmatizer = nlp.get_pipe("lemmatizer")
        nlp.remove_pipe("lemmatizer")
