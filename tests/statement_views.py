"""How the statement tests look at what the pipeline found: one view, shared by every statement test file."""

from __future__ import annotations

from counterclaim.records import Statement


def triples(found: list[Statement]) -> set[tuple[str, str, str | None]]:
    """(speaker, stance, target) of each statement: what a strict match compares."""
    return {(s.speaker_name, s.stance, s.target_name) for s in found}
