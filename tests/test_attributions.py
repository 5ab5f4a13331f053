"""cc_attributions on hand-written sentences: quote styles, speaker positions, indirect forms."""

from __future__ import annotations

import pytest
from spacy.language import Language

from counterclaim.nlp.attribution.quotes import find_quotes
from counterclaim.nlp.components.attributions import AttributionFinder
from counterclaim.records import Attribution


@pytest.fixture(scope="module")
def finder(nlp: Language) -> AttributionFinder:
    """The component on the shared model (called directly, so the shared pipeline is not changed)."""
    return AttributionFinder(nlp, "cc_attributions", lexicon=None, max_quote_chars=3000)


@pytest.fixture(scope="module")
def attribute(nlp: Language, finder: AttributionFinder):
    def run(text: str) -> list[Attribution]:
        doc = finder(nlp(text))
        for att in doc._.attributions:
            for span in (att.source, att.cue, att.content):
                assert span is None or doc.text[span.start : span.end] == span.text
        return doc._.attributions

    return run


def one(atts: list[Attribution], cue: str) -> Attribution:
    matches = [a for a in atts if a.cue and a.cue.text == cue]
    assert matches, [a.cue.text for a in atts if a.cue]
    return matches[0]


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ('"The road is closed," the mayor said.', "The road is closed,"),
        ("“The road is closed,” the mayor said.", "The road is closed,"),
        ("«The road is closed,» the mayor said.", "The road is closed,"),
        ("‹The road is closed,› the mayor said.", "The road is closed,"),
        ("''The road is closed,'' the mayor said.", "The road is closed,"),
    ],
)
def test_quote_styles_speaker_after(attribute, text: str, quoted: str) -> None:
    att = one(attribute(text), "said")
    assert att.source.text == "the mayor"
    assert quoted in att.content.text
    assert att.direct and att.producer == "attribution.direct.speaker_after"


def test_speaker_inside_joins_both_parts(attribute) -> None:
    att = one(attribute("“We saw smoke,” the guard said, “and then the second blast came.”"), "said")
    assert att.content.text.startswith("“We saw smoke") and att.content.text.endswith("came.”")
    assert att.producer == "attribution.direct.speaker_inside"


def test_speaker_before_with_colon(attribute) -> None:
    att = one(attribute("The governor said: “Nobody will be allowed to divide this city.”"), "said")
    assert att.source.text == "The governor"
    assert "Nobody will be allowed" in att.content.text
    assert att.direct


def test_quote_over_several_paragraphs(attribute) -> None:
    text = (
        "The commander said: “Our units entered the village at dawn and met no resistance.\n\n"
        "“The fighters had already fled across the river.”\n\nLocal shops opened later."
    )
    att = one(attribute(text), "said")
    assert att.content.text.endswith("across the river.”")
    assert "Local shops" not in att.content.text


def test_quote_with_speaker_in_previous_sentence(attribute) -> None:
    text = "The police chief described the scene to reporters.\n\n“It was the worst day any of us can remember.”"
    atts = attribute(text)
    orphan = [a for a in atts if a.producer == "attribution.direct.speaker_previous"]
    assert orphan and orphan[0].source.text == "The police chief"
    assert "worst day" in orphan[0].content.text


def test_unbalanced_and_nested_marks_stay_bounded(attribute) -> None:
    text = "The spokesman said “the ‘so-called’ truce is over.\n\nMarkets were calm. " + "Trade resumed. " * 50
    atts = attribute(text)
    for att in atts:
        assert att.content is None or "Markets" not in att.content.text
    assert find_quotes('He said "yes and "no" and "maybe') is not None


def test_quote_pairing_drops_apostrophes() -> None:
    text = "It's the group's 'final' warning in the '90s style."
    spans = [text[q.start : q.end] for q in find_quotes(text)]
    assert spans == ["'final'"]


def test_indirect_that_clause_keeps_that(attribute) -> None:
    att = one(attribute("The interior minister said that the attackers had crossed the border."), "said")
    assert att.source.text == "The interior minister"
    assert att.content.text == "that the attackers had crossed the border"
    assert not att.direct and att.producer == "attribution.indirect.clause"


def test_told_keeps_hearer_out(attribute) -> None:
    att = one(attribute("A senior officer told reporters the convoy was ambushed near the bridge."), "told")
    assert att.source.text == "A senior officer"
    assert att.content.text == "the convoy was ambushed near the bridge"


def test_claimed_with_auxiliary_in_cue(attribute) -> None:
    att = one(attribute("The militia has claimed that it shot down the drone."), "has claimed")
    assert att.source.text == "The militia"


def test_according_to(attribute) -> None:
    att = one(attribute("According to the health ministry, twelve people were killed."), "According to")
    assert att.source.text == "the health ministry"
    assert att.content.text == "twelve people were killed"


def test_citing_and_saying_inherit_the_subject(attribute) -> None:
    atts = attribute("The agency, citing local officials, reported the explosion, saying the market was hit.")
    citing = one(atts, "citing")
    assert citing.source.text.startswith("The agency") and citing.content.text == "local officials"
    saying = one(atts, "saying")
    assert saying.source.text.startswith("The agency") and saying.content.text == "the market was hit"


def test_passive_blame_has_agent_as_source(attribute) -> None:
    att = one(attribute("The bombing was blamed on a rebel faction by the army."), "was blamed")
    assert att.source.text == "the army"
    assert att.producer == "attribution.indirect.passive"


def test_parenthetical_report(attribute) -> None:
    att = one(attribute("The convoy, the officer said, was carrying food aid."), "said")
    assert att.source.text == "the officer"
    assert att.content.text.startswith("The convoy") and att.content.text.endswith("food aid")


def test_noun_cue_with_that_clause(attribute) -> None:
    att = one(attribute("The group's claim that it planted the device was dismissed."), "claim")
    assert att.source.text == "The group"
    assert att.content.text == "that it planted the device"


def test_noun_cue_keeps_its_modifiers(attribute) -> None:
    att = one(attribute("Analysts doubted an earlier statement that the border was sealed."), "an earlier statement")
    assert att.source is None and att.content.text == "that the border was sealed"


def test_in_a_statement_joins_the_cue(attribute) -> None:
    att = one(attribute("The ministry said in a statement that five soldiers died."), "said in a statement")
    assert att.content.text == "that five soldiers died"


def test_no_report_no_attribution(attribute) -> None:
    assert attribute("Heavy rain fell on the capital for three days.") == []


def test_purpose_infinitive_is_no_cue(attribute) -> None:
    atts = attribute("The mayor went to the square to announce that the curfew was lifted.")
    assert not [a for a in atts if a.cue and "announce" in a.cue.text]


def test_phase_verb_opens_the_cue(attribute) -> None:
    att = one(attribute("The mayor went on to say that the curfew was lifted."), "went on to say")
    assert att.source.text == "The mayor"
    assert att.content.text == "that the curfew was lifted"


def test_declined_to_comment(attribute) -> None:
    att = one(attribute("A police spokeswoman declined to comment on the arrests."), "declined")
    assert att.source.text == "A police spokeswoman"
    assert att.content.text == "to comment on the arrests"


def test_called_on_joins_the_preposition(attribute) -> None:
    att = one(attribute("The council called on the residents to stay indoors."), "called on")
    assert att.source.text == "The council"


def test_report_inside_a_quotation_is_not_a_new_attribution(attribute) -> None:
    atts = attribute('"As I said last week, the bridge will reopen soon," the engineer said.')
    assert [a.cue.text for a in atts if a.cue] == ["said"]
    assert atts[0].source.text == "the engineer"


def test_raising_verbs_attribute_without_source(attribute) -> None:
    atts = attribute("The rebels seem to be losing ground, and the army is expected to advance.")
    seem = one(atts, "seem")
    assert seem.source is None and seem.producer == "attribution.raising"
    assert seem.content.text == "The rebels seem to be losing ground"
    expected = one(atts, "is expected")
    assert expected.content.text == "the army is expected to advance"


def test_finding_in_a_poll(attribute) -> None:
    att = one(attribute("In a poll released on Monday, most residents backed the new council."), "In")
    assert att.source.text == "a poll released on Monday"
    assert att.content.text == "most residents backed the new council"
    assert att.producer == "attribution.finding"


def test_plural_polls_are_no_finding(attribute) -> None:
    assert not [a for a in attribute("The mayor has slipped in the polls since spring.") if a.cue]


def test_naming_participle_is_no_report(attribute) -> None:
    assert attribute("They staged a play called Harbour Lights in the old theatre.") == []


def test_object_report_needs_a_speaker(attribute) -> None:
    atts = attribute("A fund to support the striking miners ran dry.")
    assert not [a for a in atts if a.cue and a.cue.text == "to support"]


def test_adverbs_next_to_the_verb_join_the_cue(attribute) -> None:
    atts = attribute("The governor has since said that the dam is safe.")
    assert one(atts, "has since said").content.text == "that the dam is safe"


def test_continued_reports_only_next_to_a_quote(attribute) -> None:
    assert not [a for a in attribute("The rebels continued to shell the town.") if a.cue]
    att = one(attribute("“We will rebuild,” the mayor continued."), "continued")
    assert att.source.text == "the mayor" and att.direct


def test_seeing_as_is_a_view_but_a_sighting_is_not(attribute) -> None:
    att = one(attribute("The minister sees the vote as a test of the truce."), "sees")
    assert att.source.text == "The minister" and att.content.text == "the vote as a test of the truce"
    assert not [a for a in attribute("The guard saw the truck at noon.") if a.cue]


def test_question_is_no_report(attribute) -> None:
    assert not [a for a in attribute("Do you think the ceasefire will hold?") if a.cue]


def test_participle_asked_has_no_speaker(attribute) -> None:
    att = one(attribute("Asked whether he would resign, the minister laughed."), "Asked")
    assert att.source is None and att.content.text == "whether he would resign"


def test_source_drops_dateline_and_focus_adverb(attribute) -> None:
    att = one(attribute("PORT CITY (Wire) – Mayor Ann Lee said the port would reopen."), "said")
    assert att.source.text == "Mayor Ann Lee"
    att = one(attribute("Even the governor said the port would reopen."), "said")
    assert att.source.text == "the governor"


def test_unclosed_quote_does_not_hide_its_speaker(attribute) -> None:
    att = one(attribute('"The shelling went on all night, said a resident of the town.\n\nShops stayed shut.'), "said")
    assert att.source.text.startswith("a resident")


def test_hopes_is_read_as_hope(attribute) -> None:
    att = one(attribute("The envoy hopes that the talks will resume."), "hopes")
    assert att.source.text == "The envoy" and att.content.text == "that the talks will resume"


def test_spoke_about_joins_the_preposition(attribute) -> None:
    att = one(attribute("The bishop spoke about the victims of the flood."), "spoke about")
    assert att.content.text == "the victims of the flood"


def test_passive_with_agent_is_no_sourceless_hedge(attribute) -> None:
    atts = attribute("The envoy was urged by the council to leave the city.")
    assert not [a for a in atts if a.producer == "attribution.raising"]


def test_belief_inside_a_report_is_part_of_its_content(attribute) -> None:
    atts = attribute("The farmer said he believed the dam would hold.")
    assert [a.cue.text for a in atts if a.cue] == ["said"]


def test_modal_report_is_not_made(attribute) -> None:
    assert not attribute("The union would support a shorter week.")


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        ("The committee decided to postpone the hearing.", "decided", "The committee", "to postpone the hearing"),
        ("The rebels want to hold the border town.", "want", "The rebels", "to hold the border town"),
        ("The council plans to reopen the market in May.", "plans", "The council", "to reopen the market in May"),
        ("The ministry intends to appeal the ruling.", "intends", "The ministry", "to appeal the ruling"),
    ],
)
def test_intention_verb_with_infinitive(attribute, text: str, cue: str, source: str, content: str) -> None:
    att = one(attribute(text), cue)
    assert att.source.text == source and att.content.text == content


def test_voted_for_joins_the_preposition(attribute) -> None:
    att = one(attribute("Most delegates voted for the new charter."), "voted for")
    assert att.source.text == "Most delegates" and att.content.text == "the new charter"


def test_evidence_verb_with_object(attribute) -> None:
    att = one(attribute("The latest survey shows the mayor with a narrow lead."), "shows")
    assert att.source.text == "The latest survey"
    assert att.content.text.startswith("the mayor")


def test_interview_stays_outside_the_cue(attribute) -> None:
    att = one(attribute("The coach said in an interview that the team was ready."), "said")
    assert att.source.text == "The coach"


def test_decision_noun_with_infinitive(attribute) -> None:
    att = one(attribute("The board's decision to close the plant was criticised."), "decision")
    assert att.source.text == "The board"
    assert att.content.text == "to close the plant"
    assert att.producer == "attribution.noun.infinitive"


def test_noun_with_cue_preposition(attribute) -> None:
    att = one(attribute("Their call for a recount was ignored."), "call for")
    assert att.source.text == "Their" and att.content.text == "a recount"


def test_unowned_decision_is_no_report(attribute) -> None:
    assert not attribute("A decision to close the plant angered workers.")


def test_the_acronym_is_is_the_source_not_part_of_the_cue(attribute) -> None:
    att = one(attribute("IS claimed the bombing in a statement on Tuesday."), "claimed")
    assert att.source.text == "IS"


def test_a_real_auxiliary_is_stays_in_the_cue(attribute) -> None:
    att = one(attribute("The plan is opposed by the opposition."), "is opposed")
    assert att.source.text == "the opposition"
