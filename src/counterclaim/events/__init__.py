"""Events across documents: which articles report the same attack, and why.

``EventIndex.assign`` places one new article; ``recluster`` rebuilds from all
records and replays user decisions; ``merge_statements`` folds the same
statement reported by several outlets into one.
"""

from counterclaim.events.cluster import Assignment, EventIndex, EventSummary, events_to_json
from counterclaim.events.decisions import (
    Decision,
    UnknownEvent,
    apply_decision,
    find_document,
    merge_decision,
    move_decision,
    recluster,
    split_decision,
)
from counterclaim.events.merge_statements import MergedStatement, merge_statements

__all__ = [
    "Assignment",
    "Decision",
    "EventIndex",
    "EventSummary",
    "MergedStatement",
    "UnknownEvent",
    "apply_decision",
    "events_to_json",
    "find_document",
    "merge_decision",
    "merge_statements",
    "move_decision",
    "recluster",
    "split_decision",
]
