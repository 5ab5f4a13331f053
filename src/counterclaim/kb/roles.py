"""Splitting a speaker's words into name, role and titles, and linking a role to its organisation.

News copy names officials with a stack of words before (or after) the name:
"IRGC Quds Force Commander Brig. Gen. Esmail Qa'ani", "Hossein Jalali, a
parliamentarian". The titles and role words come from ``data/roles.yaml``; the
organisation a role belongs to is whatever the knowledge base finds in the
role phrase, the most specific (an agency over a state) nearest the role word.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import NamedTuple

from counterclaim.kb.loader import read_yaml
from counterclaim.kb.normalise import normalise_name

_WORD = re.compile(r"\S+")
_EDGE = ",;:()\"'“”‘’"
_ARTICLES = {"a", "an", "the"}


class RoleLexicon(NamedTuple):
    """Titles (as token sequences) and role words from ``data/roles.yaml``."""

    titles: frozenset[tuple[str, ...]]
    max_title: int
    roles: dict[str, str]
    particles: frozenset[str]
    descriptors: frozenset[str]


class PersonParts(NamedTuple):
    """A person's words split up; ``start``/``end`` locate ``name`` in the text given."""

    name: str
    role: str | None
    titles: list[str]
    start: int
    end: int


@cache
def role_lexicon() -> RoleLexicon:
    """The bundled titles and role words (read once)."""
    data = read_yaml(None, bundled="roles.yaml")
    titles = frozenset(tuple(normalise_name(t).split()) for t in data["titles"])
    roles = {normalise_name(word): kind for word, kind in data["roles"].items()}
    particles = frozenset(normalise_name(p) for p in data.get("name_particles", []))
    return RoleLexicon(titles, max(len(t) for t in titles), roles, particles, frozenset(data.get("descriptors", [])))


def is_role_word(word: str) -> bool:
    """True for a role word such as "Minister", "spokesman" or "commander" (any case, plural too)."""
    roles = role_lexicon().roles
    key = normalise_name(word)
    return key in roles or (key.endswith("s") and key[:-1] in roles)


def role_kind(word: str) -> str | None:
    """The kind of office a role word names ("chief" and "head": leadership), None for no role word."""
    roles = role_lexicon().roles
    key = normalise_name(word)
    return roles.get(key) or (roles.get(key[:-1]) if key.endswith("s") else None)


def title_length(words: list[str], i: int) -> int:
    """How many of ``words`` from ``i`` form a title ("Brig. Gen." -> 2), 0 when none does."""
    return _title_length(tuple(words[i : i + role_lexicon().max_title]))


@lru_cache(maxsize=65536)
def _title_length(words: tuple[str, ...]) -> int:
    """:func:`title_length` of the longest words a title may span, remembered: every capitalised word is asked."""
    titles = role_lexicon().titles
    for n in range(len(words), 0, -1):
        key = tuple(normalise_name(" ".join(words[:n])).split())
        if key in titles:
            return n
    return 0


def _is_name_word(word: str) -> bool:
    core = word.strip(_EDGE)
    return bool(core) and (core[0].isupper() or normalise_name(core) in role_lexicon().particles)


def split_person(text: str) -> PersonParts:
    """Name, role and titles of a person as a text names them (see :func:`_split_person`).

    Remembered, since articles repeat their names and the split is pure; each caller gets its own title list.
    """
    parts = _split_person(text)
    return parts._replace(titles=list(parts.titles))


@lru_cache(maxsize=65536)
def _split_person(text: str) -> PersonParts:
    """Name, role and titles of a person as a text names them.

    "Iranian Interior Minister Ahmad Vahidi" -> ("Ahmad Vahidi", "Iranian Interior
    Minister", []); "Commander Brig. Gen. X Y" -> ("X Y", "Commander", ["Brig. Gen."]);
    "X Y, a parliamentarian" -> ("X Y", "a parliamentarian" without the article).
    A text with no role or title is all name; one with no name after its role
    word gives an empty name.
    """
    if "," in text:
        head, _, tail = text.partition(",")
        tail_words = tail.split()
        if head.strip() and any(is_role_word(w.strip(_EDGE)) for w in tail_words) and not _has_marker(head.split()):
            start = len(head) - len(head.lstrip())
            role_words = tail_words[1:] if tail_words and tail_words[0].lower() in _ARTICLES else tail_words
            role = " ".join(role_words).strip(_EDGE + " .") or None
            return PersonParts(head.strip(), role, [], start, start + len(head.strip()))
    spans = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    words = [text[s:e] for s, e in spans]
    titles: list[tuple[int, int]] = []  # (first word, word count)
    last_marker = -1
    i = 0
    while i < len(words):
        n = title_length(words, i)
        if n:
            titles.append((i, n))
            last_marker = i + n - 1
            i += n
            continue
        if is_role_word(words[i].strip(_EDGE)) or words[i] in role_lexicon().descriptors:
            last_marker = i
        i += 1
    first_name = last_marker + 1
    while first_name < len(words) and not _is_name_word(words[first_name]):
        first_name += 1
    name_words = range(first_name, len(words))
    if not name_words or not all(_is_name_word(words[k]) for k in name_words):
        return PersonParts("", text.strip(_EDGE + " ") or None, [], len(text), len(text))
    start, end = spans[first_name][0], spans[-1][1]
    while end > start and text[end - 1] in _EDGE + ".":
        end -= 1
    adjacent = [(t, n) for t, n in titles if t + n <= first_name]
    title_words = _trailing_titles(adjacent, first_name)
    role_end = min((t for t, _ in title_words), default=first_name)
    role = " ".join(words[:role_end]).strip(_EDGE + " ") or None
    if role and role.split()[0].lower() in _ARTICLES:
        role = " ".join(role.split()[1:]) or None
    return PersonParts(text[start:end], role, [" ".join(words[t : t + n]) for t, n in title_words], start, end)


def _trailing_titles(titles: list[tuple[int, int]], first_name: int) -> list[tuple[int, int]]:
    """The titles that directly precede the name, in order ("Brig. Gen." before "Esmail")."""
    chain: list[tuple[int, int]] = []
    expected_end = first_name
    for t, n in reversed(titles):
        if t + n != expected_end:
            break
        chain.insert(0, (t, n))
        expected_end = t
    return chain


def _has_marker(words: list[str]) -> bool:
    return any(is_role_word(w.strip(_EDGE)) or title_length(words, i) for i, w in enumerate(words))
