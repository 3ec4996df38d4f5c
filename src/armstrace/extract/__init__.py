"""Extraction: a pure function from a document to records with evidence."""
from .base import Extractor
from .registry import default_extractor, get_extractor, extractor_names

__all__ = ["Extractor", "default_extractor", "get_extractor", "extractor_names"]
