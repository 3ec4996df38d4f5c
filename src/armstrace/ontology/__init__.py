"""The record contract, declared as data in ``ontology.yaml``."""
from .records import Evidence, Field, Ontology, OntologyError, Record, RecordType, ontology, validate

__all__ = ["Evidence", "Field", "Ontology", "OntologyError", "Record", "RecordType",
           "ontology", "validate"]
