"""The event stage: PLOVER events from the codebook's patterns over the parse.

Reads the parse, `doc._.sentences` and `doc._.entities`; sets `doc._.events` (undated and unlocated: the
time and place stages add those).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from annalist.events.codebook import Codebook, Pattern, load_codebook
from annalist.events.matcher import Candidate, match_patterns
from annalist.events.modality import find_modality
from annalist.events.plover import PloverTables, load_plover_tables
from annalist.events.sizes import find_size
from annalist.model import Entity, Event
from annalist.nlp.syntax import entity_index

__all__ = ["Codebook", "EventStage", "Pattern", "event_id", "load_codebook", "load_plover_tables"]


def event_id(article_id: str, trigger_start: int, event: str) -> str:
    """A deterministic event id: the same article coded twice gives the same ids."""
    digest = hashlib.sha256(f"{article_id}|{trigger_start}|{event}".encode()).hexdigest()
    return f"{article_id[:8]}-{digest[:12]}"


class EventStage:
    """Matches the codebook against each sentence and writes the events it finds."""

    def __init__(self, codebook: Codebook, tables: PloverTables) -> None:
        self.codebook = codebook
        self.tables = tables

    def __call__(self, doc: Doc) -> Doc:
        candidates = match_patterns(doc, self.codebook)
        entities = entity_index(doc)
        doc._.events = [self._event(doc, candidate, entities) for candidate in candidates]
        return doc

    def _event(self, doc: Doc, candidate: Candidate, entities: dict[int, Entity]) -> Event:
        pattern, trigger = candidate.pattern, candidate.trigger
        article = doc._.article
        sentence = doc._.sentences[doc._.sent_of[trigger.i]]
        modality, notes = find_modality(trigger, entities)
        confidence = pattern.confidence * (1.0 if candidate.actor else 0.8)
        cameo = pattern.cameo
        explanation = "; ".join(
            [
                f"pattern {pattern.id} ({pattern.source}) matched '{trigger.text}'",
                f"actor from {candidate.actor_source or 'none'}",
                f"recipient from {candidate.recipient_source or 'none'}",
                *notes,
            ]
        )
        return Event(
            id=event_id(article.id, trigger.idx, pattern.event),
            article_id=article.id,
            event=pattern.event,
            mode=pattern.mode,
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
            quad_class=self.tables.quad[pattern.event],
            intensity=self.tables.intensity(pattern.event, pattern.mode),
            cameo=cameo,
            confidence=round(confidence, 3),
            produced_by=f"pattern:{pattern.id}",
            explanation=explanation,
            modality=modality,
            size=find_size(sentence.text, self.tables.sizes[pattern.event]),
        )


@Language.factory(
    "annalist_events_v1",
    default_config={"codebook_files": []},
    requires=["token.dep", "token.lemma", "doc._.sentences", "doc._.entities"],
    assigns=["doc._.events"],
)
def make_event_stage(nlp: Language, name: str, codebook_files: Sequence[str]) -> EventStage:
    """Factory: the event stage with the shipped codebook plus user codebooks (--codebook)."""
    return EventStage(load_codebook([Path(path) for path in codebook_files]), load_plover_tables())
