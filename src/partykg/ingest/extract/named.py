"""Documents named without a number by the congress that adopted them: "Nghị quyết Đại hội XIV
của Đảng", "the Resolution of the 13th National Party Congress", "12th National Party
Congress's Resolution", "Résolution du premier Congrès de l'organisation provinciale du Parti",
"Resolusi Kongres ke-13".

One job: in a sentence's mentions, give such a mention its name (the span through the congress
and its ordinal) and a key (type, congress ordinal, national or local) so that every reference
to the same congress's resolution in the article is one document; a reference no type-word
rule found ("10th Party Resolution") is added. Whether the document is kept is decided as for
any unnumbered document: when it takes part in a relation (tests/data/gold/README.md, scope).
The words are in :mod:`partykg.ingest.extract_lang` (CONGRESS_*, ORDINAL_*); none is a name.
"""

from __future__ import annotations

import re

from partykg.ingest import extract_lang as L
from partykg.ingest.extract.data import Mention, Sentence, in_text_order
from partykg.ingest.extract.patterns import Patterns, _alt, per_patterns
from partykg.model.ids import fold

_NAMED_TYPES = ("resolution",)  # the scheme's concepts a congress adopts
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}
_STOP = re.compile(r"[.,;:()\[\]\n“”\"]")


def _roman(s: str) -> int | None:
    if not re.fullmatch(r"[IVXL]{1,6}", s):
        return None
    total = 0
    for a, b in zip(s, s[1:] + " "):
        v = _ROMAN[a]
        total += -v if b != " " and _ROMAN[b] > v else v
    return total


def _ordinal(tok: str, lang: str) -> int | None:
    t = tok.strip()
    m = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th|e|er|ème|ᵉ|ᵉʳ)?", t)
    if m:
        return int(m.group(1))
    if t in L.ORDINAL_WORDS[lang] or t.lower() in L.ORDINAL_WORDS[lang]:
        return L.ORDINAL_WORDS[lang].get(t, L.ORDINAL_WORDS[lang].get(t.lower()))
    return _roman(re.sub(r"(?:e|er|ème|ᵉ|ᵉʳ)$", "", t))


@per_patterns
def _regexes(P: Patterns) -> list[re.Pattern]:
    lang = P.lang
    types = _alt(w for w, k in P.type_words.items() if k in _NAMED_TYPES)
    cong = _alt(L.CONGRESS_WORDS[lang])
    links = _alt(L.CONGRESS_LINKS[lang])
    words = _alt(L.ORDINAL_WORDS[lang]) if L.ORDINAL_WORDS[lang] else None
    # (French ordinals may carry a superscript: "XIVᵉ")
    ordinal = (r"(?P<ord>(?-i:[IVXL]{1,6})(?:e|er|ème|ᵉʳ|ᵉ)?|\d{1,2}(?:st|nd|rd|th|e|er|ème|ᵉʳ|ᵉ)?"
               + (rf"|{words}" if words else "") + ")")
    prefix = (rf"(?:(?:{_alt(L.ORDINAL_PREFIX[lang])})[ \t]{{0,2}})?"
              if L.ORDINAL_PREFIX[lang] else "")
    det = r"(?:(?:the|l['’]|le|la)[ \t]{0,2})?"
    # pages glue words: "làNghị quyếtĐại hội XIVlà" (lower case meets a capital)
    head = rf"(?:(?<![\w])|(?-i:(?<=[a-zà-ỹđ])(?=[A-ZĐ])))(?P<type>{types})[ \t]{{0,2}}(?:(?:{links})[ \t]{{1,2}})?{det}"
    out = [
        # the congress word, then its ordinal: "Nghị quyết Đại hội đại biểu … lần thứ XI" (glued to
        # the next word only when two letters long or more: "XIVlà", not the "L" of "Lạc")
        re.compile(head + rf"(?P<cong>{cong})(?P<mid>(?:[ \t]{{1,2}}[^\W\d_]{{1,15}}){{0,10}}?)"
                   rf"[ \t]{{1,2}}{prefix}{ordinal}(?:(?![\w])|(?-i:(?<=[IVXL][IVXL])(?=[a-zà-ỹđ])))",
                   re.IGNORECASE),
        # the ordinal, then the congress word: "Resolution of the 13th National Party Congress"
        re.compile(head + rf"{ordinal}(?P<mid>(?:[ \t]{{1,2}}[^\W\d_]{{1,15}}){{0,3}}?)"
                   rf"[ \t]{{1,2}}(?P<cong>{cong})(?![\w])", re.IGNORECASE),
    ]
    party = _alt(L.CONGRESS_PARTY[lang]) if L.CONGRESS_PARTY[lang] else None
    if lang in ("en",):
        # before the type word: "12th National Party Congress's Resolution", "10th Party
        # Resolution"
        mid = rf"(?:(?:[A-Z][\w-]{{1,15}}[ \t]{{1,2}}){{0,3}}?(?P<cong>{cong})(?:['’]s)?"
        if party:
            mid += rf"|(?-i:{party})"
        out.append(re.compile(rf"(?<![\w-]){ordinal}[ \t]{{1,2}}(?P<mid>{mid}))[ \t]{{1,2}}"
                              rf"(?P<type>{types})(?![\w])", re.IGNORECASE))
    return out


def _about_before(before: str, lang: str) -> bool:
    """``before`` ends with a subject preposition ("… về ", "… on "): what follows is the
    subject of the document named before it, not a document of its own."""
    from partykg.ingest.extract_lang import SUBJECT_PREPS

    b = before.rstrip(" \t").lower()
    return any(b == w or b.endswith(" " + w) for w in SUBJECT_PREPS.get(lang, ()))


def cue_after(text: str, te: int, P: Patterns, ts: int | None = None) -> bool:
    """An implementing cue right after a capitalised type word: the document is named by its
    purpose ("Programme d'action pour la mise en œuvre de …"); a finite verb after a bare
    type word ("Instruksi menggantikan …") is said of a document named before. Not in
    English, whose headlines capitalise every word (there a determiner is needed), nor after a
    subject preposition (the subject of the document named before: ``ts``, the type word's
    start, given)."""
    if P.lang == "en" or text[te:te + 1] != " ":
        return False
    if ts is not None and _about_before(text[max(0, ts - 20):ts], P.lang):
        return False  # "Nghị quyết số … về Kế hoạch triển khai …": the resolution's content
    cm = P.cue_re.match(text, te + 1)
    info = P.cue_info.get(re.sub(r"\s+", " ", cm.group(0).lower())) if cm else None
    return bool(info and info[0] == "implements")


def possessive_named(text: str, ts: int, bodies: list, base: int, P: Patterns) -> bool:
    """English: a capitalised type word after a body's possessive names one document as a
    determiner does ("the draft Government's Action Program to implement …")."""
    if P.lang != "en":
        return False
    pm = re.search(r"['’]s[ \t]{1,2}$", text[max(0, ts - 6):ts])
    return bool(pm) and any(b.end == base + ts - len(pm.group(0)) for b in bodies)


def key_possessive(sent: Sentence, ms: list[Mention], bodies: list, P: Patterns) -> None:
    """A plan or programme named by its body's possessive ("the Government's Action Program")
    takes that body as issuer and a key (type, body): its references are one document."""
    for m in ms:
        if m.strong or m.name_key is not None or m.type not in _LOWER_NAMED:
            continue
        ts = m.start - sent.start
        if not possessive_named(sent.text, ts, bodies, sent.start, P):
            continue
        pm = re.search(r"['’]s[ \t]{1,2}$", sent.text[max(0, ts - 6):ts])
        body = next(b for b in bodies if b.end == m.start - len(pm.group(0)))
        m.issuer = m.issuer or body
        m.name_key = (m.type, "possessive", body.match_key)


def possessive_to_header(mentions: list[Mention], relations: list, header: int | None,
                         text: str = "", lang: str = "en") -> None:
    """In a document's own text (a header), a programme named by possessive is that document's
    content ("No. NN/NQ-CP … The Government's Action Program to implement X"): its relations are
    the header document's (none twice); not one another numbered document of its sentence
    promulgates ("… assigned in the Government's Resolution No. NN/NQ-CP, promulgating the
    Government's Program of Action to implement X": the resolution's, found by promulgates)."""
    if header is None:
        return
    have = {(r.kind, r.source, r.target) for r in relations}
    for r in list(relations):
        for end in ("source", "target"):
            i = getattr(r, end)
            m = mentions[i]
            if m.name_key and m.name_key[1:2] == ("possessive",) and not m.strong \
                    and not _promulgated_by_other(mentions, i, header, text, lang):
                setattr(r, end, header)
        if (r.kind, r.source, r.target) in have - {(r.kind, r.source, r.target)} \
                or r.source == r.target:
            relations.remove(r)
        have.add((r.kind, r.source, r.target))


MAX_PROMULGATED = 170  # from a numbered document to the programme it promulgates


def _promulgated_by_other(mentions: list[Mention], i: int, header: int, text: str,
                          lang: str) -> bool:
    """Mention ``i`` follows, in its sentence, a numbered document other than the header's
    whose phrase promulgates it ("Resolution No. NN, promulgating the Government's Program")."""
    m = mentions[i]
    prev = next((mentions[j] for j in range(i - 1, -1, -1)
                 if mentions[j].sentence == m.sentence and mentions[j].end <= m.start), None)
    if prev is None or not prev.strong or not text or m.start - prev.end > MAX_PROMULGATED:
        return False
    hd = mentions[header]
    if (prev.code and hd.code and prev.code == hd.code) or prev is hd:
        return False
    words = L.PROMULGATES.get(lang, ())
    gap = text[prev.end:m.start]
    return bool(words) and re.search(rf"(?<![\w])(?:{_alt(words)})(?![\w])", gap,
                                     re.IGNORECASE) is not None


_LOWER_NAMED = ("plan", "programme")  # the scheme's concepts written in lower case by name


def lower_named(text: str, ts: int, te: int, tkey: str | None, P: Patterns,
                bodies: list, base: int) -> bool:
    """A plan or programme written in lower case that names one document: its issuer's name
    right after ("kế hoạch của Ban Thường vụ Tỉnh ủy về …", "le plan du Comité populaire
    provincial"); "có kế hoạch thực hiện …" (having a plan) names none. Kept, as any unnumbered
    document, only in a relation."""
    if tkey not in _LOWER_NAMED:
        return False
    if issued_for(text, ts, te, P):
        return True
    vm = P.issue_verb_re.search(text, max(0, ts - 40), ts)
    if text[te:te + 1] == " " and vm and vm.group(0).strip().lower() not in L.HAVE_VERBS[P.lang]:
        # "ban hành chương trình hành động thực hiện …", "issues action plan to implement …":
        # issued, and named by its purpose
        cm = P.cue_re.match(text, te + 1)
        info = P.cue_info.get(re.sub(r"\s+", " ", cm.group(0).lower())) if cm else None
        if info and info[0] == "implements":
            return True
    im = P.issuer_prep_re.match(text, te)
    if not im or not im.group(0).strip(" ,"):
        return False
    at = base + im.end()
    return any(b.start == at and b.text[:1].isupper() for b in bodies)


def issuer_named(text: str, te: int, P: Patterns, bodies: list, base: int) -> bool:
    """A capitalised plan or programme followed by its issuer's name and an implementing cue
    names one document, determiner or not ("…, Plan of the Provincial People's Committee to
    implement Resolution No. NN")."""
    if text[te:te + 1] != " ":
        return False
    im = P.issuer_prep_re.match(text, te)
    if not im or not im.group(0).strip(" ,"):
        return False
    body = next((b for b in bodies if b.start == base + im.end() and b.text[:1].isupper()), None)
    if body is None:
        return False
    rest = text[body.end - base:]
    cm = P.cue_re.match(text, body.end - base + len(rest) - len(rest.lstrip(" \t")))
    info = P.cue_info.get(re.sub(r"\s+", " ", cm.group(0).lower())) if cm else None
    return bool(info and info[0] == "implements" and info[1] == "active")


@per_patterns
def _cue_before_re(P: Patterns) -> re.Pattern:
    return re.compile(rf"(?:{P.cue_re.pattern})[ \t]{{1,2}}$", P.cue_re.flags)


def cue_before_named(text: str, ts: int, te: int, P: Patterns) -> bool:
    """A capitalised type word right after an active implementing or continuing cue and right
    before its issuer's preposition names one document, determiner or not ("… on continuing
    implementation of Resolution of the 4th Party Central Committee (tenure 11)", "to implement
    Resolution of the Provincial Party Congress")."""
    if text[te:te + 1] != " " or not P.issuer_prep_re.match(text, te) \
            or not P.issuer_prep_re.match(text, te).group(0).strip(" ,"):
        return False
    cm = _cue_before_re(P).search(text, max(0, ts - 80), ts)
    if cm is None:
        return False
    info = P.cue_info.get(re.sub(r"\s+", " ", cm.group(0).strip().lower()))
    return bool(info and info[0] in ("implements", "continues") and info[1] == "active")


def issued_for(text: str, ts: int, te: int, P: Patterns) -> bool:
    """A lower-case plan or programme right after an issuing verb and right before an
    implementing or continuing cue names the document issued: "ban hành chương trình hành
    động thực hiện Nghị quyết …", "vừa ban hành kế hoạch tiếp tục … thực hiện …". A bare verb
    ("có kế hoạch thực hiện": having a plan) says nothing was issued."""
    if text[te:te + 1] != " ":
        return False
    vm = P.issue_verb_re.search(text[max(0, ts - 30):ts])
    if vm is None or vm.start() > 0 and text[max(0, ts - 30) + vm.start() - 1].isalpha():
        return False
    verb = re.sub(r"\s+", " ", vm.group(0).strip().lower())
    if verb in L.BARE_VERBS.get(P.lang, ()):
        return False
    cm = P.cue_re.match(text, te + 1)
    info = P.cue_info.get(re.sub(r"\s+", " ", cm.group(0).lower())) if cm else None
    if cm and info is None:
        from partykg.ingest.extract.relations import _cue_lookup
        info = _cue_lookup(P, re.sub(r"\s+", " ", cm.group(0).lower()))
    return bool(info and info[0] in ("implements", "continues") and info[1] == "active")


def vi_id_named(text: str, te: int, P: Patterns) -> bool:
    """Vietnamese/Indonesian: a capitalised type name refers to one document when a capitalised
    name or 'của/dari …' follows ("Nghị quyết Đại hội …", "Resolusi Kongres …")."""
    nxt = re.compile(r"[ \t]{1,2}(\S+)").match(text, te)
    if not nxt:
        return False
    w = nxt.group(1)
    return w[:1].isupper() or w.lower() in ("của", "dari")


def _local(text: str, m: re.Match, P: Patterns) -> bool:
    """A local congress: a local word in the name or in what follows it, up to punctuation or
    the next type word."""
    tail = text[m.end():m.end() + 60]
    for cut in (_STOP.search(tail), P.type_re.search(tail)):
        if cut:
            tail = tail[:cut.start()]
    window = fold((m.group("mid") or "") + " " + tail).lower()
    return any(re.search(rf"(?<![\w]){re.escape(fold(w).lower())}(?![\w])", window)
               for w in L.CONGRESS_LOCAL[P.lang])


def name_congresses(sent: Sentence, si: int, ms: list[Mention], P: Patterns) -> list[Mention]:
    """The sentence's mentions, with the congresses' resolutions named and keyed (see the
    module's docstring); list_head indexes (sentence-local) kept right."""
    low = fold(sent.text).lower()
    if not any(fold(w).lower() in low for w in L.CONGRESS_WORDS[P.lang] + L.CONGRESS_PARTY[P.lang]):
        return ms
    text, base = sent.text, sent.start
    found: list[tuple[int, int, str, tuple]] = []
    for rx in _regexes(P):
        for m in rx.finditer(text):
            n = _ordinal(m.group("ord"), P.lang)
            end = m.end()
            later = _prefixed_ordinal(text, end, P)
            if later is not None:  # "Đảng bộ Quận 1 lần thứ IX": the number was the name's
                n, end = later
            if n is None or not 0 < n < 40:
                continue
            tkey = P.type_words.get(re.sub(r"\s+", " ", m.group("type").lower()))
            if tkey is None:
                continue
            key = (tkey, "congress", n, _local(text, m, P))
            found.append((m.start(), end, tkey, key))
    if not found:
        return ms
    out = place_named(sent, si, ms, found)
    if P.lang == "vi":
        for x in out:  # "Nghị quyết Đại hội XIII của Đảng và …": the Party's, in its phrase
            if x.name_key and x.name_key[1] == "congress" and x.tail_end <= x.end:
                im = _party_of(P).match(text, x.end - base)
                if im:
                    x.tail_end = base + im.end()
    return out


@per_patterns
def _party_of(P: Patterns) -> re.Pattern:
    """An issuer preposition and a body name after a congress's name, up to a stop word or
    punctuation ("của Đảng", "của Đảng bộ Khối")."""
    stop = _alt(L.VI_BODY_STOP)
    rx = re.compile(rf"[ \t]{{1,2}}(?:{_alt(L.ISSUER_PREPS[P.lang])})[ \t]{{1,2}}(?-i:[A-ZĐ])"
                    rf"[^\W\d_]{{0,15}}(?:[ \t]{{1,2}}(?!(?:{stop})(?![\w]))[^\W\d_]{{1,15}}){{0,4}}",
                    re.IGNORECASE)
    return rx


def _prefixed_ordinal(text: str, end: int, P: Patterns) -> tuple[int, int] | None:
    """(ordinal, end) of an ordinal with its prefix right after a congress's name that ended on
    a bare number ("Đại hội Đảng bộ Quận 1 lần thứ IX": the 9th congress of District 1), or
    None."""
    if not L.ORDINAL_PREFIX[P.lang]:
        return None
    om = re.compile(rf"[ \t]{{1,2}}(?:{_alt(L.ORDINAL_PREFIX[P.lang])})[ \t]{{1,2}}"
                    r"(?P<ord>(?-i:[IVXL]{1,6})|\d{1,2})(?![\w])", re.IGNORECASE).match(text, end)
    return (_ordinal(om.group("ord"), P.lang), om.end()) if om else None


def place_named(sent: Sentence, si: int, ms: list[Mention],
                found: list[tuple[int, int, str, tuple]],
                keep_anaphor: bool = False) -> list[Mention]:
    """Give each found name (sentence offsets, type, key) to the unnumbered mention of its type
    word, or add a mention; a numbered mention there keeps its place and takes the key (the
    same name elsewhere is then that document). ``keep_anaphor``: a named mention may still
    refer back to a numbered one ("the Law on X No. 78/…" … "the Law on X")."""
    text, base = sent.text, sent.start
    out = list(ms)
    added = []
    for s, e, tkey, key in sorted(found):
        over = [x for x in out if x.start - base < e and s < x.end - base]
        if any(x.name_key for x in over):
            continue
        if any(x.strong for x in over):
            strong = [x for x in over if x.strong]
            if len(strong) == 1 and strong[0].start - base <= s:
                strong[0].name_key = key
            continue
        if over:
            x = over[0]
            x.start, x.end = min(x.start, base + s), max(x.end, base + e)
            x.text = text[x.start - base:x.end - base]
            x.name_key = key
            x.anaphor = x.anaphor and keep_anaphor
            x.tail_end = max(x.tail_end, x.end)
        else:
            nm = Mention(base + s, base + e, text[s:e], si, tkey, strong=False, name_key=key)
            nm.tail_end = nm.end
            added.append(nm)
    return in_text_order(out, added)


def bare_congresses(text: str, mentions: list[Mention], P: Patterns) -> None:
    """ "Nghị quyết Đại hội" with no ordinal after the congress word names the article's congress
    resolution when the article names exactly one (one key of that type): it takes that key."""
    keys = {m.name_key for m in mentions if m.name_key and m.name_key[1:2] == ("congress",)}
    if not keys:
        return
    cong = re.compile(rf"[ \t]{{1,2}}(?:{_alt(L.CONGRESS_WORDS[P.lang])})(?![\w])(?P<rest>[ \t]{{0,2}}\S{{0,12}})")
    # the term each named congress is given ("… lần thứ VII, nhiệm kỳ 2020-2025"): a bare
    # reference with another term ("Nghị quyết Đại hội … nhiệm kỳ 2015-2020") is an earlier
    # congress's, not this one's
    terms: dict[tuple, set[str]] = {}
    for m in mentions:
        if m.name_key in keys:
            tm = _TERM.search(text[m.end:m.end + 40])
            if tm:
                terms.setdefault(m.name_key, set()).add(_term(tm))
    for m in mentions:
        if m.strong or m.name_key is not None or m.type not in _NAMED_TYPES:
            continue
        cm = cong.match(text, m.end)
        if cm is None:
            continue
        if _ordinal_after(cm.group("rest"), P.lang):
            # "Nghị quyết Đại hội Đại biểu Đảng bộ Quận": a local congress named without its
            # ordinal is the article's one local congress's
            local = _local_unnumbered(text, cm.start("rest"), P)
            mine = [k for k in keys if k[0] == m.type and k[3]] if local else []
        else:
            mine = [k for k in keys if k[0] == m.type]
        if len(mine) == 1:
            span = re.split(r"[.;:()\[\]\n]", text[m.end:m.end + 90])[0]
            tm = _TERM.search(span)
            if tm and terms.get(mine[0]) and _term(tm) not in terms[mine[0]]:
                continue
            m.name_key = mine[0]


_TERM = re.compile(r"(?<!\d)((?:19|20)\d\d)[ \t]{0,2}[-–][ \t]{0,2}((?:19|20)\d\d)(?!\d)")


def _term(tm: re.Match) -> str:
    return f"{tm.group(1)}-{tm.group(2)}"


def _local_unnumbered(text: str, pos: int, P: Patterns) -> bool:
    """The words after a congress word up to punctuation name a local Party organisation and
    hold no ordinal (no number, Roman numeral or ordinal prefix)."""
    span = re.split(r"[.,;:()\[\]\n\"“”]", text[pos:pos + 70])[0]
    words = span.split()
    if not words or any(re.fullmatch(r"\d{1,3}|[IVXL]{1,6}", w) for w in words):
        return False
    low = fold(span).lower()
    if any(re.search(rf"(?<![\w]){re.escape(fold(w).lower())}(?![\w])", low)
           for w in L.ORDINAL_PREFIX[P.lang]):
        return False
    return any(re.search(rf"(?<![\w]){re.escape(fold(w).lower())}(?![\w])", low)
               for w in L.CONGRESS_LOCAL[P.lang])


def _ordinal_after(rest: str, lang: str) -> bool:
    """Does the word after the congress word start an ordinal or a name ("XIV", "lần thứ", "Đảng
    bộ …")? Then the congress is named, not bare."""
    w = rest.strip()
    if not w:
        return False
    return w[:1].isupper() or w[:1].isdigit() or _ordinal(w.rstrip(".,;:"), lang) is not None
