"""An issuer a list of documents shares: "Resolution No. A, Resolution No. B and Resolution No. C
of the Politburo" (the last item states it for all), "các Nghị định của Chính phủ: số A …; số B …"
(a plural type word and its issuer announce the list after a colon).

One job: give the list's items the issuer their sentence states once. Only items with no issuer
of their own; back from the last item only through separators and coordinators (no other word
between the items but their own dates and subjects), and only to items of the same type or, for
items of different types, when none has a code or their codes name the same issuer (a code may
name another issuer's document: "Nghị quyết A-NQ/TW và Nghị định B/NĐ-CP của Chính phủ").
"""

from __future__ import annotations

import re

from partykg.ingest import extract_lang as L
from partykg.ingest.extract.codes import parse_any_code
from partykg.ingest.extract.data import Body, Mention, Sentence
from partykg.ingest.extract.patterns import Patterns, _alt, per_patterns
from partykg.model.ids import CodeError, fold


@per_patterns
def _res(P: Patterns) -> tuple[re.Pattern, re.Pattern]:
    coord = _alt(L.OBJECT_COORDINATORS[P.lang])
    dets = _alt(L.DETERMINERS[P.lang]) if L.DETERMINERS[P.lang] else None
    det = rf"(?:(?:{dets})[ \t]{{1,2}})?" if dets else ""
    gap = re.compile(rf"[ \t]{{0,2}}(?:,|;)?[ \t]{{0,2}}(?:(?:{coord})[ \t]{{1,2}})?{det}",
                     re.IGNORECASE)
    words = _alt(P.type_words)
    plural = _alt(L.PLURAL_MARKERS[P.lang]) if L.PLURAL_MARKERS[P.lang] else None
    head = re.compile(
        (rf"(?:(?:{plural})[ \t]{{1,2}})?" if plural else "")
        + rf"(?<![\w])(?P<word>{words})[ \t]{{1,2}}(?:{_alt(L.ISSUER_PREPS[P.lang])})"
        rf"[ \t]{{1,2}}(?:(?:the|la|le|l')[ \t]{{1,2}})?(?P<body>[^:;.\n]{{2,80}}?)[ \t]{{0,2}}:",
        re.IGNORECASE)
    rx = (gap, head)
    return rx


def _code_issuer(code: str | None) -> str | None:
    """The issuer part of a code as written, in capitals ("36-NQ/TW" -> "TW", "15/2020/NĐ-CP"
    -> "CP"), or None."""
    if not code:
        return None
    try:
        c = parse_any_code(code)
    except CodeError:
        return None
    return fold(c.issuer).upper() if c.issuer else None


def _may_share(a: Mention, b: Mention) -> bool:
    """Items of the same type; of different types, when neither has a code or both codes name
    the same issuer ("Resolution 36-NQ/TW and Directive 45-CT/TW of the Politburo")."""
    if a.type == b.type or (a.code is None and b.code is None):
        return True
    ia, ib = _code_issuer(a.code), _code_issuer(b.code)
    return ia is not None and ia == ib


def share_issuers(ms: list[Mention], sent: Sentence, P: Patterns, bodies: list[Body]) -> None:
    gap, head = _res(P)
    text, base = sent.text, sent.start
    strong = [m for m in ms if m.strong]
    # back from the last item of a coordinated run
    for i in range(len(strong) - 1, 0, -1):
        last = strong[i]
        if last.issuer is None:
            continue
        j = i
        while j > 0:
            prev, cur = strong[j - 1], strong[j]
            s = max(prev.tail_end, prev.end) - base
            if s > cur.start - base or gap.fullmatch(text, s, cur.start - base) is None:
                break
            j -= 1
        run = strong[j:i]
        if run and all(m.issuer is None and _may_share(m, last) for m in run):
            for m in run:
                m.issuer = last.issuer
    # forward from "các Nghị định của Chính phủ:"
    for hm in head.finditer(text):
        body = next((b for b in bodies if b.start - base == hm.start("body")
                     and b.end - base <= hm.end("body") + 2), None)
        if body is None:
            continue
        tkey = P.type_words.get(re.sub(r"\s+", " ", hm.group("word").lower()))
        tkey = tkey or P.type_words.get(hm.group("word").lower().rstrip("s"))
        for m in strong:
            if m.start - base < hm.end():
                continue
            if m.issuer is None and m.type == tkey:
                m.issuer = body
