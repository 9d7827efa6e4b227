"""Training of the models the extractor ships with (run from the gold data, never at run time)."""
