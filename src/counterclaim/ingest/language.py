"""Which language a text is in, offline: the share of its words that are function words of each language.

Function words ("the", "of", "de", "la", "في") make up a third or more of
running text in any language and differ between languages, so the share of a
text's words on each language's stop list names its language without a model.
The stop lists are jusText's (a hundred languages, installed with trafilatura);
which codes they map to and the thresholds are in ``lexicons/languages.yaml``.

Only English is analysed, so the decision that matters is "English or not",
and it leans to English: a text is another language's only when it has enough
words, that language's share is high and clearly above English's, or when its
letters are mostly of another script. A short or odd text (a headline, a
list of names and figures) stays English and is analysed as before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import islice

import justext

from counterclaim.lexicons import load_lexicon
from counterclaim.records import ENGLISH

#: The code stored for a text in no language the stop lists know (in a script other than Latin).
UNDETERMINED = "und"

_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Language:
    """A detected language: its code (``en``, ``fr``, ``und``) and its English name for messages."""

    code: str
    name: str

    @property
    def english(self) -> bool:
        return self.code == ENGLISH


def detect(text: str) -> Language:
    """The language of ``text`` (English unless another is clear; see the module's docstring)."""
    settings = load_lexicon("languages")
    words = [m.group().lower() for m in islice(_WORD.finditer(text), settings["sample_words"])]
    letters = "".join(words)
    if not letters:
        return _language("English")
    latin = (
        sum(1 for c in letters if c.isascii() or "\u00c0" <= c <= "\u024f") / len(letters)
        >= settings["min_latin_letters"]
    )
    english = max(_share(words, _stop_list(name)) for name in _english_lists())
    if latin and (len(words) < settings["min_words"] or english >= settings["min_share"]):
        return _language("English")
    shares = {name: _share(words, _stop_list(name)) for name in _other_lists()}
    best = max(shares, key=shares.__getitem__)
    if shares[best] >= settings["min_share"] and (not latin or shares[best] >= english + settings["margin"]):
        return _language(best)
    return _language("English") if latin else Language(UNDETERMINED, language_name(UNDETERMINED))


def language_name(code: str) -> str:
    """The English name of a language code :func:`detect` gives ("fr" -> "French")."""
    names = {c: name.replace("_", " ") for name, c in reversed(load_lexicon("languages")["codes"].items())}
    return names.get(code, "an undetermined language")


def not_analysed(code: str) -> str:
    """What the user is told of a document in language ``code``: kept, but not analysed."""
    return f"not analysed: the text is in {language_name(code)} ({code}); counterclaim analyses English only"


def _share(words: list[str], stop_list: frozenset[str]) -> float:
    return sum(1 for w in words if w in stop_list) / len(words)


def _language(list_name: str) -> Language:
    return Language(load_lexicon("languages")["codes"][list_name], list_name.replace("_", " "))


@cache
def _english_lists() -> tuple[str, ...]:
    return tuple(name for name, code in load_lexicon("languages")["codes"].items() if code == ENGLISH)


@cache
def _other_lists() -> tuple[str, ...]:
    """The stop lists of every other language that both jusText and ``languages.yaml`` know."""
    known = set(justext.get_stoplists())
    return tuple(name for name, code in load_lexicon("languages")["codes"].items() if code != ENGLISH and name in known)


@cache
def _stop_list(name: str) -> frozenset[str]:
    """jusText's stop list of a language, read once per process (English's alone suffices for most texts)."""
    return frozenset(justext.get_stoplist(name))
