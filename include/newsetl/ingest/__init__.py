"""Read a landing folder into clean, deduplicated article rows (plus quarantine rows)."""
