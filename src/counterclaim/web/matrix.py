"""The attribution matrix as a table: one row per bloc, one column per party blamed, a cell per pair.

The report lists the matrix as cells (``NarrativeReport.matrix``, bloc →
party, with counts, stances, speakers and evidence); a table reads faster
when several blocs blame several parties, so the cells are laid out here,
rows in the report's bloc order, columns by how often each party is named.
"""

from __future__ import annotations

from dataclasses import dataclass

from counterclaim.report.narrative import MatrixCell, NarrativeReport


@dataclass(frozen=True)
class MatrixRow:
    bloc: str
    group: str
    cells: list[MatrixCell | None]


@dataclass(frozen=True)
class MatrixTable:
    parties: list[str]
    rows: list[MatrixRow]


def matrix_table(report: NarrativeReport) -> MatrixTable:
    """The report's matrix cells pivoted into bloc rows and party columns."""
    totals: dict[str, int] = {}
    for cell in report.matrix:
        totals[cell.party] = totals.get(cell.party, 0) + cell.count
    parties = sorted(totals, key=lambda p: (-totals[p], p))
    rows: dict[str, MatrixRow] = {}
    for cell in report.matrix:
        row = rows.setdefault(cell.bloc, MatrixRow(cell.bloc, cell.group, [None] * len(parties)))
        row.cells[parties.index(cell.party)] = cell
    return MatrixTable(parties, list(rows.values()))
