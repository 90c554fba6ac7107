"""Document codes as written: party (NUMBER-TYPE/ISSUER), state (NUMBER/TYPE-ISSUER, with an
optional year) and spaced (NUMBER TYPE/ISSUER) forms.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from partykg.ingest import extract_cues as C
from partykg.ingest import extract_lang as L
from partykg.model.ids import LOOKALIKES, CodeError, replace_lookalikes, fold, has_lookalikes, parse_code
from partykg.ingest.extract.typewords import abbreviation_spellings, abbreviations, state_only_types


_LETTERS = "A-Za-zĐđ"
_UPPER = "A-ZĐƯƠÔÂÊĂ"  # issuers are written with Vietnamese capitals too ("41-QĐ/TƯ")
_DASH = "[-–—]"  # sources write the hyphen as an en or em dash ("27 – NQ/TW")
# Vietnamese capitals with a tone mark (Ả, Ộ …): words have them, issuer abbreviations never do
_TONED = "".join(c for c in map(chr, range(0xC0, 0x1EFA))
                 if c.isupper() and c not in _UPPER and len(unicodedata.normalize("NFD", c)) > 1)
# an issuer ends at a non-word, or where the page glues the next word to it: a capital then
# lower case ("156-KL/TWNgày") or a capital then a toned capital ("36-CT/TWĐẢNG")
# or an upper-case date word the page glued to it ("39/2014/TTLT-BCT-BTCNGÀY 29 …"): one
# pattern for every code form, a one-word date prefix of four letters or more in capitals, not
# followed by a letter
_GLUED_WORDS = sorted({w.upper() for ws in L.DATE_PREFIXES.values() for w in ws
                       if " " not in w and len(w) > 3}, key=len, reverse=True)
_GLUED_DATE = rf"(?:{'|'.join(_GLUED_WORDS) or '(?!)'})(?![^\W\d_])"
# (never inside such a word: "12-NQ/TWNGÀY" is 12-NQ/TW, not 12-NQ/TWN; only a word with a tone
# mark, which no issuer has, can cut one: an issuer takes the others' letters)
_NOT_IN_GLUED = "".join(f"(?!(?<={re.escape(w[:i])}){re.escape(w[i:])})"
                        for w in _GLUED_WORDS if any(c in _TONED for c in w)
                        for i in range(1, len(w)))
# or, after a two-letter issuer, a lower-case word glued to it ("13-TT/TUspecifying": "T" alone
# is no issuer; "/TWNgày" still reads "TW")
# (lower case: a-z and the Vietnamese small letters; the range à-ỹ alone also holds capitals,
# "Đ", "Ư", "Ơ", which an issuer has: "TWĐTN")
_LOWER_VI = "a-zđ" + "".join(c for c in map(chr, range(0xE0, 0x1EFA)) if c.islower() and c.isalpha())
_ISSUER_END = (rf"{_NOT_IN_GLUED}(?:(?![\w-])|(?=[A-ZĐ][{_LOWER_VI}]|[A-ZĐ][{_TONED}]"
               rf"|{_GLUED_DATE})"
               rf"|(?<=[/ \t][{_UPPER}]{{2}})(?=[{_LOWER_VI}]{{3}}))")
_CODE_PARTY = re.compile(
    rf"(?<![\w/-])(?P<number>\d{{1,5}}[a-zA-Z]?)[ \t]{{0,2}}{_DASH}[ \t]{{0,2}}"
    rf"(?P<type>[A-ZĐ][{_LETTERS}]{{0,4}})[ \t]{{0,2}}/[ \t]{{0,2}}"
    # (a unit of the issuing office after a hyphen: "367-QĐ/TWĐTN-VP", two capitals or more,
    # ending cleanly: not glued to the next word, "…-VPĐOÀN", but for a date word, "…-VPNGÀY")
    rf"(?P<issuer>[{_UPPER}][{_UPPER}0-9]{{0,11}}"
    rf"(?:-[{_UPPER}]{{2,6}}(?:(?![\w-])|(?={_GLUED_DATE})))?){_ISSUER_END}")
# a state issuer in capitals, or mixed case after two capitals ("TTg": the Prime Minister)
# (at most two lower case letters in a row: "TTg"; a capital and more is a word the page glued
# to the code, "289/2025/NĐ-CPSigner", where the issuer ends)
_STATE_ISSUER = (rf"[{_UPPER}](?:[{_UPPER}0-9]{{0,11}}"
                 rf"|[{_UPPER}][{_UPPER}0-9]{{0,8}}[a-z]{{1,2}}[{_UPPER}0-9]{{0,4}})")
_CODE_STATE = re.compile(
    rf"(?<![\w/-])(?P<number>\d{{1,5}}[a-zA-Z]?)[ \t]?/[ \t]?(?:(?P<year>(?:19|20)\d\d)[ \t]?/[ \t]?)?"
    # (or, in an official letter's code, the issuing ministry's abbreviation, up to seven
    # capitals: "555/LĐTBXH-BTXH", "12/BNNPTNT-TCTL")
    rf"(?P<type>[A-ZĐ][{_LETTERS}]{{0,4}}|[A-ZĐ]{{6,7}})[ \t]?{_DASH}[ \t]?"
    rf"(?P<issuer>{_STATE_ISSUER}(?:-{_STATE_ISSUER}){{0,3}})"
    rf"{_NOT_IN_GLUED}(?:(?![\w/])|(?=[A-ZĐ][{_LOWER_VI}]{{2}})|(?={_GLUED_DATE})"
    # or two capitals, then lower-case text the page glued to them ("15/2018/ND-CPfa-…")
    rf"|(?<=[-–][{_UPPER}]{{2}})(?=[{_LOWER_VI}]{{2}}))")
# a state code whose type the page wrote letter by letter ("86/2009/N Đ -CP"): one reading only
# (the letters joined), taken when they make an abbreviation of the scheme (checked where it is
# used) and the code has its year
_CODE_STATE_SPLIT = re.compile(
    rf"(?<![\w/-])(?P<number>\d{{1,5}}[a-zA-Z]?)/(?P<year>(?:19|20)\d\d)/"
    rf"(?P<type>[A-ZĐ](?:[ \t][A-ZĐ]){{1,3}})[ \t]?{_DASH}[ \t]?"
    rf"(?P<issuer>{_STATE_ISSUER}(?:-{_STATE_ISSUER}){{0,3}})(?![\w/])")
# a law or a National Assembly resolution: NUMBER/YEAR/ the Assembly and its term ("NN/2020/QH14")
_CODE_LEGISLATURE = re.compile(
    # (a space may stand before a slash, as in _CODE_STATE: "21 /2012/QH13", a machine
    # translation's spacing; set LG)
    # (and after one: "45/2019 / QH14")
    rf"(?<![\w/-])(?P<number>\d{{1,4}})[ \t]?/(?P<year>(?:19|20)\d\d)[ \t]?/[ \t]?(?P<issuer>[A-ZĐ]{{2,8}}\d{{1,2}})"
    r"(?![\w/-])")
_ABBR_ALT = "|".join(sorted(abbreviation_spellings(), key=len, reverse=True))
_CODE_SPACED = re.compile(
    rf"(?<![\w/-])(?P<number>\d{{1,4}})[ \t](?P<type>{_ABBR_ALT})[ \t]{{0,2}}/[ \t]{{0,2}}"
    rf"(?P<issuer>[{_UPPER}][{_UPPER}0-9]{{0,11}}){_ISSUER_END}")

# a code the page wrote in lower case ("116/2013/nđ-cp", "57-nq/tw"), or with a lower-case
# issuer ("112/2010/Nđ-cp"): read when its abbreviation is one of the scheme's (checked where
# it is used); its key and IRI come from the upper-case spelling (normal_code)
_LOWER = "a-zđ"
_CODE_STATE_LOWER = re.compile(
    rf"(?<![\w/-])(?P<number>\d{{1,5}}[a-z]?)/(?:(?P<year>(?:19|20)\d\d)/)?"
    rf"(?P<type>[{_LETTERS}]{{1,5}})-(?P<issuer>[{_LOWER}]{{1,8}}\d{{0,2}}(?:-[{_LOWER}]{{1,8}}){{0,3}})"
    rf"(?![\w/-])")
_CODE_PARTY_LOWER = re.compile(
    rf"(?<![\w/-])(?P<number>\d{{1,5}})-(?P<type>[{_LOWER}]{{1,4}})/(?P<issuer>[{_LOWER}]{{1,10}})"
    rf"(?![\w/-])")
_LOWER_END = re.compile(rf"[{_LOWER}]{{2}}$")

# after a type word only: a state letter's code with its issuer and no type ("772/BXD")
_CODE_ISSUER_ONLY = re.compile(
    rf"(?<![\w/-])(?P<number>\d{{1,5}})[ \t]?/[ \t]?(?P<issuer>[{_UPPER}][{_UPPER}0-9]{{1,11}})(?![\w/-])")

# after a type word only: an old state code of the issuer, and its unit, after a hyphen, no type
# ("Decree 100-CP", "Decision No. 210a-TC-VP": codes before the 1990s' NUMBER/TYPE-ISSUER)
_CODE_ISSUER_HYPHEN = re.compile(
    rf"(?<![\w/-])(?P<number>\d{{1,5}}[a-z]?){_DASH}(?P<issuer>[{_UPPER}]{{2,6}}"
    rf"(?:-[{_UPPER}]{{2,6}}){{0,2}})(?![\w/-])")

# after a type word only: a code without its issuer ("Thông báo Kết luận số 159-TB")
_CODE_SHORT = re.compile(
    rf"(?P<number>\d{{1,4}})[ \t]{{0,2}}{_DASH}[ \t]{{0,2}}(?P<type>{_ABBR_ALT})(?![\w/-])")


# a state code the page wrote in lower case ("Nghị định số 83/2014/nđ-cp"): read only after a
# type word and its number marker, when its abbreviation is a state type's
_CODE_LOWER = re.compile(
    r"(?P<number>\d{1,5}[a-z]?)/(?:(?:19|20)\d\d/)?(?P<type>[a-zđ]{1,4})-[a-zđ]{1,8}(?:-[a-zđ]{1,8}){0,3}"
    r"(?![\w/])")


# a state code written as a slug, in lower case without its slashes ("133 2016 tt btc",
# "133-2016-tt-btc"; extract/slugs.py): read by normal_code when it has its year
_CODE_SLUG = re.compile(r"(?P<number>\d{1,5}[a-z]?)[ \t-](?P<year>(?:19|20)\d\d)[ \t-]"
                        r"(?P<type>[a-z]{1,5})[ \t-](?P<issuer>[a-z]{1,8}\d{0,2})")
# the same without its year ("nghi-quyet-so-18-nq-tw": read by normal_code as the code with no
# year)
_CODE_SLUG_NO_YEAR = re.compile(r"(?P<number>\d{1,5}[a-z]?)[ \t-](?P<type>[a-z]{1,5})[ \t-]"
                                r"(?P<issuer>[a-z]{1,8}\d{0,2})")

_CODE_LEG_SLUG = re.compile(r"(?P<number>\d{1,5})[ \t-](?:(?P<year>(?:19|20)\d\d)[ \t-]"
                            r"(?P<issuer>[a-z]{2,8}\d{1,2})|(?P<issuer2>[a-z]{2,8}\d{1,2})[ \t-]"
                            r"(?P<unit>[a-z]{1,6}))")


def lower_code(text: str, pos: int) -> tuple[int, str] | None:
    """(end, code in capitals) of a lower-case state code at ``pos``, or None."""
    m = _CODE_LOWER.match(text, pos)
    if m is None or not _abbreviation_types(m["type"].upper(), state=True):
        return None
    return m.end(), _upper_code(m.group(0))


def _upper_code(code: str) -> str:
    """A code in capitals, its number's letter kept small ("24a/2016/nđ-cp" -> "24a/2016/NĐ-CP")."""
    return re.sub(r"^(\s*\d+)([A-Z])(?=[\s/-])", lambda m: m.group(1) + m.group(2).lower(),
                  code.upper())


# invisible characters (zero-width space and joiners, soft hyphen, word joiner, BOM) inside a
# word ("12-N\u200bQ/TW", "NQ/T\u200bW"): a page's markup, not a separator
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_INSIDE_INVISIBLE = re.compile(rf"[^\s{_INVISIBLE}]+(?:[{_INVISIBLE}]+[^\s{_INVISIBLE}]+)+")


def _drop_inside(m: re.Match) -> str:
    word = m.group(0)
    joined = "".join(ch for ch in word if ch not in _INVISIBLE)
    return joined + " " * (len(word) - len(joined))


def raw_end(text: str, start: int, end: int) -> int:
    """Where a code read in :func:`code_view` from ``start`` to ``end`` ends in the page's
    ``text``: later by the invisible characters inside it ("12-N\u200bQ/TW")."""
    need, pos = end - start, start
    while need and pos < len(text):
        if text[pos] not in _INVISIBLE:
            need -= 1
        pos += 1
    return pos


def code_view(text: str) -> str:
    """``text`` with the look-alike characters of codes replaced, one for one (offsets kept):
    "NÐ" -> "NĐ", "／" -> "/", "–" -> "-", a no-break or zero-width space -> " " (see
    :data:`partykg.model.ids.LOOKALIKES`). The code patterns are matched on it; mentions keep the
    page's text, codes this one's. An invisible character inside a word is dropped and a space
    put at the word's end instead ("12-N\u200bQ/TW" -> "12-NQ/TW "): the word's later characters
    move one place left, the text's length and every other offset are kept."""
    if not has_lookalikes(text):
        return text
    if any(ch in text for ch in _INVISIBLE):
        text = _INSIDE_INVISIBLE.sub(_drop_inside, text)
    return text.translate(LOOKALIKES)


@lru_cache(maxsize=8192)  # pure: accept asks for each candidate's code several times
def normal_code(code: str) -> str:
    """A code as written, with the hyphen a spaced form leaves out ("84 QĐ/TWĐTN" ->
    "84-QĐ/TWĐTN") and in capitals when the page wrote its issuer in lower case
    ("116/2013/nđ-cp" -> "116/2013/NĐ-CP"), look-alike characters replaced ("NÐ" -> "NĐ"),
    no spaces around its separators ("05/ 2022/NĐ-CP") nor inside a type written letter by letter
    ("86/2009/N Đ -CP"); other forms unchanged. Keys and IRIs are computed from this."""
    code = replace_lookalikes(code)
    slug = _CODE_SLUG.fullmatch(code.strip())
    if slug:  # "133 2016 tt btc", "133-2016-tt-btc" (a slug): the state code it spells
        return _upper_code(f"{slug['number']}/{slug['year']}/{slug['type']}-{slug['issuer']}")
    leg = _CODE_LEG_SLUG.fullmatch(code.strip())
    if leg:  # "28 2016 qh14", "1129 ubtvqh13 pl": a legislature's code written as a slug
        return (f"{leg['number']}/{leg['year']}/{leg['issuer'].upper()}" if leg['year'] else
                f"{leg['number']}/{leg['issuer2'].upper()}-{leg['unit'].upper()}")
    slug = _CODE_SLUG_NO_YEAR.fullmatch(code.strip())
    if slug:  # "18-nq-tw" (a slug without a year): a Party code when its abbreviation can only
        # be one's, or its issuer is a Party committee's ("18-NQ/TW"), else the state code it
        # spells ("45-nd-cp" -> "45/ND-CP", "18-nq-cp" -> "18/NQ-CP")
        n, t, i = slug["number"], slug["type"], slug["issuer"]
        party = _abbreviation_types(t.upper(), party=True) and (
            not _abbreviation_types(t.upper(), state=True)
            or i.upper().endswith(C.PARTY_ISSUER_ENDS))  # "nq-tw", never "nq-cp"
        return _upper_code(f"{n}-{t}/{i}" if party else f"{n}/{t}-{i}")
    if _CODE_STATE_SPLIT.fullmatch(code.strip()):
        return re.sub(r"\s+", "", code)
    if _LOWER_END.search(code.strip()):
        code = _upper_code(code)  # written in lower case: "116/2013/nđ-cp"
    m = _CODE_SPACED.fullmatch(code.strip())
    if m:
        return f"{m['number']}-{m['type']}/{m['issuer']}"
    # "NN - KL/TW", "NN/QĐ - XX": no spaces around the code's separators
    return re.sub(r"[ \t]{0,3}([-/])[ \t]{0,3}", r"\1", re.sub(_DASH, "-", code.strip()))


def parse_any_code(code: str):
    """The parts of a code as written; an issuer in Vietnamese capitals ("TƯ") is parsed from
    its ASCII spelling (the number and type are what the extractor needs)."""
    code = normal_code(code)
    try:
        return parse_code(code)
    except CodeError:
        return parse_code(fold(code))


@lru_cache(maxsize=1)
def _party_abbreviations() -> dict[str, tuple[str, ...]]:
    return abbreviations(party=True)


@lru_cache(maxsize=1)
def _state_abbreviations() -> dict[str, tuple[str, ...]]:
    return abbreviations(state=True)


@lru_cache(maxsize=256)
def _abbreviation_types(abbr: str, party: bool = False,
                        state: bool = False) -> tuple[str, ...] | None:
    """The types an abbreviation can stand for; in a Party code (``party``) no state-only type
    ("13-TT/TU" is a Party thông tri, not a circular), read as a state code (``state``) no
    Party-only type ("90/2007/QĐ-UBND" is a decision, not a regulation)."""
    table = (_party_abbreviations() if party else _state_abbreviations() if state
             else L.ABBREVIATIONS)
    return table.get(fold(abbr).upper())


def code_types(code: str, strict: bool = False) -> tuple[str, ...]:
    """The types a code's abbreviation allows, in its form (Party or state); () for none.
    ``strict``: a code in the state form is read as a state body's ("2096/QĐ-UBND": a decision),
    for a code no type word names; a type word may still name a Party regulation written in
    that form ("Quy định 102/QĐ-TƯ")."""
    if _CODE_LEGISLATURE.fullmatch(code.strip()):
        return ()
    try:
        c = parse_any_code(code)
    except CodeError:
        return ()
    return _abbreviation_types(c.type, party=not c.state, state=strict and c.state) or ()


# a state code cut by the end of an excerpt: "số 15/2006/", "số 15/2006/QĐ-" (end of text)
CUT_CODE = re.compile(r"(?P<number>\d{1,4}[a-zA-Z]?)/(?:19|20)\d\d/(?:[A-ZĐ]{1,4}-?)?[ \t]{0,2}$")


def code_number(ctext: str) -> str | None:
    m = (_CODE_LEGISLATURE.fullmatch(ctext.strip()) or _CODE_ISSUER_ONLY.fullmatch(ctext.strip())
         or _CODE_ISSUER_HYPHEN.fullmatch(ctext.strip()))
    if m:
        return m.group("number")
    try:
        return parse_any_code(ctext).number
    except CodeError:
        return None


def _truncated(tkey: str | None, ctext: str) -> bool:
    """The code's abbreviation is the type word's cut short ("Action Program No. 05-CT/TU": CT
    for CTr): the type word's, not the shorter abbreviation's."""
    try:
        c = parse_any_code(ctext)
    except CodeError:
        return False
    abbr = fold(c.type).upper()
    return bool(tkey) and any(k.startswith(abbr) and len(k) > len(abbr) and tkey in types
                              for k, types in abbreviations(party=not c.state).items())


def type_with_code(tkey: str | None, ctext: str) -> str | None:
    """The type of a type word followed by a code: the word's, unless the code's abbreviation
    allows exactly one other type ("Thông báo Kết luận số 88-KL/TW": a conclusion; "Công văn
    09-QC/TW": working regulations), or allows none and the word names a state-only type in
    a Party code ("Circular No. 13-TT/TU": a Party thông tri, of unknown type). Letters that
    are no abbreviation of the scheme say nothing ("Circular No.52-TC/CSTC", an old state code
    of an issuer and its unit): the word's type."""
    allowed = code_types(ctext)
    if tkey in allowed or _truncated(tkey, ctext):
        return tkey
    strict = code_types(ctext, strict=True)
    if len(strict) == 1:
        return strict[0]
    if not allowed and tkey in state_only_types() and _CODE_PARTY.fullmatch(ctext.strip()) \
            and _known_letters(ctext):
        return "unclassified"
    return tkey


def _known_letters(ctext: str) -> bool:
    """The code's type letters are an abbreviation of the scheme (in any form)."""
    try:
        return bool(_abbreviation_types(parse_any_code(ctext).type))
    except CodeError:
        return False
