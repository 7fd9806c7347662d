"""Cleaning rules, one table row per rule, and the offset invariant as a property."""
from __future__ import annotations

import unicodedata

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from vntasks.ingest.clean import clean


@pytest.mark.parametrize("source, expected", [
    # NFD input is composed
    (unicodedata.normalize("NFD", "Ủy ban nhân dân huyện"), "Ủy ban nhân dân huyện"),
    # modern tone placement, whole syllables only
    ("Uỷ ban nhân dân xã Hoà Bình", "Ủy ban nhân dân xã Hòa Bình"),
    ("công tác thuỷ lợi, sức khoẻ", "công tác thủy lợi, sức khỏe"),
    ("quý IV, Hoàng Văn Thụ", "quý IV, Hoàng Văn Thụ"),
    # symbols are not split or changed
    ("theo Thông báo số 31-TB/BCĐ ngày 16/03/2021", "theo Thông báo số 31-TB/BCĐ ngày 16/03/2021"),
    # markdown emphasis removed, a "*" bullet kept
    ("* **Thành phần:** các đồng chí", "* Thành phần: các đồng chí"),
    ("## II. Nhiệm vụ", "II. Nhiệm vụ"),
    # a sentence cut by a page break is rejoined
    ("tăng cường đi\n\ncông tác cơ sở", "tăng cường đi công tác cơ sở"),
    ("của cán bộ, người\n\nlao động", "của cán bộ, người lao động"),
    ("thực hiện Quy chế công\n\n12\n\ntác dân vận", "thực hiện Quy chế công tác dân vận"),
    ("đôn đốc\n\n- 3 -\n\nđộc lập", "đôn đốc độc lập"),
    # a compound cut at its hyphen by a line wrap; a capitalised bullet stays a bullet
    ("các tổ chức chính trị\n- xã hội tham gia", "các tổ chức chính trị - xã hội tham gia"),
    ("kết luận như sau\n- Phòng Nội vụ rà soát", "kết luận như sau\n- Phòng Nội vụ rà soát"),
    ("trang một\fhai ba", "trang một hai ba"),
    # a break before a capital or an item stays
    ("hoàn thành.\n\n2. Công an xã", "hoàn thành.\n\n2. Công an xã"),
    ("kết luận như sau:\n\n- sửa đổi", "kết luận như sau:\n\n- sửa đổi"),
    # web boilerplate dropped
    ("Tiêu đề\nLượt xem: 53\nNội dung chính.", "Tiêu đề\nNội dung chính."),
    ("Nội dung.\nĐang online: 17\nHôm nay: 18305\nĐã truy cập: 14205708", "Nội dung.\n"),
    ("Tin chính\nThứ Ba, 12/01/2021, 13:19 [GMT+7]\n.\n.\nSáng nay", "Tin chính\nSáng nay"),
    ("Bài viết.\nTin liên quan\n- Hội nghị khác\n- Tin khác nữa", "Bài viết.\n"),
    # share buttons under the title are one line of chrome; after the article they end it
    ("Tiêu đề bài\nChia sẻ Facebook Zalo In bài\nNgày 4/9, đồng chí Chủ tịch đề nghị các xã rà soát.",
     "Tiêu đề bài\nNgày 4/9, đồng chí Chủ tịch đề nghị các xã rà soát."),
    ("Nội dung bài " + "rất dài " * 60 + "kết thúc.\nChia sẻ bài viết\n- Tin khác một\n- Tin khác hai",
     "Nội dung bài " + "rất dài " * 60 + "kết thúc.\n"),
    # footnote markers removed from the text, footnote lines kept apart
    ("nội dung “04 không”⁽¹⁾ của tỉnh.\n⁽¹⁾ “Không gây phiền hà”.\nTiếp theo.",
     "nội dung “04 không” của tỉnh.\nTiếp theo."),
    ("theo Kết luận số 05-KL/TU[2] của Tỉnh ủy.\n[2] Kết luận ngày 3/3/2021.",
     "theo Kết luận số 05-KL/TU của Tỉnh ủy.\n"),
    # odd spaces and invisible characters
    ("Ủy\u00a0ban\u200b nhân dân", "Ủy ban nhân dân"),
    ("Dòng một.\r\nDòng hai.\r\n", "Dòng một.\nDòng hai.\n"),
])
def test_cleaning_rules(source, expected):
    assert clean(source).text == expected


def test_removed_parts_are_kept_with_source_offsets():
    src = "Tin chính\nThứ Ba, 12/01/2021, 13:19 [GMT+7]\nCâu một⁽¹⁾.\n⁽¹⁾ Chú thích số 12-KL/TU.\nLượt xem: 9"
    c = clean(src)
    assert [b.label for b in c.boilerplate] == ["dateline", "counter"]
    for sp in (*c.boilerplate, *c.footnotes):
        assert src[sp.start:sp.end] == sp.text
    assert c.footnotes[0].text == "⁽¹⁾ Chú thích số 12-KL/TU."


def test_repeated_caption_is_dropped_once():
    cap = "Đồng chí Bí thư Tỉnh ủy phát biểu tại hội nghị."
    c = clean(f"Mở đầu.\n{cap}\n{cap}\nThân bài.")
    assert c.text.count(cap) == 1


def fold(s: str) -> str:
    s = unicodedata.normalize("NFC", s).lower().replace("*", "")
    for old, new in (("uỷ", "ủy"), ("oà", "òa"), ("uý", "úy"), ("oẻ", "ỏe")):
        s = s.replace(old, new)
    return s


WORDS = ["ủy", "uỷ", "ban", "nhân", "dân", "hoà", "hòa", "bình", "tỉnh", "Thanh", "Hóa", "khoẻ", "người",
         "lao", "động", "quý", "thuỷ", "lợi", "25-TB/BCĐ", "1329/QĐ-UBND", "đề", "nghị", "Công", "an"]
SEPS = [" ", " ", " ", ", ", ". ", "\n", "\n\n", "\n\n12\n\n", "\f", " **", "** "]


@st.composite
def noisy_text(draw):
    n = draw(st.integers(1, 40))
    parts = []
    for _ in range(n):
        w = draw(st.sampled_from(WORDS))
        if draw(st.booleans()) and draw(st.booleans()):
            w = unicodedata.normalize("NFD", w)
        parts.append(w)
        parts.append(draw(st.sampled_from(SEPS)))
    return "".join(parts)


@settings(max_examples=200, deadline=None)
@given(noisy_text())
def test_every_cleaned_word_maps_back_to_its_source(src):
    c = clean(src)
    last = -1
    for i in range(len(c.text)):
        s, e = c.to_source(i, i + 1)
        assert 0 <= s <= e <= len(src)
        assert s >= last or c.text[i].isspace()
        last = s
    for m in regex.finditer(r"[\p{L}\p{N}/\-]+", c.text):
        sp = c.span(m.start(), m.end())
        assert src[sp.start:sp.end] == sp.text
        assert fold(sp.text) == fold(m.group())


@pytest.mark.parametrize("source, expected", [
    # a line that ran to the margin continues on the next, even before a capital
    ("Giao Phòng Tài nguyên và Môi trường chủ trì, phối hợp với Phòng Tài chính - Kế hoạch thẩm định, trình\n"
     "UBND huyện trước ngày 15/9/2024.\n"
     "Trung tâm Phát triển quỹ đất hoàn thiện hồ sơ bồi thường trong tháng 10/2024.\n"
     "1. Về dự án thứ hai của huyện trong kế hoạch vốn năm sau và các năm tiếp theo ở địa bàn\n"
     "THÔNG BÁO\n",
     "Giao Phòng Tài nguyên và Môi trường chủ trì, phối hợp với Phòng Tài chính - Kế hoạch thẩm định, "
     "trình UBND huyện trước ngày 15/9/2024.\n"
     "Trung tâm Phát triển quỹ đất hoàn thiện hồ sơ bồi thường trong tháng 10/2024.\n"
     "1. Về dự án thứ hai của huyện trong kế hoạch vốn năm sau và các năm tiếp theo ở địa bàn\n"
     "THÔNG BÁO\n"),
    # a continuation with no letters is no heading in capitals: the date joins its sentence
    ("Hội Nông dân xã phối hợp với Hợp tác xã dịch vụ nông nghiệp vận động các hộ hoàn thành chậm nhất ngày\n"
     "15/10/2025.\n"
     "Công an xã bảo đảm an ninh trật tự tại các điểm bàn giao mặt bằng của dự án ở thôn Hai.\n"
     "Ban Chỉ huy quân sự xã tổ chức huấn luyện dân quân năm nay theo kế hoạch của cấp trên giao\n"
     "II. KIẾN NGHỊ\n",
     "Hội Nông dân xã phối hợp với Hợp tác xã dịch vụ nông nghiệp vận động các hộ hoàn thành chậm nhất ngày "
     "15/10/2025.\n"
     "Công an xã bảo đảm an ninh trật tự tại các điểm bàn giao mặt bằng của dự án ở thôn Hai.\n"
     "Ban Chỉ huy quân sự xã tổ chức huấn luyện dân quân năm nay theo kế hoạch của cấp trên giao\n"
     "II. KIẾN NGHỊ\n"),
])
def test_pdf_soft_wraps(source, expected):
    assert clean(source, soft_wraps=True).text == expected
    assert clean(source).text != expected  # only PDF text gets this rule


@pytest.mark.parametrize("source, expected", [
    ("Nội dung bài.\nTin, ảnh: Hoàng Long\nChia sẻ: Facebook Zalo\n- Tin khác một\n- Tin khác hai", "Nội dung bài.\n"),
    ("Nội dung bài.\nNguồn: Báo Quảng Trị\n", "Nội dung bài.\n"),
])
def test_news_tail(source, expected):
    assert clean(source).text == expected


def test_tone_map_read_from_the_rules_file_equals_underthesea_import():
    """The fast path (the rules file read directly) gives exactly underthesea's own map."""
    from underthesea.pipeline.text_normalize.text_normalizer import token_map

    from vntasks.text.normalise import _underthesea_token_map

    assert _underthesea_token_map() == token_map


_TONE_WORDS = sorted(__import__("vntasks.text.normalise", fromlist=["tone_table"]).tone_table())


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_TONE_WORDS), st.sampled_from(
    ["hoàn", "quản", "người", "việc", "Hoà", "thuỷ", "xã", "1", "²", "-", "ƯỜNG"]),
    st.text(alphabet="aăâeêioôơuưyàáảãạòóỏõọùúủũụỳýỷỹỵ hnt,.\n", max_size=6)), max_size=30),
    st.sampled_from(["", " ", "\n", "-", "²"]))
def test_old_tone_words_found_from_endings_as_by_the_whole_word_pattern(parts, sep):
    """The endings search finds exactly the words the reference pattern (any word with a vowel
    before a toned vowel, looked up in the table) would replace."""
    from vntasks.text.normalise import OLD_TONE_WORD, old_tone_words, tone_table

    text = sep.join(parts)
    table = tone_table()
    expected = [(m.start(), m.end(), table[m.group()]) for m in OLD_TONE_WORD.finditer(text) if m.group() in table]
    assert old_tone_words(text) == expected


# The page-break patterns as first written (matched from the spaces before the line break): the
# reference that the faster patterns, which start at the line break, must agree with.
_PAGE_NUMBER = r"[ \t]*(?:[-–—][ \t]*\d{1,3}[ \t]*[-–—]|(?:Trang|trang)[ \t]+\d{1,3}|\d{1,3})[ \t]*"
_REFERENCE_BROKEN = regex.compile(r"(?<=[\p{Ll}\p{N},])[ \t]*\n(?:[ \t]*\n|" + _PAGE_NUMBER + r"\n)*[ \t]*(?=\p{Ll})"
                                  r"(?![a-zđ][ \t]*\)|[a-zđ][.\-][ \t])")
_REFERENCE_COMPOUND = regex.compile(r"(?<=\p{Ll})[ \t]*\n(?=-[ \t]\p{Ll})")


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["a", "B", "đ", "3", ",", ".", " ", "\t", "\n", "- ", "-", "a)", "b.", "Trang 2",
                                 "– 3 –", "12", "công tác", "\n\n", ")"]), max_size=40))
def test_page_break_patterns_agree_with_the_reference(parts):
    from vntasks.ingest.clean import _BROKEN, _BROKEN_COMPOUND, _with_spaces_before

    text = "".join(parts)
    for fast, reference in ((_BROKEN, _REFERENCE_BROKEN), (_BROKEN_COMPOUND, _REFERENCE_COMPOUND)):
        got = [(_with_spaces_before(text, m.start()), m.end()) for m in fast.finditer(text)]
        assert got == [m.span() for m in reference.finditer(text)]
