"""Questions about people, posts and events: who holds a post (as of which source and date),
what posts a person held over time, and when an event was, who chaired or organised it, what
was adopted there, which sessions were part of it."""

from __future__ import annotations

import re

import pyoxigraph as ox

from partykg.ask.facts import dedup, entity, known_by, related, source, sources_of
from partykg.model.vocab import PK
from partykg.store import queries


def holdings(kg, person: str, lang: str, as_of: str | None) -> list[dict]:
    """The posts of a person, each with the date a source reported it and the sources."""
    posts: dict[tuple[str, str], dict] = {}
    for r in queries.run(kg, "posts", {"person": ox.NamedNode(person)}):
        item = posts.setdefault((r["post"].value, r["asOf"].value), {
            "value": entity(kg, r["post"].value, lang), "as_of": r["asOf"].value, "sources": []})
        if r["source"] is not None:
            item["sources"] = dedup([*item["sources"], source(kg, r, lang)])
    out = [v for v in posts.values() if known_by(v["as_of"], as_of) and (as_of is None or v["as_of"])]
    return sorted(out, key=lambda v: (v["as_of"], v["value"]["label"]))


def _year_ok(date: str | None, year: int | None) -> bool:
    return year is None or (date or "").startswith(str(year))


def _event_date(kg, p) -> str | None:
    """"Who was foreign minister at the time of the 32nd Diplomatic Conference": the date of the
    one event the question also names."""
    from partykg.ask.resolve import describe

    for m in p.others:
        if len(m.candidates) == 1 and describe(kg, m.candidates[0])["kind"] == "event":
            d = describe(kg, m.candidates[0])
            if d.get("date"):
                return d["date"]
    return None


def _person_named(kg, p) -> str | None:
    from partykg.ask.resolve import describe

    for m in p.others:
        if len(m.candidates) == 1 and describe(kg, m.candidates[0])["kind"] == "person":
            return m.candidates[0]
    return None


def post_holder(kg, a, p, post: str) -> None:
    a.relation = "heldBy"
    lang = a.language
    when = p.date or (str(p.year) if p.year else None) or _event_date(kg, p)
    by: dict[tuple[str, str], dict] = {}
    for r in queries.run(kg, "post-holders", {"post": ox.NamedNode(post)}):
        as_of = r["asOf"].value
        if not known_by(as_of, a.as_of) or (when and not known_by(as_of, when)):
            continue
        item = by.setdefault((r["person"].value, as_of), {
            "person": entity(kg, r["person"].value, lang), "as_of": as_of, "sources": []})
        if r["source"] is not None:
            item["sources"] = dedup([*item["sources"], source(kg, r, lang)])
    items = sorted(by.values(), key=lambda i: i["as_of"], reverse=True)
    person = _person_named(kg, p)
    if person and any(i["person"]["iri"] == person for i in items):
        # "Is / since when has PERSON been POST": every report of that person in the post
        a.answers = sorted((i for i in items if i["person"]["iri"] == person), key=lambda i: i["as_of"])
        return
    if items:  # the holders last reported (by the date asked about, or the latest)
        best = items[0]["as_of"]
        items = [i for i in items if i["as_of"][:4] == best[:4]]
    a.answers = items


def body_members(kg, a, p, body: str) -> None:
    """Who holds the posts of a body (its members, its head...), as the sources report them."""
    from partykg.ask.lexicon import post_roles

    posts = sorted({post for by_body in post_roles(kg).values() for b, post in by_body.items() if b == body})
    posts = _asked_roles(kg, p, posts)
    items = []
    for post in posts:
        sub = type(a)(a.question, a.language, "post_holder", "answered", as_of=a.as_of)
        post_holder(kg, sub, p, post)
        for it in sub.answers:
            items.append({"post": entity(kg, post, a.language), **it})
    a.relation = "members"
    a.answers = items


def _asked_roles(kg, p, posts: list[str]) -> list[str]:
    """The posts of a body that the question's role word names ("who heads BODY", "qui est
    secrétaire du BODY", "siapa kepala BODY"): the role groups of ``cues.json`` (the words that
    ask for a role, per language, and the starts of the posts' names that fill it); all the
    posts when the question names no role or no post fills it."""
    from partykg.ask.lexicon import cues, fold
    from partykg.ask.resolve import label

    text = f" {p.found.masked.lower()} "
    names = {post: [fold(label(kg, post, lg)) for lg in ("en", "vi")] for post in posts}
    kept: list[str] = []
    for name, group in cues()["role_words"].items():
        if name.startswith("_"):
            continue
        asked = group["asked"].get(p.language, []) + group["asked"].get("en", [])
        if not any(re.search(rf"\b{w}\b", text) for w in asked):
            continue
        not_ = tuple(group.get("not", []))
        kept += [post for post, ns in names.items() if post not in kept and any(
            n.startswith(tuple(group["posts"])) and not n.startswith(not_) for n in ns)]
    return kept or posts


def person_posts(kg, a, p, person: str) -> None:
    a.relation = "holdsPost"
    hs = holdings(kg, person, a.language, a.as_of)
    if p.year:
        hs = [h for h in hs if _year_ok(h["as_of"], p.year)] or hs
    a.answers = [{"post": h["value"], "as_of": h["as_of"], "sources": h["sources"]} for h in hs]


def person_chaired(kg, a, p, person: str) -> None:
    """The events a person chaired, as the sources report them."""
    a.relation = "chaired"
    for ev in related(kg, person, PK + "chairedBy", "in"):
        srcs = sources_of(kg, ev, PK + "chairedBy", ox.NamedNode(person), a.language)
        if a.as_of and srcs and all(not known_by(s.get("date"), a.as_of) for s in srcs):
            continue  # reported only after the date asked about
        a.answers.append({"entity": entity(kg, ev, a.language), "sources": srcs})


EVENT_PROPERTIES = {"event_chair": "chairedBy", "event_organiser": "organizedBy"}


def event(kg, a, p, ev: str) -> None:
    lang = a.language
    a.relation = p.intent
    if p.intent == "event_when":
        item = {"start": None, "end": None, "sources": []}
        for prop, key in (("startDate", "start"), ("endDate", "end")):
            from partykg.ask.facts import literal_sources
            from partykg.ask.resolve import describe

            d = describe(kg, ev)
            value = d.get("date") if key == "start" else d.get("end")
            if value:
                item[key] = value
                item["sources"] += literal_sources(kg, ev, PK + prop, lang)
        item["sources"] = dedup(item["sources"])
        a.answers = [item] if item["start"] or item["end"] else []
        return
    if p.intent == "event_adopted":
        for doc in related(kg, ev, PK + "approvedAt", "in"):
            a.answers.append({"entity": entity(kg, doc, lang),
                              "sources": sources_of(kg, doc, PK + "approvedAt", ox.NamedNode(ev), lang)})
        return
    if p.intent == "event_parts":
        for part in related(kg, ev, PK + "partOf", "in"):
            a.answers.append({"entity": entity(kg, part, lang),
                              "sources": sources_of(kg, part, PK + "partOf", ox.NamedNode(ev), lang)})
        if not a.answers and related(kg, ev, PK + "partOf"):  # a session: what it is part of
            p.intent = a.intent = "event_parent"
        else:
            return
    if p.intent == "event_parent":
        for whole in related(kg, ev, PK + "partOf"):
            a.answers.append({"entity": entity(kg, whole, lang),
                              "sources": sources_of(kg, ev, PK + "partOf", ox.NamedNode(whole), lang)})
        return
    prop = PK + EVENT_PROPERTIES[p.intent]
    # the event's own chair or organiser; else those of its sessions (a source may name only them)
    for e in [ev, *related(kg, ev, PK + "partOf", "in")]:
        for other in related(kg, e, prop):
            a.answers.append({"entity": entity(kg, other, lang), "at": entity(kg, e, lang),
                              "sources": sources_of(kg, e, prop, ox.NamedNode(other), lang)})
        if a.answers:
            break
    if not a.answers and p.intent == "event_chair" and related(kg, ev, PK + "organizedBy"):
        # "who ran / who was behind EVENT": no chair recorded, its organiser is
        p.intent = a.intent = "event_organiser"
        event(kg, a, p, ev)
