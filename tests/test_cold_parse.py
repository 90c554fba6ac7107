"""Cheaper forms of what reads a question on a cold `partykg ask` (issue 13): each must give
exactly what the form it replaces gives, on generated texts."""

from __future__ import annotations

import random
import re

import pytest

from partykg.ask import lexicon, mentions, resolve
from partykg.model import ids

# what the folded question is made of (mentions.fold_map)
FOLDED = "abcdefghijklmnopqrstuvwxyz0123456789/@.- "
PIECES = ["51", "02", "209", "2021", "1976-10-23", "-", "/", "@", " ", " - ", " / ", "ct", "tw",
          "qd", "nq", "dub", "bng", "cp", "nd", "of", "2023", "x", "9a", "12", ".", "qdi", "  "]


def _code_like(rng: random.Random) -> str:
    """Pieces of codes put together, spaced or not: "51-ct/tw", "12 / 2020/nd-cp@2021-01-02"."""
    sp = lambda: rng.choice(["", "", " ", "  "])  # noqa: E731
    num = rng.choice(["51", "02", "7", "209", "12a", "2020", "x1"])
    word = lambda: rng.choice(["ct", "tw", "qd", "dub", "bng", "cp", "nd", "9", "b2", "qdi"])  # noqa: E731
    parts = [rng.choice(["", "x", "/", "-", " ", "1"]), num]
    for _ in range(rng.randint(1, 4)):
        parts += [sp(), rng.choice("-/@."), sp(), rng.choice([word(), num, "1976-10-23"])]
    return "".join(parts)


def _texts(rng: random.Random, n: int) -> list[str]:
    out = []
    for _ in range(n):
        if rng.random() < 0.4:
            out.append(_code_like(rng))
        elif rng.random() < 0.5:
            out.append("".join(rng.choice(PIECES) for _ in range(rng.randint(1, 12))))
        else:
            out.append("".join(rng.choice(FOLDED) for _ in range(rng.randint(1, 30))))
    return out


def _matches(rx, text: str) -> list:
    return [(m.span(), m.groups()) for m in rx.finditer(text)]


def test_the_folded_code_pattern_finds_what_the_full_one_finds():
    rng = random.Random(13)
    texts = _texts(rng, 6000) + ["what replaces 51-ct/tw", "02-nq/dub@2021-12-24 and 396/qd-bng",
                                 "12/2020/nd-cp", "51 - ct / tw", "x51-ct/tw", "1/2-3"]
    full = re.compile(resolve._CODE.pattern)
    hits = 0
    for t in texts:
        want = _matches(full, t)
        assert _matches(mentions._CODE, t) == want, t
        hits += bool(want)
    assert hits > 50  # the texts do hold codes
    assert not any(ord(c) > 255 for c in mentions._CODE.pattern)


def test_the_number_pattern_reads_folded_text_as_with_the_en_dash():
    mentions._num_regex()
    new = mentions._NUM_RX[0]
    old = re.compile(new.pattern.replace(r"\s*-\s*\d)", r"\s*[-–]\s*\d)"))
    assert old.pattern != new.pattern
    rng = random.Random(17)
    for t in _texts(rng, 6000) + ["directive 51 of 2023", "nq 02/2021", "51-52", "51 - 2"]:
        assert _matches(new, t) == _matches(old, t), t
    assert not any(ord(c) > 255 for c in new.pattern)
    # the folded question never holds an en dash (nor any letter beyond a-z)
    folded, _ = mentions.fold_map("Chỉ thị 51–52, Nghị quyết số 02/2021 — QĐ 209")
    assert set(folded) <= set(FOLDED)


@pytest.mark.parametrize("seed", [1, 2])
def test_parse_code_on_ascii_reads_as_the_full_patterns(seed):
    rng = random.Random(seed)
    alphabet = FOLDED + "ABCDQZTW\t_\x1c"
    texts = _texts(rng, 3000) + ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 20)))
                                 for _ in range(3000)]
    codes = [m.group(1) for t in texts for m in re.finditer(resolve._CODE.pattern, t)]
    texts += codes + [c.upper() for c in codes] + [f" {c}\t" for c in codes]
    texts += ["51-CT/TW", " 7 - QDi / TW ", "396/QD-BNG", "12/2020/ND-CP", "1-A/B-C"]
    full_party, full_state = re.compile(ids._PARTY.pattern), re.compile(ids._STATE.pattern)
    read = 0
    for t in texts:
        assert t.isascii()
        m = full_party.match(t)
        s = None if m else full_state.match(t)
        try:
            got = ids.parse_code(t)
        except ids.CodeError:
            assert m is None and s is None, t
            continue
        read += 1
        if m:
            assert got == ids.Code(m["number"], m["type"], m["issuer"]), t
        else:
            assert s is not None, t
            assert got == ids.Code(s["number"], s["type"], s["issuer"], state=True,
                                   year=s["year"]), t
    assert read > 100
    # beyond ASCII, the full patterns
    assert ids.parse_code("51-CT/ĐUB").issuer == "ĐUB"
    assert ids.parse_code("396/QĐ-BNG").type == "QĐ"


def _fold_reference(text: str) -> str:
    """ids.fold as it was written before its faster form (with the look-alike characters of
    codes read first, ids.LOOKALIKES: "Ð" is "Đ", a full-width "Ａ" is "A")."""
    import unicodedata

    if text.isascii():
        return text
    text = ids.replace_lookalikes(text)
    text = unicodedata.normalize("NFC", text).replace("Đ", "D").replace("đ", "d")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def test_fold_folds_as_before():
    rng = random.Random(3)
    chars = ("aAđĐơƠưƯăâêôéèàảãạỳỹœßøı" + "".join(map(chr, range(0x20, 0x250)))
             + "".join(map(chr, range(0x1E00, 0x1F00))) + "\u0300\u0301\u0323\u034f\u0483\u05b0"
             + "\u0e48\u3099\ufe20Ωж漢")
    texts = ["Chỉ thị", "Đảng ủy Bộ Ngoại giao", "Nghị quyết", "Quy định", "résolution",
             "Œuvre", "a\u034fb", "e\u0483"]
    texts += ["".join(rng.choice(chars) for _ in range(rng.randint(1, 12))) for _ in range(20000)]
    for t in texts:
        assert ids.fold(t) == _fold_reference(t), repr(t)
    assert ids.fold("Chỉ thị số 51") == "Chi thi so 51"


def test_words_and_the_folds_built_on_it_read_as_the_regex():
    rng = random.Random(11)
    chars = "aZ09 -_./'\t\n\x1c\x85\xa0\u2003é漢ßœĐđ" + "".join(map(chr, range(0x20, 0x80)))
    texts = ["".join(rng.choice(chars) for _ in range(rng.randint(0, 15))) for _ in range(20000)]
    texts += ["the Secretariat", "Ban Bí thư", "BAN BI THU", "  ", "", "the  x", "Quy định số 86"]
    for t in texts:
        want = " ".join(re.sub(r"[^a-z0-9]+", " ", t).split())
        assert ids.words(t) == want, repr(t)
        folded = " ".join(re.sub(r"[^a-z0-9]+", " ", ids.fold(t).lower()).split())
        assert lexicon.fold(t) == folded, repr(t)
        assert ids.name_key(t) == (folded[4:] if folded.startswith("the ") else folded), repr(t)


def _fold_map_reference(text: str) -> tuple[str, list[int]]:
    """mentions.fold_map as it was written with a regex."""
    out, pos = [], []
    for i, ch in enumerate(text):
        f = ids.fold(ch.replace("œ", "oe").replace("Œ", "oe")).lower()
        f = re.sub(r"[^a-z0-9/@.-]", " ", f) if f else " "
        out.append(f)
        pos.extend([i] * len(f))
    return "".join(out), pos


def test_fold_map_maps_as_before():
    rng = random.Random(23)
    chars = ("aZ09 -_./@'?\tœŒßæĐđ–—“”«»" + "".join(map(chr, range(0x20, 0x180)))
             + "ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ\u0301\ufb01漢")
    texts = ["".join(rng.choice(chars) for _ in range(rng.randint(0, 25))) for _ in range(5000)]
    texts += ["Chỉ thị số 51-CT/TW thay thế văn bản nào?", "Qu'est-ce qui remplacera l'œuvre ?"]
    for t in texts:
        assert mentions.fold_map(t) == _fold_map_reference(t), repr(t)


def test_letters_and_digits_as_the_regex():
    rng = random.Random(29)
    chars = "aZ09 -_./@'?\t\x1c\x85" + "".join(map(chr, range(0x20, 0x80))) + "é漢"
    for _ in range(20000):
        t = "".join(rng.choice(chars) for _ in range(rng.randint(0, 20)))
        assert mentions._letters_and_digits(t) == " ".join(re.sub(r"[^A-Za-z0-9]+", " ", t).split())


def test_articles_owner_gaps_and_date_separators_read_as_the_regexes():
    from partykg.ask import intents

    rng = random.Random(31)
    words = ["the", "a", "an", "le", "la", "les", "l", "d", "DOC", "BODY", "TYPE", "XY", "DOCs",
             "D0C", "what", "replaces", "x", "AB", "ABC", "s", "1", "the"]
    for _ in range(20000):
        masked = " ".join(rng.choice(words) for _ in range(rng.randint(0, 8)))
        if rng.random() < 0.05:
            masked = masked.replace(" ", rng.choice(["  ", "\t", " é "]), 1)
        assert intents._drop_articles(masked) == intents._ARTICLE.sub("", masked), repr(masked)
    gaps = ["", " s ", "s ", " s", "ss ", "'s ", " ' s  ", "s\t", "x", "  s  ", "s s", "s-"]
    gaps += ["".join(rng.choice(" s's-x\t") for _ in range(rng.randint(0, 6))) for _ in range(5000)]
    for gap in gaps:
        want = re.fullmatch(r"\s*'?\s*s\s+", gap or "-") is not None
        assert intents._owner_gap(gap) == want, repr(gap)
    for _ in range(20000):
        t = "".join(rng.choice("12 /.-ax٣") for _ in range(rng.randint(0, 8)))
        assert mentions._digit_sep_digit(t) == bool(re.search(r"\d[/.-]\d", t)), repr(t)
