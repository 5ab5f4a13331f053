"""Brings a database to the newest schema with Alembic, from inside the package.

The store calls :func:`upgrade` every time it opens, so a user never runs a
migration by hand and an old database is upgraded on first use. The Alembic
configuration is built in code (script location inside the package), so no
``alembic.ini`` has to sit in the user's working directory.
"""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from sqlalchemy.engine import Engine

SCRIPT_LOCATION = "counterclaim.store:migrations"


def alembic_config() -> Config:
    """The Alembic configuration for counterclaim's migrations (also usable for ``command.revision``)."""
    config = Config()
    config.set_main_option("script_location", SCRIPT_LOCATION)
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Apply every migration up to ``revision`` on ``engine``'s database."""
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
