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

from counterclaim.nlp.dates import document_year, resolve_date
from counterclaim.nlp.extensions import register_extensions
from counterclaim.nlp.places import country_name, find_city

#: A line opening with a place in capitals, optionally a region or country and
#: a day, then an outlet in brackets and/or a dash.
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3})"
    r"(?:,\s*(?P<region>[A-Z][A-Za-z.'’-]+(?:\s+[A-Z][A-Za-z.'’-]+){0,2}))?"
    r"(?:,?\s*(?P<date>(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})(?:,?\s+\d{4})?))?"
    r"\s*(?:\((?P<outlet>[^()\n]{2,40})\)\s*)?(?P<dash>[-–—]{1,2}|:)\s",
    re.MULTILINE,
)
#: How far into a document a dateline may start (a headline and byline may come first).
MAX_OFFSET = 600


def parse_dateline(text: str, published: dt.date | None = None) -> dict[str, Any] | None:
    """The dateline of ``text`` as ``{place, region, country, outlet, date, start, end}``, or None.

    A capitalised word alone is not enough: an outlet in brackets or a day
    must follow it, or it must be a gazetteer city, so a shouted headline is
    not taken for a dateline. ``country`` is the canonical country of the
    region part or of the city.
    """
    for m in DATELINE.finditer(text[:MAX_OFFSET]):
        place = m.group("place").title()
        city = find_city(place)
        if len(place) < 3 or not (m.group("outlet") or m.group("date") or city):
            continue
        region = m.group("region")
        country = (country_name(region) if region else None) or (city.country if city else None)
        year = published.year if published else document_year(text)
        day = resolve_date(m.group("date"), None, default_year=year) if m.group("date") else None
        return {
            "place": place,
            "region": region,
            "country": country,
            "outlet": m.group("outlet"),
            "date": day,
            "start": m.start(),
            "end": m.end(),
        }
    return None


class Dateline:
    """Sets ``doc._.dateline`` and ``doc._.reference_date`` (publication date, else dateline day, else None)."""

    def __init__(self, nlp: Language, name: str) -> None:
        register_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        published = doc._.published
        doc._.dateline = parse_dateline(doc.text, published)
        doc._.reference_date = published or (doc._.dateline or {}).get("date")
        return doc


@Language.factory("cc_dateline")
def make_dateline(nlp: Language, name: str) -> Dateline:
    return Dateline(nlp, name)
