"""Numbers written as digits, words or vague quantities ("1,200", "twenty-five", "dozens").

Casualty figures and relative dates both need them; the vocabulary lives in
``lexicons/numbers.yaml`` so one parser serves both.
"""

from __future__ import annotations

import re
from functools import cache

from counterclaim.lexicons import load_lexicon


@cache
def number_words() -> tuple[dict[str, int], dict[str, int], dict[str, int], dict[str, tuple[int, str | None]]]:
    """(units, tens, scales, vague) from ``lexicons/numbers.yaml``; vague words map to (value, qualifier)."""
    lex = load_lexicon("numbers")
    vague = {k: (int(v[0]), v[1]) for k, v in lex["vague"].items()}
    return lex["units"], lex["tens"], lex["scales"], vague


@cache
def number_pattern() -> str:
    """A regex (no groups) matching one number expression, for embedding in larger patterns.

    Longest alternatives come first so "twenty-five" wins over "twenty" and
    "a couple of" over "a".
    """
    units, tens, scales, vague = number_words()
    simple = sorted([*units, *tens], key=len, reverse=True)
    word = "(?:" + "|".join(simple) + ")"
    scale = "(?:" + "|".join(sorted(scales, key=len, reverse=True)) + ")"
    worded = rf"{word}(?:[- ]{word})?(?:\s+{scale}(?:\s+(?:and\s+)?{word}(?:[- ]{word})?)?)?"
    digits = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?:\s+(?:million|thousand))?"
    vague_alt = "|".join(re.escape(v) for v in sorted(vague, key=len, reverse=True))
    return rf"(?:{digits}|(?:{vague_alt})|{worded})"


def parse_number(text: str) -> tuple[int, str | None] | None:
    """The integer a number expression stands for, and a qualifier when the quantity is vague.

    Returns None when ``text`` is not a number expression.
    """
    units, tens, scales, vague = number_words()
    t = re.sub(r"\s+", " ", text.strip().lower())
    if t in vague:
        return vague[t]
    digits = re.fullmatch(r"(\d[\d,]*(?:\.\d+)?)(?: (million|thousand))?", t)
    if digits:
        value = float(digits.group(1).replace(",", ""))
        return int(value * scales.get(digits.group(2) or "", 1)), None
    total, current, seen = 0, 0, False
    for token in re.split(r"[- ]+", t):
        if token == "and":
            continue
        if token in units or token in tens:
            current += units.get(token, 0) + tens.get(token, 0)
        elif token in scales:
            current = max(current, 1) * scales[token]
            if scales[token] >= 1000:
                total, current = total + current, 0
        else:
            return None
        seen = True
    return (total + current, None) if seen else None
