"""``partykg import FILE.csv``: documents and relations from a spreadsheet as people keep them.

Columns (header row required, any order, names forgiven: see :mod:`partykg.ingest.sheet` and the
README): ``code, type, issuer, date, title, replaces, amends, implements, guides, status,
source_url, quote``, plus ``as_of`` (the date the status is reported as of; default ``date``) and
``lang`` (the language of ``title`` and ``quote``; default ``und``, undetermined).

- ``type``, ``issuer`` and ``status`` are resolved through the names the graph holds, as ``ask``
  resolves them (:mod:`partykg.ingest.names`): nothing is hard-coded here. A type the code's
  abbreviation leaves open (``QĐ``: Regulation or Decision) is kept unknown
  (``pkdt:unclassified``) with ``pk:possibleDocumentType`` for each type it may be.
- A code whose number repeats across terms is written ``CODE@YYYY-MM-DD``, in ``code`` and in the
  relation columns; multi-valued cells use ``;``.
- A row that names an existing document (same code and date, or same type, number and date)
  adds facts to it; otherwise a new document is minted. A relation to a document that exists
  nowhere mints it from its code (and date).
- A planned or draft row (``status``) has no issue date: ``date`` is then the date the plan is
  reported as of, ``replaces`` becomes ``pk:plannedToReplace`` and ``code`` may be empty (give a
  ``title``).
- Every fact carries an evidence node with the row's ``source_url`` (``prov:wasQuotedFrom`` a
  ``pk:SourceArticle``: the graph's own source with that ``pk:url`` when there is one), its row
  number and, when the row has one, its ``quote`` (which must then be in that source's corpus
  text, when the graph keeps it).
- The result is one TriG file per spreadsheet, ``graph/imports/{stem}-{key}.trig`` (``key``: a
  short hash of the spreadsheet's path (relative to the project when it lies inside it), so that ``x/docs.csv`` and ``y/docs.csv`` never
  share a file), written only when every row is good and what the import adds validates
  (:mod:`partykg.graph.addition`): a bad row imports nothing, and every bad row is named with
  its row and column. The output is deterministic: importing the same file again changes nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from partykg.errors import PartykgError
from partykg.files import write_atomic
from partykg.graph import dataset
from partykg.ingest.names import Names
from partykg.ingest.statements import _Builder, n as _n
from partykg.ingest.sources import Sources as _Sources
from partykg.ingest.sheet import COLUMNS, OPTIONAL, RELATION_COLUMNS, SheetError, read_rows  # noqa: F401
from partykg.model import ids
from partykg.model.vocab import BASE, DCTERMS, GRAPH_IMPORT, PK, PKST, PROV, RDF, SKOS, XSD
from partykg.store.embedded import KnowledgeGraph

RELATIONS = tuple(RELATION_COLUMNS)
PLANNED = {PKST + "planned", PKST + "draft"}
PKDT_UNCLASSIFIED = "https://w3id.org/partykg/doctype/unclassified"
_LANG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")


class ImportError_(PartykgError):
    """A spreadsheet that cannot be imported; nothing from it was written."""


@dataclass
class Ref:
    """A document named in a cell: its code and, when written CODE@DATE, its date."""

    code: ids.Code
    date: str | None
    text: str
    undated: bool = False  # written CODE@undated: the document with that code and no date

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
    unquoted: int = 0
    replaced: bool = False
    notes: list[str] = field(default_factory=list)

    def summary(self) -> str:
        what = f"{self.rows} row(s): {self.facts} fact(s), {self.new_documents} new document(s)"
        if self.unquoted:
            what += f", {self.unquoted} fact(s) with a source URL and no quote"
        if not self.written:
            out = f"{self.path.name}: {what}; dry run, nothing written ({self.target})"
        elif self.unchanged:
            out = f"{self.path.name}: {what}; {self.target} is already up to date"
        elif self.replaced:
            out = (f"{self.path.name}: {what}; replaced {self.target} (the spreadsheet changed "
                   "since it was last imported)")
        else:
            out = f"{self.path.name}: {what}; wrote {self.target}"
        return "\n".join([out, *self.notes])


class _Errors:
    def __init__(self, name: str):
        self.name, self.items, self.rows = name, [], set()

    def add(self, row: int, column: str | None, message: str) -> None:
        where = f"row {row}" + (f", column {column}" if column else "")
        self.items.append(f"{self.name} {where}: {message}")
        self.rows.add(row)

    def raise_if_any(self) -> None:
        if self.items:
            raise ImportError_(f"{len(self.items)} problem(s); nothing was imported:\n  "
                               + "\n  ".join(self.items))


def _check_date(text: str) -> str:
    try:
        return dt.date.fromisoformat(text).isoformat() if len(text) == 10 else _bad_date(text)
    except ValueError:
        return _bad_date(text)


def _bad_date(text: str) -> str:
    raise ValueError(f"not a date: {text!r} (write YYYY-MM-DD)")


UNDATED = "undated"


def _parse_ref(text: str) -> Ref:
    """``CODE``, ``CODE@YYYY-MM-DD`` or ``CODE@undated`` (the document with that code that has no
    date, as the lists of candidates write it)."""
    code_text, at, date = text.partition("@")
    code = ids.parse_code(code_text.strip())
    date = date.strip()
    if at and date.lower() == UNDATED:
        return Ref(code, None, text.strip(), undated=True)
    if at and not date:
        raise ValueError(f"{text.strip()!r}: nothing after '@' (write CODE@YYYY-MM-DD or "
                         "CODE@undated)")
    return Ref(code, _check_date(date) if date else None, text.strip())


def _date_literal(d: str) -> ox.Literal:
    return ox.Literal(d, datatype=_n(XSD + "date"))


def output_stem(path: Path, root: Path | None = None) -> str:
    """The import's name: the spreadsheet's stem and a short hash of its path: relative to the
    project when the spreadsheet lies inside it (so that a clone elsewhere re-imports it into the
    same file), else absolute."""
    p = Path(path).resolve()
    where = str(p)
    if root is not None:
        try:
            where = "project:" + p.relative_to(Path(root).resolve()).as_posix()
        except ValueError:
            pass
    key = hashlib.sha1(where.encode("utf-8")).hexdigest()[:8]
    return f"{ids.slug(Path(path).stem, 60)}-{key}"


@dataclass
class Row:
    n: int
    cells: dict[str, str]
    concept: str | None = None
    possible: set[str] = field(default_factory=set)
    issuer: str | None = None
    date: str | None = None
    as_of: str | None = None
    status: str | None = None
    lang: str = "und"
    ref: Ref | None = None
    rels: dict[str, list[Ref]] = field(default_factory=dict)
    doc: str | None = None
    source: str | None = None


def _check_row(r: Row, names: Names, sources: _Sources, errors: _Errors) -> None:
    """Pass 1: every cell of one row; errors name the row and the column."""
    n, cells = r.n, r.cells
    st = cells.get("status", "")
    if st:
        sts = names.status(st)
        if len(sts) == 1:
            r.status = next(iter(sts))
        else:
            errors.add(n, "status", f"unknown status {st!r} (issued, planned, draft, in force, "
                                    "no longer in force, or their vi/fr/id names)")
    planned = r.status in PLANNED
    code = cells.get("code", "")
    if code:
        try:
            r.ref = _parse_ref(code)
        except (ids.CodeError, ValueError) as e:
            errors.add(n, "code", str(e))
    elif not planned:
        errors.add(n, "code", "missing code (only a planned or draft document may have none; "
                              "then give its title)")
    elif not cells.get("title"):
        errors.add(n, "title", "a planned document without a code needs a title")

    # the type: the cell's, narrowed by the code's abbreviation; unknown when both leave it open
    t = cells.get("type", "")
    by_code = names.types_of_code(r.ref.code) if r.ref else set()
    if t:
        found = names.type(t)
        if not found:
            errors.add(n, "type", f"unknown type {t!r} (known: {', '.join(names.known_types())})")
        elif by_code and not found & by_code:
            errors.add(n, "type", f"type {t!r} does not fit code {code!r}, whose abbreviation "
                                  f"{r.ref.code.type} means "
                                  + " or ".join(sorted(names.type_name(c) for c in by_code)))
        else:
            cand = (found & by_code) if by_code else found
            r.concept, r.possible = (next(iter(cand)), set()) if len(cand) == 1 else (
                PKDT_UNCLASSIFIED, cand)
    elif r.ref is not None:
        r.concept, r.possible = (next(iter(by_code)), set()) if len(by_code) == 1 else (
            PKDT_UNCLASSIFIED, by_code)
    elif code == "":
        errors.add(n, "type", "missing type")

    iss = cells.get("issuer", "")
    if iss:
        bodies = names.body(iss)
        if len(bodies) == 1:
            r.issuer = bodies[0]
        elif bodies:
            errors.add(n, "issuer", f"{iss!r} names {len(bodies)} bodies: "
                                    + "; ".join(f"{names.body_name(b)} ({b.removeprefix(BASE)})"
                                                for b in bodies) + "; write one of their names")
        else:
            errors.add(n, "issuer", f"unknown issuer {iss!r}: no body of the graph has that name "
                                    "(e.g. Politburo, Bộ Chính trị, Ban Bí thư, Central Committee)")
    for col in ("date", "as_of"):
        if cells.get(col):
            try:
                setattr(r, col, _check_date(cells[col]))
            except ValueError as e:
                errors.add(n, col, str(e))
    if r.ref is not None and r.ref.undated and r.date:
        errors.add(n, "code", f"{code!r} names the undated document but column date says {r.date}")
    if r.ref is not None and r.ref.date and r.date and r.ref.date != r.date:
        errors.add(n, "code", f"{code!r} says {r.ref.date} but column date says {r.date}")
    if r.ref is not None:
        r.date = r.date or r.ref.date
    if planned and r.issuer:
        errors.add(n, "issuer", "a planned or draft document has no issuer yet: leave issuer "
                                "empty (the graph would present the plan as issued)")
    for col in RELATIONS:
        refs = []
        for part in [p for p in cells.get(col, "").split(";") if p.strip()]:
            try:
                refs.append(_parse_ref(part))
            except (ids.CodeError, ValueError) as e:
                errors.add(n, col, str(e))
        r.rels[col] = refs
    lang = cells.get("lang", "")
    if lang:
        try:
            if not _LANG.match(lang):
                raise ValueError(lang)
            ox.Literal("x", language=lang)
            r.lang = lang
        except ValueError:
            errors.add(n, "lang", f"not a language tag: {lang!r} (write vi, en, fr, id, en-GB...)")
    url = cells.get("source_url", "")
    quote = cells.get("quote", "")
    if url:
        if not url.startswith(("http://", "https://")) or any(c in url for c in ' <>"{}|\\^`'):
            errors.add(n, "source_url", f"not an http(s) URL: {url!r}")
        else:
            r.source = sources.source_of(url, r.lang)
            problem = sources.quote_problem(r.source, quote) if quote else None
            if problem:
                errors.add(n, "quote", problem)
    elif quote or code or any(r.rels.values()) or any(cells.get(c) for c in ("issuer", "date", "title", "status")):
        errors.add(n, "source_url", "missing source_url: every fact needs its source (the page "
                                    "that states it; the quote is optional)")
    if quote and len(quote) < 3:
        errors.add(n, "quote", f"quote {quote!r} is too short to be checked (3 characters at least)")


def import_csv(path: Path, root: Path | None = None, dry_run: bool = False,
               kg: KnowledgeGraph | None = None, full_shacl: bool = True) -> ImportResult:
    """Import one spreadsheet into ``graph/imports/{stem}-{key}.trig`` (see the module's doc)."""
    path = Path(path)
    root = (root or dataset.find_root()).resolve()
    stem = output_stem(path, root)
    target = root / "graph" / "imports" / f"{stem}.trig"
    graph = f"{GRAPH_IMPORT}{stem}"
    errors = _Errors(path.name)
    try:
        _, rows = read_rows(path)
    except SheetError as e:
        raise ImportError_(str(e)) from e

    # the project's graph without this spreadsheet's earlier import (re-importing replaces it)
    if kg is None:
        files = [f for f in dataset.graph_files(root) if f.resolve() != target.resolve()]
        store, report = dataset.load(root, files=files)
        kg = KnowledgeGraph(store, root, report)
    names = Names.of(kg)
    sources = _Sources(kg, root)

    # --- pass 1: check every cell of every row (streamed) ----------------------------------
    checked: list[Row] = []
    try:
        for n, cells in rows:
            if isinstance(cells, str):
                errors.add(n, None, cells)
                continue
            r = Row(n, cells)
            _check_row(r, names, sources, errors)
            checked.append(r)
    except SheetError as e:
        raise ImportError_(str(e)) from e
    if not checked and not errors.items:
        raise ImportError_(f"{path}: no rows under the header")

    # --- pass 2: resolve documents (rows first, then the graph), mint what is new -------------
    existing_by_key: dict[str, list[tuple[str, str | None]]] = {}
    for r_ in kg.select("""SELECT DISTINCT ?d ?key ?date WHERE {
            ?d pk:codeKey ?key . OPTIONAL { ?d pk:dateIssued ?date } }"""):
        existing_by_key.setdefault(r_["key"].value, []).append(
            (r_["d"].value, r_["date"].value if r_["date"] else None))
    classes = {r_["d"].value: r_["c"].value for r_ in kg.select(
        "SELECT DISTINCT ?d ?c WHERE { ?d pk:documentType ?c }")}
    possible_of: dict[str, set[str]] = {}
    for r_ in kg.select("SELECT DISTINCT ?d ?c WHERE { ?d pk:possibleDocumentType ?c }"):
        possible_of.setdefault(r_["d"].value, set()).add(r_["c"].value)

    new_docs: dict[str, tuple[str, set[str]]] = {}   # IRI -> (concept, possible types)
    row_docs: dict[str, set[tuple[str, str | None]]] = {}  # code key -> (doc, date) of rows

    by_number: dict[tuple[str, str], list[tuple[str, str]]] = {}  # one query, not one per row
    for x in kg.select("""SELECT DISTINCT ?d ?n ?date ?c WHERE {
            ?d pk:numberKey ?n ; pk:dateIssued ?date ; pk:documentType ?c }"""):
        by_number.setdefault((x["n"].value, x["date"].value), []).append((x["d"].value, x["c"].value))

    def by_type_number_date(ref: Ref, concepts: set[str]) -> list[str]:
        if not ref.date:
            return []
        return sorted({d for d, c in by_number.get((ref.code.number_key, ref.date), [])
                       if c in concepts})

    def resolve(ref: Ref, row: int, col: str, concepts: set[str]) -> str | None:
        """The one document ``ref`` names, in the graph or among the rows; None when there is
        none (an error is recorded when there are several)."""
        cands = set(existing_by_key.get(ref.code.key, [])) | row_docs.get(ref.code.key, set())
        if ref.undated:  # CODE@undated: the one without a date
            same = sorted({d for d, date in cands if date is None})
            if len(same) > 1:
                errors.add(row, col, f"{ref.text!r} names {len(same)} undated documents: "
                                     + "; ".join(x.removeprefix(BASE) for x in same))
                return None
            return same[0] if same else None
        same = sorted({d for d, date in cands if ref.date is None or date == ref.date})
        if len(same) > 1:
            listed = "; ".join(f"{ref.code.text}@{date or 'undated'} ({d.removeprefix(BASE)})"
                               for d, date in sorted(cands, key=lambda x: (x[1] or "", x[0])))
            errors.add(row, col, f"{ref.text!r} names {len(same)} documents; write "
                                 f"CODE@YYYY-MM-DD (or CODE@undated): {listed}")
            return None
        if same:
            return same[0]
        other = by_type_number_date(ref, concepts)
        return other[0] if len(other) == 1 else None

    def mint(ref: Ref | None, concept: str, title: str, issuer: str | None,
             date: str | None = None) -> str:
        date = date or (ref.date if ref is not None else None)
        if ref is not None:
            return BASE + ids.document_path(code=ref.code.text, year=date[:4] if date else None)
        issuer_slug = ids.issuer_segment(kg, issuer) if issuer else None  # one scheme per issuer
        tslug = ids.slug(ids.code_key(next(iter(sorted(
            n for n, cs in names.notations.items() if concept in cs)), "x")))
        return BASE + ids.document_path(type_slug=tslug, issuer_slug=issuer_slug, subject=title)

    for r in checked:
        if r.n in errors.rows or r.concept is None:
            continue
        concepts = r.possible or {r.concept}
        doc = resolve(r.ref, r.n, "code", concepts) if r.ref is not None else None
        if doc is None and r.n not in errors.rows:
            doc = mint(r.ref, r.concept, r.cells.get("title", ""), r.issuer,
                       None if r.status in PLANNED else r.date)
            if doc in new_docs or (doc in classes and r.ref is not None and
                                   not any(d == doc for d, _ in existing_by_key.get(r.ref.code.key, []))):
                errors.add(r.n, "code", f"{r.cells.get('code') or r.cells.get('title')!r} would mint "
                                        f"{doc.removeprefix(BASE)}, which another document has; "
                                        "give its date (CODE@YYYY-MM-DD)")
                continue
            new_docs[doc] = (r.concept, r.possible)
        r.doc = doc
        if doc is None:
            continue
        if doc in classes and doc not in new_docs:
            have = classes[doc]
            if have == PKDT_UNCLASSIFIED and r.concept != PKDT_UNCLASSIFIED:
                allowed = " or ".join(sorted(names.type_name(c) for c in possible_of.get(doc, ())))
                errors.add(r.n, "type", f"{doc.removeprefix(BASE)} is of unknown type in the graph"
                                        + (f" (its code allows {allowed})" if allowed else "")
                                        + f"; its type is set where it was created ("
                                        f"{_file_of(kg, doc)}): state it there, or name the "
                                        "document in the same spreadsheet as the row that types it")
            elif have != r.concept and not (r.concept == PKDT_UNCLASSIFIED and have in r.possible):
                errors.add(r.n, "type", f"{doc.removeprefix(BASE)} is a {names.type_name(have)} "
                                        f"in the graph, not a {names.type_name(r.concept)}")
        if r.ref is not None:
            row_docs.setdefault(r.ref.code.key, set()).add(
                (doc, None if r.status in PLANNED else r.date))

    # relation targets: rows, the graph, else minted from the reference
    targets: dict[tuple[int, str, int], str] = {}
    for r in checked:
        for col, refs in r.rels.items():
            for i, ref in enumerate(refs):
                by_code = names.types_of_code(ref.code)
                t = resolve(ref, r.n, col, by_code)
                if t is None and r.n not in errors.rows:
                    concept, possible = ((next(iter(by_code)), set()) if len(by_code) == 1
                                         else (PKDT_UNCLASSIFIED, by_code))
                    t = mint(ref, concept, "", None)
                    if t not in new_docs and t not in classes:
                        new_docs[t] = (concept, possible)
                        row_docs.setdefault(ref.code.key, set()).add((t, ref.date))
                    elif t in classes:
                        errors.add(r.n, col, f"{ref.text!r} would mint {t.removeprefix(BASE)}, which "
                                             "another document has; give its date (CODE@YYYY-MM-DD)")
                        continue
                if t is not None:
                    if t == r.doc:
                        errors.add(r.n, col, f"a document cannot be related to itself ({col})")
                    targets[(r.n, col, i)] = t
    errors.raise_if_any()

    # --- pass 3: the facts -------------------------------------------------------------------
    b = _Builder(graph, stem)
    for s, (url, langs) in sorted(sources.minted.items()):
        b.add(s, RDF + "type", _n(PK + "SourceArticle"))
        b.add(s, PK + "url", ox.Literal(url, datatype=_n(XSD + "anyURI")))
        b.add(s, DCTERMS + "language", ox.Literal(next(iter(langs)) if len(langs) == 1 else "und"))
    ref_rows: dict[str, tuple[Ref, int, str, str, str]] = {}
    coded: set[str] = set()
    for r in checked:
        source, lang, quote = r.source, r.lang, r.cells.get("quote", "")
        doc = r.doc
        assert doc is not None and r.concept is not None and source is not None
        planned = r.status in PLANNED
        if doc in new_docs:
            _declare(b, doc, *new_docs[doc], names, r.ref)
        if r.ref is not None:
            _code_facts(b, doc, r.ref, r.n, source, quote, lang)
            coded.add(doc)
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
            prop = PK + ("plannedToReplace" if (col == "replaces" and planned)
                         else RELATION_COLUMNS[col])
            for i, ref in enumerate(refs):
                t = targets[(r.n, col, i)]
                b.fact(doc, prop, t, r.n, source, quote, lang)
                if t in new_docs and t not in ref_rows:
                    ref_rows[t] = (ref, r.n, source, quote, lang)
    # documents minted from a reference: their code (and date) as that row wrote them
    for t, (ref, n, source, quote, lang) in ref_rows.items():
        if t in coded:
            continue
        _declare(b, t, *new_docs[t], names, ref)
        _code_facts(b, t, ref, n, source, quote, lang)
        if ref.date:
            b.fact(t, PK + "dateIssued", _date_literal(ref.date), n, source, quote, lang)

    # --- validate what the import adds, then write ---------------------------------------------
    from partykg.graph.addition import validate_addition

    data = _serialize(b, path.name, stem)
    rel = target.relative_to(root).as_posix() if target.is_relative_to(root) else str(target)
    minted = f"{BASE}import/{stem}/"
    mentioned = b.mentioned(minted)
    facts, unquoted, b.quads = b.facts, b.unquoted, {}
    # the engine holds the import from here on, not Python objects: the file as it will be
    # read, parsed by the engine
    added = ox.Store()
    added.load(data, format=ox.RdfFormat.TRIG)
    # the documents, evidence and status nodes the import mints come from one template, built
    # from checked cells: the shapes run on the existing nodes it adds statements to
    errors.items += [f"{rel}: the import would make the graph invalid: {v}" for v in
                     validate_addition(kg, added, rel, minted_prefix=minted, shacl=full_shacl,
                                       shacl_new=False, consume=True, mentioned=mentioned)]
    del added
    errors.raise_if_any()
    old = target.read_bytes() if target.is_file() else None
    unchanged = old == data
    if not dry_run and not unchanged:
        write_atomic(target, data)
    return ImportResult(path, target, len(checked), len(new_docs), facts, not dry_run, unchanged,
                        unquoted, replaced=old is not None and not unchanged,
                        notes=_legacy_note(root, path, target))


def _legacy_note(root: Path, path: Path, target: Path) -> list[str]:
    """An import of a file of this name written under the old naming (graph/imports/STEM.trig)."""
    old = root / "graph" / "imports" / f"{ids.slug(path.stem)}.trig"
    if old != target and old.is_file():
        return [f"note: {old} was imported from a file named {path.name} by an earlier partykg; "
                "if it was this spreadsheet, remove it (its facts are now in "
                f"{target.name})"]
    return []


def _file_of(kg: KnowledgeGraph, iri: str) -> str:
    graphs = {q.graph_name.value for q in kg.store.quads_for_pattern(
        _n(iri), _n(PK + "documentType"), None, None)}
    return ", ".join(sorted(f for g in graphs if (f := kg.file_of_graph(g)))) or "the graph"


def _code_facts(b: _Builder, doc: str, ref: Ref, n: int, source: str, quote: str, lang: str) -> None:
    canonical = _canonical(ref.code)
    b.fact(doc, PK + "code", ox.Literal(canonical), n, source, quote, lang)
    if ref.code.text != canonical:
        b.fact(doc, PK + "codeAsWritten", ox.Literal(ref.code.text), n, source, quote, lang)
    b.fact(doc, PK + "number", ox.Literal(ref.code.number), n, source, quote, lang)


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


def _declare(b: _Builder, doc: str, concept: str, possible: set[str], names: Names,
             ref: Ref | None) -> None:
    """Class, type and display names of a document this import mints. A document whose type is
    unknown gets the types its code's abbreviation allows (pk:possibleDocumentType) and no
    display name (its code names it)."""
    b.add(doc, RDF + "type", _n(names.type_class[concept]))
    b.add(doc, PK + "documentType", _n(concept))
    for c in sorted(possible):
        b.add(doc, PK + "possibleDocumentType", _n(c))
    labels = names.type_label.get(concept, {})
    if ref is not None and concept != PKDT_UNCLASSIFIED:
        for lang in ("en", "vi"):
            if lang in labels:
                b.add(doc, SKOS + "prefLabel",
                      ox.Literal(f"{labels[lang]} {_canonical(ref.code)}", language=lang))


def _serialize(b: _Builder, csv_name: str, stem: str) -> bytes:
    # sorted by subject, predicate and object as N-Triples: the statements' own keys (the
    # order of the strings joined by NUL, as earlier versions sorted them: the same bytes)
    # The engine makes the quads: each chunk of statements is written as N-Quads text (the
    # object already is in that form) and parsed back by the engine, cheaper than building
    # each quad's terms in Python.
    keys = sorted(b.quads)
    tail = f" <{b.g.value}> .\n"

    def chunks(size: int = 20_000):
        for i in range(0, len(keys), size):
            text = "".join([f"<{s}> <{p}> {o}{tail}" for s, p, o in keys[i:i + size]])
            yield from ox.parse(text.encode("utf-8"), format=ox.RdfFormat.N_QUADS)

    body = ox.serialize(chunks(), format=ox.RdfFormat.TRIG, prefixes={
        "pk": PK, "pkdt": "https://w3id.org/partykg/doctype/", "pkst": PKST, "rdf": RDF,
        "skos": SKOS, "prov": PROV, "dcterms": DCTERMS, "xsd": XSD})
    head = (f"# Imported from {csv_name} by `partykg import` (import {stem}); regenerate by "
            "importing the file again, do not edit by hand.\n# Every fact has a pk:Evidence node "
            "with the row's source_url (prov:wasQuotedFrom), row number (pk:csvRow) and, when the "
            "row has one, its quote.\n\n")
    return head.encode("utf-8") + body
