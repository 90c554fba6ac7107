"""Validating what an addition brings to the graph, not the whole graph again (issue 13).

One function, :func:`validate_addition`, used by ``partykg import`` and ``partykg accept``. The
addition (a store holding the new named graph's quads) is checked together with what it touches
in the graph:

- the consistency checks of ``queries/checks/`` run on a small store: the ontology, the addition,
  the description of every node the graph already has that the addition mentions (with its
  evidence), the replacement chains reachable from the documents it points at (cycles, dates in
  the wrong order) and the documents sharing a code with it (duplicates);
- the SHACL shapes run on the focus nodes of the addition (the subjects of its statements), on a
  data graph of the ontology, everything the graph and the addition say about those nodes, and
  the classes of what they point at. Every shape of ``ontology/shapes.ttl`` targets a class and
  looks one step from its focus node (a property's values, their class): that data graph is all
  a shape can see of a focus node in the whole graph.

A violation is the addition's when it is found with the addition and not without it: an
existing fault elsewhere, or on a node the addition touches, does not block it. The "without"
run is made only when the "with" run finds something.

With a context (accept: the file must validate on its own too), the runs with both graphs share
one copy of the addition with its derived keys: the graph's part each run needs is lent to it and
taken back, instead of copying the addition into a store per run. :func:`validate_quads` (accept)
makes the addition's own store that copy.
"""

from __future__ import annotations

from typing import Iterable

import pyoxigraph as ox

from partykg.graph import dataset
from partykg.graph.shapes import CLASSES
from partykg.model.ids import code_key
from partykg.model.vocab import GRAPH_DERIVED, GRAPH_ONTOLOGY, PK, RDF

_DERIVED = ox.NamedNode(GRAPH_DERIVED)
_ONTOLOGY = ox.NamedNode(GRAPH_ONTOLOGY)
_TYPE = ox.NamedNode(RDF + "type")
_SUBJECT = ox.NamedNode(RDF + "subject")
_CHAIN = (ox.NamedNode(PK + "replaces"), ox.NamedNode(PK + "plannedToReplace"))
_DATE = ox.NamedNode(PK + "dateIssued")
_CODE_KEY = ox.NamedNode(PK + "codeKey")
_CODE = ox.NamedNode(PK + "code")
_CODE_WRITTEN = ox.NamedNode(PK + "codeAsWritten")

TYPE_CHECKING = False
if TYPE_CHECKING:  # a type only: the graph stage does not import the store
    from partykg.store.embedded import KnowledgeGraph


def _described(store: ox.Store, node) -> bool:
    """Does the graph (not the ontology, not the derived keys) say anything about ``node``?"""
    for q in store.quads_for_pattern(node, None, None, None):
        if q.graph_name != _DERIVED and q.graph_name != _ONTOLOGY:
            return True
    return False


def _description(store: ox.Store, node, out: dict) -> None:
    """Every statement about ``node`` outside the derived graph, the blank nodes it points at
    (status statements, post holdings) and the evidence for its facts; the classes of what it
    points at."""
    for q in store.quads_for_pattern(node, None, None, None):
        if q.graph_name == _DERIVED:
            continue
        out[q] = None
        o = q.object
        if isinstance(o, ox.BlankNode):
            for q2 in store.quads_for_pattern(o, None, None, q.graph_name):
                out[q2] = None
        elif isinstance(o, ox.NamedNode) and q.predicate != _TYPE:
            for q2 in store.quads_for_pattern(o, _TYPE, None, None):
                out[q2] = None
    for ev in store.quads_for_pattern(None, _SUBJECT, node, None):
        for q in store.quads_for_pattern(ev.subject, None, None, ev.graph_name):
            out[q] = None


def mentions(added: Iterable, minted_prefix: str | None = None) -> dict:
    """The nodes an addition mentions: its subjects and the IRIs its statements point at, but
    for the statements of nodes under ``minted_prefix``."""
    mentioned: dict = {}
    for q in added:
        s = q.subject
        if minted_prefix and s.value.startswith(minted_prefix):
            continue
        mentioned[s] = None
        if isinstance(q.object, ox.NamedNode):
            mentioned[q.object] = None
    return mentioned


def neighbourhood(store: ox.Store, added: ox.Store, minted_prefix: str | None = None,
                  mentioned: Iterable | None = None) -> tuple[dict, list]:
    """The statements of the graph (``store``) an addition's checks need, and the nodes of the
    graph the addition touches (mentions, and the graph describes). Nodes under
    ``minted_prefix`` (the addition's own evidence and status nodes) mention nothing new.
    ``mentioned``: :func:`mentions` of the addition, when already known (an import's builder
    knows it without reading the addition's every statement back from the engine)."""
    if mentioned is None:
        mentioned = mentions(added, minted_prefix)
    touched = [t for t in mentioned if not (minted_prefix and t.value.startswith(minted_prefix))
               and _described(store, t)]
    base: dict = {q: None for q in store.quads_for_pattern(None, None, None, _ONTOLOGY)}
    for t in touched:
        _description(store, t, base)
    # replacement chains reachable from the documents the addition points at, with their dates
    seen: set = set()
    frontier = [q.object for p in _CHAIN for q in added.quads_for_pattern(None, p, None, None)]
    frontier += touched
    while frontier:
        x = frontier.pop()
        if x in seen or not isinstance(x, ox.NamedNode):
            continue
        seen.add(x)
        for p in _CHAIN:
            for q in store.quads_for_pattern(x, p, None, None):
                base[q] = None
                frontier.append(q.object)
        for q in store.quads_for_pattern(x, _DATE, None, None):
            base[q] = None
    # documents sharing a code with the addition (same code and date is one document twice)
    keys = {q.object.value for p in (_CODE, _CODE_WRITTEN)
            for q in added.quads_for_pattern(None, p, None, None)}
    for key in {code_key(k) for k in keys}:
        for q in store.quads_for_pattern(None, _CODE_KEY, ox.Literal(key), _DERIVED):
            for q2 in store.quads_for_pattern(q.subject, None, None, None):
                if q2.predicate in (_CODE, _DATE, _CODE_WRITTEN):
                    base[q2] = None
    return base, touched


def shacl_data(store: ox.Store, added: ox.Store, focus: Iterable,
               follow: set[str] | None = None, shared: "_Shared | None" = None,
               whole: bool = False) -> tuple[dict, dict | None]:
    """The data graph SHACL needs for ``focus`` nodes: (statements of the graph, statements of
    the addition): what each says about the focus nodes, the classes of what they point at and
    their ``follow`` statements (the later steps of sequence paths; None: all of them), the
    ontology (subclass axioms, the SKOS schemes). ``shared``: the addition's part is computed
    once for the runs of one addition with two graphs. ``whole``: the focus nodes are every
    subject of the addition, so its part is all of it: None is returned for it (the caller
    uses the addition itself)."""
    focus = list(focus)
    preds = None if follow is None else [_TYPE, *(ox.NamedNode(p) for p in sorted(follow))]
    new: dict | None = None
    if whole:  # the nodes the addition points at, listed by the engine
        objects_new = shared.objects() if shared is not None else _objects(added)
    else:
        key = (tuple(focus), None if follow is None else tuple(sorted(follow)))
        cached = shared.new.get(key) if shared is not None else None
        if cached is None:  # what the addition says about the focus nodes and what they point at
            new_about: dict = {}
            objects = _about(added, focus, new_about)
            _pointed(added, objects, preds, new_about)
            cached = (new_about, objects)
            if shared is not None:
                shared.new[key] = cached
        new = dict(cached[0])
        objects_new = cached[1]
    old: dict = {q: None for q in store.quads_for_pattern(None, None, None, _ONTOLOGY)}
    objects_old = _about(store, focus, old)
    _pointed(store, {**objects_new, **objects_old}, preds, old)
    if new is not None:
        _pointed(added, {o: None for o in objects_old if o not in objects_new}, preds, new)
    return old, new


def _objects(added: ox.Store) -> dict:
    """The nodes (IRIs, blank nodes) the addition's statements point at, rdf:type aside."""
    rows = added.query("SELECT DISTINCT ?o WHERE { ?s ?p ?o FILTER((isIRI(?o) || isBLANK(?o)) "
                       f"&& ?p != <{RDF}type>) }}", use_default_graph_as_union=True)
    return {r[0]: None for r in rows}


def _table_objects(tables: dict) -> dict:
    """What :func:`_objects` lists, from the addition's tables (subject -> {predicate IRI:
    objects})."""
    rdf_type = RDF + "type"
    out: dict = {}
    for table in tables.values():
        for p, values in table.items():
            if p != rdf_type:
                for o in values:
                    if isinstance(o, (ox.NamedNode, ox.BlankNode)):
                        out[o] = None
    return out


def _about(src: ox.Store, focus: list, out: dict) -> dict:
    """Put in ``out`` what ``src`` says about the focus nodes (the derived keys aside); return
    the nodes they point at (their classes aside)."""
    objects: dict = {}
    for f in focus:
        for q in src.quads_for_pattern(f, None, None, None):
            if q.graph_name == _DERIVED:
                continue
            out[q] = None
            if isinstance(q.object, (ox.NamedNode, ox.BlankNode)) and q.predicate != _TYPE:
                objects[q.object] = None
    return objects


def _pointed(src: ox.Store, objects: dict, preds: list | None, out: dict) -> None:
    """Put in ``out`` the ``preds`` statements (None: all) ``src`` has about ``objects``."""
    for o in objects:
        for p in preds or [None]:
            for q in src.quads_for_pattern(o, p, None, None):
                if q.graph_name != _DERIVED:
                    out[q] = None


def _kg_of(kg: KnowledgeGraph, parts: Iterable, report: dataset.LoadReport,
           derived: bool = True) -> KnowledgeGraph:
    """A graph of ``parts`` (collections of quads, or stores: streamed, never listed), with its
    derived keys unless ``derived`` is False (the shapes do not read them)."""
    s = ox.Store()
    for part in parts:
        s.bulk_extend(iter(part))
    if derived:
        dataset.derive(s)
    return type(kg)(s, kg.root, report)  # the same backend class, over the new store


def _key(v) -> tuple:
    return (v.rule, v.entity, v.message)


def validate_addition(kg: KnowledgeGraph, added: ox.Store, rel: str, *,
                      minted_prefix: str | None = None, shacl: bool = True,
                      shacl_new: bool = True, context: KnowledgeGraph | None = None,
                      consume: bool = False, mentioned: Iterable | None = None,
                      own: bool = False, counts: list | None = None,
                      tables: dict | None = None) -> list:
    """The violations (:class:`partykg.graph.validate.Violation`) that ``added`` (a store holding
    the addition's named graph(s), to be written to file ``rel``) would bring to ``kg``.

    ``minted_prefix``: the IRIs of the addition's own evidence and status nodes (they mention
    nothing the graph has). ``shacl_new``: whether the nodes the graph does not describe yet get
    the shapes too (False when one template built them from checked cells: then only the
    existing nodes the addition adds statements to do). ``context``: another graph to check the
    addition against besides ``kg`` (a file that must validate on its own: the ontology and the
    curation graph), made of a part of ``kg``'s files; its violations count too. The shapes run again there only on the focus
    nodes whose data differs between the two graphs (:func:`_affected`): on the others they would
    find what they found with ``kg``.

    ``added`` is not modified, unless ``consume`` (the caller drops it afterwards): then, with no
    ``context``, the checks run on ``added`` itself with what they need of the graph put in it,
    instead of on a copy (an import of 20,000 rows adds 900,000 statements). ``mentioned``: the
    subjects of the addition's statements (but those under ``minted_prefix``) and the named
    nodes they point at, when the caller has them (see :func:`neighbourhood`).

    ``own`` (with a ``context``): ``added`` is the caller's to change, and is itself the runs'
    working copy (its derived keys are put in it; the graph's statements lent to it are taken
    back), instead of a copy of it: the check rows may then come in another order (see
    :func:`validate_quads`). ``counts`` receives the number of check violations of each run."""
    from partykg.graph.validate import check_quotes, run_checks, run_shacl

    found = []
    # what both runs (with kg, with the context) share: the addition's subjects and what it says
    # about them; the addition's statements with their derived keys, in a store the graph's
    # statements are lent to. The shapes run with both graphs, then the checks (what each step
    # shares is dropped after it: a copy of the addition at a time)
    shared = _Shared(added, own, tables) if context is not None else None
    shapes_again: list = []
    if shacl:
        found, seen = _shacl(kg, added, rel, minted_prefix, shacl_new, run_shacl, shared=shared)
        if context is not None:
            shapes_again = _shacl(context, added, rel, minted_prefix, shacl_new, run_shacl, seen,
                                  shared)[0]
            shared.new.clear()
    checked = _checks(kg, added, rel, minted_prefix, run_checks, check_quotes,
                      consume and context is None, shared, mentioned)
    found = checked + found
    counts = counts if counts is not None else []
    counts.append(len(checked))
    if context is not None:
        checked = _checks(context, added, rel, minted_prefix, run_checks, check_quotes,
                          shared=shared, mentioned=mentioned)
        counts.append(len(checked))
        again = checked + shapes_again
        shared.drop()
        keys = {_key(x) for x in found}
        found += [v for v in again if _key(v) not in keys]
    return found


def validate_quads(kg: KnowledgeGraph, quads: list, rel: str,
                   context: KnowledgeGraph, tables: dict | None = None) -> list:
    """:func:`validate_addition` of the addition ``quads`` with a ``context`` (accept), on one
    store of them that is also the working copy (``own``: no second copy of the addition, no list
    of it read back from the engine; about 0.8 s of CPU on 86,000 statements). An in-memory
    store returns a query's rows in an order set by insertion, so the check violations may come
    in another order than on a copy: when a run finds more than one, the addition is validated
    again the usual way, whose order a refusal lists (one or none: the same list).

    ``tables``: node -> {predicate IRI: distinct values} of the addition's statements about it,
    for every subject of ``quads`` and of no other quad (the builder made them as it made the
    statements): the shapes read a node's statements from there when the store holds no other
    statement about it (no statement of the graph lent to it, no derived key)."""
    added = ox.Store()
    added.bulk_extend(quads)
    counts: list = []
    found = validate_addition(kg, added, rel, context=context, own=True, counts=counts,
                              tables=tables)
    if max(counts, default=0) <= 1:
        return found
    added = ox.Store()
    added.bulk_extend(quads)
    return validate_addition(kg, added, rel, context=context)


def _report(kg: KnowledgeGraph, added: ox.Store, rel: str) -> dataset.LoadReport:
    graphs = {g.value: rel for g in added.named_graphs() if g != _DERIVED}
    return dataset.LoadReport(files=list(kg.report.files),
                              graph_files={**kg.report.graph_files, **graphs})


def _checks(kg, added, rel, minted_prefix, run_checks, check_quotes, consume=False,
            shared: "_Shared | None" = None, mentioned=None) -> list:
    if mentioned is None and shared is not None:
        mentioned = shared.mentioned.get(minted_prefix)
        if mentioned is None:
            mentioned = shared.mentioned[minted_prefix] = (
                _mentioned(added, shared) if shared.own and minted_prefix is None
                else mentions(shared.quads(), minted_prefix))
    base, _ = neighbourhood(kg.store, added, minted_prefix, mentioned)
    report = _report(kg, added, rel)
    lent: dict = {}
    if consume:  # the graph's statements put in the addition's store: no copy of the addition
        lent = {q: None for q in base if q not in added}
        added.bulk_extend(lent)
        dataset.derive(added)
        after = type(kg)(added, kg.root, report)
    elif shared is not None:  # the graph's statements lent to the shared copy, then taken back
        lent = _lend(shared.work(), base, derive=True)
        after = type(kg)(shared.work(), kg.root, report)
    else:
        after = _kg_of(kg, [base, added], report)
    try:
        found = run_checks(after)
        # the context is a part of the project: its quote rows are (up to blank node names) a
        # part of the project's, so the context's faults are (but on a blank node) the
        # project's, found again: when none of those is on a blank node, nothing to add
        if shared is not None and shared.quotes_named:
            quotes = []
        else:
            raw = check_quotes(after)
            if shared is not None:
                shared.quotes_named = not any(v.entity.startswith("_:") for v in raw)
            quotes = [v for v in raw if v.rule == "quote-in-corpus"
                      and _added_subject(added, v.entity, lent)]
    finally:
        if shared is not None and not consume:
            _take_back(after.store, lent)
    del after
    if found:
        old = {_key(v) for v in run_checks(_kg_of(kg, [base], report))}
        found = [v for v in found if _key(v) not in old]
    return found + quotes


def _lend(work: ox.Store, quads, derive: bool) -> dict:
    """Put in ``work`` the ``quads`` it lacks (with their derived keys when ``derive``); return
    them, for :func:`_take_back`."""
    lent = {q: None for q in quads if q not in work}
    if derive:
        lent.update((q, None) for q in _derived_quads(lent) if q not in work)
    work.bulk_extend(lent)
    return lent


def _take_back(work: ox.Store, lent: dict) -> None:
    for q in lent:
        work.remove(q)


def _derived_quads(quads) -> list:
    """The derived keys (:func:`partykg.graph.dataset.derive`) of ``quads``: a key is derived from
    one statement, so the keys of a union are the union of the keys."""
    s = ox.Store()
    s.bulk_extend(iter(quads))
    dataset.derive(s)
    return list(s.quads_for_pattern(None, None, None, _DERIVED))


class _Shared:
    """What the runs of one addition with two graphs share: a copy of the addition with its
    derived keys (the graph's statements are lent to it for a run of the checks), the
    addition's subjects, and what the addition says about the shapes' focus nodes."""

    def __init__(self, added: ox.Store, own: bool = False, tables: dict | None = None):
        self.added = added
        self.tables = tables  # validate_quads's: the addition's statements, by subject
        self.own = own  # the addition's store is the working copy (validate_addition's own)
        self._work: ox.Store | None = None
        self.subjects: dict = {}  # the focus query's rows, by its skip prefix
        self.new: dict = {}  # (focus tuple, follow) -> shacl_data's part of the addition
        self.mentioned: dict = {}  # minted prefix -> the nodes the addition mentions
        self._objects: dict | None = None
        self._quads: list | None = None
        # the project's run of the quote check found no fault on a blank node
        self.quotes_named = False

    def objects(self) -> dict:
        if self._objects is None:
            self._objects = _objects(self.added) if self.tables is None \
                else _table_objects(self.tables)
        return self._objects

    def quads(self) -> list:
        """The addition's statements, read from its store once (in the store's order)."""
        if self._quads is None:
            self._quads = list(self.added)
        return self._quads

    def drop(self) -> None:
        self._work = None
        self._quads = None
        self.new.clear()
        self.mentioned.clear()
        self._objects = None

    def work(self) -> ox.Store:
        if self._work is None:
            if self.own:
                self._work = self.added
            else:
                self._work = ox.Store()
                self._work.bulk_extend(self.quads())
            if self.tables is not None:  # the addition's keys, from its tables (no engine scan)
                self._work.bulk_extend(dataset.derived_of(self.tables))
            else:
                dataset.derive(self._work)
        return self._work


def _whole_tables(tables: dict | None, work: ox.Store, lent) -> dict | None:
    """The ``tables`` (the addition's statements by subject) of the nodes whose every statement
    in ``work`` (the addition, its derived keys and the graph's ``lent`` statements) they hold:
    the subjects of no lent statement and of no derived key."""
    if not tables:
        return None
    other = {q.subject for q in lent}
    other.update(q.subject for q in work.quads_for_pattern(None, None, None, _DERIVED))
    return {n: t for n, t in tables.items() if n not in other}


def _mentioned(added: ox.Store, shared: _Shared) -> dict:
    """What :func:`mentions` lists of ``added`` (no minted prefix), listed by the engine: the
    subjects of its statements and the IRIs they point at (its derived keys add none: their
    subjects are subjects of its statements, their objects literals). The subjects and the
    nodes pointed at other than by rdf:type are those the shapes listed (:func:`_shacl`,
    :func:`_objects`): only the classes are asked for (one scan of the whole addition fewer)."""
    subjects = shared.subjects.get(None)
    if subjects is None:
        subjects = shared.subjects[None] = [r[0] for r in added.query(
            "SELECT DISTINCT ?s WHERE { ?s ?p ?o }", use_default_graph_as_union=True)]
    out = dict.fromkeys(subjects)
    out.update((o, None) for o in shared.objects() if isinstance(o, ox.NamedNode))
    out.update((r[0], None) for r in added.query(
        f"SELECT DISTINCT ?c WHERE {{ ?s <{RDF}type> ?c FILTER(isIRI(?c)) }}",
        use_default_graph_as_union=True))
    return out


def _added_subject(added: ox.Store, entity: str, lent: dict) -> bool:
    """Is the IRI ``entity`` the subject of a statement of the addition (``lent``: the graph's
    statements put in its store, the derived keys)?"""
    try:
        node = ox.NamedNode(entity)
    except ValueError:
        return False
    return any(q.graph_name != _DERIVED and q not in lent
               for q in added.quads_for_pattern(node, None, None, None))


def _shacl(kg, added, rel, minted_prefix, shacl_new, run_shacl, seen=None, shared=None):
    """(violations, what was seen): the shapes on the addition's focus nodes. ``seen``: what an
    earlier run with another graph saw; only the focus nodes whose data differs are run again."""
    store = kg.store
    focus = []
    # the addition's subjects, listed by the engine (not its every statement read in Python)
    skip = minted_prefix if not shacl_new and minted_prefix else None
    rows = shared.subjects.get(skip) if shared is not None else None
    if rows is None and skip is None and shared is not None and shared.tables is not None:
        rows = shared.subjects[None] = list(shared.tables)  # the addition's subjects
    if rows is None:
        rows = [r[0] for r in added.query(
            "SELECT DISTINCT ?s" + (" ?skip" if skip else "") + " WHERE { ?s ?p ?o "
            + ("FILTER(isBLANK(?s) || !STRSTARTS(STR(?s), ?skip)) " if skip else "") + "}",
            substitutions={ox.Variable("skip"): ox.Literal(skip)} if skip else None,
            use_default_graph_as_union=True)]
        if shared is not None:
            shared.subjects[skip] = rows
    for s in rows:
        if not shacl_new and not _described(store, s):
            continue
        focus.append(s)
    if not focus:
        return [], None
    run, follow = _shapes_runner(kg, run_shacl)
    # every subject of the addition is a focus node: the shapes run on the shared copy of the
    # addition with the graph's part lent to it (the native shapes read no derived key)
    whole = shared is not None and follow is not None and len(focus) == len(rows)
    old, new = shacl_data(store, added, focus, follow, shared, whole)
    now = _Seen(focus, old) if follow is not None else None
    check = focus if seen is None or now is None else _affected(seen, now)
    if not check:
        return [], now
    report = _report(kg, added, rel)
    names = {f.value for f in check}
    derived = follow is None  # pySHACL reads the whole graph; the native shapes no derived key
    record = now is not None and check is focus  # what each node's evaluation reads
    if whole:
        work = shared.work()
        lent = _lend(work, old, derive=False)
        try:
            found = [v for v in run(type(kg)(work, kg.root, report), check,
                                    now.reads if record else None,
                                    _whole_tables(shared.tables, work, old))
                     if v.entity in names]
        finally:
            _take_back(work, lent)
    else:
        found = [v for v in run(_kg_of(kg, [old, new], report, derived), check,
                                now.reads if record else None)
                 if v.entity in names]
    if found:
        existing = [f for f in check if _described(store, f)]
        reads: dict | None = {} if record else None
        before = {_key(v) for v in run(_kg_of(kg, [old], report, derived), existing, reads)} \
            if existing else set()
        for f, nodes in (reads or {}).items():  # and without the addition
            now.reads[f] |= nodes
        found = [v for v in found if _key(v) not in before]
    return found, now


_SUBCLASS = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#subClassOf")


class _Seen:
    """What the shapes saw of an addition's focus nodes with one graph: the focus nodes, the
    graph's statements about them and the nodes they point at (as triples: the shapes read the
    union of the graphs), and the nodes each focus node's evaluation read."""

    def __init__(self, focus: list, old: dict):
        self.focus = focus
        self.triples = {(q.subject, q.predicate, q.object) for q in old}
        self.reads: dict = {}


def _affected(before: _Seen, now: _Seen) -> list:
    """The focus nodes on which the shapes may find something else with ``now``'s graph than
    they found with ``before``'s (with the addition or without it): every one when the focus
    nodes or the class hierarchy differ, or when ``before`` did not record what it read; else
    those whose evaluation read a node that a statement one graph has and the other lacks is
    about (its type, when only the classes were read), and those such a statement points at (a SPARQL target selects a node by one
    statement). The evaluation of a node reads the statements of a few nodes (its own, its
    values', …): with the same statements about those, it reads the same and finds the same."""
    if before.focus != now.focus or len(before.reads) != len(before.focus):
        return now.focus
    diff = before.triples ^ now.triples
    if any(p == _SUBCLASS and isinstance(s, ox.NamedNode) and isinstance(o, ox.NamedNode)
           for s, p, o in diff):
        return now.focus
    dirty = {s for s, _, _ in diff} | {(CLASSES, s) for s, p, _ in diff if p == _TYPE}
    objects = {o for _, _, o in diff}
    return [f for f in now.focus if f in objects or not before.reads[f].isdisjoint(dirty)]


_PREFIXES = {"pksh": "https://w3id.org/partykg/shapes#", "pk": PK,
             "skos": "http://www.w3.org/2004/02/skos/core#", "org": "http://www.w3.org/ns/org#",
             "prov": "http://www.w3.org/ns/prov#", "dcterms": "http://purl.org/dc/terms/",
             "foaf": "http://xmlns.com/foaf/0.1/", "rdf": RDF}


def _curie(iri: str) -> str:
    for prefix, ns in _PREFIXES.items():
        if iri.startswith(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def _shapes_runner(kg: KnowledgeGraph, run_shacl):
    """(run, follow): run(kg, focus) -> violations, the shapes evaluated node by node on the
    engine (:mod:`partykg.graph.shapes`), or pySHACL when the shapes file uses more than it
    reads; follow: the statements of pointed-at nodes the shapes read (None: all)."""
    from partykg.graph.dataset import find_root
    from partykg.graph.shapes import compile_shapes, later_steps, validate_nodes
    from partykg.graph.validate import Violation, _file_of

    path = (kg.root or find_root()) / "ontology" / "shapes.ttl"
    if not path.is_file():
        return (lambda g, focus, reads=None, tables=None: []), set()
    shapes = compile_shapes(path)
    if shapes is None:
        return (lambda g, focus, reads=None, tables=None: run_shacl(g, focus=focus)), None

    def run(g: KnowledgeGraph, focus, reads: dict | None = None, tables: dict | None = None) -> list:
        out = []
        for f in validate_nodes(shapes, g.store, focus, reads, tables):
            msg = f"{_curie(f.path)}: {f.message}" if f.path else f.message
            node = ox.NamedNode(f.focus) if not f.focus.startswith("_:") else None
            out.append(Violation(_curie(f.shape) if f.shape else "shape", f.focus, msg,
                                 _file_of(g, node) if node is not None else None))
        return sorted(set(out), key=lambda v: (v.file or "", v.entity, v.message))
    return run, later_steps(shapes)
