"""Bad input to the extractor: binary, empty, mis-encoded, too large or huge (10 MB) text gets a
clear error or a result, never a crash or a hang, in time linear in the input (CPU time at two
sizes, see GROWTH). Wall time on 10 MB inputs is measured by `scripts/eval_extract --stress`."""
from __future__ import annotations

import json
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


# Each input twice: n and 8n characters. The extractor's CPU time (process_time: this process's
# own, whatever else the machine runs; the least of a few runs) must grow about 8 times, not 64
# (quadratic) or worse; the bound, 24, leaves room for noise and small constant costs. Wall time
# and the 10 MB figures are measured by `scripts/eval_extract --stress`, not here.
GROWTH = r"""
import json, sys, time
from pathlib import Path
from partykg.ingest.extract import extract
seed = Path(sys.argv[1]).read_text(encoding="utf-8")
vi = "Chỉ thị số 45-CT/TW ngày 13/4/2005 của Ban Bí thư về công tác thay thế Quy định 86. "
def rep(unit, n):
    return (unit * (n // len(unit) + 1))[:n]
cases = [("seed", seed, "en", 50_000), ("vi", vi, "vi", 25_000), ("type words", "Resolution ", "en", 50_000),
         ("codes", "51-CT/TW ", "en", 12_500), ("1-", "1-", "en", 100_000), ("quotes", 'on "', "en", 100_000),
         ("a", "a", "en", 200_000)]
out = []
for name, unit, lang, n in cases:
    row = {"case": name}
    for size, runs in ((n, 3), (8 * n, 2)):
        text, best = rep(unit, size), None
        for _ in range(runs):
            t0 = time.process_time()
            ex = extract(text, lang)
            dt = time.process_time() - t0
            best = dt if best is None else min(best, dt)
        row[str(size)] = {"cpu": best, "documents": sorted({d.code for d in ex.documents if d.code})}
    row["sizes"] = [n, 8 * n]
    out.append(row)
print(json.dumps(out))
"""


def test_extraction_time_grows_linearly_with_the_input():
    """Inputs that could make a regex backtrack (a seed article repeated, one long line of type
    words or codes, '1-1-1-...', unclosed quotes, a run of one letter): 8 times the text costs
    about 8 times the CPU time, never the 64 times of quadratic work, and the repeated article
    names the same documents at both sizes. The timeout only detects a hang."""
    r = subprocess.run([sys.executable, "-c", GROWTH,
                        str(ROOT / "graph" / "corpus" / "000_0fd8746924e7ab75.txt")],
                       capture_output=True, text=True, timeout=3600, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    rows = json.loads(r.stdout)
    assert len(rows) == 7
    for row in rows:
        small, big = (row[str(n)] for n in row["sizes"])
        ratio = big["cpu"] / max(small["cpu"], 1e-3)
        assert ratio < 24, f"{row['case']}: 8x the text took {ratio:.1f}x the CPU time ({row})"
        assert small["documents"] == big["documents"], row
    # the repeated article names the documents one copy of it names
    one = extract((ROOT / "graph" / "corpus" / "000_0fd8746924e7ab75.txt").read_text(), "en")
    assert rows[0]["400000"]["documents"] == sorted({d.code for d in one.documents if d.code})
