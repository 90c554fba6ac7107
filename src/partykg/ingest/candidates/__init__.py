"""Candidate facts: an extraction linked to the graph, written to and read from a TriG file in
the pkc: vocabulary (ontology/candidates.ttl), and rendered for review.

One job: turn :class:`partykg.ingest.extract.Extraction` into reviewable candidates. Each document,
body and merger candidate says whether it matches exactly one entity of the graph (linked),
none (new, with the IRI :mod:`partykg.ingest.accept` would mint) or several (ambiguous, all listed:
never linked on a guess). Candidates files are not loaded into the project graph.

Linking rules:
- a document with a code: by ``pk:codeKey`` (the code's lookup key); several documents share a
  code across terms, so the year, when the text gives one, narrows them;
- a document named by type and number ("Directive 51", "Quy định 86"): by ``pk:numberKey`` and
  a compatible type (a QĐ regulation and a QĐ decision share a number series), narrowed by the
  issuer and the year when the text gives them (a document of the graph with no issuer or date
  is kept, as it may be the one);
- a document without a number: by one of its labels (``skos:prefLabel``/``skos:altLabel``) equal
  to the name as written, same type;
- a body: by one of its labels, compared word by word (case, accents and "the/of/du…" ignored).

The package, one job per module: :mod:`.model` (the candidate classes), :mod:`.build` (from an
extraction), :mod:`.link` (linking to the graph, the IRIs accept would mint), :mod:`.trig` (the
candidates file, written and read) and :mod:`.render` (the text listing for review).
"""

from partykg.ingest.candidates.build import build, source_stem
from partykg.ingest.candidates.link import document_path_for, link, propose
from partykg.ingest.candidates.model import (EXTRACTOR_VERSION, MAX_CANDIDATES_BYTES, PK_CLASS,
                                             RELATION_KINDS, BodyCand, CandidatesError,
                                             CandidateSet, DocCand, MergerCand, Occurrence,
                                             RelCand, valid_stem)
from partykg.ingest.candidates.render import render
from partykg.ingest.candidates.trig import date_literal, read, to_quads, write

__all__ = ["EXTRACTOR_VERSION", "MAX_CANDIDATES_BYTES", "PK_CLASS", "RELATION_KINDS", "BodyCand",
           "CandidatesError", "CandidateSet", "DocCand", "MergerCand", "Occurrence", "RelCand",
           "build", "date_literal", "document_path_for", "link", "propose", "read", "render",
           "source_stem", "to_quads", "valid_stem", "write"]
