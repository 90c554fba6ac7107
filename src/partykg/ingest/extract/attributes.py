"""What a sentence says after a document mention (date, term, issuer, subject, and for "the
Resolution of …" its defining phrase), and the one way a rule that adds mentions to a sentence's
list keeps that list whole (:func:`merge_added`).
"""

from __future__ import annotations

import re

from partykg.ingest import extract_lang as L
from partykg.ingest.extract.bodies import _TOKEN
from partykg.ingest.extract.data import Body, Mention, Sentence, in_text_order
from partykg.ingest.extract.patterns import Patterns, _FOOTNOTE, _alt, find_date, per_patterns


def merge_added(ms: list[Mention], added: list[Mention], sent: Sentence, P: Patterns,
                bodies: list[Body]) -> list[Mention]:
    """The sentence's mentions ``ms`` with ``added`` put in text order: the list heads of ``ms``
    (indexes into ``ms``) re-pointed into the merged list, and the added mentions given what
    the sentence says after them ("văn bản số … ngày … của …")."""
    if not added:
        return ms
    out = in_text_order(ms, added)
    for x in added:
        _attributes(x, sent, P, bodies, out)
    return out


def _attributes(m: Mention, sent: Sentence, P: Patterns, bodies: list[Body],
                mentions: list[Mention]) -> None:
    """Date, issuer, term and subject written after the mention, in any order."""
    text = sent.text
    base = sent.start
    pos = m.end - base
    seen: set[str] = set()
    if m.anaphor and not m.strong:
        # "the Resolution of the Party Congress of …": a defining "of …" phrase
        om = re.compile(r"[ \t]{1,2}(?:of|du|de la|de l'|des|của|dari)[ \t]{1,2}(?:the[ \t]{1,2})?"
                        ).match(text, pos)
        if om:
            end_rel = _defining_phrase(text, om.end(), P)
            b = next((b for b in bodies if b.start - base == om.end()), None)
            if b is not None:
                end_rel = max(end_rel, b.end - base)
            if end_rel > om.end():
                m.end = base + end_rel
                m.text = text[m.start - base:m.end - base]
                # "la résolution du Politburo": a body alone describes, it does not name
                # ("Chỉ thị nói trên của Thủ tướng": a demonstrative still refers back)
                m.anaphor = b is not None and b.end - base >= end_rel and (
                    b.key is not None or _demonstrative(m.text, P))
                if m.anaphor:
                    m.issuer = b
                pos = m.end - base
    for _ in range(8):
        progressed = False
        fm = _FOOTNOTE.match(text, pos)
        if fm:
            pos = fm.end()
            progressed = True
        if "date" not in seen:
            pm = re.compile(r"[ \t]{0,2}\([ \t]?").match(text, pos)
            p0 = pm.end() if pm else pos
            dm = P.date_prefix_re.match(text, p0)
            got = find_date(text, dm.end(), P) if dm else None
            if got is None and pm:
                got = find_date(text, p0, P)
            if got:
                end = got[1]
                if pm:
                    close = re.compile(r"[ \t]?\)").match(text, end)
                    if not close:
                        got = None
                    else:
                        end = close.end()
                if got:
                    m.date, pos = got[0], end
                    seen.add("date")
                    continue
            ym = P.year_prefix_re.match(text, pos)
            if ym and not re.match(r"[ \t]{0,2}[-–/]", text[ym.end():ym.end() + 3]):
                m.date, pos = ym.group("year"), ym.end()
                seen.add("date")
                continue
        if "term" not in seen:
            tm = P.term_re.match(text, pos)
            if tm and tm.group(0).strip(" ,"):
                pos = tm.end()
                seen.add("term")
                continue
        if "issuer" not in seen and m.issuer is None:
            im = P.issuer_prep_re.match(text, pos)
            # "… (của) Hội nghị lần thứ sáu Ban Chấp hành Trung ương", "of the sixth plenum of …"
            mm = _meeting(P).match(text, im.end() if im else pos)
            if mm and not im and P.lang != "vi" and not mm.group("at"):
                mm = None  # (Vietnamese names the session without a preposition)
            if im or mm:
                b = _body_at(bodies, base + (mm or im).end(), text, base)
                if b is not None:
                    m.issuer = b
                    pos = b.end - base
                    seen.add("issuer")
                    continue
            if P.lang == "id":
                # "Resolusi No. NN Politbiro", "Resolusi No. NN, tertanggal …, Politbiro tentang …"
                cm = re.compile(r",?[ \t]").match(text, pos) if "date" in seen or \
                    text[pos:pos + 1] == " " else None
                b = _body_at(bodies, base + cm.end(), text, base) if cm else None
                if b is not None and cm.group(0).startswith(",") and not \
                        P.subject_prep_re.match(text, b.end - base):
                    b = None  # after a comma, only a body the subject follows
                if b is not None and b.key:
                    m.issuer = b
                    pos = b.end - base
                    seen.add("issuer")
                    continue
        if "subject" not in seen:
            # "về …", "quy định về …", or a title in quotes right after: "Nghị quyết số NN “…”"
            sm = P.subject_prep_re.match(text, pos) or _subject_lead(P).match(text, pos)
            if sm:
                s_end, subj = _subject(text, sm, P, mentions, base)
                if subj:
                    m.subject = subj
                    pos = s_end
                    seen.add("subject")
                    if m.new:
                        m.end = base + _trim_end(text, s_end)
                        m.text = text[m.start - base:m.end - base]
                    break
        if not progressed:
            break
    m.tail_end = base + pos


@per_patterns
def _subject_lead(P: Patterns) -> re.Pattern:
    """A verb stating the subject (extract_lang.SUBJECT_VERBS), or an opening quote."""
    # (in lower case, as verbs are written: "Quy định" capitalised is a type word)
    rx = re.compile(rf",?[ \t]{{0,2}}(?:(?:{_alt(L.SUBJECT_VERBS[P.lang])})[ \t]{{1,2}}(?!\d)"
                    r"|(?=[“«]|\"(?=[^\W\d_])))")
    return rx


@per_patterns
def _meeting(P: Patterns) -> re.Pattern:
    """A session of a body, up to the body's name (extract_lang.MEETING_WORDS)."""
    words = _alt(L.MEETING_WORDS[P.lang])
    ordinal = r"(?:\d{1,2}(?:st|nd|rd|th|e|er|ème)?|[^\W\d_]{3,12}(?:st|nd|rd|th|ième))"
    before = rf"(?:(?:the|la|le|l'|l’)[ \t]{{1,2}})?(?:{ordinal}[ \t]{{1,2}})?"
    after = (r"(?:[ \t]{1,2}(?:lần[ \t]thứ[ \t]{1,2}[^\W_]{1,8}|Trung[ \t]ương[ \t]{1,2}\d{1,2}"
             r"|ke-?\d{1,2}))?")
    preps = _alt(("của", "of", "of the", "du", "de la", "des", "dari"))
    at = _alt(("tại", "at", "adopted at", "lors de", "à", "pada"))
    rx = re.compile(rf"[ \t]{{0,2}},?[ \t]{{0,2}}(?P<at>(?:{at})[ \t]{{1,2}})?{before}(?:{words}){after}[ \t]{{0,2}},?"
                    rf"(?:[ \t]{{1,2}}(?:{preps}))?[ \t]{{1,2}}", re.IGNORECASE)
    return rx


_DEF_CONNECTORS = frozenset("of the and for du de des d' l' la le của".split())


def _defining_phrase(text: str, pos: int, P: Patterns) -> int:
    """End of a name after "the Resolution of …": capitalised words, ordinals and connectors,
    stopping at a type word, at "and the" and at anything lower case."""
    end = pos
    cur = pos
    steps = 0
    for tm in _TOKEN.finditer(text, pos):
        if steps > 14 or text[cur:tm.start()].strip():
            break
        steps += 1
        tok = tm.group(0)
        low = tok.lower().replace("’", "'")
        if P.type_re.match(text, tm.start()):
            break
        if low in _DEF_CONNECTORS:
            if low in ("and", "et") and re.match(r"\s{1,2}(?:the|la|le|l')\b",
                                                 text[tm.end():tm.end() + 6], re.I):
                break
            cur = tm.end()
            continue
        if tok[:1].isupper() or re.fullmatch(r"\d{1,2}(?:st|nd|rd|th|e|er)?", tok):
            cur = end = tm.end()
            continue
        break
    return end


def _trim_end(text: str, end: int) -> int:
    while end > 0 and text[end - 1] in " \t,\"”»'’":
        end -= 1
    return end


def _body_at(bodies: list[Body], abs_pos: int, text: str, base: int) -> Body | None:
    for b in bodies:
        if b.start == abs_pos:
            return b
        if b.start > abs_pos:
            # allow a determiner and an ordinal before the body: "of the Politburo", "du 9e
            # Bureau politique", "of the 12th Politburo"
            gap = text[abs_pos - base:b.start - base]
            if re.fullmatch(r"(?:(?:the|la|le|l'|les)[ \t]{1,2})?(?:\d{1,2}(?:e|er|ème|th|st|nd|"
                            r"rd)[ \t]{1,2})?", gap, re.IGNORECASE) and gap:
                return b
            return None
    return None


def _subject(text: str, sm: re.Match, P: Patterns, mentions: list[Mention],
             base: int) -> tuple[int, str | None]:
    start = sm.end()
    quote = re.search(r"[\"“«‘']", sm.group(0))
    if quote or text[start:start + 1] in "\"“«":
        if not quote:
            start += 1
        close = re.compile(r"[\"”»’']").search(text, start, min(len(text), start + 400))
        if close:
            subj = text[start:close.start()].strip()
            return close.end(), (subj or None)
    limit = min(len(text), start + 240)
    end = limit
    search = start
    lead = re.compile(r"(?:(?:the|la|le|l'|việc)[ \t]{1,2})?").match(text, start).end()
    cue0 = P.cue_re.match(text, lead) or P.merge_re.match(text, lead)
    if cue0:
        search = cue0.end()
        nxt = next((m for m in mentions if m.start - base >= search), None)
        if nxt is not None and _is_filler(text[search:nxt.start - base]):
            search = nxt.end - base
    for cm in P.clause_re.finditer(text, search, limit):
        if cm.start() == start:
            continue
        end = cm.start()
        break
    # ", <Capitalised>" starts another clause ("…, Ban Thường vụ … ban hành …")
    cc = re.compile(r",[ \t]{1,2}(?=[A-ZĐÀ-Ỹ][^\W\d_])").search(text, search, end)
    if cc:
        end = cc.start()
    # ", replacing …", ", thay thế …": a participle clause about the document, not its subject
    for pc in re.finditer(r",[ \t]{1,2}", text[search:end]):
        if P.cue_re.match(text, search + pc.end()):
            end = search + pc.start()
            break
    # stop at the next mention unless the subject so far ends with a relation cue, in which
    # case it runs through that mention ("on continuing to implement Directive 05-CT/TW")
    for m in mentions:
        ms = m.start - base
        if search < ms < end:
            seg = text[start:ms]
            cues = list(P.cue_re.finditer(seg))
            if cues and not seg[cues[-1].end():].strip(" ,") or P.merge_re.search(seg):
                continue
            end = ms
            break
    subj = text[start:end].strip(" ,\t\"“”«»")
    subj = re.sub(r"[\s.]+$", "", subj)
    return start + len(text[start:end].rstrip(" ,\t")), (subj or None)


_FILLER_WORDS = frozenset(w for ws in L.FILLER_WORDS.values() for w in ws)
_LIST_INTRO = re.compile(
    rf"^[^.;:()\[\]]{{0,50}}(?<![\w])(?:{_alt(w for ws in L.LIST_INTRO.values() for w in ws)})"
    r"[ \t]{0,2}:[ \t\n]{0,3}$", re.IGNORECASE)


# a possessive before the object: "the Political Bureau’s", "the Government's"
_POSSESSIVE = re.compile(r"[ \t]{0,2}(?:the[ \t]{1,2})?(?:[A-Z][\w-]{0,20}[ \t]{1,2}){0,4}"
                         r"[A-Z][\w-]{0,20}['’]s[ \t]{1,2}")


def _is_filler(gap: str) -> bool:
    """Only filler words between a cue and its object, or a short phrase announcing a list
    ("các văn bản sau:")."""
    if _LIST_INTRO.match(gap) or _POSSESSIVE.fullmatch(gap):
        return True
    if len(gap) > 40 or re.search(r"[.;:()\[\]]", gap):
        return False
    words = re.findall(r"[^\W\d_]+", gap.lower().replace("’", "'"))
    others = [w for w in words if w not in _FILLER_WORDS]
    return len(others) <= 1


def _demonstrative(text: str, P: Patterns) -> bool:
    """A demonstrative in a mention's name ("Chỉ thị nói trên", "this Resolution")."""
    return bool(P.demo_after_re and P.demo_after_re.search(text)
                or P.demo_before_re and re.match(P.demo_before_re.pattern.rstrip("$"), text,
                                                 re.IGNORECASE))

