"""Back-references: what "the regulation", "Quy định này", "le présent règlement", "peraturan
ini" refer to, and the document's own header ("Số: NN-HD/BTCTW", its title line).

- A sentence that opens with a definite description of a document ("The regulation takes
  effect …", "The new directive …") names that document: a back-reference mention is added.
- A text that is a document carries a header: a line holding only its number ("Số: …",
  "No. …"), then its title line ("QUY ĐỊNH", "HƯỚNG DẪN THỰC HIỆN …"); the title gives the
  header document's type when its code leaves it open (QĐ: regulation or decision).
- A self-reference ("Quyết định này", "le présent règlement", "this regulation") after the header
  is the header's document; otherwise a back-reference is the nearest document of its type named
  before (within a few sentences), never one it is related to in its own sentence. A bare type
  word ("Resolusi", "the Resolution") refers back only when the text has named exactly one
  document of that type before it: otherwise it stays unresolved rather than attach to a wrong
  one.
"""

from __future__ import annotations

import re

from partykg.errors import PartykgError
from partykg.ingest import extract_lang as L
from partykg.ingest.extract.codes import _abbreviation_types, normal_code, parse_any_code
from partykg.ingest.extract.data import Mention, Relation, Sentence
from partykg.model.ids import CodeError, code_key
from partykg.ingest.extract.patterns import Patterns, _alt
from partykg.ingest.extract.ruledheader import ruled_number_line

WINDOW = 6  # sentences a determiner or demonstrative reference looks back
BARE_WINDOW = 2  # sentences a bare type word looks back


def compatible(a: str | None, b: str | None) -> bool:
    if a is None or b is None or a == b:
        return True
    return b in L.COMPATIBLE_TYPES.get(a, frozenset())


# --- sentence-initial definite descriptions --------------------------------------------------------

def subject_refs(sentences: list[Sentence], mentions: list[Mention], P: Patterns) -> list[Mention]:
    """Back-reference mentions at the start of a sentence that has a relation cue: "The
    regulation takes effect … and replaces …", "The new directive, …, replaces …". Only where no
    mention is already found there."""
    dets = L.DETERMINERS[P.lang] + L.DEMONSTRATIVES_BEFORE[P.lang]
    if dets:
        rx = re.compile(rf"^(?:{_alt(dets)})[ \t]{{1,2}}(?:(?:{_alt(L.NEW_BEFORE[P.lang] or ('new',))})"
                        rf"[ \t]{{1,2}})?(?P<type>{P.type_re.pattern})", re.IGNORECASE)
    else:
        # languages without articles: a capitalised type word opening the sentence (or a
        # list item), then a verb ("Quy định có hiệu lực … và thay thế …"), a relation cue
        # ("Chỉ thị thay thế …") or any lower-case verb when that type was named before
        rx = re.compile(rf"^(?:[-–•+*][ \t]{{1,2}})?(?P<type>{P.type_re.pattern})(?=[ \t]{{1,2}}(?:(?:{_alt(L.CLAUSE_VERBS[P.lang])})"
                        rf"(?![\w])|{P.cue_re.pattern}|(?P<verb>(?-i:[a-zà-ỹđ]{{1,8}})[ \t](?-i:[a-zà-ỹđ]))))",
                        re.IGNORECASE)
    covered: dict[int, list[tuple[int, int]]] = {}
    for m in mentions:
        covered.setdefault(m.sentence, []).append((m.start, m.end))
    out = []
    for si, s in enumerate(sentences):
        tm = rx.match(s.text)
        if not tm or not P.cue_re.search(s.text, tm.end()):
            continue
        a, b = s.start + tm.start("type"), s.start + tm.end("type")
        if not dets and not tm.group("type")[:1].isupper():
            continue
        if any(x < b and a < y for x, y in covered.get(si, ())):
            continue
        word = re.sub(r"\s+", " ", tm.group("type").lower())
        tkey = P.type_words.get(word)
        if tkey is None or (word.endswith("s") and P.lang in ("en", "fr") and word not in ("avis",)):
            continue
        if tm.groupdict().get("verb") and not any(m.type == tkey and m.sentence < si
                                                  for m in mentions):
            # any other verb ("Chương trình hành động đề ra …"): only back to a document of
            # that type named before (a heading opening the text names none)
            continue
        new = bool(re.search(r"\bnew\b|nouve", tm.group(0), re.IGNORECASE))
        out.append(Mention(a, b, s.text[tm.start("type"):tm.end("type")], si, tkey, strong=False,
                           anaphor=not new, new=new, tail_end=b))
    return out


def insert_mentions(mentions: list[Mention], relations: list[Relation],
                    extra: list[Mention]) -> None:
    """Add mentions in text order, renumbering what points to mentions by index."""
    if not extra:
        return
    old = {id(m) for m in mentions}
    allm = sorted([(m.start, 0, i, m) for i, m in enumerate(mentions)]
                  + [(m.start, 1, j, m) for j, m in enumerate(extra)], key=lambda t: t[:3])
    remap = {}
    mentions.clear()
    for pos, (_s, kind, i, m) in enumerate(allm):
        if kind == 0:
            remap[i] = pos
        mentions.append(m)
    for m in mentions:
        if m.list_head is not None and id(m) in old:
            m.list_head = remap.get(m.list_head, m.list_head)
        if m.antecedent is not None and id(m) in old:
            m.antecedent = remap.get(m.antecedent, m.antecedent)
    for r in relations:
        r.source, r.target = remap[r.source], remap[r.target]


# --- the document's header -----------------------------------------------------------------------

def find_header(text: str, mentions: list[Mention], P: Patterns) -> int | None:
    """The mention on a line that holds only a document number ("Số: 97-QĐ/TW"), the first one;
    its type is set from the title line that follows when the code leaves it open."""
    markers = _alt(L.NUMBER_MARKERS[P.lang] + L.NUMBER_MARKERS['en'])
    num_re = re.compile(rf"[ \t*|]{{0,4}}(?:{markers})[ \t]{{0,2}}:?[ \t]{{0,3}}$", re.IGNORECASE)
    # the type word before the marker, then a colon: "Luật số: 65/2020/QH14"
    typed_re = re.compile(rf"[ \t*|]{{0,4}}(?:{_alt(P.type_words)})[ \t]{{1,2}}(?:{markers})"
                          r"[ \t]{0,2}:[ \t]{0,3}$", re.IGNORECASE)
    wrapped_re = re.compile(rf"(?<![\w])(?P<type>(?:{_alt(P.type_words)})[ \t]{{1,2}})?(?:{markers})"
                            r"[ \t]{0,2}:[ \t]{0,3}$", re.IGNORECASE)
    for i, m in enumerate(mentions):
        if not m.code:
            continue
        ls = text.rfind("\n", 0, m.start) + 1
        le = text.find("\n", m.end)
        le = len(text) if le < 0 else le
        lead = text[ls:m.end - len(m.code)] if m.text.endswith(m.code) else ""
        # (or the marker ends the line before, the code opening its own: "… Luật số:" /
        # "62/2025/QH15 |", a header laid out as a table and flattened)
        wrapped = None
        if ls > 0 and not text[ls:m.start].strip(" \t*|"):
            wrapped = wrapped_re.search(text, max(0, ls - 60), ls - 1)
        if (not (num_re.fullmatch(text[ls:m.start]) or typed_re.fullmatch(lead) or wrapped
                 or _marker_line_before(text, ls, m, typed_re)
                 or _marker_line_before(text, ls, m, num_re, alone=True))
                or not _header_rest(text[m.end:le])) \
                and not ruled_number_line(text[ls:m.start], text[m.end:le], P.lang):
            continue
        title = title_type(text, le, P)
        if title and compatible(title, m.type) and (m.type is None or m.type != title):
            try:
                allowed = _abbreviation_types(parse_any_code(m.code).type) or ()
            except (CodeError, PartykgError, ValueError):
                allowed = ()
            if title in allowed:
                m.type = title
        elif m.type is None and title:
            m.type = title
        tm = P.type_re.search(text, ls, m.start) or (
            P.type_re.match(text, wrapped.start("type")) if wrapped and wrapped.group("type") else None)
        if tm is not None and m.type in (None, "unclassified"):
            # "Luật số: NN/2020/QH14": the type word of the number line
            m.type = P.type_words.get(re.sub(r"\s+", " ", tm.group(0).lower()), m.type)
        return i
    return None


def _marker_line_before(text: str, ls: int, m: Mention, typed_re: re.Pattern,
                        alone: bool = False) -> bool:
    """The code opens its line and the line before ends with a type word, a number marker and a
    colon ("QUỐC HỘI ___ Luật số:" / "62/2025/QH15 |"), or (``alone``) is only a number marker,
    colon or not ("No." / "56/2011/TT-BTC"): a header broken by the page's layout."""
    if ls == 0 or text[ls:m.start].strip(" \t|*") or m.text != m.code:
        return False
    prev = text[text.rfind("\n", 0, ls - 1) + 1:ls - 1]
    return bool(typed_re.fullmatch(prev) if alone else typed_re.search(prev))


_DATE_CELL = re.compile(r"[ \t*]{0,4}\|[ \t|]{0,6}[^|\n]{0,80}?(?:19|20)\d\d[ \t|*.]{0,6}")


# the place and date on the number's line, spaced off without a table ("No. NN  Hanoi, June 6, 2017")
_DATELINE = re.compile(r"[ \t]{1,8}[^\W\d_][^\n|,;]{0,30},[ \t]{0,2}[^\n|;]{0,30}?(?:19|20)\d\d[ \t.]{0,2}")


def _header_rest(rest: str) -> bool:
    """What may follow the number on a header's number line: nothing, or (in a header laid out
    as a table, or spaced) the place and date ("| | Hanoi, April 27, 2020 |", " Hanoi, June 6,
    2017")."""
    return not rest.strip(" \t|*") or bool(_DATE_CELL.fullmatch(rest) or _DATELINE.fullmatch(rest))


_RULE_LINE = re.compile(r"[ \t]{0,20}[-–—_=]{3,40}[ \t]{0,3}(?:o0o|\*{1,3})?[ \t]{0,3}[-–—_=]{0,40}[ \t|]{0,20}")


def header_lines(text: str, after: int, limit: int = 10) -> list[tuple[int, str]]:
    """The lines (start offset, text) of the header block after a header's number line: up to
    the first line that starts the body ("- Căn cứ …", "Điều 1.", a long paragraph). Blank
    lines (a page that sets every header line apart, "HƯỚNG DẪN" / "" / "THỰC HIỆN …") are not
    counted in ``limit``."""
    out = []
    pos = after + 1
    seen = 0
    while seen < limit and len(out) < 4 * limit:
        if pos > len(text):
            break
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        line = text[pos:end]
        if (line.lstrip().startswith(("-", "–", "•")) and not _RULE_LINE.fullmatch(line)) \
                or len(line) > 400:
            break  # (a rule under the header, "----- o0o -----", does not start the body)
        out.append((pos, line))
        seen += bool(line.strip())
        pos = end + 1
    return out


def title_type(text: str, after: int, P: Patterns) -> str | None:
    """The type named by the header's title line: the first upper-case line that starts with a
    type word ("QUY ĐỊNH", "HƯỚNG DẪN THỰC HIỆN …")."""
    for _pos, line in header_lines(text, after):
        s = line.strip()
        letters = [c for c in s if c.isalpha()]
        if not letters or sum(c.isupper() for c in letters) < 0.8 * len(letters):
            continue
        tm = P.type_re.match(s)
        if tm:
            return P.type_words.get(re.sub(r"\s+", " ", tm.group(0).lower()))
    return None


# --- resolving back-references -------------------------------------------------------------------

def resolve(mentions: list[Mention], sentences: list[Sentence], relations: list[Relation],
            header: int | None, P: Patterns) -> None:
    """Set the antecedent of each back-reference (see the module's docstring)."""
    partners: dict[int, set[int]] = {}
    for r in relations:
        partners.setdefault(r.source, set()).add(r.target)
        partners.setdefault(r.target, set()).add(r.source)
    self_re = re.compile(rf"(?<![\w])(?:{_alt(L.SELF_REFS[P.lang])})(?![\w])", re.IGNORECASE)
    det_re = P.det_before_re
    appositions(mentions, sentences, P)
    for i, m in enumerate(mentions):
        if not m.anaphor or m.antecedent is not None:
            continue
        mine = partners.get(i, set())
        sent = sentences[m.sentence]
        around = sent.text[max(0, m.start - sent.start - 16):m.end - sent.start + 12]
        if (header is not None and header != i and header not in mine
                and mentions[header].start < m.start and self_re.search(around)
                and compatible(m.type, mentions[header].type)):
            m.antecedent = header
            continue
        before = sent.text[max(0, m.start - sent.start - 20):m.start - sent.start]
        if _named(sent.text[m.end - sent.start:]):
            continue  # "Nghị quyết Trung ương 5 …", "Nghị quyết Đại hội XIV": a name, not a reference
        demo = (self_re.search(around) or (P.demo_before_re and P.demo_before_re.search(before))
                or (P.demo_after_re and P.demo_after_re.search(m.text)))
        det = det_re.search(before) if det_re else None
        bare = not demo and not det and m.start != sent.start
        window = BARE_WINDOW if bare else WINDOW
        partner_keys = {_key(mentions[k]) for k in mine if _key(mentions[k])}
        found = None
        kinds = set()
        own = self_re.search(around)
        for j in range(i - 1, -1, -1):
            o = mentions[j]
            if o.sentence < m.sentence - window:
                break
            if o.anaphor or o.type != m.type:
                continue
            if own and _in_basis(sentences[o.sentence], o, P):
                continue  # "Quyết định này" is never a document its preamble is based on
            if j in mine or (_key(o) and _key(o) in partner_keys):
                continue
            if m.issuer is not None and o.issuer is not None and \
                    m.issuer.match_key != o.issuer.match_key:
                continue  # "Chỉ thị của Bộ Chính trị" after a directive of another body
            if found is None:
                found = j
            kinds.add(_key(o) or ("unnamed", j))
        if found is None:
            continue
        if bare and len(kinds) > 1:
            continue  # several documents of that type before it: not a guess
        if not demo and m.subject and not _same_subject(
                m.subject, mentions[found].subject or _name_words(mentions[found])):
            continue  # "Quy định của Bộ Chính trị về X": a document described anew
        m.antecedent = found


_APPOSED_END = re.compile(r"[ \t]{0,2}(?:[,)–—]|-[ \t])")


def appositions(mentions: list[Mention], sentences: list[Sentence], P: Patterns) -> None:
    """An unnamed description set off by a comma or bracket from a numbered document of its type
    right after it ("The new regulation, Regulation No. NN-QĐ/TW, replaces …", "the draft
    decree (Decree NN/…) …", "la nouvelle directive, la Directive n° NN") is that document: its
    antecedent."""
    dets = L.DETERMINERS[P.lang]
    apposed = re.compile(r"[ \t]{0,2}[,(–—-][ \t]{0,2}"
                         + (rf"(?:(?:{_alt(dets)})[ \t]{{0,2}})?" if dets else ""), re.IGNORECASE)
    for i, m in enumerate(mentions[:-1]):
        if m.strong or m.antecedent is not None or m.name_key is not None or not (
                m.anaphor or m.new):
            continue
        n = mentions[i + 1]
        if not n.strong or n.sentence != m.sentence or n.type != m.type:
            continue
        text, base = sentences[m.sentence].text, sentences[m.sentence].start
        if apposed.fullmatch(text, m.end - base, n.start - base) \
                and _APPOSED_END.match(text, max(n.end, n.tail_end) - base):
            m.antecedent = i + 1


def _in_basis(sent: Sentence, o: Mention, P: Patterns) -> bool:
    """``o`` is named in a preamble's basis clause ("Căn cứ Quy chế … ban hành kèm theo Quyết
    định số NN …;"): a basis cue before it in its sentence, with no ";" or line break between."""
    words = L.BASED_ON.get(P.lang)
    if not words:
        return False
    before = sent.text[:o.start - sent.start]
    cut = max(before.rfind(";"), before.rfind("\n"))
    return bool(re.search(rf"(?<![\w])(?:{_alt(words)})(?![\w])", before[cut + 1:], re.IGNORECASE))


_NAME_AFTER = re.compile(r"[ \t]{1,2}(?:[A-ZĐÀ-Ỹ][^\W\d_]{0,20}[ \t]{1,2}){1,3}(?:[IVXLC]{1,6}|\d{1,3})(?![\w])")


_ORDINAL_NAME_AFTER = re.compile(
    r"[ \t]{1,2}(?:[a-zà-ỹ]{1,12}[ \t]{1,2}){0,2}(?:the[ \t]{1,2})?"
    r"\d{1,2}(?:st|nd|rd|th|e|er|ème)[ \t]{1,2}[A-ZÀ-Ý]")


def _named(after: str) -> bool:
    """A bare type word followed by a capitalised name ending on a number ("Trung ương 5",
    "Đại hội XIV", "Hội nghị Trung ương 7"), or by an ordinal and a capitalised name ("adopted
    at the 13th National Party Congress", "du 3e Plénum") names its document."""
    return bool(_NAME_AFTER.match(after) or _ORDINAL_NAME_AFTER.match(after))


def _name_words(m: Mention) -> str | None:
    """A numbered document's name when it gives no subject ("Law on Tax administration No. NN"):
    the words of its mention besides the type word, the number and the code."""
    rest = re.sub(r"\S*\d\S*", " ", m.text)
    return rest if m.type and re.search(r"[^\W\d_]{3,}", rest) and len(rest.split()) > 3 else None


def _same_subject(a: str, b: str | None) -> bool:
    if not b:
        return False
    wa, wb = (set(w for w in re.findall(r"\w+", s.lower()) if not any(c.isdigit() for c in w))
              for s in (a, b))
    return bool(wa and wb) and len(wa & wb) >= 0.5 * min(len(wa), len(wb))


def _key(m: Mention) -> tuple | None:
    if m.code:
        return ("code", code_key(normal_code(m.code)))
    if m.number:
        return (m.type, m.number_key)
    return None


__all__ = ["subject_refs", "insert_mentions", "find_header", "header_lines", "resolve",
           "compatible"]
