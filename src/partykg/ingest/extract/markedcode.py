"""A code glued to the number marker before it ("décret No111/2015/ND-CP", "Decree No12-CT/TW"):
the code forms do not start inside a word, so the code after a marker the page glued to it is
read here, from the marker's end (issue 12, set LF). Only right after a type word and its
marker (the caller's position), in the forms of :mod:`partykg.ingest.extract.codes`."""

from __future__ import annotations

import re

from partykg.ingest.extract.codes import (_CODE_LEGISLATURE, _CODE_PARTY, _CODE_STATE,
                                          _abbreviation_types)

_FORMS = ((_CODE_STATE, True), (_CODE_LEGISLATURE, True), (_CODE_PARTY, False))


def glued_marker_code(text: str, pos: int) -> tuple[int, str] | None:
    """(end, code as written) of a code starting at ``pos`` right after a letter (a marker glued
    to it), or None. A state code's abbreviation must be one of the scheme's."""
    if pos == 0 or not text[pos - 1].isalpha() or not text[pos:pos + 1].isdigit():
        return None
    window = text[pos:pos + 80]
    for rx, state in _FORMS:
        m = rx.match(window)
        if m is None:
            continue
        abbr = m.groupdict().get("type") or ""
        if state and abbr and not _abbreviation_types(abbr):
            continue
        return pos + m.end(), m.group(0)
    return None


def marker_glued_codes(text: str, markers: tuple[str, ...]) -> list[tuple[int, int, str, str]]:
    """(start, end, code, abbreviation) of every code the page glued to a number marker
    ("Quyết định của Bộ Chính trị số31-QĐ/TW"), wherever the marker stands: a type word may be
    further back, an issuer between them (issue 12, set LG). ``markers``: the language's number
    markers (extract_lang.NUMBER_MARKERS)."""
    if not markers or "/" not in text:
        return []
    out = []
    rx = re.compile(rf"(?<![\w])(?:{'|'.join(re.escape(m) for m in markers)})(?=\d)", re.IGNORECASE)
    for mk in rx.finditer(text):
        got = glued_marker_code(text, mk.end())
        if got is None:
            continue
        end, code = got
        window = text[mk.end():end]
        abbr = ""
        for form, _state in _FORMS:
            fm = form.match(window)
            if fm is not None:
                abbr = fm.groupdict().get("type") or ""
                break
        out.append((mk.end(), end, code, abbr))
    return out

