"""rdflib namespaces of the partykg vocabularies.

``PK``, ``PKDT`` and ``PKST`` are closed: they list exactly the terms that ontology/partykg.ttl,
ontology/doctypes.ttl and ontology/statuses.ttl declare (tests/test_namespaces.py keeps them in
step), so a misspelt term fails at once (``PK.issuedby`` raises AttributeError) instead of
silently minting a new IRI. Terms that are not Python identifiers are reached by subscript:
``PKST["in-force"]``, ``PKDT["working-regulations"]``.

For code that must not import rdflib, the same IRIs are plain strings in :mod:`partykg.model.vocab`.
"""

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

BASE = Namespace("https://w3id.org/partykg/id/")

ELI = Namespace("http://data.europa.eu/eli/ontology#")
ELIDL = Namespace("http://data.europa.eu/eli/eli-draft-legislation-ontology#")
ORG = Namespace("http://www.w3.org/ns/org#")
PROV = Namespace("http://www.w3.org/ns/prov#")
WD = Namespace("http://www.wikidata.org/entity/")


class PK(DefinedNamespace):
    """The partykg ontology (ontology/partykg.ttl)."""

    _NS = Namespace("https://w3id.org/partykg/ontology#")
    _fail = True

    # --- classes: bodies ---
    Body: URIRef
    PartyBody: URIRef
    NationalCongress: URIRef
    CentralCommittee: URIRef
    Politburo: URIRef
    Secretariat: URIRef
    PartyCommittee: URIRef
    MinistryPartyCommittee: URIRef
    CentralAgenciesPartyCommittee: URIRef
    OverseasPartyCommittee: URIRef
    ExecutiveCommittee: URIRef
    StandingCommittee: URIRef
    InspectionCommission: URIRef
    PartyPersonnelCommittee: URIRef
    CentralCommission: URIRef
    CentralOrganisationCommission: URIRef
    CentralInternalAffairsCommission: URIRef
    CentralInspectionCommission: URIRef
    SteeringCommittee: URIRef
    PartyOffice: URIRef
    StateBody: URIRef
    Government: URIRef
    Ministry: URIRef
    MassOrganisation: URIRef

    # --- classes: documents ---
    Document: URIRef
    Resolution: URIRef
    Directive: URIRef
    Regulation: URIRef
    Decision: URIRef
    Conclusion: URIRef
    Notice: URIRef
    Guidance: URIRef
    Plan: URIRef
    Programme: URIRef
    WorkingRegulations: URIRef
    Project: URIRef
    Report: URIRef
    Law: URIRef
    Ordinance: URIRef
    Decree: URIRef
    Circular: URIRef
    OfficialLetter: URIRef
    UnclassifiedDocument: URIRef

    # --- classes: events ---
    Event: URIRef
    PartyCongress: URIRef
    NationalPartyCongress: URIRef
    PartyCommitteeCongress: URIRef
    Conference: URIRef
    Plenum: URIRef

    # --- classes: other ---
    Merger: URIRef
    Establishment: URIRef
    Dissolution: URIRef
    Renaming: URIRef
    Term: URIRef
    Person: URIRef
    PostHolding: URIRef
    SourceArticle: URIRef
    Evidence: URIRef
    StatusStatement: URIRef
    EvidencedProperty: URIRef

    # --- document identification and description ---
    code: URIRef
    codeAsWritten: URIRef
    number: URIRef
    documentType: URIRef
    possibleDocumentType: URIRef
    title: URIRef
    subject: URIRef
    dateIssued: URIRef
    issuedBy: URIRef
    term: URIRef

    # --- relations between documents (the …By inverses are never stored) ---
    replaces: URIRef
    replacedBy: URIRef
    plannedToReplace: URIRef
    plannedToBeReplacedBy: URIRef
    amends: URIRef
    amendedBy: URIRef
    implements: URIRef
    implementedBy: URIRef
    guides: URIRef
    guidedBy: URIRef
    continues: URIRef
    continuedBy: URIRef
    basedOn: URIRef
    basisFor: URIRef
    cites: URIRef
    citedBy: URIRef
    inConjunctionWith: URIRef
    proposes: URIRef
    proposedBy: URIRef

    # --- drafting, adoption, status ---
    draftedBy: URIRef
    submittedTo: URIRef
    approvedAt: URIRef
    hasStatus: URIRef
    status: URIRef
    asOf: URIRef

    # --- bodies and mergers ---
    mergedInto: URIRef
    decidedBy: URIRef
    eventDate: URIRef
    codeSuffix: URIRef

    # --- terms ---
    termOf: URIRef
    electedFor: URIRef
    startYear: URIRef
    endYear: URIRef

    # --- events ---
    startDate: URIRef
    endDate: URIRef
    ordinal: URIRef
    organizedBy: URIRef
    chairedBy: URIRef
    partOf: URIRef
    forTerm: URIRef

    # --- people and posts ---
    holdsPost: URIRef
    post: URIRef

    # --- sources and evidence ---
    url: URIRef
    corpusFile: URIRef
    retrieved: URIRef
    translationOf: URIRef
    quote: URIRef
    note: URIRef
    csvRow: URIRef

    # --- derived lookup keys ---
    codeKey: URIRef
    numberKey: URIRef
    nameKey: URIRef

    # --- annotation properties ---
    documentClass: URIRef


class PKDT(DefinedNamespace):
    """The document-type scheme (ontology/doctypes.ttl)."""

    _NS = Namespace("https://w3id.org/partykg/doctype/")
    _fail = True
    _extras = ["working-regulations", "official-letter"]

    DocumentTypes: URIRef
    resolution: URIRef
    directive: URIRef
    regulation: URIRef
    decision: URIRef
    conclusion: URIRef
    notice: URIRef
    guidance: URIRef
    plan: URIRef
    programme: URIRef
    project: URIRef
    report: URIRef
    law: URIRef
    ordinance: URIRef
    decree: URIRef
    circular: URIRef
    StateDocumentTypes: URIRef
    PartyOnlyDocumentTypes: URIRef
    unclassified: URIRef


class PKST(DefinedNamespace):
    """The status scheme (ontology/statuses.ttl)."""

    _NS = Namespace("https://w3id.org/partykg/status/")
    _fail = True
    _extras = ["in-force", "no-longer-in-force"]

    Statuses: URIRef
    issued: URIRef
    planned: URIRef
    draft: URIRef


def terms(ns: type[DefinedNamespace]) -> set[URIRef]:
    """Every term a closed namespace lists (annotated names and extras)."""
    names = [n for c in ns.__mro__ if issubclass(c, DefinedNamespace)
             for n in [*c.__dict__.get("__annotations__", {}), *c.__dict__.get("_extras", [])]]
    return {ns[n] for n in names if not n.startswith("_")}


__all__ = ["BASE", "ELI", "ELIDL", "ORG", "PK", "PKDT", "PKST", "PROV", "WD", "terms"]
