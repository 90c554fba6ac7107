"""Shared pieces of the sentence-following rules (:mod:`partykg.ingest.extract.follow`,
:mod:`partykg.ingest.extract.owndoc`): the per-language patterns they compile from
:mod:`partykg.ingest.extract_cues`, a cue's (kind, voice, mood), the kind a cue gives in context
(plans stay plans), and the document a cue points to."""

from __future__ import annotations

import re
from functools import lru_cache

from partykg.ingest import extract_lang as L
from partykg.ingest.extract.data import Mention, Sentence
from partykg.ingest.extract.mentions import _is_filler
from partykg.ingest.extract.patterns import Patterns, _alt
from partykg.ingest.extract.relations import _cue_lookup


class _Lang:
    def __init__(self, P: Patterns):
        lang = P.lang
        self.coord_gap = re.compile(
            rf"[ \t]{{0,2}}(?:,[ \t]{{0,2}})?(?:(?:{_alt(L.OBJECT_COORDINATORS[lang])})[ \t]{{1,2}})?"
            rf"(?:(?:{_alt(L.DETERMINERS[lang] or ('the',))})[ \t]{{1,2}})?"
            # an issuer's possessive before the next object ("and the Government's Decree …");
            # its words before the last in mixed case ("Ministry of Finance's"): in a line in
            # capitals only one word ("… ON GUIDELINES FOR THE GOVERNMENT'S DECREE" is no list)
            r"(?:(?:[A-Z](?-i:[a-z])[\w-]{0,19}[ \t]{1,2}){0,3}[A-Z][\w-]{0,20}['’]s[ \t]{1,2})?",
            re.IGNORECASE)
        self.clause = re.compile(
            rf"[ \t,]{{0,3}}(?:{_alt(L.CLAUSE_VERBS[lang])})(?![\w])", re.IGNORECASE)
        self.coord_end = re.compile(
            rf"(?:,|(?<![\w])(?:{_alt(L.OBJECT_COORDINATORS[lang])}))"
            r"[ \t]{0,2}$", re.IGNORECASE)
        types = _alt(P.type_words)
        refs = [p.replace("{type}", "\x00") for p in L.PREVIOUS_REFS[lang]]
        alts = sorted(refs, key=len, reverse=True)
        self.previous = re.compile(
            r"(?<![\w])(?:" + "|".join(re.escape(a).replace(r"\ ", r"[ \t]{1,2}")
                                       .replace("\x00", rf"(?P<t{i}>{types})")
                                       for i, a in enumerate(alts)) + r")(?![\w])",
            re.IGNORECASE)
        self.plan = re.compile(
            rf"(?<![\w])(?:{_alt(L.PLAN_BEFORE[lang])})[ \t]{{1,2}}(?:(?:{_alt(L.INDEFINITES[lang])})"
            r"[ \t]{1,2})?(?:\([^()\n]{1,20}\)[ \t]{1,2})?$", re.IGNORECASE)  # ("Dự thảo (lần 1) …")
        terms = _alt(L.TERM_WORDS[lang])
        # the issuer's term left after a document's phrase: "of the 8th term", "khóa XII"
        self.term_tail = re.compile(
            rf"[ \t]{{0,2}},?[ \t]{{0,2}}(?:(?:of[ \t]{{1,2}}the[ \t]{{1,2}}|du[ \t]{{1,2}}|de[ \t]{{1,2}}la[ \t]{{1,2}})?"
            rf"(?:\d{{1,2}}(?:st|nd|rd|th|e|ème)|[IVXLC]{{1,6}}e?)[ \t-]{{1,2}}(?:tenure[ \t]{{1,2}})?(?:{terms})"
            rf"|(?:{terms})[ \t]{{1,2}}(?:[IVXLC]{{1,6}}|\d{{1,2}})"
            # (a term by its years: "nhiệm kỳ 2020 - 2025")
            rf"|(?:{terms})[ \t]{{1,2}}(?:19|20)\d\d(?:[ \t]{{0,2}}[-–][ \t]{{0,2}}(?:19|20)\d\d)?)(?![\w])",
            re.IGNORECASE)
        self.agree = re.compile(rf"(?<![\w])(?:{_alt(L.PLAN_AGREE[lang])})(?![\w])", re.IGNORECASE)
        self.draw_up = re.compile(rf"(?<![\w])(?:{_alt(L.DRAW_UP_VERBS[lang])})[ \t]{{1,2}}$",
                                  re.IGNORECASE)
        self.issued_by = re.compile(
            rf"(?<![\w])(?:{_alt(L.ISSUED_BY[lang])})[ \t]{{1,2}}(?:(?:{_alt(L.DETERMINERS[lang] or ('the',))})"
            r"[ \t]{1,2})?$", re.IGNORECASE)
        self.subject_line = re.compile(
            rf"^[ \t*|]{{0,4}}(?:{_alt(L.HEADER_SUBJECT[lang])})(?![\w])[ \t]{{0,2}}", re.IGNORECASE)


@lru_cache(maxsize=8)
def _lang(P: Patterns) -> _Lang:
    return _Lang(P)


def _reach(m: Mention) -> int:
    return max(m.tail_end, m.end)


def _cue_info(P: Patterns, cue: re.Match):
    phrase = re.sub(r"\s+", " ", cue.group(0).lower())
    return P.cue_info.get(phrase) or _cue_lookup(P, phrase)


def planned(m: Mention, text: str, P: Patterns) -> bool:
    """An unnamed new document announced as a plan: after a plan verb ("agreed to issue a new
    resolution"), after an agreement in its sentence ("They agreed to release a new
    resolution"), or an item of a list a line announces with an agreement ("… đồng ý … ban hành
    2 quy định mới là:" then "Quy định … về … (thay …)")."""
    if m.strong:
        return False
    L_ = _lang(P)
    if L_.plan.search(text[max(0, m.start - 60):m.start]):
        return True
    ls = text.rfind("\n", 0, m.start) + 1
    before = text[ls:m.start]
    ends = [e.end() for e in re.finditer(r"[.;!?](?=[ \t]{0,2}[A-ZÀ-ỸĐ])|;", before)]
    clause = before[ends[-1] if ends else 0:][-80:]
    if (m.new or m.subject) and L_.agree.search(clause) and \
            not P.issue_verb_re.search(clause + " "):
        return True
    if _ENUM.sub("", before).strip(" \t-–•*+"):
        return False
    return _announced_list(text, ls, P)


# a list item's enumerator: "(1)", "1.", "a)", "II-"
_ENUM = re.compile(r"^[ \t]{0,4}(?:\([ \t]?[0-9a-zđ]{1,3}[ \t]?\)|[0-9a-zđ]{1,3}[.)]|[IVX]{1,5}[.-])[ \t]{0,3}",
                   re.IGNORECASE)


def _announced_list(text: str, ls: int, P: Patterns) -> bool:
    """Is the line at ``ls`` an item of a list announced by a line ending with ":" that says
    the items were agreed (not issued)? Other items may come between."""
    L_ = _lang(P)
    pos = ls - 1
    for _ in range(8):
        if pos <= 0:
            return False
        ps = text.rfind("\n", 0, pos) + 1
        line = text[ps:pos].strip()
        pos = ps - 1
        if not line:
            continue
        if line.endswith(":"):
            return bool(L_.agree.search(line))
        tm = P.type_re.match(_ENUM.sub("", line).lstrip("-–•*+ \t"))
        if tm is None:
            return False
    return False


def _kind(kind: str, mood: str, src: Mention, text: str, P: Patterns) -> str:
    if kind == "implements" and src.type == "guidance":
        return "guides"
    if kind == "replaces" and (mood == "future" or (mood == "purpose" and not src.strong)
                               or planned(src, text, P)):
        return "plannedToReplace"
    return kind


def _object_of(cue: re.Match, sent: Sentence, idx: list[int], mentions: list[Mention],
               P: Patterns | None = None):
    """The document a cue points to: the first mention after it with only filler between, or
    (``P`` given) the document that issued the unnamed content the cue names ("replacing the
    Regulations on … issued pursuant to Decision NN")."""
    base = sent.start
    for j in idx:
        m = mentions[j]
        if m.start - base >= cue.end():
            gap = sent.text[cue.end():m.start - base]
            if _is_filler(gap):
                return j
            if P is not None and _issued_by(gap, P) and m.strong and m.list_head is None:
                return j
            return None
    return None


MAX_CONTENT = 220  # from the cue to the words saying what issued the content it names


def _issued_by(gap: str, P: Patterns) -> bool:
    L_ = _lang(P)
    tm = P.type_re.search(gap, 0, 24)
    if tm is None or not _is_filler(gap[:tm.start()]) or len(gap) > MAX_CONTENT or \
            re.search(r"[.;:()\[\]]", gap):
        return False
    return bool(L_.issued_by.search(gap[tm.end():]))
