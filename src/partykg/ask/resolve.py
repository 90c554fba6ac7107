"""From a mention to the entities it names: "Directive 51", "51-CT/TW", "Chỉ thị số 51-CT/TW",
"CT 51", "Decision 209", "Regulation 209", "the Secretariat", "Ban Bí thư", "Resolution 02 of
2023", "Conclusion 12 of the Politburo".

Everything is looked up in the graph through the query library (``queries/lookup-*.rq``): the
names of document types come from the SKOS scheme, the names of bodies and documents from their
labels (``pk:nameKey``), codes from ``pk:codeKey``. Nothing here names a document or a body.

A mention that matches several entities is *ambiguous*: every candidate is returned, never a
guess. A mention that matches nothing comes back with the nearest names as suggestions.
"""

from __future__ import annotations

import re
from partykg.records import dataclass, field

import pyoxigraph as ox

from partykg.ask import described
from partykg.ask.lexicon import _cache, type_words
from partykg.model import ids
from partykg.store import queries
from partykg.errors import PartykgError
from partykg.model.vocab import BASE, ORG, PK, RDF, SKOS
from partykg.lazyre import lazy  # compiled when first used (cold start)

# (the number as model.ids reads it, letter suffix and all: "24A-NQ/TW", "24a/2016/NĐ-CP")
_CODE = lazy(
    rf"(?<![\w/])({ids.CODE_NUMBER}\s*-\s*[A-Za-zĐđ]+\s*/\s*[A-Za-zĐđ0-9]+"
    rf"|{ids.CODE_NUMBER}\s*/\s*(?:\d{{4}}\s*/\s*)?[A-Za-zĐđ]+\s*-\s*[A-Za-zĐđ0-9]+(?:-[A-Za-zĐđ0-9]+)*)"
    r"(?:\s*@\s*(\d{4}-\d{2}-\d{2}))?", needs=("-", "/"))
_SHORT = lazy(r"^(?P<type>.*?)\s*(?:\b(?:so|no|n|nr|number|nomor)\b\.?\s*)?(?P<num>\d+[a-z]?)$")
# words that introduce a qualifier: "of 2023", "năm 2023", "of the Politburo", "của Ban Bí thư"
_QUALIFIER = lazy(r"\s+(?:of|from|by|in|issued in|nam|cua|du|de la|de|dari|tahun|ngay)\s+(?P<q>.+)$")
_YEAR = lazy(r"^\(?((?:19|20)\d{2})\)?$", needs=("19", "20"))
_LEADING = lazy(r"^(?:the|a|an|le|la|les|l|cai|van ban|so)\s+")


class ResolveError(PartykgError):
    """A mention that names no entity, or several."""

    def __init__(self, message: str, resolution: "Resolution"):
        super().__init__(message)
        self.resolution = resolution


@dataclass
class Resolution:
    mention: str
    candidates: list[str] = field(default_factory=list)   # entity IRIs
    suggestions: list[str] = field(default_factory=list)  # entity IRIs, when nothing matched
    how: str = ""  # what matched: "code", "name", "type and number", ...

    @property
    def status(self) -> str:
        return "one" if len(self.candidates) == 1 else ("ambiguous" if self.candidates else "none")


# --- what the graph knows, cached per graph (:mod:`partykg.ask.lexicon`) ---------------------

def kinds(kg) -> dict[str, str]:
    """class IRI -> kind: document, body, event, person, post, term, source, merger."""
    c = _cache(kg)
    if "kinds" not in c:
        from partykg.ask import kept

        c["kinds"] = kept.of(kg).get("kinds", lambda: _make_kinds(kg))
    return c["kinds"]


def _make_kinds(kg) -> dict[str, str]:
    order = ["Merger", "SourceArticle", "Term", "Post", "Person", "Event", "Body", "Document"]
    out: dict[str, str] = {}
    for r in sorted(queries.run(kg, "kinds"), key=lambda r: order.index(_local(r["top"].value))):
        out.setdefault(r["class"].value, _local(r["top"].value).lower()
                       .replace("sourcearticle", "source"))
    return out


def _local(iri: str) -> str:
    """What follows the last ``#`` or ``/`` of ``iri`` (string methods: no regex to compile)."""
    return iri[max(iri.rfind("#"), iri.rfind("/")) + 1:]


# --- resolving ---------------------------------------------------------------------------------

def _clean(mention: str) -> str:
    m = " ".join(mention.replace("“", '"').replace("”", '"').split())
    return m.strip(" \t?!.,;:\"'«»()[]")


def _lookup_code(kg, code: str, date: str | None) -> list[str]:
    rows = queries.run(kg, "lookup-code", {"key": ox.Literal(ids.code_key(code))})
    if date:
        rows = [r for r in rows if r["date"] is not None and r["date"].value == date]
    return _unique(r["doc"].value for r in rows)


def _lookup_name(kg, text: str) -> list[str]:
    key = ids.name_key(text)
    if not key:
        return []
    return _unique(r["entity"].value for r in queries.run(kg, "lookup-name", {"name": ox.Literal(key)}))


def _unique(items) -> list[str]:
    return list(dict.fromkeys(items))


def _doc_rows(kg, iri: str) -> dict:
    return describe(kg, iri)


def _filter_qualifier(kg, cands: list[str], qualifier: str | None) -> tuple[list[str], bool]:
    """Keep the candidates a qualifier ("2023", "the Politburo") fits. Returns (kept, understood)."""
    if not qualifier:
        return cands, True
    q = ids.name_key(qualifier)
    y = _YEAR.match(q)
    if y:
        year = y.group(1)
        return [c for c in cands if (describe(kg, c).get("date") or "").startswith(year)], True
    bodies = [b for b in _lookup_name(kg, qualifier) if describe(kg, b)["kind"] == "body"]
    if bodies:
        return [c for c in cands if set(describe(kg, c).get("issuers", [])) & set(bodies)], True
    return cands, False


def resolve(kg, mention: str, kinds_: tuple[str, ...] | None = None) -> Resolution:
    """The entities ``mention`` names (see the module's doc). ``kinds_`` restricts the kinds
    (e.g. ("document",) or ("body",))."""
    text = _clean(mention)
    res = Resolution(mention)
    if not text or len(text) > 300:
        return res

    def keep(items: list[str]) -> list[str]:
        if not kinds_:
            return items
        return [i for i in items if describe(kg, i)["kind"] in kinds_]

    # an IRI or a data path
    try:
        iri = queries.expand_iri(text)
    except queries.QueryLibraryError:
        iri = None
    if iri and iri.startswith(BASE) and describe(kg, iri)["kind"] != "unknown":
        res.candidates, res.how = keep([iri]), "IRI"
        return res

    # a full code, possibly CODE@YYYY-MM-DD, possibly with a qualifier ("... of 2021")
    m = _CODE.search(text)
    if m:
        try:
            code = ids.parse_code(m.group(1))
        except ids.CodeError:
            code = None
        if code is not None:
            cands = _lookup_code(kg, code.text, m.group(2))
            rest = text[m.end():]
            qm = _QUALIFIER.match(" " + ids.name_key(rest)) if rest.strip() else None
            cands, _ = _filter_qualifier(kg, cands, qm.group("q") if qm else None)
            res.candidates, res.how = keep(cands), "code"
            if not res.candidates:
                res.suggestions = _suggest_number(kg, code.number, None) or _suggest_names(kg, text)
            return res

    # an exact name ("the Secretariat", "Ban Bí thư", "Regulation 209", "Conclusion 12 of the Politburo")
    named = keep(_lookup_name(kg, text))
    key = ids.name_key(text)
    key = _LEADING.sub("", key)

    # a type and a number ("Directive 51", "Chỉ thị số 51", "CT 51", "Resolution 02 of 2023")
    qualifier = None
    head = key
    qm = _QUALIFIER.search(key)
    if qm and re.search(r"\d", key[: qm.start()]):
        head, qualifier = key[: qm.start()], qm.group("q")
    typed: list[str] = []
    understood = True
    sm = _SHORT.match(head)
    number = None
    if sm and sm.group("type"):
        concepts = type_words(kg).get(sm.group("type").strip())
        number = sm.group("num")
        if concepts:
            rows = queries.run(kg, "lookup-number", {"number": ox.Literal(ids.number_key(number))})
            typed = [r["doc"].value for r in rows if r["type"].value in concepts]
            typed, understood = _filter_qualifier(kg, _unique(typed), qualifier)
            typed = keep(typed)
    cands = _unique([*named, *typed])
    if cands:
        res.candidates = cands
        res.how = "name" if named and not typed else ("type and number" if typed and not named
                                                       else "name, type and number")
        return res

    # the start of a name ("Party Executive Committee", "Resolution 4")
    if key:
        rows = queries.run(kg, "name-prefix", {"prefix": ox.Literal(key)})
        prefixed = keep(_unique(r["entity"].value for r in rows))
        if prefixed:
            res.candidates, res.how = prefixed, "start of a name"
            return res
    res.suggestions = keep((_suggest_number(kg, number, None) if number else [])
                           or _suggest_names(kg, text))
    return res


def _suggest_number(kg, number: str | None, _type) -> list[str]:
    if not number:
        return []
    rows = queries.run(kg, "lookup-number", {"number": ox.Literal(ids.number_key(number))})
    return _unique(r["doc"].value for r in rows)[:8]


def _suggest_names(kg, text: str, n: int = 5) -> list[str]:
    """The entities whose names are closest to ``text`` (difflib), among the names that share
    its first letters, so that the cost stays bounded however big the graph."""
    key = ids.name_key(text)
    if not key:
        return []
    names: dict[str, list[str]] = {}
    for start in (key[:4], key[:2]):
        for r in queries.run(kg, "names", {"start": ox.Literal(start)}):
            names.setdefault(r["key"].value.lower(), []).append(r["entity"].value)
        if names:
            break
    import difflib  # only for suggestions: not at load time

    close = difflib.get_close_matches(key, list(names), n=n, cutoff=0.6)
    return _unique(e for k in close for e in names[k])[:n]


def resolve_one(kg, mention: str, kinds_: tuple[str, ...] | None = None) -> str:
    """The IRI of the one entity ``mention`` names, or :class:`ResolveError` listing the
    candidates (ambiguous) or the nearest names (nothing matched)."""
    res = resolve(kg, mention, kinds_)
    if res.status == "one":
        return res.candidates[0]
    if res.status == "ambiguous":
        listed = "\n".join(f"  - {summary(kg, c)}" for c in res.candidates)
        raise ResolveError(f"{mention!r} names {len(res.candidates)} entities; name one of them "
                           f"by its code and date (CODE@YYYY-MM-DD), its year or its IRI:\n{listed}", res)
    near = "".join(f"\n  - {summary(kg, s)}" for s in res.suggestions)
    raise ResolveError(f"nothing in the graph matches {mention!r}"
                       + (f"; the nearest:{near}" if near else ""), res)


resolve_focus = resolve_one  # the name partykg.views.view uses


def resolver(kg):
    """A function from a mention to the IRI it names in ``kg`` (for
    :func:`partykg.store.queries.bindings`); raises :class:`ResolveError`."""
    return lambda mention: resolve_one(kg, mention)


# --- describing an entity ----------------------------------------------------------------------

def _keep(d: dict, key: str, value: str, precise: bool = False) -> None:
    """Keep one of several values that sources give for a property, the same one whatever order
    the engine returns rows in: the most precise date, else the shortest text (a subject that
    runs on into the next clause is longer), then the first in sorting order."""
    old = d.get(key)
    if old is None:
        d[key] = value
    elif precise:  # (min(old, value) by (-len, text): the first of equals, old)
        if (-len(value), value) < (-len(old), old):
            d[key] = value
    elif (len(value), value) < (len(old), old):
        d[key] = value


# the properties describe() reads -> what it makes of them (a dict: one lookup per row)
_PROPS = {RDF + "type": "class", SKOS + "prefLabel": "label", SKOS + "altLabel": "name",
          PK + "code": "code", PK + "number": "number", PK + "dateIssued": "date",
          PK + "startDate": "date", PK + "endDate": "end", PK + "issuedBy": "issuer",
          PK + "documentType": "type", PK + "title": "titles",
          "http://purl.org/dc/terms/title": "titles", PK + "subject": "subjects",
          PK + "status": "status", "http://purl.org/dc/terms/issued": "date",
          "http://purl.org/dc/terms/publisher": "publisher", PK + "translationOf": "translation_of",
          "http://www.w3.org/2000/01/rdf-schema#comment": "comment", PK + "url": "url",
          ORG + "postIn": "body", PK + "draftedBy": "list", PK + "submittedTo": "list",
          PK + "approvedAt": "list", PK + "term": "list"}
_DOCUMENT = PK + "Document"


def describe(kg, iri: str) -> dict:
    """A summary of one entity: kind, class, labels by language, code, number, date, issuer,
    title, subject, statuses [(status, asOf)] — what the graph holds, unknowns left out."""
    c = _cache(kg).setdefault("describe", {})
    if iri in c:
        return c[iri]
    d = described.lookup(kg, iri)  # kept for every entity of the graph (cached store)
    if d is None:
        d = _summary(kg, iri, _entity_rows(kg, iri))
    c[iri] = d
    return d


def _describe_rows(kg, iri: str) -> dict | None:
    """:func:`describe` of ``iri`` from the rows the graph's table keeps (what describe reads
    first), or None when the table does not keep them (:mod:`partykg.ask.described`)."""
    kept = _table_rows(kg, iri, memo_too=False)
    return None if kept is None else _summary(kg, iri, kept)


def _summary(kg, iri: str, rows: list[tuple]) -> dict:
    kinds_ = kinds(kg)
    d: dict = {"iri": iri, "kind": "unknown", "labels": {}, "names": [], "titles": {},
               "subjects": {}, "statuses": []}
    for p, o, lang, as_of in rows:
        what = _PROPS.get(p)
        if what is None:
            continue
        if what == "class":
            k = kinds_.get(o)
            if k and (d["kind"] == "unknown" or k != "document" or d["kind"] == "document"):
                d["kind"] = k
                if k == "document" and o != _DOCUMENT:
                    d["class"] = o
                elif k != "document":
                    d.setdefault("class", o)
        elif what == "label":
            _keep(d["labels"], lang or "", o)
        elif what == "name":
            d["names"].append((o, lang or ""))
        elif what == "date":
            _keep(d, "date", o, precise=True)
        elif what == "end":
            _keep(d, "end", o, precise=True)
        elif what == "issuer":
            # a joint document (Politburo and Secretariat) has several issuers: all of them, in
            # IRI order whatever order the engine returns rows in ("issuer": the first)
            d["issuers"] = sorted(set(d.get("issuers", [])) | {o})
            d["issuer"] = d["issuers"][0]
        elif what == "titles" or what == "subjects":
            _keep(d[what], lang or "", o)
        elif what == "status":
            d["statuses"].append((_local(o), as_of))
        elif what == "comment":
            if lang in ("en", None):
                _keep(d, "comment", o)
        elif what == "list":
            d.setdefault(_local(p), []).append(o)
        else:  # code, number, type, publisher, translation_of, url, body: one value
            _keep(d, what, o)
    d["names"].sort()
    d["statuses"].sort(key=lambda s: (s[1] or "", s[0]))
    return d


def _entity_rows(kg, iri: str) -> list[tuple]:
    """The rows of the ``entity`` query for ``iri`` as plain data: (the property's IRI, the
    object's value, its language or None, the asOf's value or None). Read as the query's other
    callers read it (:func:`partykg.store.queries.run`), but from the graph's table
    (:mod:`partykg.store.table`) or the memo's kept rows (:mod:`partykg.store.memo`) without
    making RDF terms when they hold them: a card names up to ~200 entities of ~30 rows each
    (issue 13)."""
    rows = _table_rows(kg, iri)
    if rows is not None:
        return rows
    return [(r["p"].value, r["o"].value, getattr(r["o"], "language", None),
             r["asOf"].value if r["asOf"] else None)
            for r in queries.run(kg, "entity", {"entity": ox.NamedNode(iri)})]


def _table_rows(kg, iri: str, memo_too: bool = True) -> list[tuple] | None:
    """:func:`_entity_rows` from the table, then (``memo_too``) the memo's kept rows, in the
    order :func:`partykg.store.queries.run` reads them; None when neither keeps them."""
    memo = getattr(kg, "memo", None)
    if memo is None:
        return None
    term = ox.NamedNode(iri)
    text = queries.load("entity", getattr(kg, "root", None)).text
    table = memo.table()
    kept = table.encoded_rows(text, {"entity": term}) if table is not None else None
    if kept is None and memo_too:
        kept = memo.get_bound_encoded(text, {"entity": term})
    if kept is None:
        return None
    try:
        return _plain_rows(*kept)
    except (ValueError, IndexError, TypeError):
        return None


def _plain_rows(names: list, rows: list) -> list[tuple]:
    """Rows of the ``entity`` query as :func:`partykg.store.memo.encode_rows` keeps them (an
    IRI a str, a literal (value, language, datatype), a blank node (id,), unbound None) ->
    (p, the object's value, its language or None, the asOf's value or None)."""
    ip, io, ia = names.index("p"), names.index("o"), names.index("asOf")
    out = []
    for r in rows:
        p, o, a = r[ip], r[io], r[ia]
        if type(p) is not str:
            raise TypeError("a property that is not an IRI")
        if type(o) is str:
            value, lang = o, None
        elif len(o) == 3:
            value, lang = o[0], o[1] or None
        else:
            value, lang = o[0], None
        out.append((p, value, lang, a if a is None or type(a) is str else a[0]))
    return out


def label(kg, iri: str, lang: str = "en") -> str:
    """A display name in ``lang`` (else English, else any), else the code, else the IRI's path."""
    d = describe(kg, iri)
    if d["labels"].get(lang):
        return d["labels"][lang]
    for n, lg in d["names"]:  # a name a source gives in that language (not for documents:
        if lg == lang and lang not in ("en", "vi") and d["kind"] != "document":  # their codes say more)
            return n
    for lg in ("en", ""):
        if d["labels"].get(lg):
            return d["labels"][lg]
    if d["labels"]:
        return sorted(d["labels"].items())[0][1]
    if d.get("code"):
        return d["code"]
    for texts in (d["titles"], d["subjects"]):
        for lg in (lang, "en"):
            if texts.get(lg):
                return texts[lg]
        if texts:
            return sorted(texts.items())[0][1]
    return iri.removeprefix(BASE)


def summary(kg, iri: str, lang: str = "en") -> str:
    """One line: name, date, issuer, status and IRI path — enough to tell candidates apart."""
    d = describe(kg, iri)
    parts = [label(kg, iri, lang)]
    if d.get("date"):
        parts.append(("ngày " if lang == "vi" else "") + format_date(d["date"], lang))
    if d.get("issuers"):
        parts.append(("của " if lang == "vi" else "of ")
                     + (" và " if lang == "vi" else " and ").join(label(kg, b, lang)
                                                                for b in d["issuers"]))
    if d["statuses"]:
        st, as_of = d["statuses"][-1]
        parts.append(f"[{status_word(st, lang)}"
                     + (f", {'tính đến' if lang == 'vi' else 'as of'} {format_date(as_of, lang)}" if as_of else "")
                     + "]")
    return ", ".join(parts) + f" ({iri.removeprefix(BASE)})"


_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]


def format_date(value: str | None, lang: str = "en") -> str:
    """2005-04-13 -> "13 April 2005" / "13/4/2005"; partial dates stay partial."""
    if not value:
        return "?"
    parts = value.split("-")
    try:
        if len(parts) == 3:
            y, m, d = int(parts[0]), int(parts[1]), int(parts[2])
            return f"{d}/{m}/{y}" if lang == "vi" else f"{d} {_MONTHS[m - 1]} {y}"
        if len(parts) == 2:
            y, m = int(parts[0]), int(parts[1])
            return f"tháng {m}/{y}" if lang == "vi" else f"{_MONTHS[m - 1]} {y}"
    except (ValueError, IndexError):
        return value
    return value


_STATUS_VI = {"issued": "đã ban hành", "planned": "dự kiến", "draft": "dự thảo",
              "in-force": "còn hiệu lực", "no-longer-in-force": "hết hiệu lực"}


def status_word(status: str, lang: str = "en") -> str:
    return _STATUS_VI.get(status, status) if lang == "vi" else status.replace("-", " ")


__all__ = ["Resolution", "ResolveError", "describe", "format_date", "label", "resolve",
           "resolve_focus", "resolve_one", "summary"]
