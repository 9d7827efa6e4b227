"""Gun-violence incidents: does an article's toll match the incident's gold counts?

An article's "people killed" is the largest ``people_killed`` figure extracted
from it (0 when there is none), likewise for injured. The largest, because a
story often gives partial counts before the total ("one man died at the scene
... three people were killed"). An article is correct when both equal the Gun
Violence Archive counts of its incident. The gold counts are per incident, so
an early article can be right for its time and still be scored wrong; that
caps what any extractor can reach here.

The texts are raw web pages, so they go through the project's own cleaning, as
ingestion would do; the document date (``dct``) is the publication date and the
page title the article's title, whose figures count as the text's do.

Only figures about one incident make the toll. A casualty figure whose period
spans more than a month ("344 people were killed in Baltimore last year", "more
than 700 people have been shot in the city this year", "so far in 2017")
counts a year's or a season's victims, and one whose sentence counts victims
across several incidents ("four people were wounded in shootings Tuesday on
the city's South and West sides", "killed in separate shootings"), or over a
span of days ("among 11 people shot, one fatally, from Tuesday afternoon to
early Wednesday") sums many incidents: both are statistics about the place,
not this incident's toll, and the scorer leaves them out (the extractor keeps them, correctly, as figures).
A month-long period is kept: a late story dates its incident "last month".
And news tells its incident first: once the title or the lead (the first
``LEAD_CHARS`` characters) has counted people killed, later counts of people
killed are about something else (a related story, an earlier shooting on the
same corner), likewise for injured and shot.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from newsetl.extract.figures import (
    DEATH_TOLD,
    MURDER_SUICIDE,
    OBJECT_PRONOUNS,
    VICTIM_PRONOUNS,
    words_to_number,
)
from newsetl.extract.periods import longer_than_an_incident
from newsetl.ingest.clean import clean_text, is_lowercased

# "in shootings", "in two separate shootings", "during attacks", "from shootings in 2016"; "separate"
# or a number says it wherever it stands ("investigating four separate triple shootings, in which two
# people died", "Three shootings left six people wounded", "the toll of 4 shootings in 4 days").
SEVERAL_INCIDENTS = re.compile(
    r"\b(?:in|during|from)\s+(?:[\w'’-]+\s+){0,3}?(?:shootings|attacks|incidents)\b"
    r"|\b(?:separate|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:[\w-]+\s+)?"
    r"(?:shootings|attacks|incidents)\b", re.I)
# A tally of hours or days, which sums a city's shootings: "among 11 people shot, one fatally, from Tuesday
# afternoon to early Wednesday", "17 people were shot between Friday evening and Monday morning", "11 shot, 3 dead
# in less than 30 hours", "2 teens killed in 2 days" (not a date: "in two days after Christmas").
_DAY = r"(?:early |late )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
TIME_SPAN = re.compile(rf"\b(?:between|from) {_DAY}[^.;]{{0,30}}?\b(?:and|to|until|through|till) {_DAY}"
                       r"|\bin (?:the (?:past|last) |less than |just |under )?(?:\d+|two|three|four|five|six|seven)"
                       r"[- ](?:hours|days)\b(?! (?:after|before|of)\b)", re.I)
# A running count: people who "have been" hurt since a time ("at least six more people have been
# wounded in gunfire since last weekend"), not the incident's toll.
RUNNING_COUNT = re.compile(
    r"^\s+(?:[\w'’-]+\s+){0,4}?(?:have|has) been (?:[\w-]+ ){0,2}?(?:shot|wounded|killed|injured|murdered)\b"
    r"[^.;]*?\bsince\b", re.I)
# A count told as an earlier report that was later corrected: "Police had originally said that seven people were shot,
# but amended that number to four".
EARLIER_REPORT = re.compile(
    r"\b(?:originally|initially|first|earlier)\s+(?:said|reported|thought|believed|stated)\b[^.;]*$", re.I)
CORRECTED_AFTER = re.compile(
    r"^[^.;]*\bbut\b[^.;]*\b(?:later|amended|revised|corrected|updated|lowered|raised|changed)\b", re.I)
# A part of a count ("A family of five, including three small children, was found dead"), not the count.
PART_OF_A_COUNT = re.compile(r"\bincluding\s+(?:[\w'’-]+\s+){0,2}$", re.I)
# The latest of a series ("The two most recent killings happened Thursday"), not the incident's whole count.
LATEST_OF_A_SERIES = re.compile(r"^\s+(?:most recent|latest)\b", re.I)
# A victim the sentence tells alive: "suffered non-life-threatening injuries", "her injuries were not
# life-threatening", "is in stable condition", "is expected to recover", "was treated and released", "remains
# hospitalized", came to a hospital wounded ("walked into the hospital with a gunshot wound", "went to a hospital
# for treatment of a gunshot wound", not "was taken to a hospital", told of the dead too), or was only grazed ("an
# officer was grazed by a bullet", "suffered a graze wound").
SAID_TO_LIVE = re.compile(
    r"\bnon-?\s?life[- ]threatening|\bnot (?:considered |believed to be |thought to be )?life[- ]threatening"
    r"|\b(?:stable|good|fair) condition\b|\bexpected to (?:recover|survive)\b|\bis recovering\b"
    r"|\bgrazed\b|\bgraze wounds?\b|\btreated and released\b|\b(?:remains?|is|was) (?:still )?hospitalized\b"
    r"|\b(?:walked|showed up|turned up|arrived|went|drove (?:himself|herself))\b[^.]{0,40}\bhospital\b[^.]*"
    r"\b(?:gunshot|bullet)", re.I)
# A victim told "also" hurt: "Thomas' co-actor, an 18-year-old man, was also shot", another person than those told before.
ALSO_HURT = re.compile(r"\balso (?:been )?(?:shot|wounded|injured|hit|struck|grazed)\b", re.I)
# A link to another story on the page: "RELATED: Two men shot in Midtown", "Related Coverage ...", "READ MORE: ...",
# "+ 2 dead in crash" (a list of links).
RELATED_LINK = re.compile(
    r"^\W*(?:related(?: (?:coverage|stories|story|articles?|headlines|content|links?))?\s*[:|]?|read more:?|read:|more:"
    r"|live:|watch:|see also:?)\s|^\+ ", re.I)
# A road death, told with a crash and no gun ("Lopez was killed in a motorcycle accident", "died in a car
# crash"): not a shooting's casualty. A sentence that tells a gun too keeps its dead ("was shot and crashed his car").
CRASH = re.compile(r"\b(?:crash|crashes|crashed|collision|collided|wreck)\b"
                   r"|\b(?:car|motorcycle|vehicle|traffic|bus|boating) accident\b", re.I)
GUN_TOLD = re.compile(r"\b(?:shot|shoot\w*|gun\w*|fire[ds]?|bullets?|firearms?)\b", re.I)
# About the first three paragraphs of a news story: where it tells its incident. On the dev set
# 800 to 1,200 characters give the same accuracy, 600 and 2,000 less.
LEAD_CHARS = 1000
# After twice the lead's length a story tells background: a named death there ("Chisler was charged in the
# 2010 shooting death of Tia Moody") is an earlier killing, not one of this incident's dead. On the dev set 1,500
# to 2,500 characters all gain.
BACKGROUND_CHARS = 2 * LEAD_CHARS
# A date before the story's: "in April", "on May 4", "since Jan. 1", "last year", "earlier this month", "weeks ago".
_MONTH = ("january|february|march|april|may|june|july|august|september|october|november|december"
          r"|jan\.|feb\.|aug\.|sept?\.|oct\.|nov\.|dec\.")
DATED_EARLIER = re.compile(rf"\b(?:in|on|since) (?:{_MONTH})|\blast (?:month|year)\b|\bearlier this (?:month|year)\b"
                           r"|\b(?:weeks|months|years) ago\b", re.I)
# People beside others ("a man died and three others were hurt").
OTHERS = re.compile(r"\bothers?\b", re.I)
_OTHER_AFTER = re.compile(r"^\s+other\b", re.I)  # "two other people"
# "left his accomplice dead and a resident wounded": the second of the two is someone else
LEFT_DEAD_AND = re.compile(r"\b(?:left|leaving|leaves)\s+(?:[\w'’-]+\s+){1,5}?dead,?\s+and\s+(?:[\w'’-]+\s+){0,3}$", re.I)
# The one who shot, told dead apart from the victims ("The gunman is dead", "officers killed the suspect"); not
# figures.SHOOTER_NOUNS, which also holds "himself" for the extractor's own counts.
SHOOTER_WORDS = frozenset("suspect gunman shooter attacker assailant inmate sniper".split())
# A count that holds the shooter ("Two bailiffs and the shooter were killed", "three dead, including the gunman").
SHOOTER_COUNTED = re.compile(r"\b(?:including|and|plus|along with)\s+(?:the\s+|a\s+|an\s+|one\s+)?(?:[\w'’-]+\s+){0,2}?"
                             r"(?:suspects?|gunm[ae]n|shooters?|attackers?|assailants?|inmates?|snipers?)\b", re.I)
# The shooter's name after the word for him ("Gunman Omar Smith was killed", "the suspect, John Doe, died").
SHOOTER_BEFORE_A_NAME = re.compile(r"\b(?i:gunman|shooter|suspect|attacker|assailant|sniper)\s*,?\s*(?:[A-Z][\w'’.-]*\s+){0,3}$")
# A death the shooter gave himself: the one dead in its sentence is the shooter ("He died of a self-inflicted gunshot
# wound", "The gunman then took his own life").
SUICIDE_TOLD = re.compile(
    r"\bself[- ]inflicted\b|\b(?:killed|killing|kills|shot|shooting|shoots) (?:himself|herself)\b"
    r"|\b(?:took|taking|takes|take) (?:his|her) own life\b|\bcommit(?:ted|ting|s)? suicide\b"
    r"|\bturn(?:ed|ing|s)? the (?:gun|weapon|rifle|handgun|pistol|shotgun) on (?:himself|herself)\b", re.I)
# A count the extractor ends at the shooter's own death ("killed his son and then himself": 2), which holds him.
SHOOTERS_OWN_DEATH = frozenset("himself herself life suicide".split())
# Words that count anyone, the shooter too ("four people are dead"), unless a killing verb stands before them
# ("the gunman who killed 49", "a shooting that killed two people": his victims).
ANYONE = frozenset(["", "people", "person", "persons", "others", "dead"])
KILLING_BEFORE = re.compile(r"\b(?:killed|killing|kills|murdered|murdering|gunned down)\s+(?:at least\s+|more than\s+)?$",
                            re.I)
KILLED = "people_killed"
INJURED = "people_injured"
SHOT = "shooting_victims"


@dataclass(frozen=True)
class Incident:
    incident_uri: str
    num_killed: int
    num_injured: int


@dataclass(frozen=True)
class GunDocument:
    doc_id: str
    incident_uri: str
    text: str
    dct: date | None
    title: str | None = None


@dataclass(frozen=True)
class Toll:
    killed: float
    injured: float


# What an article with no casualty figure counts as; scoring every article with it
# gives the floor to read the accuracies against (many incidents have no deaths).
NO_TOLL = Toll(0.0, 0.0)


def parse_dct(raw: object) -> date | None:
    try:
        return date.fromisoformat(str(raw)[:10])
    except ValueError:
        return None


def parse_incidents(lines: Iterable[str]) -> dict[str, Incident]:
    incidents = {}
    for line in lines:
        if line.strip():
            row = json.loads(line)
            incidents[str(row["incident_uri"])] = Incident(
                str(row["incident_uri"]), int(row["num_killed"]), int(row["num_injured"]))
    return incidents


def parse_documents(lines: Iterable[str]) -> list[GunDocument]:
    documents = []
    for line in lines:
        if line.strip():
            row = json.loads(line)
            documents.append(GunDocument(str(row["doc_id"]), str(row["incident_uri"]), row["text"],
                                         parse_dct(row.get("dct")), row.get("title")))
    return documents


INCIDENTS_FILE = "incidents.dev.jsonl"
DOCUMENTS_FILE = "documents.dev.jsonl"


def read_dataset(folder: Path, limit: int | None = None) -> tuple[list[GunDocument], dict[str, Incident], int]:
    """Documents with a gold incident (first ``limit``), the incidents, and how many documents had none.

    A document row is one (document, incident) pair: the few documents that
    report two incidents appear twice and are scored against each.
    """
    with (folder / INCIDENTS_FILE).open(encoding="utf-8") as handle:
        incidents = parse_incidents(handle)
    with (folder / DOCUMENTS_FILE).open(encoding="utf-8") as handle:
        documents = parse_documents(handle)
    known = [document for document in documents if document.incident_uri in incidents]
    return known[:limit], incidents, len(documents) - len(known)


def articles(documents: list[GunDocument]) -> list[dict]:
    out = []
    for index, document in enumerate(documents):
        text = clean_text(document.text)
        out.append({"article_id": str(index), "clean_text": text, "is_lowercased": is_lowercased(text),
                    "published_date": document.dct, "outlet": None, "title": document.title})
    return out


def tolls_from_figures(figure_rows: Iterable[Mapping], n_documents: int) -> list[Toll]:
    """Each document's toll from ``Extraction.figures`` (article ids ``"0"``..), statistics left out.

    Killed: the largest ``people_killed`` figure, or the number of distinct named
    people killed if larger (victims named one by one are figures of 1 whose
    counted noun is the name; "Felder" and "Antrez Felder" are one person). The
    Gun Violence Archive counts as injured everyone shot and not killed, so people
    shot beyond those killed count as injured ("four teens were shot, one
    fatally": 1 killed, 3 injured). A lone victim described as wounded without a
    number ("a 9-year-old boy was wounded"), and a named person who was only
    "shot", count as people shot, not as more injured: stories tell how a victim
    was hurt before saying they died ("Owen Hicks was shot by his friend" beside
    "the 20-year-old man ... died" is one person, killed); for the same reason a
    named person told as wounded counts as injured only beyond the dead counted
    without a name ("Amaya Shafi suffered a gunshot wound" beside "the child died").
    A lone victim whose own sentence tells them alive ("the man was taken to the
    hospital in stable condition", "suffered non-life-threatening injuries", "was
    shot and is expected to recover", "was grazed by a bullet"), or told hurt in a sentence that tells of
    someone killed ("fatally shot his daughter and wounded his wife") or after the dead of a "left ... dead and" ("a
    shootout that left his accomplice dead and a resident wounded"), or in a
    headline that tells a death ("Shooting that wounded 7-year-old, left woman
    dead"), or told "also" shot ("his co-actor was also shot"), is not one of the dead: injured. A count of people hurt that is as large as the count of
    people shot, told in sentences with no death, no "others" and nothing that tells them alive ("Two men are in
    stable condition" beside two dead: 2 injured) in them, counts
    everyone shot before some of them died ("Six people were shot, leaving one
    man dead. ... Five men and one woman were injured": 5 injured, not 6). A
    count of victims hurt and "others" counted hurt in the very next sentence are
    parts of one group ("Two victims were hospitalized. Three others were
    treated at the scene": 5). A shooter told dead on his own ("the gunman was killed by police") beside a count
    of his victims ("shot and killed three police officers") is one more dead (4), not one of those shot.
    One dead where the title or the lead tells a murder-suicide ("Girl, 4, died in apparent murder-suicide") is
    two: the victim and the one who shot her.
    People counted as "other(s)" shot beside the dead of their sentence are alive, more
    than the dead ("Man killed, 3 other shot": 1 killed, 3 injured).
    """
    largest: list[dict[str, float]] = [{} for _ in range(n_documents)]
    named: list[dict[str, set[str]]] = [{KILLED: set(), INJURED: set(), SHOT: set()} for _ in range(n_documents)]
    hurt_beside_a_death: list[set[float]] = [set() for _ in range(n_documents)]  # counts of injured told so
    figure_rows = list(figure_rows)
    rows = _the_leads_counts(figure_rows)
    told_dead = {(row["article_id"], row["sentence"]) for row in rows if row["metric"] == KILLED and row.get("sentence")}
    counted = {(row["article_id"], row.get("sentence")) for row in rows if float(row["value"]) > 1}
    # a headline that tells a death in words, whoever its dead are counted by ("Shooting that wounded 7-year-old, left
    # woman dead": the woman may be counted once, by the story's own sentence)
    told_dead |= {(row["article_id"], row["sentence"]) for row in rows
                  if row.get("in_headline") and DEATH_TOLD.search(row.get("sentence") or "")}
    for row in rows:
        metric = row["metric"]
        index = int(row["article_id"])
        noun = row.get("counted_noun") or ""
        if noun[:1].isupper():
            named[index][metric].add(noun)
            continue  # counted by name below, whatever happened to the person in other sentences
        if metric in (INJURED, SHOT) and _is_lone_victim(row):
            # "an adult man was also shot and is expected to recover": hurt, whatever the verb
            # "fatally shot his daughter and wounded his wife": told hurt beside the dead of its own sentence, another
            # person, alive (not a pronoun, which may be the dead again: "he was wounded and died")
            beside_the_dead = metric == INJURED and noun not in VICTIM_PRONOUNS and (
                (row["article_id"], row.get("sentence")) in told_dead or _left_dead_before(row))
            # "Thomas' co-actor, an 18-year-old man, was also shot": someone beside the people told before, alive (not
            # "he was also shot in the leg", nor one of a count: "a fourth person was also shot")
            also_hurt = noun not in VICTIM_PRONOUNS and (row["article_id"], row.get("sentence")) not in counted and bool(
                ALSO_HURT.search(row.get("sentence") or ""))
            metric = INJURED if beside_the_dead or also_hurt or SAID_TO_LIVE.search(row.get("sentence") or "") else SHOT
        if metric == SHOT and (row["article_id"], row.get("sentence")) in told_dead and (
                noun in ("other", "others") or _counts_others(row)):
            # "Man killed, 3 other shot": people shot beside the dead of their sentence are more than the dead, alive
            metric = INJURED
        largest[index][metric] = max(largest[index].get(metric, 0.0), float(row["value"]))
        sentence = row.get("sentence") or ""
        # "A woman and a man are in stable condition": a count told alive is of the living hurt, not of everyone shot
        # before some died, like one told beside the dead or beside "others"
        if metric == INJURED and (DEATH_TOLD.search(sentence) or OTHERS.search(sentence) or SAID_TO_LIVE.search(sentence)):
            hurt_beside_a_death[index].add(float(row["value"]))
    for index, total in _hurt_in_parts(rows).items():
        largest[index][INJURED] = max(largest[index].get(INJURED, 0.0), total)
    victims_of_a_dead_shooter = _victims_beside_a_dead_shooter(rows, figure_rows)
    # the title or the lead tells a murder-suicide ("in an apparent murder-suicide", not an attempted one): two dead at
    # least, someone killed and the shooter dead by his own hand
    murder_suicide = {row["article_id"] for row in figure_rows if _in_lead(row)
                      and MURDER_SUICIDE.search(row.get("sentence") or "")}
    tolls = []
    for index, (counts, names, beside_a_death) in enumerate(zip(largest, named, hurt_beside_a_death, strict=True)):
        killed_names = _distinct_people(names[KILLED])
        hurt_names = [name for name in _distinct_people(names[KILLED] | names[INJURED])
                      if not any(_same_person(name, other) for other in names[KILLED])]
        shot_names = _distinct_people(names[KILLED] | names[INJURED] | names[SHOT])
        killed = max(counts.get(KILLED, NO_TOLL.killed), len(killed_names))
        shot = max(counts.get(SHOT, 0.0), len(shot_names))
        # a named victim told as wounded may be one of the dead counted without a name ("Amaya Shafi
        # suffered a single gunshot wound ... the child died")
        unnamed_dead = max(0.0, killed - len(killed_names))
        hurt = counts.get(INJURED, NO_TOLL.injured)
        if killed and hurt >= 2 and hurt == counts.get(SHOT) and hurt not in beside_a_death:
            # "five people were hospitalized ... one of them has died": the hurt, counted before a death and as many
            # as the people shot, are everyone shot
            hurt = NO_TOLL.injured
        injured = max(hurt, shot - killed, len(hurt_names) - unnamed_dead)
        # the shooter dead beside his victims is one more dead, not one of the victims shot
        killed = max(killed, victims_of_a_dead_shooter.get(index, -1.0) + 1)
        if killed == 1 and str(index) in murder_suicide:
            killed = 2.0  # "Girl, 4, died in apparent murder-suicide": she and the one who shot her
        tolls.append(Toll(killed, injured))
    return tolls


def _the_leads_counts(figure_rows: Iterable[Mapping]) -> list[Mapping]:
    """The casualty figures of the incident, statistics left out. News tells the incident first
    (the inverted pyramid): once the title or the lead (its first ``LEAD_CHARS`` characters) has
    counted people killed, later counts of people killed are about something else ("Her 14-year-old
    niece had been killed in a drive-by ... a few years ago", a related story's toll), likewise for
    injured and shot; a count the lead does not give is taken from anywhere in the text. A name or an
    object pronoun ("killing him") in the lead is one person, not the lead's count, and neither is a part
    of a count ("including three small children"). A lead that counts the hurt and tells no death ("Four
    people were wounded in a shooting Sunday") tells a shooting no one died in: a death told after it is
    another incident's ("In April, a teen was shot and killed on the same block"), and so is a count of people
    shot told after it ("two people were shot late Sunday night"), but not people "other" than the
    lead's lone victim ("the shooting that left two other people dead and three others injured": dead beside her,
    and three hurt beside her, four). A link to another story
    ("RELATED: 1 dead, 1 wounded in Park Hill shooting") gives the toll only of a page that tells none itself
    (a short page whose links are its own story's). A named death told after ``BACKGROUND_CHARS`` is an earlier
    killing the story recounts ("he was charged in the 2010 shooting death of Tia Moody"), and so is one death told
    after the lead with a date of its own ("a teen was shot and killed on the same corner in April"). A death or a hurt told
    with a crash and no gun ("killed in a motorcycle accident") is a road casualty, not a shooting's. A title's
    count that the text gives as a tally of many incidents is that tally."""
    casualties = [row for row in figure_rows if row["metric"] in (KILLED, INJURED, SHOT)]
    # "2 dead, 2 injured during violent 24 hours" above "Two people are dead ... following several separate
    # shootings overnight": the title repeats the text's tally of many incidents (a count of a longer period
    # is another matter: "Teen slain" above "the second student killed this year" is the incident)
    tallies = {_count_of(row) for row in casualties if not row.get("in_headline") and _is_statistic(row)
               and not longer_than_an_incident(row.get("period_start"), row.get("period_end"))}
    rows = [row for row in casualties if not _is_statistic(row) and not _is_corrected(row)
            and not (row.get("in_headline") and _count_of(row) in tallies)
            and not _is_a_named_death_told_late(row) and not _is_hurt_in_a_crash(row)
            and not _is_a_death_dated_earlier(row)]
    # a link to another story ("RELATED: 2 dead in crash") tells the page's toll only where the page tells none
    told = {row["article_id"] for row in rows if not _is_a_link(row)}
    rows = [row for row in rows if row["article_id"] not in told or not _is_a_link(row)]
    in_lead = {(row["article_id"], row["metric"]) for row in rows if _in_lead(row)
               # an object pronoun ("exchanged gunfire with the suspect, killing him"), like a name, counts
               # someone the text tells of elsewhere: it does not settle the lead's count
               and not (row.get("counted_noun") or "")[:1].isupper() and row.get("counted_noun") not in OBJECT_PRONOUNS
               and not _is_a_part(row)}
    counted_lead = {(row["article_id"], row["metric"]) for row in rows if _in_lead(row) and not _is_lone_victim(row)}
    told_dead = {row["article_id"] for row in rows
                 if _in_lead(row) and (row["metric"] == KILLED or DEATH_TOLD.search(row.get("sentence") or ""))}
    no_one_died = {article for article, metric in in_lead if metric == INJURED and article not in told_dead}
    # such a lead has counted the shooting's hurt: a count of people shot told after it is another shooting's ("A
    # 16-year-old boy was seriously injured ... An 18-year-old was shot on Sunday and two people were shot late
    # Sunday night": 1 injured, not 2)
    in_lead |= {(article, SHOT) for article in no_one_died}
    # "A teen was critically injured ... the shooting that left two other people dead and three others critically
    # injured": people "other" than the lead's lone victim (told without a number), dead beside her, are the same
    # shooting's, and so are the others hurt beside them
    beside_the_lead = {(row["article_id"], _sentence_start(row)) for row in rows
                       if row["metric"] == KILLED and row["article_id"] in no_one_died and _counts_others(row)
                       and (row["article_id"], INJURED) not in counted_lead and _sentence_start(row) is not None}
    out = []
    for row in rows:
        if (row["article_id"], _sentence_start(row)) in beside_the_lead and (
                row["metric"] == KILLED or row["metric"] == INJURED and _counts_others(row)):
            # the others hurt, and the lead's lone victim
            out.append(row if row["metric"] == KILLED else {**row, "value": float(row["value"]) + 1})
        elif _in_lead(row) or (row["article_id"], row["metric"]) not in in_lead and not (
                row["metric"] == KILLED and row["article_id"] in no_one_died):
            out.append(row)
    return out


def _victims_beside_a_dead_shooter(rows: list[Mapping], all_rows: list[Mapping]) -> dict[int, float]:
    """ "A gunman shot and killed three police officers ... The gunman was killed by a SWAT officer": where the
    story tells the shooter dead on his own (wherever it stands: his death is often told after the lead), as "the
    suspect" or "the gunman" without a number, by the name it gives him ("Gunman Omar Smith was killed"), or dead
    in a sentence that tells a suicide ("He died of a self-inflicted gunshot wound after killing two men"), a count
    of two or more dead that names who they were ("three officers") or stands after a killing verb ("the gunman
    who killed 49") counts his victims, and he is one more. Not a count of "people" ("Four people are dead": the
    shooter may be one), nor a count that holds him ("Two bailiffs and the shooter were killed"; the extractor's
    "killed his son and then himself": 2), nor one dead ("One person was killed in an officer-involved shooting":
    the suspect). The largest count of the victims per article."""
    shooter_dead = {row["article_id"] for row in all_rows if row["metric"] == KILLED and _is_lone_victim(row)
                    and ((row.get("counted_noun") or "").lower() in SHOOTER_WORDS or _a_shooter_named(row)
                         or SUICIDE_TOLD.search(row.get("sentence") or ""))
                    and not _is_statistic(row)}
    victims: dict[int, float] = {}
    for row in rows:
        if (row["article_id"] in shooter_dead and row["metric"] == KILLED and float(row["value"]) >= 2
                and (row.get("mention_text") or "").lower() not in SHOOTERS_OWN_DEATH
                and ((row.get("counted_noun") or "").lower() not in ANYONE or _after_a_killing_verb(row))
                and not SHOOTER_COUNTED.search(row.get("sentence") or "")):
            index = int(row["article_id"])
            victims[index] = max(victims.get(index, 0.0), float(row["value"]))
    return victims


def _a_shooter_named(row: Mapping) -> bool:
    """ "Gunman Omar Mateen was killed", "the shooter, John Smith, was shot dead": a name the sentence gives the
    shooter."""
    sentence, _, at = _mention_at(row)
    return (row.get("counted_noun") or "")[:1].isupper() and at > 0 and bool(SHOOTER_BEFORE_A_NAME.search(sentence[:at]))


def _after_a_killing_verb(row: Mapping) -> bool:
    """ "the gunman who killed 49", "the shooting that killed two people": a count of someone's victims."""
    sentence, _, at = _mention_at(row)
    return at > 0 and bool(KILLING_BEFORE.search(sentence[:at]))


def _left_dead_before(row: Mapping) -> bool:
    """ "a shootout that left his accomplice dead and a resident wounded": the victim told after the dead of a "left
    ... dead and", whoever the dead are counted by."""
    sentence, _, at = _mention_at(row)
    return at > 0 and bool(LEFT_DEAD_AND.search(sentence[:at]))


def _counts_others(row: Mapping) -> bool:
    """ "two other people", "three others": a number of people beside someone told before."""
    sentence, mention, at = _mention_at(row)
    return at >= 0 and words_to_number(mention.split()) is not None and bool(
        _OTHER_AFTER.match(sentence[at + len(mention):]) or row.get("counted_noun") == "others")


def _count_of(row: Mapping) -> tuple[str, str, float]:
    return row["article_id"], row["metric"], float(row["value"])


def _hurt_in_parts(rows: list[Mapping]) -> dict[int, float]:
    """ "Two victims were hospitalized with major injuries. Three others were treated at the scene": a count of
    the hurt, and "others" counted hurt in the very next sentence, are parts of one group (5 injured). Only
    where neither sentence tells of a death or counts anyone else."""
    by_sentence: dict[tuple[str, int], list[Mapping]] = {}
    for row in rows:
        start = _sentence_start(row)
        if start is not None:
            by_sentence.setdefault((row["article_id"], start), []).append(row)
    totals: dict[int, float] = {}
    for (article, start), told in by_sentence.items():
        if len(told) != 1 or not _counts_others_hurt(told[0]):
            continue
        before = [(key, earlier) for key, earlier in by_sentence.items() if key[0] == article and key[1] < start
                  and 0 <= start - key[1] - len(earlier[0].get("sentence") or "") <= 3]
        if len(before) != 1 or len(before[0][1]) != 1:
            continue
        first = before[0][1][0]
        noun = first.get("counted_noun") or ""
        if first["metric"] == INJURED and noun in ("victim", "victims") and _a_number_with_no_death(first):
            index = int(article)
            totals[index] = max(totals.get(index, 0.0), float(first["value"]) + float(told[0]["value"]))
    return totals


def _counts_others_hurt(row: Mapping) -> bool:
    """ "Three others were treated at the scene": a number of others hurt, in a sentence that tells no death."""
    return row["metric"] == INJURED and row.get("counted_noun") == "others" and _a_number_with_no_death(row)


def _a_number_with_no_death(row: Mapping) -> bool:
    """A count given as a number ("two", "3"), in a sentence that tells of no death."""
    return (words_to_number((row.get("mention_text") or "").split()) is not None
            and not DEATH_TOLD.search(row.get("sentence") or ""))


def _mention_at(row: Mapping) -> tuple[str, str, int]:
    """(sentence, mention text, where the mention stands in the sentence or -1)."""
    sentence, mention = row.get("sentence") or "", row.get("mention_text") or ""
    return sentence, mention, sentence.find(mention) if mention else -1


def _sentence_start(row: Mapping) -> int | None:
    _, _, at = _mention_at(row)
    return None if at < 0 or row.get("start_char") is None else int(row["start_char"]) - at


def _is_a_part(row: Mapping) -> bool:
    """ "Five people, including three children, were killed": the three are some of the count; so are "the two
    most recent killings" of a series."""
    sentence, mention, at = _mention_at(row)
    return at >= 0 and bool(PART_OF_A_COUNT.search(sentence[:at])
                            or LATEST_OF_A_SERIES.match(sentence[at + len(mention):]))


def _is_a_named_death_told_late(row: Mapping) -> bool:
    """ "... was charged in the 2010 shooting death of Tia Moody", told after ``BACKGROUND_CHARS``: an earlier
    killing the story recounts."""
    return (row["metric"] == KILLED and (row.get("counted_noun") or "")[:1].isupper() and not row.get("in_headline")
            and (row.get("start_char") or 0) >= BACKGROUND_CHARS)


def _is_a_death_dated_earlier(row: Mapping) -> bool:
    """ "A 17-year-old was shot and killed in the same block in April", "his brother was killed last year", told
    after the lead: one death told with a date of its own before the story's, an earlier killing the story recalls."""
    return (row["metric"] == KILLED and float(row["value"]) == 1.0 and not row.get("in_headline")
            and (row.get("start_char") or 0) >= LEAD_CHARS and bool(DATED_EARLIER.search(row.get("sentence") or "")))


def _is_hurt_in_a_crash(row: Mapping) -> bool:
    """ "Lopez was killed in a motorcycle accident": killed or hurt in a crash, told with no gun."""
    sentence = row.get("sentence") or ""
    return row["metric"] in (KILLED, INJURED) and bool(CRASH.search(sentence)) and not GUN_TOLD.search(sentence)


def _is_a_link(row: Mapping) -> bool:
    """ "RELATED: Two men shot in Midtown", "+ 1 dead, 1 wounded in Park Hill shooting": a link to another story."""
    return bool(RELATED_LINK.match(row.get("sentence") or ""))


def _in_lead(row: Mapping) -> bool:
    return bool(row.get("in_headline")) or (row.get("start_char") or 0) < LEAD_CHARS


def _is_corrected(row: Mapping) -> bool:
    """ "Police had originally said that seven people were shot, but amended that number to four": an earlier
    report's count, which the sentence goes on to correct."""
    sentence, mention, at = _mention_at(row)
    return at > 0 and bool(EARLIER_REPORT.search(sentence[:at])) and bool(CORRECTED_AFTER.match(sentence[at:]))


def _is_statistic(row: Mapping) -> bool:
    """A figure about many incidents, not one: its period spans more than a month ("since 1999", "this
    year", "in 2015"), its sentence counts victims "in shootings" / "in separate incidents" or over a span
    of days ("from Friday evening to Monday morning", "in less than 30 hours"), or it is a running count ("six more people have been
    wounded since last weekend")."""
    if longer_than_an_incident(row.get("period_start"), row.get("period_end")):
        return True
    sentence, mention, at = _mention_at(row)
    if at >= 0 and RUNNING_COUNT.match(sentence[at + len(mention):]):
        return True
    return bool(SEVERAL_INCIDENTS.search(sentence) or TIME_SPAN.search(sentence))


def _is_lone_victim(row: Mapping) -> bool:
    """A casualty figure of 1 that the text gives without a number ("a man was wounded", not "one man")."""
    mention = row.get("mention_text")
    return float(row["value"]) == 1.0 and mention is not None and words_to_number(mention.split()) is None


def _same_person(name: str, other: str) -> bool:
    """ "Felder" and "Antrez Felder": one name's words are all in the other's."""
    words, other_words = set(name.split()), set(other.split())
    return words <= other_words or other_words <= words


def _distinct_people(names: set[str]) -> list[str]:
    """The names that are not a part of a longer name in the set."""
    return [name for name in names if not any(other != name and set(name.split()) <= set(other.split())
                                              for other in names)]


@dataclass(frozen=True)
class Accuracy:
    n: int = 0
    both: int = 0
    killed: int = 0
    injured: int = 0

    def __add__(self, other: Accuracy) -> Accuracy:
        return Accuracy(self.n + other.n, self.both + other.both, self.killed + other.killed,
                        self.injured + other.injured)

    def share(self, correct: int) -> float:
        return correct / self.n if self.n else 0.0


def compare(incident: Incident, toll: Toll) -> Accuracy:
    killed = toll.killed == incident.num_killed
    injured = toll.injured == incident.num_injured
    return Accuracy(n=1, both=int(killed and injured), killed=int(killed), injured=int(injured))


def score(documents: list[GunDocument], incidents: Mapping[str, Incident], tolls: list[Toll]) -> Accuracy:
    total = Accuracy()
    for document, toll in zip(documents, tolls, strict=True):
        total += compare(incidents[document.incident_uri], toll)
    return total
