"""Time periods of figures, resolved against the article's publication date.

A period phrase is kept as a label ("this_year", "year:2016") so a figure from an
undated article can still be compared with the same phrase elsewhere in its
story; its dates stay null: an undated article's "this year" is never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# Checked in this order: the first phrase that matches in a clause wins.
PERIOD_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("same_period_last_year", re.compile(r"\b(?:over|in|during|for|from) the same (?:period|time|months?) (?:a year (?:ago|earlier)|last year)\b", re.I)),
    ("this_year", re.compile(r"\b(?:so far this year|this year|year to date|so far in \d{4}|since (?:the start of|the beginning of) (?:the|this) year)\b", re.I)),
    ("last_year", re.compile(r"\b(?:last year|a year ago|the previous year|the year before)\b", re.I)),
    ("this_month", re.compile(r"\b(?:this month|so far this month)\b", re.I)),
    ("last_month", re.compile(r"\blast month\b", re.I)),
    ("year", re.compile(r"\b(?:in|during|for|of|throughout|since) ((?:19|20)\d{2})\b(?![,.]\d)", re.I)),
    ("weekday", re.compile(rf"\b(?:on|last) ({'|'.join(WEEKDAYS)})\b", re.I)),
)
_SO_FAR_IN_YEAR = re.compile(r"so far in ((?:19|20)\d{2})", re.I)


# A period longer than this is a statistic's (a year, a year to date), not one incident's date
# (a late story dates its incident "last month").
LONGEST_INCIDENT_PERIOD_DAYS = 31


def longer_than_an_incident(start: date | None, end: date | None) -> bool:
    """Whether a figure's period spans more than a month: "344 killed last year", "so far this year"."""
    return start is not None and end is not None and (end - start).days > LONGEST_INCIDENT_PERIOD_DAYS


@dataclass(frozen=True)
class Period:
    label: str
    start: date | None
    end: date | None


def find_period(clause: str) -> tuple[str, str | None] | None:
    """The first period phrase in a clause: (label, argument), e.g. ('year', '2016')."""
    for label, pattern in PERIOD_PATTERNS:
        match = pattern.search(clause)
        if match is None:
            continue
        if label == "this_year":
            so_far = _SO_FAR_IN_YEAR.search(match.group(0))
            if so_far:
                return "year_to_date", so_far.group(1)
        return label, (match.group(1).lower() if match.groups() else None)
    return None


def resolve(label: str, argument: str | None, published: date | None, reference: Period | None = None) -> Period:
    """Dates for a period phrase; None where the publication date (or reference) is needed but missing."""
    name = f"{label}:{argument}" if argument else label
    if label == "year" and argument:
        year = int(argument)
        return Period(name, date(year, 1, 1), date(year, 12, 31))
    if label == "year_to_date" and argument:
        year = int(argument)
        end = published if published and published.year == year else None
        return Period(name, date(year, 1, 1), end)
    if label == "same_period_last_year":
        if reference and reference.start and reference.end:
            return Period(name, _shift_year(reference.start), _shift_year(reference.end))
        if published:
            return Period(name, date(published.year - 1, 1, 1), _shift_year(published))
        return Period(name, None, None)
    if published is None:
        return Period(name, None, None)
    if label == "this_year":
        return Period(name, date(published.year, 1, 1), published)
    if label == "last_year":
        return Period(name, date(published.year - 1, 1, 1), date(published.year - 1, 12, 31))
    if label == "this_month":
        return Period(name, published.replace(day=1), published)
    if label == "last_month":
        last_day = published.replace(day=1) - timedelta(days=1)
        return Period(name, last_day.replace(day=1), last_day)
    if label == "weekday" and argument:
        back = (published.weekday() - WEEKDAYS.index(argument)) % 7
        day = published - timedelta(days=back)
        return Period(name, day, day)
    return Period(name, None, None)


def _shift_year(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)
