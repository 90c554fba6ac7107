"""What a view looks like and says: kinds, categories, relation families, colours, page strings."""

from __future__ import annotations

import json
from pathlib import Path

from partykg.errors import PartykgError
from partykg.model.vocab import ORG, PK, PKST, RDFS, SKOS


KINDS = ("graph", "neighbourhood", "lineage", "bodies", "source")
LANGS = ("en", "vi")
EXPORT_FORMATS = ("graphml", "gexf", "json")

FOAF = "http://xmlns.com/foaf/0.1/"
_TEMPLATES = Path(__file__).resolve().parent / "templates"

# --- what is drawn, and how -----------------------------------------------------------------------

CATEGORIES = {  # top class -> (category, vis shape)
    PK + "Document": ("document", "box"),
    PK + "Body": ("body", "ellipse"),
    PK + "Event": ("event", "diamond"),
    PK + "Merger": ("merger", "hexagon"),
    PK + "Person": ("person", "triangle"),
}
_CATEGORY_ORDER = ("document", "body", "event", "merger", "person")

# Relations between documents that make up a lineage (stored direction: newer -> older).
LINEAGE_RELATIONS = tuple(PK + r for r in ("replaces", "plannedToReplace", "amends",
                                           "implements", "guides", "continues"))
PLANNED_RELATIONS = (PK + "plannedToReplace",)
PLANNED_STATUSES = (PKST + "planned", PKST + "draft")
HOLDS_POST = PK + "holdsPost"

# relation -> family (colour and legend entry)
RELATION_FAMILY = {
    PK + "replaces": "replacement", PK + "plannedToReplace": "replacement",
    PK + "amends": "amendment",
    PK + "implements": "implementation", PK + "guides": "implementation",
    PK + "continues": "implementation", PK + "proposes": "implementation",
    PK + "basedOn": "reference", PK + "cites": "reference", PK + "inConjunctionWith": "reference",
    PK + "issuedBy": "authorship", PK + "draftedBy": "authorship",
    PK + "submittedTo": "authorship", PK + "approvedAt": "authorship",
    ORG + "subOrganizationOf": "organisation", PK + "mergedInto": "organisation",
    ORG + "originalOrganization": "organisation", ORG + "resultingOrganization": "organisation",
    PK + "decidedBy": "organisation",
    PK + "organizedBy": "people", PK + "chairedBy": "people", PK + "partOf": "people",
    HOLDS_POST: "people",
}
FAMILY_COLOURS = {
    "replacement": "#c0392b", "amendment": "#d35400", "implementation": "#1e8449",
    "reference": "#7f8c8d", "authorship": "#34495e", "organisation": "#7d3c98",
    "people": "#117a65", "other": "#95a5a6",
}
_FAMILY_ORDER = tuple(FAMILY_COLOURS)

# Labels of the few W3C ORG terms the views draw (the ontology labels its own terms).
_EXTERNAL_LABELS = {
    ORG + "subOrganizationOf": {"en": "sub-organisation of", "vi": "trực thuộc"},
    ORG + "originalOrganization": {"en": "original organisation", "vi": "tổ chức ban đầu"},
    ORG + "resultingOrganization": {"en": "resulting organisation", "vi": "tổ chức hình thành"},
}

# Colours of classes (fill); a class not listed takes its category's colour.
CLASS_COLOURS = {
    "Resolution": "#f5b7b1", "Directive": "#aed6f1", "Regulation": "#a9dfbf",
    "Decision": "#f9e79f", "Conclusion": "#d7bde2", "Notice": "#fad7a0", "Guidance": "#a3e4d7",
    "Plan": "#d5dbdb", "Programme": "#f8c471", "WorkingRegulations": "#abebc6",
    "Project": "#d2b4de", "Report": "#e5e8e8", "UnclassifiedDocument": "#ffffff",
    "Document": "#ffffff",
    "Body": "#5dade2", "PartyBody": "#e74c3c", "NationalCongress": "#922b21",
    "CentralCommittee": "#c0392b", "Politburo": "#cb4335", "Secretariat": "#e74c3c",
    "PartyCommittee": "#ec7063", "MinistryPartyCommittee": "#f1948a",
    "CentralAgenciesPartyCommittee": "#f1948a", "OverseasPartyCommittee": "#f5b7b1",
    "ExecutiveCommittee": "#ec7063", "StandingCommittee": "#ec7063",
    "InspectionCommission": "#dc7633", "CentralCommission": "#e59866",
    "CentralOrganisationCommission": "#e59866", "CentralInternalAffairsCommission": "#e59866",
    "CentralInspectionCommission": "#dc7633", "SteeringCommittee": "#f0b27a",
    "PartyOffice": "#f5cba7", "StateBody": "#5dade2", "Government": "#2e86c1",
    "Ministry": "#5dade2", "MassOrganisation": "#48c9b0",
    "Event": "#f7dc6f", "PartyCongress": "#f4d03f", "NationalPartyCongress": "#f1c40f",
    "PartyCommitteeCongress": "#f7dc6f", "Conference": "#f9e79f", "Plenum": "#f4d03f",
    "Merger": "#bb8fce", "Person": "#58d68d",
}
_CATEGORY_COLOURS = {"document": "#ffffff", "body": "#5dade2", "event": "#f7dc6f",
                     "merger": "#bb8fce", "person": "#58d68d"}
_BORDER = "#2c3e50"

I18N = json.loads((_TEMPLATES / "i18n.json").read_text(encoding="utf-8"))  # page strings, per language

SEED_LAYOUT_ABOVE = 150  # nodes: bigger graphs start from seed_positions(), not at random
_LABEL_PROPS = (SKOS + "prefLabel", RDFS + "label", FOAF + "name", SKOS + "altLabel")
MAX_LABEL = 42


class ViewError(PartykgError):
    """A view that cannot be built from the given options (unknown focus, kind or language)."""


# --- queries --------------------------------------------------------------------------------------
