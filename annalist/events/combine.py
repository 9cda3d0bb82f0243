"""Patterns and the classifier together.

- Each pattern candidate's confidence is weighed with the classifier's probability of its event type in that
  sentence; a candidate of a less reliable pattern (confidence under KEEP_PATTERN) that the classifier finds
  very unlikely (below DROP_BELOW) is dropped.
- Where the classifier is confident (at least ADD_ABOVE) of an event type no pattern found in a sentence, a
  model event is added, its trigger the word of that sentence a pattern of the type would start from (else the
  sentence's main verb), its roles found from the parse as for patterns.

Only sentences holding at least one actor are classified: without one there is no event to code.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from annalist.events.classifier import MODEL_NAME, EventClassifier
from annalist.events.codebook import DEFAULT_ACTOR, DEFAULT_RECIPIENT, Codebook, Pattern
from annalist.events.features import sentence_features
from annalist.events.matcher import Candidate, candidate_at
from annalist.events.plover import INTENT_TYPES
from annalist.model import Entity

DROP_BELOW = 0.02
KEEP_PATTERN = 0.65  # patterns at least this reliable are kept whatever the classifier says
ADD_ABOVE = 0.6
PATTERN_WEIGHT = 0.6  # confidence = PATTERN_WEIGHT * pattern + (1 - PATTERN_WEIGHT) * classifier
SPEECH = frozenset(("say", "tell", "report", "add", "state", "announce", "confirm", "note"))


def classify(docs: Sequence[Doc], classifier: EventClassifier) -> list[dict[int, dict[str, float]]]:
    """Event-type probabilities for each sentence (by index) that holds an actor, for a batch of Docs at
    once (one call to the classifier for the whole batch)."""
    chosen: list[tuple[int, int, Span]] = []
    for number, doc in enumerate(docs):
        with_actors = {entity.sentence for entity in doc._.entities or []}
        sents = [s for s in doc.sents if s.text.strip()]
        chosen += [(number, i, sents[i]) for i in sorted(with_actors) if i < len(sents)]
    probs = classifier.predict([sentence_features(span) for _, _, span in chosen])
    found: list[dict[int, dict[str, float]]] = [{} for _ in docs]
    for (number, index, _), p in zip(chosen, probs, strict=True):
        found[number][index] = p
    return found


def weigh(
    candidates: Sequence[Candidate], probs: dict[int, dict[str, float]], sent_of: Sequence[int]
) -> list[Candidate]:
    """Candidates with confidences weighed by the classifier; the very unlikely dropped."""
    kept = []
    for candidate in candidates:
        sentence = probs.get(sent_of[candidate.trigger.i])
        if sentence is None:
            kept.append(candidate)
            continue
        p = sentence.get(candidate.pattern.event, 0.0)
        if p < DROP_BELOW and candidate.pattern.confidence < KEEP_PATTERN:
            continue
        candidate.confidence = round(PATTERN_WEIGHT * candidate.pattern.confidence + (1 - PATTERN_WEIGHT) * p, 3)
        candidate.notes.append(f"classifier p({candidate.pattern.event}) = {p:.2f}")
        kept.append(candidate)
    return kept


def _main_verb(sent: Span) -> Token | None:
    root = sent.root
    if root.lemma_.lower() in SPEECH:
        clause = next((c for c in root.children if c.dep_ in ("ccomp", "xcomp")), None)
        return clause or root
    return root if root.pos_ in ("VERB", "AUX", "NOUN") else None


def _trigger(sent: Span, event: str, codebook: Codebook) -> tuple[Token, Pattern | None] | None:
    """The word a pattern of this type would start from, with that pattern; else the main verb."""
    for token in sent:
        for pattern in codebook.by_lemma.get(token.lemma_.lower(), []):
            if pattern.event == event and token.pos_ in pattern.pos:
                return token, pattern
    verb = _main_verb(sent)
    return (verb, None) if verb is not None else None


def model_candidates(doc: Doc, probs: dict[int, dict[str, float]], existing: Sequence[Candidate],
                     codebook: Codebook, entities: dict[int, Entity]) -> list[Candidate]:  # fmt: skip
    """Events the classifier is confident of and no pattern found."""
    sents = [s for s in doc.sents if s.text.strip()]
    found = {(doc._.sent_of[c.trigger.i], c.pattern.event) for c in existing}
    # an announced withdrawal a pattern coded as a concession is not also a withdrawal the model adds
    found |= {
        (index, kind) for kind, becomes in INTENT_TYPES.items() for index, event in found if event == becomes
    }
    taken = {c.trigger.i for c in existing}
    added = []
    for index, sentence in probs.items():
        for event, p in sorted(sentence.items(), key=lambda item: -item[1]):
            if p < ADD_ABOVE or (index, event) in found or index >= len(sents):
                continue
            located = _trigger(sents[index], event, codebook)
            if located is None or located[0].i in taken:
                continue
            trigger, near = located
            pattern = Pattern(id=f"model.{event.lower()}", event=event, mode=near.mode if near else None,
                              context=near.context if near else (), cameo=near.cameo if near else None,
                              lemmas=frozenset(), pos=frozenset(), actor=near.actor if near else DEFAULT_ACTOR,
                              recipient=near.recipient if near else DEFAULT_RECIPIENT, confidence=p,
                              source=MODEL_NAME)  # fmt: skip
            candidate = candidate_at(trigger, pattern, [trigger], entities, codebook)
            if candidate is None:
                continue
            candidate.confidence = round(p, 3)
            candidate.produced_by = f"model:{MODEL_NAME}"
            candidate.notes.append(f"classifier p({event}) = {p:.2f}; no pattern matched"
                                   + (f"; trigger and roles as in {near.id}" if near else "; trigger: main verb"))  # fmt: skip
            added.append(candidate)
            taken.add(trigger.i)
    return added
