"""Reading knowledge-base YAML files into merged entries.

Files are read in order (the bundled ones, then a user's). An entry whose
``id`` was seen before is merged into it: lists are joined, scalars set later
win. That is how the generated MISP files and the curated files describe one
actor together, and how a user adds aliases to a bundled actor without copying
it. The format is documented in ``docs/knowledge-base.md``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict

from counterclaim.kb.normalise import normalise_name
from counterclaim.records import Actor, ActorKind

Alignment = Literal["state", "state-affiliated", "militant", "independent"]

#: Bundled data files, in load order: generated first so curated entries refine them.
BUNDLED_FILES = (
    "misp_countries.yaml",
    "misp_agencies.yaml",
    "misp_groups.yaml",
    "states.yaml",
    "organisations.yaml",
    "agencies.yaml",
    "groups.yaml",
    "media.yaml",
    "persons.yaml",
)
_LIST_FIELDS = ("aliases", "demonyms", "metonyms", "designations", "ambiguous")

try:  # the C loader parses the bundled files several times faster
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader


class KbEntry(BaseModel):
    """One actor as the knowledge base describes it (richer than :class:`Actor`)."""

    model_config = ConfigDict(extra="forbid")

    id: str
    name: str
    kind: ActorKind
    aliases: list[str] = []
    demonyms: list[str] = []
    metonyms: list[str] = []
    affiliation: str | None = None
    country: str | None = None
    parent: str | None = None
    alignment: Alignment | None = None
    designations: list[str] = []
    #: Aliases that as often name something else ("ISS", "ETA"): they link only where the text names the actor too.
    ambiguous: list[str] = []
    source: str | None = None

    def actor(self) -> Actor:
        """The shared record type for this entry."""
        return Actor(id=self.id, name=self.name, kind=self.kind, affiliation=self.affiliation, country=self.country)


class KbFormatError(ValueError):
    """A knowledge-base file does not follow the documented format."""


def read_yaml(path: str | Path | None, bundled: str | None = None) -> dict:
    """A YAML mapping from a user path or a bundled data file name."""
    if bundled is not None:
        text = resources.files("counterclaim.kb").joinpath("data", bundled).read_text(encoding="utf-8")
        origin = bundled
    else:
        text = Path(path).read_text(encoding="utf-8")  # type: ignore[arg-type]
        origin = str(path)
    data = yaml.load(text, Loader=_Loader) or {}
    if not isinstance(data, dict) or "version" not in data:
        raise KbFormatError(f"{origin}: expected a mapping with a 'version:' key")
    return data


def merge_entries(raw_entries: Iterable[dict], into: dict[str, dict], origin: str) -> None:
    """Merge raw actor mappings into ``into`` (id -> mapping), lists joined, later scalars winning."""
    for raw in raw_entries:
        if "id" not in raw:
            raise KbFormatError(f"{origin}: actor without id: {raw!r}")
        current = into.setdefault(raw["id"], {"id": raw["id"]})
        for key, value in raw.items():
            if key in _LIST_FIELDS:
                seen = current.setdefault(key, [])
                seen.extend(v for v in value or [] if v not in seen)
            elif value is not None:
                current[key] = value


def load_entries(extra: Sequence[str | Path] = ()) -> tuple[list[KbEntry], list[str], frozenset[str]]:
    """All actor entries from the bundled files then ``extra``, the files' versions, and the curated names.

    A file with a top-level ``source:`` key was generated from a bulk list
    (MISP); every other file is curated. The curated names (normalised
    names and aliases) tell a bulk list's short acronyms, which need support
    from the text to link, from the ones a person chose.
    """
    merged: dict[str, dict] = {}
    versions: list[str] = []
    curated: set[str] = set()
    sources: list[tuple[str | Path | None, str | None]] = [(None, name) for name in BUNDLED_FILES]
    sources += [(path, None) for path in extra]
    for path, bundled in sources:
        data = read_yaml(path, bundled)
        origin = bundled or str(path)
        versions.append(f"{Path(origin).name}:{data['version']}")
        merge_entries(data.get("actors") or [], merged, origin)
        if "source" not in data:
            for raw in data.get("actors") or []:
                curated.update(normalise_name(str(n)) for n in (raw.get("name", ""), *(raw.get("aliases") or [])))
    entries = []
    for raw in merged.values():
        try:
            entries.append(KbEntry(**raw))
        except ValueError as exc:
            raise KbFormatError(f"actor {raw.get('id')!r}: {exc}") from exc
    return entries, versions, frozenset(curated)
