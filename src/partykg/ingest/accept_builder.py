"""The statements an accept makes (:mod:`partykg.ingest.accept`), in the source's named graph,
each kept twice as it is made: in the order made (quads, for the engine) and by subject
(predicate IRI -> distinct objects: the tables the shapes, the derived keys and the writer read
instead of the engine, :mod:`partykg.graph.addition`)."""

from __future__ import annotations

import hashlib

import pyoxigraph as ox

from partykg.errors import PartykgError
from partykg.model.ids import BASE
from partykg.model.vocab import PK, PROV, RDF

_TYPE, _SUBJECT, _PREDICATE, _OBJECT = (RDF + "type", RDF + "subject", RDF + "predicate",
                                        RDF + "object")
_QUOTE, _QUOTED_FROM = PK + "quote", PROV + "wasQuotedFrom"


class AcceptError(PartykgError):
    """Candidates that cannot be accepted as they are."""


def _nn(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri if "://" in iri else BASE + iri)


def _h(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]


class _Builder:
    def __init__(self, cs, kg):
        self.cs = cs
        self.kg = kg
        self.g = ox.NamedNode(cs.source_iri)
        self.src = ox.NamedNode(cs.source_iri)
        self.quads: list[ox.Quad] = []
        # the statements by subject (predicate IRI -> distinct objects), made as they are added:
        # the shapes read them from here instead of from the engine (graph.addition)
        self.tables: dict = {}
        self.notes: list[str] = []
        self._pred: dict[str, ox.NamedNode] = {}  # a predicate's (or class's) term, made once
        self._quotes: dict[str, ox.Literal] = {}  # a quoted sentence's literal, made once
        self._evidence = self.nn(PK + "Evidence")
        self._ev_prefix = f"{cs.source_iri}/evidence/"
        self._ev_preds = tuple(self.nn(p) for p in (_TYPE, _SUBJECT, _PREDICATE, _OBJECT, _QUOTE,
                                                     _QUOTED_FROM))
        # the sentences found in the text: an occurrence's sentence is looked for around it
        self.in_text: dict[str, bool] = {}
        text = cs.text
        for d in cs.documents:
            for o in d.occurrences:
                if o.sentence and o.sentence not in self.in_text:
                    lo = max(0, o.start - len(o.sentence))
                    if text.find(o.sentence, lo, o.end + len(o.sentence)) >= 0:
                        self.in_text[o.sentence] = True

    def add(self, s, p: str, o) -> None:
        pn = self._pred.get(p)
        if pn is None:
            pn = self._pred[p] = ox.NamedNode(p)
        self.quads.append(ox.Quad(s, pn, o, self.g))
        table = self.tables.get(s)
        if table is None:
            self.tables[s] = {p: [o]}
        else:
            values = table.get(p)
            if values is None:
                table[p] = [o]
            elif o not in values:
                values.append(o)

    def nn(self, iri: str) -> ox.NamedNode:
        """The term of a predicate or class IRI (made once)."""
        pn = self._pred.get(iri)
        if pn is None:
            pn = self._pred[iri] = ox.NamedNode(iri)
        return pn

    def quote(self, sentence: str) -> ox.Literal:
        lit = self._quotes.get(sentence)
        if lit is not None:
            return lit
        ok = self.in_text.get(sentence)
        if ok is None:
            ok = self.in_text[sentence] = sentence in self.cs.text
        if not ok:
            raise AcceptError("a quoted sentence is not in the article's text (was the "
                              "candidates file edited?)")
        lit = self._quotes[sentence] = ox.Literal(sentence, language=self.cs.lang)
        return lit

    def evidence(self, s, p: str | None, o, sentence: str) -> None:
        q = self.quote(sentence)
        ev = ox.NamedNode(self._ev_prefix + _h(s, p or "", o if o is not None else "", sentence))
        if ev in self.tables:  # the same evidence again: statement by statement (none is new)
            self.add(ev, _TYPE, self._evidence)
            self.add(ev, _SUBJECT, s)
            if p is not None:
                self.add(ev, _PREDICATE, self.nn(p))
                self.add(ev, _OBJECT, o)
            self.add(ev, _QUOTE, q)
            self.add(ev, _QUOTED_FROM, self.src)
            return
        # a new evidence node: its statements and its table at once (what the adds above make
        # of a subject not seen yet, in the same order: each predicate once, one value each)
        g, quad = self.g, ox.Quad
        t_, s_, p_, o_, q_, w_ = self._ev_preds
        if p is not None:
            pn = self.nn(p)
            self.quads += (quad(ev, t_, self._evidence, g), quad(ev, s_, s, g),
                           quad(ev, p_, pn, g), quad(ev, o_, o, g), quad(ev, q_, q, g),
                           quad(ev, w_, self.src, g))
            self.tables[ev] = {_TYPE: [self._evidence], _SUBJECT: [s], _PREDICATE: [pn],
                               _OBJECT: [o], _QUOTE: [q], _QUOTED_FROM: [self.src]}
        else:
            self.quads += (quad(ev, t_, self._evidence, g), quad(ev, s_, s, g),
                           quad(ev, q_, q, g), quad(ev, w_, self.src, g))
            self.tables[ev] = {_TYPE: [self._evidence], _SUBJECT: [s], _QUOTE: [q],
                               _QUOTED_FROM: [self.src]}

    def fact(self, s, p: str, o, sentence: str) -> None:
        self.add(s, p, o)
        self.evidence(s, p, o, sentence)

    def existing(self, iri: ox.NamedNode) -> dict[str, set]:
        """What the graph says about ``iri`` (in any graph, the derived keys too)."""
        out: dict[str, set] = {}
        store = getattr(self.kg, "store", None)
        if isinstance(store, ox.Store):  # the engine's index, not a query per document
            for q in store.quads_for_pattern(iri, None, None, None):
                out.setdefault(q.predicate.value, set()).add(q.object)
            return out
        for r in self.kg.select("SELECT ?p ?o WHERE { ?s ?p ?o }", {"s": iri}):
            out.setdefault(r["p"].value, set()).add(r["o"])
        return out
