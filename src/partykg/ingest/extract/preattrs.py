"""What a sentence says before a mention: its issuer as the subject of an issue verb ("the
Politburo issued Decision …", "Ngày 15-8-2024, Ban Thường vụ … ban hành …"), a possessive
("the Politburo's Conclusion"), "on behalf of", "the Resolutions of the Politburo such as …", and
the opening date of such a sentence; coordinated mentions share an issuer one of them states.
"""

from __future__ import annotations

import re

from partykg.ingest import extract_lang as L
from partykg.ingest.extract.data import Body, Mention, Sentence
from partykg.ingest.extract.issued import date_before_body
from partykg.ingest.extract.patterns import Patterns, _alt, find_date, per_patterns


def pre_attributes(mentions: list[Mention], sent: Sentence, P: Patterns,
                    bodies: list[Body]) -> None:
    """What the sentence says before a mention: "the Politburo issued Decision …",
    "Ngày 15-8-2024, Ban Thường vụ … ban hành …", "the Politburo's Conclusion …",
    "the Resolutions of the Politburo such as Resolutions …"."""
    text = sent.text
    base = sent.start
    opener_date = None
    om = P.opener_re.match(text)
    if om:
        got = find_date(text, om.end(), P)
        if got:
            opener_date = got[0]
        else:
            ym = P.year_re.match(text, om.end())
            if ym and re.match(r"[ \t]{0,2},", text[ym.end():]):
                opener_date = ym.group(0)
    elif P.lang == "vi":
        ym = re.match(r"(?:Năm|Trong năm)[ \t]{1,2}((?:19|20)\d\d)[ \t]{0,2},", text)
        if ym:
            opener_date = ym.group(1)
    prev: Mention | None = None
    for i, m in enumerate(mentions):
        if m.list_head is not None:
            head = mentions[m.list_head]
            m.issuer = m.issuer or head.issuer
            prev = m
            continue
        ms = m.start - base
        before = text[max(0, ms - 60):ms]
        off = max(0, ms - 60)
        vm = P.issue_verb_re.search(before) or _dated_verb(P).search(before)
        if vm:
            vm_start = vm.start() + off
        if vm and not (prev is not None and prev.end - base > vm_start):
            b = _body_before(bodies, base + vm_start, text, base, P=P)
            if b is not None and m.issuer is None:
                m.issuer = b
            if b is not None and m.strong:
                date_before_body(m, text, b.start - base, P)
            if opener_date and (m.date is None or len(m.date) == 4 and len(opener_date) > 4
                                and opener_date.startswith(m.date)) and m.strong and (
                    mentions[0] is m or mentions[0].start - base >= vm_start):
                m.date = opener_date
        elif (prev is not None and (prev.issuer is None) != (m.issuer is None)
              and prev.tail_end <= m.start):
            # coordinated mentions share the issuer one of them states: "X of the Politburo
            # and Y"; "X of 2017 and Y of 2020 of the Politburo" (the same type)
            gap = text[prev.tail_end - base:ms]
            # (a comma or a coordinator between them: mentions side by side, the first's
            # subject run up to the second, are no list)
            if re.fullmatch(rf"[ \t]{{0,2}}(?:,[ \t]{{0,2}}(?:(?:{_alt(L.OBJECT_COORDINATORS[P.lang])})"
                            rf"[ \t]{{1,2}})?|(?:{_alt(L.OBJECT_COORDINATORS[P.lang])})[ \t]{{1,2}})",
                            gap, re.IGNORECASE) and prev.strong and m.strong:
                if m.issuer is None:
                    m.issuer = prev.issuer
                elif prev.type == m.type and prev.date and len(prev.date) == 4:
                    prev.issuer = m.issuer
        if m.issuer is None:
            # "the Politburo's Conclusion"
            pm = re.search(r"['’]s[ \t]{0,2}$", before)  # (glued: "Politburo’sConclusion")
            if pm:
                b = _body_before(bodies, base + off + pm.start(), text, base, gap_re=r"")
                if b is not None:
                    m.issuer = b
        if m.issuer is None and vm:
            # "… thay mặt Bộ Chính trị, ký ban hành Chỉ thị …", "signed … on behalf of the X"
            ob = _on_behalf(P).search(text)
            if ob:
                bb = next((x for x in bodies if x.start - base >= ob.end()
                           and x.start - base - ob.end() <= 5), None)
                if bb is not None:
                    m.issuer = bb
        if m.issuer is None and P.such_as_re.search(before):
            sm = P.such_as_re.search(before)
            b = _body_before(bodies, base + off + sm.start(), text, base, gap_re=r"[ \t,]{0,3}")
            if b is not None:
                m.issuer = b
        prev = m


_ABBREVIATION = re.compile(r"[ \t]{0,2}\((?-i:[A-ZĐ]{2,8})\)")  # "the National Assembly (NA)"


def _body_before(bodies: list[Body], abs_pos: int, text: str, base: int,
                 gap_re: str = r"[ \t]{0,3}(?:(?:has|had|have|đã|vừa|sẽ|telah|juga|kemudian|"
                               r"then|also|just|recently|officially|chính thức)[ \t]{1,2}){0,2}",
                 P: Patterns | None = None) -> Body | None:
    """The body ending right before ``abs_pos``, but for the words ``gap_re`` allows; with
    ``P``, also after the body's term ("Ban Chấp hành Trung ương khóa XI đã ban hành") or its
    abbreviation in brackets ("the National Assembly (NA) adopted")."""
    best = None
    for b in bodies:
        if abs_pos - 40 <= b.end <= abs_pos:
            g0 = b.end - base
            if P is not None:
                tm = P.term_re.match(text, g0) or _ABBREVIATION.match(text, g0)
                if tm and tm.group(0).strip(" ,") and tm.end() <= abs_pos - base:
                    g0 = tm.end()
            gap = text[g0:abs_pos - base]
            if re.fullmatch(gap_re, gap, re.IGNORECASE):
                best = b
    return best


@per_patterns
def _on_behalf(P: Patterns) -> re.Pattern:
    rx = re.compile(rf"(?<![\w])(?:{_alt(L.ON_BEHALF[P.lang])})[ \t]{{1,2}}", re.IGNORECASE)
    return rx


@per_patterns
def _dated_verb(P: Patterns) -> re.Pattern:
    """An issuing verb, then the day it was issued, right before a mention ("Le gouvernement a
    publié le 19 juin la Résolution …")."""
    months = _alt(L.MONTHS[P.lang])
    day = r"\d{1,2}(?:er|st|nd|rd|th)?"
    year = r"(?:,?[ \t]{1,2}(?:19|20)\d\d)?"
    date = (rf"(?:(?:{_alt(L.DATE_PREFIXES[P.lang] + ('le', 'on'))})[ \t]{{1,2}})?"
            rf"(?:{day}[ \t]{{1,2}}(?:{months}){year}|(?:{months})[ \t]{{1,2}}{day}{year}"
            r"|\d{1,2}[/.-]\d{1,2}(?:[/.-](?:19|20)\d\d)?)")
    dets = _alt(L.DETERMINERS[P.lang] + L.INDEFINITES[P.lang])
    rx = re.compile(rf"(?:{_alt(L.ISSUE_VERBS[P.lang])})[ \t]{{1,2}},?[ \t]{{0,2}}{date}"
                    rf"[ \t]{{0,2}},?[ \t]{{0,2}}(?:(?:{dets})[ \t]{{0,2}})?$", re.IGNORECASE)
    return rx
