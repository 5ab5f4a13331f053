"""Where article content ends: navigation menus, tag lists, bylines and author bios are cut off."""

from __future__ import annotations

from counterclaim.nlp.components.content import content_end, is_menu_line

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
