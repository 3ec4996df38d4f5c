"""Command-line interface (Typer with Rich)."""
from .app import app, main

__all__ = ["app", "main"]
