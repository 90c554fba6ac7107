"""Relations that follow the sentence, after the per-sentence cue pass
(:mod:`partykg.ingest.extract.relations`) and the back-references
(:mod:`partykg.ingest.extract.backrefs`):

- coordinated objects: a cue applies to every object joined to its first one ("thay thế Chỉ thị
  số NN-CT/TW, ngày …, và Kết luận số NN-KL/TW", "replaces Regulation No. NN … and Regulation
  No. NN …");
- the sentence's subject through modifiers: a participle or coordinated verb after a comma or
  "and" ("Regulation NN consists of NN chapters …, replacing …"; "X (X) on the implementation of
  …, replacing …"; "issued a new directive on …, replacing …"; "The regulation takes effect … and
  replaces …") has the sentence's subject, or the document the sentence says was issued;
- unnamed earlier documents: "a new resolution replacing the previous one", "thay thế nghị
  quyết trước": the document of that type named before;
- the header: the title or subject line of a document's header ("HƯỚNG DẪN THỰC HIỆN QUY ĐỊNH SỐ
  …", "V/v thực hiện Quy định số …") relates the header's document to what it names;
- plans stay plans: an unnamed new document after a plan ("agreed to issue a new resolution …")
  plans its replacement; it does not make one.

The rules are generic: the words they use are per-language data in
:mod:`partykg.ingest.extract_lang`; none names a document, a body or an article.
"""

from __future__ import annotations

import re
from functools import lru_cache

from partykg.ingest import extract_lang as L
from partykg.ingest.extract.backrefs import compatible, header_lines
from partykg.ingest.extract.basis import bases
from partykg.ingest.extract.codes import normal_code
from partykg.ingest.extract.data import Mention, Relation, Sentence
from partykg.ingest.extract.mentions import _is_filler
from partykg.ingest.extract.patterns import Patterns, _alt
from partykg.ingest.extract.promulgates import promulgated
from partykg.ingest.extract.relations import _cue_lookup, fronted_objects, reviewed

BACK_SENTENCES = 30  # how far back "the previous one" looks


class _Lang:
    def __init__(self, P: Patterns):
        lang = P.lang
        self.coord_gap = re.compile(
            rf"[ \t]{{0,2}}(?:,[ \t]{{0,2}})?(?:(?:{_alt(L.OBJECT_COORDINATORS[lang])})[ \t]{{1,2}})?"
            rf"(?:(?:{_alt(L.DETERMINERS[lang] or ('the',))})[ \t]{{1,2}})?", re.IGNORECASE)
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
            r"[ \t]{1,2})?$", re.IGNORECASE)
        terms = _alt(L.TERM_WORDS[lang])
        # the issuer's term left after a document's phrase: "of the 8th term", "khóa XII"
        self.term_tail = re.compile(
            rf"[ \t]{{0,2}},?[ \t]{{0,2}}(?:(?:of[ \t]{{1,2}}the[ \t]{{1,2}}|du[ \t]{{1,2}}|de[ \t]{{1,2}}la[ \t]{{1,2}})?"
            rf"(?:\d{{1,2}}(?:st|nd|rd|th|e|ème)|[IVXLC]{{1,6}}e?)[ \t-]{{1,2}}(?:tenure[ \t]{{1,2}})?(?:{terms})"
            rf"|(?:{terms})[ \t]{{1,2}}(?:[IVXLC]{{1,6}}|\d{{1,2}}))(?![\w])", re.IGNORECASE)
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
    if before.strip(" \t-–•*+"):
        return False
    return _announced_list(text, ls, P)


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
        tm = P.type_re.match(line.lstrip("-–•*+ \t"))
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


def follow(text: str, sentences: list[Sentence], mentions: list[Mention],
           relations: list[Relation], header: int | None, P: Patterns) -> None:
    """Add the relations of the module docstring to ``relations`` (and the mentions of
    "the previous one" to ``mentions``, at the end)."""
    have = {(r.kind, r.source, r.target) for r in relations}

    def add(kind: str, a: int, b: int, si: int, cue: str) -> None:
        if a == b or (kind, a, b) in have:
            return
        if kind == "plannedToReplace" and ("replaces", a, b) in have:
            return
        have.add((kind, a, b))
        relations.append(Relation(kind, a, b, si, cue))

    # plans stay plans: a replacement made by an unnamed document after a plan verb
    for r in relations:
        if r.kind == "replaces" and planned(mentions[r.source], text, P):
            have.discard((r.kind, r.source, r.target))
            r.kind = "plannedToReplace"
            have.add((r.kind, r.source, r.target))
    by_sent: dict[int, list[int]] = {}
    for i, m in enumerate(mentions):
        by_sent.setdefault(m.sentence, []).append(i)
    rel_sent: dict[int, set[tuple[int, int]]] = {}
    for r in relations:
        rel_sent.setdefault(r.sentence, set()).add((r.source, r.target))
    for si, idx in sorted(by_sent.items()):
        sent = sentences[si]
        cues = list(P.cue_re.finditer(sent.text))
        if not cues:
            continue
        _subject_through_modifiers(text, sent, si, idx, mentions, rel_sent.get(si, set()), cues,
                                   P, add)
        _previous_one(text, sent, si, idx, mentions, cues, P, add)
    _titles(text, sentences, by_sent, mentions, P, add)
    _bracket_plans(text, sentences, by_sent, mentions, relations, P, add)
    if header is not None:
        _header(text, header, mentions, P, add)
        _fronted_header(sentences, by_sent, header, mentions, P, add)
        bases(text, sentences, by_sent, header, mentions, P, add)
    promulgated(sentences, by_sent, mentions, relations, P, add)
    # coordinated objects, last, so they extend every relation found above
    for r in list(relations):
        _coordinated(sentences[r.sentence], r, by_sent.get(r.sentence, []), mentions, P, add)


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


def sentence_subject(sent: Sentence, idx: list[int], mentions: list[Mention], before: int,
                     P: Patterns) -> int | None:
    """The sentence's subject document: its first mention when only a determiner, a
    description or an opening date comes before it; else the document the sentence says was
    issued (the first mention right after an issuing verb). Offsets relative to the sentence."""
    base = sent.start
    text = sent.text
    cands = [j for j in idx if mentions[j].list_head is None and mentions[j].end - base <= before]
    if not cands:
        return None
    first = mentions[cands[0]]
    lead = text[:first.start - base]
    om = P.opener_re.match(lead)
    if om and "," in lead:
        lead = lead[lead.index(",") + 1:]
    lead = re.sub(r"^[\W\d_]{0,6}\(?[A-Z]{2,8}\)?[ \t]{0,2}[-–—:][ \t]{0,2}", "", lead)
    fronted = fronted_objects(sent, idx, mentions, P)  # "Thực hiện X, … ban hành Y": not X
    if len(lead.strip()) <= 25 and not P.issue_verb_re.search(lead + " ") and not re.search(
            r"[;:]", lead) and cands[0] not in fronted:
        return cands[0]
    for j in cands:
        m = mentions[j]
        if j not in fronted and P.issue_verb_re.search(
                text[max(0, m.start - base - 60):m.start - base]):
            return j
    return None


def _subject_through_modifiers(full, sent, si, idx, mentions, in_rel, cues, P, add) -> None:
    base = sent.start
    text = sent.text
    L_ = _lang(P)
    for cue in cues:
        info = _cue_info(P, cue)
        if info is None:
            continue
        if reviewed(text, cue.start(), P):
            continue
        b = _object_of(cue, sent, idx, mentions, P)
        if b is None:
            continue
        if any(b in pair for pair in in_rel):
            continue  # the per-sentence pass found its other end
        if not L_.coord_end.search(text[:cue.start()].rstrip(" \t")):
            continue
        s = sentence_subject(sent, idx, mentions, cue.start(), P)
        if s is None or s == b:
            continue
        S = mentions[s]
        if ";" in text[_reach(S) - base:cue.start()] or _reach(S) - base > cue.start():
            continue
        kind, voice, mood = info
        a, o = (s, b) if voice == "active" else (b, s)
        add(_kind(kind, mood, mentions[a], full, P), a, o, si, cue.group(0))


def _previous_one(full, sent, si, idx, mentions, cues, P, add) -> None:
    """"… replacing the previous one": a back-reference to the document of that type named
    before the sentence's subject."""
    base = sent.start
    text = sent.text
    for pm in _lang(P).previous.finditer(text):
        cue = next((c for c in reversed(cues) if c.end() <= pm.start()
                    and _is_filler(text[c.end():pm.start()])), None)
        if cue is None:
            continue
        info = _cue_info(P, cue)
        if info is None:
            continue
        s = _source_before(sent, idx, mentions, cue.start(), P)
        if s is None:
            continue
        S = mentions[s]
        tword = next((v for k, v in pm.groupdict().items() if v), None)
        tkey = P.type_words.get(re.sub(r"\s+", " ", tword.lower())) if tword else S.type
        ante = None
        same = {s, S.antecedent}
        for j in range(s - 1, -1, -1):
            o = mentions[j]
            if o.sentence < S.sentence - BACK_SENTENCES:
                break
            if j in same or (S.antecedent is not None and _same_doc(o, mentions[S.antecedent])):
                continue
            if o.strong and compatible(tkey, o.type) and o.type is not None:
                ante = j
                break
        if ante is None:
            continue
        a0, a1 = base + pm.start(), base + pm.end()
        ref = next((j for j in idx if mentions[j].start < a1 and a0 < mentions[j].end), None)
        if ref is None:
            mentions.append(Mention(a0, a1, pm.group(0), si, tkey, strong=False, anaphor=True,
                                    antecedent=ante, tail_end=a1))
            ref = len(mentions) - 1
        else:
            mentions[ref].antecedent = ante
        kind, voice, mood = info
        a, o = (s, ref) if voice == "active" else (ref, s)
        add(_kind(kind, mood, mentions[a], full, P), a, o, si, cue.group(0))


def _bracket_plans(full, sentences, by_sent, mentions, relations, P: Patterns, add) -> None:
    """ "… tham mưu Bộ Chính trị về X (thay thế Chỉ thị số NN)", "proposed to the Politburo on X
    (to replace Directive NN)": a bracketed replacement after a planned matter with no document
    named in its clause: the new document is that matter, planned."""
    L_ = _lang(P)
    targets = {r.target for r in relations} | {r.source for r in relations}
    for si, idx in sorted(by_sent.items()):
        sent = sentences[si]
        base = sent.start
        text = sent.text
        for cue in P.cue_re.finditer(text):
            info = _cue_info(P, cue)
            if info is None or info[0] != "replaces" or info[1] != "active":
                continue
            if not (cue.group(0).startswith("(") or text[:cue.start()].rstrip(" \t").endswith("(")):
                continue
            b = _object_of(cue, sent, idx, mentions)
            if b is None or b in targets:
                continue
            opening = text.rfind("(", 0, cue.start() + 1)
            ends = [e.end() for e in re.finditer(r"[.;!?](?=[ \t]{0,2}[A-ZÀ-ỸĐ])|;", text[:opening])]
            clause_start = ends[-1] if ends else 0
            clause = text[clause_start:opening]
            if any(clause_start <= mentions[j].start - base < opening for j in idx):
                continue
            ag = L_.agree.search(clause)
            sp = P.subject_prep_re.search(clause, ag.end()) if ag else None
            if sp is None or not clause[sp.end():].strip():
                continue
            a0 = base + clause_start + sp.end()
            a1 = base + opening
            while a1 > a0 and full[a1 - 1] in " \t":
                a1 -= 1
            mentions.append(Mention(a0, a1, full[a0:a1], si, "unclassified", strong=False,
                                    new=True, subject=full[a0:a1], tail_end=a1))
            add("plannedToReplace", len(mentions) - 1, b, si, cue.group(0))


def _same_doc(a: Mention, b: Mention) -> bool:
    if a.code and b.code:
        return normal_code(a.code).replace(" ", "").upper() == normal_code(b.code).replace(
            " ", "").upper()
    return bool(a.number and a.number_key == b.number_key and a.type == b.type)


def _source_before(sent, idx, mentions, cue_start: int, P: Patterns) -> int | None:
    base = sent.start
    before = [j for j in idx if mentions[j].list_head is None
              and _reach(mentions[j]) - base <= cue_start]
    if not before:
        return None
    last = before[-1]
    gap = sent.text[_reach(mentions[last]) - base:cue_start]
    if len(gap) <= 60 and ";" not in gap:
        return last
    return sentence_subject(sent, idx, mentions, cue_start, P)


def _header(text: str, h: int, mentions: list[Mention], P: Patterns, add) -> None:
    """The title and subject lines of a header relate its document to what they name."""
    H = mentions[h]
    le = text.find("\n", H.end)
    if le < 0:
        return
    lines = header_lines(text, le)
    if not lines:
        return
    lo, hi = lines[0][0], lines[-1][0] + len(lines[-1][1])
    for j, m in enumerate(mentions):
        if j == h or not (lo <= m.start < hi) or m.list_head is not None:
            continue
        ls = text.rfind("\n", 0, m.start) + 1
        line_before = text[ls:m.start]
        cue = None
        for c in P.cue_re.finditer(line_before):
            cue = c
        if cue is None or not _is_filler(line_before[cue.end():]):
            continue
        letters = [c for c in text[ls:m.start] if c.isalpha()]
        upper = letters and sum(c.isupper() for c in letters) >= 0.8 * len(letters)
        if not (upper or _lang(P).subject_line.match(line_before)):
            continue
        info = _cue_info(P, cue)
        if info is None:
            continue
        kind, voice, mood = info
        a, o = (h, j) if voice == "active" else (j, h)
        add(_kind(kind, mood, mentions[a], text, P), a, o, mentions[j].sentence, cue.group(0))


def _titles(text, sentences, by_sent, mentions: list[Mention], P: Patterns, add) -> None:
    """A title line opening with a type word, then a line holding only the document's number in
    brackets ("Directive du Politburo relative à … la mise en œuvre de la résolution du …" /
    "(Directive n° NN-CT/TW du …)"): the cues of the title line are that document's."""
    for si, idx in by_sent.items():
        sent = sentences[si]
        if not (sent.start == 0 or text[sent.start - 1] == "\n"):
            continue
        tm = P.type_re.match(sent.text)
        le = text.find("\n", sent.start)
        if not tm or not tm.group(0)[:1].isupper() or le < 0:
            continue
        ne = text.find("\n", le + 1)
        line = text[le + 1:len(text) if ne < 0 else ne].strip()
        if not (line.startswith("(") and line.endswith(")")):
            continue
        owner = next((j for j, m in enumerate(mentions) if le < m.start < le + 1 + len(line) + 2
                      and m.strong and m.list_head is None), None)
        tkey = P.type_words.get(re.sub(r"\s+", " ", tm.group(0).lower()))
        if owner is None or not compatible(tkey, mentions[owner].type):
            continue
        for cue in P.cue_re.finditer(sent.text):
            info = _cue_info(P, cue)
            b = _object_of(cue, sent, idx, mentions)
            if info is None or b is None or b == owner:
                continue
            kind, voice, mood = info
            a, o = (owner, b) if voice == "active" else (b, owner)
            add(_kind(kind, mood, mentions[a], text, P), a, o, si, cue.group(0))


def _fronted_header(sentences, by_sent, h: int, mentions: list[Mention], P: Patterns,
                    add) -> None:
    """ "Thực hiện X …, Ủy ban nhân dân tỉnh … ban hành Kế hoạch …" in a document's own text:
    the unnamed document issued is the header's document when it has the header's type."""
    H = mentions[h]
    for si, idx in by_sent.items():
        sent = sentences[si]
        if sent.start < H.end:
            continue
        objs = fronted_objects(sent, idx, mentions, P)
        if not objs or h in objs:
            continue
        last = mentions[objs[-1]]
        rest = sent.text[max(last.tail_end, last.end) - sent.start:]
        for tm in P.type_re.finditer(rest):
            if "," not in rest[:tm.start()]:
                continue
            lead = rest[max(0, tm.start() - 60):tm.start()]
            if (P.issue_verb_re.search(lead) or _lang(P).draw_up.search(lead)) and \
                    P.type_words.get(re.sub(r"\s+", " ", tm.group(0).lower())) == H.type:
                for o in objs:
                    add("implements", h, o, si, "fronted clause")
            break


def _issuer_of(m: Mention) -> str | None:
    return m.issuer.match_key if m.issuer is not None else None


def _coordinated(sent: Sentence, r: Relation, idx: list[int], mentions: list[Mention],
                 P: Patterns, add) -> None:
    """Extend a relation to the objects coordinated with its object."""
    base = sent.start
    text = sent.text
    src, tgt = mentions[r.source], mentions[r.target]
    obj_is_target = tgt.start > src.start
    obj = r.target if obj_is_target else r.source
    other = r.source if obj_is_target else r.target
    L_ = _lang(P)
    prev = obj
    # a list announced before a colon ("thay thế các văn bản sau: A …; B …; C …"): every
    # numbered document opening a ";"-separated item is an object, whatever the items say
    colon_list = _colon_list(text[:mentions[obj].start - base], P)
    for j in idx:
        N = mentions[j]
        if N.start <= mentions[obj].start or j == other:
            continue
        if N.list_head is not None and N.list_head == prev:
            pass
        else:
            gap = text[_reach(mentions[prev]) - base:N.start - base]
            tt = L_.term_tail.match(gap)
            gap = gap[tt.end():] if tt else gap
            gm = L_.coord_gap.fullmatch(gap)
            # the previous object's phrase may end on the coordinator ("… on X and")
            joined = gm and (("," in gap) or gap.strip(" \t,")
                             or L_.coord_end.search(text[:_reach(mentions[prev]) - base]))
            # a list of numbered documents separated by semicolons ("thay thế A …; B …")
            listed = (N.strong and mentions[prev].strong and N.code
                      and re.fullmatch(r"[ \t]{0,2};[ \t]{0,2}", gap)
                      and not fronted_objects(sent, idx, mentions, P))  # ";" lists those
            item = colon_list and N.strong and text[:N.start - base].rstrip(" \t").endswith(";")
            if not (joined or listed or item):
                break
        if r.kind != "continues" and _issuer_of(N) and _issuer_of(N) == _issuer_of(
                mentions[other]) != _issuer_of(mentions[prev]):
            # the issuer of the other end, not of the objects: an outer list goes on (but a
            # conclusion continues the earlier conclusions of its own body)
            break
        # a cue after N opens a new clause, unless it goes on N's own subject ("Kết luận số NN
        # về việc điều chỉnh, bổ sung …")
        own = N.subject and P.subject_prep_re.search(text[N.end - base:_reach(N) - base])
        if L_.clause.match(text, _reach(N) - base) or (not own and P.cue_re.match(
                text[_reach(N) - base:].lstrip(" \t,"))):
            break
        a, b = (other, j) if obj_is_target else (j, other)
        add(r.kind, a, b, r.sentence, r.cue)
        prev = j


def _colon_list(before: str, P: Patterns) -> bool:
    m = re.search(r"(?<![\w])([^\W\d_]+(?:[ \t]{1,2}[^\W\d_]+)?)[ \t]{0,2}:[ \t]{0,3}$", before)
    return bool(m) and any(m.group(1).lower().endswith(w) for w in L.LIST_INTRO[P.lang])


__all__ = ["follow", "planned", "sentence_subject"]
