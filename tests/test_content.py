"""Where article content ends: navigation menus, tag lists, bylines and author bios are cut off."""

from __future__ import annotations

import pytest

from counterclaim.nlp.components.content import content_end, furniture, is_menu_line

BODY = (
    "Militants attacked a police post on the outskirts of the city overnight, officials said.\n\n"
    "The interior ministry said the attackers fled towards the border after a two-hour gunfight."
)


def test_plain_article_is_all_content() -> None:
    assert content_end(BODY) == len(BODY)


def test_menu_of_group_names_is_cut() -> None:
    text = BODY + "\n\nTags: , , , ,\n\n\nHamas\n\n\n\nHezbollah\n\nAl-Qaeda in the Islamic Maghreb"
    assert content_end(text) == len(BODY)


def test_related_links_and_copyright_are_cut() -> None:
    text = (
        BODY + "\n\nRelated: Five things to know about the Sahel insurgency\n"
        "Read more: Why the border is so hard to police\n"
        "© 2024 Example Media Group. All rights reserved."
    )
    assert content_end(text) == len(BODY)


def test_closing_share_text_is_cut() -> None:
    assert content_end(BODY + "\n\nLink copied!") == len(BODY)


def test_closing_author_bio_is_cut() -> None:
    text = BODY + "\n\nMaria Lopez is a senior fellow at an institute for conflict studies in Madrid.\n\nShare this"
    assert content_end(text) == len(BODY)


def test_bio_in_middle_stays() -> None:
    text = "Maria Lopez is a senior fellow at an institute for conflict studies.\n\n" + BODY
    assert content_end(text) == len(text)


def test_headline_only_snippet_is_kept() -> None:
    assert content_end("Blast hits market in provincial capital") == len("Blast hits market in provincial capital")


def test_menu_line() -> None:
    assert is_menu_line("World news")
    assert not is_menu_line("Police said the attackers fled.")
    assert not is_menu_line(" ".join(["word"] * 20))


def test_component_sets_extension(pipeline) -> None:
    text = BODY + "\n\nMore from Africa\n\nSomalia\n\nKenya"
    doc = pipeline.make_doc(text)
    doc._.document_id = "test"
    doc = pipeline(doc)
    assert doc._.content_end == len(BODY)


# --- furniture between the paragraphs -------------------------------------------------------------------------

LEDE = "Gunmen stormed a hotel in the port city late on Friday, killing at least nine guests, police said."


def _furniture_lines(text: str) -> list[str]:
    return [text[start:end] for start, end in furniture(text)]


@pytest.mark.parametrize(
    "line",
    [
        "Rescuers carry a wounded guest out of the hotel on Saturday. Photo/AFP",
        "Smoke rises above the hotel after the assault. (AP Photo/Jane Roe)",
        "Relatives wait outside the morgue, where eleven bodies were taken. Photograph: Staff/Getty Images",
        "Soldiers patrol the seafront on Saturday. (Jane Roe/AFP via Getty Images)",
        "John Smith/Pool Photo via AP",
        "In this image taken from video, soldiers guard the hotel entrance on Saturday.",
        "AP Photo/John Smith",
        "Credit: Reuters",
        "By Amina Yusuf and Tom Baker",
        "By: Staff correspondent, Kismayo",
        "Posted by Desk on May 3, 2024 - 10:15 am",
        "Read more: How the port city became a target",
        "ALSO READ: Ten years of attacks on hotels in the region",
        "Share on Facebook | Share on X | WhatsApp | Email",
        "Leave a Comment",
        "Loading...",
        "We use cookies to improve your experience on our site.",
    ],
)
def test_furniture_lines_inside_the_content(line: str) -> None:
    text = f"Hotel siege ends\n\n{LEDE}\n\n{line}\n\n{BODY}"
    assert _furniture_lines(text) == [line]


def test_repeats_and_link_lists_are_furniture() -> None:
    text = (
        "Hotel siege ends after 20 hours\n\nHotel siege ends after 20 hours\n\n"
        f"{LEDE}\n\nRelated\n- Gunmen storm a beach restaurant in the capital\n- Who is behind the attacks?\n\n{BODY}"
    )
    assert _furniture_lines(text) == [
        "Hotel siege ends after 20 hours",
        "Related",
        "- Gunmen storm a beach restaurant in the capital",
        "- Who is behind the attacks?",
    ]
    assert furniture(text)[0][0] > text.index("Hotel siege")  # the first print of the headline is content


@pytest.mark.parametrize(
    ("text", "label"),
    [(f" date 2024-05-04 {LEDE}", " date 2024-05-04 "), (f"May 4: {LEDE}", "May 4: ")],
)
def test_a_date_glued_before_the_lead_is_furniture_the_lead_is_not(text: str, label: str) -> None:
    assert _furniture_lines(text) == [label.strip()]


@pytest.mark.parametrize(
    "line",
    [
        "A photo published by the group showed five men posing with rifles in front of a flag.",
        "Police said the attackers, who wore uniforms, arrived by car. Rescue workers spent the night at the site.",
        "The commander said by phone that the hotel was secure.",
        "Police released a photo: it shows the suspect.",
    ],
)
def test_content_lines_are_not_furniture(line: str) -> None:
    assert furniture(f"Hotel siege ends\n\n{LEDE}\n\n{line}\n\n{BODY}") == []


def test_furniture_yields_no_statement_actor_or_figure(pipeline) -> None:
    caption = "Relatives of the twelve dead wait outside the morgue, al-Shabaab claimed the attack. Photo/Reuters"
    text = (
        "Hotel siege ends\n\nBy Hassan Ali Nur\n\n"
        f"{LEDE}\n\n{caption}\n{caption}\n\nRead more: Al-Shabaab claims deadly bombing of army base\n\n{BODY}"
    )
    doc = pipeline.make_doc(text)
    doc._.document_id = "test"
    doc = pipeline(doc)
    furnished = [(start, end) for start, end in doc._.furniture]
    assert len(furnished) == 4
    assert not [m for m in doc._.actor_mentions if any(s <= m.span.start < e for s, e in furnished)]
    assert not doc._.statements
    assert doc._.event is not None and doc._.event.killed == 9


def test_a_last_line_cut_mid_sentence_is_content() -> None:
    text = (
        "A bomb killed 19 students in Kabul on Friday.\n\n"
        "The foreign minister of Qatar also condemned the attack in a st"
    )
    assert content_end(text) == len(text)


def test_a_menu_of_capitalised_names_after_the_article_is_not_content() -> None:
    text = "A bomb killed 19 students in Kabul on Friday.\n\nIslamic State Taliban Al Qaeda World Asia Pacific Europe"
    assert content_end(text) == text.index("\n\n")
