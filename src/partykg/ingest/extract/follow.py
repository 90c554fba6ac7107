"""Relations that follow the sentence, after the per-sentence cue pass
(:mod:`partykg.ingest.extract.relations`) and the back-references
(:mod:`partykg.ingest.extract.backrefs`):

- coordinated objects: a cue applies to every object joined to its first one ("thay thế Chỉ thị
  số NN-CT/TW, ngày …, và Kết luận số NN-KL/TW", "replaces Regulation No. NN … and Regulation
  No. NN …");
- the sentence's subject through modifiers: a participle or coordinated verb after a comma or
  "and" ("Regulation NN consists of NN chapters …, replacing …"; "X (X) on the implementation of
  …, replacing …"; "issued a new directive on …, replacing …"; "The regulation takes effect … and
  replaces …") has the sentence's subject, or the document the sentence says was issued;
- unnamed earlier documents: "a new resolution replacing the previous one", "thay thế nghị
  quyết trước": the document of that type named before;
- the text's own document (its header, title lines, fronted clause): in
  :mod:`partykg.ingest.extract.owndoc`;
- a bracketed replacement after a planned matter ("tham mưu … về X (thay thế Chỉ thị số NN)"):
  a planned new document;
- plans stay plans: an unnamed new document after a plan ("agreed to issue a new resolution …")
  plans its replacement; it does not make one.

The rules are generic: the words they use are per-language data in
:mod:`partykg.ingest.extract_cues`; none names a document, a body or an article.
"""

from __future__ import annotations

import re

from partykg.ingest import extract_lang as L
from partykg.ingest.extract_cues import PARTICIPLE_ENDINGS
from partykg.ingest.extract.backrefs import compatible
from partykg.ingest.extract.basis import bases
from partykg.ingest.extract.codes import normal_code
from partykg.ingest.extract.data import Mention, Relation, Sentence, by_sentence
from partykg.ingest.extract.mentions import _is_filler
from partykg.ingest.extract.patterns import Patterns, _alt
from partykg.ingest.extract.effecttable import effect_history
from partykg.ingest.extract.frontnext import fronted_sentence
from partykg.ingest.extract.samesubject import same_subject
from partykg.ingest.extract.titledplan import titled_plans
from partykg.ingest.extract.coordstop import clause_after, comma_participle, parallel_issued
from partykg.ingest.extract.followbase import (_cue_info, _kind, _lang, _object_of, _reach,
                                               planned)
from partykg.ingest.extract.owndoc import (_bracket_titles, _fronted_header, _header, _titles,
                                           enacted_header, self_document)
from partykg.ingest.extract.ownclause import purpose_of_main_clause
from partykg.ingest.extract.ownfronted import fronted_self
from partykg.ingest.extract.promulgates import promulgated
from partykg.ingest.extract.sole import lower_case_objects, shared_relation, shared_target
from partykg.ingest.extract.relations import fronted_objects, reviewed

BACK_SENTENCES = 30  # how far back "the previous one" looks
# an English possessor right before the document ("the Government’s", "the Prime Minister's"):
# the document's issuer, no words of the lead (set LF)
_POSSESSOR = re.compile(r"(?:[A-Z][\w-]{0,20}[ \t]{1,2}){0,3}[A-Z][\w-]{0,20}['’]s[ \t]{1,2}$")


def follow(text: str, sentences: list[Sentence], mentions: list[Mention],
           relations: list[Relation], header: int | None, P: Patterns) -> None:
    """Add the relations of the module docstring to ``relations`` (and the mentions of
    "the previous one" to ``mentions``, at the end)."""
    have = {(r.kind, r.source, r.target) for r in relations}

    def add(kind: str, a: int, b: int, si: int, cue: str) -> None:
        if a == b or (kind, a, b) in have:
            return
        if kind == "plannedToReplace" and ("replaces", a, b) in have:
            return
        have.add((kind, a, b))
        relations.append(Relation(kind, a, b, si, cue))

    # plans stay plans: a replacement made by an unnamed document after a plan verb
    for r in relations:
        if r.kind == "replaces" and planned(mentions[r.source], text, P):
            have.discard((r.kind, r.source, r.target))
            r.kind = "plannedToReplace"
            have.add((r.kind, r.source, r.target))
    by_sent = by_sentence(mentions)
    rel_sent: dict[int, set[tuple[int, int]]] = {}
    for r in relations:
        rel_sent.setdefault(r.sentence, set()).add((r.source, r.target))
    for si, idx in sorted(by_sent.items()):
        sent = sentences[si]
        cues = list(P.cue_re.finditer(sent.text))
        if not cues:
            continue
        _subject_through_modifiers(text, sent, si, idx, mentions, rel_sent.get(si, set()), cues,
                                   P, add)
        _previous_one(text, sent, si, idx, mentions, cues, P, add)
    _issued_unnamed(text, sentences, by_sent, mentions, P, add, header)
    fronted_sentence(sentences, by_sent, mentions, P, add)
    titled_plans(text, sentences, by_sent, mentions, P, add)
    effect_history(text, mentions, relations, P.lang, add)
    lower_case_objects(text, sentences, by_sent, mentions, P, add)
    _titles(text, sentences, by_sent, mentions, P, add)
    _bracket_titles(text, sentences, by_sent, mentions, P, add)
    _bracket_plans(text, sentences, by_sent, mentions, relations, P, add)
    if header is None:
        self_document(text, sentences, by_sent, mentions, P, add)
    if header is not None:
        enacted_header(text, header, mentions, P)
        _header(text, header, mentions, P, add)
        _fronted_header(sentences, by_sent, header, mentions, P, add)
        fronted_self(sentences, by_sent, header, mentions, P, add)
        bases(text, sentences, by_sent, header, mentions, P, add)
    promulgated(sentences, by_sent, mentions, relations, P, add)
    same_subject(mentions)
    _one_unnamed_document(mentions, relations)
    shared_relation(mentions, relations, header)
    shared_target(mentions, relations)
    # coordinated objects, last, so they extend every relation found above
    for r in list(relations):
        _coordinated(sentences[r.sentence], r, by_sent.get(r.sentence, []), mentions, P, add,
                     relations)


def sentence_subject(sent: Sentence, idx: list[int], mentions: list[Mention], before: int,
                     P: Patterns) -> int | None:
    """The sentence's subject document: its first mention when only a determiner, a
    description or an opening date comes before it; else the document the sentence says was
    issued (the first mention right after an issuing verb). Offsets relative to the sentence."""
    base = sent.start
    text = sent.text
    cands = [j for j in idx if mentions[j].list_head is None and mentions[j].end - base <= before]
    if not cands:
        return None
    first = mentions[cands[0]]
    lead = text[:first.start - base]
    om = P.opener_re.match(lead)
    if om and "," in lead:
        lead = lead[lead.index(",") + 1:]
    lead = re.sub(r"^[\W\d_]{0,6}\(?[A-Z]{2,8}\)?[ \t]{0,2}[-–—:][ \t]{0,2}", "", lead)
    lead = _POSSESSOR.sub("", lead)  # "Pursuant to the Government’s Decree NN …": the issuer's
    fronted = fronted_objects(sent, idx, mentions, P)  # "Thực hiện X, … ban hành Y": not X
    if len(lead.strip()) <= 25 and not P.issue_verb_re.search(lead + " ") and not re.search(
            r"[;:]", lead) and cands[0] not in fronted:
        return cands[0]
    for j in cands:
        m = mentions[j]
        if j not in fronted and P.issue_verb_re.search(
                text[max(0, m.start - base - 60):m.start - base]):
            return j
    return None


def _subject_through_modifiers(full, sent, si, idx, mentions, in_rel, cues, P, add) -> None:
    base = sent.start
    text = sent.text
    L_ = _lang(P)
    for cue in cues:
        info = _cue_info(P, cue)
        if info is None:
            continue
        if reviewed(text, cue.start(), P):
            continue
        b = _object_of(cue, sent, idx, mentions, P)
        if b is None:
            continue
        if any(b in pair for pair in in_rel):
            continue  # the per-sentence pass found its other end
        kind, voice, mood = info
        s = sentence_subject(sent, idx, mentions, cue.start(), P)
        if not L_.coord_end.search(text[:cue.start()].rstrip(" \t")) and not (
                voice == "passive" and s is not None and _titled_subject(s, b, cue, sent, idx,
                                                                         mentions)):
            continue
        if s is None or s == b:
            continue
        S = mentions[s]
        if ";" in text[_reach(S) - base:cue.start()] or _reach(S) - base > cue.start():
            continue
        if purpose_of_main_clause(text, S.start - base, text[_reach(S) - base:cue.start()],
                                  cue.group(0), P):
            continue  # "Theo X, để thực hiện Y, <main clause>"
        if voice == "passive":
            # "X amends Y detailing …, amended under Z": the participle is about the object Y
            objs = [y for x, y in in_rel if x == s and mentions[y].start - base < cue.start()]
            if objs:
                s = max(objs, key=lambda y: mentions[y].start)
        a, o = (s, b) if voice == "active" else (b, s)
        add(_kind(kind, mood, mentions[a], full, P), a, o, si, cue.group(0))


def _titled_subject(s: int, b: int, cue, sent: Sentence, idx: list[int],
                    mentions: list[Mention]) -> bool:
    """ "Quyết định NN Quy chế quản lý …, … đã được thay thế bởi Quyết định NN": a passive cue
    after the subject's title, with no other numbered document between: about the subject."""
    base = sent.start
    S = mentions[s]
    if S.start - base > 25 or cue.start() - (S.end - base) > 300:
        return False
    return not any(mentions[j].strong and j not in (s, b) and S.end <= mentions[j].start
                   and mentions[j].end - base <= cue.start() for j in idx)


def _previous_one(full, sent, si, idx, mentions, cues, P, add) -> None:
    """"… replacing the previous one": a back-reference to the document of that type named
    before the sentence's subject."""
    base = sent.start
    text = sent.text
    for pm in _lang(P).previous.finditer(text):
        cue = next((c for c in reversed(cues) if c.end() <= pm.start()
                    and _is_filler(text[c.end():pm.start()])), None)
        if cue is None:
            continue
        info = _cue_info(P, cue)
        if info is None:
            continue
        s = _source_before(sent, idx, mentions, cue.start(), P)
        if s is None:
            continue
        S = mentions[s]
        tword = next((v for k, v in pm.groupdict().items() if v), None)
        tkey = P.type_words.get(re.sub(r"\s+", " ", tword.lower())) if tword else S.type
        ante = None
        same = {s, S.antecedent}
        for j in range(s - 1, -1, -1):
            o = mentions[j]
            if o.sentence < S.sentence - BACK_SENTENCES:
                break
            if j in same or (S.antecedent is not None and _same_doc(o, mentions[S.antecedent])):
                continue
            if o.strong and compatible(tkey, o.type) and o.type is not None:
                ante = j
                break
        if ante is None:
            continue
        a0, a1 = base + pm.start(), base + pm.end()
        ref = next((j for j in idx if mentions[j].start < a1 and a0 < mentions[j].end), None)
        if ref is None:
            mentions.append(Mention(a0, a1, pm.group(0), si, tkey, strong=False, anaphor=True,
                                    antecedent=ante, tail_end=a1))
            ref = len(mentions) - 1
        else:
            mentions[ref].antecedent = ante
        kind, voice, mood = info
        a, o = (s, ref) if voice == "active" else (ref, s)
        add(_kind(kind, mood, mentions[a], full, P), a, o, si, cue.group(0))


def _issued_unnamed(full, sentences, by_sent, mentions, P: Patterns, add,
                    header: int | None = None) -> None:
    """ "Ban Thường vụ Tỉnh ủy vừa ban hành Kế hoạch thực hiện Nghị quyết số NN", "signed and
    promulgated the plan to implement Resolution No. NN": an unnumbered document the sentence
    says was issued, right before a cue, is that cue's subject. In a document's own text, after
    its header, one of the header's type ("The Government promulgates a Decree providing
    amendments to …") is the header's document."""
    for si, idx in sorted(by_sent.items()):
        sent = sentences[si]
        base = sent.start
        text = sent.text
        taken = [(mentions[j].start - base, mentions[j].end - base) for j in idx]
        for tm in P.type_re.finditer(text):
            if any(a < tm.end() and tm.start() < b for a, b in taken):
                continue
            before = text[max(0, tm.start() - 60):tm.start()]
            iv = P.issue_verb_re.search(before)
            if iv is None or iv.group(0).split()[0].lower() in L.BARE_VERBS.get(P.lang, ()) or \
                    (P.plural_before_re and P.plural_before_re.search(before)):
                continue
            cue = P.cue_re.match(text, tm.end() + (len(text[tm.end():]) - len(
                text[tm.end():].lstrip(" \t"))))
            info = _cue_info(P, cue) if cue else None
            if info is None or info[1] != "active" or reviewed(text, cue.start(), P):
                continue
            b = _object_of(cue, sent, idx, mentions)
            if b is None or not (mentions[b].strong or mentions[b].name_key is not None):
                continue  # (a document named by its congress or title is named too)
            # "Nghị quyết số NN/NQ-CP … ban hành Kế hoạch thực hiện …": the numbered document
            # promulgates the plan (promulgates.py), the plan is not a document of its own
            vstart = tm.start() - len(before) + iv.start()
            prior = [j for j in idx if mentions[j].end - base <= vstart and mentions[j].strong]
            if prior:
                gap = text[min(_reach(mentions[prior[-1]]) - base, vstart):vstart]
                if len(gap) <= 80 and not re.search(r"[,;:.]", gap):
                    continue
            tkey = P.type_words.get(re.sub(r"\s+", " ", tm.group(0).lower()))
            a0, a1 = base + tm.start(), base + tm.end()
            mentions.append(Mention(a0, a1, full[a0:a1], si, tkey, strong=False, tail_end=a1))
            a = len(mentions) - 1
            if header is not None and mentions[header].type == tkey and \
                    mentions[header].end <= a0 and b != header:
                mentions[a].antecedent = header
            add(_kind(info[0], info[2], mentions[a], full, P), a, b, si, cue.group(0))


def _one_unnamed_document(mentions: list[Mention], relations: list[Relation]) -> None:
    """Unnumbered documents of one type in one text with the same relation to the same document
    (a page title "Kế hoạch thực hiện Nghị quyết số NN" and its text "… ban hành Kế hoạch thực
    hiện như sau:") are one document."""
    first: dict[tuple, int] = {}
    # (in the order the mentions were found: the one an antecedent points to is grouped first,
    # even when a later rule added it, as a title line, before it in the text)
    for r in sorted(relations, key=lambda r: r.source):
        m = mentions[r.source]
        if m.strong or m.new or m.antecedent is not None or m.type is None:
            continue
        t = mentions[r.target]
        tkey = normal_code(t.code).replace(" ", "").upper() if t.code else \
            (t.type, t.number_key) if t.number_key else t.name_key
        if tkey is None:
            continue  # (two unnumbered, unnamed objects need not be one document)
        key = (r.kind, m.type, tkey)
        if key in first and first[key] != r.source:
            m.antecedent = first[key]
        else:
            first.setdefault(key, r.source)


def _bracket_plans(full, sentences, by_sent, mentions, relations, P: Patterns, add) -> None:
    """ "… tham mưu Bộ Chính trị về X (thay thế Chỉ thị số NN)", "proposed to the Politburo on X
    (to replace Directive NN)": a bracketed replacement after a planned matter with no document
    named in its clause: the new document is that matter, planned."""
    L_ = _lang(P)
    targets = {r.target for r in relations} | {r.source for r in relations}
    for si, idx in sorted(by_sent.items()):
        sent = sentences[si]
        base = sent.start
        text = sent.text
        for cue in P.cue_re.finditer(text):
            info = _cue_info(P, cue)
            if info is None or info[0] != "replaces" or info[1] != "active":
                continue
            if not (cue.group(0).startswith("(") or text[:cue.start()].rstrip(" \t").endswith("(")):
                continue
            b = _object_of(cue, sent, idx, mentions)
            if b is None or b in targets:
                continue
            opening = text.rfind("(", 0, cue.start() + 1)
            ends = [e.end() for e in re.finditer(r"[.;!?](?=[ \t]{0,2}[A-ZÀ-ỸĐ])|;", text[:opening])]
            clause_start = ends[-1] if ends else 0
            clause = text[clause_start:opening]
            if any(clause_start <= mentions[j].start - base < opening for j in idx):
                continue
            ag = L_.agree.search(clause)
            sp = P.subject_prep_re.search(clause, ag.end()) if ag else None
            if sp is None or not clause[sp.end():].strip():
                continue
            a0 = base + clause_start + sp.end()
            a1 = base + opening
            while a1 > a0 and full[a1 - 1] in " \t":
                a1 -= 1
            mentions.append(Mention(a0, a1, full[a0:a1], si, "unclassified", strong=False,
                                    new=True, subject=full[a0:a1], tail_end=a1))
            add("plannedToReplace", len(mentions) - 1, b, si, cue.group(0))


def _same_doc(a: Mention, b: Mention) -> bool:
    if a.code and b.code:
        return normal_code(a.code).replace(" ", "").upper() == normal_code(b.code).replace(
            " ", "").upper()
    return bool(a.number and a.number_key == b.number_key and a.type == b.type)


def _source_before(sent, idx, mentions, cue_start: int, P: Patterns) -> int | None:
    base = sent.start
    before = [j for j in idx if mentions[j].list_head is None
              and _reach(mentions[j]) - base <= cue_start]
    if not before:
        return None
    last = before[-1]
    gap = sent.text[_reach(mentions[last]) - base:cue_start]
    if len(gap) <= 60 and ";" not in gap:
        return last
    return sentence_subject(sent, idx, mentions, cue_start, P)


def _issuer_of(m: Mention) -> str | None:
    return m.issuer.match_key if m.issuer is not None else None


def _coordinated(sent: Sentence, r: Relation, idx: list[int], mentions: list[Mention],
                 P: Patterns, add, relations: list[Relation] = ()) -> None:
    """Extend a relation to the objects coordinated with its object."""
    base = sent.start
    text = sent.text
    src, tgt = mentions[r.source], mentions[r.target]
    obj_is_target = tgt.start > src.start
    obj = r.target if obj_is_target else r.source
    other = r.source if obj_is_target else r.target
    L_ = _lang(P)
    prev = obj
    # a list announced before a colon ("thay thế các văn bản sau: A …; B …; C …"): every
    # numbered document opening a ";"-separated item is an object, whatever the items say
    colon_list = _colon_list(text[:mentions[obj].start - base], P)
    # a participle cue right after its subject ("Decree X replacing A and B takes effect …",
    # "X, replacing A and B, was signed …"): the verb after the last object is X's, no clause
    # of B's own
    participle = obj_is_target and _participle_cue(r.cue, text, src, base, L_, P)
    for j in idx:
        N = mentions[j]
        if N.start <= mentions[obj].start or j == other:
            continue
        if N.list_head is not None and N.list_head == prev:
            pass
        else:
            gap = text[_reach(mentions[prev]) - base:N.start - base]
            tt = L_.term_tail.match(gap)
            gap = gap[tt.end():] if tt else gap
            gm = L_.coord_gap.fullmatch(gap)
            # the previous object's phrase may end on the coordinator ("… on X and")
            joined = gm and (("," in gap) or gap.strip(" \t,")
                             or L_.coord_end.search(text[:_reach(mentions[prev]) - base]))
            # a list of numbered documents separated by semicolons ("thay thế A …; B …")
            # (not when the other end is itself in an item of a ";" list: "…; X on amending Y;
            # Z on …", "…; A …, and X adjusting Y; Z …": the semicolon ends X's item)
            # (nor after a passive note's agent: "… amended by A; B …" lists B with X)
            listed = (N.strong and mentions[prev].strong and N.code and obj_is_target
                      and re.fullmatch(r"[ \t]{0,2};[ \t]{0,2}", gap)
                      and ";" not in text[:mentions[other].start - base]
                      and not fronted_objects(sent, idx, mentions, P))  # ";" lists those
            item = colon_list and N.strong and text[:N.start - base].rstrip(" \t").endswith(";")
            if not (joined or listed or item):
                break
            if listed and not (joined or item) and any(
                    q.source == j and q.sentence == r.sentence and (
                        q.kind == r.kind or not P.subject_prep_re.search(
                            text[N.end - base:_reach(N) - base])) for q in relations):
                break  # "A implementing X …; B implementing Y" (or continuing it, its cue no
                # part of a subject "về việc …"): parallel items, not objects
        O = mentions[other]
        if not N.strong and N.name_key is None and N.antecedent is None and N.type == O.type \
                and not O.strong and O.antecedent is None:
            break  # "…; Chương trình A thực hiện X và Chương trình B …": a parallel item of the
            # unnumbered other end's type, named by no number or name, is no object of its cue
        if r.kind != "continues" and _issuer_of(N) and _issuer_of(N) == _issuer_of(
                mentions[other]) != _issuer_of(mentions[prev]):
            # the issuer of the other end, not of the objects: an outer list goes on (but a
            # conclusion continues the earlier conclusions of its own body)
            break
        # a cue after N opens a new clause, unless it goes on N's own subject ("Kết luận số NN
        # về việc điều chỉnh, bổ sung …")
        own = N.subject and P.subject_prep_re.search(text[N.end - base:_reach(N) - base])
        # … or N's own relation, found in its sentence ("… và Chương trình số NN thực hiện X")
        own = own or any(q.source == j and q.sentence == r.sentence for q in relations)
        if (L_.clause.match(text, _reach(N) - base) and not participle) or (
                not own and P.cue_re.match(text[_reach(N) - base:].lstrip(" \t,"))
                and not comma_participle(text, _reach(N) - base, P.lang)):
            break
        nxt = next((mentions[k].start - base for k in idx if mentions[k].start > N.start), None)
        if (obj_is_target and own and parallel_issued(text, base, mentions[other], N, P)) \
                or (clause_after(text, _reach(N) - base, P.lang, nxt) and not participle):
            # "issued Conclusion A on continuing to implement X, and Regulation B on Y";
            # "… replaced X and Conclusion B continued to …": not the cue's objects
            break
        if re.match(rf"(?:{_alt(L.ISSUE_VERBS[P.lang])})[ \t]", text[_reach(N) - base:].lstrip(" \t"),
                    re.IGNORECASE):
            break  # "…; Nghị quyết số NN ban hành Chương trình …": N's own clause
        a, b = (other, j) if obj_is_target else (j, other)
        add(r.kind, a, b, r.sentence, r.cue)
        prev = j


def _participle_cue(cue: str, text: str, src: Mention, base: int, L_, P: Patterns) -> bool:
    """The cue is a participle (its first word ends as one: PARTICIPLE_ENDINGS) standing after
    its subject with no verb of a clause between them, the subject the object of no verb
    ("… issued X replacing A and B was …": the sentence's verb came before, B's is its own)."""
    first = cue.strip().split(" ", 1)[0].lower()
    ends = PARTICIPLE_ENDINGS.get(P.lang, ())
    if not ends or not first.endswith(ends):
        return False
    if P.issue_verb_re.search(text[max(0, src.start - base - 40):src.start - base]) \
            or L_.clause.search(text[:src.start - base]):
        return False
    at = text.find(cue, _reach(src) - base)
    gap = text[_reach(src) - base:at] if at >= 0 else None
    return gap is not None and len(gap) <= 40 and L_.clause.search(gap) is None


def _colon_list(before: str, P: Patterns) -> bool:
    m = re.search(r"(?<![\w])([^\W\d_]+(?:[ \t]{1,2}[^\W\d_]+)?)[ \t]{0,2}:[ \t]{0,3}$", before)
    return bool(m) and any(m.group(1).lower().endswith(w) for w in L.LIST_INTRO[P.lang])


__all__ = ["follow", "planned", "sentence_subject"]
