"""When statements were made: constructions of real web coverage, in our own sentences (see test_statements.py)."""

from __future__ import annotations

import datetime as dt

import pytest

#: A header date that sets the reference day (Thursday, May 16, 2024) and an attack on the Monday before it.
KENYA_LEAD = (
    "Police ambush in Lamu\n\nPublished: May 16, 2024\n\n"
    "Gunmen killed five police officers in an ambush near Lamu on Monday.\n\n"
)


def _dates(found, stance: str) -> set[dt.date | None]:
    return {s.date for s in found if s.stance == stance}


@pytest.mark.parametrize(
    ("text", "stance", "day"),
    [
        # the present progressive is the day's news, like the simple present
        ("The United States is condemning the ambush on the police.", "condemn", 16),
        # "according to" stands in the clause it cites: a date on the verb above it dates the act
        (
            'IS - which has claimed many raids on the coast - said Tuesday a "martyr of the caliphate" was '
            "responsible for the ambush, according to its news agency.",
            "claim",
            14,
        ),
        # an undated summary takes the day of the next sentence when that day dates the document it quotes
        (
            "Al-Shabaab claimed responsibility. In a message sent to reporters on Tuesday, its spokesman Omar "
            "Kiprono said one of its fighters had led the ambush.",
            "claim",
            14,
        ),
        # a clause of the same time whose subject is a pronoun for the speaker tells the occasion of the act
        (
            "Governor Amina Yusuf condemned the ambush as a cowardly act when she visited the wounded on Wednesday.",
            "condemn",
            15,
        ),
        # the document that holds the act in a relative clause carries its date
        (
            "The claim contradicted an earlier statement from Kenyan officials Tuesday, in which they said the "
            "Hizbul Islam group was behind the ambush.",
            "accuse",
            14,
        ),
        # a span under a day after the attack named by its day is the attack's day
        ("Hours after Monday's ambush, al-Shabaab claimed responsibility on its radio station.", "claim", 13),
        # a date on the attack's day trailing the attack noun that the act takes through "responsibility for"
        ("Al-Shabaab militants claimed responsibility for the deadly ambush near Lamu town on Monday.", "claim", 13),
        # "immediately after" the attack, or the start of it, is the attack's own day
        ("Shortly after the start of the ambush, Kenyan police blamed al-Shabaab for it.", "accuse", 13),
        # a speaker's words reported paragraph after paragraph by the same pronoun keep the day of the first
        (
            "Interior minister Kithure Kindiki spoke to the nation in a televised address on Wednesday.\n\n"
            '"The gunmen crossed from Somalia at night and waited for the patrol," he said.\n\n'
            '"Al-Shabaab fighters carried out this ambush," he added.',
            "accuse",
            15,
        ),
        # "later in the day" is the day named last
        (
            "On Tuesday, al-Shabaab claimed the ambush. Later in the day, Somalia's government condemned it.",
            "condemn",
            14,
        ),
        # a part of the day, or "on the day", is the day named last
        (
            "Officials counted the dead on Tuesday.\n\nPolice spokesman Paul Njuguna told reporters in the early "
            "afternoon that al-Shabaab fighters had carried out the ambush.",
            "accuse",
            14,
        ),
        (
            "Officials counted the dead on Tuesday.\n\nGovernor Issa Timamy, speaking in Lamu on the day, blamed "
            "al-Shabaab for the ambush.",
            "accuse",
            14,
        ),
    ],
)
def test_dated_constructions(statements, text: str, stance: str, day: int) -> None:
    assert _dates(statements(KENYA_LEAD + text), stance) == {dt.date(2024, 5, day)}


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        # a clause with its own subject hung on a dated verb ("rose on Wednesday, as X claimed") is not of that day
        ("The toll rose to seven on Wednesday, as al-Shabaab claimed the ambush.", "claim"),
        # a verb of belief in the present is a standing view, not the day's news: it lends no day to the claim
        (
            "The Islamic State group's branch in Somalia claimed responsibility for the ambush.\n\n"
            "The group regards Kenyan police as apostates and has targeted them repeatedly.",
            "claim",
        ),
        # the next sentence dates an undated act only when it reports words
        (
            "President William Ruto condemned the ambush and promised help to the families. His ministers were due "
            "to visit Lamu on Tuesday.",
            "condemn",
        ),
        # a day inside the speaker's quoted words is theirs ("yesterday" counted from when they spoke, about the raid)
        (
            '"The raid we carried out yesterday was only the beginning," al-Shabaab spokesman Ali Dhere said in an '
            "audio message.",
            "claim",
        ),
        ('Al-Shabaab said its fighters "killed five apostate soldiers on Monday" near Lamu.', "claim"),
        # an "according to" source's clause that tells the attack itself dates the attack, not the source's words
        (
            "According to local officials, al-Shabaab fighters carried out two night raids near Lamu, killing nine "
            "villagers on Monday and Tuesday.",
            "accuse",
        ),
    ],
)
def test_undated_constructions(statements, text: str, stance: str) -> None:
    assert {s.told_date for s in statements(KENYA_LEAD + text) if s.stance == stance} == {None}


def test_words_above_an_embedded_post_take_its_signature_day(statements) -> None:
    found = statements(
        KENYA_LEAD + "President Hassan Sheikh Mohamud of Somalia also denied any role on X.\n"
        '"Somalia had nothing to do with the ambush in Lamu, and we reject the accusations," he wrote.\n'
        "Soomaaliya wax lug ah kuma lahan weerarka.\n"
        "— Hassan Sheikh Mohamud (@HassanSMohamud) May 15, 2024\n"
        "Police said the search for the gunmen went on."
    )
    assert _dates(found, "deny") == {dt.date(2024, 5, 15)}


def test_a_datelines_day_is_not_carried_to_its_lede(statements) -> None:
    found = statements(
        "Toll from Lamu ambush rises to seven\n\nBy Amina DUALE, with Peter OTIENO in Nairobi\n\n"
        "LAMU, Kenya, May 16, 2024 (AFP) - The toll from an ambush on a police patrol near Lamu rose to seven on "
        "Thursday, the government said, as al-Shabaab claimed the attack.\n\n"
        "Gunmen opened fire on the patrol on Monday.\n\n"
        "In a statement posted on its channels late on Tuesday, al-Shabaab said its fighters had carried out the "
        "ambush."
    )
    assert _dates(found, "claim") == {dt.date(2024, 5, 14)}


def test_an_act_in_the_present_perfect_about_todays_attack_is_of_that_day(statements) -> None:
    found = statements(
        "Hotel siege in Nairobi\n\nPublished: May 16, 2024\n\n"
        "Al-Shabaab fighters have claimed responsibility for today's attack on a hotel in Nairobi, where gunmen "
        "are still holding guests.\n\nPolice said the siege began at noon."
    )
    assert _dates(found, "claim") == {dt.date(2024, 5, 16)}


def test_an_act_since_the_attack_in_a_report_of_that_day_is_of_that_day(statements) -> None:
    found = statements(
        "Blast at bus station\n\nPublished: May 16, 2024\n\n"
        "A bomb killed 12 people at the main bus station of Garissa on Thursday morning, police said. Al-Shabaab "
        "has since claimed responsibility for the attack."
    )
    assert _dates(found, "claim") == {dt.date(2024, 5, 16)}


def test_an_undated_reaction_in_a_report_of_the_attacks_own_day_is_of_that_day(statements) -> None:
    text = (
        "Blast at a bus station\n\nPublished: May 16, 2024\n\n"
        "A bomb killed 12 people at the main bus station of Garissa on Thursday morning, police said.\n\n"
        "The African Union condemned the bombing, and a Kenyan minister blamed al-Shabaab for it."
    )
    found = statements(text)
    assert _dates(found, "condemn") == _dates(found, "accuse") == {dt.date(2024, 5, 16)}
    assert {s.told_date for s in found} == {dt.date(2024, 5, 16)}
    # a day later the reactions could have come on either day: the text does not say which, so they take the
    # report's own day, marked as such in their evidence
    later = statements(text.replace("May 16", "May 17"))
    assert _dates(later, "condemn") == _dates(later, "accuse") == {dt.date(2024, 5, 17)}
    assert {s.told_date for s in later} == {None}


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # an act in the simple past that the text leaves undated is of the report's own day
        ("Somalia's government condemned the ambush.", 16),
        # not one told in the past perfect: made before the report, on a day the text does not give
        ("Somalia's government had condemned the ambush.", None),
        # nor one in a sentence that names another day
        ("Somalia's government condemned the ambush, the worst in Lamu since an attack on January 5.", None),
        # nor in a sentence that moves the story in time
        ("Later, Somalia's government condemned the ambush.", None),
    ],
)
def test_an_undated_act_is_of_the_reports_day(statements, text: str, day: int | None) -> None:
    found = [s for s in statements(KENYA_LEAD + text) if s.stance == "condemn"]
    assert {s.date for s in found} == {dt.date(2024, 5, day) if day else None}
    assert all(("date.report_day" in s.evidence.rules) == bool(day) for s in found)


def test_a_report_filed_weeks_after_the_attack_dates_no_undated_act(statements) -> None:
    found = statements(
        "Lamu, a month on\n\nPublished: June 20, 2024\n\n"
        "Gunmen killed five police officers in an ambush near Lamu on May 13, 2024.\n\n"
        "Somalia's government condemned the ambush."
    )
    assert _dates(found, "condemn") == {None}


def test_a_day_the_text_gives_a_repeat_replaces_the_reports_day(statements) -> None:
    found = statements(
        KENYA_LEAD + "Al-Shabaab claimed responsibility for the ambush.\n\n"
        "In a statement on Tuesday, al-Shabaab said its fighters carried out the ambush near Lamu."
    )
    claims = [s for s in found if s.stance == "claim"]
    assert {s.date for s in claims} == {dt.date(2024, 5, 14)}
    assert not any("date.report_day" in s.evidence.rules for s in claims)
