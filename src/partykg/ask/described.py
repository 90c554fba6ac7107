"""What :func:`partykg.ask.resolve.describe` makes of every entity of a graph, kept beside its
memo, one record per entity read by offset, so that a card naming 200 entities reads 200 small
dicts instead of making each entity's ~30 rows into a summary (issue 13).

Made once per graph, by the first question that describes an entity when the graph has a table
of query results (:mod:`partykg.store.table`: the project's files cached as a store), for every
entity the table's ``entity`` rows name, with ``describe`` itself (the same code, the same
rows: the same dicts); an entity with no rows is described as before. Never stale: the folder
``<memo>.described`` holds an ``index`` naming its **key**, the key of the kept tables
(:mod:`partykg.ask.kept`: the memo's key, that is the graph and the store's code, and the code
of ``resolve.py``, ``lexicon.py``, ``kept.py``, ``model/ids.py``, the cues and the queries the
tables are made from) with the ``entity`` query's file and this module, and a random token,
and a pack (:func:`partykg.store.table.pack`) naming that token: a folder of another key, a
pack of another token, a damaged record or a missing file is not used (the entity is described
from its rows). Written atomically (the pack, then the index); nothing with caching off.
"""

from __future__ import annotations

import os

_TAG = "x"
MAX_ENTITIES = 200_000  # a bigger graph describes its entities one by one, as before


def _where(kg) -> tuple[str, str] | None:
    """The folder and the key of ``kg``'s described entities, or None (no memo)."""
    from partykg.ask import kept

    k = kept.of(kg)
    if k.path is None or not k.path.endswith(".tables"):
        return None
    from partykg.store.queries import _default_root

    root = os.fspath(getattr(kg, "root", None) or _default_root())
    lines = [k.key, kept._stat_line(os.path.join(root, "queries", "entity.rq")),
             kept._stat_line(os.path.abspath(__file__))]
    return k.path[: -len(".tables")] + ".described", "\n".join(lines) + "\n"


def lookup(kg, iri: str) -> dict | None:
    """The kept description of ``iri``, or None (not kept: describe it from its rows)."""
    from partykg.ask.lexicon import _cache

    c = _cache(kg)
    state = c.get("described")
    if state is None:
        state = c["described"] = _open(kg)
    if not state:
        return None
    t, token = state
    entries = t._bucket(token, _TAG, iri)
    d = entries.get(iri) if entries is not None else None
    return d if type(d) is dict else None


def _open(kg):
    """(the pack's reader, its token), or False; made and written when missing or stale."""
    from partykg.store.table import Table

    memo = getattr(kg, "memo", None)
    table = memo.table() if memo is not None and memo.path is not None else None
    if table is None or not table._texts()[0]:  # no table (a --store DIR): none kept
        return False
    where = _where(kg)
    if where is None:
        return False
    folder, key = where
    t = Table(folder, key)
    token = t._texts()[0]
    if token:
        return t, token
    return _make(kg, table, folder, key)


def _make(kg, table, folder: str, key: str):
    from partykg.ask.resolve import _describe_rows
    from partykg.datacache import write_checked
    from partykg.store.queries import load
    from partykg.store.table import Table, write_pack

    text = load("entity", getattr(kg, "root", None)).text
    iris = table.values(text)
    if iris is None or len(iris) > MAX_ENTITIES:
        return False
    entries = {}
    for iri in sorted(iris):
        d = _describe_rows(kg, iri)
        if d is not None:  # (else described from its rows, as before)
            entries[iri] = d
    token = os.urandom(12).hex()
    try:
        write_pack(folder, _TAG, token, entries)
    except (OSError, ValueError):
        return False
    write_checked(os.path.join(folder, "index"), (key, token, {}))
    t = Table(folder, key)
    return (t, token) if t._texts()[0] == token else False
