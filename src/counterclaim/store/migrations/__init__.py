"""Alembic migrations of the store, run programmatically by ``counterclaim.store.migrate``."""
