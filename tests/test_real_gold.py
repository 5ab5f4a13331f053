"""The real development set's gold (``tests/real``) follows its README and SCHEMA.md.

The texts are third-party and git-ignored, so only the gold is checked on a
fresh clone; where a text has been pulled, every statement's ``at`` offset must
fall inside it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from counterclaim.evalformat import EVENT_KEYS
from goldcheck import is_date, name_key

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT / "tests" / "real"
SETS = [REAL / "dev", REAL / "test"]
STATEMENT_KEYS = {"speaker", "speaker_affiliation", "stance", "target", "date", "quote", "at"}
STANCES = {"claim", "accuse", "confirm", "deny", "condemn", "other"}
GOLD = [
    pytest.param(path, id=f"{path.parent.name}/{path.name.removesuffix('.gold.json')}")
    for folder in SETS
    for path in sorted(folder.glob("*.gold.json"))
]


@pytest.mark.parametrize("path", GOLD)
def test_real_gold_shape(path: Path, non_canonical: dict[str, str]) -> None:
    gold = json.loads(path.read_text(encoding="utf-8"))
    assert gold["url"].startswith(("http://", "https://")) and gold["query"]
    event = gold["event"]
    assert set(event) - {"alternatives"} == set(EVENT_KEYS)
    assert is_date(event["date"]) and is_date(gold.get("published"))
    text_path = path.with_name(path.name.removesuffix(".gold.json") + ".txt")
    text = text_path.read_text(encoding="utf-8") if text_path.exists() else None
    names = [event["perpetrator_claimed"]]
    for statement in gold["statements"]:
        assert set(statement) == STATEMENT_KEYS, statement
        assert statement["quote"] is None, "no third-party words in committed gold"
        assert statement["stance"] in STANCES and statement["speaker"] and statement["speaker_affiliation"]
        assert is_date(statement["date"])
        assert (statement["target"] is None) == (statement["stance"] == "condemn") or statement["stance"] == "other"
        if statement["stance"] == "claim":
            assert statement["target"] == statement["speaker_affiliation"], statement
        assert isinstance(statement["at"], int) and statement["at"] >= 0
        if text is not None:
            assert statement["at"] < len(text), statement
        names += [statement["target"], statement["speaker_affiliation"]]
    claimed = {s["target"] for s in gold["statements"] if s["stance"] == "claim"}
    assert (event["perpetrator_claimed"] is None) == (not claimed)
    assert {n: non_canonical[name_key(n)] for n in names if n and name_key(n) in non_canonical} == {}


@pytest.mark.parametrize("folder", SETS)
def test_real_clusters_cover_the_set(folder: Path) -> None:
    golds = sorted(p.name.removesuffix(".gold.json") for p in folder.glob("*.gold.json") if p.name != "clusters.json")
    if not golds:
        pytest.skip(f"{folder.name}: no gold yet")
    clusters = json.loads((folder / "clusters.json").read_text(encoding="utf-8"))
    assert sorted(clusters) == golds
