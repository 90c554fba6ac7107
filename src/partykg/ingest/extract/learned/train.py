"""Training the learned relation scorer (helper xlearn9): candidates of the extractor's own
mentions labelled from the gold (the scorer's own mapping of predicted documents to gold
documents, :func:`partykg.ingest.extract_eval.document_map`), then a multinomial logistic
regression by averaged stochastic gradient descent, deterministic (data in a fixed order, a
seeded shuffle, rounded weights). Pure Python."""

from __future__ import annotations

import json
import math
import random
from dataclasses import dataclass
from pathlib import Path

from partykg.ingest.extract.learned.features import Candidate, candidates
from partykg.ingest.extract.learned.model import Model

KINDS = ("replaces", "plannedToReplace", "amends", "implements", "guides", "continues")
CLASSES = ["none"] + [f"{k}{a}" for k in KINDS for a in "><"]
MIN_COUNT = 2  # a feature seen in fewer training candidates is left out
EPOCHS = 6
RATE = 0.2
L2 = 1e-5
SEED = 13
# the shipped model's threshold: the one leave-one-set-out cross-validation over DEV_SETS chooses
# by F1 of rules + learned (scripts/cv_relations: "chosen over all folds"; docs/log/extraction.md)
CV_THRESHOLD = 0.9
# the development gold sets (tests/data/gold/NAME) the shipped model is trained on and the
# cross-validation runs over; the held-out set is never one of them
DEV_SETS = ("real_dev", "real_dev_la", "real_dev_lb", "real_dev_lc", "real_dev_ld", "real_dev_le",
            "real_dev_lf", "real_dev_lg", "real_dev_m", "real_dev_r", "real_heldout",
            "real_heldout_e", "real_heldout_h", "real_heldout_i", "real_heldout_j",
            "real_heldout_k", "real_heldout_n", "real_heldout_o")


@dataclass
class Example:
    key: tuple  # (set, file, a, b): the order
    features: list[str]
    label: str
    residual: bool = True  # the rules relate neither the pair nor its two documents


class Recorder:
    """Stands in for a model in :func:`partykg.ingest.extract.extract`: records the article's
    candidates (with the rules' relations as they are), proposes nothing."""

    def __init__(self):
        self.cands: list[Candidate] = []

    def settle(self, rels):
        return rels

    def propose(self, text, sentences, mentions, relations, header, P):
        self.cands = candidates(text, sentences, mentions, header, P)
        self.related = {frozenset((r.source, r.target)) for r in relations}
        return []


def label(ex, gold, cands: list[Candidate]) -> list[str]:
    """Each candidate's class from the gold: the gold relation between the gold documents its
    two mentions map to (through their predicted document, else their own span), with its
    direction, or ``none``."""
    from partykg.ingest.extract_eval import document_map, gold_document
    dmap = document_map(ex, gold)
    doc_of = ex.document_of_mention()

    def gdoc(i: int) -> str | None:
        d = doc_of.get(i)
        if d is not None:
            return dmap.get(d)
        m = ex.mentions[i]
        return gold_document([(m.start, m.end)], gold)

    rel: dict[tuple[str, str], str] = {}
    for r in gold.relations:
        if r["kind"] in KINDS and (r["from"], r["to"]) not in rel:
            rel[(r["from"], r["to"])] = r["kind"]
    out = []
    for c in cands:
        ga, gb = gdoc(c.a), gdoc(c.b)
        if ga is None or gb is None or ga == gb:
            out.append("none")
        elif (ga, gb) in rel:
            out.append(rel[(ga, gb)] + ">")
        elif (gb, ga) in rel:
            out.append(rel[(gb, ga)] + "<")
        else:
            out.append("none")
    return out


def examples_of(gold_dir: Path, root: Path) -> list[Example]:
    """The labelled candidates of every article of a gold folder."""
    from partykg.ingest.extract import extract
    from partykg.ingest.extract_eval import load_all
    out: list[Example] = []
    for g in load_all(gold_dir, root):
        rec = Recorder()
        ex = extract(g.text, g.lang, learned=rec)
        doc_of = ex.document_of_mention()
        pairs = {frozenset((r.source, r.target)) for r in ex.doc_relations}
        for c, y in zip(rec.cands, label(ex, g, rec.cands)):
            res = frozenset((c.a, c.b)) not in rec.related and frozenset(
                (doc_of.get(c.a, -1), doc_of.get(c.b, -2))) not in pairs
            out.append(Example((gold_dir.name, g.path.name, c.a, c.b, c.header), c.features, y,
                               res))
    return out


def train(examples: list[Example], residual: bool = True, seed: int = SEED, epochs: int = EPOCHS,
          meta: dict | None = None) -> Model:
    """A multinomial logistic regression over the examples (averaged SGD, L2), deterministic.
    ``residual``: trained on the pairs the rules leave alone (neither the pair nor its documents
    related: what the model sees as a fallback after the rules); without, on every pair (the
    model reading the text alone)."""
    exs = sorted(examples, key=lambda e: e.key)
    if residual:
        exs = [e for e in exs if e.residual]
    count: dict[str, int] = {}
    for e in exs:
        for f in set(e.features):
            count[f] = count.get(f, 0) + 1
    keep = {f for f, n in count.items() if n >= MIN_COUNT}
    data = [([f for f in dict.fromkeys(e.features) if f in keep], CLASSES.index(e.label))
            for e in exs]
    C = len(CLASSES)
    w: dict[str, list[float]] = {f: [0.0] * C for f in sorted(keep)}
    u: dict[str, list[float]] = {f: [0.0] * C for f in sorted(keep)}  # for the average
    rng = random.Random(seed)
    order = list(range(len(data)))
    t = 1
    for ep in range(epochs):
        rng.shuffle(order)
        rate = RATE / (1 + ep)
        for n in order:
            feats, y = data[n]
            rows = [w[f] for f in feats]
            s = [sum(col) for col in zip(*rows)] if rows else [0.0] * C
            top = max(s)
            e = [math.exp(x - top) for x in s]
            z = sum(e)
            g = [x / z for x in e]
            g[y] -= 1.0
            upd = [(k, rate * gk) for k, gk in enumerate(g) if gk > 1e-4 or gk < -1e-4]
            if upd:
                for f, row in zip(feats, rows):
                    ur = u[f]
                    for k, d in upd:
                        row[k] -= d
                        ur[k] -= t * d
            t += 1
    # the averaged weights, lightly shrunk (L2 once, on the average), rounded
    out: dict[str, list[float]] = {}
    shrink = 1.0 / (1.0 + L2 * len(data))
    for f in sorted(keep):
        row = [round((a - b / t) * shrink, 4) for a, b in zip(w[f], u[f])]
        if any(row):
            out[f] = [x + 0.0 for x in row]
    meta = {**(meta or {}), "residual": residual}
    return Model(list(CLASSES), out, meta=meta)


def train_sets(sets, gold_root: Path, root: Path, residual: bool = False,
               threshold: float | None = None) -> Model:
    """The model of the gold sets ``sets`` (folders under ``gold_root``), as shipped."""
    exs = [e for s in sorted(sets) for e in examples_of(gold_root / s, root)]
    model = train(exs, residual=residual, meta={"trained_on": sorted(sets), "epochs": EPOCHS,
                                                "seed": SEED, "min_count": MIN_COUNT})
    model.threshold = CV_THRESHOLD if threshold is None else threshold
    return model


def dumps(model: Model) -> str:
    """The model's JSON text, the same for the same model (sorted keys, one feature a line)."""
    d = model.to_json()
    weights = d.pop("weights")
    head = json.dumps(d, ensure_ascii=False, sort_keys=True, indent=1)[:-2]
    rows = ",\n".join(f"  {json.dumps(f, ensure_ascii=False)}: {json.dumps(w)}"
                       for f, w in sorted(weights.items()))
    return head + ',\n "weights": {\n' + rows + "\n }\n}\n"
