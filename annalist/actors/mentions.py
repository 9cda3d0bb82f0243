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
from annalist.actors.spelling import SlipIndex
from annalist.places.gazetteer import PlaceIndex, rivals

BLOCK = "\0block"
_MODIFIER_DEPS = ("poss", "compound", "amod", "nmod", "npadvmod")
FORMER = ("former", "ex", "ex-", "late", "then")
STANCES = frozenset(("anti", "pro"))
NAMESAKE_ODDS = 50  # Tripoli, Lebanon is a sixth of Tripoli, Libya; Moscow, Idaho a 400th of Moscow
HYPHENS = frozenset(("-", "–"))


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
    noun: int | None = None  # the shared head noun of coordinated names ("Congolese and Rwandan [ministers]")


class NameMatcher:
    """Finds every gazetteer phrase (and blocklisted phrase) in a Doc: exact phrases case-sensitively,
    user-dictionary phrases in any case, prefix phrases by the start of their last word; and a one-word state
    name or demonym misspelt by one letter ("Kazakstan"): a proper noun the recogniser does not take for a
    person or an organisation, and no place or surname the tables know (see spelling.py)."""

    def __init__(self, nlp: Language, gazetteer: Gazetteer, places: PlaceIndex) -> None:
        vocab = nlp.vocab
        self.places = places
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
        self.slip_keys = {
            phrase.text: vocab.strings[f"{phrase.code}|{phrase.form}"]
            for phrase in gazetteer.phrases
            if phrase.form in ("name", "demonym") and gazetteer.entries[phrase.code].kind == "state"
        }
        self.state_slips = SlipIndex(self.slip_keys)
        self.surname_slips = SlipIndex(gazetteer.surnames)
        self.surnames = gazetteer.surnames

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
        return [Span(doc, start, end, label=match_id) for match_id, start, end in found] + self._misspelt(
            doc, found
        )

    def _misspelt(self, doc: Doc, found: list[tuple[int, int, int]]) -> list[Span]:
        covered = {i for _, start, end in found for i in range(start, end)}
        spans = []
        for token in doc:
            if token.i in covered or token.pos_ != "PROPN" or token.ent_type_ not in ("", "GPE", "NORP", "LOC") \
                    or not token.text[:1].isupper() or token.text in self.surnames:  # fmt: skip
                continue
            name = self.state_slips.correct(token.text)
            if name is not None and not self.places.lookup(token.text):
                spans.append(Span(doc, token.i, token.i + 1, label=self.slip_keys[name]))
        return spans


def phrase_text(tokens: list[Token]) -> tuple[str, str]:
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
        text, lemma = phrase_text(tokens)
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


def _shared_noun(span: Span) -> Token | None:
    """The noun coordinated names modify together: "Congolese and [Rwandan] ministers", "[Congolese] and
    Rwandan ministers"; None for a name not coordinated with another modifier."""
    root = span.root
    if root.dep_ == "conj" and root.head.dep_ in _MODIFIER_DEPS and root.head.head.i > root.i:
        return root.head.head
    if root.dep_ in _MODIFIER_DEPS and any(c.dep_ == "conj" and c.i < root.head.i for c in root.children):
        return root.head
    return None


def _stance(doc: Doc, start: int) -> bool:
    """Whether a name is a stance taken toward it ("an anti-Iran cleric", "pro-Russian separatists"),
    which says nothing of whose the people are."""
    return start >= 2 and doc[start - 1].text in HYPHENS and doc[start - 2].lower_ in STANCES


def named_mentions(doc: Doc, matcher: NameMatcher, gazetteer: Gazetteer) -> Iterator[Mention]:
    """Gazetteer names with the sector of the noun they modify ("Israeli [officials]"); names coordinated
    before one noun are one mention each, with the noun's sector ("Congolese and Rwandan ministers")."""
    for span in filter_spans(matcher(doc)):
        code, form = matcher.keys[span.label]
        if code == BLOCK or _stance(doc, span.start):
            continue
        entry = gazetteer.entries[code]
        sector = entry.sector or ("GOV" if form in ("capital", "seat") else None)
        end, shared = span.end, _shared_noun(span)
        head = shared or _governing_noun(span)
        if head is not None and head.ent_type_ != "PERSON":
            head_sector, _ = sector_of_head(head, gazetteer)
            if head_sector:
                sector, end = head_sector, span.end if shared is not None else head.i + 1
        yield Mention(start=span.start, end=end, entry=entry, form=form, sector=sector,
                      noun=shared.i if shared is not None else None)  # fmt: skip


def _namesake_towns(doc: Doc, named: list[Mention], places: PlaceIndex) -> list[Mention]:
    """Capitals that are a sizeable namesake town of a country the article names instead of the capital's own:
    the Tripoli of a story about Lebanon is a Lebanese port, not Libya's government (but Moscow in a story
    naming Americans is still Russia's, not a small town in Idaho)."""
    context = {m.entry.country for m in named if m.entry.country and m.form != "capital"}
    towns = []
    for mention in (m for m in named if m.form == "capital" and m.entry.country not in context):
        text = doc[mention.start : mention.end].text
        town, capital = places.best(text, context), places.best(text, {mention.entry.country or ""})
        if (
            town is not None
            and town.country in context
            and (capital is None or rivals(town, capital, NAMESAKE_ODDS))
        ):
            towns.append(mention)
    return towns


def find_mentions(doc: Doc, matcher: NameMatcher, gazetteer: Gazetteer, places: PlaceIndex) -> list[Mention]:
    """Every actor mention in the Doc, in text order, without overlaps: names, people, actors named by their
    sector, and references to them.

    RETURNS (list[Mention]): the mentions.
    """
    from annalist.actors.coref import find_references
    from annalist.actors.persons import find_people
    from annalist.actors.unnamed import dominant_country, find_unnamed, relocate

    found = list(named_mentions(doc, matcher, gazetteer))
    named = [m for m in found if m.entry.kind != "person"]
    people = find_people(
        doc, gazetteer, named, [m for m in found if m.entry.kind == "person"], matcher.surname_slips
    )
    # a country named inside a person's title ("Ecuador's Minister ... Jarrin") belongs to the person
    absorbed = {id(m) for m in named for p in people if p.start <= m.start and m.end <= p.end}
    absorbed |= {id(m) for m in _namesake_towns(doc, named, places)}
    mentions = [m for m in named if id(m) not in absorbed] + people
    relocate(doc, mentions, places)
    dominant = dominant_country(doc, mentions, places)
    taken = {i for m in mentions for i in range(m.start, m.end)} | {m.noun for m in mentions if m.noun is not None}
    for mention, absorbed_here in list(find_unnamed(doc, gazetteer, mentions, taken, places, dominant)):
        for part in absorbed_here:  # "police in Kaduna": the place is part of the actor, not an actor
            if part in mentions:
                mentions.remove(part)
        mentions.append(mention)
        taken.update(range(mention.start, mention.end))
    mentions += list(find_references(doc, mentions, taken, dominant, gazetteer))
    return sorted(mentions, key=lambda m: m.start)
