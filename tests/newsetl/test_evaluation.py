"""Scoring and parsing of the evaluation command, on tiny inline data (never the shared gold files)."""

import csv
import gzip
import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Span

from newsetl.config import PROJECT_ROOT
from newsetl.evaluation import conll, gunviolence, newsquant, report, seeds, stories
from newsetl.ingest.articles import article_id_for
from newsetl.warehouse.stories import StoryCandidate, assign_stories

CONLL = """-DOCSTART- -X- -X- O

EU NNP B-NP B-ORG
rejects VBZ B-VP O
German JJ B-NP B-MISC
call NN I-NP O
. . O O

Peter NNP B-NP B-PER
Blackburn NNP I-NP I-PER
's POS B-NP O
visit NN I-NP O
to TO B-PP O
EU NNP B-NP B-ORG

-DOCSTART- -X- -X- O

BRUSSELS NNP B-NP B-LOC
1996-08-22 CD I-NP O
"""

NEWSQUANT = """[
 {"text": "Ford has 13000 workers and said an exit would cost it $800 million.",
  "quantities": [{"change": "=", "value": "800000000.0", "unit": "$"},
                 {"change": "=", "value": "13000.0", "unit": "workers"}]},
 {"text": "Range rises from up to 252 miles to 287 miles by 35 miles.",
  "quantities": [{"change": "up", "value": "35.0", "unit": "miles"},
                 {"change": "=", "value": "252.0-287.0", "unit": "miles"}]}
]"""

INCIDENTS = """{"incident_uri": "101", "num_killed": 1, "num_injured": 3, "doc_ids": ["a"]}
{"incident_uri": "102", "num_killed": 0, "num_injured": 1, "doc_ids": ["b"]}
"""

DOCUMENTS = """{"doc_id": "a", "incident_uri": "101", "dct": "2014-01-28", "text": "One man was killed and three people were injured.\\n\\nAdvertisement\\n\\nPolice said."}
{"doc_id": "b", "incident_uri": "102", "dct": "2014-02-04", "text": "A teen was wounded."}
{"doc_id": "c", "incident_uri": "999", "dct": "2014-02-05", "text": "An incident outside the dev set."}
"""


SHUTDOWN = "Senate leaders strike a deal to reopen the government after a three-day shutdown over Dreamers"
SHUTDOWN_2 = "The government shutdown ends as senators back a stopgap bill; Dreamers deal promised by McConnell"
EMBASSY = "Rockets hit the US embassy compound in Baghdad; no casualties reported by the embassy staff"
EMBASSY_2 = "Baghdad embassy compound struck by rockets, the second attack on the US embassy this month"


def _cluster(cluster_id: str, *articles: tuple[str, str]) -> str:
    return json.dumps({"cluster_id": cluster_id, "articles": [
        {"outlet": "X", "bias": "center", "date": day, "url": "", "title": "", "text": text} for text, day in articles]})


STORIES = "\n".join([
    _cluster("shutdown", (SHUTDOWN, "2018-01-22"), (SHUTDOWN_2, "1/23/18"), (SHUTDOWN, "2018-01-22")),
    _cluster("embassy", (EMBASSY, "2020-01-05"), (EMBASSY_2, "")),
]) + "\n"


def _blank_nlp():
    """Tokens and sentences only: enough to run the extractor's plumbing without the model."""
    from newsetl.extract.run import Pipelines

    ner, parse = spacy.blank("en"), spacy.blank("en")
    ner.add_pipe("sentencizer")
    parse.add_pipe("sentencizer")
    return Pipelines(ner=ner, parse=parse)


# ------------------------------------------------------------------ CoNLL


def test_conll_documents_are_rebuilt_from_tokens_one_sentence_a_line():
    documents = conll.parse_conll(CONLL)
    assert len(documents) == 2
    assert documents[0].text() == "EU rejects German call .\nPeter Blackburn 's visit to EU"
    assert documents[0].text(lowercase=True) == "eu rejects german call .\npeter blackburn 's visit to eu"
    assert documents[1].text() == "BRUSSELS 1996-08-22"
    assert [document.n_tokens for document in documents] == [11, 2]


def test_conll_gold_pairs_are_distinct_normalised_text_and_type_without_misc():
    first, second = conll.parse_conll(CONLL)
    assert first.gold_pairs() == {("eu", "ORG"), ("peter blackburn", "PER")}
    assert second.gold_pairs() == {("brussels", "LOC")}


@pytest.mark.parametrize(("tags", "spans"), [
    (["B-PER", "I-PER", "O", "B-LOC"], [(0, 2, "PER"), (3, 4, "LOC")]),
    (["B-LOC", "B-LOC"], [(0, 1, "LOC"), (1, 2, "LOC")]),
    (["O", "I-ORG", "I-ORG"], [(1, 3, "ORG")]),  # IOB1-style opening
    (["B-ORG", "I-PER"], [(0, 1, "ORG"), (1, 2, "PER")]),
    ([], []),
])
def test_iob_spans(tags, spans):
    assert conll.iob_spans(tags) == spans


def test_extractor_mentions_map_to_conll_types_and_other_is_ignored():
    rows = [
        {"article_id": "0", "mention_text": "Peter  Blackburn", "entity_type": "PERSON"},
        {"article_id": "0", "mention_text": "Blackburn", "entity_type": "PERSON"},
        {"article_id": "1", "mention_text": "Brussels", "entity_type": "LOCATION"},
        {"article_id": "1", "mention_text": "Twitter", "entity_type": "OTHER"},
    ]
    assert conll.pairs_from_mentions(rows, 3) == [
        {("peter blackburn", "PER"), ("blackburn", "PER")}, {("brussels", "LOC")}, set()]


def test_spacy_labels_map_to_conll_types():
    doc = _blank_nlp().ner("Peter Blackburn flew to Brussels on Monday with the EU .")
    doc.ents = [Span(doc, 0, 2, "PERSON"), Span(doc, 4, 5, "GPE"), Span(doc, 6, 7, "DATE"),
                Span(doc, 9, 10, "ORG")]
    assert conll.pairs_from_doc(doc) == {("peter blackburn", "PER"), ("brussels", "LOC"), ("eu", "ORG")}


def test_scores_are_micro_averaged_over_documents():
    gold = [{("eu", "ORG"), ("peter blackburn", "PER")}, {("brussels", "LOC")}]
    predicted = [{("eu", "ORG"), ("blackburn", "PER")}, {("brussels", "LOC"), ("monday", "ORG")}]
    counts = conll.score(gold, predicted)
    assert counts == conll.Counts(tp=2, fp=2, fn=1)
    assert (counts.precision, counts.recall) == (0.5, pytest.approx(2 / 3))
    assert counts.f1 == pytest.approx(4 / 7)
    assert conll.Counts(tp=0, fp=3, fn=2).f1 == 0.0
    assert conll.Counts().precision == conll.Counts().recall == 0.0


def test_lowercased_articles_are_flagged_as_ingestion_would():
    documents = conll.parse_conll(CONLL)
    cased, lowered = conll.articles(documents, lowercase=False), conll.articles(documents, lowercase=True)
    assert [a["is_lowercased"] for a in cased + lowered] == [False, False, True, True]
    assert lowered[1]["clean_text"] == "brussels 1996-08-22"
    assert [a["article_id"] for a in cased] == ["0", "1"]


def test_extraction_runs_in_batches_with_article_ids_kept(monkeypatch):
    monkeypatch.setattr(report, "EXTRACT_BATCH_SIZE", 1)
    snippet = ("-DOCSTART- -X- -X- O\n\nBRUSSELS NNP B-NP B-LOC\n\n-DOCSTART- -X- -X- O\n\n"
               "Chicago NNP B-NP B-ORG\nPolice NNP I-NP I-ORG\nDepartment NNP I-NP I-ORG\n")
    documents = conll.parse_conll(snippet)
    extraction, seconds = report.extract_in_batches(conll.articles(documents, lowercase=True), _blank_nlp())
    # The alias table knows the department; matched case-insensitively in lowercased text.
    assert conll.pairs_from_mentions(extraction.entity_mentions, 2) == [
        set(), {("chicago police department", "ORG")}]
    assert seconds >= 0


# ------------------------------------------------------------------ NewsQuant


@pytest.mark.parametrize(("raw", "value"), [
    ("6.0", 6.0), ("13000", 13000.0), (" 1 ", 1.0), ("252.0-287.0", None), ("3.0 - 4.0", None),
    ("nan", None), ("", None),
])
def test_parse_value(raw, value):
    assert newsquant.parse_value(raw) == value


def test_newsquant_values_found_and_ranges_skipped():
    sentences = newsquant.parse_newsquant(json.loads(NEWSQUANT))
    assert sentences[0].gold_values == (800_000_000.0, 13_000.0)
    assert sentences[1].gold_values == (35.0,)
    assert sentences[1].skipped_values == ("252.0-287.0",)
    figure_rows = [{"article_id": "0", "value": 13000.0}, {"article_id": "0", "value": 800_000_000.0 * (1 + 1e-9)},
                   {"article_id": "1", "value": 252.0}, {"article_id": "1", "value": 287.0}]
    predicted = newsquant.values_from_figures(figure_rows, 2)
    counts = newsquant.score(sentences, predicted)
    assert counts == newsquant.ValueCounts(gold=3, gold_found=2, predicted=4, predicted_matched=2, skipped_gold=1)
    assert (counts.recall, counts.precision) == (pytest.approx(2 / 3), 0.5)


def test_newsquant_articles_are_dated_nowhere_and_extracted_in_order():
    sentences = newsquant.parse_newsquant(json.loads(NEWSQUANT))
    articles = newsquant.articles(sentences)
    assert {(a["published_date"], a["outlet"], a["is_lowercased"]) for a in articles} == {(None, None, False)}
    extraction, _ = report.extract_in_batches(articles, _blank_nlp())
    values = newsquant.values_from_figures(extraction.figures, len(sentences))
    assert values[0] == [13000.0, 800_000_000.0]


# ------------------------------------------------------------------ gun violence


def test_gun_documents_and_incidents_are_parsed(tmp_path: Path):
    (tmp_path / "incidents.dev.jsonl").write_text(INCIDENTS)
    (tmp_path / "documents.dev.jsonl").write_text(DOCUMENTS)
    documents, incidents, skipped = gunviolence.read_dataset(tmp_path)
    assert [d.doc_id for d in documents] == ["a", "b"] and skipped == 1
    assert documents[0].dct == date(2014, 1, 28)
    assert incidents["101"] == gunviolence.Incident("101", 1, 3)
    assert len(gunviolence.read_dataset(tmp_path, limit=1)[0]) == 1


def test_gun_articles_are_cleaned_and_dated():
    articles = gunviolence.articles(gunviolence.parse_documents(DOCUMENTS.splitlines()))
    assert "Advertisement" not in articles[0]["clean_text"]
    assert articles[0]["published_date"] == date(2014, 1, 28)
    assert articles[0]["is_lowercased"] is False


def test_parse_dct():
    assert gunviolence.parse_dct("2016-03-01T00:00:00") == date(2016, 3, 1)
    assert gunviolence.parse_dct(None) is None
    assert gunviolence.parse_dct("March 1") is None


def test_toll_is_the_largest_figure_per_metric_and_zero_without_one():
    rows = [
        {"article_id": "0", "metric": "people_killed", "value": 1.0},
        {"article_id": "0", "metric": "people_injured", "value": 2.0},
        {"article_id": "0", "metric": "people_injured", "value": 3.0},
        {"article_id": "0", "metric": "shooting_victims", "value": 4.0},
        {"article_id": "1", "metric": "other", "value": 7.0},
    ]
    assert gunviolence.tolls_from_figures(rows, 2) == [gunviolence.Toll(1.0, 3.0), gunviolence.NO_TOLL]
    assert gunviolence.NO_TOLL == gunviolence.Toll(0.0, 0.0)


@pytest.mark.parametrize(("row", "statistic"), [
    ({"period_start": date(2016, 1, 1), "period_end": date(2016, 12, 31),
      "sentence": "A total of 344 people were killed in Baltimore last year."}, True),
    ({"period_start": date(1999, 1, 1), "period_end": date(1999, 12, 31),
      "sentence": "Since 1999 there have been 10,569 accidental shooting deaths in the U.S."}, True),
    ({"sentence": "Four people were wounded in shootings Tuesday on the city's South and West sides."}, True),
    ({"sentence": "Two people were killed and four others were hurt in three separate shootings."}, True),
    ({"sentence": "Detectives are investigating four separate triple shootings, in which two people died."}, True),
    ({"sentence": "Earlier in the day, two other shootings left three people injured."}, True),
    ({"sentence": "The toll of 4 shootings in 4 days: Marine killed, child and 7 teens injured"}, True),
    # a running count since a time, but not the incident's own count in the same sentence
    ({"mention_text": "six", "sentence": "Five people were shot Thursday on the block where at least six more "
      "people have been wounded in gunfire since last weekend."}, True),
    ({"mention_text": "Five", "sentence": "Five people were shot Thursday on the block where at least six more "
      "people have been wounded in gunfire since last weekend."}, False),
    # a tally of a span of days sums a city's shootings; one day is the incident's
    ({"sentence": "The two were among nine people shot, one fatally, from Friday night to early Saturday."}, True),
    ({"sentence": "Seven people were wounded between late Saturday and Sunday morning, police said."}, True),
    ({"sentence": "Five people were shot from a passing car late Friday."}, False),
    ({"sentence": "Nine shot, two dead in less than 24 hours in Dayton"}, True),
    ({"sentence": "Three men were killed in the city in just three days."}, True),
    ({"sentence": "The witness was shot dead in two days before the trial was to begin."}, False),  # a date
    ({"period_start": date(2016, 6, 1), "period_end": date(2016, 6, 30),
      "sentence": "A woman and her two sons were found dead in a van last month."}, False),  # a late story's incident
    ({"period_start": date(2016, 6, 4), "period_end": date(2016, 6, 4),
      "sentence": "Three people were wounded in a shooting Saturday."}, False),
])
def test_statistics_of_many_incidents_are_not_the_toll(row, statistic):
    row = {"article_id": "0", "metric": "people_killed", "value": 5.0, **row}
    expected = gunviolence.NO_TOLL if statistic else gunviolence.Toll(5.0, 0.0)
    assert gunviolence.tolls_from_figures([row], 1) == [expected]


def test_toll_takes_a_count_the_lead_gives_from_the_lead():
    def row(metric, value, start_char, noun="people"):
        return {"article_id": "0", "metric": metric, "value": value, "start_char": start_char, "counted_noun": noun,
                "mention_text": str(value)}

    rows = [
        row("people_killed", 1.0, 120, "man"),  # "A man was shot and killed early Sunday ..."
        row("people_killed", 3.0, 2400),  # "... the same corner where three people were killed in 2015"
        row("people_injured", 2.0, 3100),  # "Two other men were wounded": the lead counted no injured
    ]
    assert gunviolence.tolls_from_figures(rows, 1) == [gunviolence.Toll(1.0, 2.0)]
    headline = {**row("people_killed", 2.0, 0), "in_headline": True}  # "2 killed in Gary shooting"
    assert gunviolence.tolls_from_figures([headline, row("people_killed", 3.0, 2400)], 1) == [
        gunviolence.Toll(2.0, 0.0)]
    assert gunviolence.tolls_from_figures([row("people_killed", 3.0, 2400)], 1) == [gunviolence.Toll(3.0, 0.0)]
    # "SWAT officers exchanged gunfire with the suspect, killing him" in the lead, the 49 dead later
    assert gunviolence.tolls_from_figures([row("people_killed", 1.0, 300, "him"), row("people_killed", 49.0, 2400)],
                                          1) == [gunviolence.Toll(49.0, 0.0)]
    # a part of a count in the lead does not settle it: "A family of five, including three small children,
    # was found dead" ... "Five people, including three children, were killed"
    family = "A family of five, including three small children, was found dead in their home on Saturday."
    part = {**row("people_killed", 3.0, 0, "children"), "mention_text": "three", "sentence": family}
    assert gunviolence.tolls_from_figures([part, row("people_killed", 5.0, 1400)], 1) == [gunviolence.Toll(5.0, 0.0)]
    # nor does the latest of a series: "The two most recent killings happened late Friday" ... "Four people
    # were pronounced dead"
    latest = "The two most recent killings happened late Friday."
    series = {**row("people_killed", 2.0, 500, "killings"), "mention_text": "two", "sentence": latest}
    assert gunviolence.tolls_from_figures([series, row("people_killed", 4.0, 1300)], 1) == [gunviolence.Toll(4.0, 0.0)]


def test_toll_leaves_out_a_titles_count_that_the_text_gives_as_a_tally_of_many_incidents():
    def row(value, start_char, sentence, in_headline=False):
        return {"article_id": "0", "metric": "people_killed", "value": value, "start_char": start_char,
                "counted_noun": "people", "mention_text": str(value), "sentence": sentence, "in_headline": in_headline}

    title = row(2.0, 0, "2 dead after a violent night downtown", in_headline=True)
    tally = row(2.0, 0, "Two people died in separate shootings overnight, police said.")
    assert gunviolence.tolls_from_figures([title, tally], 1) == [gunviolence.NO_TOLL]
    # the incident's own count, repeated after the lead, leaves the title's count the toll
    lead = {**row(1.0, 300, "He was pronounced dead at the scene."), "counted_noun": "he", "mention_text": "He"}
    later = row(2.0, 2300, "A man and his son were killed, police said.")
    assert gunviolence.tolls_from_figures([title, lead, later], 1) == [gunviolence.Toll(2.0, 0.0)]


def test_toll_leaves_out_a_death_told_after_a_lead_that_counts_the_hurt_and_no_dead():
    def row(metric, value, start_char, noun, sentence):
        return {"article_id": "0", "metric": metric, "value": value, "start_char": start_char, "counted_noun": noun,
                "mention_text": str(value), "sentence": sentence}

    hurt = row("people_injured", 4.0, 80, "people", "Four people were wounded at a party on Sunday.")
    # (no date of its own, which alone tells an earlier killing: see the test below)
    earlier = row("people_killed", 1.0, 1600, "Jo Reyes", "Jo Reyes was shot and killed on the same block.")
    assert gunviolence.tolls_from_figures([hurt, earlier], 1) == [gunviolence.Toll(0.0, 4.0)]
    # a lead that tells a death, counted or not, does not rule out one told later
    deadly = {**hurt, "sentence": "Four people were wounded in a deadly shooting at a party on Sunday."}
    assert gunviolence.tolls_from_figures([deadly, earlier], 1) == [gunviolence.Toll(1.0, 4.0)]
    # nor does a lead that counts no one hurt
    assert gunviolence.tolls_from_figures([earlier], 1) == [gunviolence.Toll(1.0, 0.0)]
    # nor a count of people shot told after it: another shooting's
    others = row("shooting_victims", 2.0, 1500, "people", "Two people were shot on Elm Street on Saturday.")
    assert gunviolence.tolls_from_figures([{**hurt, "value": 1.0}, others], 1) == [gunviolence.Toll(0.0, 1.0)]


def test_toll_leaves_out_an_earlier_reports_count_that_the_sentence_corrects():
    def row(mention, value, sentence):
        return {"article_id": "0", "metric": "shooting_victims", "value": value, "start_char": 200,
                "counted_noun": "people", "mention_text": mention, "sentence": sentence}

    sentence = "Officers first reported that six people were hit, but later revised the number to three."
    assert gunviolence.tolls_from_figures([row("six", 6.0, sentence), row("three", 3.0, sentence)], 1) == [
        gunviolence.Toll(0.0, 3.0)]
    # a count told first with nothing corrected stays
    told = "Police initially said six people were hit and two of them were in critical condition."
    assert gunviolence.tolls_from_figures([row("six", 6.0, told)], 1) == [gunviolence.Toll(0.0, 6.0)]


def test_toll_leaves_out_a_link_to_another_story_where_the_page_tells_a_toll():
    def row(metric, value, start_char, sentence):
        return {"article_id": "0", "metric": metric, "value": value, "start_char": start_char, "counted_noun": "people",
                "mention_text": str(value), "sentence": sentence}

    hurt = row("shooting_victims", 3.0, 60, "Three men were shot outside a bar early Sunday.")
    links = [row("people_killed", 2.0, 1500, "RELATED: 2 dead after shooting on Route 9"),
             row("people_killed", 1.0, 1600, "+ Man killed in Eastside shooting identified"),
             row("people_killed", 4.0, 1700, "Read more: Four killed at a party in Elm Park")]
    assert gunviolence.tolls_from_figures([hurt, *links], 1) == [gunviolence.Toll(0.0, 3.0)]
    # a page that tells no toll of its own: its links are its story's
    assert gunviolence.tolls_from_figures(links[:1], 1) == [gunviolence.Toll(2.0, 0.0)]
    # "More than" opens a sentence, not a link
    more = row("people_killed", 2.0, 1500, "More than two people were killed in the shooting.")
    assert gunviolence.tolls_from_figures([hurt, more], 1) == [gunviolence.Toll(2.0, 1.0)]


def test_toll_leaves_out_a_named_death_told_after_twice_the_lead():
    def row(metric, start_char, noun, sentence, value=1.0):
        return {"article_id": "0", "metric": metric, "value": value, "start_char": start_char, "counted_noun": noun,
                "mention_text": noun.split()[-1], "sentence": sentence}

    hurt = row("shooting_victims", 40, "teen", "A teen was shot in the leg at a park on Friday.")
    earlier = row("people_killed", 2300, "Tia Moody", "In 2010 he was charged in the shooting death of Tia Moody.")
    assert gunviolence.tolls_from_figures([hurt, earlier], 1) == [gunviolence.Toll(0.0, 1.0)]
    # told in the story's first part, the named dead are the incident's
    named = {**earlier, "start_char": 900, "sentence": "Tia Moody died at the scene."}
    assert gunviolence.tolls_from_figures([hurt, named], 1) == [gunviolence.Toll(1.0, 0.0)]


def test_toll_leaves_out_one_death_told_after_the_lead_with_an_earlier_date():
    def row(metric, start_char, noun, sentence):
        return {"article_id": "0", "metric": metric, "value": 1.0, "start_char": start_char, "counted_noun": noun,
                "mention_text": noun, "sentence": sentence}

    hurt = row("shooting_victims", 40, "boy", "A boy was shot in a drive-by on Friday.")
    for sentence in ("A teen was shot and killed on the same street in April.", "His cousin was killed last year.",
                     "A man was shot dead near the school two weeks ago."):
        earlier = row("people_killed", 1200, "man", sentence)
        assert gunviolence.tolls_from_figures([hurt, earlier], 1) == [gunviolence.Toll(0.0, 1.0)]
    # told in the lead, or with no date of its own, the death is the incident's
    for start_char, sentence in ((300, "A teen was killed in April."), (1200, "A man died at the scene.")):
        dead = row("people_killed", start_char, "man", sentence)
        assert gunviolence.tolls_from_figures([hurt, dead], 1)[0].killed == 1.0


def test_toll_leaves_out_people_killed_or_hurt_in_a_crash():
    def row(metric, value, start_char, noun, sentence):
        return {"article_id": "0", "metric": metric, "value": value, "start_char": start_char, "counted_noun": noun,
                "mention_text": noun, "sentence": sentence}

    shot = row("shooting_victims", 4.0, 30, "people", "Four people were shot outside a church on Friday.")
    crashes = [row("people_killed", 1.0, 400, "Lopez", "Lopez was killed in a motorcycle accident last week."),
               row("people_killed", 1.0, 500, "driver", "A driver died in a car crash nearby."),
               row("people_injured", 2.0, 600, "two", "Two people were hurt when the cars collided.")]
    assert gunviolence.tolls_from_figures([shot, *crashes], 1) == [gunviolence.Toll(0.0, 4.0)]
    # told with a gun, the crash is the shooting's
    fled = row("people_killed", 1.0, 400, "man", "The man was shot and his car crashed into a pole.")
    assert gunviolence.tolls_from_figures([shot, fled], 1) == [gunviolence.Toll(1.0, 3.0)]


def test_toll_takes_a_named_wounded_victim_for_one_of_the_dead_counted_without_a_name():
    rows = [
        # "Amaya Shafi, age 17 months, suffered a single gunshot wound ... the child died from her injuries"
        {"article_id": "0", "metric": "people_injured", "value": 1.0, "counted_noun": "Amaya Shafi"},
        {"article_id": "0", "metric": "people_killed", "value": 1.0, "counted_noun": "child", "mention_text": "child"},
        # two dead told by name, a third person named as wounded: injured
        {"article_id": "1", "metric": "people_killed", "value": 1.0, "counted_noun": "Jo Reyes"},
        {"article_id": "1", "metric": "people_killed", "value": 1.0, "counted_noun": "Sam Lee"},
        {"article_id": "1", "metric": "people_injured", "value": 1.0, "counted_noun": "Ana Diaz"},
    ]
    assert gunviolence.tolls_from_figures(rows, 2) == [gunviolence.Toll(1.0, 0.0), gunviolence.Toll(2.0, 1.0)]


def test_gun_accuracy_needs_both_counts_right():
    documents = gunviolence.parse_documents(DOCUMENTS.splitlines())[:2]
    incidents = gunviolence.parse_incidents(INCIDENTS.splitlines())
    tolls = [gunviolence.Toll(1.0, 3.0), gunviolence.Toll(0.0, 0.0)]
    accuracy = gunviolence.score(documents, incidents, tolls)
    assert accuracy == gunviolence.Accuracy(n=2, both=1, killed=2, injured=1)
    assert accuracy.share(accuracy.both) == 0.5
    assert gunviolence.Accuracy().share(0) == 0.0


# ------------------------------------------------------------------ command


def test_data_dir_comes_from_the_environment_relative_to_the_repo(monkeypatch, tmp_path: Path):
    monkeypatch.delenv("NEWSETL_DATA_DIR", raising=False)
    # The default names the sibling data folder; nothing is read from it here.
    assert report.default_data_dir() == (PROJECT_ROOT.parent / "shared" / "data").resolve()
    monkeypatch.setenv("NEWSETL_DATA_DIR", str(tmp_path))
    assert report.default_data_dir() == tmp_path


def test_arguments(tmp_path: Path):
    for path in (report.CONLL_FILE, report.NEWSQUANT_FILE):
        (tmp_path / path).parent.mkdir(parents=True)
        (tmp_path / path).write_text("")
    args = report.parse_args(["--data-dir", str(tmp_path), "--limit", "5", "--only", "conll", "--only", "newsquant"])
    assert (args.data_dir, args.limit, args.only) == (tmp_path.resolve(), 5, ["conll", "newsquant"])
    with pytest.raises(SystemExit):
        report.parse_args(["--data-dir", str(tmp_path / "missing")])
    with pytest.raises(SystemExit):
        report.parse_args(["--data-dir", str(tmp_path), "--limit", "0"])
    with pytest.raises(SystemExit):
        report.parse_args(["--data-dir", str(tmp_path), "--only", "squad"])


def test_table_leaves_precision_and_recall_blank_for_accuracy_rows():
    table = report.render_rows([
        report.Row("conll", "entities cased, extractor", 0.5, 0.25, 1 / 3, 2, 1.31, "tp=1 fp=1 fn=3"),
        report.Row("gunviolence", "killed accuracy", None, None, 0.75, 4, None),
    ])
    lines = table.splitlines()
    assert lines[0].split() == ["dataset", "measure", "precision", "recall", "f1/acc", "n", "seconds", "note"]
    assert lines[2].split()[4:] == ["0.500", "0.250", "0.333", "2", "1.3", "tp=1", "fp=1", "fn=3"]
    assert lines[3].split()[-2:] == ["0.750", "4"]


@pytest.mark.slow
def test_report_runs_end_to_end_on_tiny_data(tmp_path: Path, capsys):
    (tmp_path / "ner" / "conll2003").mkdir(parents=True)
    (tmp_path / "ner" / "conll2003" / "dev.txt").write_text(CONLL)
    (tmp_path / "quantities").mkdir()
    (tmp_path / "quantities" / "newsquant.dev.json").write_text(NEWSQUANT)
    (tmp_path / "gunviolence").mkdir()
    (tmp_path / "gunviolence" / "incidents.dev.jsonl").write_text(INCIDENTS)
    (tmp_path / "gunviolence" / "documents.dev.jsonl").write_text(DOCUMENTS)
    (tmp_path / "stories").mkdir()
    (tmp_path / "stories" / "allsides_clusters.dev.jsonl").write_text(STORIES)
    _write_corpus(tmp_path / "corpus" / "allsides_articles.jsonl.gz")
    output = tmp_path / "results.json"
    assert report.main(["--data-dir", str(tmp_path), "--json", str(output)]) == 0
    printed = capsys.readouterr().out
    assert "entities lowercased, spaCy NER" in printed and "extractor time / NER-only time" in printed
    assert "x in CPU time" in printed and "x wall-clock" in printed
    result = json.loads(output.read_text())
    assert [(row["dataset"], row["n"]) for row in result["rows"]] == (
        [("conll", 2)] * 6 + [("newsquant", 2)] + [("gunviolence", 2)] * 3 + [("seeds", 8), ("seeds", 13), ("stories", 4),
                                                                            ("stories_in_corpus", 4)])
    assert [(speed["texts"], speed["words"]) for speed in result["speed"]] == [
        ("CoNLL dev cased", 13), ("gun-violence articles", 15)]  # "Advertisement" is cleaned away
    assert all(0.0 <= row["score"] <= 1.0 for row in result["rows"])
    assert "all-zero guess 0.000; 1 documents without a dev incident skipped" in printed


def test_side_by_side_times_each_batch_in_turn_and_keeps_the_extraction(monkeypatch, capsys):
    monkeypatch.setattr(report, "EXTRACT_BATCH_SIZE", 2)
    monkeypatch.setattr(report, "WARM_UP_TEXTS", 1)
    calls = []
    real_pipe_pairs = report.pipe_pairs

    def pipe_pairs(nlp, texts, *, ner_only):
        calls.append(list(texts))
        return real_pipe_pairs(nlp, texts, ner_only=ner_only)

    monkeypatch.setattr(report, "pipe_pairs", pipe_pairs)
    articles = [{"article_id": str(i), "clean_text": f"Text {i}: the ATF said {i + 2} people were shot.",
                 "is_lowercased": False, "published_date": None, "outlet": None} for i in range(5)]
    nlp = _blank_nlp()
    timed = report.side_by_side(articles, nlp, spacy.blank("en"), rounds=2)
    # the warm-up text, then each batch of the extraction in turn, twice
    assert [[text[:6] for text in texts] for texts in calls] == [
        ["Text 0"], ["Text 0", "Text 1"], ["Text 0", "Text 1"], ["Text 2", "Text 3"], ["Text 2", "Text 3"],
        ["Text 4"], ["Text 4"]]
    assert timed.rounds == 2
    progress = [line.split(";")[0] for line in capsys.readouterr().err.splitlines()]
    assert progress == ["  2 of 5 texts", "  4 of 5 texts", "  5 of 5 texts"]
    alone, _ = report.extract_in_batches(articles, nlp)
    assert timed.extraction.entity_mentions == alone.entity_mentions
    assert [m["article_id"] for m in timed.extraction.entity_mentions] == ["0", "1", "2", "3", "4"]
    assert min(timed.extract_seconds, timed.extract_cpu_seconds, timed.ner_only_seconds,
               timed.ner_only_cpu_seconds) >= 0


def test_side_by_side_keeps_the_fastest_round_of_each_batch_for_each_pipeline(monkeypatch):
    from newsetl.extract.run import Extraction

    # CPU seconds each call takes, in the order they run: the two warm-ups, then extract, NER, extract, NER
    took = iter([0.0, 0.0, 3.0, 1.0, 2.0, 4.0])
    clock = {"cpu": 0.0}

    class Clock:
        @staticmethod
        def process_time():
            return clock["cpu"]

        @staticmethod
        def perf_counter():
            return clock["cpu"]

    def run(*_, **__):
        clock["cpu"] += next(took)
        return Extraction(), 0.0

    monkeypatch.setattr(report, "time", Clock)
    monkeypatch.setattr(report, "extract_in_batches", run)
    monkeypatch.setattr(report, "pipe_pairs", run)
    timed = report.side_by_side([{"clean_text": "x"}], None, None, rounds=2)
    assert (timed.extract_cpu_seconds, timed.ner_only_cpu_seconds) == (2.0, 1.0)


def test_speed_ratio_is_taken_from_cpu_seconds_and_the_wall_clock_one_is_printed_beside_it():
    speed = report.Speed("gun-violence articles", 3_000, extract_seconds=4.0, ner_only_seconds=2.0,
                         full_pipeline_seconds=None, extract_cpu_seconds=3.0, ner_only_cpu_seconds=2.0)
    assert (speed.ratio, speed.wall_ratio) == (1.5, 2.0)
    assert (speed.extract_wps, speed.ner_only_wps) == (750.0, 1_500.0)
    assert report.render_speed(speed).endswith(
        "extractor time / NER-only time = 1.50x in CPU time (3.0s / 2.0s), 2.00x wall-clock")
    assert report.render_speed(replace(speed, rounds=5)).endswith(
        "2.00x wall-clock (each batch the fastest of 5 rounds in turn)")


def test_pairwise_counts_are_hand_computed():
    gold = {"a": "1", "b": "1", "c": "1", "d": "2", "e": "2"}
    predicted = {"a": "x", "b": "x", "c": "y", "d": "y", "e": "z"}
    # gold pairs ab ac bc de; predicted pairs ab cd: ab is right, cd wrong; ac bc de are missed
    counts = stories.pairwise_counts(gold, predicted)
    assert (counts.tp, counts.fp, counts.fn) == (1, 1, 3)
    assert (counts.precision, counts.recall, counts.f1) == (0.5, 0.25, pytest.approx(1 / 3))
    assert stories.pairwise_counts(gold, {key: "same" for key in gold}).precision == 0.4


def test_pair_errors_name_the_false_positive_and_missed_pairs():
    def gold(cluster_id: str, text: str) -> stories.GoldArticle:
        return stories.GoldArticle(cluster_id, StoryCandidate(text, None, text))

    a, b, c, d, e = (gold(cluster, name) for cluster, name in zip("11122", "abcde", strict=True))
    predicted = {"a": "x", "b": "x", "c": "y", "d": "y", "e": "z"}  # as in the hand-computed counts above
    errors = stories.pair_errors([a, b, c, d, e], predicted)
    assert [(error.kind, error.first.candidate.article_id, error.second.candidate.article_id,
             error.first_story, error.second_story) for error in errors] == [
        ("false_positive", "c", "d", "y", "y"),
        ("missed", "a", "c", "x", "y"), ("missed", "b", "c", "x", "y"), ("missed", "d", "e", "y", "z")]


def test_report_writes_the_wrongly_grouped_pairs_to_csv(tmp_path: Path, capsys):
    (tmp_path / "stories").mkdir()
    # a third gold story told in the embassy story's words on its day: grouping puts it with them
    again = EMBASSY + " The embassy staff were moved"
    (tmp_path / "stories" / "allsides_clusters.dev.jsonl").write_text(
        STORIES + _cluster("embassy_again", (again, "2020-01-05")) + "\n")
    errors = tmp_path / "errors.csv"
    assert report.main(["--data-dir", str(tmp_path), "--only", "stories", "--story-errors", str(errors)]) == 0
    assert f"2 wrongly grouped pairs written to {errors}" in capsys.readouterr().out
    rows = list(csv.DictReader(errors.open(encoding="utf-8")))
    # the new article with EMBASSY (same day) and with the undated EMBASSY_2
    assert sorted((row["kind"], *sorted([row["first_cluster"], row["second_cluster"]]),
                   *sorted([row["first_date"], row["second_date"]])) for row in rows) == [
        ("false_positive", "embassy", "embassy_again", "", "2020-01-05"),
        ("false_positive", "embassy", "embassy_again", "2020-01-05", "2020-01-05")]
    assert {row["first_article_id"] for row in rows} | {row["second_article_id"] for row in rows} == {
        article_id_for(EMBASSY), article_id_for(EMBASSY_2), article_id_for(again)}


def test_story_errors_need_a_story_dataset(tmp_path: Path, capsys):
    with pytest.raises(SystemExit):
        report.main(["--data-dir", str(tmp_path), "--only", "seeds", "--story-errors", str(tmp_path / "e.csv")])
    assert "--story-errors needs a story dataset" in capsys.readouterr().err


def test_gold_stream_is_deduplicated_dated_and_undated_last(tmp_path: Path):
    path = tmp_path / "clusters.jsonl"
    path.write_text(STORIES)
    articles = stories.read_clusters(path)
    # the exact copy of SHUTDOWN is one article; "1/23/18" is not ISO 8601, so undated like the missing date
    undated = sorted([("shutdown", SHUTDOWN_2), ("embassy", EMBASSY_2)], key=lambda row: article_id_for(row[1]))
    assert [(a.cluster_id, a.candidate.text, a.candidate.published_date) for a in articles] == [
        ("shutdown", SHUTDOWN, date(2018, 1, 22)), ("embassy", EMBASSY, date(2020, 1, 5)),
        *[(cluster, text, None) for cluster, text in undated]]
    assert len(stories.read_clusters(path, limit=1)) == 2


CORPUS = [
    {"text": SHUTDOWN, "date": "2018-01-22", "title": ""},  # a gold article again: left out
    {"text": EMBASSY_2 + " Officials said.", "date": "2020-01-05", "title": ""},  # joins the embassy story
    {"text": "A storm closes schools across the state as snow piles up on the roads", "date": "2019-02-01"},
    {"text": "A storm closes schools across the state as snow piles up on the roads", "date": "2019-02-01"},
]


def _write_corpus(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(path, "wt", encoding="utf-8") as corpus:
        corpus.writelines(json.dumps(record) + "\n" for record in CORPUS)


def test_corpus_articles_mixed_into_the_stream_join_stories_but_are_not_scored(tmp_path: Path):
    clusters, corpus = tmp_path / "clusters.jsonl", tmp_path / "corpus.jsonl.gz"
    clusters.write_text(STORIES)
    _write_corpus(corpus)
    others = stories.read_corpus(corpus, {a.candidate.article_id for a in stories.read_clusters(clusters)})
    assert [(c.text, c.published_date) for c in others] == [
        (EMBASSY_2 + " Officials said.", date(2020, 1, 5)), (CORPUS[2]["text"], date(2019, 2, 1))]
    stream = sorted([*(a.candidate for a in stories.read_clusters(clusters)), *others], key=stories.stream_key)
    story_of = {a.article_id: a.story_id for a in assign_stories([], stream)}
    assert story_of[others[0].article_id] == story_of[article_id_for(EMBASSY)] == story_of[article_id_for(EMBASSY_2)]
    said = []
    result = stories.evaluate(clusters, corpus=corpus, progress=said.append)
    assert said == ["  2 other articles read from corpus.jsonl.gz; grouping 6 articles"]
    # The embassy story has three members, but only its two gold articles make a pair.
    assert (result.counts.tp, result.counts.fp, result.counts.fn) == (2, 0, 0)
    assert (result.n_articles, result.n_gold, result.n_predicted, result.n_other) == (4, 2, 2, 2)
    assert stories.evaluate(clusters).n_other == 0


def test_report_names_the_missing_data_files_before_any_work(tmp_path: Path, capsys):
    (tmp_path / "stories").mkdir()
    (tmp_path / "stories" / "allsides_clusters.dev.jsonl").write_text(STORIES)
    with pytest.raises(SystemExit):
        report.main(["--data-dir", str(tmp_path), "--only", "stories_in_corpus"])
    error = capsys.readouterr().err
    assert f"not in the data folder: {tmp_path / 'corpus' / 'allsides_articles.jsonl.gz'}" in error
    assert "allsides_clusters" not in error


def test_seeds_need_no_data_folder(tmp_path: Path, capsys):
    assert report.main(["--data-dir", str(tmp_path / "absent"), "--only", "seeds"]) == 0
    assert "seeds    quote speakers" in capsys.readouterr().out


def test_stories_are_scored_without_loading_spacy(tmp_path: Path, monkeypatch, capsys):
    (tmp_path / "stories").mkdir()
    (tmp_path / "stories" / "allsides_clusters.dev.jsonl").write_text(STORIES)

    def no_spacy(*args, **kwargs):
        raise AssertionError("spaCy loaded for the stories dataset")

    monkeypatch.setattr("newsetl.extract.run.load_nlp", no_spacy)
    output = tmp_path / "results.json"
    assert report.main(["--data-dir", str(tmp_path), "--only", "stories", "--json", str(output)]) == 0
    assert "2 gold clusters, 2 predicted stories; pairs tp=2 fp=0 fn=0" in capsys.readouterr().out
    [row] = json.loads(output.read_text())["rows"]
    assert (row["dataset"], row["precision"], row["recall"], row["score"], row["n"]) == ("stories", 1.0, 1.0, 1.0, 4)


def test_toll_counts_people_shot_and_not_killed_as_injured_and_named_victims_one_by_one():
    rows = [
        {"article_id": "0", "metric": "shooting_victims", "value": 4.0, "counted_noun": "teens"},
        {"article_id": "0", "metric": "people_killed", "value": 1.0, "counted_noun": None},
        {"article_id": "1", "metric": "people_killed", "value": 1.0, "counted_noun": "Luis Aguiar"},
        {"article_id": "1", "metric": "people_killed", "value": 1.0, "counted_noun": "Maria Aguiar"},
        {"article_id": "1", "metric": "people_killed", "value": 1.0, "counted_noun": "Luis Aguiar"},
        {"article_id": "1", "metric": "shooting_victims", "value": 1.0, "counted_noun": "Pat Gonzales"},
    ]
    assert gunviolence.tolls_from_figures(rows, 2) == [gunviolence.Toll(1.0, 3.0), gunviolence.Toll(2.0, 1.0)]


@pytest.mark.slow
def test_seed_facts_are_all_found(nlp):
    figures, speakers = report.evaluate_seeds(nlp)
    assert (figures.n, figures.score, figures.note) == (8, 1.0, "all found")
    assert (speakers.n, speakers.score) == (13, 1.0)


def test_seed_score_names_what_is_missing():
    result = seeds.score([], [{"article_id": seeds.DATED, "speaker": "Rahm Emanuel"}])
    assert (result.figures_found, result.quotes_found) == (0, 0)
    assert "002: 110 homicides (exact, 2017-01-01..2017-03-09)" in result.missing
    assert "002: quotes of Rahm Emanuel 1/3" in result.missing


def test_toll_counts_a_lone_wounded_victim_as_shot_and_a_name_and_its_surname_as_one_person():
    rows = [
        # "a 9-year-old boy was wounded ... the boy died": one person, killed
        {"article_id": "0", "metric": "people_injured", "value": 1.0, "counted_noun": "boy", "mention_text": "boy"},
        {"article_id": "0", "metric": "people_killed", "value": 1.0, "counted_noun": "boy", "mention_text": "boy"},
        # "one man was killed and one injured": numbers, two people
        {"article_id": "1", "metric": "people_killed", "value": 1.0, "counted_noun": "man", "mention_text": "one"},
        {"article_id": "1", "metric": "people_injured", "value": 1.0, "counted_noun": None, "mention_text": "one"},
        # "Antrez Felder died ... Felder was wounded in the head": one person, killed
        {"article_id": "2", "metric": "people_killed", "value": 1.0, "counted_noun": "Antrez Felder"},
        {"article_id": "2", "metric": "people_injured", "value": 1.0, "counted_noun": "Felder"},
        {"article_id": "2", "metric": "shooting_victims", "value": 1.0, "counted_noun": "Aryanna"},
        {"article_id": "2", "metric": "people_injured", "value": 1.0, "counted_noun": "Aryanna Odoms"},
    ]
    assert gunviolence.tolls_from_figures(rows, 3) == [
        gunviolence.Toll(1.0, 0.0), gunviolence.Toll(1.0, 1.0), gunviolence.Toll(1.0, 1.0)]


def test_toll_counts_a_named_person_only_shot_among_those_shot_not_as_injured():
    rows = [
        # "The 20-year-old man injured in a shooting ... died. Owen Hicks was accidentally shot by his friend."
        {"article_id": "0", "metric": "people_killed", "value": 1.0, "counted_noun": "man", "mention_text": "man"},
        {"article_id": "0", "metric": "shooting_victims", "value": 1.0, "counted_noun": "Owen Hicks"},
        # two people named as shot, one of them killed: the other one is injured
        {"article_id": "1", "metric": "people_killed", "value": 1.0, "counted_noun": "Jo Reyes"},
        {"article_id": "1", "metric": "shooting_victims", "value": 1.0, "counted_noun": "Jo Reyes"},
        {"article_id": "1", "metric": "shooting_victims", "value": 1.0, "counted_noun": "Sam Lee"},
    ]
    assert gunviolence.tolls_from_figures(rows, 2) == [gunviolence.Toll(1.0, 0.0), gunviolence.Toll(1.0, 1.0)]


def test_toll_counts_a_lone_victim_told_alive_as_injured_not_as_one_of_the_dead():
    rows = [
        # "A man was found dead ... The woman was taken to the hospital in stable condition": two people
        {"article_id": "0", "metric": "people_killed", "value": 1.0, "counted_noun": "man", "mention_text": "man"},
        {"article_id": "0", "metric": "people_injured", "value": 1.0, "counted_noun": "woman", "mention_text": "woman",
         "sentence": "The woman was taken to the hospital in stable condition."},
        # "a 9-year-old boy was wounded ... the boy died": one person, killed, as before
        {"article_id": "1", "metric": "people_killed", "value": 1.0, "counted_noun": "boy", "mention_text": "boy"},
        {"article_id": "1", "metric": "people_injured", "value": 1.0, "counted_noun": "boy", "mention_text": "boy",
         "sentence": "A 9-year-old boy was wounded in the shooting."},
        # "The teenager killed ... An adult man was also shot and is expected to recover": told alive, as shot
        {"article_id": "2", "metric": "people_killed", "value": 1.0, "counted_noun": "teenager", "mention_text": "teenager"},
        {"article_id": "2", "metric": "shooting_victims", "value": 1.0, "counted_noun": "man", "mention_text": "man",
         "sentence": "An adult man was also shot and is expected to recover."},
        {"article_id": "3", "metric": "people_killed", "value": 1.0, "counted_noun": "teenager", "mention_text": "teenager"},
        {"article_id": "3", "metric": "shooting_victims", "value": 1.0, "counted_noun": "woman", "mention_text": "woman",
         "sentence": "An 18-year-old woman was also hit, but her injuries were not life-threatening, he said."},
        {"article_id": "4", "metric": "people_killed", "value": 1.0, "counted_noun": "officer", "mention_text": "officer"},
        {"article_id": "4", "metric": "people_injured", "value": 1.0, "counted_noun": "officer", "mention_text": "officer",
         "sentence": "The officer injured during this incident remains hospitalized, police said."},
        # "He killed his son and wounded his wife": told hurt beside the dead of its sentence, another person
        {"article_id": "5", "metric": "people_killed", "value": 1.0, "counted_noun": "son", "mention_text": "son",
         "sentence": "He killed his son and wounded his wife."},
        {"article_id": "5", "metric": "people_injured", "value": 1.0, "counted_noun": "wife", "mention_text": "wife",
         "sentence": "He killed his son and wounded his wife."},
        # "The boy died after he was wounded": the pronoun may be the dead again
        {"article_id": "6", "metric": "people_killed", "value": 1.0, "counted_noun": "boy", "mention_text": "boy",
         "sentence": "The boy died after he was wounded."},
        {"article_id": "6", "metric": "people_injured", "value": 1.0, "counted_noun": "he", "mention_text": "he",
         "sentence": "The boy died after he was wounded."},
        # a headline that tells a death beside her, whose dead the story's sentence counts: another person
        {"article_id": "7", "metric": "people_injured", "value": 1.0, "counted_noun": "7-year-old", "in_headline": True,
         "mention_text": "7-year-old", "sentence": "Man held in shooting that wounded 7-year-old, left woman dead"},
        {"article_id": "7", "metric": "people_killed", "value": 1.0, "counted_noun": "woman", "mention_text": "woman",
         "start_char": 120, "sentence": "A woman died and a girl was hurt."},
    ]
    assert gunviolence.tolls_from_figures(rows, 8) == [
        gunviolence.Toll(1.0, 1.0), gunviolence.Toll(1.0, 0.0), gunviolence.Toll(1.0, 1.0), gunviolence.Toll(1.0, 1.0),
        gunviolence.Toll(1.0, 1.0), gunviolence.Toll(1.0, 1.0), gunviolence.Toll(1.0, 0.0), gunviolence.Toll(1.0, 1.0)]


def test_toll_counts_a_lone_victim_told_also_shot_as_another_person_alive():
    rows = [
        # "A teen was killed. ... His friend, a 19-year-old man, was also shot": 1 killed, 1 injured
        {"article_id": "0", "metric": "people_killed", "value": 1.0, "counted_noun": "teen", "mention_text": "teen",
         "sentence": "A teen was killed on Oak Street."},
        {"article_id": "0", "metric": "shooting_victims", "value": 1.0, "counted_noun": "friend", "mention_text": "friend",
         "sentence": "His friend, a 19-year-old man, was also shot."},
        # "The boy died. ... He was also shot in the leg": the pronoun may be the dead again
        {"article_id": "1", "metric": "people_killed", "value": 1.0, "counted_noun": "boy", "mention_text": "boy",
         "sentence": "The boy died."},
        {"article_id": "1", "metric": "shooting_victims", "value": 1.0, "counted_noun": "he", "mention_text": "He",
         "sentence": "He was also shot in the leg."},
        # "Two men were found dead. A second man was also shot, police said": one of a count, as before
        {"article_id": "2", "metric": "people_killed", "value": 2.0, "counted_noun": "men", "mention_text": "Two",
         "sentence": "Two men were found dead."},
        {"article_id": "2", "metric": "shooting_victims", "value": 2.0, "counted_noun": "man",
         "mention_text": "second man", "sentence": "A second man was also shot, police said."},
        {"article_id": "2", "metric": "shooting_victims", "value": 1.0, "counted_noun": "man",
         "mention_text": "man", "sentence": "A second man was also shot, police said."},
    ]
    assert gunviolence.tolls_from_figures(rows, 3) == [
        gunviolence.Toll(1.0, 1.0), gunviolence.Toll(1.0, 0.0), gunviolence.Toll(2.0, 0.0)]


def test_toll_counts_others_shot_beside_the_dead_of_their_sentence_as_injured():
    title = "Woman killed, 2 others shot on Elm Street"
    rows = [
        {"article_id": "0", "metric": "people_killed", "value": 1.0, "counted_noun": "woman", "mention_text": "Woman",
         "in_headline": True, "sentence": title},
        {"article_id": "0", "metric": "shooting_victims", "value": 2.0, "counted_noun": "others",
         "mention_text": "2 others", "in_headline": True, "sentence": title},
        # "A woman was killed. ... Two people were shot": the people shot may count the dead
        {"article_id": "1", "metric": "people_killed", "value": 1.0, "counted_noun": "woman", "mention_text": "woman",
         "sentence": "A woman was killed."},
        {"article_id": "1", "metric": "shooting_victims", "value": 2.0, "counted_noun": "people", "mention_text": "Two",
         "sentence": "Two people were shot."},
    ]
    assert gunviolence.tolls_from_figures(rows, 2) == [gunviolence.Toll(1.0, 2.0), gunviolence.Toll(1.0, 1.0)]


def test_toll_takes_people_hurt_as_many_as_shot_before_a_death_for_everyone_shot():
    rows = [
        # "Five people were shot. ... Five people were hospitalized. ... One of them has died": 4 injured
        {"article_id": "0", "metric": "shooting_victims", "value": 5.0, "counted_noun": "people",
         "sentence": "Five people were shot on Main Street."},
        {"article_id": "0", "metric": "people_injured", "value": 5.0, "counted_noun": "people",
         "sentence": "Five people were hospitalized."},
        {"article_id": "0", "metric": "people_killed", "value": 1.0, "counted_noun": None,
         "sentence": "One of them has died."},
        # "Two were killed and five others were hurt. ... Five people were shot": the hurt are beside the dead
        {"article_id": "1", "metric": "people_killed", "value": 2.0, "counted_noun": None,
         "sentence": "Two were killed and five others were hurt."},
        {"article_id": "1", "metric": "people_injured", "value": 5.0, "counted_noun": "others",
         "sentence": "Two were killed and five others were hurt."},
        {"article_id": "1", "metric": "shooting_victims", "value": 5.0, "counted_noun": "people",
         "sentence": "Five people were shot in the leg."},
        # "Two men were shot. ... Two boys were killed. ... Two men are in stable condition": the hurt are told alive
        {"article_id": "2", "metric": "shooting_victims", "value": 2.0, "counted_noun": "men",
         "sentence": "Two men were shot on Elm Street."},
        {"article_id": "2", "metric": "people_killed", "value": 2.0, "counted_noun": "boys",
         "sentence": "Two boys were killed."},
        {"article_id": "2", "metric": "people_injured", "value": 2.0, "counted_noun": "men",
         "sentence": "Two men are in stable condition."},
    ]
    assert gunviolence.tolls_from_figures(rows, 3) == [
        gunviolence.Toll(1.0, 4.0), gunviolence.Toll(2.0, 5.0), gunviolence.Toll(2.0, 2.0)]


def test_toll_adds_others_hurt_in_the_next_sentence_to_a_count_of_victims_hurt():
    first, second = "Two victims were hospitalized.", "Three others were treated at the scene."
    rows = [
        # "Two victims were hospitalized. Three others were treated at the scene.": 5 injured
        {"article_id": "0", "metric": "people_injured", "value": 2.0, "counted_noun": "victims", "mention_text": "Two",
         "start_char": 100, "sentence": first},
        {"article_id": "0", "metric": "people_injured", "value": 3.0, "counted_noun": "others",
         "mention_text": "Three", "start_char": 100 + len(first) + 1, "sentence": second},
        # the same two sentences apart: not one group
        {"article_id": "1", "metric": "people_injured", "value": 2.0, "counted_noun": "victims", "mention_text": "Two",
         "start_char": 100, "sentence": first},
        {"article_id": "1", "metric": "people_injured", "value": 3.0, "counted_noun": "others",
         "mention_text": "Three", "start_char": 400, "sentence": second},
    ]
    assert gunviolence.tolls_from_figures(rows, 2) == [gunviolence.Toll(0.0, 5.0), gunviolence.Toll(0.0, 3.0)]


def test_toll_takes_others_dead_beside_a_lone_victim_the_lead_told_hurt_as_the_same_shooting():
    lead = "A 15-year-old boy was badly wounded at a park on Friday."
    later = "Two men were charged in the shooting that left two other people dead and four others wounded."

    def row(metric, value, start_char, noun, mention, sentence):
        return {"article_id": "0", "metric": metric, "value": value, "start_char": start_char, "counted_noun": noun,
                "mention_text": mention, "sentence": sentence}

    boy = row("people_injured", 1.0, 16, "boy", "boy", lead)
    at = 1500 + later.index("two other")
    dead = row("people_killed", 2.0, at, "people", "two", later)
    hurt = row("people_injured", 4.0, 1500 + later.index("four"), "others", "four", later)
    # the others are beside the boy: 2 dead, and 4 hurt beside him, 5
    assert gunviolence.tolls_from_figures([boy, dead, hurt], 1) == [gunviolence.Toll(2.0, 5.0)]
    # without "other", a death told after a lead that told only the hurt is another shooting's
    plain = {**dead, "sentence": later.replace("two other people", "two people")}
    assert gunviolence.tolls_from_figures([boy, plain, hurt], 1) == [gunviolence.Toll(0.0, 1.0)]


def test_toll_counts_a_lone_victim_who_came_to_a_hospital_wounded_as_alive():
    rows = [
        # "A man died ... Hours later, a girl went to a hospital for treatment of a gunshot wound": two people
        {"article_id": "0", "metric": "people_killed", "value": 1.0, "counted_noun": "man", "mention_text": "man"},
        {"article_id": "0", "metric": "people_injured", "value": 1.0, "counted_noun": "girl", "mention_text": "girl",
         "sentence": "Hours later, a girl went to a hospital for treatment of a gunshot wound."},
        # "A man died ... The man was taken to a hospital with a gunshot wound": he may be the dead, told before
        {"article_id": "1", "metric": "people_killed", "value": 1.0, "counted_noun": "man", "mention_text": "man"},
        {"article_id": "1", "metric": "people_injured", "value": 1.0, "counted_noun": "man", "mention_text": "man",
         "sentence": "The man was taken to a hospital with a gunshot wound."},
    ]
    assert gunviolence.tolls_from_figures(rows, 2) == [gunviolence.Toll(1.0, 1.0), gunviolence.Toll(1.0, 0.0)]


def test_toll_counts_a_lone_victim_only_grazed_as_alive():
    rows = [
        # "The gunman was killed ... A deputy was grazed by a bullet": two people, the deputy alive
        {"article_id": "0", "metric": "people_killed", "value": 1.0, "counted_noun": "gunman", "mention_text": "gunman"},
        {"article_id": "0", "metric": "people_injured", "value": 1.0, "counted_noun": "deputy", "mention_text": "deputy",
         "sentence": "A deputy was grazed by a bullet in the arm."},
        {"article_id": "1", "metric": "people_killed", "value": 1.0, "counted_noun": "man", "mention_text": "man"},
        {"article_id": "1", "metric": "people_injured", "value": 1.0, "counted_noun": "girl", "mention_text": "girl",
         "sentence": "A girl suffered a graze wound to her leg."},
        # "A man died ... The man was wounded in the chest": he may be the dead, told before
        {"article_id": "2", "metric": "people_killed", "value": 1.0, "counted_noun": "man", "mention_text": "man"},
        {"article_id": "2", "metric": "people_injured", "value": 1.0, "counted_noun": "man", "mention_text": "man",
         "sentence": "The man was wounded in the chest."},
    ]
    assert gunviolence.tolls_from_figures(rows, 3) == [
        gunviolence.Toll(1.0, 1.0), gunviolence.Toll(1.0, 1.0), gunviolence.Toll(1.0, 0.0)]


def test_toll_counts_a_lone_victim_told_hurt_after_a_left_dead_and_as_another_person():
    left = "A home invasion left one of the intruders dead and a resident wounded."
    rows = [
        # the dead counted in another sentence, the resident after "left ... dead and": two people
        {"article_id": "0", "metric": "people_killed", "value": 1.0, "counted_noun": "intruder",
         "mention_text": "intruder", "sentence": "The intruder died at the scene."},
        {"article_id": "0", "metric": "people_injured", "value": 1.0, "counted_noun": "resident",
         "mention_text": "resident", "sentence": left},
        # told hurt before the death: may be the dead
        {"article_id": "1", "metric": "people_killed", "value": 1.0, "counted_noun": "man", "mention_text": "man",
         "sentence": "The shooting left the man dead."},
        {"article_id": "1", "metric": "people_injured", "value": 1.0, "counted_noun": "man", "mention_text": "man",
         "sentence": "The man was wounded in the chest."},
    ]
    assert gunviolence.tolls_from_figures(rows, 2) == [gunviolence.Toll(1.0, 1.0), gunviolence.Toll(1.0, 0.0)]


def test_toll_counts_a_shooter_told_dead_beside_a_count_of_his_victims_as_one_more():
    def row(article, value, noun, mention, sentence):
        return {"article_id": article, "metric": "people_killed", "value": value, "counted_noun": noun,
                "mention_text": mention, "sentence": sentence, "start_char": 10}

    gunman = "Police said the gunman was killed at the scene."
    rows = [
        # "A man shot and killed two guards. ... the gunman was killed": 3 dead
        row("0", 2.0, "guards", "two", "A man shot and killed two guards."),
        row("0", 1.0, "gunman", "gunman", gunman),
        # "the attacker who killed 12": a count after a killing verb is of his victims, 13
        row("1", 12.0, None, "12", "The attacker who killed 12 was a former soldier."),
        row("1", 1.0, "gunman", "gunman", gunman),
        # "Three people are dead": the gunman may be one of them
        row("2", 3.0, "people", "Three", "Three people are dead after the shooting."),
        row("2", 1.0, "gunman", "gunman", gunman),
        # a count that holds the shooter
        row("3", 3.0, "guards", "Two guards and the gunman", "Two guards and the gunman were killed."),
        row("3", 1.0, "gunman", "gunman", gunman),
        # one dead beside the suspect's death: may be him ("One person was killed in an officer-involved shooting")
        row("4", 1.0, "person", "One", "One person was killed in a police shooting."),
        row("4", 1.0, "suspect", "suspect", "Police said the suspect was killed."),
    ]
    assert [toll.killed for toll in gunviolence.tolls_from_figures(rows, 5)] == [3.0, 13.0, 3.0, 3.0, 1.0]
    # "He shot five officers, killing two": the gunman is not one of the five, 3 of them hurt
    shot = {**row("0", 5.0, "officers", "five", "He shot five officers."), "metric": "shooting_victims"}
    assert gunviolence.tolls_from_figures([*rows[:2], shot], 1) == [gunviolence.Toll(3.0, 3.0)]


def test_toll_counts_a_shooter_named_after_the_word_for_him_as_the_shooter():
    victims = {"article_id": "0", "metric": "people_killed", "value": 5.0, "counted_noun": "victims",
               "mention_text": "five", "sentence": "The shooting left five victims dead.", "start_char": 10}

    def named(sentence):
        return {"article_id": "0", "metric": "people_killed", "value": 1.0, "counted_noun": "John Doe",
                "mention_text": "Doe", "sentence": sentence, "start_char": 200}

    # "Gunman John Doe was killed by police": the shooter, one more dead
    assert gunviolence.tolls_from_figures([victims, named("Gunman John Doe was killed by police.")], 1)[0].killed == 6.0
    # a name alone may be one of the victims
    assert gunviolence.tolls_from_figures([victims, named("Victim John Doe was killed.")], 1)[0].killed == 5.0


def test_toll_counts_a_shooter_dead_by_his_own_hand_beside_a_count_of_his_victims_as_one_more():
    def row(value, noun, mention, sentence):
        return {"article_id": "0", "metric": "people_killed", "value": value, "counted_noun": noun,
                "mention_text": mention, "sentence": sentence, "start_char": 10}

    sentence = "He shot his two sons before he took his own life."
    sons = row(2.0, "sons", "two", "He killed his two sons.")
    # "He died of a self-inflicted gunshot wound": the shooter, one more beside the two sons
    own_wound = row(1.0, "he", "He", "He died of a self-inflicted gunshot wound.")
    assert gunviolence.tolls_from_figures([sons, own_wound], 1)[0].killed == 3.0
    # the extractor's count ended at his own death holds him already: 2, as the sentence tells
    holds_him = row(2.0, "people", "life", sentence)
    assert gunviolence.tolls_from_figures([holds_him, row(1.0, "he", "he", sentence)], 1)[0].killed == 2.0
    # a death told with no suicide is one of the two sons
    assert gunviolence.tolls_from_figures([sons, row(1.0, "he", "He", "He died at the scene.")], 1)[0].killed == 2.0


def test_toll_counts_two_dead_at_least_where_the_lead_tells_a_murder_suicide():
    def girl(article, title):
        return {"article_id": article, "metric": "people_killed", "value": 1.0, "counted_noun": "girl",
                "mention_text": "Girl", "sentence": title, "start_char": 0, "in_headline": True}

    rows = [girl("0", "Girl, 4, died in apparent murder-suicide"), girl("1", "Girl, 4, died in attempted murder-suicide"),
            girl("2", "Girl, 4, died in shooting")]
    assert [toll.killed for toll in gunviolence.tolls_from_figures(rows, 3)] == [2.0, 1.0, 1.0]
