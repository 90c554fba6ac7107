"""Reading a spreadsheet saved as CSV: the file, its header (forgiving) and its rows (streamed).

Header names are matched by their name key (:func:`partykg.model.ids.name_key`: case, accents,
spaces, ``-`` and ``_`` do not matter), so ``source_url``, ``Source URL``, ``source-url`` and
``SOURCE_URL`` are one column; a few other usual names, English and Vietnamese, are accepted too
(:data:`ALIASES`; README, "Spreadsheet import").
"""

from __future__ import annotations

import csv
import functools
import io
from pathlib import Path
from typing import Iterator

from partykg.errors import PartykgError
from partykg.model import ids

# the relation columns: one per relation of the ontology from a document to a document (pk:
# property); a planned row's `replaces` is pk:plannedToReplace
RELATION_COLUMNS = {"replaces": "replaces", "amends": "amends", "implements": "implements",
                    "guides": "guides", "continues": "continues", "based_on": "basedOn",
                    "cites": "cites", "in_conjunction_with": "inConjunctionWith",
                    "proposes": "proposes"}
COLUMNS = ("code", "type", "issuer", "date", "title", "replaces", "amends", "implements", "guides",
           "status", "source_url", "quote")
OTHER_RELATIONS = ("continues", "based_on", "cites", "in_conjunction_with", "proposes")
OPTIONAL = ("as_of", "lang") + OTHER_RELATIONS
MAX_BYTES = 20 * 1024 * 1024

# Other names people give the columns (name keys, see the module's doc). Column names are this
# tool's interface, not data about documents or bodies.
ALIASES = {
    "code": ("so hieu", "so ky hieu", "ky hieu", "ma van ban", "document code", "doc code"),
    "type": ("loai", "loai van ban", "hinh thuc van ban", "document type", "doc type"),
    "issuer": ("co quan ban hanh", "noi ban hanh", "issued by", "issuing body", "body"),
    "date": ("ngay", "ngay ban hanh", "date issued", "issue date"),
    "title": ("trich yeu", "tieu de", "ten van ban"),
    "replaces": ("thay the", "replaced document", "replaced documents"),
    "amends": ("sua doi", "sua doi bo sung"),
    "implements": ("thuc hien", "trien khai"),
    "guides": ("huong dan",),
    "continues": ("tiep tuc thuc hien", "continue"),
    "based_on": ("can cu", "basedon"),
    "cites": ("dan chieu",),
    "in_conjunction_with": ("ket hop voi",),
    "proposes": ("de xuat",),
    "status": ("trang thai", "tinh trang"),
    "source_url": ("url", "source", "link", "nguon", "duong dan", "lien ket", "source link"),
    "quote": ("trich dan", "excerpt", "quotation"),
    "as_of": ("tinh den ngay", "status as of", "status date"),
    "lang": ("language", "ngon ngu"),
}


class SheetError(PartykgError):
    """A file that is not a readable spreadsheet; nothing from it was imported."""


@functools.lru_cache(maxsize=1)
def _column_of() -> dict[str, str]:
    out = {}
    for col in COLUMNS + OPTIONAL:
        out[ids.name_key(col.replace("_", " "))] = col
        for alias in ALIASES.get(col, ()):
            out[alias] = col
    return out


def column_name(header: str) -> str | None:
    """The column a header cell names, or None."""
    key = ids.name_key(header)
    return _column_of().get(key) or _column_of().get(key.replace(" ", ""))


def read_text(path: Path) -> str:
    """The spreadsheet's text. The one place the file is read (at most :data:`MAX_BYTES`)."""
    from partykg.files import read_bounded

    try:
        raw = read_bounded(path, MAX_BYTES, "a spreadsheet", SheetError)
    except OSError as e:
        raise SheetError(f"{path}: cannot read: {e.strerror or e}") from e
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise SheetError(f"{path}: not UTF-8 text (byte {e.start}); save the sheet as CSV UTF-8") from e
    if "\x00" in text:
        raise SheetError(f"{path}: not a CSV file (it holds NUL bytes)")
    return text


def read_rows(path: Path) -> tuple[list[str], Iterator[tuple[int, dict[str, str] | str]]]:
    """The header's column names and the rows, streamed: (row number, cells by column) for each
    non-empty row, or (row number, message) for a row that cannot be read as cells."""
    reader = csv.reader(io.StringIO(read_text(path), newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise SheetError(f"{path}: empty file: a header row is required ({','.join(COLUMNS)})")
    except csv.Error as e:
        raise SheetError(f"{path}: not valid CSV: {e}") from e
    names = [column_name(h) for h in header]
    unknown = [h for h, n in zip(header, names) if n is None and h.strip()]
    if unknown:
        raise SheetError(f"{path} row 1: unknown column(s) {unknown}; the columns are "
                         f"{','.join(COLUMNS)} (and optionally {','.join(OPTIONAL)}); see README")
    if "code" not in names and "title" not in names:
        raise SheetError(f"{path} row 1: the header lacks column(s) ['code']")
    named = [n for n in names if n]
    twice = sorted({n for n in named if named.count(n) > 1})
    if twice:
        raise SheetError(f"{path} row 1: column(s) {twice} named twice")

    def rows() -> Iterator[tuple[int, dict[str, str] | str]]:
        try:
            for n, cells in enumerate(reader, start=2):  # spreadsheet rows, not text lines
                if not any(c.strip() for c in cells):
                    continue
                extra = [c for c in cells[len(names):] if c.strip()]
                if extra:
                    yield n, f"{len(cells)} cells for {len(names)} columns"
                    continue
                yield n, {k: (cells[i].strip() if i < len(cells) else "")
                          for i, k in enumerate(names) if k}
        except csv.Error as e:
            raise SheetError(f"{path} row {reader.line_num}: not valid CSV: {e}") from e

    return [n for n in names if n], rows()
