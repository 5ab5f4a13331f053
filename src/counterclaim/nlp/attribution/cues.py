"""The cue lexicon: which words report speech, read from ``lexicons/attribution.yaml``.

Kept as data so analysts can add a reporting verb without touching code; loaded
once per process because every document consults it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml
from spacy.tokens import Token

SPEECH = "speech"
ATTITUDE = "attitude"


@dataclass(frozen=True)
class CueLexicon:
    """Lemma sets for each kind of cue (all lower case)."""

    speech: frozenset[str]
    #: Every non-speech class of the file (belief, intention, knowledge): verbs whose content is a clause.
    attitude: frozenset[str]
    object_content: frozenset[str]
    hearer_object: frozenset[str]
    nouns: frozenset[str]
    infinitive_nouns: frozenset[str]
    noun_prepositions: dict[str, frozenset[str]]
    channels: frozenset[str]
    raising: frozenset[str]
    construal: frozenset[str]
    quote_only: frozenset[str]
    phase: frozenset[str]
    preposition_only: frozenset[str]
    lemma_fixes: dict[str, str]
    findings: frozenset[str]
    source_prepositions: tuple[tuple[str, ...], ...]
    verb_prepositions: dict[str, frozenset[str]]

    def lemma(self, token: Token) -> str:
        """The token's lower-case lemma, corrected where the bundled model is known to err ("hopes" -> "hop")."""
        lemma = token.lemma_.lower()
        return self.lemma_fixes.get(lemma, lemma)

    def verb_kind(self, token: Token) -> str | None:
        """``speech``, ``attitude`` or None for a token that is not a reporting verb."""
        if token.pos_ not in ("VERB", "AUX") or token.dep_ in ("aux", "auxpass", "amod"):
            return None
        lemma = self.lemma(token)
        if lemma in self.speech:
            return SPEECH
        if lemma in self.attitude:
            return ATTITUDE
        return None


@lru_cache(maxsize=4)
def load_lexicon(path: str | None = None) -> CueLexicon:
    """The lexicon at ``path``, or the bundled one."""
    if path is None:
        text = resources.files("counterclaim.lexicons").joinpath("attribution.yaml").read_text(encoding="utf-8")
    else:
        text = Path(path).read_text(encoding="utf-8")
    data = yaml.safe_load(text) or {}
    verbs = data.get("verbs") or {}

    def words(items: list[str] | None) -> frozenset[str]:
        return frozenset(str(w).lower() for w in items or ())

    return CueLexicon(
        speech=words(verbs.get(SPEECH)),
        attitude=frozenset().union(*(words(items) for kind, items in verbs.items() if kind != SPEECH)),
        object_content=words(data.get("object_content")),
        hearer_object=words(data.get("hearer_object")),
        nouns=words(data.get("nouns")),
        infinitive_nouns=words(data.get("infinitive_nouns")),
        noun_prepositions={str(n).lower(): words(p) for n, p in (data.get("noun_prepositions") or {}).items()},
        channels=words(data.get("channels")),
        raising=words(data.get("raising")),
        construal=words(data.get("construal")),
        quote_only=words(data.get("quote_only")),
        phase=words(data.get("phase")),
        preposition_only=words(data.get("preposition_only")),
        lemma_fixes={str(k).lower(): str(v).lower() for k, v in (data.get("lemma_fixes") or {}).items()},
        findings=words(data.get("findings")),
        verb_prepositions={str(v).lower(): words(p) for v, p in (data.get("verb_prepositions") or {}).items()},
        source_prepositions=tuple(tuple(w.lower() for w in p) for p in data.get("source_prepositions") or ()),
    )
