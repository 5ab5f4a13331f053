"""Finding date expressions in text and resolving them to calendar days.

Attack records and statements both need "when": explicit dates ("Jan. 9",
"12 May 2024"), days relative to the publication date ("yesterday", "on
Tuesday") and days relative to the attack itself ("the following day", "a day
after the bombing", "hours later"). One matcher serves every caller so the same words always
resolve to the same day. Vocabulary lives in ``lexicons/dates.yaml``.

Kinds reported by :func:`find_dates`:

- ``explicit``: day, month and year all written;
- ``inferred_year``: day and month written, year taken from the anchor or the document;
- ``relative``: relative to the reference (publication) date;
- ``event_relative``: relative to the attack date (None until that is known); a
  span under a day ("hours after the blast", "within minutes", "immediately after the shooting") is the attack's day;
- ``anaphoric``: "the same day", "that night", "later in the day", "in the early afternoon", "(visiting
  them) on the day": the day the text named last, which
  only the caller can tell (the date is always None here).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from functools import cache, lru_cache

from spacy.tokens import Doc, Span

from counterclaim.lexicons import load_lexicon
from counterclaim.nlp.doccache import memo
from counterclaim.nlp.doctext import doc_text
from counterclaim.nlp.numbers import number_pattern, number_words, parse_number

DateHit = tuple[int, int, dt.date | None, str]

#: A day-month without a year is placed in the anchor's year unless that puts it
#: this far after the anchor; news reports past days, so then it is last year's.
FUTURE_SLACK = dt.timedelta(days=60)


def _alt(words: object) -> str:
    """Regex alternation of ``words``, longest first so the longest form wins."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _lexicon() -> dict:
    return load_lexicon("dates")


@cache
def _pattern() -> re.Pattern[str]:
    lex = _lexicon()
    month = rf"(?:{_alt(lex['months'])})\.?"
    weekday = rf"(?:{_alt(lex['weekdays'])})"
    num = number_pattern()
    unit = rf"(?:{_alt(lex['units'])})"
    noun = rf"(?:{_alt(lex['event_nouns'])})"
    ordinal = r"(?:st|nd|rd|th)?"
    lead = rf"(?:(?:{weekday}|(?:{_alt(lex['weekday_abbreviations'])})\.?),?\s+(?:the\s+)?)?"
    period = rf"(?:{_alt(lex['day_periods'])})"
    # "the attack", "its raid", "Monday's attack", "today's bombing": the attack named by a determiner or its day
    owner = rf"(?:{weekday}|{_alt(lex['anchor_days'])}|{period})['’]s"
    event = rf"(?:the|this|that|these|those|its|{owner})\s+(?:\w+\s+){{0,2}}?{noun}"
    parts = [
        # an ISO 8601 time stamp keeps its time ("2023-02-02T01:11:51.522Z"): the day is its date part
        r"(?P<iso>(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2}))(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?",
        r"(?P<numeric>(?P<na>\d{1,2})[/.](?P<nb>\d{1,2})[/.](?P<ny>\d{4}))",
        rf"(?P<dashed>(?P<d3>\d{{1,2}})-(?P<m3>{month})-(?P<y3>\d{{4}}))",
        rf"(?P<mdy>{lead}(?P<m1>{month})\s+(?P<d1>\d{{1,2}}){ordinal}(?!\d)(?:,?\s+(?P<y1>\d{{4}}))?)",
        rf"(?P<dmy>{lead}(?P<d2>\d{{1,2}}){ordinal}(?:\s+(?:of\s+)?|-)(?P<m2>{month})(?:(?:,?\s+|-)(?P<y2>\d{{4}}))?)",
        rf"(?P<eventrel>(?:(?P<en>the|{num})\s+)?(?P<eu>{unit})\s+(?P<edir>after|before)\s+{event})",
        # "immediately after the shooting", "shortly after the start of the attack": the attack's own day
        rf"(?P<rightafter>(?:{_alt(lex['soon_words'])})\s+after\s+(?:the\s+(?:{_alt(lex['phase_nouns'])})\s+of\s+)?{event})",
        rf"(?P<sameday>(?:the\s+)?(?:same\s+)?day\s+of\s+the\s+(?:\w+\s+){{0,2}}?{noun})",
        rf"(?P<thatday>(?:the|that)\s+(?:very\s+)?same\s+{period}|(?:(?:earlier|later)\s+)?that\s+{period}"
        rf"|(?:(?:earlier|later)\s+)?in\s+the\s+(?:(?:early|late)\s+)?{period}|(?<=\bon\s)the\s+day(?=\s*[,.;:)]))",
        r"(?P<nextday>(?:the\s+)?(?:following|next)\s+day)",
        rf"(?P<within>within\s+(?:(?P<wn>{num})\s+)?(?P<wu>{unit})(?:\s+of\s+{event})?)",
        rf"(?P<later>(?:(?P<ln>{num})\s+)?(?P<lu>{unit})\s+later)",
        rf"(?P<ago>(?P<an>{num})\s+(?P<au>{unit})\s+ago)",
        rf"(?P<anchorword>{_alt(lex['anchor_days'])})",
        rf"(?P<weekday>(?:(?P<wmod>last|next|this)\s+)?(?P<wd>{weekday})(?:,?\s+(?:of\s+)?(?P<wweek>last|next)\s+week)?)",
    ]
    return re.compile(r"\b(?:" + "|".join(parts) + r")\b", re.IGNORECASE)


@cache
def _opening() -> re.Pattern[str]:
    """Every way a match of :func:`_pattern` can begin: a digit or the literal first words of its branches.

    Searching this lighter pattern finds the few places worth trying the full
    one at (see :func:`_scan`); it must stay a superset of the full pattern's
    openings, so it is built from the same lexicon entries and the same flags.
    """
    lex = _lexicon()
    units, tens, _, vague = number_words()
    words = {
        *lex["months"],
        *lex["weekdays"],
        *lex["weekday_abbreviations"],
        *lex["units"],
        *lex["anchor_days"],
        *lex["soon_words"],
        *units,
        *tens,
        *vague,
        *_OPENING_WORDS,
    }
    # the engine tries a case-blind alternation word by word; a class of first letters turns most positions away sooner
    initials = "".join(sorted({re.escape(w[0]) for w in words}))
    return re.compile(rf"\b(?=[\d{initials}])(?:\d|{_alt(words)})", re.IGNORECASE)


#: Fixed words that open a branch of :func:`_pattern` ("the day after", "same day of", "following day", "last Friday",
#: "that night", "within hours", "later in the day").
_OPENING_WORDS = (
    "the",
    "same",
    "day",
    "following",
    "next",
    "last",
    "this",
    "that",
    "within",
    "earlier",
    "later",
    "in",
)


def _scan(text: str) -> list[re.Match[str]]:
    """``_pattern().finditer(text)``, trying the full pattern only where :func:`_opening` says a match may begin.

    The full pattern is a long case-blind alternation that the regex engine
    would otherwise try at every word boundary of every document.
    """
    pattern, opening = _pattern(), _opening()
    found: list[re.Match[str]] = []
    position = 0
    while (start := opening.search(text, position)) is not None:
        m = pattern.match(text, start.start())
        if m is None:
            position = start.start() + 1
        else:
            found.append(m)
            position = m.end()
    return found


def _month(text: str) -> int | None:
    """Month number of a month name, requiring the capital that separates "May" from "may"."""
    if not text[:1].isupper():
        return None
    return _lexicon()["months"].get(text.rstrip(".").lower())


def _day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _count(text: str | None) -> int:
    """How many units a relative expression counts ("the day after" is one day)."""
    if not text or text.lower() == "the":
        return 1
    parsed = parse_number(text)
    return parsed[0] if parsed else 1


def _days(count: str | None, unit: str) -> int:
    """Whole days in "two days", "36 hours", "hours" (a span under a day is none)."""
    return int(_count(count) * _lexicon()["units"][unit.lower()] // 24)


def _shift(day: dt.date | None, days: int) -> dt.date | None:
    return day + dt.timedelta(days=days) if day is not None else None


def _place_year(month: int, day: int, anchor: dt.date | None, default_year: int | None) -> dt.date | None:
    """A day-month without a year: in the anchor's year (or last year if that is far ahead), else the document's."""
    if anchor is not None:
        candidate = _day(anchor.year, month, day)
        if candidate and candidate > anchor + FUTURE_SLACK:
            candidate = _day(anchor.year - 1, month, day)
        return candidate
    return _day(default_year, month, day) if default_year else None


def _resolve_match(
    m: re.Match[str], anchor: dt.date | None, event_date: dt.date | None, default_year: int | None
) -> tuple[dt.date | None, str] | None:
    """The day one match stands for and its kind; None when the match is not a date after all."""
    lex = _lexicon()
    if m.group("iso"):
        return _day(int(m.group("iy")), int(m.group("im")), int(m.group("id"))), "explicit"
    if m.group("numeric"):
        return _numeric_day(int(m.group("na")), int(m.group("nb")), int(m.group("ny"))), "explicit"
    if m.group("mdy") or m.group("dmy") or m.group("dashed"):
        month = _month(m.group("m1") or m.group("m2") or m.group("m3"))
        if month is None:
            return None
        day = int(m.group("d1") or m.group("d2") or m.group("d3"))
        year = m.group("y1") or m.group("y2") or m.group("y3")
        if year:
            return _day(int(year), month, day), "explicit"
        return _place_year(month, day, anchor, default_year), "inferred_year"
    if m.group("eventrel"):
        sign = 1 if m.group("edir").lower() == "after" else -1
        return _shift(event_date, sign * _days(m.group("en"), m.group("eu"))), "event_relative"
    if m.group("sameday") or m.group("rightafter"):
        return event_date, "event_relative"
    if m.group("thatday"):
        return None, "anaphoric"
    if m.group("nextday"):
        return _shift(event_date, 1), "event_relative"
    if m.group("within") or m.group("later"):
        count, unit = (m.group("wn"), m.group("wu")) if m.group("within") else (m.group("ln"), m.group("lu"))
        days = _days(count, unit)
        if count is None and days:  # "days later", "within weeks": no day can be told
            return None, "event_relative"
        return _shift(event_date, days) if m.group("later") or not days else None, "event_relative"
    if m.group("ago"):
        return _shift(anchor, -_days(m.group("an"), m.group("au"))), "relative"
    if m.group("anchorword"):
        offset = lex["anchor_days"][re.sub(r"\s+", " ", m.group("anchorword").lower())]
        return (anchor + dt.timedelta(days=offset) if anchor else None), "relative"
    if not m.group("wd")[:1].isupper():
        return None
    weekday = lex["weekdays"][m.group("wd").lower()]
    if m.group("wweek") and anchor is not None:  # "on Monday last week": that day of the calendar week before
        monday = anchor - dt.timedelta(days=anchor.weekday())
        return monday + dt.timedelta(days=weekday + (-7 if m.group("wweek").lower() == "last" else 7)), "relative"
    return _weekday(weekday, (m.group("wmod") or "").lower(), anchor), "relative"


def _numeric_day(first: int, second: int, year: int) -> dt.date | None:
    """A day written in digits ("16/01/2023", "01/16/2023"): the order the values allow, else the lexicon's preference.

    A value above 12 can only be the day. When both could be months, the
    order is ``numeric_order`` in ``lexicons/dates.yaml``: day first, as the
    international outlets that write numeric dates do (US outlets spell the month).
    """
    if first > 12 >= second:
        return _day(year, second, first)
    if second > 12 >= first:
        return _day(year, first, second)
    if _lexicon()["numeric_order"] == "mdy":
        return _day(year, first, second)
    return _day(year, second, first)


def _weekday(weekday: int, modifier: str, anchor: dt.date | None) -> dt.date | None:
    """A named weekday: the latest such day up to the anchor, the one before it for "last", ahead for "next"."""
    if anchor is None:
        return None
    back = (anchor.weekday() - weekday) % 7
    if modifier == "next":
        return anchor + dt.timedelta(days=(weekday - anchor.weekday()) % 7 or 7)
    if modifier == "last" and back == 0:
        back = 7
    return anchor - dt.timedelta(days=back)


def names_weekday(text: str) -> bool:
    """Whether a date phrase is a bare weekday ("Sunday", "last Friday"), which only a reference day places."""
    m = _pattern().fullmatch(text.strip())
    return m is not None and m.group("wd") is not None and not (m.group("mdy") or m.group("dmy"))


def _written_year(m: re.Match[str]) -> str | None:
    """The year a date match writes out, if any."""
    return m.group("y1") or m.group("y2") or m.group("y3") or m.group("iy") or m.group("ny")


@lru_cache(maxsize=8)
def _matches(text: str) -> tuple[re.Match[str], ...]:
    """Every date-pattern match of a whole document's text, for its year and its date list to share one scan.

    Only the last few texts are kept: each is one string object per Doc, so a
    repeated lookup hashes nothing and compares by identity.
    """
    return tuple(_scan(text))


def document_year(text: str) -> int | None:
    """The latest year among the fully written dates of ``text``, for dates without one.

    A bare year is no anchor: it is mostly background ("projects carried out
    since 2011", "the 2019 attack"), and a day-month placed in it would be a
    guess; with no written date the year stays unknown.
    """
    years = [int(year) for m in _matches(text) if (year := _written_year(m))]
    return max(years) if years else None


def latest_written_date(text: str) -> dt.date | None:
    """The latest day of ``text`` written with its year ("12 May 2024", "2024-05-12"), or None."""
    hits = _resolve_all(_matches(text), None, None, None)  # shares the scan with document_year
    days = [day for _, _, day, kind in hits if kind == "explicit" and day is not None]
    return max(days, default=None)


def resolve_date(
    text: str,
    anchor: dt.date | None,
    event_date: dt.date | None = None,
    *,
    default_year: int | None = None,
) -> dt.date | None:
    """The day the first date expression in ``text`` stands for, or None.

    ``anchor`` is the reference (publication) date for "yesterday" or "on
    Tuesday"; ``event_date`` is the attack date for "the following day" or
    "a day after the attack"; ``default_year`` places a day-month without a
    year when there is no anchor.
    """
    for m in _scan(text):
        resolved = _resolve_match(m, anchor, event_date, default_year)
        if resolved is not None:
            return resolved[0]
    return None


def find_dates(
    doc_or_span: Doc | Span,
    anchor: dt.date | None = None,
    event_date: dt.date | None = None,
) -> list[DateHit]:
    """Every date expression in a Doc or Span as ``(start, end, date, kind)``.

    Offsets are character offsets into ``doc.text`` (end exclusive). ``anchor``
    defaults to ``doc._.reference_date``; a day-month without a year and
    without an anchor takes the document's latest written year. ``date`` is
    None when the expression needs a reference the caller did not give (an
    event-relative day with no ``event_date``); callers may resolve the span
    text again later with :func:`resolve_date`.
    """
    doc = doc_or_span.doc if isinstance(doc_or_span, Span) else doc_or_span
    if anchor is None and Doc.has_extension("reference_date"):
        anchor = doc._.reference_date
    is_span = isinstance(doc_or_span, Span)
    start, end = (doc_or_span.start_char, doc_or_span.end_char) if is_span else (0, len(doc_text(doc)))
    by_range = memo(doc, _HITS_KEY, dict)
    key = (start, end, anchor, event_date)
    if key not in by_range:  # several components ask for the same sentence's dates
        if is_span:
            matches: Iterable[re.Match[str]] = _scan(doc_or_span.text)
        else:
            matches = _matches(doc_text(doc))
        # most sentences hold no date: the document-wide year is only looked up for one that does
        hits = _resolve_all(matches, anchor, event_date, _cached_document_year(doc)) if matches else []
        by_range[key] = [(start + lo, start + hi, day, kind) for lo, hi, day, kind in hits]
    return list(by_range[key])


_YEAR_KEY = "counterclaim.document_year"
_HITS_KEY = "counterclaim.date_hits"


def _cached_document_year(doc: Doc) -> int | None:
    """:func:`document_year` of the whole doc, computed once per doc: callers ask per sentence."""
    return memo(doc, _YEAR_KEY, lambda: document_year(doc_text(doc)))


def dates_in_text(
    text: str,
    anchor: dt.date | None = None,
    event_date: dt.date | None = None,
    *,
    default_year: int | None = None,
) -> list[DateHit]:
    """Every date expression in a plain string as ``(start, end, date, kind)``, offsets into ``text``.

    The string form of :func:`find_dates`, for header lines read before any
    ``Doc`` extension is set.
    """
    return _resolve_all(_scan(text), anchor, event_date, default_year)


def _resolve_all(
    matches: Iterable[re.Match[str]], anchor: dt.date | None, event_date: dt.date | None, default_year: int | None
) -> list[DateHit]:
    """The matches that are dates, resolved, as ``(start, end, date, kind)``."""
    hits: list[DateHit] = []
    for m in matches:
        resolved = _resolve_match(m, anchor, event_date, default_year)
        if resolved is not None:
            hits.append((m.start(), m.end(), resolved[0], resolved[1]))
    return hits
