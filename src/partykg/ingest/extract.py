"""Text -> candidate document mentions and relations. Pure Python, rule based, offline.

One job: read an article's text and say which documents it names (type, number, code, date,
issuer, subject), which relations between them it signals (replaces / planned replacement,
amends, implements, guides, continues) and which mergers of bodies it reports, each with the
sentence it comes from. Linking to the graph, writing candidates and accepting them live in
:mod:`partykg.ingest.candidates` and :mod:`partykg.ingest.accept`.

The vocabulary (type names, cues, body names …) is in :mod:`partykg.ingest.extract_lang`; the rules
here name no document, body or article.

Robustness: the input is checked before anything runs (binary, mis-encoded, empty, too large);
every regular expression has bounded repetition and no nested quantifiers, sentences are capped
in length, and the work per sentence is linear, so no input makes the extractor hang.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from partykg.ingest import extract_lang as L
from partykg.errors import PartykgError
from partykg.files import read_bounded
from partykg.model.ids import CodeError, code_key, fold, number_key, parse_code

MAX_BYTES = 20 * 1024 * 1024  # an article larger than this is refused
MAX_SENTENCE = 2000  # longer "sentences" (no punctuation) are cut into pieces this long
MAX_OCCURRENCES = 50  # occurrences (sentences) kept per document, relation or merger
MAX_DOCUMENTS = 2000  # documents kept per article (the first ones); more is not an article


class ExtractError(PartykgError):
    """An article that cannot be read as text."""


# =================================================================================================
# Data
# =================================================================================================

@dataclass
class Sentence:
    start: int
    end: int
    text: str


@dataclass
class Body:
    start: int
    end: int
    text: str
    key: str | None = None  # a national body's key (extract_lang.NATIONAL_BODIES), else None

    @property
    def match_key(self) -> str:
        return self.key or body_key(self.text)


@dataclass
class Mention:
    start: int  # absolute offsets of the mention as written ("Directive 901-CT/TW")
    end: int
    text: str
    sentence: int
    type: str | None  # pkdt concept local name, None when unknown
    number: str | None = None
    code: str | None = None  # as written
    date: str | None = None  # ISO: YYYY-MM-DD, YYYY-MM or YYYY
    issuer: Body | None = None
    subject: str | None = None
    strong: bool = True  # named by number or code
    new: bool = False  # "a new Directive on …"
    anaphor: bool = False  # "the Resolution", "Chỉ thị này": refers back
    plural: bool = False
    tail_end: int = 0  # end of the attributes that follow the name
    antecedent: int | None = None  # index of the mention an anaphor refers to
    list_head: int | None = None  # "Resolutions 901, 902": index of the first mention

    @property
    def number_key(self) -> str | None:
        return number_key(self.number) if self.number else None


@dataclass
class Relation:
    kind: str  # replaces | plannedToReplace | amends | implements | guides | continues
    source: int  # mention indexes
    target: int
    sentence: int
    cue: str


@dataclass
class Merger:
    sentence: int
    cue: str
    doc: int | None  # mention index of the deciding document
    merged: list[Body]
    into: Body | None


@dataclass
class Document:
    """One document the article names: its mentions grouped."""

    id: str
    mentions: list[int]
    type: str | None
    number: str | None
    code: str | None
    date: str | None
    issuer: Body | None
    subject: str | None
    strong: bool
    names: list[str] = field(default_factory=list)

    @property
    def number_key(self) -> str | None:
        return number_key(self.number) if self.number else None

    @property
    def code_key(self) -> str | None:
        return code_key(normal_code(self.code)) if self.code else None


@dataclass
class DocRelation:
    id: str
    kind: str
    source: str  # document ids
    target: str
    sentences: list[int]
    cue: str


@dataclass
class DocMerger:
    id: str
    doc: str | None
    merged: list[Body]
    into: Body | None
    sentences: list[int]
    cue: str


@dataclass
class Extraction:
    text: str
    lang: str
    sentences: list[Sentence]
    mentions: list[Mention]
    relations: list[Relation]
    mergers: list[Merger]
    documents: list[Document]
    doc_relations: list[DocRelation]
    doc_mergers: list[DocMerger]
    warnings: list[str] = field(default_factory=list)

    def sentence_of(self, index: int) -> str:
        return self.sentences[index].text

    def document_of_mention(self) -> dict[int, str]:
        return {m: d.id for d in self.documents for m in d.mentions}


# =================================================================================================
# Reading the input
# =================================================================================================

def decode(data: bytes, name: str = "input") -> tuple[str, list[str]]:
    """Bytes -> normalised text (NFC, \\n line ends), or ExtractError with a clear message.
    Returns the text and warnings."""
    warnings: list[str] = []
    if len(data) > MAX_BYTES:
        raise ExtractError(f"{name}: {len(data) / 1e6:.1f} MB is too large for an article "
                           f"(the limit is {MAX_BYTES // (1024 * 1024)} MB)")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as e:
            raise ExtractError(f"{name}: not valid UTF-16 text ({e.reason})") from e
    else:
        if b"\x00" in data[:1 << 16] or b"\x00" in data[-(1 << 16):]:
            raise ExtractError(f"{name}: looks like a binary file (NUL bytes), not an article's "
                               "text")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as e:
            raise ExtractError(
                f"{name}: not UTF-8 text (byte 0x{data[e.start]:02x} at offset {e.start}); "
                "convert it first, e.g. iconv -f WINDOWS-1258 -t UTF-8") from e
    if "\x00" in text:
        raise ExtractError(f"{name}: looks like a binary file (NUL characters), not an "
                           "article's text")
    text = unicodedata.normalize("NFC", text.lstrip("\ufeff").replace("\r\n", "\n")
                                 .replace("\r", "\n"))
    if not text.strip():
        raise ExtractError(f"{name}: the article is empty")
    sample = text[:200_000]
    # C0 controls and DEL mean binary data; C1 controls (U+0080-U+009F) mean UTF-8 read as
    # Latin-1, i.e. mis-encoded text
    controls = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\n\t\f\v") or ch == "\x7f")
    if controls > max(8, len(sample) // 100):
        raise ExtractError(f"{name}: looks like a binary file ({controls} control characters), "
                           "not an article's text")
    if len(re.findall(r"Ã.|á»|Ä‘|Æ°|[\x80-\x9f]", sample)) > max(5, len(sample) // 500):
        warnings.append(f"{name}: the text looks mis-encoded (UTF-8 read as Latin-1 or "
                        "Windows-1252?); results may be poor")
    return text, warnings


def read_article(path: Path | str) -> tuple[str, list[str]]:
    path = Path(path)
    try:
        data = read_bounded(path, MAX_BYTES, "an article", ExtractError)
    except OSError as e:
        raise ExtractError(f"{path}: cannot read: {e.strerror or e}") from e
    return decode(data, str(path))


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# =================================================================================================
# Language and sentences
# =================================================================================================

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def detect_language(text: str) -> str:
    """en, vi, fr or id from stop-word counts (offline). ExtractError when unclear."""
    words = _WORD.findall(text[:200_000].lower())
    scores = {lang: sum(1 for w in words if w in L.STOPWORDS[lang]) for lang in L.LANGS}
    # Vietnamese stop words are syllables that also occur in the multi-word entries; count the
    # letters only Vietnamese uses as extra evidence.
    scores["vi"] += len(re.findall(r"[ơưăđạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]",
                                   text[:200_000].lower())) // 4
    best = max(scores, key=lambda k: scores[k])
    ranked = sorted(scores.values(), reverse=True)
    if ranked[0] < 2 or ranked[0] < 2 * ranked[1]:
        raise ExtractError("cannot tell the article's language (en, vi, fr or id); "
                           "pass --lang")
    return best


_SPLIT = re.compile(r"[.!?…][\"”»’')\]]{0,2}[ \t]+(?=[\"“«(\[]?[A-ZÀ-ỸĐ0-9])")
_LAST_TOKEN = re.compile(r"([^\W\d_]{1,6}(?:\.[^\W\d_]{1,3})?)\.?[\"”»’')\]]{0,2}$")


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with absolute offsets: lines, then sentence ends inside lines (not after
    abbreviations such as 'No.'). Very long stretches are cut every MAX_SENTENCE characters."""
    out: list[Sentence] = []
    pos = 0
    for line in text.split("\n"):
        lstart = pos
        pos += len(line) + 1
        if not line.strip():
            continue
        cuts = [0]
        for m in _SPLIT.finditer(line):
            before = line[max(0, m.start() - 12):m.start() + 1]
            tok = _LAST_TOKEN.search(before)
            word = tok.group(1).lower() if tok else ""
            if word in L.ABBREVIATIONS_WITH_PERIOD or (len(word) == 1 and word.isalpha()):
                continue
            cuts.append(m.end())
        cuts.append(len(line))
        for a, b in zip(cuts, cuts[1:]):
            while b - a > MAX_SENTENCE:
                cut = line.rfind(" ", a + MAX_SENTENCE // 2, a + MAX_SENTENCE)
                cut = cut if cut > a else a + MAX_SENTENCE
                _add_sentence(out, line, lstart, a, cut)
                a = cut
            _add_sentence(out, line, lstart, a, b)
    return out


def _add_sentence(out: list[Sentence], line: str, lstart: int, a: int, b: int) -> None:
    seg = line[a:b]
    stripped = seg.strip()
    if not stripped:
        return
    lead = len(seg) - len(seg.lstrip())
    s = lstart + a + lead
    out.append(Sentence(s, s + len(stripped), stripped))


# =================================================================================================
# Compiled patterns (per language, cached)
# =================================================================================================

def _alt(words, flags=0) -> str:
    """A regex alternation of literal phrases, longest first; spaces match one or two spaces."""
    parts = sorted({w for w in words if w}, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s{1,2}") for p in parts)


_LETTERS = "A-Za-zĐđ"
_CODE_PARTY = re.compile(
    rf"(?<![\w/-])(?P<number>\d{{1,4}}[a-z]?)[ \t]{{0,2}}-[ \t]{{0,2}}"
    rf"(?P<type>[A-ZĐ][{_LETTERS}]{{0,4}})[ \t]{{0,2}}/[ \t]{{0,2}}"
    rf"(?P<issuer>[A-ZĐ][A-ZĐ0-9]{{0,11}})(?![\w-])")
_CODE_STATE = re.compile(
    rf"(?<![\w/-])(?P<number>\d{{1,5}})[ \t]?/[ \t]?(?:(?P<year>(?:19|20)\d\d)/)?"
    rf"(?P<type>[A-ZĐ][{_LETTERS}]{{0,4}})[ \t]?-[ \t]?"
    rf"(?P<issuer>[A-ZĐ][A-ZĐ0-9]{{0,11}}(?:-[A-ZĐ][A-ZĐ0-9]{{0,11}}){{0,3}})(?![\w/])")
_ABBR_ALT = "|".join(sorted({a for a in ("NQ CT QĐ QD QĐi QDi KL TB HD KH CTr QC ĐA DA BC")
                             .split()}, key=len, reverse=True))
_CODE_SPACED = re.compile(
    rf"(?<![\w/-])(?P<number>\d{{1,4}})[ \t](?P<type>{_ABBR_ALT})[ \t]{{0,2}}/[ \t]{{0,2}}"
    rf"(?P<issuer>[A-ZĐ][A-ZĐ0-9]{{0,11}})(?![\w-])")
_BARE_NUMBER = re.compile(r"(?P<number>\d{1,4})(?![\d\w%]|[.,]\d|[-/][\w])")
_FOOTNOTE = re.compile(r"\[\d{1,3}\]|\(\d{1,3}\)")
_SPACE = re.compile(r"[ \t]{0,3}")


class Patterns:
    def __init__(self, lang: str):
        self.lang = lang
        words = L.TYPE_WORDS[lang]
        self.type_words = words
        self.type_re = re.compile(rf"(?<![\w])(?:{_alt(words)})(?![\w-])", re.IGNORECASE)
        self.marker_re = re.compile(rf"[ \t]{{0,2}}(?:{_alt(L.NUMBER_MARKERS[lang])})[ \t]{{0,2}}",
                                    re.IGNORECASE)
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
        self.date_prefix_re = re.compile(
            rf",?[ \t]{{0,2}}(?:{_alt(L.DATE_PREFIXES[lang])})[ \t]{{1,2}}", re.IGNORECASE)
        self.opener_re = re.compile(
            rf"^(?:{_alt(L.DATE_OPENERS[lang])})[ \t]{{1,2}}", re.IGNORECASE)
        self.issuer_prep_re = re.compile(
            rf",?[ \t]{{0,2}}(?:{_alt(L.ISSUER_PREPS[lang])})[ \t]{{0,2}}", re.IGNORECASE)
        self.subject_prep_re = re.compile(
            rf",?[ \t]{{0,2}}[\"“«‘']?[ \t]{{0,2}}(?:{_alt(L.SUBJECT_PREPS[lang])})[ \t]{{1,2}}",
            re.IGNORECASE)
        self.term_re = re.compile(
            r",?[ \t]{0,2}(?:term|terms|terme|termes|khóa|khoá|nhiệm kỳ|masa jabatan|periode)"
            r"[ \t]{1,2}[IVXLC0-9]{1,6}(?:[ \t]{0,2}(?:and|et|và|dan|,)[ \t]{0,2}[IVXLC0-9]{1,6})?"
            r"|[ \t]{0,2}ke-\d{1,3}|[ \t]{0,2}\((?:masa jabatan|term|khóa)[^()]{0,30}\)",
            re.IGNORECASE)
        self.issue_verb_re = re.compile(
            rf"(?:{_alt(L.ISSUE_VERBS[lang])})[ \t]{{1,2}}(?:(?:{_alt(L.DETERMINERS[lang] + ('a', 'an', 'une', 'un'))})"
            rf"[ \t]{{0,2}})?$", re.IGNORECASE)
        self.new_before_re = re.compile(
            rf"(?:^|(?<=[\s(]))(?:{_alt(L.NEW_BEFORE[lang])})[ \t]{{1,2}}$", re.IGNORECASE) \
            if L.NEW_BEFORE[lang] else None
        self.new_after_re = re.compile(
            rf"[ \t]{{1,2}}(?:{_alt(L.NEW_AFTER[lang])})(?![\w])", re.IGNORECASE) \
            if L.NEW_AFTER[lang] else None
        self.det_before_re = re.compile(
            rf"(?:^|(?<=[\s(]))(?:{_alt(L.DETERMINERS[lang])})[ \t]{{0,2}}$", re.IGNORECASE) \
            if L.DETERMINERS[lang] else None
        self.demo_before_re = re.compile(
            rf"(?:^|(?<=[\s(]))(?:{_alt(L.DEMONSTRATIVES_BEFORE[lang])})[ \t]{{1,2}}$",
            re.IGNORECASE) if L.DEMONSTRATIVES_BEFORE[lang] else None
        self.year_prefix_re = re.compile(
            rf",?[ \t]{{0,2}}(?:{_alt(L.YEAR_PREFIXES[lang])})[ \t]{{1,2}}(?P<year>(?:19|20)\d\d)(?!\d)",
            re.IGNORECASE)
        self.fronted_re = re.compile(
            rf"^[\W]{{0,3}}(?:{_alt(L.FRONTED_IMPLEMENT[lang])})[ \t]{{1,2}}", re.IGNORECASE)
        self.demo_after_re = re.compile(
            rf"[ \t]{{1,2}}(?:{_alt(L.DEMONSTRATIVES_AFTER[lang])})(?![\w])", re.IGNORECASE) \
            if L.DEMONSTRATIVES_AFTER[lang] else None
        self.plural_before_re = re.compile(
            rf"(?:^|(?<=\s))(?:{_alt(L.PLURAL_MARKERS[lang])})[ \t]{{1,2}}$", re.IGNORECASE) \
            if L.PLURAL_MARKERS[lang] else None
        self.clause_re = re.compile(
            rf"[;(\[]|[\"”»](?=\s|$)|,?[ \t]{{0,2}}(?<![\w])(?:{_alt(L.CLAUSE_WORDS[lang])})(?![\w])",
            re.IGNORECASE)
        self.coord_re = re.compile(rf"(?<![\w])(?:{_alt(L.COORDINATORS[lang])})(?![\w])",
                                   re.IGNORECASE)
        self.strong_coord_re = re.compile(
            rf";|(?<![\w])(?:{_alt([c for c in L.COORDINATORS[lang] if ' ' in c or lang == 'vi' and c == 'đồng thời'])})(?![\w])",
            re.IGNORECASE) if any(" " in c for c in L.COORDINATORS[lang]) else re.compile(";")
        self.relative_re = re.compile(
            r"^[ \t]{0,2},?[ \t]{0,2}(?:that|which|who|qui|que|yang|mà|là|được)(?![\w])",
            re.IGNORECASE)
        cue_parts = []
        self.cue_info: dict[str, tuple[str, str, str]] = {}
        for phrase, kind, voice, mood in L.CUES[lang]:
            self.cue_info[phrase.lower()] = (kind, voice, mood)
            cue_parts.append(phrase)
        alts = []
        for p in sorted(set(cue_parts), key=len, reverse=True):
            rx = re.escape(p).replace(r"\ ", r"\s{1,2}").replace(r"\{gap\}",
                                                                 r"(?:\s{1,2}[^\s,.;]{1,20}){0,4}?")
            alts.append(rx)
        self.cue_re = re.compile(rf"(?<![\w])(?:{'|'.join(alts)})(?![\w])", re.IGNORECASE)
        self.merge_re = re.compile(rf"(?<![\w])(?:{_alt(L.MERGE_CUES[lang])})(?![\w])",
                                   re.IGNORECASE)
        self.merge_into = tuple(w.lower() for w in L.MERGE_INTO[lang])
        self.merge_with = tuple(w.lower() for w in L.MERGE_WITH[lang])
        self.merge_and = tuple(w.lower() for w in L.MERGE_AND[lang])
        self.under_re = re.compile(rf"(?<![\w])(?:{_alt(L.UNDER_WORDS[lang])})[ \t]{{1,2}}"
                                   rf"(?:(?:the|la|le|l'|du|de)[ \t]{{1,2}})?$", re.IGNORECASE)
        # bodies
        names = []
        self.national: dict[str, str] = {}
        for key, info in L.NATIONAL_BODIES.items():
            for name in info["names"].get(lang, ()):  # type: ignore[union-attr]
                names.append(name)
                self.national[_norm(name)] = key
        self.national_re = re.compile(rf"(?<![\w])(?:{_alt(names)})(?![\w])")
        self.head_re = re.compile(rf"(?<![\w])(?:{_alt(L.BODY_HEADS[lang])})(?![\w])")
        self.body_stop = frozenset(L.BODY_STOP[lang])
        self.connectors = frozenset(c.lower() for c in L.BODY_CONNECTORS[lang])
        if lang == "vi":
            self.vi_stop_re = re.compile(rf"(?<![\w])(?:{_alt(L.VI_BODY_STOP)})(?![\w])",
                                         re.IGNORECASE)
        # generic plural "Resolutions of the Politburo such as …"
        self.such_as_re = re.compile(
            r"(?:such as|including|like|như|gồm|bao gồm|tels que|telles que|comme|notamment|"
            r"seperti|termasuk|antara lain)[ \t]{0,2}:?[ \t]{0,2}$", re.IGNORECASE)


@lru_cache(maxsize=8)
def patterns(lang: str) -> Patterns:
    if lang not in L.LANGS:
        raise ExtractError(f"unsupported language {lang!r} (use en, vi, fr or id)")
    return Patterns(lang)


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", fold(s).lower().replace("’", "'")).strip()


_BODY_NOISE = frozenset("the of and for du de des d la le l a au aux cua cac va ve".split())


def body_key(text: str) -> str:
    """A body name's matching key: ASCII-folded words, minus connectors, sorted (so
    'Ministry of Home Affairs Party Committee' == 'Party Committee of the Ministry of Home
    Affairs')."""
    words = re.findall(r"[a-z0-9]+", _norm(text).replace("'s", ""))
    return " ".join(sorted(w for w in words if w not in _BODY_NOISE))


# =================================================================================================
# Dates
# =================================================================================================

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


# =================================================================================================
# Bodies
# =================================================================================================

_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)?|['’]s|\S")


def find_bodies(sent: Sentence, P: Patterns) -> list[Body]:
    """Body names in a sentence: the national organs (by name) and names built on a head noun
    ("Party Committee of the Ministry of …", "Đảng ủy …", "Comité du Parti …")."""
    text = sent.text
    found: list[Body] = []
    for m in P.national_re.finditer(text):
        found.append(Body(sent.start + m.start(), sent.start + m.end(), m.group(0),
                          P.national.get(_norm(m.group(0)))))
    for m in P.head_re.finditer(text):
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
    for b in out:
        if b.key is None:
            b.key = P.national.get(_norm(b.text))
    return out


def _expand_body(text: str, hs: int, he: int, P: Patterns) -> tuple[int, int] | None:
    lang = P.lang
    head = text[hs:he]
    if lang == "vi":
        return _expand_body_vi(text, hs, he, P)
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
        if tok in P.body_stop:
            break
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


def _expand_body_vi(text: str, hs: int, he: int, P: Patterns) -> tuple[int, int] | None:
    end = he
    count = 0
    pos = he
    while count < 10:
        m = _VI_SYLLABLE.match(text, pos)
        if not m:
            break
        stop = P.vi_stop_re.match(text, m.start(1))
        if stop or P.type_re.match(text, m.start(1)):
            break
        pos = end = m.end()
        count += 1
    if end == he and text[hs:he] in ("Ban", "Bộ", "Ủy ban", "Uỷ ban", "Văn phòng", "Đảng bộ",
                                     "Đảng ủy", "Đảng uỷ"):
        return None
    return hs, end


# =================================================================================================
# Mentions
# =================================================================================================

def normal_code(code: str) -> str:
    """A code as written, with the hyphen a spaced form leaves out ("84 QĐ/TWĐTN" ->
    "84-QĐ/TWĐTN"); other forms unchanged. Keys and IRIs are computed from this."""
    m = _CODE_SPACED.fullmatch(code.strip())
    if m:
        return f"{m['number']}-{m['type']}/{m['issuer']}"
    return code


def parse_any_code(code: str):
    return parse_code(normal_code(code))


@lru_cache(maxsize=256)
def _abbreviation_types(abbr: str) -> tuple[str, ...] | None:
    return L.ABBREVIATIONS.get(fold(abbr).upper())


def find_mentions(sent: Sentence, si: int, P: Patterns, bodies: list[Body]) -> list[Mention]:
    text = sent.text
    base = sent.start
    codes: list[tuple[int, int, str, str]] = []  # start, end, code text, abbreviation
    covered: set[int] = set()
    for rx, state in ((_CODE_PARTY, False), (_CODE_STATE, True), (_CODE_SPACED, False)):
        for m in rx.finditer(text):
            abbr = m.group("type")
            types = _abbreviation_types(abbr)
            if not types:
                continue
            if state and fold(abbr).upper() != "QD":
                continue
            if m.start() in covered:
                continue
            covered.update(range(m.start(), m.end()))
            codes.append((m.start(), m.end(), m.group(0), abbr))
    codes.sort()
    code_at = {s: (e, c, a) for s, e, c, a in codes}
    used_codes: set[int] = set()
    out: list[Mention] = []

    for tm in P.type_re.finditer(text):
        ts, te = tm.start(), tm.end()
        if out and ts < max(m.end for m in out[-3:]) - base:
            continue
        word = tm.group(0)
        tkey = P.type_words.get(re.sub(r"\s+", " ", word.lower()))
        if tkey is None:
            continue
        pos = te
        issuer_inline = None
        # "Keputusan Politbiro No. 901-QD/TW", "Nghị quyết Trung ương 9"
        nb = P.national_re.match(text, pos + 1) if text[pos:pos + 1] == " " else None
        if nb:
            issuer_inline = Body(base + nb.start(), base + nb.end(), nb.group(0),
                                 P.national.get(_norm(nb.group(0))))
            pos = nb.end()
        mk = P.marker_re.match(text, pos)
        marked = bool(mk and mk.group(0).strip())
        if mk:
            pos = mk.end()
        elif text[pos:pos + 1] in (" ", "\t"):
            pos += 1
        number = code = None
        end = None
        if pos in code_at:
            cend, ctext, _abbr = code_at[pos]
            code, end = ctext, cend
            used_codes.add(pos)
            try:
                number = parse_any_code(ctext).number
            except CodeError:
                number = None
        else:
            nm = _BARE_NUMBER.match(text, pos)
            if nm and (marked or not (len(nm.group("number")) == 4
                                      and nm.group("number")[:2] in ("19", "20"))):
                number, end = nm.group("number"), nm.end()
        plural = word.lower().endswith("s") and P.lang in ("en", "fr") and not word.lower() in (
            "avis", "status") or bool(P.plural_before_re and P.plural_before_re.search(
                text[max(0, ts - 12):ts]))
        if end is not None:
            m = Mention(base + ts, base + end, text[ts:end], si, tkey, number, code,
                        issuer=issuer_inline, plural=plural)
            out.append(m)
            # a list of numbers: "Resolutions 901, 902, 903"
            lp = end
            head_index = len(out) - 1
            for _ in range(12):
                lm = re.compile(r"(?:[ \t]{0,2},[ \t]{0,2}|[ \t]{1,2}(?:and|và|et|dan|&)[ \t]{1,2})"
                                r"(?:(?:No\.|số|n°)[ \t]{0,2})?").match(text, lp)
                if not lm:
                    break
                p2 = lm.end()
                if p2 in code_at:
                    cend, ctext, _abbr = code_at[p2]
                    used_codes.add(p2)
                    try:
                        num2 = parse_any_code(ctext).number
                    except CodeError:
                        break
                    item = Mention(base + p2, base + cend, ctext, si, tkey, num2, ctext,
                                   list_head=head_index)
                    lp = cend
                else:
                    nm = _BARE_NUMBER.match(text, p2)
                    if not nm or not (plural or "," in lm.group(0)):
                        break
                    after = text[nm.end():nm.end() + 12]
                    if not re.match(r"\s*(?:[,.;)]|and\b|và\b|et\b|dan\b|of\b|của\b|du\b|dari\b"
                                    r"|on\b|về\b|sur\b|tentang\b|$)", after):
                        break
                    item = Mention(base + p2, base + nm.end(), nm.group(0), si, tkey,
                                   nm.group("number"), None, list_head=head_index)
                    lp = nm.end()
                out.append(item)
            continue
        # --- unnumbered: "a new Directive on …", "the Resolution of …", "Chỉ thị này"
        if plural:
            continue
        before = text[max(0, ts - 20):ts]
        cap = word[:1].isupper()
        if word.isupper() and len(word) > 2:
            continue  # a heading ("QUYẾT ĐỊNH"), not a reference
        det = P.det_before_re.search(before) if P.det_before_re else None
        if det is not None and not word[:1].isupper():
            det = None
        new_b = P.new_before_re.search(before) if P.new_before_re else None
        demo_b = P.demo_before_re.search(before) if P.demo_before_re else None
        fr_named = (P.lang == "fr" and not cap and P.det_before_re is not None
                    and P.det_before_re.search(before)
                    and re.compile(r"[ \t]{1,2}(?:du|de la|de l'|des)[ \t]{1,2}"
                                   r"(?:\d{1,2}(?:e|er|ème)[ \t]|[A-ZÀ-Ý])").match(text, te))
        new_a = P.new_after_re.match(text, te) if P.new_after_re else None
        demo = P.demo_after_re.match(text, te) if P.demo_after_re else None
        if new_b or new_a:
            s = ts - (len(before) - new_b.start()) if new_b else ts
            e = new_a.end() if new_a else te
            out.append(Mention(base + s, base + e, text[s:e], si, tkey, strong=False, new=True))
        elif demo:
            out.append(Mention(base + ts, base + demo.end(), text[ts:demo.end()], si, tkey,
                               strong=False, anaphor=True))
        elif demo_b:
            s0 = ts - (len(before) - demo_b.start())
            out.append(Mention(base + s0, base + te, text[s0:te], si, tkey, strong=False,
                               anaphor=True))
        elif fr_named:
            out.append(Mention(base + ts, base + te, text[ts:te], si, tkey, strong=False,
                               anaphor=True))
        elif cap and (det or P.lang in ("vi", "id")) and (ts > 0 or P.lang != "en"):
            # a capitalised type name for one document: "the Resolution of the … Congress",
            # "the Action Program"; Vietnamese/Indonesian capitalise document names
            if P.lang in ("vi", "id") and not _vi_id_named(text, te, P):
                continue
            out.append(Mention(base + ts, base + te, text[ts:te], si, tkey, strong=False,
                               anaphor=True))
    # codes without a type word: the type comes from the abbreviation when it is unambiguous
    in_mention = {p for m in out for p in range(m.start - base, m.end - base)}
    for s, e, ctext, abbr in codes:
        if s in used_codes or s in in_mention:
            continue
        types = _abbreviation_types(abbr) or ()
        try:
            number = parse_any_code(ctext).number
        except CodeError:
            continue
        out.append(Mention(base + s, base + e, ctext, si, types[0] if len(types) == 1 else None,
                           number, ctext))
    out.sort(key=lambda m: m.start)
    for m in out:
        _attributes(m, sent, P, bodies, out)
    _pre_attributes(out, sent, P, bodies)
    return out


def _vi_id_named(text: str, te: int, P: Patterns) -> bool:
    """Vietnamese/Indonesian: a capitalised type name refers to one document when a capitalised
    name or 'của/dari …' follows ("Nghị quyết Đại hội …", "Resolusi Kongres …")."""
    nxt = re.compile(r"[ \t]{1,2}(\S+)").match(text, te)
    if not nxt:
        return False
    w = nxt.group(1)
    return w[:1].isupper() or w.lower() in ("của", "dari")


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
                m.anaphor = False
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
            if im:
                b = _body_at(bodies, base + im.end(), text, base)
                if b is not None:
                    m.issuer = b
                    pos = b.end - base
                    seen.add("issuer")
                    continue
            if P.lang == "id":
                b = _body_at(bodies, base + pos + 1, text, base) if text[pos:pos + 1] == " " \
                    else None
                if b is not None and b.key:
                    m.issuer = b
                    pos = b.end - base
                    seen.add("issuer")
                    continue
        if "subject" not in seen:
            sm = P.subject_prep_re.match(text, pos)
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
            # allow a determiner before the body: "of the Politburo"
            gap = text[abs_pos - base:b.start - base]
            if re.fullmatch(r"(?:the|la|le|l'|les)[ \t]{1,2}", gap, re.IGNORECASE):
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


def _pre_attributes(mentions: list[Mention], sent: Sentence, P: Patterns,
                    bodies: list[Body]) -> None:
    """What the sentence says before a mention: "the Politburo issued Decision …",
    "Ngày 15-8-2024, Ban Thường vụ … ban hành …", "the Politburo's Conclusion …",
    "the Resolutions of the Politburo such as Resolutions …"."""
    text = sent.text
    base = sent.start
    opener_date = None
    om = P.opener_re.match(text)
    if om:
        got = find_date(text, om.end(), P)
        if got:
            opener_date = got[0]
        else:
            ym = P.year_re.match(text, om.end())
            if ym and re.match(r"[ \t]{0,2},", text[ym.end():]):
                opener_date = ym.group(0)
    elif P.lang == "vi":
        ym = re.match(r"(?:Năm|Trong năm)[ \t]{1,2}((?:19|20)\d\d)[ \t]{0,2},", text)
        if ym:
            opener_date = ym.group(1)
    prev: Mention | None = None
    for i, m in enumerate(mentions):
        if m.list_head is not None:
            head = mentions[m.list_head]
            m.issuer = m.issuer or head.issuer
            prev = m
            continue
        ms = m.start - base
        before = text[max(0, ms - 60):ms]
        off = max(0, ms - 60)
        vm = P.issue_verb_re.search(before)
        if vm:
            vm_start = vm.start() + off
        if vm and not (prev is not None and prev.end - base > vm_start):
            b = _body_before(bodies, base + vm_start, text, base)
            if b is not None and m.issuer is None:
                m.issuer = b
            if opener_date and m.date is None and m.strong and (
                    mentions[0] is m or mentions[0].start - base >= vm_start):
                m.date = opener_date
        elif (prev is not None and prev.issuer is not None and m.issuer is None
              and prev.tail_end <= m.start):
            gap = text[prev.tail_end - base:ms]
            if re.fullmatch(r"[ \t]{0,2}(?:,[ \t]{0,2})?(?:(?:and|và|et|dan|serta)[ \t]{1,2})?",
                            gap) and prev.strong and m.strong:
                m.issuer = prev.issuer
        if m.issuer is None:
            # "the Politburo's Conclusion"
            pm = re.search(r"['’]s[ \t]{1,2}$", before)
            if pm:
                b = _body_before(bodies, base + off + pm.start(), text, base, gap_re=r"")
                if b is not None:
                    m.issuer = b
        if m.issuer is None and P.such_as_re.search(before):
            sm = P.such_as_re.search(before)
            b = _body_before(bodies, base + off + sm.start(), text, base, gap_re=r"[ \t,]{0,3}")
            if b is not None:
                m.issuer = b
        prev = m


def _body_before(bodies: list[Body], abs_pos: int, text: str, base: int,
                 gap_re: str = r"[ \t]{0,3}(?:(?:has|had|have|đã|vừa|sẽ|telah|juga|kemudian|"
                               r"then|also|officially|chính thức)[ \t]{1,2}){0,2}") -> Body | None:
    best = None
    for b in bodies:
        if abs_pos - 40 <= b.end <= abs_pos:
            gap = text[b.end - base:abs_pos - base]
            if re.fullmatch(gap_re, gap, re.IGNORECASE):
                best = b
    return best


# =================================================================================================
# Relations and mergers
# =================================================================================================

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
        if not _is_filler(filler):
            continue
        # a cue already used by an earlier relation, or between B and an earlier mention that
        # follows the cue, does not apply
        if any(cue.end() <= mentions[j].start - base < bs for j in idx):
            continue
        phrase = re.sub(r"\s+", " ", cue.group(0).lower())
        info = P.cue_info.get(phrase) or _cue_lookup(P, phrase)
        if info is None:
            continue
        kind, voice, mood = info
        source = None
        for ai in reversed(idx):
            A = mentions[ai]
            if A.end - base > cue.start() or ai == bi:
                continue
            if ai in embedded:
                continue
            if A.list_head is not None:
                continue
            gap_start = reach[ai]
            gap = text[gap_start:cue.start()] if gap_start < cue.start() else ""
            obj = any(c.end() <= A.start - base and _is_filler(text[c.end():A.start - base])
                      for c in cues)
            if not _attached(gap, A, kind, mood, P, obj):
                break
            source = ai
            break
        if source is None:
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
        if voice == "active":
            embedded.add(bi)
            reach[source] = max(reach[source], max(B.tail_end, B.end) - base)
    return out


def find_fronted(sent: Sentence, si: int, idx: list[int], mentions: list[Mention],
                 P: Patterns) -> list[Relation]:
    """ "Thực hiện X, Ban Thường vụ … ban hành Y …" / "To implement X, the … issued Y": the
    document issued in the main clause implements the one named in the fronted clause."""
    text = sent.text
    base = sent.start
    fm = P.fronted_re.match(text)
    if not fm or len(idx) < 2:
        return []
    first = mentions[idx[0]]
    if not _is_filler(text[fm.end():first.start - base]):
        return []
    comma = text.find(",", max(first.tail_end, first.end) - base)
    if comma < 0:
        return []
    for j in idx[1:]:
        Y = mentions[j]
        if Y.start - base <= comma or Y.list_head is not None:
            continue
        before = text[comma:Y.start - base]
        if P.issue_verb_re.search(before):
            kind = "guides" if Y.type == "guidance" else "implements"
            return [Relation(kind, j, idx[0], si, fm.group(0).strip(" ,"))]
        break
    return []


def _cue_lookup(P: Patterns, phrase: str) -> tuple[str, str, str] | None:
    for p, info in P.cue_info.items():
        if "{gap}" in p:
            a, b = p.split("{gap}")
            if phrase.startswith(a) and phrase.endswith(b.strip()):
                return info
    return None


_FILLER_WORDS = frozenset(
    "the a an of its their implementation provisions some certain articles article "
    "la le les l de du des d certaines dispositions "
    "một số điều của các những việc nghiêm nội dung toàn bộ "
    "seluruh beberapa pasal dari atas".split())


def _is_filler(gap: str) -> bool:
    if len(gap) > 40 or re.search(r"[.;:()\[\]]", gap):
        return False
    words = re.findall(r"[^\W\d_]+", gap.lower().replace("’", "'"))
    others = [w for w in words if w not in _FILLER_WORDS]
    return len(others) <= 1


def _attached(gap: str, A: Mention, kind: str, mood: str, P: Patterns,
              object_of_cue: bool = False) -> bool:
    """Is the text between a document's phrase and a relation cue part of that document's
    clause (so the cue says something about the document)?"""
    g = _FOOTNOTE.sub("", gap)
    if not g.strip(" \t,"):
        return True
    if len(g) > 250 or P.strong_coord_re.search(g):
        return False
    inner = P.cue_re.search(g)
    if inner and not _is_filler(g[:inner.start()]):
        return False  # the cue in between belongs to something else
    # a coordinated predicate: "X enters into force on … and replaces Y" (X the subject, not
    # the object of an earlier verb)
    last = P.coord_re.search(g[-8:]) if len(g) <= 120 and "," not in g else None
    if last and not g[-8:][last.end():].strip() and not object_of_cue:
        return True
    if P.relative_re.match(g) or (A.new and kind == "replaces"):
        return True
    if len(g) <= 40 and "," not in g and not P.coord_re.search(g):
        return True
    return False


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
    return None


# =================================================================================================
# The article: mentions -> documents
# =================================================================================================

def extract(text: str, lang: str = "auto") -> Extraction:
    """Extract candidate mentions, relations and mergers from an article's (decoded) text."""
    if lang in ("auto", None):
        lang = detect_language(text)
    P = patterns(lang)
    sentences = split_sentences(text)
    mentions: list[Mention] = []
    relations: list[Relation] = []
    mergers: list[Merger] = []
    for si, sent in enumerate(sentences):
        has_type = P.type_re.search(sent.text) is not None
        has_code = (_CODE_PARTY.search(sent.text) or _CODE_STATE.search(sent.text)
                    or _CODE_SPACED.search(sent.text))
        has_merge = P.merge_re.search(sent.text) is not None
        if not (has_type or has_code or has_merge):
            continue
        bodies = find_bodies(sent, P)
        ms = find_mentions(sent, si, P, bodies) if (has_type or has_code) else []
        first = len(mentions)
        mentions.extend(ms)
        for m in ms:
            if m.list_head is not None:
                m.list_head += first
        idx = list(range(first, len(mentions)))
        relations.extend(find_relations(sent, si, idx, mentions, P))
        relations.extend(find_fronted(sent, si, idx, mentions, P))
        if has_merge:
            mergers.extend(find_mergers(sent, si, idx, mentions, bodies, P))
    _resolve_anaphora(mentions, sentences, relations)
    documents = _group(mentions, relations, mergers)
    warnings: list[str] = []
    if len(documents) > MAX_DOCUMENTS:
        warnings.append(f"{len(documents)} documents found; only the first {MAX_DOCUMENTS} are "
                        "kept (is this one article?)")
        documents = sorted(documents, key=lambda d: mentions[d.mentions[0]].start)[:MAX_DOCUMENTS]
    doc_of = {m: d.id for d in documents for m in d.mentions}
    doc_relations = _doc_relations(relations, doc_of)
    doc_mergers = _doc_mergers(mergers, doc_of)
    return Extraction(text, lang, sentences, mentions, relations, mergers, documents,
                      doc_relations, doc_mergers, warnings)


def _resolve_anaphora(mentions: list[Mention], sentences: list[Sentence],
                      relations: list[Relation]) -> None:
    """'the Resolution', 'Chỉ thị này': the nearest earlier mention of the same type in the same
    or the previous sentence, never one it is related to ("Quyết định này thay thế Quyết định
    số …" is not about itself)."""
    partners: dict[int, set[int]] = {}
    for r in relations:
        partners.setdefault(r.source, set()).add(r.target)
        partners.setdefault(r.target, set()).add(r.source)
    keys = [_doc_hint_key(m) for m in mentions]
    for i, m in enumerate(mentions):
        if not m.anaphor:
            continue
        mine = partners.get(i, set())
        partner_keys = {keys[k] for k in mine if keys[k]}
        for j in range(i - 1, max(-1, i - 200), -1):
            o = mentions[j]
            if o.sentence < m.sentence - 1:
                break
            if j in mine or (keys[j] and keys[j] in partner_keys):
                continue
            if o.type == m.type and not o.anaphor:
                m.antecedent = j
                break


def _doc_hint_key(m: Mention) -> tuple | None:
    """Mentions with the same key surely name the same document (same type and number)."""
    if m.number:
        return (m.type, m.number_key)
    return None


def _compatible(a: str | None, b: str | None) -> bool:
    if a is None or b is None or a == b:
        return True
    return b in L.COMPATIBLE_TYPES.get(a, frozenset())


def _code_types(code: str) -> tuple[str, ...]:
    try:
        return _abbreviation_types(parse_any_code(code).type) or ()
    except CodeError:
        return ()


def _group(mentions: list[Mention], relations: list[Relation],
           mergers: list[Merger]) -> list[Document]:
    """One document per code (split by conflicting dates), short mentions joined to the coded
    document they can only mean, anaphors to their antecedent; unnumbered mentions kept only
    when they take part in a relation or decide a merger."""
    groups: list[list[int]] = []
    gid: dict[int, int] = {}

    def dates_agree(d1: set[str], d2: set[str]) -> bool:
        return all(a.startswith(b) or b.startswith(a) for a in d1 for b in d2)

    by_code: dict[str, list[int]] = {}  # code key -> groups
    by_number: dict[str, list[int]] = {}  # number key -> groups
    gattrs: list[tuple[set, set, set]] = []

    def new_group(i: int) -> int:
        groups.append([])
        gattrs.append((set(), set(), set()))
        join(len(groups) - 1, i)
        return len(groups) - 1

    def join(g_i: int, i: int) -> None:
        m = mentions[i]
        groups[g_i].append(i)
        gid[i] = g_i
        d, iss, types = gattrs[g_i]
        if m.date:
            d.add(m.date)
        if m.issuer:
            iss.add(m.issuer.match_key)
        if m.type:
            types.add(m.type)

    ckey = lru_cache(maxsize=4096)(lambda c: code_key(normal_code(c)))
    # 1. coded mentions
    for i, m in enumerate(mentions):
        if not m.code:
            continue
        k = ckey(m.code)
        placed = False
        for g_i in by_code.get(k, []):
            if dates_agree(gattrs[g_i][0], {m.date} if m.date else set()):
                join(g_i, i)
                placed = True
                break
        if not placed:
            g_i = new_group(i)
            by_code.setdefault(k, []).append(g_i)
            if m.number_key:
                by_number.setdefault(m.number_key, []).append(g_i)
    # 2. numbered mentions without a code
    for i, m in enumerate(mentions):
        if m.code or not m.strong:
            continue
        nk = m.number_key
        options = []
        for g_i in by_number.get(nk or "", []):
            g = groups[g_i]
            gm = mentions[g[0]]
            d, iss, types = gattrs[g_i]
            ok_type = any(_compatible(m.type, t) for t in types) if types else True
            if gm.code and m.type and not any(_compatible(m.type, t) for t in _code_types(gm.code)):
                ok_type = False
            if not ok_type:
                continue
            if not dates_agree(d, {m.date} if m.date else set()):
                continue
            if m.issuer and iss and m.issuer.match_key not in iss:
                continue
            options.append(g_i)
        if len(options) == 1:
            join(options[0], i)
        else:
            g_i = new_group(i)
            by_number.setdefault(nk or "", []).append(g_i)
    # 3. unnumbered mentions: anaphors join their antecedent's group; the same "new X on Y"
    # named twice is one document
    by_name: dict[tuple, int] = {}
    for i, m in enumerate(mentions):
        if m.strong:
            continue
        if m.antecedent is not None and m.antecedent in gid:
            join(gid[m.antecedent], i)
        elif m.new and (m.type, _norm(m.text)) in by_name:
            join(by_name[(m.type, _norm(m.text))], i)
        else:
            g_i = new_group(i)
            if m.new:
                by_name[(m.type, _norm(m.text))] = g_i
    # keep unnumbered groups only when they take part in a relation or decide a merger
    active = {r.source for r in relations} | {r.target for r in relations} | {
        mg.doc for mg in mergers if mg.doc is not None}
    active_groups = {gid[i] for i in active if i in gid}
    docs: list[Document] = []
    n = 0
    for g_i, g in enumerate(groups):
        ms = [mentions[i] for i in sorted(g)]
        strong = any(m.strong for m in ms)
        if not strong and g_i not in active_groups:
            continue
        n += 1
        coded = [m for m in ms if m.code]
        typed = [m for m in ms if m.type]
        # the type: what the coded mention's words say, else the most frequent
        type_ = (coded[0].type if coded and coded[0].type else
                 max((m.type for m in typed), key=[m.type for m in typed].count) if typed else None)
        dates = sorted({m.date for m in ms if m.date}, key=len, reverse=True)
        issuers = [m.issuer for m in ms if m.issuer]
        subjects = [m.subject for m in ms if m.subject]
        numbered = [m for m in ms if m.number]
        docs.append(Document(
            id=f"d{n}", mentions=sorted(g), type=type_,
            number=(coded[0].number if coded else numbered[0].number if numbered else None),
            code=coded[0].code if coded else None,
            date=dates[0] if dates else None,
            issuer=issuers[0] if issuers else None,
            subject=max(subjects, key=len) if subjects else None,
            strong=strong,
            names=list(dict.fromkeys(re.sub(r"\s+", " ", m.text) for m in ms))))
    return docs


def _doc_relations(relations: list[Relation], doc_of: dict[int, str]) -> list[DocRelation]:
    out: dict[tuple[str, str, str], DocRelation] = {}
    seen: set[tuple[tuple[str, str, str], int]] = set()
    for r in relations:
        a, b = doc_of.get(r.source), doc_of.get(r.target)
        if a is None or b is None or a == b:
            continue
        key = (r.kind, a, b)
        if key in out:
            if (key, r.sentence) not in seen and len(out[key].sentences) < MAX_OCCURRENCES:
                out[key].sentences.append(r.sentence)
            seen.add((key, r.sentence))
            continue
        seen.add((key, r.sentence))
        out[key] = DocRelation("", r.kind, a, b, [r.sentence], r.cue)
    # a plan and an issued replacement of the same pair: the plan wins only if nothing says issued
    rels = list(out.values())
    for i, r in enumerate(rels, 1):
        r.id = f"r{i}"
    return rels


def _doc_mergers(mergers: list[Merger], doc_of: dict[int, str]) -> list[DocMerger]:
    out: list[DocMerger] = []
    for mg in mergers:
        doc = doc_of.get(mg.doc) if mg.doc is not None else None
        keys = {b.match_key for b in mg.merged}
        target = None
        for o in out:
            okeys = {b.match_key for b in o.merged} | ({o.into.match_key} if o.into else set())
            if (doc and o.doc == doc) or (not doc or not o.doc) and keys & okeys:
                target = o
                break
        if target is None:
            out.append(DocMerger("", doc, list(mg.merged), mg.into, [mg.sentence], mg.cue))
            continue
        target.doc = target.doc or doc
        if mg.sentence not in target.sentences[-3:] and len(target.sentences) < MAX_OCCURRENCES:
            target.sentences.append(mg.sentence)
        if mg.into is not None:
            target.into = target.into or mg.into
            target.merged = [b for b in target.merged if b.match_key != mg.into.match_key]
            for b in mg.merged:
                if b.match_key != mg.into.match_key and b.match_key not in {
                        x.match_key for x in target.merged}:
                    target.merged.append(b)
        else:
            for b in mg.merged:
                if b.match_key not in {x.match_key for x in target.merged} and not (
                        target.into and b.match_key == target.into.match_key):
                    target.merged.append(b)
    for o in out:
        if o.into is not None:
            o.merged = [b for b in o.merged if b.match_key != o.into.match_key]
    for i, o in enumerate(out, 1):
        o.id = f"m{i}"
    return out
