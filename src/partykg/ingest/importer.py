"""``partykg import FILE.csv``: documents and relations from a spreadsheet.

Columns (header row required, any order; see README): ``code, type, issuer, date, title, replaces,
amends, implements, guides, status, source_url, quote``, plus two optional ones: ``as_of`` (the date
the status is reported as of; default: ``date``) and ``lang`` (the language of ``title`` and
``quote``; default ``und``, undetermined).

- ``type``, ``issuer`` and ``status`` are matched against the names the graph itself holds (the
  document-type and status schemes' labels and notations, the bodies' display and alternative
  names) in any language, ignoring case: nothing is hard-coded here.
- A code whose number repeats across terms is written ``CODE@YYYY-MM-DD``, in ``code`` and in the
  relation columns; multi-valued cells use ``;``.
- A row that names an existing document (same code and date, or same type, number and date)
  adds facts to it; otherwise a new document is minted. A relation to a document that exists
  nowhere mints it from its code (and date).
- A planned or draft row (``status``) has no issue date: ``date`` is then the date the plan is
  reported as of, ``replaces`` becomes ``pk:plannedToReplace`` and ``code`` may be empty (give a
  ``title``).
- Every fact carries an evidence node with the row's ``quote``, its ``source_url`` and its row
  number. The result is one TriG file, ``graph/imports/{name}.trig`` (named graph
  ``graph/import/{name}``), written only when every row is good and the graph with it still
  validates: a bad row imports nothing. The output is deterministic, so importing the same file
  again changes nothing.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from partykg.graph import dataset
from partykg.model import ids
from partykg.errors import PartykgError
from partykg.files import read_bounded, write_atomic
from partykg.store.embedded import KnowledgeGraph
from partykg.model.vocab import BASE, DCTERMS, GRAPH_IMPORT, PK, PKST, PROV, RDF, SKOS, XSD

COLUMNS = ("code", "type", "issuer", "date", "title", "replaces", "amends", "implements", "guides",
           "status", "source_url", "quote")
OPTIONAL = ("as_of", "lang")
RELATIONS = ("replaces", "amends", "implements", "guides")
PLANNED = {PKST + "planned", PKST + "draft"}
MAX_BYTES = 20 * 1024 * 1024


class ImportError_(PartykgError):
    """A spreadsheet that cannot be imported; nothing from it was written."""


def _n(term: str) -> ox.NamedNode:
    return ox.NamedNode(term)


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


@dataclass
class Vocabulary:
    """What the graph itself knows: type, status and body names -> IRIs."""

    types: dict[str, set[str]] = field(default_factory=dict)       # name -> concept IRIs
    type_class: dict[str, str] = field(default_factory=dict)       # concept -> class
    type_label: dict[str, dict[str, str]] = field(default_factory=dict)  # concept -> lang -> label
    statuses: dict[str, set[str]] = field(default_factory=dict)
    bodies: dict[str, set[str]] = field(default_factory=dict)
    notations: dict[str, set[str]] = field(default_factory=dict)   # folded notation -> concepts

    @classmethod
    def of(cls, kg: KnowledgeGraph) -> "Vocabulary":
        v = cls()
        for r in kg.select("""SELECT DISTINCT ?c ?class ?name ?kind WHERE {
                ?c skos:inScheme pkdt:DocumentTypes ; pk:documentClass ?class .
                { ?c skos:prefLabel ?name BIND("pref" AS ?kind) } UNION
                { ?c skos:altLabel ?name BIND("alt" AS ?kind) } UNION
                { ?c skos:notation ?name BIND("notation" AS ?kind) } }"""):
            c = r["c"].value
            v.type_class[c] = r["class"].value
            v.types.setdefault(_fold(r["name"].value), set()).add(c)
            if r["kind"].value == "pref" and r["name"].language:
                v.type_label.setdefault(c, {})[r["name"].language] = r["name"].value
            if r["kind"].value == "notation" or (r["kind"].value == "alt" and not r["name"].language):
                v.notations.setdefault(ids.code_key(r["name"].value), set()).add(c)
        for r in kg.select("""SELECT DISTINCT ?s ?name WHERE {
                ?s skos:inScheme pkst:Statuses ; skos:prefLabel|skos:altLabel ?name }"""):
            v.statuses.setdefault(_fold(r["name"].value), set()).add(r["s"].value)
        for r in kg.select("""SELECT DISTINCT ?b ?name WHERE {
                ?b a ?cls . ?cls rdfs:subClassOf* pk:Body . ?b skos:prefLabel|skos:altLabel ?name }"""):
            v.bodies.setdefault(_fold(r["name"].value), set()).add(r["b"].value)
        return v


@dataclass
class Ref:
    """A document named in a cell: its code and, when written CODE@DATE, its date."""

    code: ids.Code
    date: str | None
    text: str

    @property
    def key(self) -> tuple[str, str | None]:
        return self.code.key, self.date


@dataclass
class ImportResult:
    path: Path
    target: Path
    rows: int
    new_documents: int
    facts: int
    written: bool
    unchanged: bool

    def summary(self) -> str:
        what = (f"{self.rows} row(s): {self.facts} fact(s), {self.new_documents} new document(s)")
        if not self.written:
            return f"{self.path.name}: {what}; dry run, nothing written"
        if self.unchanged:
            return f"{self.path.name}: {what}; {self.target} is already up to date"
        return f"{self.path.name}: {what}; wrote {self.target}"


class _Errors:
    def __init__(self, name: str):
        self.name, self.items = name, []

    def add(self, row: int, column: str | None, message: str) -> None:
        where = f"row {row}" + (f", column {column}" if column else "")
        self.items.append(f"{self.name} {where}: {message}")

    def raise_if_any(self) -> None:
        if self.items:
            shown = self.items[:50]
            more = f"\n  ... and {len(self.items) - 50} more" if len(self.items) > 50 else ""
            raise ImportError_(f"{len(self.items)} problem(s); nothing was imported:\n  "
                               + "\n  ".join(shown) + more)


def _check_date(text: str) -> str:
    try:
        return dt.date.fromisoformat(text).isoformat() if len(text) == 10 else _bad_date(text)
    except ValueError:
        return _bad_date(text)


def _bad_date(text: str) -> str:
    raise ValueError(f"not a date: {text!r} (write YYYY-MM-DD)")


def _parse_ref(text: str) -> Ref:
    code_text, _, date = text.partition("@")
    code = ids.parse_code(code_text.strip())
    return Ref(code, _check_date(date.strip()) if date.strip() else None, text.strip())


def _read_rows(path: Path, errors: _Errors) -> list[tuple[int, dict[str, str]]]:
    try:
        raw = read_bounded(path, MAX_BYTES, "a spreadsheet", ImportError_)
    except OSError as e:
        raise ImportError_(f"{path}: cannot read: {e.strerror or e}") from e
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise ImportError_(f"{path}: not UTF-8 text (byte {e.start}); save the sheet as CSV UTF-8") from e
    if "\x00" in text:
        raise ImportError_(f"{path}: not a CSV file (it holds NUL bytes)")
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise ImportError_(f"{path}: empty file: a header row is required ({','.join(COLUMNS)})")
    except csv.Error as e:
        raise ImportError_(f"{path}: not valid CSV: {e}") from e
    names = [h.strip().lower() for h in header]
    unknown = [h for h in names if h not in COLUMNS + OPTIONAL]
    if unknown:
        raise ImportError_(f"{path} row 1: unknown column(s) {unknown}; the columns are "
                           f"{','.join(COLUMNS)} (and optionally {','.join(OPTIONAL)})")
    missing = [c for c in ("code", "type") if c not in names]
    if missing:
        raise ImportError_(f"{path} row 1: the header lacks column(s) {missing}")
    if len(set(names)) != len(names):
        raise ImportError_(f"{path} row 1: a column is named twice")
    rows = []
    try:
        for n, cells in enumerate(reader, start=2):
            if not any(c.strip() for c in cells):
                continue
            if len(cells) > len(names):
                errors.add(n, None, f"{len(cells)} cells for {len(names)} columns")
                continue
            rows.append((n, {k: (cells[i].strip() if i < len(cells) else "")
                             for i, k in enumerate(names)}))
    except csv.Error as e:
        raise ImportError_(f"{path} row {reader.line_num}: not valid CSV: {e}") from e
    return rows


class _Builder:
    """Collects the import's quads in its own named graph, with evidence for every fact."""

    def __init__(self, graph: str, stem: str):
        self.g = ox.NamedNode(graph)
        self.stem = stem
        self.quads: dict[ox.Quad, None] = {}
        self.facts = 0

    def add(self, s: str, p: str, o: ox.NamedNode | ox.Literal) -> None:
        self.quads[ox.Quad(_n(s), _n(p), o, self.g)] = None

    def fact(self, s: str, p: str, o, row: int, source: str, quote: str, lang: str) -> None:
        obj = _n(o) if isinstance(o, str) else o
        self.add(s, p, obj)
        h = hashlib.sha1(f"{s} {p} {obj}".encode()).hexdigest()[:12]
        ev = f"{BASE}import/{self.stem}/row/{row}/{h}"
        self.add(ev, RDF + "type", _n(PK + "Evidence"))
        self.add(ev, RDF + "subject", _n(s))
        self.add(ev, RDF + "predicate", _n(p))
        self.add(ev, RDF + "object", obj)
        self.add(ev, PK + "quote", ox.Literal(quote, language=lang))
        self.add(ev, PROV + "wasQuotedFrom", _n(source))
        self.add(ev, PK + "csvRow", ox.Literal(str(row), datatype=_n(XSD + "positiveInteger")))
        self.facts += 1


def _date_literal(d: str) -> ox.Literal:
    return ox.Literal(d, datatype=_n(XSD + "date"))


def import_csv(path: Path, root: Path | None = None, dry_run: bool = False,
               kg: KnowledgeGraph | None = None) -> ImportResult:
    """Import one spreadsheet into ``graph/imports/{name}.trig`` (see the module's doc)."""
    path = Path(path)
    root = (root or dataset.find_root()).resolve()
    stem = ids.slug(path.stem)
    target = root / "graph" / "imports" / f"{stem}.trig"
    graph = f"{GRAPH_IMPORT}{stem}"
    errors = _Errors(path.name)
    rows = _read_rows(path, errors)
    if not rows and not errors.items:
        raise ImportError_(f"{path}: no rows under the header")

    # the project's graph without this spreadsheet's earlier import (re-importing replaces it)
    if kg is None:
        files = [f for f in dataset.graph_files(root) if f.resolve() != target.resolve()]
        store, report = dataset.load(root, files=files)
        kg = KnowledgeGraph(store, root, report)
    vocab = Vocabulary.of(kg)
    b = _Builder(graph, stem)

    # --- pass 1: check every cell, decide each row's document ----------------------------------
    @dataclass
    class Row:
        n: int
        cells: dict[str, str]
        concept: str | None = None
        issuer: str | None = None
        date: str | None = None
        as_of: str | None = None
        status: str | None = None
        ref: Ref | None = None
        rels: dict[str, list[Ref]] = field(default_factory=dict)
        doc: str | None = None

    checked: list[Row] = []
    for n, cells in rows:
        r = Row(n, cells)
        t = cells.get("type", "")
        found = vocab.types.get(_fold(t), set()) if t else set()
        if not t:
            errors.add(n, "type", "missing type")
        elif len(found) != 1:
            known = sorted({lab for c in vocab.type_label.values() for lab in (c.get("en"), c.get("vi")) if lab})
            errors.add(n, "type", f"unknown type {t!r}" if not found else f"{t!r} names several types")
            if not found:
                errors.items[-1] += f" (known: {', '.join(known)})"
        else:
            r.concept = next(iter(found))
        iss = cells.get("issuer", "")
        if iss:
            bodies = vocab.bodies.get(_fold(iss), set())
            if len(bodies) == 1:
                r.issuer = next(iter(bodies))
            elif bodies:
                errors.add(n, "issuer", f"{iss!r} names several bodies: "
                                        + ", ".join(sorted(b_.removeprefix(BASE) for b_ in bodies)))
            else:
                errors.add(n, "issuer", f"unknown issuer {iss!r}: use a body's name as the graph "
                                        "holds it, in English or Vietnamese (e.g. Politburo, Bộ Chính trị)")
        st = cells.get("status", "")
        if st:
            sts = vocab.statuses.get(_fold(st), set())
            if len(sts) == 1:
                r.status = next(iter(sts))
            else:
                errors.add(n, "status", f"unknown status {st!r} (issued, planned, draft, in force, "
                                        "no longer in force)")
        for col in ("date", "as_of"):
            if cells.get(col):
                try:
                    setattr(r, col, _check_date(cells[col]))
                except ValueError as e:
                    errors.add(n, col, str(e))
        planned = r.status in PLANNED
        if planned and r.issuer:
            errors.add(n, "issuer", "a planned or draft document has no issuer yet: leave issuer "
                                    "empty (the graph would present the plan as issued)")
        code = cells.get("code", "")
        if code:
            try:
                r.ref = _parse_ref(code)
            except (ids.CodeError, ValueError) as e:
                errors.add(n, "code", str(e))
            else:
                if r.ref.date and r.date and r.ref.date != r.date:
                    errors.add(n, "code", f"{code!r} says {r.ref.date} but column date says {r.date}")
                r.date = r.date or r.ref.date
        elif not planned:
            errors.add(n, "code", "missing code (only a planned or draft document may have none; "
                                  "then give its title)")
        elif not cells.get("title"):
            errors.add(n, "title", "a planned document without a code needs a title")
        for col in RELATIONS:
            refs = []
            for part in [p for p in cells.get(col, "").split(";") if p.strip()]:
                try:
                    refs.append(_parse_ref(part))
                except (ids.CodeError, ValueError) as e:
                    errors.add(n, col, str(e))
            r.rels[col] = refs
        has_facts = any(r.rels.values()) or any(cells.get(c) for c in ("issuer", "date", "title", "status"))
        if has_facts or code:
            if not cells.get("source_url"):
                errors.add(n, "source_url", "missing source_url: every fact needs its source")
            if not cells.get("quote"):
                errors.add(n, "quote", "missing quote: every fact needs the words that state it")
        url = cells.get("source_url", "")
        if url and not (url.startswith("http://") or url.startswith("https://")) or any(c in url for c in ' <>"{}|\\^`'):
            errors.add(n, "source_url", f"not an http(s) URL: {url!r}")
        checked.append(r)
    errors.raise_if_any()

    # --- pass 2: resolve documents (rows first, then the graph), mint what is new -------------
    existing_by_key: dict[str, list[tuple[str, str | None]]] = {}
    for r_ in kg.select("""SELECT DISTINCT ?d ?key ?date WHERE {
            ?d pk:codeKey ?key . OPTIONAL { ?d pk:dateIssued ?date } }"""):
        existing_by_key.setdefault(r_["key"].value, []).append(
            (r_["d"].value, r_["date"].value if r_["date"] else None))
    classes = {r_["d"].value: r_["c"].value for r_ in kg.select(
        "SELECT DISTINCT ?d ?c WHERE { ?d pk:documentType ?c }")}

    new_docs: dict[str, str] = {}   # IRI -> concept, minted by this import

    def by_type_number_date(ref: Ref, concepts: set[str]) -> list[str]:
        if not ref.date:
            return []
        rows_ = kg.select("""SELECT DISTINCT ?d ?c WHERE {
                ?d pk:numberKey ?n ; pk:dateIssued ?date ; pk:documentType ?c }""",
                          {"n": ox.Literal(ref.code.number_key), "date": _date_literal(ref.date)})
        return [x["d"].value for x in rows_ if x["c"].value in concepts]

    row_docs: dict[str, set[tuple[str, str | None]]] = {}  # code key -> (doc, date) of rows

    def resolve(ref: Ref, row: int, col: str, concept: str | None = None) -> str | None:
        """The one document ``ref`` names, in the graph or among the rows; None when there is
        none (an error is recorded when there are several)."""
        cands = set(existing_by_key.get(ref.code.key, [])) | row_docs.get(ref.code.key, set())
        same = sorted({d for d, date in cands if ref.date is None or date == ref.date})
        if len(same) > 1:
            listed = "; ".join(f"{ref.code.text}@{date or 'undated'} ({d.removeprefix(BASE)})"
                               for d, date in sorted(cands))
            errors.add(row, col, f"{ref.text!r} names {len(same)} documents; write "
                                 f"CODE@YYYY-MM-DD: {listed}")
            return None
        if same:
            return same[0]
        concepts = {concept} if concept else vocab.notations.get(ids.code_key(ref.code.type), set())
        other = by_type_number_date(ref, concepts)
        return other[0] if len(other) == 1 else None

    def mint(ref: Ref | None, concept: str, title: str, issuer: str | None,
             date: str | None = None) -> str:
        date = date or (ref.date if ref is not None else None)
        if ref is not None:
            path_ = ids.document_path(code=ref.code.text, year=date[:4] if date else None)
        else:
            issuer_slug = issuer.removeprefix(BASE + "body/") if issuer else None
            tslug = ids.slug(ids.code_key(next(iter(sorted(
                n for n, cs in vocab.notations.items() if concept in cs)), "x")))
            path_ = ids.document_path(type_slug=tslug, issuer_slug=issuer_slug, subject=title)
        return BASE + path_

    for r in checked:
        if r.ref is not None:
            doc = resolve(r.ref, r.n, "code", r.concept)
        else:
            doc = None
        if doc is None and not errors.items:
            doc = mint(r.ref, r.concept, r.cells.get("title", ""), r.issuer,
                       None if r.status in PLANNED else r.date)
            if doc in new_docs or (doc in classes and r.ref is not None and
                                   not any(d == doc for d, _ in existing_by_key.get(r.ref.code.key, []))):
                errors.add(r.n, "code", f"{r.cells.get('code') or r.cells.get('title')!r} would mint "
                                        f"{doc.removeprefix(BASE)}, which another document has; "
                                        "give its date (CODE@YYYY-MM-DD)")
                continue
            new_docs[doc] = r.concept
        r.doc = doc
        if doc is None:
            continue
        if doc in classes and classes[doc] != r.concept:
            def name(c: str) -> str:
                return vocab.type_label.get(c, {}).get("en", c.rsplit("/", 1)[-1])
            errors.add(r.n, "type", f"{doc.removeprefix(BASE)} is a {name(classes[doc])} "
                                    f"in the graph, not a {name(r.concept)}")
        if r.ref is not None:
            row_docs.setdefault(r.ref.code.key, set()).add(
                (doc, None if r.status in PLANNED else r.date))
    errors.raise_if_any()

    # relation targets: rows, the graph, else minted from the reference
    targets: dict[tuple[int, str, int], str] = {}
    for r in checked:
        for col, refs in r.rels.items():
            for i, ref in enumerate(refs):
                t = resolve(ref, r.n, col)
                if t is None and not errors.items:
                    concepts = vocab.notations.get(ids.code_key(ref.code.type), set())
                    concept = next(iter(concepts)) if len(concepts) == 1 else PKDT_UNCLASSIFIED
                    t = mint(ref, concept, "", None)
                    if t not in new_docs and t not in classes:
                        new_docs[t] = concept
                        row_docs.setdefault(ref.code.key, set()).add((t, ref.date))
                    elif t in classes:
                        errors.add(r.n, col, f"{ref.text!r} would mint {t.removeprefix(BASE)}, which "
                                             "another document has; give its date (CODE@YYYY-MM-DD)")
                        continue
                if t is not None:
                    if t == r.doc:
                        errors.add(r.n, col, f"a document cannot {col[:-1]} itself")
                    targets[(r.n, col, i)] = t
    errors.raise_if_any()

    # --- pass 3: the facts -------------------------------------------------------------------
    ref_rows: dict[str, tuple[Ref, int, str, str, str]] = {}
    for r in checked:
        url = r.cells.get("source_url", "")
        source = f"{BASE}source/web/{hashlib.sha1(url.encode()).hexdigest()[:16]}" if url else None
        lang = r.cells.get("lang") or "und"
        quote = r.cells.get("quote", "")
        if source:
            b.add(source, RDF + "type", _n(PK + "SourceArticle"))
            b.add(source, PK + "url", ox.Literal(url, datatype=_n(XSD + "anyURI")))
            b.add(source, DCTERMS + "language", ox.Literal(lang))
        doc = r.doc
        assert doc is not None and r.concept is not None
        planned = r.status in PLANNED
        if doc in new_docs:
            _declare(b, doc, r.concept, vocab, r.ref)
        if r.ref is not None:
            canonical = _canonical(r.ref.code)
            b.fact(doc, PK + "code", ox.Literal(canonical), r.n, source, quote, lang)
            if r.ref.code.text != canonical:
                b.fact(doc, PK + "codeAsWritten", ox.Literal(r.ref.code.text), r.n, source, quote, lang)
            b.fact(doc, PK + "number", ox.Literal(r.ref.code.number), r.n, source, quote, lang)
        if r.issuer:
            b.fact(doc, PK + "issuedBy", r.issuer, r.n, source, quote, lang)
        if r.date and not planned:
            b.fact(doc, PK + "dateIssued", _date_literal(r.date), r.n, source, quote, lang)
        if r.cells.get("title"):
            b.fact(doc, PK + "title", ox.Literal(r.cells["title"], language=lang), r.n, source, quote, lang)
        if r.status:
            as_of = r.as_of or r.date
            st = f"{BASE}import/{stem}/row/{r.n}/status"
            b.add(st, RDF + "type", _n(PK + "StatusStatement"))
            b.add(st, PK + "status", _n(r.status))
            if as_of:
                b.add(st, PK + "asOf", _date_literal(as_of))
            b.fact(doc, PK + "hasStatus", st, r.n, source, quote, lang)
        for col, refs in r.rels.items():
            prop = PK + ("plannedToReplace" if (col == "replaces" and planned) else col)
            for i, ref in enumerate(refs):
                t = targets[(r.n, col, i)]
                b.fact(doc, prop, t, r.n, source, quote, lang)
                if t in new_docs and t not in ref_rows:
                    ref_rows[t] = (ref, r.n, source, quote, lang)
    # documents minted from a reference: their code (and date) as that row wrote them
    for t, (ref, n, source, quote, lang) in ref_rows.items():
        if any(q.subject.value == t and q.predicate.value == PK + "code" for q in b.quads):
            continue
        _declare(b, t, new_docs[t], vocab, ref)
        canonical = _canonical(ref.code)
        b.fact(t, PK + "code", ox.Literal(canonical), n, source, quote, lang)
        if ref.code.text != canonical:
            b.fact(t, PK + "codeAsWritten", ox.Literal(ref.code.text), n, source, quote, lang)
        b.fact(t, PK + "number", ox.Literal(ref.code.number), n, source, quote, lang)
        if ref.date:
            b.fact(t, PK + "dateIssued", _date_literal(ref.date), n, source, quote, lang)

    # --- validate the graph with the import, then write ----------------------------------------
    data = _serialize(b, path.name)
    _validate_with(kg, root, data, target, errors)
    errors.raise_if_any()
    unchanged = target.is_file() and target.read_bytes() == data
    if not dry_run and not unchanged:
        write_atomic(target, data)
    return ImportResult(path, target, len(checked), len(new_docs), b.facts, not dry_run, unchanged)


PKDT_UNCLASSIFIED = "https://w3id.org/partykg/doctype/unclassified"


def _canonical(code: ids.Code) -> str:
    """The official spelling: D written for Đ in the type (QD -> QĐ, QDi -> QĐi) and the
    issuer (DUB -> ĐUB)."""
    def fix(part: str) -> str:
        return ("Đ" + part[1:]) if part[:1] == "D" and part.upper() in ("D", "DA", "DUB") else part

    t = code.type
    if t.upper().startswith("QD"):
        t = "QĐ" + t[2:]
    elif t.upper() in ("DA",):
        t = "ĐA"
    issuer = fix(code.issuer)
    return ids.Code(code.number, t, issuer, code.state, code.year).text


def _declare(b: _Builder, doc: str, concept: str, vocab: Vocabulary, ref: Ref | None) -> None:
    """Class, type and display names of a document this import mints."""
    b.add(doc, RDF + "type", _n(vocab.type_class[concept]))
    b.add(doc, PK + "documentType", _n(concept))
    labels = vocab.type_label.get(concept, {})
    if ref is not None:
        for lang in ("en", "vi"):
            if lang in labels:
                b.add(doc, SKOS + "prefLabel",
                      ox.Literal(f"{labels[lang]} {_canonical(ref.code)}", language=lang))


def _serialize(b: _Builder, csv_name: str) -> bytes:
    quads = sorted(b.quads, key=lambda q: (str(q.subject), str(q.predicate), str(q.object)))
    body = ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes={
        "pk": PK, "pkdt": "https://w3id.org/partykg/doctype/", "pkst": PKST, "rdf": RDF,
        "skos": SKOS, "prov": PROV, "dcterms": DCTERMS, "xsd": XSD})
    head = (f"# Imported from {csv_name} by `partykg import`; regenerate by importing the file "
            "again, do not edit by hand.\n# Every fact has a pk:Evidence node with the row's quote, "
            "source_url (prov:wasQuotedFrom) and row number (pk:csvRow).\n\n")
    return head.encode("utf-8") + body


def _validate_with(kg: KnowledgeGraph, root: Path, data: bytes, target: Path, errors: _Errors) -> None:
    """Load the import next to the graph and keep it only if it brings no new violation."""
    from partykg.graph.validate import validate

    before = {(v.rule, v.entity, v.message) for v in validate(kg)}
    rel = target.relative_to(root).as_posix() if target.is_relative_to(root) else str(target)
    quads = dataset.parse_bytes(data, rel)
    store = ox.Store()
    store.extend(kg.data_quads())
    store.extend(quads)
    dataset.derive(store)
    report = dataset.LoadReport(files=[*kg.report.files, target],
                                graph_files={**kg.report.graph_files,
                                             **{q.graph_name.value: rel for q in quads}})
    after = validate(KnowledgeGraph(store, root, report))
    for v in after:
        if (v.rule, v.entity, v.message) not in before:
            errors.items.append(f"{rel}: the import would make the graph invalid: {v}")
