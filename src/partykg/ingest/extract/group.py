"""The article: sentences -> mentions -> relations -> documents."""

from __future__ import annotations

import re
from functools import lru_cache

from partykg.ingest import extract_lang as L
from partykg.model.ids import CodeError, code_key
from partykg.ingest.extract.agentless import agentless_amended
from partykg.ingest.extract.frontedpronoun import fronted_pronouns
from partykg.ingest.extract.invisible import reading_view, restored
from partykg.ingest.extract.passivewhen import passive_when
from partykg.ingest.extract.soleunnamed import sole_unnamed
from partykg.ingest.extract.abbrwords import abbreviated, has_abbreviated
from partykg.ingest.extract.listissuer import share_issuers
from partykg.ingest.extract.letters import untyped_letters
from partykg.ingest.extract.headerdate import header_dates
from partykg.ingest.extract.headertype import type_header_codes
from partykg.ingest.extract.codes import _CODE_LEGISLATURE, _CODE_PARTY, _CODE_PARTY_LOWER, _CODE_SPACED, _CODE_STATE, _CODE_STATE_LOWER, _CODE_STATE_SPLIT, _abbreviation_types, code_view, normal_code, parse_any_code
from partykg.ingest.extract.backrefs import find_header, insert_mentions, resolve, subject_refs
from partykg.ingest.extract.frontedissued import fronted_unnamed
from partykg.ingest.extract.coordsubjects import coordinated_subjects
from partykg.ingest.extract.cuelist import cue_lists
from partykg.ingest.extract.singularref import singular_refs
from partykg.ingest.extract.titleline import title_lines
from partykg.ingest.extract.plannedunnamed import planned_unnamed
from partykg.ingest.extract.lowersubject import lower_subjects
from partykg.ingest.extract.purposenext import purpose_next
from partykg.ingest.extract.lowerplan import lower_plans
from partykg.ingest.extract.lowerlabel import lower_labels
from partykg.ingest.extract.leadrefs import drop_lead_refs, insert_lead_refs, lead_refs
from partykg.ingest.extract.follow import follow
from partykg.ingest.extract.sole import sole_numbered
from partykg.ingest.extract.repeatcodes import repeated_codes
from partykg.ingest.extract.data import DocMerger, DocRelation, Document, Extraction, MAX_DOCUMENTS, MAX_OCCURRENCES, Mention, Merger, Relation, Sentence, _norm
from partykg.ingest.extract.sentences import detect_language, split_sentences
from partykg.ingest.extract.patterns import patterns
from partykg.ingest.extract.bodies import find_bodies
from partykg.ingest.extract.mentions import find_mentions
from partykg.ingest.extract.glued import glued_re
from partykg.ingest.extract.named import bare_congresses, key_possessive, name_congresses, possessive_to_header
from partykg.ingest.extract.plenum import name_plenums, settle_plenums
from partykg.ingest.extract.bareobject import bare_objects
from partykg.ingest.extract.draft import drafts
from partykg.ingest.extract.indefissued import issued_indefinite, join_indefinite
from partykg.ingest.extract.ownissued import issued_is_header
from partykg.ingest.extract.dbrow import type_from_row
from partykg.ingest.extract.pluralref import plural_refs
from partykg.ingest.extract.includedlist import included_lists
from partykg.ingest.extract.guidanceon import guidance_on
from partykg.ingest.extract.articlehead import article_heads
from partykg.ingest.extract.constitution import name_constitutions
from partykg.ingest.extract.charter import has_charter, name_charters
from partykg.ingest.extract.congressref import name_lower_refs, settle_congress_refs
from partykg.ingest.extract.titles import name_titles, settle_amending_years, title_relations
from partykg.ingest.extract.programmetitles import name_programmes
from partykg.ingest.extract.relations import find_fronted, find_mergers, find_relations
from partykg.ingest.extract.urls import outside_urls
from partykg.ingest.extract.titleself import title_document, title_self_refs
from partykg.ingest.extract.slugs import has_slug, slug_mentions, slug_relations, slug_titles, unaccented_names


def extract(text: str, lang: str = "auto", fallback: bool = False,
            learned=None) -> Extraction:
    """Extract candidate mentions, relations and mergers from an article's (decoded) text.
    ``fallback``: also the generic fallback's relations (:mod:`.fallback`) where no specific
    rule found one. ``learned``: a learned relation scorer (:mod:`.learned.model`; True: the
    shipped one) adding relations between documents the rules left unrelated."""
    if learned is True:
        from partykg.ingest.extract.learned.model import default_model
        learned = default_model()
    if lang in ("auto", None):
        lang = detect_language(text)
    # invisible characters inside words ("Reso\u00adlution"): read on a view, offsets restored
    view, dropped = reading_view(text, patterns(lang))
    if view is not text:
        return restored(_extract(view, lang, fallback, learned), text, dropped)
    return _extract(text, lang, fallback, learned)


def _extract(text: str, lang: str, fallback: bool = False, learned=None) -> Extraction:
    P = patterns(lang)
    sentences = split_sentences(text)
    mentions: list[Mention] = []
    relations: list[Relation] = []
    mergers: list[Merger] = []
    indefinite: list[Mention] = []  # documents issued under an indefinite article
    for si, sent in enumerate(sentences):
        has_type = (P.type_re.search(sent.text) or P.glued_type_re.search(sent.text)) is not None
        cview = code_view(sent.text)  # look-alike characters replaced ("NÐ-CP")
        has_code = (_CODE_PARTY.search(cview) or _CODE_STATE.search(cview)
                    or _CODE_SPACED.search(cview) or _CODE_LEGISLATURE.search(cview)
                    or glued_re().search(cview) or _CODE_STATE_SPLIT.search(cview)
                    or _CODE_STATE_LOWER.search(cview) or _CODE_PARTY_LOWER.search(cview))
        has_abbr = has_abbreviated(sent.text, P)
        has_merge = P.merge_re.search(sent.text) is not None
        charter = has_charter(sent.text)
        # "thong tu so 133 2016 tt btc": a slug, no type word nor code as the rules read them
        slug = not (has_type or has_code) and has_slug(sent.text, P)
        if not (has_type or has_code or has_abbr or has_merge or charter or slug):
            continue
        bodies = find_bodies(sent, P)
        ms = find_mentions(sent, si, P, bodies) if (has_type or has_code) else []
        if has_abbr:
            ms = abbreviated(sent, si, ms, P, bodies)
        if has_code:
            ms = untyped_letters(sent, si, ms, P, bodies)
        share_issuers(ms, sent, P, bodies)
        ms = name_titles(sent, si, name_plenums(sent, si, name_congresses(sent, si, ms, P), P), P) \
            if has_type else ms
        ms = name_constitutions(sent, si, ms, P) if has_type or has_code else ms
        ms = name_programmes(sent, si, ms, P) if has_type else ms  # "Chương trình phát triển …"
        ms = name_charters(sent, si, ms) if charter else ms
        ms = name_lower_refs(sent, si, ms, P) if has_type else ms
        ms = slug_titles(sent, si, slug_mentions(sent, si, ms, P), P) if slug else ms
        if has_code:
            unaccented_names(sent, ms, P)  # "Quy dinh so 105-QD/TW"
        type_from_row(sent, ms)
        key_possessive(sent, ms, bodies, P)
        ms = bare_objects(sent, si, ms, mentions, P) if has_type else ms
        ms = drafts(sent, si, ms, P) if has_type else ms
        if has_type:
            before = {id(m) for m in ms}
            ms = issued_indefinite(sent, si, ms, P)
            indefinite.extend(m for m in ms if id(m) not in before)
        ms = outside_urls(ms, sent.text, sent.start)  # a page's link names no document
        first = len(mentions)
        mentions.extend(ms)
        for m in ms:
            if m.list_head is not None:
                m.list_head += first
        idx = list(range(first, len(mentions)))
        relations.extend(find_relations(sent, si, idx, mentions, P))
        relations.extend(title_relations(sent, si, idx, mentions, P))
        relations.extend(find_fronted(sent, si, idx, mentions, P))
        relations.extend(fronted_unnamed(sent, si, idx, mentions, relations, P))
        if slug or has_code:
            relations.extend(slug_relations(sent, si, idx, mentions, P))
        if has_merge:
            mergers.extend(find_mergers(sent, si, idx, mentions, bodies, P))
    repeated_codes(text, sentences, mentions, relations)  # "Nghị định 28/CP" … "28/CP"
    bare_congresses(text, mentions, P)  # "Nghị quyết Đại hội" = the article's one congress's
    settle_plenums(mentions)  # "Nghị quyết Trung ương 7" = the article's one term's
    settle_congress_refs(mentions)  # "the congress’s resolution" = the article's one congress's
    # following the sentence: back-references, the header, subjects through modifiers,
    # coordinated objects, "the previous one", plans
    header_dates(text, mentions, P)
    type_header_codes(text, mentions, P)  # "Luật số:" / "62/2025/QH15"
    refs = subject_refs(sentences, mentions, P)
    insert_mentions(mentions, relations, refs)
    _relations_of_refs(sentences, mentions, relations, {m.sentence for m in refs}, P)
    leads = lead_refs(sentences, mentions, relations, P)
    _relations_of_refs(sentences, mentions, relations,
                       insert_lead_refs(mentions, relations, leads, insert_mentions), P)
    header = find_header(text, mentions, P)
    possessive_to_header(mentions, relations, header, text, P.lang)
    resolve(mentions, sentences, relations, header, P)
    title_self_refs(text, sentences, mentions, relations, header, P)  # "This Decree": the title's
    # (with no number line, the title document: "The Government promulgates a Decree …")
    if header is not None:
        issued_is_header(sentences, mentions, header, P)
    else:
        issued_is_header(sentences, mentions, title_document(text, mentions, sentences, P), P,
                         title=True)
    sole_numbered(text, mentions, relations, P)
    join_indefinite(mentions, relations, indefinite)
    planned_unnamed(sentences, mentions, relations, P)
    lower_subjects(sentences, mentions, relations, P)  # "thông tư sửa đổi thông tư 09"
    purpose_next(sentences, mentions, relations, P)  # "Kế hoạch do … ban hành. Với mục đích …"
    lower_plans(sentences, mentions, relations, P)  # "… và kế hoạch thực hiện Nghị quyết số NN"
    cue_lists(sentences, mentions, relations, P)
    title_lines(text, sentences, mentions, relations, P)
    follow(text, sentences, mentions, relations, header, P)
    plural_refs(sentences, mentions, relations, P)
    included_lists(sentences, mentions, relations, P)  # "… the resolutions …, including: …"
    guidance_on(sentences, mentions, relations, P)  # "Guidance NN on some contents of X"
    article_heads(text, sentences, mentions, relations, header, P)  # "Article 1. Amendments to X"
    agentless_amended(sentences, mentions, relations, header, P)  # "Article 6 of X is amended"
    fronted_pronouns(sentences, mentions, relations, P)  # "… X. To implement it, … issued Y"
    passive_when(sentences, mentions, relations, P)  # "X was replaced on DATE by Y"
    singular_refs(sentences, mentions, relations, P)
    coordinated_subjects(sentences, mentions, relations, P)
    drop_lead_refs(mentions, relations, mergers, [m for m, _ in leads])
    lower_labels(sentences, mentions, relations, P)  # "… hoàn thiện chương trình hành động …"
    sole_unnamed(text, mentions, relations, P)  # "the Action Program …" twice: one programme
    settle_amending_years(mentions)  # "the Law Amending … of X" = the one dated amending law of X
    if fallback:
        from partykg.ingest.extract.fallback import fallback_relations
        relations.extend(fallback_relations(sentences, mentions, relations, P))
    if learned is not None:
        relations.extend(learned.propose(text, sentences, mentions, relations, header, P))
    documents = _group(mentions, relations, mergers)
    warnings: list[str] = []
    if len(documents) > MAX_DOCUMENTS:
        warnings.append(f"{len(documents)} documents found; only the first {MAX_DOCUMENTS} are "
                        "kept (is this one article?)")
        documents = sorted(documents, key=lambda d: mentions[d.mentions[0]].start)[:MAX_DOCUMENTS]
    doc_of = {m: d.id for d in documents for m in d.mentions}
    doc_relations = _doc_relations(relations, doc_of)
    if learned is not None:
        doc_relations = learned.settle(doc_relations)
    doc_mergers = _doc_mergers(mergers, doc_of)
    return Extraction(text, lang, sentences, mentions, relations, mergers, documents,
                      doc_relations, doc_mergers, warnings)


def _relations_of_refs(sentences, mentions: list[Mention], relations: list[Relation],
                       sents: set[int], P) -> None:
    """The cues of a sentence that opens with a back-reference added after the sentence pass
    ("The directive replaces …", "Chỉ thị thay thế …"): its relations, found again."""
    have = {(r.kind, r.source, r.target) for r in relations}
    for si in sorted(sents):
        idx = [i for i, m in enumerate(mentions) if m.sentence == si]
        for r in find_relations(sentences[si], si, idx, mentions, P):
            if (r.kind, r.source, r.target) not in have:
                have.add((r.kind, r.source, r.target))
                relations.append(r)


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


def _later_years(mentions: list[Mention], ckey) -> None:
    """A year alone after a code ("… ban hành Kế hoạch thực hiện Kết luận 01-KL/TW năm 2022")
    later than the full date the text gives that code elsewhere ("Kết luận số 01-KL/TW, ngày
    18/5/2021") dates what the phrase is about (a yearly plan), not the document: dropped, so
    the mention stays with its document (a code is issued once; one issued again in a later term
    is dated in full, or by an earlier year than the text's other date)."""
    full: dict[str, set[str]] = {}
    for m in mentions:
        if m.code and m.date and len(m.date) == 10:
            full.setdefault(ckey(m.code), set()).add(m.date[:4])
    for m in mentions:
        if m.code and m.date and len(m.date) == 4:
            years = full.get(ckey(m.code), set())
            if years and m.date not in years and all(y < m.date for y in years):
                m.date = None


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
    _later_years(mentions, ckey)
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
    related = {r.source for r in relations} | {r.target for r in relations}
    for i, m in enumerate(mentions):  # a numbered document's name ("Law on X No. 78/…")
        if m.strong and m.name_key is not None and i in gid:
            by_name.setdefault(m.name_key, gid[i])
    # (an antecedent added after its anaphor, a titled document found late, is grouped first)
    late = {m.antecedent for m in mentions if m.antecedent is not None
            and m.antecedent < len(mentions) and not mentions[m.antecedent].strong
            and mentions[m.antecedent].antecedent is None}
    order = sorted(range(len(mentions)), key=lambda i: i not in late)
    for i in order:
        m = mentions[i]
        if m.strong:
            continue
        if m.name_key is not None and m.antecedent is not None and m.antecedent in gid \
                and mentions[m.antecedent].strong:
            join(gid[m.antecedent], i)  # "the Law on X" after "the Law on X No. 78/…"
            by_name.setdefault(m.name_key, gid[i])
        elif m.name_key is not None:  # named by title or congress: one document per name
            if m.name_key in by_name:
                join(by_name[m.name_key], i)
            else:
                by_name[m.name_key] = new_group(i)
        elif m.antecedent is not None and m.antecedent in gid and not (
                mentions[m.antecedent].name_key is not None and not mentions[m.antecedent].strong
                and i not in related):
            # (a bare "the Resolution" after a named one is no name of it unless it takes
            # part in a relation: the gold lists names only)
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
            code=normal_code(coded[0].code) if coded else None,
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
        key = (r.kind, a, b, r.rule == "learned")  # (a learned one kept apart: settled later)
        if key in out:
            if r.prob is not None and out[key].prob is not None and r.prob > out[key].prob:
                out[key].prob = r.prob
            if (key, r.sentence) not in seen and len(out[key].sentences) < MAX_OCCURRENCES:
                out[key].sentences.append(r.sentence)
            seen.add((key, r.sentence))
            continue
        seen.add((key, r.sentence))
        out[key] = DocRelation("", r.kind, a, b, [r.sentence], r.cue, r.rule, r.prob)
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
