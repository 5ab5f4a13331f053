"""The analyst workbench: a REST API and server-rendered pages over the store (``counterclaim serve``).

``create_app`` builds the FastAPI application from :class:`WebSettings`; the
API lives in ``api/`` (one module per group of routes), the pages in
``pages/`` with their ``templates/`` and ``static/`` files.
"""

from counterclaim.web.app import create_app
from counterclaim.web.settings import WebSettings

__all__ = ["WebSettings", "create_app"]
