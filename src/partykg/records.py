"""Plain data classes for the cold ``partykg ask`` path (issue 13): :func:`dataclass`,
:func:`field`, :func:`asdict` and :func:`replace`, as :mod:`dataclasses` has them for the classes
partykg writes (annotated fields, defaults, ``field(default_factory=...)``, ``frozen=True``),
without importing :mod:`dataclasses`, which imports :mod:`inspect` and with it ast, dis, tokenize
and linecache: some 20 ms of a cold start, more than half the time to start the query engine.

The classes get the same ``__init__`` (fields in order, positional or by keyword, each default
factory called per instance), ``__repr__``, ``__eq__`` (same class, fields equal), and for a
frozen class ``__hash__`` and an error on assignment (:class:`FrozenInstanceError`, an
AttributeError as in dataclasses); a method the class writes itself is kept. A test compares
them with dataclasses, field by field. They are not dataclasses for :mod:`dataclasses` itself
(use this module's :func:`asdict` and :func:`replace`).
"""

from __future__ import annotations

__all__ = ["FrozenInstanceError", "asdict", "dataclass", "field", "fields", "replace"]

_MISSING = object()
_ATOMS = (str, int, float, bool, type(None), bytes)


class FrozenInstanceError(AttributeError):
    """An assignment to a field of a frozen instance."""


class Field:
    __slots__ = ("name", "default", "default_factory")

    def __init__(self, default=_MISSING, default_factory=_MISSING):
        if default is not _MISSING and default_factory is not _MISSING:
            raise ValueError("cannot specify both default and default_factory")
        self.name = ""
        self.default = default
        self.default_factory = default_factory

    def __repr__(self) -> str:
        return f"Field(name={self.name!r})"


def field(*, default=_MISSING, default_factory=_MISSING) -> Field:
    return Field(default, default_factory)


def fields(obj) -> tuple[Field, ...]:
    """The fields of a record class or instance, in order."""
    try:
        return type(obj).__record_fields__ if not isinstance(obj, type) else obj.__record_fields__
    except AttributeError:
        raise TypeError("must be called with a record type or instance") from None


def _is_classvar(annotation) -> bool:
    text = annotation if isinstance(annotation, str) else getattr(annotation, "__name__", "")
    return text.startswith(("ClassVar", "typing.ClassVar"))


def _frozen_setattr(self, name, value):
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _frozen_delattr(self, name):
    raise FrozenInstanceError(f"cannot delete field {name!r}")


def _make_init(fs: tuple[Field, ...], frozen: bool):
    """The ``__init__`` of the fields ``fs``: one function for every record class (dataclasses
    writes and compiles the source of each, ~0.3 ms a class on a cold start)."""
    fields_ = tuple((f.name, f.default, f.default_factory) for f in fs)
    count = len(fields_)
    put = object.__setattr__ if frozen else setattr

    def __init__(self, *args, **kwargs):
        n = len(args)
        if n > count:
            raise TypeError(f"__init__() takes {count + 1} positional arguments but {n + 1} "
                            "were given")
        for i, (name, default, factory) in enumerate(fields_):
            if i < n:
                if name in kwargs:
                    raise TypeError(f"__init__() got multiple values for argument {name!r}")
                value = args[i]
            elif name in kwargs:
                value = kwargs.pop(name)
            elif default is not _MISSING:
                value = default
            elif factory is not _MISSING:
                value = factory()
            else:
                raise TypeError(f"__init__() missing 1 required positional argument: {name!r}")
            put(self, name, value)
        if kwargs:
            raise TypeError(f"__init__() got an unexpected keyword argument {next(iter(kwargs))!r}")

    return __init__


def _process(cls, frozen: bool):
    found: dict[str, Field] = {}
    for base in reversed(cls.__mro__[1:]):
        for f in getattr(base, "__record_fields__", ()):
            found[f.name] = f
    for name, annotation in cls.__dict__.get("__annotations__", {}).items():
        if _is_classvar(annotation):
            continue
        value = cls.__dict__.get(name, _MISSING)
        f = value if isinstance(value, Field) else Field(default=value)
        f.name = name
        if isinstance(value, Field):
            if f.default is _MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, f.default)
        found[name] = f
    fs = tuple(found.values())
    seen_default = False
    for f in fs:
        if f.default is not _MISSING or f.default_factory is not _MISSING:
            seen_default = True
        elif seen_default:
            raise TypeError(f"non-default argument {f.name!r} follows default argument")
    init = _make_init(fs, frozen)
    names = tuple(f.name for f in fs)

    def __repr__(self) -> str:
        return (f"{type(self).__qualname__}("
                + ", ".join(f"{n}={getattr(self, n)!r}" for n in names) + ")")

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return tuple(getattr(self, n) for n in names) == tuple(getattr(other, n) for n in names)
        return NotImplemented

    def __hash__(self):
        return hash(tuple(getattr(self, n) for n in names))

    own = dict(cls.__dict__)  # before anything is added to it
    cls.__record_fields__ = fs
    cls.__match_args__ = names
    for name, fn in (("__init__", init), ("__repr__", __repr__), ("__eq__", __eq__)):
        if name not in own:
            fn.__qualname__ = f"{cls.__qualname__}.{name}"
            setattr(cls, name, fn)
    if frozen:
        cls.__setattr__ = _frozen_setattr
        cls.__delattr__ = _frozen_delattr
        if "__hash__" not in own or own["__hash__"] is None:
            cls.__hash__ = __hash__
    elif "__eq__" not in own and "__hash__" not in own:
        cls.__hash__ = None  # mutable and compared by value: unhashable, as in dataclasses
    return cls


def dataclass(cls=None, /, *, frozen: bool = False):
    """``@dataclass`` or ``@dataclass(frozen=True)`` (see the module's docstring)."""
    def wrap(c):
        return _process(c, frozen)

    return wrap if cls is None else wrap(cls)


def _inner(obj):
    if type(obj) in _ATOMS:
        return obj
    if hasattr(type(obj), "__record_fields__"):
        return {f.name: _inner(getattr(obj, f.name)) for f in type(obj).__record_fields__}
    if isinstance(obj, tuple) and hasattr(obj, "_fields"):  # a named tuple
        return type(obj)(*[_inner(v) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_inner(v) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_inner(k), _inner(v)) for k, v in obj.items())
    import copy

    return copy.deepcopy(obj)


def asdict(obj) -> dict:
    """The record as a dict of its fields, records, lists, tuples and dicts in it copied
    recursively, anything else deep-copied (as :func:`dataclasses.asdict`)."""
    if not hasattr(type(obj), "__record_fields__"):
        raise TypeError("asdict() should be called on record instances")
    return _inner(obj)


def replace(obj, /, **changes):
    """A new record like ``obj`` with ``changes`` (as :func:`dataclasses.replace`)."""
    for f in type(obj).__record_fields__:
        if f.name not in changes:
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)
