"""The feed monitor behind ``counterclaim watch``: follow feeds and pages, analyse what is new, alert on changes.

``feeds.py`` reads RSS and Atom feeds; ``dedup.py`` decides when two
articles are one (canonical URL, text hash, near-duplicate wire copy);
``state.py`` keeps the monitor's memory in the store; ``alerts.py`` says what a
new article changed in its event (terminal, JSONL, webhook); ``backoff.py``
retries transient failures; ``loop.py`` runs the passes. Fetching is
``ingest/fetch.py``'s, analysis and storage are ``analyze``'s.
"""

from counterclaim.watch.alerts import Alert, Alerts, JsonlSink, TerminalSink, WebhookSink
from counterclaim.watch.backoff import Backoff
from counterclaim.watch.loop import PassSummary, Watcher, WatchOptions, parse_duration

__all__ = [
    "Alert",
    "Alerts",
    "Backoff",
    "JsonlSink",
    "PassSummary",
    "TerminalSink",
    "WatchOptions",
    "Watcher",
    "WebhookSink",
    "parse_duration",
]
