"""The learned relation scorer (branch xlearn9): candidate features, deterministic training, the
shipped model being the training of the development sets, ``extract --learned`` and its
marking, plans kept planned, the scripts' error exits. Made-up sentences."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from partykg.ingest.extract import extract
from partykg.ingest.extract.learned.features import candidates
from partykg.ingest.extract.learned.model import (DEFAULT_PATH, Model, ModelError, default_model,
                                                  from_json, load)
from partykg.ingest.extract.learned.train import (CLASSES, DEV_SETS, Example, Recorder, dumps,
                                                  train, train_sets)

GOLD = ROOT / "tests" / "data" / "gold"


def cands(text: str, lang: str):
    rec = Recorder()
    ex = extract(text, lang, learned=rec)
    return ex, rec.cands


def test_features_of_a_sentence():
    ex, cs = cands("Nghị quyết số 71-NQ/TW thay thế Nghị quyết số 93-NQ/TW của Bộ Chính trị.", "vi")
    assert len(cs) == 1
    c = cs[0]
    assert (ex.mentions[c.a].code, ex.mentions[c.b].code) == ("71-NQ/TW", "93-NQ/TW")
    f = set(c.features)
    # words between, accents kept and removed; the cue data's category; types; order; language
    assert {"g:thế", "gf:the", "g:thay", "g2:thay_the", "a+0:thay", "b-0:the"} <= f
    assert {"cue:in:replaces:active", "cue:in:replaces:active:plain", "lang=vi", "hdr=False",
            "tab=resolution|resolution", "nb=0"} <= f
    assert c.cue == "thay thế" and not c.plan and not c.header
    # a plan: a draft word and a future cue
    _, cs = cands("Dự thảo Nghị quyết số 71-NQ/TW sẽ thay thế Nghị quyết số 93-NQ/TW.", "vi")
    assert cs[0].plan and "plan" in cs[0].features
    assert "cue:in:replaces:active:future" in cs[0].features


def test_a_pair_of_one_list_or_one_document_is_no_candidate():
    _, cs = cands("Nghị quyết số 71-NQ/TW và Nghị quyết số 71-NQ/TW được ban hành.", "vi")
    assert cs == []


def _toy(n: int) -> list[Example]:
    out = []
    for i in range(n):
        rel = i % 3 == 0
        out.append(Example(("s", f"f{i}", 0, 1, False),
                           ["bias", "g:replaces" if rel else "g:and", f"x{i % 5}"],
                           "replaces>" if rel else "none"))
    return out


def test_training_is_deterministic_and_learns():
    a = dumps(train(_toy(60), residual=False))
    b = dumps(train(list(reversed(_toy(60))), residual=False))
    assert a == b
    m = from_json(json.loads(a))
    p = m.probs(["bias", "g:replaces", "x0"])
    assert m.classes[max(range(len(p)), key=p.__getitem__)] == "replaces>"
    p = m.probs(["bias", "g:and", "x1"])
    assert max(range(len(p)), key=p.__getitem__) == 0


def test_the_shipped_model_is_the_training_of_the_development_sets():
    assert len(DEV_SETS) == 18 and all((GOLD / s).is_dir() for s in DEV_SETS)
    shipped = DEFAULT_PATH.read_text(encoding="utf-8")
    fresh = dumps(train_sets(DEV_SETS, GOLD, ROOT))
    assert fresh == shipped, "retrain: scripts/train_relations"
    assert json.loads(shipped)["trained_on"] == sorted(DEV_SETS)


class Always(Model):
    """A made-up model: every candidate is ``replaces`` (first -> second) with p 0.97."""

    def __init__(self):
        super().__init__(list(CLASSES), {"bias": [0.0] + [5.0] + [0.0] * (len(CLASSES) - 2)},
                         threshold=0.5)


def test_learned_adds_only_where_the_rules_relate_nothing_and_is_marked():
    # the rules relate the first pair; the model may only add between documents left alone
    text = ("Nghị quyết số 71-NQ/TW thay thế Nghị quyết số 93-NQ/TW. "
            "Hội nghị nhắc lại Chỉ thị số 44-CT/TW cùng Kết luận số 55-KL/TW.")
    ex = extract(text, "vi", learned=Always())
    name = {d.id: d.names[0] for d in ex.documents}
    got = {(r.kind, name[r.source], name[r.target], r.rule) for r in ex.doc_relations}
    assert ("replaces", "Nghị quyết số 71-NQ/TW", "Nghị quyết số 93-NQ/TW", "") in got
    assert ("replaces", "Chỉ thị số 44-CT/TW", "Kết luận số 55-KL/TW", "learned") in got
    assert len(got) == 2
    learned = [r for r in ex.doc_relations if r.rule == "learned"]
    assert learned[0].prob and learned[0].prob > 0.9
    from partykg.ingest.candidates import build, render
    assert "rule: learned, p=0." in render(build(ex, stem="t_xlearn9", kg=None))


def test_a_plan_stays_planned():
    text = "Dự thảo Chỉ thị số 44-CT/TW được gửi kèm Kết luận số 55-KL/TW."
    assert extract(text, "vi").doc_relations == []
    ex = extract(text, "vi", learned=Always())
    assert [(r.kind, r.rule) for r in ex.doc_relations] == [("plannedToReplace", "learned")]
    ex = extract(text.replace("Dự thảo Chỉ", "Chỉ"), "vi", learned=Always())
    assert [(r.kind, r.rule) for r in ex.doc_relations] == [("replaces", "learned")]


CLI_TEXT = "Hội nghị nhắc lại Chỉ thị số 44-CT/TW cùng Kết luận số 55-KL/TW."


def test_cli_learned(tmp_path, monkeypatch):
    """`extract --learned` loads the package's model and marks what it adds (the made-up model
    stands for it: which sentences the shipped model proposes for changes when it is retrained)."""
    from partykg.cli.main import main
    from partykg.ingest.candidates import read
    from partykg.ingest.extract.learned import model as model_mod

    monkeypatch.setattr(model_mod, "default_model", Always)
    art = tmp_path / "a.txt"
    art.write_text(CLI_TEXT + "\n", encoding="utf-8")
    rules = []
    for flag in ([], ["--learned"]):
        out = tmp_path / f"c{len(flag)}.trig"
        assert main(["extract", str(art), "--lang", "vi", "--no-link", "--out", str(out),
                     *flag]) == 0
        rules.append([r.rule for r in read(out).relations])
    assert rules[0] == [] and rules[1] and all(r.startswith("learned, p=") for r in rules[1])


def test_the_shipped_model_proposes_on_the_development_data():
    """The shipped model is not inert: on development set O (rules 24/1/4) it proposes."""
    from partykg.ingest.extract.learned.model import default_model
    from partykg.ingest.extract_eval import load_all

    n = 0
    for g in load_all(GOLD / "real_heldout_o", ROOT):
        ex = extract(g.text, g.lang, learned=default_model())
        n += sum(r.rule == "learned" for r in ex.doc_relations)
    assert n >= 1


def test_a_bad_model_file(tmp_path):
    bad = tmp_path / "m.json"
    bad.write_text('{"format": "something else"}', encoding="utf-8")
    with pytest.raises(ModelError):
        load(bad)
    assert default_model().threshold > 0


def _script(name: str, *args: str):
    return subprocess.run(["bash", str(ROOT / "scripts" / name), *args], capture_output=True,
                          text=True, timeout=60)


def test_scripts_error_exits(tmp_path):
    mine = tmp_path / "mine.json"
    mine.write_text("{}", encoding="utf-8")
    for name, args in (("train_relations", [str(mine)]),
                       ("train_relations", ["--bogus"]),
                       ("train_relations", ["--threshold", "2", str(tmp_path / "x.json")]),
                       ("train_relations", ["--sets", "real_heldout_zz", str(tmp_path / "x.json")]),
                       ("cv_relations", ["--sets", "real_heldout_zz,real_dev,real_dev_la"]),
                       ("cv_relations", ["--sets", "real_dev,real_dev_la"]),
                       ("cv_relations", ["--what"]),
                       ("blind_relations", ["--what"]),
                       ("eval_extract", [f"--learned-model={mine}", str(GOLD / "real_dev")])):
        r = _script(name, *args)
        assert r.returncode == 2, (name, args, r.stderr)
        assert r.stderr.count("\n") == 1 and r.stderr.startswith(name + ":"), r.stderr
        assert "Traceback" not in r.stderr
    assert mine.read_text(encoding="utf-8") == "{}"  # not overwritten
    assert _script("cv_relations", "--help").returncode == 0
    assert "Usage: scripts/blind_relations" in _script("blind_relations", "--help").stdout


def test_train_script_writes_a_loadable_model(tmp_path):
    out = tmp_path / "m.json"
    r = _script("train_relations", "--sets", "real_dev,real_dev_lf", str(out))
    assert r.returncode == 0, r.stderr
    m = load(out)
    assert m.meta["trained_on"] == ["real_dev", "real_dev_lf"]
    assert _script("train_relations", "--sets", "real_dev", str(out)).returncode == 2


def test_cv_script_scores_the_rules_as_the_scorer_does():
    # the "rules" column of a fold is the gold scorer's own relation count for that set, and
    # the nested choice is one of the thresholds
    from partykg.ingest.extract_eval import evaluate, load_all
    sets = ["real_dev", "real_heldout_e", "real_dev_lf"]
    r = _script("cv_relations", "--sets", ",".join(sets))
    assert r.returncode == 0, r.stderr
    rows = {line.split(" | ")[0].strip("| "): line for line in r.stdout.splitlines()
            if line.startswith("| real_")}
    for s in sets:
        rel = evaluate(load_all(GOLD / s, ROOT))[("all", "all")].relations
        assert rows[s].split(" | ")[1] == f"{rel.tp}/{rel.fp}/{rel.fn}"
        assert rows[s].split(" | ")[7] in ("0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9")


def test_candidates_stay_bounded_on_pathological_text():
    # one long run of distinct codes: pairs per sentence and partners per mention are capped,
    # so --learned stays linear (it was quadratic before the caps)
    from partykg.ingest.extract.learned import features as F
    ex, cs = cands(" ".join(f"{i}-CT/TW" for i in range(1, 1500)), "en")
    per: dict[int, int] = {}
    for c in cs:
        per[c.sentence] = per.get(c.sentence, 0) + 1
    assert cs and max(per.values()) <= F.MAX_SENTENCE_PAIRS
    assert max(sum(1 for c in cs if c.a == a) for a in {c.a for c in cs}) <= F.MAX_PARTNERS
