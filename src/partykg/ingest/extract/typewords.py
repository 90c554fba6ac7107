"""Document type words per language, read from the SKOS scheme (ontology/doctypes.ttl).

Every language-tagged skos:prefLabel, skos:altLabel and skos:hiddenLabel of a concept that has a
code abbreviation (skos:notation) is a type word of that language; English and French ones also
match in the plural (and a plural label in the singular). The unclassified concept (no
abbreviation) names no type in text. No type word is written in the code.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox

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
        for form in sorted(forms):
            words.setdefault(lang, {}).setdefault(form, key)
    return words


@lru_cache(maxsize=1)
def _pref() -> dict[tuple[str, str], str]:
    out = {}
    for q in ox.parse(path=str(DOCTYPES), format=ox.RdfFormat.TURTLE):
        lang = getattr(q.object, "language", None)
        if q.predicate.value == SKOS + "prefLabel" and q.subject.value.startswith(PKDT) and lang:
            out[(q.subject.value[len(PKDT):], lang)] = q.object.value
    return out


def type_label(key: str | None, lang: str = "en") -> str:
    """The scheme's preferred label of a type (e.g. for review output), capitalised."""
    label = _pref().get((key or "unclassified", lang)) or key or "?"
    return label[:1].upper() + label[1:]


def type_words(lang: str) -> dict[str, str]:
    """Surface form (lower case) -> pkdt: concept local name, for one language."""
    return dict(_scheme().get(lang, {}))


__all__ = ["type_words", "type_label", "DOCTYPES"]
