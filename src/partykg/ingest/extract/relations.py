"""Relations and mergers signalled in one sentence (cues next to their documents)."""

from __future__ import annotations

import re
from functools import lru_cache

from partykg.ingest import extract_cues_int as W
from partykg.ingest import extract_lang as L
from partykg.ingest.extract_cues import FRONTED_ITEM_LEADS
from partykg.ingest.extract.codes import normal_code
from partykg.ingest.extract.cueread import (  # noqa: F401  (re-exported: other rules import them here)
    _after_passive_aux, _cue_lookup, _names_task_body, cue_reading, reviewed)
from partykg.ingest.extract.data import Body, Mention, Merger, Relation, Sentence
from partykg.ingest.extract.patterns import Patterns, _FOOTNOTE, _alt
from partykg.ingest.extract.mentions import _is_filler
from partykg.ingest.extract.aimgap import aim_gap
from partykg.ingest.extract.drawnup import drawn_up_gap
from partykg.ingest.extract.frontlead import fronted_lead
from partykg.ingest.extract.inforce import in_force_gap, run_on_in_force_gap
from partykg.ingest.extract.provisions import provisions_in
from partykg.ingest.extract.prescribedin import prescribed_in
from partykg.ingest.extract.partitem import part_item_gap
from partykg.ingest.extract.ownclause import own_clause, purpose_of_main_clause
from partykg.ingest.extract.partgap import KINDS as PART_KINDS, part_gap
from partykg.ingest.extract.titlechain import _GUIDING, _parallel_participle, title_subject


MAX_RELATIVE = 160  # from a document's phrase to a relative passive note about it
MAX_JOINED = 300  # from an object of a fronted clause to the next one joined by a coordinator


def find_relations(sent: Sentence, si: int, idx: list[int], mentions: list[Mention],
                   P: Patterns) -> list[Relation]:
    """Document-to-document relations in one sentence. ``idx``: indexes of its mentions."""
    text = sent.text
    base = sent.start
    cues = list(P.cue_re.finditer(text))
    if not cues or len(idx) < 2:
        return []
    out: list[Relation] = []
    embedded: set[int] = set()
    reach: dict[int, int] = {}  # mention -> end of its phrase (through what it governs)
    for i in idx:
        reach[i] = max(mentions[i].tail_end, mentions[i].end) - base
    for bi in idx:
        B = mentions[bi]
        if B.list_head is not None and B.list_head in idx:
            continue
        bs = B.start - base
        cue = None
        for c in cues:
            if c.end() <= bs:
                cue = c
            else:
                break
        if cue is None:
            continue
        filler = text[cue.end():bs]
        # (an object named through the provisions it holds, "… to a number of points in
        # Circular B", keeps its own phrase: what follows it is B's, not the subject's)
        through = False
        if not (_is_filler(filler) or _bracketed(filler, text, B.end - base)
                or (B.strong and B.list_head is None and _content_issued_by(filler, P))
                or _part_of(filler, cue, P)):
            kind0 = _cue_kind(cue, P)  # (a part is amended or guided, never replaced)
            through = B.strong and B.list_head is None and (
                (provisions_in(filler, P.lang) and kind0 in PART_KINDS)
                or prescribed_in(filler, kind0, P.lang))
            if not through:
                continue
        # a cue already used by an earlier relation, or between B and an earlier mention that
        # follows the cue, does not apply
        if any(cue.end() <= mentions[j].start - base < bs for j in idx):
            continue
        info = cue_reading(text, cue, P)
        if info is None:
            continue
        kind, voice, mood = info
        source = None
        par = _parallel_participle(out, mentions, text, cue, base, kind)
        # a bracketed passive note ("… of Decree NN on X (amended and supplemented by Decree
        # MM)") is about the document right before it, even the object of an earlier cue
        paren = voice == "passive" and text[:cue.start()].rstrip(" \t").endswith("(")
        for ai in reversed(idx):
            if par is not None:
                source = par  # "B hướng dẫn X, hướng dẫn thi hành Y": B's second participle
                break
            A = mentions[ai]
            if A.end - base > cue.start() or ai == bi:
                continue
            if (ai in embedded or _joined_to_embedded(ai, embedded, reach, mentions, text, base, P)) \
                    and not _in_own_phrase(A, cue, base) \
                    and not title_subject(A, cue, base, kind, P) and not (
                    paren or (voice == "passive" and (_opens_bracket(text, cue.start())
                                                      or _relative_passive(text, cue.start(), P)))):
                continue  # (a bracketed passive note, "… (amended by Z)", is about the one before;
                # so is a relative one, "…, which was amended by Z")
            if voice == "active" and ai in embedded and title_subject(A, cue, base, kind, P):
                source = ai  # the cue opens A's own title (titlechain)
                break
            if voice == "passive" and not A.strong and any(
                    mentions[k].strong and k != bi for k in idx if mentions[k].end <= A.start):
                continue  # "Decree NN detailing the Law on …, which had … amended under …"
            if A.list_head is not None and not _in_own_phrase(A, cue, base):
                continue  # (a list item is the subject of a cue in its own subject phrase)
            gap_start = reach[ai]
            gap = text[gap_start:cue.start()] if gap_start < cue.start() else ""
            obj = any(c.end() <= A.start - base and _is_filler(text[c.end():A.start - base])
                      for c in cues)
            # a bracketed note ("… các cấp (thay Quy định số NN)") is about the document
            # before it, whatever its description says in between
            note = cue.group(0).startswith("(") and not P.cue_re.search(gap) and ";" not in gap
            if not note and not _attached(gap, A, kind, mood, P, obj) \
                    and not own_clause(gap, kind, P) \
                    and not (voice == "passive" and len(gap) <= MAX_RELATIVE and ";" not in gap
                             and _relative_passive(text, cue.start(), P)):
                break  # (a relative passive note after the document's description, "Decree
                # NN … defining … agencies that has been amended by Decree MM", is about it)
            if purpose_of_main_clause(text, A.start - base, gap, cue.group(0), P):
                break  # "Theo X, để thực hiện Y, <main clause>": the purpose is not X's
            source = _detailing_subject(text, idx, mentions, ai, gap, base, P)
            break
        if source is None:
            continue
        if kind in ("implements", "continues") and _second_fronted_verb(sent, idx, mentions, P,
                                                                        source, bi, cue):
            continue
        a, b = (source, bi) if voice == "active" else (bi, source)
        A_doc = mentions[a]
        k = kind
        if k == "implements" and A_doc.type == "guidance":
            k = "guides"
        if k == "replaces":
            if mood == "future" or (mood == "purpose" and not A_doc.strong):
                k = "plannedToReplace"
        out.append(Relation(k, a, b, si, cue.group(0)))
        if voice == "active" and not through:
            embedded.add(bi)
            reach[source] = max(reach[source], max(B.tail_end, B.end) - base)
    return out


def _detailing_subject(text: str, idx: list[int], mentions: list[Mention], ai: int, gap: str,
                       base: int, P: Patterns) -> int:
    """ "Thông tư số A quy định chi tiết một số điều của Nghị định số B, thay thế Thông tư số
    C": after a comma, the cue's subject is the document that details B, not B."""
    if not gap.lstrip(" \t").startswith(","):
        return ai
    before = [j for j in idx if mentions[j].strong and mentions[j].end <= mentions[ai].start
              and mentions[j].list_head is None]
    if not before:
        return ai
    x = before[-1]
    between = text[mentions[x].end - base:mentions[ai].start - base]
    words = L.DETAIL_BEFORE.get(P.lang)
    if not words or len(between) > 80 or re.search(r"[;,.]", between) or not re.match(
            rf"[ \t]{{0,2}}(?:{_alt(words)})(?![\w])", between, re.IGNORECASE):
        return ai
    return x


def _cue_kind(cue: re.Match, P: Patterns) -> str | None:
    phrase = re.sub(r"\s+", " ", cue.group(0).lower())
    info = P.cue_info.get(phrase) or _cue_lookup(P, phrase)
    return info[0] if info is not None else None


def _part_of(filler: str, cue: re.Match, P: Patterns) -> bool:
    """A part of the document between an amending cue and it ("… amendments to a number of
    points in the Ministry's Circular No. NN", :mod:`.partgap`)."""
    kind = _cue_kind(cue, P)
    return kind is not None and part_gap(filler, kind, P.lang)


def _joined_to_embedded(ai: int, embedded: set[int], reach: dict[int, int],
                        mentions: list[Mention], text: str, base: int, P: Patterns) -> bool:
    """A coordinated with an object of an earlier cue ("guides X and Y, replacing Z": Y is
    an object too, not the subject of "replacing")."""
    A = mentions[ai]
    for j in embedded:
        lo = reach.get(j, mentions[j].end - base)
        if mentions[j].start < A.start and lo <= A.start - base and \
                _coord_gap_re(P.lang).fullmatch(text, lo, A.start - base):
            return True
    return False


@lru_cache(maxsize=8)
def _coord_gap_re(lang: str) -> re.Pattern:
    return re.compile(rf"[ \t]{{0,2}}(?:,[ \t]{{0,2}})?(?:(?:{_alt(L.OBJECT_COORDINATORS[lang])})[ \t]{{1,2}})?",
                      re.IGNORECASE)


@lru_cache(maxsize=8)
def _relative_passive_re(lang: str) -> re.Pattern | None:
    rel, aux = L.RELATIVES.get(lang, ()), W.RELATIVE_AUX.get(lang, ())
    perfect = W.PERFECT_PASSIVE.get(lang, ())
    forms = ([rf"(?:{_alt(rel)})[ \t]{{1,2}}(?:{_alt(aux)})"] if rel and aux else []) + \
        ([rf"(?:{_alt(perfect)})"] if perfect else [])  # "… đã được sửa đổi tại"
    if not forms:
        return None
    return re.compile(rf"(?<![\w])(?:{'|'.join(forms)})[ \t]{{1,2}}$", re.IGNORECASE)


def _relative_passive(text: str, cue_start: int, P: Patterns) -> bool:
    """A passive cue after a relative and an auxiliary ("…, which was amended by")."""
    rx = _relative_passive_re(P.lang)
    m = rx.search(text[max(0, cue_start - 30):cue_start]) if rx else None
    if m and m.group(0).strip().lower() in W.PERFECT_PASSIVE.get(P.lang, ()):
        # the perfective marker alone: a relative only after a description ("… B quy định …
        # đã được sửa đổi"), not right after a code ("A về … B đã được …": A's predicate)
        before = text[:max(0, cue_start - 30) + m.start()].rstrip()
        return not re.search(r"[\w-]/[\w/-]*$", before)
    return bool(m)


def _second_fronted_verb(sent: Sentence, idx: list[int], mentions: list[Mention], P: Patterns,
                         a: int, b: int, cue: re.Match) -> bool:
    """ "Thực hiện X … và triển khai Y …, <body> ban hành Z": the cue after the coordinator is
    the fronted clause's second verb, both X and Y its objects; X does not implement Y."""
    before = sent.text[max(0, cue.start() - 12):cue.start()]
    if not re.search(rf"(?<![\w])(?:{_alt(L.OBJECT_COORDINATORS[P.lang])})[ \t]{{1,2}}$", before,
                     re.IGNORECASE):
        return False
    objs = fronted_objects(sent, idx, mentions, P)
    return a in objs and b in objs


def _opens_bracket(text: str, pos: int) -> bool:
    return text[max(0, pos - 3):pos].rstrip(" \t").endswith("(")


def _content_issued_by(filler: str, P: Patterns) -> bool:
    """ "sửa đổi Quy chế về … kèm theo Quyết định số NN", "replacing the Regulations on … issued
    pursuant to Decision NN": the cue's object is the content a document issued; the relation is
    that document's (a document issued with a decision is modelled as that decision)."""
    from partykg.ingest.extract.followbase import _issued_by  # followbase imports this module
    return _issued_by(filler, P)


def _in_own_phrase(A: Mention, cue: re.Match, base: int) -> bool:
    """The cue opens or sits in the subject phrase of A ("Kết luận số NN … về tiếp tục thực
    hiện X", "Conclusion NN … on the continued implementation of X"): A is its subject even
    when A is itself the object of an earlier cue."""
    if A.end - base <= cue.start() < A.tail_end - base:
        return True
    # right after its attributes, with no comma ("Circular No. NN dated May 10, 1999 guiding
    # the implementation of X"): the participle is the nearest document's
    if A.tail_end > A.end and 0 < cue.start() - (A.tail_end - base) <= 2 \
            and not cue.string[A.tail_end - base:cue.start()].strip(" \t"):
        return True
    # a numbered object's own title, right after its code ("sửa đổi Thông tư NN/2012/TT-BTC
    # hướng dẫn Luật …", "amending Circular No. NN/2014/TT-BTC guiding Decree …"): the guiding
    # participle with no comma before it is the nearest document's
    return bool(A.code) and A.tail_end <= A.end and 0 < cue.start() - (A.end - base) <= 1 \
        and cue.string[A.end - base:cue.start()] == " " and _GUIDING.match(cue.group(0)) is not None


_APPOSITION = re.compile(r"[ \t]{0,2}(?:[^\W\d_]{1,20}[ \t]{1,2}){0,3}[^\W\d_]{1,20}[ \t]{0,2}\([ \t]{0,2}")


def _bracketed(filler: str, text: str, end: int) -> bool:
    """ "replaced its predecessor (Resolution NN-NQ/TW)": a short noun phrase, then the object
    alone in brackets."""
    return bool(_APPOSITION.fullmatch(filler)) and text[end:end + 3].lstrip(" \t").startswith(")")


def fronted_objects(sent: Sentence, idx: list[int], mentions: list[Mention],
                    P: Patterns) -> list[int]:
    """ "Thực hiện X …; Y …, <body> ban hành Z": the documents the fronted clause names (its
    first document and every numbered one after a semicolon), or [] when the sentence has
    no fronted clause."""
    text = sent.text
    base = sent.start
    if not idx:
        return []
    first = mentions[idx[0]]
    fm = fronted_cue(text, first.start - base, P)
    if fm is None or not _is_filler(text[fm.end():first.start - base]):
        return []
    out = [idx[0]]
    prev = first
    nested = False  # a document named inside the previous item's phrase ("… về thực hiện X")
    for j in idx[1:]:
        m = mentions[j]
        if not m.strong and m.name_key is None:
            continue  # (a document named by its congress or plenum is an item as a numbered one)
        if m.list_head is not None:
            if m.list_head in out:  # "các Nghị quyết …: số A …; số B …": every item
                out.append(j)
                prev = m
            continue
        if prev.end <= m.start < prev.tail_end and not (prev.strong and _second_verb(
                text, max(prev.end - base, m.start - base - 40), m.start - base, P)):
            nested = True  # (not when the clause's second verb opens it: "X về A và triển khai Y")
            continue
        gap = text[max(prev.tail_end, prev.end) - base:m.start - base]
        if "(" in gap and ")" not in gap[gap.rfind("("):] and gap.count("(") == 1 and \
                m.code and prev.code and normal_code(m.code) == normal_code(prev.code):
            prev = m  # "(sau đây gọi tắt là Nghị quyết số NN)": the same document, in brackets
            continue
        # an alias in brackets after an item ("(sau đây gọi tắt là Nghị quyết số …)") is no gap
        gap = _PAREN.sub("", re.sub(r"^[ \t]{0,2}\)", "", gap))
        if nested and ";" not in gap:
            continue  # "… về thực hiện X và Y": Y is coordinated with X, inside the item
        # (the previous document's phrase may end on the coordinator: "… về X của Đảng và")
        ends_coord = not gap.strip(" \t") and re.search(
            rf"(?<![\w])(?:{_alt(L.OBJECT_COORDINATORS[P.lang])})$",
            text[max(0, m.start - base - 20):max(prev.tail_end, prev.end) - base], re.IGNORECASE)
        # (or a numbered document's subject runs on over the clause's second verb: "Thực hiện
        # Nghị quyết số X về A và triển khai Y"; an unnumbered one's "kế hoạch … về học tập và
        # triển khai thực hiện Y" is its subject)
        inside = prev.strong and prev.tail_end > m.start and _second_verb(text, max(prev.end - base, m.start - base - 40),
                                                          m.start - base, P)
        if text[max(0, m.start - base - 4):m.start - base].rstrip(" \t").endswith(";") or \
                _list_gap(P).fullmatch(gap) or _item_gap(gap, P) or ends_coord or inside or \
                part_item_gap(gap, P) or \
                _joined_after_subject(sent, idx, mentions, prev, m, P):
            out.append(j)
            prev = m
            nested = False
    return out


_PAREN = re.compile(r"[ \t]{0,2}\([^()\n]{0,160}\)")


@lru_cache(maxsize=8)
def _second_verb_re(P: Patterns) -> re.Pattern:
    """A coordinator and a cue ending where the next document starts."""
    return re.compile(rf"(?:,[ \t]{{0,2}})?(?<![\w])(?:{_alt(L.OBJECT_COORDINATORS[P.lang])})[ \t]{{1,2}}"
                      rf"(?:{P.cue_re.pattern})[ \t]{{0,2}}$", re.IGNORECASE)


def _joined_after_subject(sent: Sentence, idx: list[int], mentions: list[Mention], prev: Mention,
                          m: Mention, P: Patterns) -> bool:
    """ "Thực hiện Chỉ thị số X … về việc phát động thi đua … theo Nghị quyết Đại hội … và Kế
    hoạch số Y …, <body> ban hành …": a numbered document after a coordinator, past the previous
    object's subject, with no cue between them that governs a document, is the next object."""
    text, base = sent.text, sent.start
    lo, hi = prev.end - base, m.start - base
    if hi - lo > MAX_JOINED or ";" in text[lo:hi] or not re.search(
            rf"(?<![\w])(?:{_alt(L.OBJECT_COORDINATORS[P.lang])})[ \t]{{1,2}}$", text[max(lo, hi - 12):hi],
            re.IGNORECASE):
        return False
    starts = [mentions[j].start - base for j in idx if lo <= mentions[j].start - base <= hi]
    for c in P.cue_re.finditer(text, lo, hi):
        if any(s >= c.end() and _is_filler(text[c.end():s]) for s in starts):
            return False
    return True


def _second_verb(text: str, lo: int, hi: int, P: Patterns) -> bool:
    sv = _second_verb_re(P).search(text, max(0, lo), hi)
    return sv is not None and _item_gap(sv.group(0), P)


def _item_gap(gap: str, P: Patterns) -> bool:
    """More items of a fronted list: a coordinator and the clause's own cue ("… và triển khai
    Y"), or, after a semicolon, a short lead ending on a colon and/or a number marker ("; các
    Nghị quyết của Hội đồng nhân dân tỉnh: số Y")."""
    g = gap.strip(" \t")
    cm = re.match(rf"(?:,[ \t]{{0,2}})?(?:{_alt(L.OBJECT_COORDINATORS[P.lang])})[ \t]{{1,2}}", g, re.IGNORECASE)
    if cm:
        cue = P.cue_re.fullmatch(g[cm.end():].strip())
        if cue:
            phrase = re.sub(r"\s+", " ", cue.group(0).lower())
            info = P.cue_info.get(phrase) or _cue_lookup(P, phrase)
            return bool(info and info[0] == "implements" and info[1] == "active")
    if ";" not in g:
        return False
    tail = g[g.rindex(";") + 1:].strip(" \t")
    marker = rf"(?:(?:{_alt(L.NUMBER_MARKERS[P.lang])})[ \t]{{0,2}})?"
    # or a lead saying where the next document holds it ("; chỉ đạo của … tại Công văn số Y")
    leads = FRONTED_ITEM_LEADS.get(P.lang)
    lead = rf"|[^;,.:()]{{0,80}}(?<![\w])(?:{_alt(leads)})" if leads else ""
    return bool(re.fullmatch(rf"(?:[^;,.:()]{{0,80}}:[ \t]{{0,2}}{lead})?{marker}", tail,
                             re.IGNORECASE))


@lru_cache(maxsize=8)
def _list_gap(P: Patterns) -> re.Pattern:
    """Between two items of a fronted list: a comma or semicolon and/or a coordinator, then a
    determiner (", ", " và ", ", and the ", " et la ")."""
    coord = _alt(L.OBJECT_COORDINATORS[P.lang])
    dets = L.DETERMINERS[P.lang]
    det = rf"(?:(?:{_alt(dets)})[ \t]{{0,2}})?" if dets else ""
    return re.compile(rf"[ \t]{{0,2}}(?:[,;][ \t]{{0,2}}(?:(?:{coord})[ \t]{{1,2}})?|(?:{coord})[ \t]{{1,2}}){det}",
                      re.IGNORECASE)


def fronted_cue(text: str, first: int, P: Patterns) -> re.Match | None:
    """The cue of a fronted clause: an 'implements' cue before the sentence's first document,
    with no issuing verb before it ("Thực hiện X …", "Implementing X …", "With a view to … and
    effectively implementing X, Y, …, the Politburo issued Z"); or the sentence's opening words
    of FRONTED_LEADS ("Conformément à X, …")."""
    lead = fronted_lead(text, first, P.lang)
    if lead is not None:
        return lead
    for c in P.cue_re.finditer(text, 0, first):
        phrase = re.sub(r"\s+", " ", c.group(0).lower())
        info = P.cue_info.get(phrase) or _cue_lookup(P, phrase)
        if info and info[0] == "implements" and info[1] == "active" and \
                not reviewed(text, c.start(), P) and \
                _is_filler(text[c.end():first]) and not P.issue_verb_re.search(text[:c.start()] + " "):
            return c
    return None


def find_fronted(sent: Sentence, si: int, idx: list[int], mentions: list[Mention],
                 P: Patterns) -> list[Relation]:
    """ "Thực hiện X, Ban Thường vụ … ban hành Y …" / "To implement X, the … issued Y": the
    document issued in the main clause implements the ones named in the fronted clause."""
    text = sent.text
    base = sent.start
    objs = fronted_objects(sent, idx, mentions, P)
    if not objs or len(idx) < 2:
        return []
    fm = fronted_cue(text, mentions[objs[0]].start - base, P)
    last = mentions[objs[-1]]
    for j in idx[1:]:
        Y = mentions[j]
        if j in objs or Y.list_head is not None or Y.start < last.start:
            continue
        lead = text[last.end - base:Y.start - base]
        if "," in lead and P.issue_verb_re.search(text[max(0, Y.start - base - 60):Y.start - base]):
            return [Relation("implements", j, o, si, fm.group(0).strip(" ,")) for o in objs]
    return []


def _attached(gap: str, A: Mention, kind: str, mood: str, P: Patterns,
              object_of_cue: bool = False) -> bool:
    """Is the text between a document's phrase and a relation cue part of that document's
    clause (so the cue says something about the document)?"""
    g = _FOOTNOTE.sub("", gap)
    if kind in ("implements", "continues") and len(g) <= 250 \
            and drawn_up_gap((A.subject or "") + g, P):
        return False  # "Dispatch NN on developing an Action Plan to implement …": the plan's
    if not g.strip(" \t,"):
        return True
    if A.subject and kind == "replaces" and not P.cue_re.search(g) \
            and run_on_in_force_gap(g, P.lang):
        return True  # "Decree NN on A; B took effect … and replaced …": A's subject runs on
    if len(g) > 250 or P.strong_coord_re.search(g):
        return False
    if kind in ("implements", "continues") and aim_gap(g, P.lang):
        return True  # "<plan> vise à concrétiser et à organiser … la mise en œuvre de …"
    inner = P.cue_re.search(g)
    if inner and not _is_filler(g[:inner.start()]):
        return False  # the cue in between belongs to something else
    # a coordinated predicate: "X enters into force on … and replaces Y" (X the subject, not
    # the object of an earlier verb)
    last = P.coord_re.search(g[-8:]) if len(g) <= 120 and "," not in g else None
    if last and not g[-8:][last.end():].strip() and not object_of_cue:
        return True
    if P.relative_re.match(g) or (A.new and kind == "replaces") or in_force_gap(g, P.lang):
        return True
    if len(g) <= 40 and "," not in g and not P.coord_re.search(g):
        return True
    # the document's subject runs on after a comma, in lower case, up to the cue ("Quy định số
    # NN về kỷ luật tổ chức Đảng, đảng viên vi phạm thay thế …"): an enumeration, not a clause
    if A.subject and len(g) <= 80 and _run_on(g) and not P.coord_re.search(g) \
            and not P.issue_verb_re.search(g + " "):
        return True
    return False


def _run_on(g: str) -> bool:
    """", a b c" pieces (1 to 3), each opening with a lower-case word, no digits or brackets."""
    if not g.startswith(",") or re.search(r"[;:()\[\]\d]", g):
        return False
    parts = g.split(",")[1:]
    return 1 <= len(parts) <= 3 and all(
        p.strip() and p.strip()[0].islower() and len(p) <= 45 for p in parts)


def find_mergers(sent: Sentence, si: int, idx: list[int], mentions: list[Mention],
                 bodies: list[Body], P: Patterns) -> list[Merger]:
    text = sent.text
    base = sent.start
    out: list[Merger] = []
    for cm in P.merge_re.finditer(text):
        cs, ce = base + cm.start(), base + cm.end()
        after = [b for b in bodies if b.start >= ce]
        before = [b for b in bodies if b.end <= cs]
        merged: list[Body] = []
        into: Body | None = None
        lead = text[cm.end():after[0].start - base].strip().lower() if after else ""
        lead = re.sub(r"\s+", " ", lead.replace("’", "'"))
        if after and lead in ("", "of", "of the", "the", "du", "de la", "de l'", "des", "de",
                              "la", "le", "việc", "các", "antara"):
            b1 = after[0]
            if len(after) > 1:
                conn = re.sub(r"\s+", " ", text[b1.end - base:after[1].start - base].strip()
                              .lower().replace("’", "'"))
                conn = re.sub(r"^(?:,)\s*", "", conn)
                conn_words = re.sub(r"\s+(?:the|la|le|l'|du|de|des|các)$", "", conn)
                if conn_words in P.merge_into or conn in P.merge_into:
                    merged, into = [b1], after[1]
                elif conn_words in P.merge_with or conn in P.merge_with:
                    merged, into = [b1], after[1]
                elif conn_words in P.merge_and or conn in P.merge_and or conn in (
                        "et du", "et de la", "et de l'", "and the", "và"):
                    merged = [b1, after[1]]
            if not merged:
                merged = [b1]
        elif after and any(lead == w or lead.startswith(w + " ") for w in P.merge_with):
            # "the merger with A …, B has …": B, the sentence's subject, is the result
            b1 = after[0]
            merged = [b1]
            rest = [b for b in after[1:]
                    if "," in text[b1.end - base:b.start - base]]
            into = rest[0] if rest else None
        elif before and after:
            # passive: "A was merged into B", "A đã được hợp nhất vào B"
            b0 = before[-1]
            gap = text[b0.end - base:cm.start()].strip().lower()
            if re.fullmatch(r"(?:(?:was|were|has been|have been|is|are|been|đã|được|bị|sẽ|"
                            r"telah|sudah|akan|a été|ont été|est|été|officially)\s*){0,3}", gap):
                lead2 = text[cm.end():after[0].start - base].strip().lower()
                if lead2 in P.merge_into or lead2.rstrip(" thelad'") in P.merge_into:
                    merged, into = [b0], after[0]
        if not merged:
            continue
        doc = _merger_document(cm, idx, mentions, text, base, P)
        out.append(Merger(si, cm.group(0), doc, merged, into))
    return out


def _merger_document(cm: re.Match, idx: list[int], mentions: list[Mention], text: str,
                     base: int, P: Patterns) -> int | None:
    cs = base + cm.start()
    for i in idx:
        m = mentions[i]
        if m.end <= cs < m.tail_end + 1:
            return i
    for i in idx:
        m = mentions[i]
        if m.start > cs and P.under_re.search(text[max(0, m.start - base - 40):m.start - base]):
            return i
    return titled_by_bracket(text, base, idx, mentions, P)


def titled_by_bracket(text: str, base: int, idx: list[int], mentions: list[Mention],
                      P: Patterns) -> int | None:
    """A title that opens with a type word and closes with the document's number in brackets
    ("Quyết định về việc hợp nhất A, B thành C (số NN-QĐ/TW)"): that numbered document, typed by
    the title's type word when its code leaves the type open."""
    tm = P.type_re.match(text)
    if tm is None or not tm.group(0)[:1].isupper():
        return None
    close = text.rstrip(" \t.").endswith(")")
    inside = [i for i in idx if mentions[i].strong and mentions[i].code
              and re.fullmatch(rf"[ \t]{{0,2}}\([ \t]{{0,2}}(?:(?:{_alt(L.NUMBER_MARKERS[P.lang])})[ \t]{{0,2}}:?[ \t]{{0,2}})?",
                               text[text.rfind("(", 0, mentions[i].start - base):mentions[i].start - base])
              and not text[mentions[i].end - base:].strip(" \t.)")]
    if not close or len(inside) != 1:
        return None
    i = inside[0]
    m = mentions[i]
    tkey = P.type_words.get(re.sub(r"\s+", " ", tm.group(0).lower()))
    if m.type is None and tkey is not None:
        from partykg.ingest.extract.codes import code_types  # (codes does not import this module)
        if tkey in code_types(m.code):
            m.type = tkey
    return i if tkey is not None and m.type == tkey else None
