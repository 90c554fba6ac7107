"""Questions about bodies: mergers (both directions, by deciding document, by year), hierarchy
(what a body is under, what is under it), and lists of documents by type, issuer, year and
status."""

from __future__ import annotations

import pyoxigraph as ox

from partykg.ask.facts import dated_by, dedup, entity, known_by, related, sources_of
from partykg.ask.resolve import describe
from partykg.model.vocab import ORG, PK, XSD
from partykg.store import queries


CHANGE_KINDS = {"Merger": "merger", "Establishment": "establishment", "Dissolution": "dissolution",
                "Renaming": "renaming"}


def _changes(kg, lang: str, body: str | None, year: int | None = None) -> list[dict]:
    """Mergers, establishments, dissolutions and renamings (the body-changes query), each with
    its bodies, deciding document, date and sources."""
    params: dict = {}
    if body:
        params["body"] = ox.NamedNode(body)
    if year:
        params["year"] = ox.Literal(str(year), datatype=ox.NamedNode(XSD + "integer"))
    by: dict[str, dict] = {}
    for r in queries.run(kg, "body-changes", params):
        ch = by.setdefault(r["change"].value, {
            "change": r["change"].value, "id": r["change"].value.rsplit("/id/", 1)[-1],
            "kind": CHANGE_KINDS.get(r["kind"].value.rsplit("#", 1)[-1], "change"),
            "originals": [], "result": None,
            "decided_by": entity(kg, r["decidedBy"].value, lang) if r["decidedBy"] else None,
            "date": r["date"].value if r["date"] else None, "sources": []})
        if r["result"] is not None and ch["result"] is None:
            ch["result"] = entity(kg, r["result"].value, lang)
        orig = r["original"].value if r["original"] is not None else None
        if orig and orig != (r["result"].value if r["result"] else None) \
                and orig not in [o["iri"] for o in ch["originals"]]:
            ch["originals"].append(entity(kg, orig, lang))
            if r["result"] is not None:
                ch["sources"] += sources_of(kg, orig, PK + "mergedInto", r["result"], lang)
        if r["decidedBy"] is not None:
            ch["sources"] += sources_of(kg, r["change"].value, PK + "decidedBy", r["decidedBy"], lang)
    for ch in by.values():
        ch["sources"] = dedup(ch["sources"])
    return sorted(by.values(), key=lambda c: (c["date"] or "", c["change"]))


def merged(kg, a, p, subject: str) -> None:
    """What happened to a body (merged, merged into, established, ended, renamed); what a
    document merged or established."""
    a.relation = "changes"
    kind = describe(kg, subject)["kind"]
    chs = _changes(kg, a.language, subject if kind == "body" else None)
    if kind == "document":
        chs = [c for c in chs if c["decided_by"] and c["decided_by"]["iri"] == subject]
    wanted = set(p.change_kinds) if getattr(p, "change_kinds", None) else None
    if wanted and any(c["kind"] in wanted for c in chs):
        chs = [c for c in chs if c["kind"] in wanted]
    a.answers = [c for c in chs if known_by(c["date"], a.as_of)]


def mergers_year(kg, a, p, _subject) -> None:
    """The changes of a year: mergers, establishments, dissolutions, renamings (as asked)."""
    a.relation = f"changes in {p.year}" if p.year else "changes"
    chs = _changes(kg, a.language, None, p.year)
    wanted = set(p.change_kinds or ["merger"])
    a.answers = [c for c in chs if c["kind"] in wanted and (not a.as_of or dated_by(c["date"], a.as_of))]


def hierarchy(kg, a, p, body: str) -> None:
    """What a body is under (up), or which bodies are under it (down)."""
    up = p.intent == "hierarchy_up"
    a.relation = "subOrganizationOf" if up else "hasSubOrganization"
    prop = ORG + "subOrganizationOf"
    for other in related(kg, body, prop, "out" if up else "in"):
        s, o = (body, other) if up else (other, body)
        srcs = sources_of(kg, s, prop, ox.NamedNode(o), a.language)
        if a.as_of and srcs and all(not known_by(x.get("date"), a.as_of) for x in srcs):
            continue  # reported only after the date asked about
        a.answers.append({"entity": entity(kg, other, a.language), "sources": srcs})


def _in_bound(date: str | None, rel: str, year: int) -> bool:
    if not date:
        return False
    y = int(date[:4])
    return y < year if rel == "before" else y > year if rel == "after" else y >= year


def documents(kg, a, p, body: str | None) -> None:
    """Documents by type, issuing body, year and status (planned, draft...)."""
    lang = a.language
    types = sorted(p.types)
    a.relation = "documents"
    rel = p.year_relation  # "before 2010", "since 2019": a bound, not the year itself
    year = None if rel else p.year
    a.filters = {"types": types, "body": body, "year": p.year, "statuses": p.statuses}
    if rel:
        a.filters["year_relation"] = rel
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
                if body and body not in d.get("issuers", []):
                    continue
                if year and not (as_of or "").startswith(str(year)) \
                        and not (d.get("date") or "").startswith(str(year)):
                    continue
                if rel and not _in_bound(d.get("date"), rel, p.year):
                    continue
                docs.setdefault(r["doc"].value, {"document": entity(kg, r["doc"].value, lang),
                                                 "sources": []})
    else:
        params: dict = {}
        if body:
            params["body"] = ox.NamedNode(body)
        if year:
            params["year"] = ox.Literal(str(year), datatype=ox.NamedNode(XSD + "integer"))
        for t in types or [None]:
            q = dict(params)
            if t:
                q["type"] = ox.NamedNode(t)
            for r in queries.run(kg, "documents", q):
                date = r["date"].value if r["date"] else None
                if a.as_of and not dated_by(date, a.as_of):
                    continue  # an undated document is never listed as issued by a date
                if rel and not _in_bound(date, rel, p.year):
                    continue  # nor as issued before or after a year
                doc = r["doc"].value
                item = docs.setdefault(doc, {"document": entity(kg, doc, lang), "sources": []})
                if body:
                    item["sources"] = sources_of(kg, doc, PK + "issuedBy", ox.NamedNode(body), lang)
    a.answers = sorted(docs.values(), key=lambda i: (i["document"].get("date") or "9999",
                                                     i["document"]["label"]))
