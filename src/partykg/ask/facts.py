"""Entities and their sources as answers carry them: an entity as a small dict (IRI, kind,
label in the question's language, code, type, date, issuer, statuses), the sources of a fact
(publisher, title, date, URL and the quote when there is one), all from the query library."""

from __future__ import annotations

import pyoxigraph as ox

from partykg.ask.resolve import _cache, describe, label
from partykg.model.vocab import BASE
from partykg.store import queries


def entity(kg, iri: str, lang: str) -> dict:
    d = describe(kg, iri)
    out = {"iri": iri, "id": iri.removeprefix(BASE), "kind": d["kind"], "label": label(kg, iri, lang)}
    if d.get("code"):
        out["code"] = d["code"]
    if d.get("type"):
        out["type"] = label_of_type(kg, d["type"], lang)
    for key, texts in (("title", d["titles"]), ("subject", d["subjects"])):
        if texts:
            out[key] = pick(texts, lang)
    if d.get("date"):
        out["date"] = d["date"]
    if d.get("end"):
        out["end"] = d["end"]
    if d.get("issuer"):
        out["issuer"] = {"iri": d["issuer"], "id": d["issuer"].removeprefix(BASE),
                         "label": label(kg, d["issuer"], lang)}
    if len(d.get("issuers", [])) > 1:  # a joint document: every issuer, in IRI order
        out["issuers"] = [{"iri": b, "id": b.removeprefix(BASE), "label": label(kg, b, lang)}
                          for b in d["issuers"]]
    if d["statuses"]:
        out["statuses"] = [{"status": s, "as_of": a} for s, a in d["statuses"]]
    if d.get("url"):
        out["url"] = d["url"]
    return out


def pick(texts: dict[str, str], lang: str) -> str:
    for lg in (lang, "en", "vi"):
        if texts.get(lg):
            return texts[lg]
    return sorted(texts.items())[0][1]


def label_of_type(kg, concept: str, lang: str) -> str:
    c = _cache(kg).setdefault("type_labels", {})
    if not c:
        for r in queries.run(kg, "document-types"):
            if r["kind"].value == "pref" and r["name"].language:
                c.setdefault(r["type"].value, {})[r["name"].language] = r["name"].value
    return pick(c[concept], lang) if c.get(concept) else concept.rsplit("/", 1)[-1]


def facts(kg, s: str) -> list[dict]:
    """Every fact about ``s`` in both directions, with sources (the ``document`` query), cached."""
    c = _cache(kg).setdefault("facts", {})
    if s not in c:
        c[s] = queries.run(kg, "document", {"doc": ox.NamedNode(s)})
    return c[s]


def related(kg, s: str, prop: str, direction: str = "out") -> list[str]:
    """The other ends of ``prop`` facts about ``s`` (IRIs), in a stable order."""
    out = [r["o"].value for r in facts(kg, s) if r["p"] is not None and r["p"].value == prop
           and r["direction"].value == direction and isinstance(r["o"], ox.NamedNode)]
    return sorted(dict.fromkeys(out))


def sources_of(kg, s: str, p: str, o, lang: str) -> list[dict]:
    """The sources that state (s p o), with their quotes."""
    out = []
    for r in facts(kg, s):
        if r["p"] is None or r["p"].value != p or r["o"] != o or r["source"] is None:
            continue
        if r["direction"].value != "out":
            continue
        out.append(source(kg, r, lang))
    return dedup(out)


def literal_sources(kg, s: str, p: str, lang: str) -> list[dict]:
    return dedup([source(kg, r, lang) for r in facts(kg, s)
                  if r["p"] is not None and r["p"].value == p and r["direction"].value == "out"
                  and r["source"] is not None])


def mentions_of(kg, s: str, lang: str) -> list[dict]:
    return dedup([source(kg, r, lang) for r in facts(kg, s)
                  if r["direction"].value == "mention" and r["source"] is not None])


def source(kg, row: dict, lang: str) -> dict:
    """A source as answers cite it: publisher, title, date, URL, and the quote (None when the
    evidence has none, e.g. a spreadsheet row with only a URL)."""
    src = row["source"].value
    d = describe(kg, src)
    q = row.get("quote")
    out = {"source": src, "id": src.removeprefix(BASE), "quote": q.value if q is not None else None,
           "quote_language": q.language if q is not None else None}
    if d["titles"]:
        out["title"] = pick(d["titles"], lang)
    for k in ("date", "url", "publisher"):
        if d.get(k):
            out[k] = d[k]
    if d.get("translation_of"):  # a translation: cite the original it translates
        o = describe(kg, d["translation_of"])
        out["translation_of"] = {k: v for k, v in (("title", pick(o["titles"], lang) if o["titles"] else None),
                                                   ("publisher", o.get("publisher")), ("date", o.get("date")),
                                                   ("url", o.get("url"))) if v}
    if not (out.get("title") or out.get("publisher") or out.get("translation_of")) and d.get("comment"):
        out["description"] = d["comment"]
    if row.get("note") is not None:
        out["note"] = row["note"].value
    return out


def dedup(items: list[dict]) -> list[dict]:
    """One entry per source and quote, oldest source first, whatever order the engine gave."""
    seen, out = set(), []
    for i in items:
        k = (i["source"], i["quote"])
        if k not in seen:
            seen.add(k)
            out.append(i)
    return sorted(out, key=lambda i: (i.get("date") or "", i["source"], i["quote"] or ""))


def known_by(date: str | None, as_of: str | None) -> bool:
    """Whether something dated ``date`` (possibly partial) was known by ``as_of``; an undated
    fact counts as known (use :func:`dated_by` when a date is required)."""
    return as_of is None or date is None or date[: len(as_of)] <= as_of[: len(date)]


def dated_by(date: str | None, as_of: str | None) -> bool:
    """Whether something is known to be dated on or before ``as_of`` (undated: no)."""
    return as_of is None or (date is not None and date[: len(as_of)] <= as_of[: len(date)])


def reported(kg, s: str) -> str | None:
    """When ``s`` was first reported: the earliest date of a source that names it."""
    dates = [describe(kg, r["source"].value).get("date") for r in facts(kg, s)
             if r["source"] is not None]
    dates = [d for d in dates if d]
    return min(dates) if dates else None
