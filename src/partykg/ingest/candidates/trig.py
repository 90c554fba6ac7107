"""The candidates file: a candidate set written to and read from TriG in the pkc: vocabulary
(ontology/candidates.ttl). Reading checks what it reads (one candidate set, a plain stem, the text's
hash, known types, kinds and dates, no dangling relation)."""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox

from partykg.files import read_bounded, write_atomic
from partykg.graph.trigwriter import serialize
from partykg.ingest import extract_lang as L
from partykg.ingest.candidates.model import (EXTRACTOR_VERSION, MAX_CANDIDATES_BYTES,
                                             RELATION_KINDS, BodyCand, CandidatesError,
                                             CandidateSet, DocCand, MergerCand, Occurrence,
                                             RelCand, _id_order, _nn, valid_stem)
from partykg.ingest.extract import text_hash
from partykg.model.ids import BASE
from partykg.model.vocab import DCTERMS, PK, PKC, PKDT, PKST, RDF, XSD


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
        if r.rule:
            add(iri, PKC + "rule", _lit(r.rule))
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
    # each statement is put in its subject's table as it is parsed (no list of them all)
    by_s: dict[str, dict[str, list]] = {}
    named = ox.NamedNode
    try:
        for q in ox.parse(data, format=ox.RdfFormat.TRIG, base_iri=BASE):
            s = q.subject
            if isinstance(s, named):
                po = by_s.get(s.value)
                if po is None:
                    po = by_s[s.value] = {}
                p = q.predicate.value
                objs = po.get(p)
                if objs is None:
                    po[p] = [q.object]
                else:
                    objs.append(q.object)
    except (SyntaxError, ValueError) as e:
        raise CandidatesError(f"{path}: not a candidates file (TriG does not parse: {e})") from e
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
                                        one(po, PKC + "cue", ""),
                                        _in_text_order(many(po, PKC + "sentence"), text),
                                        one(po, PKC + "rule", "")))
        elif PKC + "MergerCandidate" in types:
            cs.mergers.append(MergerCand(one(po, PKC + "id"), local(one(po, PKC + "decidedBy")),
                                         sorted(local(x) for x in many(po, PKC + "merged")),
                                         local(one(po, PKC + "resulting")), one(po, PKC + "cue", ""),
                                         _in_text_order(many(po, PKC + "sentence"), text)))
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


def _in_text_order(sentences: list[str], text: str) -> list[str]:
    """The sentences by where they first occur in the text (one sentence: no search of the
    text, which may hold megabytes)."""
    return sorted(sentences, key=text.find) if len(sentences) > 1 else sentences


def _first_pos(name: str, occ: list[Occurrence]) -> int:
    return next((o.start for o in occ if (o.text == name or " ".join(o.text.split()) == name)),
                1 << 30)
