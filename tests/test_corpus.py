"""The gold corpora under ``tests/corpus`` follow ``shared/eval/SCHEMA.md``.

The extractor is judged against these files, so a malformed or inconsistent
gold record would silently skew every score: these checks catch a missing key,
a stance outside the scheme, a quote that is not in the article, a name that
is not canonical, or a multi-document article missing from the clusters.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from counterclaim.evalformat import EVENT_KEYS
from goldcheck import is_date, name_key

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpus"
SINGLE = CORPUS / "single"
MULTI = CORPUS / "multi"
#: Single-article gold folders and the article lengths (words) each was written to:
#: short pieces for development, longer web-like ones for a second development
#: set and for the set written after development and never tuned on.
GOLD_FOLDERS = {
    SINGLE: (150, 400),
    CORPUS / "dev2": (300, 700),
    CORPUS / "heldout": (300, 700),
    CORPUS / "heldout2": (350, 650),
    CORPUS / "heldout3": (350, 650),
    CORPUS / "heldout4": (350, 650),
}
EXAMPLES = ROOT / "examples"

STATEMENT_KEYS = {"speaker", "speaker_affiliation", "stance", "target", "date", "quote"}
STANCES = {"claim", "accuse", "confirm", "deny", "condemn", "other"}
#: GTD attack-type words the scorer classifies (``shared/eval/score.py``); gold uses one of these stems.
ATTACK_WORDS = ("bomb", "explosi", "blast", "suicide", "armed", "assault", "hostage", "kidnap", "hijack", "assassinat")

SINGLE_NAMES = sorted(p.stem for p in SINGLE.glob("*.txt"))
MULTI_NAMES = sorted(p.stem for p in MULTI.glob("*.txt"))
#: Every single-article gold record as (folder, name).
GOLD = [
    pytest.param(folder, p.stem, id=f"{folder.name}/{p.stem}")
    for folder in GOLD_FOLDERS
    for p in sorted(folder.glob("*.txt"))
]


def _gold(folder: Path, name: str) -> dict:
    return json.loads((folder / f"{name}.gold.json").read_text(encoding="utf-8"))


def _head(path: Path) -> str:
    """The lines where a headline, dateline or date line stands (a press release's letterhead comes first)."""
    return "\n".join(path.read_text(encoding="utf-8").splitlines()[:10])


def test_corpus_sizes() -> None:
    assert len(SINGLE_NAMES) >= 12
    assert len(MULTI_NAMES) >= 14


@pytest.mark.parametrize(("folder", "words"), [*GOLD_FOLDERS.items(), (MULTI, GOLD_FOLDERS[SINGLE])])
def test_article_lengths(folder: Path, words: tuple[int, int]) -> None:
    lengths = {p.stem: len(p.read_text(encoding="utf-8").split()) for p in folder.glob("*.txt")}
    assert {name: n for name, n in lengths.items() if not words[0] <= n <= words[1]} == {}


@pytest.mark.parametrize("folder", GOLD_FOLDERS)
def test_every_article_has_gold_and_back(folder: Path) -> None:
    golds = sorted(p.name.removesuffix(".gold.json") for p in folder.glob("*.gold.json"))
    assert golds == sorted(p.stem for p in folder.glob("*.txt"))


@pytest.mark.parametrize(("folder", "name"), GOLD)
def test_gold_event(folder: Path, name: str) -> None:
    gold = _gold(folder, name)
    assert is_date(gold.get("published"))
    if gold["published"]:
        assert gold["published"][:4] in _head(folder / f"{name}.txt"), "the text must give the publication year"
    event = gold["event"]
    assert set(event) - {"alternatives"} == set(EVENT_KEYS)
    assert is_date(event["date"])
    for key in ("killed", "injured"):
        assert event[key] is None or (isinstance(event[key], int) and event[key] >= 0)
    if event["attack_type"] is not None:
        assert any(word in event["attack_type"] for word in ATTACK_WORDS), event["attack_type"]
    for key, values in (event.get("alternatives") or {}).items():
        assert key in EVENT_KEYS and isinstance(values, list) and values


@pytest.mark.parametrize(("folder", "name"), GOLD)
def test_gold_statements(folder: Path, name: str) -> None:
    text = (folder / f"{name}.txt").read_text(encoding="utf-8")
    for statement in _gold(folder, name)["statements"]:
        assert set(statement) == STATEMENT_KEYS, statement
        assert statement["stance"] in STANCES
        assert statement["speaker"] and statement["speaker_affiliation"]
        assert statement["quote"] and statement["quote"] in text, statement["quote"]
        assert is_date(statement["date"])
        if statement["stance"] == "condemn":
            assert statement["target"] is None
        elif statement["stance"] != "other":
            assert statement["target"], statement
        if statement["stance"] == "claim":
            assert statement["target"] == statement["speaker_affiliation"], statement


@pytest.mark.parametrize(("folder", "name"), GOLD)
def test_gold_names_are_canonical(folder: Path, name: str, non_canonical: dict[str, str]) -> None:
    gold = _gold(folder, name)
    names = [gold["event"]["perpetrator_claimed"], *gold.get("groups_involved", [])]
    for statement in gold["statements"]:
        names += [statement["target"], statement["speaker_affiliation"]]
    wrong = {n: non_canonical[name_key(n)] for n in names if n and name_key(n) in non_canonical}
    assert wrong == {}


@pytest.mark.parametrize("folder", GOLD_FOLDERS)
def test_claims_agree_with_event(folder: Path) -> None:
    """An article whose gold has a claim names a claimed perpetrator, and one without a claim names none."""
    for name in sorted(p.stem for p in folder.glob("*.txt")):
        gold = _gold(folder, name)
        claimed = {s["target"] for s in gold["statements"] if s["stance"] == "claim"}
        perpetrator = gold["event"]["perpetrator_claimed"]
        alternatives = (gold["event"].get("alternatives") or {}).get("perpetrator_claimed", [])
        assert (perpetrator is None) == (not claimed), name
        assert perpetrator is None or claimed & {perpetrator, *alternatives}, name


def test_clusters_cover_the_multi_corpus() -> None:
    clusters = json.loads((MULTI / "clusters.gold.json").read_text(encoding="utf-8"))
    assert sorted(clusters) == MULTI_NAMES
    assert len(set(clusters.values())) >= 5


@pytest.mark.parametrize("name", MULTI_NAMES)
def test_multi_articles_carry_their_date(name: str) -> None:
    assert re.search(r"\b20\d\d\b", _head(MULTI / f"{name}.txt")), name


def test_examples() -> None:
    assert (EXAMPLES / "kerman_reactions.txt").exists()
    assert list(EXAMPLES.glob("*.html"))
    rows = [json.loads(line) for path in EXAMPLES.glob("*.jsonl") for line in path.read_text("utf-8").splitlines()]
    assert len(rows) >= 2
    for row in rows:
        assert {"title", "url", "published", "outlet", "text"} <= set(row)
        assert is_date(row["published"])
