"""Decoding text files and the legacy Vietnamese encodings (TCVN3, VNI, Windows-1258)."""
from __future__ import annotations

import random
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vntasks.errors import PipelineError
from vntasks.ingest.encodings import (
    VIETNAMESE_LETTERS,
    Decoded,
    _check_unique,
    _tcvn3,
    _vni,
    decode_bytes,
    decode_legacy,
    encode_cp1258,
    encode_legacy,
    is_vietnamese_syllable,
)
from vntasks.text.lexicon import LexiconError

# Sentences written for these tests in the register of official notices. Accented capitals
# appear only in all-caps words or as Ă Â Ê Ô Ơ Ư Đ, which TCVN3 can carry (see encodings.py).
SENTENCES = [
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
    "THÔNG BÁO KẾT LUẬN của đồng chí Chủ tịch về tiến độ giải ngân vốn đầu tư công năm 2024.",
    "Giao Sở Tài chính chủ trì, phối hợp với các sở, ngành liên quan rà soát, tổng hợp, "
    "báo cáo kết quả trước ngày 15/8/2024.",
    "Ban Thường vụ Huyện ủy yêu cầu các chi bộ nghiêm túc quán triệt, kịp thời khắc phục "
    "những hạn chế, yếu kém đã được chỉ ra.",
    "Đồng chí Phó Bí thư Thường trực nhấn mạnh: Ưu tiên nguồn lực để hoàn thành đường giao "
    "thông nông thôn; Ông Trưởng phòng Nội vụ theo dõi, đôn đốc.",
    "Các xã khẩn trương củng cố đê điều, nạo vét kênh mương, bảo đảm an toàn hồ đập trước "
    "mùa mưa bão; kiểm tra kỹ lưỡng, xử lý dứt điểm những vi phạm.",
    "Thời gian thực hiện: từ tháng 3 đến hết tháng 12 năm 2025; kinh phí do ngân sách tỉnh "
    "bảo đảm, lồng ghép các chương trình mục tiêu quốc gia.",
    "Tránh gây phiền hà cho người dân và doanh nghiệp; tuyệt đối không để xảy ra sai sót, "
    "lãng phí; thẳng thắn nhìn nhận, ẵm trọn trách nhiệm, không ỷ lại, không chằng chéo.",
    "Quỹ đất, thủy lợi, lũy kế vốn, khuỷu sông, vực sâu, nhịp cầu, sự cố: Đài Phát thanh "
    "huyện đưa tin kịp thời, tuyên truyền sâu rộng tới từng thôn, bản, tổ dân phố.",
    "KẾ HOẠCH TRIỂN KHAI NHIỆM VỤ NĂM 2025\nỦy quyền cho Phó Chủ tịch ký văn bản.",
]
# Sentence 10 starts a title-case word with Ủ, which TCVN3 decodes as lowercase: not for TCVN3.
TCVN3_SENTENCES = SENTENCES[:9]


def _bom_utf16(text: str, order: str) -> bytes:
    return (b"\xff\xfe" if order == "le" else b"\xfe\xff") + text.encode(f"utf-16-{order}")


ENCODERS = {
    "utf-8": (lambda s: s.encode("utf-8"), "utf-8"),
    "utf-8-sig": (lambda s: s.encode("utf-8-sig"), "utf-8-sig"),
    "utf-16-le": (lambda s: _bom_utf16(s, "le"), "utf-16"),
    "utf-16-be": (lambda s: _bom_utf16(s, "be"), "utf-16"),
    "cp1258": (encode_cp1258, "cp1258"),
    "vni": (lambda s: encode_legacy(s, "vni"), "vni"),
}


@pytest.mark.parametrize("how", sorted(ENCODERS))
@pytest.mark.parametrize("text", SENTENCES)
def test_round_trip_through_each_encoding(text: str, how: str) -> None:
    encode, name = ENCODERS[how]
    assert decode_bytes(encode(text)) == Decoded(text, name)


@pytest.mark.parametrize("text", TCVN3_SENTENCES)
def test_round_trip_tcvn3(text: str) -> None:
    assert decode_bytes(encode_legacy(text, "tcvn3")) == Decoded(text, "tcvn3")


def _cp1258_by_hand(text: str) -> bytes:
    """Per letter: split off the tone mark (NFD), recompose the rest, let Python's codec
    write the base letter and the tone mark as a combining character."""
    out = b""
    for ch in text:
        nfd = unicodedata.normalize("NFD", ch)
        tone = "".join(c for c in nfd if c in "\u0300\u0301\u0303\u0309\u0323")
        base = unicodedata.normalize("NFC", "".join(c for c in nfd if c not in tone))
        out += (base + tone).encode("cp1258")
    return out


@pytest.mark.parametrize("text", SENTENCES)
def test_cp1258_matches_python_codec_on_decomposed_text(text: str) -> None:
    data = _cp1258_by_hand(text)
    assert encode_cp1258(text) == data
    assert unicodedata.normalize("NFC", data.decode("cp1258")) == text


def test_cp1258_bytes_for_viet() -> None:
    # V i ê(0xEA) dot-below(0xF2) t ; Đ is 0xD0, ư 0xFD, ơ 0xF5, hook 0xD2
    assert encode_cp1258("Việt") == b"Vi\xea\xf2t"
    assert encode_cp1258("Đường") == b"\xd0\xfd\xf5\xccng"
    assert encode_cp1258("Thủ") == b"Thu\xd2"
    assert decode_bytes(b"Vi\xea\xf2t Nam \xf0\xfd\xf5\xf2c giao nhi\xea\xf2m vu\xf2") == Decoded(
        "Việt Nam được giao nhiệm vụ", "cp1258"
    )


# Known codes from the standards: TCVN3 (TCVN 5712:1993, VN3) single bytes, VNI modifiers.
TCVN3_KNOWN = [
    (b"Vi\xd6t Nam", "Việt Nam"),
    (b"c\xf1a", "của"),
    (b"Tr\xad\xeang", "Trường"),
    (b"\xa7\xb5 N\xbdng", "Đà Nẵng"),
    (b"t\xd8nh", "tỉnh"),
    (b"huy\xd6n", "huyện"),
    (b"\xae\xad\xeec", "được"),
    (b"\xa1\xa2\xa3\xa4\xa5\xa6\xa7", "ĂÂÊÔƠƯĐ"),
    (b"\xa8\xa9\xaa\xab\xac\xad\xae", "ăâêôơưđ"),
    (b"\xb5\xb6\xb7\xb8\xb9", "àảãáạ"),
    (b"\xfa\xfb\xfc\xfd\xfe", "ỳỷỹýỵ"),
    (b"k\xfc n\xa8ng", "kỹ năng"),
]
VNI_KNOWN = [
    ("Vieät Nam", "Việt Nam"),
    ("ñöôïc", "được"),
    ("Ñaø Naüng", "Đà Nẵng"),
    ("Thaønh phoá Hoà Chí Minh", "Thành phố Hồ Chí Minh"),
    ("tænh", "tỉnh"),
    ("Kyø hoïp", "Kỳ họp"),
    ("VIEÄT NAM", "VIỆT NAM"),
    ("ÑOÀNG CHÍ", "ĐỒNG CHÍ"),
    ("UÛy ban", "Ủy ban"),
    ("thuôû", "thuở"),
    ("hoaëc", "hoặc"),
    ("kyõ, ò, î, ó", "kỹ, ị, ỵ, ĩ"),
]


@pytest.mark.parametrize(("data", "text"), TCVN3_KNOWN)
def test_tcvn3_known_bytes(data: bytes, text: str) -> None:
    assert decode_legacy(data, "tcvn3") == text
    assert encode_legacy(text, "tcvn3") == data


@pytest.mark.parametrize(("latin", "text"), VNI_KNOWN)
def test_vni_known_bytes(latin: str, text: str) -> None:
    data = latin.encode("latin-1")
    assert decode_legacy(data, "vni") == text
    assert encode_legacy(text, "vni") == data


def test_vni_lowercase_modifier_after_capital_still_decodes() -> None:
    assert decode_legacy("Uûy ban, Aáp".encode("latin-1"), "vni") == "Ủy ban, Ấp"


@pytest.mark.parametrize(
    ("data", "text"),
    [
        # all-caps headings typed in an uppercase font over the lowercase codes
        (b"C\xe9NG H\xdfA X\xb7 H\xe9I", "CỘNG HÒA XÃ HỘI"),
        (b"QUY \xa7\xdeNH", "QUY ĐỊNH"),
        # a title-case word keeps its lowercase letters; "Ủy" typed as .VnTimeH is lowercase
        (b"B\xe9 T\xb5i ch\xddnh", "Bộ Tài chính"),
        (b"\xf1y ban", "ủy ban"),
        # a short word next to an all-caps one, but not across a line break
        (b"NGH\xdcA V\xf1", "NGHĨA VỦ"),
        (b"NGH\xdcA\nB\xe9", "NGHĨA\nBộ"),
        # a word with no unambiguous capital: between two caps words, or at a line's edge
        (b"D\xa2N CH\xf1 \xeb C\xa5 S\xeb", "DÂN CHỦ Ở CƠ SỞ"),
        (b"\xfd KI\xd5N K\xd5T LU\xcbN", "Ý KIẾN KẾT LUẬN"),
        # ASCII acronyms are no evidence of an all-caps line
        (b"UBND \xeb x\xb7, H\xa7ND t\xd8nh", "UBND ở xã, HĐND tỉnh"),
    ],
)
def test_tcvn3_capitals(data: bytes, text: str) -> None:
    assert decode_legacy(data, "tcvn3") == text


def test_tables_are_complete() -> None:
    assert len(VIETNAMESE_LETTERS) == 134
    tcvn3, vni = _tcvn3(), _vni()
    assert set(vni.encode) == set(VIETNAMESE_LETTERS)
    assert set(tcvn3.encode) == set(VIETNAMESE_LETTERS)  # capitals via lowercase codes
    assert len({code for code in vni.encode.values()}) == 134
    # every VNI code: ASCII base (or ơ/ư byte) + modifier, or one byte
    assert all(len(code) in (1, 2) for code in vni.encode.values())


@pytest.mark.parametrize(
    ("rows", "required", "message"),
    [
        ([("à", b"\xb5"), ("á", b"\xb5")], ("à", "á"), "duplicate"),
        ([("à", b"\xb5"), ("à", b"\xb6")], ("à",), "duplicate"),
        ([("à", b"\xb5")], ("à", "á"), "missing"),
        ([("à", b"\xb5"), ("q", b"\xb6")], ("à",), "not Vietnamese"),
    ],
)
def test_table_validation(rows: list[tuple[str, bytes]], required: tuple[str, ...], message: str) -> None:
    with pytest.raises(LexiconError, match=message):
        _check_unique("test.tsv", rows, required)


@pytest.mark.parametrize(
    ("word", "ok"),
    [
        ("được", True),
        ("Nghĩa", True),
        ("quyết", True),
        ("khuỷu", True),
        ("hoà", True),
        ("giữa", True),
        ("Vieät", False),
        ("cña", False),
        ("ViÖt", False),
        ("viêịt", False),
        ("tíến", False),  # two tones
        ("xyz", False),
    ],
)
def test_syllables(word: str, ok: bool) -> None:
    assert is_vietnamese_syllable(word) is ok


ERRORS = [
    (b"", "empty"),
    (b"\xef\xbb\xbf", "empty"),
    (b"\xff\xfe", "empty"),
    (b" \n\t \r\n", "empty"),
    (b"\xef\xbb\xbf  \n", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "PNG"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "ZIP"),
    (bytes(random.Random(7).randrange(256) for _ in range(600)) + b"\x00\x00", "NUL"),
    (b"abc\x00def ghi \x00 jkl", "NUL"),
    (b"\x01\x02\x03abc\x04\x05\x06", "control"),
    (bytes(range(0x80, 0x100)) * 4, "known encoding"),
    ("日本語のテキストです。これはテストです。".encode("shift_jis"), "known encoding"),
]


@pytest.mark.parametrize(("data", "message"), ERRORS)
def test_errors(data: bytes, message: str) -> None:
    with pytest.raises(PipelineError, match=message) as err:
        decode_bytes(data)
    assert err.value.stage == "decode"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        # Unicode text is returned as it is, NFD included (offsets refer to it)
        (unicodedata.normalize("NFD", "Kế hoạch").encode(), Decoded(unicodedata.normalize("NFD", "Kế hoạch"), "utf-8")),
        (b"plain ascii", Decoded("plain ascii", "utf-8")),
        # UTF-16 without a BOM, recognised by its NUL bytes
        ("Thông báo của xã".encode("utf-16-le"), Decoded("Thông báo của xã", "utf-16")),
        ("Thông báo của xã".encode("utf-16-be"), Decoded("Thông báo của xã", "utf-16")),
        # a DOS end-of-file byte is not binary data
        ("Kế hoạch".encode() + b"\x1a", Decoded("Kế hoạch\x1a", "utf-8")),
    ],
)
def test_unicode_inputs(data: bytes, expected: Decoded) -> None:
    assert decode_bytes(data) == expected


def test_utf8_with_one_stray_byte_stays_utf8() -> None:
    text = "Thông báo kết luận của Ủy ban nhân dân tỉnh về việc triển khai nhiệm vụ. " * 5
    data = text.encode() + b"\xff" + "Hết.".encode()
    assert decode_bytes(data) == Decoded(text + "\ufffd" + "Hết.", "utf-8", replaced=1)


def test_legacy_output_is_nfc() -> None:
    for enc in ("tcvn3", "vni"):
        out = decode_bytes(encode_legacy(SENTENCES[5], enc)).text
        assert unicodedata.is_normalized("NFC", out)
    assert unicodedata.is_normalized("NFC", decode_bytes(encode_cp1258(SENTENCES[5])).text)


@pytest.mark.parametrize("enc", ["tcvn3", "vni"])
def test_encode_legacy_rejects_what_it_cannot_write(enc: str) -> None:
    with pytest.raises(ValueError):
        encode_legacy("中文", enc)
    with pytest.raises(ValueError):
        encode_legacy("x", "latin-9")
    # Windows-1252 punctuation on free bytes passes
    assert decode_legacy(encode_legacy("“Kế hoạch” – 2025…", enc), enc) == "“Kế hoạch” – 2025…"


@pytest.mark.parametrize("enc", ["cp1258", "tcvn3", "vni"])
def test_detection_looks_past_a_long_ascii_start(enc: str) -> None:
    text = "Ref. 2024/ABC - attachment list\n" * 4000 + SENTENCES[2] + "\n" + SENTENCES[5]
    data = encode_cp1258(text) if enc == "cp1258" else encode_legacy(text, enc)
    assert decode_bytes(data) == Decoded(text, enc)


@pytest.mark.parametrize("enc", ["cp1258", "tcvn3", "vni"])
def test_decoding_one_megabyte(enc: str) -> None:
    text = "\n".join(t.lower() if enc == "tcvn3" else t for t in SENTENCES) + "\n"
    text = text * (1_000_000 // len(text) + 1)
    data = encode_cp1258(text) if enc == "cp1258" else encode_legacy(text, enc)
    assert decode_bytes(data) == Decoded(text, enc)


# --- properties ----------------------------------------------------------------------------

LOWER = "".join(c for c in VIETNAMESE_LETTERS if c.islower())
PUNCT = " .,;:-()/\n"
lower_text = st.text(alphabet=LOWER + "abcdefghijklmnopqrstuvwxyz0123456789" + PUNCT, max_size=200)
any_text = st.text(alphabet="".join(VIETNAMESE_LETTERS) + "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789" + PUNCT, max_size=200)


@given(lower_text)
def test_tcvn3_table_round_trip(text: str) -> None:
    assert decode_legacy(encode_legacy(text, "tcvn3"), "tcvn3") == text


@given(any_text)
def test_vni_table_round_trip(text: str) -> None:
    assert decode_legacy(encode_legacy(text, "vni"), "vni") == text


@given(any_text)
def test_cp1258_round_trip(text: str) -> None:
    assert unicodedata.normalize("NFC", encode_cp1258(text).decode("cp1258")) == text


# Real syllables with diacritics, so that detection has something to go on.
WORDS = (
    "của được các những để với trên theo này đã đến từ người năm tháng ngày tỉnh huyện xã "
    "thực hiện nhân dân công tác chỉ đạo ủy kết luận thông báo kế hoạch đồng chí trưởng phó "
    "phối hợp chủ trì tổ chức triển quản lý đảm bảo trước số về việc văn bản cơ đơn vị sở "
    "nhiệm vụ rà soát tổng kiểm tra giải quyết dứt điểm khẩn trương kịp thời hướng dẫn"
).split()
sentences = st.lists(st.sampled_from(WORDS), min_size=12, max_size=60).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(sentences, st.sampled_from(["cp1258", "tcvn3", "vni"]))
def test_detection_on_random_sentences(text: str, enc: str) -> None:
    data = encode_cp1258(text) if enc == "cp1258" else encode_legacy(text, enc)
    assert decode_bytes(data) == Decoded(text, enc)
