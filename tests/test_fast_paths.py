"""The fast paths of our components answer exactly as the plain, slower reading would.

Each test states the slow reading in the test itself (a regex run over the
whole string, a Token per token) and checks the fast one against it on
sentences written for the purpose.
"""

from __future__ import annotations

from spacy.language import Language

from counterclaim.kb.normalise import fold, normalise_name
from counterclaim.nlp import dates
from counterclaim.nlp.attack.casualties import _number_run
from counterclaim.nlp.doctext import token_texts
from counterclaim.nlp.gazetteer import find_city

DATE_SENTENCES = [
    "On Tuesday, the 4th of March 2021, gunmen stormed the hotel; two days later the army said it was over.",
    "The raid came three weeks after the bombing, and a day before the vote (12/05/2024).",
    "Officials met on 2024-05-12 and again the following day; a few days ago they met the same day of the attack.",
    "Last night and this morning, residents said; Jan. 9 and SEPT 30 and May may appear.",
    "the day before yesterday twenty-five days ago thousands of people",
    "Friday's attack came the next day",
    "x2024-01-01 and 3rd May, half a dozen days later",
    "",
]


def test_date_scan_finds_what_the_full_pattern_finds() -> None:
    for text in DATE_SENTENCES:
        expected = [(m.span(), m.groupdict()) for m in dates._pattern().finditer(text)]
        assert [(m.span(), m.groupdict()) for m in dates._scan(text)] == expected, text


def test_date_scan_within_a_longer_text_keeps_offsets() -> None:
    text = " ".join(DATE_SENTENCES)
    spans = [m.span() for m in dates._scan(text)]
    assert spans == [m.span() for m in dates._pattern().finditer(text)]
    assert spans  # the sentences do hold dates


def test_fold_of_plain_and_special_characters() -> None:
    assert fold("Al-Shabaab's  fighters") == (
        "al shabaab s fighters",
        [0, 1, 2, *range(3, 10), 10, 11, 12, *range(14, 22)],
    )
    assert fold("U.S. Qa’ani") == ("us qaani", [0, 2, 4, 5, 6, 8, 9, 10])
    assert fold("Ümit —  Straße")[0] == "umit straße".replace("ß", "ss")
    assert fold(" . leading") == ("leading", list(range(3, 10)))
    assert fold("") == ("", [])


def test_fold_index_points_at_the_source_characters() -> None:
    text = "The ISIS-K cell / \u201cIslamic\u00a0State\u201d (Khorasan) claimed it."
    folded, index = fold(text)
    assert len(folded) == len(index)
    for char, source in zip(folded, index, strict=True):
        assert char == " " or char in fold(text[source])[0]


def test_normalise_name_uses_the_fast_fold() -> None:
    assert normalise_name("the Islamic State's") == "islamic state"
    assert normalise_name("AL-QAEDA") == "al qaeda"


def test_token_texts_are_the_tokens_texts(nlp: Language) -> None:
    doc = nlp("Brig. Gen. Ali Reza said:\n\n  \u201cWe will respond,\u201d he added.")
    assert token_texts(doc) == [t.text for t in doc]
    assert token_texts(nlp("")) == []


def test_number_runs_over_words_hyphens_and_vague_counts(nlp: Language) -> None:
    doc = nlp("Twenty-three people died and a dozen were hurt; 1,200 fled, while two hundred stayed.")
    runs = {doc[start:end].text for i in range(len(doc)) if (run := _number_run(doc, i)) for start, end in [run]}
    assert {"Twenty-three", "a dozen", "1,200", "two hundred"} <= runs


def test_gazetteer_city_fields() -> None:
    city = find_city("Mogadishu")
    assert city is not None and city.country == "Somalia" and city.population > 100_000
    assert city.name == "Mogadishu"
