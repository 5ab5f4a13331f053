"""The ``cc_actors`` component on the real spaCy model (run by hand so the shared model stays unchanged)."""

from __future__ import annotations

import pytest

from counterclaim.nlp.components.actors import ActorLinker


@pytest.fixture(scope="session")
def link(nlp):
    linker = ActorLinker(nlp, "cc_actors", [])
    return lambda text: linker(nlp(text))._.actor_mentions


def _by_text(mentions):
    return {m.span.text: m for m in mentions}


def test_aliases_are_linked_with_offsets(link):
    text = "Daesh said its fighters struck, and Kenyan police blamed al-Shabaab instead."
    mentions = _by_text(link(text))
    assert mentions["Daesh"].actor_id == "islamic-state"
    assert mentions["Daesh"].producer == "actors.alias"
    assert mentions["al-Shabaab"].actor_id == "al-shabaab"
    assert mentions["Kenyan"].actor_id == "kenya"
    assert mentions["Kenyan"].producer == "actors.demonym"
    for m in mentions.values():
        assert text[m.span.start : m.span.end] == m.span.text


def test_person_with_role_and_titles(link):
    text = "IRGC Quds Force Commander Brig. Gen. Karim Doe told reporters that the Zionist regime was to blame."
    mentions = _by_text(link(text))
    person = mentions["Karim Doe"]
    assert person.role == "IRGC Quds Force Commander"
    assert person.affiliation_id == "irgc-quds-force"
    assert person.actor_id is None and person.producer == "actors.role"
    assert mentions["IRGC Quds Force"].actor_id == "irgc-quds-force"
    assert mentions["Zionist regime"].actor_id == "israel"


def test_known_person_keeps_kb_link_and_gets_role(link):
    mentions = _by_text(link("Iranian Interior Minister Ahmad Vahidi announced new border measures on Monday."))
    vahidi = mentions["Ahmad Vahidi"]
    assert vahidi.actor_id == "ahmad-vahidi"
    assert vahidi.role == "Iranian Interior Minister"
    assert vahidi.affiliation_id == "iran"


def test_appositive_role(link):
    mentions = _by_text(link("Amos Example, a senior lawmaker, said the group was responsible."))
    assert mentions["Amos Example"].role == "senior lawmaker"


def test_unknown_entities_are_kept_unlinked(link):
    mentions = link("Officials at the Zorbania Relief Committee met Professor Ingrid Halvorsen in Oslo.")
    unlinked = [m for m in mentions if m.actor_id is None]
    assert unlinked and all(m.producer in ("actors.ner", "actors.role") for m in unlinked)


def test_english_is_is_not_the_islamic_state(link):
    mentions = link("The ISLAND ferry is late, and it is raining.")
    assert all(m.actor_id != "islamic-state" for m in mentions)


def test_factory_takes_extra_kb(tmp_path):
    import spacy

    extra = tmp_path / "extra.yaml"
    extra.write_text(
        "version: 1\nactors:\n  - {id: test-front, name: Test Front, kind: militant_group, aliases: [Zeta Cell]}\n",
        encoding="utf-8",
    )
    blank = spacy.blank("en")
    blank.add_pipe("cc_actors", config={"extra_kb": [str(extra)]})
    mentions = blank("The Zeta Cell claimed it.")._.actor_mentions
    assert [(m.span.text, m.actor_id) for m in mentions] == [("Zeta Cell", "test-front")]
