"""Scoring the extractor against third-party gold data (CoNLL-2003, NewsQuant, gun-violence incidents).

The dataset modules parse gold files and score predictions with pure functions;
``report`` runs the model over the data and prints the table
(``python -m newsetl.evaluation.report``). The gold data stays outside the
repository (``NEWSETL_DATA_DIR``, default ``../shared/data``).
"""
