"""Incremental grouping of articles into events (one event = one attack).

A new article is scored against every known event: each piece of evidence
(attack date, place, attack type, casualty figures, parties named, text
similarity) adds a weight from ``config.yaml`` and a human-readable reason.
The article joins the best event when the score reaches the threshold, else it
opens a new one. Articles without an attack record (commentary, reactions) have
only their text to go on: they join an event when their text is strongly
similar to one of its articles (a republished or follow-up story) and
otherwise open an event of their own, so they never blur two attacks together.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict
from rapidfuzz import fuzz

from counterclaim.events.actors import ActorNames
from counterclaim.events.config import ClusterConfig, load_config
from counterclaim.events.features import ArticleFeatures, article_features, distance_km
from counterclaim.events.similarity import TextSimilarity, make_similarity
from counterclaim.nlp.gazetteer import find_city
from counterclaim.records import ArticleRecord, EventRef

AssignedBy = Literal["auto", "user"]


class Assignment(BaseModel):
    """Why a document belongs to an event: the score, the reasons, and who decided."""

    model_config = ConfigDict(extra="forbid")

    document_id: str
    document_name: str
    event_id: str
    score: float
    reasons: list[str]
    new: bool
    assigned_by: AssignedBy = "auto"


class EventSummary(EventRef):
    """One event as the store's ``events`` table and the ``events`` command show it: the identity every listing
    and export names it by (:class:`~counterclaim.records.EventRef`), and its documents."""

    document_ids: list[str]
    document_names: list[str]

    def identity(self) -> EventRef:
        """The event as exported records and the API's listing name it (without its documents)."""
        return EventRef(**self.model_dump(include=set(EventRef.model_fields)))

    def headline(self) -> dict[str, Any]:
        """The event's identity as listings and JSON show it: id, label, date, place, attack type."""
        return {
            "id": self.id,
            "label": self.label,
            "date": self.date.isoformat() if self.date else None,
            "place": ", ".join(p for p in (self.city, self.country) if p) or None,
            "attack_type": self.attack_type,
        }


@dataclass
class EventCluster:
    """An event's member articles; its aggregate features are computed once per change of members.

    Scoring a new article reads the aggregates of every event, so they are
    cached and the cache is cleared only by :meth:`add` and :meth:`remove`.
    """

    id: str
    members: list[ArticleFeatures] = field(default_factory=list)
    _cache: dict[str, Any] = field(default_factory=dict, repr=False)

    def add(self, features: ArticleFeatures) -> None:
        """Make ``features`` a member."""
        self.members.append(features)
        self._cache.clear()

    def remove(self, doc_id: str) -> None:
        """Drop the member with this document id."""
        self.members = [m for m in self.members if m.document_id != doc_id]
        self._cache.clear()

    def _cached(self, name: str, compute: Callable[[], Any]) -> Any:
        if name not in self._cache:
            self._cache[name] = compute()
        return self._cache[name]

    def _most_common(self, attribute: str) -> Any:
        counted = Counter(v for m in self.members if (v := getattr(m, attribute)))
        return counted.most_common(1)[0][0] if counted else None

    def _values(self, attribute: str) -> list[Any]:
        return self._cached(f"all_{attribute}", lambda: [v for m in self.members if (v := getattr(m, attribute))])

    @property
    def date(self) -> dt.date | None:
        """The attack date most members give (the earliest on a tie)."""

        def compute() -> dt.date | None:
            counted = Counter(self.dates)
            top = max(counted.values(), default=0)
            return min((d for d, n in counted.items() if n == top), default=None)

        return self._cached("date", compute)

    @property
    def city(self) -> str | None:
        """The city most members name."""
        return self._cached("city", lambda: self._most_common("city"))

    @property
    def country(self) -> str | None:
        """The country most members name."""
        return self._cached("country", lambda: self._most_common("country"))

    @property
    def attack_class(self) -> str | None:
        """The attack-type class most members give."""
        return self._cached("attack_class", lambda: self._most_common("attack_class"))

    @property
    def dates(self) -> list[dt.date]:
        """Every member's attack date."""
        return self._values("date")

    @property
    def published(self) -> list[dt.date]:
        """Every member's publication date."""
        return self._values("published")

    @property
    def country_keys(self) -> set[str]:
        """Canonical keys of the members' countries."""
        return self._cached("country_keys", lambda: set(self._values("country_key")))

    @property
    def city_keys(self) -> set[str]:
        """Normalised spellings of the members' cities."""
        return self._cached("city_keys", lambda: set(self._values("city_key")))

    @property
    def coordinates(self) -> list[tuple[float, float]]:
        """The members' city coordinates."""
        return self._values("coordinates")

    @property
    def tolls(self) -> list[int]:
        """The members' death tolls."""
        return self._values("killed")

    @property
    def groups(self) -> frozenset[str]:
        """Groups any member names as responsible."""
        return self._cached("groups", lambda: frozenset().union(*(m.groups for m in self.members)))

    @property
    def sites(self) -> frozenset[str]:
        """Kinds of target any member names (several sites struck at once are one attack)."""
        return self._cached("sites", lambda: frozenset().union(*(m.sites for m in self.members)))

    @property
    def site_names(self) -> frozenset[str]:
        """Proper names any member gives its target."""
        return self._cached("site_names", lambda: frozenset().union(*(m.site_names for m in self.members)))

    @property
    def sites_in_attack_sentence(self) -> bool:
        """Whether a member's attack sentence names its target (not only its lead)."""
        return self._cached("sites_in_attack", lambda: any(m.sites_in_attack_sentence for m in self.members))

    @property
    def actors(self) -> frozenset[str]:
        """Speakers any member quotes."""
        return self._cached("actors", lambda: frozenset().union(*(m.actors for m in self.members)))

    def summary(self) -> EventSummary:
        """The event's table row."""
        place = ", ".join(p for p in (self.city, self.country) if p)
        parts = [self.date.isoformat() if self.date else None, self.attack_class, f"in {place}" if place else None]
        label = " ".join(p for p in parts if p) or (self.members[0].document_name if self.members else self.id)
        return EventSummary(
            id=self.id,
            label=label,
            date=self.date,
            city=self.city,
            country=self.country,
            attack_type=self.attack_class,
            document_ids=[m.document_id for m in self.members],
            document_names=[m.document_name for m in self.members],
        )


#: A candidate event for an article: score, reasons, the event.
_Candidate = tuple[float, list[str], EventCluster]


def _date_gap(f: ArticleFeatures, cluster: EventCluster) -> int | None:
    """Days between the article's attack date and the nearest of the event's members', or None when either lacks
    one."""
    return min(abs((f.date - d).days) for d in cluster.dates) if f.date and cluster.dates else None


def _days(n: int) -> str:
    return f"{n} day{'s' * (n != 1)}"


class _Score:
    """A running total with the reason for each term."""

    def __init__(self, gap: int | None = None) -> None:
        self.total = 0.0
        self.reasons: list[str] = []
        self.dated = False  # whether any attack or publication dates were compared
        self.gap = gap  # days between the article's attack date and the nearest member's (``_date_gap``)
        self.same_city = False
        self.same_class = False
        self.shared_group = False

    def add(self, weight: float, reason: str) -> None:
        self.total += weight
        self.reasons.append(f"{reason} ({weight:+.1f})")


class EventIndex:
    """The current events and their members; assigns new articles incrementally."""

    def __init__(
        self,
        config: ClusterConfig | None = None,
        names: ActorNames | None = None,
        similarity: TextSimilarity | None = None,
    ) -> None:
        self.config = config or load_config()
        self.names = names or ActorNames()
        self.similarity = similarity or make_similarity(self.config.similarity_backend)
        self.events: dict[str, EventCluster] = {}
        self.assignments: dict[str, Assignment] = {}
        self.features: dict[str, ArticleFeatures] = {}
        self._name_counts: Counter[str] = Counter()  # how many articles write each proper name

    # -- building -------------------------------------------------------------------------------------------------
    def assign(self, record: ArticleRecord) -> Assignment:
        """Put a new (or re-analysed) article into the best-matching event or a new one, and say why."""
        features = self._register(record)
        best = self._best(features, exclude=None)
        if best is not None and best[0] >= self.config.threshold:
            total, reasons, cluster = best
            return self._place(features, cluster, round(total, 3), reasons, new=False)
        reasons = ["no known event matches"] + ([f"best candidate {best[2].id}: {best[0]:.2f}"] if best else [])
        return self._place(features, self._new_cluster(features.document_id), 0.0, reasons, new=True)

    def consolidate(self) -> list[Assignment]:
        """Offer each single-article event to the others again; returns the assignments that moved.

        An event founded by a sparse article (no date, no city) scores low
        against the articles that arrive after it; once they have formed
        richer events it may match one of them. User-placed articles stay put.
        """
        moved = []
        for cluster in [c for c in self.events.values() if len(c.members) == 1]:
            if len(cluster.members) != 1 or self.events.get(cluster.id) is not cluster:
                continue  # an earlier single joined it, or it was emptied
            features = cluster.members[0]
            if self.assignments[features.document_id].assigned_by == "user":
                continue
            best = self._best(features, exclude=cluster)
            if best is not None and best[0] >= self.config.threshold:
                total, reasons, target = best
                self._detach(features.document_id)
                moved.append(
                    self._place(features, target, round(total, 3), [*reasons, "re-offered after clustering"], new=False)
                )
        return moved

    def _best(self, features: ArticleFeatures, exclude: EventCluster | None) -> _Candidate | None:
        """The highest-scoring event for ``features`` (the earliest on a tie), with its score and reasons.

        Text similarity is computed only for events that could still reach the
        threshold. With an attack record, those are the events whose other
        evidence leaves them within ``text + near_duplicate`` of it. Without
        one, text is all there is: only events holding a document at least
        ``no_attack_min_similarity`` similar can be joined, so only those are
        scored further (the backend finds them in one product per block, not
        per event); any other event scores the same flat penalty, and the
        first of them stands for all.
        """
        candidates = [c for c in self.events.values() if c is not exclude]
        if not candidates:
            return None
        if features.has_attack:
            w = self.config.weights
            reach = self.config.threshold - w.text - w.near_duplicate
            scored = [(self._evidence(features, c), c) for c in candidates]
            open_ = [(s, c) for s, c in scored if s.total >= reach]
            wanted = [m.document_id for _, c in open_ for m in c.members]
            sims = self.similarity.similarities(features.text, wanted) if wanted else {}
        else:
            sims = self.similarity.neighbours(features.text, self.config.no_attack_min_similarity)
            near = {self.assignments[d].event_id for d in sims if d != features.document_id and d in self.assignments}
            open_ = [(_Score(), c) for c in candidates if c.id in near] or [(_Score(), candidates[0])]
            scored = open_
        for s, cluster in open_:
            self._score_text(features, cluster, sims, s)
        best: _Candidate | None = None
        for s, cluster in scored:
            if best is None or s.total > best[0]:
                best = (s.total, s.reasons, cluster)
        return best

    def restore(self, record: ArticleRecord, assignment: Assignment) -> None:
        """Re-load a stored membership as it was (no scoring), e.g. from the store's ``event_documents``."""
        features = self._register(record)
        cluster = self.events.setdefault(assignment.event_id, EventCluster(assignment.event_id))
        cluster.add(features)
        self.assignments[features.document_id] = assignment

    def _register(self, record: ArticleRecord) -> ArticleFeatures:
        """Features of the record, remembered for similarity; a re-analysed document leaves its old event first."""
        features = article_features(record, self.config, self.names)
        self._detach(features.document_id)
        if old := self.features.get(features.document_id):
            self._name_counts.subtract(old.names)
        self._name_counts.update(features.names)
        self.features[features.document_id] = features
        self.similarity.add(features.document_id, features.text)
        return features

    def _new_cluster(self, founder_id: str) -> EventCluster:
        base = f"ev-{founder_id[:12]}"
        event_id, n = base, 1
        while event_id in self.events:
            n += 1
            event_id = f"{base}-{n}"
        self.events[event_id] = EventCluster(event_id)
        return self.events[event_id]

    def _place(
        self,
        features: ArticleFeatures,
        cluster: EventCluster,
        score: float,
        reasons: list[str],
        new: bool,
        assigned_by: AssignedBy = "auto",
    ) -> Assignment:
        cluster.add(features)
        assignment = Assignment(
            document_id=features.document_id,
            document_name=features.document_name,
            event_id=cluster.id,
            score=score,
            reasons=reasons,
            new=new,
            assigned_by=assigned_by,
        )
        self.assignments[features.document_id] = assignment
        return assignment

    def _detach(self, doc_id: str) -> None:
        """Take a document out of its event; an event left empty disappears."""
        old = self.assignments.pop(doc_id, None)
        if old is None or old.event_id not in self.events:
            return
        cluster = self.events[old.event_id]
        cluster.remove(doc_id)
        if not cluster.members:
            del self.events[old.event_id]

    def move(self, doc_id: str, event_id: str | None, reason: str) -> Assignment:
        """Put a known document into ``event_id`` (a new event when None) by a user's decision."""
        features = self.features[doc_id]
        previous = self.assignments.get(doc_id)
        self._detach(doc_id)
        cluster = self.events[event_id] if event_id in self.events else self._new_cluster(doc_id)
        score = previous.score if previous else 0.0
        return self._place(features, cluster, score, [reason], new=event_id is None, assigned_by="user")

    # -- scoring --------------------------------------------------------------------------------------------------
    def score(self, f: ArticleFeatures, cluster: EventCluster, sims: dict[str, float]) -> tuple[float, list[str]]:
        """Evidence for and against ``f`` reporting the attack of ``cluster``, as a total and reasons."""
        s = self._evidence(f, cluster)
        self._score_text(f, cluster, sims, s)
        return s.total, s.reasons

    def _evidence(self, f: ArticleFeatures, cluster: EventCluster) -> _Score:
        """Everything but text similarity: dates, place, type, toll, parties (nothing for an article without attack)."""
        w = self.config.weights
        if not f.has_attack:
            return _Score()
        s = _Score(_date_gap(f, cluster))
        self._score_dates(f, cluster, s)
        self._score_place(f, cluster, s)
        self._score_type_and_toll(f, cluster, s)
        self._score_sites(f, cluster, s)
        shared_groups = f.groups & cluster.groups
        if shared_groups:
            s.shared_group = True
            s.add(w.shared_group, f"shared group {', '.join(sorted(shared_groups))}")
        shared_actors = f.actors & cluster.actors
        if shared_actors:
            s.add(
                min(w.shared_actor_max, w.shared_actor * len(shared_actors)), f"{len(shared_actors)} speakers in common"
            )
        return s

    def _score_text(self, f: ArticleFeatures, cluster: EventCluster, sims: dict[str, float], s: _Score) -> None:
        """Add the best text similarity with a member, and the wire-copy bonus; a no-attack article needs more."""
        w = self.config.weights
        best_doc = max(cluster.members, key=lambda m: sims.get(m.document_id, 0.0), default=None)
        best_sim = sims.get(best_doc.document_id, 0.0) if best_doc else 0.0
        if not f.has_attack:
            if best_sim >= self.config.no_attack_min_similarity:
                s.add(w.text * best_sim, f"{self.similarity.name} {best_sim:.2f} (article reports no attack)")
            else:
                s.add(-self.config.threshold, "article reports no attack and its text is not close enough")
            return
        if best_doc is not None and best_sim > 0:
            s.add(w.text * best_sim, f"{self.similarity.name} {best_sim:.2f} with {best_doc.document_name}")
            if best_sim >= self.config.near_duplicate_similarity:
                s.add(w.near_duplicate, f"near-duplicate of {best_doc.document_name}")
        if not s.dated and best_sim < self.config.undated_min_similarity:
            # place, type and group fit every attack of one group in one city: without dates the text must agree,
            # unless the same toll ties the two to one attack
            if tie := self._undated_tie(f, cluster, s):
                s.add(0.0, f"no dates to compare and the texts are not alike, but {tie}")
            else:
                s.add(w.undated_unlike, "no dates to compare and the texts are not alike")

    def _undated_tie(self, f: ArticleFeatures, cluster: EventCluster, s: _Score) -> str | None:
        """What ties an undated article to the event beyond place and group, or None: the same city, group and
        attack type, and the same death toll (large enough to be nearly a fingerprint of one attack).

        Reports of one attack by different outlets often share little wording
        beyond their pages' boilerplate; the toll they repeat.
        """
        shared = self._rare_names_shared(f, cluster) if s.same_city and s.same_class else []
        if len(shared) >= self.config.rare_names_tie:
            return f"both name {', '.join(shared)}"
        if not (s.same_city and s.shared_group and s.same_class and f.killed):
            return None
        margin = self.config.same_toll_margin
        if f.killed >= self.config.same_toll_min and any(abs(k - f.killed) <= margin for k in cluster.tolls):
            return f"the same city, group, attack type and toll ({f.killed} dead)"
        return None

    def _rare_names_shared(self, f: ArticleFeatures, cluster: EventCluster) -> list[str]:
        """Proper names the article shares with a member that few articles of the index write (a neighbourhood, a
        victim, a stadium), the two sides' cities and countries left out: what two reports of one attack repeat and
        reports of another attack of the same group in the same city do not."""
        rare = max(2.0, self.config.rare_name_share * len(self.features))
        places = {p.casefold() for p in (f.city, f.country, cluster.city, cluster.country) if p}
        theirs = frozenset().union(*(m.names for m in cluster.members))
        return sorted(n for n in f.names & theirs if self._name_counts[n] <= rare and n not in places)

    def _score_dates(self, f: ArticleFeatures, cluster: EventCluster, s: _Score) -> None:
        w, windows = self.config.weights, self.config.date
        if (gap := s.gap) is not None:
            s.dated = True
            if gap <= windows.window_days:
                s.add(w.date_close, "same attack date" if gap == 0 else f"dates {_days(gap)} apart")
            elif gap > windows.far_days:
                s.add(w.date_far, f"dates {gap} days apart")
            else:
                s.add(w.date_apart, f"dates {gap} days apart")
            return
        if f.date is None and f.published and cluster.date:
            s.dated = True
            self._score_publication(f.published, cluster.date, "article published", s)
        elif f.date and cluster.published:  # the event's members are undated (else the gap above decided)
            s.dated = True
            self._score_publication(min(cluster.published), f.date, "event's first article published", s)

    def _score_publication(self, published: dt.date, attack: dt.date, who: str, s: _Score) -> None:
        """An undated report can only be about an attack that happened before it was published."""
        w, windows = self.config.weights, self.config.date
        delta = (published - attack).days
        if -1 <= delta <= windows.followup_days:
            s.add(w.published_followup, f"{who} {_days(max(delta, 0))} after the attack")
        elif delta < -1:
            s.add(w.published_before, f"{who} {_days(-delta)} before the attack")
        else:
            weight = w.date_far if delta > windows.far_days else w.date_apart
            s.add(weight, f"{who} {delta} days after the attack, past the follow-up window")

    def _score_place(self, f: ArticleFeatures, cluster: EventCluster, s: _Score) -> None:
        w = self.config.weights
        same_day = self._same_day(s)
        if f.country_key and cluster.country_keys:
            if f.country_key in cluster.country_keys:
                s.add(w.same_country, f"same country {f.country}")
            elif _country_misread(f, cluster) or (same_day and _cross_named(f, cluster, "country")):
                # extraction noise, not two places: the same day, and each side's text names the other's country
                s.add(w.place_named_in_text, f"{cluster.country} named in the article (extracted {f.country})")
                return
            elif _cross_named(f, cluster, "country"):
                # neighbours name each other in every story (India and Pakistan): without the same day, weak evidence
                # against (an attack in Somalia and one in Kenya by the same group, each article naming both)
                s.add(
                    w.other_country_named,
                    f"different country: {f.country} vs {cluster.country}, each named in the other's text",
                )
                return
            else:
                s.add(w.other_country, f"different country: {f.country} vs {cluster.country}")
                return
        if not (f.city_key and cluster.city_keys):
            if _city_unnamed(f, cluster):
                s.add(w.city_not_named, f"{f.city or cluster.city} is not named in the other side's text")
            return
        ratio = max(fuzz.ratio(f.city_key, c) for c in cluster.city_keys)
        here = f.coordinates
        near = min((distance_km(here, there) for there in cluster.coordinates), default=None) if here else None
        if ratio >= self.config.city_match_ratio or any(_same_consonants(f.city_key, c) for c in cluster.city_keys):
            s.same_city = True
            s.add(w.same_city, f"same city {f.city}")
        elif near is not None and near <= self.config.near_km:
            s.add(w.nearby_city, f"{f.city} is {near:.0f} km from {cluster.city}")
        elif _cross_named(f, cluster, "city") and (same_day or here is None or not cluster.coordinates):
            # a town the gazetteer cannot place may be a misread of the other; two known towns each named in the
            # other's story (Ankara and Istanbul in every Turkish report) are one attack only on the same day
            s.add(w.place_named_in_text, f"{cluster.city} named in the article (extracted {f.city})")
        elif same_day and (here is None or not cluster.coordinates) and _named_one_way(f, cluster):
            # a place the gazetteer cannot measure, on the same day, and one side's text names the other's city
            s.add(0.0, f"{f.city} and {cluster.city} on the same day, one named in the other's text")
        else:
            s.add(w.other_city, f"different city: {f.city} vs {cluster.city}")

    def _score_sites(self, f: ArticleFeatures, cluster: EventCluster, s: _Score) -> None:
        """The same kind of target is evidence; different ones weigh against unless the dates decide already (far
        apart, or the same day, when one cell strikes several sites at once) or neither side read its target from
        an attack sentence (a lead's first site may be a background attack's)."""
        w = self.config.weights
        if not (f.sites and cluster.sites):
            return
        if shared := f.sites & cluster.sites:
            s.add(w.same_site, f"same target {', '.join(sorted(shared))}")
            self._score_site_names(f, cluster, s)
            return
        if not (f.sites_in_attack_sentence or cluster.sites_in_attack_sentence):
            return
        if s.gap is not None and (s.gap == 0 or s.gap > self.config.date.window_days):
            return
        s.add(w.other_site, f"different target: {', '.join(sorted(f.sites))} vs {', '.join(sorted(cluster.sites))}")

    def _score_site_names(self, f: ArticleFeatures, cluster: EventCluster, s: _Score) -> None:
        """A target of one kind named alike on both sides is one site; named apart ("the Medina hotel", "the Tawakal
        hotel"), two sites, unless one side's text names the other's (a follow-up recalls the earlier attack) or a
        same-day date ties them (one cell striking two hotels at once)."""
        w = self.config.weights
        if not (f.site_names and cluster.site_names):
            return
        if shared := f.site_names & cluster.site_names:
            s.add(w.same_site_name, f"same named target {', '.join(sorted(shared))}")
            return
        if (
            self._same_day(s)
            or any(_named_in(m.text, name) for m in cluster.members for name in f.site_names)
            or any(_named_in(f.text, name) for name in cluster.site_names)
        ):
            return
        s.add(
            w.other_site_name,
            f"different named target: {', '.join(sorted(f.site_names))} vs {', '.join(sorted(cluster.site_names))}",
        )

    def _same_day(self, s: _Score) -> bool:
        """Whether the article's attack date is within the date window of a member's."""
        return s.gap is not None and s.gap <= self.config.date.window_days

    def _score_type_and_toll(self, f: ArticleFeatures, cluster: EventCluster, s: _Score) -> None:
        w = self.config.weights
        if f.attack_class and cluster.attack_class:
            if f.attack_class == cluster.attack_class:
                s.same_class = True
                s.add(w.same_attack_class, f"same attack type {f.attack_class}")
            else:
                s.add(w.other_attack_class, f"different attack type: {f.attack_class} vs {cluster.attack_class}")
        tolls = cluster.tolls
        if f.killed and tolls:
            closest = min(tolls, key=lambda k: abs(k - f.killed))
            if abs(closest - f.killed) <= self.config.casualty_tolerance * max(closest, f.killed):
                s.add(w.close_casualties, f"close death tolls {f.killed} and {closest}")

    # -- reading --------------------------------------------------------------------------------------------------
    def summaries(self) -> list[EventSummary]:
        """All events, oldest attack first (undated last)."""
        rows = [c.summary() for c in self.events.values()]
        return sorted(rows, key=lambda r: (r.date is None, r.date or dt.date.min, r.id))

    def listing(self) -> list[tuple[EventSummary, list[Assignment]]]:
        """Each event's summary with its members' assignments, in :meth:`summaries` order."""
        return [(summary, [self.assignments[d] for d in summary.document_ids]) for summary in self.summaries()]

    def event_of(self, doc_id: str) -> str | None:
        """The id of the event a document is in."""
        assignment = self.assignments.get(doc_id)
        return assignment.event_id if assignment else None


def arrival_order(records: Iterable[ArticleRecord]) -> list[ArticleRecord]:
    """Records in the order they would have arrived: by publication date, then name (deterministic re-clustering)."""
    return sorted(records, key=lambda r: (r.document.published or dt.date.max, r.document.name, r.document.id))


def events_to_json(events: Iterable[tuple[EventSummary, list[Assignment]]]) -> list[dict[str, Any]]:
    """The ``counterclaim events --format json`` shape that ``score_clusters.py`` reads.

    Takes each event's summary and its members' assignments, from an index
    (:meth:`EventIndex.listing`) or straight from the store's columns.
    """
    return [
        {
            **summary.headline(),
            "documents": summary.document_names,
            "members": [
                {
                    "document": a.document_name,
                    "document_id": a.document_id,
                    "score": a.score,
                    "reasons": a.reasons,
                    "assigned_by": a.assigned_by,
                }
                for a in members
            ],
        }
        for summary, members in events
    ]


#: Letters a transliteration swaps freely ("Besham" and "Bisham", "Kismayo" and "Kismayu").
_VOWELS = re.compile(r"[aeiouy\s-]+")
#: A letter written twice or more ("Kismayoo"): one is kept.
_DOUBLED = re.compile(r"(.)\1+")
#: A skeleton shorter than this says too little ("Bama" and "Buma").
MIN_SKELETON = 4


def _same_consonants(a: str, b: str) -> bool:
    """Whether two spellings of a town share their consonants in order, doubled letters made single, and their
    first letter: transliterations of one name differ in vowels ("Besham", "Bisham")."""
    if a[:1] != b[:1]:
        return False
    skeleton_a, skeleton_b = (_DOUBLED.sub(r"\1", _VOWELS.sub("", x)) for x in (a, b))
    return len(skeleton_a) >= MIN_SKELETON and skeleton_a == skeleton_b


@lru_cache(maxsize=8192)
def _named_in(text: str, name: str | None) -> bool:
    """Does ``text`` name ``name`` as a whole word (any case)? Cached: each event asks it of every newcomer."""
    return bool(name) and _whole_word(name).search(text) is not None


@lru_cache(maxsize=8192)
def _whole_word(name: str) -> re.Pattern[str]:
    """``name`` as a whole word in any case, compiled once: every article's text is searched for the same names."""
    return re.compile(rf"(?<!\w){re.escape(name)}(?!\w)", re.IGNORECASE)


def _cross_named(f: ArticleFeatures, cluster: EventCluster, attribute: str) -> bool:
    """The article's text names the event's place and the event's articles name the article's place.

    Place extraction can pick a neighbouring or wrong place for one article of
    an attack; two articles about one attack still name the same places.
    """
    mine, theirs = getattr(f, attribute), getattr(cluster, attribute)
    return _named_in(f.text, theirs) and any(_named_in(m.text, mine) for m in cluster.members)


def _city_unnamed(f: ArticleFeatures, cluster: EventCluster) -> bool:
    """One side gives a town, the other none and its text never names that town: the side without one is most
    likely about another town of the country (one its extraction missed), not a report of this attack. A place not
    written as a proper name ("north-east Nigeria") is a region read as a city, which proves nothing."""
    if f.city and not cluster.city_keys:
        return f.city[:1].isupper() and not any(_named_in(m.text, f.city) for m in cluster.members)
    if cluster.city and not f.city_key:
        return cluster.city[:1].isupper() and not _named_in(f.text, cluster.city)
    return False


def _named_one_way(f: ArticleFeatures, cluster: EventCluster) -> bool:
    """The article's text names the event's city, or an article of the event names the article's city."""
    return _named_in(f.text, cluster.city) or any(_named_in(m.text, f.city) for m in cluster.members)


def _country_misread(f: ArticleFeatures, cluster: EventCluster) -> bool:
    """One side's country cannot hold its city while the other's can ("Ankara, Iraq" against "Ankara, Turkey")."""

    def misread(city: str | None, own: str | None, other: str | None) -> bool:
        return bool(city and own and other) and find_city(city, own) is None and find_city(city, other) is not None

    return misread(f.city, f.country, cluster.country) or any(
        misread(m.city, m.country, f.country) for m in cluster.members
    )
