"""The per-doc caches that keep our components cheap answer exactly as the uncached code would."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language
from spacy.tokens import Doc

from counterclaim.kb import get_kb
from counterclaim.nlp.dates import dates_in_text, find_dates
from counterclaim.nlp.doctext import doc_text


def test_find_dates_memo_keys_on_the_reference_days(nlp: Language) -> None:
    doc = nlp("The convoy was hit on Monday. Two days later the militia said it was behind the ambush.")
    second = list(doc.sents)[1]
    assert find_dates(second) == [(second.start_char + 0, second.start_char + 14, None, "event_relative")]
    later = find_dates(second, event_date=dt.date(2021, 3, 1))
    assert later[0][2] == dt.date(2021, 3, 3)
    first = find_dates(doc, anchor=dt.date(2021, 3, 4))
    assert first[0][2] == dt.date(2021, 3, 1)
    first.clear()  # callers get a copy: the cached hits stay intact
    assert find_dates(doc, anchor=dt.date(2021, 3, 4))[0][2] == dt.date(2021, 3, 1)


def test_find_dates_on_a_doc_matches_the_string_form(nlp: Language) -> None:
    doc = nlp("Talks resumed on 4 June 2019 in the capital. On June 9, the envoy left.")
    assert find_dates(doc) == dates_in_text(doc_text(doc), default_year=2019)


def test_fuzzy_memo_gives_the_same_actor() -> None:
    kb = get_kb(())
    first = kb.fuzzy("Islamic Stat")
    assert kb.fuzzy("Islamic Stat") is first
    assert kb.fuzzy("zzzz unknown name") is None


SERIALISED = (
    "NAIROBI, March 4 (Reuters) - Al-Shabaab claimed responsibility for the bombing that killed 9 people at a "
    "market in Mogadishu on Sunday. The government blamed the group's commanders."
)


def test_filled_docs_serialise_and_read_back_the_same(pipeline: Language) -> None:
    doc = pipeline(SERIALISED)
    assert doc._.statements and doc._.event is not None
    back = Doc(pipeline.vocab).from_bytes(doc.to_bytes())
    for name in ("statements", "attributions", "actor_mentions", "event", "event_mentions", "dateline"):
        assert getattr(back._, name) == getattr(doc._, name), name
    assert doc_text(back) == doc.text  # the memos are not written; a doc read back rebuilds them


def test_spacy_multiprocessing_gives_the_serial_records(pipeline: Language) -> None:
    texts = [SERIALISED, SERIALISED.replace("9 people", "11 people")]
    serial = [(d._.statements, d._.event) for d in pipeline.pipe(texts)]
    parallel = [(d._.statements, d._.event) for d in pipeline.pipe(texts, n_process=2, batch_size=1)]
    assert parallel == serial
