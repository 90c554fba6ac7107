"""Regular expressions on the cold `partykg ask` path (issue 13): the modules' patterns compiled
when first used (partykg.lazyre), and cue regexes tried only when the question holds a string
their matches need (partykg.ask.cuefilter, cue_literals.json). Neither may change a match."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from conftest import DATA, ROOT
from partykg.ask import cuefilter, lexicon
from partykg.lazyre import LazyPattern, lazy


def test_a_lazy_pattern_answers_as_the_compiled_one():
    pattern = r"(?P<num>\d+)\s*-\s*(?P<type>[A-Za-zĐđ]+)"
    lz, rx = lazy(pattern), re.compile(pattern)
    assert lz._compiled is None  # nothing compiled yet
    text = "12-CT/TW, 51 - ct và 7-QĐ"
    assert lz.search(text).groupdict() == rx.search(text).groupdict()
    assert lz.match(text).span() == rx.match(text).span()
    assert lz.match(text, 3) is None and rx.match(text, 3) is None
    assert lz.fullmatch("7-QĐ").group("type") == "QĐ"
    assert [m.span() for m in lz.finditer(text)] == [m.span() for m in rx.finditer(text)]
    assert lz.findall(text) == rx.findall(text)
    assert lz.sub("X", text) == rx.sub("X", text) and lz.split(text) == rx.split(text)
    assert lz.groupindex == rx.groupindex and lz.flags == rx.flags
    first = lz.compiled()
    assert lz.compiled() is first  # compiled once
    assert lazy("a", re.I).fullmatch("A") and not lazy("a").fullmatch("A")


def test_importing_the_ask_path_compiles_no_regex():
    code = ("import re\nseen = []\norig = re._compile\n"
            "re._compile = lambda p, f: seen.append(p) or orig(p, f)\n"
            "import partykg.cli.main, partykg.cli.query, partykg.ask.answer, partykg.store.cache\n"
            "import partykg.store.memo, partykg.ask.render, partykg.ask.render_intents\n"
            "print(seen)\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                       timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "[]"


@pytest.mark.parametrize("pattern, want", [
    (r"\bwho (?:chairs|chaired)\b", ["who chair"]),  # the common prefix factored out
    (r"\b(?:replace|replaces|supersede)\b", ["replace", "replaces", "supersede"]),
    (r"\bDOC (?:\w+ )?(?:replaces|supersedes)\b", ["replaces", "supersedes"]),
    (r"(?:abc)?xy", ["xy"]),
    (r"(?:abc)*", None),
    (r"(?:abc){0,2}z", ["z"]),
    (r"(?:abc)+", ["abc"]),
    (r"(?:abc|d?)", None),  # a branch that needs nothing
    (r"[ab]c", ["c"]),
    (r"(?i)abc", None),  # a flag: a literal may match other cases
    (r"(?i:abc)d", ["d"]),
    (r"(?<=x)yz", ["yz"]),  # a lookbehind is not part of the match
    (r"(?=abc)", None),
    (r".*", None),
    (r"a.b", ["a"]),
])
def test_the_strings_a_regex_needs(pattern, want):
    assert cuefilter.literals(pattern) == want


def test_the_strings_are_in_every_match_of_random_texts():
    import random

    rng = random.Random(5)
    cues = lexicon.cues()
    patterns = sorted({p for rule in cues["intents"] for ps in rule["cues"].values() for p in ps})
    words = sorted({w for p in patterns for w in re.findall(r"[a-zA-Z]+", p)})
    needs = [(re.compile(p), cuefilter.literals(p)) for p in patterns]
    for _ in range(300):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 8)))
        for rx, need in needs:
            m = rx.search(text)
            if m and need is not None:
                assert any(s in m.group() for s in need), (rx.pattern, text)


def test_the_literals_file_is_current():
    with open(cuefilter.LITERALS_FILE, encoding="utf-8") as f:
        kept = json.load(f)["literals"]
    assert kept == cuefilter.generate(lexicon.cues())
    r = subprocess.run([sys.executable, str(ROOT / "scripts" / "cue_literals"), "--check"],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stdout + r.stderr


def _all_matches(index: int, lang: str, text: str) -> list[tuple]:
    out = []
    for p in lexicon.cues()["intents"][index]["cues"].get(lang, []):
        m = re.search(p, text)
        if m:
            out.append((p, m.span(), m.groupdict()))
    return out


def _hits(index: int, lang: str, text: str) -> list[tuple]:
    return [(m.re.pattern, m.span(), m.groupdict()) for m in lexicon.cue_hits(index, lang, text)]


@pytest.fixture(scope="module")
def bank_texts(seed_kg) -> list[str]:
    """The texts cue regexes are tried on (folded, mentions masked) for the dev banks."""
    from partykg.ask.mentions import find

    texts = []
    for bank in ("dev.json", "dev_wording.json", "dev_kinds.json"):
        for case in json.loads((DATA / "questions" / bank).read_text(encoding="utf-8")):
            found = find(seed_kg, case["q"])
            texts += [found.masked, re.sub(r"\bTYPE\b", "DOC", found.masked, count=1)]
    return sorted(set(texts))


def test_cue_hits_are_every_match_on_the_banks_questions(bank_texts):
    rules = lexicon.intent_rules()
    tried = 0
    for text in bank_texts:
        for n in range(len(rules)):
            for lang in lexicon.LANGS:
                want = _all_matches(n, lang, text)
                assert _hits(n, lang, text) == want, (n, lang, text)
                tried += bool(want)
    assert tried > 300  # the questions do match cue regexes


@pytest.mark.parametrize("forged", ["empty", "not a dict", "junk", "every pattern: a string",
                                    "every pattern: a list of no str", "every pattern: []",
                                    "every pattern: ['']"])
def test_a_bad_literals_table_only_costs_time(monkeypatch, bank_texts, forged):
    patterns = {p for rule in lexicon.intent_rules() for ps in rule["cues"].values() for p in ps}
    table = {"empty": {}, "junk": {"*": 1}, "every pattern: a string": {p: "zzz" for p in patterns},
             "every pattern: a list of no str": {p: [1, None] for p in patterns},
             "every pattern: []": {p: [] for p in patterns},
             "every pattern: ['']": {p: [""] for p in patterns}}.get(forged, forged)
    monkeypatch.setattr(lexicon, "cue_literals", lambda: table if type(table) is dict else {})
    for text in bank_texts[:60]:
        for n in range(len(lexicon.intent_rules())):
            assert _hits(n, "en", text) == _all_matches(n, "en", text)


def test_an_unreadable_literals_file_tries_every_regex(monkeypatch, tmp_path):
    from partykg.ask import cuefilter as cf

    lexicon.cue_literals.cache_clear()
    try:
        bad = tmp_path / "cue_literals.json"
        bad.write_text("{not json", encoding="utf-8")
        monkeypatch.setattr(cf, "LITERALS_FILE", str(bad))
        assert lexicon.cue_literals() == {}
        lexicon.cue_literals.cache_clear()
        monkeypatch.setattr(cf, "LITERALS_FILE", str(tmp_path / "missing.json"))
        assert lexicon.cue_literals() == {}
    finally:
        lexicon.cue_literals.cache_clear()


def test_the_vietnamese_letters_are_the_class_they_replace():
    rx = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]")
    for i in range(0x30000):
        c = chr(i)
        assert lexicon.has_vi_letters(c) == (rx.search(c) is not None), hex(i)
    assert lexicon.has_vi_letters("Chỉ thị 51") and not lexicon.has_vi_letters("Directive 51")


def test_the_top_group_start_kept_with_the_plans_is_the_scanned_one(monkeypatch):
    from partykg.store import queries, sparql

    for q in queries.library(ROOT):
        try:
            want = sparql.top_group_start(q.text)
        except sparql.BindError:
            continue
        assert sparql.top_start(q.text) == want, q.name
        assert sparql.MADE_PLANS[(q.text, ())] == [(want, ())]
    # a kept plan out of range is not used (memo.py checks its CRC; this, its sense)
    text = queries.load("replaced-by", ROOT).text
    monkeypatch.setitem(sparql.KEPT_PLANS, (text, ()), [(len(text) + 5, ())])
    assert sparql.top_start(text) == sparql.top_group_start(text)


def test_the_local_name_of_an_iri_is_what_the_regex_split_gave():
    from partykg.ask.resolve import _local

    for iri in ["https://w3id.org/partykg/ontology#Document", "https://w3id.org/partykg/id/body/x",
                "a#b/c", "x#y#z/w", "plain", "/", "#", "ends/", "", "http://x/y#"]:
        assert _local(iri) == re.split(r"[#/]", iri)[-1], iri


def _lazy_patterns() -> list[tuple[str, LazyPattern]]:
    import importlib

    out = []
    for name in ("partykg.ask.intents", "partykg.ask.mentions", "partykg.ask.names",
                 "partykg.ask.resolve", "partykg.store.queries", "partykg.store.sparql",
                 "partykg.model.ids"):
        module = importlib.import_module(name)
        out += [(f"{name}.{k}", v) for k, v in vars(module).items() if isinstance(v, LazyPattern)]
    return out


def test_the_strings_a_lazy_pattern_needs_are_in_every_match():
    declared = [(name, lz) for name, lz in _lazy_patterns() if lz.needs]
    assert len(declared) >= 4
    for name, lz in declared:
        assert all(type(s) is str and s for s in lz.needs), name
        need = cuefilter.literals(lz.pattern)
        assert need is not None and not lz._flags, name
        # every match holds a string of `need`, and each of those holds a declared string
        assert all(any(d in s for d in lz.needs) for s in need), (name, need, lz.needs)


def test_a_lazy_pattern_without_its_strings_answers_no_match_uncompiled():
    pattern = r"(?<![\w/])(\d+)\s*/\s*([a-z]+)"
    lz, rx = lazy(pattern, needs=("/",)), re.compile(pattern)
    for text in ["what replaces directive 51", "no digits here", ""]:
        assert lz.search(text) is None and lz.match(text) is None and lz.fullmatch(text) is None
        assert list(lz.finditer(text)) == [] and lz.findall(text) == []
        assert lz.sub("X", text) == text and lz.split(text) == rx.split(text)
    assert lz._compiled is None
    for text in ["directive 51/ct", "51 / tw and 7/qd", "a/b"]:
        assert [m.span() for m in lz.finditer(text)] == [m.span() for m in rx.finditer(text)]
        assert lz.sub("X", text, count=1) == rx.sub("X", text, count=1)
        assert lz.search(text, 2) is None if rx.search(text, 2) is None else \
            lz.search(text, 2).span() == rx.search(text, 2).span()
    assert lz._compiled is not None
