"""The issuer and the district of a notice, read from its header block (composed headers).

A body's name broken over several header lines is one name; a unit under its committee or
locality takes it; the name is canonical (abbreviations expanded, proper capitals); the district
stops at the words of the header beside it and is never a person's name."""
from __future__ import annotations

import pytest

from vntasks.api import extract
from vntasks.structure.header import restore_case

BODY = ("\n\nNgày 10/6/2024, tại trụ sở, đồng chí Lâm Hữu Phước chủ trì cuộc họp. Sau khi nghe báo cáo, "
        "đồng chí kết luận:\n\n1. Các đơn vị rà soát hồ sơ, báo cáo kết quả trước ngày 30/6/2024.\n")


def _notice(header: str, title: str = "THÔNG BÁO\nKết luận tại cuộc họp về công tác quý II") -> str:
    return header + "\n\n" + title + BODY


STATE_RIGHT = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"


@pytest.mark.parametrize(("header", "issuer"), [
    # a ministry's name on two lines: the second goes on with "VÀ"
    ("BỘ VĂN HÓA, THỂ THAO\nVÀ DU LỊCH\n" + STATE_RIGHT + "Số: 88/TB-BVHTTDL\nHà Nội, ngày 12 tháng 6 năm 2024",
     "Bộ Văn hóa, Thể thao và Du lịch"),
    ("BỘ TÀI NGUYÊN\nVÀ MÔI TRƯỜNG\n" + STATE_RIGHT + "Số: 41/TB-BTNMT\nHà Nội, ngày 12 tháng 6 năm 2024",
     "Bộ Tài nguyên và Môi trường"),
    # ... or the first line ends on a dash
    ("BỘ LAO ĐỘNG -\nTHƯƠNG BINH VÀ XÃ HỘI\n" + STATE_RIGHT + "Số: 77/TB-LĐTBXH\nHà Nội, ngày 12 tháng 6 năm 2024",
     "Bộ Lao động - Thương binh và Xã hội"),
    # a steering committee over three lines, its gloss on a fourth
    ("BAN CHỈ ĐẠO QUỐC GIA\nVỀ PHÒNG, CHỐNG THIÊN TAI\nVÀ TÌM KIẾM CỨU NẠN\n(BCĐ QG)\n" + STATE_RIGHT
     + "Số: 19/TB-BCĐ\nHà Nội, ngày 12 tháng 6 năm 2024",
     "Ban Chỉ đạo quốc gia về phòng, chống thiên tai và tìm kiếm cứu nạn"),
    # a line that opens no body goes on from the line above; the level comes from the superior
    ("ỦY BAN NHÂN DÂN HUYỆN MỘC CHÂU\nBAN CHỈ ĐẠO PHÒNG, CHỐNG\nDỊCH BỆNH ĐỘNG VẬT\n" + STATE_RIGHT
     + "Số: 12/TB-BCĐ\nMộc Châu, ngày 12 tháng 6 năm 2024",
     "Ban Chỉ đạo phòng, chống dịch bệnh động vật huyện Mộc Châu"),
    # a department under its province's committee takes the province
    ("UBND TỈNH SÓC TRĂNG\nSỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG\n" + STATE_RIGHT
     + "Số: 233/TB-STNMT\nSóc Trăng, ngày 12 tháng 6 năm 2024", "Sở Tài nguyên và Môi trường tỉnh Sóc Trăng"),
    # a party unit named alone under its committee
    ("TỈNH ỦY LẠNG SƠN\nBAN TUYÊN GIÁO\n*\nSố 64-TB/BTGTU\nĐẢNG CỘNG SẢN VIỆT NAM\n"
     "Lạng Sơn, ngày 12 tháng 6 năm 2024", "Ban Tuyên giáo Tỉnh ủy Lạng Sơn"),
    # an abbreviation in the header is written out
    ("UBND HUYỆN YÊN THẾ\nUBND XÃ ĐỒNG TIẾN\n" + STATE_RIGHT + "Số: 52/TB-UBND\nĐồng Tiến, ngày 12 tháng 6 năm 2024",
     "Ủy ban nhân dân xã Đồng Tiến"),
    # the Front's standing board: the committee keeps its capitals inside the name
    ("ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM\nTỈNH KHÁNH HÒA\nBAN THƯỜNG TRỰC\nSố: 31/TB-MTTQ-BTT\n" + STATE_RIGHT
     + "Khánh Hòa, ngày 12 tháng 6 năm 2024",
     "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Khánh Hòa"),
    # one line, unchanged by the joining
    ("ỦY BAN NHÂN DÂN\nTỈNH PHÚ YÊN\n" + STATE_RIGHT + "Số: 205/TB-UBND\nPhú Yên, ngày 12 tháng 6 năm 2024",
     "Ủy ban nhân dân tỉnh Phú Yên"),
])
def test_the_issuer_is_the_whole_name_of_the_header_block(header, issuer):
    assert extract(_notice(header)).issuer == issuer


@pytest.mark.parametrize(("capitals", "restored"), [
    ("BỘ KHOA HỌC VÀ CÔNG NGHỆ", "Bộ Khoa học và Công nghệ"),
    ("SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Sở Giáo dục và Đào tạo"),
    ("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI TỈNH TRÀ VINH", "Sở Lao động - Thương binh và Xã hội tỉnh Trà Vinh"),
    ("PHÒNG TÀI CHÍNH - KẾ HOẠCH HUYỆN BA VÌ", "Phòng Tài chính - Kế hoạch huyện Ba Vì"),
    ("BAN THƯỜNG VỤ ĐẢNG ỦY XÃ PHÚ MỸ", "Ban Thường vụ Đảng ủy xã Phú Mỹ"),
    ("ĐẢNG ỦY XÃ HỘI SƠN", "Đảng ủy xã Hội Sơn"),  # a commune's name, not "xã hội"
    ("ỦY BAN NHÂN DÂN HUYỆN CHÂU THÀNH", "Ủy ban nhân dân huyện Châu Thành"),
])
def test_restore_case_gives_ministries_and_inner_bodies_their_capitals(capitals, restored):
    assert restore_case(capitals) == restored


@pytest.mark.parametrize(("header", "district"), [
    # the header's right column on the same line is not part of the name
    ("HUYỆN ỦY TÂN TRỤ                         ĐẢNG CỘNG SẢN VIỆT NAM\n*\nSố 95-TB/HU\n"
     "Tân Trụ, ngày 12 tháng 6 năm 2024", "Tân Trụ"),
    ("UBND HUYỆN YÊN THẾ                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
     "UBND XÃ ĐỒNG TIẾN                         Độc lập - Tự do - Hạnh phúc\n"
     "Số: 52/TB-UBND\nĐồng Tiến, ngày 12 tháng 6 năm 2024", "Yên Thế"),
    # ... nor the body on the next line
    ("UBND HUYỆN ĐÔNG SƠN\nỦY BAN NHÂN DÂN XÃ ĐÔNG HÒA\n" + STATE_RIGHT
     + "Số: 61/TB-UBND\nĐông Hòa, ngày 12 tháng 6 năm 2024", "Đông Sơn"),
    ("ĐẢNG BỘ HUYỆN CẨM XUYÊN\nĐẢNG ỦY XÃ CẨM BÌNH\n*\nSố 40-TB/ĐU\nĐẢNG CỘNG SẢN VIỆT NAM\n"
     "Cẩm Bình, ngày 12 tháng 6 năm 2024", "Cẩm Xuyên"),
    ("HUYỆN ỦY VĂN LÂM\nVĂN PHÒNG\n*\nSố 70-TB/VPHU\nĐẢNG CỘNG SẢN VIỆT NAM\n"
     "Văn Lâm, ngày 12 tháng 6 năm 2024", "Văn Lâm"),
    # a town (thị xã) in capitals
    ("ỦY BAN NHÂN DÂN\nTHỊ XÃ HƯƠNG TRÀ\n" + STATE_RIGHT + "Số: 84/TB-UBND\nHương Trà, ngày 12 tháng 6 năm 2024",
     "Hương Trà"),
])
def test_the_district_stops_at_the_header_words(header, district):
    assert extract(_notice(header)).district == district


def test_the_district_is_never_a_persons_name():
    """A title line "Chủ tịch UBND thị xã Lâm Hữu Phước" puts a person after the level word; the
    district is the one of the header, and a person named there is no district."""
    header = ("ỦY BAN NHÂN DÂN\nTHỊ XÃ BÌNH MINH\n" + STATE_RIGHT + "Số: 84/TB-UBND\nBình Minh, ngày 12 tháng 6 năm 2024")
    title = "THÔNG BÁO\nKết luận của Chủ tịch UBND thị xã Lâm Hữu Phước tại cuộc họp"
    assert extract(_notice(header, title)).district == "Bình Minh"
    no_header = ("Kết luận của Chủ tịch UBND thị xã Lâm Hữu Phước tại cuộc họp ngày 10/6/2024.\n"
                 "Ngày 10/6/2024, đồng chí Lâm Hữu Phước, Chủ tịch UBND thị xã chủ trì cuộc họp về xây dựng nông thôn mới "
                 "tại xã Mỹ Hòa.\n1. Phòng Kinh tế thị xã rà soát các tiêu chí, hoàn thành trước ngày 30/6/2024.\n")
    assert extract(no_header).district is None


def test_a_district_named_after_a_person_is_kept():
    header = ("ỦY BAN NHÂN DÂN HUYỆN PHAN VĂN NAM\nỦY BAN NHÂN DÂN XÃ TÂN HƯNG\n" + STATE_RIGHT
              + "Số: 18/TB-UBND\nTân Hưng, ngày 12 tháng 6 năm 2024")
    assert extract(_notice(header)).district == "Phan Văn Nam"
