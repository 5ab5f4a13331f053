"""Reports over stored records: the narrative of an event, the listing of events, per-document reports.

``narrative.py`` builds an event's narrative (``models.py``), with its brief
(``brief.py``), matrix (``matrix.py``) and cited passages (``passages.py``);
``sections.py`` lays it out once, and ``narrative_render.py`` (text, Markdown,
JSON) and ``html.py`` only decorate that layout, so the formats never drift
apart. ``collect.py`` chooses what a store yields; ``document.py`` builds
per-document dicts and ``render.py`` lays them and the listing out as text,
Markdown or JSON.
"""

from counterclaim.events import UnknownEvent
from counterclaim.report.collect import event_entries, event_entry, event_narrative, reports_from_store
from counterclaim.report.document import document_report
from counterclaim.report.narrative import NarrativeReport, build_narrative
from counterclaim.report.narrative_render import (
    NARRATIVE_FORMATS,
    NarrativeFormat,
    consensus_line,
    format_for_path,
    render_narrative,
    render_narratives,
    write_narrative,
)
from counterclaim.report.render import FORMATS, Format, render

__all__ = [
    "FORMATS",
    "NARRATIVE_FORMATS",
    "Format",
    "NarrativeFormat",
    "NarrativeReport",
    "UnknownEvent",
    "build_narrative",
    "consensus_line",
    "document_report",
    "event_entries",
    "event_entry",
    "event_narrative",
    "format_for_path",
    "render",
    "render_narrative",
    "render_narratives",
    "reports_from_store",
    "write_narrative",
]
