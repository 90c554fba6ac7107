"""Reading an article: bytes -> checked, normalised text."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path
from partykg.ingest.extract.data import ExtractError, MAX_BYTES


def decode(data: bytes, name: str = "input") -> tuple[str, list[str]]:
    """Bytes -> normalised text (NFC, \\n line ends), or ExtractError with a clear message.
    Returns the text and warnings."""
    warnings: list[str] = []
    if len(data) > MAX_BYTES:
        raise ExtractError(f"{name}: {len(data) / 1e6:.1f} MB is too large for an article "
                           f"(the limit is {MAX_BYTES // (1024 * 1024)} MB)")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as e:
            raise ExtractError(f"{name}: not valid UTF-16 text ({e.reason})") from e
    else:
        if b"\x00" in data[:1 << 16] or b"\x00" in data[-(1 << 16):]:
            raise ExtractError(f"{name}: looks like a binary file (NUL bytes), not an article's "
                               "text")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as e:
            raise ExtractError(
                f"{name}: not UTF-8 text (byte 0x{data[e.start]:02x} at offset {e.start}); "
                "convert it first, e.g. iconv -f WINDOWS-1258 -t UTF-8") from e
    if "\x00" in text:
        raise ExtractError(f"{name}: looks like a binary file (NUL characters), not an "
                           "article's text")
    text = unicodedata.normalize("NFC", text.lstrip("\ufeff").replace("\r\n", "\n")
                                 .replace("\r", "\n"))
    if not text.strip():
        raise ExtractError(f"{name}: the article is empty")
    sample = text[:200_000]
    # C0 controls and DEL mean binary data; C1 controls (U+0080-U+009F) mean UTF-8 read as
    # Latin-1, i.e. mis-encoded text
    controls = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\n\t\f\v") or ch == "\x7f")
    if controls > max(8, len(sample) // 100):
        raise ExtractError(f"{name}: looks like a binary file ({controls} control characters), "
                           "not an article's text")
    if len(re.findall(r"Ã.|á»|Ä‘|Æ°|[\x80-\x9f]", sample)) > max(5, len(sample) // 500):
        warnings.append(f"{name}: the text looks mis-encoded (UTF-8 read as Latin-1 or "
                        "Windows-1252?); results may be poor")
    return text, warnings


def read_article(path: Path | str) -> tuple[str, list[str]]:
    from partykg.files import read_bounded

    path = Path(path)
    try:
        data = read_bounded(path, MAX_BYTES, "an article", ExtractError)
    except OSError as e:
        raise ExtractError(f"{path}: cannot read: {e.strerror or e}") from e
    return decode(data, str(path))


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
