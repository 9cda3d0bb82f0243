"""Names misspelt by one letter ("Kazakstan", "Venezeula", "President Hosni Mubarrak"): news copy has
slips, and a slip should not lose an actor.

Careful by design: only long names (MIN_LENGTH letters or more), only one slip (a letter missing, added,
changed, or two neighbours swapped), never in the first letter, and only where exactly one known name is
that close. Callers add their own guards (a real place of that spelling, a title that must fit).
"""

from __future__ import annotations

from collections.abc import Iterable

MIN_LENGTH = 7


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def one_slip(written: str, name: str) -> bool:
    """Whether two different words are one letter missing, added, changed or swapped apart."""
    if written == name or abs(len(written) - len(name)) > 1:
        return False
    if len(written) != len(name):
        shorter, longer = sorted((written, name), key=len)
        return shorter in _deletions(longer)
    differ = [i for i, (a, b) in enumerate(zip(written, name, strict=True)) if a != b]
    if len(differ) == 1:
        return True
    first = differ[0]
    return differ == [first, first + 1] and written[first] == name[first + 1] and written[first + 1] == name[first]


class SlipIndex:
    """Known names, found again from a spelling one slip away (a deletion index, as spell checkers keep)."""

    def __init__(self, names: Iterable[str]) -> None:
        self.names = {name for name in names if len(name) >= MIN_LENGTH and name.isalpha()}
        self._by_deletion: dict[str, set[str]] = {}
        for name in self.names:
            for shorter in _deletions(name):
                self._by_deletion.setdefault(shorter, set()).add(name)

    def correct(self, written: str) -> str | None:
        """The one known name a word is a slip of, or None (the word is known, short, or near none or many)."""
        if len(written) < MIN_LENGTH - 1 or written in self.names or not written.isalpha():
            return None
        near = set(self._by_deletion.get(written, ()))  # a letter missing
        for shorter in _deletions(written):
            if shorter in self.names:
                near.add(shorter)  # a letter added
            near |= self._by_deletion.get(shorter, set())  # a letter changed or two swapped
        near = {name for name in near if name[0] == written[0] and one_slip(written, name)}
        return near.pop() if len(near) == 1 else None
