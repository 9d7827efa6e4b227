"""Score the current extractor and story grouping on the dev sets: ``python -m newsetl.evaluation.report``.

Prints precision, recall and F1 (or accuracy) per dataset and measure, with
the off-the-shelf spaCy NER numbers on CoNLL for scale and a throughput
comparison. Articles go through ``extract_articles`` in batches, each with a
fresh gazetteer (the alias table only), as in a first load into an empty
warehouse: names are learned from the cased articles of the same batch only.

The lowercased CoNLL run is a separate pass over lowercased documents alone.
Had their cased twins been in the same batch, the extractor would have learned
the gold names from them (that is what the gazetteer is for in production,
where a story often comes in both forms), and the score would say little about
lowercased text on its own.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

from newsetl.cli import positive_int, render_table
from newsetl.config import (
    CORPUS_FILE,
    DEFAULT_BATCH_SIZE,
    DEFAULT_DATA_DIR,
    data_dir,
    load_settings,
)
from newsetl.evaluation import conll, gunviolence, newsquant, seeds, stories

DATASETS = ("conll", "newsquant", "gunviolence", "seeds", "stories", "stories_in_corpus")
# Story grouping is lexical: a stories-only run skips loading spaCy (seconds).
NLP_DATASETS = frozenset(DATASETS) - {"stories", "stories_in_corpus"}
CONLL_FILE = Path("ner/conll2003/dev.txt")
NEWSQUANT_FILE = Path("quantities/newsquant.dev.json")
GUNVIOLENCE_DIR = Path("gunviolence")
STORIES_FILE = Path("stories/allsides_clusters.dev.jsonl")
DATASET_FILES = {
    "conll": (CONLL_FILE,), "newsquant": (NEWSQUANT_FILE,),
    "gunviolence": (GUNVIOLENCE_DIR / gunviolence.INCIDENTS_FILE, GUNVIOLENCE_DIR / gunviolence.DOCUMENTS_FILE),
    "stories": (STORIES_FILE,), "stories_in_corpus": (STORIES_FILE, CORPUS_FILE),
}
EXTRACT_BATCH_SIZE = DEFAULT_BATCH_SIZE
WARM_UP_TEXTS = 20  # texts each pipeline reads before the speed measures start
# Times each batch is read by both pipelines in turn; the fastest of each counts (see side_by_side).
# CoNLL dev is two batches, a dozen seconds: one round of it swung from 1.16x to 2.07x between runs.
CONLL_TIMING_ROUNDS = 5
# Sixteen batches, two minutes each way; one round gave 1.44x to 1.54x for the same code, so two (about
# four more minutes of `make eval`).
GUNVIOLENCE_TIMING_ROUNDS = 2
# (name, lowercase, uppercase): all-caps text is read through the lowercased model (extract/run.py).
CONLL_VARIANTS = (("cased", False, False), ("lowercased", True, False), ("uppercased", False, True))
# en_core_web_sm's ner has its own tok2vec: NER alone is just this component.
NER_ONLY_PIPES = ["ner"]
COLUMNS = ["dataset", "measure", "precision", "recall", "f1/acc", "n", "seconds", "note"]


@dataclass(frozen=True)
class Row:
    dataset: str
    measure: str
    precision: float | None
    recall: float | None
    score: float  # F1, or accuracy for the gun-violence rows
    n: int  # documents (sentences for NewsQuant)
    seconds: float | None
    note: str = ""


@dataclass(frozen=True)
class Speed:
    """Throughput of the extractor and of spaCy's NER alone on the same texts, in the same process,
    timed batch by batch in turn (``side_by_side``). Wall-clock seconds, and the process's CPU seconds,
    which leave out the time other processes on a shared machine held the cores: the ratio is taken
    from those."""

    texts: str  # which texts: "CoNLL dev cased" (dense with sports tables) or "gun-violence articles"
    words: int  # CoNLL tokens, or whitespace-separated words of the articles
    extract_seconds: float  # extract_articles: full pipeline + rule layers
    ner_only_seconds: float  # spaCy model, nlp.pipe with its ner component only
    full_pipeline_seconds: float | None  # plain nlp.pipe, every component (the baseline run)
    extract_cpu_seconds: float
    ner_only_cpu_seconds: float
    rounds: int = 1  # each batch timed this many times in turn, the fastest kept

    @property
    def extract_wps(self) -> float:
        return self.words / self.extract_seconds

    @property
    def ner_only_wps(self) -> float:
        return self.words / self.ner_only_seconds

    @property
    def full_pipeline_wps(self) -> float | None:
        return self.words / self.full_pipeline_seconds if self.full_pipeline_seconds else None

    @property
    def ratio(self) -> float:
        """How many times the CPU time of NER alone the extractor takes."""
        return self.extract_cpu_seconds / self.ner_only_cpu_seconds

    @property
    def wall_ratio(self) -> float:
        return self.extract_seconds / self.ner_only_seconds


def default_data_dir() -> Path:
    return data_dir()


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def extract_in_batches(articles: list[dict], nlp):
    """``Extraction`` of all articles, and the seconds it took; a fresh gazetteer per batch."""
    from newsetl.extract.gazetteer import load_aliases
    from newsetl.extract.run import Extraction, extract_articles

    total = Extraction()
    started = time.perf_counter()
    for start in range(0, len(articles), EXTRACT_BATCH_SIZE):
        total.extend(extract_articles(articles[start : start + EXTRACT_BATCH_SIZE], nlp, load_aliases()))
    return total, time.perf_counter() - started


@dataclass
class SideBySide:
    """The extractor and spaCy's NER alone, timed batch by batch in turn on the same texts."""

    extraction: object = None
    rounds: int = 1
    extract_seconds: float = 0.0
    extract_cpu_seconds: float = 0.0
    ner_only_seconds: float = 0.0
    ner_only_cpu_seconds: float = 0.0


def side_by_side(articles: list[dict], nlp, base_nlp, rounds: int = 1) -> SideBySide:
    """Each batch is extracted, then read by NER alone, ``rounds`` times in turn, so that a shared
    machine's speed, which drifts over minutes, weighs on both measures alike (one run after the other
    gave ratios 0.2x apart). Of each batch's rounds the fastest counts, for each pipeline and each clock
    (as ``timeit`` advises: other work on the machine only ever adds time). Both pipelines first warm up
    on the first texts, since the first batches fill caches (vocabulary, lemmas, tags) that a long run
    amortises. The extraction is the one ``extract_in_batches`` makes."""
    from newsetl.extract.run import Extraction

    extract_in_batches(articles[:WARM_UP_TEXTS], nlp)
    pipe_pairs(base_nlp, [article["clean_text"] for article in articles[:WARM_UP_TEXTS]], ner_only=True)
    out = SideBySide(extraction=Extraction(), rounds=rounds)
    for start in range(0, len(articles), EXTRACT_BATCH_SIZE):
        batch = articles[start : start + EXTRACT_BATCH_SIZE]
        texts = [article["clean_text"] for article in batch]
        extract_cpu, extract_wall, ner_cpu, ner_wall = [], [], [], []
        for round_ in range(rounds):
            cpu = time.process_time()
            extraction, seconds = extract_in_batches(batch, nlp)
            extract_cpu.append(time.process_time() - cpu)
            extract_wall.append(seconds)
            if round_ == 0:
                out.extraction.extend(extraction)
            cpu = time.process_time()
            _, seconds = pipe_pairs(base_nlp, texts, ner_only=True)
            ner_cpu.append(time.process_time() - cpu)
            ner_wall.append(seconds)
        out.extract_cpu_seconds += min(extract_cpu)
        out.extract_seconds += min(extract_wall)
        out.ner_only_cpu_seconds += min(ner_cpu)
        out.ner_only_seconds += min(ner_wall)
        if len(articles) > EXTRACT_BATCH_SIZE:  # a long run says how far it is
            progress(f"  {start + len(batch)} of {len(articles)} texts; extractor / NER-only CPU time so far "
                     f"{out.extract_cpu_seconds / max(out.ner_only_cpu_seconds, 1e-9):.2f}x")
    return out


def pipe_pairs(nlp, texts: Iterable[str], *, ner_only: bool) -> tuple[list[set[conll.Pair]], float]:
    """Baseline pairs of plain spaCy over ``texts``, and the seconds it took."""
    from newsetl.extract.run import SPACY_BATCH_SIZE

    started = time.perf_counter()
    if ner_only:
        with nlp.select_pipes(enable=NER_ONLY_PIPES):
            pairs = [conll.pairs_from_doc(doc) for doc in nlp.pipe(texts, batch_size=SPACY_BATCH_SIZE)]
    else:
        pairs = [conll.pairs_from_doc(doc) for doc in nlp.pipe(texts, batch_size=SPACY_BATCH_SIZE)]
    return pairs, time.perf_counter() - started


def _prf_row(measure: str, counts: conll.Counts, n: int, seconds: float | None) -> Row:
    note = f"tp={counts.tp} fp={counts.fp} fn={counts.fn}"
    return Row("conll", measure, counts.precision, counts.recall, counts.f1, n, seconds, note)


def evaluate_conll(path: Path, nlp, base_nlp, limit: int | None) -> tuple[list[Row], Speed]:
    """``nlp``: the extractor's pipelines; ``base_nlp``: the plain spaCy model, the baseline."""
    documents = conll.read_conll(path, limit)
    gold = [document.gold_pairs() for document in documents]
    n = len(documents)
    rows: list[Row] = []
    seconds: dict[tuple[str, str], float] = {}
    timed = None
    for variant, lowercase, uppercase in CONLL_VARIANTS:
        articles = conll.articles(documents, lowercase=lowercase, uppercase=uppercase)
        if variant == "cased":
            progress(f"conll: extractor on {n} cased documents, side by side with spaCy NER alone")
            timed = side_by_side(articles, nlp, base_nlp, CONLL_TIMING_ROUNDS)
            extraction, seconds["extractor", variant] = timed.extraction, timed.extract_seconds
        else:
            progress(f"conll: extractor on {n} {variant} documents")
            extraction, seconds["extractor", variant] = extract_in_batches(articles, nlp)
        predicted = conll.pairs_from_mentions(extraction.entity_mentions, n)
        rows.append(_prf_row(f"entities {variant}, extractor", conll.score(gold, predicted), n,
                             seconds["extractor", variant]))
    for variant, lowercase, uppercase in CONLL_VARIANTS:
        progress(f"conll: spaCy NER baseline on {n} {variant} documents")
        texts = [document.text(lowercase=lowercase, uppercase=uppercase) for document in documents]
        predicted, seconds["spacy", variant] = pipe_pairs(base_nlp, texts, ner_only=False)
        rows.append(_prf_row(f"entities {variant}, spaCy NER", conll.score(gold, predicted), n,
                             seconds["spacy", variant]))
    words = sum(document.n_tokens for document in documents)
    return rows, Speed("CoNLL dev cased", words, timed.extract_seconds, timed.ner_only_seconds,
                       seconds["spacy", "cased"], timed.extract_cpu_seconds, timed.ner_only_cpu_seconds,
                       timed.rounds)


def evaluate_newsquant(path: Path, nlp, limit: int | None) -> list[Row]:
    sentences = newsquant.read_newsquant(path, limit)
    progress(f"newsquant: extractor on {len(sentences)} sentences")
    extraction, seconds = extract_in_batches(newsquant.articles(sentences), nlp)
    counts = newsquant.score(sentences, newsquant.values_from_figures(extraction.figures, len(sentences)))
    note = (f"gold {counts.gold} values found {counts.gold_found}; {counts.skipped_gold} non-numeric gold "
            f"skipped; predicted {counts.predicted}, matched {counts.predicted_matched}")
    return [Row("newsquant", "figure values", counts.precision, counts.recall, counts.f1, len(sentences),
                seconds, note)]


def evaluate_gunviolence(folder: Path, nlp, base_nlp, limit: int | None) -> tuple[list[Row], Speed]:
    documents, incidents, skipped = gunviolence.read_dataset(folder, limit)
    progress(f"gunviolence: extractor on {len(documents)} documents, side by side with spaCy NER alone")
    articles = gunviolence.articles(documents)
    timed = side_by_side(articles, nlp, base_nlp, GUNVIOLENCE_TIMING_ROUNDS)
    extraction, seconds = timed.extraction, timed.extract_seconds
    words = sum(len(article["clean_text"].split()) for article in articles)
    speed = Speed("gun-violence articles", words, seconds, timed.ner_only_seconds, None,
                  timed.extract_cpu_seconds, timed.ner_only_cpu_seconds, timed.rounds)
    accuracy = gunviolence.score(documents, incidents,
                                 gunviolence.tolls_from_figures(extraction.figures, len(documents)))
    floor = gunviolence.score(documents, incidents, [gunviolence.NO_TOLL] * len(documents))
    n = accuracy.n
    rows = [
        Row("gunviolence", "killed and injured accuracy", None, None, accuracy.share(accuracy.both), n, seconds,
            f"all-zero guess {floor.share(floor.both):.3f}; {skipped} documents without a dev incident skipped"),
        Row("gunviolence", "killed accuracy", None, None, accuracy.share(accuracy.killed), n, None,
            f"all-zero guess {floor.share(floor.killed):.3f}"),
        Row("gunviolence", "injured accuracy", None, None, accuracy.share(accuracy.injured), n, None,
            f"all-zero guess {floor.share(floor.injured):.3f}"),
    ]
    return rows, speed


def evaluate_seeds(nlp) -> list[Row]:
    """The facts the seed articles must yield (read from the repository, not the data folder)."""
    progress("seeds: extractor on the 3 seed articles")
    articles = seeds.seed_articles()
    extraction, seconds = extract_in_batches(articles, nlp)
    result = seeds.score(extraction.figures, extraction.quotes)
    note = "missing: " + "; ".join(result.missing) if result.missing else "all found"
    return [
        Row("seeds", "crime figures (metric, qualifier, period)", None, result.figure_recall, result.figure_recall,
            len(seeds.GOLD_FIGURES), seconds, note),
        Row("seeds", "quote speakers", None, result.speaker_recall, result.speaker_recall,
            len(seeds.GOLD_SPEAKERS), None, ""),
    ]


def evaluate_stories(path: Path, limit: int | None, corpus: Path | None = None,
                     errors: list[tuple[str, stories.PairError]] | None = None) -> list[Row]:
    """Pairwise same-story scores of ``assign_stories`` on the gold clusters (``limit``: first N clusters),
    alone or with the ``corpus`` articles (first ``limit``) mixed into the stream; the wrong pairs are
    added to ``errors`` with the dataset's name."""
    if corpus is None:
        progress("stories: grouping the articles of the gold clusters")
    else:
        progress(f"stories_in_corpus: grouping the articles of the gold clusters among those of {corpus.name}")
    result = stories.evaluate(path, limit, corpus, progress)
    counts = result.counts
    note = (f"{result.n_gold} gold clusters, {result.n_predicted} predicted stories; "
            f"pairs tp={counts.tp} fp={counts.fp} fn={counts.fn}")
    measure = "same-story pairs"
    if corpus is not None:
        measure = "same-story pairs, corpus mixed in"
        note += f"; {result.n_other:,} corpus articles mixed in, not scored"
    dataset = "stories_in_corpus" if corpus else "stories"
    if errors is not None:
        errors += [(dataset, error) for error in result.errors]
    return [Row(dataset, measure, counts.precision, counts.recall, counts.f1, result.n_articles, result.seconds, note)]


STORY_ERROR_COLUMNS = ("dataset", "kind", "first_cluster", "second_cluster", "first_story", "second_story",
                       "first_date", "second_date", "first_title", "second_title", "first_article_id",
                       "second_article_id")


def write_story_errors(path: Path, errors: list[tuple[str, stories.PairError]]) -> None:
    """One CSV row per wrongly grouped pair: which gold clusters and predicted stories, dates and titles."""
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(STORY_ERROR_COLUMNS)
        for dataset, error in errors:
            first, second = error.first.candidate, error.second.candidate
            writer.writerow([dataset, error.kind, error.first.cluster_id, error.second.cluster_id,
                             error.first_story, error.second_story, first.published_date or "",
                             second.published_date or "", first.title or "", second.title or "",
                             first.article_id, second.article_id])


def _number(value: float | None, digits: int) -> str:
    return "" if value is None else f"{value:.{digits}f}"


def render_rows(rows: list[Row]) -> str:
    return render_table(COLUMNS, [
        (row.dataset, row.measure, _number(row.precision, 3), _number(row.recall, 3), _number(row.score, 3),
         row.n, _number(row.seconds, 1), row.note)
        for row in rows
    ])


def render_speed(speed: Speed) -> str:
    rounds = "" if speed.rounds == 1 else f" (each batch the fastest of {speed.rounds} rounds in turn)"
    full = ("" if speed.full_pipeline_seconds is None else
            f"; spaCy full pipeline {speed.full_pipeline_wps:,.0f} words/s ({speed.full_pipeline_seconds:.1f}s)")
    return (f"speed on {speed.words:,} words of {speed.texts}: extract_articles {speed.extract_wps:,.0f} words/s "
            f"({speed.extract_seconds:.1f}s); spaCy NER only (ner component) {speed.ner_only_wps:,.0f} words/s "
            f"({speed.ner_only_seconds:.1f}s){full}; extractor time / NER-only time = {speed.ratio:.2f}x in CPU "
            f"time ({speed.extract_cpu_seconds:.1f}s / {speed.ner_only_cpu_seconds:.1f}s), {speed.wall_ratio:.2f}x "
            f"wall-clock{rounds}")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m newsetl.evaluation.report", description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=None,
                        help=f"gold data folder (default: $NEWSETL_DATA_DIR or {DEFAULT_DATA_DIR} from the repo root)")
    parser.add_argument("--limit", type=positive_int, default=None, help="first N documents per dataset (default: all)")
    parser.add_argument("--only", action="append", choices=DATASETS, help="evaluate only this dataset (repeatable)")
    parser.add_argument("--json", type=Path, default=None, help="also write the results to this JSON file")
    parser.add_argument("--story-errors", type=Path, default=None, metavar="CSV",
                        help="write the wrongly grouped pairs of the story datasets (false positives and "
                             "missed pairs, with clusters, stories, dates and titles) to this CSV file")
    args = parser.parse_args(argv)
    args.data_dir = (args.data_dir or default_data_dir()).expanduser().resolve()
    if args.story_errors is not None and not {"stories", "stories_in_corpus"}.intersection(args.only or DATASETS):
        parser.error("--story-errors needs a story dataset: --only stories or --only stories_in_corpus")
    needed = [path for name in (args.only or DATASETS) for path in DATASET_FILES.get(name, ())]
    if needed and not args.data_dir.is_dir():  # the seeds are read from the repository
        parser.error(f"data folder {args.data_dir} not found; pass --data-dir or set NEWSETL_DATA_DIR")
    # Checked before minutes of work, not when a dataset's turn comes.
    missing = list(dict.fromkeys(str(args.data_dir / path) for path in needed if not (args.data_dir / path).exists()))
    if missing:
        parser.error(f"not in the data folder: {', '.join(missing)} (--only picks the datasets to run)")
    return args


def main(argv: list[str] | None = None) -> int:
    from newsetl.extract import EXTRACTOR_VERSION
    from newsetl.extract.run import load_nlp

    args = parse_args(argv)
    datasets = [name for name in DATASETS if not args.only or name in args.only]
    settings = load_settings()
    model = settings.spacy_model
    nlp = base_nlp = None
    if NLP_DATASETS.intersection(datasets):
        import spacy

        nlp = load_nlp(model, settings.ner_model)
        base_nlp = spacy.load(model)
        warm_up = ["Warm-up: the first call initialises the pipeline's 3 components."]
        for pipeline in (nlp.ner, nlp.parse, base_nlp):
            list(pipeline.pipe(warm_up))
    rows: list[Row] = []
    speeds: list[Speed] = []
    story_errors: list[tuple[str, stories.PairError]] = []
    for name in datasets:
        if name == "conll":
            conll_rows, speed = evaluate_conll(args.data_dir / CONLL_FILE, nlp, base_nlp, args.limit)
            rows += conll_rows
            speeds.append(speed)
        elif name == "newsquant":
            rows += evaluate_newsquant(args.data_dir / NEWSQUANT_FILE, nlp, args.limit)
        elif name == "seeds":
            rows += evaluate_seeds(nlp)
        elif name == "stories":
            rows += evaluate_stories(args.data_dir / STORIES_FILE, args.limit, errors=story_errors)
        elif name == "stories_in_corpus":
            rows += evaluate_stories(args.data_dir / STORIES_FILE, args.limit, args.data_dir / CORPUS_FILE,
                                     errors=story_errors)
        else:
            gun_rows, speed = evaluate_gunviolence(args.data_dir / GUNVIOLENCE_DIR, nlp, base_nlp, args.limit)
            rows += gun_rows
            speeds.append(speed)
    limit = f"first {args.limit} documents per dataset" if args.limit else "all documents"
    ner = settings.ner_model or f"{model} (its own)"
    print(f"extractor {EXTRACTOR_VERSION}, model {model}, NER {ner}, data {args.data_dir} ({limit})\n")
    print(render_rows(rows))
    if speeds:
        print()
    for speed in speeds:
        print(render_speed(speed))
    if args.json is not None:
        result = {"extractor_version": EXTRACTOR_VERSION, "model": model, "ner_model": settings.ner_model, "data_dir": str(args.data_dir),
                  "limit": args.limit, "rows": [asdict(row) for row in rows],
                  "speed": [{**asdict(speed), "extract_wps": speed.extract_wps, "ner_only_wps": speed.ner_only_wps,
                             "full_pipeline_wps": speed.full_pipeline_wps, "ratio": speed.ratio,
                             "wall_ratio": speed.wall_ratio}
                            for speed in speeds]}
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    if args.story_errors is not None:
        write_story_errors(args.story_errors, story_errors)
        print(f"\n{len(story_errors):,} wrongly grouped pairs written to {args.story_errors}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
