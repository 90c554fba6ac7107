"""Body names in a sentence (national organs, Party committees …)."""

from __future__ import annotations

import re

from partykg.ingest import extract_lang as L
from partykg.ingest.extract.codes import _LOWER_VI
from partykg.ingest.extract.data import Body, Sentence, _norm
from partykg.ingest.extract.patterns import Patterns, _alt, per_patterns


_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)?|['’]s|\S")


def find_bodies(sent: Sentence, P: Patterns) -> list[Body]:
    """Body names in a sentence: the national organs (by name) and names built on a head noun
    ("Party Committee of the Ministry of …", "Đảng ủy …", "Comité du Parti …")."""
    text = sent.text
    found: list[Body] = []
    for m in P.national_re.finditer(text):
        found.append(Body(sent.start + m.start(), sent.start + m.end(), m.group(0),
                          P.national.get(_norm(m.group(0)))))
    heads = list(P.head_re.finditer(text))
    if _CAPS_RUN.search(text):  # a heading in capitals: "… CỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH"
        nat_up, head_up = _upper_res(P)
        for m in nat_up.finditer(text):
            found.append(Body(sent.start + m.start(), sent.start + m.end(), m.group(0),
                              P.national.get(_norm(m.group(0)))))
        heads += head_up.finditer(text)
    for m in heads:
        span = _expand_body(text, m.start(), m.end(), P)
        if span is None:
            continue
        s, e = span
        found.append(Body(sent.start + s, sent.start + e, text[s:e]))
    # national names win when they are the whole phrase; otherwise the longest phrase wins
    found.sort(key=lambda b: (b.start, -(b.end - b.start)))
    out: list[Body] = []
    for b in found:
        if out and b.start < out[-1].end:
            prev = out[-1]
            if b.end > prev.end and (b.end - b.start) > (prev.end - prev.start):
                out[-1] = b
            continue
        out.append(b)
    nationals = {(b.start, b.end): b for b in found if b.key}
    freed: list[tuple[int, int]] = []
    for i, b in enumerate(out):
        if b.key is None:
            b.key = P.national.get(_norm(b.text))
        if b.key is None:
            # a national organ's name run on into the next words: a person's name ("Ban Bí thư
            # Trương Thị Mai"), a word of the sentence ("Bộ Chính trị cùng …") or a cut word
            # ("Bộ Chính trị kh"): the first word after it is no word of a body's name, and
            # (Vietnamese, where a body's name goes on in capitals) lower case or capitalised
            nat = max((n for (s0, _e), n in nationals.items() if s0 == b.start and n.end < b.end),
                      key=lambda n: n.end, default=None)
            if nat is not None:
                rest = text[nat.end - sent.start:b.end - sent.start].split()  # accents kept
                if rest and rest[0].lower() not in _body_words(P) and (
                        P.lang == "vi" or 1 <= len(rest) <= 4 and all(w[:1].isupper() for w in rest)):
                    out[i] = nat
                    freed.append((nat.end, b.end))
    # the bodies the run-on phrase had swallowed ("… thay mặt Bộ Chính trị") are bodies again
    for fs, fe in freed:
        last = fs
        for b in found:  # sorted by start, longest first
            if b.start >= last and b.end <= fe:
                b.key = b.key or P.national.get(_norm(b.text))
                out.append(b)
                last = b.end
    out.sort(key=lambda b: b.start)
    return out


_CAPS_RUN = re.compile(r"(?-i:[A-ZĐÀ-Ỹ]{2,}[ \t]{1,2}[A-ZĐÀ-Ỹ]{2,})")


@per_patterns
def _upper_res(P: Patterns) -> tuple[re.Pattern, re.Pattern]:
    """The national names and head nouns in capitals ("CHÍNH PHỦ", "BAN CHẤP HÀNH")."""
    names = [n.upper() for info in L.NATIONAL_BODIES.values()
             for n in info["names"].get(P.lang, ()) if " " in n or len(n) > 5]  # type: ignore[union-attr]
    heads = [h.upper() for h in L.BODY_HEADS[P.lang] if " " in h or len(h) > 3]
    cached = (re.compile(rf"(?<![\w])(?:{_alt(names)})(?![\w])"),
              re.compile(rf"(?<![\w])(?:{_alt(heads)})(?![\w])"))
    return cached


@per_patterns
def _body_words(P: Patterns) -> frozenset[str]:
    """Words of the language's body names and head nouns (from the vocabulary)."""
    words: set[str] = set()
    for info in L.NATIONAL_BODIES.values():
        for name in info["names"].get(P.lang, ()):  # type: ignore[union-attr]
            words.update(w.lower() for w in name.split())
    for h in L.BODY_HEADS[P.lang]:
        words.update(w.lower() for w in h.split())
    cached = frozenset(words)
    return cached


def _expand_body(text: str, hs: int, he: int, P: Patterns) -> tuple[int, int] | None:
    lang = P.lang
    head = text[hs:he]
    if lang == "vi":
        return _expand_body_vi(text, hs, he, P)
    if head in L.OFFICE_HEADS[lang]:
        return hs, he  # "Prime Minister Pham …": the holder's name follows
    end = he
    # right: connectors and capitalised words (French: also single lower-case words)
    pos = he
    last_good = he
    lower_run = 0
    steps = 0
    for tm in _TOKEN.finditer(text, he):
        if steps > 14:
            break
        steps += 1
        if text[pos:tm.start()].strip():
            break
        tok = tm.group(0)
        low = tok.lower().replace("’", "'")
        if low in P.connectors or (lang == "fr" and low in ("l'", "d'")):
            if low in ("and", "et") and re.match(r"\s{1,2}(?:the|la|le|les|l['’]|du|des)\b",
                                                 text[tm.end():tm.end() + 6], re.IGNORECASE):
                break
            pos = tm.end()
            continue
        if tok in P.body_stop or P.type_re.match(text, tm.start()):
            break  # (a type word: "the Finance Ministry’s Circular")
        if tok[:1].isupper():
            lower_run = 0
            pos = last_good = tm.end()
            continue
        if lang == "fr" and tok[:1].isalpha() and lower_run == 0 and low not in _FR_STOP:
            lower_run = 1
            pos = last_good = tm.end()
            continue
        break
    end = last_good
    # left (English: "Ministry of Home Affairs Party Committee", "Provincial Party Committee")
    start = hs
    if lang == "en":
        toks = list(_TOKEN.finditer(text[max(0, hs - 80):hs]))
        base = max(0, hs - 80)
        cur = hs
        pending = None
        for tm in reversed(toks):
            if text[base + tm.end():cur].strip():
                break
            tok = tm.group(0)
            if tok.lower() in ("of", "and") and pending is None:
                pending = base + tm.start()
                cur = pending
                continue
            if tok[:1].isupper() and tok not in P.body_stop and tok.lower() not in ("the", "a"):
                start = cur = base + tm.start()
                pending = None
                continue
            if tok in L.BODY_LEVELS[lang] and pending is None:
                start = base + tm.start()  # "the provincial Party Committee"
            break
    phrase = text[start:end]
    # a bare head ("Committee", "Ban", "the Party Committee") names no body in particular
    if end == he and start == hs and (" " not in head or head in ("Party Committee",
                                                                   "Executive Committee",
                                                                   "Standing Committee")):
        return None
    if len(phrase) < 4:
        return None
    return start, end


_FR_STOP = frozenset("a est et qui que ont sont se ne pour par sur dans avec en le la les un une "
                     "des du de au aux il elle ils elles son sa ses leur leurs ce cette ces y "
                     "afin ainsi mais ou où dont plus très".split())


_VI_SYLLABLE = re.compile(r"[ \t]{1,2}([^\W\d_]+)")


def _expand_body_vi(text: str, hs: int, he: int, P: Patterns,
                    parent: bool = True) -> tuple[int, int] | None:
    end = he
    count = 0
    pos = he
    while count < 10:
        m = _VI_SYLLABLE.match(text, pos)
        if not m:
            break
        stop = P.vi_stop_re.match(text, m.start(1))
        # (a stop word written capitalised, not in capitals, right after the head is a word of
        # the name: "Ban Tổ chức Tỉnh ủy", "Ủy ban Kiểm tra Huyện ủy", "Tỉnh ủy Cần Thơ")
        if stop and count == 0 and m.group(1)[:1].isupper() and m.group(1)[1:2].islower():
            stop = None
        if stop or P.type_re.match(text, m.start(1)):
            break
        pos = end = m.end()
        count += 1
    if end == he and text[hs:he] in ("Ban", "Bộ", "Ủy ban", "Uỷ ban", "Văn phòng", "Đảng bộ",
                                     "Đảng ủy", "Đảng uỷ"):
        return None
    cut = _coordinated_name(text, end, P)
    if cut > end and parent:
        # the coordinated name of a unit, then (no comma, no verb between) the committee it
        # belongs to: "Ban Tuyên giáo và Dân vận Tỉnh ủy", "Ban Tổ chức và Kiểm tra Đảng ủy Khối"
        hm = P.head_re.match(text, cut + 1) if text[cut:cut + 1] == " " else None
        sub = _expand_body_vi(text, hm.start(), hm.end(), P, parent=False) if hm else None
        if sub is not None:
            cut = sub[1]
    return hs, cut


# (small letters only: the range à-ỹ also holds the capitals "Đ", "Ư", "Ơ" …, so "Kiểm tra Đảng
# ủy" would read as one part)
_VI_CAP = rf"[A-ZĐÀ-Ỹ][{_LOWER_VI}]{{1,7}}"
_VI_LOW = rf"[{_LOWER_VI}]{{1,7}}"


def _coordinated_name(text: str, end: int, P: Patterns) -> int:
    """A name whose last part is a coordinated list of capitalised words ("Bộ Văn hóa, Thể thao
    và Du lịch", "Đảng ủy Khối cơ quan và Doanh nghiệp tỉnh"): the name goes on over ", X" and
    "và Y" when each part opens with a capitalised word that opens no body, type or national
    name, and its lower-case words are no stop words; the list must close with the
    coordinator."""
    coord = _alt(L.OBJECT_COORDINATORS["vi"])
    part = rf"{_VI_CAP}(?:[ \t]{{1,2}}{_VI_LOW}){{0,3}}"
    rx = re.compile(rf"(?:(?:,|[ \t]{{1,2}}[-–])[ \t]{{1,2}}{part}){{0,3}}[ \t]{{1,2}}(?:{coord})"
                    rf"[ \t]{{1,2}}{part}(?![\w])")
    m = rx.match(text, end)
    if m is None:
        return end
    heads = tuple(h.split()[0] for h in L.BODY_HEADS["vi"])
    cut = end
    for w in re.finditer(r"[^\W\d_]+", text[end:m.end()]):
        pos = end + w.start()
        word = w.group(0)
        if word in heads or P.type_re.match(text, pos) or P.national_re.match(text, pos):
            return end  # "… và Ban Thường vụ", "… và Nghị quyết …": another body or a document
        if re.match(rf"(?:{coord})(?![\w])", text[pos:]):
            continue
        if word[:1].islower() and P.vi_stop_re.match(text, pos):
            break
        cut = end + w.end()
    # (the list closes with the coordinator: the words after it are the name's)
    return cut if re.search(rf"(?<![\w])(?:{coord})[ \t]{{1,2}}{_VI_CAP}", text[end:cut]) else end
