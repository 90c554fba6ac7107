"""A text that opens with its own title and no number: a line holding only an upper-case type
word ("CIRCULAR", "QUYẾT ĐỊNH", "DÉCRET"), then a line opening with a relation cue ("Guiding a
number of articles of the Government's Decree No. NN …"), an issuer line between them or not
("CỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH …"). The titled document (unnumbered: its number is not on the
page) stands in the cue's relation to the numbered document (or the one named by its congress)
the cue points to. Only among the text's first lines, before any numbered document; the type
words are the SKOS scheme's, the cues per-language data; no document, body or article is named
here."""

from __future__ import annotations

import re

from partykg.ingest import extract_lang as L
from partykg.ingest.extract.data import Mention, Relation, Sentence, by_sentence
from partykg.ingest.extract.followbase import _cue_info, _kind, _object_of
from partykg.ingest.extract.ownissued import issued_is_header
from partykg.ingest.extract.patterns import Patterns, _alt

FIRST_LINES = 6  # sentences from the text's start where the title may stand


def title_lines(text: str, sentences: list[Sentence], mentions: list[Mention],
                relations: list[Relation], P: Patterns) -> None:
    """Add the titled document's mention and its relation (module docstring)."""
    by_sent = by_sentence(mentions)
    for si in range(min(len(sentences) - 1, FIRST_LINES)):
        s = sentences[si]
        if any(mentions[i].strong for k in range(si + 1) for i in by_sent.get(k, ())):
            return  # a numbered document named before: not the text's title
        title = s.text.strip(" \t*#|")
        tm = P.type_re.fullmatch(title)
        if tm is None or not title.isupper() or by_sent.get(si):
            continue
        nxt = sentences[si + 1]
        if "\n" not in text[s.start:nxt.start]:
            continue  # the next line, not the same line's next sentence
        si_cue = si + 1
        # its issuer on a line of its own between: "CHƯƠNG TRÌNH HÀNH ĐỘNG" / "CỦA BAN CHẤP HÀNH
        # ĐẢNG BỘ TỈNH …" / "Thực hiện …" (an upper-case line opening with an issuer preposition)
        while si_cue < min(len(sentences) - 1, si + 3) and _issuer_line(nxt.text, P) \
                and not by_sent.get(si_cue):
            si_cue += 1
            nxt = sentences[si_cue]
        lead = len(nxt.text) - len(nxt.text.lstrip(" \t*#|"))
        cue = P.cue_re.match(nxt.text, lead)
        info = _cue_info(P, cue) if cue else None
        if info is None or info[1] != "active":
            return
        idx = sorted(by_sent.get(si_cue, ()), key=lambda i: mentions[i].start)
        b = _object_of(cue, nxt, idx, mentions, P) if idx else \
            _wrapped_number(cue, nxt, si_cue + 1, sentences, by_sent, mentions, P)
        # (a numbered document, or one named by its congress: "Nghị quyết Đại hội … lần thứ I")
        if b is None or not (mentions[b].strong or mentions[b].name_key is not None):
            return
        tkey = P.type_words.get(re.sub(r"\s+", " ", title.lower()))
        if tkey is None:
            return
        off = s.text.find(title)
        a0 = s.start + off
        mentions.append(Mention(a0, a0 + len(title), title, si, tkey, strong=False,
                                tail_end=a0 + len(title)))
        a = len(mentions) - 1
        relations.append(Relation(_kind(info[0], info[2], mentions[a], text, P), a, b, si_cue,
                                  cue.group(0)))
        # "… <body> ban hành Chương trình … như sau:": the text's body issuing a document of the
        # title's type names the titled document
        issued_is_header(sentences, mentions, a, P)
        return


def _wrapped_number(cue: re.Match, nxt: Sentence, sj: int, sentences: list[Sentence],
                    by_sent, mentions: list[Mention], P: Patterns) -> int | None:
    """The cue line ends on the object's type word and its number opens the next line ("TRIỂN
    KHAI THỰC HIỆN KẾ HOẠCH" / "SỐ NN-KH/TU …"): that numbered mention, when its type is the
    word's."""
    rest = nxt.text[cue.end():].strip(" \t*#|")
    tkey = P.type_words.get(re.sub(r"\s+", " ", rest.lower())) if rest else None
    if tkey is None or not P.type_re.fullmatch(rest) or sj >= len(sentences):
        return None
    first = min(by_sent.get(sj, ()), key=lambda i: mentions[i].start, default=None)
    if first is None or not mentions[first].strong or mentions[first].type != tkey:
        return None
    gap = sentences[sj].text[:mentions[first].start - sentences[sj].start].strip(" \t*#|")
    markers = L.NUMBER_MARKERS[P.lang]
    return first if not gap or gap.lower().rstrip(":.") in markers else None


def _issuer_line(line: str, P: Patterns) -> bool:
    """An upper-case line that opens with an issuer preposition ("CỦA BAN THƯỜNG VỤ …")."""
    st = line.strip(" \t*#|")
    preps = L.ISSUER_PREPS.get(P.lang) or ()
    return bool(preps) and st.isupper() and re.match(
        rf"(?:{_alt(preps)})[ \t]", st, re.IGNORECASE) is not None


__all__ = ["title_lines"]
