"""Extraction: entities and canonical actors, quotes with speakers, numeric figures."""

# Bump when extraction output changes; rows record it, and articles extracted by
# an older version are re-extracted only when asked (see README).
EXTRACTOR_VERSION = "2.4.0"
