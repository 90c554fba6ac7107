"""Document mentions in a sentence: type words with their number or code, lists of numbers,
codes alone; what the sentence says after each (date, issuer, subject) is read by
:mod:`partykg.ingest.extract.attributes`.
"""

from __future__ import annotations

import re

from partykg.ingest import extract_lang as L
from partykg.ingest.extract.codes import CUT_CODE, _CODE_ISSUER_HYPHEN, _CODE_ISSUER_ONLY, _CODE_LEGISLATURE, _CODE_PARTY, _CODE_PARTY_LOWER, _CODE_SHORT, _CODE_STATE_LOWER, _CODE_SPACED, _CODE_STATE, _CODE_STATE_SPLIT, _abbreviation_types, _INVISIBLE, code_number, code_view, code_types, lower_code, raw_end, type_with_code
from partykg.ingest.extract.data import Body, Mention, Sentence, _norm
from partykg.ingest.extract.named import cue_after as _cue_after, cue_before_named, issued_for, issuer_named, lower_named, possessive_named, vi_id_named as _vi_id_named
from partykg.ingest.extract.patterns import Patterns, _BARE_NUMBER, _NUMBER_YEAR, _alt, cached, per_patterns
from partykg.ingest.extract.issued import date_before_body, later_date
from partykg.ingest.extract.counted import counts_next
from partykg.ingest.extract.compounds import closes_compound
from partykg.ingest.extract.glued import glued_mentions
from partykg.ingest.extract.markedcode import glued_marker_code, marker_glued_codes
from partykg.ingest.extract.nohyphen import unhyphenated_code
from partykg.ingest.extract.letters import letter_mentions
from partykg.ingest.extract.preattrs import pre_attributes
# (_is_filler: read by the relation rules from here)
from partykg.ingest.extract.attributes import _attributes, _is_filler  # noqa: F401



def find_mentions(sent: Sentence, si: int, P: Patterns, bodies: list[Body]) -> list[Mention]:
    text = sent.text
    cview = code_view(text)  # the codes are read with look-alike characters replaced ("NÐ")
    hidden = cview is not text and any(ch in text for ch in _INVISIBLE)  # "12-N\u200bQ/TW"
    base = sent.start
    codes: list[tuple[int, int, str, str]] = []  # start, end, code text, abbreviation
    covered: set[int] = set()
    loose_at: dict[int, tuple[int, str, str]] = {}
    forms = ((_CODE_PARTY, False), (_CODE_STATE, True), (_CODE_SPACED, False),
             (_CODE_LEGISLATURE, True), (_CODE_STATE_LOWER, True),
             (_CODE_PARTY_LOWER, False), (_CODE_STATE_SPLIT, True)) \
        if "/" in cview else ()  # every code form has a slash
    for rx, state in forms:
        for m in rx.finditer(cview):
            abbr = m.groupdict().get("type") or ""
            if rx is _CODE_STATE_SPLIT:  # "N Đ": taken only as one of the scheme's abbreviations
                abbr = "".join(abbr.split())
                if not _abbreviation_types(abbr, state=True):
                    continue
            if rx is _CODE_PARTY_LOWER and not _abbreviation_types(abbr, party=True):
                continue  # lower case: a code only with one of the scheme's abbreviations
            if state and abbr and not _abbreviation_types(abbr):
                # "Công văn số 1234/BNV-TCBC": an issuer and a unit, no type; a code only
                # right after a type word
                loose_at.setdefault(m.start(), (m.end(), m.group(0), ""))
                continue
            if m.start() in covered:
                continue
            covered.update(range(m.start(), m.end()))
            codes.append((m.start(), raw_end(text, m.start(), m.end()) if hidden else m.end(),
                          m.group(0), abbr))
    for gs, ge, gc, ga in marker_glued_codes(cview, L.NUMBER_MARKERS[P.lang]):  # "số31-QĐ/TW"
        if gs not in covered:
            covered.update(range(gs, ge))
            codes.append((gs, raw_end(text, gs, ge) if hidden else ge, gc, ga))
    if "/" in cview:  # "Công văn số 772/BXD": the issuer alone, a code only after a type word
        for m in _CODE_ISSUER_ONLY.finditer(cview):
            if m.start() not in covered:
                loose_at.setdefault(m.start(), (m.end(), m.group(0), ""))
    codes.sort()
    code_at = {s: (e, c, a) for s, e, c, a in codes}
    used_codes: set[int] = set()
    out: list[Mention] = []

    for tm in _type_matches(text, P):
        ts, te = tm.start(), tm.end()
        if out and ts < max(m.end for m in out[-3:]) - base:
            continue
        word = tm.group(0)
        if closes_compound(text, ts, te, P):
            continue  # "… quy phạm pháp luật số …": the compound, not the type word
        if P.lang == "vi" and " " in word and not word[:1].isupper():
            # "thông báo Kết luận 20/2022": a verb, then the capitalised type word
            sub = P.type_re.search(text, ts + 1, te)
            if sub and sub.group(0)[:1].isupper():
                word = sub.group(0)  # the span keeps the verb: it joins a list
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
        colon = _COLON.match(text, pos)
        if colon:  # "các Quy định: số 89-QĐ/TW, …": a list introduced by a colon
            after = P.marker_re.match(text, colon.end())
            if after and after.group(0).strip():
                pos = colon.end()
        mk = P.marker_re.match(text, pos)
        marked = bool(mk and mk.group(0).strip())
        if marked:  # the page may write the marker twice ("SỐ SỐ")
            mk = P.marker_re.match(text, mk.end()) if P.marker_re.match(text, mk.end()) and \
                P.marker_re.match(text, mk.end()).group(0).strip() else mk
        if mk:
            pos = mk.end()
            if marked and text[pos:pos + 1] == ":":  # a header's "Luật số: NN/…"
                pos = _COLON_SP.match(text, pos).end()
        elif text[pos:pos + 1] in (" ", "\t"):
            pos += 1
        number = code = year = None
        end = None
        low = lower_code(cview, pos) if marked and pos not in code_at else None
        if low:  # "Nghị định số 83/2014/nđ-cp"
            end, code = low
            number = code_number(code)
            tkey = type_with_code(tkey, code)
        elif pos in code_at or pos in loose_at:
            cend, ctext, _abbr = code_at.get(pos) or loose_at[pos]
            code, end = ctext, cend
            used_codes.add(pos)
            number = code_number(ctext)
            tkey = type_with_code(tkey, ctext)
        elif marked and unhyphenated_code(cview, pos, tkey):  # "Nghị định số 61/2018/NĐCP"
            end, code, number = unhyphenated_code(cview, pos, tkey)
        elif marked and glued_marker_code(text, pos):  # "décret No111/2015/ND-CP"
            end, code = glued_marker_code(text, pos)
            number = code_number(code)
            tkey = type_with_code(tkey, code)
        elif _CODE_SHORT.match(cview, pos):
            nm = _CODE_SHORT.match(cview, pos)
            number, code, end = nm.group("number"), nm.group(0), nm.end()
        elif _CODE_ISSUER_HYPHEN.match(cview, pos):  # "Decree 100-CP": an old state code
            nm = _CODE_ISSUER_HYPHEN.match(cview, pos)
            number, code, end = nm.group("number"), nm.group(0), nm.end()
        elif _NUMBER_YEAR.match(text, pos):
            nm = _NUMBER_YEAR.match(text, pos)
            number, end, year = nm.group("number"), nm.end(), nm.group("year")
        elif CUT_CODE.match(cview, pos):
            # "Quyết định số 15/2006/" cut by the excerpt's end: the number only
            nm = CUT_CODE.match(cview, pos)
            number, end = nm.group("number"), nm.end("number")
        else:
            nm = _BARE_NUMBER.match(text, pos)
            if nm and (marked or not (len(nm.group("number")) == 4
                                      and nm.group("number")[:2] in ("19", "20"))) \
                    and not (not marked and (P.unit_after_re.match(text, nm.end())
                                             or counts_next(text, nm.start("number"), nm.end(), P))):
                number, end = nm.group("number"), nm.end()
        plural = word.lower().endswith("s") and P.lang in ("en", "fr") and not word.lower() in (
            "avis", "status") or bool(P.plural_before_re and P.plural_before_re.search(
                text[max(0, ts - 12):ts]))
        if end is not None:
            m = Mention(base + ts, base + end, text[ts:end], si, tkey, number, code,
                        date=year, issuer=issuer_inline, plural=plural)
            out.append(m)
            # a list of numbers: "Resolutions 901, 902, 903"
            lp = end
            head_index = len(out) - 1
            for _ in range(12):
                lm = P.list_sep_re.match(text, lp)
                if not lm:
                    break
                p2 = lm.end()
                if p2 in code_at:
                    cend, ctext, _abbr = code_at[p2]
                    used_codes.add(p2)
                    num2 = code_number(ctext)
                    if num2 is None:
                        break
                    item = Mention(base + p2, base + cend, ctext, si, type_with_code(tkey, ctext), num2, ctext,
                                   list_head=head_index)
                    lp = cend
                else:
                    nm = _BARE_NUMBER.match(text, p2)
                    if not nm or not (plural or "," in lm.group(0)):
                        break
                    after = text[nm.end():nm.end() + 12]
                    # the last item after a plural or a list of two may be followed by a verb
                    # ("Resolutions 71, 72 and 80 address"), not by a unit word
                    if not P.list_end_re.match(after) and (
                            (len(out) == head_index + 1 and not plural) or "," in lm.group(0)
                            or P.unit_after_re.match(text, nm.end())):
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
        det = (P.det_before_re.search(before) if P.det_before_re else None) or (
            _POSSESSIVE_DET.search(text, max(0, ts - 60), ts) if P.lang == "en" else None)
        if det is not None and not word[:1].isupper():
            det = None
        det = det or (word[:1].isupper() and possessive_named(text, ts, bodies, base, P))
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
        elif not cap and lower_named(text, ts, te, tkey, P, bodies, base):
            # (one issued here, "ban hành kế hoạch thực hiện …", is no back-reference)
            out.append(Mention(base + ts, base + te, text[ts:te], si, tkey, strong=False,
                               anaphor=not issued_for(text, ts, te, P)))
        elif cap and (det or P.lang in ("vi", "id") or _cue_after(text, te, P, ts)
                      or issuer_named(text, te, P, bodies, base)
                      or cue_before_named(text, ts, te, P)) \
                and (ts > 0 or P.lang != "en"):
            # a capitalised type name for one document: "the Resolution of the … Congress",
            # "the Action Program"; Vietnamese/Indonesian capitalise document names; a
            # relation cue right after names one too ("Programme d'action pour la mise en
            # œuvre de …", "Program Aksi untuk Melaksanakan …")
            if P.lang in ("vi", "id") and not (_vi_id_named(text, te, P)
                                               or _cue_after(text, te, P, ts)):
                continue
            out.append(Mention(base + ts, base + te, text[ts:te], si, tkey, strong=False,
                               anaphor=True))
    # codes without a type word: the type comes from the abbreviation when it is unambiguous
    in_mention = {p for m in out for p in range(m.start - base, m.end - base)}
    for s, e, ctext, abbr in codes:
        if s in used_codes or s in in_mention:
            continue
        # a Party code whose abbreviation the type scheme lacks (Thông tri "TT"), a law's code
        # alone: a document of unknown type
        cs0 = s
        types = code_types(ctext, strict=True) or ("unclassified",)
        number = code_number(ctext)
        if number is None:
            continue
        tm = _named_before(P).search(text, max(0, s - 90), s)
        while tm and not tm.group("word")[:1].isupper():
            # "hướng dẫn thi hành Luật Quản lý thuế số 38/…": a verb spelt as a type word, then
            # the document's capitalised type word: the name starts there
            cap = next((c for c in P.type_re.finditer(text, tm.end("word"), s)
                        if c.group(0)[:1].isupper()), None)
            again = _named_before(P).search(text, cap.start(), s) if cap else None
            if again is None or again.start() != cap.start():
                break
            tm = again
        if tm and (tm.group("word")[:1].isupper() or P.lang == "vi"):
            # "Luật Giao dịch điện tử số 20/2023/QH15": a type word, the document's name, a
            # number marker, the code
            w = P.type_words.get(re.sub(r"\s+", " ", tm.group("word").lower()))
            if w and (not code_types(ctext) or w in code_types(ctext)):
                types, s = (w,), tm.start()
                out = [m for m in out if m.strong or not s <= m.start - base < e]
        elif not code_types(ctext):
            nm = P.untyped_name_re.search(text, max(0, s - 40), s)
            if nm:
                s = nm.start()
        inner = None
        if s < cs0:  # "Nghị quyết của Quốc hội số …": the issuer inside the name
            inner = next((b for b in bodies if base + s < b.start and b.end <= base + cs0
                          and _PREP_END(P).search(text, s, b.start - base)), None)
        out.append(Mention(base + s, base + e, text[s:e], si,
                           types[0] if len(types) == 1 else None, number, ctext, issuer=inner))
    out.extend(letter_mentions(sent, si, P, out))  # "văn bản số 4912/UBND-NC"
    out.extend(glued_mentions(sent, si, out))  # "TT36/2017"
    out.sort(key=lambda m: m.start)
    for m in out:
        _attributes(m, sent, P, bodies, out)
    _list_items(out, sent, P)
    pre_attributes(out, sent, P, bodies)
    for m in out:
        later_date(m, sent, P, out)
    return out


def _list_items(mentions: list[Mention], sent: Sentence, P: Patterns) -> None:
    """A code written alone right after another mention and its attributes, separated by a
    comma, a semicolon or a coordinator and a number marker ("các Quy định số 89-QĐ/TW, ngày
    …; số 214-QĐ/TW"), is one more item of that mention's list: it takes its type."""
    rx = cached(P, "_list_item_re", lambda: re.compile(
        rf"[ \t]{{0,2}}[;,][ \t]{{0,2}}(?:(?:{_alt(L.OBJECT_COORDINATORS[P.lang])})[ \t]{{1,2}})?"
        rf"(?:(?:{_alt(L.NUMBER_MARKERS[P.lang])})[ \t]{{0,2}})?", re.IGNORECASE))
    base = sent.start
    for i in range(1, len(mentions)):
        m, prev = mentions[i], mentions[i - 1]
        if not m.code or not m.text[:1].isdigit() or prev.type in (None, "unclassified"):
            continue
        if m.type not in (None, "unclassified") and m.type != prev.type:
            continue
        allowed = code_types(m.code)
        if allowed and prev.type not in allowed:
            continue
        if rx.fullmatch(sent.text, max(prev.tail_end, prev.end) - base, m.start - base):
            m.type = prev.type
            m.list_head = prev.list_head if prev.list_head is not None else i - 1


_COLON = re.compile(r"[ \t]{0,2}:")
_COLON_SP = re.compile(r":[ \t]{0,3}")
_CAMEL = re.compile(r"[a-zà-ỹđ][A-ZĐ]")


def _type_matches(text: str, P: Patterns) -> list[re.Match]:
    """The type words of a sentence, with those glued to the word before ("replacingRegulation";
    looked for only where a lower-case letter meets a capital)."""
    found = list(P.type_re.finditer(text))
    if _CAMEL.search(text):
        found += P.glued_type_re.finditer(text)
        found.sort(key=lambda m: m.start())
    return found


# "the (draft) Government's Action Program": a possessive determines the name
_POSSESSIVE_DET = re.compile(r"(?<![\w])the[ \t]{1,2}(?:[a-z]{2,12}[ \t]{1,2})?(?:[A-Z][\w-]{0,20}"
                             r"[ \t]{1,2}){0,4}[A-Z][\w-]{0,20}['’]s[ \t]{1,2}$")


@per_patterns
def _PREP_END(P: Patterns) -> re.Pattern:
    """An issuer preposition ending the text before a body ("… của ", "… of the ")."""
    rx = re.compile(rf"(?<![\w])(?:{_alt(L.ISSUER_PREPS[P.lang])})[ \t]{{1,2}}(?:the[ \t]{{1,2}})?$",
                    re.IGNORECASE)
    return rx


@per_patterns
def _named_before(P: Patterns) -> re.Pattern:
    """A type word, then up to eight words of a name (no punctuation, no number but a year
    closing it: "the Law on Enterprises 2020 No. …"), then a number marker, right before a
    position."""
    rx = re.compile(rf"(?<![\w])(?P<word>{_alt(P.type_words)})(?:[ \t]{{1,2}}[^\W\d_][\w'’-]{{0,20}}){{1,8}}"
                    rf"(?:[ \t]{{1,2}}(?:19|20)\d\d)?"
                    rf"[ \t]{{1,2}}(?:{_alt(L.NUMBER_MARKERS[P.lang])})[ \t]{{0,2}}$", re.IGNORECASE)
    return rx
