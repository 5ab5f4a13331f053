"""A Doc's lower-cased lemmas and word forms as plain lists, read off spaCy's attribute arrays once per doc.

Rules look at a handful of cue words in documents of thousands of tokens.
Looping over ``doc`` to test ``token.lemma_`` builds a Token object per token,
which costs more than the test; these lists let a rule find its few candidate
tokens first and build Token objects only for them. Lists are kept in
the doc's memos (``nlp/doccache.py``; a parsed Doc's tokens never change afterwards); each
string is lower-cased once per process, keyed by its hash (spaCy's string
hashes are fixed, whatever the vocabulary).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy
from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc

from counterclaim.nlp.doccache import memo

_KEY = "counterclaim.words.{}"
#: String hash -> the string lower-cased, for the lemmas and forms met lately (emptied past _LOWERED_MAX).
_LOWERED: dict[int, str] = {}
_LOWERED_MAX = 200_000


def _words(doc: Doc, attr: int) -> list[str]:
    """Each token's ``attr`` string, lower-cased."""

    def compute() -> list[str]:
        hashes = doc.to_array(attr).tolist() if len(doc) else []
        known, strings = _LOWERED, doc.vocab.strings
        if len(known) > _LOWERED_MAX:  # names and numbers never stop coming over a long run
            known.clear()
        for h in set(hashes).difference(known):
            known[h] = strings[h].lower()
        return [known[h] for h in hashes]

    return memo(doc, _KEY.format(attr), compute)


def lemmas(doc: Doc) -> list[str]:
    """Each token's ``lemma_.lower()``."""
    return _words(doc, LEMMA)


def lowers(doc: Doc) -> list[str]:
    """Each token's ``lower_``."""
    return _words(doc, LOWER)


def lemma_mask(doc: Doc, test: Callable[[str], bool]) -> numpy.ndarray:
    """Per token, whether ``test`` holds for its lower-case lemma."""
    words = lemmas(doc)
    return numpy.fromiter(map(test, words), dtype=bool, count=len(words))


def lower_mask(doc: Doc, test: Callable[[str], bool]) -> numpy.ndarray:
    """Per token, whether ``test`` holds for its lower-case form."""
    words = lowers(doc)
    return numpy.fromiter(map(test, words), dtype=bool, count=len(words))


def word_flags(doc: Doc, lemmas: frozenset[str] = frozenset(), forms: frozenset[str] = frozenset()) -> list[bool]:
    """Per token, whether its lower-case lemma is in ``lemmas`` or its lower-case form in ``forms``.

    Kept with the doc for each pair of word lists, since rules ask about every
    sentence or content span in turn.
    """
    # the set tests run in C through map(); a comprehension would run Python code per token
    return memo(
        doc,
        (_KEY.format("flags"), lemmas, forms),
        lambda: (lemma_mask(doc, lemmas.__contains__) | lower_mask(doc, forms.__contains__)).tolist(),
    )
