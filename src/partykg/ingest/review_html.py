"""`partykg review --html`: a candidates file as one self-contained HTML page, so a curator can
check an extraction at a glance in a browser.

The page shows the article with each document mention highlighted and linked to its candidate
card, coloured by its link status (linked to a graph entity, new, ambiguous); the cards give the
graph IRI (linked), the proposed IRI (new) or the candidates (ambiguous); each candidate
relation is shown on its sentence with its two documents highlighted; then mergers and bodies.

Safety: no script at all, no request to any host (a Content-Security-Policy allows nothing but
the page's own style sheet, by hash), every text from the candidates file escaped. The work is
linear in the size of the file (one pass over the text).
"""

from __future__ import annotations

import base64
import hashlib
import html
from pathlib import Path

from partykg.ingest.candidates import BodyCand, CandidateSet, DocCand
from partykg.ingest.extract.typewords import type_label
from partykg.model.ids import BASE

CSS = """
body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:70em;padding:1em 2em;color:#222}
h1{font-size:1.3em}h2{font-size:1.1em;margin-top:2em;border-bottom:1px solid #ccc}
.meta{color:#555}.warn{color:#a40}
.article{white-space:pre-wrap;background:#fafafa;border:1px solid #ddd;padding:1em}
a.m{text-decoration:none;color:inherit;border-bottom:2px solid;padding:0 1px}
a.m.linked{background:#dff3df;border-color:#2a8a2a}
a.m.new{background:#e3ecfb;border-color:#2b5fb8}
a.m.ambiguous{background:#fdeccc;border-color:#c77800}
.tag{font-size:.8em;border-radius:3px;padding:0 .4em;color:#fff}
.tag.linked{background:#2a8a2a}.tag.new{background:#2b5fb8}.tag.ambiguous{background:#c77800}
.tag.planned{background:#7a3fa0}
.card{border:1px solid #ddd;border-radius:4px;padding:.5em 1em;margin:.6em 0}
.card:target{outline:3px solid #f5c400}
.sent{background:#fafafa;border-left:3px solid #bbb;padding:.3em .8em;margin:.3em 0}
.src{background:#dff3df}.tgt{background:#fde2e2}.cue{font-weight:bold;text-decoration:underline}
code{font-size:.9em}
.legend span{margin-right:1em}
"""


def _esc(s: object) -> str:
    return html.escape("" if s is None else str(s), quote=True)


def _short(iri: str) -> str:
    return iri[len(BASE):] if iri.startswith(BASE) else iri


def _link_text(c: DocCand | BodyCand) -> str:
    if c.link == "linked" and c.matches:
        return f"linked to <code>{_esc(_short(c.matches[0]))}</code>"
    if c.link == "ambiguous":
        return ("ambiguous: one of " + ", ".join(f"<code>{_esc(_short(m))}</code>"
                                                  for m in c.matches)
                + " (accept needs <code>--link ID=IRI</code>)")
    if c.proposed:
        return f"new, would be <code>{_esc(_short(c.proposed))}</code>"
    return "new"


def _spans(cs: CandidateSet) -> list[tuple[int, int, DocCand]]:
    """Each occurrence of a document in the text, without overlaps (the earlier wins)."""
    n = len(cs.text)
    raw = sorted(((o.start, o.end, d) for d in cs.documents for o in d.occurrences
                  if 0 <= o.start < o.end <= n), key=lambda t: (t[0], -t[1]))
    out = []
    last = 0
    for s, e, d in raw:
        if s >= last:
            out.append((s, e, d))
            last = e
    return out


def _article(cs: CandidateSet) -> str:
    parts = []
    pos = 0
    text = cs.text
    for s, e, d in _spans(cs):
        parts.append(_esc(text[pos:s]))
        title = f"{d.id}: {type_label(d.type)} {d.code or d.number or ''} ({d.link})".strip()
        parts.append(f'<a class="m {_esc(d.link)}" href="#{_esc(d.id)}" title="{_esc(title)}">'
                     f"{_esc(text[s:e])}</a>")
        pos = e
    parts.append(_esc(text[pos:]))
    return "".join(parts)


def _sentence(cs: CandidateSet, sentence: str, marks: list[tuple[int, int, str]]) -> str:
    """A sentence with spans (absolute offsets in the text) marked with CSS classes."""
    start = cs.text.find(sentence) if sentence else -1
    if start < 0:
        return _esc(sentence)
    end = start + len(sentence)
    inside = sorted((max(a, start), min(b, end), c) for a, b, c in marks if a < end and start < b)
    out = []
    pos = start
    for a, b, c in inside:
        if a < pos:
            continue
        out.append(_esc(cs.text[pos:a]))
        out.append(f'<span class="{_esc(c)}">{_esc(cs.text[a:b])}</span>')
        pos = b
    out.append(_esc(cs.text[pos:end]))
    return "".join(out)


def render_html(cs: CandidateSet) -> str:
    docs = {d.id: d for d in cs.documents}
    bodies = {b.id: b for b in cs.bodies}
    counts: dict[str, int] = {}
    for d in cs.documents:
        counts[d.link] = counts.get(d.link, 0) + 1
    meta = [f"language {_esc(cs.lang)}"]
    for label, v in (("dated", cs.date), ("publisher", cs.publisher), ("retrieved", cs.retrieved)):
        if v:
            meta.append(f"{label} {_esc(v)}")
    if cs.source_url:
        meta.append(f"URL <code>{_esc(cs.source_url)}</code>")
    b = []
    b.append(f"<h1>Candidates of <code>{_esc(_short(cs.source_iri))}</code>"
             + (f": {_esc(cs.title)}" if cs.title else "") + "</h1>")
    b.append(f'<p class="meta">{" · ".join(meta)}</p>')
    b.append(f'<p class="meta">{len(cs.documents)} documents ('
             + ", ".join(f"{n} {_esc(k)}" for k, n in sorted(counts.items()))
             + f"), {len(cs.relations)} relations, {len(cs.mergers)} mergers, "
               f"{len(cs.bodies)} bodies</p>")
    for w in cs.warnings:
        b.append(f'<p class="warn">warning: {_esc(w)}</p>')
    b.append('<p class="legend"><span><span class="tag linked">linked</span> in the graph</span>'
             '<span><span class="tag new">new</span> not in the graph</span>'
             '<span><span class="tag ambiguous">ambiguous</span> several candidates</span></p>')
    b.append("<h2>Article</h2>")
    b.append(f'<div class="article" lang="{_esc(cs.lang)}">{_article(cs)}</div>')
    b.append("<h2>Relations</h2>")
    if not cs.relations:
        b.append("<p>none</p>")
    for r in cs.relations:
        src, tgt = docs.get(r.source), docs.get(r.target)
        if src is None or tgt is None:
            continue
        planned = ' <span class="tag planned">planned</span>' if r.kind == "plannedToReplace" \
            else ""
        b.append(f'<div class="card" id="{_esc(r.id)}"><b>{_esc(r.id)}</b> '
                 f'<a href="#{_esc(src.id)}">{_esc(src.names[0] if src.names else src.id)}</a> '
                 f"<b>{_esc(r.kind)}</b> "
                 f'<a href="#{_esc(tgt.id)}">{_esc(tgt.names[0] if tgt.names else tgt.id)}</a>'
                 f"{planned} <span class=\"meta\">(cue: {_esc(r.cue)}"
                 f"{'; rule: ' + _esc(r.rule) if r.rule else ''})</span>")
        for s in r.sentences:
            marks = [(o.start, o.end, "src") for o in src.occurrences if o.sentence == s]
            marks += [(o.start, o.end, "tgt") for o in tgt.occurrences if o.sentence == s]
            start = cs.text.find(s) if s else -1
            if start >= 0 and r.cue:
                ci = s.lower().find(r.cue.lower())
                if ci >= 0:
                    marks.append((start + ci, start + ci + len(r.cue), "cue"))
            b.append(f'<div class="sent">{_sentence(cs, s, marks)}</div>')
        b.append("</div>")
    b.append("<h2>Documents</h2>")
    for d in cs.documents:
        attrs = [_esc(type_label(d.type))]
        for label, v in (("number", d.number), ("code", d.code), ("dated", d.date)):
            if v:
                attrs.append(f"{label} {_esc(v)}")
        if d.issuer and d.issuer in bodies:
            attrs.append(f'issuer <a href="#{_esc(d.issuer)}">{_esc(bodies[d.issuer].name)}</a>')
        planned = ' <span class="tag planned">planned</span>' if d.planned else ""
        b.append(f'<div class="card" id="{_esc(d.id)}"><b>{_esc(d.id)}</b> '
                 f'<span class="tag {_esc(d.link)}">{_esc(d.link)}</span>{planned} '
                 f"{_esc(' / '.join(d.names))}<br>{', '.join(attrs)}"
                 + (f"<br>subject: {_esc(d.subject)}" if d.subject else "")
                 + f"<br>{_link_text(d)}</div>")
    if cs.mergers:
        b.append("<h2>Mergers</h2>")
    for m in cs.mergers:
        merged = ", ".join(_esc(bodies[x].name if x in bodies else x) for x in m.merged)
        into = _esc(bodies[m.into].name) if m.into in bodies else "(not stated)"
        by = (f', decided by <a href="#{_esc(m.doc)}">{_esc(m.doc)}</a>' if m.doc else "")
        b.append(f'<div class="card" id="{_esc(m.id)}"><b>{_esc(m.id)}</b> {merged} merged '
                 f"into {into}{by}"
                 + "".join(f'<div class="sent">{_esc(s)}</div>' for s in m.sentences) + "</div>")
    if cs.bodies:
        b.append("<h2>Bodies</h2>")
    for x in cs.bodies:
        b.append(f'<div class="card" id="{_esc(x.id)}"><b>{_esc(x.id)}</b> '
                 f'<span class="tag {_esc(x.link)}">{_esc(x.link)}</span> {_esc(x.name)}'
                 + (f" ({_esc(x.en_name)})" if x.en_name and x.en_name != x.name else "")
                 + f"<br>{_link_text(x)}</div>")
    css_hash = base64.b64encode(hashlib.sha256(CSS.encode("utf-8")).digest()).decode("ascii")
    csp = (f"default-src 'none'; style-src 'sha256-{css_hash}'; script-src 'none'; "
           "img-src 'none'; base-uri 'none'; form-action 'none'")
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
            f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n'
            '<meta name="referrer" content="no-referrer">\n'
            f"<title>partykg review: {_esc(_short(cs.source_iri))}</title>\n"
            f"<style>{CSS}</style></head>\n<body>\n" + "\n".join(b) + "\n</body></html>\n")


def write_html(cs: CandidateSet, path: Path) -> Path:
    from partykg.files import write_atomic

    return write_atomic(Path(path), render_html(cs).encode("utf-8"))


__all__ = ["render_html", "write_html"]
