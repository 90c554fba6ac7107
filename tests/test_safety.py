"""Question text and --param values reach SPARQL only as bound terms: hostile strings change no
query's shape, and the store is untouched."""
from __future__ import annotations

import hashlib
import subprocess
import sys

import pyoxigraph as ox
import pytest

from partykg.ask.resolve import resolver

from conftest import ROOT
from partykg.store import queries
from partykg.ask.answer import UnsupportedQuestion, answer
from partykg.store.sparql import BindError, bind

HOSTILE = [
    '"',
    "'",
    '"""',
    "\\",
    "x\" } ; DROP ALL ; SELECT * WHERE { ?s ?p ?o",
    "} ; DROP ALL",
    "> } INSERT DATA { <a:a> <b:b> <c:c> } #",
    "<http://evil/>",
    "{ }",
    "line one\nline two\r\n} DROP ALL",
    "51-CT/TW\" } UNION { ?doc ?p ?o",
    "\u202e\u200b\ufeff\U0001F600 Chỉ thị 51",
    "\x00\x01\x7f",
    "ā" * 3 + "𝔇𝔯𝔬𝔭",
    "A" * 100_000,
]


def fingerprint(kg) -> str:
    h = hashlib.sha256()
    for q in sorted(str(q) for q in kg.store):
        h.update(q.encode())
    return h.hexdigest()


@pytest.fixture(scope="module")
def before(kg):
    return len(kg.store), fingerprint(kg)


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_question_changes_nothing(kg, before, text):
    for q in (f"What replaces {text}?", f"Ai ban hành {text}?", text, f"What did {text} issue in 2020?"):
        try:
            a = answer(kg, q)
        except UnsupportedQuestion:
            continue
        assert a.status in ("answered", "ambiguous", "not_found")
    assert (len(kg.store), fingerprint(kg)) == before


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_parameter_is_one_literal(kg, before, text):
    q = queries.load("lookup-name", ROOT)
    safe = bind(q.text, {"name": ox.Literal("x")})
    bound = bind(q.text, {"name": ox.Literal(text)})
    # the bound query differs from a harmless one only by the literal itself
    assert bound.replace(str(ox.Literal(text)), str(ox.Literal("x")), 1) == safe
    assert "\n" not in str(ox.Literal(text))  # the literal is one token on one line
    assert queries.run(kg, q, {"name": ox.Literal(text)}) == []
    for name in ("lookup-code", "lookup-number", "issuer", "in-force"):
        query = queries.load(name, ROOT)
        for p in query.params:
            try:
                term = queries.to_term(p.kind, text, resolver(kg))
            except Exception as e:  # a clean refusal is fine: not a number, not a date...
                assert isinstance(e, (queries.QueryLibraryError,)) or "PartykgError" in [
                    c.__name__ for c in type(e).__mro__], e
                continue
            queries.run(kg, query, {p.name: term})
    assert (len(kg.store), fingerprint(kg)) == before


def test_bad_variable_names_and_terms_are_refused():
    with pytest.raises(BindError):
        bind("SELECT * WHERE { ?s ?p ?o }", {"s) } DROP ALL #": ox.Literal("x")})
    with pytest.raises(BindError):
        bind("SELECT * WHERE { ?s ?p ?o }", {"s": "plain python string"})


def test_values_go_into_the_top_group():
    q = 'PREFIX x: <http://e/{}> # a { comment\nSELECT ?a WHERE { ?a x:p "}" . { ?a x:q ?b } }'
    out = bind(q, {"b": ox.Literal("v")})
    assert out.index("VALUES ?b") > out.index("WHERE {") and out.index("VALUES ?b") < out.index("?a x:p")
    c = "CONSTRUCT { ?a <http://e/p> ?b } WHERE { ?a <http://e/q> ?b }"
    out = bind(c, {"a": ox.NamedNode("http://e/a")})
    assert out.index("VALUES") > out.index("WHERE")
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("http://e/a"), ox.NamedNode("http://e/q"), ox.Literal("1")))
    assert len(list(store.query(out))) == 1


@pytest.mark.parametrize("text", ["} ; DROP ALL", "x\" } INSERT DATA { <a:a> <b:b> <c:c> }", "A" * 100_000])
def test_cli_with_hostile_values(text):
    r = subprocess.run([sys.executable, "-m", "partykg", "query", "lookup-name", "--param", f"name={text}"],
                       capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert r.returncode == 0 and "(no rows)" in r.stdout, r.stderr[-500:]
    r = subprocess.run([sys.executable, "-m", "partykg", "ask", f"What replaces {text}?"],
                       capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert r.returncode in (1, 2) and "Traceback" not in r.stderr
