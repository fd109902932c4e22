"""Named tuples declared as ``typing.NamedTuple`` declares them, built for a third of the cost.

``typing.NamedTuple`` checks every field's annotation as a type, and under ``from __future__
import annotations`` that compiles each one as a forward reference: most of the cost of a
class, and the plugins declare some twenty, all built by every one-file run. :func:`record`
makes the same class (``collections.namedtuple``, the defaults, methods and docstring of the
body) and takes the annotations as they are.
"""

from __future__ import annotations

import collections
from typing import TypeVar, dataclass_transform

__all__ = ["record"]

_T = TypeVar("_T")

#: What every class gets that a named tuple (no instance dictionary) must not.
_NOT_COPIED = ("__dict__", "__weakref__")


@dataclass_transform(frozen_default=True)  # type checkers: made from the fields, as a dataclass
def record(cls: type[_T]) -> type[_T]:
    """The named tuple of ``cls``'s annotated fields, in order; a field's value in the body is
    its default, and the body's other names (methods, the docstring) are kept."""
    body = cls.__dict__
    fields = tuple(body.get("__annotations__", {}))
    defaults = [body[name] for name in fields if name in body]
    if any(name in body for name in fields[: len(fields) - len(defaults)]):
        raise TypeError(f"{cls.__name__}: a field without a default follows one with a default")
    made = collections.namedtuple(cls.__name__, fields, defaults=defaults, module=cls.__module__)
    for name, value in body.items():
        if name not in fields and name not in _NOT_COPIED and not (name == "__doc__" and value is None):
            setattr(made, name, value)
    return made  # type: ignore[return-value]
