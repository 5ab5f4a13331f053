"""Generate the knowledge base's MISP-derived YAML files (provenance of ``kb/data/misp_*.yaml``).

Reads the MISP galaxy clusters (CC0, https://github.com/MISP/misp-galaxy)
``terrorist-groups.json``, ``intelligence-agencies.json`` and ``country.json``
and writes ``misp_groups.yaml``, ``misp_agencies.yaml`` and
``misp_countries.yaml``. Aliases hidden in free-text summaries ("X, Y and Z")
are split out; acronyms in parentheses become aliases. An alias shared by two
MISP clusters is dropped (it cannot pick one), as is one listed in
``misp_exclusions.yaml`` or one cut out of a parenthetical; so is a capital
that exclusions list as a person's name or a common word ("Victoria"). A cluster whose name is already a curated actor
(``states.yaml``, ``groups.yaml`` ...) takes that actor's id, so the loader
merges the two; aliases a curated file gives to another actor are dropped.

Agencies of many states share a name ("Criminal Investigation Department",
"National Intelligence Service"): an agency takes a curated id only when the
curated actor is of its state, and a name several states' agencies share gets
the state in its id ("criminal-investigation-department-kenya"), so no two
states' agencies are ever merged into one actor. A name or acronym only
agencies of different states share is kept on each: the knowledge base picks
one by the state the text names (``KnowledgeBase.homonyms``).

Usage: python scripts/build_kb_from_misp.py [MISP_DIR]  (default /work/shared/data/misp-galaxy)
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import yaml

from counterclaim.kb.loader import BUNDLED_FILES, read_yaml
from counterclaim.kb.normalise import normalise_name

DATA = Path(__file__).resolve().parents[1] / "src" / "counterclaim" / "kb" / "data"
EXCLUSIONS = Path(__file__).with_name("misp_exclusions.yaml")
_ACRONYM = re.compile(r"^[A-Z0-9][A-Z0-9&/.\-–İ]{1,11}$")
_PAREN = re.compile(r"\s*\(([^()]*)\)")


def slug(name: str) -> str:
    """An id from a name: folded, words joined by hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", normalise_name(name)).strip("-")


def name_and_acronyms(text: str) -> tuple[str, list[str]]:
    """``"Abu Sayyaf Group (ASG)"`` -> ``("Abu Sayyaf Group", ["ASG"])``; other parentheticals are dropped."""
    acronyms = [p.strip() for p in _PAREN.findall(text) if _ACRONYM.match(p.strip())]
    return _PAREN.sub("", text).strip(" .;,"), acronyms


def split_summary(summary: str) -> list[str]:
    """Aliases from a free-text summary: split on ``;``/``,``, a final "and" split only between two names."""
    if not summary or summary.strip() in ("N/A", "N/A."):
        return []
    parts = [p.strip(" .") for p in re.split(r"[;,]", summary) if p.strip(" .")]
    out: list[str] = []
    for i, part in enumerate(parts):
        part = re.sub(r"^and\s+", "", part)
        pieces = part.split(" and ") if i == len(parts) - 1 else [part]
        if len(pieces) > 1 and not all(len(p.split()) >= 2 and p[:1].isupper() for p in pieces):
            pieces = [part]
        for piece in pieces:
            name, acronyms = name_and_acronyms(piece)
            out += [a for a in (name, *acronyms) if a]
    return out


def curated_index() -> tuple[dict[str, str], dict[str, str]]:
    """Normalised name/alias -> id over the hand-written files, and id -> the state each curated actor is of."""
    index: dict[str, str] = {}
    states: dict[str, str] = {}
    for file in BUNDLED_FILES:
        if file.startswith("misp_"):
            continue
        for actor in read_yaml(None, bundled=file).get("actors") or []:
            state = actor["id"] if actor["kind"] == "state" else actor.get("country") or actor.get("affiliation")
            if state:
                states.setdefault(actor["id"], state)
            for alias in (actor["name"], *(actor.get("aliases") or [])):
                index.setdefault(normalise_name(alias), actor["id"])
    return index, states


def _same_state(actor_id: str, cluster: dict, states: dict[str, str]) -> bool:
    """Whether a curated actor may be this cluster: any, for a cluster of no state; else one of its state."""
    return cluster.get("country") is None or states.get(actor_id) == cluster["country"]


def assign_ids(clusters: list[dict], curated: dict[str, str], states: dict[str, str]) -> None:
    """Each cluster's id: a curated actor's of the same state where a name agrees, else its name's slug;
    a slug several states' clusters share (or a curated actor of another state holds) takes the state too."""
    for c in clusters:
        keys = [normalise_name(x) for x in (c["name"], *c["aliases"])]
        c["id"] = next((curated[k] for k in keys if k in curated and _same_state(curated[k], c, states)), None)
    unnamed = [(c, slug(c["name"])) for c in clusters if c["id"] is None]
    by_slug: dict[str, set[str | None]] = {}
    for c, base in unnamed:
        by_slug.setdefault(base, set()).add(c.get("country"))
    for c, base in unnamed:
        foreign = base in states and states[base] != c.get("country")
        shared = len(by_slug[base]) > 1 and c.get("country") is not None
        c["id"] = f"{base}-{c['country']}" if foreign or shared else base


def merge_namesakes(clusters: list[dict]) -> list[dict]:
    """Clusters of one id (one state's agency listed twice) as one, their aliases joined."""
    merged: dict[str, dict] = {}
    for c in clusters:
        held = merged.setdefault(c["id"], c)
        if held is not c:
            held["aliases"] += [a for a in c["aliases"] if a not in held["aliases"]]
    return list(merged.values())


def finish(clusters: list[dict], names: dict[str, str], states: dict[str, str], excluded: set[str]) -> list[dict]:
    """Assign ids (curated where names and states agree) and drop shared, excluded or foreign aliases.

    A name clusters share is dropped, unless each holder is an agency of a
    different state: then each keeps it, for the knowledge base to pick by context.
    ``names`` and ``states``: :func:`curated_index`.
    """
    assign_ids(clusters, names, states)
    clusters = merge_namesakes(clusters)
    holders: dict[str, list[str | None]] = {}
    for c in clusters:
        for key in {normalise_name(x) for x in c["aliases"]}:
            holders.setdefault(key, []).append(c.get("country"))
    actors = []
    for c in clusters:
        aliases = []
        for alias in c["aliases"]:
            key = normalise_name(alias)
            if len(key) < 2 or key in excluded or not _own(c, holders[key], names.get(key), states):
                continue
            if alias.count("(") != alias.count(")"):
                continue  # a piece of a parenthetical the summary split cut in two ("Jaish-i-Mohammed (Mohammad")
            if alias != c["name"] and alias not in aliases:
                aliases.append(alias)
        c["aliases"] = aliases
        actors.append({k: v for k, v in c.items() if v not in (None, [])})
    return sorted(actors, key=lambda a: a["id"])


def _own(cluster: dict, holders: list[str | None], owner: str | None, states: dict[str, str]) -> bool:
    """Whether a cluster may keep an alias: its alone, or else held only by agencies of different states.

    ``holders``: the state of each cluster giving the alias; ``owner``: the curated actor holding it, if any.
    """
    country = cluster.get("country")
    if owner is not None and owner != cluster["id"]:
        # a curated actor's name: another state's agency shares it, any other cluster leaves it to the curated one
        if country is None or states.get(owner) in (None, country):
            return False
        holders = [*holders, states[owner]]
    return len(holders) == 1 or (country is not None and None not in holders and len(set(holders)) == len(holders))


def groups(misp: Path) -> list[dict]:
    clusters = []
    for value in json.loads((misp / "terrorist-groups.json").read_text(encoding="utf-8"))["values"]:
        name, acronyms = name_and_acronyms(value["value"])
        aliases = acronyms + split_summary(value.get("meta", {}).get("summary", ""))
        clusters.append(
            {"id": None, "name": name, "kind": "militant_group", "alignment": "militant", "aliases": aliases}
        )
    return clusters


def agencies(misp: Path, iso_to_id: dict[str, str]) -> list[dict]:
    clusters = []
    for value in json.loads((misp / "intelligence-agencies.json").read_text(encoding="utf-8"))["values"]:
        meta = value.get("meta", {})
        name, _ = name_and_acronyms(value["value"])
        described, acronyms = name_and_acronyms(re.split(r"\s[–−-]\s|:\s", value.get("description", ""))[0])
        aliases = [*acronyms, described, *(meta.get("synonyms") or [])]
        country = iso_to_id.get(meta.get("country") or "")
        clusters.append(
            {
                "id": None,
                "name": name,
                "kind": "agency",
                "affiliation": country,
                "country": country,
                "alignment": "state",
                "aliases": [a for a in aliases if a and len(a) < 80],
            }
        )
    return clusters


def countries(misp: Path, excluded: set[str]) -> tuple[list[dict], list[tuple[str, str]]]:
    """States with their capitals as metonyms, except capitals in ``excluded`` (names of people or common words)."""
    clusters, iso = [], []
    for value in json.loads((misp / "country.json").read_text(encoding="utf-8"))["values"]:
        meta = value.get("meta", {})
        name = value.get("description", value["value"]).strip()
        capital = meta.get("Capital")
        clusters.append(
            {
                "id": None,
                "name": name,
                "kind": "state",
                "alignment": "state",
                "aliases": [],
                "metonyms": [capital] if capital and normalise_name(capital) not in excluded else [],
            }
        )
        iso.append((meta.get("ISO", ""), name))
    return clusters, iso


def write(path: Path, actors: list[dict], source: str) -> None:
    header = f"# GENERATED by scripts/build_kb_from_misp.py from MISP galaxy {source} (CC0). Do not edit.\n"
    body = yaml.safe_dump(
        {"version": 1, "source": source, "actors": actors}, allow_unicode=True, sort_keys=False, width=200
    )
    path.write_text(header + body, encoding="utf-8")
    print(f"{path}: {len(actors)} actors")


def main(misp: Path) -> None:
    names, states = curated_index()
    exclusions = yaml.safe_load(EXCLUSIONS.read_text(encoding="utf-8"))
    excluded = {normalise_name(a) for a in exclusions["aliases"]}
    country_clusters, iso = countries(misp, {normalise_name(a) for a in exclusions["metonyms"]})
    country_actors = finish(country_clusters, names, states, excluded)
    by_name = {normalise_name(a["name"]): a["id"] for a in country_actors}
    iso_to_id = {code: names.get(normalise_name(n), by_name[normalise_name(n)]) for code, n in iso if code}
    write(DATA / "misp_countries.yaml", country_actors, "country.json")
    write(
        DATA / "misp_agencies.yaml",
        finish(agencies(misp, iso_to_id), names, states, excluded),
        "intelligence-agencies.json",
    )
    write(DATA / "misp_groups.yaml", finish(groups(misp), names, states, excluded), "terrorist-groups.json")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/work/shared/data/misp-galaxy"))
