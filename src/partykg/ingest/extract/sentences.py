"""Language detection and sentence splitting."""

from __future__ import annotations

import re
from functools import lru_cache

from partykg.ingest import extract_lang as L
from partykg.ingest.extract.data import ExtractError, MAX_SENTENCE, Sentence


_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


_VI_LETTERS = re.compile(r"[ơưăđạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]")


def detect_language(text: str) -> str:
    """en, vi, fr or id (offline), and for a text of any length, a single sentence included.

    Evidence: stop words; letters only Vietnamese uses; and, when that is thin, the language's
    own words for documents and dates (type words of the SKOS scheme, number markers, month
    names, words introducing a date or an issuer). A text with letters is never refused: a
    tie goes to Vietnamese when it has Vietnamese letters, else to English. ExtractError only
    for a text with no words at all."""
    sample = text[:200_000].lower()
    words = _WORD.findall(sample)
    if not words:
        raise ExtractError("cannot tell the article's language: it has no words "
                           "(en, vi, fr or id; pass --lang)")
    scores = {lang: sum(1 for w in words if w in L.STOPWORDS[lang]) for lang in L.LANGS}
    vi_letters = len(_VI_LETTERS.findall(sample))
    # Vietnamese stop words are syllables that also occur in the multi-word entries; count the
    # letters only Vietnamese uses as extra evidence.
    scores["vi"] += vi_letters // 4
    if not vi_letters:
        # Vietnamese written without its diacritics (URL slugs, search snippets): its words
        # folded to ASCII, minus every word another language has. Place names share these
        # syllables ("Dong Nai"), so only plain evidence counts: three or more, and more than
        # twice the stop words of any other language.
        folded = sum(1 for w in words if w in _folded_vietnamese())
        if folded >= 3 and folded > 2 * max(scores.values()):
            return "vi"
    ranked = sorted(scores.values(), reverse=True)
    best = max(L.LANGS, key=lambda k: scores[k])
    if ranked[0] >= 2 and ranked[0] >= 2 * ranked[1]:
        return best
    # thin evidence (a sentence, a heading): the language's document and date words
    if vi_letters >= 2:
        scores["vi"] += 2 + vi_letters // 2
    for lang in L.LANGS:
        vocab = _vocabulary(lang)
        scores[lang] += 2 * sum(1 for w in words if w in vocab)
    top = max(scores.values())
    leaders = [k for k in L.LANGS if scores[k] == top]
    if len(leaders) == 1:
        return leaders[0]
    return "vi" if vi_letters else ("en" if "en" in leaders else leaders[0])


@lru_cache(maxsize=8)
def _document_words(lang: str) -> frozenset[str]:
    """The single words of the language's type words, number markers, months, and date and
    issuer prepositions (lower case)."""
    from partykg.ingest.extract.typewords import type_words

    out: set[str] = set()
    for phrase in (list(type_words(lang)) + list(L.NUMBER_MARKERS[lang]) + list(L.MONTHS[lang])
                   + list(L.DATE_PREFIXES[lang]) + list(L.ISSUER_PREPS[lang])):
        out.update(_WORD.findall(phrase.lower()))
    return frozenset(out)


@lru_cache(maxsize=8)
def _vocabulary(lang: str) -> frozenset[str]:
    """Single words only this language uses about documents (type words, number markers,
    months, date and issuer prepositions), minus those another language shares."""
    others = set().union(*(_document_words(lg) for lg in L.LANGS if lg != lang))
    return _document_words(lang) - others


@lru_cache(maxsize=1)
def _folded_vietnamese() -> frozenset[str]:
    """Vietnamese stop words and document words folded to ASCII ("quyết" -> "quyet"), minus
    any word (folded too) of the other languages' stop words and document words: evidence for
    Vietnamese typed without diacritics."""
    from partykg.model.ids import fold

    def folded(lg: str) -> set[str]:
        return {fold(w).lower() for w in L.STOPWORDS[lg] | _document_words(lg)}

    others = set().union(*(folded(lg) for lg in L.LANGS if lg != "vi"))
    return frozenset(w for w in folded("vi") - others if len(w) > 2)


_SPLIT = re.compile(r"[.!?…][\"”»’')\]]{0,2}[ \t]+(?=[\"“«(\[]?[A-ZÀ-ỸĐ0-9])")
_LAST_TOKEN = re.compile(r"([^\W\d_]{1,6}(?:\.[^\W\d_]{1,3})?)\.?[\"”»’')\]]{0,2}$")


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with absolute offsets: lines, then sentence ends inside lines (not after
    abbreviations such as 'No.'). Very long stretches are cut every MAX_SENTENCE characters."""
    out: list[Sentence] = []
    for lstart, line in _paragraph_lines(text):
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


# a code cut by a line end: "Số: 16 -" / "HD/BTCTW"; a state code's: "số 24/2016/" / "NĐ-CP"
_CODE_CUT = re.compile(r"(?<![\w/-])\d{1,5}[a-zA-Z]?[ \t]{0,2}[-–]$")
_CODE_REST = re.compile(r"[A-ZĐ][A-Za-zĐđ]{0,4}[ \t]{0,2}/[ \t]{0,2}[A-ZĐ]")
_STATE_CUT = re.compile(r"(?<![\w/-])\d{1,5}[a-zA-Z]?/(?:(?:19|20)\d\d/)?$")
_STATE_REST = re.compile(r"(?:(?:19|20)\d\d/)?[A-ZĐ][A-Za-zĐđ]{0,4}[ \t]?[-–][ \t]?[A-ZĐ]")
_TERMINAL = re.compile(r"[.!?;:…][\"”»’')\]]{0,2}$")
_ITEM = re.compile(r"[ \t]{0,4}(?:[-–—•*|+>]|\d{1,2}[.)]|[IVXivx]{1,4}[.)]|[a-zđ][.)][ \t])")
WRAP_MIN = 60  # a line this long that stops mid-sentence was wrapped by the page
# a line opening with a capitalised label of one to three words and a colon ("Issuing body:
# …", "Effective date: …"): a field of the page, not a wrapped line's continuation
_FIELD = re.compile(r"[A-ZĐ][^\W\d_]{0,20}(?:[ \t][^\W\d_]{1,20}){0,2}[ \t]?:(?:[ \t]|$)")


def _paragraph_lines(text: str) -> list[tuple[int, str]]:
    """The text's lines (start offset, text), a page's hard-wrapped lines joined into one
    (newlines read as spaces, offsets kept): a line that stops without ending its sentence is
    continued by the next when that one goes on in lower case (or with a number after a line
    ending on a lower-case word: "… ngày" / "30/01/2022 của …"), or when the line is as long as
    a wrapped line and the next is no longer (a block of wrapped lines, not a title over a
    paragraph), holds words, and opens no list item."""
    lines: list[tuple[int, str]] = []
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    out: list[tuple[int, str]] = []
    for start, line in lines:
        if out:
            pstart, prev = out[-1]
            last = prev[prev.rfind("\n") + 1:].strip()
            nxt = line.strip()
            if (_CODE_CUT.search(last) and _CODE_REST.match(nxt)) or (
                    _STATE_CUT.search(last) and _STATE_REST.match(nxt)):
                out[-1] = (pstart, prev + "\n" + line)  # a header's code cut by the line end
                continue
            if last and nxt and not _TERMINAL.search(last) and not _ITEM.match(line) \
                    and "|" not in last and "|" not in nxt and _upper(last) == _upper(nxt) \
                    and not _ITEM.match(prev[prev.rfind("\n") + 1:]) and len(_WORD.findall(nxt)) >= 2 \
                    and (nxt[0].islower() or (nxt[0].isdigit() and last[-1].islower())
                         or _goes_on(last) or _basis_goes_on(last, nxt)
                         or (len(last) >= WRAP_MIN and not _FIELD.match(nxt)
                                              and len(nxt) <= max(len(last), 80) * 1.3)):
                out[-1] = (pstart, prev + "\n" + line)
                continue
        out.append((start, line))
    return [(s, t.replace("\n", " ")) for s, t in out]


def _goes_on(last: str) -> bool:
    """The line ends on a word that takes an object (LINE_GOES_ON): "… Kế hoạch thực hiện" /
    "Chương trình …" is one sentence; or on such a word and a capitalised type word, whose
    title the line cut: "… của Luật" / "Cán bộ, công chức …"."""
    from partykg.ingest.extract_lang_le import LINE_GOES_ON

    def ends_on_word(line: str) -> bool:
        low = line.lower()
        return line[-1:].islower() and any(
            low.endswith(w) and (len(low) == len(w) or not low[-len(w) - 1].isalnum())
            for w in LINE_GOES_ON)

    if ends_on_word(last):
        return True
    words = list(_WORD_AT.finditer(last))
    for k in (1, 2, 3):
        if len(words) > k and last[words[-k].start()].isupper() \
                and " ".join(w.group(0) for w in words[-k:]).lower() in _type_words_all():
            return ends_on_word(last[:words[-k].start()].rstrip())
    return False


_WORD_AT = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _type_words_all() -> frozenset[str]:
    """The scheme's type words of every language, lower case (the splitter runs before the
    language is known)."""
    from partykg.ingest.extract.typewords import type_words

    return frozenset(w for lg in L.LANGS for w in type_words(lg))


def _basis_goes_on(last: str, nxt: str) -> bool:
    """A preamble's basis line cut before its end ("Pursuant to the Constitution of the
    Socialist" / "Republic of Vietnam …;"): it ends on a letter, and the next line opens no basis
    of its own (extract_cues.BASED_ON, any language: the split does not know it)."""
    if not last[-1:].isalpha():
        return False
    openers = _basis_openers()
    return last.lower().startswith(openers) and not nxt.lower().startswith(openers)


@lru_cache(maxsize=1)
def _basis_openers() -> tuple[str, ...]:
    from partykg.ingest.extract_cues import BASED_ON

    return tuple(w for ws in BASED_ON.values() for w in ws)


def _upper(line: str) -> bool:
    """A line in capitals (a header or title line): a block of its own."""
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _add_sentence(out: list[Sentence], line: str, lstart: int, a: int, b: int) -> None:
    seg = line[a:b]
    stripped = seg.strip()
    if not stripped:
        return
    lead = len(seg) - len(seg.lstrip())
    s = lstart + a + lead
    out.append(Sentence(s, s + len(stripped), stripped))
