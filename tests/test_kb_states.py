"""Bodies of different states that share a name: one actor each, told apart by the state the text names.

Many states call their intelligence or police bodies by the same words
("Criminal Investigation Department", "National Intelligence Service",
"State Security Service"). The knowledge base keeps each state's body apart
and links a shared name only where the mention or the article says whose it is.
"""

from __future__ import annotations

from collections import Counter

import pytest

from counterclaim.kb import get_kb
from counterclaim.kb.loader import BUNDLED_FILES, read_yaml


@pytest.fixture(scope="module")
def kb():
    return get_kb()


def test_no_bundled_file_gives_one_id_to_two_actors() -> None:
    for file in BUNDLED_FILES:
        ids = Counter(actor["id"] for actor in read_yaml(None, bundled=file).get("actors") or [])
        assert [i for i, n in ids.items() if n > 1] == [], file


def test_every_generated_agency_keeps_its_own_state(kb) -> None:
    """A bulk-listed agency merged with a curated actor of another state would speak for the wrong country."""
    for actor in read_yaml(None, bundled="misp_agencies.yaml")["actors"]:
        if actor.get("country"):
            assert kb.entry(actor["id"]).country == actor["country"], actor["id"]
