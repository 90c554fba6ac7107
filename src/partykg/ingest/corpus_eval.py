"""Scoring the extractor's relations against the hand-curated graph, page by page.

Every real page kept in ``graph/corpus/STEM.txt`` has its facts curated by hand into the graph
(``graph/sources/STEM.trig``, CSV imports, reference files), each with a ``pk:Evidence`` node
quoting the page (``prov:wasQuotedFrom <source/STEM>``). The relations between documents stated
there are a large gold-like set of real relations. This module runs the extractor on each page,
links its documents to the graph as ``partykg extract`` does (code key, type and number, issuer,
year; an unknown document gets the IRI ``accept`` would mint) and compares the relations.

Counting rules (also printed by scripts/eval_corpus):

Gold: for a page, every evidenced statement ``S P O`` quoted from that page whose predicate is
a document relation. The kinds the extractor proposes (replaces, plannedToReplace, amends,
implements, guides, continues, and basedOn from a document's preamble "Căn cứ …" / "Pursuant
to …") are scored, overall and without basedOn (the row the earlier figures compare with); the
others the curators recorded (cites, proposes, inConjunctionWith, ...) are counted apart as "not
expressible" and are not in P/R.
A predicted relation maps each end to a set of IRIs: the one linked document, every candidate of
an ambiguous one, or the IRI proposed for a new one. It matches a gold relation of the same kind
(replaces and plannedToReplace differ) when the gold subject is in the first set and the gold
object in the second. Precision = predicted relations that match / predicted relations (one
prediction per kind and pair of ends); recall = gold relations matched / gold relations.

Limits: the curated graph is not exhaustive (a curator may have left out a relation a page
states, so some "false positives" are true), some pages were curated with the help of the
extractor of their time (their gold may share its blind spots), and a relation stated on a page
but curated from another page is not expected from this one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

RULES = __doc__.split("Counting rules (also printed by scripts/eval_corpus):", 1)[1].strip()
BASE = "https://w3id.org/partykg/id/"
PK = "https://w3id.org/partykg/ontology#"
SCORED = ("replaces", "plannedToReplace", "amends", "implements", "guides", "continues",
          "basedOn")
# document-to-document relations the curators may record that the extractor does not propose
OTHER = ("cites", "proposes", "inConjunctionWith", "concretizes", "supersededBy")

_GOLD_Q = """SELECT DISTINCT ?src ?p ?s ?o ?quote WHERE {
  ?e a pk:Evidence ; prov:wasQuotedFrom ?src ; rdf:predicate ?p ; rdf:subject ?s ; rdf:object ?o .
  OPTIONAL { ?e pk:quote ?quote }
  ?s pk:documentType ?ts . ?o pk:documentType ?to . }"""


@dataclass
class PageScore:
    stem: str
    lang: str
    gold: set[tuple[str, str, str]] = field(default_factory=set)
    other: set[tuple[str, str, str]] = field(default_factory=set)
    predicted: list[tuple[str, frozenset, frozenset, str]] = field(default_factory=list)
    tp_pred: int = 0
    matched_gold: set[tuple[str, str, str]] = field(default_factory=set)
    quotes: dict[tuple[str, str, str], str] = field(default_factory=dict)
    error: str | None = None
    elsewhere: set[tuple[str, str, str]] = field(default_factory=set)  # held from other sources

    @property
    def false_positives(self):
        return [p for p in self.predicted if not self._hit(p)]

    @property
    def misses(self):
        return sorted(self.gold - self.matched_gold)

    def _hit(self, p) -> bool:
        kind, ss, os_, _ = p
        return any(k == kind and s in ss and o in os_ for k, s, o in self.gold)


def gold_relations(kg) -> dict[str, dict[tuple[str, str, str], str]]:
    """Per source stem, the evidenced document relations quoted from it (with one quote)."""
    out: dict[str, dict[tuple[str, str, str], str]] = {}
    for row in kg.select(_GOLD_Q):
        src, p = row["src"].value, row["p"].value
        if not src.startswith(BASE + "source/") or not p.startswith(PK):
            continue
        stem = src[len(BASE + "source/"):]
        kind = p[len(PK):]
        if kind not in SCORED and kind not in OTHER:
            continue
        key = (kind, row["s"].value, row["o"].value)
        quote = row["quote"].value if row["quote"] is not None else ""
        out.setdefault(stem, {}).setdefault(key, quote)
    return out


_HELD_Q = """SELECT DISTINCT ?p ?s ?o WHERE {
  ?s ?p ?o . ?s pk:documentType ?ts . ?o pk:documentType ?to . }"""


def held_relations(kg) -> set[tuple[str, str, str]]:
    """Every document relation the graph holds, whatever page it was quoted from."""
    out = set()
    for row in kg.select(_HELD_Q):
        p = row["p"].value
        if p.startswith(PK) and p[len(PK):] in SCORED + OTHER:
            out.add((p[len(PK):], row["s"].value, row["o"].value))
    return out


def _ends(doc) -> frozenset:
    if doc.link in ("linked", "ambiguous"):
        return frozenset(doc.matches)
    return frozenset([doc.proposed] if doc.proposed else [])


def score_page(path: Path, kg, gold: dict[tuple[str, str, str], str]) -> PageScore:
    from partykg.ingest.candidates import build
    from partykg.ingest.extract import ExtractError, extract, read_article

    stem = path.stem
    side = path.with_suffix(".json")
    lang = "auto"
    if side.is_file():
        try:
            lang = json.loads(side.read_text(encoding="utf-8")).get("language") or "auto"
        except ValueError:
            pass
    ps = PageScore(stem, lang if lang != "auto" else "?")
    ps.quotes = dict(gold)
    ps.gold = {k for k in gold if k[0] in SCORED}
    ps.other = {k for k in gold if k[0] not in SCORED}
    try:
        text, _ = read_article(path)
        ex = extract(text, lang)
    except ExtractError as e:
        ps.error = str(e)
        return ps
    ps.lang = ex.lang
    cs = build(ex, stem=stem, kg=kg)
    seen = set()
    for r in cs.relations:
        p = (r.kind, _ends(cs.doc(r.source)), _ends(cs.doc(r.target)))
        if p in seen:
            continue
        seen.add(p)
        ps.predicted.append(p + ((r.sentences[0] if r.sentences else ""),))
    for p in ps.predicted:
        hits = {g for g in ps.gold if g[0] == p[0] and g[1] in p[1] and g[2] in p[2]}
        if hits:
            ps.tp_pred += 1
            ps.matched_gold |= hits
    return ps


def corpus_pages(root: Path, stems: set[str] | None = None) -> list[Path]:
    pages = sorted((root / "graph" / "corpus").glob("*.txt"))
    return [p for p in pages if stems is None or p.stem in stems]


def evaluate(root: Path, kg, only_with_gold: bool = False,
             langs: set[str] | None = None) -> list[PageScore]:
    """Score the corpus pages (those with curated relations only, if asked; those whose
    language, as the extractor reads it, is in ``langs``, if given)."""
    gold = gold_relations(kg)
    held = held_relations(kg)
    out = []
    for path in corpus_pages(root):
        g = gold.get(path.stem, {})
        if only_with_gold and not g:
            continue
        ps = score_page(path, kg, g)
        if langs and ps.lang not in langs:
            continue
        ps.elsewhere = held
        out.append(ps)
    return out


def held_elsewhere(ps: PageScore, p) -> bool:
    """A prediction the page's curated graph lacks but the graph holds from another page."""
    kind, ss, os_, _ = p
    return any(k == kind and s in ss and o in os_ for k, s, o in ps.elsewhere)


def _pr(tp_p: int, n_p: int, tp_g: int, n_g: int) -> str:
    p = f"{tp_p / n_p:.2f}" if n_p else "-"
    r = f"{tp_g / n_g:.2f}" if n_g else "-"
    return f"{p} | {r} | {tp_p}/{n_p - tp_p}/{n_g - tp_g}"


def table(scores: list[PageScore]) -> str:
    """P/R per language and per kind (tp/fp/fn), and the relations not expressible."""
    lines = ["| group | pages | P | R | tp/fp/fn |", "|---|---|---|---|---|"]
    groups: dict[str, list[PageScore]] = {}
    for s in scores:
        groups.setdefault(f"lang {s.lang}", []).append(s)
    for name in sorted(groups) + ["all"]:
        ss = scores if name == "all" else groups[name]
        n_p = sum(len(s.predicted) for s in ss)
        tp_p = sum(s.tp_pred for s in ss)
        n_g = sum(len(s.gold) for s in ss)
        tp_g = sum(len(s.matched_gold) for s in ss)
        lines.append(f"| {name} | {len(ss)} | {_pr(tp_p, n_p, tp_g, n_g)} |")
    if any(g[0] == "basedOn" for s in scores for g in s.gold):
        ss = [(p, s) for s in scores for p in s.predicted if p[0] != "basedOn"]
        n_p, tp_p = len(ss), sum(1 for p, s in ss if s._hit(p))
        n_g = sum(1 for s in scores for g in s.gold if g[0] != "basedOn")
        tp_g = sum(1 for s in scores for g in s.matched_gold if g[0] != "basedOn")
        lines.append(f"| all but basedOn | {len(scores)} | {_pr(tp_p, n_p, tp_g, n_g)} |")
    for kind in SCORED:
        n_p = sum(1 for s in scores for p in s.predicted if p[0] == kind)
        tp_p = sum(1 for s in scores for p in s.predicted if p[0] == kind and s._hit(p))
        n_g = sum(1 for s in scores for g in s.gold if g[0] == kind)
        tp_g = sum(1 for s in scores for g in s.matched_gold if g[0] == kind)
        if n_p or n_g:
            lines.append(f"| kind {kind} | | {_pr(tp_p, n_p, tp_g, n_g)} |")
    other: dict[str, int] = {}
    for s in scores:
        for k, _, _ in s.other:
            other[k] = other.get(k, 0) + 1
    if other:
        lines.append("\nnot expressible by the extractor (not in P/R): "
                     + ", ".join(f"{k} {n}" for k, n in sorted(other.items())))
    refused = [s.stem for s in scores if s.error]
    lines.append(f"pages refused by the extractor: {len(refused)}"
                 + (f" ({', '.join(refused)})" if refused else ""))
    return "\n".join(lines)


def _short(iri: str) -> str:
    return iri[len(BASE):] if iri.startswith(BASE) else iri


def errors(scores: list[PageScore]) -> str:
    """Every miss and unmatched prediction; "FP*" marks one the graph holds from another page."""
    out = [f"unmatched predictions: {sum(len(s.false_positives) for s in scores)}, of which "
           f"the graph holds from another page (FP*): "
           f"{sum(held_elsewhere(s, p) for s in scores for p in s.false_positives)}"]
    for s in scores:
        fps, misses = s.false_positives, s.misses
        if not fps and not misses and not s.error:
            continue
        out.append(f"{s.stem} ({s.lang}):")
        if s.error:
            out.append(f"  refused: {s.error}")
        for k, a, b in misses:
            q = " ".join(s.quotes.get((k, a, b), "").split())[:220]
            out.append(f"  MISS {k} {_short(a)} -> {_short(b)}\n       \"{q}\"")
        for p in fps:
            k, a, b, sent = p
            ends = lambda xs: "|".join(sorted(_short(x) for x in xs)) or "?"  # noqa: E731
            tag = "FP*" if held_elsewhere(s, p) else "FP "
            out.append(f"  {tag} {k} {ends(a)} -> {ends(b)}\n       \"{' '.join(sent.split())[:220]}\"")
    return "\n".join(out)
