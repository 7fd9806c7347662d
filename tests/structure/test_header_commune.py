"""Headers of commune notices after the two-level reform (Front committees, election committees,
People's Committees of a xã/phường) and of provincial news reports. Composed notices: other
places, people and dates than the corpus."""
from __future__ import annotations

import pytest

from vntasks.api import extract

_RIGHT = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
_PLAN = ("KẾ HOẠCH\nTổ chức các hoạt động kỷ niệm năm 2025\n\n"
         "{opening}\n\n"
         "I. NHIỆM VỤ\n1. Ban Công tác Mặt trận các khu phố rà soát hộ nghèo, gửi danh sách trước ngày 15/11/2025.\n"
         "2. Hội Nông dân phường vận động hội viên tham gia hiến đất làm đường.\n\n"
         "Nơi nhận:\n- Như trên;\n- Lưu VT.\nTM. BAN THƯỜNG TRỰC\nCHỦ TỊCH\n\nĐinh Thị Mai Hương\n")


@pytest.mark.parametrize(("top", "number", "issuer", "level", "province"), [
    # a Front committee of a commune under its province; the province only in that block
    ("ỦY BAN MTTQ VIỆT NAM TỈNH GIA LAI\nỦY BAN MTTQ VIỆT NAM PHƯỜNG AN PHÚ\nBAN THƯỜNG TRỰC\n"
     "Số: 31/KH-MTTQ-BTT\n\n", "31/KH-MTTQ-BTT", "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam phường An Phú", "xã", "Gia Lai"),
    # a draft: blank number and a "DỰ THẢO" mark under the issuer
    ("ỦY BAN MTTQ VIỆT NAM\nPHƯỜNG AN PHÚ\nBAN THƯỜNG TRỰC\nSố:     /KH-MTTQ-BTT\nDỰ THẢO\n\n",
     None, "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam phường An Phú", "xã", None),
    ("ỦY BAN MTTQ VIỆT NAM\nPHƯỜNG AN PHÚ\nBAN THƯỜNG TRỰC\nDỰ THẢO LẦN 2\nSố:   /KH-MTTQ-BTT\n\n",
     None, "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam phường An Phú", "xã", None),
    ("ỦY BAN BẦU CỬ\nXÃ PHÚ LƯƠNG\n-------\nSố: 07/KH-UBBC\n\n", "07/KH-UBBC", "Ủy ban bầu cử xã Phú Lương", "xã",
     None),
])
def test_commune_front_and_election_headers(top, number, issuer, level, province):
    doc = extract(top + _RIGHT + "An Phú, ngày 14 tháng 10 năm 2025\n\n" + _PLAN.format(opening="Căn cứ tình hình "
                  "thực tế, Ban Thường trực xây dựng Kế hoạch như sau:"))
    assert doc.doc_number == number
    assert doc.issuer == issuer
    assert (doc.level, doc.province, str(doc.issue_date)) == (level, province, "2025-10-14")
    assert doc.doc_type == "Kế hoạch"


@pytest.mark.parametrize("opening", [
    # a plan has no meeting: the date of a cited notice's meeting is not its own
    "Thực hiện Thông báo số 52-TB/ĐU ngày 06/10/2025 kết luận của Ban Thường vụ Đảng ủy phường tại hội nghị "
    "ngày 03/10/2025, Ủy ban nhân dân phường ban hành Kế hoạch như sau:",
    "Căn cứ Kết luận số 19-KL/ĐU của Đảng ủy phường tại phiên họp ngày 03/10/2025; Ủy ban nhân dân phường "
    "ban hành Kế hoạch như sau:",
    # a labelled date line (an election day, an event day) is not a meeting
    "Ngày bầu cử: Chủ nhật, ngày 15 tháng 3 năm 2026.\nỦy ban bầu cử phường tổ chức hội nghị triển khai công tác "
    "bầu cử sau khi Kế hoạch được ban hành.",
])
def test_a_plan_takes_no_meeting_date_from_what_it_cites(opening):
    doc = extract("ỦY BAN NHÂN DÂN\nPHƯỜNG AN PHÚ\nSố: 88/KH-UBND\n\n" + _RIGHT + "An Phú, ngày 14 tháng 10 năm 2025\n\n"
                  + _PLAN.format(opening=opening))
    assert doc.meeting_date is None


_NEWS = ("CỔNG THÔNG TIN ĐIỆN TỬ TỈNH KHÁNH HÒA\nTrang chủ > Tin tức > Hoạt động lãnh đạo\nThứ sáu, 21/11/2025 17:05\n\n"
         "Đẩy nhanh tiến độ các công trình nước sạch nông thôn\n\n{opening}\n\n"
         "Theo báo cáo, toàn tỉnh còn 14 công trình chậm tiến độ.\n\n"
         "Kết luận cuộc họp, đồng chí yêu cầu:\n"
         "- Sở Nông nghiệp và Môi trường kiểm tra chất lượng nước tại các công trình, hoàn thành trước ngày 10/12/2025.\n"
         "- UBND các xã có công trình bàn giao mặt bằng cho nhà thầu.\n\nHải Yến\n")


@pytest.mark.parametrize(("opening", "meeting", "name"), [
    ("Sáng nay (21/11), Phó Chủ tịch UBND tỉnh Đoàn Minh Quang chủ trì cuộc họp về các công trình nước sạch.",
     "2025-11-21", "Đoàn Minh Quang"),
    ("Chiều qua (20/11), Chủ tịch UBND tỉnh Vương Thị Ngọc chủ trì họp trực tuyến với các xã.",
     "2025-11-20", "Vương Thị Ngọc"),
    ("Chiều 20/11, đồng chí Vương Thị Ngọc, Chủ tịch UBND tỉnh chủ trì họp trực tuyến với các xã.",
     "2025-11-20", "Vương Thị Ngọc"),
])
def test_a_news_report_dates_its_meeting_and_names_its_chair(opening, meeting, name):
    doc = extract(_NEWS.format(opening=opening))
    assert doc.meeting_date is not None and doc.meeting_date.isoformat() == meeting
    assert doc.chair is not None and doc.chair.name == name
    assert doc.level == "tỉnh" and doc.province == "Khánh Hòa"
