"""The REST API and the web page, one FastAPI application over one knowledge base."""
from .app import create_app

__all__ = ["create_app"]
