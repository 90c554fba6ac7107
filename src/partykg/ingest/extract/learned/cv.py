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


def _only(ex, rels, mergers=True):
    return dataclasses.replace(ex, doc_relations=rels,
                               doc_mergers=ex.doc_mergers if mergers else [])


def run_fold(model, golds) -> dict:
    """Counts (tp, fp, fn) per reading and threshold for the articles ``golds``."""
    from partykg.ingest.extract import extract
    from partykg.ingest.extract_eval import score
    out: dict[str, list[int]] = {}

    def add(key, sc):
        c = out.setdefault(key, [0, 0, 0])
        c[0] += sc.relations.tp
        c[1] += sc.relations.fp
        c[2] += sc.relations.fn

    lo = model.threshold
    for g in golds:
        add("rules", score(extract(g.text, g.lang), g))
        exf = extract(g.text, g.lang, learned=model)
        model.alone = True
        try:
            exa = extract(g.text, g.lang, learned=model)
        finally:
            model.alone = False
        for t in THRESHOLDS:
            if t < lo:
                continue
            rf = [r for r in exf.doc_relations if r.rule != RULE or (r.prob or 0) >= t]
            add(f"fallback@{t}", score(_only(exf, rf), g))
            ra = [r for r in exa.doc_relations if r.rule == RULE and (r.prob or 0) >= t]
            add(f"alone@{t}", score(_only(exa, ra, mergers=False), g))
    return out


def _f1(c) -> float:
    tp, fp, fn = c
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def cross_validate(sets: list[str], gold_root: Path, root: Path, nested: bool = True,
                   log=None) -> dict[str, dict[str, list[int]]]:
    """Per held-out set: its counts (see :func:`run_fold`), plus ``nested@`` (the fallback at
    the threshold the inner cross-validation chose, its value in ``chosen``)."""
    from partykg.ingest.extract_eval import load_all
    examples: dict[str, list[Example]] = {s: examples_of(gold_root / s, root) for s in sets}
    golds = {s: load_all(gold_root / s, root) for s in sets}
    results: dict[str, dict[str, list[int]]] = {}
    for s in sets:
        train_ex = [e for o in sets if o != s for e in examples[o]]
        model = train(train_ex)
        model.threshold = min(THRESHOLDS)
        res = run_fold(model, golds[s])
        if nested:
            inner: dict[str, list[int]] = {}
            for o in sets:
                if o == s:
                    continue
                m = train([e for x in sets if x not in (s, o) for e in examples[x]])
                m.threshold = min(THRESHOLDS)
                for k, c in run_fold(m, golds[o]).items():
                    acc = inner.setdefault(k, [0, 0, 0])
                    for i in range(3):
                        acc[i] += c[i]
            best = max(THRESHOLDS, key=lambda t: (_f1(inner[f"fallback@{t}"]), t))
            res["nested"] = list(res[f"fallback@{best}"])
            res["chosen"] = [best, 0, 0]
        results[s] = res
        if log:
            log(s, res)
    return results


def totals(results: dict[str, dict[str, list[int]]]) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for res in results.values():
        for k, c in res.items():
            if k == "chosen":
                continue
            acc = out.setdefault(k, [0, 0, 0])
            for i in range(3):
                acc[i] += c[i]
    return out


def pr(c) -> str:
    tp, fp, fn = c
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return f"{tp}/{fp}/{fn} | {p:.2f} | {r:.2f}"


def table(results: dict[str, dict[str, list[int]]], threshold: float = DEFAULT_THRESHOLD) -> str:
    fb, al = f"fallback@{threshold}", f"alone@{threshold}"
    nested = all("nested" in r for r in results.values())
    head = ("| held-out set | rules tp/fp/fn | P | R | rules+learned tp/fp/fn | P | R | "
            + ("nested t | rules+learned (nested t) tp/fp/fn | P | R | " if nested else "")
            + "learned alone tp/fp/fn | P | R |")
    rows = [head, "|" + "---|" * (head.count("|") - 1)]
    for s, r in list(results.items()) + [("**total**", totals(results))]:
        nest = ""
        if nested:
            t = r["chosen"][0] if "chosen" in r else "-"
            nest = f"{t} | {pr(r['nested'])} | "
        rows.append(f"| {s} | {pr(r['rules'])} | {pr(r[fb])} | {nest}{pr(r[al])} |")
    tot = totals(results)
    rows.append("")
    rows.append("| threshold (totals) | rules+learned tp/fp/fn | P | R | learned alone tp/fp/fn | P | R |")
    rows.append("|---|---|---|---|---|---|---|")
    for t in THRESHOLDS:
        rows.append(f"| {t} | {pr(tot[f'fallback@{t}'])} | {pr(tot[f'alone@{t}'])} |")
    return "\n".join(rows)
