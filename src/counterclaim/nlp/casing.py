"""Re-casing text written in capitals, so the model's tagger, parser and entity recogniser can read it.

Wire, telex and archive copy often comes in capitals ("GUERRILLAS ATTACKED A
POST IN SAN MIGUEL"). The small English model was trained on mixed case: on
capitals it tags every word a proper noun and finds neither names nor dates.
This module writes such text as a newspaper would, word by word, from what
we may ship:

- which words are ordinary lower-case words: the public-domain ``web2`` word
  list (package ``english-words``), its inflected forms through the spaCy
  model's own lemmatiser rules and exceptions, and words the model's
  vocabulary saw only in lower case;
- which are names and how they are written: ``web2``'s capitalised entries,
  the gazetteer's countries, regions and cities, and the knowledge base's
  names, aliases and acronyms, several words at a time ("SHINING PATH",
  "SAN SALVADOR");
- a name spelt out before its acronym in brackets is a name ("... NATIONAL
  LIBERATION ARMY [ELN]");
- sentence starts, titles ("GEN."), name particles ("de la"), months next to
  a day, and unknown words (names, or acronyms when short).

Every character keeps its place (only its case changes), so offsets into the
re-cased text are offsets into the original.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from english_words import get_english_words_set

from counterclaim.kb.normalise import without_accents
from counterclaim.lexicons import load_lexicon

#: A run of letters: the unit that gets one case decision.
WORD = re.compile(r"[^\W\d_]+")
#: What may stand between the words of one name ("SAN SALVADOR", "AL-QAEDA").
NAME_GAP = re.compile(r"[ \t'’-]{1,2}")
#: The longest name, in words, looked up as a phrase.
MAX_PHRASE = 6
#: What a word was read as: part of a name, a known acronym, an unknown word shaped like an acronym, an ordinary word.
NAME, ACRONYM, SHAPE, COMMON, OTHER = "name", "acronym", "shape", "common", "other"


def is_shouted(text: str) -> bool:
    """Whether ``text`` is written in capitals: nearly all of its cased letters are upper case.

    Letters are counted by regular expressions (Latin letters only), which run
    in C: every document of a run is asked.
    """
    lex = _lexicon()
    upper = len(_UPPER.findall(text))
    lower = len(_LOWER.findall(text))
    return upper >= lex["min_letters"] and upper >= lex["shouted_share"] * (upper + lower)


_UPPER = re.compile(r"[A-ZÀ-ÖØ-Þ]")
_LOWER = re.compile(r"[a-zß-öø-ÿ]")


@cache
def _lexicon() -> dict:
    return load_lexicon("casing")


@cache
def web2() -> frozenset[str]:
    """The public-domain ``web2`` word list (package ``english-words``): names capitalised, ordinary words not."""
    return frozenset(get_english_words_set(["web2"]))


@cache
def english_words() -> frozenset[str]:
    """The ordinary words of ``web2``: its entries in lower case."""
    return frozenset(w for w in web2() if w.islower())


def _title(word: str) -> str:
    return word[:1].upper() + word[1:].lower()


@dataclass(frozen=True)
class _Run:
    """One letter run of the text."""

    start: int
    end: int
    lower: str


class CasingModel:
    """Decides how each word of a text in capitals is written.

    ``common`` says whether a lower-case word is an ordinary word (a
    dictionary word or an inflection of one); ``seen_lower`` are words the
    model's vocabulary holds only in lower case; ``proper`` maps a lower-case
    name to how it is written ("lima" -> "Lima"), ``countries`` likewise for
    country names, which win over an ordinary word ("CHILE", "TURKEY");
    ``acronyms`` are names kept in capitals; ``phrases`` map a run of
    lower-case words to its written form ("shining", "path" -> "Shining", "Path").
    """

    def __init__(
        self,
        common: Callable[[str], bool],
        seen_lower: frozenset[str],
        proper: dict[str, str],
        countries: dict[str, str],
        acronyms: frozenset[str],
        phrases: dict[tuple[str, ...], tuple[str, ...]],
        months: frozenset[str],
    ) -> None:
        self.common = common
        self.seen_lower = seen_lower
        self.proper = proper
        self.countries = countries
        self.acronyms = acronyms
        self.phrases = phrases
        self.months = months
        lex = _lexicon()
        self.titles = frozenset(lex["titles"])
        self.no_stop = self.titles | frozenset(lex["abbreviations"])
        self.particles = frozenset(lex["name_particles"])
        self.skips = frozenset(lex["acronym_skips"])
        self.suffixes = frozenset(lex["apostrophe_suffixes"])
        # words for a region make the place name before them a name ("CORDOBA DEPARTMENT": not the currency)
        self.regions = frozenset(load_lexicon("places")["region_words"])
        # proper names without their accents, as wire copy writes them ("cordoba" for Córdoba)
        self.unaccented_proper = frozenset(without_accents(k) for k in proper)

    def recase(self, text: str) -> str:
        """``text`` written in mixed case; every character keeps its offset."""
        runs = [_Run(m.start(), m.end(), m.group().lower()) for m in WORD.finditer(text)]
        forms: list[str | None] = [None] * len(runs)
        kinds: list[str] = [""] * len(runs)
        self._phrases(text, runs, forms, kinds)
        self._spelt_acronyms(text, runs, forms, kinds)
        for i in range(len(runs)):
            if forms[i] is None:
                forms[i], kinds[i] = self._word(text, runs, i)
        self._short_names(text, runs, forms, kinds)
        self._particles(text, runs, forms, kinds)
        out = list(text)
        for i, run in enumerate(runs):
            form = forms[i] or run.lower
            if _opens_sentence(text, run.start, runs, i, self.no_stop) and form[:1].islower():
                form = form[:1].upper() + form[1:]
            if len(form) == run.end - run.start:  # a case change that would alter the length is skipped
                out[run.start : run.end] = form
        return "".join(out)

    # -- several words at a time -----------------------------------------
    def _phrases(self, text: str, runs: Sequence[_Run], forms: list[str | None], kinds: list[str]) -> None:
        """Known names of several words, longest first, where only blanks or hyphens separate their words."""
        i = 0
        while i < len(runs):
            matched = 0
            for n in range(min(MAX_PHRASE, len(runs) - i), 1, -1):
                written = self.phrases.get(tuple(r.lower for r in runs[i : i + n]))
                gaps = (text[runs[k].end : runs[k + 1].start] for k in range(i, i + n - 1))
                if written is not None and all(NAME_GAP.fullmatch(gap) for gap in gaps):
                    for k, word in enumerate(written):
                        forms[i + k], kinds[i + k] = word, NAME
                    matched = n
                    break
            i += matched or 1

    def _spelt_acronyms(self, text: str, runs: Sequence[_Run], forms: list[str | None], kinds: list[str]) -> None:
        """A name spelt out before its acronym in brackets: "NATIONAL LIBERATION ARMY [ELN]" is a name.

        The words whose initials make up the acronym's letters (in any order:
        acronyms often follow the Spanish word order) are written as a name.
        """
        for i, run in enumerate(runs):
            acronym = run.lower
            if not (2 <= len(acronym) <= 6) or text[run.start - 1 : run.start] not in ("[", "("):
                continue
            if text[run.end : run.end + 1] not in ("]", ")"):
                continue
            letters = set(acronym)
            content: list[int] = []
            k = i - 1
            while k >= 0 and len(content) < len(acronym) + 2:
                gap = text[runs[k].end : (runs[k + 1].start if k + 1 < i else run.start - 1)]
                if gap.strip() or (k + 1 < i and not gap):
                    break
                if runs[k].lower not in self.skips:
                    content.append(k)
                if content and {runs[c].lower[0] for c in content} == letters:
                    for c in range(content[-1], i):
                        skip = runs[c].lower in self.skips
                        forms[c], kinds[c] = (runs[c].lower if skip else _title(runs[c].lower)), NAME
                    forms[i], kinds[i] = acronym.upper(), ACRONYM
                    break
                k -= 1

    def _short_names(self, text: str, runs: Sequence[_Run], forms: list[str | None], kinds: list[str]) -> None:
        """A short unknown word beside a name is part of it ("JAIME PAZ ZAMORA"), not an acronym."""
        for i, run in enumerate(runs):
            if kinds[i] != SHAPE:
                continue
            before = i > 0 and kinds[i - 1] == NAME and text[runs[i - 1].end : run.start] == " "
            after = i + 1 < len(runs) and kinds[i + 1] == NAME and text[run.end : runs[i + 1].start] == " "
            if before or after:
                forms[i], kinds[i] = _title(run.lower), NAME

    def _particles(self, text: str, runs: Sequence[_Run], forms: list[str | None], kinds: list[str]) -> None:
        """ "de", "la", "el" in a name: lower case inside it ("Luis de la Reina"), capitalised opening it ("La Paz").

        A word after particles that follow a name is part of the name too, even an ordinary word ("REINA").
        """
        for i, run in enumerate(runs):
            if run.lower not in self.particles or kinds[i] == NAME:
                continue
            j = i
            while j + 1 < len(runs) and text[runs[j].end : runs[j + 1].start] == " ":
                if runs[j + 1].lower not in self.particles:
                    break
                j += 1
            if j + 1 >= len(runs) or text[runs[j].end : runs[j + 1].start] != " ":
                continue
            inside = i > 0 and kinds[i - 1] == NAME and text[runs[i - 1].end : run.start] == " "
            following = j + 1
            if inside and kinds[following] in (COMMON, SHAPE, ""):
                forms[following], kinds[following] = _title(runs[following].lower), NAME
            if kinds[following] != NAME:
                continue
            for k in range(i, j + 1):
                forms[k], kinds[k] = (runs[k].lower if inside or k > i else _title(runs[k].lower)), NAME

    # -- one word --------------------------------------------------------
    def _word(self, text: str, runs: Sequence[_Run], i: int) -> tuple[str, str]:
        """How one word is written, and what kind of word it was read as."""
        run = runs[i]
        word = run.lower
        before, after = text[run.start - 1 : run.start], text[run.end : run.end + 1]
        if before in "'’" and i and runs[i - 1].end == run.start - 1 and word in self.suffixes:
            return word, OTHER  # "DON'T", "IT'S"
        if before.isdigit():
            return word, OTHER  # "3D", "4TH", "9MM"
        if len(word) == 1:
            if after == ".":
                return word.upper(), OTHER  # an initial
            return {"a": "a", "i": "I"}.get(word, word.upper()), OTHER
        if word in self.titles and (after == "." or not self.common(word)):
            return _title(word), OTHER
        if word in self.acronyms:
            return word.upper(), ACRONYM
        if (written := self.countries.get(word)) is not None:
            return written, NAME
        if word in self.months and _next_to_number(text, run):
            return _title(word), OTHER
        if self.common(word) and not (word in self.unaccented_proper and self._before_region_word(text, runs, i)):
            return word, COMMON
        if (written := self.proper.get(word)) is not None:
            return written, NAME
        if word in self.seen_lower:
            return word, COMMON
        return (word.upper(), SHAPE) if self._acronym_shape(word) else (_title(word), NAME)

    def _before_region_word(self, text: str, runs: Sequence[_Run], i: int) -> bool:
        """Whether a place name stands right before a word for a region: "CORDOBA DEPARTMENT" is Córdoba's
        department, though "cordoba" is also a currency's name."""
        return i + 1 < len(runs) and text[runs[i].end : runs[i + 1].start] == " " and runs[i + 1].lower in self.regions

    def _acronym_shape(self, word: str) -> bool:
        """An unknown word short enough, or without vowels, to be an acronym ("PCN", "URNG")."""
        lex = _lexicon()
        no_vowel = not any(c in "aeiouy" for c in word)
        return len(word) <= lex["acronym_max"] or (no_vowel and len(word) <= lex["acronym_no_vowel"])


def _next_to_number(text: str, run: _Run) -> bool:
    """Whether a digit stands right before or after the word ("3 JAN 90", "MAY 5")."""
    return bool(re.search(r"\d[\s.,]{0,2}$", text[max(run.start - 4, 0) : run.start])) or bool(
        re.match(r"[\s.,]{0,2}\d", text[run.end : run.end + 4])
    )


def _opens_sentence(text: str, start: int, runs: Sequence[_Run], i: int, no_stop: frozenset[str]) -> bool:
    """Whether the word at ``start`` opens a sentence, a line or a bracketed header's text.

    Quotes and brackets before it are skipped; a full stop after a title, an
    abbreviation or a single letter ("GEN.", "U.S.") ends no sentence.
    """
    k = start - 1
    while k >= 0 and text[k] in " \t\"'“‘([":
        k -= 1
    if k < 0 or text[k] in "\n!?":
        return True
    if text[k] == "]":  # a bracketed header ("-- [TEXT] THE ...") opens a sentence when it stands at one
        opening = text.rfind("[", 0, k)
        return opening >= 0 and _opens_sentence(text, opening + 1, runs, _run_at(runs, opening + 1, i), no_stop)
    if text[k] == "-":
        return k > 0 and text[k - 1] in "-–—"
    if text[k] in "–—":
        return True
    if text[k] != ".":
        return False
    previous = runs[i - 1] if i else None
    if previous is None or previous.end != k:
        return True
    return not (len(previous.lower) == 1 or previous.lower in no_stop)


class Dictionary:
    """Ordinary lower-case English words: a word list plus the inflections a lemmatiser's rules derive.

    ``rules`` are suffix rewrites per part of speech (``[["ies", "y"], ...]``)
    and ``exceptions`` irregular forms (``{"kidnapped": ["kidnap"]}``), as the
    spaCy English lemmatiser ships them.
    """

    def __init__(
        self, words: frozenset[str], rules: Sequence[Sequence[str]], exceptions: dict[str, Sequence[str]]
    ) -> None:
        self.words = words
        self.rules = [(suffix, replace) for suffix, replace in rules if suffix]
        self.exceptions = exceptions
        self._memo: dict[str, bool] = {}

    def __call__(self, word: str) -> bool:
        known = self._memo.get(word)
        if known is None:
            known = self._memo[word] = self._lookup(word)
        return known

    def _lookup(self, word: str) -> bool:
        if word in self.words:
            return True
        if any(lemma in self.words for lemma in self.exceptions.get(word, ())):
            return True
        return any(
            word.endswith(suffix) and word[: -len(suffix)] + replace in self.words for suffix, replace in self.rules
        )


def _run_at(runs: Sequence[_Run], start: int, upto: int) -> int:
    """Index of the run starting at ``start`` (searched backwards from ``upto``), else ``upto``."""
    for j in range(upto, -1, -1):
        if runs[j].start <= start:
            return j if runs[j].start == start else upto
    return upto


def build_model(
    dictionary: Callable[[str], bool],
    seen_lower: Iterable[str],
    proper_words: Iterable[str],
    names: Iterable[str],
    countries: Iterable[str],
    months: Iterable[str],
) -> CasingModel:
    """A casing model from word lists.

    ``dictionary`` tells ordinary words; ``seen_lower`` are words known only
    in lower case; ``proper_words`` single names as written ("Lima");
    ``names`` names of one or more words as written ("San Salvador",
    "Shining Path", "FMLN"): a name of several words re-cases that run of
    capitals (a place name only when one of its words is no ordinary word, see
    the caller), a single word counts as a proper word, or as an acronym when
    written in capitals and no ordinary word; ``countries`` are country names.
    """
    proper: dict[str, str] = {}
    phrases: dict[tuple[str, ...], tuple[str, ...]] = {}
    acronyms: set[str] = set()
    for word in proper_words:
        proper.setdefault(word.lower(), word)
    for name in names:
        words = WORD.findall(name)
        if len(words) > 1 and not name.isupper():
            phrases.setdefault(tuple(w.lower() for w in words), tuple(words))
        elif len(words) == 1 and len(name) >= 2 and name.isupper() and not dictionary(name.lower()):
            acronyms.add(name.lower())
        elif len(words) == 1 and words[0][:1].isupper():
            proper.setdefault(words[0].lower(), words[0])
    country_words = {}
    for country in countries:
        words = WORD.findall(country)
        if len(words) == 1 and not country.isupper():
            country_words[country.lower()] = country
        elif len(words) > 1:
            phrases.setdefault(tuple(w.lower() for w in words), tuple(words))
    return CasingModel(
        dictionary, frozenset(seen_lower), proper, country_words, frozenset(acronyms), phrases, frozenset(months)
    )
