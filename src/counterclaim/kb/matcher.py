"""Finding every knowledge-base alias in running text with one Aho–Corasick pass.

The automaton runs over the folded text (see :mod:`counterclaim.kb.normalise`)
and each hit is mapped back to character offsets in the original. Folding makes
matching case-blind, so case is checked afterwards against the original words:
short acronyms ("IS", "US", "AU") only match in capitals, so that the English
word "is" is never the Islamic State; acronyms with inner capitals ("LeT")
only as written; names written capitalised ("Turkey", "Chad") need a
capital, so the bird and the verb stay out, and a name opened by an article
("The Base") needs its next word capitalised, since any sentence may start
with "The".
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

import ahocorasick

from counterclaim.kb.normalise import fold, normalise_name

Via = Literal["alias", "demonym", "metonym"]
#: When two actors claim one alias, the stronger kind of naming wins.
_VIA_RANK: dict[str, int] = {"metonym": 0, "demonym": 1, "alias": 2}
#: Acronyms up to this many letters must be written in capitals ("IS" not "is").
SHORT_ACRONYM = 3
#: An acronym with inner capitals ("LeT", "JuA", "TdA") matches only as written: "Let" starts a sentence.
_CAMEL = re.compile(r"[A-Z][a-z]{0,2}[A-Z][A-Za-z]{0,2}")
#: A name known only with its capitalised article ("The Base"): the key drops the article, so the words
#: after it ("base") must follow an article and be capitalised to be the name.
_ARTICLE_NAME = re.compile(r"^(?:The|La|Los|Las|El|Le|Les)\s")
_ARTICLE_BEFORE = re.compile(r"\b(?:[Tt]he|La|Los|Las|El|Le|Les)\s+$")


@dataclass(frozen=True)
class KbMatch:
    """One alias found in a text: offsets into the original text (end exclusive)."""

    start: int
    end: int
    actor_id: str
    via: Via
    #: A name that links only with support from the rest of the text (``KnowledgeBase.is_weak``).
    weak: bool = False
    #: Ids of the bodies of different states the name may be (``KnowledgeBase.homonyms``); empty when it is one.
    candidates: tuple[str, ...] = ()


@dataclass
class _Pattern:
    actor_id: str
    via: Via
    caps: bool  # every letter must be upper case (short acronyms)
    capital: bool  # the first letter must be upper case (proper names)
    exact: str | None = None  # letters as written, for acronyms with inner capitals ("LeT" is not "Let")
    named_after_article: bool = False  # "The Base": the word after a capitalised article must be capitalised too
    weak: bool = False
    candidates: tuple[str, ...] = ()


def _letters(text: str) -> str:
    return "".join(c for c in text if c.isalpha())


class AliasMatcher:
    """An Aho–Corasick automaton over normalised aliases with case and boundary checks."""

    def __init__(
        self,
        aliases: Iterable[tuple[str, str, Via]],
        weak: Collection[str] = (),
        homonyms: Mapping[str, tuple[str, ...]] | None = None,
    ) -> None:
        """Build from ``(alias, actor_id, via)``; later aliases win ties of equal ``via`` rank.

        ``weak``: normalised names whose matches are marked weak (see ``KbMatch.weak``).
        ``homonyms``: normalised names that may be any of several actors, whose
        matches carry them all for the caller to pick by context (``KbMatch.candidates``).
        """
        homonyms = homonyms or {}
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
            camel = [w for w in written if _CAMEL.fullmatch(w)]
            exact = camel[0] if camel and len(camel) == len(written) else None
            after_article = bool(written) and all(_ARTICLE_NAME.match(f) for f in forms[key])
            pattern = _Pattern(
                actor_id,
                via,
                caps,
                capital,
                exact,
                after_article,
                key in weak,
                homonyms.get(key, ()) if via == "alias" else (),
            )
            self._automaton.add_word(key, (len(key), pattern))
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
            if "\n" in text[start:end]:
                continue  # a name never runs across lines ("... Afghan\n— Taliban condemn ...")
            if pattern.named_after_article and not _after_article(text, start, end):
                continue
            if _case_fits(text[start:end], pattern):
                candidates.append((start, end, pattern))
        candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
        taken: list[KbMatch] = []
        for start, end, pattern in candidates:
            if all(end <= m.start or start >= m.end for m in taken):
                taken.append(KbMatch(start, end, pattern.actor_id, pattern.via, pattern.weak, pattern.candidates))
        return sorted(taken, key=lambda m: m.start)


def _after_article(text: str, start: int, end: int) -> bool:
    """Whether a name known only with its article ("The Base") has it, and a capital on every word, here."""
    words = text[start:end].split()
    return _ARTICLE_BEFORE.search(text, 0, start) is not None and all(w[:1].isupper() for w in words)


def _case_fits(original: str, pattern: _Pattern) -> bool:
    """Whether the words as written may be the alias (capitals where the alias needs them)."""
    letters = _letters(original)
    if not letters:
        return True
    if pattern.exact is not None:
        return letters == pattern.exact
    if pattern.caps:
        return letters.isupper()
    if pattern.capital:
        return letters[0].isupper()
    return True
