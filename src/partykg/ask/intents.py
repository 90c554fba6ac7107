"""From the mentions of a question to what it asks: the language (from its words, not from the
letters of a code), then the intent, chosen by the cue words around the mentions
(``cues.json``), and the subject among the mentions."""

from __future__ import annotations

import re
import unicodedata
from partykg.records import dataclass, field

from partykg.ask import lexicon
from partykg.ask.mentions import Found, Mention, find
from partykg.errors import PartykgError
from partykg.lazyre import lazy  # compiled when first used (cold start)

MAX_QUESTION = 2000

SUPPORTED = """Supported questions, in English, Vietnamese, French or Indonesian (X: a document such as
"Directive 51", "51-CT/TW", "Chỉ thị 51", "NQ 02/2021", "QĐ 209"; BODY: "the Secretariat", "Ban Bí
thư", "MOFA", "BCT"; PERSON, POST, EVENT as the graph names them):
  What replaces X? / What does X replace?      Văn bản nào thay thế X? / X thay thế văn bản nào?
  Who issued X? When was X issued?             Ai ban hành X? X ban hành khi nào?
  What implements|amends|guides|continues X?   Văn bản nào hướng dẫn|sửa đổi|thực hiện X?
  What does X implement|continue?              X tiếp tục thực hiện văn bản nào?
  Who drafts X? / X is submitted to whom? / Where was X approved? / What was submitted to BODY?
  Is X in force [on YYYY-MM-DD]?               X còn hiệu lực không?
  What did BODY issue [in YEAR]? / List all directives [of BODY] [in YEAR] / Which documents are planned?
  What was merged into BODY? What did BODY merge into? Mergers in YEAR
  What is BODY under? Which committees are under BODY?
  Who is the POST [in YEAR]? Who heads BODY? What posts did PERSON hold?
  When was EVENT? Who chaired|organised EVENT? What did EVENT adopt?
  Tell me about X / What is X about? / X       X là gì? / X nói về gì?
  Qui a publié la décision 209 ?               Apa yang menggantikan Arahan 51?"""


class UnsupportedQuestion(PartykgError):
    """A question about nothing the graph holds, or in a language partykg does not read."""


@dataclass
class Parsed:
    intent: str
    language: str
    found: Found
    subject: Mention | None = None
    relation: str | None = None
    mention: str = ""
    others: list[Mention] = field(default_factory=list)

    @property
    def year(self) -> int | None:
        ys = [m.value for m in self.found.of("year")]
        return ys[0] if ys else None

    @property
    def year_relation(self) -> str | None:
        """"before" / "after" / "since" when the question bounds its year ("issued before 2010",
        "trước năm 2010", "depuis 2019", "sebelum tahun 2015"), else None."""
        if self.year is None:
            return None
        text = f" {self.found.masked.lower()} "
        for rel, by_lang in lexicon.cues()["year_relations"].items():
            words = by_lang.get(self.language, []) if isinstance(by_lang, dict) else []
            if any(re.search(rf"\b{w} year\b", text) for w in words):
                return rel
        return None

    @property
    def date(self) -> str | None:
        ds = [m.value for m in self.found.of("date")]
        return ds[0] if ds else None

    @property
    def change_kinds(self) -> list[str]:
        """merger / establishment / dissolution / renaming, from the question's cue words."""
        text = f" {self.found.masked.lower()} "
        return [k for k, ws in lexicon.cues()["change_words"].items()
                if any(re.search(rf"\b{w}", text) for w in ws)]

    @property
    def statuses(self) -> list[str]:
        return list(dict.fromkeys(m.value for m in self.found.of("status")))

    @property
    def types(self) -> set[str]:
        out: set[str] = set()
        for m in self.found.of("type"):
            out |= m.value
        return out


def _script_ok(text: str) -> bool:
    for ch in text:
        if ch.isalpha() and ord(ch) > 0x24F and not 0x1E00 <= ord(ch) <= 0x1EFF:
            return False
    return True


def language(found: Found) -> str:
    """en, vi, fr or id from the question's words (mentions of codes left out); raises
    :class:`UnsupportedQuestion` for another language."""
    if not _script_ok(found.question):
        raise UnsupportedQuestion("partykg reads questions in English, Vietnamese, French and "
                                  "Indonesian only.\n" + SUPPORTED)
    words = [w for w in found.masked.split() if not w.isupper()]
    scores = _language_scores(words)
    names = _capitalised(found.question)
    if names & set(words):
        # "siapa Nguyen Hoang Nam": a capitalised word inside the question is a name the graph
        # lacks, not a word of the language ("nam", "năm"), unless nothing else is
        kept = _language_scores([w for w in words if w not in names])
        if any(kept.get(lg, 0) for lg in lexicon.LANGS):
            scores = kept
    rest = found.question
    for m in found.mentions:
        if m.how == "code":
            rest = rest.replace(m.text, " ")
    if lexicon.has_vi_letters(unicodedata.normalize("NFC", rest).lower()):
        # a Vietnamese name inside another language's question ("kapan Ban Đối ngoại Trung ương
        # dibubarkan") is no sign of Vietnamese: only the letters outside the names count, when
        # the question has words of another language
        words_out = rest
        for m in found.mentions:
            if m.how == "name" and m.text:
                words_out = words_out.replace(m.text, " ")
        if lexicon.has_vi_letters(unicodedata.normalize("NFC", words_out).lower()) or not any(
                s for lg, s in scores.items() if lg != "vi"):
            scores["vi"] = scores.get("vi", 0) + 3
    ours = {lg: scores.get(lg, 0) for lg in lexicon.LANGS}
    best = max(ours, key=lambda lg: (ours[lg], -lexicon.LANGS.index(lg)))
    other = max((s for lg, s in scores.items() if lg not in lexicon.LANGS), default=0)
    if other >= 2 and other > ours[best]:
        raise UnsupportedQuestion("partykg reads questions in English, Vietnamese, French and "
                                  "Indonesian only.\n" + SUPPORTED)
    return best


def _language_scores(words: list[str]) -> dict[str, int]:
    grams = set(words) | {f"{a} {b}" for a, b in zip(words, words[1:])}
    return {lg: len(grams & ws) for lg, ws in lexicon.language_words().items()}


def _capitalised(question: str) -> set[str]:
    """The words after the first that are written with a capital then small letters, folded."""
    out = set()
    for tok in question.split()[1:]:
        tok = tok.strip("\"'“”‘’«»()[],.;:!?")
        if tok[:1].isupper() and not tok.isupper():
            out.update(lexicon.fold(tok).lower().replace("-", " ").split())
    return out


_ARTICLE = lazy(r"\b(?:the|a|an|le|la|les|l|d)\s+(?=[A-Z]{3,}\b)")
_ARTICLES = frozenset(("the", "a", "an", "le", "la", "les", "l", "d"))


def _drop_articles(masked: str) -> str:
    """``_ARTICLE.sub("", masked)``: the articles before a placeholder ("implements the DOC"),
    with string methods on the masked question (ASCII letters and digits, single spaces), the
    regex on anything else."""
    toks = masked.split(" ")
    if not masked.isascii() or not all(t.isalnum() for t in toks):
        return _ARTICLE.sub("", masked)
    keep = [t for t, nxt in zip(toks, toks[1:] + [""])
            if not (t in _ARTICLES and len(nxt) >= 3 and nxt.isalpha() and nxt.isupper())]
    return " ".join(keep)


_FOLDED = frozenset("abcdefghijklmnopqrstuvwxyz0123456789/@.- ")


def _owner_gap(gap: str) -> bool:
    r"""``re.fullmatch(r"\s*'?\s*s\s+", gap or "-")``: "BODY's BODY2" (string methods on the
    folded question's characters, the regex on anything else)."""
    if not gap:
        return False  # the regex on "-"
    if not set(gap) <= _FOLDED:
        return re.fullmatch(r"\s*'?\s*s\s+", gap or "-") is not None
    t = gap.lstrip(" ")
    return t[:1] == "s" and len(t) > 1 and not t[1:].strip(" ")


def _qualifies(kg, found: Found, m: Mention, t: Mention) -> bool:
    """A body or term that stands next to a type word ("the Government Resolution", "resolusi
    Komite Sentral", "Quy chế làm việc nhiệm kỳ 2025-2030"): part of a document's name."""
    if m.kinds(kg) - {"body", "term"} or not m.candidates:
        return False
    gap = found.folded[m.end:t.start] if m.end <= t.start else found.folded[t.end:m.start]
    return re.fullmatch(r"\s*(?:of the|of|cua|du|de la|de|des|dari)?\s*", gap) is not None


def _kinds(kg, m: Mention) -> set[str]:
    ks = m.kinds(kg)
    if ks or m.shape:
        return ks or {m.shape}
    # a name the graph lacks whose nearest names are of several kinds ("the 15th National Party
    # Congress": congresses and their resolutions): any of their kinds
    from partykg.ask.resolve import describe

    return {describe(kg, c)["kind"] for c in m.suggestions}


def parse(kg, question: str) -> Parsed:
    q = unicodedata.normalize("NFC", " ".join(question.split())).strip()
    if len(question) > MAX_QUESTION:
        raise UnsupportedQuestion(f"question longer than {MAX_QUESTION} characters.\n" + SUPPORTED)
    if not lexicon.fold(q):
        raise UnsupportedQuestion("empty question.\n" + SUPPORTED)
    found = find(kg, q)
    lang = language(found)
    entities = found.entities()
    present: set[str] = set()
    for m in entities:
        present |= _kinds(kg, m)
    for k in ("year", "type", "status", "date"):
        if found.of(k):
            present.add(k)
    if lang in ("en", "fr"):  # articles before a mention ("implements the DOC")
        found.masked = _drop_articles(found.masked)
    singular = [m for m in found.of("type") if m.shape != "plural"]
    qualifiers: list[Mention] = []
    typed_doc = bool(singular) and "document" not in present
    masked = found.masked
    if singular and (typed_doc or any("document" in _kinds(kg, m) for m in entities)):
        # a body or term next to the type word qualifies a document: not the subject
        # ("the Government Resolution on ...", "Quy chế làm việc nhiệm kỳ 2025-2030")
        qualifiers = [m for m in entities if _qualifies(kg, found, m, singular[0])]
        entities = [m for m in entities if m not in qualifiers]
    if typed_doc:  # a document named by its type and words ("the action programme of BODY")
        present.add("document")
        masked = re.sub(r"\bTYPE\b", "DOC", masked, count=1)
    order = [lang, *[lg for lg in lexicon.LANGS if lg != lang]]
    fallback = None
    for lg in order:
        for n, rule in enumerate(lexicon.intent_rules()):
            subject_kinds = set(rule["subject"])
            if not subject_kinds & present:
                continue
            if rule.get("needs_no_entity") and entities:
                continue
            if rule.get("needs_no_document") and any("document" in _kinds(kg, m) for m in entities):
                continue
            against = found.masked if rule["intent"] == "list" else masked
            for hit in lexicon.cue_hits(n, lg, against):
                fits = [m for m in entities if _kinds(kg, m) & subject_kinds]
                # "BODY's BODY2": the owner qualifies what it owns, which is the subject
                owners = {id(a) for a in fits for b in fits if len(b.candidates) == 1
                          and _owner_gap(found.folded[a.end:b.start])}
                fits = [m for m in fits if id(m) not in owners] or fits
                # "which Party Committee is X under": a named entity before a category's words
                # a body named whole, not some words of a name ("which party organisations are
                # under the Government Party Committee")
                subject = next((m for m in fits if len(m.candidates) == 1 and subject_kinds ==
                                {"body"} and not m.how.startswith("words")), None) \
                    or next((m for m in fits if len(m.candidates) == 1), fits[0] if fits else None)
                if subject is None and singular and "document" in subject_kinds \
                        and rule["intent"] != "list":
                    from partykg.ask.names import by_type

                    subject = by_type(kg, found, singular[0])
                    if not subject.candidates and not subject.suggestions \
                            and present & {"year", "body", "status"}:
                        continue  # no such document: "which TYPE did BODY issue in YEAR", a list
                if rule["intent"] == "card" and subject is None:
                    continue
                if rule["intent"] == "list" and subject is None:
                    # "nghị quyết của Chính phủ năm 2021", "instruksi Sekretariat apa saja": the
                    # body after the type word issued them (with a year, or right after it)
                    subject = next((m for m in qualifiers if len(m.candidates) == 1
                                    and _kinds(kg, m) == {"body"} and ("year" in present or any(
                                        not found.folded[t.end:m.start].strip() for t in singular))),
                                   None)
                p = Parsed(rule["intent"], lang, found, subject,
                           mention=subject.text if subject else "")
                if rule.get("relation_from_cue"):
                    rel = " ".join((hit.groupdict().get("rel") or "").split())
                    p.relation = lexicon.relation_words().get(rel, "implements")
                p.others = [m for m in entities if m is not subject]
                if subject is not None and len(subject.candidates) > 1 and any(
                        len(m.candidates) == 1 and m.how != "words of a name" for m in p.others) \
                        and not _precise(kg, p, subject):
                    # a vague mention ("overseas party work") in chatter around a precise one
                    # ("Regulation 86"): an intent about the precise one comes first
                    fallback = fallback or p
                    continue
                return _reroute(kg, p)
        if lg == lang and not entities:
            break
    return _reroute(kg, fallback) if fallback else _nothing(kg, found, lang)


def _precise(kg, p: Parsed, m: Mention) -> bool:
    """A vague mention made precise by the year, type or status the question also names ("who
    chaired the 2023 party work conference of BODY")."""
    from partykg.ask.answer import _narrow

    return len(_narrow(kg, p, m, m.candidates)) == 1


def _asks_who(p: Parsed) -> bool:
    """Whether the question asks for a person or body ("who", "ai", "qui", "siapa"): the
    language's who-words of ``cues.json``, on the question outside its mentions."""
    words = lexicon.cues()["who_words"].get(p.language, [])
    text = f" {p.found.masked.lower()} "
    return any(_word_in(w, text) for w in words)


def _word_in(w: str, text: str) -> bool:
    r"""``re.search(rf"\b{w}\b", text)``; a ``w`` of letters, digits and spaces only (a literal
    text) that is not in ``text`` cannot match, and is not compiled (cold start)."""
    if w.replace(" ", "").isalnum() and w not in text:
        return False
    return re.search(rf"\b{w}\b", text) is not None


def _reroute(kg, p: Parsed) -> Parsed:
    """A card is the answer of last resort: a question that names only a post asks who holds it
    ("Minister of Foreign Affairs in 2023?", "Bộ trưởng Ngoại giao hiện nay"); "who" with a body
    asks for its members or head ("who is head of BODY", "qui est secrétaire du BODY"); "who"
    with an event asks who chaired (or organised) it."""
    if p.subject is not None and p.intent.startswith("event") and p.subject.how.startswith("words"):
        _within_event(kg, p)
    if p.intent != "card" or p.subject is None or not p.subject.candidates:
        return p
    kinds = p.subject.kinds(kg)
    if kinds == {"post"} and not _about(p):
        p.intent = "post_holder"
    elif kinds == {"body"} and _asks_who(p):
        p.intent = "body_members"
    elif kinds == {"event"} and _asks_who(p):
        p.intent = "event_chair"
    return p


def _within_event(kg, p: Parsed) -> None:
    """"The conference on Party building at the 31st Diplomatic Conference": some words of a name
    next to an event named in full are a session of that event; when none of the words' matches
    is one of its sessions, the question is about the event (and its sessions) itself."""
    from partykg.ask.facts import related
    from partykg.model.vocab import PK

    m = p.subject
    for o in p.others:
        if len(o.candidates) != 1 or not o.how.startswith("name") or o.kinds(kg) != {"event"}:
            continue
        parts = related(kg, o.candidates[0], PK + "partOf", "in")
        inside = [c for c in m.candidates if c in parts]
        if inside:
            m.candidates = inside
        elif parts:
            p.others = [x for x in p.others if x is not o] + [m]
            p.subject, p.mention = o, o.text
        return


def _about(p: Parsed) -> bool:
    """"What is POST", "POST là gì": the question asks what the post is, not who holds it."""
    words = lexicon.cues()["what_is_words"].get(p.language, [])
    text = f" {p.found.masked.lower()} "
    return any(re.search(rf"\b{w}\b", text) for w in words)


def _nothing(kg, found: Found, lang: str) -> Parsed:
    """No mention the graph knows: a question about a name it lacks is "not found" (exit 1);
    anything else is not a question partykg answers (exit 2)."""
    from partykg.ask.names import name_index

    index = name_index(kg)
    function = set().union(*lexicon.language_words().values())
    leftover = [w for w in found.masked.split() if not w.isupper() and w not in function]
    known = set()
    for w in leftover:
        if len(w) < 3 or w.isdigit():
            continue
        if w in index:
            known.add(w)
    words = [w for w in leftover if len(w) >= 3 and not w.isdigit()]
    if known and (len(known) >= 2 or len(words) <= 2) and len(known) > 0.6 * len(words):
        text = " ".join(leftover)
        return Parsed("card", lang, found, None, mention=text)
    asked = _asked_about(kg, found, lang, index)
    if asked:
        return Parsed("card", lang, found, None, mention=asked)
    raise UnsupportedQuestion(f"this question is not one partykg understands: "
                              f"{found.question[:200]!r}\n" + SUPPORTED)


def _asked_about(kg, found: Found, lang: str, index: dict) -> str | None:
    """"Tell me about X", "who is X", "X là gì" where X is no name of the graph: X as the
    question writes it, when it looks like a name (a capitalised word, or a word of the graph's
    names or document types), else None."""
    from partykg.ask.mentions import fold_map

    folded, pos = fold_map(found.question)
    stop = set(lexicon.cues()["stopwords"])
    types = {w for k in lexicon.type_words(kg) for w in k.split()}
    for rx in lexicon.about_cues(lang):
        m = rx.search(folded.strip())
        if m is None:
            continue
        lead = len(folded) - len(folded.lstrip())
        a, b = m.start("name") + lead, m.end("name") + lead
        original = found.question[pos[a]:pos[b - 1] + 1].strip(" ?!.") if b > a else ""
        words = [w for w in re.findall(r"[a-z0-9]+", folded[a:b]) if w not in stop]
        content = [w for w in words if len(w) >= 2 and not w.isdigit()]
        if not content or not original:
            continue
        # a name starts with a capital or a word of the graph's names ("the Ministry of Health",
        # "bộ y tế"), not with a common noun ("the capital of France")
        first = next((w for w in original.split() if lexicon.fold(w) not in stop), "")
        if first[:1].isupper() or lexicon.fold(first) in index or lexicon.fold(first) in types:
            return original
    return None
