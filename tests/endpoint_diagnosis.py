"""What to print when an endpoint answers differently from the embedded store (tests/test_engines.py).

A failure on a shared, busy machine may not come back: the message must say enough to tell the
possible causes apart without it. :func:`explain` gives, in a few lines,

* every differing row in full (a variable the endpoint left unbound is written ``UNBOUND``: a
  JSON row simply lacks it, which once made rows whose OPTIONAL values were missing look like
  rows pairing a source with another source's node);
* the named graphs that hold each IRI of those rows, on the endpoint and here;
* the same query asked again: the same wrong answer (the endpoint's state) or another one (one
  answer went wrong);
* the endpoint's state: staging graphs left in the union, graphs whose number of triples differs
  from the dataset's, IRIs that the endpoint holds under two identities (Virtuoso keeps an IRI as
  a number: two numbers for one IRI would make joins on it miss).

Nothing here runs unless a comparison failed.
"""

from __future__ import annotations

from typing import Callable, Iterable

Row = tuple  # ((variable, value as text), ...) with "UNBOUND" for an unbound variable

SHOW = 4  # rows shown of each side


def json_value(v: dict | None) -> str:
    """A SPARQL JSON results term as text, in the form of tests/test_remote.py's ``_key``."""
    if v is None:
        return "UNBOUND"
    kind = v.get("type")
    if kind == "uri":
        return f"<{v['value']}>"
    if kind == "bnode":
        return "_:b"
    value = v["value"].replace("\\", "\\\\").replace('"', '\\"')
    if v.get("xml:lang"):
        return f'"{value}"@{v["xml:lang"].lower()}'
    dt = v.get("datatype", "http://www.w3.org/2001/XMLSchema#string")
    return f'"{value}"^^<{dt}>'


def json_row(row: dict, names: Iterable[str]) -> Row:
    """A SPARQL JSON results row with every projected variable (absent ones UNBOUND)."""
    return tuple((n, json_value(row.get(n))) for n in sorted(names))


def _show(rows: list[Row]) -> str:
    return " | ".join(" ".join(f"{k}={v}" for k, v in r) for r in rows[:SHOW]) or "none"


def _iris(rows: list[Row]) -> list[str]:
    out: list[str] = []
    for r in rows[:2]:
        for _, v in r:
            if v.startswith("<") and v[1:-1] not in out:
                out.append(v[1:-1])
    return out[:6]


def _graphs(select: Callable[[str], list], iri: str) -> list[str]:
    rows = select(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ {{ <{iri}> ?p ?o }} UNION "
                  f"{{ ?s ?p <{iri}> }} }} }}")
    return sorted(str(r["g"].value) for r in rows if r["g"] is not None)


def _attempt(what: str, fn: Callable[[], str]) -> str:
    try:
        return fn()
    except Exception as e:  # noqa: BLE001 - a diagnosis never hides the failure it explains
        return f"{what}: could not be read ({type(e).__name__}: {str(e)[:120]})"


def endpoint_state(url: str, kg) -> str:
    """Staging graphs, graphs whose triple counts differ from ``kg``'s, IRIs held twice."""
    from partykg.model.vocab import GRAPH_META
    from partykg.store.load import STAGING
    from partykg.store.remote import RemoteGraph, is_partykg_graph

    remote = RemoteGraph(url, timeout=60)
    counts = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"

    def staging() -> str:
        left = [g for g in remote.named_graphs() if g.startswith(STAGING)]
        return f"{len(left)} staging graph(s) in the union" + (f" ({left[:3]})" if left else "")

    def triples() -> str:
        there = {r["g"].value: int(r["n"].value) for r in remote.select(counts)}
        here = {r["g"].value: int(r["n"].value) for r in kg.select(counts) if r["g"].value != GRAPH_META}
        wrong = [f"<{g}> {there.get(g, 0)} not {n}" for g, n in sorted(here.items())
                 if there.get(g, 0) != n]
        extra = sorted(g for g in there if is_partykg_graph(g) and g not in here)
        return (f"graphs with another number of triples: {wrong[:4] or 'none'}"
                + (f"; graphs not in the dataset: {extra[:4]}" if extra else ""))

    def split() -> str:
        rows = remote.select(
            "SELECT ?str (COUNT(DISTINCT ?x) AS ?n) WHERE { { ?x ?p ?o } UNION "
            "{ ?s ?p ?x FILTER(isIRI(?x)) } BIND(STR(?x) AS ?str) "
            "FILTER(STRSTARTS(?str, \"https://w3id.org/partykg/\")) } "
            "GROUP BY ?str HAVING (COUNT(DISTINCT ?x) > 1) LIMIT 5")
        return f"IRIs held under two identities: {[r['str'].value for r in rows] or 'none'}"

    return "; ".join(_attempt(w, f) for w, f in (("staging graphs", staging),
                                                   ("triple counts", triples),
                                                   ("IRI identities", split)))


def explain(what: str, url: str, kg, there: Iterable[Row], here: Iterable[Row],
            again: Callable[[], Iterable[Row]] | None = None) -> str:
    """The failure message of a comparison of row sets (see the module's documentation)."""
    from partykg.store.remote import RemoteGraph

    there, here = set(there), set(here)
    only_there, only_here = sorted(there - here), sorted(here - there)
    lines = [f"{what}: {len(there)} distinct rows, not {len(here)}",
             f"only there ({len(only_there)}): {_show(only_there)}",
             f"only here ({len(only_here)}): {_show(only_here)}"]

    def graphs() -> str:
        remote = RemoteGraph(url, timeout=60)
        out = []
        for iri in _iris(only_there + only_here):
            a, b = _graphs(remote.select, iri), _graphs(kg.select, iri)
            out.append(f"<{iri}>: " + (f"the same {len(a)} graph(s)" if a == b else
                                      f"there {a[:3]}, here {b[:3]}"))
        return "named graphs of those rows' IRIs: " + ("; ".join(out) or "no IRI")

    lines.append(_attempt("graphs", graphs))
    if again is not None:
        def repeat() -> str:
            second = set(again())
            return ("asked again: the same answer (so the endpoint's state, not one answer)"
                    if second == there else
                    f"asked again: another answer, {len(second)} rows"
                    + (" (the embedded store's)" if second == here else ""))
        lines.append(_attempt("asked again", repeat))
    lines.append("endpoint: " + endpoint_state(url, kg))
    return "\n  ".join(lines)
