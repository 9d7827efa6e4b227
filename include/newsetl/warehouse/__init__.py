"""The DuckDB warehouse: schema of the raw and audit tables, bulk loads, story grouping."""
