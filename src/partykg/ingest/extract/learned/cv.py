"""Leave-one-set-out cross-validation of the learned relation scorer (helper xlearn9): for each
gold set S, a model trained on the other sets, the extractor run on S with it, scored by the
gold scorer (:func:`partykg.ingest.extract_eval.score`), next to the rules alone.

Three readings per fold: the rules alone; rules + learned as a fallback (relations only between
documents the rules left unrelated); the learned scorer alone (every candidate pair, the rules'
relations and mergers left out: how far learning alone generalises to an unseen set). The
threshold is fixed a priori (:data:`.model.DEFAULT_THRESHOLD`), and chosen again by a nested
leave-one-set-out inside the training sets (``nested``), never by looking at S."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from partykg.ingest.extract.learned.model import DEFAULT_THRESHOLD, RULE
from partykg.ingest.extract.learned.train import Example, examples_of, train

THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
VETOES = (0.01, 0.05, 0.1, 0.2)  # a rule's relation the model gives less than this is dropped


def _vetoed(ex, model, trace, v: float) -> list:
    """The rules' document relations (the learned ones left out) minus those the model reads
    on some candidate pair of their two documents and gives, on every such pair, a probability
    below ``v`` (a filter: the rules' relations with no candidate pair are kept)."""
    doc_of = ex.document_of_mention()
    best: dict[tuple[str, str, str], float] = {}
    for a, b, p in trace:
        da, db = doc_of.get(a), doc_of.get(b)
        if da is None or db is None or da == db:
            continue
        for k, cls in enumerate(model.classes[1:], 1):
            kind, fwd = cls[:-1], cls[-1] == ">"
            key = (kind, da, db) if fwd else (kind, db, da)
            best[key] = max(best.get(key, 0.0), p[k])
    return [r for r in ex.doc_relations if r.rule != RULE
            and best.get((r.kind, r.source, r.target), 1.0) >= v]


def _only(ex, rels, mergers=True):
    return dataclasses.replace(ex, doc_relations=rels,
                               doc_mergers=ex.doc_mergers if mergers else [])


READINGS = ("fallback", "residual", "alone")


def models_for(examples: list[Example]) -> dict[str, object]:
    """The fold's models: ``fallback`` and ``alone`` trained on every candidate pair,
    ``residual`` on the pairs the rules leave alone (:func:`.train.train`)."""
    every = train(examples, residual=False)
    return {"fallback": every, "residual": train(examples, residual=True), "alone": every}


def run_fold(models: dict[str, object], golds) -> dict[str, list[int]]:
    """Counts (tp, fp, fn) of the articles ``golds`` per reading and threshold (key
    ``READING@T``), and of the rules alone (``rules``). ``fallback`` and ``residual`` add the
    model's relations between documents the rules left unrelated; ``alone`` scores the model's
    relations only (every candidate pair, the rules' relations and mergers left out)."""
    from partykg.ingest.extract import extract
    from partykg.ingest.extract_eval import score
    out: dict[str, list[int]] = {}

    def add(key, sc):
        c = out.setdefault(key, [0, 0, 0])
        c[0] += sc.relations.tp
        c[1] += sc.relations.fp
        c[2] += sc.relations.fn

    lo = min(THRESHOLDS)
    for g in golds:
        add("rules", score(extract(g.text, g.lang), g))
        for name, model in models.items():
            model.threshold, model.alone = lo, name == "alone"
            model.trace = [] if name == "fallback" else None
            try:
                ex = extract(g.text, g.lang, learned=model)
            finally:
                model.alone = False
            if name == "fallback":
                for v in VETOES:
                    add(f"veto@{v}", score(_only(ex, _vetoed(ex, model, model.trace, v)), g))
                model.trace = None
            for t in THRESHOLDS:
                if name == "alone":
                    rels = [r for r in ex.doc_relations if r.rule == RULE and (r.prob or 0) >= t]
                    add(f"{name}@{t}", score(_only(ex, rels, mergers=False), g))
                else:
                    rels = [r for r in ex.doc_relations if r.rule != RULE or (r.prob or 0) >= t]
                    add(f"{name}@{t}", score(_only(ex, rels), g))
    return out


def _f1(c) -> float:
    tp, fp, fn = c
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def cross_validate(sets: list[str], gold_root: Path, root: Path, nested: bool = True,
                   log=None) -> dict[str, dict[str, list[int]]]:
    """Per held-out set: its counts (see :func:`run_fold`), plus ``nested-R`` (reading R at
    the threshold a leave-one-set-out inside the training sets chose by F1, the higher on a
    tie; its value in ``chosen-R``)."""
    from partykg.ingest.extract_eval import load_all
    examples: dict[str, list[Example]] = {s: examples_of(gold_root / s, root) for s in sets}
    golds = {s: load_all(gold_root / s, root) for s in sets}
    results: dict[str, dict[str, list[int]]] = {}
    for s in sets:
        res = run_fold(models_for([e for o in sets if o != s for e in examples[o]]), golds[s])
        if nested:
            inner: dict[str, list[int]] = {}
            for o in sets:
                if o == s:
                    continue
                ms = models_for([e for x in sets if x not in (s, o) for e in examples[x]])
                ms.pop("alone")
                for k, c in run_fold(ms, golds[o]).items():
                    acc = inner.setdefault(k, [0, 0, 0])
                    for i in range(3):
                        acc[i] += c[i]
            for name in ("fallback", "residual"):
                best = max(THRESHOLDS, key=lambda t: (_f1(inner[f"{name}@{t}"]), t))
                res[f"nested-{name}"] = list(res[f"{name}@{best}"])
                res[f"chosen-{name}"] = [best, 0, 0]
        results[s] = res
        if log:
            log(s, res)
    return results


def totals(results: dict[str, dict[str, list[int]]]) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for res in results.values():
        for k, c in res.items():
            if k.startswith("chosen"):
                continue
            acc = out.setdefault(k, [0, 0, 0])
            for i in range(3):
                acc[i] += c[i]
    return out


def chosen(results: dict[str, dict[str, list[int]]], reading: str = "fallback") -> float:
    """The threshold whose rules + learned totals over all folds have the best F1."""
    tot = totals(results)
    return max(THRESHOLDS, key=lambda t: (_f1(tot[f"{reading}@{t}"]), t))


def pr(c) -> str:
    tp, fp, fn = c
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return f"{tp}/{fp}/{fn} | {p:.2f} | {r:.2f}"


def table(results: dict[str, dict[str, list[int]]], threshold: float = DEFAULT_THRESHOLD) -> str:
    """The per-fold table (at ``threshold``, and at the nested choice when there is one) and
    the totals at every threshold."""
    nested = all("nested-fallback" in r for r in results.values())
    head = (f"| held-out set | rules tp/fp/fn | P | R | rules+learned @{threshold} | P | R | "
            + ("t (nested) | rules+learned @t | P | R | " if nested else "")
            + f"rules+residual @{threshold} | P | R | learned alone @{threshold} | P | R |")
    rows = [head, "|" + "---|" * (head.count("|") - 1)]
    for s, r in list(results.items()) + [("**total**", totals(results))]:
        nest = ""
        if nested:
            t = r["chosen-fallback"][0] if "chosen-fallback" in r else "-"
            nest = f"{t} | {pr(r['nested-fallback'])} | "
        rows.append(f"| {s} | {pr(r['rules'])} | {pr(r[f'fallback@{threshold}'])} | {nest}"
                    f"{pr(r[f'residual@{threshold}'])} | {pr(r[f'alone@{threshold}'])} |")
    tot = totals(results)
    rows += ["", "| threshold (totals) | rules+learned tp/fp/fn | P | R | rules+residual | P | R "
             "| learned alone | P | R |", "|" + "---|" * 10]
    for t in THRESHOLDS:
        rows.append(f"| {t} | {pr(tot[f'fallback@{t}'])} | {pr(tot[f'residual@{t}'])} | "
                    f"{pr(tot[f'alone@{t}'])} |")
    if nested:
        rows.append(f"| nested (per fold) | {pr(tot['nested-fallback'])} | "
                    f"{pr(tot['nested-residual'])} | - | - | - |")
    rows += ["", "| veto: the rules' relations the model gives less than (totals) | tp/fp/fn | P "
             "| R |", "|---|---|---|---|"]
    for v in VETOES:
        rows.append(f"| {v} | {pr(tot[f'veto@{v}'])} |")
    rows += ["", f"threshold chosen over all folds (F1 of the rules+learned totals, the higher on "
                 f"a tie), for the shipped model: {chosen(results)}"]
    return "\n".join(rows)
