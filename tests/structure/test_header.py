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


_DISPATCH = ("THỦ TƯỚNG CHÍNH PHỦ\n\nSố: 77/CĐ-TTg\n\nHà Nội, ngày 10 tháng 9 năm 2025\n\nCÔNG ĐIỆN\n"
             "Về việc ứng phó với áp thấp nhiệt đới\n\nTHỦ TƯỚNG CHÍNH PHỦ điện:\n- Bộ trưởng Bộ Quốc phòng;\n"
             "- Chủ tịch Ủy ban nhân dân các tỉnh: Quảng Bình, Quảng Trị.\n\n{opening} "
             "Để chủ động ứng phó, Thủ tướng Chính phủ yêu cầu:\n\n"
             "1. Bộ trưởng Bộ Quốc phòng chỉ đạo các đơn vị sẵn sàng lực lượng cứu hộ.\n\n"
             "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\nTHỦ TƯỚNG\n\nLê Văn Toàn\n")


@pytest.mark.parametrize(("opening", "meeting"), [
    # a forecast's or an earlier dispatch's date is not the date of a meeting
    ("Theo Trung tâm Dự báo khí tượng thủy văn quốc gia, hồi 7 giờ ngày 10/9/2025 áp thấp nhiệt đới "
     "cách bờ biển khoảng 200 km.", None),
    ("Tiếp theo Công điện số 75/CĐ-TTg ngày 08/9/2025, dự báo ngày 11/9/2025 mưa lớn diện rộng.", None),
    ("Các dự án ven biển ngày 09/9/2025 đã dừng thi công.", None),
    # a meeting sentence still gives the meeting date ("dự", "tiếp" as verbs of a meeting)
    ("Ngày 09/9/2025, Phó Thủ tướng Chính phủ Trần Minh Hải dự và chỉ đạo tại điểm cầu Quảng Bình.",
     "2025-09-09"),
    ("Ngày 09/9/2025, Thủ tướng Chính phủ tiếp đoàn công tác của tỉnh Quảng Trị.", "2025-09-09"),
])
def test_meeting_date_needs_a_meeting(opening, meeting):
    doc = extract(_DISPATCH.format(opening=opening))
    assert (doc.meeting_date.isoformat() if doc.meeting_date else None) == meeting


@pytest.mark.parametrize(("opinion", "name"), [
    ("Phó Thủ tướng Chính phủ Vũ Đình Khoa có ý kiến như sau:", "Vũ Đình Khoa"),
    ("Thủ tướng Chính phủ Lương Hữu Tài có ý kiến chỉ đạo như sau:", "Lương Hữu Tài"),
])
def test_a_government_office_letter_names_the_leader_whose_opinion_it_conveys(opinion, name):
    text = ("VĂN PHÒNG CHÍNH PHỦ\n\nSố: 5120/VPCP-NN\nV/v hỗ trợ khắc phục hậu quả hạn hán\n\n"
            "Hà Nội, ngày 04 tháng 8 năm 2025\n\nKính gửi:\n- Bộ Tài chính;\n- Ủy ban nhân dân tỉnh Ninh Thuận.\n\n"
            "Xét đề nghị của Ủy ban nhân dân tỉnh Ninh Thuận tại văn bản số 812/UBND-KT ngày 20/7/2025, "
            + opinion + "\n\n1. Bộ Tài chính chủ trì thẩm định mức hỗ trợ, trình Thủ tướng Chính phủ.\n\n"
            "Văn phòng Chính phủ thông báo để các cơ quan biết, thực hiện./.\n\nNơi nhận:\n- Như trên;\n"
            "- Lưu: VT.\n\nKT. BỘ TRƯỞNG, CHỦ NHIỆM\nPHÓ CHỦ NHIỆM\n\nTạ Minh Châu\n")
    doc = extract(text)
    assert doc.chair is not None and doc.chair.name == name
    assert doc.meeting_date is None


def test_the_issuers_place_is_no_chair():
    """A district named like a person ("Lục Yên": Lục is a family name) in a headline "Kết luận của
    Chủ tịch UBND huyện Lục Yên" is the issuer's place; the chair is the official named in the opening."""
    import vntasks
    text = ("Kết luận của Chủ tịch UBND huyện Lục Yên tại buổi kiểm tra công trình thủy lợi\n\n"
            "ỦY BAN NHÂN DÂN\nHUYỆN LỤC YÊN\nSố: 77/TB-UBND\n\nLục Yên, ngày 12 tháng 5 năm 2025\n\n"
            "THÔNG BÁO\nKết luận của đồng chí Chủ tịch UBND huyện tại buổi kiểm tra\n\n"
            "Ngày 09/5/2025, đồng chí Đinh Công Tráng, Chủ tịch UBND huyện dẫn đầu đoàn kiểm tra các công trình "
            "thủy lợi. Sau khi kiểm tra thực tế, đồng chí Chủ tịch UBND huyện kết luận như sau:\n\n"
            "1. Phòng Nông nghiệp và Môi trường huyện hoàn thành nạo vét kênh trước ngày 30/5/2025.\n\n"
            "TL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG\n\nMa Thị Hồng\n")
    doc = vntasks.extract(text)
    assert doc.issuer == "Ủy ban nhân dân huyện Lục Yên"
    assert doc.chair is not None and doc.chair.name == "Đinh Công Tráng"
