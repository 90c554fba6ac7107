"""Document codes and data IRIs.

Pure Python (no rdflib): this module sits on the fast paths (import, lookup).

A Party code is ``NUMBER-TYPE/ISSUER`` (``51-CT/TW``, ``01-NQ/ĐUB``, ``07-QĐi/TW``); a state code
inverts it, ``NUMBER/TYPE-ISSUER`` (``396/QĐ-BNG``), sometimes with a year
(``12/2020/NĐ-CP``); a number may carry a letter (``24a/2016/NĐ-CP``, ``24A/2016/NĐ-CP``, ``12a-QĐ/TW``). Sources
write ``Đ`` or ``D``, and pages also write look-alikes (``Ð`` U+00D0, Cyrillic or full-width
letters, en dashes, full-width slashes, non-breaking or zero-width spaces: :data:`LOOKALIKES`);
:func:`code_key` folds them all to one key, and that key is what lookups match, exactly.
"""

from __future__ import annotations

import re
import unicodedata
from partykg.records import dataclass

from partykg.errors import PartykgError
from partykg.lazyre import lazy  # compiled when first used (cold start)

BASE = "https://w3id.org/partykg/id/"

_LETTERS = r"[A-Za-zĐđ]+"
# a code's number: digits, and a letter some codes add, small or capital ("24a/2016/NĐ-CP",
# "24A-NQ/TW"); the extractor's and the ask path's code patterns use it too
CODE_NUMBER = r"\d+[a-zA-Z]?"
_PARTY = lazy(
    rf"^\s*(?P<number>{CODE_NUMBER})\s*-\s*(?P<type>{_LETTERS})\s*/\s*(?P<issuer>[A-Za-zĐđ0-9]+(?:-[A-Za-zĐđ]+)?)\s*$"
)
_STATE = lazy(
    rf"^\s*(?P<number>{CODE_NUMBER})\s*/\s*(?:(?P<year>\d{{4}})\s*/\s*)?(?P<type>{_LETTERS})\s*-\s*"
    rf"(?P<issuer>[A-Za-zĐđ0-9]+(?:-[A-Za-zĐđ0-9]+)*)\s*$"
)

# The same patterns for ASCII text (what ``partykg ask`` gives, from the folded question): on
# ASCII, ``[A-Za-zĐđ]`` is ``[A-Za-z]``; without letters beyond Latin-1 a pattern does not compile
# into a big table (issue 13). A test checks that both read alike.
_PARTY_ASCII = lazy(_PARTY.pattern.replace("Đđ", ""))
_STATE_ASCII = lazy(_STATE.pattern.replace("Đđ", ""))


# Characters pages write for the ones of a code (look-alikes, one character for one, so a text's
# offsets are kept when they are replaced): "Ð"/"ð" (eth, U+00D0/U+00F0) and "Ɖ"/"ɖ" for "Đ"/"đ";
# Cyrillic and Greek capitals and small letters that look Latin ("С", "Т", "Н"); full-width
# letters, digits and punctuation ("／", "－", "Ｑ"); dashes and minus signs for the hyphen
# ("–", "—", "‐", "−"); slashes ("⁄", "∕"); other spaces (no-break, thin, ideographic) and
# invisible characters (zero-width space and joiners, soft hyphen, word joiner, BOM) as a space.
# Read by :func:`fold` (so by :func:`code_key`), :func:`replace_lookalikes` and the extractor's code
# patterns (``partykg.ingest.extract.codes.code_view``).
_LOOKALIKE_PAIRS = (
    "ÐĐðđƉĐɖđ"
    "АAВBСCЕEНHІIЈJКKМMОOРPЅSТTХXҮYаaсcеeіiјjоoрpѕsхxуy"
    "ΑAΒBΕEΖZΗHΙIΚKΜMΝNΟOΡPΤTΥYΧXοo"
    "‐-‑-‒-–-—-―-−-﹘-﹣-⁄/∕/"
)
LOOKALIKES: dict[int, str] = {ord(a): b for a, b in zip(_LOOKALIKE_PAIRS[::2], _LOOKALIKE_PAIRS[1::2])}
LOOKALIKES.update({c: chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)})  # full-width ASCII
LOOKALIKES.update({c: " " for c in (0xA0, 0xAD, 0x1680, *range(0x2000, 0x200E), 0x202F, 0x205F,
                                    0x2060, 0x3000, 0xFEFF)})
_LOOKALIKE_CHARS = frozenset(map(chr, LOOKALIKES))


def has_lookalikes(text: str) -> bool:
    """Whether ``text`` holds a character of :data:`LOOKALIKES` (the common case: none)."""
    return not text.isascii() and not _LOOKALIKE_CHARS.isdisjoint(text)


def replace_lookalikes(text: str) -> str:
    """A code with its look-alike characters replaced (:data:`LOOKALIKES`), the invisible ones
    dropped: "24/2016/NÐ-CP" -> "24/2016/NĐ-CP", "51–CT／TW" -> "51-CT/TW"."""
    if not has_lookalikes(text):
        return text
    for ch in "\u00ad\u200b\u200c\u200d\u2060\ufeff":
        text = text.replace(ch, "")
    return text.translate(LOOKALIKES)


class CodeError(PartykgError, ValueError):
    """A string that is not a document code."""


@dataclass(frozen=True)
class Code:
    """A parsed document code."""

    number: str  # as written: "02"
    type: str  # as written: "QĐ", "QD", "QĐi"
    issuer: str  # as written: "TW", "ĐUB", "BNG"
    state: bool = False  # NUMBER/TYPE-ISSUER form
    year: str | None = None  # only state codes carry one

    @property
    def key(self) -> str:
        return code_key(self.text)

    @property
    def text(self) -> str:
        if self.state:
            year = f"{self.year}/" if self.year else ""
            return f"{self.number}/{year}{self.type}-{self.issuer}"
        return f"{self.number}-{self.type}/{self.issuer}"

    @property
    def number_key(self) -> str:
        return number_key(self.number)


_MARKS: dict[int, None] = {}  # the combining marks of U+0300-U+036F (made on first use)


def fold(text: str) -> str:
    """ASCII-fold for keys and slugs: NFC, Đ/đ -> D/d, accents dropped."""
    if text.isascii():  # already folded (the common case on the ask path)
        return text
    text = unicodedata.normalize("NFC", replace_lookalikes(text)).replace("Đ", "D").replace("đ", "d")
    decomposed = unicodedata.normalize("NFD", text)
    if not _MARKS:
        _MARKS.update({c: None for c in range(0x300, 0x370) if unicodedata.combining(chr(c))})
    # the accents of Latin letters dropped at once (a cold `partykg ask` folds hundreds of
    # names); what is left is ASCII (no other combining mark), else the marks are dropped one
    # by one as before
    stripped = decomposed.translate(_MARKS)
    if stripped.isascii():
        return stripped
    return "".join(ch for ch in stripped if not unicodedata.combining(ch))


def code_key(code: str) -> str:
    """The lookup key of a code: ASCII-folded, upper case, no white space, look-alike characters
    read as what they stand for.

    >>> code_key("209-QĐ/TW") == code_key("209-QD/TW") == code_key(" 209 - qd / tw ")
    True
    >>> code_key("24a/2016/NÐ-CP") == code_key("24A/2016/ND–CP")
    True
    """
    return re.sub(r"\s+", "", fold(code)).upper()


def number_key(number: str) -> str:
    """A document number without leading zeros ("02" -> "2"); letters kept, lower case."""
    stripped = number.strip().lower().lstrip("0")
    return stripped or "0"


# every ASCII character but a-z and 0-9 as a space (str.translate: no regex on a cold start)
_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
_SPACES = "".join(chr(i) if chr(i) in _ALNUM else " " for i in range(128))


def words(text: str) -> str:
    """``text``'s runs of a-z and 0-9 joined by single spaces (what
    ``" ".join(re.sub(r"[^a-z0-9]+", " ", text).split())`` gives)."""
    if text.isascii():
        return " ".join(text.translate(_SPACES).split())
    return " ".join("".join(ch if ch in _ALNUM else " " for ch in text).split())


def name_key(name: str) -> str:
    """The lookup key of a name: ASCII-folded, lower case, punctuation as spaces, a leading
    English article dropped. "the Secretariat", "Ban Bí thư", "BAN BI THU" -> "secretariat",
    "ban bi thu", "ban bi thu"."""
    key = words(fold(name).lower())
    return key[4:] if key.startswith("the ") else key


def parse_code(text: str) -> Code:
    """Parse a code as a source writes it. Raises :class:`CodeError` when it is not one."""
    if not isinstance(text, str) or len(text) > 64:
        raise CodeError(f"not a document code: {text!r}")
    text = replace_lookalikes(text)
    ascii_ = text.isascii()
    m = (_PARTY_ASCII if ascii_ else _PARTY).match(text)
    if m:
        return Code(m["number"], m["type"], m["issuer"])
    m = (_STATE_ASCII if ascii_ else _STATE).match(text)
    if m:
        return Code(m["number"], m["type"], m["issuer"], state=True, year=m["year"])
    raise CodeError(
        f"not a document code: {text!r} (expected NUMBER-TYPE/ISSUER such as 51-CT/TW, "
        "or NUMBER/TYPE-ISSUER such as 396/QĐ-BNG)"
    )


def slug(text: str, max_len: int = 80) -> str:
    """A stable IRI path segment: ASCII, lower case, words joined by '-'."""
    s = re.sub(r"[^a-z0-9]+", "-", fold(text).lower()).strip("-")
    return (s[:max_len].rstrip("-")) or "x"


def document_path(
    *,
    code: str | None = None,
    number: str | None = None,
    type_slug: str | None = None,
    issuer_slug: str | None = None,
    year: int | str | None = None,
    subject: str | None = None,
) -> str:
    """The path (relative to :data:`BASE`) of a document's IRI, per docs/model.md.

    - with a code: ``doc/{issuer}/{type}/{year|undated}/{number}`` from the code's parts;
    - with a number: ``doc/{issuer_slug}/{type_slug}/{year|undated}/{number}``;
    - otherwise: ``doc/{issuer_slug|unknown}/{type_slug}/{slug(subject)}``.
    """
    y = str(year) if year else "undated"
    if code:
        c = parse_code(code)
        return f"doc/{slug(c.issuer)}/{slug(c.type)}/{y}/{slug(c.number_key)}"
    if not type_slug:
        raise ValueError("a document without a code needs its type")
    if number:
        return f"doc/{issuer_slug or 'unknown'}/{type_slug}/{y}/{slug(number_key(number))}"
    if not subject:
        raise ValueError("a document with neither code nor number needs a subject")
    return f"doc/{issuer_slug or 'unknown'}/{type_slug}/{slug(subject)}"


def document_iri(**kwargs: object) -> str:
    return BASE + document_path(**kwargs)  # type: ignore[arg-type]


_SUFFIXES_Q = """SELECT ?suffix ?code WHERE {
  { ?body pk:codeSuffix ?suffix } UNION { ?doc pk:issuedBy ?body ; pk:code ?code }
}"""


def issuer_segment(kg, body: str) -> str:
    """The ``{issuer}`` segment of the IRIs of the documents ``body`` (an IRI) issues, one scheme
    per issuer (docs/model.md): the slug of the code suffix the body signs with (its
    ``pk:codeSuffix``; failing that, the suffix most of the codes of its documents carry; ties
    by key), else the body's own slug. ``kg``: anything with ``select(query, bindings)``."""
    import pyoxigraph as ox

    from collections import Counter

    stated: set[str] = set()
    used: Counter[str] = Counter()
    for row in kg.select(_SUFFIXES_Q, {"body": ox.NamedNode(body)}):
        if row.get("suffix") is not None:
            stated.add(code_key(row["suffix"].value))
        elif row.get("code") is not None:
            try:
                used[code_key(parse_code(row["code"].value).issuer)] += 1
            except CodeError:
                continue
    pool = stated or set(used)
    if pool:
        return slug(min(pool, key=lambda s: (-used[s], s)))
    return body.rstrip("/").rsplit("/", 1)[-1]
