"""The document header as a reader of news reports meets it: the chair, their title, the level."""
from __future__ import annotations

import pytest

from vntasks.api import extract

NEWS = """Trang chủ > Tin tức > Chính trị
{title}
Cập nhật: 08:15 | 12/05/2025 Lượt xem: 2.031
Chia sẻ Facebook Zalo In bài
{opening}
Phát biểu kết luận, đồng chí đề nghị UBND huyện tập trung giải ngân vốn đầu tư công, hoàn thành trước ngày 30/9/2025. Đồng chí yêu cầu Phòng Tài chính - Kế hoạch huyện phối hợp với các xã rà soát danh mục dự án.
Tác giả: Thu Hà
Tin liên quan
Huyện tổ chức hội nghị sơ kết công tác dân vận
"""


@pytest.mark.parametrize(("opening", "name", "title", "level"), [
    # a visit: the leader "có buổi làm việc với" / "làm việc với" / "kiểm tra" a unit
    ("Ngày 11/5/2025, đồng chí Trần Quốc Bảo, Chủ tịch UBND tỉnh Quảng Ngãi có buổi làm việc với huyện Sơn Hà.",
     "Trần Quốc Bảo", "Chủ tịch UBND tỉnh Quảng Ngãi", "tỉnh"),
    ("Ngày 11/5/2025, đồng chí Lê Thị Hồng, Bí thư Tỉnh ủy làm việc với Ban Thường vụ Huyện ủy Sơn Hà.",
     "Lê Thị Hồng", "Bí thư Tỉnh ủy", "tỉnh"),
    ("Sáng 11/5/2025, đồng chí Phạm Văn Lâm, Phó Chủ tịch UBND tỉnh Quảng Ngãi kiểm tra tiến độ các dự án tại huyện Sơn Hà.",
     "Phạm Văn Lâm", "Phó Chủ tịch UBND tỉnh Quảng Ngãi", "tỉnh"),
])
def test_a_news_report_names_the_visiting_leader(opening, name, title, level):
    doc = extract(NEWS.format(title="Lãnh đạo tỉnh làm việc tại huyện Sơn Hà", opening=opening))
    assert doc.chair is not None and (doc.chair.name, doc.chair.title) == (name, title)
    assert doc.level == level
    # the article is not cut at the share buttons under its title
    assert [t.responsible[0].name for t in doc.tasks] == ["Ủy ban nhân dân huyện", "Phòng Tài chính - Kế hoạch huyện"]


@pytest.mark.parametrize(("capitals", "restored"), [
    ("HUYỆN ỦY CAN LỘC", "Huyện ủy Can Lộc"),
    ("BAN THƯỜNG VỤ HUYỆN ỦY", "Ban Thường vụ Huyện ủy"),
    ("ĐẢNG ỦY XÃ TÂN LẬP", "Đảng ủy xã Tân Lập"),
    ("ỦY BAN NHÂN DÂN XÃ VĨNH HÒA HƯNG BẮC", "Ủy ban nhân dân xã Vĩnh Hòa Hưng Bắc"),
    ("ỦY BAN KIỂM TRA TỈNH ỦY", "Ủy ban Kiểm tra Tỉnh ủy"),
    ("UBND HUYỆN THỌ XUÂN", "UBND huyện Thọ Xuân"),
    ("SỞ TÀI CHÍNH", "Sở Tài chính"),
    ("THỦ TƯỚNG CHÍNH PHỦ", "Thủ tướng Chính phủ"),
    ("ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM TỈNH", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"),
    ("Đã viết thường", "Đã viết thường"),
])
def test_restore_case(capitals, restored):
    from vntasks.structure.header import restore_case

    assert restore_case(capitals) == restored


def test_a_party_committee_under_its_party_organisation_is_the_issuer():
    doc = extract("ĐẢNG BỘ TỈNH HÀ TĨNH\nHUYỆN ỦY CAN LỘC\n*\nSố 215-TB/HU\nĐẢNG CỘNG SẢN VIỆT NAM\n"
                  "Can Lộc, ngày 20 tháng 5 năm 2024\n\nTHÔNG BÁO\nKết luận của Ban Thường vụ Huyện ủy\n\n"
                  "Ngày 17/5/2024, Ban Thường vụ Huyện ủy họp, đồng chí Nguyễn Văn Hùng, Bí thư Huyện ủy chủ trì. "
                  "Ban Thường vụ Huyện ủy kết luận:\n\n"
                  "1. Ủy ban Kiểm tra Huyện ủy kiểm tra việc thực hiện nghị quyết.\n"
                  "2. Ban Tổ chức Huyện ủy tham mưu kiện toàn các chi bộ trực thuộc.\n")
    assert doc.issuer == "Huyện ủy Can Lộc" and doc.level == "huyện"
