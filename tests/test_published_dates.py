"""Publication dates in page layouts of real web copy, in our own words (see test_attack_web.py for the others)."""

from __future__ import annotations

import datetime as dt

import pytest

from counterclaim.nlp.components.dateline import parse_dateline
from counterclaim.nlp.published import find_published

BODY = (
    "Gunmen on motorbikes attacked a crowded livestock market on Sunday, killing at least 15 traders and wounding "
    "nine others, a local official said on condition of anonymity."
)
#: A photo caption: a long line ending like a sentence, which ends the header before the page's date line.
CAPTION = "Traders carry a wounded man to a waiting ambulance after gunmen opened fire on the busy livestock market."


@pytest.mark.parametrize(
    ("header", "day", "rule"),
    [
        # an ISO 8601 time stamp on its own line
        ("2022-04-04T07:45:12.310Z", dt.date(2022, 4, 4), "published.header"),
        # the time of day between the separator and the date
        ("Market attack | Regional News\n/ 11:40 PM April 4, 2022", dt.date(2022, 4, 4), "published.header"),
        # the page's date alone on a line below a photo caption and a byline
        (f"{CAPTION}\n\nBy AMINA BELLO and JOHN OKAFOR\nMonday, April 4, 2022", dt.date(2022, 4, 4), "published.alone"),
        # a masthead's date of the day, later than the story's "Update" stamp: the page was published by then
        (
            "Thursday, April 25, 2024\n\nNational News\n\nVerdict in market attack case\n\n"
            "Update : 28 Nov 2019, 04:42 AM",
            dt.date(2019, 11, 28),
            "published.updated",
        ),
        # an "Updated at <time> on <date>" stamp below a photo caption that ended the header early
        (f"{CAPTION}\n\nUpdated at 9:15 a.m. ET on 2022-04-04", dt.date(2022, 4, 4), "published.updated"),
    ],
)
def test_header_publication_dates(header: str, day: dt.date, rule: str) -> None:
    text = f"Market attack leaves traders dead\n\n{header}\n\n{BODY}"
    found = find_published(text, parse_dateline(text))
    assert found is not None and (found.date, found.rule) == (day, rule)
    assert text[found.start : found.end].strip()


def test_a_date_inside_a_body_line_below_the_header_is_not_the_page_date() -> None:
    text = f"Market attack leaves traders dead\n\n{CAPTION}\n\n{BODY} The market reopened on April 4, 2022."
    assert find_published(text, parse_dateline(text)) is None


def test_dateline_with_the_country_in_square_brackets() -> None:
    text = (
        "Traders killed in market raid\n"
        f"Kano [Nigeria], April 4 (ANI): {BODY} The market had reopened on 1 March 2022 after a curfew.\n"
    )
    dateline = parse_dateline(text)
    assert dateline is not None and (dateline["place"], dateline["country"], dateline["outlet"]) == (
        "Kano",
        "Nigeria",
        "ANI",
    )
    found = find_published(text, dateline)
    assert found is not None and (found.date, found.rule) == (dt.date(2022, 4, 4), "published.dateline")
