"""The sentences of each intent's answer (see :mod:`partykg.ask.render`); each function returns
its lines and adds the sources it cites to ``sources``."""

from __future__ import annotations

from partykg.ask.render import T, fmt_date, line, name, status_word


def _replaced_by(kg, a, p, lang, x, asof, sources):
    out = []
    if not a.answers:
        out.append(T(lang, "no_replacement").format(x=x, asof=asof))
    first = [s for s in a.answers if s["older"]["iri"] == a.subject["iri"]]
    for s in first:
        out.append(_step(kg, s, lang, x))
    if len(a.answers) > len(first):
        out.append(T(lang, "chain"))
        for i, s in enumerate(a.answers, 1):
            out.append(f"  {i}. " + _step(kg, s, lang, name(s["older"], lang)))
    for s in a.answers:
        sources += s["sources"]
    return out


def _step(kg, s, lang, x):
    y = name(s["newer"], lang, s["relation"] == "replaces")
    with_ = ""
    if s.get("with"):
        with_ = T(lang, "with").format(w=", ".join(name(e, lang) for e in s["with"]))
    if s["relation"] == "plannedToReplace":
        key = "planned" if s["as_of"] else "planned_no_date"
        return T(lang, key).format(x=x, y=y, status=status_word(kg, s["status"], lang),
                                   asof=fmt_date(s["as_of"], lang), **{"with": with_})
    return T(lang, "replaced").format(x=x, y=y)


def _replaces(kg, a, p, lang, x, asof, sources):
    out = []
    if not a.answers:
        out.append(T(lang, "replaces_none").format(x=x, asof=asof))
    for s in a.answers:
        y, old = name(s["newer"], lang, False), name(s["older"], lang)
        if s["relation"] == "plannedToReplace":
            out.append(T(lang, "replaces_planned").format(y=y, x=old, status=status_word(kg, s["status"], lang),
                                                          asof=fmt_date(s["as_of"], lang)))
        else:
            out.append(T(lang, "replaces").format(y=y, x=old))
        sources += s["sources"]
    return out


def _issuer(kg, a, p, lang, x, asof, sources):
    item = a.answers[0]
    x0 = name(a.subject, lang, False)
    date = f" {T(lang, 'on')} {fmt_date(item['date'], lang)}" if item["date"] else ""
    issuers = T(lang, "issuer_and").join(i["label"] for i in item.get("issuers") or
                                         ([item["issuer"]] if item["issuer"] else []))
    if issuers and item["date"]:
        out = [T(lang, "issuer").format(x=x0, issuer=issuers, date=date)]
    elif issuers:
        out = [T(lang, "issuer_only").format(x=x0, issuer=issuers)]
    elif item["date"]:
        out = [T(lang, "date_only").format(x=x0, date=date)]
    else:
        out = [T(lang, "issuer_none").format(x=x0)]
    for rec in item.get("recorded", []):  # "Working Regulations ... is submitted to: Standing Committee"
        of = name(rec["of"], lang, False) if rec.get("of") else x0
        out.append(f"{T(lang, rec['relation']).format(x=of)} {rec['entity']['label']}")
        sources += rec["sources"]
    for st in item.get("statuses", []):
        if st["status"] in ("planned", "draft"):
            out.append(T(lang, "status_line").format(status=status_word(kg, st["status"], lang),
                                                     asof=fmt_date(st["as_of"], lang)))
    sources += item["sources"]
    return out


def _related(kg, a, p, lang, x, asof, sources):
    rel = p.relation or "implements"
    plural, singular = T(lang, "verbs")[rel]
    if not a.answers:
        key = "rel_none_in" if p.intent == "related_in" else "rel_none_out"
        verb = singular if p.intent == "related_in" else (singular if lang != "id" else singular)
        return [T(lang, key).format(verb=verb, x=x)]
    key = "rel_in" if p.intent == "related_in" else "rel_out"
    out = [T(lang, key).format(verb=plural if key == "rel_in" else singular, x=x)]
    for it in a.answers:
        out.append(f"  - {line(kg, it['document'], lang)}")
        sources += it["sources"]
    return out


def _entities(key):
    def render(kg, a, p, lang, x, asof, sources):
        if not a.answers:
            return [T(lang, key + "_none").format(x=x, asof=asof)]
        out = [T(lang, key).format(x=x)]
        for it in a.answers:
            e = it["entity"]
            at = f" ({T(lang, 'at').format(e=it['at']['label'])})" if it.get("at") and \
                it["at"]["iri"] != a.subject["iri"] else ""
            out.append(f"  - {line(kg, e, lang) if e['kind'] == 'document' else e['label']}{at}")
            sources += it["sources"]
        return out
    return render


def _by_property(kg, a, p, lang, x, asof, sources):
    return _entities(a.relation)(kg, a, p, lang, x, asof, sources)


def _in_force(kg, a, p, lang, x, asof, sources):
    item = a.answers[0]
    x0 = name(a.subject, lang, False)
    st = (item.get("statuses") or [{}])[-1]
    out = [T(lang, "in_force_" + item["verdict"]).format(
        x=x0, day=fmt_date(item["date"], lang), issued=fmt_date(item["issued"], lang),
        status=status_word(kg, st.get("status", ""), lang) if st else "", asof=fmt_date(st.get("as_of"), lang))]
    for s in item["replacements"]:
        if s["older"]["iri"] == a.subject["iri"]:
            out.append(_step(kg, s, lang, x0))
            sources += s["sources"]
    return out


def _merged(kg, a, p, lang, x, asof, sources):
    if not a.answers:
        return [T(lang, "merged_none").format(x=a.subject["label"], asof=asof)]
    return _merger_lines(a.answers, lang, sources)


def _merger_lines(ms, lang, sources):
    out = []
    for m in ms:
        originals = ", ".join(o["label"] for o in m["originals"]) or "?"
        result = m["result"]["label"] if m.get("result") else "?"
        by = T(lang, "merged_by").format(d=name(m["decided_by"], lang, False)) if m["decided_by"] else ""
        date = T(lang, "merged_date").format(d=fmt_date(m["date"], lang)) if m["date"] else ""
        key = {"merger": "merged"}.get(m.get("kind", "merger"), m.get("kind", "merged"))
        out.append(T(lang, key).format(originals=originals, result=result, by=by, date=date))
        sources += m["sources"]
    return out


def _mergers_year(kg, a, p, lang, x, asof, sources):
    year = f" {T(lang, 'in')} {p.year}" if p.year else ""
    if not a.answers:
        return [T(lang, "mergers_none").format(year=year, asof=asof)]
    return [T(lang, "mergers").format(year=year)] + ["  " + s for s in _merger_lines(a.answers, lang, sources)]


def _hierarchy(kg, a, p, lang, x, asof, sources):
    key = "up" if p.intent == "hierarchy_up" else "down"
    return _entities(key)(kg, a, p, lang, a.subject["label"], asof, sources)


def _list(kg, a, p, lang, x, asof, sources):
    f = []
    from partykg.ask.facts import label_of_type

    if a.filters.get("types"):
        f.append(T(lang, "f_type").format(t=" / ".join(label_of_type(kg, t, lang) for t in a.filters["types"])))
    if a.subject:
        f.append(T(lang, "f_body").format(b=a.subject["label"]))
    if a.filters.get("year"):
        f.append(T(lang, "f_year_" + a.filters["year_relation"] if a.filters.get("year_relation")
                   else "f_year").format(y=a.filters["year"]))
    if a.filters.get("statuses"):
        f.append(T(lang, "f_status").format(s=" / ".join(status_word(kg, s.rsplit("/", 1)[-1], lang)
                                                            for s in a.filters["statuses"])))
    filters = "".join(f)
    if not a.answers:
        return [T(lang, "list_none").format(filters=filters, asof=asof)]
    out = [T(lang, "list").format(filters=filters, asof=asof)]
    for it in a.answers:
        out.append(f"  - {line(kg, it['document'], lang)}")
        sources += it["sources"]
    return out


def _post_holder(kg, a, p, lang, x, asof, sources):
    if not a.answers:
        when = p.date or (str(p.year) if p.year else None)
        if when and not asof:  # "who was foreign minister in 2019": none reported by then
            asof = T(lang, "asof").format(d=fmt_date(when, lang))
        return [T(lang, "holder_none").format(x=a.subject["label"], asof=asof)]
    out = []
    for it in a.answers:
        out.append(T(lang, "holder").format(post=a.subject["label"], person=it["person"]["label"],
                                            asof=fmt_date(it["as_of"], lang)))
        sources += it["sources"]
    return out


def _body_members(kg, a, p, lang, x, asof, sources):
    if not a.answers:
        when = p.date or (str(p.year) if p.year else None)
        if when and not asof:  # "who was foreign minister in 2019": none reported by then
            asof = T(lang, "asof").format(d=fmt_date(when, lang))
        return [T(lang, "holder_none").format(x=a.subject["label"], asof=asof)]
    out = []
    for it in a.answers:
        out.append(T(lang, "holder").format(post=it["post"]["label"], person=it["person"]["label"],
                                            asof=fmt_date(it["as_of"], lang)))
        sources += it["sources"]
    return out


def _person_posts(kg, a, p, lang, x, asof, sources):
    if not a.answers:
        return [T(lang, "posts_none").format(x=a.subject["label"], asof=asof)]
    out = [T(lang, "posts").format(x=a.subject["label"])]
    for it in a.answers:
        out.append("  - " + T(lang, "post_line").format(post=it["post"]["label"], asof=fmt_date(it["as_of"], lang)))
        sources += it["sources"]
    return out


def _event(kg, a, p, lang, x, asof, sources):
    if p.intent != "event_when":
        return _entities(p.intent)(kg, a, p, lang, a.subject["label"], asof, sources)
    if not a.answers:
        return [T(lang, "when_none").format(x=a.subject["label"])]
    it = a.answers[0]
    if it["start"] and it["end"] and it["start"] != it["end"]:
        span = T(lang, "from_to").format(a=fmt_date(it["start"], lang), b=fmt_date(it["end"], lang))
    else:
        span = fmt_date(it["start"] or it["end"], lang)
    sources += it["sources"]
    return [T(lang, "when").format(x=a.subject["label"], span=span)]


# json.dumps(..., ensure_ascii=False) escapes of a string's characters (its encoder's table)
_JSON_ESCAPES = {**{c: f"\\u{c:04x}" for c in range(0x20)},
                 ord("\\"): "\\\\", ord('"'): '\\"', ord("\b"): "\\b", ord("\f"): "\\f",
                 ord("\n"): "\\n", ord("\r"): "\\r", ord("\t"): "\\t"}


class _NotPlain(Exception):
    pass


def _plain_json(v) -> str:
    """``json.dumps(v, sort_keys=True, ensure_ascii=False)`` for strings, ints, booleans, None,
    lists and dicts of string keys (a fact's value), without importing json (cold start);
    :class:`_NotPlain` for anything else."""
    t = type(v)
    if t is str:
        if v.isprintable() and '"' not in v and "\\" not in v:  # nothing to escape (every
            return '"' + v + '"'  # character below U+0020 is not printable)
        return '"' + v.translate(_JSON_ESCAPES) + '"'
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if t is int:
        return int.__repr__(v)
    if t is list or t is tuple:
        return "[" + ", ".join(_plain_json(x) for x in v) + "]"
    if t is dict and all(type(k) is str for k in v):
        return "{" + ", ".join(_plain_json(k) + ": " + _plain_json(v[k]) for k in sorted(v)) + "}"
    raise _NotPlain


def json_key(v) -> str:
    """``json.dumps(v, sort_keys=True, ensure_ascii=False)`` (json imported only for a value
    :func:`_plain_json` does not write)."""
    try:
        return _plain_json(v)
    except _NotPlain:
        import json

        return json.dumps(v, sort_keys=True, ensure_ascii=False)


def _card(kg, a, p, lang, x, asof, sources):
    e = a.subject
    props = {**T("en", "props"), **T(lang, "props")}
    head = e["label"] + (f" [{e['type']}]" if e.get("type") and e["kind"] == "document" else "")
    out = [head, f"  IRI: {e['iri']}"]
    rank = {prop: i for i, prop in enumerate(props)}  # (the order of the phrases' props)
    facts = sorted(a.answers, key=lambda f: (f["direction"] == "in",
                                             rank.get(f["property"], 99),
                                             f.get("as_of") or "",
                                             json_key(f["value"])))
    this = T(lang, "this").get(e["kind"], T(lang, "this")["other"])
    cited: list[dict] = []
    number: dict[str, int] = {}  # a cited source -> its number (its place in ``cited``, + 1)
    for f in facts:
        if f["property"] == "mentioned":
            continue
        prop = props.get(f["property"])
        if prop is None:
            continue  # a property with no words for it is not shown by its raw name
        v = f["value"]
        if isinstance(v, dict):
            vtext = name(v, lang)
        elif f["property"] in ("pk:dateIssued", "pk:startDate", "pk:endDate", "dcterms:issued"):
            vtext = fmt_date(v, lang)
        elif f["property"] == "pk:status":
            vtext = status_word(kg, v, lang)
        else:
            vtext = str(v)
        if f.get("as_of"):
            vtext += f" ({T(lang, 'as_of_word')} {fmt_date(f['as_of'], lang)})"
        refs = []
        for s in f["sources"]:
            n = number.get(s["source"])
            if n is None:
                cited.append(s)
                n = number[s["source"]] = len(cited)
            if str(n) not in refs:
                refs.append(str(n))
        r = f"  [{', '.join(refs)}]" if refs else ""
        if f["direction"] == "in":
            out.append(f"  ← {vtext} {prop} {this}{r}")
        else:
            out.append(f"  {prop}: {vtext}{r}")
        sources += f["sources"]
    for f in facts:
        if f["property"] == "mentioned":
            sources += f["sources"]
    # number the sources as the references above do
    sources.sort(key=lambda s: number.get(s["source"], 1000) - 1)
    return out


RENDERERS = {
    "replaced_by": _replaced_by, "replaces": _replaces, "issuer": _issuer,
    "related_in": _related, "related_out": _related, "in_force": _in_force,
    "drafted_by": _by_property, "submitted_to": _by_property,
    "drafts_of_body": _by_property, "submitted_to_body": _by_property,
    "person_chaired": _by_property, "approved_at": _by_property,
    "proposes": _by_property, "merged": _merged, "merger_by_doc": _merged,
    "mergers_year": _mergers_year, "hierarchy_up": _hierarchy, "hierarchy_down": _hierarchy,
    "list": _list, "post_holder": _post_holder, "body_members": _body_members, "person_posts": _person_posts,
    "event_when": _event, "event_chair": _event, "event_organiser": _event,
    "event_adopted": _event, "event_parts": _event, "event_parent": _event, "card": _card,
}
