"""Text -> candidate document mentions and relations. Pure Python, rule based, offline.

One job: read an article's text and say which documents it names (type, number, code, date,
issuer, subject), which relations between them it signals (replaces / planned replacement,
amends, implements, guides, continues) and which mergers of bodies it reports, each with the
sentence it comes from. Linking to the graph, writing candidates and accepting them live in
:mod:`partykg.ingest.candidates` and :mod:`partykg.ingest.accept`.

The vocabulary (type names, cues, body names …) is in :mod:`partykg.ingest.extract_lang`; the rules
here name no document, body or article.

Robustness: the input is checked before anything runs (binary, mis-encoded, empty, too large);
every regular expression has bounded repetition and no nested quantifiers, sentences are capped
in length, and the work per sentence is linear, so no input makes the extractor hang.
"""


from __future__ import annotations

from partykg.ingest.extract.codes import normal_code, parse_any_code
from partykg.ingest.extract.data import MAX_BYTES, MAX_SENTENCE, MAX_OCCURRENCES, MAX_DOCUMENTS, ExtractError, Sentence, Body, Mention, Relation, Merger, Document, DocRelation, DocMerger, Extraction, body_key
from partykg.ingest.extract.clean import decode, read_article, text_hash
from partykg.ingest.extract.sentences import detect_language, split_sentences
from partykg.ingest.extract.patterns import Patterns, patterns

# the rules proper (bodies, mentions, relations, grouping: most of the package's import time) are
# imported when first asked for: reading, linking and accepting candidates need only the codes,
# the data classes and the text helpers above (``partykg accept`` starts 0.2 s sooner)
_LAZY = {"find_bodies": "bodies", "find_mentions": "mentions", "find_relations": "relations",
         "find_mergers": "relations", "extract": "group"}


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


__all__ = ['MAX_BYTES', 'MAX_SENTENCE', 'MAX_OCCURRENCES', 'MAX_DOCUMENTS', 'ExtractError', 'Sentence', 'Body', 'Mention', 'Relation', 'Merger', 'Document', 'DocRelation', 'DocMerger', 'Extraction', 'decode', 'read_article', 'text_hash', 'detect_language', 'split_sentences', 'Patterns', 'patterns', 'body_key', 'normal_code', 'parse_any_code', 'find_bodies', 'find_mentions', 'find_relations', 'find_mergers', 'extract']
