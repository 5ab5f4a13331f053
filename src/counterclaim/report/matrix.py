"""The attribution matrix: which bloc blamed which party, how often and from when, as a table.

Rows are blocs (the claimant, the attacked state's officials and media,
foreign states' officials and media, other speakers), columns the parties
blamed: those that claimed or were confirmed first, then the others by how
often they were blamed. A cell counts statements (the same act reported by
several outlets once).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from counterclaim.events.actors import ActorNames
from counterclaim.events.merge_statements import MergedStatement
from counterclaim.lexicons import load_lexicon
from counterclaim.report.models import AttributionMatrix, MatrixCell, MatrixRow, SpeakerRef


def build_matrix(
    blames: Iterable[tuple[SpeakerRef, str, MergedStatement]], responsible: Callable[[str], bool], names: ActorNames
) -> AttributionMatrix:
    """The table of ``blames`` (speaker, party blamed, statement); ``responsible`` tells claimed/confirmed parties."""
    cells: dict[tuple[str, str], list[tuple[SpeakerRef, str, MergedStatement]]] = {}
    for speaker, party, merged in blames:
        cells.setdefault((speaker.bloc, names.key(party)), []).append((speaker, party, merged))
    built = {key: _cell(items) for key, items in cells.items()}
    totals: dict[str, int] = {}
    shown: dict[str, str] = {}
    for (_, party_key), cell in built.items():
        totals[party_key] = totals.get(party_key, 0) + cell.count
        shown.setdefault(party_key, cell.party)
    parties = sorted(totals, key=lambda k: (not responsible(shown[k]), -totals[k], shown[k].casefold()))
    order = list(load_lexicon("narrative")["bloc_groups"])
    blocs = sorted(
        {(cell.group, bloc) for (bloc, _), cell in built.items()},
        key=lambda gb: (order.index(gb[0]), -sum(c.count for (b, _), c in built.items() if b == gb[1]), gb[1]),
    )
    return AttributionMatrix(
        parties=[shown[k] for k in parties],
        responsible=[responsible(shown[k]) for k in parties],
        rows=[
            MatrixRow(bloc=bloc, group=group, cells=[built.get((bloc, k)) for k in parties]) for group, bloc in blocs
        ],
    )


def _cell(items: list[tuple[SpeakerRef, str, MergedStatement]]) -> MatrixCell:
    dates = [m.statement.date for _, _, m in items if m.statement.date]
    reported = [m.first_reported for _, _, m in items if m.first_reported]
    return MatrixCell(
        bloc=items[0][0].bloc,
        group=items[0][0].group,
        party=items[0][1],
        count=len(items),
        stances=sorted({m.statement.stance for _, _, m in items}),
        speakers=list(dict.fromkeys(s.name for s, _, _ in items)),
        first_date=min(dates) if dates else None,
        last_date=max(dates) if dates else None,
        first_reported=min(reported) if reported else None,
        evidence=[e for _, _, m in items for e in m.evidence],
    )
