"""When two fetched articles are one: the same URL, the same text, or the same wire story lightly edited.

Three checks, cheapest first:

- **canonical URLs**: scheme and host in lower case, default port, fragment and
  tracking parameters (``tracking.yaml``: ``utm_*``, ``fbclid``, ``gclid`` ...)
  dropped, the other parameters sorted. An article linked from two feeds is
  fetched once.
- **content hashes**: a document's id is a hash of its normalised text
  (``records.document_id``), so the same text from two URLs is one document.
- **near duplicates**: syndicated wire copy reprinted by ten outlets with a new
  headline, a trimmed paragraph or a house style is one text with ten sources.
  A text is a near duplicate of a stored one when their TF-IDF cosine
  (``events/similarity.py``) is at least :data:`NEAR_DUPLICATE` *and* its
  record states the same facts (the same statements by the same speakers
  about the same parties, the same casualty figures, the same date and place).
  The second condition keeps an update apart: a reprint that raises the death
  toll or adds a claim is analysed as a text of its own. A new version of a
  page at the same URL is never a near duplicate of the earlier one (it is a
  revision, analysed in full).
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import yaml

from counterclaim.events.actors import ActorNames
from counterclaim.events.similarity import TfidfSimilarity
from counterclaim.records import ArticleRecord

#: TF-IDF cosine from which two texts may be copies of one story (same-story reports by different
#: journalists stay well below; a reprint with a new headline and a trimmed paragraph stays above).
NEAR_DUPLICATE = 0.8
_DEFAULT_PORTS = {"http": 80, "https": 443}


@cache
def _tracking() -> tuple[tuple[str, ...], frozenset[str]]:
    text = resources.files(__package__).joinpath("tracking.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    return tuple(p.lower() for p in data["prefixes"]), frozenset(n.lower() for n in data["names"])


def is_tracking(parameter: str) -> bool:
    """Whether a query parameter only tracks how the reader arrived (see ``tracking.yaml``)."""
    prefixes, names = _tracking()
    name = parameter.lower()
    return name in names or name.startswith(prefixes)


def canonical_url(url: str) -> str:
    """The form two links to one page share: lower-case scheme and host, no default port, fragment or
    tracking parameters, the remaining parameters sorted, an empty path as ``/``."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if ":" in host:
        host = f"[{host}]"
    try:
        port = parts.port
    except ValueError:
        port = None
    netloc = host if port is None or port == _DEFAULT_PORTS.get(scheme) else f"{host}:{port}"
    query = sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not is_tracking(k))
    return urlunsplit((scheme, netloc, parts.path or "/", urlencode(query), ""))


class NearDuplicates:
    """The stored texts a new one is compared with, and the URLs each was read from.

    Candidates come from the TF-IDF index (one sparse product per block of
    stored texts); :func:`same_facts` decides.
    """

    def __init__(self, threshold: float = NEAR_DUPLICATE) -> None:
        self.threshold = threshold
        self._index = TfidfSimilarity()
        self._urls: dict[str, set[str]] = {}

    def __len__(self) -> int:
        return len(self._urls)

    def add(self, document_id: str, text: str, urls: set[str] | frozenset[str] = frozenset()) -> None:
        """Remember a stored text and the URLs it was read from."""
        if document_id not in self._urls:
            self._index.add(document_id, text)
        self._urls.setdefault(document_id, set()).update(urls)

    def candidates(self, text: str, url: str) -> list[tuple[str, float]]:
        """Stored texts at least :attr:`threshold` similar to ``text``, most similar first, leaving out earlier
        versions of the page at ``url``."""
        found = self._index.neighbours(text, self.threshold) if self._urls else {}
        kept = [(d, score) for d, score in found.items() if url not in self._urls.get(d, ())]
        return sorted(kept, key=lambda pair: -pair[1])


def same_facts(a: ArticleRecord, b: ArticleRecord, names: ActorNames) -> bool:
    """Whether two records state the same facts: statements (stance, speaker, target), casualty figures,
    attack date and place."""
    return _facts(a, names) == _facts(b, names)


def _facts(record: ArticleRecord, names: ActorNames) -> tuple[frozenset, frozenset, tuple]:
    statements = frozenset(
        (s.stance, names.key(s.speaker_affiliation or s.speaker_name), names.key(s.target_name))
        for s in record.statements
    )
    event = record.event
    if event is None:
        return statements, frozenset(), ()
    figures = {(c.kind, c.number) for c in event.casualties}
    figures |= {(kind, n) for kind, n in (("killed", event.killed), ("injured", event.injured)) if n is not None}
    return statements, frozenset(figures), (event.date, event.place.city, event.place.country)
