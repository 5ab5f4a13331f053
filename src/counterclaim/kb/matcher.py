"""Finding every knowledge-base alias in running text with one Aho–Corasick pass.

The automaton runs over the folded text (see :mod:`counterclaim.kb.normalise`)
and each hit is mapped back to character offsets in the original. Folding makes
matching case-blind, so case is checked afterwards against the original words:
short acronyms ("IS", "US", "AU") only match in capitals, so that the English
word "is" is never the Islamic State; names written capitalised ("Turkey",
"Chad") need a capital, so the bird and the verb stay out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

import ahocorasick

from counterclaim.kb.normalise import fold, normalise_name

Via = Literal["alias", "demonym", "metonym"]
#: When two actors claim one alias, the stronger kind of naming wins.
_VIA_RANK: dict[str, int] = {"metonym": 0, "demonym": 1, "alias": 2}
#: Acronyms up to this many letters must be written in capitals ("IS" not "is").
SHORT_ACRONYM = 3


@dataclass(frozen=True)
class KbMatch:
    """One alias found in a text: offsets into the original text (end exclusive)."""

    start: int
    end: int
    actor_id: str
    via: Via


@dataclass
class _Pattern:
    actor_id: str
    via: Via
    caps: bool  # every letter must be upper case (short acronyms)
    capital: bool  # the first letter must be upper case (proper names)


def _letters(text: str) -> str:
    return "".join(c for c in text if c.isalpha())


class AliasMatcher:
    """An Aho–Corasick automaton over normalised aliases with case and boundary checks."""

    def __init__(self, aliases: Iterable[tuple[str, str, Via]]) -> None:
        """Build from ``(alias, actor_id, via)``; later aliases win ties of equal ``via`` rank."""
        forms: dict[str, list[str]] = {}
        owner: dict[str, tuple[str, Via]] = {}
        for alias, actor_id, via in aliases:
            key = normalise_name(alias)
            if len(key) < 2:
                continue
            forms.setdefault(key, []).append(alias)
            held = owner.get(key)
            if held is None or _VIA_RANK[via] >= _VIA_RANK[held[1]]:
                owner[key] = (actor_id, via)
        self._automaton = ahocorasick.Automaton()
        for key, (actor_id, via) in owner.items():
            written = [_letters(f) for f in forms[key] if _letters(f)]
            all_caps = bool(written) and all(w.isupper() for w in written)
            caps = all_caps and len(_letters(key)) <= SHORT_ACRONYM
            capital = bool(written) and all(w[0].isupper() for w in written)
            self._automaton.add_word(key, (len(key), _Pattern(actor_id, via, caps, capital)))
        if len(self._automaton):
            self._automaton.make_automaton()

    def find(self, text: str) -> list[KbMatch]:
        """Non-overlapping matches in ``text``, longest first, then leftmost."""
        if not len(self._automaton):
            return []
        folded, index = fold(text)
        candidates: list[tuple[int, int, _Pattern]] = []
        for end_f, (length, pattern) in self._automaton.iter(folded):
            start_f = end_f - length + 1
            if start_f > 0 and folded[start_f - 1].isalnum():
                continue
            if end_f + 1 < len(folded) and folded[end_f + 1].isalnum():
                continue
            start, end = index[start_f], index[end_f] + 1
            if _case_fits(text[start:end], pattern):
                candidates.append((start, end, pattern))
        candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
        taken: list[KbMatch] = []
        for start, end, pattern in candidates:
            if all(end <= m.start or start >= m.end for m in taken):
                taken.append(KbMatch(start, end, pattern.actor_id, pattern.via))
        return sorted(taken, key=lambda m: m.start)


def _case_fits(original: str, pattern: _Pattern) -> bool:
    """Whether the words as written may be the alias (capitals where the alias needs them)."""
    letters = _letters(original)
    if not letters:
        return True
    if pattern.caps:
        return letters.isupper()
    if pattern.capital:
        return letters[0].isupper()
    return True
