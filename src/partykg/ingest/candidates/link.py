"""Linking candidates to the graph (the rules are in :mod:`partykg.ingest.candidates`) and the IRI
accept would mint for each new one."""

from __future__ import annotations

import pyoxigraph as ox

from partykg.ingest import extract_lang as L
from partykg.ingest.candidates.model import CandidateSet, DocCand, _nn, _short
from partykg.ingest.extract import body_key, normal_code
from partykg.model.ids import BASE, CodeError, code_key, name_key, number_key, slug
from partykg.model.vocab import PK, PKDT

_CODE_Q = """SELECT DISTINCT ?d ?date WHERE { ?d pk:codeKey ?key .
  OPTIONAL { ?d pk:dateIssued ?date } }"""
_NUMBER_Q = """SELECT DISTINCT ?d ?type ?issuer ?date ?code WHERE { ?d pk:numberKey ?nk ;
  pk:documentType ?type . OPTIONAL { ?d pk:issuedBy ?issuer } OPTIONAL { ?d pk:dateIssued ?date }
  OPTIONAL { ?d pk:codeKey ?code } }"""
# the same, for many keys at once (:class:`_Lookup`): ?key/?nk bound to each of a batch of terms
_CODES_Q = """SELECT DISTINCT ?key ?d ?date WHERE { VALUES ?key { %s } ?d pk:codeKey ?key .
  OPTIONAL { ?d pk:dateIssued ?date } }"""
_NUMBERS_Q = """SELECT DISTINCT ?nk ?d ?type ?issuer ?date ?code WHERE { VALUES ?nk { %s }
  ?d pk:numberKey ?nk ; pk:documentType ?type . OPTIONAL { ?d pk:issuedBy ?issuer }
  OPTIONAL { ?d pk:dateIssued ?date } OPTIONAL { ?d pk:codeKey ?code } }"""
_BATCH = 500
_LABEL_Q = "SELECT DISTINCT ?d WHERE { ?d pk:nameKey ?key ; pk:documentType ?type }"
_BODIES_Q = """SELECT DISTINCT ?b ?label WHERE { ?b a ?cls . ?cls rdfs:subClassOf* pk:Body .
  { ?b skos:prefLabel ?label } UNION { ?b skos:altLabel ?label } }"""
_EXISTS_Q = "ASK { { ?s ?p ?o } UNION { ?o2 ?p2 ?s } }"


def _year(date: str | None) -> str | None:
    return date[:4] if date else None


def link(cs: CandidateSet, kg) -> None:
    """Link every body and document candidate to the graph (kg: anything with select())."""
    index: dict[str, set[str]] = {}
    for row in kg.select(_BODIES_Q):
        index.setdefault(body_key(row["label"].value), set()).add(row["b"].value)
    for b in cs.bodies:
        keys = {body_key(b.name)}
        if b.key:
            info = L.NATIONAL_BODIES[b.key]
            keys |= {body_key(n) for names in info["names"].values() for n in names}  # type: ignore[union-attr]
            keys.add(body_key(info["en_name"]))  # type: ignore[arg-type]
        found = set().union(*(index.get(k, set()) for k in keys))
        _set_link(b, sorted(found))
    lookup = _Lookup(cs, kg)
    for d in cs.documents:
        _set_link(d, _match_document(cs, d, kg, lookup))
    # an unnumbered document is also found through a relation to a linked document: "a new
    # Directive … to replace Directive 51" is the graph's one planned directive replacing 51
    for d in cs.documents:
        if d.numbered or d.link != "new" or not d.type:
            continue
        found: set[str] = set()
        for r in cs.relations:
            if r.source == d.id and cs.doc(r.target).link == "linked":
                rows = kg.select("SELECT DISTINCT ?d WHERE { ?d ?rel ?t ; pk:documentType ?type }",
                                 {"rel": _nn(PK + r.kind), "t": _nn(cs.doc(r.target).matches[0]),
                                  "type": _nn(PKDT + d.type)})
            elif r.target == d.id and cs.doc(r.source).link == "linked":
                rows = kg.select("SELECT DISTINCT ?d WHERE { ?s ?rel ?d . ?d pk:documentType ?type }",
                                 {"rel": _nn(PK + r.kind), "s": _nn(cs.doc(r.source).matches[0]),
                                  "type": _nn(PKDT + d.type)})
            else:
                continue
            found |= {row["d"].value for row in rows}
        if found:
            _set_link(d, sorted(found))
    propose(cs, kg)


def _warn(cs: CandidateSet, message: str) -> None:
    if message not in cs.warnings:
        cs.warnings.append(message)


def _set_link(c, matches: list[str]) -> None:
    c.matches = matches
    c.link = "linked" if len(matches) == 1 else "ambiguous" if matches else "new"


def _code_key(d: DocCand) -> str | None:
    try:
        return code_key(normal_code(d.code)) if d.code else None
    except CodeError:
        return None


class _Lookup:
    """The graph's documents by code key and by number key, for every candidate at once: one
    query per batch of keys (the keys bound as terms, as :func:`partykg.store.sparql.bind`
    binds one), not one per candidate; the rows of a key are those of the query for that key."""

    def __init__(self, cs: CandidateSet, kg):
        codes = {k for d in cs.documents if (k := _code_key(d))}
        numbers = {number_key(d.number) for d in cs.documents if d.number and d.type}
        self.codes = self._fetch(kg, _CODES_Q, "key", codes)
        self.numbers = self._fetch(kg, _NUMBERS_Q, "nk", numbers)

    @staticmethod
    def _fetch(kg, query: str, var: str, keys: set[str]) -> dict[str, list[dict]]:
        out: dict[str, list[dict]] = {k: [] for k in keys}
        ordered = sorted(keys)
        for i in range(0, len(ordered), _BATCH):
            terms = " ".join(str(ox.Literal(k)) for k in ordered[i:i + _BATCH])  # N-Triples
            for row in kg.select(query % terms):
                out[row[var].value].append(row)
        return out


def _match_document(cs: CandidateSet, d: DocCand, kg, lookup: _Lookup | None = None) -> list[str]:
    year = _year(d.date)
    issuer_iris = set()
    if d.issuer:
        b = cs.body(d.issuer)
        if b.link == "linked":
            issuer_iris = set(b.matches)
    if d.code:
        key = _code_key(d)
        rows = (lookup.codes[key] if lookup is not None else
                kg.select(_CODE_Q, {"key": ox.Literal(key)})) if key else []
        docs: dict[str, set[str]] = {}
        for r in rows:
            docs.setdefault(r["d"].value, set())
            if r["date"] is not None:
                docs[r["d"].value].add(r["date"].value[:4])
        listed = ", ".join(f"{_short(x)} ({'/'.join(sorted(ys)) or 'undated'})"
                           for x, ys in sorted(docs.items()))
        if year and docs:
            # codes restart each term: a document of the graph dated another year is another one
            narrowed = [x for x, ys in docs.items() if not ys or year in ys]
            if not narrowed:
                _warn(cs, f"{d.id} '{d.code}' dated {year}: the graph's {d.code} are of other "
                          f"years ({listed}); codes restart each term: proposed as new (--link "
                          f"{d.id}=IRI if it is one of them)")
            return sorted(narrowed)
        if len(docs) == 1 and any(docs.values()):
            _warn(cs, f"{d.id} '{d.code}': the text gives no date; linked to the graph's only "
                      f"{d.code}, {listed}; codes restart each term: --link {d.id}=new if it "
                      "is another")
        if docs:
            return sorted(docs)
    if d.number and d.type:
        types = L.COMPATIBLE_TYPES.get(d.type, frozenset({d.type}))
        nk = number_key(d.number)
        rows = lookup.numbers[nk] if lookup is not None else \
            kg.select(_NUMBER_Q, {"nk": ox.Literal(nk)})
        cands: dict[str, dict[str, set[str]]] = {}
        for r in rows:
            t = r["type"].value
            if not t.startswith(PKDT) or t[len(PKDT):] not in types:
                continue
            c = cands.setdefault(r["d"].value, {"issuer": set(), "year": set(), "code": set()})
            if r["issuer"] is not None:
                c["issuer"].add(r["issuer"].value)
            if r["date"] is not None:
                c["year"].add(r["date"].value[:4])
            if r["code"] is not None:
                c["code"].add(r["code"].value)
        out = []
        for iri, c in cands.items():
            if d.code and c["code"]:
                continue  # a different code: a different document
            if issuer_iris and c["issuer"] and not (c["issuer"] & issuer_iris):
                continue
            if year and c["year"] and year not in c["year"]:
                continue
            out.append(iri)
        return sorted(out)
    if not d.numbered and d.type:
        found: set[str] = set()
        for n in d.names:
            rows = kg.select(_LABEL_Q, {"key": ox.Literal(name_key(n)),
                                        "type": _nn(PKDT + d.type)})
            found |= {r["d"].value for r in rows}
        return sorted(found)
    return []


def propose(cs: CandidateSet, kg) -> None:
    """The IRI accept would mint for each new body and document (docs/model.md)."""
    for b in cs.bodies:
        b.proposed = None
        if b.link == "new" and (b.en_name or cs.lang == "en"):
            b.proposed = f"{BASE}body/{slug(b.en_name or b.name)}"
    for d in cs.documents:
        if d.link != "new":
            d.proposed = None
            continue
        d.proposed = BASE + document_path_for(cs, d, kg)


def document_path_for(cs: CandidateSet, d: DocCand, kg=None) -> str:
    """The path accept mints for ``d``; the issuer segment is the one the issuer's other
    documents have (``ids.issuer_segment``: one scheme per issuer) when ``kg`` knows the issuer."""
    from partykg.model.ids import document_path, issuer_segment

    year = None if d.planned else _year(d.date)
    type_ = d.type or "unclassified"
    if d.code and not d.planned:
        try:
            return document_path(code=normal_code(d.code), year=year)
        except (CodeError, ValueError):
            pass
    issuer_slug = None
    if d.issuer:
        b = cs.body(d.issuer)
        iri = b.matches[0] if b.link == "linked" else b.proposed
        if iri and kg is not None and b.link == "linked":
            issuer_slug = issuer_segment(kg, iri)
        elif iri:
            issuer_slug = iri.rstrip("/").rsplit("/", 1)[-1]
    if d.number:
        return document_path(number=d.number, type_slug=L.TYPE_SLUG[type_],
                             issuer_slug=issuer_slug, year=year)
    return document_path(type_slug=L.TYPE_SLUG[type_], issuer_slug=issuer_slug,
                         subject=d.subject or (d.names[0] if d.names else d.id))

