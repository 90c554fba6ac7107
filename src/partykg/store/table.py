"""A per-graph table of the results of the library queries ``partykg ask`` runs with one
parameter, for **every** value of that parameter, written once beside the memo when the
project's files are cached as a store (:mod:`partykg.store.cache`), so that a question asked
for the first time is answered without opening the store (issue 13: opening it starts RocksDB
and its ~180 threads, a third of a cold first-time question).

What it holds, each only for the query's text exactly as shipped (by CRC-32, as
:mod:`partykg.store.reads` does; a query edited by its user is run as written):

- ``entity`` (one IRI): the rows of :func:`partykg.store.reads.entity_rows` for every subject
  IRI of the graph; any other IRI has none;
- ``document`` (the card of one IRI): the query run once without its parameter (``?doc``
  projected), its rows grouped by ``?doc`` and sorted by the query's ORDER BY key, as
  :mod:`partykg.store.reads` sorts them; an IRI whose rows the key does not order fully (two
  rows equal in every key, which only blank nodes give) is left out, marked as not kept, and
  runs on the store as before;
- ``lookup-names`` (a VALUES block of name keys): the template run once with no key, its rows
  grouped by key; the rows of several keys are those of each key in the order of the keys (the
  query orders by the key first); a key with two rows its ORDER BY does not tell apart is not
  kept;
- ``replaced-by``, ``lookup-number``, ``lookup-code``, ``post-holders`` and ``posts``: the query
  run with its parameter bound (the very text and call of :func:`partykg.store.queries.run`) for
  every value the one triple pattern every row needs can match (the objects of ``pk:replaces``
  or ``pk:plannedToReplace``, of ``pk:numberKey``, of ``pk:codeKey``, of ``pk:post``; the
  subjects of ``pk:holdsPost``); any other value finds no row;
- the library queries without parameters (``document-types``, ``kinds``, ``name-index``...),
  as the engine gives them.

A parameter that is neither an IRI (``entity``, ``document``, ``replaced-by``, ``post-holders``,
``posts``) nor a plain string literal (the keys) is not answered from the table.

Never stale, never a wrong row: the table is the folder ``<memo>.table``: an ``index`` file
naming the memo's **key** (the graph files' signature, the versions and the code, see
:mod:`partykg.store.memo`; this module is part of it) and a random token, and bucket files (one
per query and CRC-32 of the parameter) naming that token, each written atomically with a CRC-32
(:func:`partykg.datacache.write_checked`). An index of another key (another graph, other code),
a bucket of another token, damaged or of another shape, or missing, is ignored: the query runs
on the store. A row is only ever read back for the graph whose store it was read from.
"""

from __future__ import annotations

import os
import zlib

import pyoxigraph as ox

from partykg.datacache import read_checked, write_checked

# bucket files per query (a card's rows are many: small files, read fast)
BUCKETS = {"d": 1024, "e": 256}
OTHER_BUCKETS = 64
MAX_QUADS = 1_000_000  # a bigger graph gets no table (its build would take too long)
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_PK = "https://w3id.org/partykg/ontology#"

# the CRC-32 of a library query's text -> (its tag in the table, its parameter, the kind of value)
ENTITY, DOCUMENT, NAMES = 0xD28EF5CB, 0x7C6749B5, 0x9B0537F5
# (the queries run with their parameter bound, for the objects of these predicates)
# (a trailing "^": the subjects of the predicate)
BOUND = {0x04922088: ("doc", (_PK + "replaces", _PK + "plannedToReplace")),  # replaced-by
         0xBF12BF28: ("number", (_PK + "numberKey",)),  # lookup-number
         0xBC5ECFA4: ("key", (_PK + "codeKey",)),  # lookup-code
         0x7AB25C07: ("post", (_PK + "post",)),  # post-holders
         0x63F4724F: ("person", (_PK + "holdsPost^",))}  # posts
SPECS = {ENTITY: ("e", "entity", "iri"), DOCUMENT: ("d", "doc", "iri"),
         NAMES: ("n", "name", "key"), 0x04922088: ("r", "doc", "iri"),
         0xBF12BF28: ("u", "number", "key"), 0xBC5ECFA4: ("c", "key", "key"),
         0x7AB25C07: ("h", "post", "iri"), 0x63F4724F: ("p", "person", "iri")}


def crc(text: str) -> int:
    return zlib.crc32(text.encode("utf-8"))


def _param(term, kind: str):
    """The table's key of a parameter's value, or None when the table does not answer it."""
    if kind == "iri":
        return term.value if type(term) is ox.NamedNode else None
    if type(term) is ox.Literal and not term.language and term.datatype.value == _XSD_STRING:
        return term.value
    return None


def _bucket_of(tag: str, value: str) -> str:
    n = BUCKETS.get(tag, OTHER_BUCKETS)
    return f"{tag}{zlib.crc32(value.encode('utf-8', 'surrogatepass')) % n:02x}"


class Table:
    """The table of one graph in the folder ``path`` (see the module's docstring), read when
    first used; ``key``: the memo's key it must name."""

    def __init__(self, path: str, key: str):
        self.path = path
        self.key = key
        self._index: tuple | None = None  # (token, {crc: text})
        self._buckets: dict[str, dict | None] = {}

    def _texts(self) -> tuple:
        if self._index is None:
            self._index = ("", {})
            data = read_checked(os.path.join(self.path, "index"))
            if (type(data) is tuple and len(data) == 3 and data[0] == self.key
                    and type(data[1]) is str and data[1] and type(data[2]) is dict):
                self._index = (data[1], data[2])
        return self._index

    def _bucket(self, token: str, name: str) -> dict | None:
        if name not in self._buckets:
            data = read_checked(os.path.join(self.path, name))
            ok = type(data) is tuple and len(data) == 2 and data[0] == token \
                and type(data[1]) is dict
            self._buckets[name] = data[1] if ok else None
        return self._buckets[name]

    def _kept(self, text: str, value: str):
        """The kept rows (names, encoded rows) of ``text`` for the key ``value``: () when it
        has none, None when the table does not know."""
        token, texts = self._texts()
        code = crc(text)
        if texts.get(code) != text:
            return None
        tag = SPECS[code][0] if code in SPECS else "q"
        if tag == "q":
            value = str(code)
        entries = self._bucket(token, _bucket_of(tag, value))
        if entries is None:
            return None
        if value not in entries:
            return ()
        return entries[value]  # None: not kept (its rows are not ordered by the key alone)

    def rows(self, text: str, params: dict) -> list[dict] | None:
        """The rows of the library query ``text`` with ``params``, or None when not kept."""
        code = crc(text)
        if not params and code not in SPECS:  # a query without parameters
            return _decoded(self._kept(text, ""))
        spec = SPECS.get(code)
        if spec is None or len(params) != 1 or spec[1] not in params:
            return None
        value = _param(params[spec[1]], spec[2])
        if value is None or spec[0] == "n":
            return None
        return _decoded(self._kept(text, value))

    def values_rows(self, text: str, var: str, terms: list) -> list[dict] | None:
        """The rows of the template ``text`` with ``VALUES ?var { terms }``
        (:func:`partykg.store.queries.run_values`), or None when not all kept."""
        if crc(text) != NAMES or var != "name":
            return None
        keys = []
        for t in terms:
            value = _param(t, "key")
            if value is None:
                return None
            keys.append(value)
        out: list[dict] = []
        for value in sorted(set(keys)):  # the query orders by the key first
            rows = _decoded(self._kept(text, value))
            if rows is None:
                return None
            out += rows
        return out


def _decoded(kept) -> list[dict] | None:
    from partykg.store.memo import decode_rows

    if kept is None:
        return None
    if kept == ():
        return []
    try:
        return decode_rows(kept)
    except (TypeError, ValueError, IndexError):
        return None


# --- writing -----------------------------------------------------------------------------------

def _encoded(rows: list[dict]) -> tuple:
    from partykg.store.memo import encode_rows

    return encode_rows(rows)


def _entity(kg, text: str) -> dict:
    from partykg.store import reads

    store = kg.store
    subjects = {r["s"].value for r in kg.select("SELECT DISTINCT ?s WHERE { ?s ?p ?o }",
                                                  prefixes=False)
                if type(r["s"]) is ox.NamedNode}
    out = {}
    for s in sorted(subjects):
        rows = reads.entity_rows(store, ox.NamedNode(s))
        if rows:
            out[s] = _encoded(rows)
    return out


def _grouped(rows: list[dict], var: str, key, keep: bool = False) -> dict:
    """``rows`` grouped by the IRI or plain literal value of ``var`` (dropped from the rows
    unless ``keep``), each group sorted by ``key``; a group two of whose rows ``key`` does not
    tell apart is None (not kept)."""
    groups: dict[str, list] = {}
    for r in rows:
        v = r[var] if keep else r.pop(var)
        if type(v) is ox.NamedNode or (type(v) is ox.Literal and _param(v, "key") is not None):
            groups.setdefault(v.value, []).append(r)
    out = {}
    for value, group in groups.items():
        group.sort(key=key)
        keys = [key(r) for r in group]
        out[value] = None if len(set(keys)) < len(keys) else _encoded(group)
    return out


def _document(kg, text: str) -> dict:
    from partykg.store.reads import document_key

    head = "SELECT DISTINCT ?direction"
    if text.count(head) != 1:
        return {}
    unbound = text.replace(head, "SELECT DISTINCT ?doc ?direction")
    unbound = unbound[:unbound.rindex("\nORDER BY")] + "\n"
    return _grouped(kg.select(unbound, prefixes=False), "doc", document_key)


def _names(kg, text: str) -> dict:
    from partykg.store.reads import _str

    rows = kg.select(text, prefixes=False)  # no VALUES block: every key
    return _grouped(rows, "name", lambda r: (_str(r["date"]), _str(r["entity"])), keep=True)


def _bound(kg, text: str, param: str, predicates: tuple, kind: str) -> dict:
    values = set()
    for p in predicates:
        pattern = f"?v <{p[:-1]}> ?o" if p.endswith("^") else f"?s <{p}> ?v"
        for r in kg.select(f"SELECT DISTINCT ?v WHERE {{ {pattern} }}", prefixes=False):
            v = r["v"]
            if _param(v, kind) is not None:
                values.add(v)
    out = {}
    for v in sorted(values, key=lambda t: t.value):
        rows = kg.select(text, {param: v}, prefixes=False)  # as queries.run runs it
        if rows:
            out[v.value] = _encoded(rows)
    return out


def build(kg, texts: list[str], unbound: list[str] = (), same=None
          ) -> dict[int, tuple[str, dict]]:
    """The table of the graph ``kg`` (an embedded graph: ``select`` and ``store``) for the
    library queries ``texts`` it knows, and the queries without parameters ``unbound`` (their
    rows as :func:`partykg.store.queries.run` reads them): CRC-32 -> (text, value -> rows or
    None). ``same``: the same quads in a faster store (the files loaded in memory, which a
    cached store is written from), read for the rows the table orders itself (``entity``,
    ``document``, ``lookup-names``); the rows whose order is the engine's are read from ``kg``."""
    out = {}
    fast = kg if same is None else same
    for text in unbound:
        code = crc(text)
        if code not in SPECS:
            out[code] = (text, {str(code): _encoded(kg.select(text, {}, prefixes=False))})
    for text in texts:
        code = crc(text)
        if code == ENTITY:
            out[code] = (text, _entity(fast, text))
        elif code == DOCUMENT:
            out[code] = (text, _document(fast, text))
        elif code == NAMES:
            out[code] = (text, _names(fast, text))
        elif code in BOUND:
            param, predicates = BOUND[code]
            out[code] = (text, _bound(kg, text, param, predicates, SPECS[code][2]))
    return out


def write(path: str, key: str, table: dict[int, tuple[str, dict]]) -> None:
    """Write ``table`` (:func:`build`) in the folder ``path`` for the memo's ``key``."""
    token = os.urandom(12).hex()
    texts = {}
    buckets: dict[str, dict] = {}
    for code, (text, entries) in table.items():
        tag = SPECS[code][0] if code in SPECS else "q"
        for n in range(BUCKETS.get(tag, OTHER_BUCKETS)):  # every bucket, empty or not
            buckets.setdefault(f"{tag}{n:02x}", {})
        for value, rows in entries.items():
            buckets[_bucket_of(tag, value)][value] = rows
        texts[code] = text
    for name, content in sorted(buckets.items()):
        write_checked(os.path.join(path, name), (token, content))
    write_checked(os.path.join(path, "index"), (key, token, texts))  # last: names the buckets


def library_texts(root) -> tuple[list[str], list[str]]:
    """The texts of ``root``'s library queries (queries/) the table knows, and of those
    without parameters."""
    from partykg.store.queries import QueryLibraryError, library

    try:
        queries = library(root)
    except (QueryLibraryError, OSError):
        return [], []
    return ([q.text for q in queries if crc(q.text) in SPECS],
            [q.text for q in queries if not q.params and crc(q.text) not in SPECS])
