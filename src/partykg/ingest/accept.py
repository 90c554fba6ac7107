"""Accept candidates: merge the ones a user keeps into ``graph/`` in the regular data model.

One job: a candidates file (:mod:`partykg.ingest.candidates`) -> ``graph/sources/{stem}.trig`` (one
named graph, the source's) plus the article's text in ``graph/corpus/{stem}.txt``.

- Documents are typed (class and ``pk:documentType``) and get the facts the article states
  (code, code as written, number, date, issuer, subject), each next to a ``pk:Evidence`` node
  quoting the sentence; relations (``pk:replaces``, ``pk:plannedToReplace`` with a status
  statement, ``pk:amends``, ``pk:implements``, ``pk:guides``, ``pk:continues``) and mergers
  (``pk:mergedInto`` plus a ``pk:Merger``) likewise.
- A linked candidate reuses the entity's IRI; a new one gets the IRI of docs/model.md; an
  ambiguous one is left out unless ``--link ID=IRI`` says which.
- For a linked document, a one-valued fact (code, number, date) is stated only when the graph
  has no value or the same one: a conflict is reported and left out, never written.
- A planned document gets no code, date or issuer.
- What the accept adds is validated (SHACL shapes on the nodes it adds statements to and the
  checks of ``queries/checks`` on what they touch: :mod:`partykg.graph.addition`), with the
  whole project and with the curation graph and the file alone, before anything is written; a refused accept writes nothing. Accepting the same candidates again adds nothing:
  node IRIs are derived from their content, and the file is the union of what was accepted.
- A source file written by hand (no accept header) is never rewritten: the accepted facts it
  does not already hold are appended to its end, in a block of the same named graph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from partykg.ingest import extract_lang as L
from partykg.files import write_atomic
from partykg.ingest.candidates import (PK_CLASS, CandidateSet, DocCand, date_literal, link, propose,
                                      read, valid_stem)
from partykg.ingest.candidates.model import _id_order
from partykg.graph.dataset import find_root, graph_files
from partykg.errors import PartykgError
from partykg.ingest.accept_builder import AcceptError, _Builder, _h, _nn
from partykg.ingest.extract import decode, normal_code
from partykg.model.ids import BASE, CodeError, parse_code
from partykg.graph.trigwriter import serialize, serialize_tables
from partykg.model.vocab import DCTERMS, ORG, PK, PKDT, PKST, RDF, SKOS, XSD

MARKER = "# Written by `partykg accept`"


@dataclass
class AcceptResult:
    source_file: str
    corpus_file: str
    written: bool
    accepted: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    added: int = 0  # quads the file did not hold before

    def summary(self) -> str:
        lines = []
        verb = "wrote" if self.written else "would write" if self.added else "nothing new for"
        lines.append(f"{verb} {self.source_file} ({self.added} new statements; accepted: "
                     f"{', '.join(self.accepted) or 'none'})")
        for cid, why in self.skipped:
            lines.append(f"  skipped {cid}: {why}")
        for n in self.notes:
            lines.append(f"  note: {n}")
        return "\n".join(lines)


def canonical_code(code: str) -> str:
    """The official spelling of a code: its type abbreviation with Đ (QD -> QĐ, QDi -> QĐi);
    number and issuer as written (whether an issuer's D is a Đ cannot be known from the text)."""
    c = parse_code(normal_code(code))
    from partykg.model.ids import fold
    abbr = L.CANONICAL_ABBREVIATION.get(fold(c.type).upper(), c.type)
    if c.state:
        year = f"{c.year}/" if c.year else ""
        return f"{c.number}/{year}{abbr}-{c.issuer}"
    return f"{c.number}-{abbr}/{c.issuer}"


def accept(candidates: Path, root: Path | None = None, only: list[str] | None = None,
           links: dict[str, str] | None = None, dry_run: bool = False) -> AcceptResult:
    from partykg.store.embedded import KnowledgeGraph

    cs = read(Path(candidates))
    root = (root or find_root()).resolve()
    kg = KnowledgeGraph.load(root)
    before = set(cs.warnings)
    link(cs, kg)  # the graph may have changed since the extraction
    link_notes = [w for w in cs.warnings if w not in before or "codes restart each term" in w]
    link_notes = [n for n in link_notes if not any(n.startswith(f"{c} '") for c in links or {})]
    link_notes += _apply_links(cs, links or {}, kg)
    propose(cs, kg)
    keep_docs, keep_rels, keep_mergers, skipped = _select(cs, only)
    b = _Builder(cs, kg)
    notes = b.notes
    notes += link_notes

    corpus_rel = f"graph/corpus/{cs.stem}.txt"
    b.add(b.src, RDF + "type", ox.NamedNode(PK + "SourceArticle"))
    b.add(b.src, DCTERMS + "language", ox.Literal(cs.lang))
    b.add(b.src, PK + "corpusFile", ox.Literal(corpus_rel))
    if cs.source_url:
        b.add(b.src, PK + "url", ox.Literal(cs.source_url, datatype=ox.NamedNode(XSD + "anyURI")))
    if cs.date:
        b.add(b.src, DCTERMS + "issued", date_literal(cs.date))
    if cs.publisher:
        b.add(b.src, DCTERMS + "publisher", ox.Literal(cs.publisher))
    if cs.title:
        b.add(b.src, DCTERMS + "title", ox.Literal(cs.title, language=cs.lang))
    if cs.retrieved:
        b.add(b.src, PK + "retrieved", date_literal(cs.retrieved))

    body_iri: dict[str, ox.NamedNode | None] = {}

    def body(bid: str | None, sentence: str | None) -> ox.NamedNode | None:
        if bid is None:
            return None
        if bid in body_iri:
            return body_iri[bid]
        bc = cs.body(bid)
        iri = None
        runs_on = _run_on(bc.name, cs.lang)
        if runs_on and bc.link != "linked":
            notes.append(f"body {bid} '{bc.name}' left out: its name runs on into the next words "
                         f"('{runs_on}'); add the body to graph/curation.trig, or link it "
                         f"(--link {bid}=IRI)")
            body_iri[bid] = None
            return None
        if bc.link == "linked":
            iri = _nn(bc.matches[0])
            for cls in _classes(kg, iri):
                b.add(iri, RDF + "type", ox.NamedNode(cls))
        elif bc.link == "new" and bc.proposed:
            iri = _nn(bc.proposed)
            b.add(iri, RDF + "type", ox.NamedNode(PK + (bc.cls or "PartyBody")))
            if not kg.select("SELECT ?l WHERE { ?b skos:prefLabel ?l FILTER(LANG(?l) = 'en') }",
                             {"b": iri}):
                b.add(iri, SKOS + "prefLabel", ox.Literal(bc.en_name or bc.name, language="en"))
        else:
            why = ("ambiguous (" + ", ".join(_short(m) for m in bc.matches) + ")"
                   if bc.link == "ambiguous" else "no English name is known")
            notes.append(f"body {bid} '{bc.name}' left out: {why}")
        if iri is not None:
            if (bc.name != (bc.en_name or "") or cs.lang != "en") and not runs_on:
                b.add(iri, SKOS + "altLabel", ox.Literal(bc.name, language=cs.lang))
            if sentence:
                b.evidence(iri, None, None, sentence)
        body_iri[bid] = iri
        return iri

    doc_iri: dict[str, ox.NamedNode] = {}
    for d in keep_docs:
        doc_iri[d.id] = _accept_document(b, d, body)
    for r in keep_rels:
        s, o = doc_iri[r.source], doc_iri[r.target]
        sentence = r.sentences[0]
        b.fact(s, PK + r.kind, o, sentence)
        if r.kind == "plannedToReplace":
            st = ox.NamedNode(f"{cs.source_iri}/status/{_h(s, 'planned', cs.date or '')}")
            b.add(st, RDF + "type", ox.NamedNode(PK + "StatusStatement"))
            b.add(st, PK + "status", ox.NamedNode(PKST + "planned"))
            if cs.date:
                b.add(st, PK + "asOf", date_literal(cs.date))
            else:
                notes.append(f"{r.id}: the planned status has no date (give --date to "
                             "'partykg extract')")
            b.fact(s, PK + "hasStatus", st, sentence)
    for m in keep_mergers:
        merged = [body(x, m.sentences[0]) for x in m.merged]
        into = body(m.into, m.sentences[0])
        if into is None or not all(merged):
            skipped.append((m.id, "a body of the merger has no IRI (see the notes)"))
            continue
        merged = [x for x in merged if x != into]
        if not merged:
            skipped.append((m.id, "no merged body besides the resulting one"))
            continue
        sentence = m.sentences[-1]
        mg = _merger_iri(kg, merged, into)
        b.add(mg, RDF + "type", ox.NamedNode(PK + "Merger"))
        for x in merged + [into]:
            b.add(mg, ORG + "originalOrganization", x)
        b.add(mg, ORG + "resultingOrganization", into)
        for x in merged:
            b.fact(x, PK + "mergedInto", into, sentence)
        if m.doc and m.doc in doc_iri:
            b.fact(mg, PK + "decidedBy", doc_iri[m.doc], m.sentences[0])

    accepted = sorted({d.id for d in keep_docs} | {r.id for r in keep_rels}
                      | {m.id for m in keep_mergers if m.id not in {s for s, _ in skipped}}
                      | {bid for bid, iri in body_iri.items() if iri is not None}, key=_id_order)
    return _write(cs, root, kg, b.quads, corpus_rel, accepted, skipped, notes, dry_run,
                  b.tables)


def _bare_type_word(name: str, lang: str) -> bool:
    """Is ``name`` only a document type word ("Resolution", "the Resolution", "Nghị quyết"),
    by the SKOS scheme's labels?"""
    from partykg.ingest.extract.typewords import type_words

    words = type_words(lang)
    n = " ".join(name.lower().split())
    return n in words or (" " in n and n.split(" ", 1)[1] in words and n.split(" ", 1)[0].isalpha()
                          and not any(ch.isdigit() for ch in n))


def _run_on(name: str, lang: str) -> str | None:
    """The words a body name runs on into ("… of Foreign Affairs has grown" -> "has grown"):
    in en, fr and id, names end in a capitalised word (or an abbreviation); trailing words in
    lower case are the sentence's, not the name's. None when the name ends properly."""
    if lang not in ("en", "fr", "id"):
        return None
    words = name.split()
    k = len(words)
    while k > 0 and words[k - 1][:1].islower():
        k -= 1
    return " ".join(words[k:]) if 0 < k < len(words) else None


def _short(iri: str) -> str:
    return iri[len(BASE):] if iri.startswith(BASE) else iri


def _classes(kg, iri: ox.NamedNode) -> list[str]:
    rows = kg.select("SELECT DISTINCT ?c WHERE { ?s a ?c . FILTER(STRSTARTS(STR(?c), STR(pk:))) }",
                     {"s": iri})
    return sorted(r["c"].value for r in rows)


_IS_DOCUMENT = "ASK { ?x pk:documentType ?t }"
_IS_BODY = "ASK { ?x a ?c . ?c rdfs:subClassOf* pk:Body }"


def _apply_links(cs: CandidateSet, links: dict[str, str], kg=None) -> list[str]:
    """``--link ID=IRI``: one of the candidate's matches, any document (or body) the graph
    holds, or ``new``. Returns notes (a link to a document the extraction did not match)."""
    notes = []
    known = {c.id: c for c in cs.documents + cs.bodies}
    for cid, target in links.items():
        c = known.get(cid)
        if c is None:
            raise AcceptError(f"--link {cid}=…: no document or body candidate {cid} "
                              f"(known: {', '.join(sorted(known, key=_id_order))})")
        if target == "new":
            c.link, c.matches = "new", []
            continue
        iri = target if "://" in target else BASE + target
        if iri not in c.matches:
            is_doc = isinstance(c, DocCand)
            what = "document" if is_doc else "body"
            try:
                exists = kg is not None and kg.ask(_IS_DOCUMENT if is_doc else _IS_BODY,
                                                   {"x": ox.NamedNode(iri)})
            except ValueError:  # not an IRI
                exists = False
            if not exists:
                raise AcceptError(f"--link {cid}={target}: the graph has no {what} {_short(iri)}"
                                  f" ({cid}'s matches: "
                                  f"{', '.join(_short(m) for m in c.matches) or 'none'}); give "
                                  f"the IRI of a {what} the graph holds, or 'new'")
            notes.append(f"{cid} linked to {_short(iri)} as asked (not one of the matches the "
                         "extraction found: check it is the same " + what + ")")
        c.link, c.matches = "linked", [iri]
    return notes


def _select(cs: CandidateSet, only: list[str] | None):
    ids = set(cs.ids())
    skipped: list[tuple[str, str]] = []
    if only:
        unknown = [x for x in only if x not in ids]
        if unknown:
            raise AcceptError(f"no candidate {', '.join(unknown)} in this file (its candidates: "
                              f"{', '.join(sorted(ids, key=_id_order))})")
        chosen = set(only)
    else:
        chosen = set(ids)
    explicit = set(only or [])
    for r in cs.relations:
        if r.id in chosen:
            chosen |= {r.source, r.target}
    for m in cs.mergers:
        if m.id in chosen and m.doc:
            chosen.add(m.doc)
    docs = []
    bad: set[str] = set()
    for d in cs.documents:
        if d.id not in chosen:
            continue
        if d.link == "new" and not d.number and not d.subject and not d.code and all(
                _bare_type_word(n, cs.lang) for n in d.names):
            msg = (f"named only by a type word ({', '.join(repr(n) for n in d.names)}): no "
                   "name, number or subject to tell it apart; link it (--link "
                   f"{d.id}=IRI) or leave it out")
            if d.id in explicit:
                raise AcceptError(f"{d.id} is {msg}")
            skipped.append((d.id, msg))
            bad.add(d.id)
            continue
        if d.link == "ambiguous":
            msg = ("ambiguous: it matches " + ", ".join(_short(m) for m in d.matches)
                   + f"; say which with --link {d.id}=IRI (or --link {d.id}=new)")
            if d.id in explicit:
                raise AcceptError(f"{d.id} is {msg}")
            skipped.append((d.id, msg))
            bad.add(d.id)
            continue
        docs.append(d)
    rels = []
    for r in cs.relations:
        if r.id not in chosen:
            continue
        if r.source in bad or r.target in bad:
            skipped.append((r.id, "one of its documents is left out (see above)"))
            continue
        rels.append(r)
    mergers = []
    for m in cs.mergers:
        if m.id not in chosen:
            continue
        if not m.into:
            skipped.append((m.id, "the text does not say which body resulted from the merger"))
            continue
        if m.doc in bad:
            skipped.append((m.id, "its deciding document is ambiguous"))
            continue
        mergers.append(m)
    return docs, rels, mergers, skipped


def _accept_document(b: _Builder, d: DocCand, body) -> ox.NamedNode:
    cs = b.cs
    iri = _nn(d.matches[0] if d.link == "linked" else d.proposed)
    have = b.existing(iri)
    linked = bool(have)
    first = d.occurrences[0].sentence if d.occurrences else None
    # type: the graph's when it knows the document, else what the text says
    if linked and have.get(PK + "documentType"):
        for t in sorted(x.value for x in have.get(RDF + "type", set()) if x.value.startswith(PK)):
            b.add(iri, RDF + "type", ox.NamedNode(t))
        for t in have[PK + "documentType"]:
            b.add(iri, PK + "documentType", t)
    else:
        t = d.type or "unclassified"
        b.add(iri, RDF + "type", b.nn(PK + PK_CLASS[t]))
        b.add(iri, PK + "documentType", b.nn(PKDT + t))
    for name in d.names:
        if _bare_type_word(name, cs.lang):
            b.notes.append(f"{d.id}: '{name}' is a type word, not a name: not written as a name")
            continue
        b.add(iri, SKOS + "altLabel", ox.Literal(name, language=cs.lang))
    for o in d.occurrences:
        b.evidence(iri, None, None, o.sentence)

    def one_valued(p: str, value: ox.Literal, sentence: str, what: str) -> None:
        old = have.get(p, set())
        if old and value not in old:
            olds = sorted(x.value for x in old)
            how = ("a less precise" if all(value.value.startswith(o) for o in olds) else
                   "a more precise" if all(o.startswith(value.value) for o in olds) else
                   "a different")
            b.notes.append(f"{d.id}: the text gives {what} {value.value}, the graph has {how} "
                           f"{', '.join(olds)} (one value only): left out, curate by hand")
            return
        b.fact(iri, p, value, sentence)

    if d.code and not d.planned:
        occ = next((o for o in d.occurrences if o.code), None)
        sentence = occ.sentence if occ else first
        try:
            canon = canonical_code(d.code)
        except CodeError:
            canon = None
        written = [o.code for o in d.occurrences if o.code] or [d.code]
        codes = have.get(PK + "code", set())
        if canon and (not codes or ox.Literal(canon) in codes):
            b.fact(iri, PK + "code", ox.Literal(canon), sentence)
        for w in dict.fromkeys(written):
            if w != canon or (codes and ox.Literal(w) not in codes):
                if ox.Literal(w) not in codes:
                    o = next(x for x in d.occurrences if x.code == w) if any(
                        x.code == w for x in d.occurrences) else None
                    b.fact(iri, PK + "codeAsWritten", ox.Literal(w), o.sentence if o else sentence)
    if d.number:
        occ = next((o for o in d.occurrences if o.code or re.search(r"\d", o.text)), None)
        old = have.get(PK + "number", set())
        if not old or ox.Literal(d.number) in old:
            b.fact(iri, PK + "number", ox.Literal(d.number), occ.sentence if occ else first)
    if d.planned:
        if d.date or d.issuer:
            b.notes.append(f"{d.id}: a planned document: its date or issuer in the text is "
                           "left out")
    else:
        if d.date:
            occ = next((o for o in d.occurrences if o.date == d.date), None) or d.occurrences[0]
            one_valued(PK + "dateIssued", date_literal(d.date), occ.sentence, "the date")
        if d.issuer:
            occ = next((o for o in d.occurrences if o.issuer == d.issuer), None) or d.occurrences[0]
            bi = body(d.issuer, occ.sentence)
            if bi is not None:
                old = have.get(PK + "issuedBy", set())
                if old and bi not in old:
                    b.notes.append(f"{d.id}: the text gives the issuer {_short(bi.value)}, the "
                                   "graph has " + ", ".join(_short(x.value) for x in old)
                                   + ": left out")
                else:
                    b.fact(iri, PK + "issuedBy", bi, occ.sentence)
    if d.subject:
        occ = next((o for o in d.occurrences if o.subject == d.subject), None) or d.occurrences[0]
        b.fact(iri, PK + "subject", ox.Literal(d.subject, language=cs.lang), occ.sentence)
    if not linked and not d.number and not d.subject:
        name = next(n for n in d.names if not _bare_type_word(n, cs.lang))  # see _select
        b.fact(iri, PK + "subject", ox.Literal(name, language=cs.lang), first)
    return iri


def _merger_iri(kg, merged: list[ox.NamedNode], into: ox.NamedNode) -> ox.NamedNode:
    rows = kg.select("SELECT DISTINCT ?m ?o WHERE { ?m a pk:Merger ; "
                     "org:resultingOrganization ?into ; org:originalOrganization ?o }",
                     {"into": into})
    by_m: dict[str, set[str]] = {}
    for r in rows:
        by_m.setdefault(r["m"].value, set()).add(r["o"].value)
    for m, origs in sorted(by_m.items()):
        if {x.value for x in merged} <= origs:
            return ox.NamedNode(m)
    tail = "-".join(x.value.rsplit("/", 1)[-1] for x in merged)
    return ox.NamedNode(f"{BASE}merger/{tail}-into-{into.value.rsplit('/', 1)[-1]}")


def _validate(kg, root: Path, target: Path, rel: str, fresh: list[ox.Quad],
              tables: dict | None = None) -> list:
    """The violations the ``fresh`` quads (for file ``target``) would bring: with the project
    (``kg``), and with the ontology, the curation graph and the file's earlier content alone.
    ``tables``: the ``fresh`` quads by subject (see :func:`partykg.graph.addition.validate_quads`)."""
    from partykg.graph.addition import validate_quads
    from partykg.graph.dataset import load
    from partykg.store.embedded import KnowledgeGraph

    if not fresh:
        return []
    curation = root / "graph" / "curation.trig"
    alone = [f for f in graph_files(root) if f.parent.name == "ontology"
             or f.parent == root / "ontology"]
    alone += [f for f in (curation, target) if f.exists()]
    store, report = load(root, files=alone)
    context = KnowledgeGraph(store, root, report)
    return validate_quads(kg, fresh, rel, context, tables)


def _write(cs: CandidateSet, root: Path, kg, quads: list[ox.Quad], corpus_rel: str,
           accepted: list[str], skipped, notes, dry_run: bool,
           tables: dict | None = None) -> AcceptResult:
    from partykg.graph.dataset import parse_file

    sources = root / "graph" / "sources"
    target = sources / f"{cs.stem}.trig"
    corpus = root / corpus_rel
    for f, d in ((target, sources), (corpus, root / "graph" / "corpus")):
        if not valid_stem(cs.stem) or f.resolve().parent != d.resolve():
            raise AcceptError(f"the candidates' stem {cs.stem!r} is not a plain file name "
                              "under graph/: refused, nothing written")
    rel = target.relative_to(root).as_posix()
    old: list[ox.Quad] = []
    old_text = ""
    if target.exists():
        old = parse_file(root, target)
        old_text = target.read_text(encoding="utf-8")
    by_hand = bool(old_text) and not old_text.startswith(MARKER)
    unique = dict.fromkeys(quads)  # each quad hashed once (the engine hashes its four terms)
    if old:
        old_set = set(old)
        fresh = [q for q in unique if q not in old_set]
        new_set: set | dict = old_set | set(fresh)
    else:  # a new file: every quad is fresh, and the writer reads the dict's keys
        fresh = list(unique)
        new_set = unique
    added = len(fresh)
    if corpus.exists():
        try:
            same = decode(corpus.read_bytes(), corpus_rel)[0] == cs.text
        except PartykgError:
            same = False
        if not same:
            raise AcceptError(f"{corpus_rel} exists with a different text: this is not the same "
                              "article (nothing written)")
    # validate before writing: what the accept adds, with the project (partykg.graph.addition),
    # and with the ontology, the curation graph and this file alone (every graph file validates
    # on its own, as tests/test_graph_files.py checks)
    # the builder's tables of the quads by subject are the fresh quads' when all are fresh
    violations = _validate(kg, root, target, rel, fresh, None if old else tables)
    # the new corpus file is written after validation; every quote was checked against the text
    # it will hold (_Builder.quote), so its absence is not a violation
    if not corpus.exists():
        violations = [v for v in violations if not (v.rule == "quote-in-corpus"
                                                    and v.entity == cs.source_iri
                                                    and "cannot be read" in v.message)]
    if violations:
        lines = "\n".join(f"  {v}" for v in violations[:30])
        more = f"\n  … and {len(violations) - 30} more" if len(violations) > 30 else ""
        raise AcceptError(f"the accepted facts would not validate, nothing written:\n{lines}{more}")
    result = AcceptResult(rel, corpus_rel, False, accepted, skipped, notes, added)
    if dry_run or added == 0 and corpus.exists():
        return result
    if by_hand:
        # append, never rewrite, a file curated by hand
        block = serialize(fresh, f"# Added by `partykg accept` from candidates of "
                                 f"source/{cs.stem}.", None) if fresh else ""
        text = old_text.rstrip("\n") + "\n\n" + block if fresh else old_text
    else:
        header = (f"{MARKER} from candidates of source/{cs.stem}. Each accept adds to this "
                  "file;\n# edit it like any graph file (or move the facts you curate to "
                  "another file).")
        # a new file is the builder's statements: written from its tables (the same text)
        text = serialize_tables(tables, ox.NamedNode(cs.source_iri), header, None) \
            if tables is not None and not old else serialize(new_set, header, None)
    new_corpus = not corpus.exists()
    if new_corpus:
        write_atomic(corpus, cs.text.encode("utf-8"))
    try:
        if added:
            write_atomic(target, text.encode("utf-8"))
    except BaseException:
        # a refused or failed accept leaves nothing behind, not even the article's text
        if new_corpus:
            corpus.unlink(missing_ok=True)
        raise
    result.written = bool(added)
    return result


__all__ = ["accept", "AcceptError", "AcceptResult", "canonical_code"]
