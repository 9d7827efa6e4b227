"""Whether a downstream DAG has anything to do, so that `make run` with nothing new is cheap.

Under the scheduler, nothing new means a skipped ingest run and nothing
downstream: the other DAGs only run when an upstream task emits its asset.
``newsetl.cli run`` runs the DAGs one after another instead, so it asks the
warehouse the same question before starting each downstream DAG: are there
articles without an extraction, and is anything newer than the last complete
build of the marts (a load, or an edit of the dbt project)? A DAG asked for by
name (``--dag``) always runs.
"""

from __future__ import annotations

from pathlib import Path

from newsetl.config import Settings
from newsetl.extract import EXTRACTOR_VERSION, relation_to_current

BUILD_MARKER = "newsetl_build_succeeded"
# What `dbt build` reads besides the warehouse: an edit of any of these calls for a rebuild.
DBT_INPUTS = ("models", "seeds", "macros", "tests", "dbt_project.yml", "profiles.yml")


def dbt_target(settings: Settings) -> Path:
    return settings.warehouse.parent / f"{settings.warehouse.stem}_dbt_target"


def mark_build(settings: Settings) -> None:
    """Record that `dbt build` succeeded (its mtime is the time of the build)."""
    marker = dbt_target(settings) / BUILD_MARKER
    marker.parent.mkdir(parents=True, exist_ok=True)
    marker.touch()


def nothing_to_do(settings: Settings, dag_id: str, *, reextract: bool = False) -> str | None:
    """Why ``dag_id`` can be skipped, or None when it has work (or we cannot tell). With
    ``reextract``, articles extracted by an older extractor version are work for extraction."""
    if not settings.warehouse.exists():
        return None
    from newsetl.warehouse.schema import connect

    with connect(settings.warehouse, read_only=True) as connection:
        if dag_id == "extract_article_facts":
            pending, older, versions = connection.execute(
                """select count(*) filter (where extractions.article_id is null),
                          count(*) filter (where extractions.extractor_version <> ?),
                          string_agg(distinct extractions.extractor_version, ', ' order by extractions.extractor_version)
                              filter (where extractions.extractor_version <> ?)
                   from raw.articles as articles
                   left join raw.extractions as extractions on articles.article_id = extractions.article_id""",
                [EXTRACTOR_VERSION, EXTRACTOR_VERSION]).fetchone()
            if pending or (older and reextract):
                return None
            if older:
                relation = relation_to_current(versions.split(", "))
                return (f"every article is already extracted ({older:,} by extractor {versions}, {relation} "
                        f"{EXTRACTOR_VERSION}: make run REEXTRACT=1 extracts them again)")
            return "every article is already extracted"
        if dag_id == "build_marts":
            last_load = connection.execute("select epoch(max(loaded_at)) from audit.loads").fetchone()[0]
            return _marts_current(settings, last_load)
    return None


def _marts_current(settings: Settings, last_load: float | None) -> str | None:
    outputs = [dbt_target(settings) / BUILD_MARKER, settings.docs_dir / "index.html", settings.report_path]
    if last_load is None or not all(path.exists() for path in outputs):
        return None
    built = min(path.stat().st_mtime for path in outputs)
    project = settings.dbt_project_dir
    edited = max((path.stat().st_mtime for name in DBT_INPUTS for path in _files(project / name)), default=0.0)
    if built > last_load and built > edited:
        return "the marts, docs and report are newer than the last load and the dbt project"
    return None


def _files(path: Path) -> list[Path]:
    return [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()] if path.is_dir() else []
