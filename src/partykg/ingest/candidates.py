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
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from partykg.ingest import extract_lang as L
from partykg.errors import PartykgError
from partykg.files import read_bounded, write_atomic
from partykg.ingest.extract.typewords import type_label
from partykg.ingest.extract import MAX_OCCURRENCES, Body, Extraction, body_key, normal_code, text_hash
from partykg.model.ids import BASE, CodeError, code_key, fold, name_key, number_key, slug
from partykg.graph.trigwriter import serialize
from partykg.model.vocab import DCTERMS, PK, PKC, PKDT, PKST, RDF, XSD

RELATION_KINDS = ("replaces", "plannedToReplace", "amends", "implements", "guides", "continues",
                  "basedOn")
EXTRACTOR_VERSION = "partykg-extract 1"
MAX_CANDIDATES_BYTES = 128 * 1024 * 1024  # a candidates file larger than this is refused
PK_CLASS = {t: "".join(w.capitalize() for w in t.split("-")) for t in L.TYPE_SLUG}
PK_CLASS["unclassified"] = "UnclassifiedDocument"


class CandidatesError(PartykgError):
    """A candidates file that cannot be read."""


def _nn(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


# =================================================================================================
# The candidate model
# =================================================================================================

@dataclass
class Occurrence:
    text: str
    start: int
    end: int
    sentence: str
    code: str | None = None  # what this mention itself says
    date: str | None = None
    issuer: str | None = None  # BodyCand id
    subject: str | None = None


@dataclass
class BodyCand:
    id: str
    name: str
    key: str | None = None  # national body key
    en_name: str | None = None
    cls: str | None = None  # pk: class local name
    link: str = "new"
    matches: list[str] = field(default_factory=list)
    proposed: str | None = None


@dataclass
class DocCand:
    id: str
    type: str | None
    number: str | None
    code: str | None  # as written
    date: str | None
    issuer: str | None  # BodyCand id
    subject: str | None
    names: list[str]
    occurrences: list[Occurrence]
    numbered: bool = True
    planned: bool = False
    link: str = "new"
    matches: list[str] = field(default_factory=list)
    proposed: str | None = None


@dataclass
class RelCand:
    id: str
    kind: str  # pk: property local name
    source: str
    target: str
    cue: str
    sentences: list[str]


@dataclass
class MergerCand:
    id: str
    doc: str | None
    merged: list[str]  # BodyCand ids
    into: str | None
    cue: str
    sentences: list[str]


@dataclass
class CandidateSet:
    stem: str
    lang: str
    text: str
    article_file: str | None = None
    source_url: str | None = None
    date: str | None = None
    extracted_at: str | None = None
    publisher: str | None = None
    title: str | None = None
    retrieved: str | None = None
    documents: list[DocCand] = field(default_factory=list)
    relations: list[RelCand] = field(default_factory=list)
    mergers: list[MergerCand] = field(default_factory=list)
    bodies: list[BodyCand] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def source_iri(self) -> str:
        return f"{BASE}source/{self.stem}"

    @property
    def graph_iri(self) -> str:
        return f"{BASE}candidates/{self.stem}"

    def iri(self, local: str) -> str:
        return f"{self.graph_iri}/{local}"

    def doc(self, cid: str) -> DocCand:
        return self._index("documents")[cid]

    def body(self, cid: str) -> BodyCand:
        return self._index("bodies")[cid]

    def _index(self, what: str) -> dict:
        """id -> candidate, rebuilt when the list changed (constant time per lookup)."""
        items = getattr(self, what)
        cache = self.__dict__.setdefault("_idx", {})
        key = (id(items), len(items))
        hit = cache.get(what)
        if hit is None or hit[0] != key or (items and hit[1].get(items[-1].id) is not items[-1]):
            hit = (key, {c.id: c for c in items})
            cache[what] = hit
        return hit[1]

    def ids(self) -> list[str]:
        return ([d.id for d in self.documents] + [r.id for r in self.relations]
                + [m.id for m in self.mergers] + [b.id for b in self.bodies])


# =================================================================================================
# From an extraction
# =================================================================================================

_STEM = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,150}")


def valid_stem(stem: str) -> bool:
    """A source stem names files under graph/sources and graph/corpus: a plain file name, never a
    path (no separator, no '..', not absolute, no control characters)."""
    return bool(_STEM.fullmatch(stem)) and ".." not in stem


def source_stem(article: Path | None, text: str, root: Path | None) -> str:
    """The source's file stem: the corpus file's own stem when the article is (a copy of) a
    corpus file, else a slug of the file name plus the first 16 hex digits of the text's
    SHA-256 (so two different texts never share a stem)."""
    digest = text_hash(text)[:16]
    if root is not None:
        corpus = root / "graph" / "corpus"
        if article is not None:
            try:
                if article.resolve().parent == corpus.resolve():
                    return article.stem
            except OSError:
                pass
        if corpus.is_dir():
            from partykg.ingest.extract import decode
            for f in sorted(corpus.glob("*.txt")):
                try:
                    if f.stat().st_size < 4 * len(text) + 64 and \
                            decode(f.read_bytes(), str(f))[0] == text:
                        return f.stem
                except PartykgError:
                    continue
    name = slug(article.stem, 40) if article is not None else "article"
    return f"{name}_{digest}"


def build(ex: Extraction, *, stem: str, article_file: str | None = None,
          source_url: str | None = None, date: str | None = None, kg=None,
          publisher: str | None = None, title: str | None = None,
          retrieved: str | None = None) -> CandidateSet:
    """Candidates from an extraction; linked against ``kg`` when given."""
    cs = CandidateSet(stem=stem, lang=ex.lang, text=ex.text, article_file=article_file,
                      source_url=source_url, date=date, publisher=publisher, title=title,
                      retrieved=retrieved,
                      extracted_at=_dt.datetime.now(_dt.timezone.utc).replace(
                          microsecond=0).isoformat().replace("+00:00", "Z"),
                      warnings=list(ex.warnings))
    bodies: dict[str, BodyCand] = {}

    def body_cand(b: Body | None) -> str | None:
        if b is None:
            return None
        k = b.key or body_key(b.text)
        if k not in bodies:
            info = L.NATIONAL_BODIES.get(b.key or "", {})
            bodies[k] = BodyCand(f"b{len(bodies) + 1}", re.sub(r"\s+", " ", b.text), b.key,
                                 info.get("en_name") if info else None,  # type: ignore[arg-type]
                                 (info.get("class") if info else None)  # type: ignore[arg-type]
                                 or _body_class(b.text, ex.lang))
        return bodies[k].id

    planned_docs = {r.source for r in ex.doc_relations if r.kind == "plannedToReplace"}
    crowded: list[str] = []
    for d in ex.documents:
        occ = []
        seen = set()
        for i in d.mentions:
            m = ex.mentions[i]
            if (m.start, m.end) in seen:
                continue
            if len(occ) >= MAX_OCCURRENCES:
                crowded.append(d.id)
                break
            seen.add((m.start, m.end))
            occ.append(Occurrence(m.text, m.start, m.end, ex.sentence_of(m.sentence), m.code,
                                  m.date, body_cand(m.issuer), m.subject))
        cs.documents.append(DocCand(
            d.id, d.type, d.number, d.code, d.date, body_cand(d.issuer), d.subject, d.names,
            occ, numbered=d.strong, planned=d.id in planned_docs))
    if crowded:
        cs.warnings.append(f"{len(crowded)} documents ({', '.join(crowded[:5])}"
                           f"{', …' if len(crowded) > 5 else ''}) are mentioned more than "
                           f"{MAX_OCCURRENCES} times; only their first {MAX_OCCURRENCES} "
                           "occurrences are kept")
    for r in ex.doc_relations:
        cs.relations.append(RelCand(r.id, r.kind, r.source, r.target, r.cue,
                                    [ex.sentence_of(s) for s in r.sentences]))
    for mg in ex.doc_mergers:
        cs.mergers.append(MergerCand(mg.id, mg.doc, [body_cand(b) for b in mg.merged],
                                     body_cand(mg.into), mg.cue,
                                     [ex.sentence_of(s) for s in mg.sentences]))
    cs.bodies = list(bodies.values())
    if kg is not None:
        link(cs, kg)
    else:
        propose(cs, None)
    return cs


def _body_class(name: str, lang: str) -> str:
    n = fold(name).lower()
    if re.search(r"\b(inspection|kiem tra|inspeksi|d'inspection)\b", n):
        return "InspectionCommission"
    if re.search(r"\b(standing|thuong vu|permanent|tetap)\b", n):
        return "StandingCommittee"
    if re.search(r"\b(executive|chap hanh|executif|eksekutif)\b", n):
        return "ExecutiveCommittee"
    if re.search(r"\b(party|dang|parti|partai|tinh uy|thanh uy|huyen uy)\b", n):
        return "PartyCommittee"
    if re.search(r"\b(ministry|bo|ministere|kementerian)\b", n):
        return "Ministry"
    return "PartyBody"


# =================================================================================================
# Linking
# =================================================================================================

_CODE_Q = """SELECT DISTINCT ?d ?date WHERE { ?d pk:codeKey ?key .
  OPTIONAL { ?d pk:dateIssued ?date } }"""
_NUMBER_Q = """SELECT DISTINCT ?d ?type ?issuer ?date ?code WHERE { ?d pk:numberKey ?nk ;
  pk:documentType ?type . OPTIONAL { ?d pk:issuedBy ?issuer } OPTIONAL { ?d pk:dateIssued ?date }
  OPTIONAL { ?d pk:codeKey ?code } }"""
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
    for d in cs.documents:
        _set_link(d, _match_document(cs, d, kg))
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


def _match_document(cs: CandidateSet, d: DocCand, kg) -> list[str]:
    year = _year(d.date)
    issuer_iris = set()
    if d.issuer:
        b = cs.body(d.issuer)
        if b.link == "linked":
            issuer_iris = set(b.matches)
    if d.code:
        try:
            key = code_key(normal_code(d.code))
        except CodeError:
            key = None
        rows = kg.select(_CODE_Q, {"key": ox.Literal(key)}) if key else []
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
        rows = kg.select(_NUMBER_Q, {"nk": ox.Literal(number_key(d.number))})
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


# =================================================================================================
# Writing and reading the candidates file
# =================================================================================================

def _lit(v: str, dt: str | None = None, lang: str | None = None) -> ox.Literal:
    if lang:
        return ox.Literal(v, language=lang)
    if dt:
        return ox.Literal(v, datatype=_nn(dt))
    return ox.Literal(v)


def date_literal(d: str) -> ox.Literal:
    dt = XSD + ("date" if len(d) == 10 else "gYearMonth" if len(d) == 7 else "gYear")
    return _lit(d, dt)


def to_quads(cs: CandidateSet) -> list[ox.Quad]:
    g = _nn(cs.graph_iri)
    q: list[ox.Quad] = []

    def add(s, p, o):
        q.append(ox.Quad(s if not isinstance(s, str) else _nn(s), _nn(p), o, g))

    root = cs.graph_iri
    add(root, RDF + "type", _nn(PKC + "CandidateSet"))
    add(root, PKC + "source", _nn(cs.source_iri))
    add(root, PKC + "stem", _lit(cs.stem))
    add(root, DCTERMS + "language", _lit(cs.lang))
    add(root, PKC + "articleText", _lit(cs.text))
    add(root, PKC + "textHash", _lit(text_hash(cs.text)))
    add(root, PKC + "extractor", _lit(EXTRACTOR_VERSION))
    if cs.article_file:
        add(root, PKC + "articleFile", _lit(cs.article_file))
    if cs.source_url:
        add(root, PKC + "sourceUrl", _lit(cs.source_url, XSD + "anyURI"))
    if cs.date:
        add(root, PKC + "articleDate", date_literal(cs.date))
    if cs.publisher:
        add(root, PKC + "publisher", _lit(cs.publisher))
    if cs.title:
        add(root, PKC + "title", _lit(cs.title))
    if cs.retrieved:
        add(root, PKC + "retrieved", date_literal(cs.retrieved))
    if cs.extracted_at:
        add(root, PKC + "extractedAt", _lit(cs.extracted_at, XSD + "dateTime"))
    for w in cs.warnings:
        add(root, PKC + "warning", _lit(w))

    def common(c, cls: str, iri: str):
        add(root, PKC + "candidate", _nn(iri))
        add(iri, RDF + "type", _nn(PKC + cls))
        add(iri, PKC + "id", _lit(c.id))

    def linkage(c, iri: str):
        add(iri, PKC + "link", _nn(PKC + c.link))
        for mt in c.matches:
            add(iri, PKC + "matches", _nn(mt))
        if c.proposed:
            add(iri, PKC + "proposedIri", _nn(c.proposed))

    for b in cs.bodies:
        iri = cs.iri(b.id)
        common(b, "BodyCandidate", iri)
        add(iri, PKC + "name", _lit(b.name, lang=cs.lang))
        if b.key:
            add(iri, PKC + "nationalBody", _lit(b.key))
        if b.en_name:
            add(iri, PKC + "englishName", _lit(b.en_name, lang="en"))
        if b.cls:
            add(iri, PKC + "bodyClass", _nn(PK + b.cls))
        linkage(b, iri)
    for d in cs.documents:
        iri = cs.iri(d.id)
        common(d, "DocumentCandidate", iri)
        if d.type:
            add(iri, PKC + "documentType", _nn(PKDT + d.type))
        if d.number:
            add(iri, PKC + "number", _lit(d.number))
        if d.code:
            add(iri, PKC + "code", _lit(d.code))
        if d.date:
            add(iri, PKC + "dateIssued", date_literal(d.date))
        if d.issuer:
            add(iri, PKC + "issuer", _nn(cs.iri(d.issuer)))
        if d.subject:
            add(iri, PKC + "subject", _lit(d.subject, lang=cs.lang))
        add(iri, PKC + "numbered", _lit("true" if d.numbered else "false", XSD + "boolean"))
        if d.planned:
            add(iri, PKC + "status", _nn(PKST + "planned"))
        for n in d.names:
            add(iri, PKC + "name", _lit(n, lang=cs.lang))
        for k, o in enumerate(d.occurrences, 1):
            oi = f"{iri}/o{k}"
            add(iri, PKC + "occurrence", _nn(oi))
            add(oi, RDF + "type", _nn(PKC + "Occurrence"))
            add(oi, PKC + "text", _lit(o.text))
            add(oi, PKC + "start", _lit(str(o.start), XSD + "integer"))
            add(oi, PKC + "end", _lit(str(o.end), XSD + "integer"))
            add(oi, PKC + "sentence", _lit(o.sentence, lang=cs.lang))
            if o.code:
                add(oi, PKC + "code", _lit(o.code))
            if o.date:
                add(oi, PKC + "dateIssued", date_literal(o.date))
            if o.issuer:
                add(oi, PKC + "issuer", _nn(cs.iri(o.issuer)))
            if o.subject:
                add(oi, PKC + "subject", _lit(o.subject, lang=cs.lang))
        linkage(d, iri)
    for r in cs.relations:
        iri = cs.iri(r.id)
        common(r, "RelationCandidate", iri)
        add(iri, PKC + "relation", _nn(PK + r.kind))
        add(iri, PKC + "from", _nn(cs.iri(r.source)))
        add(iri, PKC + "to", _nn(cs.iri(r.target)))
        add(iri, PKC + "cue", _lit(r.cue, lang=cs.lang))
        if r.kind == "plannedToReplace":
            add(iri, PKC + "status", _nn(PKST + "planned"))
        for s in r.sentences:
            add(iri, PKC + "sentence", _lit(s, lang=cs.lang))
    for m in cs.mergers:
        iri = cs.iri(m.id)
        common(m, "MergerCandidate", iri)
        if m.doc:
            add(iri, PKC + "decidedBy", _nn(cs.iri(m.doc)))
        for b in m.merged:
            add(iri, PKC + "merged", _nn(cs.iri(b)))
        if m.into:
            add(iri, PKC + "resulting", _nn(cs.iri(m.into)))
        add(iri, PKC + "cue", _lit(m.cue, lang=cs.lang))
        for s in m.sentences:
            add(iri, PKC + "sentence", _lit(s, lang=cs.lang))
    return q


HEADER = ("# Candidate facts extracted by `partykg extract` (vocabulary: ontology/candidates.ttl).\n"
          "# Review with `partykg review FILE`; merge the ones you keep with\n"
          "# `partykg accept FILE [--only ID ...]`. This file is not part of the graph.")


def write(cs: CandidateSet, path: Path) -> None:
    text = serialize(to_quads(cs), HEADER, {"pkc": PKC})
    write_atomic(Path(path), text.encode("utf-8"))


def read(path: Path) -> CandidateSet:
    path = Path(path)
    try:
        data = read_bounded(path, MAX_CANDIDATES_BYTES, "a candidates file",
                            CandidatesError)
    except OSError as e:
        raise CandidatesError(f"{path}: cannot read: {e.strerror or e}") from e
    try:
        quads = list(ox.parse(data, format=ox.RdfFormat.TRIG, base_iri=BASE))
    except (SyntaxError, ValueError) as e:
        raise CandidatesError(f"{path}: not a candidates file (TriG does not parse: {e})") from e
    by_s: dict[str, dict[str, list]] = {}
    for q in quads:
        if isinstance(q.subject, ox.NamedNode):
            by_s.setdefault(q.subject.value, {}).setdefault(q.predicate.value, []).append(q.object)
    roots = [s for s, po in by_s.items()
             if any(o.value == PKC + "CandidateSet" for o in po.get(RDF + "type", []))]
    if len(roots) != 1:
        raise CandidatesError(f"{path}: not a candidates file (expected one pkc:CandidateSet, "
                              f"found {len(roots)})")
    root = by_s[roots[0]]

    def one(po, p, default=None):
        v = po.get(p)
        return v[0].value if v else default

    def many(po, p):
        return [o.value for o in po.get(p, [])]

    def local(iri: str | None) -> str | None:
        return iri.rsplit("/", 1)[-1] if iri else None

    text = one(root, PKC + "articleText")
    stem = one(root, PKC + "stem")
    if text is None or stem is None:
        raise CandidatesError(f"{path}: the candidate set has no article text or stem")
    if not valid_stem(stem):
        raise CandidatesError(f"{path}: the candidate set's stem {stem!r} is not a plain file "
                              "name (letters, digits, '-', '_', '.'; no path): refused")
    if one(root, PKC + "textHash") not in (None, text_hash(text)):
        raise CandidatesError(f"{path}: the article text does not match its hash (edited?)")
    date = one(root, PKC + "articleDate")
    cs = CandidateSet(stem=stem, lang=one(root, DCTERMS + "language", "en"), text=text,
                      article_file=one(root, PKC + "articleFile"),
                      source_url=one(root, PKC + "sourceUrl"), date=date,
                      extracted_at=one(root, PKC + "extractedAt"),
                      publisher=one(root, PKC + "publisher"), title=one(root, PKC + "title"),
                      retrieved=one(root, PKC + "retrieved"),
                      warnings=many(root, PKC + "warning"))
    items = []
    for iri in many(root, PKC + "candidate"):
        po = by_s.get(iri, {})
        items.append((iri, po, {o for o in many(po, RDF + "type")}))

    def linkage(c, po):
        lk = one(po, PKC + "link")
        c.link = lk[len(PKC):] if lk and lk.startswith(PKC) else "new"
        c.matches = sorted(many(po, PKC + "matches"))
        c.proposed = one(po, PKC + "proposedIri")
        return c

    for iri, po, types in items:
        if PKC + "BodyCandidate" in types:
            cls = one(po, PKC + "bodyClass")
            cs.bodies.append(linkage(BodyCand(one(po, PKC + "id"), one(po, PKC + "name"),
                                              one(po, PKC + "nationalBody"),
                                              one(po, PKC + "englishName"),
                                              cls[len(PK):] if cls else None), po))
    for iri, po, types in items:
        if PKC + "DocumentCandidate" in types:
            occ = []
            for oi in many(po, PKC + "occurrence"):
                opo = by_s.get(oi, {})
                occ.append(Occurrence(one(opo, PKC + "text"), int(one(opo, PKC + "start", 0)),
                                      int(one(opo, PKC + "end", 0)), one(opo, PKC + "sentence"),
                                      one(opo, PKC + "code"), one(opo, PKC + "dateIssued"),
                                      local(one(opo, PKC + "issuer")), one(opo, PKC + "subject")))
            occ.sort(key=lambda o: o.start)
            t = one(po, PKC + "documentType")
            cs.documents.append(linkage(DocCand(
                one(po, PKC + "id"), t[len(PKDT):] if t else None, one(po, PKC + "number"),
                one(po, PKC + "code"), one(po, PKC + "dateIssued"), local(one(po, PKC + "issuer")),
                one(po, PKC + "subject"), sorted(many(po, PKC + "name"),
                                                 key=lambda n: _first_pos(n, occ)),
                occ, numbered=one(po, PKC + "numbered", "true") == "true",
                planned=one(po, PKC + "status") == PKST + "planned"), po))
        elif PKC + "RelationCandidate" in types:
            rel = one(po, PKC + "relation")
            cs.relations.append(RelCand(one(po, PKC + "id"), rel[len(PK):] if rel else "?",
                                        local(one(po, PKC + "from")), local(one(po, PKC + "to")),
                                        one(po, PKC + "cue", ""), sorted(many(po, PKC + "sentence"),
                                                                         key=lambda s: text.find(s))))
        elif PKC + "MergerCandidate" in types:
            cs.mergers.append(MergerCand(one(po, PKC + "id"), local(one(po, PKC + "decidedBy")),
                                         sorted(local(x) for x in many(po, PKC + "merged")),
                                         local(one(po, PKC + "resulting")), one(po, PKC + "cue", ""),
                                         sorted(many(po, PKC + "sentence"),
                                                key=lambda s: text.find(s))))
    key = _id_order
    cs.documents.sort(key=lambda c: key(c.id))
    cs.relations.sort(key=lambda c: key(c.id))
    cs.mergers.sort(key=lambda c: key(c.id))
    cs.bodies.sort(key=lambda c: key(c.id))
    known = set(cs.ids())
    for d in cs.documents:
        if d.type is not None and d.type not in L.TYPE_SLUG:
            raise CandidatesError(f"{path}: document {d.id} has an unknown type {d.type!r}")
        if d.date is not None and not re.fullmatch(r"\d{4}(?:-\d\d(?:-\d\d)?)?", d.date):
            raise CandidatesError(f"{path}: document {d.id} has a bad date {d.date!r}")
    for r in cs.relations:
        if r.kind not in RELATION_KINDS:
            raise CandidatesError(f"{path}: relation {r.id} has an unknown kind {r.kind!r} "
                                  f"(expected one of {', '.join(RELATION_KINDS)})")
        if r.source not in known or r.target not in known:
            raise CandidatesError(f"{path}: relation {r.id} points to a missing candidate")
    return cs


def _first_pos(name: str, occ: list[Occurrence]) -> int:
    return next((o.start for o in occ if (o.text == name or " ".join(o.text.split()) == name)),
                1 << 30)


def _id_order(cid: str) -> tuple[str, int]:
    m = re.fullmatch(r"([a-z]+)(\d+)", cid or "")
    return (m.group(1), int(m.group(2))) if m else (cid or "", 0)


# =================================================================================================
# Review
# =================================================================================================

def _short(iri: str) -> str:
    return iri[len(BASE):] if iri.startswith(BASE) else iri


def _quote(s: str, width: int = 100) -> str:
    s = re.sub(r"\s+", " ", s)
    return f"“{s}”" if len(s) <= width * 3 else f"“{s[:width * 3 - 1]}…”"


def _context(text: str, start: int, end: int, width: int = 110) -> str:
    """The mention with up to ``width`` characters of its line on each side."""
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    le = len(text) if le < 0 else le
    a, b = max(ls, start - width), min(le, end + width)
    left = ("…" if a > ls else "") + text[a:start]
    right = text[end:b] + ("…" if b < le else "")
    return re.sub(r"\s+", " ", f"“{left}[{text[start:end]}]{right}”")


def render(cs: CandidateSet) -> str:
    """A readable list of the candidates: id, kind, text, attributes, link status and matches,
    and the sentence(s)."""
    out = [f"source {_short(cs.source_iri)} ({cs.lang}"
           + (f", {cs.date}" if cs.date else "") + (f", {cs.source_url}" if cs.source_url else "")
           + f"): {len(cs.documents)} documents, {len(cs.relations)} relations, "
           f"{len(cs.mergers)} mergers, {len(cs.bodies)} bodies"]
    for w in cs.warnings:
        out.append(f"warning: {w}")

    def link_line(c) -> str:
        if c.link == "linked":
            return f"linked -> {_short(c.matches[0])}"
        if c.link == "ambiguous":
            return "AMBIGUOUS, matches " + ", ".join(_short(m) for m in c.matches) + \
                   " (accept needs --link ID=IRI)"
        if isinstance(c, BodyCand) and not c.proposed:
            return ("new, but no English name is known: accept leaves it out (add the body "
                    "to graph/curation.trig first)")
        return "new" + (f" -> {_short(c.proposed)}" if c.proposed else "")

    for d in cs.documents:
        out.append("")
        attrs = [type_label(d.type)]
        if d.number:
            attrs.append(f"number {d.number}")
        if d.code:
            attrs.append(f"code {d.code}")
        if d.date:
            attrs.append(f"dated {d.date}")
        if d.issuer:
            b = cs.body(d.issuer)
            attrs.append(f"issuer {b.name} [{b.id}]")
        if d.planned:
            attrs.append("PLANNED")
        out.append(f"{d.id}  document  {' / '.join(d.names)}")
        out.append(f"    {', '.join(attrs)}")
        if d.subject:
            out.append(f"    subject: {d.subject}")
        out.append(f"    link: {link_line(d)}")
        for o in d.occurrences:
            out.append(f"    {_context(cs.text, o.start, o.end)}")
    for r in cs.relations:
        out.append("")
        src, tgt = cs.doc(r.source), cs.doc(r.target)
        out.append(f"{r.id}  relation  {r.source} {r.kind} {r.target}"
                   + ("  (PLANNED)" if r.kind == "plannedToReplace" else ""))
        out.append(f"    {src.names[0]}  --{r.kind}-->  {tgt.names[0]}   (cue: {r.cue})")
        for s in r.sentences:
            spans = [(o.start, o.end) for d in (src, tgt) for o in d.occurrences
                     if o.sentence == s]
            if spans:
                a, b = min(x for x, _ in spans), max(y for _, y in spans)
                out.append(f"    {_context(cs.text, a, b, 60)}")
            else:
                out.append(f"    {_quote(s)}")
    for m in cs.mergers:
        out.append("")
        merged = ", ".join(f"{cs.body(b).name} [{b}]" for b in m.merged)
        into = f"{cs.body(m.into).name} [{m.into}]" if m.into else "(resulting body not stated)"
        by = f", decided by {m.doc} ({cs.doc(m.doc).names[0]})" if m.doc else ""
        out.append(f"{m.id}  merger  {merged} merged into {into}{by}")
        for s in m.sentences:
            out.append(f"    {_quote(s)}")
    for b in cs.bodies:
        out.append("")
        extra = f" ({b.en_name})" if b.en_name and b.en_name != b.name else ""
        out.append(f"{b.id}  body  {b.name}{extra}")
        out.append(f"    link: {link_line(b)}")
    return "\n".join(out) + "\n"
