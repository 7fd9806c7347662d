from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vntasks.text.spans import OffsetMap, Rewriter, Span


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


def _naive_map(text: str, edits: list[tuple[int, int, str]]) -> tuple[str, list[int], list[int]]:
    """The documented mapping, character by character: kept text and same-length replacements
    map one to one, every character of another replacement to the whole replaced range."""
    out, starts, ends, pos = [], [], [], 0
    for s, e, new in sorted(edits):
        for k in range(pos, s):
            out.append(text[k]), starts.append(k), ends.append(k + 1)
        for i, ch in enumerate(new):
            out.append(ch)
            if len(new) == e - s:
                starts.append(s + i), ends.append(s + i + 1)
            else:
                starts.append(s), ends.append(e)
        pos = e
    for k in range(pos, len(text)):
        out.append(text[k]), starts.append(k), ends.append(k + 1)
    return "".join(out), starts, ends


@st.composite
def _text_and_edits(draw):
    text = draw(st.text(alphabet="ab \n", max_size=30))
    edits, pos = [], 0
    while pos < len(text) and draw(st.booleans()):
        s = draw(st.integers(pos, len(text) - 1))
        e = draw(st.integers(s + 1, min(len(text), s + 4)))
        edits.append((s, e, draw(st.sampled_from(["", "x", "xyz", "q" * (e - s)]))))
        pos = e
    return text, draw(st.permutations(edits))


@settings(max_examples=300, deadline=None)
@given(_text_and_edits())
def test_rewriter_map_is_the_character_by_character_map(case):
    text, edits = case
    rw = Rewriter(text)
    for s, e, new in edits:
        rw.replace(s, e, new)
    got, omap = rw.apply()
    want, starts, ends = _naive_map(text, edits)
    assert got == want
    if edits:
        assert list(omap.starts) == starts and list(omap.ends) == ends
    else:
        assert omap.is_identity
