"""Reference extraction: both symbol grammars, attached fields, elided lists, rejections."""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vntasks.extractors.references import doc_number_of, find_references
from vntasks.model import Reference

SHARED = Path("/work/shared")


def refs(text: str, **kw) -> list[Reference]:
    out = find_references(text, **kw)
    for r in out:  # every mention must sit exactly where it says
        assert text[r.start:r.end] == r.text
    return out


def ids(text: str, **kw) -> list[str | None]:
    return [r.id for r in refs(text, **kw)]


# --- grammar forms ----------------------------------------------------------------------------

GRAMMAR = [
    # Party: NUMBER-TYPE/ISSUER
    ("trong Thông báo số 31-TB/BCĐ ngày 16/03/2021.", ["31-TB/BCĐ"]),
    ("theo Quyết định số 2420-QĐ/HU của Huyện ủy", ["2420-QĐ/HU"]),
    ("thực hiện Kết luận số 862-KL/TU về công tác dân vận", ["862-KL/TU"]),
    ("Quy định số 08-QĐi/TW về trách nhiệm nêu gương", ["08-QĐI/TW"]),
    ("theo Thông báo 36-TB/VPTU của Văn phòng", ["36-TB/VPTU"]),
    ("Công văn số 234-CV/BTGTU hướng dẫn tuyên truyền", ["234-CV/BTGTU"]),
    ("theo Kế hoạch số 45-KH/BCĐ đã ban hành", ["45-KH/BCĐ"]),
    ("Nghị quyết số 18-NQ/TW khóa XII", ["18-NQ/TW"]),
    ("Chương trình hành động số 15-CTr/TU", ["15-CTr/TU".upper()]),
    ("Hướng dẫn 36-HD/VPTW về thể thức văn bản", ["36-HD/VPTW"]),
    # State: NUMBER/TYPE-ISSUER
    ("Triển khai Quyết định số 1329/QĐ-UBND của tỉnh", ["1329/QĐ-UBND"]),
    ("theo Nghị quyết số 76/NQ-CP của Chính phủ", ["76/NQ-CP"]),
    ("Thông báo số 637/TB-VPCP ngày 24/11/2025", ["637/TB-VPCP"]),
    ("Công điện số 158/CĐ-TTg về ứng phó bão", ["158/CĐ-TTG"]),
    ("Kế hoạch số 112/KH-UBND của UBND xã Tân Lập", ["112/KH-UBND"]),
    # State normative, with the year
    ("Nghị định số 30/2020/NĐ-CP về công tác văn thư", ["30/2020/NĐ-CP"]),
    ("Thông tư số 01/2021/TT-BNV hướng dẫn", ["01/2021/TT-BNV"]),
    ("Pháp lệnh số 34/2007/PL-UBTVQH11", ["34/2007/PL-UBTVQH11"]),
    ("Luật số 197/2025/QH15 sửa đổi", ["197/2025/QH15"]),
    ("Nghị quyết 70/2025/UBTVQH15 của Ủy ban Thường vụ Quốc hội", ["70/2025/UBTVQH15"]),
    ("Thông tư liên tịch số 03/2015/TTLT-BTC-BNV", ["03/2015/TTLT-BTC-BNV"]),
    # State công văn: NUMBER/ISSUER-UNIT
    ("Công văn số 11306/VPCP-NN về việc", ["11306/VPCP-NN"]),
    ("theo Công văn số 1234/UBND-KT ngày 5/6/2023", ["1234/UBND-KT"]),
    ("Văn bản số 567/SYT-NVY của Sở Y tế", ["567/SYT-NVY"]),
    # spaces and dashes as they arrive
    ("theo Thông báo số 127 -TB/BCĐ", ["127-TB/BCĐ"]),
    ("Quyết định số 1329 / QĐ-UBND", ["1329/QĐ-UBND"]),
    ("Kết luận số 12–KL/TU của Ban Thường vụ", ["12-KL/TU"]),
    ("Quyết định số 15/QĐ – UBND ngày 2/1/2024", ["15/QĐ-UBND"]),
    ("Nghị định 100/2019/NĐ\u2013CP", ["100/2019/NĐ-CP"]),
    # without "số", without a type word, lower-case type word
    ("tiếp tục quán triệt 57-NQ/TW và 76/NQ-CP.", ["57-NQ/TW", "76/NQ-CP"]),
    ("theo quyết định số 12/QĐ-UBND", ["12/QĐ-UBND"]),
    ("THEO QUYẾT ĐỊNH SỐ 12/QĐ-UBND", ["12/QĐ-UBND"]),
    # a bare NUMBER/ISSUER needs "số" or a type word
    ("Công văn số 123/UBND gửi các xã", ["123/UBND"]),
    ("tỷ lệ đạt 123/UBND", []),
    # several references in one sentence, each once, in order
    ("Chỉ thị 05-CT/TU, Nghị định 30/2020/NĐ-CP và Kế hoạch 12/KH-UBND",
     ["05-CT/TU", "30/2020/NĐ-CP", "12/KH-UBND"]),
    # a page break between "số" and the number; a form number is not a document
    ("theo Quyết định số\n1329/QĐ-UBND của tỉnh", ["1329/QĐ-UBND"]),
    ("kê khai theo Mẫu số 01/TK-SDDPNN", []),
    # the same document mentioned twice is two mentions
    ("Kế hoạch 45-KH/BCĐ ... theo Kế hoạch 45-KH/BCĐ", ["45-KH/BCĐ", "45-KH/BCĐ"]),
]


@pytest.mark.parametrize("text,expected", GRAMMAR)
def test_grammar_forms(text, expected):
    assert ids(text) == expected


# --- fields -----------------------------------------------------------------------------------

FIELDS = [
    ("Thông báo số 31-TB/BCĐ ngày 16/03/2021 của Ban Chỉ đạo tỉnh.",
     dict(id="31-TB/BCĐ", type="Thông báo", number="31", symbol="TB/BCĐ", date="2021-03-16",
          issuer="Ban Chỉ đạo tỉnh", text="Thông báo số 31-TB/BCĐ ngày 16/03/2021")),
    ("Quyết định số 1565/QĐ-TTg ngày 18 tháng 7 năm 2025 của Thủ tướng Chính phủ phê duyệt đề án",
     dict(id="1565/QĐ-TTG", type="Quyết định", number="1565", symbol="QĐ-TTg", date="2025-07-18",
          issuer="Thủ tướng Chính phủ",
          text="Quyết định số 1565/QĐ-TTg ngày 18 tháng 7 năm 2025")),
    ("theo Kế hoạch số 52-KH/BCĐ, ngày 27/01/2022 của Ban Chỉ đạo huyện bảo đảm tiến độ",
     dict(type="Kế hoạch", date="2022-01-27", issuer="Ban Chỉ đạo huyện",
          text="Kế hoạch số 52-KH/BCĐ, ngày 27/01/2022")),
    ("Chỉ thị số 05-CT/TU ngày 12/3/2021 của Ban Thường vụ Tỉnh ủy Nghệ An về tăng cường",
     dict(id="05-CT/TU", type="Chỉ thị", number="05", symbol="CT/TU", date="2021-03-12",
          issuer="Ban Thường vụ Tỉnh ủy Nghệ An")),
    ("Công văn số 2345/UBND-VX ngày 02/11/2025 của UBND tỉnh Quảng Ninh về việc",
     dict(id="2345/UBND-VX", type="Công văn", number="2345", symbol="UBND-VX", date="2025-11-02",
          issuer="Ủy ban nhân dân tỉnh Quảng Ninh")),
    ("theo Kế hoạch số 12/KH-UBND của UBND huyện Yên Định chỉ đạo các xã",
     dict(type="Kế hoạch", issuer="Ủy ban nhân dân huyện Yên Định")),
    ("Quyết định số 1875-QĐ/HU ngày 19/9/2018 của Huyện ủy.",
     dict(date="2018-09-19", issuer="Huyện ủy", text="Quyết định số 1875-QĐ/HU ngày 19/9/2018")),
    ("Kết luận số 514-KL/TU của Ban Thường vụ Tỉnh ủy về đổi mới phương thức",
     dict(type="Kết luận", issuer="Ban Thường vụ Tỉnh ủy", date=None)),
    ("Quyết định số 2716/QĐ-UBND của Ủy ban nhân dân tỉnh về bộ chỉ số",
     dict(type="Quyết định", issuer="Ủy ban nhân dân tỉnh")),
    ("Nghị quyết số 12/NQ-CP của Bộ Tài nguyên và Môi trường và các bộ",
     dict(issuer="Bộ Tài nguyên và Môi trường")),
    # number keeps the year of a normative document; symbol keeps its letter case
    ("Thông tư số 01/2021/TT-BNV của Bộ Nội vụ",
     dict(id="01/2021/TT-BNV", type="Thông tư", number="01/2021", symbol="TT-BNV", issuer="Bộ Nội vụ")),
    ("Luật số 197/2025/QH15", dict(type="Luật", number="197/2025", symbol="QH15", issuer="Quốc hội")),
    ("Quy định số 08-QĐi/TW", dict(type="Quy định", number="08", symbol="QĐi/TW")),
    ("Quy định số 3/QyĐ-UBND", dict(id="3/QYĐ-UBND", type="Quy định", symbol="QyĐ-UBND")),
    # type from the abbreviation when no type word; TT differs between the systems
    ("thực hiện 18-NQ/TW", dict(type="Nghị quyết", issuer="Trung ương", text="18-NQ/TW")),
    ("theo 05-TT/TW", dict(type="Thông tri")),
    ("theo 05/2022/TT-BTC", dict(type="Thông tư", issuer="Bộ Tài chính")),
    ("theo 11306/VPCP-NN", dict(type="Công văn", issuer="Văn phòng Chính phủ")),
    ("theo 197/2025/QH15", dict(type=None, issuer="Quốc hội")),
    ("theo Văn bản số 88/UBND-VP", dict(type="Công văn", text="Văn bản số 88/UBND-VP")),
    # a "của" phrase that names no body leaves the derived issuer
    ("Kế hoạch số 7-KH/HU của đồng chí Bí thư", dict(issuer="Huyện ủy")),
    ("Nghị quyết 76/NQ-CP về phòng chống dịch", dict(issuer="Chính phủ", date=None)),
    ("Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về phát triển khoa học",
     dict(date="2024-12-22", issuer="Bộ Chính trị")),
    ("Kế hoạch số 9/KH-UBND ngày 5/1/2024 của UBND thành phố Hà Nội triển khai",
     dict(issuer="Ủy ban nhân dân thành phố Hà Nội")),
    # a footnote marker between the symbol and its date
    ("Thông báo số 25-TB/BCĐ[1] ngày 18/02/2020 của Ban Chỉ đạo",
     dict(date="2020-02-18", issuer="Ban Chỉ đạo", text="Thông báo số 25-TB/BCĐ[1] ngày 18/02/2020")),
    ("Quyết định số 3/QĐ-UBND theo hướng dẫn", dict(type="Quyết định", text="Quyết định số 3/QĐ-UBND")),
    # dates: yearless dates take the given year, impossible dates are dropped
    ("Thông báo số 9-TB/TU ngày 18/02 của Tỉnh ủy", dict(date=None, issuer="Tỉnh ủy")),
    ("Thông báo số 9-TB/TU ngày 31/02/2020", dict(date=None, text="Thông báo số 9-TB/TU")),
    ("Quyết định số 5/QĐ-UBND ban hành ngày 2-3-2021", dict(date="2021-03-02")),
]


@pytest.mark.parametrize("text,expected", FIELDS)
def test_fields(text, expected):
    found = refs(text)
    assert found, text
    got = dataclasses.asdict(found[0])
    got["date"] = got["date"] and got["date"].isoformat()  # a record's date is a datetime.date
    assert {k: got[k] for k in expected} == expected


def test_yearless_date_takes_given_year():
    r = refs("Thông báo số 9-TB/TU ngày 18/02 của Tỉnh ủy", year=2020)[0]
    assert r.date == dt.date(2020, 2, 18)
    assert r.text == "Thông báo số 9-TB/TU ngày 18/02"


def test_refmatch_is_frozen():
    r = refs("Kết luận số 862-KL/TU")[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        r.id = "x"  # type: ignore[misc]


# --- lists that elide the type -----------------------------------------------------------------

LISTS = [
    ("xử lý theo Thông báo 42-TB/VPTU, số 88-TB/VPTU, số 173-TB/VPTU của Văn phòng Tỉnh ủy. Tiếp",
     [("42-TB/VPTU", "Thông báo", "Văn phòng Tỉnh ủy", "Thông báo 42-TB/VPTU"),
      ("88-TB/VPTU", "Thông báo", "Văn phòng Tỉnh ủy", "số 88-TB/VPTU"),
      ("173-TB/VPTU", "Thông báo", "Văn phòng Tỉnh ủy", "số 173-TB/VPTU")]),
    ("căn cứ Quyết định số 99-QĐ/TW, Quyết định số 100-QĐ/TW của Bộ Chính trị.",
     [("99-QĐ/TW", "Quyết định", "Bộ Chính trị", "Quyết định số 99-QĐ/TW"),
      ("100-QĐ/TW", "Quyết định", "Bộ Chính trị", "Quyết định số 100-QĐ/TW")]),
    ("các Nghị quyết số 01/NQ-HĐND, số 02/NQ-HĐND và số 03/NQ-HĐND của HĐND tỉnh Bắc Ninh về",
     [("01/NQ-HĐND", "Nghị quyết", "Hội đồng nhân dân tỉnh Bắc Ninh", "Nghị quyết số 01/NQ-HĐND"),
      ("02/NQ-HĐND", "Nghị quyết", "Hội đồng nhân dân tỉnh Bắc Ninh", "số 02/NQ-HĐND"),
      ("03/NQ-HĐND", "Nghị quyết", "Hội đồng nhân dân tỉnh Bắc Ninh", "số 03/NQ-HĐND")]),
    # the type of an elided member comes from its list when the symbol names none
    ("Luật số 197/2025/QH15 và số 198/2025/QH15 của Quốc hội",
     [("197/2025/QH15", "Luật", "Quốc hội", "Luật số 197/2025/QH15"),
      ("198/2025/QH15", "Luật", "Quốc hội", "số 198/2025/QH15")]),
    # each member keeps its own date; the closing "của" is shared
    ("Kết luận số 10-KL/TU ngày 5/1/2021, Kết luận số 11-KL/TU ngày 9/2/2021 của Tỉnh ủy Hà Tĩnh",
     [("10-KL/TU", "Kết luận", "Tỉnh ủy Hà Tĩnh", "Kết luận số 10-KL/TU ngày 5/1/2021"),
      ("11-KL/TU", "Kết luận", "Tỉnh ủy Hà Tĩnh", "Kết luận số 11-KL/TU ngày 9/2/2021")]),
    # a member whose symbol points to another body keeps its own issuer
    ("Công văn số 11306/VPCP-NN, Công văn số 2345/UBND-VX của UBND tỉnh Quảng Ninh",
     [("11306/VPCP-NN", "Công văn", "Văn phòng Chính phủ", "Công văn số 11306/VPCP-NN"),
      ("2345/UBND-VX", "Công văn", "Ủy ban nhân dân tỉnh Quảng Ninh", "Công văn số 2345/UBND-VX")]),
    # a type abbreviation beats the list's type
    ("Nghị định số 30/2020/NĐ-CP, số 01/2021/TT-BNV",
     [("30/2020/NĐ-CP", "Nghị định", "Chính phủ", "Nghị định số 30/2020/NĐ-CP"),
      ("01/2021/TT-BNV", "Thông tư", "Bộ Nội vụ", "số 01/2021/TT-BNV")]),
]


@pytest.mark.parametrize("text,expected", LISTS)
def test_elided_lists(text, expected):
    got = [(r.id, r.type, r.issuer, r.text) for r in refs(text)]
    assert got == expected


def test_separate_sentences_do_not_share_issuer():
    found = refs("Thông báo số 3-TB/HU. Kết luận số 4-KL/TU của Ban Thường vụ Tỉnh ủy")
    assert [(r.id, r.issuer) for r in found] == [("3-TB/HU", "Huyện ủy"),
                                                 ("4-KL/TU", "Ban Thường vụ Tỉnh ủy")]


# --- numbers that are not references -------------------------------------------------------------

NOT_REFERENCES = [
    "Đoàn kiểm tra 1068 làm việc với huyện",
    "triển khai Đề án 06 của Chính phủ",
    "Đại hội Đảng bộ huyện lần thứ XXII và Đại hội đại biểu toàn quốc lần thứ XIV",
    "Nhà máy điện Nhơn Trạch 3 và 4",
    "mở rộng Quốc lộ 14 đoạn qua tỉnh",
    "Phiên họp lần thứ 21 của Ban Chỉ đạo",
    "trước ngày 25/10/2022",
    "ngày 12/01/2021, lúc 13:19",
    "Ngày 09:41:07 05-06-2024 - Lượt xem: 128",
    "Điện thoại: 0237.3852.123, 0912-345-678, Fax: (0237) 385 2124",
    "phòng chống dịch COVID-19 và Covid-19",
    "phát triển KT-XH, nâng chỉ số PAR Index, PAPI, thực hiện QCDC",
    "đạt tỷ lệ 47,12% và 98.5%",
    "giai đoạn 2020-2025, tầm nhìn 2030",
    "Nghị quyết Đảng bộ huyện năm 2020",
    "Nghị quyết 18 và Kế hoạch 45",
    "hoàn thành 3/4 số hộ, 2/3 số xã",
    "Quyết định số: đang chờ",
    "",
]


@pytest.mark.parametrize("text", NOT_REFERENCES)
def test_not_references(text):
    assert refs(text) == []


# --- the notice's own number ---------------------------------------------------------------------

OWN_NUMBER = [
    ("BAN CHỈ ĐẠO\n*\nSố 127 -TB/BCĐ\n\nTHÔNG BÁO\nKết luận của đồng chí Trưởng ban", [], ["127-TB/BCĐ"]),
    ("VĂN PHÒNG CHÍNH PHỦ\nSố: 637/TB-VPCP    Hà Nội, ngày 24 tháng 11 năm 2025\n"
     "theo Nghị quyết số 34/NQ-CP", ["34/NQ-CP"], ["637/TB-VPCP", "34/NQ-CP"]),
    ("**Số 12-TB/HU**\nthực hiện Thông báo số 5-TB/TU", ["5-TB/TU"], ["12-TB/HU", "5-TB/TU"]),
    # a header line flattened into one: the number glued after the issuer's name
    ("BAN CHỈ ĐẠO QCDC HUYỆN * Số 127-TB/BCĐ Nông Cống, ngày 3/3/2020\ntheo Kế hoạch số 4-KH/HU",
     ["4-KH/HU"], ["127-TB/BCĐ", "4-KH/HU"]),
    # "số" inside a sentence is an ordinary reference
    ("đã ban hành văn bản. Số 71-TB/VPTU nêu rõ", ["71-TB/VPTU"], ["71-TB/VPTU"]),
]


@pytest.mark.parametrize("text,default,keep", OWN_NUMBER)
def test_own_number_is_not_a_reference(text, default, keep):
    assert ids(text) == default
    assert ids(text, keep_own=True) == keep


DOC_NUMBERS = [
    ("Số 127 -TB/BCĐ", "127-TB/BCĐ"),
    ("Số: 637/TB-VPCP", "637/TB-VPCP"),
    ("Số:  45-KH/ĐU", "45-KH/ĐU"),
    ("SỐ: 08-QĐi/TW", "08-QĐi/TW"),
    ("Số 1329 / QĐ-UBND", "1329/QĐ-UBND"),
    ("Số: 12/2021/QĐ-UBND", "12/2021/QĐ-UBND"),
    ("Số: 1234/UBND-KT", "1234/UBND-KT"),
    ("Số: 5 – KH/ĐU", "5-KH/ĐU"),
    ("HUYỆN ỦY NÔNG CỐNG\n*\nSố 12-TB/HU\nTHÔNG BÁO\ntheo Kết luận số 3-KL/TU", "12-TB/HU"),
    ("127 -TB/BCĐ", "127-TB/BCĐ"),
    ("THÔNG BÁO", None),
    ("số lượng 12 hộ", None),
    ("", None),
]


@pytest.mark.parametrize("text,expected", DOC_NUMBERS)
def test_doc_number_of(text, expected):
    assert doc_number_of(text) == expected


# --- linear time ----------------------------------------------------------------------------------

@pytest.mark.parametrize("unit,count", [
    ("25-TB/BCĐ, ", 1),
    ("Số ", 0),
    ("Thông báo số ", 0),
    ("1329/QĐ-UBND-", None),
    ("12-", 0),
    ("của Ban ", 0),
])
def test_pathological_input_completes(unit, count):
    # speed is measured by `make bench`; here: the run completes with the right count
    big = unit * (2_000_000 // len(unit))
    found = find_references(big)
    doc_number_of(big)
    if count is not None:
        assert len(found) == count * (2_000_000 // len(unit))


# --- property: generated references inside filler ------------------------------------------------

FILLER = st.sampled_from([
    "Đề nghị các cơ quan", "tiếp tục thực hiện", "theo", "và", "trên địa bàn tỉnh",
    "Ban Thường vụ yêu cầu", "đôn đốc triển khai", "nội dung", "",
])
PARTY_TYPES = ["NQ", "QĐ", "CT", "KL", "TB", "KH", "HD", "CTr", "QĐi", "BC", "CV", "TTr"]
PARTY_ISSUERS = ["TW", "TU", "HU", "QU", "ĐU", "BCĐ", "VPTU", "BDVHU", "BTGTU", "UBKTTU"]
STATE_TYPES = ["QĐ", "NQ", "TB", "KH", "CĐ", "BC", "TTr", "QyĐ", "CT", "GM", "NĐ", "TT"]
STATE_ISSUERS = ["UBND", "CP", "TTg", "VPCP", "HĐND", "BNV", "BTC", "SYT", "BCĐ"]
DASHES = st.sampled_from(["-", "\u2013", "\u2014", "\u2212"])
SP = st.sampled_from(["", "", " "])
# (a capital "Số" opening a line is the notice's own number, tested separately)
PREFIX = st.sampled_from(["", "số ", "số: ", "Thông báo số ", "Quyết định ", "văn bản số "])


@st.composite
def rendered_reference(draw):
    num = str(draw(st.integers(min_value=1, max_value=99_999)))
    if draw(st.booleans()):
        num = num.zfill(2)
    if draw(st.booleans()):  # Party
        typ, iss = draw(st.sampled_from(PARTY_TYPES)), draw(st.sampled_from(PARTY_ISSUERS))
        written = f"{num}{draw(SP)}{draw(DASHES)}{draw(SP)}{typ}{draw(SP)}/{draw(SP)}{iss}"
        expected = f"{num}-{typ}/{iss}"
    else:  # State, sometimes normative
        typ, iss = draw(st.sampled_from(STATE_TYPES)), draw(st.sampled_from(STATE_ISSUERS))
        year = draw(st.one_of(st.none(), st.integers(min_value=1990, max_value=2030)))
        ypart = f"{year}{draw(SP)}/{draw(SP)}" if year else ""
        written = f"{num}{draw(SP)}/{draw(SP)}{ypart}{typ}{draw(DASHES)}{iss}"
        expected = f"{num}/{year}/{typ}-{iss}" if year else f"{num}/{typ}-{iss}"
    return written, expected.upper()


@settings(max_examples=300, deadline=None)
@given(before=FILLER, after=FILLER, prefix=PREFIX, ref=rendered_reference())
def test_property_generated_reference_is_found(before, after, prefix, ref):
    written, expected = ref
    text = f"{before} {prefix}{written} {after}".strip()
    found = refs(text)
    assert [r.id for r in found] == [expected]
    r = found[0]
    assert text[r.start:r.end] == r.text
    assert written.strip() in r.text or unicodedata.normalize("NFC", written) in r.text
    assert r.id == unicodedata.normalize("NFC", r.id)
    assert " " not in r.id and "\u2013" not in r.id


# --- seeds -------------------------------------------------------------------------------------------

def _seed_cases():
    gold = SHARED / "gold" / "seeds.jsonl"
    if not gold.exists():
        return []
    return [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("gold", _seed_cases() or [None], ids=lambda g: g["file"] if g else "absent")
def test_seed_references_match_gold(gold):
    if gold is None:
        pytest.skip("/work/shared gold is absent")
    path = SHARED / "corpus" / "seeds" / gold["file"]
    if not path.exists():
        pytest.skip(f"{path} is absent")
    text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
    got = {r.id for r in refs(text)}
    want = {unicodedata.normalize("NFC", x).upper() for x in gold["references"]}
    assert got >= want
    assert got - want == set()
    want_number = gold.get("doc", {}).get("doc_number")
    if want_number not in (None, "?"):
        assert (doc_number_of(text) or "").upper() == want_number.upper()
