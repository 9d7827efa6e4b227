"""The seed articles' facts: every crime figure with its metric and period, every quote's speaker.

The gold facts are the ones the end-to-end issue lists for the three articles
under ``seeds/articles`` (in the repository, so this runs without the shared
data). Scored as recall: how many listed facts the extractor produces, with
the missing ones named. Periods are checked where the article has a date (the
first seed has none; the warehouse borrows its story's period later, in dbt).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from newsetl.config import PROJECT_ROOT

SEED_DIR = PROJECT_ROOT / "seeds" / "articles"
CASED, REUTERS, DATED = "000_528f9b6ea483fdc1.txt", "001_d78fc8c0c6239dd7.txt", "002_ec505aeed9337a24.txt"
H1_2017, H1_2016 = (date(2017, 1, 1), date(2017, 6, 30)), (date(2016, 1, 1), date(2016, 6, 30))

# (file, value, metric, qualifier, period start, period end)
GOLD_FIGURES: tuple[tuple[str, float, str, str, date | None, date | None], ...] = (
    (CASED, 1714.0, "shootings", "exact", None, None),
    (CASED, 760.0, "people_killed", "more_than", None, None),
    (REUTERS, 1714.0, "shootings", "exact", *H1_2017),
    (REUTERS, 320.0, "murders", "exact", *H1_2017),
    (REUTERS, 322.0, "murders", "exact", *H1_2016),
    (REUTERS, 1703.0, "shooting_victims", "exact", *H1_2017),
    (REUTERS, 4300.0, "shooting_victims", "more_than", date(2016, 1, 1), date(2016, 12, 31)),
    (DATED, 110.0, "homicides", "exact", date(2017, 1, 1), date(2017, 3, 9)),
)
# (file, speaker): how many quotes each speaker has in that article (at least one where not counted)
GOLD_SPEAKERS: tuple[tuple[str, str, int], ...] = (
    (CASED, "Donald Trump", 1), (CASED, "Jeff Sessions", 1), (CASED, "Eddie Johnson", 1), (CASED, "Adam Collins", 1),
    (REUTERS, "Donald Trump", 1), (REUTERS, "Jeff Sessions", 1), (REUTERS, "Eddie Johnson", 1),
    (REUTERS, "Adam Collins", 1), (REUTERS, "Rahm Emanuel", 1),
    (DATED, "Rahm Emanuel", 3), (DATED, "Jeff Sessions", 2), (DATED, "Donald Trump", 1),
    (DATED, "Department of Justice", 2),
)


@dataclass(frozen=True)
class SeedScore:
    figures_found: int
    quotes_found: int
    missing: tuple[str, ...]

    @property
    def figure_recall(self) -> float:
        return self.figures_found / len(GOLD_FIGURES)

    @property
    def speaker_recall(self) -> float:
        return self.quotes_found / len(GOLD_SPEAKERS)


def seed_articles(folder: Path = SEED_DIR) -> list[dict]:
    """The seeds as ingestion builds them (cleaning, header, manifest), as extractor input."""
    from newsetl.ingest import readers
    from newsetl.ingest.articles import build_article

    manifest = readers.read_manifest(folder)
    out = []
    for name in (CASED, REUTERS, DATED):
        found = readers.FoundFile(folder / name, name)
        records, _ = readers.read_file(found, max_bytes=10_000_000)
        article = build_article(records[0], manifest.get(name, {}))
        out.append({"article_id": name, "clean_text": article.clean_text, "is_lowercased": article.is_lowercased,
                    "published_date": article.published_date, "outlet": article.outlet})
    return out


def score(figure_rows: list[Mapping], quote_rows: list[Mapping]) -> SeedScore:
    figures = {(r["article_id"], r["value"], r["metric"], r["qualifier"], r["period_start"], r["period_end"])
               for r in figure_rows}
    speakers = Counter((r["article_id"], r["speaker"]) for r in quote_rows if r["speaker"])
    missing = [f"{f[0][:3]}: {f[1]:g} {f[2]} ({f[3]}, {f[4]}..{f[5]})" for f in GOLD_FIGURES if f not in figures]
    missing += [f"{name[:3]}: quotes of {speaker} {speakers[(name, speaker)]}/{count}"
                for name, speaker, count in GOLD_SPEAKERS if speakers[(name, speaker)] < count]
    return SeedScore(
        figures_found=sum(f in figures for f in GOLD_FIGURES),
        quotes_found=sum(speakers[(name, speaker)] >= count for name, speaker, count in GOLD_SPEAKERS),
        missing=tuple(missing),
    )
