"""Coarse parts of speech from the tagger's fine tags, without the attribute ruler.

en_core_web_sm maps its tagger's Penn tags to parts of speech (``pos_``) and
morphology with an ``attribute_ruler``: a token Matcher with 179 patterns, which
took a sixth of extraction's time (profiled on 300 incident reports). Nearly
all of its patterns read one token's tag, word or dependency; this component
applies exactly those, read from the model's own ruler at load time, by dict
lookup (the two-word patterns and those on whitespace are left out: no
extraction rule depends on them).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

NAME = "newsetl_tags_to_pos"


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
    news text repeats the same few thousand (the six lookups a token took a twelfth of the parse)."""

    # Distinct (word, tag, dependency) triples seen; past this many the memo starts over.
    MEMO_LIMIT = 200_000

    def __init__(self, rules: dict[str, dict[str, str]]):
        self.rules = rules
        self._memo: dict[tuple[str, str, str], tuple[str | None, str | None, str | None]] = {}

    def _attributes(self, parts: tuple[str, str, str]) -> tuple[str | None, str | None, str | None]:
        found: dict[str, str] = {}
        for use in _LOOKUP_ORDER:
            rule = self.rules.get(_key(*(part if wanted else "" for part, wanted in zip(parts, use, strict=True))))
            if rule:
                found = {**rule, **found}
        return found.get("POS"), found.get("MORPH"), found.get("LEMMA")

    def __call__(self, doc: Doc) -> Doc:
        memo = self._memo
        for token in doc:
            parts = (token.lower_, token.tag_, token.dep_)
            attributes = memo.get(parts)
            if attributes is None:
                if len(memo) >= self.MEMO_LIMIT:
                    memo.clear()
                attributes = memo[parts] = self._attributes(parts)
            pos, morph, lemma = attributes
            if pos is not None:
                token.pos_ = pos
            if morph is not None:
                token.set_morph(morph)
            if lemma is not None:
                token.lemma_ = lemma
        return doc


@Language.factory(NAME, default_config={"rules": {}})
def make_tags_to_pos(nlp: Language, name: str, rules: dict) -> TagsToPos:
    return TagsToPos(rules)


def replace_attribute_ruler(nlp: Language) -> None:
    """Swap the pipeline's attribute ruler for the dict lookup (no-op without one)."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    rules = rules_from_attribute_ruler(nlp.get_pipe("attribute_ruler"))
    nlp.add_pipe(NAME, after="attribute_ruler", config={"rules": rules})
    nlp.remove_pipe("attribute_ruler")
