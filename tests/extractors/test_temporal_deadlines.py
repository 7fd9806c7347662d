"""Tests of deadlines (pipeline/extractors/temporal/deadlines.py): find_deadlines, choose_deadline.

Expected ISO values are written by hand from SPEC "Deadline" and the calendar.
"""
from __future__ import annotations

import pytest

from vntasks.extractors.temporal import choose_deadline, find_deadlines

# --- deadlines ------------------------------------------------------------------------------

DEADLINES = [
    # "hạn cuối" / "hạn nộp" name the last day
    ("gửi báo cáo về Sở Tư pháp, hạn cuối ngày 28/11/2025.", 2025, [("hạn cuối ngày 28/11/2025", "2025-11-28")]),
    ("nộp hồ sơ đề nghị khen thưởng, hạn nộp ngày 6/1/2026", 2025, [("hạn nộp ngày 6/1/2026", "2026-01-06")]),
    ("tổng hợp, báo cáo Ban Chỉ đạo tỉnh (qua Ban Dân vận) trước ngày 20/11/2024.", 2024,
     [("trước ngày 20/11/2024", "2024-11-20")]),
    ("Sở Tài chính tham mưu, báo cáo UBND tỉnh chậm nhất ngày 15/12/2025.", 2025,
     [("chậm nhất ngày 15/12/2025", "2025-12-15")]),
    ("các xã, phường nộp hồ sơ về Phòng Nội vụ trước 30/6.", 2023, [("trước 30/6", "2023-06-30")]),
    ("rà soát danh sách, xong trước ngày 05/3/2025", 2025, [("trước ngày 05/3/2025", "2025-03-05")]),
    ("Bộ Xây dựng tổng hợp, báo cáo Thủ tướng trước 17 giờ ngày 27/11/2025.", 2025,
     [("trước 17 giờ ngày 27/11/2025", "2025-11-27")]),
    ("Ban Quản lý dự án hoàn thành thủ tục đầu tư trong tháng 11 năm 2025", 2025,
     [("trong tháng 11 năm 2025", "2025-11-30")]),
    ("Tập đoàn Điện lực ký hợp đồng mua bán điện trong tháng 12/2025", 2025, [("trong tháng 12/2025", "2025-12-31")]),
    ("phấn đấu đưa nhà máy số 2 vào vận hành trong năm 2027.", 2025, [("trong năm 2027", "2027-12-31")]),
    ("phấn đấu đưa vào vận hành trong năm 2027.", 2025, [("trong năm 2027", "2027-12-31")]),
    # a span after "được giao" / "được phê duyệt" says when the object arose, not when the task ends
    ("hoàn thành dứt điểm các chỉ tiêu được giao trong năm 2024, báo cáo trước ngày 20/10/2024", 2024,
     [("trước ngày 20/10/2024", "2024-10-20")]),
    ("giải ngân hết số vốn đã được phân bổ trong quý II/2025", 2025, []),
    ("Bộ Tư pháp trình Chính phủ dự thảo Nghị định trong quý I/2026.", 2025, [("trong quý I/2026", "2026-03-31")]),
    ("UBND phường Hòa Khánh tổ chức hội nghị đối thoại trong quý III/2025", 2025, [("trong quý III/2025", "2025-09-30")]),
    ("Trong tháng 10/2024, các xã hoàn thành việc chi trả trợ cấp.", 2024, [("Trong tháng 10/2024", "2024-10-31")]),
    ("hoàn thành việc kiểm tra, giám sát trong quý IV/2025", 2025, [("trong quý IV/2025", "2025-12-31")]),
    ("Thời hạn hoàn thành: quý II/2026", 2025, [("Thời hạn hoàn thành: quý II/2026", "2026-06-30")]),
    ("Công an tỉnh báo cáo kết quả trước tháng 12/2025", 2025, [("trước tháng 12/2025", "2025-11-30")]),
    ("gửi báo cáo sơ bộ trước ngày 15/12 và báo cáo chính thức trước ngày 25/12", 2025,
     [("trước ngày 15/12", "2025-12-15"), ("trước ngày 25/12", "2025-12-25")]),
    ("tiếp tục rà soát hồ sơ, chậm nhất trong tháng 12/2025 phải xong", 2025,
     [("chậm nhất trong tháng 12/2025", "2025-12-31")]),
    ("Chủ tịch UBND các tỉnh Quảng Ngãi, Gia Lai báo cáo trước 15 giờ 30 ngày 28/10/2025.", 2025,
     [("trước 15 giờ 30 ngày 28/10/2025", "2025-10-28")]),
    ("Đảng ủy xã Tân Lập lãnh đạo hoàn thành Đại hội chi bộ thôn trong quý I năm 2027", 2026,
     [("trong quý I năm 2027", "2027-03-31")]),
    ("Ban Thường vụ Thành ủy ban hành Chỉ thị trong tháng 01/2026", 2025, [("trong tháng 01/2026", "2026-01-31")]),
    # a month or a quarter after "trong" bounds the action unless a verb says it is ongoing
    ("Hội Phụ nữ xã mở 03 lớp dạy nghề cho hội viên trong tháng 02/2025.", 2025, [("trong tháng 02/2025", "2025-02-28")]),
    ("Phòng Tư pháp xây dựng kế hoạch kiểm tra, triển khai trong tháng 6/2024.", 2024,
     [("trong tháng 6/2024", "2024-06-30")]),
    ("Trạm Y tế phối hợp với các thôn tiêm vắc xin cho trẻ trong quý II/2025", 2025, [("trong quý II/2025", "2025-06-30")]),
    # a span counted from an event is a deadline only when the event's date is written
    ("Các phường gửi danh sách về Sở Nội vụ trong 07 ngày kể từ ngày 20/9/2026.", 2026,
     [("trong 07 ngày kể từ ngày 20/9/2026", "2026-09-27")]),
    ("Các phường gửi danh sách về Sở Nội vụ trong 07 ngày kể từ ngày nhận được văn bản.", 2026, []),
    # a year-less date after "trước" (no "ngày") takes the notice's year
    ("Các trường tổng hợp nhu cầu, báo cáo trước 31/12.", 2026, [("trước 31/12", "2026-12-31")]),
    # reaching a figure within a span is done by its end
    ("các xã vận động người dân tham gia bảo hiểm xã hội tự nguyện, phải đạt 60% trong năm 2026", 2026,
     [("trong năm 2026", "2026-12-31")]),
    # ongoing, or no deadline at all
    ("các chi bộ tuyên truyền, vận động nhân dân trong năm 2025", 2025, []),
    ("Công an xã tăng cường tuần tra ban đêm trong tháng 12/2025", 2025, []),
    ("Công an huyện tiếp tục thực hiện trong năm 2026", 2026, []),
    ("thường xuyên kiểm tra, giám sát trong năm 2026", 2026, []),
    ("các cấp, các ngành tổ chức thực hiện tốt quy chế dân chủ trong 6 tháng cuối năm 2024", 2024, []),
    ("duy trì nghiêm chế độ trực sẵn sàng chiến đấu trong quý I/2026", 2026, []),
    ("kịp thời báo cáo; định kỳ hằng tháng, hằng quý gửi về Sở Nội vụ", 2025, []),
    ("khẩn trương hoàn thành sớm, báo cáo thường xuyên", 2025, []),
    ("Đồng thời thực hiện nghiêm Thông báo số 31-TB/BCĐ ngày 16/03/2020 của Ban Chỉ đạo huyện.", 2020, []),
    ("kiểm tra theo Kế hoạch số 52-KH/BCĐ, ngày 27/01/2020", 2020, []),
    ("thực hiện Quyết định số 1565/QĐ-TTg ngày 18 tháng 7 năm 2025 của Thủ tướng Chính phủ", 2025, []),
    ("quán triệt kết luận tại cuộc họp ngày 25/02/2020 của Ban Chỉ đạo", 2020, []),
    ("rà soát các văn bản đã ban hành trước ngày 01/7/2025", 2025, []),
    ("tổ chức các hoạt động từ ngày 01/12 đến 15/12/2025", 2025, []),
    ("trình phương án chậm nhất ngày 10/5", None, []),
    # recurring dates (a date without a year, a recurrence marker in its clause): no deadline
    ("các xã lập kế hoạch năm và định kỳ gửi báo cáo tổng hợp trước ngày 25/6 về Sở Nội vụ", 2026, []),
    ("Định kỳ hằng quý (trước ngày 05 tháng đầu quý sau) gửi số liệu về Cục Thống kê", 2026, []),
    ("Phòng Văn hóa gửi báo cáo trước ngày 10 tháng 12 hằng năm để theo dõi", 2026, []),
    ("các trường báo cáo sĩ số chậm nhất ngày 05 hàng tháng", 2026, []),
    ("tổ chức Ngày hội đại đoàn kết trong tháng 11 hằng năm", 2026, []),
    # a written year keeps one date; a recurrence in another clause does not reach it
    ("nộp báo cáo trước ngày 15/9/2026 và sau đó hằng tháng", 2026, [("trước ngày 15/9/2026", "2026-09-15")]),
    ("Định kỳ hằng tháng báo cáo tiến độ. Hoàn thành việc rà soát trước ngày 30/8.", 2026,
     [("trước ngày 30/8", "2026-08-30")]),
    ("Trong tháng 10, tổ chức Hội nghị sơ kết và định kỳ hằng tuần cập nhật tiến độ", 2026,
     [("Trong tháng 10", "2026-10-31")]),
    # "đến hết" + a day or a span: the target is reached by its end; "tính đến hết" only says as of
    ("phấn đấu giải ngân đạt trên 90% kế hoạch vốn đến hết ngày 31/01/2027.", 2026,
     [("đến hết ngày 31/01/2027", "2027-01-31")]),
    ("Các xã hoàn thành cấp căn cước cho người dân đến hết tháng 9/2026", 2026,
     [("đến hết tháng 9/2026", "2026-09-30")]),
    ("tổng hợp số hộ nghèo tính đến hết ngày 30/6/2026, gửi Sở Nội vụ", 2026, []),
    ("thực hiện cao điểm từ ngày 15/10/2026 đến hết ngày 15/12/2026", 2026, []),
    # "trong ngày" + one day bounds the action even with no verb of the lexicon near
    ("Trung tâm Văn hóa niêm yết danh sách tại nhà văn hóa các thôn trong ngày 21/5/2026.", 2026,
     [("trong ngày 21/5/2026", "2026-05-21")]),
    ("Văn phòng đăng tải kết luận này lên trang thông tin điện tử trong ngày 04/9/2025.", 2025,
     [("trong ngày 04/9/2025", "2025-09-04")]),
    # ... but not an ongoing one
    ("tiếp tục theo dõi sát diễn biến mưa lũ trong ngày 12/10/2025", 2025, []),
]


@pytest.mark.parametrize("text,year,expected", DEADLINES)
def test_find_deadlines(text, year, expected):
    got = find_deadlines(text, year)
    assert [(t.text, t.last.isoformat()) for t in got] == expected
    for t in got:
        assert text[t.start : t.end] == t.text


CHOOSE = [
    ("gửi dự thảo trước ngày 15/12/2025, hoàn thành, ban hành trước ngày 31/12/2025", 2025, "2025-12-31"),
    ("báo cáo tiến độ trước ngày 10/01/2026 và hoàn thành trong tháng 11/2025", 2025, "2026-01-10"),
    ("hoàn thành trong quý I/2026, báo cáo trước 15/02", 2026, "2026-03-31"),
    ("tiếp tục theo dõi, đôn đốc", 2026, None),
]


@pytest.mark.parametrize("text,year,expected", CHOOSE)
def test_choose_deadline(text, year, expected):
    chosen = choose_deadline(find_deadlines(text, year))
    assert (chosen.last.isoformat() if chosen else None) == expected


def test_choose_deadline_empty():
    assert choose_deadline([]) is None



# --- the seed notices (read at run time, never copied) ---------------------------------------


def test_seed_deadlines_match_gold(seed_notices):
    checked = 0
    for doc, text, year in seed_notices:
        for task in doc["tasks"]:
            line = next((ln for ln in text.splitlines() if task["anchor"] in ln), None)
            if line is None or task.get("deadline") == "?":
                continue
            chosen = choose_deadline(find_deadlines(line, year))
            assert (chosen.last.isoformat() if chosen else None) == task.get("deadline"), task["anchor"]
            checked += 1
    assert checked > 0
