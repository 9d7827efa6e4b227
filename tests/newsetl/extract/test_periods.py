from datetime import date

import pytest

from newsetl.extract.periods import Period, find_period, resolve

PUBLISHED = date(2017, 6, 30)  # a Friday


@pytest.mark.parametrize(("clause", "label", "start", "end"), [
    ("1714 shootings in chicago this year!", "this_year", date(2017, 1, 1), date(2017, 6, 30)),
    ("So far this year, Chicago has seen 110 homicides", "this_year", date(2017, 1, 1), date(2017, 6, 30)),
    ("more than 4,300 shooting victims in the city last year", "last_year", date(2016, 1, 1), date(2016, 12, 31)),
    ("in 2016, the number of murders exceeded 760", "year:2016", date(2016, 1, 1), date(2016, 12, 31)),
    ("on monday, the police announced", "weekday:monday", date(2017, 6, 26), date(2017, 6, 26)),
    ("12 arrests last month", "last_month", date(2017, 5, 1), date(2017, 5, 31)),
])
def test_period_phrases_resolve_against_the_publication_date(clause, label, start, end):
    found = find_period(clause)
    assert resolve(*found, PUBLISHED) == Period(label, start, end)


def test_same_period_last_year_shifts_the_reference_period():
    reference = Period("this_year", date(2017, 1, 1), date(2017, 6, 30))
    found = find_period("down from 322 over the same period last year")
    assert resolve(*found, PUBLISHED, reference) == Period("same_period_last_year", date(2016, 1, 1), date(2016, 6, 30))


def test_undated_article_keeps_its_period_unresolved():
    assert resolve("this_year", None, None) == Period("this_year", None, None)
    assert resolve("year", "2016", None) == Period("year:2016", date(2016, 1, 1), date(2016, 12, 31))


def test_clause_without_period():
    assert find_period("there have been 320 murders") is None
