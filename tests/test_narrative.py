"""The narrative report of one event, from article records shaped like the extractors' output.

The article text here is our own wording of a reaction piece about a bombing
claimed by one group while the attacked state's officials blame another party.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from counterclaim.events import merge_statements
from counterclaim.events.merge_statements import EvidenceRef
from counterclaim.records import (
    ArticleRecord,
    CasualtyReport,
    Document,
    Event,
    Evidence,
    Mention,
    Perpetrators,
    Place,
    Span,
    Statement,
    document_id,
)
from counterclaim.report.narrative import NarrativeReport, build_narrative
from counterclaim.report.narrative_render import render_narrative, write_narrative
from counterclaim.report.passages import build_passages
from counterclaim.report.wording import act, count_of, day, figure, join, people, the

REACTIONS = (
    "Two blasts tore through a memorial crowd in Kerman, Iran, on January 3, 2024, and state media put the toll at "
    "94 dead. On January 4 the Islamic State said its fighters carried out the bombings. American intelligence "
    "officials said the group's Khorasan branch was behind the attack. Iranian officials blamed Israel on the day "
    "of the blasts. Quds Force chief Esmail Qaani said Israel paid for the bombing. The Mehr News agency ran pieces "
    "blaming Israel. Speaking on January 9, Supreme Leader Ali Khamenei vowed to punish those behind the bombing. "
    "IRGC commander Hossein Salami said ISIS was only acting for Zionism."
)
WIRE = (
    "KERMAN, Iran (Wire) - The Islamic State said on Thursday its fighters carried out the twin bombings at a "
    "memorial in Kerman, which killed 95 people, according to Iranian officials."
)


def _span(text: str, words: str) -> Span:
    start = text.index(words)
    return Span(start=start, end=start + len(words), text=words)


def statement(
    text: str,
    doc_id: str,
    speaker: str,
    affiliation: str | None,
    stance: str,
    target: str | None,
    quote: str,
    date: dt.date | None,
) -> Statement:
    """A statement as the extractor writes it: speaker mention, content span and evidence offsets."""
    content = _span(text, quote)
    sentence_start = text.rfind(". ", 0, content.start) + 2 if text.rfind(". ", 0, content.start) > 0 else 0
    sentence_end = text.find(".", content.end) + 1 or len(text)
    return Statement(
        speaker=Mention(span=_span(text, speaker.split()[-1]), producer="test"),
        speaker_name=speaker,
        speaker_affiliation=affiliation,
        stance=stance,
        target_name=target,
        content=content,
        quote=quote,
        date=date,
        evidence=Evidence(
            document_id=doc_id,
            start=sentence_start,
            end=sentence_end,
            sentence=text[sentence_start:sentence_end],
            producer="test.statement",
            confidence=0.8,
        ),
    )


def _document(name: str, text: str, published: dt.date | None, outlet: str | None = None) -> Document:
    return Document(id=document_id(text), name=name, text=text, published=published, outlet=outlet, raw_hash="x" * 64)


JAN = {day: dt.date(2024, 1, day) for day in range(1, 20)}

#: speaker, affiliation, stance, target, quote (words of REACTIONS), date
REACTION_STATEMENTS = [
    ("Islamic State", "Islamic State", "claim", "Islamic State", "its fighters carried out the bombings", JAN[4]),
    (
        "American intelligence officials",
        "United States",
        "confirm",
        "Islamic State Khorasan Province",
        "the group's Khorasan branch was behind the attack",
        None,
    ),
    ("Iranian officials", "Iran", "accuse", "Israel", "blamed Israel", JAN[3]),
    ("Esmail Qaani", "Iran", "accuse", "Israel", "Israel paid for the bombing", JAN[3]),
    ("Mehr News", "Iran", "accuse", "Israel", "ran pieces blaming Israel", None),
    ("Ali Khamenei", "Iran", "condemn", None, "vowed to punish those behind the bombing", JAN[9]),
    ("Hossein Salami", "Iran", "accuse", "Israel", "ISIS was only acting for Zionism", None),
]


@pytest.fixture(scope="module")
def reactions() -> ArticleRecord:
    doc = _document("reactions", REACTIONS, None, "Think tank")
    t, d = REACTIONS, doc.id
    isis = _span(t, "ISIS")
    return ArticleRecord(
        document=doc,
        event=Event(
            date=JAN[3],
            place=Place(city="Kerman", country="Iran"),
            attack_type="bombing",
            attack_type_text="blasts",
            killed=94,
            killed_source="state media",
            casualties=[
                CasualtyReport(
                    kind="killed",
                    number=94,
                    source="state media",
                    evidence=Evidence(document_id=d, start=0, end=120, producer="test.casualty", confidence=0.9),
                )
            ],
            perpetrators=Perpetrators(claimed_by=["Islamic State"]),
        ),
        statements=[statement(t, d, *row) for row in REACTION_STATEMENTS],
        mentions=[Mention(span=isis, actor_id="islamic-state", producer="test")],
    )


@pytest.fixture(scope="module")
def wire() -> ArticleRecord:
    doc = _document("wire", WIRE, JAN[5], "Wire")
    return ArticleRecord(
        document=doc,
        event=Event(date=JAN[3], place=Place(city="Kerman", country="Iran"), attack_type="bombing", killed=95),
        statements=[
            statement(
                WIRE,
                doc.id,
                "Islamic State",
                "Islamic State",
                "claim",
                "Islamic State",
                "its fighters carried out the twin bombings",
                JAN[4],
            ),
        ],
    )


@pytest.fixture(scope="module")
def report(reactions: ArticleRecord) -> NarrativeReport:
    return build_narrative([reactions])


def test_consensus_claim_and_confirmation(report: NarrativeReport) -> None:
    assert [line.party for line in report.claimed_by] == ["Islamic State"]
    assert report.claimed_by[0].first_date == JAN[4]
    confirmed = report.confirmed[0]
    assert "Khorasan" in confirmed.party
    assert [s.name for s in confirmed.speakers] == ["American intelligence officials"]
    assert confirmed.speakers[0].group == "foreign"


def test_attacked_state_blames_another_party(report: NarrativeReport) -> None:
    column = report.matrix.parties.index("Israel")
    assert not report.matrix.responsible[column]
    israel = [c for row in report.matrix.rows if (c := row.cells[column]) and c.group == "attacked"]
    assert sum(c.count for c in israel) == 4
    blocs = {c.bloc for c in israel}
    assert any("media" in b for b in blocs) and any("officials" in b for b in blocs)
    assert {d.party for d in report.divergences} == {"Israel"}
    assert {d.speaker.name for d in report.divergences} >= {"Iranian officials", "Esmail Qaani", "Mehr News"}


def test_omissions_name_the_silent_and_spare_who_named_the_claimant(report: NarrativeReport) -> None:
    omitted = {o.speaker.name: o for o in report.omissions}
    assert "Ali Khamenei" in omitted
    assert omitted["Ali Khamenei"].blames == []
    assert "Islamic State" in omitted["Ali Khamenei"].omits
    assert omitted["Esmail Qaani"].blames == ["Israel"]
    assert "Hossein Salami" not in omitted  # he names ISIS, if only as an agent
    assert "American intelligence officials" not in omitted  # not the attacked state


def test_timeline_in_date_order_with_evidence(report: NarrativeReport, reactions: ArticleRecord) -> None:
    dated = [t.date for t in report.timeline if t.date]
    assert dated == sorted(dated) and dated[0] == JAN[3] and dated[-1] == JAN[9]
    assert all(t.date is None for t in report.timeline[len(dated) :])
    for entry in report.timeline:
        ref = entry.evidence[0]
        assert ref.document_name == "reactions"
        assert entry.quote in reactions.document.text[ref.start : ref.end]
    assert report.casualties[0].number == 94 and report.casualties[0].source == "state media"


def test_same_claim_from_two_outlets_is_one_statement(reactions: ArticleRecord, wire: ArticleRecord) -> None:
    merged = merge_statements([wire, reactions])
    claims = [m for m in merged if m.statement.stance == "claim"]
    assert len(claims) == 1
    assert {e.document_name for e in claims[0].evidence} == {"reactions", "wire"}
    assert claims[0].first_reported == JAN[5]
    report = build_narrative([reactions, wire])
    assert len(report.claimed_by) == 1 and len(report.claimed_by[0].evidence) == 2
    assert [(c.number, c.date) for c in report.casualties if c.kind == "killed"] == [(95, JAN[5]), (94, None)]


def test_renderers(report: NarrativeReport, tmp_path) -> None:
    text = render_narrative(report, "text")
    assert "Ali Khamenei" in text and "never named the Islamic State" in text and "[1] reactions, characters" in text
    markdown = render_narrative(report, "markdown")
    assert markdown.startswith("# ") and "## Silences" in markdown and "[^1]: reactions, characters" in markdown
    page = write_narrative(report, tmp_path / "kerman.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "Esmail Qaani" in page
    assert NarrativeReport.model_validate(json.loads(render_narrative(report, "json"))) == report


def test_reporting_that_a_speaker_did_not_name_the_claimant_is_no_naming(reactions: ArticleRecord) -> None:
    """'X made no mention of ISIS' tells of an omission: the claimant's name in that clause is not X naming it."""
    text = "In a televised address the president made no mention of ISIS; instead he vowed revenge on the plotters."
    doc = _document("address", text, JAN[10])
    quiet = statement(text, doc.id, "the president", "Iran", "condemn", None, text.rstrip("."), JAN[10])
    quiet = quiet.model_copy(update={"content": None})  # narrated: the whole sentence is the reporter's
    record = ArticleRecord(document=doc, event=reactions.event, statements=[quiet])
    omitted = {o.speaker.name for o in build_narrative([reactions, record]).omissions}
    assert "the president" in omitted


@pytest.mark.parametrize(
    ("name", "kind", "expected"),
    [
        ("Islamic State", "militant_group", "the Islamic State"),
        ("Islamic State Khorasan Province", None, "the Islamic State Khorasan Province"),
        ("Ministry of Intelligence", "agency", "the Ministry of Intelligence"),
        ("United States", "state", "the United States"),
        ("Kayhan", "media", "Kayhan"),
        ("Ali Khamenei", "person", "Ali Khamenei"),
        ("al-Shabaab", "militant_group", "al-Shabaab"),
        ("Tehrik-i-Taliban Pakistan", "militant_group", "Tehrik-i-Taliban Pakistan"),
        ("interior minister", None, "the interior minister"),
        ("prominent regime officials", None, "prominent regime officials"),
        ("U.S. intelligence", "agency", "U.S. intelligence"),
    ],
)
def test_names_take_the_article_english_gives_them(name: str, kind: str | None, expected: str) -> None:
    assert the(name, kind) == expected


def test_plain_words_for_dates_lists_figures_and_stances() -> None:
    assert day(JAN[3]) == "3 January 2024" and day(JAN[9], 2024) == "9 January"
    assert join(["A"]) == "A" and join(["A", "B", "C"]) == "A, B and C" and join(["A", "B"], "or") == "A or B"
    assert people(94) == "94 people" and people(284, "some") == "some 284 people" and people(1) == "one person"
    assert people(24, "dozens") == "dozens of people" and figure(24, "dozens") == "dozens"
    assert count_of(1, "days") == "a day" and count_of(5, "days") == "five days" and count_of(12, "days") == "12 days"
    assert act("accuse", "Israel") == "blamed Israel" and act("other", "Islamic State") == "said of the Islamic State"
    assert act("deny", "Ukraine", own=True) == "denied any role"


def test_a_passage_is_the_sentence_in_its_paragraph_with_every_span_in_it_marked(reactions: ArticleRecord) -> None:
    text = reactions.document.text
    start, crowd, toll = text.index("Two blasts"), text.index("memorial crowd"), text.index("94 dead")
    refs = [
        EvidenceRef(document_id=reactions.document.id, document_name="r", start=crowd, end=crowd + 14),
        EvidenceRef(document_id=reactions.document.id, document_name="r", start=toll, end=toll + 7),
    ]
    [passage] = build_passages(refs, {reactions.document.id: text}, [reactions.document.id])
    assert passage.sentence == text[start : text.index("dead.") + 5]
    assert [text[m.start : m.end] for m in passage.marks] == ["memorial crowd", "94 dead"]
    assert len(passage.cites) == 2 and passage.paragraph == text  # one line: the paragraph is the whole text


def test_a_brief_clause_shows_five_notes_and_counts_the_rest() -> None:
    records = []
    for n in range(7):
        text = f"Outlet {n} reports: a bomb exploded at a memorial in Kerman, Iran, on January 3, 2024."
        doc = _document(f"outlet{n}", text, JAN[4])
        day = text.index("January 3, 2024")
        evidence = Evidence(document_id=doc.id, start=day, end=day + 15, producer="t", confidence=0.9, sentence=text)
        event = Event(date=JAN[3], date_evidence=evidence, place=Place(city="Kerman", country="Iran"))
        records.append(ArticleRecord(document=doc, event=event))
    report = build_narrative(records)
    assert "On 3 January 2024, an attack struck Kerman, Iran [1, 2, 3, 4, 5, +2]." in render_narrative(report, "text")
    assert "[1, 2, 3, 4, 5, 6, 7]" in render_narrative(report, "text")  # the attack section cites them all
