"""Document type words per language, read from the SKOS scheme (ontology/doctypes.ttl).

Every language-tagged skos:prefLabel, skos:altLabel and skos:hiddenLabel of a concept that has a
code abbreviation (skos:notation) or is a member of the collection pkdt:StateDocumentTypes (a law
has no abbreviation) is a type word of that language; English and French ones also match in the
plural (and a plural label in the singular). The unclassified concept names no type in text.
The abbreviations of the state-only types (the collection's members) are read in state codes
only. No type word is written in the code.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox

from partykg.model.ids import fold
from partykg.model.vocab import PKDT, SKOS

DOCTYPES = Path(__file__).resolve().parents[4] / "ontology" / "doctypes.ttl"
_LABELS = (SKOS + "prefLabel", SKOS + "altLabel", SKOS + "hiddenLabel")
_PLURAL_LANGS = ("en", "fr")


def _number_forms(label: str, lang: str) -> set[str]:
    """The label, and for en/fr its plural (or singular) when it is one word or ends in a
    noun ("working regulations")."""
    out = {label}
    if lang not in _PLURAL_LANGS:
        return out
    words = label.split(" ")
    if lang == "fr" and len(words) > 1:
        return out  # "règlement de travail": the noun comes first; keep as written
    last = words[-1]
    if lang == "en" and last.endswith("s") and len(last) > 3:
        out.add(" ".join(words[:-1] + [last[:-1]]))
    elif not last.endswith(("s", "x", "z")):
        out.add(" ".join(words[:-1] + [last + "s"]))
    return out


@lru_cache(maxsize=1)
def _scheme() -> dict[str, dict[str, str]]:
    try:
        quads = list(ox.parse(path=str(DOCTYPES), format=ox.RdfFormat.TURTLE))
    except (OSError, SyntaxError) as e:  # the scheme ships with the package
        raise RuntimeError(f"cannot read the document type scheme {DOCTYPES}: {e}") from e
    coded = {q.subject.value for q in quads if q.predicate.value == SKOS + "notation"}
    coded |= {PKDT + k for k in state_only_types()}
    words: dict[str, dict[str, str]] = {}
    for q in quads:
        s = q.subject.value
        if q.predicate.value not in _LABELS or s not in coded or not s.startswith(PKDT):
            continue
        lang = getattr(q.object, "language", None)
        if not lang:
            continue  # language-less altLabels are code spellings (QD, DA), not words
        key = s[len(PKDT):]
        label = q.object.value.lower()
        forms = ({label} if q.predicate.value == SKOS + "hiddenLabel"  # variants: as written
                 else _number_forms(label, lang))
        # pages write the apostrophe as ’ too ("programme d’action")
        forms |= {f.replace("'", "’") for f in forms if "'" in f}
        for form in sorted(forms):
            words.setdefault(lang, {}).setdefault(form, key)
    return words


@lru_cache(maxsize=1)
def state_only_types() -> frozenset[str]:
    """The types only the State issues (members of pkdt:StateDocumentTypes): law, decree …"""
    return frozenset(q.object.value[len(PKDT):]
                     for q in ox.parse(path=str(DOCTYPES), format=ox.RdfFormat.TURTLE)
                     if q.subject.value == PKDT + "StateDocumentTypes"
                     and q.predicate.value == SKOS + "member")


@lru_cache(maxsize=1)
def party_only_types() -> frozenset[str]:
    """The types no state code stands for (members of pkdt:PartyOnlyDocumentTypes): in
    "90/2007/QĐ-UBND" QĐ is a decision, never a regulation."""
    return frozenset(q.object.value[len(PKDT):]
                     for q in ox.parse(path=str(DOCTYPES), format=ox.RdfFormat.TURTLE)
                     if q.subject.value == PKDT + "PartyOnlyDocumentTypes"
                     and q.predicate.value == SKOS + "member")


@lru_cache(maxsize=1)
def _pref() -> dict[tuple[str, str], str]:
    out = {}
    for q in ox.parse(path=str(DOCTYPES), format=ox.RdfFormat.TURTLE):
        lang = getattr(q.object, "language", None)
        if q.predicate.value == SKOS + "prefLabel" and q.subject.value.startswith(PKDT) and lang:
            out[(q.subject.value[len(PKDT):], lang)] = q.object.value
    return out


@lru_cache(maxsize=1)
def _notations() -> list[tuple[str, str, bool]]:
    """(concept key, abbreviation, canonical?) in the scheme's order: skos:notation (as
    officially written, "QĐ") and language-less skos:altLabel (the ASCII spelling, "QD")."""
    out = []
    for q in ox.parse(path=str(DOCTYPES), format=ox.RdfFormat.TURTLE):
        s, p = q.subject.value, q.predicate.value
        if not s.startswith(PKDT):
            continue
        if p == SKOS + "notation":
            out.append((s[len(PKDT):], q.object.value, True))
        elif p == SKOS + "altLabel" and not getattr(q.object, "language", None):
            out.append((s[len(PKDT):], q.object.value, False))
    return out


def abbreviations(party: bool = False, state: bool = False) -> dict[str, tuple[str, ...]]:
    """Code abbreviation (ASCII-folded, upper case) -> the types it can stand for, in the
    scheme's order ("QD" -> regulation, decision); with ``party``, only the types a Party code
    (NUMBER-TYPE/ISSUER) can have (no state-only type: "TT" is then no type); with ``state``,
    only those a state code (NUMBER/[YEAR/]TYPE-ISSUER) can have ("QD" -> decision)."""
    out: dict[str, tuple[str, ...]] = {}
    excluded = ((state_only_types() if party else frozenset())
                | (party_only_types() if state else frozenset()))
    for key, abbr, _ in _notations():
        if key in excluded:
            continue
        k = fold(abbr).upper()
        if key not in out.get(k, ()):
            out[k] = out.get(k, ()) + (key,)
    return out


def abbreviation_spellings() -> tuple[str, ...]:
    """Every spelling of every abbreviation, as written in codes ("QĐ", "QD", "QĐi" …)."""
    return tuple(dict.fromkeys(a for _, a, _c in _notations()))


def canonical_abbreviations() -> dict[str, str]:
    """ASCII-folded abbreviation -> its official spelling, where they differ ("QD" -> "QĐ")."""
    return {fold(a).upper(): a for _, a, canon in _notations() if canon and fold(a).upper() != a}


def type_slugs() -> dict[str, str]:
    """Type key -> the abbreviation used in IRIs (its shortest official one, folded, lower
    case: "regulation" -> "qd"); the unclassified type keeps its key."""
    out: dict[str, str] = {}
    for key, abbr, canon in _notations():
        if canon:
            slug = fold(abbr).lower()
            if key not in out or len(slug) < len(out[key]):
                out[key] = slug
    for q in ox.parse(path=str(DOCTYPES), format=ox.RdfFormat.TURTLE):
        if q.predicate.value == SKOS + "inScheme" and q.subject.value.startswith(PKDT):
            out.setdefault(q.subject.value[len(PKDT):], q.subject.value[len(PKDT):])
    return out


def type_label(key: str | None, lang: str = "en") -> str:
    """The scheme's preferred label of a type (e.g. for review output), capitalised."""
    label = _pref().get((key or "unclassified", lang)) or key or "?"
    return label[:1].upper() + label[1:]


def type_words(lang: str) -> dict[str, str]:
    """Surface form (lower case) -> pkdt: concept local name, for one language."""
    return dict(_scheme().get(lang, {}))


__all__ = ["type_words", "type_label", "abbreviations", "state_only_types", "party_only_types", "abbreviation_spellings",
           "canonical_abbreviations", "type_slugs", "DOCTYPES"]
