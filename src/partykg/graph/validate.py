"""Validation: SHACL shapes (pyshacl) plus consistency checks kept as SPARQL files.

Each check in ``queries/checks/*.rq`` is a SELECT that must return no rows; it selects
``?entity`` and ``?message`` (and may select ``?graph``, the named graph at fault). Every
violation names the entity, the message, and the file the entity comes from.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import datetime as _dt
import re
from dataclasses import asdict, dataclass
from pathlib import Path

import pyoxigraph as ox

from partykg.files import InputTooLarge, read_bounded
from partykg.graph.dataset import find_root
from partykg.errors import QueryError
from partykg.model.vocab import BASE, GRAPH_DERIVED

SKOLEM = "urn:partykg:bnode:"
MAX_CORPUS_BYTES = 20 * 1024 * 1024  # as for an article (partykg.ingest.extract.MAX_BYTES)

if TYPE_CHECKING:  # a type only: any backend with select() will do
    from partykg.store.embedded import KnowledgeGraph


@dataclass(frozen=True)
class Violation:
    rule: str  # shape or check file
    entity: str
    message: str
    file: str | None

    def as_dict(self) -> dict[str, str | None]:
        return asdict(self)

    def __str__(self) -> str:
        where = f"  [{self.file}]" if self.file else ""
        return f"{short(self.entity)}: {self.message} ({self.rule}){where}"


def short(iri: str) -> str:
    if iri.startswith(BASE):
        return iri[len(BASE):]
    if iri.startswith(SKOLEM):
        return "blank node " + iri[len(SKOLEM):].split(":", 1)[1]
    return iri


def check_files(root: Path) -> list[Path]:
    return sorted((root / "queries" / "checks").glob("*.rq"))


def run_checks(kg: KnowledgeGraph, files: list[Path] | None = None) -> list[Violation]:
    out: list[Violation] = []
    for path in files if files is not None else check_files(kg.root or find_root()):
        try:
            rows = kg.select(path.read_text(encoding="utf-8"))
        except QueryError as e:
            raise QueryError(f"queries/checks/{path.name}: {e}") from e
        for row in rows:
            entity = row.get("entity")
            if isinstance(entity, ox.Literal):  # e.g. an endpoint answering garbage rows
                raise QueryError(f"queries/checks/{path.name}: {getattr(kg, 'endpoint', 'the store')}"
                                 f" answered a literal ({entity}) where an entity belongs")
            graph = row.get("graph")
            file = kg.file_of_graph(graph.value) if isinstance(graph, ox.NamedNode) else None
            ent = _term_str(entity)
            out.append(Violation(path.stem, ent,
                                 row["message"].value if row.get("message") else path.stem,
                                 file or (_file_of(kg, entity) if entity is not None else None)))
    return out


def _term_str(term: object) -> str:
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    return str(term.value) if term is not None else "?"  # type: ignore[attr-defined]


def _file_of(kg: KnowledgeGraph, term: object) -> str | None:
    """The file of the first named graph (other than ontology/derived) describing ``term``."""
    if not isinstance(term, (ox.NamedNode, ox.BlankNode)):
        return None
    store = getattr(kg, "store", None)
    if store is not None:
        graphs = {q.graph_name.value for q in store.quads_for_pattern(term, None, None, None)}
    else:  # a remote endpoint (partykg.store.remote.RemoteGraph)
        graphs = kg.graphs_of(term)
    files = sorted({f for g in graphs if g != GRAPH_DERIVED and (f := kg.file_of_graph(g))})
    return ", ".join(files) if files else None


# --- SHACL ---------------------------------------------------------------------------------

def to_rdflib(kg: KnowledgeGraph):
    """The union of all graphs but the derived one as an rdflib Graph; blank nodes become
    IRIs ``urn:partykg:bnode:{graph index}:{id}`` so that results can name their file."""
    import rdflib

    graphs: dict[str, int] = {}
    g = rdflib.Graph()

    def conv(t, gi):
        if isinstance(t, ox.NamedNode):
            return rdflib.URIRef(t.value)
        if isinstance(t, ox.BlankNode):
            return rdflib.URIRef(f"{SKOLEM}{gi}:{t.value}")
        if t.language:
            return rdflib.Literal(t.value, lang=t.language)
        dt = t.datatype.value
        return rdflib.Literal(t.value, datatype=None if dt.endswith("#string") else rdflib.URIRef(dt))

    for q in kg.data_quads():
        gi = graphs.setdefault(q.graph_name.value, len(graphs))
        g.add((conv(q.subject, gi), conv(q.predicate, gi), conv(q.object, gi)))
    return g, {i: name for name, i in graphs.items()}


def run_shacl(kg: KnowledgeGraph, shapes: Path | None = None, focus=None) -> list[Violation]:
    """The SHACL violations of ``kg``'s data; of the ``focus`` nodes only when given (named
    nodes: pySHACL's focus_nodes)."""
    import rdflib
    from pyshacl import validate as shacl_validate

    shapes = shapes or (kg.root or find_root()) / "ontology" / "shapes.ttl"
    if not shapes.is_file():
        return []
    shapes_graph = rdflib.Graph().parse(shapes, format="turtle")
    data, graph_names = to_rdflib(kg)
    extra = {}
    if focus is not None and all(isinstance(f, ox.NamedNode) for f in focus):
        extra["focus_nodes"] = [rdflib.URIRef(f.value) for f in focus]
    conforms, results, _ = shacl_validate(data, shacl_graph=shapes_graph, inference="none",
                                          advanced=True, allow_warnings=True, **extra)
    if conforms:
        return []
    SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    out = []
    for r in results.subjects(rdflib.RDF.type, SH.ValidationResult):
        if results.value(r, SH.resultSeverity) != SH.Violation:
            continue
        focus = str(results.value(r, SH.focusNode))
        path = results.value(r, SH.resultPath)
        msg = str(results.value(r, SH.resultMessage) or "does not conform")
        if path is not None and isinstance(path, rdflib.URIRef):
            msg = f"{data.namespace_manager.normalizeUri(path)}: {msg}"
        shape = results.value(r, SH.sourceShape)
        rule = data.namespace_manager.normalizeUri(shape) if isinstance(shape, rdflib.URIRef) else "shape"
        if focus.startswith(SKOLEM):
            gi = int(focus[len(SKOLEM):].split(":", 1)[0])
            file = kg.file_of_graph(graph_names[gi])
        else:
            file = _file_of(kg, ox.NamedNode(focus))
        out.append(Violation(rule, focus, msg, file))
    return sorted(set(out), key=lambda v: (v.file or "", v.entity, v.message))


# --- quotes against the corpus ------------------------------------------------------------

QUOTES = """SELECT DISTINCT ?ev ?quote ?src ?file WHERE {
  ?ev a pk:Evidence ; pk:quote ?quote ; prov:wasQuotedFrom ?src .
  ?src pk:corpusFile ?file .
}"""
# the sources (and their corpus files) of QUOTES's rows, without a row per quote
CORPUS_FILES = "SELECT DISTINCT ?src ?file WHERE { ?src pk:corpusFile ?file }"
QUOTED = "ASK { ?ev prov:wasQuotedFrom ?src ; a pk:Evidence ; pk:quote ?quote }"


def check_quotes(kg: KnowledgeGraph, root: Path | None = None) -> list[Violation]:
    """Every quote from a source whose text is in the corpus (pk:corpusFile) must appear in that
    text verbatim. A corpus file that does not exist is reported once per source."""
    root = root or kg.root or find_root()
    texts: dict[str, str | None] = {}
    out: list[Violation] = []
    if hasattr(kg, "rows"):
        # one source quoted, whose corpus file cannot be read (an accept's new article: its file
        # is written after validation): that is the one violation the rows below give, found
        # without reading a row per quote (an accept of a 12 MB candidates file has 14,000)
        files = kg.rows(CORPUS_FILES)
        if all(isinstance(src, ox.NamedNode) for src, _ in files):  # (a blank node: no VALUES)
            pairs = []
            for src, file in files:  # (up to two: a whole project's sources are not all asked)
                if len(pairs) < 2 and kg.ask(QUOTED, {"src": src}):
                    pairs.append((src, file))
            if not pairs:
                return out
            if len(pairs) == 1 and _corpus_text(kg, root, pairs[0][1].value, pairs[0][0],
                                                texts, out) is None:
                return out  # (else the text read is kept in texts, and out is empty)
    # the embedded store's rows as tuples (an accept reads 14,000 of them); an endpoint's dicts
    rows = kg.rows(QUOTES) if hasattr(kg, "rows") else [
        (r["ev"], r["quote"], r["src"], r["file"]) for r in kg.select(QUOTES)]
    for ev, quote, src, file in rows:
        rel = file.value
        text = texts[rel] if rel in texts else _corpus_text(kg, root, rel, src, texts, out)
        if text is not None and quote.value not in text:
            out.append(Violation("quote-in-corpus", _term_str(ev),
                                 f"quote not found verbatim in {rel}: {quote.value[:80]!r}",
                                 _file_of(kg, ev)))
    return out


def _corpus_text(kg, root: Path, rel: str, src, texts: dict, out: list) -> str | None:
    """The text of corpus file ``rel`` (kept in ``texts``), or None with a violation of
    ``src`` put in ``out`` when it cannot be read."""
    path = root / rel
    try:  # a corpus file is an article: bounded like one (a path may name a device)
        texts[rel] = read_bounded(path, MAX_CORPUS_BYTES, "a corpus file").decode("utf-8")
    except (OSError, UnicodeDecodeError, InputTooLarge) as e:
        texts[rel] = None
        out.append(Violation("quote-in-corpus", _term_str(src),
                             f"corpus file {rel} cannot be read: {e}", _file_of(kg, src)))
    return texts[rel]


def validate(kg: KnowledgeGraph, shacl: bool = True) -> list[Violation]:
    """SHACL shapes (unless ``shacl`` is False), the SPARQL checks of queries/checks/, and the
    quotes checked against the corpus."""
    return (run_shacl(kg) if shacl else []) + run_checks(kg) + check_quotes(kg)


# every dated statement but the scheduled end of a term (pk:endYear: a 2025-2030 term ends ahead)
DATES = """SELECT ?s ?p ?d ?g WHERE { GRAPH ?g { ?s ?p ?d }
  FILTER(isLiteral(?d) && DATATYPE(?d) IN (xsd:date, xsd:dateTime, xsd:gYear, xsd:gYearMonth)
         && ?p != pk:endYear) }"""


def future_dates(kg: KnowledgeGraph, today: _dt.date | None = None) -> list[Violation]:
    """Warnings (not violations: a planned date may lie ahead) for dates more than a year after
    ``today``: most likely a typing slip (2205 for 2025)."""
    today = today or _dt.date.today()
    limit = today.replace(year=today.year + 1) if not (today.month == 2 and today.day == 29) \
        else _dt.date(today.year + 1, 2, 28)
    out = []
    for row in kg.select(DATES):
        value = row["d"].value.strip()
        m = re.match(r"^(-?\d{4,})(?:-(\d{2}))?(?:-(\d{2}))?", value)
        if not m:
            continue
        year = int(m.group(1))
        parts = (year, int(m.group(2) or 1), int(m.group(3) or 1))
        if parts <= (limit.year, limit.month, limit.day):
            continue
        graph = row.get("g")
        file = kg.file_of_graph(graph.value) if isinstance(graph, ox.NamedNode) else None
        out.append(Violation("future-date", _term_str(row["s"]),
                             f"{short(row['p'].value)} {value} is more than a year after "
                             f"today ({today.isoformat()}): a typing slip?", file))
    return out
