"""Documents named by a code with no type abbreviation the scheme knows: "UBND tỉnh có văn bản
số 4912/UBND-NC về …", "document No. 2617/BKHDT-CLPT" (a state official letter: its code carries
only its issuer and unit, the scheme's official-letter definition), "Tờ trình số
43/TTr-SNNPTNT", "Presentation No. 4124/TTr-BKHDT" (a name the type scheme lacks, before a
number marker: a document of unknown type).

One job: add these mentions, which the type-word rules leave out (a code of this shape is read
only after a type word there), in two steps:

- :func:`letter_mentions`, while a sentence's mentions are found: a generic word for a document,
  a number marker and a state code whose first part is no type abbreviation and is written in
  capitals name an official letter;
- :func:`untyped_letters`, after: the codes still unread (state codes of that shape, codes of an
  issuer alone) after a generic word or a capitalised name and a number marker; a code whose
  first part is written in mixed case ("TTr") is an abbreviation of a type the scheme lacks, so
  never an official letter.

The generic words are data (extract_lang.GENERIC_DOCUMENT_WORDS).
"""

from __future__ import annotations

import re

from partykg.ingest import extract_lang as L
from partykg.ingest.extract.attributes import merge_added
from partykg.ingest.extract.codes import _CODE_ISSUER_ONLY, _CODE_STATE, _abbreviation_types, code_number, code_view
from partykg.ingest.extract.data import Body, Mention, Sentence
from partykg.ingest.extract.patterns import Patterns, _alt, cached, find_date, patterns, per_patterns

LETTER_TYPE = "official-letter"


@per_patterns
def _res(P: Patterns) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """(a generic word and a number marker; the same ending a text; a capitalised name and a
    number marker ending a text), for the page's language."""
    marker = rf"[ \t]{{1,2}}(?:{_alt(L.NUMBER_MARKERS[P.lang])})[ \t]{{0,2}}:?[ \t]{{0,2}}"
    words = rf"(?<![\w])(?:{_alt(L.GENERIC_DOCUMENT_WORDS[P.lang])})"
    lead = re.compile(words + marker, re.IGNORECASE)
    generic = re.compile(rf"{words}{marker}$", re.IGNORECASE)
    # (a name with its capitalised subject: "the Ordinance on Advertising No. NN/…")
    subj = rf"(?:(?-i:[A-ZĐ])[^\W\d_]{{2,15}}[ \t](?:{_alt(L.SUBJECT_PREPS[P.lang])})[ \t])?"
    # (or glued to the word before, a page that lost its spaces: "tạiTờ trình số NN/…")
    named = re.compile(rf"(?:(?<![\w])|(?<=[a-zđà-ỹ])(?=[A-ZĐ])){subj}(?-i:[A-ZĐ])[^\W\d_]{{0,15}}(?:[ \t][^\W\d_]{{1,15}})?"
                       rf"(?i:{marker}$)")
    rx = (lead, generic, named)
    return rx


def letter_mentions(sent: Sentence, si: int, P: Patterns, found: list[Mention]) -> list[Mention]:
    """The sentence's official letters named by a generic word, a number marker and a state
    code whose first part is no type abbreviation; none inside a mention of ``found``."""
    if "/" not in sent.text:
        return []
    lead = _res(P)[0]
    text, base = sent.text, sent.start
    out = []
    cview = code_view(text)  # codes read with look-alike characters replaced
    for lm in lead.finditer(text):
        cm = _CODE_STATE.match(cview, lm.end())
        if cm is None or _abbreviation_types(cm["type"]) or \
                _letter_type(cm["type"], True) != LETTER_TYPE:
            continue  # (a mixed-case first part: :func:`untyped_letters` reads it)
        s, e = base + lm.start(), base + cm.end()
        if any(m.start < e and s < m.end for m in found):
            continue
        number = code_number(cm.group(0))
        if number is None:
            continue
        out.append(Mention(s, e, text[lm.start():cm.end()], si, LETTER_TYPE, number, cm.group(0)))
    return out


def _untyped_codes(text: str):
    for m in _CODE_STATE.finditer(text):
        if not _abbreviation_types(m.group("type")):
            yield m, m.group("type")
    for m in _CODE_ISSUER_ONLY.finditer(text):
        yield m, m.group("issuer")


def untyped_letters(sent: Sentence, si: int, ms: list[Mention], P: Patterns,
                    bodies: list[Body]) -> list[Mention]:
    """The sentence's mentions ``ms`` with the untyped codes no rule read yet added, in text
    order (see the module's docstring)."""
    if "/" not in sent.text:
        return ms
    _lead, generic, named = _res(P)
    text, base = sent.text, sent.start
    added = []
    for cm, first in _untyped_codes(text):
        s, e = base + cm.start(), base + cm.end()
        if any(x.start < e and s < x.end for x in ms + added):
            continue
        before = text[max(0, cm.start() - 40):cm.start()]
        gm = generic.search(before)
        nm = None if gm else named.search(before)
        if not (gm or nm):
            # the next item of a list of letters: "các văn bản số 123/UBND-NC, số 456/UBND-KT";
            # a header's number line: "Số: 4912/UBND-NC", "No.: 4409/TCT-KK"
            item = _next_item(text, cm.start(), ms + added, base, P)
            if item is None:
                # (the code alone, as a header's typed code: its place-and-date line dates it)
                item = cm.start() if _header_number(P).search(before) else None
            if item is not None:
                added.append(Mention(base + item, e, text[item:cm.end()], si, _letter_type(
                    first, True), cm.group("number"), cm.group(0), tail_end=e))
                continue
            # a Vietnamese type word on a page in another language: "Công văn 4409/TCT-KK"
            vm = _vi_type_before(P).search(before) if P.lang != "vi" else None
            tkey = patterns("vi").type_words.get(re.sub(r"\s+", " ", vm["word"].lower())) \
                if vm else None
            if tkey:
                vs = cm.start() - len(before) + vm.start()
                added.append(Mention(base + vs, e, text[vs:cm.end()], si, tkey,
                                     cm.group("number"), cm.group(0), tail_end=e))
            continue
        start = cm.start() - len(before) + (gm or nm).start()
        if nm and P.type_re.match(text, start):
            continue  # a type word: the type-word rules decide
        tkey = _letter_type(first, gm is not None)
        added.append(Mention(base + start, e, text[start:cm.end()], si, tkey, cm.group("number"),
                             cm.group(0), tail_end=e))
    return merge_added(ms, added, sent, P, bodies)


def _letter_type(first: str, generic: bool) -> str:
    """An official letter after a generic word, unless the code's first part is written in mixed
    case (an abbreviation of a type the scheme lacks: "TTr")."""
    return LETTER_TYPE if generic and first == first.upper() else "unclassified"


def _next_item(text: str, pos: int, ms: list[Mention], base: int, P: Patterns) -> int | None:
    """Where the number marker of a list's next item starts, when the code at ``pos`` follows a
    letter mention (official letter, or unclassified with a code) and a separator, then a number
    marker ("…, số 456/UBND-KT", "…, No. 2617/BKHDT-CLPT"); else None."""
    rx = cached(P, "_letter_item_re", lambda: re.compile(
        rf"[ \t]{{0,2}}[,;][ \t]{{0,2}}(?:(?:{_alt(L.OBJECT_COORDINATORS[P.lang])})[ \t]{{1,2}})?"
        rf"(?P<marker>(?:{_alt(L.NUMBER_MARKERS[P.lang])})[ \t]{{0,2}}:?[ \t]{{0,2}})",
        re.IGNORECASE))
    prev = max((m for m in ms if m.end - base <= pos), key=lambda m: m.end, default=None)
    if prev is None or not prev.code or prev.type not in (LETTER_TYPE, "unclassified"):
        return None
    start = max(prev.tail_end, prev.end) - base
    dm = P.date_prefix_re.match(text, start)  # the previous item's date: "No. A dated …, No. B"
    got = find_date(text, dm.end(), P) if dm else None
    im = rx.fullmatch(text, got[1] if got else start, pos)
    return im.start("marker") if im else None


@per_patterns
def _header_number(P: Patterns) -> re.Pattern:
    """A number marker opening a line or a sentence, right before a position: a header's
    number line ("Số: …", "No.: …")."""
    rx = re.compile(rf"(?:^|\n)[ \t]{{0,4}}(?:{_alt(L.NUMBER_MARKERS[P.lang])})"
                    r"[ \t]{0,2}:[ \t]{0,2}$", re.IGNORECASE)
    return rx


@per_patterns
def _vi_type_before(P: Patterns) -> re.Pattern:
    """A Vietnamese type word (capitalised), then an optional "số", right before a position."""
    V = patterns("vi")
    rx = re.compile(rf"(?<![\w])(?P<word>(?=(?-i:[A-ZĐ]))(?:{_alt(V.type_words)}))"
                    r"(?:[ \t]{1,2}số)?[ \t]{1,2}$", re.IGNORECASE)
    return rx
