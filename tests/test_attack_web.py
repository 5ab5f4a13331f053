"""The attack record on web-article layouts: header publication dates, homonym towns, revised and background tolls.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from counterclaim.nlp.components.dateline import parse_dateline
from counterclaim.nlp.dates import resolve_date
from counterclaim.nlp.published import find_published

BODY = (
    "Gunmen on motorbikes attacked a crowded livestock market on Sunday, killing at least 15 traders and wounding "
    "nine others, a local official said on condition of anonymity."
)


def run(pipeline: Language, text: str, published: dt.date | None = None) -> Doc:
    doc = pipeline.make_doc(text)
    doc._.document_id = "test"
    doc._.published = published
    return pipeline(doc)


@pytest.mark.parametrize(
    ("header", "day", "rule"),
    [
        ("Published 4 April 2022", dt.date(2022, 4, 4), "published.label"),
        ("Published: 21/11/2022 - 09:15", dt.date(2022, 11, 21), "published.label"),
        ("Issued on: 05/03/2021 Modified: 06/03/2021", dt.date(2021, 3, 5), "published.label"),
        ("Published On 2 Nov 2023", dt.date(2023, 11, 2), "published.label"),
        ("   Date :17-Mar-2021", dt.date(2021, 3, 17), "published.label"),
        ("Posted on July 8, 2020 by desk", dt.date(2020, 7, 8), "published.label"),
        ("Updated 9:10 AM, May 3, 2018\nPublished 6:05 PM, May 2, 2018", dt.date(2018, 5, 2), "published.label"),
        ("Monday, October 9, 2017", dt.date(2017, 10, 9), "published.header"),
        ("February 27, 2022 7:02 PM GMT", dt.date(2022, 2, 27), "published.header"),
        ("Lagos, August 14, 2021", dt.date(2021, 8, 14), "published.header"),
        ("Weekly Digest | Thursday, 3 March 2022", dt.date(2022, 3, 3), "published.header"),
        ("By Our Staff Reporter\nLast updated: 12/10/2020", dt.date(2020, 10, 12), "published.updated"),
        ("Date :07-Sep-2021", dt.date(2021, 9, 7), "published.label"),
        ("PUBLISHED : Friday, 9 June, 2023, 6:40am", dt.date(2023, 6, 9), "published.label"),
        ("Sat 4 Dec 2021 09.15 GMT", dt.date(2021, 12, 4), "published.header"),
        (
            "Friday 5 March 2021 — this page is no longer being updated, and our later report has the latest figures.",
            dt.date(2021, 3, 5),
            "published.header",
        ),
        ("Desk report | Updated At : 11:05 AM Mar 2, 2024 IST", dt.date(2024, 3, 2), "published.updated"),
    ],
)
def test_header_publication_dates(header: str, day: dt.date, rule: str) -> None:
    text = f"Market attack leaves traders dead\n\n{header}\n\n{BODY}"
    found = find_published(text, parse_dateline(text))
    assert found is not None and (found.date, found.rule) == (day, rule)
    assert text[found.start : found.end].strip()


@pytest.mark.parametrize(
    ("lead", "day", "place"),
    [
        ("NIAMEY, Niger, Feb. 6, 2023 (AP) — ", dt.date(2023, 2, 6), "Niamey"),
        ("11 May 2022 (AA) — ", dt.date(2022, 5, 11), None),
        ("KYIV, June 30. /TASS/. ", dt.date(2022, 6, 30), "Kyiv"),
    ],
)
def test_dateline_forms(lead: str, day: dt.date, place: str | None) -> None:
    text = f"Headline here\nBy NEWS WIRES\n{lead}{BODY} Officials gave no toll since the curfew of 2 January 2022."
    found = find_published(text, parse_dateline(text))
    assert found is not None and found.date == day and found.rule == "published.dateline"
    assert (parse_dateline(text) or {}).get("place") == place


def test_a_bare_year_gives_a_dateline_no_year() -> None:
    """A year written alone ("the 2022 season") is no anchor: a dateline's day without a year stays unknown."""
    text = f"Headline here\nBy NEWS WIRES\nKYIV, June 30. /TASS/. {BODY} Officials gave no toll for the 2022 season."
    assert (parse_dateline(text) or {}).get("date") is None


def test_masthead_day_gives_way_to_the_bylines_earlier_day() -> None:
    text = (
        "Friday, March 6, 2026\nWorld\nMarket attack leaves traders dead\n"
        f"Staff Writer The Wire Service, 9 Aug, 2019 4:10 PM\n{BODY}"
    )
    found = find_published(text)
    assert found is not None and (found.date, found.rule) == (dt.date(2019, 8, 9), "published.header")


def test_date_label_glued_before_the_lead_is_read() -> None:
    text = f" date 2021-06-13 {BODY}\n\nMore paragraphs follow."
    found = find_published(text)
    assert found is not None and (found.date, found.rule) == (dt.date(2021, 6, 13), "published.label")


def test_headline_date_is_not_publication() -> None:
    text = f"Bombing on 2 May 2021 remembered\nBy Reuters\n{BODY}"
    assert find_published(text) is None


def test_numeric_dates_follow_values_then_day_first() -> None:
    assert resolve_date("on 03/04/2024", None) == dt.date(2024, 4, 3)
    assert resolve_date("on 04/25/2024", None) == dt.date(2024, 4, 25)
    assert resolve_date("on 25.04.2024", None) == dt.date(2024, 4, 25)


def test_relative_attack_day_from_header_date(pipeline) -> None:
    text = f"Traders killed in market raid\n\nPublished Tuesday 14 March 2023\n\n{BODY}"
    doc = run(pipeline, text)
    assert doc._.published == dt.date(2023, 3, 14)
    assert doc._.published_evidence is not None and doc._.published_evidence.producer == "published.label"
    assert doc._.event.date == dt.date(2023, 3, 12)


def test_runner_publication_date_is_kept(pipeline) -> None:
    text = f"Traders killed in market raid\n\nPublished Tuesday 14 March 2023\n\n{BODY}"
    doc = run(pipeline, text, published=dt.date(2023, 3, 15))
    assert doc._.published == dt.date(2023, 3, 15) and doc._.published_evidence is None


def test_follow_up_keeps_attack_day(pipeline) -> None:
    text = (
        "Toll climbs after market bombing\n\nSaturday, 18 March 2023\n\n"
        "The death toll from Tuesday's bombing of a market rose to 31 on Friday, up from 22, hospital staff said."
    )
    event = run(pipeline, text)._.event
    assert event.date == dt.date(2023, 3, 14) and event.killed == 31


def test_latest_written_date_is_the_fallback_reference(pipeline) -> None:
    text = (
        "Statement from the regional governor, released on 9 October 2022.\n\n"
        "Insurgents ambushed a convoy yesterday near the border, killing seven soldiers, the governor said."
    )
    assert run(pipeline, text)._.event.date == dt.date(2022, 10, 8)


def test_country_named_in_text_beats_homonym_city(pipeline) -> None:
    text = (
        "Insurgents attacked the town of Palma in northern Mozambique on Wednesday, killing dozens of residents, "
        "officials said. Mozambican troops were sent to the area."
    )
    place = run(pipeline, text, dt.date(2021, 3, 26))._.event.place
    assert place.city == "Palma" and place.country == "Mozambique"


def test_country_is_not_where_group_is_based_or_who_is_blamed(pipeline) -> None:
    text = (
        "Gunmen from the Somalia-based al-Shabaab stormed a bus station in Mandera on Friday, killing 11 passengers, "
        "Kenyan police said. The interior minister pointed the finger at Somalia and cut short a trip to Egypt."
    )
    assert run(pipeline, text, dt.date(2022, 6, 4))._.event.place.country == "Kenya"


def test_known_region_is_not_a_city(pipeline) -> None:
    text = (
        "Militants killed four police officers in Indian-administered Kashmir on Monday, a day after gunmen "
        "opened fire on a bus near the town of Sopore, officials said. India blamed Pakistan."
    )
    place = run(pipeline, text, dt.date(2022, 5, 10))._.event.place
    assert place.city != "Kashmir" and place.country == "India"


def test_untagged_small_town_after_settlement_noun(pipeline) -> None:
    text = (
        "Residents of Gubdoko fled on Thursday after jihadists burned homes and shot dead 12 villagers in "
        "north-eastern Nigeria, a community leader said."
    )
    place = run(pipeline, text, dt.date(2023, 9, 1))._.event.place
    assert place.city == "Gubdoko" and place.country == "Nigeria"


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        (
            "A car bomb exploded outside a police station on Monday, killing nine people, officials said. "
            "By Tuesday evening the toll had been revised to 14, a hospital director said.",
            14,
        ),
        (
            "A suicide bomber killed more than 20 worshippers at a mosque on Friday, police said. Three attackers "
            "were also killed in a gunfight with guards.",
            20,
        ),
        (
            "Gunmen killed 18 villagers in an attack on Sunday, the army said. The insurgency has killed more than "
            "35,000 people since 2011.",
            18,
        ),
        (
            "Militants attacked a military camp on 4 September 2023, killing 23 soldiers, the army said. "
            "In 2019, an ambush on the same road left 71 soldiers dead.",
            23,
        ),
    ],
)
def test_current_toll(pipeline, text: str, killed: int) -> None:
    assert run(pipeline, text, dt.date(2023, 9, 6))._.event.killed == killed


def test_treated_for_wounds_counts_as_injured(pipeline) -> None:
    text = "A bomb exploded at a bus stop on Monday, killing four people. Twenty people were treated for wounds."
    assert run(pipeline, text, dt.date(2023, 9, 6))._.event.injured == 20
