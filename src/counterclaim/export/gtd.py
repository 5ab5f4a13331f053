"""A GTD-style event table: one row per event, with the Global Terrorism Database's column names and codes.

Where a counterclaim fact matches a GTD field the column has GTD's name and
GTD's coding (``data/gtd.yaml``), so a workflow written for the GTD reads the
table unchanged: unknown month or day is 0, ``claimed`` is 1, 0 or -9,
``suicide`` 1 or 0, attack and weapon types are GTD's numbers and names,
``gname`` uses GTD's spelling where the knowledge base maps the group. Columns
GTD does not have start with ``cc_``. docs/exports.md lists the mapping.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Iterator
from typing import Any

from counterclaim.events.actors import ActorNames
from counterclaim.export.codes import load_data, statement_codes
from counterclaim.export.facts import EventFacts, event_facts
from counterclaim.export.ids import statement_id
from counterclaim.export.source import ExportUnit
from counterclaim.export.stream import csv_chunks
from counterclaim.report.narrative import PartyLine

COLUMNS = (
    "eventid",
    "iyear",
    "imonth",
    "iday",
    "country_txt",
    "provstate",
    "city",
    "latitude",
    "longitude",
    "location",
    "summary",
    "suicide",
    "attacktype1",
    "attacktype1_txt",
    "weaptype1",
    "weaptype1_txt",
    "gname",
    "guncertain1",
    "gname2",
    "guncertain2",
    "gname3",
    "guncertain3",
    "claimed",
    "claimmode",
    "claimmode_txt",
    "nkill",
    "nwound",
    "scite1",
    "scite2",
    "scite3",
    "dbsource",
    "cc_event_id",
    "cc_label",
    "cc_attack_type_text",
    "cc_weapon",
    "cc_nkill_source",
    "cc_nwound_source",
    "cc_claimed_by",
    "cc_confirmed",
    "cc_accused",
    "cc_consensus",
    "cc_cameo",
    "cc_documents",
)

#: GTD's three perpetrator slots.
GROUP_SLOTS = 3


def gtd_chunks(units: Iterable[ExportUnit]) -> Iterator[bytes]:
    """The event table as CSV bytes."""
    return csv_chunks(COLUMNS, gtd_rows(units))


def gtd_rows(units: Iterable[ExportUnit]) -> Iterator[dict[str, Any]]:
    """One GTD-style row per event (and per document in no event)."""
    taken: set[int] = set()
    for unit in units:
        yield gtd_row(unit, taken)


def gtd_row(unit: ExportUnit, taken: set[int] | None = None) -> dict[str, Any]:
    """The row of one event; ``taken`` holds the numeric ids already given, so none repeats in one table."""
    gtd = load_data("gtd")
    facts = event_facts(unit)
    date = facts.date
    attack = _attack_type(facts, gtd)
    weapon = gtd["weapon_type_by_weapon"].get(facts.weapon, 13) if facts.weapon else 13
    groups, uncertain = _perpetrators(facts, unit.names, gtd)
    claimed = 1 if facts.claimed_by else (0 if any(r.event for r in unit.records) else -9)
    mode = _claim_mode(facts.claimed_by, gtd) if claimed == 1 else None
    documents = unit.records
    row: dict[str, Any] = {
        "eventid": _numeric_id(unit.id, date.strftime("%Y%m%d") if date else "00000000", taken),
        "iyear": date.year if date else None,
        "imonth": date.month if date else 0,
        "iday": date.day if date else 0,
        "country_txt": facts.country,
        "provstate": facts.region,
        "city": facts.city,
        "latitude": facts.latitude,
        "longitude": facts.longitude,
        "location": facts.landmark,
        "summary": _summary(facts, unit),
        "suicide": int(facts.suicide),
        "attacktype1": attack,
        "attacktype1_txt": gtd["attack_types"][attack],
        "weaptype1": weapon,
        "weaptype1_txt": gtd["weapon_types"][weapon],
        "claimed": claimed,
        "claimmode": mode,
        "claimmode_txt": gtd["claim_modes"][mode] if mode else None,
        "nkill": facts.killed,
        "nwound": facts.injured,
        "dbsource": "counterclaim",
        "cc_event_id": unit.event_id,
        "cc_label": unit.label,
        "cc_attack_type_text": facts.attack_type_text,
        "cc_weapon": facts.weapon,
        "cc_nkill_source": facts.killed_source,
        "cc_nwound_source": facts.injured_source,
        "cc_claimed_by": _parties(facts.claimed_by),
        "cc_confirmed": _parties(facts.confirmed),
        "cc_accused": _parties(facts.accused),
        "cc_consensus": unit.consensus,
        "cc_cameo": ";".join(_cameo_codes(unit)),
        "cc_documents": len(documents),
    }
    for slot in range(GROUP_SLOTS):
        suffix = "" if slot == 0 else str(slot + 1)
        row[f"gname{suffix}"] = groups[slot] if slot < len(groups) else (gtd["unknown_group"] if slot == 0 else None)
        row[f"guncertain{slot + 1}"] = int(uncertain) if slot < len(groups) else None
    for slot, record in enumerate(documents[:GROUP_SLOTS], start=1):
        document = record.document
        row[f"scite{slot}"] = (
            "; ".join(p for p in (document.outlet, document.title, document.url) if p) or document.name
        )
    return row


def _attack_type(facts: EventFacts, gtd: dict[str, Any]) -> int:
    """GTD attack type: by the wording (a siege is not a kidnapping), else by class, else Unknown (9)."""
    by_text, by_class = gtd["attack_type_by_text"], gtd["attack_type_by_class"]
    text = (facts.attack_type_text or "").casefold()
    return by_text.get(text) or by_class.get((facts.attack_type or "").casefold()) or 9


def _perpetrators(facts: EventFacts, names: ActorNames, gtd: dict[str, Any]) -> tuple[list[str], bool]:
    """GTD's group names and whether they are suspected only (``guncertain``).

    Claimants and confirmed perpetrators are certain; with neither, the
    militant groups accused are suspects. A branch stands for its parent when
    both are named (the Khorasan province, not the Islamic State at large).
    """
    parties = [line.party for line in (*facts.claimed_by, *facts.confirmed)]
    uncertain = not parties
    if uncertain:
        parties = [line.party for line in facts.accused if names.kind(line.party) == "militant_group"]
    parties = list(dict.fromkeys(parties))
    specific = [p for p in parties if not any(_is_branch(q, p, names) for q in parties)]
    return list(dict.fromkeys(_gtd_name(p, names, gtd) for p in specific)), uncertain


def _is_branch(branch: str, parent: str, names: ActorNames) -> bool:
    """True when ``branch`` is another actor that belongs to ``parent``."""
    return names.key(branch) != names.key(parent) and names.key(parent) in names.lineage(branch)


def _gtd_name(party: str, names: ActorNames, gtd: dict[str, Any]) -> str:
    found = names.actor(party)
    return gtd["group_names"].get(found.id, found.name) if found is not None else party


def _claim_mode(claims: list[PartyLine], gtd: dict[str, Any]) -> int:
    """How the claim was made, from the words of the claims' sentences (Unknown, 10, when they do not say)."""
    words = " ".join(e.sentence for line in claims for e in line.evidence).casefold()
    for mode, cues in gtd["claim_mode_cues"].items():
        if any(re.search(rf"(?<!\w){re.escape(cue)}(?!\w)", words) for cue in cues):
            return int(mode)
    return 10


def _numeric_id(key: str, date: str, taken: set[int] | None) -> int:
    """A GTD-shaped numeric id: the date (YYYYMMDD) and four digits from the event id, unique in the table.

    GTD workflows read ``eventid`` as a number; the event's own id is in ``cc_event_id``.
    """
    serial = zlib.crc32(key.encode("utf-8")) % 10_000
    taken = taken if taken is not None else set()
    while (number := int(f"{date}{serial:04d}")) in taken:
        serial = (serial + 1) % 10_000
    taken.add(number)
    return number


def _summary(facts: EventFacts, unit: ExportUnit) -> str:
    """GTD's summary: "MM/DD/YYYY: what happened", then who claimed, confirmed and accused."""
    when = facts.date.strftime("%m/%d/%Y") if facts.date else "Date unknown"
    what = facts.attack_type_text or facts.attack_type or "attack"
    place = ", ".join(p for p in (facts.landmark, facts.city, facts.country) if p)
    toll = ", ".join(
        f"{n} {kind}" for n, kind in ((facts.killed, "killed"), (facts.injured, "wounded")) if n is not None
    )
    head = " ".join(p for p in (what[:1].upper() + what[1:], f"at {place}" if place else None) if p)
    said = unit.consensus
    return f"{when}: {head}" + (f" ({toll})" if toll else "") + f". {said[:1].upper()}{said[1:]}."


def _parties(lines: list[PartyLine]) -> str:
    return "; ".join(line.party for line in lines)


def _cameo_codes(unit: ExportUnit) -> list[str]:
    """The CAMEO codes of the event's statements, each once, in code order."""
    codes = {
        statement_codes(s, statement_id(r.document.id, i)).cameo
        for r in unit.records
        for i, s in enumerate(r.statements)
    }
    return sorted(c for c in codes if c)
