"""Issue 13, ninth round (branch xaccept7): a faster accept that writes and reports the same.

- the builder (``ingest/accept_builder.py``) makes a new evidence node's statements and table at
  once: the same quads in the same order and the same tables (key order too) as adding them one
  by one, and a repeated evidence node still goes statement by statement;
- ``check_quotes`` finds the one violation of a single quoted source whose corpus file cannot be
  read without reading a row per quote: the same violations as reading every row, on stores with
  one source or several, readable or not, a blank node source, a source quoted by nothing.
"""
from __future__ import annotations

import hashlib
from types import SimpleNamespace

import pyoxigraph as ox
import pytest

from partykg.files import InputTooLarge, read_bounded
from partykg.graph import dataset
from partykg.graph.validate import (MAX_CORPUS_BYTES, QUOTES, Violation, _file_of, _term_str,
                                    check_quotes)
from partykg.ingest import accept_builder as AB
from partykg.ingest.accept_builder import _Builder, _h
from partykg.store.embedded import KnowledgeGraph

ID = "https://w3id.org/partykg/id/"
PK = "https://w3id.org/partykg/ontology#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
PROV = "http://www.w3.org/ns/prov#"


# --- the builder ------------------------------------------------------------------------------

def _old_h(*parts: object) -> str:  # the hash as it was written before
    return hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:16]


def _old_evidence(self, s, p, o, sentence):  # every statement through add(), as before
    q = self.quote(sentence)
    ev = ox.NamedNode(f"{self.cs.source_iri}/evidence/"
                      f"{_old_h(s, p or '', o if o is not None else '', sentence)}")
    self.add(ev, RDF + "type", self._evidence)
    self.add(ev, RDF + "subject", s)
    if p is not None:
        self.add(ev, RDF + "predicate", self.nn(p))
        self.add(ev, RDF + "object", o)
    self.add(ev, PK + "quote", q)
    self.add(ev, PROV + "wasQuotedFrom", self.src)


TERMS = [ox.NamedNode(f"{ID}doc/tw/ct/2024/1"), ox.Literal("97-CT/TW"),
         ox.Literal("Chỉ thị", language="vi"),
         ox.Literal("2024-05-02", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")),
         ox.BlankNode("b0"), ox.Literal('a "quoted"\nline\\'), "", "plain text", None]


def test_the_hash_is_the_old_one_on_terms_of_every_kind():
    for a in TERMS:
        for b in TERMS:
            assert _h(a, PK + "code", b, "A sentence.") == _old_h(a, PK + "code", b, "A sentence.")
            assert _h(a, b) == _old_h(a, b)


def _builder():
    text = "Directive 97 replaces Directive 51. It was issued in May. The Secretariat issued it."
    cs = SimpleNamespace(source_iri=f"{ID}source/x7", text=text, lang="en", documents=[])
    return _Builder(cs, None)


def _calls(b):
    d1, d2 = ox.NamedNode(f"{ID}doc/tw/ct/2024/97"), ox.NamedNode(f"{ID}doc/tw/ct/2020/51")
    s1, s2 = "Directive 97 replaces Directive 51.", "It was issued in May."
    b.add(b.src, RDF + "type", b.nn(PK + "SourceArticle"))
    b.fact(d1, PK + "replaces", d2, s1)
    b.evidence(d1, None, None, s1)
    b.evidence(d2, None, None, s1)
    b.fact(d1, PK + "number", ox.Literal("97"), s1)
    b.evidence(d1, None, None, s1)  # the same evidence node again: nothing new in the tables
    b.fact(d1, PK + "number", ox.Literal("97"), s1)
    b.fact(d1, PK + "dateIssued", ox.Literal("2024-05"), s2)
    b.evidence(d1, None, None, s2)
    b.fact(d1, PK + "dateIssued", ox.Literal("2024-05"), s1)


def _snapshot(b):
    return (list(b.quads), [(s, list(t.items())) for s, t in b.tables.items()])


def test_a_new_evidence_node_is_built_as_statement_by_statement(monkeypatch):
    new = _builder()
    _calls(new)
    monkeypatch.setattr(_Builder, "evidence", _old_evidence)
    old = _builder()
    _calls(old)
    assert _snapshot(new) == _snapshot(old)
    assert len(new.quads) > len({q for q in new.quads})  # the repeats are in the quads


def test_a_repeated_evidence_node_goes_statement_by_statement(monkeypatch):
    b = _builder()
    d1 = ox.NamedNode(f"{ID}doc/tw/ct/2024/97")
    b.evidence(d1, None, None, "It was issued in May.")
    seen = []
    monkeypatch.setattr(_Builder, "add", lambda self, s, p, o: seen.append((s, p, o)))
    b.evidence(d1, None, None, "It was issued in May.")
    assert [p for _, p, _ in seen] == [RDF + "type", RDF + "subject", PK + "quote",
                                       PROV + "wasQuotedFrom"]


def test_a_sentence_not_in_the_text_is_still_refused():
    b = _builder()
    with pytest.raises(AB.AcceptError):
        b.evidence(ox.NamedNode(f"{ID}doc/x"), None, None, "A sentence the text never held.")


TEXT = ("Directive 97-CT/TW dated May 2, 2024 of the Secretariat replaces Directive 51-CT/TW. "
        "Regulation 12-QĐ/TW of the Politburo amends Regulation 8-QĐ/TW.\n"
        "Directive 97-CT/TW was discussed again. Regulation 12-QĐ/TW was discussed too.\n")


def test_accept_writes_the_same_file_as_statement_by_statement(extract_project, tmp_path,
                                                               monkeypatch):
    from partykg.ingest.accept import accept
    from partykg.ingest.candidates import build, write
    from partykg.ingest.extract import extract

    cands = tmp_path / "c.trig"
    write(build(extract(TEXT, "en"), stem="x7_0000000000000000"), cands)
    target = extract_project / "graph" / "sources" / "x7_0000000000000000.trig"
    new = accept(cands, extract_project)
    assert new.written, new.summary()
    text_new = target.read_bytes()
    target.unlink()
    (extract_project / "graph" / "corpus" / "x7_0000000000000000.txt").unlink()
    monkeypatch.setattr(_Builder, "evidence", _old_evidence)
    old = accept(cands, extract_project)
    assert target.read_bytes() == text_new
    assert old.summary() == new.summary()
    assert text_new.count(b"pk:Evidence") >= 6


# --- check_quotes ------------------------------------------------------------------------------

def _old_check_quotes(kg, root):  # every row read, as before
    texts, out = {}, []
    for ev, quote, src, file in kg.rows(QUOTES):
        rel = file.value
        if rel not in texts:
            try:
                texts[rel] = read_bounded(root / rel, MAX_CORPUS_BYTES,
                                          "a corpus file").decode("utf-8")
            except (OSError, UnicodeDecodeError, InputTooLarge) as e:
                texts[rel] = None
                out.append(Violation("quote-in-corpus", _term_str(src),
                                     f"corpus file {rel} cannot be read: {e}", _file_of(kg, src)))
        text = texts[rel]
        if text is not None and quote.value not in text:
            out.append(Violation("quote-in-corpus", _term_str(ev),
                                 f"quote not found verbatim in {rel}: {quote.value[:80]!r}",
                                 _file_of(kg, ev)))
    return out


def _source(name: str, corpus: str | None, quotes: list[str], blank: bool = False) -> str:
    src = f"_:{name}" if blank else f"<{ID}source/{name}>"
    g = f"<{ID}source/{name}>"
    out = [f"{g} {{ {src} <{PK}corpusFile> \"{corpus}\" ."] if corpus else [f"{g} {{"]
    for i, q in enumerate(quotes):
        out.append(f"<{ID}source/{name}/evidence/{i}> a <{PK}Evidence> ; "
                   f"<{RDF}subject> <{ID}doc/{name}> ; <{PK}quote> \"{q}\"@en ; "
                   f"<{PROV}wasQuotedFrom> {src} .")
    return "\n".join(out) + " }\n"


CASES = {
    "one source, corpus file missing": [_source("a", "graph/corpus/a.txt", ["x", "y"])],
    "one source, a quote not in its file": [_source("b", "graph/corpus/b.txt", ["in b", "not"])],
    "one source, every quote in its file": [_source("b", "graph/corpus/b.txt", ["in b"])],
    "two sources, both missing": [_source("a", "graph/corpus/a.txt", ["x"]),
                                  _source("c", "graph/corpus/c.txt", ["z"])],
    "two sources sharing a missing file": [_source("a", "graph/corpus/a.txt", ["x"]),
                                           _source("d", "graph/corpus/a.txt", ["w"])],
    "one missing, one readable": [_source("a", "graph/corpus/a.txt", ["x"]),
                                  _source("b", "graph/corpus/b.txt", ["not in b"])],
    "a source quoted by nothing": [_source("e", "graph/corpus/e.txt", [])],
    "a blank node source, missing file": [_source("f", "graph/corpus/f.txt", ["v"], blank=True)],
    "a quoted source with two corpus files": [
        _source("a", "graph/corpus/a.txt", ["x"])
        + f"<{ID}source/a2> {{ <{ID}source/a> <{PK}corpusFile> \"graph/corpus/b.txt\" . }}\n"],
    "nothing quoted": [],
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_check_quotes_gives_what_reading_every_row_gives(case, tmp_path):
    (tmp_path / "graph" / "corpus").mkdir(parents=True)
    (tmp_path / "graph" / "corpus" / "b.txt").write_text("The text in b.", encoding="utf-8")
    store = ox.Store()
    for part in CASES[case]:
        store.load(part, format=ox.RdfFormat.TRIG)
    kg = KnowledgeGraph(store, tmp_path, dataset.LoadReport())
    expected = _old_check_quotes(kg, tmp_path)
    assert check_quotes(kg, tmp_path) == expected
    if case == "one source, corpus file missing":
        assert len(expected) == 1 and "cannot be read" in expected[0].message
    if case == "one source, a quote not in its file":
        assert [v.message[:25] for v in expected] == ["quote not found verbatim "]


def test_check_quotes_reads_no_row_per_quote_for_one_missing_file(tmp_path, monkeypatch):
    store = ox.Store()
    store.load(_source("a", "graph/corpus/a.txt", [f"q{i}" for i in range(50)]),
               format=ox.RdfFormat.TRIG)
    kg = KnowledgeGraph(store, tmp_path, dataset.LoadReport())
    asked = []
    rows = kg.rows
    monkeypatch.setattr(kg, "rows", lambda q, *a, **k: asked.append(q) or rows(q, *a, **k),
                        raising=False)
    out = check_quotes(kg, tmp_path)
    assert len(out) == 1 and out[0].entity == f"{ID}source/a"
    assert QUOTES not in asked
