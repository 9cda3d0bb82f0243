"""The event stage: PLOVER events from the codebook's patterns over the parse, weighed and completed by the
learned classifier (events/combine.py).

Reads the parse, `doc._.sentences` and `doc._.entities`; sets `doc._.events` (undated and unlocated: the
time and place stages add those).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Token

from annalist.events.classifier import EventClassifier, shipped_classifier
from annalist.events.codebook import Codebook, Pattern, load_codebook
from annalist.events.combine import classify, model_candidates, weigh
from annalist.events.matcher import Candidate, drop_embedded, match_patterns
from annalist.events.modality import find_modality
from annalist.events.plover import INTENT_TYPES, PloverTables, load_plover_tables
from annalist.events.roles import CONDITIONS
from annalist.events.sizes import find_size
from annalist.model import Entity, Event, Modality
from annalist.nlp.syntax import entity_index

__all__ = ["Codebook", "EventStage", "Pattern", "event_id", "load_codebook", "load_plover_tables"]


# A harm announced for the future on a condition ("will impose sanctions unless Iran ...") is a threat: the
# coercive warning is the event, and its content gives THREATEN's mode (and the CAMEO 13x code).
CONDITIONAL_THREATS = {
    "SANCTION": ("restrict", "1312"),
    "COERCE": ("restrict", "131"),
    "PROTEST": ("restrict", "133"),
    "ASSAULT": ("violence", "138"),
    "MOBILIZE": ("violence", "138"),
}

# Cooperation announced as not going to happen ("will not accept refugees", "would not free the detainees")
# is a refusal: REJECT, with the mode of what is refused and the CAMEO 12x code; the refusal itself happened.
REFUSALS = {
    "AID": ("assist", "121"),
    "COOPERATE": ("assist", "121"),
    "SUPPORT": ("assist", "121"),
    "MOBILIZE": ("assist", "121"),
    "AGREE": (None, "120"),
    "CONSULT": ("meet", "125"),
    "CONCEDE": ("yield", "124"),
    "RETREAT": ("yield", "124"),
}


def _recoded(pattern: Pattern, produced_by: str, trigger: Token, modality: Modality,
             notes: list[str]) -> tuple[str, str | None, str | None]:  # fmt: skip
    """The event's type, mode and CAMEO code once its modality is known: announced cooperation is AGREE (a
    promised withdrawal CONCEDE), a harm announced on a condition THREATEN, cooperation announced as not going
    to happen REJECT. Says what it changed in `notes`; may clear the flags the new type makes moot."""
    kind, mode, cameo = pattern.event, pattern.mode, pattern.cameo
    # "may suspend aid if ...": a harm held out on a condition is a threat, whether announced or only possible;
    # not where analysts only speculate that it could happen
    conditional = kind in CONDITIONAL_THREATS and not modality.negated and _conditional(trigger)
    if not (modality.future or (conditional and modality.hypothetical and not modality.unattributed)):
        return kind, mode, cameo
    if modality.hypothetical and kind not in CONDITIONAL_THREATS:
        return kind, mode, cameo
    if kind in INTENT_TYPES and not modality.negated:
        becomes = INTENT_TYPES[kind]
        notes.append(f"announced {kind}{'/' + mode if mode else ''}: PLOVER codes it as {becomes}")
        return becomes, None, "030" if becomes == "AGREE" else "080"
    if conditional:
        notes.append(f"{kind} held out on a condition: PLOVER codes it as THREATEN")
        modality.hypothetical = False  # the threat itself was made
        return (
            ("THREATEN", "arrest", "137")
            if (kind, mode) == ("COERCE", "arrest")
            else ("THREATEN", *CONDITIONAL_THREATS[kind])
        )
    if modality.negated and (kind in REFUSALS or (kind == "REJECT" and produced_by.startswith("model:"))):
        notes.append(f"{kind} announced as not going to happen: PLOVER codes the refusal as REJECT")
        modality.negated = False  # the refusal itself was made
        return ("REJECT", *REFUSALS[kind]) if kind in REFUSALS else (kind, mode, cameo)
    return kind, mode, cameo


def _conditional(trigger: Token) -> bool:
    """Whether the event's verb (or the verb it is planned by: "plans to close X unless ...") has an if- or
    unless-clause."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    verbs = [verb, verb.head] if verb.dep_ == "xcomp" else [verb]
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITIONS for m in c.children)
               for v in verbs for c in v.children)  # fmt: skip


def event_id(article_id: str, trigger_start: int, event: str) -> str:
    """A deterministic event id: the same article coded twice gives the same ids."""
    digest = hashlib.sha256(f"{article_id}|{trigger_start}|{event}".encode()).hexdigest()
    return f"{article_id[:8]}-{digest[:12]}"


class EventStage:
    """Matches the codebook against each sentence and writes the events it finds."""

    def __init__(self, codebook: Codebook, tables: PloverTables, classifier: EventClassifier | None) -> None:
        self.codebook = codebook
        self.tables = tables
        self.classifier = classifier

    def __call__(self, doc: Doc) -> Doc:
        probs = classify([doc], self.classifier)[0] if self.classifier is not None else None
        return self._code(doc, probs)

    def pipe(self, docs: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
        """Code a stream of Docs, classifying each batch's sentences in one call."""
        batch: list[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._code_batch(batch)
                batch = []
        yield from self._code_batch(batch)

    def _code_batch(self, docs: list[Doc]) -> Iterator[Doc]:
        probs: list[dict[int, dict[str, float]] | None] = [None] * len(docs)
        if self.classifier is not None and docs:
            probs = list(classify(docs, self.classifier))
        for doc, doc_probs in zip(docs, probs, strict=True):
            yield self._code(doc, doc_probs)

    def _code(self, doc: Doc, probs: dict[int, dict[str, float]] | None) -> Doc:
        candidates = match_patterns(doc, self.codebook)
        entities = entity_index(doc)
        if probs:
            candidates = weigh(candidates, probs, doc._.sent_of)
            candidates += model_candidates(doc, probs, candidates, self.codebook, entities)
            candidates.sort(key=lambda c: c.trigger.i)
        candidates = drop_embedded(candidates)
        doc._.events = [self._event(doc, candidate, entities) for candidate in candidates]
        return doc

    def _event(self, doc: Doc, candidate: Candidate, entities: dict[int, Entity]) -> Event:
        pattern, trigger = candidate.pattern, candidate.trigger
        article = doc._.article
        sentence = doc._.sentences[doc._.sent_of[trigger.i]]
        modality, notes = find_modality(trigger, entities)
        confidence = candidate.confidence * (1.0 if candidate.actor else 0.8)
        kind, mode, cameo = _recoded(pattern, candidate.produced_by, trigger, modality, notes)
        explanation = "; ".join(
            [
                f"pattern {pattern.id} ({pattern.source}) matched '{trigger.text}'"
                if candidate.produced_by.startswith("pattern:")
                else f"{candidate.produced_by} at '{trigger.text}'",
                f"actor from {candidate.actor_source or 'none'}",
                f"recipient from {candidate.recipient_source or 'none'}",
                *candidate.notes,
                *notes,
            ]
        )
        return Event(
            id=event_id(article.id, trigger.idx, kind),
            article_id=article.id,
            event=kind,
            mode=mode,
            context=candidate.context,
            actor=candidate.actor,
            recipient=candidate.recipient,
            sentence=sentence.index,
            text=sentence.text,
            start=sentence.start,
            end=sentence.end,
            trigger=trigger.text,
            trigger_start=trigger.idx,
            trigger_end=trigger.idx + len(trigger.text),
            quad_class=self.tables.quad[kind],
            intensity=self.tables.intensity(kind, mode),
            cameo=cameo,
            confidence=round(confidence, 3),
            produced_by=candidate.produced_by,
            explanation=explanation,
            modality=modality,
            size=find_size(sentence.text, self.tables.sizes[kind]),
        )


@Language.factory(
    "annalist_events_v1",
    default_config={"codebook_files": [], "classifier": True},
    requires=["token.dep", "token.lemma", "doc._.sentences", "doc._.entities"],
    assigns=["doc._.events"],
)
def make_event_stage(nlp: Language, name: str, codebook_files: Sequence[str], classifier: bool) -> EventStage:
    """Factory: the event stage with the shipped codebook plus user codebooks (--codebook), and the shipped
    classifier unless `classifier` is false (patterns alone)."""
    model = shipped_classifier() if classifier else None
    return EventStage(load_codebook([Path(path) for path in codebook_files]), load_plover_tables(), model)
