"""The attack record: date, place, type, casualties and perpetrators, on sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from counterclaim.kb import get_kb
from counterclaim.nlp.attack.casualties import find_casualties
from counterclaim.nlp.components.attack import _perpetrators
from counterclaim.nlp.components.dateline import parse_dateline
from counterclaim.records import Evidence, Mention, Span, Statement


def run(pipeline: Language, text: str, published: dt.date | None = None) -> Doc:
    doc = pipeline.make_doc(text)
    doc._.document_id = "test"
    doc._.published = published
    return pipeline(doc)


CASES = [
    # (text, published, date, city, country, attack class, killed, injured)
    (
        "KABUL (AFP) - A suicide bomber blew himself up outside a ministry in Kabul on Monday, killing at least "
        "14 people and wounding 40 others, police said. Islamic State Khorasan Province claimed the attack.",
        dt.date(2023, 3, 29),
        dt.date(2023, 3, 27),
        "Kabul",
        "Afghanistan",
        "bombing",
        14,
        40,
    ),
    (
        "MAIDUGURI, Nigeria (Reuters) - Militants from Islamic State West Africa Province attacked a military base "
        "in Monguno on 3 February 2024, killing nine soldiers, an army spokesman said.",
        None,
        dt.date(2024, 2, 3),
        "Monguno",
        "Nigeria",
        "armed assault",
        9,
        None,
    ),
    (
        "Al-Shabaab gunmen stormed a beachfront hotel in Mogadishu late on Friday. Police said 12 people were killed "
        "and 23 wounded. The death toll later rose to 17, a hospital official said.",
        dt.date(2022, 9, 3),
        dt.date(2022, 9, 2),
        "Mogadishu",
        "Somalia",
        "armed assault",
        17,
        23,
    ),
    (
        "Boko Haram fighters abducted 48 students from a boarding school in the town of Kankara in northwest Nigeria "
        "on Thursday, residents told reporters.",
        dt.date(2021, 6, 18),
        dt.date(2021, 6, 17),
        "Kankara",
        "Nigeria",
        "hostage taking",
        None,
        None,
    ),
    (
        "PESHAWAR, Pakistan, Feb 1 (Reuters) - The toll from Monday's suicide bombing at a mosque in Peshawar rose "
        "to 101, officials said. The Pakistani Taliban (TTP) denied involvement.",
        None,
        None,
        "Peshawar",
        "Pakistan",
        "bombing",
        101,
        None,
    ),
    (
        "Jihadists linked to JNIM killed 31 civilians when they opened fire on a bus near Bandiagara in central Mali "
        "on Thursday, the government said in a statement.",
        dt.date(2021, 12, 5),
        dt.date(2021, 12, 2),
        "Bandiagara",
        "Mali",
        "armed assault",
        31,
        None,
    ),
    (
        "Houthi rebels launched a drone attack on an oil facility near Abha, Saudi officials said, injuring three "
        "workers on Sunday.",
        dt.date(2022, 3, 22),
        dt.date(2022, 3, 20),
        "Abha",
        "Saudi Arabia",
        "bombing",
        None,
        3,
    ),
]


@pytest.mark.parametrize(("text", "published", "day", "city", "country", "cls", "killed", "injured"), CASES)
def test_event_fields(pipeline, text, published, day, city, country, cls, killed, injured) -> None:
    event = run(pipeline, text, published)._.event
    assert event is not None
    assert (event.date, event.place.city, event.place.country) == (day, city, country)
    assert event.attack_type == cls
    assert (event.killed, event.injured) == (killed, injured)
    assert event.evidence is not None and event.evidence.producer.startswith("attack.")


def test_suicide_and_weapon(pipeline) -> None:
    event = run(pipeline, "Two suicide bombers wearing explosive vests killed 20 people at a market in Quetta.")._.event
    assert event.suicide and event.attack_type_text == "suicide bombing" and event.weapon == "explosive vest"


@pytest.mark.parametrize(
    "text",
    [
        "Police said a suicide attacker drove a car packed with explosives into the gate of a base in Bannu on "
        "Friday, killing six soldiers.",
        "A bomb went off at the entrance of a hotel in Mogadishu on Sunday, killing four guards. Witnesses said the "
        "bomber blew himself up when guards stopped him.",
    ],
)
def test_a_suicide_attacker_makes_a_suicide_bombing(pipeline, text: str) -> None:
    event = run(pipeline, text)._.event
    assert event is not None and event.attack_type_text == "suicide bombing"


def test_conflicting_tolls_kept_with_sources(pipeline) -> None:
    text = (
        "A car bomb exploded near a checkpoint in Baghdad on Tuesday. According to the interior ministry, 8 people "
        "were killed, while medics said 11 died. The group said it had killed 50 soldiers."
    )
    event = run(pipeline, text, dt.date(2016, 5, 12))._.event
    killed = [(c.number, c.source) for c in event.casualties if c.kind == "killed"]
    assert (8, "interior ministry") in killed and (11, "medics") in killed and 50 in [n for n, _ in killed]
    assert (event.killed, event.killed_source) == (8, "interior ministry")
    assert event.weapon == "vehicle-borne IED"


def test_casualty_kinds_and_qualifiers(nlp) -> None:
    doc = nlp(
        "Security forces arrested some 20 suspects. Dozens were wounded and twenty-two people remain missing. "
        "Two gunmen were shot dead. Eleven hostages were shot to death inside the hotel, and six captives were "
        "freed."
    )
    figures = find_casualties(doc)
    got = [(f.report.kind, f.report.number, f.report.qualifier, f.perpetrators) for f in figures]
    assert ("arrested", 20, "some", True) in got  # the suspects are the suspected attackers
    assert ("injured", 24, "dozens", False) in got
    assert ("missing", 22, None, False) in got
    assert ("killed", 2, None, True) in got
    assert ("killed", 11, None, False) in got  # hostages who were killed count among the dead
    assert ("kidnapped", 6, None, False) in got
    assert all(f.report.evidence.end > f.report.evidence.start for f in figures)


def test_no_attack_gives_none(pipeline) -> None:
    text = (
        "Parliament approved a new budget for counter-terrorism training on Wednesday. Ministers said the money "
        "would help prevent future attacks and improve border security."
    )
    doc = run(pipeline, text, dt.date(2024, 2, 7))
    assert doc._.event is None


def test_other_attack_goes_to_mentions(pipeline) -> None:
    text = (
        "Gunmen killed 12 worshippers at a mosque in Kano on Friday, police said. It was the deadliest assault in "
        "the city since the 2014 bombing that killed 120 people."
    )
    doc = run(pipeline, text, dt.date(2023, 7, 8))
    assert doc._.event.killed == 12 and doc._.event.place.city == "Kano"
    assert [m.killed for m in doc._.event_mentions] == [120]


def test_boilerplate_tail_is_not_content(pipeline) -> None:
    text = (
        "A roadside bomb killed four soldiers near Kismayo on Saturday, the army said.\n\n"
        "Reporting by a staff writer; Editing by another\n\nTags: , , ,\n\nBoko Haram\n\nHezbollah\n\nAl-Qaeda"
    )
    doc = run(pipeline, text, dt.date(2020, 1, 12))
    assert doc._.content_end == text.index(".\n\n") + 1
    assert not {"Boko Haram", "Hezbollah", "al-Qaeda"} & set(doc._.event.groups_involved)


def _statement(stance: str, speaker: str, target: str) -> Statement:
    evidence = Evidence(start=0, end=1, producer="test", confidence=1.0)
    return Statement(
        speaker=Mention(span=Span(start=0, end=1, text=speaker)),
        speaker_name=speaker,
        stance=stance,
        target_name=target,
        evidence=evidence,
    )


def test_branch_claimant_is_most_specific() -> None:
    statements = [
        _statement("claim", "Islamic State", "Islamic State"),
        _statement("confirm", "US officials", "Islamic State Khorasan Province"),
        _statement("accuse", "officials", "Israel"),
    ]
    perpetrators = _perpetrators(statements, get_kb())
    assert perpetrators.claimed_by[0] == "Islamic State Khorasan Province"
    assert perpetrators.accused == {"Israel": ["officials"]}
    assert perpetrators.confirmed == {"Islamic State Khorasan Province": ["US officials"]}


@pytest.mark.parametrize(
    "text",
    [
        # the day of a condemnation is not the day of the attack it condemns
        "The mayor of Mogadishu condemned the bombing on Sunday. The bombing of the hotel happened on Friday night "
        "and killed 9 guests.",
        # a date in a relative clause below the attack word dates that clause ("whose driver died on Sunday")
        "The bombing of a bus whose driver died on Sunday was the second this month. The bombing happened in Kabul "
        "on Friday and killed 6 passengers.",
        # a clause describing the attack itself still dates it ("the bombing that happened on Friday")
        "The bombing that happened on Friday killed 9 people in Kabul. The bombing on the bus was the deadliest "
        "since an attack on Sunday.",
    ],
)
def test_attack_date_is_the_attacks_not_a_reaction_or_death(pipeline, text: str) -> None:
    event = run(pipeline, text, dt.date(2023, 5, 10))._.event
    assert event.date == dt.date(2023, 5, 5)


@pytest.mark.parametrize(
    ("text", "place", "country", "outlet", "day"),
    [
        ("BEIRUT, 12 May (Reuters) - A blast", "Beirut", None, "Reuters", dt.date(2024, 5, 12)),
        ("NAIROBI, Kenya (AP) — Gunmen", "Nairobi", "Kenya", "AP", None),
        ("MOGADISHU, Somalia, Jan 5 (Reuters) - A car bomb", "Mogadishu", "Somalia", "Reuters", dt.date(2024, 1, 5)),
        ("KABUL (AFP) - A blast", "Kabul", "Afghanistan", "AFP", None),
        ("Headline words here\n\nISLAMABAD: A bomb", "Islamabad", "Pakistan", None, None),
    ],
)
def test_dateline(text, place, country, outlet, day) -> None:
    parsed = parse_dateline(text, dt.date(2024, 6, 1))
    assert (parsed["place"], parsed["outlet"], parsed["date"]) == (place, outlet, day)
    assert country is None or parsed["country"] == country


def test_no_dateline_in_shouted_headline() -> None:
    assert parse_dateline("BREAKING NEWS - markets fall") is None


def test_reference_date_from_dateline(pipeline) -> None:
    doc = run(pipeline, "MOGADISHU, Somalia, Jan 5, 2023 (Reuters) - A bomb exploded yesterday in Mogadishu.")
    assert doc._.reference_date == dt.date(2023, 1, 5)
    assert doc._.event.date == dt.date(2023, 1, 4)


def test_dateline_country_only_from_a_city_known_by_that_name() -> None:
    """An alternate spelling in the gazetteer may belong to a town abroad: it gives no country."""
    line = parse_dateline("KHAR: The toll from the rally bombing rose to 63 on Tuesday, officials said.")
    assert line is not None and line["place"] == "Khar" and line["country"] is None
    assert parse_dateline("PESHAWAR: A blast hit a police post.")["country"] == "Pakistan"


def test_a_revised_count_of_injured_is_not_a_death_toll(nlp) -> None:
    doc = nlp(
        "Police said four people were killed and 20 wounded. By Friday the ministry had raised the number of "
        "injured to 31; the death toll was unchanged at four."
    )
    got = [(f.report.kind, f.report.number) for f in find_casualties(doc)]
    assert ("injured", 31) in got and ("killed", 31) not in got


def test_a_count_of_dead_or_wounded_is_no_toll_and_the_number_of_people_killed_is(nlp) -> None:
    doc = nlp(
        "Some 150 worshippers fell dead or wounded, the group said. Officials said 39 people were killed and 69 "
        "injured. The number of people killed in the bombing has risen to 276."
    )
    got = [(f.report.kind, f.report.number) for f in find_casualties(doc)]
    assert ("killed", 150) not in got and ("injured", 150) not in got
    assert ("killed", 39) in got and ("injured", 69) in got and ("killed", 276) in got


def test_a_subsets_casualty_word_counts_the_whole_and_a_first_day_is_no_early_figure(nlp) -> None:
    doc = nlp(
        "The nation on Wednesday observed the first of three days of mourning for the 60 people, including 52 "
        "pupils, killed in Tuesday's attack on the school."
    )
    figures = {(f.report.kind, f.report.number): f for f in find_casualties(doc)}
    assert ("killed", 60) in figures and not figures[("killed", 60)].not_current
