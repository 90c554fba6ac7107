"""``partykg ask "QUESTION"``: a question in English, Vietnamese, French or Indonesian -> its
mentions (:mod:`partykg.ask.mentions`) -> its intent (:mod:`partykg.ask.intents`, cue words in
``cues.json``) -> data from the query library (:mod:`partykg.ask.answers`) -> text in the
question's language (:mod:`partykg.ask.render`). The answer is data first (:class:`Answer`,
``--json``) and text second. A planned fact is answered as planned, with its as-of date and
source, never as done; ambiguity lists the candidates, never a guess.
"""

from __future__ import annotations

import re
from partykg.records import asdict, dataclass, field, replace

from partykg.ask.answers import HANDLERS, SUBJECT_KINDS
from partykg.ask.facts import entity
from partykg.ask.intents import MAX_QUESTION, SUPPORTED, Parsed, UnsupportedQuestion, parse
from partykg.ask.resolve import describe

__all__ = ["Answer", "answer", "parse_question", "SUPPORTED", "UnsupportedQuestion", "MAX_QUESTION"]


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
    read_as: list[tuple[str, str]] = field(default_factory=list)
    also: list[dict] = field(default_factory=list)  # answers about the other X of "X and Y"
    filters: dict = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    text: str = ""

    def as_dict(self) -> dict:
        return asdict(self)


def parse_date(text: str | None) -> str | None:
    if not text:
        return None
    import datetime as dt  # not at load time: a cold ask without --as-of does without it

    t = text.strip(" .")
    try:
        return dt.date.fromisoformat(t).isoformat()
    except ValueError:
        pass
    m = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", t)
    if m:
        try:
            return dt.date(int(m[3]), int(m[2]), int(m[1])).isoformat()
        except ValueError:
            pass
    raise UnsupportedQuestion(f"not a date: {text!r} (write YYYY-MM-DD or DD/MM/YYYY)")


def parse_question(question: str, kg=None) -> Parsed:
    """The intent and mentions of a question (raises :class:`UnsupportedQuestion`)."""
    if kg is None:
        if not question or not question.strip(" ?!.") or len(question) > MAX_QUESTION:
            raise UnsupportedQuestion("empty or overlong question.\n" + SUPPORTED)
        raise UnsupportedQuestion("a question is parsed against a graph")
    return parse(kg, question)


def answer(kg, question: str, as_of: str | None = None) -> Answer:
    """Answer one question (see :data:`SUPPORTED`); raises :class:`UnsupportedQuestion`."""
    as_of = parse_date(as_of) if as_of is not None else None
    p = parse(kg, question)
    a = _answer_parsed(kg, question, as_of, p)
    for other in _joined(kg, p):  # "Who issued Resolution 02 of 2021 and Resolution 07?"
        more = _answer_parsed(kg, question, as_of, replace(p, subject=other, mention=other.text,
                                                             others=[]))
        a.also.append(more.as_dict())
        a.text += "\n\n" + more.text
    return a


_AND: list = []


def _and_regex() -> re.Pattern:
    if not _AND:
        from partykg.ask.lexicon import cues

        j = cues()["joiners"]
        alt = lambda ws: "|".join(re.escape(w) for w in ws)  # noqa: E731
        _AND.append(re.compile(rf"\s*(?:{alt(j['conjunctions'])})?\s*(?:{alt(j['articles'])})?\s*"))
    return _AND[0]


def _joined(kg, p: Parsed) -> list:
    """The other mentions of the subject's kind joined to it by "and" ("X and Y", "X và Y",
    "X, Y et Z"), each answered the same way."""
    m = p.subject
    if m is None or p.intent in ("list", "mergers_year", "unsupported_request"):
        return []
    out, last = [], m
    for o in sorted(p.others, key=lambda x: x.start):
        if o.start < m.end or o.kind != "entity" or not o.candidates:
            continue
        if (o.kinds(kg) or {o.shape}) != (m.kinds(kg) or {m.shape}):
            continue
        if not _and_regex().fullmatch(p.found.folded[last.end:o.start]):
            break
        out.append(o)
        last = o
    return out


def _answer_parsed(kg, question: str, as_of: str | None, p: Parsed) -> Answer:
    from partykg.ask.render import render

    lang = p.language
    a = Answer(question, lang, p.intent, "answered", as_of=as_of)
    m = p.subject
    if m is not None and m.read_as:
        src, _, dst = m.read_as.partition(" -> ")
        if m.how.startswith("name") and len(m.candidates) == 1:
            from partykg.ask.resolve import label

            dst = label(kg, m.candidates[0], lang)
        dst = dst or src
        a.read_as.append((m.text, dst[:1].upper() + dst[1:]))
    wanted = SUBJECT_KINDS.get(p.intent)
    subject = None
    if m is None and p.intent not in ("list", "mergers_year"):
        a.status = "not_found"
        a.suggestions = [entity(kg, s, lang) for s in _suggest(kg, p.mention)]
    elif m is not None:
        cands = m.candidates
        if wanted:
            cands = [c for c in cands if describe(kg, c)["kind"] in wanted] or cands
        if len(cands) > 1:
            cands = _narrow(kg, p, m, cands)
        if len(cands) == 1:
            subject = cands[0]
        elif cands:
            a.status = "ambiguous"
            a.candidates = [entity(kg, c, lang) for c in cands]
        else:
            a.status = "not_found"
            a.suggestions = [entity(kg, s, lang) for s in m.suggestions]
    if a.status == "answered":
        if subject:
            a.subject = entity(kg, subject, lang)
            if m.how.startswith("number, and a code"):
                a.notes.append(_code_note(kg, a, lang))
        HANDLERS[p.intent](kg, a, p, subject)
    a.text = render(kg, a, p)
    return a


def _narrow(kg, p: Parsed, m, cands: list[str]) -> list[str]:
    """Several candidates: keep those of the document type, year and status the question also
    names ("the draft inspection and supervision programme 2025-2030"), when any are left."""
    from partykg.ask.names import name_heads

    heads = name_heads(kg)
    types = [t for t in p.found.of("type") if t.end <= m.start + 1 or t.start >= m.end - 1]
    for t in types[:1]:
        kept = [c for c in cands if describe(kg, c).get("type") in t.value]
        cands = kept or cands
    for y in p.found.of("year"):
        kept = [c for c in cands if (describe(kg, c).get("date") or "").startswith(str(y.value))
                or any(str(y.value) in n for n in heads.get(c, []))]
        cands = kept or cands
    for st in p.found.of("status"):
        local = st.value.rsplit("/", 1)[-1]
        kept = [c for c in cands if any(s == local for s, _ in describe(kg, c)["statuses"])]
        cands = kept or cands
    return cands


def _code_note(kg, a, lang) -> str:
    from partykg.ask.render import T

    return T(lang, "code_allows").format(x=a.subject.get("code") or a.subject["label"])


def _suggest(kg, text: str) -> list[str]:
    from partykg.ask.resolve import _suggest_names

    return _suggest_names(kg, text) if text else []
