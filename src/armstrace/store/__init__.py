"""Storage: one schema on SQLite (default) or PostgreSQL, through SQLAlchemy."""
from .queries import ClaimFilter, claims, documents
from .store import DEFAULT_DB, Store, database_url

__all__ = ["ClaimFilter", "claims", "documents", "DEFAULT_DB", "Store", "database_url"]
