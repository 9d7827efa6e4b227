"""Numeric figures: value, counted noun -> metric, qualifier, period, place, attribution.

Works on a parsed spaCy ``Doc`` (the dependency parse links a number to the
noun it counts: "320 murders", "more than 4,300 shooting victims"). Years,
dates, times, ages, durations, ordinals, phone numbers and street addresses are
not figures.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from datetime import date
from itertools import pairwise

from newsetl.extract import periods
from newsetl.extract.entities import Mention
from newsetl.extract.quotes import Quote

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 1e12, "dozen": 12}
ORDINAL = re.compile(
    r"^(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"\w+teenth|\w+tieth|hundredth|thousandth|millionth)$", re.I)
DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$|^\.\d+$")
# A number glued to a sign, a currency code, a scale or a unit: "-1.3", "minus-130",
# "~80", "PS8.1bn", "US55,931,000", "RM23.50", "Y=28,030", "25k", "1.38pc", "10kW", "2.14degF".
GLUED = re.compile(
    r"^(?P<sign>-|−|minus-)?(?:~|sub-)?(?P<currency>us|ps|a|c|nz|hk|rs|rm|aud|usd|cad|eur|gbp|inr|y=|s)?"
    r"(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    r"(?P<suffix>k|mn|bn|tn|mil|bil|b|pc|kw|mw|gw|kg|km|mph|lbs?|ft|mm|cm|m|x|ghz|mhz|bhp|hp|gb|tb|mb|deg[fc]?)?$", re.I)
GLUED_SCALES = {"k": 1_000, "mn": 1_000_000, "bn": 1_000_000_000, "tn": 1_000_000_000_000, "mil": 1_000_000,
                "bil": 1_000_000_000, "b": 1_000_000_000}
# "1/16", "1⁄2": a fraction when its denominator is one that fractions use ("9/11" and "6/30" are dates).
DIGIT_FRACTION = re.compile(r"^(\d{1,2})[/⁄](2|3|4|5|8|10|16|32|64|100|128)$")
# "half", "a third of", "two-thirds": value = numerator / denominator.
_DIGIT_OR_SIGN = frozenset("0123456789-−.~")
FRACTION_WORDS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4}
CURRENCY_SIGNS = frozenset("$ € £ ¥ us$ a$ c$".split())
MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split())
TIME_NOUNS = frozenset(
    "second minute hour day week month year decade century night morning afternoon evening weekend".split())
CLOCK_WORDS = frozenset("a.m. p.m. am pm o'clock".split())
STREET_WORDS = frozenset("street st st. avenue ave ave. road rd rd. boulevard blvd blvd. drive dr lane ln way place court".split())
PEOPLE_NOUNS = frozenset(
    "people person persons man men woman women teen teens teenager teenagers child children kid kids boy boys "
    "girl girls resident residents officer officers bailiff bailiffs student students victim victims individual individuals "
    "adult adults youth youths other others civilian civilians bystander bystanders "
    "brother brothers sister sisters son sons daughter daughters father fathers mother mothers husband wife "
    "friend friends cousin cousins uncle aunt nephew niece baby babies toddler toddlers infant infants "
    "girlfriend boyfriend neighbor neighbors neighbour neighbours customer customers clerk clerks employee employees "
    "passenger passengers driver drivers pedestrian pedestrians worker workers patron patrons guard guards "
    "deputy deputies trooper troopers suspect suspects juvenile juveniles male males female females "
    "passerby passersby grandmother grandmothers grandfather grandfathers grandson grandsons granddaughter "
    "granddaughters grandchild grandchildren stepfather stepmother stepson stepsons stepdaughter stepdaughters "
    "fiance fiancee roommate roommates shooter shooters gunman gunmen attacker attackers assailant assailants "
    "robber robbers intruder intruders thief thieves burglar burglars carjacker carjackers "  # "killed a suspected thief"
    # "shot a 1-year-old sibling in the face", "killed his partner", "an inmate was wounded"
    "sibling siblings relative relatives partner partners spouse classmate classmates coworker coworkers "
    "acquaintance acquaintances teammate teammates tenant tenants homeowner homeowners mom dad parent parents "
    "nephews nieces aunts uncles inmate inmates hostage hostages occupant occupants motorist motorists "
    "cop cops agent agents firefighter firefighters teacher teachers nurse nurses twin twins "
    "patient patients "  # "the hospital treated two patients"
    "member members".split())  # "killing his wife and injuring three other family members"
# Words of a casualty report: a sentence with one of them may count a single
# victim without a number ("a 17-year-old boy was shot and killed").
CASUALTY_WORDS = frozenset(
    "shot killed died dead wounded injured fatally slain murdered hospitalized stabbed double triple "
    "death deceased succumbed hospital sustained grazed "  # "the shooting death of a boy", "was taken to the hospital"
    "bodies "  # "found the bodies of a man and a woman"
    "fatal deadly struck gunshot wound wounds injury injuries "  # "the fatal shooting of", "struck in the calf"
    "victim recover recovering condition "  # "a female victim is expected to recover", "is in critical condition"
    "killing injuring wounding dies kills shoots "  # "fired, killing his sister and injuring a neighbor"
    "second third fourth fifth sixth".split())  # "a fourth shooting victim"
CASUALTY_METRICS = frozenset({"people_killed", "people_injured", "shooting_victims"})

# Deaths that no violence caused: "246 deaths" of the coronavirus, "37 people dead in Tuesday's
# earthquake", "two state police died in a chopper crash", "Bush died Friday at age 94". The marts
# compare crime, so a count of the dead in a sentence that names such a cause, or an age at death, and
# no violence is `deaths`, not `people_killed`.
_NON_VIOLENT_CAUSE = re.compile(
    r"\b(?:coronavirus|covid(?:-19)?|virus|pandemic|diseases?|illness|cancer|leukemia|tumou?r|heart attack|"
    r"pneumonia|flu|influenza|earthquakes?|quakes?|tsunami|floods?|flooding|hurricanes?|tornado(?:e?s)?|"
    r"wildfires?|famine|natural causes|world war|"
    r"crash(?:es|ed)?|accidents?|accidental(?:ly)?|overdos(?:e|es|ed|ing)|drown\w*)\b", re.I)
_AGE_AT_DEATH = re.compile(r"\bat (?:the )?age (?:of )?\d{1,3}\b|\b(?:died|dead) at \d{2,3}\b(?!\s*(?:a\.?m|p\.?m|:))", re.I)
# "turned the gun on himself"
GUN_WORDS = frozenset("gun guns weapon weapons firearm handgun pistol rifle shotgun revolver".split())
# A weapon counts as violence: "an accidental discharge of a handgun", "a hunting accident" are gun deaths,
# and "when the rocket crashed into the building" no accident.
_VIOLENCE_WORDS = (r"shot|shoot\w*|gun\w*|murder\w*|homicides?|stabb\w*|slain|slay\w*|attack\w*|bomb\w*|"
                   r"assault\w*|massacre\w*|strangl\w*|violen\w*|terror\w*|bullets?|hunting|hunters?|"
                   r"airstrikes?|rockets?|missiles?|shell(?:s|ed|ing)|"
                   + "|".join(sorted({word.removesuffix("s") + "s?" for word in GUN_WORDS})))
_VIOLENCE = re.compile(rf"\b(?:{_VIOLENCE_WORDS})\b", re.I)
# An article that tells of violence or crime anywhere: its dead may have been killed ("the victim died at
# the hospital", police said). One that tells neither (an obituary, a storm) counts deaths.
_CRIME_TOLD = re.compile(
    rf"\b(?:{_VIOLENCE_WORDS}|police|policem[ae]n|officers?|suspects?|arrest\w*|crimes?|criminal\w*|killers?|"
    r"manslaughter|explosions?|war|alleged\w*|accused|charg\w*|indict\w*|"
    r"prosecut\w*|investigat\w*|fatal\w*)\b", re.I)
_HEART_ATTACK = re.compile(r"\bheart attacks?\b", re.I)  # an attack that is no violence


def _tells(pattern: re.Pattern[str], text: str) -> bool:
    return pattern.search(_HEART_ATTACK.sub("", text)) is not None

QUALIFIERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("more_than", re.compile(r"\b(?:more than|over|upwards of|in excess of|exceeded|exceeds|exceeding|surpassed|topped)\s*$", re.I)),
    ("at_least", re.compile(r"\bat least\s*$", re.I)),
    ("fewer_than", re.compile(r"\b(?:fewer than|less than|under|below)\s*$", re.I)),
    ("nearly", re.compile(r"\b(?:nearly|almost|close to|just under)\s*$", re.I)),
    ("about", re.compile(r"\b(?:about|around|roughly|approximately|some|an estimated|estimated)\s*$", re.I)),
)
_COMPARISON = re.compile(r"\b(?:down|up|increase[sd]?|decrease[sd]?|rose|fell|dropped|climbed)\s+from\b|\bcompared (?:with|to)\b", re.I)
_NUMBER_OF = re.compile(r"\b(?:number|total|tally|count|toll) of ((?:[a-z-]+ ){0,2}?[a-z-]+?s)\b", re.I)
_ACCORDING_TO = re.compile(r"\baccording to (?:the )?((?:[\w.’'-]+ ){0,4}?[\w.’'-]+)(?=[,.;]|$| said| figures| data| statistics| records)", re.I)
_PRESENT_PERFECT = re.compile(r"\b(?:have|has) (?:been|seen|had|recorded|reported|counted|logged)\b", re.I)
_CITY_REFERENCE = re.compile(r"\bthe (?:city|town|state|county|country|region)\b", re.I)
_PHONE = re.compile(r"^\d{3}[-.]\d{3,4}")
# A related video's title after its running time, in a page's playlist ("0:50 One dead after shooting involving
# officer", "1:51 Boy killed with machete"): another story's figures, not the article's. A clock time is no
# running time ("7:01 p.m. Authorities find a third victim").
_RELATED_VIDEO = re.compile(r"^\W*\d{1,2}:\d\d\s+(?!(?:a|p)\.?m\b)", re.I)

KILL = frozenset("kill die murder slay dead fatally fatal mortally".split())
INJURE = frozenset("injure wound hurt hospitalize graze".split())
SHOOT = frozenset("shoot".split())
ARREST = frozenset("arrest detain".split())
# People accused of a killing are not its victims: "two men charged in the shooting death of a girl".
ACCUSED = frozenset("accuse charge indict convict sentence face plead suspect".split())
TREATED = frozenset("sustain suffer treat hospitalize".split())
# "sent five people to the hospital", "were taken to San Francisco General with injuries":
# a verb of carrying people whose phrase names a hospital or injuries means they were hurt.
HOSPITAL_VERBS = frozenset("take send transport rush put fly airlift carry bring admit go find drop".split())
# A victim who came to a hospital: "walked into", "showed up at", "arrived at", "went to", "drove himself to".
ARRIVE_VERBS = frozenset("walk arrive show turn go come drive check".split())
HOSPITAL_WORDS = frozenset("hospital hospitals injury injuries wound wounds".split())
WOUND_WORDS = frozenset("injury injuries wound wounds".split())
# An adjective on the counted noun that says what happened: "three wounded people", "two dead men".
CASUALTY_ADJECTIVES = {"wounded": "wound", "injured": "injure", "dead": "dead", "deceased": "dead", "slain": "slay",
                       "hurt": "hurt"}
# A killing only meant, not done: "plotted to kill her", "threatened to shoot him", "tried to kill the clerk".
INTENT_VERBS = frozenset("plot plan try attempt threaten want intend conspire vow hope mean seek scheme aim".split())
# "a father of four": the number counts the children, whatever happened to the parent.
PARENT_NOUNS = frozenset("father mother dad mom parent grandfather grandmother".split())
# "in critical condition": a wounded patient, in the hospital's words.
CONDITIONS = frozenset("critical serious stable fair grave guarded".split())
# Words that make "struck" / "hit" mean hit by a bullet (not by a car).
GUNFIRE_WORDS = frozenset("shot shots gunfire gunshot gunshots bullet bullets gunman shooting".split())
# Where a parsed sentence keeps whether the article told of shots before it ("Shots rang out ... Two teens
# were struck").
AFTER_GUNFIRE = "after_gunfire"
GUNFIRE_TOLD = re.compile(r"\b(?:" + "|".join(sorted(GUNFIRE_WORDS)) + r")\b", re.I)
# What hurts people other than gunfire: "was injured by flying glass", "treated for injuries from broken
# glass", "found two people suffering from stab wounds", "injuries sustained during the crash".
OTHER_HARM = frozenset("glass stab stabbing knife knives crash collision wreck".split())
# Nouns whose "of" (or possessive) names the dead: "the deaths of two men", "the boy's death", "the bodies of
# two men were found".
DEATH_NOUNS = frozenset("death deaths killing killings murder murders slaying slayings homicide body bodies".split())
# "the fatal shootings of four people": a shooting is a killing when one of these qualifies it.
FATAL_WORDS = frozenset("fatal fatally deadly".split())


@dataclass(frozen=True)
class Figure:
    start_char: int
    end_char: int
    value: float
    metric: str
    counted_noun: str | None
    qualifier: str
    period_label: str | None
    period_start: date | None
    period_end: date | None
    location: str | None
    attributed_to: str | None
    mention_text: str
    sentence: str
    in_headline: bool = False  # offsets and sentence are the article's title
    counted_group: str | None = None  # the people a casualty count counts ("israeli"), see counted_group()


def words_to_number(words: list[str]) -> float | None:
    """``["2.7", "million"]`` -> 2.7e6; ``["twenty", "five"]`` -> 25; ``["two", "-", "thirds"]`` -> 0.667;
    None if not a number."""
    total, current, seen, sign = 0.0, 0.0, False, 1.0
    parts = [part for word in words for part in _split_word(word.lower())]
    for index, part in enumerate(parts):
        glued = GLUED.match(part)
        fraction = DIGIT_FRACTION.match(part)
        if part == "a" and index + 1 < len(parts) and parts[index + 1] in FRACTION_WORDS:
            current = 1.0
        elif part == "minus" and index + 1 < len(parts):
            sign = -1.0
            continue
        elif DIGITS.match(part):
            current += float(part.replace(",", ""))
        elif fraction:
            current += int(fraction.group(1)) / int(fraction.group(2))
        elif glued:
            value = float(glued.group("number").replace(",", ""))
            value *= GLUED_SCALES.get((glued.group("suffix") or "").lower(), 1)
            current += -value if glued.group("sign") else value
        elif part == "m" and seen:  # "$13.6 M", "1.2 m tons": kept in a group only after a decimal or a currency
            current *= 1_000_000
        elif part in FRACTION_WORDS:
            current = (current or 1) / FRACTION_WORDS[part]
        elif part in UNITS:
            current += UNITS[part]
        elif part in TENS:
            current += TENS[part]
        elif part in SCALES:
            scale = SCALES[part]
            if scale >= 1000:
                total += (current or 1) * scale
                current = 0
            else:
                current = (current or 1) * scale
        elif part == "and":
            continue
        else:
            return None
        seen = True
    return sign * (total + current) if seen else None


def _split_word(word: str) -> list[str]:
    """Number words split on hyphens ("twenty-five"); a hyphen that is a sign or part of a glued number stays."""
    if GLUED.match(word) or word == "-":
        return [] if word == "-" else [word]
    if word.startswith("minus-"):
        return ["minus", word[len("minus-"):]]
    return word.replace("-", " ").split()


def is_number_token(token) -> bool:
    text = token.lower_
    if not (_is_number_word(text) or text in FRACTION_WORDS):
        return False  # most words: one cached answer, before the regex and the neighbours below
    if ORDINAL.match(text):
        return _is_fraction_word(token)
    if text.startswith(("-", "−")) and token.i > 0 and not token.doc[token.i - 1].whitespace_:
        return False  # "15-22": a range, not a negative number
    return _is_number_word(text) or _is_fraction_word(token)


@functools.lru_cache(maxsize=65_536)
def _is_number_word(text: str) -> bool:
    """What the word alone tells (kept per word: the rules ask of every token of a sentence, often)."""
    return bool(DIGITS.match(text)) or _is_glued_number(text) or text in UNITS or text in TENS or text in SCALES or (
        bool(DIGIT_FRACTION.match(text))) or (
        "-" in text and all(p in TENS or p in UNITS for p in text.split("-")))


def _is_glued_number(text: str) -> bool:
    glued = GLUED.match(text)
    # After a currency code only a real amount: "RM23.50", "A82,615,680" -- not "S23" or "A2" (model names).
    return bool(glued) and (glued.group("currency") is None or len(glued.group("number")) >= 3)


def _is_fraction_word(token) -> bool:
    """ "half of", "a third of", "two-thirds": not "the second half" or "the third quarter"."""
    text = token.lower_
    if text not in FRACTION_WORDS:
        return False
    doc = token.doc
    before = doc[token.i - 1] if token.i > 0 else None
    if before is not None and before.text == "-" and token.i > 1:
        before = doc[token.i - 2]
    after = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else ""
    if text in ("half", "halves"):
        return before is None or not (ORDINAL.match(before.lower_) or before.lower_ in ("the", "this", "that", "next", "last"))
    return before is not None and (before.lower_ in ("a", "one") or before.lower_ in UNITS) and (
        after == "of" or text.endswith("s"))


def _number_groups(sent):
    """Runs of number tokens in a sentence: ["2.7", "million"], ["twenty", "five"], ["two", "-", "thirds"]."""
    group: list = []
    for token in sent:
        following = token.doc[token.i + 1] if token.i + 1 < sent.end else None
        if group and group[-1].lower_ != "minus" and token.text[:1] in _DIGIT_OR_SIGN and is_number_token(token):
            yield group  # "one 52,000 barrel-a-day refinery", "Stoxx 50 -1.3%": two numbers
            group = [token]
            continue
        if is_number_token(token) or (following is not None and _joins_next_number(group, token, following)) or (
                group and token.lower_ == "m" and _million_suffix(group)):
            group.append(token)
            continue
        if group:
            yield group
        group = []
    if group:
        yield group


def _joins_next_number(group: list, token, following) -> bool:
    """Glue words inside a number: "two hundred and five", "minus 387", "a third", "two-thirds"."""
    text = token.lower_
    if text == "and":
        return bool(group) and group[-1].lower_ in SCALES and following.lower_ in UNITS.keys() | TENS.keys()
    if text == "minus":
        return not group and following.text[:1].isdigit()
    if text in ("a", "-"):
        return following.lower_ in FRACTION_WORDS and _is_fraction_word(following) and (text == "a" or bool(group))
    return False


def _million_suffix(group) -> bool:
    """A separate "m" after a number means million when the number is decimal or a price ("$13.6 M")."""
    first = group[0]
    previous = first.doc[first.i - 1].lower_ if first.i > 0 else ""
    return len(group) == 1 and ("." in first.text or previous in CURRENCY_SIGNS)


def _counted_noun(group, clause_text_before: str):
    """The noun token a number counts, and the noun phrase text."""
    last = group[-1]
    head = last.head if last.dep_ in ("nummod", "quantmod", "compound", "amod") else None
    if head is not None and head.pos_ in ("NOUN", "PROPN") and head.i > last.i:
        return head, _noun_phrase(head)
    following = last.doc[last.i + 1] if last.i + 1 < len(last.doc) else None
    if following is not None and following.pos_ == "NOUN" and following.i < last.sent.end:
        return following, _noun_phrase(following)
    if last.head.pos_ in ("VERB", "AUX"):
        # "the number of murders ... exceeded 760": the number is what the count verb reached.
        matches = list(_NUMBER_OF.finditer(clause_text_before))
        if matches:
            return None, matches[-1].group(1).lower()
    return None, None


def _noun_phrase(noun) -> str:
    parts = [t for t in noun.lefts if t.dep_ in ("compound",) and t.pos_ in ("NOUN", "PROPN", "VERB")]
    return " ".join([t.lower_ for t in parts] + [noun.lower_])


def _head_verb(noun) -> str | None:
    """Lemma of the verb the counted noun is the subject or object of; None when the verb is negated
    ("two others in the apartment were not wounded")."""
    noun = _past_the_ages(noun)
    if noun is not None:
        noun = _past_the_dateline(noun)
    if noun is not None and noun.dep_ in ("nsubjpass", "nsubj", "dobj") and noun.head.pos_ in ("VERB", "AUX") and (
            not _negated(noun.head)):
        return noun.head.lemma_.lower()
    return None


def _verb_context(noun, group) -> set[str]:
    """Lemmas of the verbs and adverbs that say what happened to the counted people."""
    lemmas: set[str] = set()
    anchor = _past_the_ages(noun) if noun is not None else group[-1]
    while anchor.dep_ == "conj" and anchor.head.pos_ in ("NOUN", "PROPN", "NUM"):
        anchor = anchor.head  # "three females and two males were taken": "males" shares the verb of "females"
    slot = _past_the_dateline(anchor)
    head = slot.head
    if slot.dep_ == "nsubj" and _did_not_survive(head):
        return {"die"}  # "four people were shot, and two did not survive"
    if _negated(head):
        return lemmas  # "two other children were not injured"
    if slot.dep_ in ("nsubjpass", "nsubj", "dobj", "attr") and head.pos_ in ("VERB", "AUX", "ADJ"):
        lemmas.add(head.lemma_.lower())
        # "were shot and killed" -- but not "a man was killed and two others were shot" (own subject)
        # nor "were involved in an altercation ... and grazed the child's hand" (own object: done to someone else)
        lemmas.update(c.lemma_.lower() for c in head.conjuncts if not _negated(c) and not _has_subject(c)
                      and not (_has_object(c) and c.lemma_.lower() not in TREATED))
        lemmas.update(c.lemma_.lower() for c in head.children if c.dep_ in ("advmod", "acomp", "oprd")
                      and not _not_fatal(c))
        if _to_death(head):
            lemmas.add("kill")
        lemmas |= _found_state(head)  # "three people were found shot to death": killed, not only shot
        if head.lemma_.lower() in HOSPITAL_VERBS and any(t.lower_ in HOSPITAL_WORDS for t in head.subtree):
            # found with wounds is shot, alive or not ("police found two males with gunshot wounds", one died);
            # so are the people taken to a hospital where one of them died ("rushed the boy and a man to the
            # hospital, where the boy died")
            died_there = any(t.lemma_.lower() in ("die", "succumb") for t in head.subtree if t.i > anchor.i)
            lemmas.add("shoot" if head.lemma_.lower() == "find" or died_there else "hospitalize")
        if _in_condition(head) or slot.dep_ in ("nsubj", "nsubjpass") and _recovers(head):
            lemmas.add("injure")  # "two others were left in critical condition", "his wife and son are recovering"
        if head.lemma_.lower() == "leave" and slot.dep_ == "dobj" and _left_state(anchor) == "people_injured":
            lemmas.add("injure")  # "the shooting left two men with gunshot wounds"
        if _bears_a_wound(head):
            lemmas.add("suffer")
        if head.lemma_.lower() == "suffer" and head.tag_ == "VBG" and any(c.dep_ == "aux" for c in head.children):
            lemmas.add("shoot")  # "two individuals were suffering gunshot wounds": as found, alive or not
        if head.lemma_.lower() in ("strike", "hit") and _about_gunfire(anchor):
            lemmas.add("shoot")  # "shots were fired inside the club, where four victims were struck"
    lemmas |= _participle_state(anchor)
    # "three wounded people"; not an adjective before the number, which tells of someone else ("Rapper dead,
    # three others wounded", where the parser hangs "dead" on "others")
    number_at = group[0].i if group[0].like_num else -1
    lemmas.update(CASUALTY_ADJECTIVES[c.lower_] for c in anchor.children
                  if c.dep_ == "amod" and c.lower_ in CASUALTY_ADJECTIVES and c.i > number_at)
    of_what = _casualty_of(anchor)
    if of_what is not None:
        lemmas.add(of_what)
    doc = anchor.doc
    clause_verbs = {t.i for t in anchor.ancestors} if anchor.dep_ not in ("nsubj", "nsubjpass") else set()
    for token in doc[anchor.i + 1 : min(anchor.i + 6, anchor.sent.end)]:
        if token.dep_ == "conj" and token.pos_ == "VERB" and token.head.i in clause_verbs:
            # "he was skateboarding with two friends and sustained an injury": a verb conjoined to the clause the
            # counted people are in tells of that clause's subject, not of them
            break
        if token.text == ";" or token.lower_ in (",", "and", "-", "--", "—", "–") and token.i + 1 < len(doc) and (
                doc[token.i + 1].like_num) and not (token.lower_ == "and" and _counts_a_noun(doc[token.i + 1])):
            # "four teens were shot, one fatally", "Six were shot -- 2 killed", "left three people wounded
            # and one dead": "fatally" / "killed" / "dead" are about the next count (but "three men and
            # three women injured" is one list)
            break
        if token.pos_ == "VERB" and any(c.dep_ == "dobj" and c.like_num for c in token.children):
            # "opened fire on two officers, killing one and wounding the other", "four people were shot,
            # killing two": the verb is about its own count, a part of this one
            break
        if token.dep_ == "amod" and token.head is not anchor:
            continue  # "the three victims involved in a fatal shooting": the shooting was fatal, not each of them
        if (token.pos_ in ("VERB", "ADJ", "ADV") or token.lower_ in KILL) and not _negated(token) and not _not_fatal(token):
            lemmas.add(token.lemma_.lower())
    return lemmas


def _participle_state(noun) -> set[str]:
    """What a participle or relative clause on the counted noun says happened to it, however far it stands:
    "one of four people hit by gunfire" -> {"shoot"}, "with six others, ages 6 to 32, sustaining gunshot
    wounds" -> {"sustain"}; not the shooter's clause ("two men who shot a woman"), a denied one, or one
    about some of them ("two people, one of whom died")."""
    lemmas: set[str] = set()
    for clause in noun.children:
        if clause.dep_ == "relcl" and clause.lemma_.lower() == "be" and not _negated(clause) and any(
                c.dep_ == "acomp" and c.lower_ in ("dead", "deceased") for c in clause.children):
            lemmas.add("dead")  # "found two teenage girls, who were deceased": a relative clause telling death
            continue
        if clause.dep_ not in ("acl", "relcl") or _negated(clause) or _shooter_clause(clause) or any(
                c.dep_ in ("nsubj", "nsubjpass") and c.tag_ not in ("WP", "WDT") for c in clause.children):
            continue
        lemma = clause.lemma_.lower()
        if lemma in ("strike", "hit"):
            if _about_gunfire(noun):
                lemmas.add("shoot")
        elif lemma in KILL | INJURE | SHOOT | TREATED | {"die", "succumb"}:
            lemmas.add(lemma)
    return lemmas


def _past_the_dateline(noun):
    """ "MIAMI-DADE COUNTY, Fla. - Three people were wounded": the parser makes the dateline's place the subject
    and the counted noun its apposition; the verb is the subject's."""
    if noun.dep_ == "appos" and _in_dateline(noun.head):
        return noun.head
    return noun


def _past_the_ages(noun):
    """ "three males ages 17, 18 and 22, were shot": the parser makes "ages" the subject and the counted
    noun its compound; the verb is the subject's."""
    if noun is not None and noun.dep_ == "compound" and noun.head.lower_ in ("age", "ages"):
        return noun.head
    return noun


def _shoots_someone(noun) -> bool:
    """Whether the counted people are the active subject of shooting, killing or wounding someone else:
    "two men shot a woman", "two people came in, started arguing with him and then shot him", "two
    teenagers were shooting shotguns" -- the shooters, not the victims ("two men shot themselves" aside)."""
    if noun is None or noun.dep_ != "nsubj":
        return False
    verbs = [noun.head, *(c for c in noun.head.conjuncts if not _has_subject(c))]
    verbs += [c for verb in verbs for c in verb.children if c.dep_ == "advcl" and c.tag_ == "VBG"]  # "opened fire, killing"
    return any(verb.lemma_.lower() in KILL | INJURE | SHOOT and any(
        c.dep_ == "dobj" and c.lower_ not in REFLEXIVE_PRONOUNS | {"themselves"} for c in verb.children)
        for verb in verbs)


def _counts_a_noun(number) -> bool:
    """ "three women": a number followed by the noun it counts."""
    return number.i + 1 < len(number.doc) and number.doc[number.i + 1].pos_ in ("NOUN", "PROPN")


def _in_condition(verb) -> bool:
    """ "... (were left / are) in critical condition": the hospital's word for a wounded patient."""
    return any(child.dep_ == "prep" and child.lower_ == "in" and any(
        noun.lower_ == "condition" and any(a.lower_ in CONDITIONS for a in noun.children) for noun in child.children)
        for child in verb.children)


def _bears_a_wound(verb) -> bool:
    """ "one passenger had a gunshot wound", "three men received life-threatening injuries": as
    "suffered" (but "had injuries", alone, is also said of the dead)."""
    lemma = verb.lemma_.lower()
    if lemma not in ("have", "receive") or _negated(verb):
        return False
    return any(c.dep_ == "dobj" and c.lower_ in WOUND_WORDS and (lemma == "receive" or any(
        t.lower_ in ("gunshot", "bullet") for t in c.lefts)) for c in verb.children)


def _comes_in_wounded(verb) -> bool:
    """ "walked into the hospital with a gunshot wound", "showed up at a hospital with a gunshot wound", "went to a
    hospital for treatment of a gunshot wound": a victim who came to a hospital wounded (not "went to the hospital
    to see her son")."""
    if verb.lemma_.lower() not in ARRIVE_VERBS or _negated(verb) or any(
            c.dep_ == "dobj" and c.lower_ not in REFLEXIVE_PRONOUNS for c in verb.children):
        return False  # "friends drove him to the hospital": the subject is the driver
    words = {t.lower_ for t in verb.subtree}
    return bool(words & {"hospital", "hospitals"}) and bool(words & {"gunshot", "gunshots", "bullet"})


def _negated(token) -> bool:
    return any(c.dep_ == "neg" for c in token.children)


def _not_fatal(token) -> bool:
    """ "eight people were injured - none fatally", "shot, but not fatally": "fatally" denied is no death."""
    doc = token.doc
    before = [t.lower_ for t in doc[max(token.i - 2, 0) : token.i] if t.text != "-"]
    return token.lower_ in ("fatally", "mortally") and bool(before) and before[-1] in ("none", "not", "non", "never")


def _has_subject(verb) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _has_object(verb) -> bool:
    return any(c.dep_ == "dobj" for c in verb.children)


def _to_death(verb) -> bool:
    """ "shot to death", "beaten to death"."""
    return any(c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ == "death" for g in c.children)
               for c in verb.children)


def _casualty_of(noun) -> str | None:
    """ "the deaths of two men", "the fatal shooting of a boy" -> "kill"; "the shooting of four people" -> "shoot";
    "the attempted murder of a man" -> "injure"."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "of":
        return None
    event = noun.head.head
    if event.lower_ in DEATH_NOUNS and any(c.lower_ == "attempted" for c in event.children if c.dep_ in ("amod", "compound")):
        return "injure"  # "accused of the attempted murder of a 20-year-old man": he lived, hurt
    if event.lower_ in DEATH_NOUNS:
        return "kill"
    if event.lower_ in ("shooting", "shootings"):
        fatal = any(c.lower_ in FATAL_WORDS for c in event.children if c.dep_ in ("amod", "advmod"))
        # "the shooting death of his young friend": the parser may hang "death" and its "of" on "shooting"
        death = any(c.lower_ in ("death", "deaths") and c.i == event.i + 1 for c in event.children)
        return "kill" if fatal or death else "shoot"
    if event.lower_ in ("injury", "injuries", "wound", "wounds", "wounding") and any(
            c.dep_ == "amod" and c.lower_ in FATAL_WORDS for c in event.children):
        return "kill"  # "resulted in the fatal injury of an 89 year-old male resident"
    return None


def _bare_casualty_count(group) -> str:
    """ "killed one and injured three", "two were killed", "three of them were wounded": a number
    without a noun, subject or object of a casualty verb, counts people."""
    last = group[-1]
    if last.dep_ not in ("nsubj", "nsubjpass", "dobj") or last.head.pos_ not in ("VERB", "AUX"):
        return "other"
    if last.dep_ == "nsubj" and last.head.lemma_.lower() not in _VICTIM_ACTIVE | {"be"} and not (
            _did_not_survive(last.head)):
        return "other"  # "two of the teens were shooting a rifle": the shooters
    if len(group) == 1 and _is_pronoun_one(last):
        return "other"  # "no one was hurt"
    first = group[0]
    if first.i > 0 and first.nbor(-1).text == ",":
        return "other"  # "Calvin Williams, 24 was shot": an age after a name
    metric = metric_for("people", _verb_context(None, group), _head_verb(last))
    return metric if metric in CASUALTY_METRICS else "other"


def metric_for(noun_phrase: str | None, verbs: set[str], head_verb: str | None = None) -> str:
    """Map the counted noun (and what happened to it) to a crime metric, else ``other``.

    The verb the counted noun depends on decides first: in "killed a woman and
    injured nine others", "nine others" were injured although "killed" is in
    the same clause. Otherwise killing beats shooting ("shot and killed").
    """
    if not noun_phrase:
        return "other"
    words = noun_phrase.split()
    noun = words[-1]
    stem = noun[:-1] if noun.endswith("s") else noun
    if "shooting" in words[:-1] and stem == "victim":
        return "shooting_victims"
    direct = {"shooting": "shootings", "murder": "murders", "homicide": "homicides", "killing": "people_killed",
              "death": "people_killed", "fatality": "people_killed", "fatalitie": "people_killed",
              "injurie": "people_injured", "injury": "people_injured", "arrest": "arrests"}
    if stem in direct and len(words) == 1 or (stem in direct and words[-2] not in ("police", "gun")):
        return direct[stem]
    if noun in PEOPLE_NOUNS or stem in PEOPLE_NOUNS:
        # "2 men, woman arrested in fatal shooting of 17-year-old boy": the arrested, not the dead
        if head_verb in ACCUSED or head_verb not in KILL | INJURE | SHOOT and verbs & (ACCUSED | ARREST):
            return "arrests" if head_verb in ARREST or verbs & ARREST else "other"
        if head_verb in INJURE and not verbs & {"fatally", "mortally"}:
            return "people_injured"  # but "fatally wounded one student" is a death
        if head_verb in ARREST:
            return "arrests"
        if verbs & KILL:
            return "people_killed"
        if verbs & INJURE:
            return "people_injured"
        if verbs & SHOOT:
            # "a man was killed and two others were shot": the others are the ones who lived
            return "people_injured" if noun == "others" else "shooting_victims"
        if verbs & TREATED:
            return "people_injured"  # "four other teenagers sustained injuries", "were treated for wounds"
        if verbs & ARREST:
            return "arrests"
    return "other"


def _is_excluded(group, noun, noun_phrase: str | None) -> bool:
    """Years, dates, times, ages, durations, phone numbers and addresses."""
    doc = group[0].doc
    first, last = group[0], group[-1]
    prev = doc[first.i - 1] if first.i > 0 else None
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    text = first.text
    if prev is not None and (prev.lower_.rstrip(".") in MONTHS or prev.lower_ in ("aged", "age", "ages", "no.", "number", "#")):
        return True
    if prev is not None and prev.lower_ == "of" and first.i > 1 and doc[first.i - 2].lower_ in PARENT_NOUNS:
        return True  # "Father of 5 killed in shooting": his children, not the dead
    if nxt is not None and (nxt.lower_.rstrip(".") in MONTHS or nxt.lower_ in ("a.m.", "p.m.", "am", "pm", ":", "%-")):
        return True
    if _PHONE.match(text) or ":" in text or _is_emergency_number(group, noun):
        return True
    if len(group) == 1 and re.fullmatch(r"1[89]\d\d|20\d\d", text) and (prev is None or prev.text not in CURRENCY_SIGNS):
        # A year unless a noun follows directly ("1714 shootings") or it is an amount ("$2000").
        if nxt is None or nxt.pos_ != "NOUN" or nxt.lower_ in MONTHS:
            return True
    if noun is not None and _is_age_or_time_point(noun):
        return True
    if nxt is not None and (_is_age_or_time_point(nxt) or (
            nxt.text == "-" and last.i + 2 < len(doc) and _is_age_or_time_point(doc[last.i + 2]))):
        return True  # "25-year-old", "68 year-old", "six months ago", whatever the parse made the head
    window = [t.lower_ for t in doc[last.i + 1 : last.i + 5]]
    if any(w in STREET_WORDS for w in window) and nxt is not None and nxt.pos_ == "PROPN":
        return True
    if nxt is not None and nxt.lower_ == "block" and text.isdigit():
        return True  # "in the 1200 block of West Street": an address
    if len(group) == 1 and text.isdigit() and int(text) < 120 and prev is not None and prev.text == "," and (
            first.i > 1 and (doc[first.i - 2].pos_ == "PROPN" or doc[first.i - 2].lower_ in PEOPLE_NOUNS)) and (
            nxt is None or nxt.text in (",", ".", ";", ")")):
        return True  # "Herbert Lee Briscoe, 28, was charged", "a man, 25, was shot": a person's age
    return False


def _is_emergency_number(group, noun) -> bool:
    """ "a man called 911 saying he had been shot", "a 911 call": the emergency number, not 911 people."""
    return len(group) == 1 and group[0].text in ("911", "9-1-1") and (noun is None or noun.lower_ not in PEOPLE_NOUNS)


def _is_pronoun_one(token) -> bool:
    doc = token.doc
    before = doc[token.i - 1].lower_ if token.i > 0 else ""
    after = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else ""
    return token.lower_ in ("a", "an") or (token.lower_ == "one" and (before in ("no", "every", "any") or after == "another"))


def _is_age_or_time_point(noun) -> bool:
    """ "15 year-old", "18 years old", "six months ago", "at 11 p.m.": not figures. A duration
    ("three months", "16 years", "after 55 minutes") is a figure, of metric ``other``."""
    word = noun.lower_
    if word in CLOCK_WORDS:
        return True
    if word.rstrip("s") not in TIME_NOUNS and word not in TIME_NOUNS:
        return False
    doc = noun.doc
    after = [t.lower_ for t in doc[noun.i + 1 : noun.i + 3]]
    if after[:2] == ["of", "age"]:
        return True  # "both 14 years of age"
    return bool(after) and (after[0] in ("old", "ago", "-old") or after[:2] == ["-", "old"])


def _qualifier(text_before: str, head) -> str:
    for name, pattern in QUALIFIERS:
        if pattern.search(text_before[-30:]):
            return name
    if head is not None and head.lemma_.lower() in ("exceed", "surpass", "top"):
        return "more_than"
    return "exact"


# Places that are no figure's place: the country as a whole, unless the figure is set there ("40K people in
# America"; not "U.S. forces killed 30 militants", nor "Michael Brown was shot in Ferguson, Mo. ... and posed
# deep questions about race relations in America", which are in the article's place), and buildings that stand
# for an institution ("White House officials said 30 people were killed in the strike"). On the 1,000-article
# benchmark with 2.18.0 "White House" (14) and "America" (12) were the commonest places of
# `crime_figures_by_source`.
NATIONAL_PLACES = {"United States": "United States", "America": "United States"}
NOT_FIGURE_PLACES = frozenset({*NATIONAL_PLACES, "White House", "Oval Office", "Capitol", "Capitol Hill",
                               "Pentagon", "Kremlin", "Downing Street", "Wall Street"})
NATIONAL_PLACE_REACH = 40  # characters between the figure and "in America": "40K people in America dying"
_SET_IN = re.compile(r"\b(?:in|across|throughout)\s+(?:the\s+)?$", re.I)


# A politician's party and state: "(D-Nev.)", "R-Texas", "D-N.Y.". The state is where the politician is
# from, not where the article's figures are: with state abbreviations read as places (2.21.0), a figure's
# default place became "South Dakota" for "Sen. John Thune (R-S.D.)" (19 figures of the 1,000-article
# benchmark).
_PARTY_TAG_BEFORE = re.compile(r"\b[DRI]\s?-\s?$", re.I)


def without_party_tag_places(text: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions but for places that are the state of a party tag."""
    return [m for m in mentions if m.entity_type != "LOCATION"
            or not _PARTY_TAG_BEFORE.search(text, max(0, m.start_char - 4), m.start_char)]


def main_place(mentions: list[Mention]) -> str | None:
    """The article's most mentioned place (ties: the first mentioned)."""
    counts: dict[str, int] = {}
    for mention in mentions:
        if mention.entity_type == "LOCATION" and mention.entity not in NOT_FIGURE_PLACES:
            counts[mention.entity] = counts.get(mention.entity, 0) + 1
    return max(counts, key=lambda k: (counts[k], -list(counts).index(k))) if counts else None


def _location(sent, start_char: int, mentions: list[Mention], fallback: str | None) -> str | None:
    """The place in the figure's sentence nearest to it, else ``fallback``."""
    inside = [m for m in mentions if m.entity_type == "LOCATION" and sent.start_char <= m.start_char < sent.end_char
              and (m.entity not in NOT_FIGURE_PLACES or m.entity in NATIONAL_PLACES
                   and abs(m.start_char - start_char) <= NATIONAL_PLACE_REACH
                   and _SET_IN.search(sent.text[max(0, m.start_char - sent.start_char - 20) : m.start_char
                                                - sent.start_char]))]
    if inside:
        nearest = min(inside, key=lambda m: abs(m.start_char - start_char)).entity
        return NATIONAL_PLACES.get(nearest, nearest)
    return fallback


def _attribution(sent, start_char: int, quotes: list[Quote], mentions: list[Mention], outlet: str | None) -> str | None:
    for quote in quotes:
        if quote.start_char <= start_char < quote.end_char and quote.speaker:
            return quote.speaker
    according = _ACCORDING_TO.search(sent.text)
    if according:
        at = sent.start_char + according.start(1)
        named = [m for m in mentions if m.start_char == at or (at <= m.start_char < at + len(according.group(1)))]
        return named[0].entity if named else according.group(1).strip().rstrip(".")
    return outlet


def extract_figures(doc, parsed: dict, mentions: list[Mention], quotes: list[Quote], published: date | None,
                    outlet: str | None, place: str | None = None) -> list[Figure]:
    """Figures of one article. ``doc`` has sentences; ``parsed`` maps the start offset of each
    sentence that may hold a figure to a tagged and parsed ``Doc`` of that sentence's text.
    ``place``: where a figure with no place in its sentence is, by default the most mentioned."""
    figures: list[Figure] = []
    article_text = doc.text  # Doc.text joins every token on each access: read it once
    mentions = without_party_tag_places(article_text, mentions)
    place = place or main_place(mentions)
    context: periods.Period | None = None  # the period the discourse is about, carried across sentences
    told: list[Figure] = []  # the casualty figures of the sentences before, for "was also shot"
    aged: list[tuple] = []  # victims told with their age, for "the 16-year-old was injured" beside a dead 15-year-old
    first_gunfire = GUNFIRE_TOLD.search(article_text)  # once per article, not a search per sentence
    gunfire_from = first_gunfire.start() if first_gunfire else len(article_text)
    for sent in doc.sents:
        text = sent.text
        if _RELATED_VIDEO.match(text):
            continue
        split = _COMPARISON.search(text)
        clause_bounds = [(0, split.start() if split else len(text))] + ([(split.start(), len(text))] if split else [])
        explicit = periods.find_period(text[: clause_bounds[0][1]])
        if explicit is not None:
            sentence_period = periods.resolve(*explicit, published)
        elif _PRESENT_PERFECT.search(text) and context is not None:
            sentence_period = context
        else:
            sentence_period = None
        sentence_doc = parsed.get(sent.start_char)
        if sentence_doc is not None:
            sentence_doc.user_data[AFTER_GUNFIRE] = gunfire_from < sent.start_char
        groups = [] if sentence_doc is None else [g for s in sentence_doc.sents for g in _number_groups(s)]
        sentence_figures: list[Figure] = []
        for group in groups:
            offset = group[0].idx  # the parsed copy holds exactly this sentence's text
            start_char = sent.start_char + offset
            end_char = sent.start_char + group[-1].idx + len(group[-1].text)
            clause = 0 if offset < clause_bounds[0][1] else 1
            clause_start = clause_bounds[clause][0]
            noun, noun_phrase = _counted_noun(group, text[clause_start:offset])
            if _is_excluded(group, noun, noun_phrase):
                continue
            value = words_to_number([t.text for t in group])
            if value is None:
                continue
            metric = metric_for(noun_phrase, _verb_context(noun, group), _head_verb(noun))
            if metric == "other" and _passive_casualty(noun):
                metric = metric_for("people", _verb_context(noun, group), _head_verb(noun))  # "five protesters were shot"
            if noun is None and metric == "other":
                metric = _bare_casualty_count(group)
            if noun_phrase is None and metric == "other":
                metric = _state_after(group)  # "leaving one dead", "five injured"
            if noun is None and metric == "other":
                metric = _more_people(group)  # "two people found dead and two more who were injured"
            if noun is None and metric == "other":
                metric = _toll_rose_to(group, sentence_figures)  # "the death toll rose to three"
            if clause == 1 and noun_phrase is None and sentence_figures:
                noun_phrase, metric = sentence_figures[-1].counted_noun, sentence_figures[-1].metric
            if noun_phrase is None and sentence_figures and _followed_by(group, "fatally"):
                metric = "people_killed"
            if metric == "shooting_victims" and noun is not None and any(
                    c.dep_ == "amod" and c.lower_ == "other" for c in noun.children):
                metric = "people_injured"  # "a girl died; three other people were also shot": the ones who lived
            if metric == "people_injured" and noun is not None and noun.lower_ == "others" and noun.dep_ == "conj" and (
                    not _verb_context(noun, group) & INJURE):
                # "she and three others had been shot": others beside a person of the same list, shot with her (not
                # "a man was killed and two others were shot": others beside the dead, the ones who lived)
                metric = "shooting_victims"
            if metric == "people_injured" and noun is not None and any(
                    _victim_role(part, {})[0] == "people_killed" for part in _included(noun)):
                metric = "shooting_victims"  # "three people were injured, including a girl who died": all were shot
            if metric in CASUALTY_METRICS and noun is not None and noun.dep_ == "pobj" and _partitive_died(noun.head.head):
                metric = "shooting_victims"  # "one of the five people hurt in a shooting has died": all five were shot
            elif noun is None and len(group) == 1 and _partitive_died(group[0]):
                metric = "people_killed"  # "One of two men shot late Monday dies"
            if metric in CASUALTY_METRICS and noun is not None and any(
                    c.dep_ == "acl" and c.lemma_.lower() in ACCUSED | ARREST for c in noun.children):
                metric = "other"  # "Two men charged with lying after one shoots himself": a participle tells the accused
            if metric in CASUALTY_METRICS and _shoots_someone(noun):
                metric = "other"  # "two men shot a woman", "two people came in and shot him": the shooters
            if metric in ("people_injured", "shooting_victims") and _hurt_otherwise(noun if noun is not None else group[-1]):
                metric = "other"  # "Three were treated at the scene for injuries from broken glass": not shot
            if metric in CASUALTY_METRICS and value != 1 and noun is not None and noun.tag_ == "NN":
                metric = "other"  # "Image 1 of 16 A man died", "the 2007 shooting death": not a count of them
            after_article = group[0].i > 0 and group[0].nbor(-1).lower_ in ("a", "an")
            if metric in CASUALTY_METRICS and after_article and group[0].text[:1].isdigit():
                metric = "other"  # "her child found a 357 and shot his sister": a gun's caliber, not a count
            if metric == "other" and len(group) == 1 and _is_pronoun_one(group[0]):
                continue  # "no one", "one another": not a count
            if clause == 1:
                own = periods.find_period(text[clause_bounds[1][0]:])
                period = periods.resolve(*own, published, sentence_period) if own else None
            else:
                period = sentence_period
            head = group[-1].head
            figure = Figure(
                counted_group=counted_group(noun, group[-1]) if metric in CASUALTY_METRICS else None,
                start_char=start_char, end_char=end_char, value=float(value), metric=metric,
                counted_noun=noun_phrase, qualifier=_qualifier(text[clause_start:offset], head),
                period_label=period.label if period else None,
                period_start=period.start if period else None, period_end=period.end if period else None,
                location=_location(sent, start_char, mentions, place),
                attributed_to=_attribution(sent, start_char, quotes, mentions, outlet),
                mention_text=article_text[start_char:end_char], sentence=text.strip(),
            )
            sentence_figures.append(figure)
        if sentence_doc is not None and _may_tell_of_victims(sentence_doc):
            numbered = list(sentence_figures)
            sentence_figures += _single_victims(sentence_doc, sent, sentence_figures, mentions, quotes, place,
                                                outlet, sentence_period, article_text)
            sentence_figures += _conjoined_totals(sentence_doc, sent, mentions, quotes, place, outlet,
                                                  sentence_period, article_text)
            sentence_figures += _another_victim(sentence_doc, sent, sentence_figures, mentions, quotes, place,
                                                outlet, sentence_period, article_text)
            sentence_figures += _and_then_himself(sentence_doc, sent, sentence_figures, mentions, quotes, place,
                                                  outlet, sentence_period, article_text)
            sentence_figures += _both_victims(sentence_doc, sent, mentions, quotes, place, outlet, sentence_period,
                                              article_text)
            sentence_figures += _both_dead(sentence_doc, sent, mentions, quotes, place, outlet, sentence_period,
                                           article_text)
            sentence_figures += _one_more_victim(sentence_doc, sent, told, mentions, quotes, place, outlet,
                                                 sentence_period, article_text)
            aged += _aged_victims(sentence_doc, sent, numbered, mentions, quotes, place, outlet,
                                  sentence_period, article_text)
        sentence_figures = deaths_without_violence(
            sentence_figures, text, gunfire_told=sentence_doc is not None and sentence_doc.user_data[AFTER_GUNFIRE])
        figures.extend(sentence_figures)
        told += [f for f in sentence_figures if f.metric in CASUALTY_METRICS]
        if explicit is not None:
            context = sentence_period
    return figures + _older_or_younger_victims(aged, told) + _officer_beside_the_dead_shooter(told)


def deaths_without_violence(figures: list[Figure], sentence: str, *, gunfire_told: bool) -> list[Figure]:
    """The sentence's ``people_killed`` as ``deaths`` when it names a cause other than violence (a
    disease, a disaster) or, before the article has told of gunfire, an age at death ("died at age
    94"), and no violence (shooting, murder, attack ...) at all."""
    if not any(figure.metric == "people_killed" for figure in figures) or _tells(_VIOLENCE, sentence):
        return figures
    if not (_NON_VIOLENT_CAUSE.search(sentence) or not gunfire_told and _AGE_AT_DEATH.search(sentence)):
        return figures
    return _as_deaths(figures)


def deaths_without_crime(figures: list[Figure], text: str, title: str | None) -> list[Figure]:
    """An article's ``people_killed`` as ``deaths`` when neither its text nor its title tells of violence
    or crime at all: "Nancy Reagan has died at the age of 94", "When Ronald Reagan died"."""
    if not any(figure.metric == "people_killed" for figure in figures) or _tells(_CRIME_TOLD, text) or (
            title and _tells(_CRIME_TOLD, title)):
        return figures
    return _as_deaths(figures)


def _as_deaths(figures: list[Figure]) -> list[Figure]:
    return [replace(figure, metric="deaths") if figure.metric == "people_killed" else figure for figure in figures]


def _single_victims(sentence_doc, sent, found: list[Figure], mentions, quotes, place, outlet, period,
                    text: str) -> list[Figure]:
    """Casualties counted without a digit, each a figure a reader would count:
    a single victim ("a 50-year-old man was shot and killed", "Luis Aguiar, who was
    killed"; value 1, the counted noun is the person's name when named) and
    "double/triple shooting" (2, 3 people shot).

    Single victims only when the sentence has no numeric casualty figure of its
    own, which already counts its victims ("four teens were shot, one fatally");
    "others" counts people beside them ("a man was killed and two other people were shot")."""
    counted = any(f.metric in CASUALTY_METRICS and not text[f.end_char:f.end_char + 8].lstrip().startswith("other")
                  for f in found)
    named = _person_names(sentence_doc, sent, mentions)
    out = []
    victims = []
    for token in sentence_doc:
        value, metric, noun = _multiple_shooting(token)
        if value is None:
            value, metric, noun = _ordinal_victim(token)
        # "three people were injured, including a girl who succumbed to her injuries": one of the count, told dead
        if value is None and (not counted or token.dep_ == "pobj" and token.head.lower_ == "including"
                              or _beside_a_counted_object(token)):
            metric, noun = _victim_role(token, named)
            value = 1.0 if metric else None
            if metric:
                victims.append((metric, noun))
        if value is None:
            continue
        first, last = sorted([token, noun], key=lambda t: t.i)
        out.append(_casualty_figure(first, last, value, metric, named.get(noun.i) or noun.lower_, sent, mentions,
                                    quotes, place, outlet, period, text))
    both = (_dead_and_wounded(victims, named) or _hurt_one_by_one(victims, named) or _so_was(victims, named)
            or _self_and_another(victims))
    if both:
        first, last = min(both, key=lambda t: t.i), max(both, key=lambda t: t.i)
        out.append(_casualty_figure(first, last, float(len(both)), "shooting_victims", "people", sent, mentions,
                                    quotes, place, outlet, period, text))
    dead = _dead_one_by_one(victims, named)
    if dead:
        first, last = min(dead, key=lambda t: t.i), max(dead, key=lambda t: t.i)
        out.append(_casualty_figure(first, last, float(len(dead)), "people_killed", "people", sent, mentions,
                                    quotes, place, outlet, period, text))
    return out


def _beside_a_counted_object(token) -> bool:
    """ "he fatally shot two guards and wounded a deputy": the object of a verb conjoined to one whose object is
    a count is someone beside the people counted, not one of them."""
    verb = token.head
    if token.dep_ != "dobj" or verb.pos_ != "VERB" or any(c.dep_ == "nummod" for c in token.children):
        return False  # not "killing one man and wounding five others": a count already
    others = [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    if verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        others.append(verb.head)
    return any(c.dep_ == "dobj" and any(n.dep_ == "nummod" for n in c.children)
               for other in others for c in other.children)


def _included(noun) -> list:
    """The people "including" sets apart of a count, on its noun or on its verb ("three people were injured,
    including a girl")."""
    return [part for holder in (noun, noun.head) for prep in holder.children if prep.dep_ == "prep"
            and prep.lower_ == "including" for part in prep.children if part.dep_ == "pobj"]


def _dead_and_wounded(victims: list, named: dict[int, str]) -> list:
    """The victims of one sentence when some died and others were hurt: different people, all shot
    ("a teen was killed and a child was injured", "killing his sister and injuring a neighbor"). Not
    pronouns, which may be the dead person again ("a boy died after he accidentally shot himself")."""
    people = {}
    for metric, noun in victims:
        if noun.tag_ == "PRP" or noun.lower_ in VICTIM_PRONOUNS | REFLEXIVE_PRONOUNS:
            continue
        if metric == "shooting_victims" and noun.dep_ != "nsubjpass" and noun.head.dep_ != "conj":
            # "a teen shot another teen, killing the youth": the object may be the one killed (but not in
            # "killing his wife and shooting their daughter", verbs each with an object of its own)
            continue
        key = named.get(noun.i) or noun.lower_
        people.setdefault(key, set()).add("dead" if metric == "people_killed" else "hurt")
    dead = [key for key, states in people.items() if states == {"dead"}]
    hurt = [key for key, states in people.items() if states == {"hurt"}]
    if not dead or not hurt:
        return []
    return [noun for metric, noun in victims if (named.get(noun.i) or noun.lower_) in dead + hurt]


def _so_was(victims: list, named: dict[int, str]) -> list:
    """ "The suspect was hit and wounded, and so was the woman he was carjacking", "a man shot in the ankle was taken
    to a hospital, as was a 22-year-old man": the subject of a bare "so was" / "as was" is another person, hurt as the
    subject of the clause it follows."""
    for metric, noun in victims:
        if metric != "people_injured" and metric != "shooting_victims":
            continue
        clause = noun.head
        for other in [c for c in clause.children if c.dep_ in ("conj", "advcl")]:
            if _a_bare_so_was(other) and any(c.dep_ == "nsubj" and c.lower_ in PEOPLE_NOUNS | set(named.values())
                                             for c in other.children):
                return [noun, next(c for c in other.children if c.dep_ == "nsubj")]
    return []


def _self_and_another(victims: list) -> list:
    """ "the 4-year-old shot herself in the cheek and the same bullet struck her mother", "the teen was shot in the
    leg, while the 15-year-old also shot himself": someone named by a noun who shot himself, and another victim
    alive, are two people shot (not "he shot himself", whose subject may be the other victim again)."""
    for metric, noun in victims:
        if noun.lower_ not in REFLEXIVE_PRONOUNS or metric != "shooting_victims":
            continue
        shooter = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
        if shooter is None or shooter.pos_ not in ("NOUN", "PROPN") and _age_of(shooter) is None:
            continue
        holders = {t.i for t in noun.head.ancestors}
        others = [other for other_metric, other in victims if other_metric != "people_killed" and other.i != shooter.i
                  and other.lower_ not in REFLEXIVE_PRONOUNS | VICTIM_PRONOUNS and other.tag_ != "PRP"
                  # not the person whose clause holds his ("a child who was injured when the toddler shot himself"),
                  # nor the same word again ("who shot the teen, or if the teen shot himself"), unless of another age
                  and other.i not in holders and (other.lower_ != shooter.lower_ or _other_age(other, shooter))]
        if others:
            return [noun, others[0]]
    return []


def _other_age(person, other) -> bool:
    """ "the 18-year-old" and "the 15-year-old": two people told by their ages."""
    age, other_age = _age_of(person), _age_of(other)
    return age is not None and other_age is not None and age != other_age


def _a_bare_so_was(verb) -> bool:
    """ "and so was", "as were": a "be" with no complement, marked by "so" or "as"."""
    return verb.lemma_.lower() == "be" and any(c.dep_ in ("advmod", "mark") and c.lower_ in ("so", "as")
                                                for c in verb.children) and not any(
        c.dep_ in ("acomp", "attr", "xcomp", "prep", "oprd", "dobj") for c in verb.children)


def _hurt_one_by_one(victims: list, named: dict[int, str]) -> list:
    """The hurt victims of one sentence told one by one, each the subject of its own clause and new to
    the story ("a 29-year-old man was shot in the leg, and a 33-year-old man was shot in the arm", "a man
    was shot in the back, while a 4-year-old boy suffered a gunshot wound"): different people."""
    people = [noun for metric, noun in victims if metric != "people_killed" and noun.dep_ in ("nsubj", "nsubjpass")
              and (noun.i in named or any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in noun.children))]
    if len(people) < 2 or len({noun.head.i for noun in people}) < len(people) or len(
            {named[noun.i] for noun in people if noun.i in named}) < sum(noun.i in named for noun in people):
        return []
    return people


def _dead_one_by_one(victims: list, named: dict[int, str]) -> list:
    """The two dead of one sentence told one by one, each the subject of its own clause, the clauses joined, and
    told by another word or name ("the man was pronounced dead at the scene and the child died at a hospital", "a
    woman died and a teenager was killed"): different people. Not pronouns, which may be the same person again
    ("the boy was shot and he died"), nor one shot at another time ("and a man who was shot last month died")."""
    people = [noun for metric, noun in victims if metric == "people_killed" and noun.dep_ in ("nsubj", "nsubjpass")
              and noun.tag_ != "PRP" and noun.lower_ not in VICTIM_PRONOUNS | REFLEXIVE_PRONOUNS]
    keys = {named.get(noun.i) or noun.lower_ for noun in people}
    if len(people) != 2 or len(keys) < 2 or people[1].head.dep_ != "conj" or people[1].head.head.i != people[0].head.i:
        return []  # two clauses joined by "and" ("was shot ..., and a man died"), not a clause inside another
    if any(_weeks_after(noun.head) or any(t.lemma_.lower() in TIME_NOUNS for c in noun.children
                                          if c.dep_ in ("relcl", "acl") for t in c.subtree) for noun in people):
        return []  # an earlier shooting's victim ("died weeks after he was shot")
    return people


def _another_victim(sentence_doc, sent, found: list[Figure], mentions, quotes, place, outlet, period,
                    text: str) -> list[Figure]:
    """ "one man dead and another wounded", "three people were killed and another critically injured",
    "two men were killed and another man was injured", "left three people dead and another person
    injured": one more person beside the dead of the same sentence, hurt (all of them shot) or killed too."""
    dead = max((f.value for f in found if f.metric == "people_killed"), default=0.0)
    if not dead:
        return []
    for token in sentence_doc:
        if token.lower_ != "another":
            continue
        person = token.head if token.dep_ == "det" and token.head.lower_ in PEOPLE_NOUNS else token
        verb = person.head.head if person.head.dep_ in ("aux", "auxpass") else person.head
        if any(c.dep_ == "mark" and c.lower_ in ("after", "before", "since", "until") for c in verb.children) or (
                _weeks_after(verb)):
            continue  # "a week after another man was shot", "another victim dies a month after being shot": earlier
        if person.dep_ in ("nsubj", "nsubjpass") and not _negated(verb):
            state = _another_state(verb)
        elif person is not token and person.dep_ == "conj":
            # "left three people dead and another person injured": the participle says how the person was left
            state = next((_another_state(c) for c in person.children if c.dep_ in ("acl", "amod")
                          and c.tag_ == "VBN" and _another_state(c)), None)
        else:
            continue
        if state is not None:
            metric = "people_killed" if state == "dead" else "shooting_victims"
            return [_casualty_figure(token, token, dead + 1, metric, "people", sent, mentions, quotes, place,
                                     outlet, period, text)]
    return []


def _weeks_after(verb) -> bool:
    """ "died a month after being shot", "died weeks after he was shot": a span of time before the event."""
    return any(c.dep_ == "npadvmod" and c.lemma_.lower() in TIME_NOUNS for c in verb.children) and any(
        c.lower_ == "after" or c.dep_ == "advcl" and any(m.lower_ == "after" for m in c.children)
        for c in verb.children)


def _both_victims(sentence_doc, sent, mentions, quotes, place, outlet, period, text: str) -> list[Figure]:
    """ "Both victims were taken to the hospital", "both shooting victims are in stable condition": two
    people shot (how they are does not say who died later)."""
    for token in sentence_doc:
        if token.lower_ == "both" and token.dep_ in ("det", "predet") and token.head.lower_ == "victims" and any(
                t.lower_ in CASUALTY_WORDS | {"shooting"} for t in token.sent) and not _negated(token.head.head):
            return [_casualty_figure(token, token.head, 2.0, "shooting_victims", "victims", sent, mentions, quotes,
                                     place, outlet, period, text)]
    return []


def _both_dead(sentence_doc, sent, mentions, quotes, place, outlet, period, text: str) -> list[Figure]:
    """ "Both were pronounced dead at the scene", "both were fatally shot", "Both boys were dead": two
    people killed, told by "both" instead of a number."""
    for token in sentence_doc:
        if token.lower_ != "both":
            continue
        subject = token if token.dep_ in ("nsubj", "nsubjpass") else token.head if (
            token.dep_ in ("det", "predet") and token.head.tag_ == "NNS" and token.head.lower_ in PEOPLE_NOUNS) else None
        if subject is None or subject.dep_ not in ("nsubj", "nsubjpass") or _negated(subject.head):
            continue
        verb = subject.head
        if _another_state(verb) == "dead" or _fatally(verb) or _to_death(verb) or _did_not_survive(verb) or (
                _conjoined_death(verb)):
            return [_casualty_figure(token, subject, 2.0, "people_killed", "people", sent, mentions, quotes, place,
                                     outlet, period, text)]
        if verb.lemma_.lower() in INJURE and subject.dep_ == "nsubjpass" and not _dies_later(verb):
            # "Both were injured in the shooting and are still in the hospital": two people hurt
            return [_casualty_figure(token, subject, 2.0, "people_injured", "people", sent, mentions, quotes, place,
                                     outlet, period, text)]
    return []


def _partitive_died(token) -> bool:
    """ "One (of the two men shot Monday) has died", "One of two men shot late Monday dies": one of a
    counted group of people died."""
    if token.lower_ != "one" or token.dep_ not in ("nsubj", "nsubjpass"):
        return False
    if not any(c.dep_ == "prep" and c.lower_ == "of" and any(
            g.dep_ == "pobj" and g.lower_ in PEOPLE_NOUNS and any(n.dep_ == "nummod" for n in g.children)
            for g in c.children) for c in token.children):
        return False
    verb = token.head
    verbs = [verb, *verb.conjuncts] + ([verb.head] if verb.dep_ == "ccomp" else [])
    return any(v.lemma_.lower() in ("die", "succumb") and not _negated(v) for v in verbs)


def _one_more_victim(sentence_doc, sent, told: list[Figure], mentions, quotes, place, outlet, period,
                     text: str) -> list[Figure]:
    """ "Three people were found dead. ... A woman also suffered a gunshot wound." (4 shot), "A boy was
    killed. Another teen was shot in the foot." (2 shot): a hurt victim that "also" or "another" marks as
    one more, after sentences that told only of the dead. People in different states are different
    people; after a count of people shot, "a man was also shot" is one of them, told one by one."""
    dead = max((f.value for f in told if f.metric == "people_killed"), default=0.0)
    if not dead or any(f.metric == "people_injured" or f.metric == "shooting_victims" and f.value > dead
                       for f in told):
        return []
    named = _person_names(sentence_doc, sent, mentions)
    for token in sentence_doc:
        if not _said_to_be_more(token, named):
            continue
        metric, _ = _victim_role(token, named)
        if metric in ("people_injured", "shooting_victims"):
            # "a woman and her son were also shot": the list's people are all more
            counts = [_people_count(member, named) for member in _list_members(token)]
            more = sum(counts) if len(counts) > 1 and None not in counts else 1.0
            return [_casualty_figure(token, token, dead + more, "shooting_victims", "people", sent, mentions, quotes,
                                     place, outlet, period, text)]
        if metric == "people_killed" and token.i not in named and not any(
                c.dep_ == "det" and c.lower_ == "another" for c in token.children):
            # "Officers found two girls, who were deceased. Officers also found the father, who was deceased": 3
            # dead; not a name ("Brandon also died": often one of the dead counted, told again) nor "another
            # teen", who may be another incident's
            return [_casualty_figure(token, token, dead + 1, "people_killed", "people", sent, mentions, quotes,
                                     place, outlet, period, text)]
    return []


def _said_to_be_more(token, named: dict[int, str]) -> bool:
    """ "another teen", "a woman was also shot", "the spray also injured the father": one more person
    (a person noun, "a 15-year-old" or a name, not a pronoun); not one in a clause that dates the news
    by another event ("four days after another man was shot")."""
    if token.i not in named and token.lower_ not in PEOPLE_NOUNS and not (token.lower_ == "old" and token.dep_ != "amod"):
        return False
    if any(c.dep_ == "mark" and c.lower_ in ("after", "before", "since", "until") for c in token.head.children):
        return False
    if any(c.dep_ == "det" and c.lower_ == "another" for c in token.children):
        return True
    return token.dep_ in ("nsubj", "nsubjpass", "dobj") and any(
        c.dep_ == "advmod" and c.lower_ == "also" for c in token.head.children)


# "a 16-year-old", "a 14 year old boy", "a 13-month-old": a victim's age as a number and its unit.
_NUMBER_WORDS = "|".join(list(UNITS) + list(TENS))
_AGE = re.compile(rf"\b(\d{{1,3}}|{_NUMBER_WORDS})[\s-]*(year|month|week|day)s?[\s-]*old\b", re.I)


def _age_of(token) -> str | None:
    """The age said of one victim: "a 16-year-old boy", "the 17 year old", "Terrence Maxwell, 15," (years)."""
    match = _AGE.search(token.doc[token.left_edge.i : token.i + 1].text)
    if match:
        # "a four-year-old boy" and "the 4-year-old" are one age
        return f"{words_to_number([match.group(1)]):g} {match.group(2).lower()}"
    age = next((c for c in token.children if c.dep_ == "appos" and c.text.isdigit() and len(c.text) <= 3), None)
    return f"{age.text} year" if age is not None else None


def _aged_victims(sentence_doc, sent, found: list[Figure], mentions, quotes, place, outlet, period,
                  text: str) -> list[tuple]:
    """The victims of one sentence whose age it says: (metric, age, the figure that would count one
    more hurt victim). A hurt victim only when the sentence counts none by number, as for single
    victims; the dead whatever the sentence counts."""
    counted = any(f.metric in CASUALTY_METRICS and not text[f.end_char:f.end_char + 8].lstrip().startswith("other")
                  for f in found)
    named = _person_names(sentence_doc, sent, mentions)
    out = []
    for token in sentence_doc:
        metric, noun = _victim_role(token, named)
        if metric is None or counted and metric != "people_killed" or noun.head.lemma_.lower() in ("strike", "hit"):
            continue  # "struck his five-year-old daughter with a closed fist" need not be a shot
        age = _age_of(noun)
        if age is not None:
            out.append((metric, age, (noun, noun, sent, mentions, quotes, place, outlet, period, text)))
    return out


def _older_or_younger_victims(aged: list[tuple], told: list[Figure]) -> list[Figure]:
    """ "A 15-year-old boy was killed ... The 16-year-old was injured": a hurt victim of another age
    than every one of the dead is another person, shot beside them (a lone hurt victim is otherwise
    taken for one of the dead, told before they died). Only when the age of each dead person is known,
    and no more dead are aged than counted: those are deaths of other shootings (a list of the year's
    homicides), whose hurt are no victims of this one. And only a hurt victim told after the first of the
    aged dead: news tells its incident first, so a death told after the hurt victim ("A 12-year-old girl was
    wounded ... her cousin, 17, was shot and killed in April") is an earlier killing the story recalls."""
    dead = max((f.value for f in told if f.metric == "people_killed"), default=0.0)
    dead_ages = {age for metric, age, _ in aged if metric == "people_killed"}
    if not dead and not dead_ages:
        return _hurt_of_different_ages(aged)
    if not dead or len(dead_ages) != dead or any(
            f.metric == "people_injured" and f.value > 1 or f.metric == "shooting_victims" and f.value > dead
            for f in told):
        return []  # the hurt are counted already (a round-up of the weekend's shootings)
    hurt = {}
    first_dead = next(at for at, (metric, _, _) in enumerate(aged) if metric == "people_killed")  # dead_ages is not empty
    for metric, age, where in aged[first_dead:]:
        if metric != "people_killed" and age not in dead_ages:
            hurt.setdefault(age, where)
    if not hurt:
        return []
    first, last, *context = next(iter(hurt.values()))
    return [_casualty_figure(first, last, dead + len(hurt), "shooting_victims", "people", *context)]


# A time of its own in a victim's sentence: "On Monday, a 5-year-old was shot", "at 9:09 a.m., a 16-year-old boy".
_TIME_TOLD = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|last night|"
    + "|".join(sorted(MONTHS)) + r")\b|\b\d{1,2}:\d\d\b|\b[ap]\.m\.", re.I)

# A death told in words, counted or not ("who shot herself to death", "a fatal shooting", "claimed two lives").
DEATH_TOLD = re.compile(
    r"\b(?:dead|deadly|die[sd]|deaths?|fatal|fatally|killed|killing|slain|murder|murdered|homicide|lives)\b", re.I)


def _hurt_of_different_ages(aged: list[tuple]) -> list[Figure]:
    """ "A 4-year-old boy suffered a graze wound. ... A 17-year-old boy was shot in the back. ... An 18-year-old
    man was shot in his hand": where no one died, hurt victims of different ages, told one by one across
    sentences, are different people (3 shot). Not one told after the first with a time of its own ("On
    Monday, a 14-year-old boy was wounded"): a round-up's other shooting."""
    if not aged or DEATH_TOLD.search(aged[0][2][-1]):  # the article's text
        return []  # "a 5-year-old, who shot herself to death": a death the figures missed; its hurt may be her
    hurt = {}
    for at, (_, age, where) in enumerate(aged):
        if at and _TIME_TOLD.search(where[2].text):  # the victim's sentence
            continue
        hurt.setdefault(age, where)
    if len(hurt) < 2 or len({where[2].start_char for where in hurt.values()}) < 2:
        return []  # one sentence's victims are added up with it ("a 29-year-old man ..., and a 33-year-old man")
    first, last, *context = next(iter(hurt.values()))
    return [_casualty_figure(first, last, float(len(hurt)), "shooting_victims", "people", *context)]


# Who a shooter is when the story counts their death: "the suspect was found dead", "shot himself".
SHOOTER_NOUNS = frozenset("himself herself suspect gunman shooter".split())
OFFICER_NOUNS = frozenset("officer deputy trooper agent cop sergeant".split())


def _officer_beside_the_dead_shooter(told: list[Figure]) -> list[Figure]:
    """ "The suspect was found dead ... The officer suffered a graze wound": when the only one dead is
    the shooter, a hurt officer is another person, shot too (a lone hurt victim is otherwise taken for
    one of the dead, told before they died)."""
    dead = [f for f in told if f.metric == "people_killed"]
    if not dead or not all(f.value == 1 and (f.counted_noun in SHOOTER_NOUNS or f.mention_text.lower() in SHOOTER_NOUNS)
                           for f in dead):
        return []
    officer = next((f for f in told if f.metric == "people_injured" and f.value == 1 and f.counted_noun in OFFICER_NOUNS
                    and words_to_number(f.mention_text.split()) is None), None)
    return [] if officer is None else [replace(officer, value=2.0, metric="shooting_victims", counted_noun="people")]


def _and_then_himself(sentence_doc, sent, found: list[Figure], mentions, quotes, place, outlet, period,
                      text: str) -> list[Figure]:
    """ "shot and killed his two daughters, then turned the gun on himself" (3 killed), "shot and wounded
    her son before killing herself" (1 killed, 2 shot): the shooter who dies is one more dead beside
    the victims of the same sentence."""
    shooter = next((token for token in sentence_doc
                    if _kills_self(token) and _after_shooting_others(token) or _then_himself(token)), None)
    if shooter is None:
        return []
    antecedent = _relative_antecedent(shooter.head)
    at = sent.start_char + antecedent.idx if antecedent is not None else -1
    own = sent.start_char + shooter.idx
    # the victims: not the shooter, as himself, as the noun his relative clause is on ("a suspect who
    # later killed himself") or as a list's last item ("killed his wife and then himself")
    others = [f for f in found if (f.counted_noun or "") not in REFLEXIVE_PRONOUNS
              and not f.start_char <= at < f.end_char and not f.start_char <= own < f.end_char]
    dead = max((f.value for f in others if f.metric == "people_killed"), default=0.0)
    # "a girl has died after she was wounded in a murder-suicide": "she" may be one of the dead, told hurt
    hurt = max((f.value for f in others if f.metric == "people_injured" and not (dead and f.counted_noun in VICTIM_PRONOUNS)),
               default=0.0)
    shot = max([f.value for f in others if f.metric == "shooting_victims"] + [dead + hurt])
    if _murder_suicide(sent) and not hurt:
        # "shot an 8-year-old boy and then himself in a murder-suicide": the boy died too; not one told hurt
        # ("the murder-suicide in which he killed his daughter and critically injured his son": 2 killed, 3 shot)
        dead = shot
    out = [_casualty_figure(shooter, shooter, dead + 1, "people_killed", "people", sent, mentions, quotes, place,
                            outlet, period, text)]
    if shot > dead:
        out.append(_casualty_figure(shooter, shooter, shot + 1, "shooting_victims", "people", sent, mentions, quotes,
                                    place, outlet, period, text))
    return out


# A count that grows: "the death toll rose to three", "that number was later raised to five".
TOLL_VERBS = frozenset("rise raise increase climb grow jump".split())
# The other ways a death toll is told: "bringing the death toll to 12", "the death toll stands at 105",
# "the death toll has topped 130".
TOLL_RAISING_VERBS = frozenset("bring push put lift take".split())
TOLL_STANDING_VERBS = frozenset("stand remain sit".split())
TOLL_REACHING_VERBS = frozenset("top reach hit pass surpass exceed".split())
# What the shooter's own clause hangs on, up to the participle on the shooter ("suspected of killing ... before
# turning the gun on himself": on, turning, before, shooting, killing, of).
_INSIDE_A_PARTICIPLE = frozenset("xcomp conj prep pcomp pobj advcl".split())


def _relative_antecedent(verb):
    """The noun a relative clause is on: "suspect" in "a suspect who is believed to have killed himself"; or a
    participle: "boy" in "the boy suspected of killing a girl before turning the gun on himself"."""
    while verb.dep_ in ("xcomp", "conj") and verb.head is not verb:
        verb = verb.head
    if verb.dep_ == "relcl":
        return verb.head
    while verb.dep_ in _INSIDE_A_PARTICIPLE and verb.head is not verb:
        verb = verb.head
    return verb.head if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in ("NOUN", "PROPN") else None


def _kills_self(token) -> bool:
    """ "(before) killing himself", "fatally shot herself", "shooting himself to death", "turned the gun on himself",
    "(before) taking his own life", "(before) committing suicide"."""
    verb = token.head
    if _only_meant(verb):
        return False  # "told 911 he shot his wife and planned to kill himself"
    if token.dep_ == "dobj" and (token.lower_ == "suicide" and verb.lemma_.lower() == "commit" or token.lower_ == "life"
                                 and verb.lemma_.lower() == "take" and any(c.lower_ == "own" for c in token.children)):
        return True
    if token.lower_ not in REFLEXIVE_PRONOUNS and not (token.lower_ == "self" and token.dep_ == "dobj"):
        return False  # "self" in a headline's grammar: "Father kills two children, then fatally shoots self"
    # "killed his little girl and then himself": the parser hangs the second object on the verb
    if token.dep_ == "dobj" or token.dep_ == "conj" and verb.pos_ == "VERB" and _has_object(verb):
        return verb.lemma_.lower() in KILL or verb.lemma_.lower() in SHOOT and (
            _to_death(verb) or any(c.lower_ in FATAL_WORDS for c in verb.children if c.dep_ == "advmod")
            or _murder_suicide(token.sent))
    if token.dep_ == "pobj" and verb.lower_ == "on":
        turn = verb.head
        return turn.lemma_.lower() == "turn" and any(c.dep_ == "dobj" and c.lower_ in GUN_WORDS for c in turn.children)
    return False


def _then_himself(token) -> bool:
    """ "shot and killed her and his wife, a 39-year-old woman, then himself": the last object of the killing
    verb before it, however the parser hangs it (an interjection, an apposition)."""
    if token.lower_ not in REFLEXIVE_PRONOUNS or token.i == 0 or token.nbor(-1).lower_ != "then":
        return False
    verb = next((t for t in reversed(token.doc[: token.i]) if t.lemma_.lower() in KILL | SHOOT and t.pos_ == "VERB"), None)
    return verb is not None and verb.lemma_.lower() in KILL and any(
        c.dep_ == "dobj" and c.lower_ not in REFLEXIVE_PRONOUNS for c in verb.children)


# "in a murder-suicide", "an apparent murder/suicide": everyone shot in it died; not an attempted one.
MURDER_SUICIDE = re.compile(r"(?<!attempted )\bmurder\s*[-/]\s*suicide\b", re.I)


def _murder_suicide(sent) -> bool:
    return bool(MURDER_SUICIDE.search(sent.text))


def _after_shooting_others(reflexive) -> bool:
    """Whether the shooter's own death follows their shooting of someone else in the same sentence:
    "killed his wife before killing himself", "shot them, then turned the gun on himself" -- not "a
    boy who fatally shot himself", where the boy is the only one dead. The victim may be the subject of
    a passive ("Hernandez was shot and killed by her ex-boyfriend before he killed himself"), whose agent
    the shooter's own clause may hang on ("an officer was shot by a suspect who later killed himself")."""
    token = reflexive.head
    if reflexive.dep_ == "conj" and any(c.dep_ == "dobj" and c.lower_ not in REFLEXIVE_PRONOUNS for c in token.children):
        return True  # "shot an 8-year-old boy and then himself"
    if any(_shoots_another(clause) for clause in token.children if clause.dep_ in ("ccomp", "conj", "advcl")):
        return True  # "Father kills two children, then fatally shoots self": the parser hangs the first clause below
    while token.dep_ in ("advcl", "conj", "dep", "pcomp", "pobj", "prep", "xcomp", "dobj", "relcl", "agent") and (
            token.head is not token):
        token = token.head
        if any(_shoots_another(verb) for verb in (token, *token.conjuncts)):
            return True
    return False


def _shoots_another(verb) -> bool:
    return verb.lemma_.lower() in KILL | SHOOT | INJURE and any(
        c.dep_ in ("dobj", "nsubjpass") and c.lower_ not in REFLEXIVE_PRONOUNS | {"self"} for c in verb.children)


def _another_state(verb) -> str | None:
    """What "another" is said to be: "dead" ("another died") or "hurt" ("another (is) wounded / in
    critical condition / was shot / was taken to the hospital"), else None."""
    lemma = verb.lemma_.lower()
    if lemma in KILL or lemma == "succumb" or _declared_dead(verb) or any(
            c.dep_ == "acomp" and c.lower_ in ("dead", "deceased") for c in verb.children):
        return "dead"
    if lemma in INJURE | SHOOT | TREATED | {"hurt", "strike", "hit"} or _in_condition(verb) or any(
            c.dep_ in ("acomp", "advmod") and c.lower_ in CASUALTY_ADJECTIVES for c in verb.children):
        return "hurt"
    if lemma in HOSPITAL_VERBS and any(t.lower_ in HOSPITAL_WORDS for t in verb.subtree):
        return "hurt"
    return None


def _casualty_figure(first, last, value: float, metric: str, counted: str, sent, mentions, quotes, place, outlet,
                     period, text: str) -> Figure:
    """A figure spanning the tokens ``first``..``last`` of the parsed copy of ``sent``."""
    start_char = sent.start_char + first.idx
    end_char = sent.start_char + last.idx + len(last.text)
    return Figure(
        start_char=start_char, end_char=end_char, value=value, metric=metric, counted_noun=counted,
        qualifier="exact", period_label=period.label if period else None,
        period_start=period.start if period else None, period_end=period.end if period else None,
        location=_location(sent, start_char, mentions, place),
        attributed_to=_attribution(sent, start_char, quotes, mentions, outlet),
        mention_text=text[start_char:end_char], sentence=sent.text.strip())


def _conjoined_totals(sentence_doc, sent, mentions, quotes, place, outlet, period, text: str) -> list[Figure]:
    """The people of one casualty clause added up: "killed his wife, two children and himself" (4 killed),
    "left three men and three women injured" (6 injured). Every part must be countable (a person
    noun, a name, a number of people, "himself"), else there is no total."""
    named = _person_names(sentence_doc, sent, mentions)
    out = []
    for token in sentence_doc:
        if token.dep_ in ("conj", "appos"):
            continue
        # "ALBUQUERQUE, N.M. — A woman and three children were rushed to the hospital": the dateline's place
        # is no one, though the parser makes it the list's first item
        members = [member for member in _list_members(token) if not _in_dateline(member)] + _dead_along_with(token)
        members += _object_cut_off(members[-1] if members else token)
        if len(members) == 1:
            members += _comma_subjects(token)
        if len(members) < 2:
            continue
        members = _names_spelled_out(members, named)
        counts = [_people_count(member, named) for member in members]
        if len({_own_state(member) for member in members}) > 1:
            continue  # "one deceased male and a second male suffering a wound": not one casualty count
        if _clause_between(members):
            continue  # "a man called 911 saying he had been shot and three people had been killed": two clauses
        if any(count is None for count in counts) or sum(counts) < 2 or (
                len(counts) > 2 and counts[0] == sum(counts[1:])):
            continue  # "six people, three men and three women": the rest spells out the first
        metric = _clause_metric(token)
        if metric in CASUALTY_METRICS:
            first = min((t for member in members for t in member.subtree), key=lambda t: t.i)
            last = max(members, key=lambda t: t.i)
            out.append(_casualty_figure(first, last, float(sum(counts)), metric, "people", sent, mentions, quotes,
                                        place, outlet, period, text))
    return out


def _names_spelled_out(members: list, named: dict[int, str]) -> list:
    """The list without the names that spell out a count before them: "Laura Coleman, 32, and her two young
    children, Gunner and Maycie": [Coleman, children], 3 people, not 5 (the parser hangs the names on
    "children" as more conjuncts)."""
    out = []
    skip = 0
    for at, member in enumerate(members):
        if skip:
            skip -= 1
            continue
        out.append(member)
        numbers = [c for c in member.children if c.dep_ == "nummod"]
        if member.tag_ != "NNS" or member.lower_ not in PEOPLE_NOUNS or not numbers:
            continue
        value = words_to_number([numbers[0].text])
        names = members[at + 1 :]
        if value is None or not 1 < value <= len(names) or member.i + 1 >= len(member.doc) or (
                member.doc[member.i + 1].text != ","):
            continue
        if all(name.i in named or name.tag_ == "NNP" for name in names[: int(value)]):
            skip = int(value)
    return out


def _comma_subjects(token) -> list:
    """ "Another man, woman were injured": a list without "and", which the parser reads as two subjects of
    the plural verb; the people after the comma."""
    verb = token.head
    if token.dep_ not in ("nsubj", "nsubjpass") or token.tag_ != "NN" or not any(
            c.dep_ in ("aux", "auxpass") and c.lower_ in ("were", "are") for c in verb.children):
        return []
    others, last = [], token
    for sibling in (c for c in verb.children if c.dep_ == token.dep_ and c.i > token.i):
        if sibling.i != last.i + 2 or sibling.nbor(-1).text != "," or sibling.tag_ != "NN":
            break
        others.append(sibling)
        last = sibling
    return others


def _object_cut_off(last) -> list:
    """ "accused of shooting Lisa Vega, 31, and her 13-year-old daughter": the parser hangs the person after
    "and" on the sentence's verb, as if a noun could be conjoined to a verb; when "and" follows the object (the
    last item of its list) directly, that person is the object's next item."""
    doc = last.doc
    after = last.right_edge.i + 1
    if after < len(doc) and doc[after].text == ",":
        after += 1  # "Lisa Vega, 31, and ...": the comma after the age may hang on the verb too
    if last.dep_ != "dobj" or after + 1 >= len(doc):
        return []
    cc = doc[after]
    if cc.lower_ != "and" or cc.dep_ != "cc" or cc.head.pos_ != "VERB" or cc.head.i >= last.i:
        return []
    return [t for t in cc.head.children if t.dep_ == "conj" and t.pos_ in ("NOUN", "PROPN")
            and t.left_edge.i == cc.i + 1 and t.left_edge.pos_ != "VERB"]


def _dead_along_with(token) -> list:
    """ "Two boys are dead along with their father", "a woman was killed along with her son": the people
    "along with" adds to the subject of a death are dead too (a list told in two parts)."""
    verb = token.head
    if token.dep_ not in ("nsubj", "nsubjpass") or _negated(verb) or not (
            verb.lemma_.lower() in KILL - {"die"} or any(c.dep_ == "acomp" and c.lower_ in ("dead", "deceased")
                                                         for c in verb.children)):
        return []
    # "along" heads "with", or both hang on the verb ("was killed along with her two sons")
    withs = [w for along in verb.children if along.dep_ in ("prep", "prt") and along.lower_ == "along"
             for w in (*along.children, *(c for c in verb.children if c.i == along.i + 1))]
    return [person for with_ in withs if with_.dep_ == "prep" and with_.lower_ == "with"
            for person in with_.children if person.dep_ == "pobj"]


def _clause_between(members: list) -> bool:
    """Whether a clause with a subject pronoun of its own stands between two items of a list: the parser
    took the subject of one clause and that of the next for one list ("a man called 911 saying he had been
    shot and three people had been killed"); not a relative clause on an item ("his wife, who he had married
    in May, and his two sons")."""
    doc = members[0].doc
    return any(t.dep_ in ("nsubj", "nsubjpass") and t.tag_ == "PRP" and t.head.dep_ not in ("relcl", "acl")
               for first, second in pairwise(members) for t in doc[first.i + 1 : second.i])


def _own_state(token) -> str | None:
    """What an adjective before the noun says happened to it ("one deceased male"), else None; not
    one after it, which may be about the whole list ("found the girl and her father, 56, dead")."""
    return next((CASUALTY_ADJECTIVES[c.lower_] for c in token.children
                 if c.dep_ == "amod" and c.i < token.i and c.lower_ in CASUALTY_ADJECTIVES), None)


def _list_members(token) -> list:
    """ "his wife and four children": [wife, children]. The parser often hangs a list on its first
    item as an apposition ("a woman, her son and himself"); an apposition counts only when a
    conjunction follows it, since "the girl, Malijha Grant," is one person."""
    members = [token]
    for child in token.children:
        if child.dep_ == "appos" and any(c.dep_ == "conj" for c in child.children) and token.tag_ == "NNS":
            return _list_members(child)  # "six people, three men and three women": the list spells out the six
        if child.dep_ == "conj" or (child.dep_ == "appos" and any(c.dep_ == "conj" for c in child.children)):
            members += _list_members(child)
        elif child.dep_ == "appos" and child.tag_ == token.tag_ == "NNP" and any(c.dep_ == "conj" for c in token.children):
            # "police found Karen Miller, Owen, 3, and Lucas, 5, dead": in a list of names, a name beside a name is the
            # next person (the age after it made the parser hang it on the first name)
            members.append(child)
    return members


def _people_count(token, named: dict[int, str]) -> float | None:
    """How many people one conjunct stands for: "four children" 4, "six (of his grandchildren)" 6,
    "his wife", "Kailey", "himself" 1; None when it is not people or not counted ("children")."""
    if token.pos_ == "NUM":
        # "six of his grandchildren" -- not the ages in "two other men, 18 and 19,"
        return words_to_number([token.text]) if any(c.lower_ == "of" for c in token.children) else None
    numbers = [c for c in token.children if c.dep_ == "nummod"]
    if numbers:
        return words_to_number([numbers[0].text]) if token.lower_ in PEOPLE_NOUNS else None
    if token.tag_ == "NNP" and token.lower_ in STREET_WORDS:
        # "A woman who was shot at 5th and Main Street has died": a corner, which the parser hung on the woman
        return None
    if token.i in named or token.lower_ in REFLEXIVE_PRONOUNS | VICTIM_PRONOUNS | OBJECT_PRONOUNS or token.tag_ == "NNP":
        return None if _in_dateline(token) else 1.0
    return 1.0 if token.tag_ == "NN" and token.lower_ in PEOPLE_NOUNS else None


def _clause_metric(token) -> str:
    """What happened to the people ``token`` (the first conjunct) stands for, as a casualty metric."""
    if _found_dead(token):
        return "people_killed"
    if token.dep_ == "nsubj" and token.head.lemma_.lower() not in _VICTIM_ACTIVE | {"be"} and not _recovers(token.head):
        return "other"  # the subject of "shot" is the shooter
    if token.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj") or _negated(token.head):
        return "other"
    if token.dep_ == "pobj" and _casualty_of(token) is None:
        return "other"
    return metric_for("people", _verb_context(token, [token]) | _relative_verbs(token), _head_verb(token))


def _relative_verbs(token) -> set[str]:
    """What a relative clause or a participle on the list says happened to it: "a 4-year-old girl and
    (her) mother who were shot and killed (were identified)" -> {"shoot", "kill"}, "a girl and a woman
    wounded by gunfire (have been released)" -> {"wound"}; not the shooter's clause
    ("a man and a woman who shot a teen")."""
    for member in _list_members(token):
        for clause in member.children:
            if clause.dep_ in ("relcl", "acl") and clause.lemma_.lower() in _VICTIM_PASSIVE | _VICTIM_ACTIVE and not (
                    _shooter_clause(clause) or _negated(clause)):
                return {clause.lemma_.lower(), *(c.lemma_.lower() for c in clause.conjuncts if not _negated(c)),
                        *(c.lemma_.lower() for c in clause.children if c.dep_ in ("advmod", "acomp", "oprd"))}
    return set()


def _found_dead(token) -> bool:
    """ "found Bacque and his son in a bedroom dead from gunshot wounds", "found the man and his son
    dead": the list was found dead, whatever the wounds they died of ("dead" follows the list)."""
    head = token.head
    if token.dep_ == "nsubj" and head.lower_ in ("dead", "deceased"):
        return head.head.lemma_.lower() == "find"
    return token.dep_ == "dobj" and head.lemma_.lower() == "find" and any(
        t.lower_ in ("dead", "deceased") for t in head.subtree if t.i > token.i)


MULTIPLE = {"double": 2, "triple": 3, "quadruple": 4, "quintuple": 5}
# "a fourth victim was found": at least four people were hurt in all.
# Not "another": "the teen accidentally shot another teen" is one victim.
ORDINAL_VICTIMS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8}
# Verbs whose passive subject or object is a casualty, and whose active subject is one.
_VICTIM_PASSIVE = KILL | INJURE | SHOOT | frozenset({"find", "pronounce", "declare", "strike", "hit", "wound"})
_VICTIM_ACTIVE = frozenset({"die", "suffer", "sustain", "succumb"})
# Pronouns that stand for one victim when they were shot or died ("he was pronounced dead");
# the reflexives only as objects ("the gunman then shot himself").
VICTIM_PRONOUNS = frozenset("he she".split())
REFLEXIVE_PRONOUNS = frozenset("himself herself".split())
# An object pronoun is the one person shot or killed: "struck Travon Rollins in the chest, killing him"
# (the same person again is harmless, a toll takes the largest count).
OBJECT_PRONOUNS = frozenset("him her".split())
# Every word a rule for victims told without a number keys on, as written or as its lemma: a parsed
# sentence with none of them (a results table, a market report) has no such victim.
_VICTIM_VOCABULARY = (CASUALTY_WORDS | KILL | INJURE | SHOOT | DEATH_NOUNS | FATAL_WORDS | HOSPITAL_WORDS
                      | frozenset(MULTIPLE) | frozenset(ORDINAL_VICTIMS) | _VICTIM_PASSIVE | _VICTIM_ACTIVE
                      | REFLEXIVE_PRONOUNS | frozenset("shooting deceased survive recover condition suicide self life".split()))


def _may_tell_of_victims(sentence_doc) -> bool:
    """Whether the victim rules need to read the sentence: most of a sports or business page's parsed
    sentences (numbers, no casualty) have none of their words, and reading every token of them for a
    victim was about a third of the rules' time on CoNLL dev under the profiler."""
    return any(t.lower_ in _VICTIM_VOCABULARY or t.lemma_.lower() in _VICTIM_VOCABULARY for t in sentence_doc)


# Things and animals that are shot, not people: "upwards of 50 rounds were shot", "a police dog was also shot",
# "a car nearby was also shot into".
NOT_VICTIMS = frozenset(
    "round rounds shot shots bullet bullets casing casings window windows car cars vehicle vehicles house houses "
    "home homes building buildings crib wall walls door doors dog dogs cat cats horse horses animal animals".split())
# Pronouns that count no one in particular: "nobody else was injured", "anyone was hurt".
NOBODY = frozenset("nobody none anyone anybody everyone everybody".split())


def _multiple_shooting(token):
    """ "a double shooting" -> (2, shooting_victims, token of 'shooting'); "triple homicide" -> people_killed."""
    value = MULTIPLE.get(token.lower_)
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if value is None or nxt is None:
        return None, None, None
    if nxt.lower_ == "shooting":
        return float(value), "shooting_victims", nxt
    if nxt.lower_ in ("homicide", "murder", "killing", "fatal"):
        return float(value), "people_killed", nxt
    return None, None, None


def _ordinal_victim(token):
    """ "a fourth shooting victim", "a second man was critically injured" -> (4 or 2, shooting_victims, noun)."""
    value = ORDINAL_VICTIMS.get(token.lower_)
    if value is not None and _negated(token.head):
        return None, None, None  # "a third child in the room was not hurt", "the second child was not injured"
    if value is not None and token.dep_ in ("dobj", "nsubjpass") and token.head.lemma_.lower() in KILL | INJURE | SHOOT:
        return float(value), "shooting_victims", token  # "murdering four of them and wounding a fifth"
    noun = token.head
    if value is None or token.dep_ not in ("amod", "det") or noun.lower_ not in PEOPLE_NOUNS or noun.tag_ != "NN":
        return None, None, None
    clauses = [c for c in noun.children if c.dep_ in ("acl", "relcl")] + (
        [noun.head] if noun.dep_ in ("nsubj", "nsubjpass") else [])
    if noun.dep_ in ("attr", "appos") or any(any(a.dep_ == "aux" and a.lower_ == "to" for a in verb.children)
                                             for verb in clauses):
        # "the boy is the seventh child shot in Chicago this year", "the fourth child to be shot in three
        # days": a rank in a tally of shootings, not one more victim of this one
        return None, None, None
    metric, _ = _victim_role(noun, {})
    # "a second victim" counts one more in a sentence about the shooting; not a possessor ("clothing found in
    # the second victim's car"), who was told of before
    if noun.lower_ == "victim" and metric is None and noun.dep_ != "poss" and not _hurt_otherwise(noun) and any(t.lower_ in CASUALTY_WORDS or t.lower_ == "shooting"
                                                          for t in noun.sent):
        metric = "shooting_victims"
    if metric is None or metric == "people_killed" and noun.lower_ == "person" and any(
            t.like_num for t in noun.sent if t.i != token.i):
        # "two men were injured and a third person died": the third of the victims; alone, "a third
        # person has died" is the third dead
        return None, None, None
    # "a second teen has died": two dead; "a second man was wounded": two people shot
    return float(value), ("people_killed" if metric == "people_killed" else "shooting_victims"), noun


# What follows a name as a part of it, left out of the NER's span: "Francisco Suarez Jr."
NAME_SUFFIXES = frozenset("jr jr. sr sr. ii iii iv".split())


def _person_names(sentence_doc, sent, mentions) -> dict[int, str]:
    """Token index in the parsed sentence -> canonical name, for the head word of each PERSON mention."""
    names = {}
    for mention in mentions:
        if mention.entity_type == "PERSON" and sent.start_char <= mention.start_char < sent.end_char:
            span = sentence_doc.char_span(mention.start_char - sent.start_char, mention.end_char - sent.start_char,
                                          alignment_mode="expand")
            # not "Howard County General hospital", a name whose head is a common noun in lower case
            if span is not None and not (span.root.text[:1].islower() and mention.mention_text[:1].isupper()):
                root = span.root
                if root.dep_ == "compound" and root.head.i == span.end and root.head.lower_ in NAME_SUFFIXES:
                    root = root.head  # "shot and wounded Francisco Suarez Jr.": the suffix heads the name
                names[root.i] = mention.entity
    return names


def _victim_role(token, named: dict[int, str]):
    """(metric, noun) when ``token`` is one casualty: a singular person noun, a named
    person or a pronoun that was shot, killed, wounded or died; the shooter is never counted,
    nor someone hurt by other than gunfire ("her husband was injured by glass")."""
    metric, noun = _casualty_role(token, named)
    if metric in ("people_injured", "shooting_victims") and _hurt_otherwise(noun):
        return None, None
    if metric is not None and token.dep_ == "dobj" and _only_meant(token.head):
        return None, None  # "the boys plotted to kill her": the plot is no killing
    if metric is not None and _what_might_have_been(token.head):
        return None, None  # "she could have been killed": she was not
    return metric, noun


def _what_might_have_been(verb) -> bool:
    """ "could have been killed", "would've died", "might have been dead": a past that did not happen."""
    # "’ve" the parser may take for a subject
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass") or c.lower_ in ("'ve", "’ve")}
    return bool(auxiliaries & {"could", "would", "might", "should"}) and bool(auxiliaries & {"have", "'ve", "’ve"})


def _only_meant(verb) -> bool:
    """ "plotted to kill", "threatened to shoot", "planned to kill himself": the act is the object of an intent."""
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in INTENT_VERBS


def _hurt_otherwise(token) -> bool:
    """Whether the clause that tells what happened to ``token`` says it was by other than gunfire: "was
    injured by flying glass", "treated for injuries from broken glass", "the third victim was hit with
    glass", "found two people suffering from stab wounds", "suffered multiple stab wounds"."""
    clauses = [token.head] + [c for c in token.children if c.dep_ in ("acl", "relcl")]
    for verb in clauses:
        for child in verb.children:
            if child.dep_ in ("prep", "agent") and child.lower_ in ("by", "from", "with", "for") or child.dep_ == "dobj" and (
                    verb.lemma_.lower() in ("suffer", "sustain")):
                if any(t.lower_ in OTHER_HARM for t in child.subtree):
                    return True
    return False


def _casualty_role(token, named: dict[int, str]):
    """``_victim_role`` before the cause of the harm is looked at."""
    if not _may_be_victim(token, named):
        return None, None
    head, dep = token.head, token.dep_
    if dep == "pobj" and (verb := _subject_read_as_object(token)) is not None:
        head, dep = verb, "nsubjpass"  # "investigating after a 4-year-old was shot": the 4-year-old was
    lemma = head.lemma_.lower()
    if dep == "nsubj" and _did_not_survive(head):
        return "people_killed", token  # "Stuart did not survive his injuries"
    if _negated(head) and dep in ("nsubj", "nsubjpass", "dobj"):
        return None, None  # "the girl was not injured", "the infant was not struck"
    if dep in ("nsubj", "nsubjpass") and _conjoined_death(head):
        # "Cade Booher, 16, was in the backseat and died", "the victim was taken to ... and pronounced dead"
        return "people_killed", token
    if dep == "nsubj" and lemma not in _VICTIM_ACTIVE:
        # "the girl is okay, and only suffered minor injuries": the subject of a conjoined verb
        verb = next((c for c in head.conjuncts if c.lemma_.lower() in _VICTIM_ACTIVE and not _has_subject(c)), None)
        if verb is not None:
            head, lemma = verb, verb.lemma_.lower()
    if token.lower_ in REFLEXIVE_PRONOUNS:
        if dep != "dobj" or lemma not in KILL | SHOOT:
            return None, None
        verbs = {lemma, *(c.lemma_.lower() for c in head.children if c.dep_ in ("advmod", "acomp", "oprd"))}
    elif dep == "nsubjpass" and lemma in _VICTIM_PASSIVE or dep == "dobj" and (
            lemma in KILL | SHOOT | INJURE or lemma in ("strike", "hit") and _about_gunfire(token)):
        if lemma in INJURE and not _dies_later(head) and not _fatally(head):
            return "people_injured", token  # "killed the boy and wounded his brother": the verb decides
        # "was shot and killed" -- not "killed the boy and wounded his brother" (own object)
        verbs = {lemma, *(c.lemma_.lower() for c in head.conjuncts if not _has_subject(c) and not _has_object(c)),
                 *(c.lemma_.lower() for c in head.children if c.dep_ in ("advmod", "acomp", "oprd")),
                 *_found_state(head)}
        if _dies_later(head) or _to_death(head) or "deceased" in verbs or _killing_them(head):
            verbs.add("die")  # "the boy was shot and taken to St. Luke's, where he died"; "pronounced deceased"
    elif dep == "nsubjpass" and lemma in HOSPITAL_VERBS and any(t.lower_ in HOSPITAL_WORDS for t in head.subtree):
        # "another female was rushed to the hospital with critical wounds"
        return ("people_killed" if _dies_later(head) else "people_injured"), token
    elif dep == "nsubj" and _comes_in_wounded(head):
        # "a female juvenile went to a hospital for treatment of a gunshot wound", "another man walked into the
        # hospital with a gunshot wound": a victim who came to a hospital
        return ("people_killed" if _dies_later(head) else "people_injured"), token
    elif dep == "nsubj" and (lemma in _VICTIM_ACTIVE or _bears_a_wound(head)):
        # "sustained a gunshot wound and was rushed to the hospital, where he later died"
        fatal = lemma in ("die", "succumb") or any(t.lower_ in ("fatal", "fatally") for t in head.subtree) or (
            _dies_later(head))
        return ("people_killed" if fatal else "people_injured"), token
    elif dep == "nsubj" and lemma == "be" and any(
            c.dep_ == "acomp" and c.lower_ in ("dead", "deceased") for c in head.children):
        return "people_killed", token  # "a 26-year-old woman is dead"
    elif dep == "nsubj" and lemma == "be" and _in_condition(head):
        return "people_injured", token  # "the child is in stable but serious condition"
    elif dep == "nsubj" and head.lower_ in ("dead", "deceased") or dep == "dobj" and lemma == "find" and any(
            t.lower_ in ("dead", "deceased") for t in head.subtree if t.i > token.i):
        return "people_killed", token  # "police found a 16-year-old male dead at the scene"
    elif dep == "dobj" and lemma == "leave" and (state := _left_state(token)) is not None:
        return state, token  # "the shooting left a 12-year-old boy dead"
    elif dep in ("nsubj", "nsubjpass") and _recovers(head):
        return "people_injured", token  # "a female victim is expected to recover"
    elif token.lower_ in VICTIM_PRONOUNS:
        return None, None
    elif dep == "poss" and head.lower_ in DEATH_NOUNS and any(
            c.dep_ == "amod" and ORDINAL.match(c.text) for c in head.children):
        return None, None  # "Gary's 11th homicide of the year": a place's tally, whoever the NER took it for
    elif _casualty_of(token) is not None or (dep == "poss" and head.lower_ in DEATH_NOUNS):
        # "the shooting death of a 14-year-old boy", "the fatal shooting of Luis Aguiar", "the boy's death"
        verbs = {_casualty_of(token) or "kill"}
    else:
        # not "the boy's mother, who was not injured"
        relative = [c for c in token.children if c.dep_ in ("relcl", "acl") and c.lemma_.lower() in _VICTIM_PASSIVE | _VICTIM_ACTIVE
                    and not _shooter_clause(c) and not _negated(c)]
        if not relative:
            return None, None
        verbs = {relative[0].lemma_.lower(), *(c.lemma_.lower() for c in relative[0].conjuncts),
                 *(c.lemma_.lower() for c in relative[0].children if c.dep_ in ("advmod", "acomp", "oprd"))}
        if relative[0].lemma_.lower() in ("die", "succumb"):
            verbs.add("die")
        elif relative[0].lemma_.lower() in ("suffer", "sustain"):
            verbs.add("injure")  # "a juvenile who had sustained a gunshot wound"
    if verbs & KILL:
        return "people_killed", token
    if verbs & INJURE or verbs & SHOOT or verbs & {"strike", "hit"}:
        return ("people_injured" if verbs & INJURE else "shooting_victims"), token
    return None, None


_CLAUSE_OPENERS = frozenset("after before when while since until as".split())


def _subject_read_as_object(token):
    """The passive verb whose subject the parser took for the object of the word that opens its clause: in
    "Police are investigating after a 4-year-old was shot in the hand" it hangs "4-year-old" on "after" and
    leaves "was shot" with no subject."""
    doc = token.doc
    if token.head.lower_ not in _CLAUSE_OPENERS or token.i + 1 >= len(doc):
        return None
    auxiliary = doc[token.i + 1]
    verb = auxiliary.head
    if auxiliary.dep_ != "auxpass" or verb.i <= token.i or verb.lemma_.lower() not in _VICTIM_PASSIVE or any(
            c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    return verb


def _fatally(verb) -> bool:
    """ "a man was fatally wounded", "Barrera was fatally injured": a wound that killed."""
    return any(c.dep_ == "advmod" and c.lower_ in ("fatally", "mortally") and not _not_fatal(c) for c in verb.children)


def _found_state(verb) -> set[str]:
    """What "found" says of its object or passive subject: "was found shot to death" (shoot, die),
    "was found shot" (shoot), "was found suffering from gunshot wounds" (shoot: the wounds the police
    find need not leave them alive, "three people were found suffering from gunshot wounds. One ...
    was pronounced dead at the scene"), "was found with a gunshot wound" (shoot)."""
    if verb.lemma_.lower() != "find":
        return set()
    lemmas = set()
    for state in verb.children:
        if state.dep_ == "prep" and state.lower_ == "with" and any(c.lower_ in WOUND_WORDS for c in state.children):
            lemmas.add("shoot")
        if state.dep_ != "xcomp" or _negated(state):
            continue
        lemma = state.lemma_.lower()
        if lemma in KILL | SHOOT | INJURE:
            lemmas.add(lemma)
            if _to_death(state) or _fatally(state):
                lemmas.add("die")
        elif lemma in ("suffer", "sustain"):
            lemmas.add("shoot")
    return lemmas


def _shooter_clause(verb) -> bool:
    """ "a man who shot a teenager": the relative pronoun is the active subject of a casualty verb,
    so the noun is the shooter (but "a man who shot himself / self" and "a man who died" are victims)."""
    return verb.lemma_.lower() not in _VICTIM_ACTIVE and any(c.dep_ == "nsubj" for c in verb.children) and not any(
        c.dep_ == "dobj" and c.lower_ in REFLEXIVE_PRONOUNS | {"self"} for c in verb.children)


def _killing_them(verb) -> bool:
    """ "struck Chavez in the back, killing him": the shot killed the person it hit."""
    return any(c.dep_ == "advcl" and c.lemma_.lower() == "kill" and any(
        g.dep_ == "dobj" and g.tag_ == "PRP" for g in c.children) for c in verb.children)


def _about_gunfire(token) -> bool:
    """Whether "struck" means struck by a bullet, not by a car: the sentence is about shots, or, when it
    does not say what struck ("Two teens, ages 16 and 17, were struck"), the article before it is."""
    if any(t.lower_ in GUNFIRE_WORDS for t in token.sent):
        return True
    return token.doc.user_data.get(AFTER_GUNFIRE, False) and not any(c.dep_ == "agent" for c in token.head.children)


def _recovers(verb) -> bool:
    """ "(he) is recovering", "is expected to recover / survive": alive, and hurt."""
    lemma = verb.lemma_.lower()
    if _negated(verb):
        return False
    return lemma == "recover" or lemma == "expect" and any(
        c.dep_ == "xcomp" and c.lemma_.lower() in ("recover", "survive") and not _negated(c) for c in verb.children)


def _left_state(token) -> str | None:
    """The casualty metric of "left <token> dead / wounded" (the state word hangs on the verb or the noun)
    and of "left <token> with gunshot wounds" ("with" on the verb, the noun or a later item of its list)."""
    for word in (*token.head.children, *token.children):
        if word.dep_ in ("oprd", "acomp", "ccomp", "xcomp", "amod") and word.i > token.i:
            state = CASUALTY_ADJECTIVES.get(word.lower_)
            if state is not None:
                return "people_killed" if state in KILL else "people_injured"
    if any(word.dep_ == "prep" and word.lower_ == "with" and word.i > token.i and any(
            c.lower_ in WOUND_WORDS for c in word.children) for word in (*token.head.children, *token.subtree)):
        return "people_injured"
    return None


def _in_dateline(token) -> bool:
    """ "NASHVILLE, Tenn. (WKRN) - A boy was shot", "PARK MANOR - A girl was grazed": the place in
    capitals that opens a story before a dash, not a person (in a sentence that is not all capitals)."""
    if not token.text.isupper():
        return False  # checked first: finding the sentence of every token that may be a victim was slow
    sent, doc = token.sent, token.doc
    if not any(t.text in ("-", "--", "–", "—") for t in doc[token.i + 1 : min(token.i + 9, sent.end)]):
        return False
    return all(t.text.isupper() for t in doc[sent.start : token.i] if t.is_alpha) and any(
        t.is_lower for t in doc[token.i + 1 : sent.end])


def _may_be_victim(token, named: dict[int, str]) -> bool:
    """A token that can stand for one person: a name, a singular person noun, "a 16-year-old", "he"."""
    if _in_dateline(token):
        return False
    if token.i in named:
        return True
    if token.lower_ in VICTIM_PRONOUNS | REFLEXIVE_PRONOUNS:
        return token.tag_ == "PRP"
    if token.lower_ in OBJECT_PRONOUNS:
        return token.tag_ == "PRP" and token.dep_ == "dobj"  # "someone walked up and shot him"; not "her son"
    if token.lower_ == "old" and token.dep_ != "amod" and any(t.lower_ in ("year", "month") for t in token.lefts):
        return True  # "an accidental shooting has killed a 16-year-old"
    if token.tag_ in ("NNP", "NNPS") and token.dep_ == "nsubj" and not token.text.isupper() and _subject_dies(token):
        return True  # "Watford died at the scene"; not a dateline in capitals ("HARTSVILLE, Ind. -- A man died")
    if token.lower_ == "person" and any(c.dep_ in ("amod", "det") and c.lower_ in ORDINAL_VICTIMS for c in token.children):
        return True  # "a fourth person was injured": one more, counted by its ordinal
    if token.lower_ == "person" and token.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ in ("a", "an", "the")
                                                              for c in token.children):
        return True  # "a person in the vehicle was killed", "the injured person was declared deceased"
    if token.tag_ not in ("NN", "NNP") or token.lower_ in ("people", "person") or token.lower_ in NOBODY:
        return False  # "nobody else was injured"
    # "Kaden was pronounced dead": a name the NER missed, or a noun, that was shot or killed
    # (not "the house was shot at")
    head = token.head
    return token.lower_ in PEOPLE_NOUNS or (
        # "the shooting left Brandon Lanier dead", a name the NER missed
        token.tag_ == "NNP" and token.dep_ == "dobj" and head.lemma_.lower() == "leave" and _left_state(token)) or (
        token.dep_ == "nsubjpass" and head.lemma_.lower() in _VICTIM_PASSIVE and token.lower_ not in NOT_VICTIMS
        and (token.tag_ == "NNP" or head.lemma_.lower() in KILL | INJURE | SHOOT)
        and not any(c.dep_ == "prep" and c.lower_ == "at" and not any(g.dep_ == "pobj" for g in c.children)
                    for c in head.children)
        and not _is_pronoun_one(token))  # "no one was injured" is nobody


def _subject_dies(token) -> bool:
    """ "Watford died", "Booher was in the backseat and died", "Stuart did not survive"."""
    return token.head.lemma_.lower() in ("die", "succumb") or _did_not_survive(token.head) or _conjoined_death(token.head)


def _conjoined_death(verb) -> bool:
    """A verb conjoined to ``verb`` without a subject of its own says its subject died: "... and
    died", "... and succumbed", "... and (was) pronounced / declared dead", "... but did not survive"."""
    return any(not _has_subject(conjunct) and (conjunct.lemma_.lower() in ("die", "succumb") or _declared_dead(conjunct)
                                               or _did_not_survive(conjunct))
               for conjunct in verb.conjuncts)


def _did_not_survive(verb) -> bool:
    """ "two did not survive", "the boy didn't survive": a survival denied is a death."""
    return verb.lemma_.lower() == "survive" and _negated(verb)


def _declared_dead(verb) -> bool:
    """ "pronounced dead", "declared (clinically) deceased"."""
    return verb.lemma_.lower() in ("pronounce", "declare") and any(c.lower_ in ("dead", "deceased")
                                                                   for c in verb.children)


def _dies_later(verb) -> bool:
    """Whether the clause of ``verb`` goes on to a death of the same person: "... where he died",
    "... where she was pronounced dead" (a pronoun or relative subject, or none)."""
    for token in verb.subtree:
        if token.i == verb.i or token.pos_ not in ("VERB", "AUX"):
            continue
        dies = token.lemma_.lower() in ("die", "succumb") or _declared_dead(token)
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        if dies and (not subjects or subjects[0].tag_ in ("PRP", "WP")):
            return True
    return False


def _passive_casualty(noun) -> bool:
    """A plural noun that was shot, killed or wounded, though not in the people list: "five protesters were
    shot", "Five Israelis have been killed", "130 Palestinians killed in a week", "Three Israelis have died"
    (a people's name, a plural proper noun, counts its people)."""
    if noun is None or noun.tag_ not in ("NNS", "NNPS") or noun.lower_ in NOT_VICTIMS:
        return False
    harmed = KILL | INJURE | SHOOT
    if noun.dep_ == "nsubjpass" and noun.head.lemma_.lower() in harmed:
        return True
    if noun.dep_ == "nsubj" and noun.head.lemma_.lower() == "die" and not _negated(noun.head):
        return True
    # a participle after the noun: "the more than 130 Palestinians killed in a week of fighting"
    return any(c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in harmed and not _negated(c)
               for c in noun.children)


def _state_after(group) -> str:
    last = group[-1]
    nxt = last.nbor(1).lower_ if last.i + 1 < len(last.doc) else ""
    if nxt in ("dead", "killed"):
        return "people_killed"
    if nxt in ("injured", "wounded", "hurt"):
        return "people_injured"
    return "other"


def _more_people(group) -> str:
    """ "identified two people found dead and two more who were injured": "two more" beside people counts
    people too, and a relative clause after it is theirs, though the parser hangs it on the first item."""
    last = group[-1]
    more = last.head
    if last.dep_ != "nummod" or more.lower_ != "more" or more.dep_ != "conj" or more.head.lower_ not in PEOPLE_NOUNS:
        return "other"
    clauses = [c for c in (*more.children, *more.head.children) if c.dep_ == "relcl" and c.i > more.i
               and not _negated(c) and not _shooter_clause(c)]
    lemmas = {c.lemma_.lower() for clause in clauses for c in (clause, *clause.conjuncts)}
    metric = metric_for("people", lemmas, None)
    return metric if metric in CASUALTY_METRICS else "other"


def _toll_rose_to(group, before: list[Figure]) -> str:
    """ "The death toll rose to three": people killed; "four people were injured; that number was later raised
    to five": the count told before in the sentence, raised."""
    last = group[-1]
    if _death_toll_at(last) is not None:
        return "people_killed"
    verb = last.head.head
    if last.dep_ != "pobj" or last.head.lower_ != "to" or verb.lemma_.lower() not in TOLL_VERBS or _negated(verb):
        return "other"
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.lower_ not in ("number", "count"):
        return "other"
    if any(c.dep_ == "det" and c.lower_ in ("that", "the") for c in subject.children) and (
            before and before[-1].metric in CASUALTY_METRICS):
        return before[-1].metric
    return "other"


def _death_toll_at(number):
    """The "toll" token of a death toll the number tells, however told: "the death toll rose to three",
    "raising the death toll to at least 138", "the death toll now stands at about 105", "the death toll has
    topped 130"; else None."""
    if number.dep_ == "pobj" and number.head.lower_ in ("to", "at"):
        verb = number.head.head
        lemma = verb.lemma_.lower()
        if number.head.lower_ == "to" and lemma in TOLL_VERBS | TOLL_RAISING_VERBS:
            tolls = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
        elif number.head.lower_ == "at" and lemma in TOLL_STANDING_VERBS:
            tolls = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        else:
            return None
    elif number.dep_ == "dobj" and number.head.lemma_.lower() in TOLL_REACHING_VERBS:
        verb = number.head
        tolls = [c for c in verb.children if c.dep_ == "nsubj"]
    else:
        return None
    if _negated(verb):
        return None
    return next((toll for toll in tolls if toll.lower_ == "toll" and any(
        c.dep_ == "compound" and c.lower_ == "death" for c in toll.children)), None)


# Whom a casualty count counts, when the text names a people: "Five Israelis", "three Israeli civilians",
# "the Palestinian death toll". Counts of different peoples are never compared (see figure_conflicts). A
# people's name is a capitalized word with a demonym's ending, or one of the few without one.
_DEMONYM_ENDING = re.compile(r"[A-Z][a-z]+(?:an|i|ese|ish|ch|ic)$")
_OTHER_PEOPLES = frozenset("arab jew kurd greek thai pole turk swiss scot briton serb croat uzbek muslim".split())


def _people_name(token) -> str | None:
    """"Israelis", "Israeli" -> "israeli": the singular, lowercased, when ``token`` names a people (a plural
    proper noun or an adjective; not a place's name, "three Miami teens")."""
    text = token.text
    if token.tag_ not in ("JJ", "NNPS") or not text[:1].isupper():
        return None
    singular = text[:-1] if text.endswith("s") and not text.endswith("ss") else text
    if _DEMONYM_ENDING.match(singular) or singular.lower() in _OTHER_PEOPLES:
        return singular.lower()
    return None


def counted_group(noun, number) -> str | None:
    """The people a casualty count counts: the counted noun itself ("Five Israelis have been killed"), a
    people's name on it ("three Israeli civilians") or on the death toll ("the Palestinian death toll rose
    to 138"); else None."""
    if noun is None:
        noun = _death_toll_at(number)
        if noun is None:
            return None
    elif name := _people_name(noun):
        return name
    return next((name for child in noun.children if child.dep_ == "amod" and (name := _people_name(child))), None)


def _followed_by(group, word: str) -> bool:
    last = group[-1]
    doc = last.doc
    return last.i + 1 < len(doc) and doc[last.i + 1].lower_ == word


# Headlines drop the auxiliary ("Man shot in leg on South Side", "Teen killed, 2 injured"), which the
# parser, trained on full sentences, reads as a man who shot; a pattern reads the headline's grammar.
_HEADLINE_NOUNS = "|".join(sorted(
    PEOPLE_NOUNS | {"hunter", "hunters", "sheriff", "owner"},
    key=len, reverse=True))
_HEADLINE_NOUN = f"(?:ex-|step)?(?:{_HEADLINE_NOUNS})"
# "16-year-old", "Four-year-old", "13-month old"
_HEADLINE_AGE = rf"(?:\d{{1,3}}|{_NUMBER_WORDS})[-\s](?:year|month|week)s?[-\s]old"
# Words before the person noun that are not its modifiers: "Authorities identify boy, 11, killed"; "left" opens a
# clause of its own ("shooting that injured 5-year-old, left man dead": not a list of two); "police" but in "Police
# officer shot during traffic stop".
_NOT_A_MODIFIER = (r"(?!(?:who|that|which|and|or|of|in|on|at|by|with|for|to|from|police(?!\s+officers?\b)|cops|say|says|after|as|was|is|"
                   r"were|are|being|been|shot|killed|kills|shoots|wounded|injured|identify|identified|names|named|"
                   r"found|hit|dead|kills|injures|wounds|shoot|kill|left|leaves|leaving)\b)")
_MODIFIER = rf"{_NOT_A_MODIFIER}[A-Za-z][\w'’.-]*"
# "a 2-year-old girl", "Boy, 3,", "Pine Hills teenager", "16-year-old Cambridge native".
_HEADLINE_PERSON = (rf"(?:(?:(?:a|an|the|his|her|their)\s+)?(?:{_HEADLINE_AGE}\s+)?(?:{_MODIFIER}\s+){{0,2}}?"
                    rf"{_HEADLINE_NOUN}(?:,\s*\d{{1,3}},?)?|(?:{_MODIFIER}\s+){{0,2}}?{_HEADLINE_AGE}(?:\s+{_MODIFIER}){{0,3}}?)")
_HEADLINE_NUMBER = r"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
# "4", "Two hunters", "3 Teen Boys", "1 Police Officer"
_HEADLINE_COUNT = rf"{_HEADLINE_NUMBER}(?:\s+(?:more|other))?(?:\s+(?:{_MODIFIER}\s+){{0,2}}?{_HEADLINE_NOUN})?"
# One or several: "Man, baby found dead", "Mother, Father, Toddler Dead", "10 women, 7 men wounded".
_NOT_SPEAKING = r"(?!\s+(?:says|said|say)\b)"  # "shot high school student, sheriff says": not a list
_HEADLINE_VICTIMS = (rf"{_HEADLINE_COUNT}(?:,\s+{_HEADLINE_COUNT})*(?:,?\s+and\s+{_HEADLINE_COUNT})?"
                     rf"|{_HEADLINE_PERSON}(?:,\s+{_HEADLINE_PERSON}{_NOT_SPEAKING})*(?:,?\s+and\s+{_HEADLINE_PERSON})?"
                     r"|another")  # "1 Police Officer Dead, Another Injured"
_HEADLINE_VERB = (r"(?:shot,?\s+(?:and\s+)?killed|shot|shoots|kills|killed|slain|wounded|injured|hurt|hospitalized|grazed|dies|died|dead|murdered|"
                  r"struck|hit|recovering|critical|serious|stable|suffers?\s+gunshot\s+wounds?|"
                  r"in\s+(?:critical|serious|stable|grave)\s+condition)")
_HEADLINE_ADVERB = r"(?:(?:fatally|mortally|critically|seriously|accidentally|reportedly|allegedly|apparently)\s+)"
HEADLINE_CASUALTY = re.compile(
    # a clause's start: "Police say 4 shot", "Child among 2 injured"
    rf"(?:^|[:;,]\s+|\b(?:after|as|when|while|say|says|said|reports?|among|identify|identifies|identified|"
    rf"ids|id's|names|named|mourns)\s+)(?P<victims>{_HEADLINE_VICTIMS})\s+"
    rf"(?:(?:is|was|were|are|has\s+been|have\s+been)\s+)?(?P<found>found\s+)?"
    rf"(?P<adverb>{_HEADLINE_ADVERB})?(?P<verb>{_HEADLINE_VERB})\b(?P<rest>[^,;:]*)"
    # "shooting that left 6-year-old dead", "leaves 1 dead, 4 injured"
    rf"|\b(?:left|leaves|leaving)\s+(?P<left>{_HEADLINE_VICTIMS})\s+(?P<state>dead|wounded|injured|hurt)\b", re.I)
# What follows an active verb ("Man shot wife", "Brother accidentally shot 12-year-old"): its object.
_HEADLINE_OBJECT = re.compile(rf"\s+(?!\S+\s+(?:times|rounds|shots)\b)"  # "man shot 3 times" is the man's
                              # "Man killed family, self": the man killed them
                              rf"(?:(?:a|an|the|his|her|their|its|family)\b|\d|{_HEADLINE_NOUN}\b|(?-i:[A-Z][a-z]+\s+[A-Z]))",
                              re.I)
_HEADLINE_SELF = re.compile(r"\s+(?:him|her)?self\b", re.I)
_HEADLINE_FATAL = re.compile(r"\s*(?:and\s+killed|dead|to\s+death)\b|.*\b(?:dies|died)\b", re.I)
_HEADLINE_GUNFIRE = re.compile(r"\bby\s+(?:a\s+)?(?:stray\s+)?(?:bullets?|gunfire|gunshots?|shots?)\b", re.I)
# The object of an active verb is the victim: "Man shot wife", "shooting that wounded 15-year-old",
# "Brainerd Shooting Kills 1 Person, Wounds 4" (not "shot 3 times").
HEADLINE_OBJECT_VICTIMS = re.compile(
    rf"\b(?P<adverb>(?:fatally|critically|seriously|accidentally)\s+)?"
    # not "hurts": "Hair Discrimination Hurts Black Students", "Tariffs hurt farmers"
    rf"(?P<verb>shot\s+and\s+killed|kills|killed|murders|murdered|wounds|wounded|injures|injured|grazes|grazed|shoots|shot)"
    # the words after the victims are read ahead, not taken: "kills three and wounds two" holds a second verb
    rf"\s+(?P<victims>{_HEADLINE_VICTIMS})(?!\s+(?:times|rounds|shots|bullets|others?)\b|[\w-])(?=(?P<rest>[^,;:]*))",
    re.I)
# A shooting that puts its victims in a hospital hurt them: "Accidental shooting hospitalizes juvenile", "Shooting
# lands four men in hospital", "Shooting sends woman to local hospital" (where the title tells of gunfire).
HEADLINE_HOSPITAL_VICTIMS = re.compile(
    rf"\bhospitali[sz]es\s+(?P<object>{_HEADLINE_VICTIMS})(?![\w-])"
    rf"|\b(?:sends|lands|puts)\s+(?P<sent>{_HEADLINE_VICTIMS})\s+(?:to|in|into)\s+(?:(?:the|a)\s+)?(?:local\s+|area\s+)?"
    r"hospitals?\b", re.I)
# The people a shooting was of were shot: "Arrest made in shooting of 17-year-old boy", "Sheriff: Teen's shooting
# under investigation" (whether they died, the text or "fatal" tells; not "shooting deaths of", nor "shooting of a
# video"). The owner only as the headline's subject: "suspect in officer's shooting" may tell of more people shot.
HEADLINE_SHOOTING_OF = re.compile(
    rf"\bshooting\s+of\s+(?P<object>{_HEADLINE_VICTIMS})(?![\w-])"
    rf"|(?:^|[:;,]\s+)(?P<owner>{_HEADLINE_PERSON})['’]s\s+shooting\b(?!\s+deaths?\b)", re.I)
# A gun fired that "hits" someone shot them: "Man accidentally fires gun, hits his two young sons" (where the title
# tells of a gun or a shot; not "Storm hits city").
HEADLINE_HITS = re.compile(rf"\bhits\s+(?P<victims>{_HEADLINE_VICTIMS})(?!\s+(?:times|rounds|shots|bullets|others?)\b|[\w-])",
                           re.I)
_HEADLINE_GUN_TOLD = re.compile(r"\b(?:guns?|bullets?|gunfire|gunshots?|fires|fired|shots?|shoots?|shooting|rifle|shotgun|"
                                r"pistol|handgun)\b", re.I)
# The deaths of people are their killings, however many the list names: "Teen arraigned on shooting deaths of mother,
# brother" (2 killed).
HEADLINE_DEATHS_OF = re.compile(
    rf"\b(?:deaths|killings|slayings|murders)\s+of\s+(?P<victims>{_HEADLINE_VICTIMS})(?![\w-])", re.I)
_BEFORE_AN_ADJECTIVE = frozenset("a an the as of for with and or by in at to from after his her their its".split())
_HEADLINE_KILLED = frozenset({"killed", "kills", "slain", "dies", "died", "dead", "murdered", "murders"})
_HEADLINE_INJURED = frozenset({"wounded", "wounds", "injured", "injures", "hurt", "hospitalized", "grazed", "grazes",
                               "recovering", "critical", "serious", "stable"})  # "Officer serious but stable after"


def headline_casualties(doc, reading: str, found: list[Figure], mentions: list[Mention], published: date | None,
                        outlet: str | None, place: str | None) -> list[Figure]:
    """Victims a headline tells in its own grammar ("Teen killed, 2 injured in drive-by", "Boy, 3,
    wounded in accidental shooting", "Four shot during gunbattle", "Man, baby found dead", "Police say
    4 shot"), and the object of an active verb ("Man shot wife": the wife; "shooting that wounded
    15-year-old"), where no casualty figure in ``found`` covers them. ``reading``: the title as the
    parser read it (same length, sentence case)."""
    title = doc.text
    period = periods.find_period(title)
    resolved = periods.resolve(*period, published) if period else None
    out: list[Figure] = []
    spans: list[tuple[int, int, str]] = []  # (start, end, metric) of each victim span
    for match in HEADLINE_CASUALTY.finditer(reading):
        if match.group("left"):
            group, state = "left", match.group("state").lower()
            metric = "people_killed" if state == "dead" else "people_injured"
        else:
            group, metric = "victims", _headline_metric(match)
            if metric is None:
                continue
        spans.append((*match.span(group), metric))
    for match in HEADLINE_OBJECT_VICTIMS.finditer(reading):
        verb = match.group("verb").lower()
        before = reading[:match.start()].split()
        if verb.endswith("ed") and (not before or before[-1].lower() in _BEFORE_AN_ADJECTIVE):
            continue  # an adjective: "5 hurt as wounded patron fires back"
        spans.append((*match.span("victims"), _verb_metric(verb, match.group("adverb"), match.group("rest"))))
    if _HEADLINE_GUNFIRE_TOLD.search(reading):
        spans += [(*match.span(match.lastgroup), "people_injured") for match in HEADLINE_HOSPITAL_VICTIMS.finditer(reading)]
    spans += [(*match.span(match.lastgroup), "shooting_victims") for match in HEADLINE_SHOOTING_OF.finditer(reading)]
    if _HEADLINE_GUN_TOLD.search(reading):
        spans += [(*match.span("victims"), "shooting_victims") for match in HEADLINE_HITS.finditer(reading)]
    spans += [(*match.span("victims"), "people_killed") for match in HEADLINE_DEATHS_OF.finditer(reading)]
    for start, end, metric in sorted(spans):
        victims = reading[start:end]
        value, noun, qualifier = _headline_count(victims)
        covered = [f.value for f in [*found, *out]
                   if f.metric in CASUALTY_METRICS and f.start_char < end and start < f.end_char]
        if covered and value <= max(covered):
            continue  # the parse counted them ("10 women, 7 men wounded" is more than its "7 men": 17)
        out.append(_title_figure(doc, start, end, value, metric, noun, qualifier, resolved, mentions, place, outlet))
    return out


def _title_figure(doc, start: int, end: int, value: float, metric: str, noun: str | None, qualifier: str,
                  resolved: periods.Period | None, mentions: list[Mention], place: str | None,
                  outlet: str | None) -> Figure:
    """A figure the title tells in words its parse does not reach: offsets and sentence are the title's."""
    title = doc.text
    return Figure(
        start_char=start, end_char=end, value=value, metric=metric, counted_noun=noun,
        qualifier=qualifier, period_label=resolved.label if resolved else None,
        period_start=resolved.start if resolved else None, period_end=resolved.end if resolved else None,
        location=_location(doc[:], start, mentions, place), attributed_to=outlet,
        mention_text=title[start:end], sentence=title.strip())


# A death the title tells without counting anyone: "Suspect arrested in fatal Grove City shooting", "charged in
# teen's shooting death", "Helena teen appears on homicide charge". Not "attempted murder", nor an event in the
# plural ("shooting deaths", "murders"), which may be many.
_HEADLINE_DEATH_EVENT = re.compile(
    r"\b(?:fatal|deadly)\s+(?:[\w'’.-]+\s+){0,3}?(?:shooting|gunfight|shootout|accident)\b(?!s)"
    r"|\bshooting\s+death\b(?!s)|(?<!attempted\s)\b(?:murder|homicide)\b"
    # someone whose death the headline grammar does not reach: "Teen dropped off by van, then shot dead", "Missing
    # teen was beaten, shot to death", "Student takes own life in parking lot", "Child death investigated as
    # apparent suicide"
    r"|\bshot\s+(?:dead|to\s+death)\b|\b(?:takes?|took)\s+(?:(?:his|her)\s+)?own\s+life\b"
    r"|\b(?:apparent|possible|suspected)\s+suicide\b", re.I)
# "Wounded teen found outside restaurant dies at hospital", "Rapper dies after being shot in head": a death, where
# the title tells of gunfire ("Senator dies at 90" is no killing).
_HEADLINE_DIES = re.compile(r"\b(?:dies|died)\b", re.I)
_HEADLINE_GUNFIRE_TOLD = re.compile(r"\b(?:shot|shooting|gunfire|gunshot|bullet|wounded)\b", re.I)


def headline_death(doc, told: list[Figure], mentions: list[Mention], published: date | None, outlet: str | None,
                   place: str | None) -> list[Figure]:
    """One person killed at least, when the title tells of a death in a killing's name ("fatal shooting",
    "shooting death", "murder"), in words its headline grammar does not reach ("then shot dead", "takes own
    life", "apparent suicide"), or as "dies" beside gunfire, and no figure of the article (``told``: the text's
    and the title's) counts anyone killed; two at least when the title names a murder-suicide and no figure counts
    two dead."""
    suicide = MURDER_SUICIDE.search(doc.text)
    if suicide is not None and not any(figure.metric == "people_killed" and figure.value >= 2 for figure in told):
        # "Girl, 4, died in apparent murder-suicide": the one killed and the one who killed himself, two at least
        match, least = suicide, 2.0
    else:
        match, least = _HEADLINE_DEATH_EVENT.search(doc.text), 1.0
        if match is None and _HEADLINE_GUNFIRE_TOLD.search(doc.text):
            match = _HEADLINE_DIES.search(doc.text)
        if match is None or any(figure.metric == "people_killed" for figure in told):
            return []
    period = periods.find_period(doc.text)
    resolved = periods.resolve(*period, published) if period else None
    start, end = match.span()
    return [_title_figure(doc, start, end, least, "people_killed", None, "at_least", resolved, mentions, place, outlet)]


def _headline_metric(match) -> str | None:
    """What the headline's verb did to its subject; None when the subject did it to someone else."""
    verb, rest = match.group("verb").lower(), match.group("rest")
    if _HEADLINE_SELF.match(rest):
        pass  # "Boy, 4, shoots self in groin": his own victim
    elif verb in ("shoots", "kills") or verb not in ("dies", "died", "dead", "slain") and (
            _HEADLINE_OBJECT.match(rest) or re.match(r"\s*(?:at|up)\b", rest)):
        return None  # active ("shot his wife") or not a person hit ("shot at", "shot up")
    if (verb in ("hit", "struck") or verb == "hurt" and rest.lstrip().lower().startswith("by ")) and (
            not _HEADLINE_GUNFIRE.match(rest.lstrip())):
        return None  # "hit by a car", "Workers hurt by tariffs"
    return _verb_metric(verb, match.group("adverb"), rest)


def _verb_metric(verb: str, adverb: str | None, rest: str) -> str:
    """The casualty a headline's verb (lowercased), its adverb and the words after it tell."""
    if verb.endswith("killed") or verb in _HEADLINE_KILLED or (adverb or "").lower().startswith(
            ("fatally", "mortally")) or _HEADLINE_FATAL.match(rest):
        return "people_killed"  # "shot, killed", "shot and killed", "fatally shot", "shot dead"
    if verb in _HEADLINE_INJURED or verb.startswith("in "):
        return "people_injured"
    return "shooting_victims"


# The person nouns in the plural: "teenagers", "others", "men", "children".
_PLURAL_PEOPLE = frozenset(noun for noun in PEOPLE_NOUNS | {"hunters"} if noun.endswith("s") and not noun.endswith("ss")
                           or noun in ("men", "women", "children", "grandchildren", "people", "gunmen"))


def _headline_count(victims: str) -> tuple[float, str, str]:
    """(how many, counted noun, qualifier): "Four" (4, people), "10 women, 7 men" (17), "Man, baby" (2),
    "Boy, 3," (1, boy), "teenagers" (2, at least)."""
    items = [item for item in re.split(r",\s*|\s+and\s+", re.sub(r",\s*\d{1,3}(?:,|$)", "", victims)) if item.strip()]
    numbers = [words_to_number(item.split()[:1]) for item in items]
    if all(number is not None for number in numbers) and not re.match(_HEADLINE_AGE, items[0]):
        nouns = re.findall(_HEADLINE_NOUN, victims, re.I)
        return float(sum(numbers)), (nouns[0].lower() if len(items) == 1 and nouns else "people"), "exact"
    if len(items) > 1:
        # "Mom, two sons died": one person beside a count (3)
        return float(sum(1 if number is None else number for number in numbers)), "people", "exact"
    named = re.findall(rf"\b{_HEADLINE_NOUN}\b", victims, re.I) or re.findall(_HEADLINE_AGE, victims, re.I)
    noun = (named[-1] if named else victims.split()[0]).lower()
    # "Teenagers fatally shot", "2 dead, others injured": people in the plural are two at least
    if named and noun in _PLURAL_PEOPLE:
        return 2.0, noun, "at_least"
    return 1.0, noun, "exact"
