"""The text listing of a candidate set for review (``partykg review``): id, kind, text, attributes,
link status and matches, and the sentence(s) in context."""

from __future__ import annotations

import re

from partykg.ingest.candidates.model import BodyCand, CandidateSet, _short
from partykg.ingest.extract.typewords import type_label


def _quote(s: str, width: int = 100) -> str:
    s = re.sub(r"\s+", " ", s)
    return f"“{s}”" if len(s) <= width * 3 else f"“{s[:width * 3 - 1]}…”"


def _context(text: str, start: int, end: int, width: int = 110) -> str:
    """The mention with up to ``width`` characters of its line on each side."""
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    le = len(text) if le < 0 else le
    a, b = max(ls, start - width), min(le, end + width)
    left = ("…" if a > ls else "") + text[a:start]
    right = text[end:b] + ("…" if b < le else "")
    return re.sub(r"\s+", " ", f"“{left}[{text[start:end]}]{right}”")


def render(cs: CandidateSet) -> str:
    """A readable list of the candidates: id, kind, text, attributes, link status and matches,
    and the sentence(s)."""
    out = [f"source {_short(cs.source_iri)} ({cs.lang}"
           + (f", {cs.date}" if cs.date else "") + (f", {cs.source_url}" if cs.source_url else "")
           + f"): {len(cs.documents)} documents, {len(cs.relations)} relations, "
           f"{len(cs.mergers)} mergers, {len(cs.bodies)} bodies"]
    for w in cs.warnings:
        out.append(f"warning: {w}")

    def link_line(c) -> str:
        if c.link == "linked":
            return f"linked -> {_short(c.matches[0])}"
        if c.link == "ambiguous":
            return "AMBIGUOUS, matches " + ", ".join(_short(m) for m in c.matches) + \
                   " (accept needs --link ID=IRI)"
        if isinstance(c, BodyCand) and not c.proposed:
            return ("new, but no English name is known: accept leaves it out (add the body "
                    "to graph/curation.trig first)")
        return "new" + (f" -> {_short(c.proposed)}" if c.proposed else "")

    for d in cs.documents:
        out.append("")
        attrs = [type_label(d.type)]
        if d.number:
            attrs.append(f"number {d.number}")
        if d.code:
            attrs.append(f"code {d.code}")
        if d.date:
            attrs.append(f"dated {d.date}")
        if d.issuer:
            b = cs.body(d.issuer)
            attrs.append(f"issuer {b.name} [{b.id}]")
        if d.planned:
            attrs.append("PLANNED")
        out.append(f"{d.id}  document  {' / '.join(d.names)}")
        out.append(f"    {', '.join(attrs)}")
        if d.subject:
            out.append(f"    subject: {d.subject}")
        out.append(f"    link: {link_line(d)}")
        for o in d.occurrences:
            out.append(f"    {_context(cs.text, o.start, o.end)}")
    for r in cs.relations:
        out.append("")
        src, tgt = cs.doc(r.source), cs.doc(r.target)
        out.append(f"{r.id}  relation  {r.source} {r.kind} {r.target}"
                   + ("  (PLANNED)" if r.kind == "plannedToReplace" else ""))
        out.append(f"    {src.names[0]}  --{r.kind}-->  {tgt.names[0]}   (cue: {r.cue}{'; rule: ' + r.rule if r.rule else ''})")
        for s in r.sentences:
            spans = [(o.start, o.end) for d in (src, tgt) for o in d.occurrences
                     if o.sentence == s]
            if spans:
                a, b = min(x for x, _ in spans), max(y for _, y in spans)
                out.append(f"    {_context(cs.text, a, b, 60)}")
            else:
                out.append(f"    {_quote(s)}")
    for m in cs.mergers:
        out.append("")
        merged = ", ".join(f"{cs.body(b).name} [{b}]" for b in m.merged)
        into = f"{cs.body(m.into).name} [{m.into}]" if m.into else "(resulting body not stated)"
        by = f", decided by {m.doc} ({cs.doc(m.doc).names[0]})" if m.doc else ""
        out.append(f"{m.id}  merger  {merged} merged into {into}{by}")
        for s in m.sentences:
            out.append(f"    {_quote(s)}")
    for b in cs.bodies:
        out.append("")
        extra = f" ({b.en_name})" if b.en_name and b.en_name != b.name else ""
        out.append(f"{b.id}  body  {b.name}{extra}")
        out.append(f"    link: {link_line(b)}")
    return "\n".join(out) + "\n"
