"""The knowledge base in memory: actors by id, by normalised alias, and their relations."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Collection, Sequence
from dataclasses import replace
from functools import cached_property

from rapidfuzz import fuzz, process

from counterclaim.kb.loader import KbEntry
from counterclaim.kb.matcher import AliasMatcher, KbMatch, Via
from counterclaim.kb.normalise import normalise_name
from counterclaim.records import Actor

_LETTERS = re.compile(r"[^a-z]")
#: Lowest rapidfuzz ratio (0-100) over transliteration keys accepted by :meth:`KnowledgeBase.fuzzy`.
FUZZY_CUTOFF = 90.0
#: Shortest transliteration key fuzzy matching considers; shorter names collide too easily.
FUZZY_MIN_LENGTH = 5
#: How many fuzzy answers :meth:`KnowledgeBase.fuzzy` remembers before starting afresh.
FUZZY_MEMO_SIZE = 65536


class KnowledgeBase:
    """Actors and their names, with exact, fuzzy and in-text lookup.

    Built by :func:`counterclaim.kb.get_kb`; treat it as read-only (it is shared).
    """

    def __init__(
        self,
        entries: Sequence[KbEntry],
        versions: Sequence[str],
        transliteration: Sequence[tuple[str, str]],
        curated: frozenset[str] | None = None,
    ) -> None:
        """``curated``: the normalised names curated files give; ``None`` takes every name as curated."""
        self.versions = tuple(versions)
        self._entries = {e.id: e for e in entries}
        self._actors = {e.id: e.actor() for e in entries}
        self._rules = [(re.compile(p), r) for p, r in transliteration]
        self._fuzzy_memo: dict[tuple[str, float], Actor | None] = {}
        names: dict[str, str] = {}
        demonyms: dict[str, str] = {}
        for entry in entries:
            for alias in (*entry.aliases, *entry.metonyms):
                names.setdefault(normalise_name(alias), entry.id)
            for demonym in self._demonym_forms(entry):
                demonyms.setdefault(normalise_name(demonym), entry.id)
        for entry in entries:  # a canonical name always names its own actor
            names[normalise_name(entry.name)] = entry.id
        self._by_name = names
        self._by_demonym = demonyms
        bulk = {key for key in names if curated is not None and key not in curated and len(_LETTERS.sub("", key)) <= 3}
        self._weak = frozenset(bulk | {normalise_name(a) for e in entries for a in e.ambiguous})
        self._homonyms = self._find_homonyms(entries)

    def _find_homonyms(self, entries: Sequence[KbEntry]) -> dict[str, tuple[str, ...]]:
        """Names that bodies of different states share ("Criminal Investigation Department", "NIS"), with their ids.

        Such a name says which body only together with the state the text
        names, so it never links by itself (:meth:`pick`).
        """
        by_key: dict[str, dict[str, str]] = {}
        for entry in entries:
            state = self.home_of(entry.id) if entry.kind != "state" else None
            if state is not None:
                for name in (entry.name, *entry.aliases):
                    by_key.setdefault(normalise_name(name), {})[entry.id] = state.id
        return {key: tuple(ids) for key, ids in by_key.items() if len(set(ids.values())) > 1}

    @staticmethod
    def _demonym_forms(entry: KbEntry) -> list[str]:
        """Demonyms with their plurals ("Afghan" -> "Afghans"), which read as the state too."""
        forms = list(entry.demonyms)
        forms += [d + "s" for d in entry.demonyms if d.endswith(("an", "i", "ni"))]
        return forms

    # -- by id -----------------------------------------------------------
    @cached_property
    def fingerprint(self) -> str:
        """A digest of every entry: what is built from the KB's names (a stored narrative) is stale when it moves."""
        entries = [entry.model_dump(mode="json") for entry in self._entries.values()]
        return hashlib.sha1(json.dumps(entries, sort_keys=True).encode(), usedforsecurity=False).hexdigest()[:16]

    def actor(self, actor_id: str) -> Actor | None:
        """The actor with this id, or None."""
        return self._actors.get(actor_id)

    def entry(self, actor_id: str) -> KbEntry | None:
        """The full knowledge-base entry (aliases, parent, alignment ...) for an id."""
        return self._entries.get(actor_id)

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self):
        return iter(self._actors.values())

    # -- by name ---------------------------------------------------------
    def lookup(self, name: str, states: Sequence[str] = ()) -> Actor | None:
        """The actor an alias, canonical name, metonym or demonym names exactly (after normalisation).

        A name bodies of several states share (:meth:`homonyms`) names the one
        of the first of ``states`` (ids, the context's states) that has one, else nobody.
        """
        key = normalise_name(name)
        if key in self._homonyms:
            return self.pick(self._homonyms[key], states)
        actor_id = self._by_name.get(key) or self._by_demonym.get(key)
        return self._actors.get(actor_id) if actor_id else None

    def homonyms(self, name: str) -> tuple[str, ...]:
        """Ids of the bodies of different states a name may be ("Intelligence Bureau": India's, Pakistan's ...).

        Empty for a name that says whose it is by itself.
        """
        return self._homonyms.get(normalise_name(name), ())

    def pick(self, candidates: Sequence[str], states: Sequence[str]) -> Actor | None:
        """The candidate of the first of ``states`` that has one, else None: a state is never guessed."""
        owned: dict[str, str] = {}  # state id -> its first candidate; each candidate's state found once
        for actor_id in candidates:
            if (found := self.home_of(actor_id)) is not None:
                owned.setdefault(found.id, actor_id)
        return next((self._actors[owned[state]] for state in states if state in owned), None)

    def is_weak(self, name: str) -> bool:
        """Whether a name links only with support: a short acronym (or a number) only bulk-imported files give.

        "CDS", "AI" or "NPA" name a cartel, an agency or a rebel army in some
        list, and something else in most texts; so do the ``ambiguous`` names
        a curated entry lists ("ISS", "ETA"). Such a name links only where the
        text names the same actor in another way too.
        """
        return normalise_name(name) in self._weak

    def demonym_state(self, word: str) -> Actor | None:
        """The state (or people's territory) a demonym such as "Iranian" or "Afghans" refers to."""
        actor_id = self._by_demonym.get(normalise_name(word))
        return self._actors.get(actor_id) if actor_id else None

    def transliteration_key(self, name: str) -> str:
        """``name`` with spelling variation across romanisations removed ("Ghaani" -> "Qaani" -> "kani")."""
        key = normalise_name(name)
        for pattern, replacement in self._rules:
            key = pattern.sub(replacement, key)
        return key

    @cached_property
    def _fuzzy_keys(self) -> dict[str, str]:
        keys: dict[str, str] = {}
        for key, actor_id in self._by_name.items():
            if key in self._homonyms:
                continue
            t_key = self.transliteration_key(key)
            if len(t_key) >= FUZZY_MIN_LENGTH:
                keys.setdefault(t_key, actor_id)
        return keys

    def fuzzy(self, name: str, cutoff: float = FUZZY_CUTOFF) -> Actor | None:
        """The actor whose name is spelled closest to ``name`` (exact lookup first), or None.

        Answers are remembered (the knowledge base is read-only): articles repeat
        their names, and each fuzzy search scores every key. The memory is
        bounded by dropping it all when it grows large.
        """
        memo_key = (name, cutoff)
        if memo_key not in self._fuzzy_memo:
            if len(self._fuzzy_memo) >= FUZZY_MEMO_SIZE:
                self._fuzzy_memo.clear()
            self._fuzzy_memo[memo_key] = self._fuzzy(name, cutoff)
        return self._fuzzy_memo[memo_key]

    def _fuzzy(self, name: str, cutoff: float) -> Actor | None:
        """:meth:`fuzzy` without the memory."""
        exact = self.lookup(name)
        if exact is not None or normalise_name(name) in self._homonyms:
            return exact  # a name several states' bodies share is no misspelling of one of them
        key = self.transliteration_key(name)
        if len(key) < FUZZY_MIN_LENGTH:
            return None
        keys = self._fuzzy_keys
        if key in keys:
            return self._actors[keys[key]]
        best = process.extractOne(key, self._fuzzy_candidates(key, cutoff), scorer=fuzz.ratio, score_cutoff=cutoff)
        return self._actors[keys[best[0]]] if best else None

    @cached_property
    def _fuzzy_lengths(self) -> dict[int, list[tuple[int, str]]]:
        """The fuzzy keys by length, each with its position among all keys."""
        by_length: dict[int, list[tuple[int, str]]] = {}
        for position, key in enumerate(self._fuzzy_keys):
            by_length.setdefault(len(key), []).append((position, key))
        return by_length

    def _fuzzy_candidates(self, key: str, cutoff: float) -> list[str]:
        """The keys whose length lets them reach ``cutoff`` against ``key``, in key order (ties go to the first).

        ``fuzz.ratio`` is ``100 * (1 - d / (n + m))`` for lengths ``n``, ``m`` and an
        edit distance ``d`` of at least ``|n - m|``, so most keys are out of reach by
        length alone; scoring only the others answers the same, sooner.
        """
        n, slack = len(key), 1 - cutoff / 100
        near = [pair for m, pairs in self._fuzzy_lengths.items() if abs(n - m) <= slack * (n + m) + 1 for pair in pairs]
        near.sort()
        return [candidate for _, candidate in near]

    # -- in text ---------------------------------------------------------
    @cached_property
    def matcher(self) -> AliasMatcher:
        """The compiled automaton over every alias, demonym and metonym (built on first use)."""
        triples: list[tuple[str, str, Via]] = []
        for entry in self._entries.values():
            triples += [(m, entry.id, "metonym") for m in entry.metonyms]
            triples += [(d, entry.id, "demonym") for d in self._demonym_forms(entry)]
            triples += [(a, entry.id, "alias") for a in entry.aliases]
        for entry in self._entries.values():
            triples.append((entry.name, entry.id, "alias"))
        return AliasMatcher(triples, self._weak, self._homonyms)

    def find_matches(self, text: str, supported: Collection[str] = (), states: Sequence[str] = ()) -> list[KbMatch]:
        """Every alias in ``text`` with how it names the actor (alias, demonym, metonym).

        A weak name (:meth:`is_weak`) counts only when ``text`` names its
        actor by another name too, or the actor is among ``supported`` (ids
        the caller knows its wider text names). A name several states' bodies
        share is the one of the state its words name ("Kenya's", "the Nigerian",
        "of Sri Lanka"), else of the first state ``text`` names (its dateline
        or lede) or ``states`` give that has one, else it is left out.
        """
        found = self.matcher.find(text)
        if any(m.candidates for m in found):
            found = self._resolve_homonyms(text, found, states)
        strong = {m.actor_id for m in found if not m.weak}
        return [m for m in found if not m.weak or m.actor_id in strong or m.actor_id in supported]

    def _resolve_homonyms(self, text: str, found: list[KbMatch], states: Sequence[str]) -> list[KbMatch]:
        """Each shared name's match as the body of the state its context names; unresolved ones dropped."""
        named = [m for m in found if not m.candidates and self._actors[m.actor_id].kind == "state"]
        context = list(dict.fromkeys([*(m.actor_id for m in named), *states]))
        out: list[KbMatch] = []
        for match in found:
            if not match.candidates:
                out.append(match)
                continue
            own = [m.actor_id for m in named if _names_state_of(text, m, match)]
            chosen = self.pick(match.candidates, own or context)
            if chosen is not None:
                out.append(replace(match, actor_id=chosen.id, candidates=()))
        return out

    def find_all(self, text: str) -> list[tuple[int, int, Actor]]:
        """Every actor named in ``text`` as ``(start, end, actor)``, longest match first, no overlaps."""
        return [(m.start, m.end, self._actors[m.actor_id]) for m in self.find_matches(text)]

    # -- relations -------------------------------------------------------
    def parent(self, actor_id: str) -> Actor | None:
        """The organisation a branch belongs to (ISKP -> Islamic State), or None."""
        entry = self._entries.get(actor_id)
        return self._actors.get(entry.parent) if entry and entry.parent else None

    def ancestors(self, actor_id: str) -> list[str]:
        """Ids of the parent, its parent and so on (nearest first)."""
        chain: list[str] = []
        current = self._entries.get(actor_id)
        while current and current.parent and current.parent not in chain:
            chain.append(current.parent)
            current = self._entries.get(current.parent)
        return chain

    def is_branch_of(self, branch_id: str, parent_id: str) -> bool:
        """True when ``branch_id`` is a branch (at any depth) of ``parent_id``."""
        return parent_id in self.ancestors(branch_id)

    def related(self, a_id: str, b_id: str) -> bool:
        """True when two ids are one actor, or one is a branch of the other (one side, for who claimed or denied)."""
        return a_id == b_id or self.is_branch_of(a_id, b_id) or self.is_branch_of(b_id, a_id)

    def state_of(self, actor_id: str) -> Actor | None:
        """The state an actor belongs to, following affiliation then country links.

        Militant groups belong to no state even where they are based (al-Shabaab is
        not Somalia), so the chain stops at one.
        """
        return self._state_of(actor_id, set())

    def home_of(self, actor_id: str) -> Actor | None:
        """The state an actor belongs to or, for a militant group, is based in: which of two namesakes a text means.

        The Manipur and the Colombian "People's Liberation Army" are told apart by the state the text names, as
        agencies of two states are, though neither group speaks for its state (:meth:`state_of`).
        """
        entry = self._entries.get(actor_id)
        if entry is not None and entry.kind == "militant_group":
            return self._state_of(entry.country, set())
        return self.state_of(actor_id)

    def _state_of(self, actor_id: str | None, seen: set[str]) -> Actor | None:
        entry = self._entries.get(actor_id) if actor_id else None
        if entry is None or entry.id in seen or entry.kind == "militant_group":
            return None
        if entry.kind == "state":
            return self._actors[entry.id]
        seen.add(entry.id)
        return self._state_of(entry.affiliation, seen) or self._state_of(entry.country, seen)


#: Between a state and the body it owns: "Kenya's DCI", "the Nigerian DSS", "Somali NISA".
_OWNER_GAP = re.compile(r"(?:['’]s|s['’])?\s*")
#: Between a body and its state after it: "the Intelligence Bureau of Pakistan", "the CID (police) in Sri Lanka".
_SITE_GAP = re.compile(r"\s*(?:\([^()]*\)\s*)?(?:of|in)\s+(?:the\s+)?", re.IGNORECASE)


def _names_state_of(text: str, state: KbMatch, body: KbMatch) -> bool:
    """Whether a state's name is the owner of a body's name right next to it."""
    if state.end <= body.start:
        return _OWNER_GAP.fullmatch(text, state.end, body.start) is not None
    return state.start >= body.end and _SITE_GAP.fullmatch(text, body.end, state.start) is not None
