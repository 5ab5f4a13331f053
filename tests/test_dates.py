"""Date finding and resolution: explicit, anchor-relative and event-relative expressions."""

from __future__ import annotations

import datetime as dt

import pytest

from counterclaim.nlp.dates import document_year, find_dates, names_weekday, resolve_date
from counterclaim.nlp.numbers import parse_number

ANCHOR = dt.date(2023, 8, 16)  # a Wednesday
EVENT = dt.date(2023, 8, 13)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On Feb. 7", dt.date(2023, 2, 7)),
        ("September 2nd, 2022", dt.date(2022, 9, 2)),
        ("5 March", dt.date(2023, 3, 5)),
        ("20 June 2021", dt.date(2021, 6, 20)),
        ("the 4th of July", dt.date(2023, 7, 4)),
        ("2022-11-30", dt.date(2022, 11, 30)),
        ("late on the night of April 14", dt.date(2023, 4, 14)),
        ("on Monday, Aug. 14", dt.date(2023, 8, 14)),
        ("yesterday", dt.date(2023, 8, 15)),
        ("last night", dt.date(2023, 8, 15)),
        ("on Sunday", dt.date(2023, 8, 13)),
        ("on Wednesday", ANCHOR),
        ("last Wednesday", dt.date(2023, 8, 9)),
        ("on Monday last week", dt.date(2023, 8, 7)),  # that day of the calendar week before, not this Monday
        ("Friday of last week", dt.date(2023, 8, 11)),
        ("three days ago", dt.date(2023, 8, 13)),
        ("the following day", dt.date(2023, 8, 14)),
        ("a day after the attack", dt.date(2023, 8, 14)),
        ("two days after the twin blasts", dt.date(2023, 8, 15)),
        ("the day before the ambush", dt.date(2023, 8, 12)),
        ("a week after the massacre", dt.date(2023, 8, 20)),
        ("on the day of the bombing", EVENT),
        ("two days later", dt.date(2023, 8, 15)),
        ("Date :14-Jul-2023", dt.date(2023, 7, 14)),
        ("hours after the bombing", EVENT),
        ("within minutes of the blast", EVENT),
        ("within hours", EVENT),
        ("hours later", EVENT),
        ("30 hours after the raid", dt.date(2023, 8, 14)),
    ],
)
def test_resolve_date(text: str, expected: dt.date) -> None:
    assert resolve_date(text, ANCHOR, EVENT) == expected


def test_day_month_far_ahead_of_anchor_is_last_year() -> None:
    assert resolve_date("Dec. 29", dt.date(2024, 1, 4)) == dt.date(2023, 12, 29)


def test_missing_references_give_none() -> None:
    assert resolve_date("yesterday", None) is None
    assert resolve_date("the following day", ANCHOR) is None
    assert resolve_date("7 June", None) is None
    assert resolve_date("7 June", None, default_year=2019) == dt.date(2019, 6, 7)


def test_modal_may_is_not_a_month() -> None:
    assert resolve_date("officials said they may 3 times revise it", ANCHOR) is None


def test_find_dates_uses_document_year_and_offsets(nlp) -> None:
    text = "Gunmen stormed a hotel on 11 October 2022. On Oct. 13, police said the siege was over."
    doc = nlp(text)
    hits = find_dates(doc)
    assert [(text[s:e], d, k) for s, e, d, k in hits] == [
        ("11 October 2022", dt.date(2022, 10, 11), "explicit"),
        ("Oct. 13", dt.date(2022, 10, 13), "inferred_year"),
    ]
    second = list(doc.sents)[1]
    assert find_dates(second) == hits[1:]
    assert document_year(text) == 2022


def test_find_dates_leaves_event_relative_unresolved_without_event(nlp) -> None:
    doc = nlp("The group claimed the attack the next day.")
    ((start, end, day, kind),) = find_dates(doc)
    assert (doc.text[start:end], day, kind) == ("the next day", None, "event_relative")
    assert find_dates(doc, event_date=EVENT)[0][2] == dt.date(2023, 8, 14)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1,350", (1350, None)),
        ("twenty-two", (22, None)),
        ("two hundred and six", (206, None)),
        ("a dozen", (12, None)),
        ("dozens", (24, "dozens")),
        ("Eleven", (11, None)),
        ("several", (3, "several")),
        ("no", None),
    ],
)
def test_parse_number(text: str, expected: tuple[int, str | None] | None) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize("text", ["days later", "within two weeks of the attack", "the same evening", "that night"])
def test_vague_spans_and_anaphoric_days_have_no_day_of_their_own(text: str) -> None:
    assert resolve_date(text, ANCHOR, EVENT) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Sunday", True), ("last Friday", True), ("Monday, Aug. 14", False), ("yesterday", False), ("5 March", False)],
)
def test_names_weekday(text: str, expected: bool) -> None:
    assert names_weekday(text) is expected


def test_a_bare_year_places_no_day_month() -> None:
    """A year written alone is background ("projects since 2011"): a day-month without a year stays undated."""
    text = "The group claimed on Dec. 30 the truck bombing, in a country it has attacked since 2011."
    assert document_year(text) is None
