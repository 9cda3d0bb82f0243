"""People in the text: names the tables know, titled names they do not, and later bare surnames.

A person is resolved, in order: by a full name (or alias) in the people tables; by a surname with a title
("President Moreno") that fits one table entry holding such an office around the publication date; by an
earlier mention in the same article; or, for a name the tables lack, by a title or a country in its phrase
("Ecuador's Minister of Defense Oswaldo Jarrin"). Untitled unknown names are not actors.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span

from annalist.actors.gazetteer import ActorEntry, Gazetteer, Period
from annalist.actors.mentions import FORMER, Mention
from annalist.actors.people import person_code, strip_accents, surname
from annalist.actors.spelling import SlipIndex

WHERE_PREPS = frozenset(("in", "near", "at", "outside", "around", "into", "towards", "toward"))  # "near [Goma]"
NEARBY = dt.timedelta(days=366)  # a title fits a term that ran within a year of publication
_OFFICE_WORDS = re.compile(r"[A-Za-z]+")


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
            text = token.text  # "Minister of Defense": the head word of the modifier is the title
        if text in titles:
            office = doc[token.i : token.right_edge.i + 1].text if token is not None else text
            sector = titles[text]
            first = min(first, start)
            break
    if office is not None:
        former = any(t.lower_ in FORMER for t in doc[max(first - 1, 0) : person.start])
        if former and first > 0 and doc[first - 1].lower_ in FORMER:
            first -= 1
    return office, sector, first, former


def _full_name(ent: Span) -> Span:
    """Extend a PERSON span over the proper nouns that head it: the small model often tags "Ana Cecilia" of
    "Ana Cecilia Gervasi"."""
    doc, end = ent.doc, ent.end
    while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].ent_type_ in ("", "PERSON") \
            and doc[end - 1].head.i == end:  # fmt: skip
        end += 1
    return doc[ent.start : end]


def _office_fits(title: str | None, office: str | None) -> bool:
    if title is None or office is None:
        return True
    wanted = {w.lower() for w in _OFFICE_WORDS.findall(title)} - {"of", "the", "former"}
    held = {w.lower() for w in _OFFICE_WORDS.findall(office)}
    synonyms = {"defense": "defence", "foreign": "foreign"}
    return {synonyms.get(w, w) for w in wanted} <= {synonyms.get(w, w) for w in held} | {"minister"}


def _by_surname(name: str, title: str | None, published: dt.date | None, gazetteer: Gazetteer,
                slips: SlipIndex | None = None) -> ActorEntry | None:  # fmt: skip
    """The one table entry a surname can mean around the publication date: one who held the title's office
    (any office, for a bare surname first met untitled: "Putin offered to negotiate"; news names only the
    best-known leaders so) within a year of it. With no publication date, any term fits; if the fitting
    entries all share a country ("President Bush"), the name is that country's, though which of them it is
    stays unknown. With `slips`, a surname misspelt by a letter is read as the one it is a slip of (the title
    must still fit: "President Hosni Mubarrak")."""
    codes = gazetteer.surnames.get(name) or gazetteer.surnames.get(strip_accents(name)) or set()
    if not codes and slips is not None and (corrected := slips.correct(name)) is not None:
        codes = gazetteer.surnames[corrected]
    fits = []
    for code in sorted(codes):
        entry = gazetteer.entries[code]
        if any(_office_fits(title, p.office) and _in_office_near(p, published) for p in entry.periods):
            fits.append(entry)
    if len(fits) == 1:
        return fits[0]
    countries = {entry.country for entry in fits}
    if published is None and len(countries) == 1 and None not in countries:
        return _entry_for_unknown(name, countries.pop())
    return None


def _in_office_near(period: Period, day: dt.date | None) -> bool:
    """Whether a term ran within a year of a day (any term, with no day)."""
    return day is None or ((period.start is None or period.start - NEARBY <= day)
                           and (period.end is None or day <= period.end + NEARBY))  # fmt: skip


def _entry_for_unknown(name: str, country: str | None) -> ActorEntry:
    return ActorEntry(code=person_code(name), name=name, country=country, kind="person", source="text")


def _mention(span: Span, entry: ActorEntry, gazetteer: Gazetteer, country_mention: Mention | None,
             published: dt.date | None, body: Mention | None = None) -> Mention:  # fmt: skip
    office, sector, first, former = _title(span, gazetteer)
    form = "person"
    if body is not None and country_mention is None:  # "U.N. envoy X" speaks for the U.N., whatever X was before
        entry = ActorEntry(code=entry.code, name=entry.name, country=body.entry.country, kind="person",
                           sector=body.sector or entry.sector, source=body.entry.source)  # fmt: skip
        sector, country_mention, form = sector or body.sector or entry.sector, body, "envoy"
    period = entry.at(published)
    if period is not None:
        sector, office = period.sector or sector, office or period.office
    if former:
        sector = "ELI"
    if country_mention is not None:
        first = min(first, country_mention.start)
    return Mention(start=first, end=span.end, entry=entry, form=form, sector=sector, office=office, former=former)


def _country_in(span: Span, named: dict[int, Mention]) -> Mention | None:
    return next((named[t.i] for t in span.root.subtree if t.i in named and named[t.i].entry.kind == "state"), None)


def _body_in(span: Span, named: dict[int, Mention]) -> Mention | None:
    """The international organisation named in a person's title ("[U.N.] envoy X", "[IMF] chief X")."""
    return next((named[t.i] for t in span.root.subtree
                 if t.i < span.start and t.i in named and named[t.i].entry.kind == "organisation"), None)  # fmt: skip


def find_people(doc: Doc, gazetteer: Gazetteer, named: list[Mention], tabled: list[Mention],
                slips: SlipIndex | None = None) -> list[Mention]:  # fmt: skip
    """Every person mention: table names, titled names, and later surnames of people already met.

    doc (Doc): the parsed Doc.
    gazetteer (Gazetteer): with the people tables loaded.
    named (list[Mention]): the other gazetteer mentions (countries, organisations), for titles' countries.
    tabled (list[Mention]): full names the people tables matched.
    slips (SlipIndex): the tables' surnames, for titled names misspelt by a letter.
    RETURNS (list[Mention]): the person mentions.
    """
    published = doc._.article.published if doc._.article is not None else None
    by_token = {i: m for m in named for i in range(m.start, m.end)}
    people = [_mention(doc[m.start : m.end], m.entry, gazetteer, _country_in(doc[m.start : m.end], by_token),
                       published, _body_in(doc[m.start : m.end], by_token)) for m in tabled]  # fmt: skip
    taken = {i for m in [*people, *(m for m in named if m.entry.kind != "state")] for i in range(m.start, m.end)}
    met: set[str] = set()  # the surnames of the people named so far
    for found in doc.ents:
        if found.label_ != "PERSON":
            continue
        span = _full_name(found)
        if len(span) > 1:
            met.add(span[-1].text)
        if any(i in taken for i in range(span.start, span.end)):
            continue
        if all(i in by_token and by_token[i].entry.kind == "state" for i in range(span.start, span.end)):
            continue  # the recogniser took a country's name for a person's ("a loan to Malawi")
        country = _country_in(span, by_token)
        office, _, _, _ = _title(span, gazetteer)
        entry = (
            _by_surname(span[-1].text, office, published, gazetteer, slips) if len(span) <= 2 and office else None
        )
        if entry is None and office is None and country is None and len(span) == 1 and span.text not in met \
                and not (span.root.dep_ == "pobj" and span.root.head.lower_ in WHERE_PREPS):  # fmt: skip
            entry = _by_surname(span.text, None, published, gazetteer)  # not "Hunter Biden ... Biden said"; a
            # bare name where a place would stand ("fighting near Goma") is the place, whatever the tables hold
        if entry is None and country is None and office is None:
            continue  # an untitled name of no known country is not yet an actor
        people.append(_mention(span, entry or _entry_for_unknown(span.text.strip(), country.entry.country if country
                                                                  else None), gazetteer, country, published))  # fmt: skip
        taken.update(range(span.start, span.end))
    people += list(_later_surnames(doc, people, taken))
    return people


def _later_surnames(doc: Doc, people: list[Mention], taken: set[int]) -> Iterator[Mention]:
    """Later bare mentions of a person's surname ("Jarrin said") resolve to that person."""
    surnames: dict[str, Mention] = {}
    for mention in sorted(people, key=lambda m: m.start):
        surnames[surname(mention.entry.name, mention.entry.country) or doc[mention.end - 1].text] = mention
        surnames.setdefault(doc[mention.end - 1].text, mention)
    for token in doc:
        person = surnames.get(token.text)
        if person is None or token.i in taken or token.pos_ != "PROPN" or token.i < person.end:
            continue
        if token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "PROPN":
            continue  # part of another name
        yield Mention(start=token.i, end=token.i + 1, entry=person.entry, form="surname",
                      sector=person.sector, office=person.office, former=person.former)  # fmt: skip
