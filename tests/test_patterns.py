"""patterns.word_set: a trie of literal words that matches what the longest-first alternation does."""
from __future__ import annotations

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.patterns import word_set


def _alternation(words) -> str:
    return "(?:" + "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True)) + ")"


@pytest.mark.parametrize("words, text, expected", [
    (["chủ trì", "chủ động", "chủ"], "Sở chủ trì, chủ động và chủ yếu", ["chủ trì", "chủ động", "chủ"]),
    (["giao", "giao cho"], "giao cho Sở; giao nhiệm vụ", ["giao cho", "giao"]),
    (["năm 20", "năm"], "trong năm 2025 và năm sau", ["năm 20", "năm"]),
    (["a.b", "a"], "a.b a+b", ["a.b", "a"]),  # escaped: "." is a literal
])
def test_word_set_cases(words, text, expected):
    rx = regex.compile(r"(?<!\p{L})" + word_set(words) + r"(?!\p{L})")
    assert [m.group() for m in rx.finditer(text)] == expected


def test_word_set_rejects_an_empty_word():
    with pytest.raises(ValueError):
        word_set(["giao", ""])


_WORDS = st.lists(st.text(alphabet="abđ ơ.", min_size=1, max_size=5), min_size=1, max_size=8)


@settings(max_examples=300, deadline=None)
@given(_WORDS, st.text(alphabet="abđ ơ.,x", max_size=40), st.booleans())
def test_word_set_matches_like_the_longest_first_alternation(words, text, overlapped):
    """Same matches as the alternation sorted longest first, with a boundary after the word
    (where backtracking to a shorter word matters), overlapped or not."""
    tail = r"(?![\p{L}])"
    trie = regex.compile(word_set(words) + tail)
    alt = regex.compile(_alternation(words) + tail)
    assert [m.span() for m in trie.finditer(text, overlapped=overlapped)] == \
        [m.span() for m in alt.finditer(text, overlapped=overlapped)]
