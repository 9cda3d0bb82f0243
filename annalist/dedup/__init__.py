"""Deduplication: the mentions of one real-world event, in one article or many, grouped into one cluster.

A mention is an event as one article reports it. Mentions are clustered incrementally, in a fixed order (by
publication date, article and position), so the same input gives the same clusters and the same ids; a new
article's mentions join the existing clusters without recomputing them.

A mention joins the most similar cluster of the same event type when it is compatible with it and their
similarity reaches the threshold (setting `dedup_threshold`, default 0.45):

- compatible: the same event type (the police response to a march is another event than the march; letting
  neighbouring types join cost more precision than it gained); parties that overlap (roles aside: "X met Y"
  and "talks between X and Y" are one meeting), but not the same two parties in reversed roles for a directed
  event (an attack and the retaliation); dates within DAY_WINDOW days of each other when both are known to
  the day, overlapping otherwise, and a day the text gives equal to a day the cluster's texts give, if they
  give any (a publication day is only a bound); city or site points within NEAR_KM of each other, same
  country otherwise;
- similarity: 0.35 x party overlap + 0.25 x the share of the mention's content words the cluster's reports
  use + 0.2 x date closeness + 0.2 x place agreement.

A mention that names no party ("the protesters gathered outside Congress") takes, for clustering only, the
parties of the nearest mention of the same type in its article (see `with_article_context`): body sentences
rarely repeat who did what, and the headline, lede and body mentions of one event should be one event. Such
borrowed parties count at a discount (CONTEXT_DYAD). A mention with no party even in its article is compared
with every cluster of its type and time, at a low party score (NO_PARTY), so only its words, day and place
can join it to one. An organisation of a few states (Mercosur, the Gulf Cooperation Council) and one of its
members are parties that meet, at a discount (MEMBER_DYAD): "Mercosur leaders met" and "Uruguay's plans
overshadowed the summit" report one summit.

A cluster is founded by its first mention; its id is a hash of that mention's id.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from spacy.lang.en.stop_words import STOP_WORDS

from annalist.places.gazetteer import great_circle_km

DAY_WINDOW = 3  # days apart two reports' dates may be when one of them is only the publication date
TEXT_DAY_WINDOW = 0  # two dates the texts themselves give must agree: the next day is another event
NEAR_KM = 50.0
DEFAULT_THRESHOLD = 0.45
WEIGHTS = {"dyad": 0.35, "words": 0.25, "date": 0.2, "place": 0.2}
CONTEXT_DYAD = 0.75  # party agreement through parties borrowed from the article counts at this share
NO_PARTY = 0.3  # party agreement when one side names no party at all: the words, day and place must tell
MEMBER_DYAD = 0.6  # an organisation and one of its member states, as the two sides' only common party
SYMMETRIC = frozenset(("CONSULT", "AGREE", "COOPERATE", "SUPPORT"))  # "X met Y" is "Y met X"
_WORD = re.compile(r"[a-z][a-z'-]{2,}")
MAX_WORDS = 60
ANY = "*"  # the blocking key every cluster is also filed under, for mentions that name no party


def content_words(text: str) -> frozenset[str]:
    """The sentence's words that carry content (lower case, no stop words)."""
    return frozenset(w for w in _WORD.findall(text.lower()) if w not in STOP_WORDS)


@dataclass(slots=True)
class Mention:
    """What clustering needs of one event mention."""

    id: str
    article_id: str
    event: str
    actors: frozenset[str]
    recipients: frozenset[str]
    date_start: dt.date | None
    date_end: dt.date | None
    precision: str | None
    dated_by_text: bool  # the date comes from the text, not from the publication date
    country: str | None  # of the place, if known
    lat: float | None
    lon: float | None
    point_precise: bool  # a city or site, not the centre of a region
    words: frozenset[str]
    order: tuple[str, str, int]  # (publication date, article id, position): the order of clustering
    context: frozenset[str] = frozenset()  # parties borrowed from the article when the mention names none
    member_states: frozenset[str] = frozenset()  # of the small organisations among its parties


@dataclass(slots=True)
class Cluster:
    id: str
    event: str
    actors: set[str] = field(default_factory=set)
    recipients: set[str] = field(default_factory=set)
    context: set[str] = field(default_factory=set)  # parties its partyless mentions borrowed from their articles
    member_states: set[str] = field(default_factory=set)  # of the small organisations among its parties
    day_dates: list[tuple[dt.date, bool]] = field(default_factory=list)  # day-precise dates, dated by text?
    span: tuple[dt.date, dt.date] | None = None  # the widest dates its mentions give
    coarse_years: set[int] = field(default_factory=set)  # years its mentions dated coarser than a day cover
    countries: set[str] = field(default_factory=set)
    points: list[tuple[float, float]] = field(default_factory=list)
    precise_points: bool = False
    words: Counter[str] = field(default_factory=Counter)
    members: list[str] = field(default_factory=list)

    def absorb(self, mention: Mention) -> None:
        self.actors |= mention.actors
        self.recipients |= mention.recipients
        self.context |= mention.context
        self.member_states |= mention.member_states
        if mention.precision == "day" and mention.date_start is not None:
            self.day_dates.append((mention.date_start, mention.dated_by_text))
        if mention.date_start is not None:
            end = mention.date_end or mention.date_start
            if mention.precision != "day":
                self.coarse_years.update(
                    range(mention.date_start.year, min(end.year, mention.date_start.year + 10) + 1)
                )
            self.span = (min(self.span[0], mention.date_start), max(self.span[1], end)) if self.span else (
                mention.date_start, end)  # fmt: skip
        if mention.country:
            self.countries.add(mention.country)
        if mention.lat is not None and mention.lon is not None:
            self.points.append((mention.lat, mention.lon))
            self.precise_points = self.precise_points or mention.point_precise
        self.words.update(mention.words)
        self.members.append(mention.id)


def cluster_id(founder: str) -> str:
    return "C" + hashlib.sha256(founder.encode()).hexdigest()[:15]


def _covered(mine: frozenset[str], theirs: set[str]) -> float:
    """The share of the mention's words the cluster's sentences use (a cluster's words grow with its reports,
    so a Jaccard index would favour small clusters)."""
    return len(mine & theirs) / len(mine) if mine else 0.0


def _dyad(mention: Mention, cluster: Cluster) -> float | None:
    """How far the two name the same parties: the share of the smaller party set the other shares. Reports
    word the same event differently ("X met Y", "talks between X and Y"), so roles are compared only to tell
    a reply from the deed it answers (the same parties the other way round)."""
    if mention.event not in SYMMETRIC and mention.actors and mention.recipients and cluster.actors \
            and cluster.recipients and mention.actors <= cluster.recipients and mention.recipients <= cluster.actors \
            and not mention.actors & cluster.actors:  # fmt: skip
        return None
    mine, theirs = mention.actors | mention.recipients, cluster.actors | cluster.recipients
    discount = 1.0
    if not mine and mention.context:
        mine, discount = mention.context, CONTEXT_DYAD
    if not theirs and cluster.context:
        theirs, discount = cluster.context, CONTEXT_DYAD
    if not mine or not theirs:
        return NO_PARTY
    shared = mine & theirs
    if not shared and (mine & cluster.member_states or theirs & mention.member_states):
        return discount * MEMBER_DYAD  # "Mercosur leaders met" and "Uruguay ... the summit"
    return discount * len(shared) / min(len(mine), len(theirs)) if shared else None


def _date(mention: Mention, cluster: Cluster) -> float | None:
    if mention.date_start is None or cluster.span is None:
        return 0.5
    if mention.precision == "day" and cluster.day_dates:
        best = None
        days = cluster.day_dates
        if mention.dated_by_text and any(by_text for _, by_text in days):
            days = [(day, by_text) for day, by_text in days if by_text]  # the texts' own days decide
        for day, by_text in days:
            gap = abs((mention.date_start - day).days)
            window = TEXT_DAY_WINDOW if by_text and mention.dated_by_text else DAY_WINDOW
            if gap <= window:
                score = 1.0 - gap / (window + 1)
                best = score if best is None else max(best, score)
        return best
    end = mention.date_end or mention.date_start
    return 0.5 if mention.date_start <= cluster.span[1] and cluster.span[0] <= end else None


def _place(mention: Mention, cluster: Cluster) -> float | None:
    """Places agree when they are points near each other; two cities far apart are two events; regions and
    countries only need to be in the same country."""
    if mention.lat is not None and mention.lon is not None and cluster.points:
        near = min(great_circle_km((mention.lat, mention.lon), point) for point in cluster.points)
        if near <= NEAR_KM:
            return 1.0
        if mention.point_precise and cluster.precise_points:
            return None
    if mention.country and cluster.countries:
        return 0.5 if mention.country in cluster.countries else None
    return 0.5


def similarity(mention: Mention, cluster: Cluster) -> float | None:
    """How alike a mention and a cluster are (0 to 1), or None if they cannot be the same event."""
    if mention.event != cluster.event:
        return None
    dyad, date, place = _dyad(mention, cluster), _date(mention, cluster), _place(mention, cluster)
    if dyad is None or date is None or place is None:
        return None
    words = _covered(mention.words, {w for w, _ in cluster.words.most_common(MAX_WORDS)})
    return WEIGHTS["dyad"] * dyad + WEIGHTS["words"] * words + WEIGHTS["date"] * date + WEIGHTS["place"] * place


def _parties(actors: Iterable[str], recipients: Iterable[str], context: Iterable[str] = ()) -> set[str]:
    return {*actors, *recipients} or set(context) or {"-"}


def with_article_context(mentions: Iterable[Mention]) -> list[Mention]:
    """The mentions in their clustering order, each one that names no party given the parties of the nearest
    mention of the same type in its article that names some (the earlier one on a tie)."""
    by_article: dict[str, list[Mention]] = {}
    for mention in sorted(mentions, key=lambda m: m.order):
        by_article.setdefault(mention.article_id, []).append(mention)
    result = []
    for article in by_article.values():
        for i, mention in enumerate(article):
            if mention.actors or mention.recipients:
                result.append(mention)
                continue
            named = [(abs(j - i) + (j > i) * 0.5, other) for j, other in enumerate(article)
                     if other.event == mention.event and (other.actors or other.recipients)]  # fmt: skip
            if named:
                nearest = min(named, key=lambda pair: pair[0])[1]
                mention = replace(mention, context=nearest.actors | nearest.recipients)
            result.append(mention)
    return result


def _times(start: dt.date | None, end: dt.date | None, precision: str | None) -> set[str]:
    """The time buckets a mention looks in: for a day, its week and the weeks either side (to reach
    DAY_WINDOW) and the clusters dated only coarsely in its year ("Y"); for a coarser date, its years, among
    both coarse and day-dated clusters ("D"); "-" for none. A day never looks at every day of its year, so
    clustering stays linear in the number of mentions."""
    if start is None:
        return {"-"}
    if precision == "day":
        week = start.toordinal() // 7
        return {f"W{week - 1}", f"W{week}", f"W{week + 1}", f"Y{start.year}"}
    years = range(start.year, min((end or start).year, start.year + 10) + 1)
    return {f"Y{year}" for year in years} | {f"D{year}" for year in years}


def _cluster_times(cluster: Cluster) -> set[str]:
    """The time buckets a cluster is found in (see _times)."""
    times = {f"W{day.toordinal() // 7}" for day, _ in cluster.day_dates}
    times |= {f"D{day.year}" for day, _ in cluster.day_dates}
    times |= {f"Y{year}" for year in cluster.coarse_years}
    return times or {"-"}


class Clusterer:
    """Assigns mentions to clusters, incrementally. Candidate clusters are found through a blocking index by
    event type, party and week (or year), so clustering stays fast at millions of mentions."""

    def __init__(self, threshold: float = DEFAULT_THRESHOLD, clusters: Iterable[Cluster] = ()) -> None:
        self.threshold = threshold
        self.index: dict[tuple[str, str, str], list[Cluster]] = {}
        for cluster in clusters:
            self._register(cluster)

    def _register(self, cluster: Cluster) -> None:
        times = _cluster_times(cluster)
        for party in (
            _parties(cluster.actors, cluster.recipients) | cluster.context | cluster.member_states | {ANY}
        ):
            for time in times:
                bucket = self.index.setdefault((cluster.event, party, time), [])
                if not bucket or bucket[-1] is not cluster:
                    bucket.append(cluster)

    def _candidates(self, mention: Mention) -> list[Cluster]:
        found: dict[str, Cluster] = {}
        parties = _parties(mention.actors, mention.recipients, mention.context) | mention.member_states
        if parties == {"-"}:
            parties = {ANY}  # a mention that names no party, even in its article, may report any party's event
        for party in parties:
            for time in _times(mention.date_start, mention.date_end, mention.precision) | {"-"}:
                for cluster in self.index.get((mention.event, party, time), []):
                    found.setdefault(cluster.id, cluster)
        return list(found.values())

    def add(self, mentions: Iterable[Mention]) -> dict[str, str]:
        """Cluster new mentions (in their fixed order), each partyless one with its article's context (see
        with_article_context); RETURNS each mention's cluster id."""
        assigned: dict[str, str] = {}
        for mention in with_article_context(mentions):
            best, best_score = None, self.threshold
            for cluster in self._candidates(mention):
                score = similarity(mention, cluster)
                if score is not None and (score > best_score or (score == best_score and best is None)):
                    best, best_score = cluster, score
            if best is None:
                best = Cluster(id=cluster_id(mention.id), event=mention.event)
            best.absorb(mention)
            self._register(best)
            assigned[mention.id] = best.id
        return assigned
