"""Render the coverage report to one self-contained HTML file (inline CSS and SVG, no script, no network)."""

from __future__ import annotations

import logging
import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from newsetl.report.charts import (
    AGREEMENT_FILLS,
    AGREEMENT_INKS,
    AGREEMENT_WORDS,
    actors_chart,
    figures_chart,
    format_period,
    format_value,
    outlet_colours,
)
from newsetl.report.data import StoryCoverage, read_coverage

log = logging.getLogger(__name__)

TEMPLATES = Path(__file__).parent / "templates"
REPORT_TEMPLATE = "coverage.html.j2"
# Beyond this many stories the page lists the rest without drawing them (most contested first).
DEFAULT_MAX_STORIES = 200
SAFE_URL_SCHEMES = ("http://", "https://")

# The kinds of marts.figure_conflicts, as a reader would say them.
CONFLICT_WORDS = {
    "value_conflict": "different values",
    "politician_vs_official": "politician vs official",
    "metric_framing": "same number, other metric",
    "unattributed": "no source named",
}


def safe_url(url: str | None) -> str | None:
    """A link target only for http(s) URLs: a ``javascript:`` URL in an article's metadata stays text."""
    return url if url and url.strip().lower().startswith(SAFE_URL_SCHEMES) else None


def _environment() -> Environment:
    environment = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                              trim_blocks=True, lstrip_blocks=True)
    environment.filters.update(value=format_value, safe_url=safe_url)
    environment.globals.update(format_period=format_period)
    return environment


def render_report(stories: list[StoryCoverage], *, warehouse_name: str, generated_at: datetime,
                  max_stories: int = DEFAULT_MAX_STORIES) -> str:
    """The HTML page for these stories (pure: no I/O)."""
    drawn = []
    for story in stories[:max_stories]:
        colours = outlet_colours(story.outlets)
        drawn.append({
            "story": story,
            "colours": colours,
            "figures_svg": figures_chart(story.figures, colours),
            "actors_svg": actors_chart(story.actors, story.outlets, colours),
        })
    return _environment().get_template(REPORT_TEMPLATE).render(
        stories=stories,
        drawn=drawn,
        not_drawn=stories[max_stories:],
        warehouse_name=warehouse_name,
        generated_at=generated_at.strftime("%Y-%m-%d %H:%M UTC"),
        agreement_fills=AGREEMENT_FILLS,
        agreement_inks=AGREEMENT_INKS,
        agreement_words=AGREEMENT_WORDS,
        conflict_words=CONFLICT_WORDS,
    )


def write_report(warehouse: Path, destination: Path, *, max_stories: int = DEFAULT_MAX_STORIES) -> Path:
    """Read the warehouse read-only and replace ``destination`` atomically (a reader never sees half a page)."""
    stories = read_coverage(warehouse)
    page = render_report(stories, warehouse_name=warehouse.name, generated_at=datetime.now(UTC),
                         max_stories=max_stories)
    destination.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=destination.parent, prefix=".report-", suffix=".html")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(page)
        os.chmod(temporary, 0o644)
        os.replace(temporary, destination)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    log.info("coverage report of %d stories written to %s", len(stories), destination)
    return destination
