"""Sentence starts at line breaks (``cc_paragraphs``): page layout kept, hard-wrapped lines joined."""

from __future__ import annotations

from spacy.language import Language

#: A report whose lines are broken anywhere, as some scraped pages are; written for this test.
WRAPPED = (
    "Village raid in North Kivu\n"
    "Gunmen killed 19 people in an overnight raid on a village in eastern Congo, local officials said.\n"
    "The raid happened on Sunday in the village of Kalau, in the Beni area of North Kivu,\n"
    "said local activist Jean Mbusa, who put the toll at 20.\n"
    "Provincial lawmaker Didier\n"
    "Kakule, who visited the village, said several homes were burnt.\n"
    "The Islamic\n"
    "State group, which calls the ADF its central African province, claimed responsibility\n"
    "for the raid on Monday in a message on Telegram.\n"
    "A Congolese army\n"
    "spokesman said troops were pursuing the attackers.\n"
    "Residents said the gunmen\n"
    "arrived on foot after dark and\n"
    "left before dawn.\n"
    "The army said it had sent\n"
    "more troops to the\n"
    "area.\n"
)


def test_a_hard_wrapped_text_keeps_its_sentences_whole(pipeline: Language) -> None:
    doc = pipeline(WRAPPED)
    sentences = [s.text.replace("\n", " ").strip() for s in doc.sents]
    assert any(s.startswith("The Islamic State group, which calls") for s in sentences)
    assert any(s.startswith("Provincial lawmaker Didier Kakule") for s in sentences)
    assert ("Islamic State", "claim", "Islamic State") in {
        (s.speaker_name, s.stance, s.target_name) for s in doc._.statements
    }


def test_a_page_laid_out_in_paragraphs_keeps_its_headline_apart(pipeline: Language) -> None:
    doc = pipeline(
        "Islamic State claims Kalau raid\n"
        "Gunmen killed 19 people in a raid on a village in eastern Congo on Sunday, officials said.\n"
        "The Islamic State group claimed responsibility on Monday.\n"
    )
    assert next(doc.sents).text.strip() == "Islamic State claims Kalau raid"
