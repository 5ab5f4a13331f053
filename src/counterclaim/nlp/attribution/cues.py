"""The cue lexicon: which words report speech, read from ``lexicons/attribution.yaml``.

Kept as data so analysts can add a reporting verb without touching code; loaded
once per process because every document consults it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy
import yaml
from spacy.attrs import DEP, POS
from spacy.strings import get_string_id
from spacy.symbols import AUX, NOUN, VERB
from spacy.tokens import Doc, Token

from counterclaim.nlp.tokenwords import lemma_mask

SPEECH = "speech"
ATTITUDE = "attitude"
#: Dependencies of verbs that are never cues: auxiliaries and participles used as adjectives.
_NOT_CUE_DEPS = ("aux", "auxpass", "amod")


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

    def verbs_among(self, doc: Doc, lemmas: frozenset[str]) -> list[int]:
        """Indices of the verbs :meth:`verb_kind` would look at whose corrected lemma is in ``lemmas``.

        Read off attribute arrays, so a rule builds Token objects only for its few candidates.
        """
        if not len(doc):
            return []
        pos, dep = doc.to_array([POS, DEP]).T
        verbs = (pos == VERB) | (pos == AUX)
        for skipped in _NOT_CUE_DEPS:
            verbs &= dep != get_string_id(skipped)
        return numpy.flatnonzero(verbs & self._lemma_in(doc, lemmas)).tolist()

    def nouns_among(self, doc: Doc, lemmas: frozenset[str]) -> list[int]:
        """Indices of the common nouns whose corrected lemma is in ``lemmas``."""
        if not len(doc):
            return []
        return numpy.flatnonzero((doc.to_array(POS) == NOUN) & self._lemma_in(doc, lemmas)).tolist()

    def _lemma_in(self, doc: Doc, lemmas: frozenset[str]) -> numpy.ndarray:
        fixes = self.lemma_fixes
        return lemma_mask(doc, lambda lemma: fixes.get(lemma, lemma) in lemmas)


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
