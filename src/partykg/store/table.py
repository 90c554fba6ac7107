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
  projected), its rows grouped by ``?doc`` and sorted by the query's ORDER BY key and then by
  the terms (:func:`partykg.store.reads.document_key`, a total order), as
  :mod:`partykg.store.reads` sorts them on the store; (a group two of whose rows that key did
  not tell apart would be left out, marked as not kept, and run on the store);
- ``lookup-names`` (a VALUES block of name keys): the template run once with no key, its rows
  grouped by key; the rows of several keys are those of each key in the order of the keys (the
  query orders by the key first); a key with two rows its ORDER BY does not tell apart is not
  kept;
- ``replaced-by``, ``lookup-number``, ``lookup-code``, ``post-holders`` and ``posts``: the query
  run with its parameter bound (the very text and call of :func:`partykg.store.queries.run`) for
  every value the one triple pattern every row needs can match (the objects of ``pk:replaces``
  or ``pk:plannedToReplace``, of ``pk:numberKey``, of ``pk:codeKey``, of ``pk:post``; the
  subjects of ``pk:holdsPost``); any other value finds no row;
- ``documents`` (the lists: type, issuing body and year, each optional): every combination a
  document of the graph has, the rows of the query run once with none bound, filtered as the
  query filters them, in that run's order (see :func:`_documents`); any other combination has
  no row;
- ``names`` by ``?start`` (the first 1 to 4 letters of a key: suggestions, misspelt names):
  the query run once without ``?start`` and its LIMIT, each start's rows in that order (see
  :func:`_names_start`);
- the library queries without parameters (``document-types``, ``kinds``, ``name-index``...),
  as the engine gives them.

A parameter that is neither an IRI (``entity``, ``document``, ``replaced-by``, ``post-holders``,
``posts``, a list's type and body) nor a plain string literal (the keys) nor a list's year (an
``xsd:integer`` written as ``str(int)``) is not answered from the table.

Never stale, never a wrong row: the table is the folder ``<memo>.table``: an ``index`` file
naming the memo's **key** (the graph files' signature, the versions and the code, see
:mod:`partykg.store.memo`; this module is part of it) and a random token, written atomically
with a CRC-32 (:func:`partykg.datacache.write_checked`), and one **pack** per query
(``<tag>.pack``, written atomically before the index): a header naming the token, then a slot
per bucket (the offset, length and CRC-32 of its record), then the records, each the values of
one bucket (chosen by the CRC-32 of the value) and their rows. A lookup reads its slot and its
record only (two ``pread``), not the whole file: ~10 files instead of ~1,775, and a card
that names 200 entities reads 200 small records instead of 140 files of ~11 entities each.
An index of another key (another graph, other code), a pack of another token, a record whose
CRC-32 does not match, damaged, truncated or missing, is ignored: the query runs on the store.
A row is only ever read back for the graph whose store it was read from.
"""

from __future__ import annotations

import marshal
import os
import struct
import zlib

import pyoxigraph as ox

from partykg.datacache import read_checked, write_checked

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
# documents (by type, issuing body and year, each optional: the lists) and names (by the first
# letters of a key: suggestions and misspelt names)
DOCUMENTS, NAMES_START = 0x1964D9EE, 0xD0C1BBF1
_LIST_PARAMS = ("type", "body", "year")
SPECS = {DOCUMENTS: ("l", "", "list"), NAMES_START: ("s", "start", "start"),
         ENTITY: ("e", "entity", "iri"), DOCUMENT: ("d", "doc", "iri"),
         NAMES: ("n", "name", "key"), 0x04922088: ("r", "doc", "iri"),
         0xBF12BF28: ("u", "number", "key"), 0xBC5ECFA4: ("c", "key", "key"),
         0x7AB25C07: ("h", "post", "iri"), 0x63F4724F: ("p", "person", "iri")}


def crc(text: str) -> int:
    code = _CRCS.get(text)
    if code is None:
        if len(_CRCS) > 256:  # (the library's texts: a few dozen)
            _CRCS.clear()
        code = _CRCS[text] = zlib.crc32(text.encode("utf-8"))
    return code


_CRCS: dict[str, int] = {}  # a query's text -> its CRC-32 (a card looks up 200 entities)


_XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"


def _param(term, kind: str):
    """The table's key of a parameter's value, or None when the table does not answer it."""
    if kind == "iri":
        return term.value if type(term) is ox.NamedNode else None
    if kind == "year":  # an xsd:integer in its canonical form ("2019")
        if type(term) is ox.Literal and term.datatype.value == _XSD_INTEGER:
            v = term.value
            if v.isascii() and v.isdigit() and str(int(v)) == v:
                return v
        return None
    if kind == "start":  # the first 1 to 4 letters of a key (the table keeps those)
        v = _param(term, "key")
        return v if v is not None and 1 <= len(v) <= 4 else None
    if type(term) is ox.Literal and not term.language and term.datatype.value == _XSD_STRING:
        return term.value
    return None


def _slot(value: str, n: int) -> int:
    """The bucket of ``value`` in a pack of ``n`` buckets."""
    return zlib.crc32(value.encode("utf-8", "surrogatepass")) % n


# a pack (one file per tag, ``<tag>.pack``): a header (MAGIC, the table's token, the number of
# buckets N, a CRC-32 of these), N slots of (offset, length, CRC-32 of the record) and the
# records, each the marshal data of {value: kept rows} for the values of that bucket
MAGIC = b"PKT1"
_HEAD = struct.Struct(">4s24sII")  # magic, token, buckets, CRC-32 of the first three
_SLOT = struct.Struct(">III")  # offset, length, CRC-32 of the record


def _read_at(f, size: int, offset: int) -> bytes:
    """``size`` bytes of the open file ``f`` at ``offset`` (fewer at its end)."""
    if _PREAD is not None:
        return _PREAD(f.fileno(), size, offset)
    f.seek(offset)  # (no pread: Windows)
    return f.read(size)


_PREAD = getattr(os, "pread", None)


class Table:
    """The table of one graph in the folder ``path`` (see the module's docstring), read when
    first used; ``key``: the memo's key it must name."""

    def __init__(self, path: str, key: str):
        self.path = path
        self.key = key
        self._index: tuple | None = None  # (token, {crc: text})
        self._packs: dict[str, tuple | None] = {}  # tag -> (open file, buckets) or None
        self._buckets: dict[tuple, dict | None] = {}  # (tag, bucket) -> {value: rows} or None

    def _texts(self) -> tuple:
        if self._index is None:
            self._index = ("", {})
            data = read_checked(os.path.join(self.path, "index"))
            if (type(data) is tuple and len(data) == 3 and data[0] == self.key
                    and type(data[1]) is str and len(data[1]) == 24 and type(data[2]) is dict):
                self._index = (data[1], data[2])
        return self._index

    def _pack(self, token: str, tag: str) -> tuple | None:
        """The open pack of ``tag`` and its number of buckets, or None (missing, damaged, of
        another token)."""
        if tag not in self._packs:
            self._packs[tag] = None
            try:
                f = open(os.path.join(self.path, f"{tag}.pack"), "rb")
            except OSError:
                return None
            head = f.read(_HEAD.size)
            if len(head) == _HEAD.size:
                magic, tok, n, code = _HEAD.unpack(head)
                if (magic == MAGIC and tok == token.encode("ascii") and n > 0
                        and code == zlib.crc32(head[:-4])):
                    self._packs[tag] = (f, n)
                    return self._packs[tag]
            f.close()
        return self._packs[tag]

    def _bucket(self, token: str, tag: str, value: str) -> dict | None:
        pack = self._pack(token, tag)
        if pack is None:
            return None
        return self._bucket_at(tag, _slot(value, pack[1]))

    def _bucket_at(self, tag: str, b: int) -> dict | None:
        """The values and rows of bucket ``b`` of the open pack ``tag``, or None (damaged)."""
        f, n = self._packs[tag]
        if (tag, b) not in self._buckets:
            entries = None
            try:
                slot = _read_at(f, _SLOT.size, _HEAD.size + b * _SLOT.size)
                if len(slot) == _SLOT.size:
                    off, length, code = _SLOT.unpack(slot)
                    if length == 0 and code == 0:
                        entries = {}
                    else:
                        record = _read_at(f, length, off)
                        if len(record) == length and zlib.crc32(record) == code:
                            data = marshal.loads(record)
                            entries = data if type(data) is dict else None
            except (OSError, ValueError, EOFError, TypeError, OverflowError):
                entries = None
            self._buckets[(tag, b)] = entries
        return self._buckets[(tag, b)]

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
        entries = self._bucket(token, tag, value)
        if entries is None:
            return None
        if value not in entries:
            return ()
        return entries[value]  # None: not kept (its rows are not ordered by the key alone)

    def rows(self, text: str, params: dict) -> list[dict] | None:
        """The rows of the library query ``text`` with ``params``, or None when not kept."""
        return _decoded(self._lookup(text, params))

    def encoded_rows(self, text: str, params: dict) -> tuple | None:
        """:meth:`rows` as :func:`partykg.store.memo.encode_rows` keeps them (the variables, a
        tuple of plain terms per row), not made into RDF terms; None when not kept."""
        kept = self._lookup(text, params)
        if kept == ():
            return [], []
        if type(kept) is not tuple or len(kept) != 2 or type(kept[0]) is not list \
                or type(kept[1]) is not list:
            return None
        return kept

    def _lookup(self, text: str, params: dict):
        code = crc(text)
        if not params and code not in SPECS:  # a query without parameters
            return self._kept(text, "")
        spec = SPECS.get(code)
        if code == DOCUMENTS:
            value = _list_key(params)
            return None if value is None else self._kept(text, value)
        if spec is None or len(params) != 1 or spec[1] not in params:
            return None
        value = _param(params[spec[1]], spec[2])
        if value is None or spec[0] == "n":
            return None
        return self._kept(text, value)

    def values(self, text: str) -> list[str] | None:
        """Every value the table keeps rows of for the query ``text`` (one parameter), or None
        when it does not know (another text, a pack missing or damaged)."""
        token, texts = self._texts()
        code = crc(text)
        if texts.get(code) != text or code not in SPECS:
            return None
        tag = SPECS[code][0]
        pack = self._pack(token, tag)
        if pack is None:
            return None
        out: list[str] = []
        for b in range(pack[1]):
            entries = self._bucket_at(tag, b)
            if entries is None:
                return None
            out += [v for v, kept in entries.items() if kept is not None]
        return out

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


def _list_key(params: dict) -> str | None:
    """The table's key of the ``documents`` query's parameters (type, body, year, each
    optional), or None when the table does not answer them."""
    parts = []
    for name, kind in zip(_LIST_PARAMS, ("iri", "iri", "year")):
        term = params.get(name)
        value = "" if term is None else _param(term, kind)
        if value is None:
            return None
        parts.append(value)
    if len(params) > sum(1 for v in parts if v):  # another parameter
        return None
    return "\t".join(parts)


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


def _documents(kg, text: str) -> dict:
    """The ``documents`` query (a list) for every combination of its parameters (type, issuing
    body, year, each bound or not) that a document of the graph has (any other combination
    finds no row): the query run once with none bound (every typed document, ``ORDER BY ?date
    ?doc``), each combination's rows those its filters keep (the same type; an issuer equal to
    the body; ``YEAR(?date)``, as the engine reads it, equal to the year), in that order (rows
    of one document and date, which the ORDER BY does not tell apart, keep the unbound run's
    order: the answers read a document and its date from them, never their order)."""
    rows = kg.select(text, {}, prefixes=False)
    years = {}
    for r in kg.select(f"SELECT DISTINCT ?date ?y WHERE {{ ?doc <{_PK}documentType> ?t ; "
                       f"<{_PK}dateIssued> ?date . BIND(YEAR(?date) AS ?y) }}", prefixes=False):
        if r["y"] is not None:
            years[r["date"]] = _param(r["y"], "year")
    groups: dict[str, list] = {}
    for r in rows:
        t, b, d = r["type"], r["issuer"], r["date"]
        t = t.value if type(t) is ox.NamedNode else None
        b = b.value if type(b) is ox.NamedNode else None
        y = years.get(d) if d is not None else None
        keys = {"\t".join(("" if v is None else v) for v in (wt, wb, wy))
                for wt in (t, None) for wb in (b, None) for wy in (y, None)}
        for key in keys:
            groups.setdefault(key, []).append(r)
    return {key: _encoded(group) for key, group in groups.items()}


def _names_start(kg, text: str) -> dict:
    """The ``names`` query for every start of 1 to 4 letters: run once without ``?start`` and
    without its LIMIT (every key, in the engine's order, ``ORDER BY ?key ?entity``: a total
    order of these distinct rows), each start's rows those whose key starts with it, in that
    order, at most the LIMIT. Only when every key is a plain ASCII string (``LCASE`` is then
    ``str.lower``) and every entity an IRI; else nothing is kept."""
    tail = "\nLIMIT 5000\n"
    if not text.endswith(tail):
        return {}
    rows = kg.select(text[:-len(tail)] + "\n", {}, prefixes=False)
    groups: dict[str, list] = {}
    for r in rows:
        key, entity = r["key"], r["entity"]
        if (type(entity) is not ox.NamedNode or _param(key, "key") is None
                or not key.value.isascii()):
            return {}
        low = key.value.lower()
        for n in range(1, min(4, len(low)) + 1):
            groups.setdefault(low[:n], []).append(r)
    return {start: _encoded(group[:5000]) for start, group in groups.items()}


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
        elif code == DOCUMENTS:
            out[code] = (text, _documents(kg, text))
        elif code == NAMES_START:
            out[code] = (text, _names_start(fast, text))
        elif code in BOUND:
            param, predicates = BOUND[code]
            out[code] = (text, _bound(kg, text, param, predicates, SPECS[code][2]))
    return out


def _buckets_for(count: int) -> int:
    """The buckets of a pack of ``count`` values: about two per value (a lookup reads one
    record, most often of one value), a power of two, at least 16."""
    n = 16
    while n < 2 * count:
        n *= 2
    return n


def pack(token: str, entries: dict) -> bytes:
    """The pack (see :data:`MAGIC`) of ``entries`` (value -> kept rows) for ``token``."""
    n = _buckets_for(len(entries))
    buckets: list[dict] = [{} for _ in range(n)]
    for value, rows in entries.items():
        buckets[_slot(value, n)][value] = rows
    head = _HEAD.pack(MAGIC, token.encode("ascii"), n,
                      zlib.crc32(MAGIC + token.encode("ascii") + n.to_bytes(4, "big")))
    off = len(head) + n * _SLOT.size
    slots, records = [], []
    for content in buckets:
        if not content:
            slots.append(_SLOT.pack(0, 0, 0))
            continue
        record = marshal.dumps(content)
        slots.append(_SLOT.pack(off, len(record), zlib.crc32(record)))
        records.append(record)
        off += len(record)
    if off >= 1 << 32:
        raise ValueError("a pack of 4 GB or more")
    return b"".join([head, *slots, *records])


def write_pack(folder: str, tag: str, token: str, entries: dict) -> None:
    """Write ``entries`` as ``folder/<tag>.pack`` (:func:`pack`): a temporary file renamed over
    it. Raises OSError (a read-only or full disk) or ValueError (a pack of 4 GB or more)."""
    os.makedirs(folder, exist_ok=True)
    target = os.path.join(folder, f"{tag}.pack")
    tmp = f"{target}.{os.getpid()}.tmp"
    with open(tmp, "xb") as f:
        f.write(pack(token, entries))
    os.replace(tmp, target)


def write(path: str, key: str, table: dict[int, tuple[str, dict]]) -> None:
    """Write ``table`` (:func:`build`) in the folder ``path`` for the memo's ``key``: one pack
    per tag, then the index naming them (a failure, a read-only or full disk, is ignored: the
    table is then not used)."""
    token = os.urandom(12).hex()
    texts = {}
    tags: dict[str, dict] = {}
    for code, (text, entries) in table.items():
        tag = SPECS[code][0] if code in SPECS else "q"
        tags.setdefault(tag, {}).update(entries)
        texts[code] = text
    try:
        for tag, entries in sorted(tags.items()):
            write_pack(path, tag, token, entries)
    except (OSError, ValueError):
        return
    write_checked(os.path.join(path, "index"), (key, token, texts))  # last: names the packs


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
