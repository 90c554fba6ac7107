"""partykg.records stands in for dataclasses on the cold `ask` path (issue 13): the same classes
written with both must behave alike, and the ask path's classes are records."""

from __future__ import annotations

import dataclasses
import math

import pytest

from partykg import records


def twins(frozen: bool = False):
    """The same class body written with dataclasses and with records."""
    made = []
    for mod in (dataclasses, records):
        @mod.dataclass(frozen=frozen)
        class Item:
            kind: str
            start: int
            tags: list[str] = mod.field(default_factory=list)
            how: str = ""
            value: object = None
            extra: dict = mod.field(default_factory=dict)

            def size(self) -> int:
                return len(self.tags)

            @property
            def first(self):
                return self.tags[0] if self.tags else None

        made.append(Item)
    return made


def hashed(obj):
    try:
        return hash(obj)
    except TypeError:
        return "unhashable"


ARGS = [(("a", 1), {}), (("a", 1, ["x"]), {"how": "code"}), ((), {"kind": "b", "start": 2,
                                                                  "value": {"k": [1, (2, 3)]}}),
        (("a", 1, ["x", "y"], "h", math.nan, {"z": 1}), {})]


@pytest.mark.parametrize("frozen", [False, True])
def test_records_behave_as_dataclasses(frozen):
    D, R = twins(frozen)
    for args, kwargs in ARGS:
        d, r = D(*args, **kwargs), R(*args, **kwargs)
        assert repr(d).split("Item", 1)[1] == repr(r).split("Item", 1)[1]
        assert dataclasses.asdict(d) == records.asdict(r) or math.isnan(d.value)
        assert str(dataclasses.asdict(d)) == str(records.asdict(r))
        assert r == R(*args, **kwargs) and r != D(*args, **kwargs)
        assert (r == R("other", 0)) == (d == D("other", 0))
        assert r.size() == d.size() and r.first == d.first
        assert hashed(r) == hashed(d)  # the hash of the fields (frozen), or unhashable
        if frozen:
            with pytest.raises(AttributeError):
                r.kind = "x"
            with pytest.raises(records.FrozenInstanceError):
                del r.kind
        else:
            r.kind = d.kind = "x"
            assert r.kind == "x"
        d2 = dataclasses.replace(d, how="changed", start=9)
        r2 = records.replace(r, how="changed", start=9)
        assert str(dataclasses.asdict(d2)) == str(records.asdict(r2))
    if frozen:
        plain = hashed(R("a", 1, (), extra=None))
        assert plain == hashed(D("a", 1, (), extra=None)) != "unhashable"
    # each instance gets its own list and dict
    a, b = R("a", 1), R("b", 2)
    assert a.tags is not b.tags and a.extra is not b.extra
    # the copy of asdict is deep: changing it leaves the record as it was
    r = R("a", 1, [["nested"]])
    out = records.asdict(r)
    out["tags"][0].append("more")
    assert r.tags == [["nested"]]
    with pytest.raises(TypeError):
        R("a")  # a field without default missing
    with pytest.raises(TypeError):
        R("a", 1, nope=3)
    with pytest.raises(TypeError):
        records.replace(R("a", 1), nope=3)
    assert R.__match_args__ == D.__match_args__
    assert [f.name for f in records.fields(R)] == [f.name for f in dataclasses.fields(D)]
    assert R.how == D.how == "" and not hasattr(R, "tags") and not hasattr(D, "tags")


def test_records_nest_and_inherit():
    @records.dataclass
    class Inner:
        a: int
        b: list = records.field(default_factory=list)

    @records.dataclass
    class Outer:
        inner: Inner
        items: list = records.field(default_factory=list)
        pair: tuple = ()

    @records.dataclass
    class More(Outer):
        note: str = "n"

    o = More(Inner(1, [2]), [Inner(3)], (Inner(4), "x"))
    assert records.asdict(o) == {"inner": {"a": 1, "b": [2]}, "items": [{"a": 3, "b": []}],
                                 "pair": ({"a": 4, "b": []}, "x"), "note": "n"}
    assert records.replace(o, note="m").note == "m" and records.replace(o).inner == o.inner
    with pytest.raises(TypeError):
        records.asdict(Inner)  # the class, not an instance
    with pytest.raises(TypeError):
        @records.dataclass
        class Bad:
            a: int = 1
            b: int


def test_a_method_the_class_writes_is_kept():
    @records.dataclass(frozen=True)
    class Own:
        a: int

        def __repr__(self) -> str:
            return "own"

        def __eq__(self, other) -> bool:
            return True

    assert repr(Own(1)) == "own" and Own(1) == Own(2) and Own(1) == 3
    hash(Own(1))  # frozen: hashable


def test_the_ask_path_classes_are_records():
    from partykg.ask.answer import Answer
    from partykg.ask.intents import Parsed
    from partykg.ask.mentions import Found, Mention
    from partykg.ask.resolve import Resolution
    from partykg.model.ids import Code
    from partykg.store.embedded import KnowledgeGraph
    from partykg.store.queries import Param, Query

    for cls in (Answer, Parsed, Found, Mention, Resolution, Code, KnowledgeGraph, Param, Query):
        assert records.fields(cls), cls
        assert not dataclasses.is_dataclass(cls), cls
