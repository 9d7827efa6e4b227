"""Known names: the editable alias table plus names learned from cased articles.

Lowercased wire copy defeats a cased NER model ("rahm emanuel" is not found),
so names met in cased articles of the same batch, in earlier loads and in the
alias table are matched case-insensitively instead.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

ENTITY_TYPES = ("PERSON", "ORG", "LOCATION", "OTHER")
DEFAULT_ALIAS_FILE = Path(__file__).resolve().parents[3] / "dbt_project" / "seeds" / "actor_aliases.csv"


@dataclass(frozen=True)
class KnownName:
    canonical: str
    entity_type: str
    curated: bool = False  # from the alias table, which a person wrote; else learned from the model's readings
    from_batch: bool = False  # learned from the articles extracted together, not from earlier loads


@dataclass
class Gazetteer:
    """Lowercased surface form -> canonical name and type."""

    names: dict[str, KnownName] = field(default_factory=dict)

    def add(self, surface: str, canonical: str, entity_type: str, *, override: bool = False,
            curated: bool = False, from_batch: bool = False) -> None:
        key = " ".join(surface.lower().split())
        if entity_type not in ENTITY_TYPES:
            raise ValueError(f"unknown entity_type {entity_type!r} for {surface!r}; expected one of {ENTITY_TYPES}")
        if key and (override or key not in self.names):
            self.names[key] = KnownName(canonical, entity_type, curated, from_batch)

    def lookup(self, surface: str) -> KnownName | None:
        return self.names.get(" ".join(surface.lower().split()))

    def surfaces(self) -> list[str]:
        return sorted(self.names)


def load_aliases(path: Path = DEFAULT_ALIAS_FILE) -> Gazetteer:
    """The alias table (``dbt_project/seeds/actor_aliases.csv``), editable by users."""
    gazetteer = Gazetteer()
    with path.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            gazetteer.add(row["alias"], row["canonical_name"], row["entity_type"], override=True, curated=True)
    return gazetteer
