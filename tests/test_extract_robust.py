"""Bad input to the extractor: binary, empty, mis-encoded, too large or huge (10 MB) text gets a
clear error or a result, never a crash or a hang. Timing is measured by
`scripts/eval_extract --stress`; here a generous timeout only detects a hang."""
from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT
from partykg.ingest.extract import MAX_BYTES, ExtractError, decode, extract, read_article

VI = "Chỉ thị số 45-CT/TW ngày 13/4/2005 của Ban Bí thư về công tác đảng viên."


@pytest.mark.parametrize("data, message", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
    (b"hello\x00world", "binary"),
    (b"", "empty"),
    (b" \n\t \n", "empty"),
    (VI.encode("cp1258", errors="replace"), "not UTF-8"),
    ("Résolution n° 35 du Bureau politique".encode("latin-1"), "not UTF-8"),
    (b"\x01\x02\x03\x04\x05\x06\x07\x08" * 100, "binary"),
])
def test_bad_bytes_give_a_clear_error(data, message):
    with pytest.raises(ExtractError, match=message):
        decode(data, "article.txt")


def test_utf16_with_bom_and_windows_line_ends_are_read():
    text, warnings = decode(("\ufeff" + VI + "\r\n").encode("utf-16"), "a.txt")
    assert text == VI + "\n" and warnings == []
    assert extract(text, "vi").documents[0].code == "45-CT/TW"


def test_decomposed_vietnamese_is_normalised():
    import unicodedata

    text, _ = decode(unicodedata.normalize("NFD", VI).encode("utf-8"), "a.txt")
    d = extract(text, "vi").documents[0]
    assert (d.type, d.number, d.issuer.key) == ("directive", "45", "secretariat")


def test_mojibake_gives_a_warning():
    garbled = VI.encode("utf-8").decode("latin-1").encode("utf-8")
    _, warnings = decode(garbled * 3, "a.txt")
    assert any("mis-encoded" in w for w in warnings)


def test_too_large_file_is_refused_before_reading(tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as f:
        f.truncate(MAX_BYTES + 1)
    with pytest.raises(ExtractError, match="too large"):
        read_article(big)


def test_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(ExtractError, match="cannot read"):
        read_article(tmp_path / "nope.txt")


def test_text_without_documents_gives_an_empty_result():
    ex = extract("The weather in Hanoi was pleasant and the conference opened on time.", "en")
    assert ex.documents == [] and ex.doc_relations == [] and ex.doc_mergers == []


HUGE = r"""
import sys, time
from pathlib import Path
from partykg.ingest.extract import extract
seed = Path(sys.argv[1]).read_text(encoding="utf-8")
cases = [((seed * 700)[:10_000_000], "en"), (("Resolution " * 1_000_000)[:10_000_000], "en"),
         (("1-" * 5_000_000), "en"), (('on "' * 2_500_000), "en")]
for text, lang in cases:
    t0 = time.perf_counter()
    ex = extract(text, lang)
    print(f"{len(text)} chars {time.perf_counter() - t0:.1f}s {len(ex.documents)} documents")
"""


def test_huge_inputs_finish():
    """10 MB of text (a seed article repeated, and pathological strings): a result, no hang.
    The timeout is a hang detector, not a speed target."""
    r = subprocess.run([sys.executable, "-c", HUGE,
                        str(ROOT / "graph" / "corpus" / "000_0fd8746924e7ab75.txt")],
                       capture_output=True, text=True, timeout=240, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert len(lines) == 4 and all(line.startswith("10000000 chars") for line in lines)
    # the repeated article names the same documents as one copy of it
    one = extract((ROOT / "graph" / "corpus" / "000_0fd8746924e7ab75.txt").read_text(), "en")
    assert lines[0].endswith(f" {len(one.documents)} documents")
