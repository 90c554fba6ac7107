"""The SHACL shapes of ``ontology/shapes.ttl`` run on chosen focus nodes, on a pyoxigraph store.

pySHACL checks a few hundred nodes a minute on this machine (its rdflib graph and its reports of
every failing branch of a ``sh:xone``); what an accept or an import adds has thousands. This
module evaluates the SHACL Core subset the shapes file uses, node by node, straight on the
engine's store:

- targets: ``sh:targetClass`` (through ``rdfs:subClassOf`` in the data, as without inference)
  and SHACL-AF ``sh:SPARQLTarget`` selects (run on the data);
- constraints: ``sh:property`` with a predicate ``sh:path``, ``sh:minCount``, ``sh:maxCount``,
  ``sh:class``, ``sh:datatype``, ``sh:in``, ``sh:nodeKind``, ``sh:uniqueLang``,
  ``sh:languageIn``, ``sh:pattern``, ``sh:minLength``, ``sh:qualifiedValueShape`` with
  ``sh:qualifiedMinCount``, ``sh:or`` and ``sh:xone``.

A shapes file that uses anything else is not compiled (:func:`compile_shapes` returns None) and
the caller falls back to pySHACL. tests/test_fast_shapes.py checks that both report the same
focus nodes and shapes on every example of tests/shapes/ and on the seed graph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox

from partykg.model.vocab import RDF, RDFS, XSD

SH = "http://www.w3.org/ns/shacl#"
_TYPE = ox.NamedNode(RDF + "type")
_TYPE_IRI = RDF + "type"
_SUB = ox.NamedNode(RDFS + "subClassOf")
_LANGSTRING = RDF + "langString"

# sh: terms the evaluator understands; documentation and report terms are ignored
_KNOWN = {SH + x for x in (
    "NodeShape", "PropertyShape", "SPARQLTarget", "targetClass", "target", "select", "property",
    "path", "minCount", "maxCount", "class", "datatype", "in", "nodeKind", "uniqueLang",
    "languageIn", "pattern", "minLength", "qualifiedValueShape", "qualifiedMinCount", "or",
    "xone", "message", "name", "description", "order", "group", "IRI", "BlankNode", "Literal",
    "BlankNodeOrIRI", "BlankNodeOrLiteral", "IRIOrLiteral", "flags")}
_DOC = {RDFS + "label", RDFS + "comment", RDFS + "seeAlso", RDF + "first", RDF + "rest",
        RDF + "type", "http://purl.org/dc/terms/title", "http://purl.org/dc/terms/license"}


@dataclass
class Shape:
    node: object  # the shape's term
    iri: str | None  # a named shape's IRI (the rule reported), None for a blank one
    message: str | None = None
    path: tuple[str, ...] | None = None  # predicates, in sequence
    targets: list[str] = field(default_factory=list)  # classes
    selects: list[str] = field(default_factory=list)  # SPARQL target queries
    constraints: dict[str, object] = field(default_factory=dict)
    properties: list["Shape"] = field(default_factory=list)
    class_only: str | None = None  # the class, for a shape that only says sh:class
    # set by _finish when the file is compiled (the defaults take the full path): a shape with
    # no path, no property shapes and no sh:or/sh:xone tests the node alone; tests_value: it has
    # a constraint _value_ok tests; logic: it has sh:or or sh:xone
    value_only: bool = False
    tests_value: bool = True
    logic: bool = True
    # a property shape that no node without a value of its path's first predicate can fail (no
    # sh:minCount, no sh:qualifiedMinCount): a node shape skips it for such a node
    skip_empty: bool = False
    # a property shape that only counts its values (sh:minCount, sh:maxCount and nothing else):
    # sh:or and sh:xone test it by counting, without the memo
    count_only: bool = False
    # sh:xone of distinct [ sh:class X ] members only: the classes X (a node conforms to as many
    # members as it has of them)
    xone_classes: frozenset | None = None


def _list(store: ox.Store, head) -> list:
    out = []
    nil = RDF + "nil"
    while head is not None and not (isinstance(head, ox.NamedNode) and head.value == nil):
        first = next(store.quads_for_pattern(head, ox.NamedNode(RDF + "first"), None), None)
        if first is None:
            break
        out.append(first.object)
        rest = next(store.quads_for_pattern(head, ox.NamedNode(RDF + "rest"), None), None)
        head = rest.object if rest else None
    return out


class _Unsupported(Exception):
    pass


def _compile(store: ox.Store, node, cache: dict) -> Shape:
    if node in cache:
        return cache[node]
    sh = Shape(node, node.value if isinstance(node, ox.NamedNode) else None)
    cache[node] = sh
    for q in store.quads_for_pattern(node, None, None):
        p, o = q.predicate.value, q.object
        if p in _DOC or not p.startswith(SH):
            if p.startswith(SH):
                raise _Unsupported(p)
            continue
        if p not in _KNOWN:
            raise _Unsupported(p)
        name = p[len(SH):]
        if name == "message":
            if sh.message is None or getattr(o, "language", None) == "en":
                sh.message = o.value
        elif name == "path":  # a predicate, or a sequence of predicates
            steps = [o] if isinstance(o, ox.NamedNode) else _list(store, o)
            if not steps or not all(isinstance(x, ox.NamedNode) for x in steps):
                raise _Unsupported("a complex sh:path")
            sh.path = tuple(x.value for x in steps)
        elif name == "targetClass":
            sh.targets.append(o.value)
        elif name == "target":
            types = {x.object.value for x in store.quads_for_pattern(o, _TYPE, None)}
            sel = next(store.quads_for_pattern(o, ox.NamedNode(SH + "select"), None), None)
            if SH + "SPARQLTarget" not in types or sel is None:
                raise _Unsupported("a sh:target other than a SPARQL select")
            sh.selects.append(sel.object.value)
        elif name == "property":
            sh.properties.append(_compile(store, o, cache))
        elif name in ("or", "xone"):
            sh.constraints[name] = [_compile(store, x, cache) for x in _list(store, o)]
        elif name == "in":
            sh.constraints[name] = set(_list(store, o))
        elif name == "languageIn":
            sh.constraints[name] = [x.value.lower() for x in _list(store, o)]
        elif name == "qualifiedValueShape":
            sh.constraints[name] = _compile(store, o, cache)
        elif name in ("minCount", "maxCount", "minLength", "qualifiedMinCount"):
            sh.constraints[name] = int(o.value)
        elif name == "uniqueLang":
            sh.constraints[name] = o.value == "true"
        elif name in ("class", "datatype", "nodeKind", "pattern"):
            sh.constraints[name] = o.value
        elif name == "flags":
            if o.value:
                raise _Unsupported("sh:flags")
    if set(sh.constraints) == {"class"} and sh.path is None and not sh.properties:
        sh.class_only = sh.constraints["class"]
    return sh


def _finish(sh: Shape, seen: set) -> None:
    """What the evaluation reads of a compiled shape (and the shapes it holds) besides it."""
    if id(sh) in seen:
        return
    seen.add(id(sh))
    sh.value_only = (sh.path is None and not sh.properties and "or" not in sh.constraints
                     and "xone" not in sh.constraints)
    sh.tests_value = any(k in sh.constraints for k in _VALUE_TESTS)
    sh.logic = "or" in sh.constraints or "xone" in sh.constraints
    sh.skip_empty = (sh.path is not None and not sh.constraints.get("minCount")
                     and not sh.constraints.get("qualifiedMinCount"))
    sh.count_only = (sh.path is not None and not sh.properties
                     and set(sh.constraints) <= {"minCount", "maxCount"})
    xone = [x.class_only for x in sh.constraints.get("xone", ())]
    sh.xone_classes = (frozenset(xone) if xone and None not in xone
                       and len(set(xone)) == len(xone) else None)
    for x in sh.properties:
        _finish(x, seen)
    for k in ("or", "xone"):
        for x in sh.constraints.get(k, ()):
            _finish(x, seen)
    if "qualifiedValueShape" in sh.constraints:
        _finish(sh.constraints["qualifiedValueShape"], seen)


@lru_cache(maxsize=4)
def _compiled(path: str, mtime: float) -> list[Shape] | None:
    store = ox.Store()
    store.load(path=path, format=ox.RdfFormat.TURTLE)
    cache: dict = {}
    shapes = []
    try:
        for q in store.quads_for_pattern(None, _TYPE, ox.NamedNode(SH + "NodeShape")):
            shapes.append(_compile(store, q.subject, cache))
        # every sh: predicate of the file must be one the evaluator reads
        for q in store:
            if q.predicate.value.startswith(SH) and q.predicate.value not in _KNOWN:
                raise _Unsupported(q.predicate.value)
    except _Unsupported:
        return None
    done: set = set()
    for sh in shapes:
        _finish(sh, done)
    return shapes


def compile_shapes(path: Path) -> list[Shape] | None:
    """The node shapes of a shapes file, or None when it uses what this module does not read."""
    path = Path(path)
    return _compiled(str(path), path.stat().st_mtime)


CLASSES = "classes"  # in _Data.reads: (CLASSES, node), a node's classes were read


class _Data:
    """The data graph: a store (all graphs), with classes through rdfs:subClassOf."""

    def __init__(self, store: ox.Store, tables: dict | None = None):
        self.store = store
        self._supers: dict = {}
        self._types: dict = {}
        # node -> its table (predicate IRI -> distinct values): read from the store once, or
        # given (``tables``: what the caller knows to be a node's every statement in the store)
        self._props: dict = dict(tables) if tables else {}
        self.memo: dict = {}
        # what the evaluation of a focus node read, when recorded: the nodes whose statements
        # it read, and (CLASSES, node) for the nodes whose classes only it read; with the same
        # statements about those, it finds the same
        self.reads: set | None = None

    def supers(self, cls) -> set[str]:
        hit = self._supers.get(cls)
        if hit is None:
            hit, todo = set(), [cls]
            while todo:
                c = todo.pop()
                if c.value in hit:
                    continue
                hit.add(c.value)
                todo += [q.object for q in self.store.quads_for_pattern(c, _SUB, None)
                         if isinstance(q.object, ox.NamedNode)]
            self._supers[cls] = hit
        return hit

    def classes(self, node) -> set[str]:
        if self.reads is not None:
            self.reads.add((CLASSES, node))
        hit = self._types.get(node)
        if hit is None:
            hit = set()
            if not isinstance(node, ox.Literal):
                table = self._props.get(node)  # the node's types are in its table, when read
                if table is not None:
                    for c in table.get(_TYPE_IRI, ()):
                        hit |= self.supers(c)
                else:
                    for q in self.store.quads_for_pattern(node, _TYPE, None):
                        hit |= self.supers(q.object)
            self._types[node] = hit
        return hit

    def props(self, node) -> dict[str, list]:
        """predicate IRI -> the node's distinct values (read once per node)."""
        if self.reads is not None:
            self.reads.add(node)
        hit = self._props.get(node)
        if hit is None:
            hit = {}
            if not isinstance(node, ox.Literal):
                for q in self.store.quads_for_pattern(node, None, None):
                    p, o = q.predicate.value, q.object  # each read once (a new object each time)
                    vals = hit.get(p)
                    if vals is None:
                        hit[p] = [o]
                    elif o not in vals:
                        vals.append(o)
            self._props[node] = hit
        return hit

    def values(self, node, path: tuple[str, ...]) -> list:
        if len(path) == 1:
            hit = self._props.get(node)  # props(node), without the call when already read
            if hit is None:
                return self.props(node).get(path[0], [])
            if self.reads is not None:
                self.reads.add(node)
            return hit.get(path[0], [])
        nodes = [node]
        for step in path:
            nodes = list(dict.fromkeys(v for n in nodes for v in self.props(n).get(step, ())))
        return nodes


_DATE_FORMS = {XSD + "date": r"-?\d{4,}-\d\d-\d\d(Z|[+-]\d\d:\d\d)?",
               XSD + "gYearMonth": r"-?\d{4,}-\d\d(Z|[+-]\d\d:\d\d)?",
               XSD + "gYear": r"-?\d{4,}(Z|[+-]\d\d:\d\d)?",
               XSD + "integer": r"[+-]?\d+", XSD + "positiveInteger": r"\+?0*[1-9]\d*",
               XSD + "boolean": r"true|false|1|0"}


def _well_formed(lit: ox.Literal) -> bool:
    form = _DATE_FORMS.get(lit.datatype.value)
    if form is None or re.fullmatch(form, lit.value) is None:
        return form is None
    if lit.datatype.value == XSD + "date":
        import datetime as dt
        try:
            dt.date.fromisoformat(lit.value[:10] if not lit.value.startswith("-") else "x")
        except ValueError:
            return False
    if lit.datatype.value == XSD + "gYearMonth":
        return 1 <= int(lit.value.lstrip("-").split("-")[1][:2]) <= 12
    return True


_KINDS: dict[str, frozenset] = {}  # sh:nodeKind IRI -> the kinds it allows ("IRI", "Literal"…)
_VALUE_TESTS = ("class", "datatype", "in", "nodeKind", "languageIn", "pattern", "minLength")


def _value_ok(data: _Data, v, c: dict) -> bool:
    """Does the value node ``v`` meet the value constraints ``c``?"""
    if "class" in c and c["class"] not in data.classes(v):
        return False
    if "datatype" in c:
        if not isinstance(v, ox.Literal):
            return False
        dt = v.datatype.value
        if dt != c["datatype"] or (dt != _LANGSTRING and not _well_formed(v)):
            return False
    if "in" in c and v not in c["in"]:
        return False
    if "nodeKind" in c:
        kinds = _KINDS.get(c["nodeKind"])
        if kinds is None:
            kinds = _KINDS[c["nodeKind"]] = frozenset(
                re.findall(r"IRI|BlankNode|Literal", c["nodeKind"][len(SH):]))
        isa = ("IRI" if isinstance(v, ox.NamedNode) else "BlankNode"
               if isinstance(v, ox.BlankNode) else "Literal")
        if isa not in kinds:
            return False
    if "languageIn" in c:
        lang = (getattr(v, "language", None) or "").lower() if isinstance(v, ox.Literal) else ""
        if not lang or not any(lang == x or lang.startswith(x + "-") for x in c["languageIn"]):
            return False
    if "pattern" in c and (isinstance(v, ox.BlankNode)
                           or re.search(c["pattern"], v.value) is None):
        return False
    if "minLength" in c and (isinstance(v, ox.BlankNode) or len(v.value) < c["minLength"]):
        return False
    return True


def _conforms(data: _Data, node, shape: Shape) -> bool:
    if shape.class_only is not None:  # [ sh:class X ]: the common case of sh:xone and sh:or
        return shape.class_only in data.classes(node)
    if shape.value_only:  # [ sh:datatype X ]…: what _failures would test, without the memo
        return _value_ok(data, node, shape.constraints)
    if shape.count_only:  # [ sh:path P ; sh:minCount 1 ]: what _failures would count
        n, c = len(data.values(node, shape.path)), shape.constraints
        return not (("minCount" in c and n < c["minCount"]) or ("maxCount" in c and n > c["maxCount"]))
    key = (node, id(shape))
    hit = data.memo.get(key)
    if hit is None:  # (conforms, the nodes read to know it)
        outer = data.reads
        data.reads = None if outer is None else set()
        try:
            hit = data.memo[key] = (not _failures(data, node, shape), data.reads)
        finally:
            data.reads = outer
    if data.reads is not None:
        data.reads |= hit[1]
    return hit[0]


def _failures(data: _Data, node, shape: Shape) -> list[tuple[Shape, tuple | None]]:
    """The (shape, path) of every constraint ``node`` fails in ``shape`` (a property shape's
    constraints on the node's values; a node shape's on the node)."""
    if shape.path is not None:
        return [(shape, shape.path)] if _values_fail(data, data.values(node, shape.path), shape) \
            else []
    out: list[tuple[Shape, tuple | None]] = []
    if (shape.tests_value and not _value_ok(data, node, shape.constraints)) or \
            (shape.logic and _logic_fails(data, node, shape)):
        out.append((shape, None))
    if shape.properties:
        # the node's statements are read once (as its first property shape would); a property
        # shape it cannot fail without a value (skip_empty) is skipped when it has none; a
        # one-step path's values are the node's table's (what data.values would return)
        have = data.props(node)
        for p in shape.properties:
            path = p.path
            if len(path) == 1:
                values = have.get(path[0])
                if values is None:
                    if p.skip_empty:
                        continue
                    values = []
            elif p.skip_empty and path[0] not in have:
                continue
            else:
                values = data.values(node, path)
            if _values_fail(data, values, p):
                out.append((p, path))
    return out


def _values_fail(data: _Data, values: list, shape: Shape) -> bool:
    """Does a node with these ``values`` of the property shape's path fail it?"""
    c = shape.constraints
    n = len(values)
    if ("minCount" in c and n < c["minCount"]) or ("maxCount" in c and n > c["maxCount"]):
        return True
    if c.get("uniqueLang"):
        langs = [v.language for v in values if isinstance(v, ox.Literal) and v.language]
        if len(langs) != len(set(langs)):
            return True
    if "qualifiedValueShape" in c:
        n = sum(1 for v in values if _conforms(data, v, c["qualifiedValueShape"]))
        if n < c.get("qualifiedMinCount", 0):
            return True
    # (the flags skip the calls that cannot fail: a shape without such constraints)
    tests, logic, props = shape.tests_value, shape.logic, shape.properties
    if not (tests or logic or props):
        return False
    for v in values:
        if (tests and not _value_ok(data, v, c)) or (logic and _logic_fails(data, v, shape)) \
                or (props and any(_failures(data, v, p) for p in props)):
            return True
    return False


def _logic_fails(data: _Data, v, shape: Shape) -> bool:
    c = shape.constraints
    if "or" in c:
        for s in c["or"]:
            if _conforms(data, v, s):
                break
        else:
            return True
    if "xone" in c:
        shapes = c["xone"]
        if shape.xone_classes is not None:  # distinct [ sh:class X ] members: count classes
            return len(shape.xone_classes & data.classes(v)) != 1
        # [ sh:class X ] members (the disjoint top classes) read the node's classes once
        classes = data.classes(v) if any(s.class_only is not None for s in shapes) else ()
        if sum(1 for s in shapes if (s.class_only in classes if s.class_only is not None
                                     else _conforms(data, v, s))) != 1:
            return True
    return False


@dataclass(frozen=True)
class Failure:
    focus: str
    shape: str | None  # the named shape whose constraint failed; None for a property shape
    path: str | None  # the result path: a predicate (a sequence: its first one)
    message: str


def validate_nodes(shapes: list[Shape], store: ox.Store, focus,
                   reads: dict | None = None, tables: dict | None = None) -> list[Failure]:
    """The failures of the ``focus`` nodes (terms) against the shapes that target them, on the
    data in ``store``. ``reads``, when given, receives for each focus node the nodes whose
    statements its evaluation read (the classes through rdfs:subClassOf aside; a SPARQL target
    reads the whole store). ``tables``: node -> {predicate IRI: its distinct values}, for nodes
    whose every statement in ``store`` (in any graph) the table holds: read from there instead
    of from the store (an accept's builder made them as it made the statements)."""
    data = _Data(store, tables)
    selected: dict[int, set] = {}
    out: list[Failure] = []
    targets = [(sh, frozenset(sh.targets)) for sh in shapes]
    # the shapes a node's classes target (True) or whose SPARQL targets may select it (False),
    # in the shapes' order: the same for every node with the same classes
    plans: dict[frozenset, list] = {}
    for f in focus:
        if reads is not None:
            data.reads = reads[f] = set()
        classes = data.classes(f)
        key = frozenset(classes)
        plan = plans.get(key)
        if plan is None:
            plan = plans[key] = [(sh, not ts.isdisjoint(classes)) for sh, ts in targets
                                 if sh.selects or not ts.isdisjoint(classes)]
        for sh, targeted in plan:
            if not targeted:
                if id(sh) not in selected:
                    selected[id(sh)] = {row[0] for q in sh.selects
                                         for row in store.query(q, use_default_graph_as_union=True)}
                targeted = f in selected[id(sh)]
            if not targeted:
                continue
            for s, path in _failures(data, f, sh):
                msg = s.message or sh.message or "does not conform"
                out.append(Failure(f.value if not isinstance(f, ox.BlankNode) else "_:" + f.value,
                                   s.iri, path[0] if path else None, msg))
    return out


def later_steps(shapes: list[Shape]) -> set[str]:
    """The predicates a sequence path follows after its first step: a focus node's data graph
    needs those statements of the nodes it points at."""
    out: set[str] = set()
    seen: set = set()

    def walk(sh: Shape) -> None:
        if id(sh) in seen:
            return
        seen.add(id(sh))
        if sh.path and len(sh.path) > 1:
            out.update(sh.path[1:])
        for p in sh.properties:
            walk(p)
        for k in ("or", "xone"):
            for x in sh.constraints.get(k, ()):
                walk(x)
        if "qualifiedValueShape" in sh.constraints:
            walk(sh.constraints["qualifiedValueShape"])

    for sh in shapes:
        walk(sh)
    return out
