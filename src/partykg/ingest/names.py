"""Type, status and issuer cells resolved as ``partykg ask`` resolves names: through the labels
the graph holds (the SKOS schemes' labels and notations, the bodies' display, alternative and
hidden names) folded to their name keys (:func:`partykg.model.ids.name_key`: case, diacritics,
spaces and punctuation do not matter). Nothing here names a type, a status or a body.

A body cell is matched, in this order, stopping at the first step that finds something:
1. a name key equal to the cell's (``lookup-name``: "Bộ Chính trị", "bo chinh tri", "BAN BI THU");
2. the same without spaces ("BCHTW" for a label "BCH TW");
3. a name that starts or ends with the cell's words ("Central Committee" for "Party Central
   Committee").
A step that finds several bodies is an error listing them: a body is never guessed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox

from partykg.model import ids
from partykg.store import queries

BODY_NAMES = """SELECT DISTINCT ?b ?name WHERE {
  ?b a ?cls . ?cls rdfs:subClassOf* pk:Body .
  ?b skos:prefLabel|skos:altLabel|skos:hiddenLabel ?name }"""
BODY_LABELS = """SELECT DISTINCT ?b ?name WHERE {
  ?b a ?cls . ?cls rdfs:subClassOf* pk:Body . ?b skos:prefLabel ?name FILTER(LANG(?name) = "en") }
  ORDER BY ?b ?name"""
STATUS_NAMES = """SELECT DISTINCT ?s ?name WHERE {
  ?s skos:inScheme pkst:Statuses ; skos:prefLabel|skos:altLabel|skos:hiddenLabel|skos:notation ?name }"""


@dataclass
class Names:
    """What the graph calls types, statuses and bodies (name key -> IRIs)."""

    kg: object
    types: dict[str, set[str]] = field(default_factory=dict)        # name key -> type concepts
    notations: dict[str, set[str]] = field(default_factory=dict)    # code key of an abbreviation
    type_class: dict[str, str] = field(default_factory=dict)        # concept -> class
    type_label: dict[str, dict[str, str]] = field(default_factory=dict)  # concept -> lang -> label
    statuses: dict[str, set[str]] = field(default_factory=dict)
    bodies: dict[str, set[str]] = field(default_factory=dict)       # name key -> bodies
    body_label: dict[str, str] = field(default_factory=dict)        # body -> English name
    _body_cache: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def of(cls, kg) -> "Names":
        v = cls(kg)
        for r in queries.run(kg, "document-types"):
            c, name, kind = r["type"].value, r["name"].value, r["kind"].value
            v.type_class[c] = r["class"].value
            v.types.setdefault(ids.name_key(name), set()).add(c)
            if kind != "pref":  # abbreviations also by their code key (QĐ, QD -> qd)
                v.types.setdefault(ids.code_key(name).lower(), set()).add(c)
            if kind == "notation" or (kind == "alt" and not r["name"].language):
                v.notations.setdefault(ids.code_key(name), set()).add(c)
            if kind == "pref" and r["name"].language:
                v.type_label.setdefault(c, {})[r["name"].language] = name
        for r in kg.select(STATUS_NAMES):
            v.statuses.setdefault(ids.name_key(r["name"].value), set()).add(r["s"].value)
        for r in kg.select(BODY_LABELS):
            v.body_label.setdefault(r["b"].value, r["name"].value)
        for r in kg.select(BODY_NAMES):
            b, name = r["b"].value, r["name"]
            key = ids.name_key(name.value)
            if key:
                v.bodies.setdefault(key, set()).add(b)
        return v

    # --- types and statuses -------------------------------------------------------------------

    def type(self, text: str) -> set[str]:
        """The type concepts a type cell names ("Quy định", "regulation", "QĐi": one; "QĐ": two)."""
        key = ids.name_key(text)
        return set(self.types.get(key) or self.types.get(ids.code_key(text).lower()) or ())

    def types_of_code(self, code: ids.Code) -> set[str]:
        """The types a code's abbreviation allows (CT: Directive; QĐ: Regulation or Decision)."""
        return set(self.notations.get(ids.code_key(code.type), ()))

    def status(self, text: str) -> set[str]:
        return set(self.statuses.get(ids.name_key(text), ()))

    def type_name(self, concept: str, lang: str = "en") -> str:
        labels = self.type_label.get(concept, {})
        return labels.get(lang) or labels.get("en") or concept.rsplit("/", 1)[-1]

    def known_types(self) -> list[str]:
        return sorted({lab for c in self.type_label.values() for lab in (c.get("en"), c.get("vi"))
                       if lab})

    # --- bodies --------------------------------------------------------------------------------

    def body(self, text: str) -> list[str]:
        """The bodies an issuer cell names (see the module's doc): one, several or none."""
        key = ids.name_key(text)
        if key in self._body_cache:
            return self._body_cache[key]
        found: list[str] = []
        if key:
            known = {b for bs in self.bodies.values() for b in bs}
            exact = [r["entity"].value for r in
                     queries.run(self.kg, "lookup-name", {"name": ox.Literal(key)})]
            found = sorted({b for b in exact if b in known})
            if not found:
                squeezed = key.replace(" ", "")
                found = sorted({b for k, bs in self.bodies.items() if k.replace(" ", "") == squeezed
                                for b in bs})
            if not found:
                found = sorted({b for k, bs in self.bodies.items()
                                if k.startswith(key + " ") or k.endswith(" " + key) for b in bs})
        self._body_cache[key] = found
        return found

    def body_name(self, body: str) -> str:
        return self.body_label.get(body) or body.rsplit("/", 1)[-1]
