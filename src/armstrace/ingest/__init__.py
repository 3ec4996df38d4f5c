"""Ingest: files, directories, feeds and streams into :class:`Document` objects."""
from .documents import Document, IngestError, InputError, document_id, normalise
from .sources import FORMATS, read, read_file, read_stream

__all__ = ["Document", "IngestError", "InputError", "document_id", "normalise", "FORMATS",
           "read", "read_file", "read_stream"]
