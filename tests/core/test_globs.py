"""Globs as users write them: one segment for ``*``, any depth for ``**``, names anywhere without ``/``."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lint.globs import GlobError, any_glob_matches, glob_matches

PATHS = ["a.txt", "pages/a.txt", "pages/deep/b.html", ".git/config", "build/x/y.txt", "notes.md"]


@pytest.mark.parametrize(
    ("pattern", "matched"),
    [
        ("*.txt", {"a.txt", "pages/a.txt", "build/x/y.txt"}),
        ("pages/*.txt", {"pages/a.txt"}),
        ("pages/**", {"pages/a.txt", "pages/deep/b.html"}),
        ("build", {"build/x/y.txt"}),  # a folder name matches everything below it
        (".git", {".git/config"}),
        ("[!a]*.md", {"notes.md"}),
        ("?.txt", {"a.txt", "pages/a.txt", "build/x/y.txt"}),
    ],
)
def test_a_glob_matches_these_paths(pattern: str, matched: set[str]) -> None:
    assert {path for path in PATHS if glob_matches(pattern, path)} == matched


@pytest.mark.parametrize("pattern", ["", "  ", "pages/[abc"])
def test_a_malformed_glob_is_refused(pattern: str) -> None:
    with pytest.raises(GlobError):
        glob_matches(pattern, "a.txt")


def test_no_globs_match_nothing() -> None:
    assert not any_glob_matches((), "a.txt")


_GLOBS = st.lists(st.sampled_from(["*.txt", "pages/**", "build", "?.md", "[!p]*", "**/deep/*", ".git", "x"]),
                  max_size=4).map(tuple)


@given(_GLOBS, st.sampled_from(PATHS))
def test_any_of_a_set_of_globs_matches_as_each_glob_alone(patterns: tuple[str, ...], path: str) -> None:
    """The walk tests a set of excludes as one pattern; it must say what each one says."""
    assert any_glob_matches(patterns, path) == any(glob_matches(pattern, path) for pattern in patterns)
