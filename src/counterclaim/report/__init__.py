"""Reports over stored records: per document (or per event), attack and statements, with evidence.

``document.py`` builds plain dicts, ``render.py`` lays them out as text,
Markdown or JSON.
"""

from counterclaim.report.collect import UnknownEvent, reports_from_store
from counterclaim.report.document import document_report, event_report
from counterclaim.report.render import FORMATS, Format, render

__all__ = ["FORMATS", "Format", "UnknownEvent", "document_report", "event_report", "render", "reports_from_store"]
