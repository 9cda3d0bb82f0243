"""Is this English? A cheap check before parsing: the share of an article's words that are common English
function words. English news runs at 35-50 %; other languages written in Latin script share few of them."""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
MIN_WORDS = 20  # shorter texts are not judged
SAMPLE_WORDS = 600


def english_ratio(text: str) -> tuple[float, int]:
    """Share of the first words of `text` that are English stop words, and how many words were read.

    text (str): the article text.
    RETURNS (tuple[float, int]): the share (0 to 1) and the number of words it was measured on.
    """
    words = [match.group(0).lower() for _, match in zip(range(SAMPLE_WORDS), _WORD.finditer(text), strict=False)]
    if not words:
        return 0.0, 0
    return sum(word in STOP_WORDS for word in words) / len(words), len(words)


def looks_english(text: str, *, min_ratio: float) -> tuple[bool, float]:
    """Whether `text` reads as English, with the measured share. Texts under MIN_WORDS words pass."""
    ratio, count = english_ratio(text)
    return (count < MIN_WORDS or ratio >= min_ratio), ratio
