"""Scoring the extractor against the hand-made gold annotation (tests/data/gold/*.json).

Counting rules (also printed by scripts/eval_extract):

Mentions. The extractor's mentions are those of the documents it keeps (a mention with neither
number nor code is kept only when it takes part in a relation or decides a merger, as in the
gold; an unnumbered reference such as "the Resolution" grouped into a numbered document is not
scored, since the gold lists numbered documents' references by code or number only). A predicted mention matches a gold mention when their character spans overlap AND the
type is the same AND the number is the same (leading zeros ignored; both absent counts as the
same) AND the code is the same (compared by its lookup key: case, spaces and Đ/D ignored; both
absent counts as the same). Matching is one-to-one. Precision = matched / predicted, recall =
matched / gold. Gold written before the document-type scheme had laws, decrees, circulars and
official letters (2026-11-30) types them `unclassified`, the scheme's concept for a type it
lacks; such a gold mention matches a predicted law, decree, circular or official letter.

Relations. Gold relations are between gold documents (each gold mention belongs to one gold
document). A predicted document maps to a gold document when its mentions overlap gold mentions
of exactly that one gold document (span overlap only, attributes ignored). A predicted relation
matches a gold relation when the kind is the same (replaces and plannedToReplace are different
kinds) and both ends map to the gold relation's ends, in the same direction. A merger is
counted by its deciding document (kind "merges", the gold document); a merger with no deciding
document matches a gold merger with none when one merged body is the same (body names compared
word by word, case, accents and "the/of/du/…" ignored). Each gold relation is matched at most
once; duplicates in the prediction count as false positives.

Relations of kinds outside the gold format's scope (basedOn, from a document's preamble "Căn
cứ …" / "Pursuant to …") are not counted: the gold does not annotate them.

Attributes (reported, not in P/R): for matched mentions whose gold gives a date, issuer or
subject, the share the extractor got right (date: equal ISO string; issuer: same national
body key, else same body words; subject: one contains the other after normalising case and
spaces, or they share at least half their words).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from partykg.ingest.extract import Extraction, body_key, extract, patterns

# Types the scheme gained on 2026-11-30: gold written before then types them "unclassified".
LATER_TYPES = frozenset({"law", "ordinance", "decree", "circular", "official-letter"})


def _same_type(predicted: str, gold: str) -> bool:
    """A predicted mention's type against the gold's (see the counting rules above)."""
    return predicted == gold or (gold == "unclassified" and predicted in LATER_TYPES)
from partykg.model.ids import code_key, fold, number_key

GOLD_KINDS = ("replaces", "plannedToReplace", "amends", "implements", "guides", "continues")
RULES = __doc__.split("Counting rules (also printed by scripts/eval_extract):", 1)[1].strip()


@dataclass
class GoldMention:
    id: str
    doc: str
    start: int
    end: int
    text: str
    type: str
    number: str | None
    code: str | None
    date: str | None
    issuer: str | None
    subject: str | None


@dataclass
class Gold:
    path: Path
    article: Path
    lang: str
    origin: str
    split: str
    text: str
    mentions: list[GoldMention]
    relations: list[dict]


class GoldError(ValueError):
    pass


def load_gold(path: Path, root: Path) -> Gold:
    data = json.loads(path.read_text(encoding="utf-8"))
    article = root / data["article"]
    text = article.read_text(encoding="utf-8")
    mentions = []
    for m in data["mentions"]:
        ctx = m.get("context", m["text"])
        occ = int(m.get("occurrence", 0))
        starts = [x.start() for x in re.finditer(re.escape(ctx), text)]
        if occ:
            if len(starts) < occ:
                raise GoldError(f"{path.name} {m['id']}: occurrence {occ} of {ctx!r} not found")
            cs = starts[occ - 1]
        else:
            if len(starts) != 1:
                raise GoldError(f"{path.name} {m['id']}: context {ctx!r} found {len(starts)} "
                                "times (must be unique)")
            cs = starts[0]
        inner = ctx.find(m["text"])
        if inner < 0:
            raise GoldError(f"{path.name} {m['id']}: text {m['text']!r} not in its context")
        s = cs + inner
        mentions.append(GoldMention(m["id"], m["doc"], s, s + len(m["text"]), m["text"],
                                    m["type"], m.get("number"), m.get("code"), m.get("date"),
                                    m.get("issuer"), m.get("subject")))
    docs = {m.doc for m in mentions}
    for r in data["relations"]:
        for k in ("from", "to", "doc"):
            if r.get(k) is not None and r[k] not in docs:
                raise GoldError(f"{path.name}: relation refers to unknown document {r[k]!r}")
    return Gold(path, article, data["lang"], data["origin"], data["split"], text, mentions,
                data["relations"])


def load_all(gold_dir: Path, root: Path) -> list[Gold]:
    return [load_gold(p, root) for p in sorted(gold_dir.glob("*.json"))]


# --- scoring -------------------------------------------------------------------------------------

@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, o: "Counts") -> None:
        self.tp += o.tp
        self.fp += o.fp
        self.fn += o.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass
class Score:
    mentions: Counts = field(default_factory=Counts)
    relations: Counts = field(default_factory=Counts)
    codes: Counts = field(default_factory=Counts)
    attrs: dict[str, list[int]] = field(default_factory=lambda: {
        "date": [0, 0], "issuer": [0, 0], "subject": [0, 0]})
    errors: list[str] = field(default_factory=list)

    def add(self, o: "Score") -> None:
        self.mentions.add(o.mentions)
        self.relations.add(o.relations)
        self.codes.add(o.codes)
        for k, (a, b) in o.attrs.items():
            self.attrs[k][0] += a
            self.attrs[k][1] += b
        self.errors += o.errors


def _overlap(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


def _nk(n: str | None) -> str | None:
    return number_key(n) if n else None


def _ck(c: str | None) -> str | None:
    return code_key(c) if c else None


def _norm_words(s: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", fold(s).lower())


def _subject_ok(pred: str | None, gold: str) -> bool:
    if not pred:
        return False
    p, g = " ".join(_norm_words(pred)), " ".join(_norm_words(gold))
    if p in g or g in p:
        return True
    pw, gw = set(p.split()), set(g.split())
    return len(pw & gw) >= max(1, len(gw) // 2)


def _issuer_ok(pred, gold: str) -> bool:
    if pred is None:
        return False
    if pred.key and pred.key == gold:
        return True
    return body_key(pred.text) == body_key(gold)


def gold_document(spans: list[tuple[int, int]], gold: Gold) -> str | None:
    """The gold document whose mentions the spans overlap, when exactly one (span overlap only,
    attributes ignored): how a predicted document maps to a gold document."""
    gdocs = {g.doc for s, e in spans for g in gold.mentions if _overlap(s, e, g.start, g.end)}
    return gdocs.pop() if len(gdocs) == 1 else None


def document_map(ex: Extraction, gold: Gold) -> dict[str, str]:
    """Predicted document id -> gold document, for the documents that map (the counting rules)."""
    out: dict[str, str] = {}
    for d in ex.documents:
        g = gold_document([(ex.mentions[i].start, ex.mentions[i].end) for i in d.mentions], gold)
        if g is not None:
            out[d.id] = g
    return out


def scored_mentions(ex: Extraction) -> list[tuple[int, object, object]]:
    """The predicted mentions the scorer counts: (mention index, mention, document), those of
    the documents kept, less the unnumbered references grouped into a numbered document."""
    # unnumbered references ("the Resolution") to a numbered document are not in the gold's
    # scope: they are not scored as mentions (they still map the document for relations)
    kept = [(i, d) for d in ex.documents for i in d.mentions
            if ex.mentions[i].strong or not d.strong]
    return [(i, ex.mentions[i], d) for i, d in kept]


def agrees(m, g: GoldMention) -> bool:
    """A predicted mention agrees with a gold one: same type, number and code (the rules)."""
    return (_same_type(m.type, g.type) and _nk(m.number) == _nk(g.number)
            and _ck(m.code) == _ck(g.code))


def match_mentions(ex: Extraction, gold: Gold):
    """(scored predictions, {prediction's mention index: gold mention index}): one to one."""
    preds = scored_mentions(ex)
    used_gold: set[int] = set()
    matched: dict[int, int] = {}
    for i, m, _d in sorted(preds, key=lambda t: t[1].start):
        for gi, g in enumerate(gold.mentions):
            if gi in used_gold or not _overlap(m.start, m.end, g.start, g.end):
                continue
            if agrees(m, g):
                used_gold.add(gi)
                matched[i] = gi
                break
    return preds, matched


def score(ex: Extraction, gold: Gold) -> Score:
    sc = Score()
    preds, matched = match_mentions(ex, gold)
    used_gold = set(matched.values())
    sc.codes = _codes(ex, gold)
    sc.mentions.tp = len(matched)
    sc.mentions.fp = len(preds) - len(matched)
    sc.mentions.fn = len(gold.mentions) - len(matched)
    for i, m, _d in preds:
        if i not in matched:
            sc.errors.append(f"  FP mention {m.text!r} ({m.type} {m.number} {m.code}) "
                             f"@{m.start}")
    for gi, g in enumerate(gold.mentions):
        if gi not in used_gold:
            sc.errors.append(f"  FN mention {g.id} {g.text!r} ({g.type} {g.number} {g.code})")
    # attributes of matched mentions
    for i, gi in matched.items():
        m, g = ex.mentions[i], gold.mentions[gi]
        if g.date:
            sc.attrs["date"][1] += 1
            sc.attrs["date"][0] += m.date == g.date
        if g.issuer:
            sc.attrs["issuer"][1] += 1
            ok = _issuer_ok(m.issuer, g.issuer)
            sc.attrs["issuer"][0] += ok
        if g.subject:
            sc.attrs["subject"][1] += 1
            sc.attrs["subject"][0] += _subject_ok(m.subject, g.subject)
    # documents: predicted doc -> gold doc (span overlap only)
    doc_map = document_map(ex, gold)
    gold_rel = []
    for r in gold.relations:
        if r["kind"] == "merges":
            gold_rel.append(("merges", r.get("doc"), None, r))
        else:
            gold_rel.append((r["kind"], r["from"], r["to"], r))
    used: set[int] = set()
    npred = 0
    for r in ex.doc_relations:
        if r.kind not in GOLD_KINDS:
            continue  # outside the gold's scope (basedOn: a document's preamble)
        npred += 1
        key = (r.kind, doc_map.get(r.source), doc_map.get(r.target))
        hit = next((k for k, g in enumerate(gold_rel) if k not in used and g[:3] == key), None)
        if hit is None:
            sc.errors.append(f"  FP relation {r.kind} {_dname(ex, r.source)} -> "
                             f"{_dname(ex, r.target)} (cue {r.cue!r})")
        else:
            used.add(hit)
    for mg in ex.doc_mergers:
        npred += 1
        gdoc = doc_map.get(mg.doc) if mg.doc else None
        hit = None
        for k, g in enumerate(gold_rel):
            if k in used or g[0] != "merges":
                continue
            if mg.doc and gdoc and g[1] == gdoc:
                hit = k
                break
            if not mg.doc and g[1] is None:
                gkeys = {body_key(b) for b in g[3]["merged"]}
                if {b.match_key for b in mg.merged} & gkeys or (
                        mg.into and body_key(g[3].get("into") or "") == mg.into.match_key):
                    hit = k
                    break
        if hit is None:
            sc.errors.append(f"  FP merger doc={_dname(ex, mg.doc) if mg.doc else None} "
                             f"merged={[b.text for b in mg.merged]} "
                             f"into={mg.into.text if mg.into else None}")
        else:
            used.add(hit)
    sc.relations.tp = len(used)
    sc.relations.fp = npred - len(used)
    sc.relations.fn = len(gold_rel) - len(used)
    for k, g in enumerate(gold_rel):
        if k not in used:
            sc.errors.append(f"  FN relation {g[0]} {g[1]} -> {g[2]}")
    return sc


def _codes(ex: Extraction, gold: Gold) -> Counts:
    """Codes alone, as issue 12's first target counts them: every code the extractor reads in
    the text (in any document, kept or not) against every gold mention that gives a code; a
    match is a span overlap with the same code key (type and number not compared)."""
    pred = sorted((m for m in ex.mentions if m.code), key=lambda m: m.start)
    golds = [g for g in gold.mentions if g.code]
    used: set[int] = set()
    for m in pred:
        for gi, g in enumerate(golds):
            if (gi not in used and _overlap(m.start, m.end, g.start, g.end)
                    and _ck(m.code) == _ck(g.code)):
                used.add(gi)
                break
    return Counts(len(used), len(pred) - len(used), len(golds) - len(used))


def _dname(ex: Extraction, doc_id: str | None) -> str:
    d = next((d for d in ex.documents if d.id == doc_id), None)
    return f"{doc_id}:{d.names[0]!r}" if d else str(doc_id)


def evaluate(golds: list[Gold], fallback: bool = False,
             learned=None) -> dict[tuple[str, str], Score]:
    """Scores keyed by (split, lang), plus ("all", lang), (split, "all") and ("all", "all").
    ``fallback``: with the generic relation fallback on (``partykg extract --fallback``);
    ``learned``: with a learned relation scorer (``partykg extract --learned``)."""
    out: dict[tuple[str, str], Score] = {}
    for g in golds:
        ex = extract(g.text, g.lang, fallback=fallback, learned=learned)
        sc = score(ex, g)
        sc.errors = [f"{g.path.name}:"] + sc.errors if sc.errors else []
        for key in ((g.split, g.lang), ("all", g.lang), (g.split, "all"), ("all", "all")):
            out.setdefault(key, Score()).add(sc)
    return out


def _pct(x: float) -> str:
    return f"{x:.2f}"


def table(scores: dict[tuple[str, str], Score]) -> str:
    rows = ["| set | lang | mentions P | mentions R | (tp/fp/fn) | relations P | relations R | "
            "(tp/fp/fn) | date | issuer | subject |",
            "|---|---|---|---|---|---|---|---|---|---|---|"]
    order = {"seed": 0, "dev": 1, "heldout": 2, "all": 3}
    lorder = {"en": 0, "fr": 1, "id": 2, "vi": 3, "all": 4}
    for (split, lang), s in sorted(scores.items(), key=lambda kv: (order.get(kv[0][0], 9),
                                                                    lorder.get(kv[0][1], 9))):
        m, r = s.mentions, s.relations
        att = " | ".join(f"{a}/{b}" if b else "-" for a, b in
                         (s.attrs["date"], s.attrs["issuer"], s.attrs["subject"]))
        rows.append(f"| {split} | {lang} | {_pct(m.precision)} | {_pct(m.recall)} | "
                    f"{m.tp}/{m.fp}/{m.fn} | {_pct(r.precision)} | {_pct(r.recall)} | "
                    f"{r.tp}/{r.fp}/{r.fn} | {att} |")
    return "\n".join(rows)


def codes_table(scores: dict[tuple[str, str], Score]) -> str:
    """Codes alone (issue 12's first target), every (set, language) of ``scores``; each row
    starts with "| codes |" so that it is never taken for a row of :func:`table`."""
    rows = ["| codes | set | lang | codes P | codes R | (tp/fp/fn) |", "|---|---|---|---|---|---|"]
    for (split, lang), s in sorted(scores.items()):
        c = s.codes
        rows.append(f"| codes | {split} | {lang} | {_pct(c.precision)} | {_pct(c.recall)} | "
                    f"{c.tp}/{c.fp}/{c.fn} |")
    return "\n".join(rows)


__all__ = ["load_gold", "load_all", "score", "gold_document", "document_map", "evaluate", "table",
           "codes_table", "RULES", "patterns"]
