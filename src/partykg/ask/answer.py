"""``partykg ask "QUESTION"``: a question in English or Vietnamese -> a query of the library ->
an answer that is data first (:class:`Answer`, ``--json``) and text second.

The question forms are grammar (below, one table per language); what a question names is
resolved in the graph (:mod:`partykg.ask.resolve`) and every answer comes from the graph through the
query library: no code, name or answer lives here. A planned fact is answered as planned, with its
as-of date and source, never as done.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from dataclasses import asdict, dataclass, field

import pyoxigraph as ox

from partykg.model import ids
from partykg.store import queries
from partykg.errors import PartykgError
from partykg.ask.resolve import describe, format_date, label, resolve, status_word, summary
from partykg.model.vocab import BASE, PK, XSD

MAX_QUESTION = 2000


class UnsupportedQuestion(PartykgError):
    """A question none of the supported forms matches."""


# --- question forms ------------------------------------------------------------------------------
# Patterns match the question folded to lower-case ASCII (ids.fold): "Văn bản nào thay thế Chỉ thị
# 51?" is matched as "van ban nao thay the chi thi 51". (?P<x>...) is what the question names;
# (?P<rel>...) a relation word; (?P<year>...) / (?P<date>...) a time.

_X = r"(?P<x>.+?)"
_YEAR = r"(?:\s+(?:in|during|trong|vao|nam|trong nam|vao nam)(?:\s+nam)?\s+(?P<year>(?:19|20)\d{2}))?"
_DATE = r"(?:\s+(?:on|at|as of|vao|vao ngay|ngay|tai ngay)\s+(?P<date>[\d/.-]+))?"

EN = "en"
VI = "vi"

FORMS: list[tuple[str, str, str]] = [
    # (intent, language, pattern)
    ("replaced_by", EN, rf"^(?:what|which(?: documents?)?)\s+(?:replaces|replaced|will replace|is replacing|is going to replace|is to replace|is planned to replace|has replaced|would replace)\s+{_X}$"),
    ("replaced_by", EN, rf"^(?:what|which document)\s+(?:is|was|has)\s+{_X}\s+(?:been\s+)?replaced (?:by|with)$"),
    ("replaced_by", EN, rf"^(?:is|was|has|will)\s+{_X}\s+(?:been\s+|be\s+)?replaced(?:\s+yet)?$"),
    ("replaced_by", EN, rf"^(?:what is the\s+)?(?:successors?|replacements?)\s+(?:of|to|for)\s+{_X}$"),
    ("replaces", EN, rf"^(?:what|which documents?)\s+(?:does|did|will)\s+{_X}\s+replace$"),
    ("replaces", EN, rf"^(?:what|which documents?)\s+(?:is|was|were|are)\s+replaced by\s+{_X}$"),
    ("issuer", EN, rf"^(?:who|which body|what body)\s+(?:issued|signed|promulgated|adopted|passed)\s+{_X}$"),
    ("issuer", EN, rf"^(?:when|by whom)\s+(?:was|were)\s+{_X}\s+(?:issued|signed|promulgated|adopted)$"),
    ("issuer", EN, rf"^who is the issuer of\s+{_X}$"),
    ("related_in", EN, rf"^(?:what|which documents?)\s+(?P<rel>implements?|amends?|guides?|continues?|cites?|is based on|are based on)\s+{_X}$"),
    ("related_out", EN, rf"^(?:what|which documents?)\s+(?:does|did)\s+{_X}\s+(?P<rel>implement|amend|guide|continue|cite)$"),
    ("related_out", EN, rf"^(?:what|which documents?)\s+(?:is|was)\s+{_X}\s+(?P<rel>based on)$"),
    ("issued_by_body", EN, rf"^(?:what|which documents?)\s+(?:did|has|have|does)\s+{_X}\s+(?:issue|issued|publish|published|adopt|adopted){_YEAR}$"),
    ("issued_by_body", EN, rf"^(?:list\s+)?(?:the\s+)?documents?\s+(?:issued\s+)?by\s+{_X}{_YEAR}$"),
    ("in_force", EN, rf"^(?:is|was)\s+{_X}\s+(?:still\s+)?(?:in force|valid|in effect){_DATE}$"),
    ("merged", EN, rf"^(?:what|which bodies|who)\s+(?:was|were|has been|have been)\s+merged\s+(?:into|with)\s+{_X}$"),
    ("merged", EN, rf"^(?:what|which bodies)\s+merged\s+(?:into|with)\s+{_X}$"),
    ("merged", EN, rf"^what happened to\s+{_X}$"),
    ("merged", EN, rf"^(?:was|has)\s+{_X}\s+(?:been\s+)?merged(?:\s+into anything)?$"),
    ("card", EN, rf"^(?:tell me about|tell me more about|what is|what's|what was|what are|describe|show me|show|who is|who was|info on|information on|information about|details of|details on)\s+{_X}$"),

    ("replaced_by", VI, rf"^(?:van ban nao|nhung van ban nao|cai gi|gi|cac van ban nao)\s+(?:da\s+|se\s+|du kien\s+|dang\s+)?thay the(?: cho)?\s+{_X}$"),
    ("replaced_by", VI, rf"^{_X}\s+(?:da\s+|se\s+)?(?:duoc|bi)\s+thay the\s+(?:boi|bang)\s+(?:van ban nao|gi|cai gi|nhung van ban nao)$"),
    ("replaced_by", VI, rf"^{_X}\s+(?:da\s+)?(?:duoc|bi)\s+thay the\s+chua$"),
    ("replaced_by", VI, rf"^{_X}\s+(?:da\s+|se\s+)?(?:duoc|bi)\s+thay the(?: khong)?$"),
    ("replaces", VI, rf"^{_X}\s+(?:da\s+|se\s+)?thay the(?: cho)?\s+(?:van ban nao|gi|cai gi|nhung van ban nao)$"),
    ("issuer", VI, rf"^(?:ai|co quan nao|don vi nao)\s+(?:da\s+)?ban hanh\s+{_X}$"),
    ("issuer", VI, rf"^{_X}\s+(?:do|duoc)\s+(?:ai|co quan nao|don vi nao)\s+ban hanh(?:\s+va\s+(?:khi nao|ngay nao))?$"),
    ("issuer", VI, rf"^{_X}\s+(?:duoc\s+)?ban hanh\s+(?:khi nao|ngay nao|nam nao|luc nao|vao ngay nao|vao khi nao)$"),
    ("related_in", VI, rf"^(?:van ban nao|nhung van ban nao|cac van ban nao|cai gi)\s+(?P<rel>huong dan(?: thuc hien)?|sua doi(?:,? bo sung)?|trien khai(?: thuc hien)?|thuc hien|tiep tuc(?: thuc hien)?|dan chieu|can cu(?: vao)?)\s+{_X}$"),
    ("related_out", VI, rf"^{_X}\s+(?P<rel>huong dan(?: thuc hien)?|sua doi(?:,? bo sung)?|trien khai(?: thuc hien)?|thuc hien|tiep tuc(?: thuc hien)?|dan chieu|can cu(?: vao)?)\s+(?:van ban nao|gi|cai gi|nhung van ban nao)$"),
    ("issued_by_body", VI, rf"^{_X}\s+(?:da\s+)?ban hanh\s+(?:nhung\s+|cac\s+)?(?:van ban nao|gi|nhung gi|van ban gi){_YEAR}$"),
    ("issued_by_body", VI, rf"^(?:nhung\s+|cac\s+)?van ban\s+(?:nao\s+)?(?:do|cua)\s+{_X}\s+ban hanh{_YEAR}$"),
    ("in_force", VI, rf"^{_X}\s+(?:con|co con|da het|con co)\s+hieu luc(?:\s+(?:khong|hay khong))?{_DATE}(?:\s+khong)?$"),
    ("merged", VI, rf"^(?:co quan nao|to chuc nao|nhung gi|cai gi|don vi nao|dang uy nao)\s+(?:da\s+)?(?:duoc\s+)?(?:sap nhap|hop nhat)\s+vao\s+{_X}$"),
    ("merged", VI, rf"^(?:chuyen gi|dieu gi)\s+(?:da\s+)?xay ra voi\s+{_X}$"),
    ("merged", VI, rf"^{_X}\s+(?:da\s+)?(?:duoc\s+|bi\s+)?(?:sap nhap|hop nhat)\s+(?:vao dau|vao co quan nao|chua)$"),
    ("merged", VI, rf"^{_X}\s+(?:gio\s+)?(?:da\s+)?(?:ra sao|the nao roi)$"),
    ("card", VI, rf"^{_X}\s+la\s+(?:gi|van ban gi|ai|co quan nao)$"),
    ("card", VI, rf"^(?:cho (?:toi )?biet\s+(?:ve|thong tin ve)|thong tin ve|gioi thieu ve|tim hieu ve)\s+{_X}$"),
]
_COMPILED = [(i, lang, re.compile(p)) for i, lang, p in FORMS]

SUPPORTED = """Supported questions (X: a document such as "Directive 51", "51-CT/TW", "Chỉ thị 51",
"Regulation 209", "Resolution 02 of 2023"; BODY: "the Secretariat", "Ban Bí thư"...):
  What replaces X?                    Văn bản nào thay thế X?
  What does X replace?                X thay thế văn bản nào?
  Who issued X? / When was X issued?  Ai ban hành X? / X ban hành khi nào?
  What implements|amends|guides|continues X?   Văn bản nào hướng dẫn|sửa đổi|thực hiện X?
  What does X implement|amend|guide|continue?  X thực hiện văn bản nào?
  What did BODY issue [in YEAR]?      BODY đã ban hành những văn bản nào [năm YEAR]?
  Tell me about X / What is X?        X là gì? / Cho biết về X
  Is X in force [on YYYY-MM-DD]?      X còn hiệu lực không [ngày DD/MM/YYYY]?
  What was merged into BODY? / What happened to BODY?   Cơ quan nào được sáp nhập vào BODY?"""

_REL_WORDS = {
    "implement": "implements", "implements": "implements", "amend": "amends", "amends": "amends",
    "guide": "guides", "guides": "guides", "continue": "continues", "continues": "continues",
    "cite": "cites", "cites": "cites", "is based on": "basedOn", "are based on": "basedOn",
    "based on": "basedOn",
    "huong dan": "guides", "huong dan thuc hien": "guides", "sua doi": "amends",
    "sua doi bo sung": "amends", "sua doi, bo sung": "amends", "trien khai": "implements",
    "trien khai thuc hien": "implements", "thuc hien": "implements", "tiep tuc": "continues",
    "tiep tuc thuc hien": "continues", "dan chieu": "cites", "can cu": "basedOn",
    "can cu vao": "basedOn",
}


def _fold_map(text: str) -> tuple[str, list[int]]:
    """``text`` folded to lower-case ASCII, with the index in ``text`` of each folded char."""
    out, pos = [], []
    for i, ch in enumerate(text):
        f = ids.fold(ch).lower()
        out.append(f)
        pos.extend([i] * len(f))
    return "".join(out), pos


@dataclass
class Parsed:
    intent: str
    language: str
    mention: str
    relation: str | None = None
    year: int | None = None
    date: str | None = None


def _parse_date(text: str | None) -> str | None:
    if not text:
        return None
    t = text.strip(" .")
    try:
        return dt.date.fromisoformat(t).isoformat()
    except ValueError:
        pass
    m = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", t)  # Vietnamese order: day/month/year
    if m:
        try:
            return dt.date(int(m[3]), int(m[2]), int(m[1])).isoformat()
        except ValueError:
            pass
    raise UnsupportedQuestion(f"not a date: {text!r} (write YYYY-MM-DD or DD/MM/YYYY)")


def parse_question(question: str) -> Parsed:
    """Match a question to one of the supported forms."""
    q = unicodedata.normalize("NFC", " ".join(question.split())).strip()
    q = q.rstrip("?？!. ").strip()
    if not q:
        raise UnsupportedQuestion("empty question.\n" + SUPPORTED)
    if len(question) > MAX_QUESTION:
        raise UnsupportedQuestion(f"question longer than {MAX_QUESTION} characters.\n" + SUPPORTED)
    folded, pos = _fold_map(q)
    for intent, lang, rx in _COMPILED:
        m = rx.match(folded)
        if not m:
            continue
        a, b = m.span("x")
        mention = q[pos[a]:pos[b - 1] + 1] if b > a else ""
        rel = m.groupdict().get("rel")
        year = m.groupdict().get("year")
        p = Parsed(intent, lang, mention.strip(), _REL_WORDS.get(rel.replace(",", "")) if rel else None,
                   int(year) if year else None, _parse_date(m.groupdict().get("date")))
        if intent == "related_in" and p.relation is None and rel:
            p.relation = _REL_WORDS.get(rel)
        return p
    # a bare mention ("Directive 51", "Ban Bí thư") is a request for its card
    if len(q) <= 120 and (re.search(r"\d", q) or len(q.split()) <= 6):
        return Parsed("card", VI if _looks_vietnamese(q) else EN, q)
    raise UnsupportedQuestion(f"this question is not one partykg understands: {question[:200]!r}\n"
                              + SUPPORTED)


def _looks_vietnamese(text: str) -> bool:
    """Letters only Vietnamese uses among the four languages: ă â đ ê ô ơ ư, the hook above and
    the dot below."""
    low = unicodedata.normalize("NFC", text).lower()
    return bool(re.search(r"[ăâđêôơư]", low)) or any(
        m in unicodedata.normalize("NFD", low) for m in ("\u0309", "\u0323"))


# --- the answer ----------------------------------------------------------------------------------

@dataclass
class Answer:
    question: str
    language: str
    intent: str
    status: str  # answered | ambiguous | not_found
    as_of: str | None = None
    subject: dict | None = None
    relation: str | None = None
    answers: list[dict] = field(default_factory=list)
    candidates: list[dict] = field(default_factory=list)
    suggestions: list[dict] = field(default_factory=list)
    text: str = ""

    def as_dict(self) -> dict:
        return asdict(self)


def entity(kg, iri: str, lang: str) -> dict:
    """An entity as answers give it: IRI, kind, label, code, type, title, subject, date,
    issuer, statuses."""
    d = describe(kg, iri)
    out = {"iri": iri, "id": iri.removeprefix(BASE), "kind": d["kind"], "label": label(kg, iri, lang)}
    if d.get("code"):
        out["code"] = d["code"]
    if d.get("type"):
        out["type"] = label_of_type(kg, d["type"], lang)
    for key, texts in (("title", d["titles"]), ("subject", d["subjects"])):
        if texts:
            out[key] = _pick(texts, lang)
    if d.get("date"):
        out["date"] = d["date"]
    if d.get("end"):
        out["end"] = d["end"]
    if d.get("issuer"):
        out["issuer"] = {"iri": d["issuer"], "label": label(kg, d["issuer"], lang)}
    if d["statuses"]:
        out["statuses"] = [{"status": s, "as_of": a} for s, a in d["statuses"]]
    if d.get("url"):
        out["url"] = d["url"]
    return out


def _pick(texts: dict[str, str], lang: str) -> str:
    for lg in (lang, "en", "vi"):
        if texts.get(lg):
            return texts[lg]
    return sorted(texts.items())[0][1]


def label_of_type(kg, concept: str, lang: str) -> str:
    from partykg.ask.resolve import _cache

    c = _cache(kg).setdefault("type_labels", {})
    if not c:
        for r in queries.run(kg, "document-types"):
            if r["kind"].value == "pref" and r["name"].language:
                c.setdefault(r["type"].value, {})[r["name"].language] = r["name"].value
    return _pick(c.get(concept, {}), lang) if c.get(concept) else concept.rsplit("/", 1)[-1]


def sources_of(kg, s: str, p: str, o: ox.NamedNode | ox.Literal, lang: str) -> list[dict]:
    """The sources that state (s p o), with their quotes."""
    rows = _facts(kg, s)
    out = []
    for r in rows:
        if r["p"] is None or r["p"].value != p or r["o"] != o or r["source"] is None:
            continue
        out.append(_source(kg, r, lang))
    return _dedup(out)


def mentions_of(kg, s: str, lang: str) -> list[dict]:
    return _dedup([_source(kg, r, lang) for r in _facts(kg, s)
                   if r["direction"].value == "mention" and r["source"] is not None])


def _facts(kg, s: str) -> list[dict]:
    from partykg.ask.resolve import _cache

    c = _cache(kg).setdefault("facts", {})
    if s not in c:
        c[s] = queries.run(kg, "document", {"doc": ox.NamedNode(s)})
    return c[s]


def _source(kg, row: dict, lang: str) -> dict:
    src = row["source"].value
    d = describe(kg, src)
    q = row.get("quote")  # None: a source given by its URL only (a spreadsheet row, no quote)
    out = {"source": src, "id": src.removeprefix(BASE), "quote": q.value if q is not None else None,
           "quote_language": q.language if q is not None else None}
    if d["titles"]:
        out["title"] = _pick(d["titles"], lang)
    if d.get("date"):
        out["date"] = d["date"]
    if d.get("url"):
        out["url"] = d["url"]
    if row.get("note") is not None:
        out["note"] = row["note"].value
    return out


def _dedup(items: list[dict]) -> list[dict]:
    """One entry per source and quote, in a stable order (oldest source first) whatever order the
    engine returned the rows in."""
    seen, out = set(), []
    for i in items:
        k = (i["source"], i["quote"])
        if k not in seen:
            seen.add(k)
            out.append(i)
    return sorted(out, key=lambda i: (i.get("date") or "", i["source"], i["quote"] or ""))


def _known_by(date: str | None, as_of: str | None) -> bool:
    """Whether something dated ``date`` (possibly partial) was known by ``as_of``."""
    return as_of is None or date is None or date[: len(as_of)] <= as_of[: len(date)]


# --- intents -------------------------------------------------------------------------------------

def _replacement_steps(kg, doc: str, forward: bool, lang: str, as_of: str | None) -> list[dict]:
    q = "replaced-by" if forward else "replaces"
    rows = queries.run(kg, q, {"doc": ox.NamedNode(doc)})
    steps: dict[tuple[str, str, str], dict] = {}
    for r in rows:
        key = (r["older"].value, r["newer"].value, r["relation"].value)
        st = steps.get(key)
        if st is None:
            planned = r["relation"].value == PK + "plannedToReplace"
            st = steps[key] = {"older": entity(kg, r["older"].value, lang),
                               "newer": entity(kg, r["newer"].value, lang),
                               "relation": "plannedToReplace" if planned else "replaces",
                               "status": "planned" if planned else "issued",
                               "as_of": None,
                               "sources": sources_of(kg, r["newer"].value, r["relation"].value,
                                                     r["older"], lang)}
            newer = describe(kg, r["newer"].value)
            st["date"] = newer.get("date")
            # when the step was first reported: the earliest status date of the newer document
            st["reported"] = min((s[1] for s in newer["statuses"] if s[1]), default=None)
            statuses = [s for s in newer["statuses"] if _known_by(s[1], as_of)]
            if statuses:
                st["status"], st["as_of"] = statuses[-1]
                if not planned and st["status"] in ("planned", "draft"):
                    st["status"] = "issued"
            st["with"] = [entity(kg, o, lang) for o in _related(kg, r["newer"].value, "inConjunctionWith")
                          if o not in (r["older"].value,)]
    out = []
    for st in steps.values():
        when = st["date"] if st["relation"] == "replaces" else st.pop("reported")
        st.pop("reported", None)
        if _known_by(when, as_of):
            out.append(st)
    out.sort(key=lambda s: (s["date"] or s["as_of"] or "9999"), reverse=not forward)
    return out


def _related(kg, doc: str, relation: str) -> list[str]:
    rows = queries.run(kg, "relations", {"doc": ox.NamedNode(doc),
                                         "relation": ox.NamedNode(PK + relation)})
    return [r["other"].value for r in rows if r["direction"].value == "out"]


def answer(kg, question: str, as_of: str | None = None) -> Answer:
    """Answer one question (see :data:`SUPPORTED`); raises :class:`UnsupportedQuestion`."""
    if as_of is not None:
        as_of = _parse_date(as_of)
    p = parse_question(question)
    lang = p.language
    a = Answer(question, lang, p.intent, "answered", as_of=as_of)
    kinds_ = {"issued_by_body": ("body",), "merged": ("body",)}.get(p.intent)
    if p.intent in ("replaced_by", "replaces", "issuer", "related_in", "related_out", "in_force"):
        kinds_ = ("document",)
    res = resolve(kg, p.mention, kinds_)
    if res.status != "one":
        a.status = "ambiguous" if res.status == "ambiguous" else "not_found"
        a.candidates = [entity(kg, c, lang) for c in res.candidates]
        a.suggestions = [entity(kg, s, lang) for s in res.suggestions]
        a.text = render(kg, a, p)
        return a
    subject = res.candidates[0]
    a.subject = entity(kg, subject, lang)
    handler = {
        "replaced_by": _ans_replaced_by, "replaces": _ans_replaces, "issuer": _ans_issuer,
        "related_in": _ans_related, "related_out": _ans_related, "issued_by_body": _ans_issued_by,
        "card": _ans_card, "in_force": _ans_in_force, "merged": _ans_merged,
    }[p.intent]
    handler(kg, a, p, subject)
    a.text = render(kg, a, p)
    return a


def _ans_replaced_by(kg, a: Answer, p: Parsed, doc: str) -> None:
    a.relation = "replacedBy"
    a.answers = _replacement_steps(kg, doc, True, a.language, a.as_of)


def _ans_replaces(kg, a: Answer, p: Parsed, doc: str) -> None:
    a.relation = "replaces"
    a.answers = _replacement_steps(kg, doc, False, a.language, a.as_of)


def _literal_sources(kg, s: str, p: str, lang: str) -> list[dict]:
    return _dedup([_source(kg, r, lang) for r in _facts(kg, s)
                   if r["p"] is not None and r["p"].value == p and r["direction"].value == "out"
                   and r["source"] is not None])


def _ans_issuer(kg, a: Answer, p: Parsed, doc: str) -> None:
    a.relation = "issuedBy"
    d = describe(kg, doc)
    item: dict = {"issuer": None, "date": d.get("date"), "sources": []}
    if d.get("issuer"):
        item["issuer"] = entity(kg, d["issuer"], a.language)
        item["sources"] += sources_of(kg, doc, PK + "issuedBy", ox.NamedNode(d["issuer"]), a.language)
    if d.get("date"):
        item["sources"] += _literal_sources(kg, doc, PK + "dateIssued", a.language)
    item["sources"] = _dedup(item["sources"])
    a.answers = [item]


def _ans_related(kg, a: Answer, p: Parsed, doc: str) -> None:
    rel = p.relation or "implements"
    direction = "in" if p.intent == "related_in" else "out"
    a.relation = rel if direction == "out" else {"implements": "implementedBy", "amends": "amendedBy",
                                                 "guides": "guidedBy", "continues": "continuedBy",
                                                 "cites": "citedBy", "basedOn": "basisFor"}[rel]
    rows = queries.run(kg, "relations", {"doc": ox.NamedNode(doc), "relation": ox.NamedNode(PK + rel)})
    for r in rows:
        if r["direction"].value != direction:
            continue
        other = r["other"].value
        s, o = (other, doc) if direction == "in" else (doc, other)
        a.answers.append({"document": entity(kg, other, a.language),
                          "sources": sources_of(kg, s, PK + rel, ox.NamedNode(o), a.language)})


def _ans_issued_by(kg, a: Answer, p: Parsed, body: str) -> None:
    a.relation = "issued"
    params = {"body": ox.NamedNode(body)}
    if p.year:
        params["year"] = ox.Literal(str(p.year), datatype=ox.NamedNode(XSD + "integer"))
    for r in queries.run(kg, "issued-by", params):
        doc = r["doc"].value
        if not _known_by(r["date"].value if r["date"] else None, a.as_of):
            continue
        a.answers.append({"document": entity(kg, doc, a.language),
                          "sources": sources_of(kg, doc, PK + "issuedBy", ox.NamedNode(body), a.language)})
    if p.year:
        a.relation = f"issued in {p.year}"


def _ans_card(kg, a: Answer, p: Parsed, iri: str) -> None:
    a.relation = "card"
    lang = a.language
    facts: dict[tuple[str, str, str], dict] = {}
    skip = {PK + "hasStatus", PK + "holdsPost"}
    for r in _facts(kg, iri):
        if r["p"] is None or r["p"].value in skip:
            continue
        o = r["o"]
        if isinstance(o, ox.BlankNode):
            continue
        key = (r["direction"].value, r["p"].value, str(o))
        f = facts.get(key)
        if f is None:
            value = entity(kg, o.value, lang) if isinstance(o, ox.NamedNode) else o.value
            if isinstance(o, ox.NamedNode) and value["kind"] == "unknown":
                value = o.value.removeprefix(BASE) if o.value.startswith(BASE) else o.value
            f = facts[key] = {"direction": r["direction"].value, "property": _short(r["p"].value),
                              "value": value, "sources": []}
        if r["source"] is not None:
            f["sources"].append(_source(kg, r, lang))
    for f in facts.values():
        f["sources"] = _dedup(f["sources"])
    a.answers = [f for f in facts.values()
                 if f["property"] not in ("rdf:type", "pk:documentType", "skos:prefLabel")]
    d = describe(kg, iri)
    if d["kind"] == "person":
        posts: dict[tuple[str, str], dict] = {}
        for r in queries.run(kg, "posts", {"person": ox.NamedNode(iri)}):
            item = posts.setdefault((r["post"].value, r["asOf"].value), {
                "direction": "out", "property": "pk:holdsPost", "value": entity(kg, r["post"].value, lang),
                "as_of": r["asOf"].value, "sources": []})
            if r["source"] is not None:
                item["sources"] = _dedup([*item["sources"], _source(kg, r, lang)])
        if a.as_of:
            posts = {k: v for k, v in posts.items() if _known_by(v["as_of"], a.as_of)}
        a.answers += sorted(posts.values(), key=lambda v: (v["as_of"], v["value"]["label"]))
    if d["kind"] == "document":
        for s_, as_of in d["statuses"]:
            a.answers.append({"direction": "out", "property": "pk:status", "value": s_,
                              "as_of": as_of, "sources": []})
    mentions = mentions_of(kg, iri, lang)
    if mentions:
        a.answers.append({"direction": "mention", "property": "mentioned", "value": None,
                          "sources": mentions})


def _short(iri: str) -> str:
    from partykg.model.vocab import PREFIXES

    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def _ans_in_force(kg, a: Answer, p: Parsed, doc: str) -> None:
    day = p.date or a.as_of or dt.date.today().isoformat()
    a.as_of = day
    a.relation = "inForce"
    d = describe(kg, doc)
    rows = queries.run(kg, "in-force", {"doc": ox.NamedNode(doc),
                                        "date": ox.Literal(day, datatype=ox.NamedNode(XSD + "date"))})
    item: dict = {"date": day, "issued": d.get("date"), "recorded_in_force": bool(rows)}
    planned = [st for st in _replacement_steps(kg, doc, True, a.language, day)]
    if rows:
        item["verdict"] = "no_end_recorded"
    elif not d.get("date"):
        item["verdict"] = "issue_date_unknown"
    elif d["date"][:len(day)] > day[:len(d["date"])]:
        item["verdict"] = "not_yet_issued"
    elif any(s["relation"] == "replaces" for s in planned):
        item["verdict"] = "replaced"
    elif any(s[0] == "no-longer-in-force" for s in d["statuses"]):
        item["verdict"] = "no_longer_in_force"
    elif any(s[0] in ("planned", "draft") for s in d["statuses"]):
        item["verdict"] = "not_issued"
    else:
        item["verdict"] = "unknown"
    item["replacements"] = planned
    a.answers = [item]


def _ans_merged(kg, a: Answer, p: Parsed, body: str) -> None:
    a.relation = "merged"
    rows = queries.run(kg, "mergers", {"body": ox.NamedNode(body)})
    by_merger: dict[str, dict] = {}
    for r in rows:
        m = by_merger.setdefault(r["merger"].value, {
            "merger": r["merger"].value, "originals": [], "result": entity(kg, r["result"].value, a.language),
            "decided_by": entity(kg, r["decidedBy"].value, a.language) if r["decidedBy"] else None,
            "date": r["date"].value if r["date"] else None, "sources": []})
        if r["original"].value != r["result"].value:
            orig = r["original"].value
            if orig not in [o["iri"] for o in m["originals"]]:
                m["originals"].append(entity(kg, orig, a.language))
                m["sources"] += sources_of(kg, orig, PK + "mergedInto", r["result"], a.language)
        if r["decidedBy"] is not None:
            m["sources"] += sources_of(kg, r["merger"].value, PK + "decidedBy", r["decidedBy"], a.language)
    for m in by_merger.values():
        m["sources"] = _dedup(m["sources"])
        if _known_by(m["date"], a.as_of):
            a.answers.append(m)


# --- rendering -----------------------------------------------------------------------------------

T = {
    "en": {
        "ambiguous": "{mention!r} matches {n} documents or bodies; which one? Ask again naming one "
                     "of them by code and date (CODE@YYYY-MM-DD), year or full name:",
        "not_found": "Nothing in the graph matches {mention!r}.",
        "nearest": "The nearest names in the graph:",
        "sources": "Sources:",
        "no_replacement": "No source in the graph says that {x} has been replaced or is planned to be replaced{asof}.",
        "replaced": "{x} was replaced by {y}{date}.",
        "planned": "{x} has not been replaced: {y} is planned to replace it ({status}, as of {asof}){with}.",
        "planned_no_date": "{x} has not been replaced: {y} is planned to replace it ({status}){with}.",
        "chain": "The replacement chain, oldest first:",
        "replaces_none": "No source in the graph says that {x} replaces another document{asof}.",
        "replaces": "{y} replaces {x}{date}.",
        "replaces_planned": "{y} is planned to replace {x} ({status}, as of {asof}).",
        "issuer": "{x} was issued by {issuer}{date}.",
        "issuer_only": "{x} was issued by {issuer}; the sources do not give its date.",
        "date_only": "{x} was issued{date}; the sources do not say by which body.",
        "issuer_none": "The sources do not say who issued {x}, nor when.",
        "rel_none": "No document in the graph {verb} {x}.",
        "rel_in": "Documents that {verb} {x}:",
        "rel_out": "Documents that {x} {verb}:",
        "issued_none": "No document in the graph is recorded as issued by {x}{year}.",
        "issued": "Documents issued by {x}{year}:",
        "in_force_yes": "No source records {x} (issued {issued}) as replaced, repealed or out of force by {day}. partykg cannot confirm that it is in force; it can only say that nothing in its sources says otherwise.",
        "in_force_unknown_date": "The sources do not give the issue date of {x}, so partykg cannot say whether it was in force on {day}.",
        "in_force_not_yet": "{x} was issued {issued}, after {day}.",
        "in_force_replaced": "{x} was no longer in force on {day}: it had been replaced (see below).",
        "in_force_no_longer": "A source reports {x} as no longer in force by {day}.",
        "in_force_not_issued": "{x} is not recorded as issued: it is planned or in draft.",
        "merged_none": "No merger involving {x} is recorded in the graph{asof}.",
        "merged": "{originals} merged into {result}{by}.",
        "card_title": "{x}",
        "asof": " (as of {d})",
    },
    "vi": {
        "ambiguous": "{mention!r} khớp với {n} văn bản hoặc cơ quan; bạn muốn hỏi về văn bản nào? Hãy hỏi lại, "
                     "nêu rõ số ký hiệu và ngày (SỐ-KÝ HIỆU@YYYY-MM-DD), năm hoặc tên đầy đủ:",
        "not_found": "Không có gì trong cơ sở dữ liệu khớp với {mention!r}.",
        "nearest": "Các tên gần nhất:",
        "sources": "Nguồn:",
        "no_replacement": "Không nguồn nào trong cơ sở dữ liệu cho biết {x} đã được thay thế hoặc dự kiến được thay thế{asof}.",
        "replaced": "{x} đã được thay thế bởi {y}{date}.",
        "planned": "{x} chưa được thay thế: {y} dự kiến sẽ thay thế văn bản này ({status}, tính đến {asof}){with}.",
        "planned_no_date": "{x} chưa được thay thế: {y} dự kiến sẽ thay thế văn bản này ({status}){with}.",
        "chain": "Chuỗi thay thế, từ cũ đến mới:",
        "replaces_none": "Không nguồn nào trong cơ sở dữ liệu cho biết {x} thay thế văn bản khác{asof}.",
        "replaces": "{y} thay thế {x}{date}.",
        "replaces_planned": "{y} dự kiến sẽ thay thế {x} ({status}, tính đến {asof}).",
        "issuer": "{x} do {issuer} ban hành{date}.",
        "issuer_only": "{x} do {issuer} ban hành; các nguồn không nêu ngày ban hành.",
        "date_only": "{x} được ban hành{date}; các nguồn không nêu cơ quan ban hành.",
        "issuer_none": "Các nguồn không nêu cơ quan ban hành và ngày ban hành của {x}.",
        "rel_none": "Không có văn bản nào trong cơ sở dữ liệu {verb} {x}.",
        "rel_in": "Các văn bản {verb} {x}:",
        "rel_out": "Các văn bản mà {x} {verb}:",
        "issued_none": "Không có văn bản nào được ghi nhận do {x} ban hành{year}.",
        "issued": "Các văn bản do {x} ban hành{year}:",
        "in_force_yes": "Không nguồn nào ghi nhận {x} (ban hành {issued}) đã bị thay thế, bãi bỏ hoặc hết hiệu lực trước {day}. partykg không thể khẳng định văn bản còn hiệu lực, chỉ có thể nói rằng không nguồn nào cho biết điều ngược lại.",
        "in_force_unknown_date": "Các nguồn không nêu ngày ban hành của {x}, nên partykg không thể biết văn bản có hiệu lực vào {day} hay không.",
        "in_force_not_yet": "{x} được ban hành {issued}, sau {day}.",
        "in_force_replaced": "{x} đã hết hiệu lực vào {day}: văn bản đã được thay thế (xem dưới).",
        "in_force_no_longer": "Một nguồn cho biết {x} đã hết hiệu lực trước {day}.",
        "in_force_not_issued": "{x} chưa được ghi nhận là đã ban hành: văn bản đang dự kiến hoặc dự thảo.",
        "merged_none": "Không có việc sáp nhập nào liên quan đến {x} được ghi nhận{asof}.",
        "merged": "{originals} được sáp nhập vào {result}{by}.",
        "card_title": "{x}",
        "asof": " (tính đến {d})",
    },
}

_VERBS = {
    "en": {"implements": ("implement", "implements"), "amends": ("amend", "amends"),
           "guides": ("guide", "guides"), "continues": ("continue", "continues"),
           "cites": ("cite", "cites"), "basedOn": ("are based on", "is based on")},
    "vi": {"implements": ("thực hiện", "thực hiện"), "amends": ("sửa đổi, bổ sung", "sửa đổi, bổ sung"),
           "guides": ("hướng dẫn", "hướng dẫn"), "continues": ("tiếp tục thực hiện", "tiếp tục thực hiện"),
           "cites": ("dẫn chiếu", "dẫn chiếu"), "basedOn": ("căn cứ vào", "căn cứ vào")},
}

_PROPERTY_NAMES = {
    "en": {"pk:code": "code", "pk:codeAsWritten": "code as written", "pk:number": "number",
           "pk:title": "title", "pk:subject": "on", "pk:dateIssued": "issued",
           "pk:issuedBy": "issued by", "pk:term": "term", "pk:replaces": "replaces",
           "pk:plannedToReplace": "planned to replace", "pk:amends": "amends",
           "pk:implements": "implements", "pk:guides": "guides", "pk:continues": "continues",
           "pk:basedOn": "based on", "pk:cites": "cites", "pk:inConjunctionWith": "in conjunction with",
           "pk:proposes": "proposes", "pk:draftedBy": "drafted by", "pk:submittedTo": "submitted to",
           "pk:approvedAt": "approved at", "pk:status": "status", "pk:mergedInto": "merged into",
           "pk:decidedBy": "decided by", "org:subOrganizationOf": "part of",
           "skos:altLabel": "also called", "skos:prefLabel": "name", "pk:holdsPost": "post",
           "pk:organizedBy": "organised by", "pk:chairedBy": "chaired by", "pk:partOf": "part of",
           "pk:startDate": "from", "pk:endDate": "to", "pk:electedFor": "elected for",
           "mentioned": "mentioned in"},
    "vi": {"pk:code": "số ký hiệu", "pk:codeAsWritten": "số ký hiệu như nguồn ghi", "pk:number": "số",
           "pk:title": "tiêu đề", "pk:subject": "về", "pk:dateIssued": "ngày ban hành",
           "pk:issuedBy": "cơ quan ban hành", "pk:term": "khóa", "pk:replaces": "thay thế",
           "pk:plannedToReplace": "dự kiến thay thế", "pk:amends": "sửa đổi, bổ sung",
           "pk:implements": "thực hiện", "pk:guides": "hướng dẫn", "pk:continues": "tiếp tục thực hiện",
           "pk:basedOn": "căn cứ", "pk:cites": "dẫn chiếu", "pk:inConjunctionWith": "kết hợp với",
           "pk:proposes": "đề xuất", "pk:draftedBy": "cơ quan soạn thảo", "pk:submittedTo": "trình",
           "pk:approvedAt": "thông qua tại", "pk:status": "tình trạng", "pk:mergedInto": "sáp nhập vào",
           "pk:decidedBy": "theo quyết định", "org:subOrganizationOf": "trực thuộc",
           "skos:altLabel": "còn gọi là", "skos:prefLabel": "tên", "pk:holdsPost": "chức vụ",
           "pk:organizedBy": "tổ chức bởi", "pk:chairedBy": "chủ trì", "pk:partOf": "thuộc",
           "pk:startDate": "từ", "pk:endDate": "đến", "pk:electedFor": "nhiệm kỳ",
           "mentioned": "được nhắc đến trong"},
}


def _name(e: dict, lang: str, with_date: bool = True) -> str:
    """A document or body as a sentence names it: its label, its date and issuer when known."""
    if not isinstance(e, dict):
        return str(e)
    bits = []
    if with_date and e.get("date") and e["kind"] == "document":
        bits.append(format_date(e["date"], lang))
    if with_date and e.get("issuer") and e["kind"] == "document":
        bits.append(e["issuer"]["label"])
    return e["label"] + (f" ({', '.join(bits)})" if bits else "")


def _quoted(s: dict) -> str:
    """The quote and its language, or what stands for it when the source gave no quote."""
    if s.get("quote") is None:
        return "(no quote: see the source)"
    return f'"{s["quote"]}" [{s.get("quote_language") or "?"}]'


def _render_sources(sources: list[dict], lang: str, indent: str = "  ") -> list[str]:
    out = []
    for s in sources:
        meta = [m for m in (s.get("title"), format_date(s["date"], lang) if s.get("date") else None,
                            s.get("url")) if m]
        where = s["id"] + (f": {'; '.join(meta)}" if meta else "")
        out.append(f'{indent}- {_quoted(s)} ({where})')
        if s.get("note"):
            out.append(f"{indent}  {'ghi chú' if lang == 'vi' else 'note'}: {s['note']}")
    return out


def render(kg, a: Answer, p: Parsed) -> str:
    lang = a.language
    t = T[lang]
    lines: list[str] = []
    asof = t["asof"].format(d=format_date(a.as_of, lang)) if a.as_of else ""
    if a.status == "ambiguous":
        lines.append(t["ambiguous"].format(mention=p.mention, n=len(a.candidates)))
        lines += [f"  - {summary(kg, c['iri'], lang)}" for c in a.candidates]
        return "\n".join(lines)
    if a.status == "not_found":
        lines.append(t["not_found"].format(mention=p.mention))
        if a.suggestions:
            lines.append(t["nearest"])
            lines += [f"  - {summary(kg, s['iri'], lang)}" for s in a.suggestions]
        return "\n".join(lines)
    x = _name(a.subject, lang)
    sources: list[dict] = []
    if a.intent == "replaced_by":
        if not a.answers:
            lines.append(t["no_replacement"].format(x=x, asof=asof))
        first = [s for s in a.answers if s["older"]["iri"] == a.subject["iri"]]
        for s in first:
            lines.append(_step_sentence(s, lang, x))
        if len(a.answers) > len(first):
            lines.append(t["chain"])
            for i, s in enumerate(a.answers, 1):
                lines.append(f"  {i}. " + _step_sentence(s, lang, _name(s["older"], lang)))
        for s in a.answers:
            sources += s["sources"]
    elif a.intent == "replaces":
        if not a.answers:
            lines.append(t["replaces_none"].format(x=x, asof=asof))
        for s in a.answers:
            y, old = _name(s["newer"], lang, False), _name(s["older"], lang)
            if s["relation"] == "plannedToReplace":
                lines.append(t["replaces_planned"].format(y=y, x=old, status=status_word(s["status"], lang),
                                                          asof=format_date(s["as_of"], lang)))
            else:
                lines.append(t["replaces"].format(y=y, x=old, date=""))
            sources += s["sources"]
    elif a.intent == "issuer":
        item = a.answers[0]
        x0 = _name(a.subject, lang, False)
        date = (" " + ("ngày " if lang == "vi" else "on ") + format_date(item["date"], lang)) if item["date"] else ""
        if item["issuer"] and item["date"]:
            lines.append(t["issuer"].format(x=x0, issuer=item["issuer"]["label"], date=date))
        elif item["issuer"]:
            lines.append(t["issuer_only"].format(x=x0, issuer=item["issuer"]["label"]))
        elif item["date"]:
            lines.append(t["date_only"].format(x=x0, date=date))
        else:
            lines.append(t["issuer_none"].format(x=x0))
        sources += item["sources"]
    elif a.intent in ("related_in", "related_out"):
        rel = p.relation or "implements"
        plural, singular = _VERBS[lang][rel]
        key = "rel_in" if a.intent == "related_in" else "rel_out"
        if not a.answers:
            verb = singular if a.intent == "related_in" else plural
            if a.intent == "related_out":
                lines.append(("{x} không {verb} văn bản nào trong cơ sở dữ liệu." if lang == "vi"
                              else "The graph records no document that {x} {verb}.").format(x=x, verb=singular))
            else:
                lines.append(t["rel_none"].format(verb=verb, x=x))
        else:
            lines.append(t[key].format(verb=plural if key == "rel_in" else singular, x=x))
            for it in a.answers:
                lines.append(f"  - {_describe_line(it['document'], lang)}")
                sources += it["sources"]
    elif a.intent == "issued_by_body":
        year = ((" năm " if lang == "vi" else " in ") + str(p.year)) if p.year else ""
        if not a.answers:
            lines.append(t["issued_none"].format(x=a.subject["label"], year=year + asof))
        else:
            lines.append(t["issued"].format(x=a.subject["label"], year=year + asof))
            for it in a.answers:
                lines.append(f"  - {_describe_line(it['document'], lang)}")
                sources += it["sources"]
    elif a.intent == "in_force":
        item = a.answers[0]
        day = format_date(item["date"], lang)
        issued = format_date(item["issued"], lang) if item["issued"] else "?"
        key = {"no_end_recorded": "in_force_yes", "issue_date_unknown": "in_force_unknown_date",
               "not_yet_issued": "in_force_not_yet", "replaced": "in_force_replaced",
               "no_longer_in_force": "in_force_no_longer", "not_issued": "in_force_not_issued",
               "unknown": "in_force_unknown_date"}[item["verdict"]]
        lines.append(t[key].format(x=_name(a.subject, lang, False), day=day, issued=issued))
        for s in item["replacements"]:
            if s["older"]["iri"] == a.subject["iri"]:
                lines.append(_step_sentence(s, lang, _name(a.subject, lang, False)))
                sources += s["sources"]
    elif a.intent == "merged":
        if not a.answers:
            lines.append(t["merged_none"].format(x=a.subject["label"], asof=asof))
        for m in a.answers:
            originals = ", ".join(o["label"] for o in m["originals"]) or "?"
            by = ""
            if m["decided_by"]:
                by = ((" theo " if lang == "vi" else ", by ") + _name(m["decided_by"], lang))
            lines.append(t["merged"].format(originals=originals, result=m["result"]["label"], by=by))
            sources += m["sources"]
    elif a.intent == "card":
        lines += _render_card(kg, a, lang)
        return "\n".join(lines)
    sources = _dedup(sources)
    if sources:
        lines.append(t["sources"])
        lines += _render_sources(sources, lang)
    return "\n".join(lines)


def _step_sentence(s: dict, lang: str, x: str) -> str:
    t = T[lang]
    y = _name(s["newer"], lang, s["relation"] == "replaces")
    with_ = ""
    if s.get("with"):
        w = ", ".join(_name(e, lang) for e in s["with"])
        with_ = (", kết hợp với " if lang == "vi" else ", in conjunction with ") + w
    if s["relation"] == "plannedToReplace":
        key = "planned" if s["as_of"] else "planned_no_date"
        return t[key].format(**{"x": x, "y": y, "status": status_word(s["status"], lang),
                                "asof": format_date(s["as_of"], lang), "with": with_})
    return t["replaced"].format(x=x, y=y, date="")


def _describe_line(e: dict, lang: str) -> str:
    bits = [e["label"]]
    if e.get("date"):
        bits.append(format_date(e["date"], lang))
    if e.get("issuer"):
        bits.append(e["issuer"]["label"])
    if e.get("statuses"):
        st = e["statuses"][-1]
        bits.append(status_word(st["status"], lang) + (f" ({format_date(st['as_of'], lang)})" if st["as_of"] else ""))
    text = e.get("subject") or e.get("title")
    return ", ".join(bits) + (f": {text}" if text else "")


def _index(sources: list[dict], s: dict) -> int:
    """The 1-based number of source quote ``s`` in ``sources`` (added when new); one number per
    source and quote, whatever fact it supports."""
    for i, t in enumerate(sources, 1):
        if (t["source"], t["quote"]) == (s["source"], s["quote"]):
            return i
    sources.append(s)
    return len(sources)


def _render_card(kg, a: Answer, lang: str) -> list[str]:
    e = a.subject
    names = _PROPERTY_NAMES[lang]
    head = e["label"]
    if e.get("type") and e["kind"] == "document":
        head += f" [{e['type']}]"
    lines = [head, f"  IRI: {e['iri']}"]
    sources: list[dict] = []
    order = list(names)
    facts = sorted(a.answers, key=lambda f: (f["direction"] == "in",
                                             order.index(f["property"]) if f["property"] in order else 99,
                                             f.get("as_of") or "",
                                             json.dumps(f["value"], sort_keys=True, ensure_ascii=False)))
    for f in facts:
        if f["property"] == "mentioned":
            continue
        prop = names.get(f["property"], f["property"])
        v = f["value"]
        if isinstance(v, dict):
            vtext = _name(v, lang)
        elif f["property"] in ("pk:dateIssued", "pk:startDate", "pk:endDate"):
            vtext = format_date(v, lang)
        elif f["property"] == "pk:status":
            vtext = status_word(v, lang)
        else:
            vtext = str(v)
        if f.get("as_of"):
            vtext += f" ({'tính đến' if lang == 'vi' else 'as of'} {format_date(f['as_of'], lang)})"
        refs = ""
        if f["sources"]:
            ids_ = []
            for s in f["sources"]:
                n = _index(sources, s)
                if str(n) not in ids_:
                    ids_.append(str(n))
            refs = f"  [{', '.join(ids_)}]"
        if f["direction"] == "in":
            lines.append(f"  ← {vtext} {prop} {'văn bản này' if lang == 'vi' else 'this'}{refs}")
        else:
            lines.append(f"  {prop}: {vtext}{refs}")
    mentioned = [f for f in facts if f["property"] == "mentioned"]
    for f in mentioned:
        for s in f["sources"]:
            _index(sources, s)
    if sources:
        lines.append(T[lang]["sources"])
        for i, s in enumerate(sources, 1):
            meta = [m for m in (s.get("title"), format_date(s["date"], lang) if s.get("date") else None, s.get("url")) if m]
            lines.append(f'  [{i}] {_quoted(s)} ({s["id"]}'
                         + (f": {'; '.join(meta)}" if meta else "") + ")")
    return lines
