"""A document's own clause between it and a relation cue (issue 12, Vietnamese relations).

One job: say whether the words between a document's phrase and a cue are still that document's
clause, so the cue is said of it: its date, who issued it ("do Ban Thường vụ Tỉnh ủy vừa ban
hành", "vừa được … ban hành"), then a purpose opener with a list of verbs ("về việc học tập,
quán triệt và", "nhằm cụ thể hóa và tổ chức"): "Kế hoạch số NN do Ban Thường vụ Tỉnh ủy vừa ban
hành về việc học tập, quán triệt và triển khai thực hiện X" (the plan implements X). A list of
verbs is a purpose only before an implementing, continuing or guiding cue; the issuer is a body
(a capitalised name with no type word), and no number but a date's may stand in the clause. The
words are in :mod:`partykg.ingest.extract_cues` (OWN_*); none is a name.
"""

from __future__ import annotations

import re

from partykg.ingest import extract_cues as C
from partykg.ingest.extract.patterns import Patterns, _alt, per_patterns

_PURPOSE_KINDS = ("implements", "continues", "guides")


@per_patterns
def _clause_re(P: Patterns) -> re.Pattern | None:
    lang = P.lang
    if lang not in C.OWN_AGENT:
        return None
    sp, opt = r"[ \t]{1,2}", r"[ \t]{0,2}"
    tense = rf"(?:(?:{_alt(C.OWN_TENSE[lang])}){sp})?"
    issued = rf"(?:{_alt(C.OWN_ISSUED[lang])})"
    # "ngày 9/8/2019", "ngày 09 tháng 8 năm 2019"
    date = (rf"(?:{_alt(C.OWN_DATE[lang])}){sp}\d{{1,2}}(?:{opt}[/.\-]{opt}\d{{1,2}}"
            rf"(?:{opt}[/.\-]{opt}\d{{2,4}})?|(?:{sp}[^\W\d_]{{1,6}}{sp}\d{{1,4}}){{1,2}})")
    dated = rf"(?:{opt},?{opt}{date})?"
    agent = (rf"{tense}(?:{_alt(C.OWN_AGENT[lang])}){sp}(?P<body>(?:[^\W\d_]{{1,15}}{sp}){{1,8}}?)"
             rf"{tense}{issued}")
    word = r"[^\W\d_]{1,10}"
    verbs = (rf"(?P<verbs>(?:{sp}{word}){{1,3}}(?:{opt},(?:{sp}{word}){{1,3}}){{0,6}}{opt},?{sp}"
             rf"(?:{_alt(C.OWN_VERB_JOIN[lang])})(?:{sp}{word}){{0,2}})?")  # "… và tổ chức"
    purpose = rf"(?:(?P<purpose>{_alt(C.OWN_PURPOSE[lang])}){verbs})?"
    rx = re.compile(rf"{opt}{dated}{opt},?{opt}(?P<issuer>{agent}|{tense}{issued})?{dated}"
                    rf"{opt},?{opt}{purpose}{opt}", re.IGNORECASE)
    return rx


def own_clause(gap: str, kind: str, P: Patterns) -> bool:
    """Is ``gap`` (between a document's phrase and a cue of ``kind``) the document's own clause,
    with an issuer or a purpose in it (see the module's docstring)?"""
    rx = _clause_re(P)
    if rx is None or not gap.strip() or len(gap) > 200:
        return False
    m = rx.fullmatch(gap)
    if m is None or not (m.group("issuer") or m.group("purpose")):
        return False
    body = m.group("body")
    if body is not None and (not body[:1].isupper() or P.type_re.search(body)):
        return False
    if m.group("verbs") and (kind not in _PURPOSE_KINDS or P.type_re.search(m.group("verbs"))):
        return False
    return True


@per_patterns
def _opening_re(P: Patterns) -> tuple[re.Pattern, re.Pattern] | None:
    lang = P.lang
    if lang not in C.OPENING_PREPS:
        return None
    rx = (re.compile(rf"[ \t\-–•*]{{0,4}}(?:{_alt(C.OPENING_PREPS[lang])})(?![\w])[^,;:]{{0,80}}$",
                     re.IGNORECASE),
          re.compile(rf"(?:{_alt(C.PURPOSE_OPENERS[lang])})(?![\w])", re.IGNORECASE))
    return rx


def purpose_of_main_clause(text: str, a_start: int, gap: str, cue: str, P: Patterns) -> bool:
    """ "Theo tinh thần Công văn, để triển khai thực hiện X, Thủ tướng yêu cầu …": the document
    sits in a phrase opening the sentence (``text[:a_start]``), a comma closes it (``gap``), and
    the cue opens a purpose: that purpose is the main clause's, not the document's."""
    rx = _opening_re(P)
    if rx is None or gap.strip(" \t") != ",":
        return False
    opening, purpose = rx
    return bool(purpose.match(cue.strip()) and opening.fullmatch(text[:a_start]))
