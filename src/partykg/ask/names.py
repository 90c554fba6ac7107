"""Names in a question, as the graph holds them: exact names (every span looked up at once),
names from some of their words in order ("the project on inspection and supervision abroad"),
names one edit away from exactly one name ("bui thanh sonn"), names the graph lacks ("the Party
Committee of the Ministry of Defence"), and documents named by their type and words ("the draft
working regulations of the MOFA Party Executive Committee"). Words come from the graph's names
(:func:`name_index`) and ``cues.json``; nothing here names an entity."""

from __future__ import annotations

import re

import pyoxigraph as ox

from partykg.ask import lexicon
from partykg.ask.resolve import describe
from partykg.model import ids
from partykg.store import queries
from partykg.lazyre import lazy  # compiled when first used (cold start)

MAX_SPAN = 24  # tokens in a name
NAMED_KINDS = ("document", "body", "person", "post", "event", "term")
_TOKEN = lazy(r"[a-z0-9]+")


def _mention(*args, **kw):
    from partykg.ask.mentions import Mention

    return Mention(*args, **kw)


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
                add(_mention("entity", toks[i][0], toks[j][1], "", cands, how="name"))
                i = j + 1
                break
        else:
            i += 1


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


def name_heads(kg) -> dict[str, list[list[str]]]:
    """entity -> the words of each of its names, when the names were read (:func:`name_index`)
    or due to be (:func:`_incomplete_names` defers reading them until wanted), else {}."""
    c = lexicon._cache(kg)
    if "name_heads" not in c and c.get("name_index_due"):
        name_index(kg)
    return c.get("name_heads", {})


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
    connectors = set(lexicon.cues()["name_connectors"])
    year_words = set(lexicon.cues()["year_words"])  # "năm", "tahun": not what a name is about
    vietnamese = lexicon.has_vi_letters(question.lower())
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
                if w2 not in connectors:
                    break  # "has", "is", "what": not inside a name
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
                   if x not in type_tokens and x not in year_words
                   and not any(m.start <= ta < m.end for m in over)]
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
                    mentions.append(_mention("entity", a, end, folded[a:end], [], suggestions=chosen,
                                            how="words of a name",
                                            shape=next(iter(kinds)) if len(kinds) == 1 else None))
                else:
                    mentions.append(_mention("entity", a, end, folded[a:end], chosen, how="words of a name"))
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
        mentions.append(_mention("entity", a, b, folded[a:b], ents, how="name, one edit away",
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


_OF_STARTS = ("of", "cua", "du", "de")  # what the words after a name that start one begin with


def _incomplete_names(kg, folded: str, mentions: list) -> None:
    """"the Party Committee of the Ministry of Defence": a name of the graph followed by "of" and
    a word no name has is the start of a name the graph lacks: nothing matches it."""
    index = None  # the names' words: read only when a name is followed by "of" and a word
    if any(m.kind == "entity" and m.how == "name" for m in mentions):
        # what reads the names' first words after this (:func:`name_heads`) reads them as if
        # they were read here (cold start: most questions never need them)
        lexicon._cache(kg)["name_index_due"] = True
    stop = set(lexicon.cues()["stopwords"])
    phrases = lexicon.cue_phrases()
    neutral = tuple(lexicon.cues()["neutral_qualifiers"])
    for m in mentions:
        if m.kind != "entity" or m.how != "name" or not m.candidates:
            continue
        rest = folded[m.end:]  # a match is spaces, then one of the words: else nothing compiled
        after = re.match(r"\s+(?:of the|of|cua|du|de la|de l|des|de)\s+([a-z]+)", rest) \
            if rest[:1].isspace() and rest.lstrip().startswith(_OF_STARTS) else None
        if after and folded[m.end + after.start(1):].startswith(neutral):
            continue  # "the foreign minister of Vietnam": the country qualifies every name
        if after and index is None:
            index = name_index(kg)
        if after and after.group(1) not in index and after.group(1) not in stop \
                and after.group(1) not in phrases and not any(x.start == m.end + after.start(1)
                                                             for x in mentions):
            m.suggestions, m.candidates = m.candidates, []
            m.shape = describe(kg, m.suggestions[0])["kind"]
            m.end = m.end + after.end(1)
            m.how = "start of a name"


def _unknown_qualifier(kg, question: str, folded: str, pos: list, mentions: list) -> None:
    """"the Ministry of Defence party committee": words of a name matching several entities, right
    after capitalised words no name of the graph has, are part of a name the graph lacks:
    nothing matches it (the candidates become the nearest names)."""
    index = name_index(kg)
    stop = set(lexicon.cues()["stopwords"])
    function = stop | set().union(*lexicon.language_words().values())
    for m in mentions:
        if m.kind != "entity" or len(m.candidates) < 2 or m.how not in ("words of a name", "start of a name"):
            continue
        before = list(_TOKEN.finditer(folded[:m.start]))[-4:]
        if not before or folded[before[-1].end():m.start].strip():
            continue
        if any(m2 is not m and m2.end > before[0].start() and m2.start < m.start for m2 in mentions):
            continue
        unknown = [t for t in before if t.group() not in index and t.group() not in function
                   and len(t.group()) >= 4 and not t.group().isdigit()]
        if not unknown or not question[pos[unknown[-1].start()]].isupper():
            continue
        first = next((t for t in before if t.group() not in stop
                      and question[pos[t.start()]].isupper()), unknown[0])
        m.suggestions, m.candidates = m.candidates, []
        m.start, m.how = first.start(), "start of a name"
        kinds = [describe(kg, c)["kind"] for c in m.suggestions]
        m.shape = max(set(kinds), key=kinds.count)  # what most of the near names are


def _longer_person_names(kg, question: str, folded: str, pos: list, mentions: list) -> None:
    """"the Ho Chi Minh City Party Committee": a person's name followed by a capitalised word that
    is in no mention is the start of a longer name the graph lacks (a city, a school), not the
    person; words of a name right after it ("Party Committee") belong to that name too."""
    stop = set(lexicon.cues()["stopwords"])
    phrases = lexicon.cue_phrases()
    for m in list(mentions):
        if m.kind != "entity" or m.how != "name" or not m.candidates \
                or {describe(kg, c)["kind"] for c in m.candidates} != {"person"}:
            continue
        nxt = _TOKEN.search(folded, m.end)
        if nxt is None or folded[m.end:nxt.start()].strip() or nxt.group() in stop \
                or nxt.group() in phrases or nxt.group().isdigit() \
                or not question[pos[nxt.start()]].isupper() \
                or any(x.start <= nxt.start() < x.end for x in mentions):
            continue
        end, shape = nxt.end(), "person"
        then = next((x for x in mentions if x.kind == "entity" and x.start >= end
                     and not folded[end:x.start].strip()
                     and x.how.startswith(("words of a name", "start of a name"))), None)
        if then is not None:
            mentions.remove(then)
            end = then.end
            kinds = [describe(kg, c)["kind"] for c in then.candidates + then.suggestions]
            shape = max(set(kinds), key=kinds.count) if kinds else shape
        m.suggestions, m.candidates = m.candidates, []
        m.end, m.how, m.shape = end, "start of a name", shape


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
    # "chương trình hành động": the words of the type's name too, when that leaves some
    narrowed = _filter_docs(kg, found, with_type_words, names, heads) if with_type_words else set()
    docs = narrowed or _filter_docs(kg, found, docs, names, heads)
    return _mention("entity", tm.start, tm.end, tm.text, sorted(docs), how="type and words",
                    shape="document")


def _filter_docs(kg, found, docs: set[str], names, heads) -> set[str]:
    """The documents the question's bodies, years and statuses fit."""
    for m in found.entities():
        if m.kinds(kg) == {"body"} and len(m.candidates) == 1:
            b = m.candidates[0]
            bnames = [set(n) for n in heads.get(b, [])]
            kept = {d for d in docs if b in describe(kg, d).get("issuers", []) or any(
                any(len(bn & n) >= 0.8 * len(bn) for bn in bnames) for n in names(d))}
            docs = kept
    for y in found.of("year"):
        docs = {d for d in docs if (describe(kg, d).get("date") or "").startswith(str(y.value))
                or any(str(y.value) in n for n in names(d))}
    for st in found.of("status"):
        local = st.value.rsplit("/", 1)[-1]
        docs = {d for d in docs if any(s == local for s, _ in describe(kg, d)["statuses"])}
    return docs


def _composed_names(kg, folded: str, mentions: list, taken: list) -> None:
    """"the first congress of the foreign ministry party committee", "a member of the executive
    committee of the MOFA Party Committee": words before a body named by any of its names, read
    with the body's other names, make the name of another entity ("1st Congress of the Party
    Committee of the Ministry of Foreign Affairs, 2025–2030 term"); the longest such name wins.
    Ordinal words ("first", "1st") are read alike (``cues.json``)."""
    bodies = [m for m in mentions if m.kind == "entity" and m.how == "name"
              and len(m.candidates) == 1 and m.kinds(kg) == {"body"}]
    if not bodies:
        return
    # only when a body stands after "WORD of (the)" or before "'s" or a word that may be a name's
    # (the index of every name is loaded only then)
    plain = set(lexicon.cues()["stopwords"]) | lexicon.cue_phrases() | set(lexicon.type_words(kg))

    def composable(m) -> bool:
        before = re.findall(r"[a-z0-9]+", folded[:m.start])[-3:]
        while before and before[-1] == "the":
            before.pop()
        if len(before) >= 2 and before[-1] == "of" and before[-2] not in plain:
            return True
        after = re.findall(r"[a-z0-9]+", folded[m.end:])[:2]
        return bool(after) and (after[0] == "s" or after[0] not in plain)

    bodies = [m for m in bodies if composable(m)]
    if not bodies:
        return
    name_index(kg)
    heads = lexicon._cache(kg)["name_heads"]
    ordinal = lexicon.cues().get("ordinals", {})

    def norm(words):
        return [ordinal.get(w, w) for w in words]

    by_first: dict[str, list] = lexicon._cache(kg).setdefault("names_by_first_word", {})
    if not by_first:
        for e, names in heads.items():
            for n in names:
                nn = norm(n)
                by_first.setdefault(nn[0], []).append((e, nn))
    def named(head: list[str], body: str) -> set[str]:
        """The entities named HEAD of (the) BODY, by any of the body's names."""
        body_names = [norm(n) for n in heads.get(body, [])]
        hits = set()
        for e, words in by_first.get(head[0], []):
            if e == body or words[:len(head)] != head:
                continue
            rest = words[len(head):]
            if rest[:1] != ["of"]:
                continue
            rest = rest[2:] if rest[1:2] == ["the"] else rest[1:]
            if any(rest[:len(bn)] == bn for bn in body_names):
                hits.add(e)
        return {e for e in hits if describe(kg, e)["kind"] in ("document", "body", "post", "event")}

    # "BODY's HEAD": HEAD of BODY ("the foreign ministry's party committee"); "BODY HEAD" when
    # that names a body or post ("the MOFA party committee office"); twice, for a chain
    for m in [*bodies, *bodies]:
        if m.kinds(kg) != {"body"}:
            continue
        rest = folded[m.end:m.end + 80]
        toks = list(re.finditer(r"[a-z0-9]+", rest))
        if not toks or rest[:toks[0].start()].strip() not in ("", "'"):
            continue
        owner = toks[0].group() == "s"
        toks = toks[1:7] if owner else toks[:6]
        for n in range(len(toks), 0, -1):
            if any(rest[x.end():y.start()].strip() for x, y in zip(toks[:n], toks[1:n])):
                continue
            end = m.end + toks[n - 1].end()
            if any(x is not m and x.start < end and m.start < x.end for x in mentions):
                continue
            hits = named(norm([t.group() for t in toks[:n]]), m.candidates[0])
            if not owner:
                hits = {e for e in hits if describe(kg, e)["kind"] in ("body", "post")}
            if len(hits) == 1:
                taken.remove((m.start, m.end))
                m.end, m.candidates, m.how = end, sorted(hits), "name: words and a body's name"
                taken.append((m.start, m.end))
                break
    for m in bodies:
        if m.kinds(kg) != {"body"}:
            continue
        before = list(re.finditer(r"[a-z0-9]+", folded[:m.start]))
        tail = [t.group() for t in before]
        # drop the connector before the body ("of the", "of")
        k = len(tail)
        while k and tail[k - 1] in ("of", "the") and len(tail) - k < 2:
            k -= 1
        if k == len(tail):
            continue  # "X BODY" without "of": not this form
        for n in range(min(6, k), 0, -1):
            hits = named(norm(tail[k - n:k]), m.candidates[0])
            if len(hits) == 1:
                start = before[k - n].start()
                if any(x is not m and x.start < m.end and start < x.end for x in mentions):
                    continue
                taken.remove((m.start, m.end))
                m.start, m.candidates, m.how = start, sorted(hits), "name: words and a body's name"
                taken.append((m.start, m.end))
                break


def _type_and_name(kg, folded: str, mentions: list, taken: list) -> None:
    """A type word before a name of another type's document ("đề án quy định về kiểm tra...", "the
    project for the regulation on..."): the documents of that type whose names hold both."""
    from partykg.ask.mentions import type_before

    for m in mentions:
        if m.kind != "entity" or not m.candidates or not m.how.startswith(("words of a name", "name")) \
                or m.kinds(kg) != {"document"}:
            continue
        tb = type_before(kg, folded, m.start)
        if tb is None or tb[2] or any(describe(kg, c).get("type") in tb[1] for c in m.candidates):
            continue
        index = name_index(kg)
        stop = set(lexicon.cues()["stopwords"])
        words = [w for w in re.findall(r"[a-z0-9]+", folded[tb[0]:m.end]) if w not in stop]
        found = None
        for w in words:
            found = set(index.get(w, set())) if found is None else found & index.get(w, set())
        docs = sorted(d for d in found or () if describe(kg, d).get("type") in tb[1])
        if docs:
            taken.remove((m.start, m.end))
            m.start, m.candidates, m.how = tb[0], docs, "words of a name, with its type"
            taken.append((m.start, m.end))
