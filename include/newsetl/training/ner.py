"""Train the news NER component on CoNLL-2003 train (cased and lowercased copies).

    python -m newsetl.training.ner [--data-dir ../shared/data] [--output include/newsetl/models/ner_news]

Why: spaCy's small English model (OntoNotes) scores about 0.63 entity F1 on
CoNLL-2003 dev and misses most entities of lowercased wire copy. A component of
the same size and speed, trained on the Reuters news of CoNLL-2003 train with
every document seen twice -- as written and lowercased -- reads both. The
trained component is committed under ``include/newsetl/models/`` so nothing is
trained or downloaded at run time; this command is how it was made.

The last tenth of the train documents is held out to pick the best step, so
the dev split that ``make eval`` reports stays unseen.
"""

from __future__ import annotations

import argparse
import json
import logging
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from newsetl.config import data_dir
from newsetl.evaluation.conll import ConllDocument, iob_spans, read_conll

log = logging.getLogger(__name__)
CONFIG = Path(__file__).with_name("ner.cfg")
DEFAULT_OUTPUT = Path(__file__).resolve().parents[1] / "models" / "ner_news"
HELD_OUT_SHARE = 0.1


def to_docs(nlp, documents: list[ConllDocument], *, lowercase: bool):
    from spacy.tokens import Doc, Span

    for document in documents:
        words: list[str] = []
        spans: list[tuple[int, int, str]] = []
        sent_starts: list[bool] = []
        for sentence in document.sentences:
            offset = len(words)
            words += [token.lower() if lowercase else token for token, _ in sentence]
            sent_starts += [True] + [False] * (len(sentence) - 1)
            spans += [(offset + s, offset + e, t) for s, e, t in iob_spans([tag for _, tag in sentence])]
        doc = Doc(nlp.vocab, words=words, sent_starts=sent_starts)
        doc.ents = [Span(doc, s, e, label=t) for s, e, t in spans]
        yield doc


def write_corpus(nlp, documents: list[ConllDocument], path: Path) -> int:
    from spacy.tokens import DocBin

    bin_ = DocBin(store_user_data=False)
    for lowercase in (False, True):
        for doc in to_docs(nlp, documents, lowercase=lowercase):
            bin_.add(doc)
    bin_.to_disk(path)
    return len(bin_)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", type=Path, default=data_dir())
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    # Anything else is passed to `spacy train` as a config override, e.g. --training.max_steps=500
    args, overrides = parser.parse_known_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")

    train_file = args.data_dir / "ner" / "conll2003" / "train.txt"
    if not train_file.is_file():
        parser.error(f"{train_file} not found: give --data-dir (the shared data folder, see its README)")
    import spacy

    documents = read_conll(train_file)
    cut = int(len(documents) * (1 - HELD_OUT_SHARE))
    nlp = spacy.blank("en")
    with tempfile.TemporaryDirectory(prefix="newsetl-ner-") as tmp:
        work = Path(tmp)
        n_train = write_corpus(nlp, documents[:cut], work / "train.spacy")
        n_held = write_corpus(nlp, documents[cut:], work / "held_out.spacy")
        log.info("CoNLL-2003 train: %d documents for training, %d held out (x2: cased and lowercased)",
                 n_train // 2, n_held // 2)
        command = [sys.executable, "-m", "spacy", "train", str(CONFIG), "--output", str(work / "out"),
                   "--paths.train", str(work / "train.spacy"), "--paths.dev", str(work / "held_out.spacy")]
        command += overrides
        subprocess.run(command, check=True)
        best = work / "out" / "model-best"
        meta = json.loads((best / "meta.json").read_text())
        meta.update(name="ner_news", version="1.0.0",
                    description="NER (PER, ORG, LOC, MISC) trained on CoNLL-2003 train, cased and lowercased; "
                                "made by `python -m newsetl.training.ner`.")
        (best / "meta.json").write_text(json.dumps(meta, indent=2) + "\n")
        if args.output.exists():
            shutil.rmtree(args.output)
        shutil.copytree(best, args.output)
    log.info("held-out entity F1 %.3f; model written to %s", meta["performance"]["ents_f"], args.output)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
