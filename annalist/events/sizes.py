"""Numbers about an event in its sentence: dead, injured, arrested, and money ("$30 million")."""

from __future__ import annotations

import re

from annalist.model import Size

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "hundred": 100, "a hundred": 100, "dozen": 12, "a dozen": 12, "dozens": 24, "hundreds": 200,
    "thousand": 1000, "a thousand": 1000, "thousands": 2000,
}  # fmt: skip
_QUANT = r"(?:over|more than|at least|nearly|almost|about|around|some|up to|as many as)?\s*"
_COUNT = r"(\d[\d,]*|" + "|".join(sorted(map(re.escape, _NUMBER_WORDS), key=len, reverse=True)) + r")"
_FILLER = r"(?:\s+(?!were\b|was\b)[A-Za-z'\-]+){0,4}?"
_VERB = r"\s+(?:(?:were|was|have been|had been|are|being|reportedly|also)\s+)*"
_CASUALTY = {
    "dead": r"killed|dead|died|slain|massacred|executed|perished",
    "injured": r"injured|wounded|hurt",
    "arrested": r"arrested|detained|jailed|imprisoned|rounded up|taken into custody",
}
_PATTERNS = {
    kind: re.compile(rf"\b{_QUANT}{_COUNT}{_FILLER}{_VERB}(?:{words})\b", re.IGNORECASE)
    for kind, words in _CASUALTY.items()
}
_VERB_FIRST = {
    "dead": re.compile(rf"\b(?:killed|killing|killing at least)\s+{_QUANT}{_COUNT}\b", re.IGNORECASE),
    "injured": re.compile(rf"\b(?:wounded|wounding|injured|injuring)\s+{_QUANT}{_COUNT}\b", re.IGNORECASE),
    "arrested": re.compile(
        rf"\b(?:arrested|detained|detaining|arresting|rounded up)\s+{_QUANT}{_COUNT}\b", re.IGNORECASE
    ),
}
_MONEY = re.compile(
    r"(US\$|\$|€|£|¥)\s?(\d[\d,]*(?:\.\d+)?)\s*(trillion|billion|million|thousand|bn|mn|m|k)?\b", re.IGNORECASE
)
_CURRENCY = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}
_SCALE = {"trillion": 1e12, "billion": 1e9, "bn": 1e9, "million": 1e6, "mn": 1e6, "m": 1e6, "thousand": 1e3,
          "k": 1e3}  # fmt: skip


def _number(text: str) -> int | None:
    text = text.lower().strip()
    if text in _NUMBER_WORDS:
        return _NUMBER_WORDS[text]
    digits = text.replace(",", "")
    return int(digits) if digits.isdigit() else None


def find_size(sentence: str, kinds: frozenset[str] = frozenset(("dead", "injured", "arrested", "money"))) -> Size:
    """Read casualty, arrest and money figures from a sentence.

    sentence (str): the event's sentence.
    kinds (frozenset[str]): which figures to keep (those that belong to the event's type).
    RETURNS (Size): the figures found; None where the sentence gives none or they are not wanted.
    """
    size = Size()
    for kind, pattern in _PATTERNS.items():
        match = pattern.search(sentence)
        if match and (value := _number(match.group(1))) is not None:
            setattr(size, kind, value)
    for kind, pattern in _VERB_FIRST.items():
        if getattr(size, kind) is None and (match := pattern.search(sentence)):
            setattr(size, kind, _number(match.group(1)))
    if money := _MONEY.search(sentence):
        amount = float(money.group(2).replace(",", ""))
        size.money = amount * _SCALE.get((money.group(3) or "").lower(), 1.0)
        size.currency = _CURRENCY.get(money.group(1).lower(), money.group(1))
    for kind in ("dead", "injured", "arrested", "money"):
        if kind not in kinds:
            setattr(size, kind, None)
    if size.money is None:
        size.currency = None
    return size
