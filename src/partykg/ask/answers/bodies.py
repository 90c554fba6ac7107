"""Questions about bodies: mergers (both directions, by deciding document, by year), hierarchy
(what a body is under, what is under it), and lists of documents by type, issuer, year and
status."""

from __future__ import annotations

import pyoxigraph as ox

from partykg.ask.facts import dated_by, dedup, entity, known_by, related, sources_of
from partykg.ask.resolve import describe
from partykg.model.vocab import ORG, PK, XSD
from partykg.store import queries


def _mergers(kg, lang: str, body: str | None) -> list[dict]:
    rows = queries.run(kg, "mergers", {"body": ox.NamedNode(body)} if body else {})
    by: dict[str, dict] = {}
    for r in rows:
        m = by.setdefault(r["merger"].value, {
            "merger": r["merger"].value, "originals": [], "result": entity(kg, r["result"].value, lang),
            "decided_by": entity(kg, r["decidedBy"].value, lang) if r["decidedBy"] else None,
            "date": r["date"].value if r["date"] else None, "sources": []})
        orig = r["original"].value
        if orig != r["result"].value and orig not in [o["iri"] for o in m["originals"]]:
            m["originals"].append(entity(kg, orig, lang))
            m["sources"] += sources_of(kg, orig, PK + "mergedInto", r["result"], lang)
        if r["decidedBy"] is not None:
            m["sources"] += sources_of(kg, r["merger"].value, PK + "decidedBy", r["decidedBy"], lang)
    for m in by.values():
        m["sources"] = dedup(m["sources"])
    return list(by.values())


def merged(kg, a, p, subject: str) -> None:
    """What was merged into a body, what it merged into; what a document merged."""
    a.relation = "merged"
    kind = describe(kg, subject)["kind"]
    ms = _mergers(kg, a.language, subject if kind == "body" else None)
    if kind == "document":
        ms = [m for m in ms if m["decided_by"] and m["decided_by"]["iri"] == subject]
    a.answers = [m for m in ms if known_by(m["date"], a.as_of)]


def mergers_year(kg, a, p, _subject) -> None:
    a.relation = f"merged in {p.year}" if p.year else "merged"
    ms = _mergers(kg, a.language, None)
    if p.year:
        ms = [m for m in ms if (m["date"] or "").startswith(str(p.year))]
    a.answers = [m for m in ms if dated_by(m["date"], a.as_of) or not a.as_of]


def hierarchy(kg, a, p, body: str) -> None:
    """What a body is under (up), or which bodies are under it (down)."""
    up = p.intent == "hierarchy_up"
    a.relation = "subOrganizationOf" if up else "hasSubOrganization"
    prop = ORG + "subOrganizationOf"
    for other in related(kg, body, prop, "out" if up else "in"):
        s, o = (body, other) if up else (other, body)
        a.answers.append({"entity": entity(kg, other, a.language),
                          "sources": sources_of(kg, s, prop, ox.NamedNode(o), a.language)})


def documents(kg, a, p, body: str | None) -> None:
    """Documents by type, issuing body, year and status (planned, draft...)."""
    lang = a.language
    types = sorted(p.types)
    a.relation = "documents"
    a.filters = {"types": types, "body": body, "year": p.year, "statuses": p.statuses}
    docs: dict[str, dict] = {}
    if p.statuses:
        for st in p.statuses:
            for r in queries.run(kg, "statuses", {"status": ox.NamedNode(st)}):
                as_of = r["asOf"].value if r["asOf"] else None
                if a.as_of and not dated_by(as_of, a.as_of):
                    continue
                d = describe(kg, r["doc"].value)
                if types and d.get("type") not in types:
                    continue
                if body and d.get("issuer") != body:
                    continue
                if p.year and not (as_of or "").startswith(str(p.year)) \
                        and not (d.get("date") or "").startswith(str(p.year)):
                    continue
                docs.setdefault(r["doc"].value, {"document": entity(kg, r["doc"].value, lang),
                                                 "sources": []})
    else:
        params: dict = {}
        if body:
            params["body"] = ox.NamedNode(body)
        if p.year:
            params["year"] = ox.Literal(str(p.year), datatype=ox.NamedNode(XSD + "integer"))
        for t in types or [None]:
            q = dict(params)
            if t:
                q["type"] = ox.NamedNode(t)
            for r in queries.run(kg, "documents", q):
                date = r["date"].value if r["date"] else None
                if a.as_of and not dated_by(date, a.as_of):
                    continue  # an undated document is never listed as issued by a date
                doc = r["doc"].value
                item = docs.setdefault(doc, {"document": entity(kg, doc, lang), "sources": []})
                if body:
                    item["sources"] = sources_of(kg, doc, PK + "issuedBy", ox.NamedNode(body), lang)
    a.answers = sorted(docs.values(), key=lambda i: (i["document"].get("date") or "9999",
                                                     i["document"]["label"]))
