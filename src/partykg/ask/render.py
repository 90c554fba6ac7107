"""Data -> text, in the question's language (sentences in ``phrases.json``; names, type and
status words from the graph). Sources are cited once each, by publisher, title, date and URL,
with their quotes under them."""

from __future__ import annotations

import os
from functools import lru_cache

from partykg.ask import lexicon
from partykg.ask.resolve import summary

PHRASES_FILE = os.path.join(os.path.dirname(__file__), "phrases.json")  # no pathlib: cold start


@lru_cache(maxsize=1)
def phrases() -> dict:
    from partykg.datacache import load_json  # kept parsed: no json on a cold start

    return load_json(PHRASES_FILE)


def T(lang: str, key: str):
    ph = phrases()
    return ph[lang].get(key, ph["en"].get(key))


def fmt_date(value: str | None, lang: str) -> str:
    if not value:
        return "?"
    parts = value.split("-")
    try:
        if len(parts) == 3:
            return T(lang, "date_dmy").format(d=int(parts[2]), month=T(lang, "months")[int(parts[1]) - 1],
                                              y=int(parts[0]))
        if len(parts) == 2:
            return T(lang, "date_my").format(month=T(lang, "months")[int(parts[1]) - 1], y=int(parts[0]))
    except (ValueError, IndexError):
        pass
    return value


def status_word(kg, status: str, lang: str) -> str:
    labels = lexicon.status_labels(kg).get(status, {})
    return labels.get(lang) or labels.get("en") or status.replace("-", " ")


def name(e: dict, lang: str, with_date: bool = True) -> str:
    """A document, body or person as a sentence names it: label, and date and issuer for a
    document."""
    if not isinstance(e, dict):
        return str(e)
    bits = []
    if with_date and e.get("kind") == "document":
        if e.get("date"):
            bits.append(fmt_date(e["date"], lang))
        if e.get("issuer"):
            bits.append(issuer_names(e, lang))
    return e["label"] + (f" ({', '.join(bits)})" if bits else "")


def issuer_names(e: dict, lang: str) -> str:
    """The issuer of an entity dict, or every issuer of a joint document ("Politburo and the
    Secretariat")."""
    return T(lang, "issuer_and").join(i["label"] for i in e.get("issuers") or [e["issuer"]])


def line(kg, e: dict, lang: str) -> str:
    bits = [e["label"]]
    if e.get("date"):
        bits.append(fmt_date(e["date"], lang))
    if e.get("issuer"):
        bits.append(issuer_names(e, lang))
    if e.get("statuses"):
        st = e["statuses"][-1]
        bits.append(status_word(kg, st["status"], lang)
                    + (f" ({T(lang, 'as_of_word')} {fmt_date(st['as_of'], lang)})" if st["as_of"] else ""))
    text = e.get("subject") or e.get("title")
    return ", ".join(bits) + (f": {text}" if text else "")


def render_sources(sources: list[dict], lang: str) -> list[str]:
    """One entry per source (publisher, title, date, URL), its quotes under it."""
    by: dict[str, dict] = {}
    for s in sources:
        e = by.setdefault(s["source"], {"meta": s, "quotes": []})
        if s.get("quote") and (s["quote"], s.get("quote_language")) not in e["quotes"]:
            e["quotes"].append((s["quote"], s.get("quote_language")))
        if s.get("note") and ("note", s["note"]) not in e["quotes"]:
            e["quotes"].append(("note", s["note"]))
    out = [T(lang, "sources")]
    for i, (src, e) in enumerate(by.items(), 1):
        m = e["meta"]
        meta = _meta(m, lang)
        if not meta and m.get("translation_of"):
            meta = [T(lang, "translation_of").format(lg=m.get("quote_language") or "?",
                                                     original=", ".join(_meta(m["translation_of"], lang)))]
        if not meta and m.get("description"):
            meta = [m["description"]]
        out.append(f"  [{i}] " + (", ".join(meta) if meta else m["id"]))
        for q, lg in e["quotes"]:
            if q == "note":
                out.append(f"      {T(lang, 'note')}: {lg}")
            else:
                out.append(f"      \"{q}\"" + (f" [{lg}]" if lg else ""))
    return out


def _meta(m: dict, lang: str) -> list[str]:
    return [x for x in (m.get("publisher"), f"\"{m['title']}\"" if m.get("title") else None,
                        fmt_date(m["date"], lang) if m.get("date") else None, m.get("url")) if x]


def render(kg, a, p) -> str:
    lang = a.language
    lines: list[str] = [T(lang, "read_as").format(src=s, dst=d) for s, d in a.read_as]
    asof = T(lang, "asof").format(d=fmt_date(a.as_of, lang)) if a.as_of else ""
    if a.status == "ambiguous":
        lines.append(T(lang, "ambiguous").format(mention=p.mention, n=len(a.candidates)))
        lines += [f"  - {summary(kg, c['iri'], 'vi' if lang == 'vi' else 'en')}" for c in a.candidates]
        return "\n".join(lines)
    if a.status == "not_found":
        lines.append(T(lang, "not_found").format(mention=p.mention))
        if a.suggestions:
            lines.append(T(lang, "nearest"))
            lines += [f"  - {summary(kg, s['iri'], 'vi' if lang == 'vi' else 'en')}" for s in a.suggestions]
        return "\n".join(lines)
    from partykg.ask.render_intents import RENDERERS

    x = name(a.subject, lang) if a.subject else ""
    sources: list[dict] = []
    lines += RENDERERS[a.intent](kg, a, p, lang, x, asof, sources)
    if a.notes:
        lines += a.notes
    if sources:
        lines += render_sources(sources, lang)
    return "\n".join(lines)
