"""``/api/actors``: the actors statements name, with how often each speaks and is named."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request

from counterclaim.store import browse
from counterclaim.web import links
from counterclaim.web.api.models import ActorOut, Page
from counterclaim.web.api.params import PageParams
from counterclaim.web.workbench import Bench

router = APIRouter(tags=["actors"])


@router.get("/actors", response_model=Page[ActorOut])
def list_actors(
    request: Request,
    bench: Bench,
    paging: PageParams,
    name: Annotated[str | None, Query(description="part of the actor's name")] = None,
) -> dict:
    """Actors with an id (knowledge base or text), most quoted first. Their statements: ``/api/statements?actor=``."""
    page = bench.store.read(browse.actor_list, name, paging.limit, paging.offset)
    items = [ActorOut(**row, page=links.actor_url(row["id"])) for row in page.items]
    return paging.wrap(request, page, items)


@router.get("/actors/{actor}", response_model=ActorOut)
def get_actor(actor: str, bench: Bench) -> ActorOut:
    """An actor by id, or a speaker known only by name (``prominent regime officials``)."""
    try:
        row = bench.store.read(browse.actor, actor)
    except KeyError as err:
        raise HTTPException(404, f"no actor {actor!r}") from err
    return ActorOut(**row, page=links.actor_url(actor))
