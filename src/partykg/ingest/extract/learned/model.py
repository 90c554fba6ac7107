"""The learned relation scorer at extraction time (helper xlearn9): a multinomial logistic
regression over the generic features of :mod:`.features`, its weights data (``relations.json``
beside this module, written by ``scripts/train_relations``). Pure Python.

Classes: ``none`` and, per relation kind, ``KIND>`` (the first mention of the pair is the
source) and ``KIND<`` (the second is). A pair the rules related (either way, any kind) is left
alone; a proposed ``replaces`` with a plan or draft word or a future/purpose cue in the clause
becomes ``plannedToReplace`` (a plan stays a plan). After grouping, a learned relation between
two documents the rules relate is dropped, and of several learned ones between two documents
the most probable is kept (:func:`settle`).
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

from partykg.errors import PartykgError
from partykg.ingest.extract.data import DocRelation, Relation
from partykg.ingest.extract.learned.features import Candidate, candidates

RULE = "learned"
FORMAT = "partykg-learned-relations/1"
DEFAULT_PATH = Path(__file__).with_name("relations.json")
DEFAULT_THRESHOLD = 0.5  # fixed before any cross-validation (the most probable class, 2 or more)


class ModelError(PartykgError, ValueError):
    """A model file that cannot be read."""


class Model:
    def __init__(self, classes: list[str], weights: dict[str, list[float]],
                 threshold: float = DEFAULT_THRESHOLD, meta: dict | None = None):
        if not classes or classes[0] != "none":
            raise ModelError("the first class must be 'none'")
        self.classes = classes
        self.weights = weights
        self.threshold = threshold
        self.meta = meta or {}
        self.alone = False  # (cross-validation) propose for every pair, the rules' too
        self.trace: list | None = None  # (cross-validation) (a, b, probabilities) of every pair

    def settle(self, rels: list[DocRelation]) -> list[DocRelation]:
        return settle(rels, keep_ruled=self.alone)

    def probs(self, features: list[str]) -> list[float]:
        s = [0.0] * len(self.classes)
        w = self.weights
        for f in features:
            row = w.get(f)
            if row is not None:
                for k, x in enumerate(row):
                    s[k] += x
        top = max(s)
        e = [math.exp(x - top) for x in s]
        z = sum(e)
        return [x / z for x in e]

    def decide(self, c: Candidate) -> tuple[str, bool, float] | None:
        """(kind, a is the source, probability) of the most probable relation class of a
        candidate when it beats ``none`` and the threshold, else None."""
        p = self.probs(c.features)
        k = max(range(len(p)), key=lambda i: (p[i], -i))
        if k == 0 or p[k] < self.threshold:
            return None
        kind, arrow = self.classes[k][:-1], self.classes[k][-1]
        if kind == "replaces" and c.plan:
            kind = "plannedToReplace"
        return kind, arrow == ">", p[k]

    def propose(self, text, sentences, mentions, relations, header, P) -> list[Relation]:
        related = {frozenset((r.source, r.target)) for r in relations}
        out: list[Relation] = []
        for c in candidates(text, sentences, mentions, header, P):
            if self.trace is not None:
                self.trace.append((c.a, c.b, self.probs(c.features)))
            if frozenset((c.a, c.b)) in related and not self.alone:
                continue
            d = self.decide(c)
            if d is None:
                continue
            kind, forward, p = d
            src, tgt = (c.a, c.b) if forward else (c.b, c.a)
            out.append(Relation(kind, src, tgt, c.sentence, c.cue, RULE, round(p, 3)))
        return out

    def to_json(self) -> dict:
        return {"format": FORMAT, **self.meta, "threshold": self.threshold,
                "classes": self.classes,
                "weights": {f: self.weights[f] for f in sorted(self.weights)}}


def from_json(data: dict) -> Model:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ModelError(f"not a learned relation model (format {FORMAT})")
    meta = {k: v for k, v in data.items() if k not in ("format", "threshold", "classes", "weights")}
    return Model(list(data["classes"]), {f: list(map(float, w)) for f, w in data["weights"].items()},
                 float(data.get("threshold", DEFAULT_THRESHOLD)), meta)


def load(path: Path) -> Model:
    try:
        return from_json(json.loads(Path(path).read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ModelError(f"cannot read the learned relation model {path}: {exc}") from exc


@lru_cache(maxsize=1)
def default_model() -> Model:
    return load(DEFAULT_PATH)


def settle(rels: list[DocRelation], keep_ruled: bool = False) -> list[DocRelation]:
    """The document relations with the learned ones between documents the rules relate dropped,
    and of several learned ones between two documents only the most probable; renumbered."""
    ruled = set() if keep_ruled else {frozenset((r.source, r.target)) for r in rels if r.rule != RULE}
    best: dict[frozenset, DocRelation] = {}
    for r in rels:
        if r.rule == RULE:
            k = frozenset((r.source, r.target))
            if k not in ruled and (k not in best or (r.prob or 0) > (best[k].prob or 0)):
                best[k] = r
    keep = {id(r) for r in best.values()}
    out = [r for r in rels if r.rule != RULE or id(r) in keep]
    for i, r in enumerate(out, 1):
        r.id = f"r{i}"
    return out
