"""The scorer's codes-alone count (issue 12's first target: codes P and R): a code read in the
text counts when its span overlaps a gold mention giving the same code, whatever the type."""
import subprocess
from pathlib import Path

from partykg.ingest.extract import extract
from partykg.ingest.extract_eval import Gold, GoldMention, codes_table, score

REPO = Path(__file__).resolve().parents[1]


def _gold(text: str, mentions: list[tuple[str, str, str | None]]) -> Gold:
    ms = []
    for k, (span, typ, code) in enumerate(mentions):
        s = text.index(span)
        ms.append(GoldMention(f"m{k}", f"D{k}", s, s + len(span), span, typ, None, code,
                              None, None, None))
    return Gold(Path("x.json"), Path("x.txt"), "en", "real", "t", text, ms, [])


def test_a_code_counts_whatever_type_the_gold_gives():
    text = "The Politburo issued Directive 51-CT/TW on 12 March 2021."
    # a gold type the extractor does not give: the mention is missed, the code is not
    g = _gold(text, [("Directive 51-CT/TW", "plan", "51-CT/TW")])
    sc = score(extract(text, "en"), g)
    assert (sc.mentions.tp, sc.mentions.fn) == (0, 1)
    assert (sc.codes.tp, sc.codes.fp, sc.codes.fn) == (1, 0, 0)


def test_a_gold_mention_without_code_is_not_counted_and_a_wrong_code_is_both_errors():
    text = "The Politburo issued Directive 51-CT/TW and the Resolution on land."
    g = _gold(text, [("Directive 51-CT/TW", "directive", "52-CT/TW"),
                     ("the Resolution on land", "resolution", None)])
    sc = score(extract(text, "en"), g)
    assert (sc.codes.tp, sc.codes.fp, sc.codes.fn) == (0, 1, 1)


def test_codes_table_rows_never_look_like_the_main_table():
    text = "Directive 51-CT/TW."
    sc = score(extract(text, "en"), _gold(text, [("Directive 51-CT/TW", "directive",
                                                    "51-CT/TW")]))
    out = codes_table({("all", "all"): sc})
    rows = [r for r in out.splitlines() if r.startswith("| codes | all | all")]
    assert rows == ["| codes | all | all | 1.00 | 1.00 | 1/0/0 |"]
    assert not any(r.startswith("| all |") for r in out.splitlines())


def test_eval_extract_prints_the_codes_table():
    r = subprocess.run(["bash", str(REPO / "scripts" / "eval_extract"),
                        str(REPO / "tests" / "data" / "gold" / "real_dev")],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert any(line.startswith("| codes | all | all | ") for line in r.stdout.splitlines())
