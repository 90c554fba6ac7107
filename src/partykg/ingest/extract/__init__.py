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
from partykg.ingest.extract.bodies import find_bodies
from partykg.ingest.extract.mentions import find_mentions
from partykg.ingest.extract.relations import find_relations, find_mergers
from partykg.ingest.extract.group import extract

__all__ = ['MAX_BYTES', 'MAX_SENTENCE', 'MAX_OCCURRENCES', 'MAX_DOCUMENTS', 'ExtractError', 'Sentence', 'Body', 'Mention', 'Relation', 'Merger', 'Document', 'DocRelation', 'DocMerger', 'Extraction', 'decode', 'read_article', 'text_hash', 'detect_language', 'split_sentences', 'Patterns', 'patterns', 'body_key', 'normal_code', 'parse_any_code', 'find_bodies', 'find_mentions', 'find_relations', 'find_mergers', 'extract']
