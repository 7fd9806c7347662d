"""Body names with a comma inside that is no list separator, and heads that are a body only with a
level after them. Composed sentences, cells and headings.

- What a steering board works against ("Ban Chỉ đạo phòng, chống tham nhũng, tiêu cực tỉnh") runs
  on to the board's level, inner commas and all (names.read_name, places.lookahead_level).
- "Các đơn vị, cơ quan" is the same one generic body as "Các cơ quan, đơn vị" (generic_addressees.tsv).
- "Thuế tỉnh X" is the tax office only with its level ("levelled" head); "thuế" alone is a tax.
- A level written after the last conjunct reaches back only over the conjuncts after the last one
  placed by a level of its own (mentions.mentions_of).
"""
from __future__ import annotations

import pytest

import vntasks
from vntasks.extractors.bodies import find_responsible


@pytest.mark.parametrize(("text", "expected"), [
    # a board named by what it fights: the comma after "phòng" is inside the name
    ("Giao Ban Chỉ đạo phòng, chống cháy rừng huyện chủ trì, phối hợp với Công an huyện rà soát các điểm nóng.",
     [("Ban Chỉ đạo phòng, chống cháy rừng huyện", "lead"), ("Công an huyện", "support")]),
    ("Ban Chỉ đạo phòng, chống tham nhũng, tiêu cực thành phố theo dõi, đôn đốc việc xử lý.",
     [("Ban Chỉ đạo phòng, chống tham nhũng, tiêu cực thành phố", "lead")]),
    ("Ban Chỉ đạo phòng, chống ma túy xã tổ chức ra quân cao điểm.",
     [("Ban Chỉ đạo phòng, chống ma túy xã", "lead")]),
    ("Ban Chỉ đạo phòng chống dịch bệnh huyện chỉ đạo tiêm phòng cho đàn gia súc.",
     [("Ban Chỉ đạo phòng chống dịch bệnh huyện", "lead")]),
    ("Công an tỉnh phối hợp với Ban Chỉ đạo phòng, chống rửa tiền, tài trợ khủng bố tỉnh kiểm tra thị trường.",
     [("Công an tỉnh", "lead"), ("Ban Chỉ đạo phòng, chống rửa tiền, tài trợ khủng bố tỉnh", "support")]),
    # a name word phrase with its own comma keeps working
    ("Giao Ban Chỉ đạo phòng, chống thiên tai và tìm kiếm cứu nạn huyện chủ trì kiểm tra đê điều.",
     [("Ban Chỉ đạo phòng, chống thiên tai và tìm kiếm cứu nạn huyện", "lead")]),
    # the reverse order of "các cơ quan, đơn vị" is one generic body too
    ("Các đơn vị, cơ quan trực thuộc Sở tổ chức quán triệt nội dung Chỉ thị.",
     [("Các đơn vị, cơ quan trực thuộc Sở", "lead")]),
    ("Sở Nội vụ phối hợp với các đơn vị, cơ quan, địa phương liên quan rà soát biên chế.",
     [("Sở Nội vụ", "lead"), ("Các đơn vị, cơ quan, địa phương liên quan", "support")]),
    # the tax office: "Thuế" with its level
    ("Thuế tỉnh Hà Tĩnh hướng dẫn doanh nghiệp kê khai quyết toán.", [("Thuế tỉnh Hà Tĩnh", "lead")]),
    ("Giao Thuế thành phố Cần Thơ chủ trì, phối hợp với Sở Tài chính đối chiếu số liệu.",
     [("Thuế thành phố Cần Thơ", "lead"), ("Sở Tài chính", "support")]),
    ("Sở Tài chính phối hợp với Thuế tỉnh, Kho bạc Nhà nước khu vực V rà soát số thu.",
     [("Sở Tài chính", "lead"), ("Thuế tỉnh", "support"), ("Kho bạc Nhà nước khu vực V", "support")]),
    ("Phối hợp với ngành Thuế tỉnh đôn đốc thu nợ đọng.", [("Ngành Thuế tỉnh", "support")]),
    # "thuế" in ordinary text is no body
    ("Thuế thu nhập cá nhân được khấu trừ tại nguồn.", []),
    ("Thuế giá trị gia tăng tỉnh thu được tăng mạnh so với cùng kỳ.", []),
    ("Người nộp thuế thực hiện kê khai đúng hạn.", []),
    # the combined office of a province's deputies and its council is one body
    ("Văn phòng Đoàn đại biểu Quốc hội và HĐND tỉnh, Sở Nội vụ chuẩn bị tài liệu kỳ họp.",
     [("Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh", "lead"), ("Sở Nội vụ", "lead")]),
    # the provincial paper-and-broadcaster written without its comma is one body, and the list goes on
    ("Giao Sở Tư pháp, Báo và Phát thanh Truyền hình Hà Giang và các sở, ngành có liên quan tuyên truyền.",
     [("Sở Tư pháp", "lead"), ("Báo và Phát thanh Truyền hình Hà Giang", "lead"),
      ("Các sở, ngành có liên quan", "lead")]),
    # a last conjunct's level is its own when a conjunct before it has a level of its own
    ("Đề nghị Ban Tuyên giáo, Viện kiểm sát nhân dân tỉnh, Chi cục Hải quan khu vực IV tăng cường kiểm tra.",
     [("Ban Tuyên giáo", "lead"), ("Viện kiểm sát nhân dân tỉnh", "lead"), ("Chi cục Hải quan khu vực IV", "lead")]),
    # ... and distributes when none has ("Chi bộ, Ban công tác Mặt trận các thôn")
    ("Chi bộ, Ban Thanh tra nhân dân các thôn tổ chức họp dân.",
     [("Chi bộ các thôn", "lead"), ("Ban Thanh tra nhân dân các thôn", "lead")]),
])
def test_inner_commas_and_levelled_heads(text, expected):
    assert [(b.name, b.role) for b in find_responsible(text)] == expected


_PLAN = ("ỦY BAN NHÂN DÂN\nXÃ TÂN HÒA\n\nSố: 21/KH-UBND\n\nTân Hòa, ngày 12 tháng 2 năm 2026\n\n"
         "KẾ HOẠCH\nBảo vệ rừng mùa khô năm 2026\n\nI. NHIỆM VỤ\n{body}\n\n"
         "Nơi nhận:\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nLê Văn Tư\n{annex}")
_ANNEX = ("\nPHỤ LỤC\nPHÂN CÔNG NHIỆM VỤ\n\nTT\nNội dung công việc\nCơ quan chủ trì\nCơ quan phối hợp\n"
          "Thời gian hoàn thành\n1\nTuần tra các tiểu khu rừng trọng điểm\n{lead}\n{support}\nTháng 4/2026\n")


@pytest.mark.parametrize(("lead", "support", "expected"), [
    ("Ban Chỉ đạo phòng, chống cháy rừng xã", "Công an xã",
     [("Ban Chỉ đạo phòng, chống cháy rừng xã", "lead"), ("Công an xã", "support")]),
    ("Công an xã", "Ban Chỉ đạo phòng, chống tham nhũng, tiêu cực xã",
     [("Công an xã", "lead"), ("Ban Chỉ đạo phòng, chống tham nhũng, tiêu cực xã", "support")]),
    ("Công an xã", "Các đơn vị, cơ quan trực thuộc xã",
     [("Công an xã", "lead"), ("Các đơn vị, cơ quan trực thuộc xã", "support")]),
])
def test_in_table_cells(lead, support, expected):
    doc = vntasks.extract(_PLAN.format(body="Các nhiệm vụ cụ thể tại Phụ lục kèm theo.",
                                       annex=_ANNEX.format(lead=lead, support=support)))
    (row,) = [t for t in doc.tasks if t.label == "1"]
    assert [(b.name[:1].upper() + b.name[1:], b.role) for b in row.responsible] == expected


@pytest.mark.parametrize("heading", [
    "Ban Chỉ đạo phòng, chống cháy rừng xã",
    "Ban Chỉ đạo phòng, chống tham nhũng, tiêu cực xã",
])
def test_a_heading_names_the_board_for_its_items(heading):
    body = f"1. {heading}:\na) Kiểm tra các khu rừng giáp ranh.\nb) Tổ chức diễn tập trước ngày 30/4/2026."
    doc = vntasks.extract(_PLAN.format(body=body, annex=""))
    items = [t for t in doc.tasks if t.label in ("a)", "b)")]
    assert len(items) == 2
    assert all([b.name for b in t.responsible] == [heading] for t in items)


def test_the_issuer_header_keeps_the_boards_inner_commas():
    text = ("TỈNH ỦY QUẢNG TRỊ\nBAN CHỈ ĐẠO PHÒNG, CHỐNG THAM NHŨNG, TIÊU CỰC\n\nSố: 05-KH/BCĐ\n\n"
            "Quảng Trị, ngày 3 tháng 3 năm 2026\n\nKẾ HOẠCH\nKiểm tra năm 2026\n\nI. NHIỆM VỤ\n"
            "1. Các cơ quan thành viên rà soát các vụ việc trước ngày 30/6/2026.\n\n"
            "Nơi nhận:\n- Lưu: VT.\n\nT/M BAN CHỈ ĐẠO\nTRƯỞNG BAN\nHồ Văn Năm\n")
    assert vntasks.extract(text).issuer.startswith("Ban Chỉ đạo phòng, chống tham nhũng, tiêu cực")
