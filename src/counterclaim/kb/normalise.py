"""How names are folded before they are compared.

One folding serves both the exact lookup (``normalise_name``) and the text
scanner (``fold``), so an alias that looks a name up also finds it in running
text. Folding forgets what news copy varies on without changing the name: case,
diacritics, curly versus straight apostrophes, dots in acronyms ("U.S."),
hyphens versus spaces ("al-Shabaab"/"al Shabaab"), apostrophes inside
transliterations ("Qa'ani"/"Qaani") and a possessive "'s".
"""

from __future__ import annotations

import functools
import re
import unicodedata

#: Characters read as another before folding (typographic variants).
_CHAR_MAP = {
    "\u2019": "'",
    "\u2018": "'",
    "\u02bc": "'",
    "\u02bb": "'",
    "`": "'",
    "\u00b4": "'",
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u00a0": " ",
}
_SPACE_LIKE = {"-", "_", "/", "\t", "\n", " "}
_DROPPED = {".", "'"}


def without_accents(text: str) -> str:
    """``text`` with its diacritics dropped and its case kept ("Pathānkot" -> "Pathankot"): how outlets that write
    plain ASCII spell a name the gazetteer or knowledge base gives with accents."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@functools.cache
def _fold_char(char: str) -> str:
    """One character without diacritics and case; may be empty or longer than one."""
    decomposed = unicodedata.normalize("NFKD", char)
    base = "".join(c for c in decomposed if not unicodedata.combining(c)) or char
    return base.casefold()


def _is_possessive(text: str, i: int) -> bool:
    """True at the apostrophe of a possessive "'s" that ends a word."""
    nxt = text[i + 1 : i + 2]
    after = text[i + 2 : i + 3]
    return nxt in ("s", "S") and not after.isalnum() and i > 0 and text[i - 1].isalnum()


#: ASCII characters that fold to themselves lower-cased, one for one, and runs of them joined by single
#: spaces (each follows a kept character, so each is kept): such a run is folded in one call. Left out are
#: the apostrophe, dot, hyphen, underscore, slash, backtick and other blanks, which fold otherwise.
_PLAIN = r"[A-Za-z0-9!\"#$%&()*+,:;<=>?@\[\\\]^{|}~]+"
_PLAIN_RUN = re.compile(rf"{_PLAIN}(?: {_PLAIN})*")


def fold(text: str) -> tuple[str, list[int]]:
    """Folded ``text`` and, for each folded character, the index it came from in ``text``.

    Spaces are collapsed and a possessive apostrophe becomes a space, so "Iran's"
    still ends the word "Iran" where a scanner checks word boundaries. Runs of
    plain ASCII (most of an English text) are lower-cased whole: the scanner
    folds every document, and a per-character loop was its main cost.
    """
    out: list[str] = []
    index: list[int] = []
    done = 0
    for run in _PLAIN_RUN.finditer(text):
        _fold_chars(text, done, run.start(), out, index)
        out.append(run.group().lower())
        index.extend(range(run.start(), run.end()))
        done = run.end()
    _fold_chars(text, done, len(text), out, index)
    return "".join(out), index


def _fold_chars(text: str, start: int, end: int, out: list[str], index: list[int]) -> None:
    """Fold ``text[start:end]`` one character at a time onto ``out`` (pieces never empty) and ``index``."""
    for i in range(start, end):
        raw = text[i]
        char = _CHAR_MAP.get(raw, raw)
        if char == "'" and _is_possessive(text, i):
            char = " "
        if char in _DROPPED:
            continue
        if char in _SPACE_LIKE or char.isspace():
            if out and out[-1][-1] != " ":
                out.append(" ")
                index.append(i)
            continue
        for piece in _fold_char(char):
            out.append(piece)
            index.append(i)


_LEADING_THE = re.compile(r"^the ")
_POSSESSIVE = re.compile(r" s$")
_EDGE_PUNCT = "\"'()[]{},;:!?«»“”"


@functools.lru_cache(maxsize=65536)
def normalise_name(name: str) -> str:
    """The lookup key of a name: folded, without a leading "the" or trailing possessive."""
    folded, _ = fold(name.strip().strip(_EDGE_PUNCT))
    folded = folded.strip()
    folded = _LEADING_THE.sub("", folded)
    folded = _POSSESSIVE.sub("", folded)
    return folded.strip(_EDGE_PUNCT + " ")
