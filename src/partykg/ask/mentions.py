"""Every mention in a question, wherever it stands: documents (codes, short forms such as
"NQ 02/2021", "QĐ 209", "ct51", a type and a number, names), bodies, people, posts, events,
terms (names as the graph holds them, in any language), document types, statuses, years and
dates. Names and type words come from the graph (:mod:`partykg.ask.lexicon`); nothing here
names an entity.

A name one edit away from exactly one name of the graph is read as that name, and the mention
says so (``read_as``).
"""

from __future__ import annotations

import re
from partykg.records import dataclass, field

import pyoxigraph as ox

from partykg.ask import lexicon
from partykg.ask.resolve import describe
from partykg.model import ids
from partykg.store import queries
from partykg.ask.names import (NAMED_KINDS, _TOKEN, _composed_names, _fuzzy_names,  # noqa: F401
                               _incomplete_names, _leftover_words, _names, _names_starting,
                               _partial_names, _type_and_name, by_type, edit1, name_heads,
                               name_index)
from partykg.lazyre import lazy  # compiled when first used (cold start)


PLACEHOLDER = {"document": "DOC", "body": "BODY", "person": "PERSON", "post": "POST",
               "event": "EVENT", "term": "TERM"}


@dataclass
class Mention:
    kind: str                  # entity | type | status | year | date
    start: int                 # offsets in the folded question
    end: int
    text: str                  # as the question writes it
    candidates: list[str] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)
    how: str = ""
    read_as: str | None = None  # what a misspelt or short mention was read as
    value: object = None        # year (int), date (str), status IRI, type concepts (set)
    shape: str | None = None    # "document" for a mention shaped like one (a code, type + number)
    year: int | None = None     # a year qualifying a document mention ("of 2023", "/2021")

    def kinds(self, kg) -> set[str]:
        return {describe(kg, c)["kind"] for c in self.candidates}

    def placeholder(self, kg) -> str:
        if self.kind == "type" and self.shape == "plural":
            return "TYPES"
        if self.kind != "entity":
            return self.kind.upper()
        ks = self.kinds(kg) or ({self.shape} if self.shape else set())
        if len(ks) == 1:
            return PLACEHOLDER.get(next(iter(ks)), "ENTITY")
        return "ENTITY"


@dataclass
class Found:
    question: str
    folded: str
    mentions: list[Mention]
    masked: str

    def entities(self) -> list[Mention]:
        return [m for m in self.mentions if m.kind == "entity"]

    def of(self, kind: str) -> list[Mention]:
        return [m for m in self.mentions if m.kind == kind]


def fold_map(text: str) -> tuple[str, list[int]]:
    """``text`` folded to lower-case ASCII (other characters as spaces), with the index in
    ``text`` of each folded character."""
    out, pos = [], []
    for i, ch in enumerate(text):
        if ch in _KEPT:  # (as it is: most characters of a question)
            out.append(ch)
            pos.append(i)
            continue
        f = ids.fold(ch.replace("œ", "oe").replace("Œ", "oe")).lower()
        f = "".join(c if c in _KEPT else " " for c in f) if f else " "
        out.append(f)
        pos.extend([i] * len(f))
    return "".join(out), pos


_KEPT = frozenset("abcdefghijklmnopqrstuvwxyz0123456789/@.-")  # what the folded question keeps
_AZ = frozenset("abcdefghijklmnopqrstuvwxyz")
_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
_SPACES = "".join(chr(i) if chr(i) in _ALNUM else " " for i in range(128))


def _letters_and_digits(text: str) -> str:
    """``" ".join(re.sub(r"[^A-Za-z0-9]+", " ", text).split())`` (str.translate on ASCII, which
    the masked question is: no regex on a cold start)."""
    if text.isascii():
        return " ".join(text.translate(_SPACES).split())
    return " ".join(re.sub(r"[^A-Za-z0-9]+", " ", text).split())


def find(kg, question: str) -> Found:
    folded, pos = fold_map(question)
    taken: list[tuple[int, int]] = []
    mentions: list[Mention] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    def add(m: Mention) -> None:
        m.text = question[pos[m.start]:pos[m.end - 1] + 1] if m.end > m.start else ""
        mentions.append(m)
        taken.append((m.start, m.end))

    _codes(kg, folded, add, free)
    _names(kg, folded, add, free)
    _composed_names(kg, folded, mentions, taken)
    _typed_numbers(kg, folded, add, free)
    _code_suffixes(kg, question, folded, pos, add, free)
    _posts_by_role(kg, folded, mentions, taken)
    _dates(folded, add, free)
    if _leftover_words(folded, free) >= 2 or not any(m.kind == "entity" for m in mentions):
        _fuzzy_names(kg, folded, mentions, taken)
        _posts_by_role(kg, folded, mentions, taken)
        _partial_names(kg, question, folded, pos, mentions, taken)
        if any(m.kind == "entity" and m.how == "words of a name" for m in mentions):
            from partykg.ask.lacking import lacking_names  # before a role makes it a post

            lacking_names(kg, question, folded, pos, mentions)
        _posts_by_role(kg, folded, mentions, taken)
    _type_and_name(kg, folded, mentions, taken)
    if not any(m.kind == "entity" for m in mentions):
        _bare_number(kg, folded, add, free)
    _words(kg, folded, add, free, [m for m in mentions if m.kind == "entity"])
    _qualify(kg, folded, mentions)
    if any(m.kind == "entity" and m.how == "name" for m in mentions):
        from partykg.ask.names import _longer_person_names

        _longer_person_names(kg, question, folded, pos, mentions)
    if any(m.kind == "entity" and len(m.candidates) > 1 for m in mentions):
        from partykg.ask.names import _unknown_qualifier

        _unknown_qualifier(kg, question, folded, pos, mentions)
    mentions.sort(key=lambda m: m.start)
    for m in mentions:
        m.text = question[pos[m.start]:pos[m.end - 1] + 1] if m.end > m.start else m.text
    _incomplete_names(kg, folded, mentions)
    if any(m.kind == "entity" and m.how == "words of a name" and m.candidates for m in mentions):
        from partykg.ask.lacking import lacking_names

        lacking_names(kg, question, folded, pos, mentions)
    masked, last = [], 0
    for m in mentions:
        masked.append(folded[last:m.start])
        masked.append(f" {m.placeholder(kg)} ")
        last = m.end
    masked.append(folded[last:])
    text = _letters_and_digits("".join(masked))
    return Found(question, folded, mentions, text)


# --- codes ----------------------------------------------------------------------------------------

# A code in the folded question (:func:`fold_map`: lower-case ASCII letters, digits, ``/@.-`` and
# spaces only): on such text this is :data:`partykg.ask.resolve._CODE` (``[A-Za-zĐđ]`` can only
# meet ``[a-z]``, ``\w`` only ``[a-z0-9]``; a test checks both find the same matches), without
# the letters beyond Latin-1 that make a pattern compile into a big table (issue 13).
_CODE = lazy(
    rf"(?<![a-z0-9/])({ids.CODE_NUMBER}\s*-\s*[a-z]+\s*/\s*[a-z0-9]+"
    rf"|{ids.CODE_NUMBER}\s*/\s*(?:\d{{4}}\s*/\s*)?[a-z]+\s*-\s*[a-z0-9]+(?:-[a-z0-9]+)*)"
    r"(?:\s*@\s*(\d{4}-\d{2}-\d{2}))?", needs=("-", "/"))
_SHORT_CODE = lazy(r"(?<![a-z0-9])(?P<abbr>[a-z]{1,6})\s*(?P<num>\d{1,4}[a-z]?)\s*/\s*"
                         r"(?P<tail>(?:19|20)\d\d|[a-z]{2,10})(?![a-z0-9])", needs=("/",))


def _codes(kg, folded: str, add, free) -> None:
    for m in _CODE.finditer(folded):
        try:
            code = ids.parse_code(m.group(1))
        except ids.CodeError:
            continue
        rows = queries.run(kg, "lookup-code", {"key": ox.Literal(ids.code_key(code.text))})
        if m.group(2):
            rows = [r for r in rows if r["date"] is not None and r["date"].value == m.group(2)]
        cands = list(dict.fromkeys(r["doc"].value for r in rows))
        start = m.start()
        tb = type_before(kg, folded, start)
        if tb and not tb[2]:
            start = tb[0]
        men = Mention("entity", start, m.end(), "", cands, how="code", shape="document")
        if not cands:
            men.suggestions = _by_number(kg, code.number)[:8]
        add(men)
    for m in _SHORT_CODE.finditer(folded):
        if not free(m.start(), m.end()):
            continue
        notations = lexicon.type_notations(kg)
        if ids.code_key(m["abbr"]) not in notations:
            continue
        tail = m["tail"]
        if tail.isdigit():  # "NQ 02/2021": a type, a number and a year
            concepts = notations[ids.code_key(m["abbr"])]
            cands, note = _typed(kg, concepts, m["num"])
            cands = [c for c in cands if (describe(kg, c).get("date") or "").startswith(tail)]
            add(Mention("entity", m.start(), m.end(), "", cands, how="type, number and year",
                        shape="document", read_as=note, year=int(tail)))
            continue
        text = f"{m['num']}-{m['abbr']}/{tail}"
        rows = queries.run(kg, "lookup-code", {"key": ox.Literal(ids.code_key(text))})
        cands = list(dict.fromkeys(r["doc"].value for r in rows))
        add(Mention("entity", m.start(), m.end(), "", cands, how="code", shape="document",
                    read_as=text.upper() if cands else None,
                    suggestions=[] if cands else _by_number(kg, m["num"])[:8]))


def _code_suffixes(kg, question: str, folded: str, pos: list, add, free) -> None:
    """A code suffix written in capitals ("ĐUQH", "UBKTTW"): the bodies whose codes end so."""
    words = [t for t in _TOKEN.finditer(folded) if free(t.start(), t.end()) and len(t.group()) >= 2
             and question[pos[t.start()]:pos[t.end() - 1] + 1].isupper()]
    if not words:
        return
    c = lexicon._cache(kg)
    if "code_suffixes" not in c:
        c["code_suffixes"] = {}
        for r in queries.run(kg, "code-suffixes"):
            c["code_suffixes"].setdefault(ids.code_key(r["suffix"].value), []).append(r["body"].value)
    for t in words:
        bodies = c["code_suffixes"].get(ids.code_key(t.group()))
        if bodies:
            add(Mention("entity", t.start(), t.end(), "", sorted(set(bodies)), how="code suffix"))


def _by_number(kg, number: str) -> list[str]:
    rows = queries.run(kg, "lookup-number", {"number": ox.Literal(ids.number_key(number))})
    return list(dict.fromkeys(r["doc"].value for r in rows))


def _typed(kg, concepts: set[str], number: str) -> tuple[list[str], str | None]:
    """Documents of one of ``concepts`` with ``number``; when none, those whose type the sources
    leave unknown but whose code allows the type (a QĐ code: Regulation or Decision)."""
    rows = queries.run(kg, "lookup-number", {"number": ox.Literal(ids.number_key(number))})
    exact = list(dict.fromkeys(r["doc"].value for r in rows if r["type"].value in concepts))
    if exact:
        return exact, None
    notations = lexicon.type_notations(kg)
    allowed = []
    for r in rows:
        d = describe(kg, r["doc"].value)
        code = d.get("code")
        if not code or (d.get("type") and not d["type"].endswith("/unclassified")):
            continue  # only a document whose type the sources leave unknown
        try:
            abbr = ids.parse_code(code).type
        except (ids.CodeError, AttributeError):
            continue
        if notations.get(ids.code_key(abbr), set()) & concepts:
            allowed.append(r["doc"].value)
    allowed = list(dict.fromkeys(allowed))
    if allowed:
        return allowed, "code"
    return [], None


# --- a type and a number --------------------------------------------------------------------------

_NUM_RX: list = []


def _num_regex() -> re.Pattern:
    """A document number, and a year qualifying it ("02/2021", "02 (2023)", "02 of 2023"), in
    the folded question (no en dash there: a class with one compiles into a big table)."""
    if not _NUM_RX:
        years = "|".join(lexicon.cues()["year_words"])
        _NUM_RX.append(re.compile(
            r"(?<![0-9/.])(?<![0-9]-)(?P<num>\d{1,4}[a-z]?)(?![0-9]|\s*-\s*[a-z]|/[a-z]|\s*-\s*\d)"
            r"(?:\s*/\s*(?P<y1>(?:19|20)\d\d)(?![0-9])|\s*\(\s*(?P<y2>(?:19|20)\d\d)\s*\)"
            rf"|\s+(?:{years})\s+(?P<y3>(?:19|20)\d\d)(?![0-9]))?"))
    return _NUM_RX[0]


_WORD = lazy(r"[a-z]+")


def type_before(kg, folded: str, end: int) -> tuple[int, set[str], str | None] | None:
    """The type word just before ``end`` ("Chỉ thị số", "Directive No.", "ct"): (start, type
    concepts, how it was read when misspelt), or None."""
    words = lexicon.type_words(kg)
    head = folded[max(0, end - 60):end]
    base = end - len(head)
    toks = [(base + m.start(), base + m.end(), m.group()) for m in _WORD.finditer(head)]
    if not toks or folded[toks[-1][1]:end].strip(" .:#°-") != "":
        return None
    if toks[-1][2] in lexicon.cues()["number_words"] and len(toks) > 1 \
            and folded[toks[-2][1]:toks[-1][0]].strip(" .") == "":
        toks = toks[:-1]
    for n in range(min(4, len(toks)), 0, -1):
        part = toks[-n:]
        if any(folded[x[1]:y[0]].strip() for x, y in zip(part, part[1:])):
            continue
        key = " ".join(t[2] for t in part)
        if key in words:
            return part[0][0], words[key], None
    last = toks[-1][2]
    if len(last) >= 5:  # a misspelt type word one edit away from exactly one ("Directiv 51")
        near = {w for w in words if " " not in w and len(w) >= 6 and edit1(last, w)}
        if len({w.rstrip("s") for w in near}) == 1:
            return toks[-1][0], set().union(*(words[w] for w in near)), f"{last} -> {sorted(near)[0]}"
    return None


def _typed_numbers(kg, folded: str, add, free) -> None:
    if not any(d in folded for d in "0123456789"):
        return  # every match holds a digit (the folded question's are ASCII): nothing to compile
    for m in _num_regex().finditer(folded):
        if not free(m.start(), m.end()):
            continue
        tb = type_before(kg, folded, m.start())
        if tb is None or not free(tb[0], m.end()):
            continue
        start, concepts, read = tb
        if re.fullmatch(r"(?:19|20)\d\d", m["num"]) and not _typed(kg, concepts, m["num"])[0]:
            continue  # "conclusions 2025": a year, when no such document has that number
        if read:
            read = f"{folded[start:m.end()]} -> {read.split(' -> ')[1]} {m['num']}"
        _add_typed(kg, m, start, concepts, read, add)


_BARE = lazy(r"(?<![0-9a-z/.-])(\d{1,4})(?![0-9a-z/-])")


def _bare_number(kg, folded: str, add, free) -> None:
    """A number alone ("209", "what is 209"): every document with that number."""
    for m in _BARE.finditer(folded):
        if not free(m.start(), m.end()) or re.fullmatch(r"(?:19|20)\d\d", m.group(1)):
            continue
        cands = _by_number(kg, m.group(1))
        add(Mention("entity", m.start(), m.end(), "", cands, how="number", shape="document"))
        return


def _add_typed(kg, m, start, concepts, read, add) -> None:
    cands, note = _typed(kg, concepts, m["num"])
    year = next((m.group(g) for g in ("y1", "y2", "y3") if m.group(g)), None)
    men = Mention("entity", start, m.end(), "", cands, how="type and number", shape="document",
                  year=int(year) if year else None)
    if year:
        men.candidates = [c for c in cands if (describe(kg, c).get("date") or "").startswith(year)]
    if note == "code":
        men.how = "number, and a code that allows the type"
    if read:
        men.read_as = read
    if not men.candidates:
        from partykg.ask.resolve import _suggest_names

        men.suggestions = _by_number(kg, m["num"])[:8] or _suggest_names(kg, m.string[start:m.end()])
    add(men)


# --- names ----------------------------------------------------------------------------------------



_TRAILING_OF = r"(?:\s|^)(?:of the|of|du|de la|des|de|cua|the)$"
_OF_WORDS = ("of the", "of", "du", "de la", "des", "de", "cua", "the")


def _without_trailing_of(text: str) -> str:
    """``re.sub(_TRAILING_OF, "", text)`` with string methods (the regex for a text ending in a
    newline, where ``$`` also matches before it): the leftmost match runs to the end, so it is
    the whole text when that is one of the words, else the longest of the words after a space."""
    if text.endswith("\n"):
        return re.sub(_TRAILING_OF, "", text)
    if text in _OF_WORDS:
        return ""
    cut = -1
    for w in _OF_WORDS:
        k = len(text) - len(w) - 1
        if k >= 0 and text.endswith(w) and text[k].isspace() and (cut < 0 or k < cut):
            cut = k
    return text if cut < 0 else text[:cut]


def _owner_stripped(kg, before: str, body: str) -> str:
    """"secretary of the ministry's BODY": the owner ("the ministry's") is a word of the body's own
    name; the role stands before it."""
    if not (before.endswith(" s") or before.endswith(" s\n")):
        return before  # every match ends with " s" (at the end): none here, nothing compiled
    m = re.search(r"(?:\s|^)(?:of the |of |the )?((?:[a-z]+ ){1,3})s$", before)
    if not m:
        return before
    heads = name_heads(kg).get(body, [])
    owner = m.group(1).split()
    if any(set(owner) <= set(n) for n in heads):
        return before[:m.start()].rstrip()
    return before


def _posts_by_role(kg, folded: str, mentions: list[Mention], taken: list) -> None:
    """"the secretary of BODY", "bí thư BODY": a role word before a body is that body's post."""
    if not any(m.kind == "entity" and len(m.candidates) == 1 and m.kinds(kg) == {"body"}
               for m in mentions):
        return
    roles = lexicon.post_roles(kg)
    if not roles:
        return
    for m in list(mentions):
        if m.kind != "entity" or len(m.candidates) != 1 or m.kinds(kg) != {"body"}:
            continue
        before = folded[:m.start].rstrip()
        before = _without_trailing_of(before).rstrip()
        before = _owner_stripped(kg, before, m.candidates[0])
        words = before.split()
        for n in range(min(5, len(words)), 0, -1):
            role = " ".join(words[-n:])
            posts = roles.get(role, {})
            if m.candidates[0] in posts:
                start = len(before) - len(role)
                for o in [o for o in mentions if o is not m and o.start < m.start and o.end > start]:
                    mentions.remove(o)  # "secretary of the ministry" inside "ROLE of OWNER's BODY"
                    taken.remove((o.start, o.end))
                taken.remove((m.start, m.end))
                m.start = start
                m.candidates = [posts[m.candidates[0]]]
                m.how = "post: role and body"
                taken.append((m.start, m.end))
                break
        else:  # the role after the body ("the MOFA party office chief", "BODY's secretary")
            rest = folded[m.end:m.end + 60]
            toks = list(re.finditer(r"[a-z]+", rest)) if not _AZ.isdisjoint(rest) else []
            if toks and toks[0].group() == "s" and rest[:toks[0].start()].strip() == "":
                toks = toks[1:]  # "BODY's"
            toks = toks[:3]
            for n in range(len(toks), 0, -1):
                if rest[:toks[0].start()].strip() or any(
                        rest[x.end():y.start()].strip() for x, y in zip(toks[:n], toks[1:n])):
                    continue
                posts = roles.get(" ".join(t.group() for t in toks[:n]), {})
                if m.candidates[0] in posts:
                    taken.remove((m.start, m.end))
                    m.end = m.end + toks[n - 1].end()
                    m.candidates = [posts[m.candidates[0]]]
                    m.how = "post: body and role"
                    taken.append((m.start, m.end))
                    break


# --- dates, years, statuses, types ----------------------------------------------------------------

_DATE_RX: list = []
_YEAR = lazy(r"(?<![0-9a-z-])((?:19|20)\d\d)(?![0-9])", needs=("19", "20"))


def _date_patterns() -> list:
    if not _DATE_RX:
        mon = "|".join(sorted((re.escape(m) for m in lexicon.months()), key=len, reverse=True))
        _DATE_RX.extend((re.compile(p), f) for p, f in [
            (r"(?<![0-9])(\d{4})-(\d{1,2})-(\d{1,2})(?![0-9])", "ymd"),
            (r"(?<![0-9/])(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?![0-9])", "dmy"),
            (rf"(?<![0-9])(\d{{1,2}})(?:er|st|nd|rd|th)?\s+({mon})\s+(\d{{4}})(?![0-9])", "dMy"),
            (rf"(?<![a-z])({mon})\s+(\d{{1,2}})\s+(\d{{4}})(?![0-9])", "Mdy"),
            (rf"(?<![a-z])({mon})\s+(?:nam\s+)?(\d{{4}})(?![0-9])", "My"),
            (r"(?<![0-9a-z-])((?:19|20)\d\d)(?![0-9])", "y")])
    return _DATE_RX


def _digit_sep_digit(folded: str) -> bool:
    r"""``re.search(r"\d[/.-]\d", folded)`` (a loop on ASCII, the regex on anything else)."""
    if not folded.isascii():
        return re.search(r"\d[/.-]\d", folded) is not None
    return any(folded[i] in "/.-" and folded[i - 1].isdigit() and folded[i + 1].isdigit()
               for i in range(1, len(folded) - 1))


def _dates(folded: str, add, free) -> None:
    if not any(ch.isdigit() for ch in folded):
        return
    months = lexicon.months()
    words = set(_TOKEN.findall(folded))
    has_month = bool(words & set(months)) or "thang" in words
    pats = _date_patterns() if has_month or _digit_sep_digit(folded) else []
    for rx, form in pats[:-1]:
        for m in rx.finditer(folded):
            if not free(m.start(), m.end()):
                continue
            g = m.groups()
            import datetime as dt  # only for a question with a date in it

            try:
                if form == "ymd":
                    value = dt.date(int(g[0]), int(g[1]), int(g[2])).isoformat()
                elif form == "dmy":
                    value = dt.date(int(g[2]), int(g[1]), int(g[0])).isoformat()
                elif form == "dMy":
                    value = dt.date(int(g[2]), months[g[1]], int(g[0])).isoformat()
                elif form == "Mdy":
                    value = dt.date(int(g[2]), months[g[0]], int(g[1])).isoformat()
                else:
                    value = f"{int(g[1]):04d}-{months[g[0]]:02d}"
            except (ValueError, KeyError):
                continue
            add(Mention("date", m.start(), m.end(), "", value=value))
    for m in _YEAR.finditer(folded):
        if free(m.start(), m.end()):
            add(Mention("year", m.start(), m.end(), "", value=int(m.group(1))))


def _words(kg, folded: str, add, free, entities: list) -> None:
    starts = {e.start for e in entities if e.shape == "document" or "document" in e.kinds(kg)}
    toks = [(t.start(), t.end(), t.group()) for t in _TOKEN.finditer(folded)]
    for kind, table in (("status", lexicon.status_words(kg)), ("type", lexicon.type_words(kg))):
        i = 0
        while i < len(toks):
            for n in range(min(4, len(toks) - i), 0, -1):
                part = toks[i:i + n]
                key = " ".join(t[2] for t in part)
                if len(key) < 3 or key not in table or not free(part[0][0], part[-1][1]):
                    continue
                a, b = part[0][0], part[-1][1]
                rest = len(folded) - len(folded[b:].lstrip())
                if kind == "type" and rest in starts and rest > b:
                    continue  # a verb before a document ("hướng dẫn Quy định 86", "guides X")
                if kind == "type" and i + n < len(toks) \
                        and f"{key} {toks[i + n][2]}" in lexicon.cue_phrases():
                    continue  # a verb in a cue phrase ("report to BODY")
                men = Mention(kind, a, b, "", value=table[key])
                before = [t[2] for t in toks[max(0, i - 2):i]]
                if kind == "type" and ((key.endswith("s") and key[:-1] in table)
                                       or set(before) & set(lexicon.cues()["plural_markers"])):
                    men.shape = "plural"
                add(men)
                i += n - 1
                break
            i += 1


# --- qualifiers -----------------------------------------------------------------------------------

_OF = lazy(r"^\s*(?:of the|of|by the|by|cua|du|de la|de|des|dari|oleh)?\s*$")


def _qualify(kg, folded: str, mentions: list[Mention]) -> None:
    """A document mention followed by "of BODY" keeps the candidates that body issued (when some
    are), and the body is then part of the document mention."""
    ms = sorted(mentions, key=lambda m: m.start)
    for a, b in zip(ms, ms[1:]):
        if a.kind != "entity" or b.kind != "entity" or len(a.candidates) < 2:
            continue
        if b.kinds(kg) != {"body"} or not _OF.match(folded[a.end:b.start]):
            continue
        kept = [c for c in a.candidates
                if set(describe(kg, c).get("issuers", [])) & set(b.candidates)]
        if kept:
            a.candidates = kept
            a.text = f"{a.text} {b.text}"
            a.end = b.end
            mentions.remove(b)
