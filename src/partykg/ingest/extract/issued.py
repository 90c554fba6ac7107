"""The issue date a sentence gives a mention after its name and subject: a year written right
after its code ("Kết luận 156-KL/TW 2025"), "… do Ban Chấp hành Trung ương ban hành ngày 06/7/2022",
"The Politburo issued Resolution … on … on October 10, 2023". A precise date wins over a year
the mention already has when they agree ("Quy định … năm 2022 … ban hành ngày 06/7/2022").
"""

from __future__ import annotations

import re

from partykg.ingest import extract_lang as L
from partykg.ingest.extract.data import Mention, Sentence
from partykg.ingest.extract.patterns import Patterns, _alt, cached, find_date

_YEAR_AFTER_CODE = re.compile(r"[ \t]{1,2}(?P<year>(?:19|20)\d\d)(?![\d/\-–.,]\d|[\w/])")
# a date that closes a clause: what follows it ends the clause
_CLOSES = re.compile(r"[ \t]{0,2}(?:[,.;:)]|$)")


def _verb_before_date(P: Patterns) -> re.Pattern:
    """An issue verb right before a date prefix ("ban hành ngày", "issued on")."""
    return cached(P, "_issued_date_re", lambda: re.compile(
        rf"(?<![\w])(?:{_alt(L.ISSUE_VERBS[P.lang])})[ \t]{{1,2}}(?:(?:{_alt(L.DATE_PREFIXES[P.lang])})"
        r"[ \t]{1,2})?", re.IGNORECASE))


def _issue_verb_end(P: Patterns) -> re.Pattern:
    return cached(P, "_issue_verb_end_re", lambda: re.compile(
        rf"(?<![\w])(?:{_alt(L.ISSUE_VERBS[P.lang])})[ \t]{{1,2}}(?:[^\s]{{1,20}}[ \t]{{1,2}}){{0,2}}$",
        re.IGNORECASE))


def _better(old: str | None, new: str) -> bool:
    return old is None or (len(old) == 4 and len(new) > 4 and new.startswith(old))


def later_date(m: Mention, sent: Sentence, P: Patterns, mentions: list[Mention]) -> None:
    text, base = sent.text, sent.start
    if m.date is None and m.code:
        ym = _YEAR_AFTER_CODE.match(text, m.end - base)
        if ym:
            m.date = ym.group("year")
    if not m.strong or (m.date is not None and len(m.date) > 4):
        return
    start = m.end - base  # the subject may run over the date: look from the name on
    nxt = min((x.start - base for x in mentions if x.start - base >= start), default=len(text))
    seg_end = min(nxt, start + 400)
    # "… ban hành ngày 06/7/2022", "… issued on May 4, 2025": an issue verb, then the date
    for vm in _verb_before_date(P).finditer(text, start, seg_end):
        got = find_date(text, vm.end(), P)
        if got and _better(m.date, got[0]):
            m.date = got[0]
            return
    # "The Politburo issued Resolution … on … on October 10, 2023,": the mention is what was
    # issued, and a dated clause closes its subject (not in Vietnamese, where "ngày" also
    # dates the events a subject names)
    if P.lang == "vi" or not _issue_verb_end(P).search(text[max(0, m.start - base - 60):m.start - base]):
        return
    for dm in P.date_prefix_re.finditer(text, start, seg_end):
        got = find_date(text, dm.end(), P)
        if got and _CLOSES.match(text, got[1]) and _better(m.date, got[0]):
            m.date = got[0]
            return


def date_before_body(m: Mention, text: str, pos: int, P: Patterns) -> None:
    """"… , ngày 10/9/2020 Ban Tuyên giáo Trung ương có Hướng dẫn số …": a date right before the
    body that issues the mention (mid-sentence, where no opening date is read)."""
    if m.date is not None and len(m.date) > 4:
        return
    lo = max(0, pos - 40)
    for dm in P.date_prefix_re.finditer(text, lo, pos):
        got = find_date(text, dm.end(), P)
        # ("on 23 February 2018, the Government issued …": a determiner before the body)
        if got and re.fullmatch(r"[ \t,]{0,3}(?:(?:the|The|la|La|le|Le|l'|L')[ \t]{1,2})?",
                                text[got[1]:pos]) and _better(m.date, got[0]):
            m.date = got[0]
            return
