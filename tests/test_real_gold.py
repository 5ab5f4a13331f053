"""The real development set's gold (``tests/real``) follows its README and SCHEMA.md.

The texts are third-party and git-ignored, so only the gold is checked on a
fresh clone; where a text has been pulled, every statement's ``at`` offset must
fall inside it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from counterclaim.evalformat import EVENT_KEYS

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT / "tests" / "real"
SETS = [REAL / "dev", REAL / "test"]
EVAL_DIR = Path(os.environ.get("COUNTERCLAIM_EVAL_DIR", ROOT.parent / "shared" / "eval"))
STATEMENT_KEYS = {"speaker", "speaker_affiliation", "stance", "target", "date", "quote", "at"}
STANCES = {"claim", "accuse", "confirm", "deny", "condemn", "other"}
GOLD = [
    pytest.param(path, id=f"{path.parent.name}/{path.name.removesuffix('.gold.json')}")
    for folder in SETS
    for path in sorted(folder.glob("*.gold.json"))
]


def _date(value: object) -> bool:
    if value is None:
        return True
    try:
        dt.date.fromisoformat(str(value))
    except ValueError:
        return False
    return True


def _key(name: str) -> str:
    return " ".join(name.casefold().replace("\u2019", "'").split())


@pytest.fixture(scope="module")
def non_canonical() -> dict[str, str]:
    path = EVAL_DIR / "aliases.json"
    if not path.exists():
        pytest.skip(f"no aliases.json under {EVAL_DIR} (set COUNTERCLAIM_EVAL_DIR)")
    out: dict[str, str] = {}
    for head, *rest in json.loads(path.read_text(encoding="utf-8")):
        for alias in rest:
            if _key(alias) != _key(head):
                out.setdefault(_key(alias), head)
    return out


@pytest.mark.parametrize("path", GOLD)
def test_real_gold_shape(path: Path, non_canonical: dict[str, str]) -> None:
    gold = json.loads(path.read_text(encoding="utf-8"))
    assert gold["url"].startswith(("http://", "https://")) and gold["query"]
    event = gold["event"]
    assert set(event) - {"alternatives"} == set(EVENT_KEYS)
    assert _date(event["date"]) and _date(gold.get("published"))
    text_path = path.with_name(path.name.removesuffix(".gold.json") + ".txt")
    text = text_path.read_text(encoding="utf-8") if text_path.exists() else None
    names = [event["perpetrator_claimed"]]
    for statement in gold["statements"]:
        assert set(statement) == STATEMENT_KEYS, statement
        assert statement["quote"] is None, "no third-party words in committed gold"
        assert statement["stance"] in STANCES and statement["speaker"] and statement["speaker_affiliation"]
        assert _date(statement["date"])
        assert (statement["target"] is None) == (statement["stance"] == "condemn") or statement["stance"] == "other"
        if statement["stance"] == "claim":
            assert statement["target"] == statement["speaker_affiliation"], statement
        assert isinstance(statement["at"], int) and statement["at"] >= 0
        if text is not None:
            assert statement["at"] < len(text), statement
        names += [statement["target"], statement["speaker_affiliation"]]
    claimed = {s["target"] for s in gold["statements"] if s["stance"] == "claim"}
    assert (event["perpetrator_claimed"] is None) == (not claimed)
    assert {n: non_canonical[_key(n)] for n in names if n and _key(n) in non_canonical} == {}


@pytest.mark.parametrize("folder", SETS)
def test_real_clusters_cover_the_set(folder: Path) -> None:
    golds = sorted(p.name.removesuffix(".gold.json") for p in folder.glob("*.gold.json") if p.name != "clusters.json")
    if not golds:
        pytest.skip(f"{folder.name}: no gold yet")
    clusters = json.loads((folder / "clusters.json").read_text(encoding="utf-8"))
    assert sorted(clusters) == golds
