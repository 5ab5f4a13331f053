"""Parses a news dateline and sets the reference date for relative dates.

Wire copy opens with a dateline ("MOGADISHU, Somalia, Jan 5 (Reuters) -"):
the place the report was filed from, the outlet and often the day. The day,
or the publication date when the runner knows it, is what "yesterday" and "on
Tuesday" are counted from. The place is a fallback for where the attack
happened.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from counterclaim.lexicons import load_lexicon
from counterclaim.nlp.dates import document_year, latest_written_date, resolve_date
from counterclaim.nlp.doctext import doc_text
from counterclaim.nlp.extensions import register_extensions
from counterclaim.nlp.gazetteer import country_name, find_city, region_name
from counterclaim.nlp.published import find_published
from counterclaim.records import Evidence

#: A line opening with a place in capitals, optionally a region or country and
#: a day, then an outlet in brackets and a dash, a wire name between slashes
#: ("MOSCOW, March 23. /TASS/."), or a dash. A day and outlet without a place
#: ("2 October 2023 (AA) -") are a dateline too.
DATELINE = re.compile(
    r"^(?:(?P<place>[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3})"
    r"(?:,\s*(?P<region>[A-Z][A-Za-z.'’-]+(?:\s+[A-Z][A-Za-z.'’-]+){0,2}))?,?\s*)?"
    r"(?P<date>(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})(?:,?\s+\d{4})?)?"
    r"\s*(?:\((?P<outlet>[^()\n]{2,40})\)\s*(?:[-–—]{1,2}|:)"
    r"|\.?\s*/(?P<wire>[A-Za-z][\w .-]{0,20})/\.?|[-–—]{1,2}|:)\s",
    re.MULTILINE,
)
#: The dateline of syndicated Indian wire copy: a town, its country in square brackets, the day, the agency
#: ("Vienna [Austria], November 4 (ANI): ", "Ankara [Turkey], October 24: ").
BRACKETED_DATELINE = re.compile(
    r"^(?P<place>[A-Z][\w.'’-]+(?:[ ][A-Z][\w.'’-]+){0,2})[ ]\[(?P<region>[^\[\]\n]{2,30})\],[ ]*"
    r"(?P<date>[A-Z][a-z]{2,8}\.?[ ]+\d{1,2}(?:,?[ ]+\d{4})?)[ ]*(?:\((?P<outlet>[^()\n]{2,40})\))?[ ]*[:–—-][ ]",
    re.MULTILINE,
)
#: How far into a document a dateline may start (a headline and byline may come first).
MAX_OFFSET = 600
#: The dateline of wire and radio-monitoring copy, in capitals or not: a place, its country in
#: brackets, a day, month and two- or four-digit year, a source in brackets, a double dash, then
#: bracketed headers up to the text ("LIMA, 20 AUG 88 (EFE) -- [TEXT]", "CARACAS (VENEZUELA),
#: 5 SEP 89 (DPA) -- [REPORT] [Name] [TEXT]", "SAN SALVADOR, 3 JAN 90 --").
WIRE_DATELINE = re.compile(
    r"^(?P<place>[^\W\d_][\w.'’-]*(?:[ ][\w.'’-]+){0,3}?)"
    r"(?:\s*\((?P<region>[^()\n]{2,30})\))?,\s*"
    r"(?P<date>\d{1,2}\s+[^\W\d_]{3,9}\.?(?:\s+\d{2}(?:\d{2})?)?)"
    r"\s*(?:[(\[](?P<outlet>[^()\[\]\n]{2,60})[)\]])?\s*(?:--|[–—])"
    r"(?P<headers>(?:\s*\[[^\[\]\n]{1,200}\])*)",
    re.MULTILINE,
)


def parse_dateline(text: str, published: dt.date | None = None) -> dict[str, Any] | None:
    """The dateline of ``text`` as ``{place, region, country, outlet, date, start, end}``, or None.

    A capitalised word alone is not enough: an outlet in brackets or a day
    must follow it, or it must be a gazetteer city, so a shouted headline is
    not taken for a dateline. ``country`` is the canonical country of the
    region part or of the city.
    """
    if (wire := _wire_dateline(text)) is not None:
        return wire
    if (bracketed := _bracketed_dateline(text, published)) is not None:
        return bracketed
    for m in DATELINE.finditer(text[:MAX_OFFSET]):
        place = (m.group("place") or "").title()
        outlet = m.group("outlet") or m.group("wire")
        city = find_city(place) if place else None
        region = m.group("region")
        # "LAMU, Kenya -": a capitalised place followed by a country or known region is a dateline too
        framed = region is not None and (country_name(region) or region_name(region)) is not None
        if place and (len(place) < 3 or not (outlet or m.group("date") or city or framed)):
            continue
        if not place and not (outlet and m.group("date")):
            continue
        # the country only from a city known by that very name: an alternate spelling can belong to a
        # town elsewhere ("Khar" is also listed for a town in Germany)
        own_name = find_city(place, primary_only=True) if city else None
        country = (country_name(region) if region else None) or (own_name.country if own_name else None)
        day: dt.date | None = None
        if m.group("date"):  # the document's year is a scan of the whole text: only a dateline with a day needs it
            year = published.year if published else document_year(text)
            day = resolve_date(m.group("date"), None, default_year=year)
        return {
            "place": place or None,
            "region": region,
            "country": country,
            "outlet": outlet,
            "date": day,
            "start": m.start(),
            "end": m.end(),
        }
    return None


def _bracketed_dateline(text: str, published: dt.date | None) -> dict[str, Any] | None:
    """A dateline with the country in square brackets (:data:`BRACKETED_DATELINE`); a day without a year takes
    the year of the publication date or of the document's written dates, as any dateline's does."""
    m = BRACKETED_DATELINE.search(text[:MAX_OFFSET])
    if m is None:
        return None
    region = m.group("region").strip()
    country = country_name(region)
    if country is None and region_name(region) is None:
        return None
    year = published.year if published else document_year(text)
    return {
        "place": m.group("place"),
        "region": region,
        "country": country,
        "outlet": m.group("outlet"),
        "date": resolve_date(m.group("date"), None, default_year=year),
        "start": m.start(),
        "end": m.end(),
    }


def _wire_dateline(text: str) -> dict[str, Any] | None:
    """The dateline of wire or monitoring copy (:data:`WIRE_DATELINE`), its bracketed headers included.

    A two-digit year is read in the century ``two_digit_pivot`` of
    ``lexicons/dates.yaml`` puts it in. A place that is a source rather than a
    town ("CLANDESTINE" for a clandestine radio) is no place.
    """
    m = WIRE_DATELINE.match(text[:MAX_OFFSET].lstrip())
    if m is None:
        return None
    offset = len(text[:MAX_OFFSET]) - len(text[:MAX_OFFSET].lstrip())
    if load_lexicon("dates")["months"].get(m.group("date").split()[1].rstrip(".").lower()) is None:
        return None
    day = _wire_day(m.group("date"))
    place = m.group("place").strip().title()
    if place.lower() in load_lexicon("places")["dateline_sources"]:
        place = ""
    region = m.group("region")
    city = find_city(place, primary_only=True) if place else None
    country = (country_name(region) if region else None) or (
        country_name(place) if place and country_name(place) else (city.country if city else None)
    )
    return {
        "place": place or None,
        "region": region.title() if region else None,
        "country": country,
        "outlet": m.group("outlet"),
        "date": day,
        "headers": re.findall(r"\[([^\[\]]+)\]", m.group("headers")),
        "start": offset + m.start(),
        "end": offset + m.end(),
    }


def _wire_day(written: str) -> dt.date | None:
    """The day of "20 AUG 88" or "3 Jan 1990"; a day and month without a year give None (no year is guessed)."""
    parts = written.replace(".", " ").split()
    month = load_lexicon("dates")["months"].get(parts[1].lower())
    if month is None or len(parts) < 3:
        return None
    year = int(parts[2])
    if len(parts[2]) == 2:
        pivot = int(load_lexicon("dates")["two_digit_pivot"])
        year += 1900 if year >= pivot else 2000
    try:
        return dt.date(year, month, int(parts[0]))
    except ValueError:
        return None


class Dateline:
    """Sets ``doc._.dateline``, fills ``doc._.published`` from the text, and sets ``doc._.reference_date``.

    ``doc._.published`` is the runner's metadata date when it knew one; when it
    is None, the date the article's header or dateline states is written
    there (with ``doc._.published_evidence`` saying where), so the record and
    the store get it too. The reference date is the publication date, else the
    latest fully written date of the content: an article that states no
    publication date is written after the last day it names, and that is the
    nearest day to count "on Sunday" from.
    """

    def __init__(self, nlp: Language, name: str) -> None:
        register_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        dateline = parse_dateline(text, doc._.published)
        doc._.dateline = dateline
        if doc._.published is None and (found := find_published(text, dateline)) is not None:
            doc._.published = found.date
            doc._.published_evidence = Evidence(
                document_id=doc._.document_id or "",
                start=found.start,
                end=found.end,
                sentence=text[found.start : found.end],
                producer=found.rule,
                confidence=found.confidence,
            )
        end = doc._.content_end if doc._.content_end is not None else len(text)
        doc._.reference_date = doc._.published or (dateline or {}).get("date") or latest_written_date(text[:end])
        return doc


@Language.factory("cc_dateline")
def make_dateline(nlp: Language, name: str) -> Dateline:
    return Dateline(nlp, name)
