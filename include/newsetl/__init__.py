"""newsetl: turn raw news articles into a DuckDB warehouse of figures, actors and quotes."""

__version__ = "0.1.0"
