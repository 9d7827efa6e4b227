"""Read what the coverage report shows from the marts, read-only, into dataclasses."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from newsetl.warehouse.schema import connect

AGREEMENTS = ("conflict", "agree", "single_source")


@dataclass(frozen=True)
class Article:
    story_id: str
    outlet: str
    published_date: date | None
    title: str | None
    source_uri: str
    url: str | None
    is_near_duplicate: bool
    is_story_corrected: bool  # placed in its story by story_corrections.csv, not by grouping


@dataclass(frozen=True)
class FigureReport:
    """One outlet's value for one story × metric × counted group × location × period (a row of
    crime_figures_by_source)."""

    story_id: str
    metric: str
    location: str | None
    period_start: date | None
    period_end: date | None
    period_label: str | None
    outlet: str
    value: float
    qualifiers: str | None
    attributed_to: str | None
    agreement: str
    counted_group: str | None = None  # the people a casualty count counts ("israeli"), when named

    @property
    def key(self) -> tuple:
        """What the outlets are compared on: metric, the people counted, place and period."""
        return (self.metric, self.counted_group, self.location, self.period_start, self.period_end,
                None if self.period_start else self.period_label)


@dataclass(frozen=True)
class Disagreement:
    """One explained disagreement between figures of a story (a row of figure_conflicts)."""

    story_id: str
    conflict_type: str
    explanation: str


@dataclass(frozen=True)
class ActorCoverage:
    story_id: str
    actor: str
    actor_type: str
    outlet: str
    mentions: int
    quotes: int


@dataclass
class StoryCoverage:
    story_id: str
    n_articles: int
    outlets: list[str]
    first_published_date: date | None
    last_published_date: date | None
    headline: str | None = None  # dim_stories.title: its earliest article's title
    articles: list[Article] = field(default_factory=list)
    figures: list[FigureReport] = field(default_factory=list)
    actors: list[ActorCoverage] = field(default_factory=list)
    disagreements: list[Disagreement] = field(default_factory=list)

    @property
    def title(self) -> str:
        """The story's headline, else its first date, else its id."""
        if self.headline:
            return self.headline
        if self.first_published_date:
            return f"Story of {self.first_published_date.isoformat()}"
        return self.story_id

    @property
    def n_conflicts(self) -> int:
        """Figure keys on which the outlets disagree."""
        return len({f.key for f in self.figures if f.agreement == "conflict"})

    @property
    def n_compared(self) -> int:
        """Figure keys reported by more than one outlet."""
        return len({f.key for f in self.figures if f.agreement != "single_source"})


STORIES_SQL = """
    select story_id, n_articles, n_outlets, first_published_date, last_published_date, title
    from marts.dim_stories
"""
ARTICLES_SQL = """
    select story_id, outlet_label, published_date, title, source_uri, url, is_near_duplicate, is_story_corrected
    from marts.dim_articles
    order by story_id, published_date nulls last, outlet_label, source_uri
"""
FIGURES_SQL = """
    select story_id, metric, location, period_start, period_end, period_label, outlet, value,
        qualifiers, attributed_to, agreement, counted_group
    from marts.crime_figures_by_source
    order by story_id, metric, counted_group nulls first, location nulls last, period_start nulls last, period_end, period_label, outlet
"""
# Real disagreements first, then reframings, then figures stated without a source.
CONFLICTS_SQL = """
    select story_id, conflict_type, explanation
    from marts.figure_conflicts
    order by story_id,
        case conflict_type when 'value_conflict' then 0 when 'politician_vs_official' then 1
            when 'metric_framing' then 2 else 3 end,
        explanation
"""
ACTORS_SQL = """
    select story_id, actor, actor_type, outlet, mentions, quotes
    from marts.actor_coverage_by_source
    order by story_id, actor, outlet
"""


def read_coverage(warehouse: Path) -> list[StoryCoverage]:
    """Every story with its articles, compared figures and actors; most contested stories first."""
    with connect(warehouse, read_only=True) as connection:
        stories = {row[0]: StoryCoverage(row[0], row[1], [], row[3], row[4], row[5])
                   for row in connection.execute(STORIES_SQL).fetchall()}
        for row in connection.execute(ARTICLES_SQL).fetchall():
            stories[row[0]].articles.append(Article(*row))
        for row in connection.execute(FIGURES_SQL).fetchall():
            stories[row[0]].figures.append(FigureReport(*row))
        for row in connection.execute(ACTORS_SQL).fetchall():
            stories[row[0]].actors.append(ActorCoverage(*row))
        for row in connection.execute(CONFLICTS_SQL).fetchall():
            stories[row[0]].disagreements.append(Disagreement(*row))
    for story in stories.values():
        story.outlets = sorted({a.outlet for a in story.articles})
    return sorted(stories.values(), key=_contested_first)


def _contested_first(story: StoryCoverage) -> tuple:
    latest = story.last_published_date.toordinal() if story.last_published_date else 0
    return (-story.n_conflicts, -len(story.disagreements), -story.n_compared, -len(story.outlets), -story.n_articles, -latest, story.story_id)
