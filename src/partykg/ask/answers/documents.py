"""Questions about a document: replacements, issuer, relations, in force, drafted by /
submitted to / approved at, and its card."""

from __future__ import annotations

import pyoxigraph as ox

from partykg.ask.facts import (dedup, entity, facts, known_by, literal_sources, mentions_of,
                               related as related_iris, source, sources_of)
from partykg.ask.resolve import describe
from partykg.model.vocab import BASE, PK, XSD
from partykg.store import queries

RELATION_INVERSE = {"implements": "implementedBy", "amends": "amendedBy", "guides": "guidedBy",
                    "continues": "continuedBy", "cites": "citedBy", "basedOn": "basisFor",
                    "inConjunctionWith": "inConjunctionWith"}


def replacement_steps(kg, doc: str, forward: bool, lang: str, as_of: str | None) -> list[dict]:
    q = "replaced-by" if forward else "replaces"
    rows = queries.run(kg, q, {"doc": ox.NamedNode(doc)})
    steps: dict[tuple[str, str, str], dict] = {}
    for r in rows:
        key = (r["older"].value, r["newer"].value, r["relation"].value)
        if key in steps:
            continue
        planned = r["relation"].value == PK + "plannedToReplace"
        st = steps[key] = {"older": entity(kg, r["older"].value, lang),
                           "newer": entity(kg, r["newer"].value, lang),
                           "relation": "plannedToReplace" if planned else "replaces",
                           "status": "planned" if planned else "issued", "as_of": None,
                           "sources": sources_of(kg, r["newer"].value, r["relation"].value,
                                                 r["older"], lang)}
        newer = describe(kg, r["newer"].value)
        st["date"] = newer.get("date")
        st["reported"] = min((s[1] for s in newer["statuses"] if s[1]), default=None)
        statuses = [s for s in newer["statuses"] if known_by(s[1], as_of)]
        if statuses:
            st["status"], st["as_of"] = statuses[-1]
            if not planned and st["status"] in ("planned", "draft"):
                st["status"] = "issued"
        st["with"] = [entity(kg, o, lang) for o in
                      related_iris(kg, r["newer"].value, PK + "inConjunctionWith")
                      if o != r["older"].value]
    out = []
    for st in steps.values():
        when = st["date"] if st["relation"] == "replaces" else st["reported"]
        st.pop("reported", None)
        if when is None and as_of and st["relation"] == "replaces":
            continue  # an undated replacement is not known to stand by a date
        if known_by(when, as_of):
            out.append(st)
    out.sort(key=lambda s: (s["date"] or s["as_of"] or "9999"), reverse=not forward)
    return out


def replaced_by(kg, a, p, doc: str) -> None:
    a.relation = "replacedBy"
    a.answers = replacement_steps(kg, doc, True, a.language, a.as_of)


def replaces(kg, a, p, doc: str) -> None:
    a.relation = "replaces"
    a.answers = replacement_steps(kg, doc, False, a.language, a.as_of)


def issuer(kg, a, p, doc: str) -> None:
    a.relation = "issuedBy"
    d = describe(kg, doc)
    item: dict = {"issuer": None, "issuers": [], "date": d.get("date"), "sources": []}
    for body in d.get("issuers", []):  # a joint document: every issuer, in IRI order
        item["issuers"].append(entity(kg, body, a.language))
        item["sources"] += sources_of(kg, doc, PK + "issuedBy", ox.NamedNode(body), a.language)
    if item["issuers"]:
        item["issuer"] = item["issuers"][0]
    if d.get("date"):
        item["sources"] += literal_sources(kg, doc, PK + "dateIssued", a.language)
    item["sources"] = dedup(item["sources"])
    item["statuses"] = [{"status": s, "as_of": w} for s, w in d["statuses"] if known_by(w, a.as_of)]
    if not item["issuers"]:  # no issuer recorded: who drafts it, whom it goes to, where adopted
        item["recorded"] = [
            {"relation": prop, "entity": entity(kg, other, a.language),
             "sources": sources_of(kg, doc, PK + prop, ox.NamedNode(other), a.language)}
            for prop in ("draftedBy", "submittedTo", "approvedAt")
            for other in related_iris(kg, doc, PK + prop)]
        for project in related_iris(kg, doc, PK + "proposes", "in"):  # "Project for a Regulation"
            item["recorded"].append({"relation": "proposedBy", "entity": entity(kg, project, a.language),
                                     "sources": sources_of(kg, project, PK + "proposes",
                                                           ox.NamedNode(doc), a.language)})
            for other in related_iris(kg, project, PK + "submittedTo"):
                item["recorded"].append({
                    "relation": "submittedTo", "of": entity(kg, project, a.language),
                    "entity": entity(kg, other, a.language),
                    "sources": sources_of(kg, project, PK + "submittedTo", ox.NamedNode(other), a.language)})
    a.answers = [item]


def related(kg, a, p, doc: str) -> None:
    rel = p.relation or "implements"
    direction = "in" if p.intent == "related_in" else "out"
    a.relation = rel if direction == "out" else RELATION_INVERSE[rel]
    seen = set()
    for d_ in ("out", "in") if rel == "inConjunctionWith" else (direction,):
        for other in related_iris(kg, doc, PK + rel, d_):
            if other in seen:
                continue
            seen.add(other)
            s, o = (other, doc) if d_ == "in" else (doc, other)
            a.answers.append({"document": entity(kg, other, a.language),
                              "sources": sources_of(kg, s, PK + rel, ox.NamedNode(o), a.language)})


PROPERTY_OF = {"drafted_by": "draftedBy", "submitted_to": "submittedTo",
               "approved_at": "approvedAt", "proposes": "proposes"}
# a body's side of those: what it drafts, what is submitted to it
OF_BODY = {"drafts_of_body": ("draftedBy", "drafts"), "submitted_to_body": ("submittedTo", "receives")}


def of_body(kg, a, p, body: str) -> None:
    """The documents a body drafts, or that are submitted to it, each with its status."""
    prop, a.relation = OF_BODY[p.intent]
    for doc in related_iris(kg, body, PK + prop, "in"):
        srcs = sources_of(kg, doc, PK + prop, ox.NamedNode(body), a.language)
        if a.as_of and srcs and all(not known_by(s.get("date"), a.as_of) for s in srcs):
            continue  # reported only after the date asked about
        a.answers.append({"entity": entity(kg, doc, a.language), "sources": srcs})


def by_property(kg, a, p, doc: str) -> None:
    """Who drafts it, whom it is submitted to, where it was approved, what it proposes."""
    prop = PROPERTY_OF[p.intent]
    a.relation = prop
    for other in related_iris(kg, doc, PK + prop):
        a.answers.append({"entity": entity(kg, other, a.language),
                          "sources": sources_of(kg, doc, PK + prop, ox.NamedNode(other), a.language)})
    if not a.answers and p.intent in ("drafted_by", "approved_at") and describe(kg, doc).get("issuers"):
        # "who made / who approved Directive 51": no drafter or meeting recorded, its issuer is
        p.intent = a.intent = "issuer"
        issuer(kg, a, p, doc)


def _date_year(p) -> int | None:
    """The year a question asks a document's force on, leaving out a year that picks the
    document: the mention's own year ("Directive 35 of 2024") or a year right after it
    ("35-CT/TW năm 2024", "35-CT/TW of 2024", "tahun 2024")."""
    import re

    m = p.subject
    for y in p.found.of("year"):
        if m is not None and (m.year == y.value or (m.end <= y.start and re.fullmatch(
                r"[\s,]*(?:of|nam|de|du|tahun|from)?\s*", p.found.folded[m.end:y.start]))):
            continue
        return y.value
    return None


def in_force(kg, a, p, doc: str) -> None:
    import datetime as dt  # only here: not at load time

    # a year that picks the document ("Directive 35 of 2024") is no date to check it on
    year = _date_year(p)
    asked = p.date or (f"{year}-12-31" if year else None) or a.as_of
    day = asked or dt.date.today().isoformat()
    a.as_of = a.as_of or day
    a.relation = "inForce"
    d = describe(kg, doc)
    rows = queries.run(kg, "in-force", {"doc": ox.NamedNode(doc),
                                        "date": ox.Literal(day, datatype=ox.NamedNode(XSD + "date"))})
    statuses = [s for s in d["statuses"] if known_by(s[1], day)]
    # with no date asked, every replacement the graph records counts, dated or not
    steps = replacement_steps(kg, doc, True, a.language, asked)
    item: dict = {"date": day, "issued": d.get("date"), "statuses": statuses and
                  [{"status": s, "as_of": w} for s, w in statuses]}
    if any(s[0] in ("planned", "draft") for s in statuses) and not d.get("date"):
        item["verdict"] = "not_issued"
    elif d.get("date") and d["date"][:len(day)] > day[:len(d["date"])]:
        item["verdict"] = "not_yet_issued"
    elif any(s["relation"] == "replaces" for s in steps):
        item["verdict"] = "replaced"
    elif any(s[0] == "no-longer-in-force" for s in statuses):
        item["verdict"] = "no_longer_in_force"
    elif rows:
        item["verdict"] = "no_end_recorded"
    elif not d.get("date"):
        item["verdict"] = "issue_date_unknown"
    else:
        item["verdict"] = "unknown"
    item["replacements"] = steps
    a.answers = [item]


def card(kg, a, p, iri: str) -> None:
    a.relation = "card"
    lang = a.language
    found: dict[tuple[str, str, str], dict] = {}
    skip = {PK + "hasStatus", PK + "holdsPost", PK + "corpusFile"}
    for r in facts(kg, iri):
        if r["p"] is None or r["p"].value in skip or isinstance(r["o"], ox.BlankNode):
            continue
        o = r["o"]
        key = (r["direction"].value, r["p"].value, str(o))
        f = found.get(key)
        if f is None:
            value = entity(kg, o.value, lang) if isinstance(o, ox.NamedNode) else o.value
            if isinstance(o, ox.NamedNode) and value["kind"] == "unknown":
                value = o.value.removeprefix(BASE) if o.value.startswith(BASE) else o.value
            f = found[key] = {"direction": r["direction"].value, "property": short(r["p"].value),
                              "value": value, "sources": []}
        if r["source"] is not None:
            f["sources"].append(source(kg, r, lang))
    for f in found.values():
        f["sources"] = dedup(f["sources"])
    a.answers = [f for f in found.values()
                 if f["property"] not in ("rdf:type", "pk:documentType", "skos:prefLabel",
                                          "skos:hiddenLabel", "rdfs:comment")
                 and not (isinstance(f["value"], dict) and f["value"].get("kind") == "source")]
    d = describe(kg, iri)
    if d["kind"] == "person":
        from partykg.ask.answers.people import holdings

        a.answers += [{"direction": "out", "property": "pk:holdsPost", **h}
                      for h in holdings(kg, iri, lang, a.as_of)]
    if d["kind"] == "document":
        for s_, as_of in d["statuses"]:
            if known_by(as_of, a.as_of):
                a.answers.append({"direction": "out", "property": "pk:status", "value": s_,
                                  "as_of": as_of, "sources": []})
    ms = mentions_of(kg, iri, lang)
    if ms:
        a.answers.append({"direction": "mention", "property": "mentioned", "value": None,
                          "sources": ms})


def short(iri: str) -> str:
    from partykg.model.vocab import PREFIXES

    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return iri
