"""Publication dates from metadata strings and file names.

Metadata dates are machine-written (ISO 8601 in JSONL exports and HTML meta
tags), so the fast exact parsers come first; ``dateparser`` handles the rest
("4 January 2024") with strict settings so it never invents a day.
"""

from __future__ import annotations

import datetime as dt
import re

#: Longer than any way of writing a day ("Wednesday, 17 September 2025 14:05:00 +0000"): not a date.
MAX_DATE_CHARS = 64
#: dateparser settings: no guessing of missing parts, no relative dates ("yesterday" means nothing here).
_DATEPARSER_SETTINGS = {"STRICT_PARSING": True, "PARSERS": ["absolute-time"]}


def parse_published(value: object) -> dt.date | None:
    """The date ``value`` names, or ``None`` when it names none."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if len(text) > MAX_DATE_CHARS:
        return None
    for parse in (dt.date.fromisoformat, dt.datetime.fromisoformat):
        try:
            parsed = parse(text)
        except ValueError:
            continue
        return parsed.date() if isinstance(parsed, dt.datetime) else parsed
    import dateparser  # imported on demand: it takes a second to load and most inputs never need it

    parsed = dateparser.parse(text, languages=["en"], settings=_DATEPARSER_SETTINGS)
    return parsed.date() if parsed else None


#: A day written into a file name: 2024-01-04, 2024_01_04, 20240104 (not inside a longer run of digits).
_NAME_DATE = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2})(?P<sep>[-_.]?)(?P<month>\d{2})(?P=sep)(?P<day>\d{2})(?!\d)")


def date_in_name(name: str) -> dt.date | None:
    """The publication day a file name states ("kerman_2024-01-04", "20240104-irna"), or None.

    Archives and scrapers often name a saved article by its day; a year
    alone ("bajaur_rally_2023") is no day and gives None.
    """
    for m in _NAME_DATE.finditer(name):
        try:
            return dt.date(int(m["year"]), int(m["month"]), int(m["day"]))
        except ValueError:
            continue
    return None
