"""The learned event classifier: which PLOVER event types a sentence reports, as probabilities.

A small CPU-only text classifier (spaCy's TextCatEnsemble: a narrow CNN beside a bag of words) over the
sentence's features (events/features.py: lemmas, name kinds, dependency triples), trained by `annalist train`
on the team's own labelled sentences (datasets/train/) and shipped in events/model/. The event stage combines
it with the codebook's patterns: the patterns find triggers and roles, the classifier weighs them and adds
events the patterns miss.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from annalist.datafiles import data_path
from annalist.errors import DataError, Errors
from annalist.model import EVENT_TYPES

MODEL_NAME = "annalist_textcat_v1"
WIDTH = 32  # small on purpose: the classifier must cost little beside the parse
BOW_LENGTH = 2**15
DEFAULT_MODEL = data_path("events", "model")


@dataclass(frozen=True, slots=True)
class LabelledSentence:
    text: str
    types: frozenset[str]  # event types that happened (negated events excluded)


def read_labelled(paths: Sequence[Path]) -> list[LabelledSentence]:
    """Labelled sentences from files in Annalist's gold format. RAISES DataError for a malformed line."""
    from annalist.evaluation.gold import read_team_gold

    sentences = []
    for path in paths:
        for record in read_team_gold(path):
            types = frozenset(e.event for e in record.events if "negated" not in e.flags)
            sentences.append(LabelledSentence(record.text, types))
    return sentences


class EventClassifier:
    """Event-type probabilities for sentences."""

    def __init__(self, nlp: Any) -> None:
        self.nlp = nlp

    @classmethod
    def load(cls, path: Path = DEFAULT_MODEL) -> EventClassifier:
        """Load a trained classifier. RAISES DataError when the folder holds none."""
        import spacy

        if not (path / "config.cfg").exists():
            raise DataError(
                Errors.E202.format(path=path, problem="no trained event classifier here (annalist train)")
            )
        return cls(spacy.load(path))

    def predict(self, features: Iterable[str]) -> list[dict[str, float]]:
        """Probabilities of each event type, one dict per sentence's features (events/features.py)."""
        return [dict(doc.cats) for doc in self.nlp.pipe(features, batch_size=64)]


def _new_pipeline() -> Any:
    from spacy.lang.en import English

    nlp = English()
    embed = {
        "@architectures": "spacy.MultiHashEmbed.v2",
        "width": WIDTH,
        "rows": [1500, 1500, 400, 800, 400],
        "attrs": ["NORM", "LOWER", "PREFIX", "SUFFIX", "SHAPE"],
        "include_static_vectors": False,
    }
    encode = {
        "@architectures": "spacy.MaxoutWindowEncoder.v2",
        "width": WIDTH,
        "window_size": 1,
        "maxout_pieces": 2,
        "depth": 1,
    }
    linear = {
        "@architectures": "spacy.TextCatBOW.v3",
        "exclusive_classes": False,
        "ngram_size": 1,
        "no_output_layer": False,
        "length": BOW_LENGTH,
    }
    model = {"@architectures": "spacy.TextCatEnsemble.v2", "nO": None, "linear_model": linear,
             "tok2vec": {"@architectures": "spacy.Tok2Vec.v2", "embed": embed, "encode": encode}}  # fmt: skip
    textcat: Any = nlp.add_pipe("textcat_multilabel", config={"model": model, "threshold": 0.5})
    for label in EVENT_TYPES:
        textcat.add_label(label)
    return nlp


def featurise(texts: Sequence[str]) -> list[str]:
    """Parse whole sentences with the pinned pipeline and return their classifier features."""
    from annalist.events.features import sentence_features
    from annalist.nlp import load_nlp
    from annalist.settings import Settings

    parser = load_nlp(Settings())
    return [sentence_features(doc[:]) for doc in parser.pipe(texts, batch_size=64)]


def _examples(nlp: Any, features: Sequence[str], sentences: Sequence[LabelledSentence]) -> list[Any]:
    from spacy.training import Example

    return [Example.from_dict(nlp.make_doc(f), {"cats": {t: float(t in s.types) for t in EVENT_TYPES}})
            for f, s in zip(features, sentences, strict=True)]  # fmt: skip


def data_digest(sentences: Sequence[LabelledSentence]) -> str:
    """A hash of the training data, recorded with the model so a retrain can be checked."""
    text = "\n".join(f"{s.text}\t{','.join(sorted(s.types))}" for s in sentences)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def train(
    paths: Sequence[Path], out: Path, *, epochs: int = 20, seed: int = 0, held_out: float = 0.1
) -> dict[str, Any]:
    """Train the classifier on labelled sentences and save it; reproducible for the same data and seed.

    paths (Sequence[Path]): training files (Annalist's gold format).
    out (Path): the folder to write the model to.
    epochs (int): passes over the data.
    seed (int): the random seed (shuffling and initialisation).
    held_out (float): share of sentences kept aside to report a score (not trained on).
    RETURNS (dict): what was trained on and how it scored on the held-out sentences.
    """
    from spacy import util

    sentences = read_labelled(paths)
    features = featurise([s.text for s in sentences])
    util.fix_random_seed(seed)  # type: ignore[attr-defined]
    order = list(range(len(sentences)))
    random.Random(seed).shuffle(order)
    cut = int(len(order) * held_out)
    nlp = _new_pipeline()
    examples = _examples(nlp, [features[i] for i in order[cut:]], [sentences[i] for i in order[cut:]])
    dev = _examples(nlp, [features[i] for i in order[:cut]], [sentences[i] for i in order[:cut]])
    optimizer = nlp.initialize(lambda: examples)
    shuffle = random.Random(seed)
    for _ in range(epochs):
        shuffle.shuffle(examples)
        for start in range(0, len(examples), 16):
            nlp.update(examples[start : start + 16], sgd=optimizer, drop=0.1)
    scores = nlp.evaluate(dev) if dev else {}
    report = {"model": MODEL_NAME, "sentences": len(sentences), "trained_on": len(examples),
              "held_out": len(dev), "epochs": epochs, "seed": seed, "data": data_digest(sentences),
              "files": [p.name for p in paths], "held_out_macro_f1": round(float(scores.get("cats_macro_f", 0.0)), 4),
              "held_out_auc": round(float(scores.get("cats_macro_auc", 0.0)), 4)}  # fmt: skip
    nlp.meta.update({"name": MODEL_NAME, "version": "1.0.0", "description": "Annalist event-type classifier",
                     "annalist_training": report})  # fmt: skip
    out.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out)
    (out / "training.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return report


@lru_cache(maxsize=2)
def shipped_classifier(path: str = str(DEFAULT_MODEL)) -> EventClassifier | None:
    """The classifier shipped with Annalist, or None if there is none (then the patterns work alone)."""
    folder = Path(path)
    return EventClassifier.load(folder) if (folder / "config.cfg").exists() else None
