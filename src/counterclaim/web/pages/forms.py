"""Reading the query strings of the pages' forms, where an empty field means "not given"."""

from __future__ import annotations

import datetime as dt

from fastapi import HTTPException

from counterclaim.records import Stance
from counterclaim.store.browse import Filters

STANCES: tuple[Stance, ...] = ("claim", "confirm", "accuse", "deny", "condemn", "other")


def blank(value: str | None) -> str | None:
    """A form field's value, None when empty (a form sends all its fields, so an empty one means "not given")."""
    return value.strip() or None if value is not None else None


def day(value: str | None, field: str) -> dt.date | None:
    """A YYYY-MM-DD field; a bad value is a 400 naming the field."""
    value = blank(value)
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as err:
        raise HTTPException(400, f"{field}: not a date (YYYY-MM-DD): {value!r}") from err


def filters(
    date_from: str | None, date_to: str | None, actor: str | None, stance: str | None, event: str | None = None
) -> Filters:
    stance = blank(stance)
    if stance is not None and stance not in STANCES:
        raise HTTPException(400, f"stance: one of {', '.join(STANCES)}, not {stance!r}")
    return Filters(
        event=blank(event),
        actor=blank(actor),
        stance=stance,
        date_from=day(date_from, "from"),
        date_to=day(date_to, "to"),
    )
