"""The text's own document: the title and subject lines of its header ("HƯỚNG DẪN THỰC HIỆN
QUY ĐỊNH SỐ …", "V/v thực hiện Quy định số …"), a title line over its number line, a title
closing with its number in brackets, a fronted
clause in its own text ("Thực hiện X …, Ban Thường vụ … ban hành Kế hoạch …"), and the unnamed
document a text says it is ("Thực hiện X, Ban … hướng dẫn … như sau:")."""

from __future__ import annotations

import re
from functools import lru_cache

from partykg.ingest import extract_lang as L
from partykg.ingest.extract.backrefs import compatible, header_lines
from partykg.ingest.extract.codes import code_types, normal_code
from partykg.ingest.extract.typewords import state_only_types
from partykg.ingest.extract.data import Mention
from partykg.ingest.extract.followbase import _cue_info, _kind, _lang, _object_of
from partykg.ingest.extract.mentions import _is_filler
from partykg.ingest.extract.patterns import Patterns, _alt
from partykg.ingest.extract.relations import fronted_objects, reviewed, titled_by_bracket
from partykg.ingest.extract.wrappedcue import cue_line_before

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
    _title_verb(text, h, lines, lo, hi, mentions, P, add)
    for j, m in enumerate(mentions):
        if j == h or not (lo <= m.start < hi) or m.list_head is not None:
            continue
        ls = text.rfind("\n", 0, m.start) + 1
        line_before = text[ls:m.start]
        cue = None
        for c in P.cue_re.finditer(line_before):
            cue = c
        over = cue_line_before(text, ls, lo, m, P) if cue is None else None
        if over is not None:
            ls, cue = over  # "… THỰC HIỆN NGHỊ" / "QUYẾT SỐ NN …": a type word wrapped
            line_before = text[ls:m.start]
        elif cue is None or not _is_filler(line_before[cue.end():]):
            continue
        if any(k != h and ls <= mentions[k].start and mentions[k].end <= ls + cue.start()
               for k in range(len(mentions))) or _wrapped_subject(text, h, lo, ls + cue.start(),
                                                                  mentions, P):
            continue  # "… VÀ CHƯƠNG TRÌNH SỐ NN THỰC HIỆN X": the cue is the document before it's
        letters = [c for c in text[ls:m.start] if c.isalpha()]
        upper = letters and sum(c.isupper() for c in letters) >= 0.8 * len(letters)
        if not (upper or _lang(P).subject_line.match(line_before)
                or _subtitle(text, ls, lo, cue, line_before, P)
                or _under_type_line(text, ls, lo, H, P)):
            continue
        info = _cue_info(P, cue)
        if info is None:
            continue
        kind, voice, mood = info
        if kind in ("implements", "guides", "continues") and reviewed(text, ls + cue.start(), P):
            continue  # "HƯỚNG DẪN VỀ CÔNG TÁC KIỂM TRA, GIÁM SÁT THỰC HIỆN NGHỊ QUYẾT …"
        a, o = (h, j) if voice == "active" else (j, h)
        add(_kind(kind, mood, mentions[a], text, P), a, o, mentions[j].sentence, cue.group(0))


def _under_type_line(text: str, ls: int, lo: int, H: Mention, P: Patterns) -> bool:
    """The line at ``ls`` opens the title under a line holding only the header's upper-case type
    word ("DECREE" / "Detailing and guiding … of the … Law"), blank lines between."""
    prev = text[lo:ls].rstrip().rsplit("\n", 1)[-1].strip(" \t*#|")
    tkey = P.type_words.get(re.sub(r"\s+", " ", prev.lower())) if prev.isupper() else None
    if tkey is None or P.type_re.fullmatch(prev) is None or not compatible(tkey, H.type):
        return False
    # not the body's first sentence, a fronted clause with its main clause (as in _subtitle)
    le = text.find("\n", ls)
    line = text[ls:len(text) if le < 0 else le].rstrip()
    return not line.endswith(":") and not re.search(r",[ \t]{1,2}(?-i:[A-ZĐ])", line)


def _subtitle(text: str, ls: int, lo: int, cue, line_before: str, P: Patterns) -> bool:
    """A title line in sentence case that opens with the cue (or with its issuer, then the cue),
    under the header's title line of a type word alone: "THÔNG TƯ" / "Hướng dẫn thực hiện một số
    điều của Nghị định số …", "NGHỊ ĐỊNH" / "Sửa đổi, bổ sung một số điều của Nghị định số …",
    "CHƯƠNG TRÌNH HÀNH ĐỘNG" / "của Tỉnh ủy thực hiện Nghị quyết số …"."""
    lead = line_before[:cue.start()].strip(" \t*|")
    preps = L.ISSUER_PREPS.get(P.lang) or ()
    if ls <= lo or (lead and not (preps and re.fullmatch(  # "của Tỉnh ủy thực hiện …"
            rf"(?:{_alt(preps)})[ \t][^,;.:()]{{1,80}}", lead, re.IGNORECASE))):
        return False
    above = text[lo:ls].rstrip().rsplit("\n", 1)[-1].strip(" \t*|")
    if not (above and above.isupper() and P.type_re.fullmatch(above) is not None):
        return False
    # not the body's first sentence, a fronted clause with its main clause ("Thực hiện X, Ban …
    # hướng dẫn như sau:"): a title has no colon at its end and no ", <Capitalised subject>"
    le = text.find("\n", ls)
    line = text[ls:len(text) if le < 0 else le].rstrip()
    return not line.endswith(":") and not re.search(r",[ \t]{1,2}(?-i:[A-ZĐ])", line[cue.end():])


def _wrapped_subject(text: str, h: int, lo: int, cue_at: int, mentions: list[Mention],
                     P: Patterns) -> bool:
    """A title wrapped over lines ("… KẾT LUẬN SỐ NN … CỦA BỘ CHÍNH TRỊ" / "VỀ TIẾP TỤC THỰC HIỆN
    X"): a numbered document on an earlier line of the title, not joined to the cue by a
    coordinator, is the subject of the cue (issue 12)."""
    before = [m for k, m in enumerate(mentions)
              if k != h and m.strong and lo <= m.start and m.end <= cue_at]
    if not before:
        return False
    gap = text[max(m.end for m in before):cue_at]
    return not re.search(rf"(?<![\w])(?:{_alt(L.OBJECT_COORDINATORS[P.lang])})[ \t\n]{{1,3}}$",
                         gap, re.IGNORECASE) and "\n\n" not in gap


def _title_verb(text: str, h: int, lines, lo: int, hi: int, mentions: list[Mention],
                P: Patterns, add) -> None:
    """A header's title line that is a relation cue by itself ("HƯỚNG DẪN", then "một số điểm
    Quy định … ban hành kèm theo Quyết định số NN …"): the header's document stands in that
    relation to the first document the title block names, when no other cue comes between."""
    first = next((j for j, m in enumerate(mentions) if j != h and lo <= m.start < hi
                  and m.strong and m.list_head is None), None)
    if first is None:
        return
    for pos, line in lines:
        if pos >= mentions[first].start:
            return
        cue = P.cue_re.fullmatch(line.strip())
        if cue is None or not line.strip().isupper():
            continue
        between = text[pos + len(line):mentions[first].start]
        info = _cue_info(P, cue)
        own_line = between[between.rfind("\n") + 1:]
        if info is None or len(between) > 150 or P.cue_re.search(between) or \
                any(pos < m.start < mentions[first].start for m in mentions) or \
                not _is_filler(own_line) or any(  # (the mention's own line may be upper case)
                    ln.strip().isupper() for ln in between.split("\n")[:-1]):
            return  # a title of its own, or a line that opens the body ("Căn cứ …")
        kind, voice, mood = info
        a, o = (h, first) if voice == "active" else (first, h)
        add(_kind(kind, mood, mentions[a], text, P), a, o, mentions[first].sentence, cue.group(0))
        return


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
        _title_cues(text, sent, si, idx, owner, mentions, P, add)


def _bracket_titles(text, sentences, by_sent, mentions: list[Mention], P: Patterns, add) -> None:
    """A title closing with its document's number in brackets ("Quyết định về việc thay thế
    Quy định số NN (số MM-QĐ/TW)"): the title's cues are that document's."""
    for si, idx in by_sent.items():
        sent = sentences[si]
        d = titled_by_bracket(sent.text, sent.start, idx, mentions, P)
        if d is not None:
            _title_cues(text, sent, si, idx, d, mentions, P, add)


def _title_cues(text, sent, si: int, idx, owner: int, mentions: list[Mention], P: Patterns,
                add) -> None:
    """The cues of a title (sentence ``si``) are its document's (``owner``): each relates it
    to the cue's object."""
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
        r0 = max(last.tail_end, last.end) - sent.start
        rest = sent.text[r0:]
        taken = [(mentions[j].start - sent.start - r0, mentions[j].end - sent.start - r0)
                 for j in idx if mentions[j].strong]
        for tm in P.type_re.finditer(rest):
            if "," not in rest[:tm.start()] or any(a < tm.end() and tm.start() < b
                                                   for a, b in taken):
                continue  # the first type word of the main clause, not a named document
            lead = rest[max(0, tm.start() - 60):tm.start()]
            if (P.issue_verb_re.search(lead) or _lang(P).draw_up.search(lead)) and \
                    P.type_words.get(re.sub(r"\s+", " ", tm.group(0).lower())) == H.type:
                for o in objs:
                    add("implements", h, o, si, "fronted clause")
            break


def enacted_header(text: str, h: int, mentions: list[Mention], P: Patterns) -> None:
    """ "Luật số: NN/2020/QH14 … Quốc hội ban hành Luật sửa đổi, bổ sung … của Luật …": the
    unnumbered document of the header's type that the enacting sentence right after it issues
    is the header's document (its relations are the header's)."""
    H = mentions[h]
    if H.type is None:
        return
    # a law's or the Assembly's code (NN/2025/QH15) says no type: the enacted law gives it
    open_type = H.type == "unclassified" and H.code is not None and not code_types(H.code)
    for m in mentions:
        if m.strong or m.start < H.end or m.antecedent is not None or \
                (m.type != H.type and not (open_type and m.type in state_only_types())) or \
                m.plural or m.new or m.sentence > H.sentence + 6:
            continue
        lead = text[max(H.end, m.start - 40):m.start]
        iv = P.issue_verb_re.search(lead + " ")
        if iv is not None and not lead[iv.end() - 1:].strip() and "\n" not in lead[iv.start():]:
            verb_at = m.start - len(lead) + iv.start()
            prev = [o.end for o in mentions if o.strong and o.sentence == m.sentence
                    and o.end <= verb_at]
            if prev and not re.search(r"[,;:]", text[max(prev):verb_at]):
                continue  # "Nghị quyết số NN … ban hành Kế hoạch …": a document issues it
            m.antecedent = h
            if H.type != m.type:
                H.type = m.type
            return


def self_document(text: str, sentences, by_sent, mentions: list[Mention], P: Patterns,
                  add) -> None:
    """A text with no header that opens its body with "Thực hiện X …, <body> hướng dẫn / ban hành
    kế hoạch … như sau:" is the document that sentence names (unnamed, of the type its word
    gives): it implements X. The first such sentence only."""
    follows = _as_follows(P)
    for si, idx in sorted(by_sent.items()):
        sent = sentences[si]
        st = sent.text.rstrip()
        if not st.endswith(":") or not follows.search(st[-40:]):
            continue
        objs = fronted_objects(sent, idx, mentions, P)
        if not objs:
            continue
        last = mentions[objs[-1]]
        start = max(last.tail_end, last.end) - sent.start
        rest = sent.text[start:]
        # the main clause opens at the first comma with no other numbered document after it
        # ("…; chỉ đạo … tại Công văn số NN, Ủy ban nhân dân tỉnh xây dựng Kế hoạch …")
        others = [mentions[j].start - sent.start - start for j in idx
                  if j not in objs and mentions[j].strong and mentions[j].start - sent.start >= start]
        comma = next((k for k, ch in enumerate(rest) if ch == "," and all(o < k for o in others)),
                     None)
        if comma is None:
            continue
        tm = P.type_re.search(rest, comma)
        if tm is None or tm.start() - comma > 90:
            continue
        tkey = P.type_words.get(re.sub(r"\s+", " ", tm.group(0).lower()))
        if tkey is None:
            continue
        a0, a1 = sent.start + start + tm.start(), sent.start + start + tm.end()
        named = _sole_before(mentions, tkey, sent.start, objs)
        if named is None:
            mentions.append(Mention(a0, a1, text[a0:a1], si, tkey, strong=False, tail_end=a1))
            named = len(mentions) - 1
        for o in objs:
            add("implements", named, o, si, "fronted clause")
        return


def _sole_before(mentions: list[Mention], tkey: str, pos: int, objs: list[int]) -> int | None:
    """The one numbered document of type ``tkey`` the text names before ``pos`` (its title line
    "Kế hoạch số NN-KH/TW … thực hiện …" over the text), if there is exactly one."""
    found: dict[str, int] = {}
    for j, m in enumerate(mentions):
        if m.start < pos and m.strong and m.type == tkey and j not in objs:
            found.setdefault(normal_code(m.code).upper() if m.code else f"#{m.number_key}", j)
    return next(iter(found.values())) if len(found) == 1 else None


@lru_cache(maxsize=8)
def _as_follows(P: Patterns) -> re.Pattern:
    return re.compile(rf"(?<![\w])(?:{_alt(L.AS_FOLLOWS[P.lang])})[ \t]{{0,2}}:$", re.IGNORECASE)
