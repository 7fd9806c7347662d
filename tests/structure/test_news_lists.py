"""News reports whose conclusion lists its directives as bullets, then goes on in paragraphs:
each bullet and each directive sentence after the list is a task of its own. A formal notice
with the same bullets keeps its tree. Composed texts."""
from __future__ import annotations

import pytest

import vntasks
from vntasks.api import extract

_NEWS = ("TRANG THÔNG TIN ĐIỆN TỬ UBND TỈNH HÀ TĨNH\nTrang chủ > Tin tức > Chỉ đạo điều hành\n\n"
         "Không để thiếu nước sinh hoạt trong mùa khô\n\n"
         "Chiều 14/4, Phó Chủ tịch UBND tỉnh Trần Hữu Lộc chủ trì họp bàn giải pháp cấp nước mùa khô.\n\n"
         "Theo báo cáo, 6 xã vùng cao đang thiếu nước cục bộ.\n\n"
         "{conclusion}\n"
         "- Sở Xây dựng rà soát các công trình cấp nước tập trung, hoàn thành trước ngày 30/4/2026.\n"
         "- UBND các xã bố trí xe chở nước cho các thôn vùng cao thiếu nước.\n\n"
         "{after}\n\nKim Oanh\n")


@pytest.mark.parametrize(("conclusion", "after", "expected"), [
    ("Kết luận cuộc họp, Phó Chủ tịch UBND tỉnh yêu cầu:",
     "Bên cạnh đó, Phó Chủ tịch UBND tỉnh giao Công ty Cổ phần Cấp nước Hà Tĩnh tăng cường kiểm tra đường ống. "
     "Các xã cần tuyên truyền người dân sử dụng nước tiết kiệm.",
     ["Sở Xây dựng", "Ủy ban nhân dân các xã", "Công ty Cổ phần Cấp nước Hà Tĩnh", "Các xã"]),
    ("Phát biểu kết luận, đồng chí Trần Hữu Lộc đề nghị:",
     "Ngoài ra, đồng chí yêu cầu Sở Tài chính tham mưu bố trí kinh phí khoan giếng trong tháng 5/2026.",
     ["Sở Xây dựng", "Ủy ban nhân dân các xã", "Sở Tài chính"]),
])
def test_directives_after_a_reported_list_are_tasks(conclusion, after, expected):
    doc = extract(_NEWS.format(conclusion=conclusion, after=after))
    leads = [t.responsible[0].name if t.responsible else None for t in doc.tasks]
    assert [x for x in leads if x] == expected
    assert doc.tasks[0].text.startswith("Sở Xây dựng")  # the bullet is not part of the sentence
    assert doc.tasks[0].deadline is not None and doc.tasks[0].deadline.date.isoformat() == "2026-04-30"


def test_a_formal_notice_with_bullets_keeps_its_items():
    doc = extract("ỦY BAN NHÂN DÂN\nXÃ KỲ LẠC\nSố: 40/TB-UBND\n\nKỳ Lạc, ngày 15 tháng 4 năm 2026\n\nTHÔNG BÁO\n"
                  "Kết luận của Chủ tịch UBND xã tại cuộc họp về cấp nước\n\n"
                  "Ngày 14/4/2026, đồng chí Lê Văn Tâm, Chủ tịch UBND xã chủ trì cuộc họp. Kết luận cuộc họp, "
                  "Chủ tịch UBND xã yêu cầu:\n"
                  "- Công chức Địa chính - Xây dựng rà soát các giếng khoan, hoàn thành trước ngày 25/4/2026.\n"
                  "- Các thôn vận động người dân sử dụng nước tiết kiệm;\n"
                  "những hộ có giếng chia sẻ nước cho hộ thiếu nước.\n\n"
                  "Nơi nhận:\n- Như trên;\n- Lưu VT.\nCHỦ TỊCH\n\nLê Văn Tâm\n")
    assert len(doc.tasks) == 2
    assert doc.tasks[1].text.endswith("cho hộ thiếu nước.")


def test_ordinal_directives_in_a_news_paragraph_are_tasks():
    """"... đề nghị các sở, ngành tập trung một số nội dung: Thứ nhất, X ... Thứ hai, Y ...": each
    ordinal clause is a task with its own subject; the intro announcing them is not."""
    text = ("Báo điện tử tỉnh Hà Tĩnh\nThời sự | Kinh tế\n\nGỡ vướng cho dự án điện gió\n\n"
            "Chiều 9/4, đồng chí Võ Trọng Hải, Chủ tịch UBND tỉnh chủ trì buổi làm việc với nhà đầu tư.\n\n"
            "Phát biểu kết luận, đồng chí đề nghị các sở, ngành tập trung một số nội dung: Thứ nhất, Sở Công Thương "
            "thẩm định thiết kế đường dây đấu nối, hoàn thành trước ngày 30/4/2026. Thứ hai, UBND xã Kỳ Lạc "
            "hoàn thành giải phóng mặt bằng cột tháp. Thứ ba, Công an tỉnh bảo đảm an ninh khu vực thi công.\n\n"
            "PV\n")
    doc = vntasks.extract(text)
    assert [t.responsible[0].name for t in doc.tasks] == ["Sở Công Thương", "Ủy ban nhân dân xã Kỳ Lạc",
                                                         "Công an tỉnh"]
    assert doc.tasks[0].deadline.date.isoformat() == "2026-04-30"
