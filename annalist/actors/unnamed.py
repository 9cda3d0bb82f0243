"""Actors named by their sector alone ("police in Kaduna", "demonstrators", "the army") and people named by a
demonym who live elsewhere ("ethnic Albanians in southern Serbia" are coded to Serbia, as PLOVER does, and
"ethnic Albanians" with no such place to where the event happens).

The country comes from the phrase's own place ("in Kaduna"), else from whom the actor is loyal to ("forces
loyal to the president's rival" are his country's), else from a state actor of the same sector just
named ("Moldova's parliament ... lawmakers"), else, for "the army", "the government" and the like, and for
people ("protesters", "students", "workers"), from the article's dominant country; otherwise it stays unknown
here and the actor-context stage may take it from the event's place.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from spacy.tokens import Doc, Token

from annalist.actors.gazetteer import ActorEntry, Gazetteer
from annalist.actors.mentions import Mention, phrase_text
from annalist.places.gazetteer import PlaceIndex

LOCATING_PREPS = ("in", "of", "from", "across", "throughout")
DEFINITE_SECTORS = ("GOV", "MIL", "COP", "LEG", "JUD")  # "the army" means the article's own country's
# "protesters", "students", "strikers" in a story about one country are that country's people
PEOPLE_SECTORS = ("CVL", "OPP", "LAB", "EDU")


def dominant_country(doc: Doc, named: list[Mention], places: PlaceIndex) -> str | None:
    """The country an article is about: the dateline's, else the country its states and places name most
    (twice, and more than any other), else the only country it names at all."""
    article = doc._.article
    if article is not None and article.dateline is not None and article.dateline.place:
        place = places.best(article.dateline.place)
        if place is not None:
            return place.country
    counts = Counter(m.entry.country for m in named if m.entry.kind == "state" and m.entry.country)
    context = set(counts)
    covered = {i for m in named for i in range(m.start, m.end)}
    for ent in doc.ents:
        if ent.label_ == "GPE" and ent.start not in covered and (place := places.best(ent.text, context)):
            counts[place.country] += 1
    ranked = counts.most_common(2)
    if len(ranked) == 1 or (ranked and ranked[0][1] >= 2 and ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    return None


def _definite(token: Token) -> bool:
    """ "the army", "police", "riot police": the article's own forces, not "a foreign army"."""
    determiners = [c.lower_ for c in token.children if c.dep_ in ("det", "poss")]
    return determiners == ["the"] or (not determiners and token.tag_ in ("NN", "NNS")
                                      and not any(c.dep_ == "amod" for c in token.children))  # fmt: skip


def _common_noun(token: Token) -> bool:
    """A common noun, or one the tagger took for a name because it opens the sentence ("[Rebels] in Chad")."""
    return token.pos_ == "NOUN" or (token.pos_ == "PROPN" and bool(token.is_sent_start) and token.text.istitle())


def _standalone(token: Token, gazetteer: Gazetteer) -> tuple[str | None, int]:
    standalone = gazetteer.sectors.standalone
    for width in (3, 2, 1):
        first = token.i - width + 1
        if first < 0:
            continue
        tokens = list(token.doc[first : token.i + 1])
        if width > 1 and any(t.dep_ not in ("compound", "amod") for t in tokens[:-1]):
            continue
        text, lemma = phrase_text(tokens)
        if token.pos_ == "PROPN" and text.endswith("s"):
            lemma = text[:-1]  # the tagger's name keeps its plural: "Rebels"
        if sector := standalone.get(text) or standalone.get(lemma):
            return sector, first
    return None, token.i


def _phrase_end(pobj: Token) -> int:
    """Where a place phrase ends, before any place coordinated with it ("from India [and France]")."""
    coordinated = {t.i for c in pobj.children if c.dep_ in ("conj", "cc") for t in c.subtree}
    return max(t.i for t in pobj.subtree if t.i not in coordinated) + 1


def _coordinated_states(pobj: Token, by_token: dict[int, Mention]) -> list[Mention]:
    """The state mentions coordinated with a place: "troops from India and [France]"."""
    found = (by_token.get(c.i) for c in pobj.conjuncts)
    return [m for m in found if m is not None and m.entry.kind == "state" and m.entry.country]


def place_of(token: Token, by_token: dict[int, Mention], places: PlaceIndex,
             context: set[str]) -> tuple[str, Mention | None, int, list[Mention]] | None:  # fmt: skip
    """The country a noun is placed in by its own preposition ("police [in Kaduna]"), the state mention
    that names it (if any), where the place phrase ends, and the states coordinated with the place."""
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in LOCATING_PREPS):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            mention = by_token.get(pobj.i)
            if mention is not None and mention.entry.kind == "state" and mention.entry.country:
                return mention.entry.country, mention, _phrase_end(pobj), _coordinated_states(pobj, by_token)
            if pobj.pos_ == "PROPN":
                name = " ".join(t.text for t in pobj.subtree if t.pos_ == "PROPN")
                place = places.best(name, context)
                if place is not None:
                    return place.country, None, pobj.right_edge.i + 1, []
    return None


LOYALTY = ("loyal", "faithful")  # "forces loyal to X" fight for X: X's country is theirs


def _patron_rank(mention: Mention, pobj: Token, beside: list[Mention | None]) -> tuple[bool, bool, bool, int]:
    """The patron's own name first, then a name set beside it, then a state, each in text order."""
    named_beside = any(mention is other for other in beside)
    return (
        not mention.start <= pobj.i < mention.end,
        not named_beside,
        mention.entry.kind != "state",
        mention.start,
    )


def _patron(token: Token, by_token: dict[int, Mention]) -> tuple[str, int, list[Mention]] | None:
    """Whom a noun is loyal to ("fighters loyal to [the ousted emir]"): the patron's country, where the phrase
    ends, and the mentions inside it. The patron's own name comes first, then a name set beside it, then a
    state that owns it ("Chad's ousted emir")."""
    for adjective in (c for c in token.children if c.dep_ == "amod" and c.lower_ in LOYALTY):
        for pobj in (
            p for prep in adjective.children if prep.lower_ == "to" for p in prep.children if p.dep_ == "pobj"
        ):
            inside = {by_token[t.i].start: by_token[t.i] for t in pobj.subtree if t.i in by_token}
            beside = [by_token.get(c.i) for c in pobj.children if c.dep_ == "appos"]
            ranked = sorted(inside.values(), key=lambda m: _patron_rank(m, pobj, beside))
            patron = next((m for m in ranked if m.entry.country), None)
            if patron is not None:
                return patron.entry.country or "", pobj.right_edge.i + 1, list(inside.values())
    return None


def _same_sector_before(token: Token, sector: str, named: list[Mention]) -> str | None:
    """ "Moldova's parliament met ... [Lawmakers] voted": the country of the one state actor of the same sector
    named in this sentence or the one before, if there is exactly one."""
    sent_of = token.doc._.sent_of
    here = sent_of[token.i]
    countries = {m.entry.country for m in named if m.sector == sector and m.entry.kind == "state" and m.end <= token.i
                 and here - sent_of[m.start] <= 1 and m.entry.country}  # fmt: skip
    return countries.pop() if len(countries) == 1 else None


def find_unnamed(doc: Doc, gazetteer: Gazetteer, named: list[Mention], taken: set[int], places: PlaceIndex,
                 dominant: str | None) -> Iterator[tuple[Mention, list[Mention]]]:  # fmt: skip
    """Sector-noun actors, each with the mentions its own phrase absorbs ("police [in Kaduna]", "troops loyal
    to [the general]")."""
    by_token = {i: m for m in named for i in range(m.start, m.end)}
    context = {m.entry.country for m in named if m.entry.country}
    for token in doc:
        if not _common_noun(token) or token.i in taken or token.dep_ in ("compound", "amod"):
            continue
        sector, first = _standalone(token, gazetteer)
        if sector is None or any(i in taken for i in range(first, token.i + 1)):
            continue
        located = place_of(token, by_token, places, context)
        end, absorbed, country, how = token.i + 1, [], None, "noun"
        if located is not None:
            country, place, end, coordinated = located
            absorbed, how = [place] if place else [], "place"
            for other in coordinated:  # "troops from India and France": France's troops too
                other.sector = other.sector or sector
        elif (patron := _patron(token, by_token)) is not None:
            country, end, absorbed = patron
            how = "loyal"
        elif (earlier := _same_sector_before(token, sector, named)) is not None:
            country, how = earlier, "coref"
        elif dominant and ((sector in DEFINITE_SECTORS and _definite(token)) or sector in PEOPLE_SECTORS):
            country, how = dominant, "article"
        state = gazetteer.entries.get(country or "")
        entry = ActorEntry(code=country or "UNK", name=state.name if state else token.lemma_, country=country,
                           kind="state" if sector in DEFINITE_SECTORS else "group", source="sector")  # fmt: skip
        yield Mention(start=first, end=end, entry=entry, form=how, sector=sector), absorbed


def relocate(doc: Doc, mentions: list[Mention], places: PlaceIndex) -> None:
    """People named by a plural demonym ("Albanians in Serbia") or as ethnic kin ("ethnic Serb fighters")
    are coded to the country the text places them in; ethnic ones the text does not place are left for the
    event's place to code."""
    by_token = {i: m for m in mentions for i in range(m.start, m.end)}
    context = {m.entry.country for m in mentions if m.entry.country}
    for mention in mentions:
        head = doc[mention.end - 1]
        kin = mention.start > 0 and doc[mention.start - 1].lower_ == "ethnic"  # "ethnic Serb fighters"
        people = head.tag_ in ("NNPS", "NNS") and head.text[:1].isupper()
        if mention.form != "demonym" or not (people or kin):
            continue  # "Albanians in Serbia" live there; "Rwandan ministers in Angola" only visit
        mention.sector = mention.sector or "CVL"
        located = place_of(head, by_token, places, context)
        if located is None and (kin or any(c.dep_ == "amod" and c.lower_ == "ethnic" for c in head.children)):
            # "ethnic Albanians" are no one's state until the event places them
            name = doc[mention.start - 1 : mention.end].text if kin else f"ethnic {head.text}"
            mention.entry = ActorEntry(code="UNK", name=name, country=None, kind="group", source="sector")
            mention.form = "ethnic"
        elif located is not None and located[0] != mention.entry.country:
            country = located[0]
            state = next((m.entry for m in mentions if m.entry.code == country), None)
            mention.entry = state or ActorEntry(code=country, name=country, country=country, kind="state",
                                                source="demonym/place")  # fmt: skip
