"""The same question gets the same answer, text and ``--json``, in every process: whatever the
engine's order of rows (an in-memory store and an on-disk store return them differently, and an
on-disk store may differ from one run to the next), the hash seed, the cache or the memo.

Where the order is fixed: ``queries/document.rq`` (the facts of a card, ORDER BY direction,
property, other end, source, quote) and ``queries/lookup-names.rq`` (the candidates of an
ambiguous name, oldest first, then by IRI). Before that, the cards below listed their ``--json``
facts, and "Resolution 4 of the Central Committee" its two candidates, in the engine's order.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pyoxigraph as ox

from conftest import ROOT

# cards whose facts came in a different order from one process to the next, and the questions
# whose subject is a name of two documents (found by answering every question of the dev banks
# in fresh processes, store and no store, memo cold and warm, several hash seeds)
QUESTIONS = [
    "what is directive 51 about",
    "what's notice 89-TB/TW",
    "tell me about the 32nd diplomatic conference",
    "what is the party executive committee of the ministry",
    "cho tôi biết về đảng ủy bộ ngoại giao",
    "parle-moi du Bureau politique",
    "kep 209 politbiro",
    "Quyết định 209 là gì?",
    "What is the Secretariat?",
    "resolution 4 of the central committee - what is it about",
    "Who issued Resolution 4 of the Central Committee?",
    "resolusi komite sentral ke-4 itu apa",
]

# one process: open the graph as `partykg ask` does, answer every question, print text and JSON
# as `partykg ask` and `partykg ask --json` print them
_RUN = r"""
import json, sys
from types import SimpleNamespace
from pathlib import Path
from partykg.cli.common import open_graph
from partykg.ask.answer import answer
root, store, questions = Path(sys.argv[1]), sys.argv[2] or None, json.loads(sys.argv[3])
kg = open_graph(SimpleNamespace(root=root, store=store, endpoint=None, verbose=False), cached=True)
out = []
for q in questions:
    a = answer(kg, q)
    out.append([a.text, json.dumps(a.as_dict(), ensure_ascii=False, indent=2)])
kg.memo.save()
print(json.dumps(out, ensure_ascii=False))
"""


def _answers(seed: str, store: str = "", cache: str = "") -> list[list[str]]:
    env = {**os.environ, "PYTHONHASHSEED": seed, "PARTYKG_CACHE_DIR": cache,
           "PYTHONPATH": str(ROOT / "src")}
    r = subprocess.run([sys.executable, "-c", _RUN, str(ROOT), store, json.dumps(QUESTIONS)],
                       capture_output=True, text=True, env=env, timeout=600)
    assert r.returncode == 0, r.stderr[-2000:]
    return json.loads(r.stdout)


def test_answers_are_the_same_in_every_process_store_or_not(tmp_path):
    from partykg.store.embedded import KnowledgeGraph

    store = tmp_path / "store"
    KnowledgeGraph.build(ROOT, store)
    cache = str(tmp_path / "cache")
    runs = {
        "files in memory, no cache, seed 1": _answers("1"),
        "--store, memo cold, seed 2": _answers("2", store=str(store), cache=cache),
        "--store, memo warm, seed 3": _answers("3", store=str(store), cache=cache),
        "files, cached store built, seed 4": _answers("4", cache=cache),
        "files, cached store reused, seed 5": _answers("5", cache=cache),
    }
    (first_name, first), *others = runs.items()
    assert len(first) == len(QUESTIONS)
    for name, answers in others:
        for q, (text0, json0), (text, json_) in zip(QUESTIONS, first, answers):
            assert text == text0, f"{q!r}: the text differs between {first_name!r} and {name!r}"
            assert json_ == json0, f"{q!r}: the JSON differs between {first_name!r} and {name!r}"


def test_ambiguous_name_lists_its_candidates_oldest_first_then_by_iri(kg):
    from partykg.ask.answer import answer

    a = answer(kg, "resolution 4 of the central committee - what is it about")
    assert a.status == "ambiguous" and len(a.candidates) == 2
    keys = [(c.get("date") or "", c["iri"]) for c in a.candidates]
    assert keys == sorted(keys)
    assert [c["id"] for c in a.candidates] == ["doc/tw/nq/plenum-4-xii", "doc/tw/nq/plenum-4-xiii"]


def test_a_cards_facts_come_out_then_mentions_then_in_by_property_then_other_end(kg):
    from partykg.store import queries

    rows = queries.run(kg, "document", {"doc": ox.NamedNode(
        "https://w3id.org/partykg/id/doc/tw/ct/2005/51")})
    rank = {"out": 0, "mention": 1, "in": 2}
    keys = [(rank[r["direction"].value], r["p"].value if r["p"] is not None else "",
             r["o"].value if r["o"] is not None else "") for r in rows]
    assert {0, 2} <= {k[0] for k in keys}  # facts both ways (it has no bare mention)
    assert keys == sorted(keys)
