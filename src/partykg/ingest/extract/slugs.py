"""Documents named in a URL slug or a line written without diacritics or punctuation
("thong tu so 133 2016 tt btc", "…/nghi-quyet-so-12-nq-tw-cua-bo-chinh-tri"): a type word of
the scheme written unaccented, an optional number marker (unaccented), a number, an optional
year, then the code's abbreviation and issuer, each a word of its own (spaces or hyphens
between, no slash). A mention only when the abbreviation is one of the scheme's for the type
the word names ("thong tu" wants "tt", "quyet dinh" "qd"): "ke hoach 5 nam 2020" is none. The
code is kept as written ("133 2016 tt btc"; ``codes.normal_code`` reads a slug with a year as
the state code it spells, "133/2016/TT-BTC").

A code read alone right after an unaccented type word (a title: "Quy dinh so 105-QD/TW") is
named from that word and takes its type when the code allows it. Two such mentions (or slugs)
with an active cue between them written unaccented ("… thay the …") give that cue's relation. Only for languages whose type words carry diacritics (Vietnamese); the
accented forms are the other rules'.
"""

from __future__ import annotations

import re

from partykg.ingest import extract_lang as L
from partykg.ingest import extract_lang_more as LM
from partykg.ingest.extract.codes import _abbreviation_types, code_types
from partykg.ingest.extract.data import Mention, Relation, Sentence, in_text_order
from partykg.ingest.extract.patterns import Patterns, per_patterns
from partykg.model.ids import fold

_SEP = r"[ \t-]"
_KINDS = ("replaces", "amends", "implements", "guides", "continues")


def _folded(words) -> dict[str, str]:
    """Unaccented spelling -> the accented one's value, for the words whose spelling differs."""
    return {fold(w).lower(): v for w, v in words if fold(w).lower() != w.lower()}


def _slug_head(P: Patterns) -> str | None:
    """The pattern a slug opens with: one of the language's type words (group ``word``), then
    perhaps a number marker, unaccented, words joined by the slug's separator (None without
    unaccented type words)."""
    types = _folded(P.type_words.items())
    if not types:
        return None
    alt = "|".join(re.escape(w).replace(r"\ ", f"{_SEP}") for w in sorted(types, key=len, reverse=True))
    markers = "|".join(re.escape(w).replace(r"\ ", _SEP)
                       for w in sorted({fold(m).lower() for m in L.NUMBER_MARKERS[P.lang]},
                                       key=len, reverse=True))
    return rf"(?<![\w])(?P<word>{alt}){_SEP}(?:(?:{markers}){_SEP})?"


@per_patterns
def _slug_re(P: Patterns) -> re.Pattern | None:
    head = _slug_head(P)
    if head is None:
        return None
    return re.compile(
        head +
        rf"(?P<code>(?P<number>\d{{1,5}}[a-z]?)(?:{_SEP}(?P<year>(?:19|20)\d\d))?"
        rf"{_SEP}(?P<abbr>[a-z]{{1,5}}){_SEP}[a-z]{{1,8}}\d{{0,2}})(?![\w])", re.IGNORECASE)


@per_patterns
def _leg_re(P: Patterns) -> re.Pattern | None:
    """A slug whose code has no type abbreviation, its issuer carrying the legislature's term
    ("nghi quyet 28 2016 qh14" for NN/YYYY/QHnn; "cong van 1129 ubtvqh13 pl" for NN/ISSUER-UNIT):
    a number, then a year and the issuer, or the issuer and its unit."""
    head = _slug_head(P)
    if head is None:
        return None
    return re.compile(
        head +
        rf"(?P<code>(?P<number>\d{{1,5}}){_SEP}(?:(?P<year>(?:19|20)\d\d){_SEP}[a-z]{{2,8}}\d{{1,2}}"
        rf"|[a-z]{{2,8}}\d{{1,2}}{_SEP}(?P<unit>[a-z]{{1,6}})))(?![\w])", re.IGNORECASE)


@per_patterns
def _unit_not(P: Patterns) -> frozenset[str]:
    """Words that follow a code without being its unit: the first words of the cues, subject
    prepositions and date prefixes, unaccented."""
    words = [c for c, _k, _v, _m in L.CUES[P.lang] if "{" not in c]
    words += list(L.SUBJECT_PREPS[P.lang]) + list(L.DATE_PREFIXES[P.lang])
    return frozenset(fold(w).lower().split()[0] for w in words if w.split())


@per_patterns
def _types(P: Patterns) -> dict[str, str]:
    return _folded(P.type_words.items())


@per_patterns
def _word_res(P: Patterns) -> tuple[re.Pattern, re.Pattern] | None:
    """(an unaccented type word anywhere; one, with an unaccented number marker, ending the text
    before a code)."""
    types = _types(P)
    if not types:
        return None
    alt = "|".join(re.escape(w).replace(r"\ ", "[ \t]{1,2}") for w in sorted(types, key=len, reverse=True))
    markers = "|".join(re.escape(w).replace(r"\ ", "[ \t]{1,2}")
                       for w in sorted({fold(m).lower() for m in L.NUMBER_MARKERS[P.lang]},
                                       key=len, reverse=True))
    return (re.compile(rf"(?<![\w])(?:{alt})(?![\w])", re.IGNORECASE),
            re.compile(rf"(?<![\w])(?P<word>{alt})(?:[ \t]{{1,2}}(?:{markers}))?[ \t]{{1,2}}$",
                       re.IGNORECASE))


def unaccented_names(sent: Sentence, ms: list[Mention], P: Patterns) -> None:
    """A code read alone right after a type word written without diacritics (a title: "Quy dinh
    so 105-QD/TW"): the mention starts at the word and takes its type when the code's
    abbreviation allows it (or allows none)."""
    res = _word_res(P)
    if res is None or not res[0].search(sent.text):
        return
    types, base = _types(P), sent.start
    for i, m in enumerate(ms):
        if not m.code or m.text != m.code:
            continue
        s = m.start - base
        wm = res[1].search(sent.text, max(0, s - 40), s)
        if wm is None or (i and ms[i - 1].end - base > wm.start()):
            continue
        tkey = types.get(re.sub(r"\s+", " ", wm.group("word").lower()))
        allowed = code_types(m.code)
        if tkey is None or allowed and tkey not in allowed:
            continue
        m.type = tkey
        m.start = base + wm.start()
        m.text = sent.text[wm.start():m.end - base]


@per_patterns
def _cues(P: Patterns) -> dict[str, str]:
    """Unaccented active cue phrase -> its kind (plain phrases only, no placeholders)."""
    return _folded((c, k) for c, k, voice, _mood in L.CUES[P.lang]
                   if voice == "active" and k in _KINDS and "{" not in c)


def has_slug(text: str, P: Patterns) -> bool:
    rx, lx = _slug_re(P), _leg_re(P)
    return rx is not None and (rx.search(text) is not None or lx.search(text) is not None)


def slug_mentions(sent: Sentence, si: int, ms: list[Mention], P: Patterns) -> list[Mention]:
    """The sentence's mentions with those of slugs added (none inside another mention)."""
    rx = _slug_re(P)
    if rx is None:
        return ms
    types, base, added = _types(P), sent.start, []
    for m in rx.finditer(sent.text):
        word = re.sub(rf"{_SEP}+", " ", m.group("word").lower())
        tkey = types.get(word)
        if tkey is None or tkey not in (_abbreviation_types(m.group("abbr").upper()) or ()):
            continue
        s, e = base + m.start(), base + m.end()
        if any(x.start < e and s < x.end for x in ms):
            continue
        added.append(Mention(s, e, m.group(0), si, tkey, m.group("number"), m.group("code"),
                           date=m.group("year")))
    for m in _leg_re(P).finditer(sent.text):
        tkey = types.get(re.sub(rf"{_SEP}+", " ", m.group("word").lower()))
        s, e = base + m.start(), base + m.end()
        if tkey is None or (m.group("unit") or "").lower() in _unit_not(P) \
                or any(x.start < e and s < x.end for x in ms + added):
            continue
        added.append(Mention(s, e, m.group(0), si, tkey, m.group("number"), m.group("code"),
                             date=m.group("year")))
    return in_text_order(ms, added)


_TITLE_MAX = 14  # words of an unaccented title


@per_patterns
def _title_types(P: Patterns) -> dict[str, str]:
    """Unaccented type words of the types named by title (extract_lang.TITLE_TYPES)."""
    return {w: k for w, k in _types(P).items() if k in L.TITLE_TYPES}


def slug_titles(sent: Sentence, si: int, ms: list[Mention], P: Patterns) -> list[Mention]:
    """A law named by its title without diacritics right after a slug and an unaccented active
    cue, a part of it ("dieu 73") between them allowed: "… 78 2021 tt btc huong dan luat quan ly
    thue 2019 ve …". The title runs to a year (kept), a subject preposition, a type word or the
    line's end (at most _TITLE_MAX words); it is keyed as :mod:`titles` keys a law's title, so
    the accented name is the same document."""
    rx, lx, cues, ttypes = _slug_re(P), _leg_re(P), _cues(P), _title_types(P)
    if rx is None or not cues or not ttypes:
        return ms
    from partykg.ingest.extract.titles import _key  # (titles imports no slug rule)
    text, base, added = sent.text, sent.start, []
    stops = {fold(w).lower() for w in L.SUBJECT_PREPS[P.lang]} | set(_types(P)) \
        | {fold(w).lower() for w, _k in P.type_words.items()}
    parts = "|".join(re.escape(fold(w).lower()) for w in LM.ARTICLE_LABELS.get(P.lang, ()))
    for m in ms:
        if not m.code or not (rx.fullmatch(m.text) or lx.fullmatch(m.text)):
            continue
        rest = text[m.end - base:].split("\n", 1)[0]
        words = list(re.finditer(r"[a-z0-9]+", rest))
        for n in range(1, 4):  # the cue: one to three words
            if len(words) <= n or " ".join(w.group(0) for w in words[:n]) not in cues:
                continue
            k = n
            if parts and re.fullmatch(parts, words[k].group(0)) and len(words) > k + 1 \
                    and words[k + 1].group(0).isdigit():
                k += 2  # "dieu 73"
            if len(words) <= k + 2 or words[k].group(0) not in ttypes:
                break
            tkey, end, title = ttypes[words[k].group(0)], None, []
            for w in words[k + 1:k + 1 + _TITLE_MAX]:
                word = w.group(0)
                if word in stops and title:
                    break
                title.append(word)
                end = w.end()
                if re.fullmatch(r"(?:19|20)\d\d", word):
                    break
            if len(title) < 2 or not re.fullmatch(r"[a-z0-9 \t]+", rest[words[k].start():end]):
                break
            s0, e0 = m.end + words[k].start(), m.end + end
            if not any(x.start < e0 and s0 < x.end for x in ms + added):
                year = title.pop() if re.fullmatch(r"(?:19|20)\d\d", title[-1]) else None
                t = Mention(s0, e0, text[s0 - base:e0 - base], si, tkey, date=year,
                            strong=False, tail_end=e0,
                            name_key=(tkey, "title", _key(" ".join(title))))
                added.append(t)
            break
    return in_text_order(ms, added) if added else ms


def slug_relations(sent: Sentence, si: int, idx: list[int], mentions: list[Mention],
                   P: Patterns) -> list[Relation]:
    """A relation between two mentions written without diacritics (slugs, or codes after an
    unaccented type word) next to each other with an unaccented active cue between them, and
    nothing else ("… 133 2016 tt btc thay the quyet dinh so 48 …", "Thong tu 12/2020/TT-BTC
    thay the Thong tu 5/2018/TT-BTC")."""
    rx, cues = _slug_re(P), _cues(P)
    if rx is None or not cues:
        return []
    out = []
    words = _word_res(P)[0]
    slugs = [i for i in idx if mentions[i].code and (
        rx.fullmatch(mentions[i].text) or _leg_re(P).fullmatch(mentions[i].text) or (
            mentions[i].text.isascii() and words.match(mentions[i].text)))]
    parts = "|".join(re.escape(fold(w).lower()) for w in LM.ARTICLE_LABELS.get(P.lang, ()))
    titled = [i for i in idx if not mentions[i].strong and mentions[i].name_key
              and mentions[i].text.isascii()]
    for a, b in zip(slugs, slugs[1:]) if not titled else _slug_pairs(slugs, titled, mentions):
        A, B = mentions[a], mentions[b]
        gap = re.sub(rf"{_SEP}+", " ", sent.text[A.end - sent.start:B.start - sent.start]).strip().lower()
        kind = cues.get(gap)
        if kind is None and parts and not B.strong:  # "… huong dan dieu 73 luat …"
            pm = re.fullmatch(rf"(.{{1,40}}?) (?:{parts}) \d{{1,4}}", gap)
            kind = cues.get(pm.group(1)) if pm else None
        if kind is not None:
            out.append(Relation(kind, a, b, si, sent.text[A.end - sent.start:B.start - sent.start].strip()))
    return out


def _slug_pairs(slugs: list[int], titled: list[int], mentions: list[Mention]):
    """Neighbouring slug mentions, and each slug with the unaccented title that follows it."""
    both = sorted(slugs + titled, key=lambda i: mentions[i].start)
    return [(a, b) for a, b in zip(both, both[1:]) if a in slugs]
