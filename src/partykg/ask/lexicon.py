"""The words `partykg ask` reads questions with: cue words per language from ``cues.json`` (a
data file next to this module), and from the graph the names of document types and statuses
(SKOS schemes) and the posts with their bodies. Loaded once, regular expressions compiled on
first use, and a cue regex only when the question holds a string its matches need
(:mod:`partykg.ask.cuefilter`)."""

from __future__ import annotations

import os
import re
from functools import lru_cache

from partykg.model import ids
from partykg.store import queries

CUES_FILE = os.path.join(os.path.dirname(__file__), "cues.json")  # no pathlib: cold start
LANGS = ("en", "vi", "fr", "id")


# the letters only Vietnamese writes (a set, not a regex: a class of letters beyond Latin-1
# compiles into a big table, a cost on every cold start)
VI_LETTERS = frozenset("ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ")


def has_vi_letters(text: str) -> bool:
    """Whether ``text`` holds a letter of :data:`VI_LETTERS`."""
    return not VI_LETTERS.isdisjoint(text)


def fold(text: str) -> str:
    """Lower-case ASCII, punctuation as spaces (the form cue regexes are matched against)."""
    return ids.words(ids.fold(text).lower())


@lru_cache(maxsize=1)
def cues() -> dict:
    from partykg.datacache import load_json  # kept parsed: no json on a cold start

    return load_json(CUES_FILE)


def intent_rules() -> list[dict]:
    """The intents in file order (their cue regexes' matches: :func:`cue_hits`)."""
    return cues()["intents"]


@lru_cache(maxsize=1)
def cue_literals() -> dict:
    """cue regex -> strings one of which is in every text it matches (cue_literals.json,
    :mod:`partykg.ask.cuefilter`); empty when the file cannot be read (every regex is tried)."""
    from partykg.ask.cuefilter import LITERALS_FILE
    from partykg.datacache import load_json

    try:
        data = load_json(LITERALS_FILE)["literals"]
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    return data if type(data) is dict else {}


_COMPILED: dict[str, re.Pattern] = {}


def cue_hits(index: int, lang: str, text: str):
    """The matches in ``text`` of the cue regexes of intent number ``index`` in ``lang``, in
    their order. A regex is compiled (once, when first needed) and tried only when ``text``
    holds one of the strings every match of it holds (:func:`cue_literals`): one that cannot
    match is skipped uncompiled."""
    need = cue_literals()
    for p in cues()["intents"][index]["cues"].get(lang, []):
        strings = need.get(p)
        if type(strings) is list and strings and all(type(s) is str and s for s in strings) \
                and not any(s in text for s in strings):
            continue
        rx = _COMPILED.get(p)
        if rx is None:
            rx = _COMPILED[p] = re.compile(p)
        hit = rx.search(text)
        if hit:
            yield hit


def words_regex(kg, kind: str) -> re.Pattern | None:
    """One regex for every status word or every type word (longest first)."""
    c = _cache(kg)
    key = f"{kind}_words_rx"
    if key not in c:
        table = status_words(kg) if kind == "status" else type_words(kg)
        words = sorted((w for w in table if len(w) >= 3), key=len, reverse=True)
        c[key] = re.compile(r"(?<![a-z0-9])(?:" + "|".join(re.escape(w) for w in words)
                            + r")(?![a-z0-9])") if words else None
    return c[key]


_ABOUT: dict[str, list[re.Pattern]] = {}


def about_cues(lang: str) -> list[re.Pattern]:
    """The regexes of a question about a name ("tell me about X", "X là gì"), compiled on first
    use; their group ``name`` is the name asked about."""
    if lang not in _ABOUT:
        _ABOUT[lang] = [re.compile(p) for p in cues().get("about_cues", {}).get(lang, [])]
    return _ABOUT[lang]


@lru_cache(maxsize=1)
def relation_words() -> dict[str, str]:
    return {w: rel for rel, words in cues()["relations"].items() for w in words}


@lru_cache(maxsize=1)
def language_words() -> dict[str, frozenset[str]]:
    c = cues()
    out = {lg: frozenset(ws) for lg, ws in c["languages"].items()}
    out.update({lg: frozenset(ws) for lg, ws in c["other_languages"].items()})
    return out


@lru_cache(maxsize=1)
def months() -> dict[str, int]:
    out = {}
    for names in cues()["months"].values():
        for i, n in enumerate(names, 1):
            out[n] = i
    return out


@lru_cache(maxsize=1)
def cue_phrases() -> frozenset[str]:
    """The cue phrases that are never words of a name ("ban hành", "trực thuộc", "issued")."""
    return frozenset(fold(w) for ws in cues()["cue_phrases"].values() for w in ws)


def _cache(kg) -> dict:
    """What the ask path has read from ``kg``, kept on the graph object (read once per graph)."""
    c = getattr(kg, "_partykg_cache", None)
    if c is None:
        c = {}
        try:
            kg._partykg_cache = c
        except AttributeError:
            pass
    return c


def _type_rows(kg) -> list:
    """The document types' names and abbreviations (SKOS scheme), queried once per graph."""
    c = _cache(kg)
    if "type_rows" not in c:
        c["type_rows"] = list(queries.run(kg, "document-types"))
    return c["type_rows"]


def type_words(kg) -> dict[str, set[str]]:
    """folded type name or abbreviation (any language, plurals too) -> type concepts."""
    c = _cache(kg)
    if "type_words" not in c:
        from partykg.ask import kept

        c["type_words"] = kept.of(kg).get("type_words", lambda: _make_type_words(kg))
    return c["type_words"]


def _make_type_words(kg) -> dict[str, set[str]]:
    names: dict[str, set[str]] = {}
    for r in _type_rows(kg):
        key = fold(r["name"].value)
        if not key:
            continue
        for k in {key, *_plurals(key)}:
            names.setdefault(k, set()).add(r["type"].value)
    return names


def _plurals(key: str) -> list[str]:
    """English/French plurals of the last word ("directives", "résolutions"); Vietnamese and
    Indonesian do not inflect."""
    head, _, last = key.rpartition(" ")
    if len(last) < 4 or not last.isalpha():
        return []
    forms = [last + "s"]
    if last.endswith("y"):
        forms.append(last[:-1] + "ies")
    return [(head + " " + f).strip() for f in forms]


def type_notations(kg) -> dict[str, set[str]]:
    """code abbreviation key (NQ, CT, QD, QDI...) -> type concepts, from skos:notation/altLabel."""
    c = _cache(kg)
    if "type_notations" not in c:
        from partykg.ask import kept

        c["type_notations"] = kept.of(kg).get("type_notations", lambda: _make_type_notations(kg))
    return c["type_notations"]


def _make_type_notations(kg) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for r in _type_rows(kg):
        if r["kind"].value != "pref" and not r["name"].language:
            out.setdefault(ids.code_key(r["name"].value), set()).add(r["type"].value)
    return out


def status_words(kg) -> dict[str, str]:
    """folded status name (any language, plurals too) -> status concept."""
    c = _cache(kg)
    if "status_words" not in c:
        from partykg.ask import kept

        c["status_words"] = kept.of(kg).get("status_words", lambda: _make_status_words(kg))
    return c["status_words"]


def _make_status_words(kg) -> dict[str, str]:
    out: dict[str, str] = {}
    keep = set(cues()["filter_statuses"])
    for r in queries.run(kg, "status-names"):
        if r["status"].value.rsplit("/", 1)[-1] not in keep:
            continue
        key = fold(r["name"].value)
        if key:
            for k in {key, *_plurals(key), key + "e", key + "es"}:
                out.setdefault(k, r["status"].value)
    return out


def status_labels(kg) -> dict[str, dict[str, str]]:
    """status local name (planned, draft...) -> {language: display name} (SKOS prefLabel)."""
    c = _cache(kg)
    if "status_labels" not in c:
        out: dict[str, dict[str, str]] = {}
        for r in queries.run(kg, "status-names"):
            if r["kind"].value == "pref" and r["name"].language:
                out.setdefault(r["status"].value.rsplit("/", 1)[-1], {})[r["name"].language] = r["name"].value
        c["status_labels"] = out
    return c["status_labels"]


def post_roles(kg) -> dict[str, dict[str, str]]:
    """folded role word ("secretary", "bi thu", "member") -> {body IRI: post IRI}: a post whose
    name is the role followed by its body's name, in one language."""
    c = _cache(kg)
    if "post_roles" not in c:
        from partykg.ask import kept

        c["post_roles"] = kept.of(kg).get("post_roles", lambda: _make_post_roles(kg))
    return c["post_roles"]


def _make_post_roles(kg) -> dict[str, dict[str, str]]:
    """:func:`post_roles` made from the graph's posts (kept per graph: :mod:`partykg.ask.kept`)."""
    out: dict[str, dict[str, str]] = {}
    for r in queries.run(kg, "post-roles"):
        post, body = fold(r["postName"].value), fold(r["bodyName"].value)
        if body.startswith("the "):
            body = body[4:]
        if post.endswith(" " + body):
            role = post[: -len(body)].strip()
            role = re.sub(r"\s+(?:of the|of|du|de la|des|de|cua)$", "", role).strip()
            if role:
                for k in {role, *_plurals(role)}:
                    out.setdefault(k, {})[r["body"].value] = r["post"].value
    return out
