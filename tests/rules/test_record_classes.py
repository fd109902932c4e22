"""plugins._records: a record is the named tuple ``typing.NamedTuple`` would make of the same body."""

from __future__ import annotations

import pickle
from typing import NamedTuple

import pytest

from plugins._records import record


@record
class Span:
    """A span of text."""

    start: int
    end: int
    label: str = ""

    def width(self) -> int:
        return self.end - self.start


class TypedSpan(NamedTuple):
    """A span of text."""

    start: int
    end: int
    label: str = ""


def test_a_record_is_a_named_tuple_with_its_defaults_methods_and_docstring():
    span = Span(2, 5)
    assert span == (2, 5, "") and span.label == "" and span.width() == 3
    assert Span._fields == TypedSpan._fields and Span._field_defaults == TypedSpan._field_defaults
    assert repr(span) == "Span(start=2, end=5, label='')" and Span.__doc__ == "A span of text."
    assert span._replace(label="x") == Span(2, 5, "x") and type(span._replace(label="x")) is Span
    assert not hasattr(span, "__dict__")


def test_a_record_pickles_by_its_module_and_name():
    assert pickle.loads(pickle.dumps(Span(1, 2, "a"))) == Span(1, 2, "a")


def test_a_field_without_a_default_after_one_with_a_default_is_refused():
    with pytest.raises(TypeError):

        @record
        class Wrong:
            first: int = 0
            second: int
