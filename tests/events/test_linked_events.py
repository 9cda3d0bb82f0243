"""Events that lean on one another in a sentence: a purpose clause, verbs joined by "and", a permission
refused, a mission opened; on real parses of team-written sentences."""

from __future__ import annotations

import datetime as dt

from annalist.model import Event
from annalist.pipeline import Annalist


def _events(coder: Annalist, text: str, event: str) -> list[Event]:
    return [e for e in coder.code_text(text, published=dt.date(2021, 6, 1)) if e.event == event]


def test_linked_a_purpose_clause_of_the_same_type_is_one_event_with_its_target(coder: Annalist) -> None:
    text = "Dozens of Armenian students went on hunger strike in Yerevan to protest against Russia's arrest of their leader."
    [protest] = _events(coder, text, "PROTEST")
    assert [r.country for r in protest.recipient] == ["RUS"]
    assert protest.trigger == "went", "the strike is the event; the clause says what it was against"


def test_linked_verbs_joined_by_and_share_the_recipient_one_names(coder: Annalist) -> None:
    supports = _events(coder, "Ghana restored ties with, and reopened its embassy in, Tripoli.", "SUPPORT")
    assert [[r.country for r in e.recipient] for e in supports] == [["LBY"], ["LBY"]]
    assert supports[0].explanation and "conjoined" in supports[0].explanation


def test_linked_refusing_to_allow_someone_is_refusing_them(coder: Annalist) -> None:
    [reject] = _events(coder, "Myanmar's junta refused to allow ASEAN envoys to meet Aung San Suu Kyi.", "REJECT")
    assert [r.code for r in reject.recipient] == ["ASEAN"]


def test_linked_an_unowned_mission_in_a_capital_is_the_hosts(coder: Annalist) -> None:
    [opened] = _events(coder, "Kenya opened an embassy in Rabat in 2018.", "SUPPORT")
    assert [r.country for r in opened.recipient] == ["MAR"]
    # an embassy a state name owns only stands in the capital: the owner is the one acted on
    [stormed] = _events(coder, "Protesters stormed the Danish embassy in Tehran.", "PROTEST")
    assert [r.country for r in stormed.recipient] == ["DNK"]
