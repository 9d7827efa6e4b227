"""Extraction: entities and canonical actors, quotes with speakers, numeric figures."""

# Bump when extraction output changes; rows record it, and articles extracted by
# an older version are re-extracted only when asked (see README).
EXTRACTOR_VERSION = "2.21.0"


def relation_to_current(versions: list[str]) -> str:
    """ "older than" when every version is older than ``EXTRACTOR_VERSION``, else "other than"
    (a newer version's rows stay until re-extraction: a downgrade is asked for, not silent)."""
    from packaging.version import InvalidVersion, Version

    try:
        older = all(Version(version) < Version(EXTRACTOR_VERSION) for version in versions)
    except InvalidVersion:
        older = False
    return "older than" if older else "other than"
