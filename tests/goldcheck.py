"""What every gold file's checks share: date values, and the canonical names of ``shared/eval/aliases.json``.

Imported by ``tests/test_corpus.py`` (our own corpora) and ``tests/test_real_gold.py``
(the real set), which check different shapes of gold against the same conventions.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: Where the evaluation kit lives (the Makefile's EVAL): its aliases.json names the canonical forms.
EVAL_DIR = Path(os.environ.get("COUNTERCLAIM_EVAL_DIR", ROOT.parent / "shared" / "eval"))


def is_date(value: object) -> bool:
    """Whether ``value`` is null or an ISO calendar date."""
    if value is None:
        return True
    try:
        dt.date.fromisoformat(str(value))
    except ValueError:
        return False
    return True


def name_key(name: str) -> str:
    """A name folded for comparison: case, curly apostrophes and spacing ignored."""
    return " ".join(name.casefold().replace("\u2019", "'").split())


def non_canonical_names() -> dict[str, str] | None:
    """Each alias that is not the first name of its group -> that first (canonical) name; None without aliases.json."""
    path = EVAL_DIR / "aliases.json"
    if not path.exists():
        return None
    out: dict[str, str] = {}
    for head, *rest in json.loads(path.read_text(encoding="utf-8")):
        for alias in rest:
            if name_key(alias) != name_key(head):
                out.setdefault(name_key(alias), head)
    return out
