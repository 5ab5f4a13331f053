"""The actor knowledge base: militant groups, states, agencies, media and prominent persons.

Data lives in YAML files under ``kb/data`` (format in ``docs/knowledge-base.md``);
a user adds or refines actors with files of the same format. The stable API:

- ``get_kb(extra=()) -> KnowledgeBase``: the bundled files merged with ``extra``
  (paths), cached per ``extra`` tuple, so every component shares one instance.
- ``KnowledgeBase.actor(id)`` / ``.entry(id)``: the :class:`~counterclaim.records.Actor`
  or the full :class:`KbEntry` (aliases, parent, alignment, designations).
- ``.lookup(name)``: exact match after normalisation (case, apostrophes, dots in
  acronyms, a leading "the", a possessive, hyphens or spaces); demonyms too.
- ``.fuzzy(name)``: transliteration-tolerant match ("Ghaani" -> Esmail Qa'ani).
- ``.find_all(text) -> [(start, end, Actor)]`` and ``.find_matches(text) -> [KbMatch]``
  (which also says whether the words were an alias, a demonym or a metonym).
  A short acronym only a bulk-imported file gives ("CDS", "AI") is *weak*
  (``.is_weak(name)``): it links only when the text names its actor otherwise too.
- ``.parent(id)``, ``.ancestors(id)``, ``.is_branch_of(branch, parent)``,
  ``.state_of(id)``, ``.demonym_state(word)``.
- ``split_person(text) -> PersonParts(name, role, titles, start, end)`` and
  ``link_role(role, kb) -> actor id | None`` for speakers such as
  "IRGC Quds Force Commander Brig. Gen. Esmail Qa'ani".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from counterclaim.kb.index import KnowledgeBase
from counterclaim.kb.loader import KbEntry, KbFormatError, load_entries, read_yaml
from counterclaim.kb.matcher import KbMatch
from counterclaim.kb.roles import PersonParts, is_role_word, split_person

__all__ = [
    "KbEntry",
    "KbFormatError",
    "KbMatch",
    "KnowledgeBase",
    "PersonParts",
    "get_kb",
    "link_role",
    "split_person",
]


def get_kb(extra: Sequence[str | Path] = ()) -> KnowledgeBase:
    """The knowledge base from the bundled files plus ``extra`` YAML files (cached)."""
    return _build(tuple(str(Path(p)) for p in extra))


@lru_cache(maxsize=8)
def _build(extra: tuple[str, ...]) -> KnowledgeBase:
    entries, versions, curated = load_entries(extra)
    rules = read_yaml(None, bundled="transliteration.yaml")["rules"]
    return KnowledgeBase(entries, versions, [(r["pattern"], r["replace"]) for r in rules], curated)


#: Kinds a role belongs to before a state: "IRGC Quds Force Commander" is the Quds Force's.
_SPECIFIC_KINDS = ("agency", "organisation", "militant_group", "media")


def link_role(role: str | None, kb: KnowledgeBase) -> str | None:
    """Id of the organisation or state a role phrase names, nearest the role word and most specific."""
    if not role:
        return None
    matches = kb.find_matches(role)
    words = [w for w in role.split() if w.lower() not in ("the", "a", "an")]
    # "the X faction spokesman": the name nearest the role word is the last;
    # "spokesman of the X faction of Y": the first
    ordered = matches if words and is_role_word(words[0]) else list(reversed(matches))
    # "X's envoy to the UN", "ambassador to Kenya": where a role is posted comes after the body it serves
    posted = [m for m in ordered if re.search(r"\bto\s+(?:the\s+)?$", role[: m.start], re.IGNORECASE)]
    ordered = [m for m in ordered if m not in posted] or posted
    for kinds in (_SPECIFIC_KINDS, ("state",)):
        for match in ordered:
            actor = kb.actor(match.actor_id)
            if actor is not None and actor.kind in kinds:
                return actor.id
    return None
