"""The results of the library queries that take no parameter (the document types and their
names, the statuses, the kinds of entity, the code suffixes...: what ``partykg ask`` reads a
question with), kept per graph in the user's cache folder, so that a cold ``partykg ask`` does not
run them again on every question (issue 13).

Never stale: a memo belongs to one graph and is used only when its **key** matches, character
for character. For the project's files (the cached store of :mod:`partykg.store.cache`) the memo
lives in the cached store's folder, which is named by the files' signature; for a store
(``--store DIR``) its key is the store's folder (its real path, device and inode), the engine's
unique id of the database (RocksDB's ``IDENTITY``) and the name, size and modification time of
every file of the store, with their change times and inodes (a rebuilt store, or any write to
it, changes them). Each result is kept
under the query's whole text, so an edited query is run again. Beside the results it keeps what
:mod:`partykg.store.sparql` works out from a query's text alone (where
:func:`~partykg.store.sparql.bind` writes the VALUES blocks, and that the query may run), under
that text, checked again when used. The key also names the versions of partykg and pyoxigraph
and the code that makes what the memo keeps (``store/sparql.py``, ``reads.py``, ``queries.py``,
``embedded.py`` and this module, by size and modification time).

The results of the library queries **with** parameters that ``partykg ask`` runs (the entity,
the card, the replacements of a document, the names looked up...) are kept too, under the
query's whole text and its bound terms, in small files beside the memo (:meth:`Memo.get_bound`;
at most ``BUCKETS * BUCKET_ENTRIES`` results, the oldest dropped first). Each file names the
memo's random **token**, written in the memo with its key: a file whose token is not the one of
the memo read now (a memo of another graph, or rewritten) is ignored. A question whose every
query is kept is answered without opening the store at all
(:class:`partykg.store.embedded.LazyKnowledgeGraph`): the same rows, read from the same graph.

Written atomically (a temporary file next to it, renamed over it) and checked when read (a
CRC-32 of its content): a memo that cannot be read, or does not match, is ignored, never an
error. Nothing is written when caching is off (``PARTYKG_CACHE_DIR`` set and empty) or the cache
folder cannot be written.
"""

from __future__ import annotations

import os

import pyoxigraph as ox

from partykg.datacache import read_checked, write_checked

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
MAX_ROWS = 50_000  # a result bigger than this is not kept (a memo stays small to read)
MAX_PLANS = 2_000  # where the parameters of a query are bound (partykg.store.sparql), by text
BUCKETS = 256  # results of queries with parameters: files of the folder ``<memo>.bound``
BUCKET_ENTRIES = 16  # results kept in one of them (the oldest dropped first)
MAX_BOUND_ROWS = 5_000  # a bigger result with parameters is not kept


def _encode(term):
    """A term as plain data marshal writes: an IRI as a str, a literal as (value, language,
    datatype), a blank node as (id,)."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.Literal):
        if getattr(term, "direction", None):  # a base direction (RDF 1.2): not kept
            raise TypeError("a literal with a direction")
        return (term.value, term.language or "", term.datatype.value)
    if isinstance(term, ox.BlankNode):
        return (term.value,)
    raise TypeError(f"cannot keep {type(term).__name__}")


_TERMS: dict = {}  # kept term -> its term, made once per process (terms are immutable)


def _decode(data):
    """The term :func:`_encode` kept as ``data`` (the same object for the same data)."""
    try:
        term = _TERMS.get(data)
    except TypeError:  # not what _encode writes (a list): made as it is, not kept
        return _make(data)
    if term is None and data is not None:
        term = _TERMS[data] = _make(data)
    return term


def _make(data):
    if data is None:
        return None
    if type(data) is str:
        return ox.NamedNode(data)
    if len(data) == 3:
        value, lang, dt = data
        if lang:
            return ox.Literal(value, language=lang)
        if dt == _XSD_STRING:
            return ox.Literal(value)
        return ox.Literal(value, datatype=ox.NamedNode(dt))
    return ox.BlankNode(data[0])


def encode_rows(rows: list[dict]) -> tuple[list[str], list[tuple]]:
    """Rows (variable -> term) as plain data: (the variables, a tuple of terms per row)
    (TypeError or KeyError when they are not terms or not all of the same variables)."""
    names = list(rows[0]) if rows else []
    return names, [tuple(_encode(r[n]) for n in names) for r in rows]


def decode_rows(kept) -> list[dict]:
    """The rows :func:`encode_rows` made (TypeError, ValueError or IndexError when ``kept``
    is not what it makes)."""
    names, rows = kept
    return [dict(zip(names, map(_decode, row), strict=True)) for row in rows]


_HEAD_CRCS: dict[str, int] = {}  # a query's text -> the CRC-32 of the head of its keys' repr


def _versions() -> str:
    """The versions, and the code that makes what a memo keeps (the plans of store/sparql.py,
    this module's format): a change to either is a new key."""
    from partykg import __version__

    here = os.path.dirname(__file__)
    code = []
    for name in ("sparql.py", "memo.py", "reads.py", "queries.py", "embedded.py", "table.py"):
        st = os.stat(os.path.join(here, name))
        code.append(f"code {name} {st.st_size} {st.st_mtime_ns}")
    return f"partykg {__version__}\npyoxigraph {ox.__version__}\n" + "\n".join(code) + "\n"


class Memo:
    """The kept results of one graph, in the file ``path`` (None: kept in this process only)."""

    def __init__(self, path: str | None, key: str):
        self.path = path
        self.key = _versions() + key
        self._rows: dict[str, tuple[list[str], list[tuple]]] = {}
        self._decoded: dict[str, list[dict]] = {}  # rows decoded by get(), by query
        self._plans: dict = {}  # partykg.store.sparql's plans and checks, kept with the results
        self._checked: list[str] = []
        self._dirty = False
        self._token = ""  # names this memo's results with parameters (see get_bound)
        self._buckets: dict[int, dict] = {}  # bucket -> its results, as read or made
        self._dirty_buckets: set[int] = set()
        self._table = None  # partykg.store.table, read when first needed
        if path is not None:
            self._read()

    def _read(self) -> None:
        data = read_checked(self.path)
        try:
            if type(data) is not dict or data.get("key") != self.key:
                return
            rows = data["rows"]
            if type(rows) is dict:
                self._rows = rows
            token = data.get("token")
            if type(token) is str:
                self._token = token
            plans, checked = data["plans"], data["checked"]
            if type(plans) is dict and type(checked) is list:
                from partykg.store import sparql

                self._plans, self._checked = plans, checked
                sparql.KEPT_PLANS.update(plans)
                sparql.KEPT_CHECKED.update(q for q in checked if type(q) is str)
        except (OSError, ValueError, EOFError, TypeError, KeyError):
            return

    def get(self, query: str) -> list[dict] | None:
        """The rows of ``query`` as the graph answered it, or None when not kept."""
        done = self._decoded.get(query)
        if done is not None:  # decoded once per process (a question reads some twice)
            return [dict(r) for r in done]
        kept = self._rows.get(query)
        if kept is None:
            return None
        try:
            done = decode_rows(kept)
        except (TypeError, ValueError):  # not what this module writes: run the query
            del self._rows[query]
            return None
        self._decoded[query] = done
        return [dict(r) for r in done]

    def put(self, query: str, rows: list[dict]) -> None:
        if len(rows) > MAX_ROWS:
            return
        try:
            data = encode_rows(rows)
        except (TypeError, KeyError):
            return
        self._rows[query] = data
        self._decoded.pop(query, None)
        self._dirty = True

    def save(self) -> None:
        """Write the memo when it gained results (atomically; a failure is ignored)."""
        from partykg.store import sparql

        if self.path is None:
            return
        plans = {k: [(int(p), tuple(ns)) for p, ns in v] for k, v in sparql.MADE_PLANS.items()
                 if k not in self._plans}
        checked = [q for q in sparql.MADE_CHECKED if q not in sparql.KEPT_CHECKED]
        if not (self._dirty or plans or checked or (self._dirty_buckets and not self._token)):
            self._save_buckets()
            return
        self._dirty = False
        if not self._token:  # a new memo: its results with parameters are new too
            self._token = os.urandom(12).hex()
        self._plans.update(plans)
        self._checked += checked
        if len(self._plans) > MAX_PLANS:  # plans of many questions: keep this process's
            self._plans = {k: v for k, v in self._plans.items() if k in sparql.MADE_PLANS
                           or k in sparql.KEPT_PLANS}
        write_checked(self.path, {"key": self.key, "rows": self._rows, "plans": self._plans,
                                  "checked": self._checked[-MAX_PLANS:], "token": self._token})
        self._save_buckets()

    def table(self):
        """The graph's table of query results for every value of their parameter
        (:mod:`partykg.store.table`, in the folder ``<memo>.table``), or None."""
        if self._table is None and self.path is not None:
            from partykg.store.table import Table

            self._table = Table(f"{self.path}.table", self.key)
        return self._table

    # --- results of queries with parameters --------------------------------------------------
    # Kept in BUCKETS small files beside the memo (a file is chosen by the CRC-32 of the query's
    # text and parameters), each holding the memo's token and up to BUCKET_ENTRIES results under
    # their whole text and parameters. The token is random, written in the memo with its key
    # when the memo is first written: a file whose token is not the memo's (an older graph, a
    # memo rewritten) is ignored, so a result is used only for the graph it was read from.

    def _bucket_path(self, n: int) -> str:
        return f"{self.path}.bound{os.sep}{n:02x}"

    def _bucket(self, n: int) -> dict:
        entries = self._buckets.get(n)
        if entries is None:
            entries = {}
            if self._token:
                data = read_checked(self._bucket_path(n))
                if (type(data) is tuple and len(data) == 2 and data[0] == self._token
                        and type(data[1]) is dict):
                    entries = data[1]
            self._buckets[n] = entries
        return entries

    @staticmethod
    def _bound_key(query: str, params: dict) -> tuple | None:
        try:
            return (query, tuple(sorted((k, _encode(v)) for k, v in params.items())))
        except TypeError:
            return None

    @staticmethod
    def _bucket_no(key: tuple) -> int:
        """The bucket of a result's key: the CRC-32 of its text and terms (``repr(key)``, the
        CRC-32 of its query's part computed once per text: a card looks up 200 entities with
        the same query, whose ``repr`` is most of the work)."""
        import zlib

        query, terms = key
        head = _HEAD_CRCS.get(query)
        if head is None:
            if len(_HEAD_CRCS) > 512:
                _HEAD_CRCS.clear()
            head = _HEAD_CRCS[query] = zlib.crc32(
                ("(" + repr(query) + ", ").encode("utf-8", "surrogatepass"))
        return zlib.crc32((repr(terms) + ")").encode("utf-8", "surrogatepass"), head) % BUCKETS

    def get_bound(self, query: str, params: dict) -> list[dict] | None:
        """The rows of ``query`` with ``params`` (variable -> term) as the graph answered them,
        or None when not kept."""
        if self.path is None:
            return None
        key = self._bound_key(query, params)
        if key is None:
            return None
        entries = self._bucket(self._bucket_no(key))
        kept = entries.get(key)
        if kept is None:
            return None
        try:
            return decode_rows(kept)
        except (TypeError, ValueError, IndexError):  # not what this module writes
            del entries[key]
            return None

    def get_bound_encoded(self, query: str, params: dict) -> tuple | None:
        """:meth:`get_bound`'s rows as :func:`encode_rows` keeps them (the variables, a tuple
        of plain terms per row), not made into RDF terms; None when not kept."""
        if self.path is None:
            return None
        key = self._bound_key(query, params)
        if key is None:
            return None
        kept = self._bucket(self._bucket_no(key)).get(key)
        if (type(kept) is not tuple or len(kept) != 2 or type(kept[0]) is not list
                or type(kept[1]) is not list):
            return None
        return kept

    def put_bound(self, query: str, params: dict, rows: list[dict]) -> None:
        if self.path is None or len(rows) > MAX_BOUND_ROWS:
            return
        key = self._bound_key(query, params)
        if key is None:
            return
        try:
            data = encode_rows(rows)
        except (TypeError, KeyError):
            return
        n = self._bucket_no(key)
        entries = self._bucket(n)
        entries[key] = data
        while len(entries) > BUCKET_ENTRIES:
            del entries[next(iter(entries))]
        self._dirty_buckets.add(n)

    def _save_buckets(self) -> None:
        if not self._token:
            return
        for n in sorted(self._dirty_buckets):
            write_checked(self._bucket_path(n), (self._token, self._buckets[n]))
        self._dirty_buckets.clear()


def store_key(location: str) -> str | None:
    """The key of the store in the folder ``location`` (see the module's docstring), or None
    when it cannot be read."""
    try:
        real = os.path.realpath(location)
        st = os.stat(real)
        lines = [f"store {real!r} {st.st_dev} {st.st_ino}"]
        with open(os.path.join(real, "IDENTITY"), "rb") as f:
            lines.append(f"identity {f.read(200)!r}")
        with os.scandir(real) as it:
            for e in sorted(it, key=lambda e: e.name):
                s = e.stat(follow_symlinks=False)
                lines.append(f"file {e.name!r} {s.st_size} {s.st_mtime_ns} {s.st_ctime_ns} "
                             f"{s.st_ino}")
    except (OSError, ValueError):
        return None
    return "\n".join(lines) + "\n"


def for_store(location: str) -> Memo | None:
    """The memo of the store in ``location``, in the user's cache folder (None: caching off, or
    the store cannot be read)."""
    from partykg.store.cache import _crc, cache_dir

    base = cache_dir()
    key = store_key(location)
    if base is None or key is None:
        return None
    real = os.path.realpath(location)
    return Memo(os.path.join(str(base), "memos", f"store-{_crc(real)}.memo"), key)
