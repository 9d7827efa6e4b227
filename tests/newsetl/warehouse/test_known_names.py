"""The names earlier loads found, as the gazetteer of the next extraction learns them (stages.KNOWN_NAMES_SQL)."""

from __future__ import annotations

import duckdb

from newsetl.stages import KNOWN_NAMES_SQL
from newsetl.warehouse.schema import DDL


def _known(rows: list[tuple[str, str, str, bool]]) -> list[tuple[str, str]]:
    """rows: (mention_text, entity, entity_type, is_lowercased), one article each."""
    connection = duckdb.connect()
    connection.execute(DDL)
    for number, (text, entity, entity_type, lowercased) in enumerate(rows):
        article_id = f"a{number}"
        connection.execute("insert into raw.articles (article_id, source_uri, raw_text, clean_text, is_lowercased, "
                           "load_id) values (?, 'f.txt', 'x', 'x', ?, 'l')", [article_id, lowercased])
        connection.execute("insert into raw.entity_mentions values (?, 0, 0, ?, ?, ?, ?, 'v', 'l')",
                           [article_id, len(text), text, entity, entity_type])
    return sorted(connection.execute(KNOWN_NAMES_SQL).fetchall())


def test_a_name_is_learned_as_the_type_it_was_found_as_most_often():
    rows = [("Comey", "Comey", "LOCATION", False)] + [("Comey", "Comey", "ORG", False)] * 2
    rows += [("Chicago", "Chicago", "LOCATION", False)] * 3 + [("Chicago", "Chicago", "ORG", False)]
    assert _known(rows) == [("Chicago", "LOCATION"), ("Comey", "ORG")]


def test_a_word_mostly_found_as_a_person_is_learned_as_a_person_as_written_not_as_an_org():
    # "Trump" resolved to "Donald Trump" in three articles, read as an organisation in two
    rows = [("Trump", "Donald Trump", "PERSON", False)] * 3 + [("Trump", "Trump", "ORG", False)] * 2
    rows += [("Donald Trump", "Donald Trump", "PERSON", False)]
    # "Sessions" a person in one article only: not learned; "Washington" mostly a place
    rows += [("Sessions", "Jeff Sessions", "PERSON", False)]
    rows += [("Washington", "Washington", "LOCATION", False)] * 2 + [("Washington", "George Washington", "PERSON", False)]
    assert _known(rows) == [("Donald Trump", "PERSON"), ("George Washington", "PERSON"), ("Jeff Sessions", "PERSON"),
                            ("Trump", "PERSON"),
                            ("Washington", "LOCATION")]


def test_a_person_is_learned_by_a_full_name_of_capitalised_words_from_cased_articles_only():
    rows = [("Trump tweeted", "Trump tweeted", "PERSON", False), ("Steve Bannon", "Steve Bannon", "PERSON", False),
            ("Bashar al Assad", "Bashar al Assad", "PERSON", False), ("Obama", "Obama", "PERSON", False),
            ("rahm emanuel", "Rahm Emanuel", "PERSON", True)]
    assert _known(rows) == [("Bashar al Assad", "PERSON"), ("Steve Bannon", "PERSON")]
