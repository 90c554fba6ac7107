"""Why gold mentions are missed and predicted ones are false: each error of the mention score
(:mod:`partykg.ingest.extract_eval`'s counting rules) put under one cause, generically (no cause
names a document, body or page).

A missed gold mention (first cause that holds):

- ``type``, ``number``, ``code``: a scored prediction overlaps it but disagrees on that field
  (the first that differs, in that order; the example shows both readings);
- ``shared``: the only agreeing overlapping prediction already matched another gold mention
  (one prediction spans two gold mentions);
- ``dropped-name-cut``, ``dropped``: the extractor read a mention there but kept no document
  for it (an unnumbered document with no relation nor merger is dropped; also the document
  limit); ``dropped-name-cut`` when the mention read ends before the gold's (the name read
  short: "Luật" for "Luật Viên chức"). The gold lists an unnumbered document only when it takes
  part in a relation, so a dropped mention is a relation missed;
- ``reference``: read as an unnumbered reference grouped into a numbered document (not scored);
- ``unread-code``: nothing read there, though a code is written in the gold span;
- ``unread-typeword``: nothing read there, though a type word of the scheme is in the span;
- ``unread-other``: nothing read, neither a code nor a type word the rules know (an
  abbreviation, an unaccented or foreign word, a title alone …).

A false predicted mention (scored, unmatched):

- ``disagrees``: it overlaps a gold mention it disagrees with (the same error as a missed
  ``type``/``number``/``code``, seen from the prediction);
- ``duplicate``: it overlaps only gold mentions another prediction matched;
- ``url``: no gold mention there, and it lies in a URL, a path or a hyphenated slug;
- ``back-reference``: no gold mention there; a bare back-reference ("this resolution", "Cette
  résolution") of an unnumbered document another of whose mentions matched a gold mention: the
  gold leaves such references out (its files' notes), the scorer counts every mention of an
  unnumbered document (it leaves them out for numbered ones only): a counting mismatch, not an
  extraction error;
- ``unnumbered``: no gold mention there; a type word with neither number nor code (kept because
  it takes part in a relation);
- ``numbered``: no gold mention there; a numbered or coded mention the gold does not list.

Missed relations: how many lack a predicted document for one or both ends (a missed or dropped
mention), against those whose two ends were both found.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from partykg.ingest import extract_lang as L
from partykg.ingest.extract import Extraction, extract, patterns
from partykg.ingest.extract.codes import parse_any_code
from partykg.ingest.extract_eval import (GOLD_KINDS, Gold, _ck, _nk, _overlap, _same_type, agrees,
                                         match_mentions)

MISSED = ("type", "number", "code", "shared", "dropped-name-cut", "dropped", "reference",
          "unread-code",
          "unread-typeword", "unread-other")
FALSE = ("disagrees", "duplicate", "url", "back-reference", "unnumbered", "numbered")
RELATIONS = ("rel-both-ends-found", "rel-one-end-missing", "rel-both-ends-missing")
CAUSES = MISSED + FALSE + RELATIONS

_URLISH = re.compile(r"(?i:https?:|www\.|\.html?\b|\.aspx?\b|\.php\b)|/[a-z][a-z0-9-]{2,}/")
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+){3,}")


@dataclass
class Why:
    counts: Counter = field(default_factory=Counter)
    examples: list[tuple[str, str, str]] = field(default_factory=list)  # (cause, file, text)

    def add(self, o: "Why") -> None:
        self.counts.update(o.counts)
        self.examples += o.examples


def _fmt(m) -> str:
    return f"{m.text!r} ({m.type} {m.number} {m.code})"


def in_url(text: str, start: int, end: int) -> bool:
    """The span lies in a URL, a path or a hyphenated slug ("…/nghi-quyet-so-12-nq-tw"): a run
    of non-space characters it touches has a URL's marks or four lower-case words or more
    joined by hyphens (a code's capitals and slashes are neither)."""
    s, e = start, end
    while s > 0 and not text[s - 1].isspace() and start - s < 300:
        s -= 1
    while e < len(text) and not text[e].isspace() and e - end < 300:
        e += 1
    for tok in text[s:e].split():
        if _URLISH.search(tok) or _SLUG.search(tok):
            return True
    return False


def _has_code(s: str) -> bool:
    try:
        return parse_any_code(s) is not None
    except Exception:  # a reader that refuses odd input: no code
        return False


def _unread(g, lang: str) -> str:
    P = patterns(lang)
    if _has_code(g.text) or re.search(r"\d+\s*/\s*[A-ZĐ]", g.text):
        return "unread-code"
    if P.type_re.search(g.text) or P.glued_type_re.search(g.text):
        return "unread-typeword"
    return "unread-other"


def _differs(m, g) -> str:
    if not _same_type(m.type, g.type):
        return "type"
    if _nk(m.number) != _nk(g.number):
        return "number"
    return "code"


def _demonstrative(m, lang: str) -> bool:
    """The mention is a type word and a demonstrative only ("this resolution", "Cette
    résolution", "Quyết định này"), no number nor code."""
    if m.number or m.code:
        return False
    demo = L.DEMONSTRATIVES_BEFORE.get(lang, ()) + L.DEMONSTRATIVES_AFTER.get(lang, ())
    rest = patterns(lang).type_re.sub(" ", m.text.lower(), count=1)
    return bool(demo) and " ".join(rest.split()) in {d.lower() for d in demo}


def _doc_map(ex: Extraction, gold: Gold) -> dict[str, str]:
    out = {}
    for d in ex.documents:
        gdocs = {g.doc for i in d.mentions for g in gold.mentions
                 if _overlap(ex.mentions[i].start, ex.mentions[i].end, g.start, g.end)}
        if len(gdocs) == 1:
            out[d.id] = gdocs.pop()
    return out


def why(ex: Extraction, gold: Gold) -> Why:
    """Every mention error of one article under its cause, and its missed relations' ends."""
    w = Why()
    name = gold.path.name
    preds, matched = match_mentions(ex, gold)
    used = set(matched.values())
    doc_of = ex.document_of_mention()
    for gi, g in enumerate(gold.mentions):
        if gi in used:
            continue
        over = [(i, m) for i, m, _d in preds if _overlap(m.start, m.end, g.start, g.end)]
        free = [(i, m) for i, m in over if i not in matched]
        if any(agrees(m, g) for _i, m in over) and not any(agrees(m, g) for _i, m in free):
            cause, shown = "shared", next(m for _i, m in over if agrees(m, g))
        elif free or over:
            shown = (free or over)[0][1]
            cause = _differs(shown, g)
        else:
            raw = [(i, m) for i, m in enumerate(ex.mentions)
                   if _overlap(m.start, m.end, g.start, g.end)]
            shown = raw[0][1] if raw else None
            if any(i not in doc_of for i, _m in raw):
                shown = next(m for i, m in raw if i not in doc_of)
                # (the name read short, "Luật" for "Luật Viên chức": its references cannot be
                # told apart, nor its relation found)
                cause = "dropped-name-cut" if shown.end < g.end - 3 else "dropped"
            elif raw:  # read and kept, not scored: a reference within a numbered document
                cause = "reference"
            else:
                cause = _unread(g, gold.lang)
        w.counts[cause] += 1
        pred = f" | predicted {_fmt(shown)}" if shown is not None else ""
        w.examples.append((cause, name, f"{g.id} {g.text!r} ({g.type} {g.number} {g.code}){pred}"))
    for i, m, d in preds:
        if i in matched:
            continue
        over = [gi for gi, g in enumerate(gold.mentions) if _overlap(m.start, m.end, g.start, g.end)]
        if any(gi not in used for gi in over):
            cause = "disagrees"
        elif over:
            cause = "duplicate"
        elif in_url(ex.text, m.start, m.end):
            cause = "url"
        elif _demonstrative(m, gold.lang) and not d.strong and any(
                j in matched for j in d.mentions if j != i):
            cause = "back-reference"
        elif not (m.number or m.code):
            cause = "unnumbered"
        else:
            cause = "numbered"
        w.counts[cause] += 1
        w.examples.append((cause, name, f"@{m.start} {_fmt(m)}"))
    # missed relations: were their ends found?
    dmap = _doc_map(ex, gold)
    found = set(dmap.values())
    hit = Counter()
    for r in ex.doc_relations:
        if r.kind in GOLD_KINDS:
            hit[(r.kind, dmap.get(r.source), dmap.get(r.target))] += 1
    for r in gold.relations:
        if r["kind"] == "merges":
            continue  # mergers: bodies, not two document ends
        key = (r["kind"], r["from"], r["to"])
        if hit[key]:
            hit[key] -= 1
            continue
        missing = (r["from"] not in found) + (r["to"] not in found)
        cause = RELATIONS[missing]
        w.counts[cause] += 1
        cue = f" (cue {r['cue'][:120]!r})" if r.get("cue") else ""
        w.examples.append((cause, name, f"{r['kind']} {r['from']} -> {r['to']}{cue}"))
    return w


def why_all(golds: list[Gold], fallback: bool = False) -> Why:
    w = Why()
    for g in golds:
        ex = extract(g.text, g.lang, fallback=True) if fallback else extract(g.text, g.lang)
        w.add(why(ex, g))
    return w


def totals_table(rows: list[tuple[str, Why]]) -> str:
    """Cause counts only (no text of any page): one column per set, and their sum."""
    names = [n for n, _ in rows]
    total = Counter()
    for _n, w in rows:
        total.update(w.counts)
    head = "| cause | " + " | ".join(names) + (" | all |" if len(rows) > 1 else " |")
    out = [head, "|---" * (len(names) + 1 + (len(rows) > 1)) + "|"]
    for group, causes in (("missed gold mentions", MISSED), ("false mentions", FALSE),
                          ("missed relations", RELATIONS)):
        cells = [sum(w.counts[c] for c in causes) for _n, w in rows]
        tail = f" | {sum(total[c] for c in causes)} |" if len(rows) > 1 else " |"
        out.append(f"| **{group}** | " + " | ".join(map(str, cells)) + tail)
        for c in causes:
            cells = [w.counts[c] for _n, w in rows]
            tail = f" | {total[c]} |" if len(rows) > 1 else " |"
            out.append(f"| {c} | " + " | ".join(map(str, cells)) + tail)
    return "\n".join(out)


def examples_text(w: Why) -> str:
    out = []
    for cause in CAUSES:
        ex = [(f, t) for c, f, t in w.examples if c == cause]
        if ex:
            out.append(f"{cause} ({len(ex)}):")
            out += [f"  {f}: {t}" for f, t in ex]
    return "\n".join(out)


__all__ = ["CAUSES", "MISSED", "FALSE", "RELATIONS", "Why", "why", "why_all", "in_url",
           "totals_table", "examples_text"]
