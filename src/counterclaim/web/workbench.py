"""What every request of the workbench shares: the settings, the store, actor names, the analyser, the templates.

One :class:`Workbench` lives in ``app.state.workbench`` for the server's
lifetime; routes reach it through the :func:`workbench` dependency. The
knowledge base behind :class:`~counterclaim.events.actors.ActorNames` loads
once, here, instead of once per request.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from functools import partial
from pathlib import Path
from typing import Annotated, Any

import jinja2
from fastapi import Depends, Request
from fastapi.templating import Jinja2Templates
from starlette.responses import Response

from counterclaim.events.actors import ActorNames
from counterclaim.store import Store
from counterclaim.web import links
from counterclaim.web.analysis import Analyser
from counterclaim.web.cache import Answers
from counterclaim.web.settings import WebSettings

TEMPLATES = Path(__file__).with_name("templates")


class Workbench:
    """The server's shared state; ``writes`` serialises everything that changes the store."""

    def __init__(self, settings: WebSettings, store: Store) -> None:
        self.settings = settings
        self.store = store
        self.names = ActorNames()
        self.writes = threading.Lock()
        self.analyser = Analyser()
        self.templates = Jinja2Templates(env=_environment(self.names))
        self.answers = Answers()

    def render(
        self,
        request: Request,
        template: str,
        context: Mapping[str, Any],
        status: int = 200,
        headers: Mapping[str, str] | None = None,
    ) -> Response:
        """A page from ``templates/``; every value is escaped (autoescape is on for every template)."""
        context = {**context, "token_required": bool(self.settings.token)}
        return self.templates.TemplateResponse(request, template, context, status_code=status, headers=headers)


def _environment(names: ActorNames) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,  # every template, whatever its suffix (.svg included): article text is untrusted
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        event_url=links.event_url,
        document_url=links.document_url,
        evidence_url=links.evidence_url,
        actor_url=links.actor_url,
        actor_ref=partial(links.actor_ref, names),
        search_url=links.search_url,
        anchor=links.anchor,
    )
    env.filters["day"] = lambda d: d.isoformat() if d else "undated"
    env.filters["distinct_spans"] = _distinct_spans
    return env


def _distinct_spans(refs: list[Any]) -> list[Any]:
    """Evidence with each span once (several speakers read from one sentence share its evidence)."""
    seen: dict[tuple[str, int, int], Any] = {}
    for ref in refs:
        seen.setdefault((ref.document_id, ref.start, ref.end), ref)
    return list(seen.values())


async def workbench(request: Request) -> Workbench:
    """Dependency: the server's :class:`Workbench` (async, so FastAPI does not hand it to a worker thread)."""
    return request.app.state.workbench


Bench = Annotated[Workbench, Depends(workbench)]
