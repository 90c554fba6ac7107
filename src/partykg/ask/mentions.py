"""Every mention in a question, wherever it stands: documents (codes, short forms such as
"NQ 02/2021", "QĐ 209", "ct51", a type and a number, names), bodies, people, posts, events,
terms (names as the graph holds them, in any language), document types, statuses, years and
dates. Names and type words come from the graph (:mod:`partykg.ask.lexicon`); nothing here
names an entity.

A name one edit away from exactly one name of the graph is read as that name, and the mention
says so (``read_as``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

import pyoxigraph as ox

from partykg.ask import lexicon
from partykg.ask.resolve import _CODE, describe
from partykg.model import ids
from partykg.store import queries

MAX_SPAN = 24  # tokens in a name
_VI_LETTERS = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]")

NAMED_KINDS = ("document", "body", "person", "post", "event", "term")
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
        f = ids.fold(ch.replace("œ", "oe").replace("Œ", "oe")).lower()
        f = re.sub(r"[^a-z0-9/@.-]", " ", f) if f else " "
        out.append(f)
        pos.extend([i] * len(f))
    return "".join(out), pos


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
    _typed_numbers(kg, folded, add, free)
    _posts_by_role(kg, folded, mentions, taken)
    _dates(folded, add, free)
    if _leftover_words(folded, free) >= 2 or not any(m.kind == "entity" for m in mentions):
        _fuzzy_names(kg, folded, mentions, taken)
        _posts_by_role(kg, folded, mentions, taken)
        _partial_names(kg, question, folded, pos, mentions, taken)
        _posts_by_role(kg, folded, mentions, taken)
    _words(kg, folded, add, free, [m for m in mentions if m.kind == "entity"])
    _qualify(kg, folded, mentions)
    mentions.sort(key=lambda m: m.start)
    for m in mentions:
        m.text = question[pos[m.start]:pos[m.end - 1] + 1] if m.end > m.start else m.text
    _incomplete_names(kg, folded, mentions)
    masked, last = [], 0
    for m in mentions:
        masked.append(folded[last:m.start])
        masked.append(f" {m.placeholder(kg)} ")
        last = m.end
    masked.append(folded[last:])
    text = " ".join(re.sub(r"[^A-Za-z0-9]+", " ", "".join(masked)).split())
    return Found(question, folded, mentions, text)


def _leftover_words(folded: str, free) -> int:
    """How many words of the question are neither found, nor stop words, nor cue phrases: a sign
    that a name remains to be found from some of its words."""
    stop = set(lexicon.cues()["stopwords"])
    cue = _cue_spans(folded)
    n = 0
    for t in _TOKEN.finditer(folded):
        w = t.group()
        if w in stop or w.isdigit() or len(w) < 3 or not free(t.start(), t.end()):
            continue
        if any(a <= t.start() < b for a, b in cue):
            continue
        n += 1
    return n


# --- codes ----------------------------------------------------------------------------------------

_SHORT_CODE = re.compile(r"(?<![a-z0-9])(?P<abbr>[a-z]{1,6})\s*(?P<num>\d{1,4}[a-z]?)\s*/\s*"
                         r"(?P<tail>(?:19|20)\d\d|[a-z]{2,10})(?![a-z0-9])")


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


def _by_number(kg, number: str) -> list[str]:
    rows = queries.run(kg, "lookup-number", {"number": ox.Literal(ids.number_key(number))})
    return list(dict.fromkeys(r["doc"].value for r in rows))


def _typed(kg, concepts: set[str], number: str) -> tuple[list[str], str | None]:
    """Documents of one of ``concepts`` with ``number``; when none, those whose type is not known
    but whose code allows the type (a QĐ code: Regulation or Decision)."""
    rows = queries.run(kg, "lookup-number", {"number": ox.Literal(ids.number_key(number))})
    exact = list(dict.fromkeys(r["doc"].value for r in rows if r["type"].value in concepts))
    if exact:
        return exact, None
    notations = lexicon.type_notations(kg)
    allowed = []
    for r in rows:
        code = describe(kg, r["doc"].value).get("code")
        if not code:
            continue
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
    """A document number, and a year qualifying it ("02/2021", "02 (2023)", "02 of 2023")."""
    if not _NUM_RX:
        years = "|".join(lexicon.cues()["year_words"])
        _NUM_RX.append(re.compile(
            r"(?<![0-9/.-])(?P<num>\d{1,4}[a-z]?)(?![0-9]|\s*-\s*[a-z]|/[a-z]|\s*[-–]\s*\d)"
            r"(?:\s*/\s*(?P<y1>(?:19|20)\d\d)(?![0-9])|\s*\(\s*(?P<y2>(?:19|20)\d\d)\s*\)"
            rf"|\s+(?:{years})\s+(?P<y3>(?:19|20)\d\d)(?![0-9]))?"))
    return _NUM_RX[0]


_WORD = re.compile(r"[a-z]+")


def type_before(kg, folded: str, end: int) -> tuple[int, set[str], str | None] | None:
    """The type word just before ``end`` ("Chỉ thị số", "Directive No.", "ct"): (start, type
    concepts, how it was read when misspelt), or None."""
    words = lexicon.type_words(kg)
    head = folded[max(0, end - 60):end]
    base = end - len(head)
    toks = [(base + m.start(), base + m.end(), m.group()) for m in _WORD.finditer(head)]
    if not toks or folded[toks[-1][1]:end].strip(" .:#°") != "":
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
    for m in _num_regex().finditer(folded):
        if not free(m.start(), m.end()):
            continue
        tb = type_before(kg, folded, m.start())
        if tb is None or not free(tb[0], m.end()):
            continue
        start, concepts, read = tb
        if read:
            read = f"{folded[start:m.end()]} -> {read.split(' -> ')[1]} {m['num']}"
        _add_typed(kg, m, start, concepts, read, add)


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

_TOKEN = re.compile(r"[a-z0-9]+")


def _names(kg, folded: str, add, free) -> None:
    """The longest spans of the question that are names of the graph (one query for all)."""
    toks = [(t.start(), t.end()) for t in _TOKEN.finditer(folded) if free(t.start(), t.end())]
    stop = set(lexicon.cues()["stopwords"])
    spans = {}
    for i in range(len(toks)):
        if folded[toks[i][0]:toks[i][1]] in stop:
            continue
        for j in range(i, min(len(toks), i + MAX_SPAN)):
            a, b = toks[i][0], toks[j][1]
            if not free(a, b):
                break
            key = ids.name_key(folded[a:b])
            if key:
                spans[(i, j)] = key
    found: dict[str, list[str]] = {}
    keys = sorted(set(spans.values()))
    for chunk in range(0, len(keys), 400):
        for r in queries.run_values(kg, "lookup-names", "name",
                                    [ox.Literal(k) for k in keys[chunk:chunk + 400]]):
            found.setdefault(r["name"].value, []).append(r["entity"].value)
    i = 0
    while i < len(toks):
        for j in range(min(len(toks), i + MAX_SPAN) - 1, i - 1, -1):
            key = spans.get((i, j))
            if key in found:
                cands = [c for c in dict.fromkeys(found[key]) if describe(kg, c)["kind"] in NAMED_KINDS]
                if not cands:
                    continue
                add(Mention("entity", toks[i][0], toks[j][1], "", cands, how="name"))
                i = j + 1
                break
        else:
            i += 1


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
        before = re.sub(r"(?:\s|^)(?:of the|of|du|de la|des|de|cua|the)$", "", before).rstrip()
        words = before.split()
        for n in range(min(5, len(words)), 0, -1):
            role = " ".join(words[-n:])
            posts = roles.get(role, {})
            if m.candidates[0] in posts:
                start = len(before) - len(role)
                taken.remove((m.start, m.end))
                m.start = start
                m.candidates = [posts[m.candidates[0]]]
                m.how = "post: role and body"
                taken.append((m.start, m.end))
                break


def name_index(kg) -> dict[str, set[str]]:
    """word of a name -> the entities with a name containing it (all names, loaded once)."""
    c = lexicon._cache(kg)
    if "name_index" not in c:
        index: dict[str, set[str]] = {}
        heads: dict[str, list[list[str]]] = {}
        for r in queries.run(kg, "name-index"):
            words = r["key"].value.split()
            for w in words:
                index.setdefault(w, set()).add(r["entity"].value)
            if words:
                heads.setdefault(r["entity"].value, []).append(words)
        c["name_index"], c["name_heads"] = index, heads
    return c["name_index"]


def _in_order(words: list[str], names: list[list[str]]) -> bool:
    """Whether ``words`` appear in this order in one of ``names``."""
    for name in names:
        it = iter(name)
        if all(w in it for w in words):
            return True
    return False


def _contiguous(words: list[str], names: list[list[str]], stop: set[str]) -> bool:
    """Whether ``words`` stand next to each other (stop words aside) in one of ``names``."""
    for name in names:
        content = [w for w in name if w not in stop]
        for k in range(len(content) - len(words) + 1):
            if content[k:k + len(words)] == words:
                return True
    return False


def _cue_spans(folded: str) -> list[tuple[int, int]]:
    """Where the question's cue phrases stand ("ban hành", "trực thuộc"): not words of a name."""
    phrases = lexicon.cue_phrases()
    toks = [(t.start(), t.end(), t.group()) for t in _TOKEN.finditer(folded)]
    out = []
    for i in range(len(toks)):
        for n in range(min(4, len(toks) - i), 0, -1):
            if " ".join(t[2] for t in toks[i:i + n]) in phrases:
                out.append((toks[i][0], toks[i + n - 1][1]))
                break
    return out


def _partial_names(kg, question: str, folded: str, pos: list, mentions: list, taken: list) -> None:
    """Some words of a name, in a run ("the project on inspection and supervision abroad", "the
    congress resolution", "the diplomatic conference"): the entities whose names hold every
    word of the run (two words at least); when some names start with the run's first word,
    those. A run may take in a name found whole inside it ("the Government Resolution on the
    diplomatic sector" is a resolution, not the Government)."""
    index = name_index(kg)
    heads = lexicon._cache(kg)["name_heads"]
    stop = set(lexicon.cues()["stopwords"])
    type_tokens = {w for k in lexicon.type_words(kg) for w in k.split()}
    vietnamese = bool(_VI_LETTERS.search(question.lower()))
    cue = _cue_spans(folded)
    toks = [(t.start(), t.end(), t.group()) for t in _TOKEN.finditer(folded)
            if not any(a <= t.start() < b for a, b in cue)]

    def inside(a: int, b: int) -> Mention | None:
        for m in mentions:
            if m.start <= a and b <= m.end:
                return m
        return None

    def free_of(a: int, b: int) -> bool:
        return inside(a, b) is None

    def usable(a: int, b: int) -> bool:
        m = inside(a, b)
        return m is None or (m.kind == "entity" and m.how == "name")

    i = 0
    while i < len(toks):
        a, b, w = toks[i]
        if not usable(a, b) or w in stop or w not in index:
            i += 1
            continue
        cands, words, j, end = set(index[w]), [w], i + 1, b
        while j < len(toks):
            a2, b2, w2 = toks[j]
            if not usable(a2, b2):
                break
            if w2 in stop:
                j += 1
                continue
            if re.search(r"[a-z0-9]", folded[toks[j - 1][1]:a2]):
                break  # words of a name are next to each other (cue words removed break a run)
            nxt = {c for c in cands & index.get(w2, set()) if _in_order([*words, w2], heads.get(c, []))}
            if not nxt:
                break
            cands, end = nxt, b2
            words.append(w2)
            j += 1
        over = [m for m in mentions if m.start < end and a < m.end]
        whole = all(a <= m.start and m.end <= end and (m.end - m.start) < (end - a) for m in over)
        outside = [x for x, (ta, tb, _) in zip(words, [t for t in toks[i:j] if t[2] not in stop])
                   if x not in type_tokens and not any(m.start <= ta < m.end for m in over)]
        # Vietnamese words are written as syllables: two of them are one word
        syllables = vietnamese
        if len(words) >= (3 if syllables else 2) and outside and cands and whole:
            cands = {c for c in cands if describe(kg, c)["kind"] in NAMED_KINDS}
            first = {c for c in cands if any(n[0] == words[0] for n in heads.get(c, []))}
            chosen = sorted(first or cands)
            together = [c for c in chosen if _contiguous(words, heads.get(c, []), stop)]
            chosen = together or chosen
            prev = [t for t in toks if t[1] <= a and t[2] not in stop][-1:]
            other = bool(prev) and any(ch.isdigit() for ch in prev[0][2]) and prev[0][2] not in index \
                and free_of(prev[0][0], prev[0][1])
            if chosen:
                for m in over:
                    mentions.remove(m)
                    taken.remove((m.start, m.end))
                if other:  # "the 30th diplomatic conference": another one of them, not in the graph
                    a = prev[0][0]
                    kinds = {describe(kg, c)["kind"] for c in chosen}
                    mentions.append(Mention("entity", a, end, folded[a:end], [], suggestions=chosen,
                                            how="words of a name",
                                            shape=next(iter(kinds)) if len(kinds) == 1 else None))
                else:
                    mentions.append(Mention("entity", a, end, folded[a:end], chosen, how="words of a name"))
                taken.append((a, end))
                while i < len(toks) and toks[i][0] < end:
                    i += 1
                continue
        i += 1


def _fuzzy_names(kg, folded: str, mentions: list, taken: list) -> None:
    """A span one edit away from exactly one name of the graph ("bui thanh sonn",
    "overseas party commitee"), longest span first; it may take in a shorter name found inside
    it ("mofa" in "mofa party comittee")."""
    index = name_index(kg)
    stop = set(lexicon.cues()["stopwords"]) | set().union(*lexicon.language_words().values())

    def usable(a: int, b: int) -> bool:
        return all(b <= m.start or a >= m.end or (m.kind == "entity" and m.how == "name"
                                                  and a <= m.start and m.end <= b) for m in mentions)

    toks = [(t.start(), t.end()) for t in _TOKEN.finditer(folded)]
    best = None
    for i in range(len(toks)):
        for j in range(min(len(toks), i + 8) - 1, i - 1, -1):
            a, b = toks[i][0], toks[j][1]
            key = ids.name_key(folded[a:b])
            if len(key) < 8 or not usable(a, b):
                continue
            words = key.split()
            if all(w in index or w in stop or w.isdigit() for w in words):
                continue  # one of the words must be unknown to be misspelt
            names = _names_starting(kg, key[:2])
            hits = {n for n in names if abs(len(n) - len(key)) <= 1 and edit1(key, n)}
            ents = list(dict.fromkeys(e for n in hits for e in names[n]
                                      if describe(kg, e)["kind"] in NAMED_KINDS))
            if len(ents) == 1 and (best is None or b - a > best[1] - best[0]):
                best = (a, b, ents, key, sorted(hits)[0])
    if best:
        a, b, ents, key, name = best
        for m in [m for m in mentions if a <= m.start and m.end <= b]:
            mentions.remove(m)
            taken.remove((m.start, m.end))
        mentions.append(Mention("entity", a, b, folded[a:b], ents, how="name, one edit away",
                                read_as=f"{key} -> {name}"))
        taken.append((a, b))


def _names_starting(kg, start: str) -> dict[str, list[str]]:
    c = lexicon._cache(kg).setdefault("names_by_start", {})
    if start not in c:
        out: dict[str, list[str]] = {}
        for r in queries.run(kg, "names", {"start": ox.Literal(start)}):
            out.setdefault(r["key"].value.lower(), []).append(r["entity"].value)
        c[start] = out
    return c[start]


def edit1(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` are at most one edit apart (insert, delete, replace, swap)."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        diff = [k for k in range(la) if a[k] != b[k]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    if la > lb:
        a, b = b, a
    k = 0
    while k < len(a) and a[k] == b[k]:
        k += 1
    return a[k:] == b[k + 1:]


# --- dates, years, statuses, types ----------------------------------------------------------------

_DATE_RX: list = []
_YEAR = re.compile(r"(?<![0-9a-z-])((?:19|20)\d\d)(?![0-9])")


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


def _dates(folded: str, add, free) -> None:
    if not any(ch.isdigit() for ch in folded):
        return
    months = lexicon.months()
    words = set(_TOKEN.findall(folded))
    has_month = bool(words & set(months)) or "thang" in words
    pats = _date_patterns() if has_month or re.search(r"\d[/.-]\d", folded) else []
    for rx, form in pats[:-1]:
        for m in rx.finditer(folded):
            if not free(m.start(), m.end()):
                continue
            g = m.groups()
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
                men = Mention(kind, a, b, "", value=table[key])
                before = [t[2] for t in toks[max(0, i - 2):i]]
                if kind == "type" and ((key.endswith("s") and key[:-1] in table)
                                       or set(before) & set(lexicon.cues()["plural_markers"])):
                    men.shape = "plural"
                add(men)
                i += n - 1
                break
            i += 1


def _incomplete_names(kg, folded: str, mentions: list) -> None:
    """"the Party Committee of the Ministry of Defence": a name of the graph followed by "of" and
    a word no name has is the start of a name the graph lacks: nothing matches it."""
    index = name_index(kg) if any(m.kind == "entity" and m.how == "name" for m in mentions) else {}
    stop = set(lexicon.cues()["stopwords"])
    phrases = lexicon.cue_phrases()
    for m in mentions:
        if m.kind != "entity" or m.how != "name" or not m.candidates:
            continue
        after = re.match(r"\s+(?:of the|of|cua|du|de la|de l|des|de)\s+([a-z]+)", folded[m.end:])
        if after and after.group(1) not in index and after.group(1) not in stop \
                and after.group(1) not in phrases and not any(x.start == m.end + after.start(1)
                                                             for x in mentions):
            m.suggestions, m.candidates = m.candidates, []
            m.shape = describe(kg, m.suggestions[0])["kind"]
            m.end = m.end + after.end(1)
            m.how = "start of a name"


def by_type(kg, found: Found, tm: Mention) -> Mention:
    """A document named by its type and some words ("the draft working regulations of the MOFA
    Party Executive Committee", "the congress resolution", "Quy chế làm việc nhiệm kỳ 2025-2030"):
    documents of that type whose names hold the question's other name words, filtered by the
    bodies, years and statuses the question names."""
    index = name_index(kg)
    heads = lexicon._cache(kg)["name_heads"]
    stop = set(lexicon.cues()["stopwords"]) | set().union(*lexicon.language_words().values())
    cue = _cue_spans(found.folded)
    docs: set[str] = set()
    for concept in tm.value:
        docs |= {r["doc"].value for r in queries.run(kg, "documents", {"type": ox.NamedNode(concept)})}
    inside = [(m.start, m.end) for m in found.mentions
              if not (m.kind == "entity" and m.kinds(kg) == {"term"})]
    words = [t.group() for t in _TOKEN.finditer(found.folded)
             if not any(a <= t.start() < b for a, b in inside + cue)
             and t.group() not in stop and len(t.group()) >= 3 and not t.group().isdigit()
             and t.group() in index]
    tm_words = found.folded[tm.start:tm.end].split()

    def names(d: str) -> list[set[str]]:
        return [set(n) for n in heads.get(d, [])]

    if words:
        docs = {d for d in docs if any(set(words) <= n for n in names(d))}
    with_type_words = {d for d in docs if any(set(tm_words) <= n for n in names(d))}
    docs = with_type_words or docs  # "chương trình hành động": the words of the type's name too
    for m in found.entities():
        if m.kinds(kg) == {"body"} and len(m.candidates) == 1:
            b = m.candidates[0]
            bnames = [set(n) for n in heads.get(b, [])]
            kept = {d for d in docs if describe(kg, d).get("issuer") == b or any(
                any(len(bn & n) >= 0.8 * len(bn) for bn in bnames) for n in names(d))}
            docs = kept
    for y in found.of("year"):
        docs = {d for d in docs if (describe(kg, d).get("date") or "").startswith(str(y.value))
                or any(str(y.value) in n for n in names(d))}
    for st in found.of("status"):
        local = st.value.rsplit("/", 1)[-1]
        docs = {d for d in docs if any(s == local for s, _ in describe(kg, d)["statuses"])}
    return Mention("entity", tm.start, tm.end, tm.text, sorted(docs), how="type and words",
                   shape="document")


# --- qualifiers -----------------------------------------------------------------------------------

_OF = re.compile(r"^\s*(?:of the|of|by the|by|cua|du|de la|de|des|dari|oleh)?\s*$")


def _qualify(kg, folded: str, mentions: list[Mention]) -> None:
    """A document mention followed by "of BODY" keeps the candidates that body issued (when some
    are), and the body is then part of the document mention."""
    ms = sorted(mentions, key=lambda m: m.start)
    for a, b in zip(ms, ms[1:]):
        if a.kind != "entity" or b.kind != "entity" or len(a.candidates) < 2:
            continue
        if b.kinds(kg) != {"body"} or not _OF.match(folded[a.end:b.start]):
            continue
        kept = [c for c in a.candidates if describe(kg, c).get("issuer") in b.candidates]
        if kept:
            a.candidates = kept
            a.text = f"{a.text} {b.text}"
            a.end = b.end
            mentions.remove(b)
