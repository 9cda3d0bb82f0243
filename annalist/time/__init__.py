"""The time stage: each event's own date, from the time expressions of its clause, its sentence, or the
time frame its paragraph set; office terms ("during Correa's period in office") name the person's term.

Reads `doc._.events`, the Doc's DATE entities, `doc._.entities` and `doc._.article` (its publication date and
dateline); sets each event's `date` and its `historical` flag. Only the expressions found are parsed (never the
whole text), relative ones only against a known publication date. An event the text gives no time of its own
takes the story's day (the dateline's, else the publication date); with neither, it stays undated.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from annalist.model import Article, Event, EventDate
from annalist.nlp.syntax import entity_index, token_at
from annalist.time.expressions import HISTORICAL_GAP, resolve_expression
from annalist.time.frames import Frame, find_frames
from annalist.time.undated import undated

__all__ = ["TimeStage", "resolve_expression"]

PARTICIPANTS = ("nsubj", "nsubjpass", "dobj")  # a date inside these describes the participant, not the event
BEFORE_THE_STORY = "(past perfect)"  # an undated event told in the past perfect in a sentence naming a past year
STORY_DAY = ("dateline", "publication")  # the sources of the day the story itself was filed or ran


def _clause_root(token: Token) -> Token:
    """The verb heading the clause a token is in."""
    while (
        token.dep_ not in ("ROOT", "ccomp", "advcl", "relcl", "acl", "conj", "parataxis")
        and token.head.i != token.i
    ):
        token = token.head
    return token


def _modifies(token: Token, trigger: Token) -> bool:
    """Whether a date's words hang from the trigger's own phrase, through no other verb and no description of a
    participant ("Honduras, [a Taiwanese ally since 1941], established ties on Sunday")."""
    first = token
    while token.head.i != token.i:
        if token.dep_ in ("appos", "acl", "relcl") or (token is not first and token.dep_ in PARTICIPANTS):
            return False
        token = token.head
        if token.i == trigger.i:
            return True
        if token.pos_ in ("VERB", "AUX"):
            return False
    return False


def _applicable(ent: Span, trigger: Token) -> tuple[int, int] | None:
    """Rank a date expression for an event: one hanging from the trigger's own phrase first, then one in
    the trigger's own clause, then one in a clause that governs it ("In 2010, Correa said he would ..."), then
    one in a subordinate clause of a governing clause, nearest first; None for a date that belongs to another
    clause ("hailed ties with Correa, who cut them in 2010")."""
    root = _clause_root(ent.root)
    own = _clause_root(trigger)
    distance = min(abs(token.i - trigger.i) for token in ent)
    if _modifies(ent.root, trigger):
        return (-1, distance)  # "the arrest of an activist on Wednesday", beside "the detention on Tuesday"
    if _in_apposition(ent.root, root):
        return None  # "Latvia, [a member since 2004], has eased its rules": the year describes Latvia
    if root == own:
        return (0, distance)
    if root.is_ancestor(own):
        return (1, distance)
    if own.is_ancestor(root) and root.dep_ == "advcl":
        return (2, distance)  # "soldiers were killed when a bomb went off on Tuesday"
    if root.dep_ == "advcl" and root.head.is_ancestor(own):
        return (
            3,
            distance,
        )  # "When the aid stopped in 1975, he fled and [met] ...", "Interviewed in 2012, he said"
    return None


def _in_apposition(token: Token, clause: Token) -> bool:
    """Whether a word lies in an apposition on the way up to its clause's verb that describes a party ("Latvia,
    a member since 2004"), not one that places a place ("Nairobi, Kenya in 1998")."""
    while token.i != clause.i and token.head.i != token.i:
        if token.dep_ == "appos" and token.pos_ == "NOUN":
            return True
        token = token.head
    return False


def _verb_of(trigger: Token) -> Token:
    """The verb that tells the event: the trigger, or the verb a noun trigger hangs from."""
    return trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head


def _later(trigger: Token) -> bool:
    """Whether the event's clause says it came after the time another clause names ("were later jailed")."""
    return any(c.dep_ == "advmod" and c.lower_ in ("later", "subsequently", "afterwards", "afterward")
               for verb in (_verb_of(trigger), _clause_root(trigger)) for c in verb.children)  # fmt: skip


def _after(date: EventDate, published: dt.date | None) -> EventDate:
    """The span from a date another clause names to the story's day: an event told as coming later."""
    end = published if published is not None and date.start is not None and published >= date.start else None
    return EventDate(
        start=date.start, end=end, precision="range", source="context", text=f"later than {date.text}"
    )


CONSEQUENCES = frozenset(("lead", "prompt", "trigger", "spark", "provoke", "cause", "bring", "draw"))


def _restated_frame(own: list[Frame], trigger: Token) -> tuple[Frame, bool] | None:
    """For an event told in a relative clause on a noun that restates the clause before it ("overran a camp in
    June 2017, a raid that led to air strikes"): that clause's time, and whether the event is told as its
    consequence, so later."""
    clause = _clause_root(trigger)
    noun = clause.head
    after_comma = noun.left_edge.i > 0 and noun.doc[noun.left_edge.i - 1].text == ","
    if clause.dep_ != "relcl" or noun.pos_ != "NOUN" or not (after_comma or noun.dep_ in ("dep", "appos")):
        return None
    before = [f for f in own if f.span.end <= noun.i]
    if not before:
        return None
    frame = max(before, key=lambda f: f.span.start)
    return frame, trigger.i != clause.i and clause.lemma_.lower() in CONSEQUENCES


def _restated(own: list[Frame], trigger: Token, published: dt.date | None, only_later: bool) -> EventDate | None:
    """The date of an event told in a relative clause on a noun restating a dated clause: that clause's date,
    or later than it for a consequence (only those when `only_later`)."""
    found = _restated_frame(own, trigger)
    if found is None or (only_later and not found[1]):
        return None
    frame, later = found
    return _after(frame.date, published) if later else dataclasses.replace(frame.date, source="context")


def _pluperfect(trigger: Token) -> bool:
    """Whether the event is told in the past perfect ("had seized"): before the story's own past."""
    verb = _verb_of(trigger)
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ == "had" for c in verb.children)


def _formerly(trigger: Token) -> bool:
    """Whether the event is told as something done once, long ago ("what Annan [once] called ..."): before the
    story, at a time the text does not give."""
    verb = _verb_of(trigger)
    return verb.tag_ == "VBD" and any(c.dep_ == "advmod" and c.lower_ in ("once", "formerly") and c.i < verb.i
                                      for c in verb.children)  # fmt: skip


def _caption_date(frames: list[Frame], trigger: Token) -> Frame | None:
    """The full date a photo caption ends on ("... arrives in court in Cairo, Egypt December 26, 2018."): the
    day of the caption's main event."""
    verb = _verb_of(trigger)
    if verb.dep_ != "ROOT" or verb.tag_ not in ("VBZ", "VBP"):
        return None
    last = max((t.i for t in verb.sent if not t.is_punct), default=-1)
    return next((f for f in frames if f.date.precision == "day" and f.span.end - 1 == last), None)


def _past_tense(trigger: Token) -> bool:
    """Whether the event's clause is told in the simple past ("recalled"), as a frame from an earlier sentence
    can only date events told that way."""
    verb = _verb_of(trigger)
    if verb.dep_ == "xcomp" and verb.tag_ in ("VBG", "VB"):
        verb = verb.head  # "began [striking]": told in the tense of the verb it completes
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("has", "have", "will", "shall", "is", "are", "am")
           for c in verb.children):  # fmt: skip
        return False
    return verb.tag_ in ("VBD", "VBN")


class TimeStage:
    """Dates events: a time expression of their own clause (or of a clause governing it), else a time frame
    set earlier in the same paragraph for an event told in the past tense ("Relations hit bottom in 2014. ...
    Ecuador recalled its ambassador": 2014, source context), else the story's own day: the day its dateline
    names, else its publication date."""

    def __call__(self, doc: Doc) -> Doc:
        article = doc._.article
        published = article.published if article is not None else None
        frames = find_frames(doc, published, entity_index(doc))
        paragraph_of = _paragraphs(doc)
        story_day = _story_day(article)
        for event in doc._.events or []:
            trigger = token_at(doc, event.trigger_start, event.trigger_end)
            date = self._date(frames, event.sentence, trigger, published, paragraph_of)
            if date is None and trigger is not None:
                date = undated(trigger, event.modality, _past_year(frames, event.sentence, published))
            event.date = date or dataclasses.replace(story_day)  # each event its own copy
        self._date_headline(doc)
        for event in doc._.events or []:
            self._flag_historical(event, published)
        return doc

    @staticmethod
    def _date_headline(doc: Doc) -> None:
        """A headline gives no date of its own; it tells the story's lead. Its event takes the date of the
        story's first event that shares a party with it (else the first of the same quad class), unless that
        event is itself dated at publication: a headline over a story of today's news about a 2010 decision
        stays today's."""
        article = doc._.article
        if article is None or not article.body_start:
            return
        events = doc._.events or []
        story = [e for e in events if e.start >= article.body_start]
        for event in (e for e in events if e.start < article.body_start and e.date.source in STORY_DAY):
            parties = {x.code for x in (*event.actor, *event.recipient)}
            lead = next((e for e in story if parties & {x.code for x in (*e.actor, *e.recipient)}), None) or next(
                (e for e in story if e.quad_class == event.quad_class), None
            )
            if lead is not None and lead.date.source not in STORY_DAY:
                event.date = dataclasses.replace(lead.date, source="context")

    @staticmethod
    def _date(frames: dict[int, list[Frame]], sentence: int, trigger: Token | None, published: dt.date | None,
              paragraph_of: list[int]) -> EventDate | None:  # fmt: skip
        """The event's date from the text, or None when the text gives it none (it is then the story's day)."""
        own = frames.get(sentence, [])
        if trigger is not None:
            ranked = [(rank, f) for f in own if (rank := _applicable(f.span, trigger)) is not None]
            if ranked:
                (level, _), nearest = min(ranked, key=lambda pair: pair[0])
                if (level >= 1 or nearest.span.root.dep_ in ("nummod", "compound")) and _later(trigger):
                    return _after(nearest.date, published)  # "2013 strikers whom police later jailed"
                if level >= 1 and (consequence := _restated(own, trigger, published, only_later=True)) is not None:
                    return consequence  # "..., a raid that led to air [strikes]"
                return nearest.date
            if (restated := _restated(own, trigger, published, only_later=False)) is not None:
                return restated  # "overran a camp in June 2017, a raid that [killed] / led to air [strikes]"
            if (caption := _caption_date(own, trigger)) is not None:
                return caption.date
            if (_past_year(frames, sentence, published) and _pluperfect(trigger)) or _formerly(trigger):
                return EventDate(
                    source="none", text=BEFORE_THE_STORY
                )  # "had been backed by a party that won in 2018"
            if (frame := _coordinated_frame(own, trigger)) is not None:
                return dataclasses.replace(frame.date, source="context")  # "decided to join ... and in 2014"
            if _past_tense(trigger) and (main := _main_clause_frame(own)):
                return dataclasses.replace(
                    main.date, source="context"
                )  # "He backed the revolts and [in 2011] ..."
            if (
                not own
                and _past_tense(trigger)
                and (frame := _running_frame(frames, sentence, paragraph_of, day=not _pluperfect(trigger)))
            ):
                return dataclasses.replace(frame.date, source="context")
        return None

    @staticmethod
    def _flag_historical(event: Event, published: dt.date | None) -> None:
        if event.date.text == BEFORE_THE_STORY:
            event.modality.historical = True
        if published is not None and event.date.end is not None and event.date.source not in STORY_DAY:
            event.modality.historical = event.date.end < published - HISTORICAL_GAP


def _past_year(frames: dict[int, list[Frame]], sentence: int, published: dt.date | None) -> bool:
    """Whether a sentence names a year before the story's."""
    return published is not None and any(
        f.date.end is not None and f.date.end.year < published.year for f in frames.get(sentence, []))  # fmt: skip


def _story_day(article: Article | None) -> EventDate:
    """The date of an event the text gives no time of its own: the day the story's dateline names ("Quito,
    September 17 --"), else its publication date, else none (never today)."""
    dateline = article.dateline if article is not None else None
    if dateline is not None and dateline.date is not None:
        return EventDate(start=dateline.date, end=dateline.date, precision="day", source="dateline",
                         text=dateline.date_text)  # fmt: skip
    if article is not None and article.published is not None:
        return EventDate(start=article.published, end=article.published, precision="day", source="publication")
    return EventDate()


def _paragraphs(doc: Doc) -> list[int]:
    """The paragraph index of each sentence (paragraphs are separated by blank lines)."""
    found, paragraph, last_end = [], 0, 0
    for sentence in doc._.sentences or []:
        if "\n\n" in doc.text[last_end : sentence.start]:
            paragraph += 1
        found.append(paragraph)
        last_end = sentence.end
    return found


def _main_clause(token: Token) -> bool:
    """Whether a clause is the sentence's main one or coordinated with it ("fled ... and met", "fell in 2015;
    the militants destroyed ...")."""
    while (token.dep_ in ("conj", "parataxis") or _before_semicolon(token)) and token.head.i != token.i:
        token = token.head
    return token.dep_ == "ROOT"


def _before_semicolon(clause: Token) -> bool:
    """A clause the parser hung as the object of a verb after a semicolon is a sentence of its own: "The town
    fell in 2015; militants destroyed a monastery"."""
    head = clause.head
    return clause.dep_ == "ccomp" and clause.i < head.i and any(
        t.text == ";" for t in clause.doc[clause.right_edge.i + 1 : head.i])  # fmt: skip


def _main_clause_frame(own: list[Frame]) -> Frame | None:
    """A year, month or period set in the sentence's main clause (or one coordinated with it), which a past
    event of another of its clauses shares when it has no date of its own; a single day belongs to its own
    clause's event."""
    main = [f for f in own if f.date.precision != "day" and _main_clause(_clause_root(f.span.root))]
    return max(main, key=lambda f: f.span.start, default=None)


def _coordinated_frame(own: list[Frame], trigger: Token) -> Frame | None:
    """A year, month or period set in a later clause coordinated with the event's past-tense clause, or with
    its clause in a list of participles, which the event shares: "her father decided to [join] the group and
    took them away in 2014", "[lifting] the ban, freeing the prisoners and opening the border in 1998"."""
    clause = _clause_root(trigger)
    participle = clause.tag_ == "VBG" and not any(c.dep_ in ("aux", "auxpass") for c in clause.children)
    if not (_past_tense(clause) or participle):  # not "has for years been [threatening] ... and in 2018 ..."
        return None
    found = [
        f for f in own if f.date.precision != "day" and clause.i in _earlier_conjuncts(_clause_root(f.span.root))
    ]
    return min(found, key=lambda f: f.span.start, default=None)


def _earlier_conjuncts(clause: Token) -> set[int]:
    """The clauses a clause is coordinated with and follows ("closed the camps" for "... and [shut] the
    schools"), through a list of any length."""
    found = set()
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = _clause_root(clause.head)
        found.add(clause.i)
    return found


def _running_frame(frames: dict[int, list[Frame]], sentence: int, paragraph_of: list[int],
                   day: bool = True) -> Frame | None:  # fmt: skip
    """The last time frame an earlier sentence of the same paragraph set in its main clause: a year, month or
    period ("in 2014", "during Correa's presidency"); a single day only for the very next sentence ("Peru's
    Congress met on Wednesday. Lawmakers removed the president"; not when `day` is false, as for what "had"
    happened before it), and a date in a subordinate phrase ("marched on Thursday to mark two years since the
    break-up") sets no frame."""
    for earlier in range(sentence - 1, -1, -1):
        if paragraph_of[earlier] != paragraph_of[sentence]:
            return None
        if frames.get(earlier):
            main = [f for f in frames[earlier] if _main_clause(_clause_root(f.span.root))]
            frame = max(main, key=lambda f: f.span.start, default=None)
            next_one = day and earlier == sentence - 1
            return frame if frame is not None and (frame.date.precision != "day" or next_one) else None
    return None


@Language.factory("annalist_time_v1", requires=["doc.ents", "doc._.events", "doc._.entities"],
                  assigns=["doc._.events"])  # fmt: skip
def make_time_stage(nlp: Language, name: str) -> TimeStage:
    """Factory: the time stage."""
    return TimeStage()
