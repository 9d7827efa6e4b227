"""Bulk loads into the warehouse: DataFrames in, one transaction per load, never row by row."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import asdict
from datetime import UTC, datetime

from newsetl.quality.suites import ExpectationResult


def load_id_for(stage: str, keys: Iterable[str]) -> str:
    """A deterministic id for a load: the same rows give the same id, so reloads are recognised."""
    digest = hashlib.sha256("\n".join([stage, *sorted(keys)]).encode()).hexdigest()[:16]
    return f"{stage}-{digest}"


def is_loaded(connection, load_id: str) -> bool:
    return connection.execute("select count(*) from audit.loads where load_id = ?", [load_id]).fetchall()[0][0] > 0


def insert_frame(connection, table: str, frame) -> int:
    """Append a DataFrame to a table, matching columns by name."""
    if frame is None or frame.empty:
        return 0
    connection.register("frame_to_load", frame)
    try:
        connection.execute(f"insert into {table} by name select * from frame_to_load")
    finally:
        connection.unregister("frame_to_load")
    return len(frame)


def record_validation(connection, load_id: str, results: list[ExpectationResult]) -> None:
    import pandas as pd

    frame = pd.DataFrame([asdict(r) for r in results], columns=list(ExpectationResult.__dataclass_fields__))
    insert_frame(connection, "audit.validation_results",
                 frame.assign(load_id=load_id, validated_at=datetime.now(UTC)))


def record_load(connection, load_id: str, stage: str, counts: dict[str, int]) -> None:
    """Record a load; a load made again (re-extraction back to an earlier version) gets the new time."""
    connection.execute(
        "insert or replace into audit.loads values (?, ?, ?, ?)",
        [load_id, stage, json.dumps(counts, sort_keys=True), datetime.now(UTC)],
    )


def quarantine(connection, load_id: str, frame) -> int:
    """Add rejected inputs not already quarantined with the same reason."""
    if frame is None or frame.empty:
        return 0
    frame = frame.assign(quarantined_at=datetime.now(UTC), load_id=load_id)
    connection.register("rejected", frame)
    try:
        before = connection.execute("select count(*) from audit.quarantine").fetchall()[0][0]
        connection.execute(
            """insert into audit.quarantine by name
               select r.source_uri, r.reason, r.quarantined_at, r.load_id from rejected as r
               anti join audit.quarantine as q on q.source_uri = r.source_uri and q.reason = r.reason"""
        )
        return connection.execute("select count(*) from audit.quarantine").fetchall()[0][0] - before
    finally:
        connection.unregister("rejected")
