"""The full format measures carets as rich does: ``cells`` is ``rich.cells.cell_len`` for any text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from lint.reporters.full import cells

#: wide and narrow letters, emoji with and without joiners and variation selectors, combining
#: marks, control characters, and anything else
_AWKWARD = st.sampled_from(["a", " ", "\t", "\x00", "\x7f", "中", "Ａ", "…", "\u0301", "❤", "🤔", "👨", "\u200d", "\ufe0f"])
_TEXTS = st.text(_AWKWARD | st.characters(), max_size=60)


@given(_TEXTS)
def test_cells_are_richs_cell_length(string) -> None:
    assert cells(string) == cell_len(string)


def test_joined_emoji_and_wide_letters() -> None:
    for string in ("👨\u200d👩\u200d👧", "❤\ufe0f", "分析🤔外", "", "plain ascii"):
        assert cells(string) == cell_len(string)
