"""Compiled patterns per language (type words from the SKOS scheme, codes, dates, cues) and dates."""

from __future__ import annotations

import datetime as _dt
import re
from functools import lru_cache, wraps

from partykg.ingest import extract_lang as L
from partykg.ingest.extract_cues import VERB_ADVERBS
from partykg.ingest.extract.data import ExtractError, _norm
from partykg.ingest.extract.typewords import type_words
from partykg.model.ids import fold

# languages whose pages sometimes drop the accents: their type words are also read unaccented
FOLDED_LANGS = ("fr",)


def _apos(phrase: str) -> str:
    """A phrase with the typographic apostrophe written as the plain one (pages mix them:
    "l'étude … l’application")."""
    return phrase.replace("’", "'")


class _CueInfo(dict):
    """Cue phrase -> (kind, voice, mood), looked up whichever apostrophe the text has."""

    def __setitem__(self, key, value):
        super().__setitem__(_apos(key), value)

    def get(self, key, default=None):
        return super().get(_apos(key), default)

    def __contains__(self, key):
        return super().__contains__(_apos(key))


def _alt(words, flags=0) -> str:
    """A regex alternation of literal phrases, longest first; spaces match one or two spaces."""
    parts = sorted({w for w in words if w}, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s{1,2}") for p in parts)


def _ending(words, sep: str = r"[ \t]{1,2}") -> re.Pattern | None:
    """The phrases right before a position (search in the text before it): "the ", "Cette "."""
    if not words:
        return None
    return re.compile(rf"(?:^|(?<=[\s(]))(?:{_alt(words)}){sep}$", re.IGNORECASE)


def _following(words) -> re.Pattern | None:
    """The phrases right after a position (match there): " này", " mới"."""
    if not words:
        return None
    return re.compile(rf"[ \t]{{1,2}}(?:{_alt(words)})(?![\w])", re.IGNORECASE)


_UNSET = object()


def cached(P, name: str, build):
    """``build()``, computed once per Patterns (one language) and kept on it as ``name``: a
    module's regexes are compiled when first used, not when the Patterns is made (the `ask`
    path compiles none it cannot use). Any value is kept, None too ("this language has none")."""
    got = P.__dict__.get(name, _UNSET)
    if got is _UNSET:
        got = build()
        setattr(P, name, got)
    return got


def per_patterns(fn):
    """A function of a Patterns alone, computed once per Patterns (see ``cached``)."""
    name = f"_{fn.__module__.rsplit('.', 1)[-1]}{fn.__name__}"

    @wraps(fn)
    def wrapper(P):
        return cached(P, name, lambda: fn(P))
    return wrapper


_BARE_NUMBER = re.compile(r"(?P<number>\d{1,4})(?![\d\w%]|[.,]\d|[-/][\w])")
# "Quy định 80/2022": a number and the year it was issued
_NUMBER_YEAR = re.compile(r"(?P<number>\d{1,4})/(?P<year>(?:19|20)\d\d)(?![\w/-])")
_FOOTNOTE = re.compile(r"\[\d{1,3}\]|\(\d{1,3}\)")
_SPACE = re.compile(r"[ \t]{0,3}")


class Patterns:
    def __init__(self, lang: str):
        self.lang = lang
        words = type_words(lang)
        if lang in FOLDED_LANGS:  # a page that drops the accents ("la resolution du … Congres")
            words = {**{fold(w): k for w, k in words.items()}, **words}
        self.type_words = words
        self.type_re = re.compile(rf"(?<![\w])(?:{_alt(words)})(?![\w-])", re.IGNORECASE)
        # a capitalised type word the page glued to the word before ("replacingRegulation")
        self.glued_type_re = re.compile(
            rf"(?-i:(?<=[a-zà-ỹđ])(?=[A-ZĐ]))(?:{_alt(words)})(?![\w-])", re.IGNORECASE)
        self.marker_re = re.compile(rf"[ \t]{{0,2}}(?:{_alt(L.NUMBER_MARKERS[lang])})[ \t]{{0,2}}(?::[ \t]{{0,2}})?",
                                    re.IGNORECASE)
        self.unit_after_re = re.compile(rf"[ \t-]{{1,2}}(?:{_alt(L.UNIT_WORDS[lang])})(?![\w])",
                                        re.IGNORECASE)
        # a name the type scheme lacks before a number marker ("Circular No. 13-TT/TU")
        self.untyped_name_re = re.compile(
            rf"(?:^|(?<=[\s(]))[A-ZĐ]\w{{2,20}}[ \t]{{1,2}}(?i:{_alt(L.NUMBER_MARKERS[lang])})[ \t]{{0,2}}$",
            )
        months = L.MONTHS[lang]
        month_alt = _alt(months)
        d = r"(?P<d>\d{1,2})"
        y = r"(?P<y>(?:19|20)\d\d)"
        forms = []
        if lang == "en":
            forms += [rf"(?P<m1>{month_alt})\.?[ \t]{{1,2}}{d}(?:st|nd|rd|th)?,?[ \t]{{1,2}}{y}",
                      rf"(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?[ \t]{{1,2}}(?:of[ \t]{{1,2}})?"
                      rf"(?P<m2>{month_alt})\.?,?[ \t]{{1,2}}(?P<y2>(?:19|20)\d\d)",
                      rf"(?P<m3>{month_alt}),?[ \t]{{1,2}}(?P<y3>(?:19|20)\d\d)"]
        elif lang in ("fr", "id"):
            forms += [rf"(?P<d2>\d{{1,2}})(?:er)?[ \t]{{1,2}}(?P<m2>{month_alt})[ \t]{{1,2}}"
                      rf"(?P<y2>(?:19|20)\d\d)",
                      rf"(?P<m3>{month_alt})[ \t]{{1,2}}(?P<y3>(?:19|20)\d\d)"]
        if lang == "vi":
            forms += [r"(?P<d4>\d{1,2})[ \t]{1,2}tháng[ \t]{1,2}(?P<m4>\d{1,2})[ \t]{1,2}năm"
                      r"[ \t]{1,2}(?P<y4>(?:19|20)\d\d)",
                      r"tháng[ \t]{1,2}(?P<m5>\d{1,2})[ \t]{0,2}(?:[/-]|[ \t]năm)[ \t]{0,2}"
                      r"(?P<y5>(?:19|20)\d\d)"]
        if lang != "en":
            forms += [r"(?P<d6>\d{1,2})[ \t]?[/.-][ \t]?(?P<m6>\d{1,2})[ \t]?[/.-][ \t]?"
                      r"(?P<y6>(?:19|20)\d\d)(?!\d)"]
        self.date_re = re.compile("(?:" + "|".join(forms) + ")", re.IGNORECASE)
        self.year_re = re.compile(r"(?:19|20)\d\d(?!\d)")
        self.date_prefix_re = re.compile(  # " , ngày": some pages space the comma
            rf"[ \t]{{0,2}},?[ \t]{{0,2}}(?:{_alt(L.DATE_PREFIXES[lang])})(?:[ \t]{{1,2}}|(?=\d))",
            re.IGNORECASE)  # "NGÀY30-3-2013": glued to the date
        # a sentence's opening date, after a dateline or markup ("(TTXVN)- Ngày …", "**Ngày …")
        self.opener_re = re.compile(
            rf"^(?:\([^()\n]{{1,20}}\)[ \t]?[-–—][ \t]?|[*•#>\-–—][*•#>\-–—\s]{{0,3}})?"
            rf"(?:{_alt(L.DATE_OPENERS[lang])})[ \t]{{1,2}}", re.IGNORECASE)
        self.issuer_prep_re = re.compile(
            rf",?[ \t]{{0,2}}(?:{_alt(L.ISSUER_PREPS[lang])})[ \t]{{0,2}}", re.IGNORECASE)
        self.subject_prep_re = re.compile(
            rf",?[ \t]{{0,2}}[\"“«‘']?[ \t]{{0,2}}(?:{_alt(L.SUBJECT_PREPS[lang])})[ \t]{{1,2}}",
            re.IGNORECASE)
        terms = _alt(L.TERM_WORDS[lang])
        self.term_re = re.compile(
            rf",?[ \t]{{0,2}}(?:{terms})[ \t]{{1,2}}[IVXLC0-9]{{1,6}}"
            r"(?:[ \t]{0,2}[-–][ \t]{0,2}(?:19|20)\d\d(?![\w]))?(?:[ \t]{0,2}"  # "nhiệm kỳ 2020 - 2025"
            rf"(?:{_alt(L.OBJECT_COORDINATORS[lang])}|,)[ \t]{{0,2}}[IVXLC0-9]{{1,6}}(?![\w]))?"
            rf"|[ \t]{{0,2}}ke-\d{{1,3}}|[ \t]{{0,2}}\((?:{terms})[^()]{{0,30}}\)",
            re.IGNORECASE)
        self.issue_verb_re = re.compile(
            rf"(?:{_alt(L.ISSUE_VERBS[lang])})[ \t]{{1,2}}(?:(?:{_alt(L.DETERMINERS[lang] + L.INDEFINITES[lang])})"
            rf"[ \t]{{0,2}})?$", re.IGNORECASE)
        self.new_before_re = _ending(L.NEW_BEFORE[lang])
        self.new_after_re = _following(L.NEW_AFTER[lang])
        self.det_before_re = _ending(L.DETERMINERS[lang], r"[ \t]{0,2}")
        self.demo_before_re = _ending(L.DEMONSTRATIVES_BEFORE[lang])
        self.year_prefix_re = re.compile(
            rf",?[ \t]{{0,2}}(?:{_alt(L.YEAR_PREFIXES[lang])})[ \t]{{1,2}}(?P<year>(?:19|20)\d\d)(?!\d)",
            re.IGNORECASE)
        self.demo_after_re = _following(L.DEMONSTRATIVES_AFTER[lang])
        self.plural_before_re = _ending(L.PLURAL_MARKERS[lang])
        # a list of numbers after one type word: "Resolutions 901, 902 and 903"
        self.list_sep_re = re.compile(
            rf"(?:[ \t]{{0,2}},[ \t]{{0,2}}|[ \t]{{1,2}}(?:{_alt(L.OBJECT_COORDINATORS[lang])}|&)[ \t]{{1,2}})"
            rf"(?:(?:{_alt(L.NUMBER_MARKERS[lang])})[ \t]{{0,2}})?", re.IGNORECASE)
        self.list_end_re = re.compile(
            rf"\s*(?:[,.;)]|$|(?:{_alt(L.OBJECT_COORDINATORS[lang] + L.ISSUER_PREPS[lang] + L.SUBJECT_PREPS[lang])})(?![\w]))",
            re.IGNORECASE)
        self.clause_re = re.compile(
            rf"[;(\[]|[\"”»](?=\s|$)|,?[ \t]{{0,2}}(?<![\w])(?:{_alt(L.CLAUSE_WORDS[lang])})(?![\w])",
            re.IGNORECASE)
        self.coord_re = re.compile(rf"(?<![\w])(?:{_alt(L.COORDINATORS[lang])})(?![\w])",
                                   re.IGNORECASE)
        self.strong_coord_re = re.compile(
            rf";|(?<![\w])(?:{_alt([c for c in L.COORDINATORS[lang] if ' ' in c or lang == 'vi' and c == 'đồng thời'])})(?![\w])",
            re.IGNORECASE) if any(" " in c for c in L.COORDINATORS[lang]) else re.compile(";")
        self.relative_re = re.compile(
            rf"^[ \t]{{0,2}},?[ \t]{{0,2}}(?:{_alt(L.RELATIVES[lang])})(?![\w])", re.IGNORECASE)
        cue_parts = []
        self.cue_info: dict[str, tuple[str, str, str]] = _CueInfo()
        for phrase, kind, voice, mood in L.CUES[lang]:
            self.cue_info[phrase.lower()] = (kind, voice, mood)
            cue_parts.append(_apos(phrase))
        alts = []
        for p in sorted(set(cue_parts), key=len, reverse=True):
            rx = re.escape(p).replace(r"\ ", r"\s{1,2}").replace(r"\{gap\}",
                                                                 r"(?:\s{1,2}[^\s,.;]{1,20}){0,4}?")
            # "{adv}": one or two adverbs ("continue to resolutely implement")
            rx = rx.replace(r"\{adv\}", rf"(?:\s{{1,2}}[^\W\d_]{{2,20}}(?:{_alt(L.ADVERB_ENDINGS[lang])})){{0,2}}")
            # "{vadv}": one to three manner words after the verb ("thực hiện nghiêm túc, hiệu quả")
            advs = VERB_ADVERBS.get(lang) or ("\x00",)
            rx = rx.replace(r"\{vadv\}", rf"(?:(?:,?\s{{1,2}}|\s{{1,2}}(?:{_alt(L.OBJECT_COORDINATORS[lang])})\s{{1,2}})(?:{_alt(advs)})){{1,3}}")
            # "{list}": a list of verbs, one or two words each, between commas ("tiếp tục nghiên
            # cứu, học tập, quán triệt và thực hiện")
            rx = rx.replace(r"\{list\}", r"(?:(?:\s{1,2}[^\W\d_]{1,10}){1,2},){1,6}(?:\s{1,2}[^\W\d_]{1,10}){1,2}")
            # "{nouns}": a short enumeration of nouns (words, commas; "l'étude, la vulgarisation")
            rx = rx.replace(r"\{nouns\}", r"(?:,?\s{1,2}[^\s,;.:()\[\]\d]{1,20}){1,8}?")
            alts.append(rx.replace("'", "['’]"))  # either apostrophe, whichever the cue has
        # (or glued to the capitalised word after it, as some pages print it: "replacingRegulation")
        self.cue_re = re.compile(rf"(?<![\w])(?:{'|'.join(alts)})"
                                 rf"(?:(?![\w])|(?-i:(?<=[a-zà-ỹ])(?=[A-ZĐ][a-zà-ỹ])))", re.IGNORECASE)
        self.merge_re = re.compile(rf"(?<![\w])(?:{_alt(L.MERGE_CUES[lang])})(?![\w])",
                                   re.IGNORECASE)
        self.merge_into = tuple(w.lower() for w in L.MERGE_INTO[lang])
        self.merge_with = tuple(w.lower() for w in L.MERGE_WITH[lang])
        self.merge_and = tuple(w.lower() for w in L.MERGE_AND[lang])
        self.under_re = re.compile(rf"(?<![\w])(?:{_alt(L.UNDER_WORDS[lang])})[ \t]{{1,2}}"
                                   rf"(?:(?:{_alt(L.DETERMINERS[lang] or ('the',))})[ \t]{{0,2}})?$",
                                   re.IGNORECASE)
        # bodies
        names = []
        self.national: dict[str, str] = {}
        for key, info in L.NATIONAL_BODIES.items():
            for name in info["names"].get(lang, ()):  # type: ignore[union-attr]
                names.append(name)
                self.national[_norm(name)] = key
        if lang == "fr":  # French writes these names in lower case too ("le gouvernement")
            names += [n[:1].lower() + n[1:] for n in names if n[:1].isupper()]
        self.national_re = re.compile(rf"(?<![\w])(?:{_alt(names)})(?![\w])")
        self.head_re = re.compile(rf"(?<![\w/-])(?:{_alt(L.BODY_HEADS[lang])})(?![\w])")  # (not in a code)
        self.body_stop = frozenset(L.BODY_STOP[lang])
        self.connectors = frozenset(c.lower() for c in L.BODY_CONNECTORS[lang])
        if lang == "vi":
            self.vi_stop_re = re.compile(rf"(?<![\w])(?:{_alt(L.VI_BODY_STOP)})(?![\w])",
                                         re.IGNORECASE)
        # generic plural "Resolutions of the Politburo such as …"
        self.such_as_re = re.compile(rf"(?:{_alt(L.SUCH_AS[lang])})[ \t]{{0,2}}:?[ \t]{{0,2}}$",
                                     re.IGNORECASE)


@lru_cache(maxsize=8)
def patterns(lang: str) -> Patterns:
    if lang not in L.LANGS:
        raise ExtractError(f"unsupported language {lang!r} (use en, vi, fr or id)")
    return Patterns(lang)


def _date_from(m: re.Match, lang: str) -> str | None:
    g = m.groupdict()
    months = L.MONTHS[lang]
    try:
        for mk, dk, yk in (("m1", "d", "y"), ("m2", "d2", "y2"), ("m4", "d4", "y4"),
                           ("m6", "d6", "y6")):
            if g.get(mk) and g.get(dk) and g.get(yk):
                mo = g[mk]
                month = int(mo) if mo.isdigit() else months.get(mo.lower().rstrip("."))
                if not month:
                    return None
                return _dt.date(int(g[yk]), month, int(g[dk])).isoformat()
        for mk, yk in (("m3", "y3"), ("m5", "y5")):
            if g.get(mk) and g.get(yk):
                mo = g[mk]
                month = int(mo) if mo.isdigit() else months.get(mo.lower().rstrip("."))
                if not month or not 1 <= month <= 12:
                    return None
                return f"{int(g[yk]):04d}-{month:02d}"
    except ValueError:
        return None
    return None


def find_date(text: str, pos: int, P: Patterns) -> tuple[str, int] | None:
    m = P.date_re.match(text, pos)
    if not m:
        return None
    d = _date_from(m, P.lang)
    return (d, m.end()) if d else None
