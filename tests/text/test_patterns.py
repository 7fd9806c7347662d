"""patterns.word_set: a trie of literal words that matches what the longest-first alternation does."""
from __future__ import annotations

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from vntasks.text.patterns import word_set


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


# --- BoundedWords: the trie run by the stdlib re, the result of the exact regex pattern ---------

def _exact(words, before=True, after=True):
    return regex.compile((r"(?<!\p{L})" if before else "") + word_set(words) + (r"(?!\p{L})" if after else ""))


def test_latin_letter_is_a_subset_of_letters():
    from vntasks.text.patterns import LATIN_LETTER
    latin = regex.compile(LATIN_LETTER)
    letter = regex.compile(r"\p{L}")
    inside = [c for c in map(chr, range(0x3000)) if latin.fullmatch(c)]
    assert len(inside) > 700  # every Vietnamese letter and the rest of Latin
    assert all(letter.fullmatch(c) for c in inside)
    # and it holds every letter below U+0250 and in Latin Extended Additional (BoundedWords relies on it)
    assert all(latin.fullmatch(c) for c in map(chr, [*range(0x250), *range(0x1E00, 0x1F00)]) if letter.fullmatch(c))
    # so on a text without a character of NOT_LATIN_TEXT the two agree
    from vntasks.text.patterns import NOT_LATIN_TEXT
    admitted = [c for c in map(chr, range(0x3000)) if not regex.match(NOT_LATIN_TEXT, c)]
    assert all(bool(latin.fullmatch(c)) == bool(letter.fullmatch(c)) for c in admitted)
    assert all(latin.fullmatch(c) for c in "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹĐ")


@pytest.mark.parametrize("words, text, expected", [
    # Latin boundaries: as the exact pattern
    (["chủ trì", "chủ"], "sở chủ trì, chủ động", [(3, 10), (12, 15)]),
    (["hoà"], "hoà hoàn hoà.", [(0, 3), (9, 12)]),
    # a non-Latin letter at a boundary (Cyrillic, CJK): no match there, as \p{L} says
    (["chủ"], "жchủ chủж chủ", [(10, 13)]),
    (["hoà"], "hoà中 hoà", [(5, 8)]),
    # the longest word fails its boundary on a non-Latin letter, a shorter one fits
    (["chủ trì", "chủ"], "chủ trìж và chủ trì", [(0, 3), (12, 19)]),
    # a symbol that is not a letter (superscript digit, emoji) is a boundary
    (["hoà"], "hoà² 😀hoà", [(0, 3), (6, 9)]),
])
def test_bounded_words_cases(words, text, expected):
    from vntasks.text.patterns import BoundedWords
    bw = BoundedWords(word_set(words))
    assert list(bw.spans(text)) == expected
    assert [m.span() for m in _exact(words).finditer(text)] == expected


_MIXED = st.text(alphabet="abđơà ,.2²жЖ中é", max_size=40)


@settings(max_examples=400, deadline=None)
@given(_WORDS.filter(lambda ws: all(w.strip(" .") for w in ws)), _MIXED, st.booleans(), st.booleans())
def test_bounded_words_is_the_exact_pattern(words, text, before, after):
    """Whatever letters touch the words (Latin, Cyrillic, CJK), ``spans`` is ``finditer`` of the
    exact \\p{L} pattern and ``overlapped`` its overlapped ``finditer``."""
    from vntasks.text.patterns import BoundedWords
    bw = BoundedWords(word_set(words), before=before, after=after)
    exact = _exact(words, before, after)
    assert list(bw.spans(text)) == [m.span() for m in exact.finditer(text)]
    assert list(bw.overlapped(text)) == [m.group() for m in exact.finditer(text, overlapped=True)]


def test_body_token_for_re_is_body_token_on_latin_text():
    """Character by character over the ranges NOT_LATIN_TEXT admits: re's classes of
    BODY_TOKEN_RE agree with regex's of BODY_TOKEN, so both give the same tokens."""
    import re

    from vntasks.text.patterns import BODY_TOKEN, BODY_TOKEN_RE, NOT_LATIN_TEXT
    chars = [c for c in map(chr, range(0x2070)) if not re.match(NOT_LATIN_TEXT, c)]
    assert len(chars) > 900 and "ạ" in chars and "“" in chars and "ж" not in chars
    fast, exact = re.compile(BODY_TOKEN_RE), regex.compile(BODY_TOKEN)
    for c in chars:
        for text in (c, "a" + c + "b", c + c, "1&" + c, " " + c + " "):
            assert fast.findall(text) == exact.findall(text), repr(text)


# --- LatinFast: a regex pattern run by re on Latin-script text, with the same matches ----------

def _admitted():
    import re

    from vntasks.text.patterns import NOT_LATIN_TEXT
    return [c for c in map(chr, range(0x2070)) if not re.match(NOT_LATIN_TEXT, c)]


@pytest.mark.parametrize("prop", ["L", "Lu", "Ll", "N", "Nd"])
def test_latin_class_is_the_property_on_admitted_characters(prop):
    import re

    from vntasks.text.patterns import latin_class
    fast, exact = re.compile(f"[{latin_class(prop)}]"), regex.compile(r"\p{" + prop + "}")
    assert all(bool(fast.fullmatch(c)) == bool(exact.fullmatch(c)) for c in _admitted())


def test_re_and_regex_agree_on_admitted_characters():
    """White space, digits and case-insensitive matching: what a translated pattern relies on."""
    import re
    admitted = _admitted()
    assert "\x1c" not in admitted and "İ" not in admitted and "ı" not in admitted and "Ư" in admitted
    for esc in (r"\s", r"\d", "."):
        a, b = re.compile(esc), regex.compile(esc)
        assert all(bool(a.fullmatch(c)) == bool(b.fullmatch(c)) for c in admitted), esc
    for c in admitted:
        a, b = re.compile(re.escape(c), re.I), regex.compile(regex.escape(c), regex.I)
        assert [d for d in admitted if a.fullmatch(d)] == [d for d in admitted if b.fullmatch(d)], c


def test_latin_re_translates_properties_and_refuses_word_classes():
    from vntasks.text.patterns import latin_class, latin_re
    assert latin_re(r"\p{Lu}x") == f"[{latin_class('Lu')}]x"
    assert latin_re(r"[\p{L}\p{N}&]") == f"[{latin_class('L')}{latin_class('N')}&]"
    assert latin_re(r"a\[\p{N}\]") == rf"a\[[{latin_class('N')}]\]"
    for src in (r"\w+", r"\bx", r"[]a]"):
        with pytest.raises(ValueError):
            latin_re(src)


def test_latin_fast_chooses_by_text():
    from vntasks.text.patterns import LatinFast
    lf = LatinFast(r"(?<!\p{L})Sở(?!\p{L})")
    assert lf.for_text("Sở Y tế") is lf.fast
    for other in ("Sở ж", "Sở\x1c", "İzmir Sở"):
        assert lf.for_text(other) is lf.exact


_REF_PIECES = ["Quyết định", "số", "25-TB/BCĐ", "123/QĐ-UBND", "ngày 15/3/2024", "Kế hoạch", "Thông báo",
               "của", "UBND tỉnh", "Quảng Ninh", "THÁI BÌNH", "tỉnh", "thành phố", "Hà Nội", "Đà Nẵng", ",", ".",
               "và", "\n", "Nghị quyết", "05-NQ/TU", "tp.", "Huyện ủy", "2025", "(", ")", "mẫu", "01/TK", "Tỉnh ủy"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_REF_PIECES), max_size=40))
def test_latin_fast_patterns_match_as_their_originals(pieces):
    """The references and province patterns: on Latin-script text, re's matches are regex's."""
    from vntasks.extractors.references import _ref_re
    from vntasks.structure.header import _province_rx
    text = " ".join(pieces)
    for lf in (_ref_re(), _province_rx()):
        assert lf.for_text(text) is lf.fast
        assert [(m.span(), m.groups()) for m in lf.fast.finditer(text)] == \
            [(m.span(), m.groups()) for m in lf.exact.finditer(text)]
