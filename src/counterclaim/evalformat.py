"""The per-article evaluation format of ``shared/eval/SCHEMA.md``.

``counterclaim extract`` writes one such JSON object per input; the scorers
compare it with hand-made gold records. Keeping the mapping in one function
means the store, the report and the scorer all see the same facts.
"""

from __future__ import annotations

from typing import Any

from counterclaim.records import ArticleRecord, Event

EVENT_KEYS = (
    "date",
    "city",
    "country",
    "attack_type",
    "perpetrator_claimed",
    "killed",
    "killed_source",
    "injured",
    "injured_source",
)


def event_to_eval(event: Event | None) -> dict[str, Any]:
    """The ``event`` object: every key present, null when the article does not say.

    Besides SCHEMA's keys, ``perpetrators`` lists every organisation held
    responsible, as the text names it (``score_muc4.py`` reads it): a claimant
    too, whose ``perpetrator_claimed`` is the knowledge base's name ("National
    Liberation Army") while the text and its readers say "ELN".
    """
    if event is None:
        return {**dict.fromkeys(EVENT_KEYS), "perpetrators": []}
    return {
        "date": event.date.isoformat() if event.date else None,
        "city": event.place.city,
        "country": event.place.country,
        "attack_type": _attack_type(event),
        "perpetrator_claimed": event.perpetrators.claimed_by[0] if event.perpetrators.claimed_by else None,
        "killed": event.killed,
        "killed_source": event.killed_source,
        "injured": event.injured,
        "injured_source": event.injured_source,
        "perpetrators": list(dict.fromkeys(r.written or r.name for r in event.perpetrators.responsible)),
    }


def _attack_type(event: Event) -> str | None:
    """The attack's wording when it names its class ("suicide bombing" is a bombing), else the class.

    SCHEMA compares ``attack_type`` by GTD class: a wording that is only a kind
    of its class ("ambush", "shelling", "arson") would read as no class at all.
    """
    text, cls = event.attack_type_text, event.attack_type
    return text if text and cls and cls in text else (cls or text)


def to_eval(record: ArticleRecord) -> dict[str, Any]:
    """One article's record in the evaluation format."""
    return {
        "name": record.document.name,
        "published": record.document.published.isoformat() if record.document.published else None,
        "event": event_to_eval(record.event),
        "statements": [
            {
                "speaker": s.speaker_name,
                "speaker_affiliation": s.speaker_affiliation,
                "stance": s.stance,
                "target": s.target_name,
                "date": s.date.isoformat() if s.date else None,
                "quote": s.quote,
                "evidence": {
                    "start": s.evidence.start,
                    "end": s.evidence.end,
                    "producer": s.evidence.producer,
                    "rules": s.evidence.rules,
                },
            }
            for s in record.statements
        ],
    }


def attributions_to_eval(record: ArticleRecord) -> dict[str, Any]:
    """The attribution-span format read by ``score_attributions.py``."""

    def pair(span):
        return [span.start, span.end] if span else None

    return {
        "attributions": [
            {"source": pair(a.source), "cue": pair(a.cue), "content": pair(a.content)} for a in record.attributions
        ]
    }
