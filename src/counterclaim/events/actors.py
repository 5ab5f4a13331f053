"""Canonical keys for actor names, through the knowledge base when it is installed.

Clustering and the narrative both need to know that "ISIS" and "Islamic State"
are one party, that a branch belongs to its parent, and which state a speaker
belongs to. The knowledge base knows; when it is absent (or does not know a
name) a normalised spelling stands in, so everything still works, only with
fewer names recognised as equal.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from counterclaim.kb.normalise import without_accents

_ARTICLE = re.compile(r"^(the|a|an)\s+")
_PAREN = re.compile(r"\([^)]*\)")
#: The stop of a one-letter abbreviation ("U.S." -> "US").
_INITIAL_STOP = re.compile(r"(?<=\b\w)\.(?=\w\.)|(?<=\b\w)\.(?=\s|$)")
_PUNCTUATION = re.compile(r"[^\w\s]")
_BLANKS = re.compile(r"\s+")
#: A capitalised word that may be a demonym ("Iranian lawmakers").
_CAPITALISED = re.compile(r"[A-Z][\w-]+")


@lru_cache(maxsize=65_536)
def normalise_name(name: str) -> str:
    """Case-folded, accent- and punctuation-free name without a leading article or parentheticals.

    Memoised: a report compares the same few names hundreds of times.
    """
    text = without_accents(_PAREN.sub(" ", name)).casefold()
    text = _INITIAL_STOP.sub("", text)  # U.S. -> us
    text = _PUNCTUATION.sub(" ", text)
    return _ARTICLE.sub("", _BLANKS.sub(" ", text).strip())


@lru_cache(maxsize=1)
def _default_kb() -> Any | None:
    """The shared knowledge base, or None when the KB package or its data is not there."""
    try:
        from counterclaim.kb import get_kb
    except ImportError:
        return None
    try:
        return get_kb()
    except (OSError, ValueError):
        return None


#: Names an ActorNames remembers before starting afresh (a long-running server sees unboundedly many).
_MEMO_LIMIT = 50_000


class ActorNames:
    """Resolves names to canonical keys, kinds, states and parents (KB first, spelling second)."""

    def __init__(self, kb: Any | None = None, use_default_kb: bool = True) -> None:
        self.kb = kb if kb is not None or not use_default_kb else _default_kb()
        #: name -> KB actor (or None); every method resolves names through it, many times per report
        self._actors: dict[str, Any | None] = {}

    @property
    def fingerprint(self) -> str:
        """Which knowledge base resolves the names (its digest), so results built with another are told apart."""
        return self.kb.fingerprint if self.kb is not None else "no-kb"

    def actor(self, name: str | None) -> Any | None:
        """The KB actor a name resolves to, if any (remembered: the KB does not change while it is loaded)."""
        if not name or self.kb is None:
            return None
        if name not in self._actors:
            if len(self._actors) >= _MEMO_LIMIT:
                self._actors.clear()
            self._actors[name] = self.kb.lookup(name)
        return self._actors[name]

    def key(self, name: str | None) -> str:
        """A key equal for names of the same actor: the KB id, else the normalised spelling."""
        if not name:
            return ""
        found = self.actor(name)
        return str(found.id) if found is not None else normalise_name(name)

    def display(self, name: str) -> str:
        """The canonical name to show for ``name``."""
        found = self.actor(name)
        return str(found.name) if found is not None else name

    def kind(self, name: str | None) -> str | None:
        """The KB kind (state, media, militant_group, ...) or None when unknown."""
        found = self.actor(name)
        return found.kind if found is not None else None

    def state(self, name: str | None) -> str | None:
        """Canonical name of the state an actor belongs to (itself when it is a state).

        An unknown name with a demonym ("Iranian lawmakers") belongs to that state.
        """
        found = self.actor(name)
        state = self.kb.state_of(found.id) if found is not None else None
        if state is None and name and self.kb is not None:
            state = next(filter(None, (self.kb.demonym_state(w) for w in _CAPITALISED.findall(name))), None)
        return str(state.name) if state is not None else None

    def lineage(self, name: str | None) -> set[str]:
        """Keys of the actor and of every organisation it is a branch or part of."""
        if not name:
            return set()
        found = self.actor(name)
        return {self.key(name), *(self.kb.ancestors(found.id) if found is not None else ())}

    def named_in(self, text: str) -> set[str]:
        """Ids of the KB actors a text names by any alias (empty without the KB)."""
        if self.kb is None or not text:
            return set()
        return {actor.id for _, _, actor in self.kb.find_all(text)}

    def related(self, a: str | None, b: str | None) -> bool:
        """True when two names are the same party or one is a branch of the other.

        Without the KB a name extending the other ("Islamic State Khorasan
        Province" and "Islamic State") counts as a branch.
        """
        if not a or not b:
            return False
        key_a, key_b = self.key(a), self.key(b)
        if key_a == key_b or key_a in self.lineage(b) or key_b in self.lineage(a):
            return True
        na, nb = normalise_name(a), normalise_name(b)
        return bool(na and nb) and (na.startswith(nb + " ") or nb.startswith(na + " "))
