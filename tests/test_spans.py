from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.spans import OffsetMap, Rewriter, Span


def test_span_checks_text_against_offsets():
    Span(2, 5, "abc")
    with pytest.raises(ValueError):
        Span(2, 5, "ab")
    with pytest.raises(ValueError):
        Span(5, 2, "")


def test_span_is_immutable():
    s = Span(0, 1, "a")
    with pytest.raises(AttributeError):
        s.start = 3  # type: ignore[misc]


@pytest.mark.parametrize("text, edits, expected, probes", [
    # deletion: the cleaned "ab" maps to source 0..4 across the deleted "**"
    ("a**b", [(1, 3, "")], "ab", {(0, 2): (0, 4), (1, 2): (3, 4)}),
    # same-length replacement keeps a one-to-one map
    ("hoà bình", [(0, 3, "hòa")], "hòa bình", {(1, 2): (1, 2), (0, 3): (0, 3)}),
    # a shorter replacement maps each new character to the whole old range
    ("x\n\ny", [(1, 3, " ")], "x y", {(1, 2): (1, 3), (0, 3): (0, 4)}),
])
def test_rewriter_maps_back(text, edits, expected, probes):
    rw = Rewriter(text)
    for s, e, new in edits:
        rw.replace(s, e, new)
    out, m = rw.apply()
    assert out == expected
    for (a, b), want in probes.items():
        assert m.to_source(a, b) == want


def test_overlapping_edits_are_refused():
    rw = Rewriter("abcdef")
    rw.delete(1, 4)
    rw.delete(2, 3)
    with pytest.raises(ValueError):
        rw.apply()


def test_compose_chains_two_passes():
    rw1 = Rewriter("a**bc")
    rw1.delete(1, 3)
    t1, m1 = rw1.apply()  # "abc"
    rw2 = Rewriter(t1)
    rw2.replace(1, 2, "BB")
    t2, m2 = rw2.apply()  # "aBBc"
    m = m1.compose(m2)
    assert t2 == "aBBc"
    assert m.to_source(1, 3) == (3, 4)
    assert m.to_source(0, 4) == (0, 5)


@given(st.text(alphabet="ab*\n ", max_size=60), st.data())
def test_identity_after_deleting_stars(text, data):
    rw = Rewriter(text)
    for i, ch in enumerate(text):
        if ch == "*":
            rw.delete(i, i + 1)
    out, m = rw.apply()
    assert out == text.replace("*", "")
    for i, ch in enumerate(out):
        s, e = m.to_source(i, i + 1)
        assert text[s:e] == ch


def test_identity_map():
    m = OffsetMap.identity(4)
    assert m.to_source(1, 3) == (1, 3)
    assert m.to_source(2, 2) == (2, 2)
