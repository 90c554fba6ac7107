"""An unnumbered document described by its type and issuer ("Chỉ thị của Ban Thường vụ Tỉnh
ủy", "the Directive of the Politburo") in a text that has named exactly one numbered document
of that type before it is that document, however far back: a news page names the document in
its headline or lead and describes it afterwards. Not when the description is a plan, a new
document, a list, a name (unless its subject is the numbered document's, below) ("… of the 3rd Plenum"), or gives an issuer or subject the numbered document does not have.
With none before it, the one numbered document of that type named after it (a headline and lead
describe the document, a later paragraph gives its number)."""

from __future__ import annotations

import re

from partykg.ingest import extract_lang as L
from partykg.ingest.extract.backrefs import _key, _same_subject
from partykg.ingest.extract.data import Mention, Relation
from partykg.ingest.extract.followbase import planned
from partykg.ingest.extract.patterns import Patterns


def sole_numbered(text: str, mentions: list[Mention], relations: list[Relation],
                  P: Patterns) -> None:
    partners: dict[int, set[int]] = {}
    for r in relations:
        partners.setdefault(r.source, set()).add(r.target)
        partners.setdefault(r.target, set()).add(r.source)
    for i, m in enumerate(mentions):
        if m.strong or m.new or m.plural or m.antecedent is not None or m.type is None:
            continue
        if planned(m, text, P):
            continue
        mine = partners.get(i, set())
        subject = m.subject or _named_subject(text, m, P)
        if subject and not _described(m, P):
            same = _same_subject_anywhere(subject, m, mentions, mine)
            if same is not None:
                m.antecedent = same
            continue
        if not _described(m, P):
            if m.anaphor and not _numbered_of_type(mentions, m, range(i)):
                # "The Circular was issued to implement X." / "Circular No. NN specifying …":
                # a back-reference with nothing before it points to the next sentence's
                # document when that is the only numbered one of its type
                ahead = _numbered_of_type(mentions, m, range(i + 1, len(mentions)), same_word=True)
                if len(ahead) == 1:
                    j = next(iter(ahead.values()))
                    if mentions[j].sentence == m.sentence + 1 and j not in mine:
                        m.antecedent = j
            continue
        keys = _numbered_of_type(mentions, m, range(i))
        if not keys:
            # described first (a headline, a lead), numbered further on: the only numbered
            # document of that type in the whole text
            keys = _numbered_of_type(mentions, m, range(i + 1, len(mentions)))
        if len(keys) != 1:
            continue
        j = next(iter(keys.values()))
        o = mentions[j]
        if j in mine or any(_key(mentions[k]) == _key(o) for k in mine):
            continue
        if m.issuer is not None and o.issuer is not None and \
                m.issuer.match_key != o.issuer.match_key:
            continue
        if m.subject and o.subject and not _same_subject(m.subject, o.subject):
            continue
        if _silent_about(i, j, mentions, relations):
            continue
        m.antecedent = j


def _silent_about(i: int, j: int, mentions: list[Mention], relations: list[Relation]) -> bool:
    """The described document ``i`` implements (guides …) a document whose sentence names the
    numbered one ``j`` without that relation ("Plan No. NN … to summarize 10 years of
    implementing Resolution X" … "Plan of the Provincial People's Committee to implement
    Resolution X"): two documents, not one."""
    for r in relations:
        if r.source != i:
            continue
        t = mentions[r.target]
        if _key(t) is None or any(q.source == j and q.kind == r.kind
                                  and _alike(mentions[q.target], t) for q in relations):
            continue
        if any(k != r.target and mentions[k].sentence == mentions[j].sentence
               and _alike(mentions[k], t) for k in range(len(mentions))):
            return True
    return False


def _alike(a: Mention, b: Mention) -> bool:
    """The same numbered document, by key, or by type and number when one lacks the code."""
    return _key(a) == _key(b) or (a.type == b.type and a.number_key is not None
                                  and a.number_key == b.number_key)


def _numbered_of_type(mentions: list[Mention], m: Mention, where,
                      same_word: bool = False) -> dict[tuple, int]:
    """The numbered documents of ``m``'s type in ``where`` (key -> first mention); with
    ``same_word``, also those of a type the scheme leaves open written with ``m``'s type word
    ("Circular No. NN-TT/TU": a Party code whose type is not the state circular's)."""
    keys: dict[tuple, int] = {}
    word = _type_word(m.text) if same_word else None
    for j in where:
        o = mentions[j]
        if o.strong and _key(o) is not None and (
                o.type == m.type or word and o.type == "unclassified" and _type_word(o.text) == word):
            keys.setdefault(_key(o), j)
    return keys


def _type_word(text: str) -> str | None:
    """The first word of a mention, its determiner left out ("The Circular" -> "circular")."""
    words = [w for w in re.findall(r"[^\W\d_]+", text.lower()) if w not in _DETERMINER_WORDS]
    return words[0] if words else None


_DETERMINER_WORDS = frozenset(  # the determiners of every language's data, one word each
    w.lower().strip("'’") for table in (L.DETERMINERS, L.DEMONSTRATIVES_BEFORE)
    for words in table.values() for w in words if " " not in w)


def _words(s: str) -> set[str]:
    return set(re.findall(r"\w+", s.lower()))


def _named_subject(text: str, m: Mention, P: Patterns) -> str | None:
    """The subject after a document's name on its line ("Nghị quyết Hội nghị lần thứ tám …
    khóa XIII về X" -> X): the name is short and holds no other type word."""
    le = text.find("\n", m.end)
    line = text[m.end:len(text) if le < 0 else le]
    sp = P.subject_prep_re.search(line, 0, 160)
    if sp is None or P.type_re.search(line, 0, sp.start()) or re.search(r"[.;:,]", line[:sp.start()]):
        return None
    return re.split(r"[.;:(]", line[sp.end():], maxsplit=1)[0].strip() or None


def _same_subject_anywhere(subject: str, m: Mention, mentions: list[Mention],
                           mine: set[int]) -> int | None:
    """A named but unnumbered document ("Nghị quyết Hội nghị lần thứ tám … về X") whose subject
    is, nearly word for word, the subject of the one numbered document of its type the text
    names (before or after it: a page title over its lead)."""
    keys: dict[tuple, int] = {}
    for j, o in enumerate(mentions):
        if o.strong and o.type == m.type and _key(o) is not None and j not in mine:
            keys.setdefault(_key(o), j)
    if len(keys) != 1:
        return None
    j = next(iter(keys.values()))
    subjects = [o.subject for o in mentions if o.subject and _key(o) == _key(mentions[j])]
    wm = _words(subject)
    for s in subjects:
        ws = _words(s)
        if wm and ws and len(wm & ws) >= 0.8 * max(len(wm), len(ws)):
            return j
    return None


def _described(m: Mention, P: Patterns) -> bool:
    """The type word and an issuer ("Chỉ thị của …", "the Directive of the …")."""
    tm = P.type_re.match(m.text)
    rest = m.text[tm.end():] if tm else ""
    if re.search(r"\d|(?<![\w])[IVXLC]{2,6}(?![\w])", rest):
        return False  # "Résolution du 3e Plénum …", "Nghị quyết của Đại hội XIV": a name
    return m.issuer is not None or bool(re.match(r"[ \t]{1,2}(?:của|of|du|de la|de l'|dari)[ \t]",
                                                 rest, re.IGNORECASE))


def shared_relation(mentions: list[Mention], relations: list[Relation],
                    header: int | None = None) -> None:
    """An unnumbered document with the relation a numbered document of its type has to the same
    document (a page title "Kế hoạch thực hiện Kết luận số NN" over "Kế hoạch số MM … về thực
    hiện Kết luận số NN") is that numbered document: the only one, or the text's own (its
    header) when several have it."""
    def target_key(t: Mention):  # a numbered document, or one named by its congress or plenum
        return _key(t) or t.name_key

    have: dict[tuple, dict[tuple, int]] = {}
    for r in relations:
        o = mentions[r.source]
        if o.strong and o.type is not None and _key(o) is not None:
            have.setdefault((r.kind, o.type, target_key(mentions[r.target])), {}).setdefault(_key(o), r.source)
    hkey = _key(mentions[header]) if header is not None else None
    for r in relations:
        m = mentions[r.source]
        if m.strong or m.new or m.antecedent is not None or m.type is None:
            continue
        tkey = target_key(mentions[r.target])
        cands = have.get((r.kind, m.type, tkey), {}) if tkey is not None else {}
        if len(cands) == 1:
            j = next(iter(cands.values()))
            o = mentions[j]
            if _key(mentions[r.target]) is None and m.issuer is not None and \
                    o.issuer is not None and m.issuer.match_key != o.issuer.match_key:
                continue  # (a congress's resolution: every body implements it) another body's
            m.antecedent = j
        elif hkey is not None and hkey in cands:
            m.antecedent = cands[hkey]


def shared_target(mentions: list[Mention], relations: list[Relation]) -> None:
    """A bare type word ("Nghị quyết", no number, name, subject, issuer or antecedent) that a
    document stands in a relation to, when that document stands in the same relation to exactly one document of that
    type named without a number (a title repeated: "Chương trình hành động thực hiện Nghị
    quyết Đại hội …" with the congress's name cut off): that document."""
    def root(i: int) -> int:
        seen = set()
        while mentions[i].antecedent is not None and i not in seen:
            seen.add(i)
            i = mentions[i].antecedent
        return i

    def doc_key(i: int):
        m = mentions[root(i)]
        return _key(m) or m.name_key or ("mention", root(i))

    named: dict[tuple, dict] = {}
    for r in relations:
        t = mentions[r.target]
        if t.type is not None and not t.strong and t.name_key is not None:
            named.setdefault((r.kind, doc_key(r.source), t.type), {}).setdefault(doc_key(r.target), r.target)
    for r in relations:
        t = mentions[r.target]
        if t.strong or t.name_key is not None or t.antecedent is not None or t.plural or t.new \
                or t.type is None or t.subject or t.issuer is not None:
            continue
        cands = named.get((r.kind, doc_key(r.source), t.type), {})
        if len(cands) != 1:
            continue
        t.name_key = mentions[next(iter(cands.values()))].name_key


def lower_case_objects(text: str, sentences, by_sent, mentions: list[Mention], P: Patterns, add) -> None:
    """ "Conclusion No. NN, …, on the continued implementation of the resolution.": a relation
    cue whose object is a determiner and a lower-case type word closing the clause refers to the
    one numbered document of that type named before it in the sentence (not the cue's subject)."""
    from partykg.ingest import extract_lang as L
    from partykg.ingest.extract.followbase import _cue_info, _kind
    from partykg.ingest.extract.patterns import _alt
    dets = L.DETERMINERS[P.lang]
    if not dets:
        return
    rx = re.compile(rf"[ \t]{{1,2}}(?:{_alt(dets)})[ \t]{{1,2}}(?P<type>{P.type_re.pattern})(?=[ \t]{{0,2}}[.;,)]|$)")
    for si, idx in sorted(by_sent.items()):
        sent = sentences[si]
        base = sent.start
        for cue in P.cue_re.finditer(sent.text):
            om = rx.match(sent.text, cue.end() - 1 if sent.text[cue.end() - 1] == " " else cue.end())
            if om is None or not om.group("type").islower():
                continue
            info = _cue_info(P, cue)
            tkey = P.type_words.get(re.sub(r"\s+", " ", om.group("type").lower()))
            if info is None or tkey is None or any(
                    mentions[j].start - base < om.end() and om.start() < mentions[j].end - base
                    for j in idx):
                continue
            before = [j for j in idx if mentions[j].end - base <= cue.start() and mentions[j].strong
                      and mentions[j].list_head is None]
            if not before:
                continue
            src = before[-1]
            same = {_key(mentions[j]): j for j in before if mentions[j].type == tkey and j != src}
            if len(same) != 1 or mentions[src].type == tkey:
                continue
            ante = next(iter(same.values()))
            a0, a1 = base + om.start("type"), base + om.end("type")
            mentions.append(Mention(a0, a1, sent.text[om.start("type"):om.end("type")], si, tkey,
                                    strong=False, anaphor=True, antecedent=ante, tail_end=a1))
            kind, voice, mood = info
            a, o = (src, len(mentions) - 1) if voice == "active" else (len(mentions) - 1, src)
            add(_kind(kind, mood, mentions[a], text, P), a, o, si, cue.group(0))
