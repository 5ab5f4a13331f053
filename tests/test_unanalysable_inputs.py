"""Inputs that are not English news (issue 20, item 6), end to end on a real SQLite store.

A page of navigation only is no article: it is reported and nothing is
stored. An article in French or Arabic is kept as a document with a note that
only English is analysed, and gives no statements and no event. A publication
date that is no date is warned about, naming its input. ``events`` on a store
whose documents are not grouped yet does not call the store empty. The
foreign-language texts are our own wording.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from counterclaim.ingest.language import detect
from counterclaim.records import ArticleRecord, Document, document_id
from counterclaim.store import Store

COUNTERCLAIM = str(Path(sys.executable).with_name("counterclaim"))
CORPUS = Path(__file__).parent / "corpus"

FRENCH = (
    "Une voiture piégée a explosé lundi matin près du marché central de la ville, faisant au moins douze morts "
    "selon la police. Aucun groupe n'a revendiqué l'attaque pour le moment, mais les autorités soupçonnent un "
    "mouvement armé actif dans la région depuis plusieurs années."
)
ARABIC = (
    "انفجرت سيارة مفخخة صباح الاثنين قرب السوق المركزي في المدينة، ما أسفر عن مقتل اثني عشر شخصا على الأقل "
    "بحسب الشرطة. ولم تعلن أي جماعة مسؤوليتها عن الهجوم حتى الآن، لكن السلطات تشتبه في حركة مسلحة تنشط في "
    "المنطقة منذ سنوات."
)
ENGLISH = (
    "A car bomb killed 12 people near the central market in Kidal on Monday, police said. "
    "The Islamic State claimed responsibility for the attack on its Amaq news agency."
)
NAVIGATION = """<!doctype html><html><head><title>The Valley Courier</title></head><body>
<header><a href="/">The Valley Courier</a></header>
<nav><ul><li><a href="/world">World</a></li><li><a href="/region">Region</a></li>
<li><a href="/opinion">Opinion</a></li><li><a href="/contact">Contact us</a></li></ul></nav>
<div class="account"><a href="/login">Log in</a> | <a href="/subscribe">Subscribe</a></div>
<footer>© 2025 The Valley Courier</footer></body></html>"""


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([COUNTERCLAIM, *args], capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def analysed(tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess, Path]:
    folder = tmp_path_factory.mktemp("inputs")
    lines = [
        {"name": "gazette-fr", "text": FRENCH, "published": "2025-03-03"},
        {"name": "wire-ar", "text": ARABIC},
        {"name": "wire-en", "text": ENGLISH, "published": "the Monday after"},
        {"name": "wire-en-2", "text": ENGLISH + " Officials said the toll may rise.", "published": "2025-13-45"},
    ]
    (folder / "feed.jsonl").write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n")
    (folder / "index.html").write_text(NAVIGATION, encoding="utf-8")
    db = folder / "store.db"
    return run("analyze", str(folder / "feed.jsonl"), str(folder / "index.html"), "--db", str(db), "--no-report"), db


def test_a_page_of_navigation_only_is_reported_and_not_stored(analysed) -> None:
    result, db = analysed
    assert result.returncode == 1
    assert "failed: " in result.stderr and "index.html: no article text" in result.stderr
    with sqlite3.connect(db) as conn:
        names = {name for (name,) in conn.execute("SELECT name FROM documents")}
    assert names == {"gazette-fr", "wire-ar", "wire-en", "wire-en-2"}


def test_foreign_articles_are_kept_with_a_note_and_no_findings(analysed) -> None:
    result, db = analysed
    assert "note: gazette-fr: not analysed: the text is in French (fr); counterclaim analyses English only" in (
        result.stderr
    )
    assert "note: wire-ar: not analysed: the text is in Arabic (ar)" in result.stderr
    with Store(str(db), create=False) as store:
        records = {r.document.name: r for r in store.iter_records()}
        grouped = {name for summary in store.event_summaries() for name in summary.document_names}
    assert (records["gazette-fr"].document.language, records["wire-ar"].document.language) == ("fr", "ar")
    for name in ("gazette-fr", "wire-ar"):
        assert records[name].event is None and records[name].statements == [] and records[name].mentions == []
    assert records["wire-en"].statements, "English is analysed as before"
    assert grouped == {"wire-en", "wire-en-2"}, "foreign documents join no event"
    listing = run("events", "--db", str(db))
    assert "2 documents not in English" in listing.stderr and "in no event: run" not in listing.stderr


def test_a_publication_date_that_is_no_date_is_warned_about_per_input(analysed) -> None:
    result, _ = analysed
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 2, warnings
    assert warnings[0].endswith("feed.jsonl:3: published 'the Monday after' is not a date; ignored")
    assert warnings[1].endswith("feed.jsonl:4: published '2025-13-45' is not a date; ignored")


def test_events_does_not_call_a_store_with_ungrouped_documents_empty(tmp_path: Path) -> None:
    db = str(tmp_path / "store.db")
    with Store(db) as store:  # stored, never grouped: as a run killed between the two leaves them
        for n in range(3):
            text = f"{ENGLISH} Report {n}."
            store.save(ArticleRecord(document=Document(id=document_id(text), name=f"d{n}", text=text, raw_hash="0")))
    result = run("events", "--db", db)
    assert result.returncode == 0
    assert "Nothing stored yet" not in result.stdout
    assert "No events yet: 3 documents stored" in result.stdout
    assert "3 documents in no event: run `counterclaim event recluster`" in result.stderr


def test_language_detection_keeps_every_english_corpus_text_english() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*/*.txt"))]
    assert len(texts) > 50
    assert {detect(text).code for text in texts} == {"en"}
    assert detect("Bomb kills 14 in Kabul").code == "en"  # too short to call anything else
    assert (detect(FRENCH).code, detect(ARABIC).code) == ("fr", "ar")
