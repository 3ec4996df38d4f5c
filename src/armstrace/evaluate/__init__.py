"""The scorer of ONTOLOGY.md: gold files, document-level matching, figures and reports."""
from .counts import Agreement, Counts
from .gold import GoldDoc, GoldFileError, read_gold
from .report import format_errors, format_table
from .runner import ExtractorFailed, evaluate, score_gold
from .scorer import ErrorItem, Score, ScoreInputError, score

__all__ = ["Agreement", "Counts", "ErrorItem", "ExtractorFailed", "GoldDoc",
           "GoldFileError", "Score", "ScoreInputError", "evaluate", "format_errors",
           "format_table", "read_gold", "score", "score_gold"]
