"""Plain English for the report: dates, lists, articles, stances as verbs, speakers as a reader names them.

All words come from ``lexicons/report.yaml``; this module only assembles
them, so a change of wording is a data change.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from functools import cache
from typing import Any

from counterclaim.events.actors import ActorNames, normalise_name
from counterclaim.lexicons import load_lexicon
from counterclaim.report.models import SpeakerRef


@cache
def words() -> dict[str, Any]:
    """The report's wording (``lexicons/report.yaml``)."""
    return load_lexicon("report")


def day(date: dt.date, year: int | None = None) -> str:
    """The day in words: "3 January 2024", or "3 January" when ``year`` is the date's year."""
    month = words()["months"][date.month - 1]
    return f"{date.day} {month}" if date.year == year else f"{date.day} {month} {date.year}"


def iso(date: dt.date | None) -> str:
    return date.isoformat() if date else "undated"


def join(items: Sequence[str], conjunction: str = "and") -> str:
    """Items as a list in prose: "A", "A and B", "A, B and C"."""
    items = list(items)
    word = words()["brief"].get(conjunction, conjunction)
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {word} {items[-1]}"


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def a(noun: str) -> str:
    """The noun with "a" or "an"."""
    return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"


@cache
def _heads() -> frozenset[str]:
    return frozenset(words()["article_heads"])


def the(name: str, kind: str | None = None) -> str:
    """``name`` as running text needs it: "the Islamic State", "the Ministry of Intelligence", "Kayhan".

    A name takes "the" when its last capitalised word is a common noun used
    as a title (``article_heads``) or it opens with one before "of"; so does
    a description in lower case that is not a plural ("the interior
    minister", but "regime officials"). Persons and names already opening
    with an article do not.
    """
    first = name.split(" ", 1)[0]
    if kind == "person" or first.lower() in ("the", "a", "an") or not name:
        return name
    if name == name.lower():  # a description: "interior minister", "regime officials"
        return name if name.split()[-1].endswith("s") else f"the {name}"
    if not name[:1].isupper():  # "al-Shabaab"
        return name
    capitalised = [w for w in re.findall(r"[\w'’-]+", _PAREN.sub("", name)) if w[:1].isupper()]
    heads = _heads()
    opens = len(name.split()) > 2 and name.split()[1] == "of" and first in heads
    return f"the {name}" if (capitalised and capitalised[-1] in heads) or opens else name


_PAREN = re.compile(r"\([^)]*\)")


def people(number: int, qualifier: str | None = None) -> str:
    """A number of people: "94 people", "some 284 people", "one person", "dozens of people"."""
    forms, vague = words()["people"], words()["vague_people"]
    if qualifier in vague:
        return vague[qualifier]
    text = forms["one"] if number == 1 and not qualifier else forms["many"].format(number=number)
    return f"{qualifier} {text}" if qualifier else text


def figure(number: int, qualifier: str | None = None) -> str:
    """A figure with its qualifier: "94", "some 284", "dozens" (a vague word alone, not its stand-in number)."""
    if qualifier in words()["vague_people"]:
        return qualifier
    return f"{qualifier} {number}" if qualifier else str(number)


def count_of(number: int, key: str) -> str:
    """A count in words ("a day", "five days", "12 days") from the ``brief`` forms under ``key``."""
    forms, small = words()["brief"][key], words()["small_numbers"]
    return forms["one"] if number == 1 else forms["many"].format(number=small.get(number, number))


def act(stance: str, target: str | None, own: bool = False) -> str:
    """A stance as a past-tense verb phrase: "claimed responsibility", "accused Israel", "said of the Islamic State"."""
    verbs = words()["stance_verbs"][stance]
    if target is None:
        return verbs["bare"]
    return verbs["self"] if own else verbs["target"].format(target=the(target))


def origin(code: str | None) -> str | None:
    """Where a document's outlet or date was read, in words."""
    return words()["origins"].get(code) if code else None


class Speakers:
    """Names speakers as a reader expects: "Iranian Supreme Leader Ali Khamenei", "Iran's Ministry of Intelligence"."""

    def __init__(self, names: ActorNames) -> None:
        self.names = names

    def one(self, speaker: SpeakerRef) -> str:
        """A speaker with its role (persons) or its state (a state's bodies whose name does not say it)."""
        if speaker.role and speaker.kind in ("person", None) and speaker.role not in speaker.name:
            return f"{speaker.role} {speaker.name}"
        if speaker.kind in ("agency", "organisation") and speaker.state and not self._names_state(speaker):
            return f"{speaker.state}’s {speaker.name}"
        return the(speaker.name, speaker.kind)

    def _names_state(self, speaker: SpeakerRef) -> bool:
        """Does the speaker's name already say its state ("U.S. intelligence", "Iranian police")?"""
        state = speaker.state or ""
        text = f" {normalise_name(speaker.name)} "
        kb = self.names.kb
        found = self.names.actor(state)
        entry = kb.entry(found.id) if kb is not None and found is not None else None
        forms = [state, *(entry.aliases if entry else []), *(entry.demonyms if entry else [])]
        return any(f" {normalise_name(f)} " in text for f in forms if normalise_name(f))

    @staticmethod
    def known_first(speakers: Sequence[SpeakerRef]) -> list[SpeakerRef]:
        """Speakers the knowledge base knows (named people, outlets, agencies) before descriptions ("regime
        officials"), each group in its order."""
        return sorted(speakers, key=lambda s: s.kind is None)

    def many(self, speakers: Sequence[SpeakerRef], limit: int | None = None) -> str:
        """Speakers joined ("A, B and C"); past ``limit`` the rest are counted ("A, B and 4 others")."""
        limit = limit or words()["brief_names"]
        named = [self.one(s) for s in speakers]
        if len(named) <= limit + 1:
            return join(named)
        return words()["brief"]["and_others"].format(names=", ".join(named[:limit]), count=len(named) - limit)

    def demonym(self, state: str) -> str:
        """The state as an adjective: its first demonym in the knowledge base ("Iranian"), else its name."""
        found = self.names.actor(state)
        entry = self.names.kb.entry(found.id) if self.names.kb is not None and found is not None else None
        return entry.demonyms[0] if entry is not None and entry.demonyms else state
