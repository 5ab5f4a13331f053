"""The analyst's brief and the event report's form, on the real pipeline's output in a real SQLite store.

The Kerman example (``examples/kerman_reactions.txt``) and the three Crocus
City Hall articles of ``tests/corpus/multi`` are analysed once per session
(``report_store`` in ``conftest.py``); the checks are the measures of issue
21: the brief names the claimant, the confirming party, the party blamed
instead and the silence of the attacked state's leader; every sentence has
evidence; nothing is repeated within a section.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from spacy.language import Language

from conftest import analyse_into
from counterclaim.report import event_narrative, render_narrative
from counterclaim.report.models import NarrativeReport
from counterclaim.report.quality import figures, said_by_topic
from counterclaim.report.sections import layout
from counterclaim.store import Store


def narrative_of(store: Store, document_name: str) -> NarrativeReport:
    """The narrative of the event holding the named document."""
    summary = next(s for s in store.event_summaries() if document_name in s.document_names)
    return event_narrative(store, summary)


@pytest.fixture(scope="module")
def kerman(report_store: Store) -> NarrativeReport:
    return narrative_of(report_store, "kerman_reactions")


@pytest.fixture(scope="module")
def crocus(report_store: Store) -> NarrativeReport:
    return narrative_of(report_store, "m07_afp_crocus_2024")


def test_crocus_articles_are_one_event(crocus: NarrativeReport) -> None:
    assert {d.name for d in crocus.documents} == {
        "m06_tass_crocus_2024",
        "m07_afp_crocus_2024",
        "m08_crocus_followup_2024",
    }


def test_kerman_brief_names_claimant_confirmer_party_blamed_and_the_supreme_leaders_silence(
    kerman: NarrativeReport,
) -> None:
    said = said_by_topic(kerman)
    assert said["attack"].startswith("On 3 January 2024, a suicide bombing struck")
    assert "killing 94 people" in said["attack"] and "according to Iranian state media" in said["attack"]
    assert "The Islamic State claimed responsibility on 4 January" in said["claim"]
    assert (
        "U.S. intelligence confirmed that the Islamic State Khorasan Province was responsible" in said["confirmation"]
    )
    assert re.search(
        r"Iranian officials and media \(8 speakers, among them .*\) blamed Israel from 3 January", said["divergence"]
    )
    assert re.search(
        r"Supreme Leader Ali Khamenei, speaking on 9 January, .*did not name the Islamic State", said["silence"]
    )


def test_crocus_brief_names_claimant_confirmer_and_the_denials(crocus: NarrativeReport) -> None:
    said = said_by_topic(crocus)
    assert said["claim"].startswith("The Islamic State claimed responsibility on 23 March")
    # the follow-up reports the group's claim too, so Kirby's blame confirms it
    assert "John Kirby confirmed that the Islamic State was responsible" in said["confirmation"]
    assert "Ukraine and presidential adviser Mykhailo Podolyak denied any role" in said["denial"]
    assert "first reports gave 133 killed, according to the Investigative Committee" in said["attack"]


@pytest.mark.parametrize("event", ["kerman", "crocus"])
def test_every_sentence_and_clause_of_the_brief_has_evidence(event: str, request: pytest.FixtureRequest) -> None:
    report: NarrativeReport = request.getfixturevalue(event)
    f = figures(report)
    assert f.sentences >= 4
    assert f.sentences_with_evidence == f.sentences
    assert f.clauses_with_evidence == f.clauses


@pytest.mark.parametrize("event", ["kerman", "crocus"])
def test_no_note_or_quote_is_repeated_within_a_section(event: str, request: pytest.FixtureRequest) -> None:
    report: NarrativeReport = request.getfixturevalue(event)
    f = figures(report)
    assert f.repetitions == 0, (f.repeated_notes, f.repeated_quotes, f.repeated_in_sentence)
    headings = {"text": (r"\n[^\n]+\n-{3,}\n", 13), "markdown": (r"\n## ", 12)}  # Markdown's notes are footnotes
    for fmt, (heading, count) in headings.items():  # the printed form: a quote appears once per section
        sections = re.split(heading, render_narrative(report, fmt))
        assert len(sections) == count  # title, brief, ten sections, evidence
        for section in sections:
            quotes = re.findall(r"“([^”]{20,})”", section)
            assert len(quotes) == len(set(quotes))


def test_speakers_of_one_sentence_are_one_line(kerman: NarrativeReport) -> None:
    sections = {s.key: s for s in layout(kerman).sections}
    for key in ("divergences", "timeline", "omissions"):
        lines = [line.text for line in sections[key].lines if "Kayhan" in line.text]
        assert len(lines) == 1, (key, lines)
        assert "Kayhan (Iranian media), Mehr News (Iranian media) and Asr-e Iran (Iranian media)" in lines[0]


def test_the_same_act_reported_by_several_outlets_is_one_line_with_every_outlet(crocus: NarrativeReport) -> None:
    laid = layout(crocus)
    consensus = next(s for s in laid.sections if s.key == "consensus")
    denial = next(line for line in consensus.lines if "Ukraine" in line.text and "denied" in line.text)
    documents = {laid.notes[n - 1].document_name for n in denial.notes}
    assert documents == {"m06_tass_crocus_2024", "m07_afp_crocus_2024"}


def test_matrix_is_a_table_in_markdown_html_and_json(kerman: NarrativeReport) -> None:
    markdown = render_narrative(kerman, "markdown")
    assert re.search(r"^\| bloc \| Islamic State \\\* \|.*\| Israel \|", markdown, re.MULTILINE)
    assert re.search(r"^\| Iranian media \|[^\n]*\| 5, 2024-01-04 \|", markdown, re.MULTILINE)
    page = render_narrative(kerman, "html")
    assert '<th scope="row">Iranian officials</th>' in page and '<td class="n">3, 2024-01-03</td>' in page
    matrix = json.loads(render_narrative(kerman, "json"))["matrix"]
    israel = matrix["parties"].index("Israel")
    assert matrix["responsible"][israel] is False
    rows = {row["bloc"]: row["cells"][israel] for row in matrix["rows"]}
    assert rows["Iranian officials"]["count"] == 3 and rows["Iranian officials"]["first_date"] == "2024-01-03"
    assert rows["Claimant"] is None


def test_text_and_markdown_notes_give_each_cited_sentence_once(kerman: NarrativeReport) -> None:
    text = render_narrative(kerman, "text")
    notes = re.findall(r"^\[(\d+)\] kerman_reactions, characters (\d+)–(\d+): (.*)$", text, re.MULTILINE)
    assert [int(n) for n, *_ in notes] == list(range(1, len(notes) + 1))
    cited = {int(n) for refs in re.findall(r" \[([\d, ]+)\]", text.split("\nEvidence\n")[0]) for n in refs.split(", ")}
    assert cited == set(range(1, len(notes) + 1))
    source = (Path(__file__).resolve().parents[1] / "examples" / "kerman_reactions.txt").read_text(encoding="utf-8")
    for _, start, end, shown in notes:
        assert " ".join(source[int(start) : int(end)].split()) == shown.replace("«", "").replace("»", "")
    markdown = render_narrative(kerman, "markdown")
    used = set(re.findall(r"\[\^(\d+)\](?!:)", markdown))
    defined = set(re.findall(r"^\[\^(\d+)\]:", markdown, re.MULTILINE))
    assert used == defined and len(defined) == len(notes)


def test_stances_read_as_verbs_and_blocs_as_words(kerman: NarrativeReport) -> None:
    text = render_narrative(kerman, "text")
    assert "Ministry of Intelligence (Iranian officials) said of the Islamic State" in text
    assert "Islamic Republic News Agency (Iranian media) blamed anti-regime media outlets" in text
    assert not re.search(r"\b(?:accuse|claim|confirm|deny|condemn|other) (?:Israel|Islamic|anti)", text)
    assert "officials and services" not in text and "outlet unknown" not in text


def test_sources_say_where_outlet_and_date_came_from(report_store: Store) -> None:
    def source_line(name: str) -> str:
        report = narrative_of(report_store, name)
        return next(line.text for line in layout(report).sections[1].lines if line.text.startswith(name))

    assert "Example Wire (from the JSONL line's fields); published 2021-03-30 (from the JSONL line's fields)" in (
        source_line("wire_batch-1")
    )
    assert "Frontier Chronicle (from the page's metadata); published 2023-08-01 (from the page's metadata)" in (
        source_line("bajaur_rally_2023")
    )
    assert "AFP (from the article's dateline); published 2024-03-23 (from the article's dateline)" in (
        source_line("m07_afp_crocus_2024")
    )
    assert source_line("kerman_reactions").endswith("outlet not given; date not given")


def test_a_dated_file_name_gives_the_publication_date(pipeline: Language, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "2023-11-02_northfield.txt").write_text(
        "Gunmen kill four at Northfield bus station\n\nGunmen opened fire at the bus station in Northfield "
        "on Wednesday, killing four travellers, a police spokesman said. No group said it carried out the attack.",
        encoding="utf-8",
    )
    with analyse_into(str(tmp_path / "dated.db"), [folder], pipeline) as store:
        report = narrative_of(store, "2023-11-02_northfield")
    assert report.documents[0].published.isoformat() == "2023-11-02"
    assert report.documents[0].published_from == "file-name"
    assert "published 2023-11-02 (from the file's name)" in render_narrative(report, "text")
