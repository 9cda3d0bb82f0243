"""Finding actor mentions in a parsed Doc: gazetteer names, the sector words around them, titled people.

Find first, then write: `find_mentions` returns plain `Mention`s; the stage turns them into `Entity`s.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from annalist.actors.gazetteer import ActorEntry, Gazetteer

BLOCK = "\0block"
_MODIFIER_DEPS = ("poss", "compound", "amod", "nmod", "npadvmod")
_FORMER = ("former", "ex", "ex-", "late", "then")


@dataclass(slots=True)
class Mention:
    """A span of the Doc that names an actor, with what the text says of its sector and office."""

    start: int  # token offsets
    end: int
    entry: ActorEntry
    form: str  # name, demonym, capital, seat, person
    sector: str | None
    office: str | None = None
    former: bool = False


class NameMatcher:
    """Finds every gazetteer phrase (and blocklisted phrase) in a Doc: exact phrases case-sensitively,
    user-dictionary phrases in any case, prefix phrases by the start of their last word."""

    def __init__(self, nlp: Language, gazetteer: Gazetteer) -> None:
        vocab = nlp.vocab
        self.exact = PhraseMatcher(vocab, attr="ORTH")
        self.lower = PhraseMatcher(vocab, attr="LOWER")
        self.prefix = Matcher(vocab)
        self.keys: dict[int, tuple[str, str]] = {}
        grouped: dict[tuple[str, str, str], list[str]] = {}
        for phrase in gazetteer.phrases:
            grouped.setdefault((phrase.code, phrase.form, phrase.match), []).append(phrase.text)
        grouped[(BLOCK, BLOCK, "exact")] = list(gazetteer.blocklist)
        for (code, form, match), texts in grouped.items():
            key = f"{code}|{form}"
            self.keys[vocab.strings.add(key)] = (code, form)
            if match == "prefix":
                self.prefix.add(key, [self._prefix_pattern(text) for text in texts])
            else:
                (self.lower if match == "lower" else self.exact).add(key, [nlp.make_doc(text) for text in texts])

    @staticmethod
    def _prefix_pattern(text: str) -> list[dict[str, object]]:
        *words, last = text.lower().split()
        pattern: list[dict[str, object]] = [{"LOWER": word} for word in words]
        return [*pattern, {"LOWER": {"REGEX": f"^{re.escape(last)}"}}]

    def __call__(self, doc: Doc) -> list[Span]:
        """Every match, as spans labelled with their key, overlaps included."""
        found = [
            match for matcher in (self.exact, self.lower, self.prefix) if len(matcher) for match in matcher(doc)
        ]
        return [Span(doc, start, end, label=match_id) for match_id, start, end in found]


def _phrase_text(tokens: list[Token]) -> tuple[str, str]:
    """The lower-case text of a phrase, and the same with its last word lemmatised."""
    words = [t.lower_ for t in tokens]
    lemma = words[:-1] + [tokens[-1].lemma_.lower()]
    return " ".join(words), " ".join(lemma)


def sector_of_head(head: Token, gazetteer: Gazetteer) -> tuple[str | None, int]:
    """The sector a head noun signals ("military" -> MIL, "security forces" -> COP), with its first token.

    RETURNS (tuple): the sector or None, and the index of the first token of the sector phrase.
    """
    nouns = gazetteer.sectors.nouns
    for width in (3, 2, 1):
        first = head.i - width + 1
        if first < 0:
            continue
        tokens = list(head.doc[first : head.i + 1])
        if width > 1 and any(t.dep_ not in ("compound", "amod") for t in tokens[:-1]):
            continue
        text, lemma = _phrase_text(tokens)
        sector = nouns.get(text) or nouns.get(lemma)
        if sector:
            return sector, first
    return None, head.i


def _governing_noun(span: Span) -> Token | None:
    """The noun an actor name modifies: "Ecuador's [military]", "Israeli [officials]"."""
    root = span.root
    if root.dep_ in _MODIFIER_DEPS and root.head.pos_ in ("NOUN", "PROPN") and root.head.i >= span.end:
        return root.head
    return None


def _named_mentions(doc: Doc, matcher: NameMatcher, gazetteer: Gazetteer) -> Iterator[Mention]:
    for span in filter_spans(matcher(doc)):
        code, form = matcher.keys[span.label]
        if code == BLOCK:
            continue
        entry = gazetteer.entries[code]
        sector = entry.sector or ("GOV" if form in ("capital", "seat") else None)
        end = span.end
        head = _governing_noun(span)
        if head is not None and head.ent_type_ != "PERSON":
            head_sector, _ = sector_of_head(head, gazetteer)
            if head_sector:
                sector, end = head_sector, head.i + 1
        yield Mention(start=span.start, end=end, entry=entry, form=form, sector=sector)


_SLUG = re.compile(r"[^A-Z0-9]+")


def _title(person: Span, gazetteer: Gazetteer) -> tuple[str | None, str | None, int, bool]:
    """The title before or around a person's name: (office, sector, first token, former)."""
    titles = gazetteer.sectors.titles
    doc = person.doc
    first = person.start
    office = sector = None
    former = False
    # "President Lenin Moreno", "Foreign Minister X", "Ecuador's Minister of Defense X"
    modifiers = [t for t in person.root.children if t.i < person.start and t.dep_ in ("compound", "nmod", "appos")]
    candidates = [(t.left_edge.i, t) for t in modifiers] + [(person.start - w, None) for w in (3, 2, 1)]
    for start, token in candidates:
        if start < 0:
            continue
        words = doc[start : person.start] if token is None else doc[token.i : token.i + 1]
        text = words.text.replace(" - ", "-")
        if token is not None and text not in titles:
            # "Minister of Defense": the head word of the modifier is the title
            text = token.text
        if text in titles:
            office, sector = (
                (doc[token.i : token.right_edge.i + 1].text if token is not None else text),
                titles[text],
            )
            first = min(first, start)
            break
    if office is not None and first > 0 and doc[first - 1].lower_ in _FORMER:
        former, first = True, first - 1
    return office, sector, first, former


def _full_name(ent: Span) -> Span:
    """Extend a PERSON span over the proper nouns that head it: the small model often tags "Ana Cecilia" of
    "Ana Cecilia Gervasi"."""
    doc, end = ent.doc, ent.end
    while (
        end < len(doc)
        and doc[end].pos_ == "PROPN"
        and doc[end].ent_type_ in ("", "PERSON")
        and doc[end - 1].head.i == end
    ):
        end += 1
    return doc[ent.start : end]


def _person_mentions(doc: Doc, taken: set[int], named: list[Mention], gazetteer: Gazetteer) -> Iterator[Mention]:
    by_token = {i: m for m in named for i in range(m.start, m.end)}
    for found in doc.ents:
        if found.label_ != "PERSON":
            continue
        ent = _full_name(found)
        if any(i in taken for i in range(ent.start, ent.end)):
            continue
        office, sector, first, former = _title(ent, gazetteer)
        country_mention = next(
            (by_token[t.i] for t in ent.root.subtree if t.i in by_token and by_token[t.i].entry.kind == "state"),
            None,
        )
        if country_mention is None and office is None:
            continue  # an untitled name of no known country is not yet an actor
        if country_mention is not None:
            first = min(first, country_mention.start)
        name = ent.text.strip()
        entry = ActorEntry(
            code=_SLUG.sub("_", name.upper()).strip("_"),
            name=name,
            country=country_mention.entry.country if country_mention else None,
            kind="person",
            source="text",
        )
        yield Mention(start=first, end=ent.end, entry=entry, form="person",
                      sector="ELI" if former else sector, office=office, former=former)  # fmt: skip


def _later_surnames(doc: Doc, people: list[Mention], taken: set[int]) -> Iterator[Mention]:
    """Later bare mentions of a titled person's surname ("Jarrin said") resolve to that person."""
    surnames = {doc[m.end - 1].text: m for m in people if m.end - m.start >= 1}
    for token in doc:
        person = surnames.get(token.text)
        if person is None or token.i in taken or token.pos_ != "PROPN" or token.i < person.end:
            continue
        if token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "PROPN":
            continue  # part of another name
        yield Mention(start=token.i, end=token.i + 1, entry=person.entry, form="surname",
                      sector=person.sector, office=person.office, former=person.former)  # fmt: skip


def find_mentions(doc: Doc, matcher: NameMatcher, gazetteer: Gazetteer) -> list[Mention]:
    """Every actor mention in the Doc, in text order, without overlaps.

    RETURNS (list[Mention]): the mentions.
    """
    named = list(_named_mentions(doc, matcher, gazetteer))
    taken = {i for m in named if m.entry.kind != "state" for i in range(m.start, m.end)}
    people = list(_person_mentions(doc, taken, named, gazetteer))
    # a country named inside a person's title ("Ecuador's Minister ... Jarrin") belongs to the person
    absorbed = {id(m) for m in named for p in people if p.start <= m.start and m.end <= p.end}
    mentions = [m for m in named if id(m) not in absorbed] + people
    taken = {i for m in mentions for i in range(m.start, m.end)}
    mentions += list(_later_surnames(doc, people, taken))
    return sorted(mentions, key=lambda m: m.start)
