"""Tests of periods (pipeline/extractors/temporal/periods.py): find_periods, period_of.

Expected ISO values are written by hand from SPEC "Period" and the calendar.
"""
from __future__ import annotations

from datetime import date

import pytest

from vntasks.extractors.temporal import find_periods, period_of

# --- periods --------------------------------------------------------------------------------

PERIODS = [
    ("III. Nhiệm vụ chủ yếu 6 tháng cuối năm 2020", 2020, [("6 tháng cuối năm 2020", "2020-07-01", "2020-12-31")]),
    ("Phương hướng, nhiệm vụ quý IV/2022", 2022, [("quý IV/2022", "2022-10-01", "2022-12-31")]),
    ("B. Nhiệm vụ trọng tâm năm 2023", 2023, [("năm 2023", "2023-01-01", "2023-12-31")]),
    ("2. Những nhiệm vụ cần làm ngay 3 tháng cuối năm 2022.", 2022, [("3 tháng cuối năm 2022", "2022-10-01", "2022-12-31")]),
    ("nâng cao hiệu quả công tác dân vận chính quyền giai đoạn 2022-2025", 2022,
     [("giai đoạn 2022-2025", "2022-01-01", "2025-12-31")]),
    ("điều chỉnh lịch công tác, dồn việc vào quý II và quý III", 2020, [("quý II và quý III", "2020-04-01", "2020-09-30")]),
    ("thực hiện tốt các nhiệm vụ an sinh xã hội trong năm 2024", 2024, [("trong năm 2024", "2024-01-01", "2024-12-31")]),
    ("thực hiện Kế hoạch số 07 trong năm 2024", 2024, [("trong năm 2024", "2024-01-01", "2024-12-31")]),
    ("tổ chức tốt các hoạt động trong tháng 12/2025", 2025, [("trong tháng 12/2025", "2025-12-01", "2025-12-31")]),
    # a span after "được giao" / "được phân bổ" says when the task's object arose: not its period
    ("rà soát, hoàn thành các chỉ tiêu được giao trong năm 2024", 2024, []),
    ("giải ngân số vốn đã được phân bổ trong quý III/2025 cho các công trình", 2025, []),
    ("Tháng 4/2025, tập trung cao điểm chống khai thác hải sản trái phép", 2025, [("Tháng 4/2025", "2025-04-01", "2025-04-30")]),
    ("ra quân làm thủy lợi từ tháng 10 đến tháng 12 năm 2025", 2025,
     [("từ tháng 10 đến tháng 12 năm 2025", "2025-10-01", "2025-12-31")]),
    # a recurring month is no period; a finer recurrence inside a span leaves it one
    ("tổ chức Ngày hội đại đoàn kết toàn dân tộc trong tháng 11 hằng năm", 2026, []),
    ("Trong quý IV, các phường định kỳ hằng tháng báo cáo tiến độ", 2026,
     [("Trong quý IV", "2026-10-01", "2026-12-31")]),
    # objects' years
    ("xây dựng Kế hoạch phát triển kinh tế - xã hội năm 2026", 2025, []),
    ("chuẩn bị tốt công tác tuyển quân năm 2023", 2022, []),
    ("chủ trì tổ chức khám tuyển nghĩa vụ quân sự năm 2024", 2023, []),
    ("các thành viên bám sát Chương trình làm việc năm 2021 (sau khi ban hành)", 2021, []),
    ("tập trung chuẩn bị Đại hội Đảng bộ phường nhiệm kỳ 2025-2030", 2025, []),
    ("khắc phục khuyết điểm được chỉ ra qua kiểm điểm năm 2023 và 9 tháng đầu năm 2024", 2024, []),
    ("giải pháp thực hiện mục tiêu trong Nghị quyết Đảng bộ xã năm 2022", 2022, []),
    ("triển khai thực hiện Kế hoạch số 120-KH/UBND năm 2024", 2024, []),
    ("tổ chức Lễ hội Đền Hùng năm 2025", 2025, []),
    # a budget's and an index's years ("kinh phí ... năm 2027", "chỉ số giá ... quý II năm 2026")
    ("Phòng Tài chính bố trí kinh phí cho công tác chuyển đổi số năm 2027 theo quy định", 2026, []),
    ("Sở Xây dựng công bố chỉ số giá xây dựng quý II năm 2026 để các chủ đầu tư áp dụng", 2026, []),
    ("các xã quản lý, sử dụng kinh phí được giao đúng mục đích trong năm 2027", 2026,
     [("trong năm 2027", "2027-01-01", "2027-12-31")]),
    ("phổ biến Luật Đất đai năm 2024 đến người dân", 2024, []),
    ("tham gia đợt cao điểm giải phóng mặt bằng năm 2025", 2025, []),
    ("chăm lo cho người lao động trong dịp cuối năm 2025", 2025, []),
    ("xếp loại kết quả thực hiện dân chủ ở cơ sở năm 2024", 2024, []),
    ("đưa nội dung này vào chương trình kiểm tra, giám sát năm 2025 của Đảng ủy", 2025, []),
    ("đưa vào chương trình xây dựng luật, pháp lệnh năm 2027", 2026, []),
    ("chuẩn bị chu đáo Lễ giao nhận quân năm 2026", 2026, []),
    ("trình bộ tiêu chí huyện nông thôn mới giai đoạn 2026 - 2030", 2025, []),
    # a target's year, a purpose's span, a quoted title's span: not the task's period
    ("vận động hội viên tham gia bảo hiểm y tế, phấn đấu đạt 95% hộ gia đình, cá nhân năm 2026", 2026, []),
    ("hỗ trợ các hợp tác xã đạt mục tiêu 30% sản phẩm, hàng hóa có mã truy xuất vào năm 2030", 2026, []),
    ("hoàn thiện hồ sơ đất đai để có thể khởi công trong năm 2027", 2026, []),
    ("rà soát quỹ đất sạch nhằm thu hút nhà đầu tư trong năm 2027", 2026, []),
    ("triển khai Quyết định số 512/QĐ-UBND phê duyệt Đề án “Phát triển du lịch sinh thái, nông nghiệp "
     "giai đoạn 2026 - 2030” tại các xã vùng cao", 2026, []),
    ("triển khai Chương trình \"Mỗi xã một sản phẩm, giai đoạn 2026-2030\" trên địa bàn", 2026, []),
    # ... while a span after an action, or in quotes that name no document, stays the task's
    ("duy trì phong trào “Ngày Chủ nhật xanh” trong năm 2026", 2026, [("trong năm 2026", "2026-01-01", "2026-12-31")]),
    ("vận động nhân dân thực hiện tốt các phong trào năm 2026", 2026, [("năm 2026", "2026-01-01", "2026-12-31")]),
    # a season of a year is a vague part of it
    ("gia cố các tuyến đê xung yếu, hoàn thành trước mùa mưa bão năm 2025", 2025, []),
    ("nạo vét kênh mương trước mùa khô năm 2026", 2026, []),
    # a comma that coordinates an object's head does not close its phrase
    ("phối hợp triển khai Kế hoạch kiểm tra, giám định chất lượng công trình xây dựng năm 2026", 2026, []),
    ("cử cán bộ tham gia Chương trình đào tạo, bồi dưỡng nghiệp vụ năm 2026", 2026, []),
    ("rà soát kế hoạch, bảo đảm an toàn giao thông năm 2026", 2026, [("năm 2026", "2026-01-01", "2026-12-31")]),
    ("rà soát kế hoạch tuyên truyền, triển khai năm 2026", 2026, [("năm 2026", "2026-01-01", "2026-12-31")]),
    # a comma outside those pairs still closes the phrase: the year is the task's
    ("rà soát kế hoạch, tổ chức kiểm tra năm 2025", 2025, [("năm 2025", "2025-01-01", "2025-12-31")]),
    # a referenced document's title
    ("triển khai Kết luận số 45-KL/TU của Ban Thường vụ Tỉnh ủy về phát triển du lịch cộng đồng ở các xã "
     "miền núi, ven biển giai đoạn 2021-2025, định hướng đến năm 2030", 2022, []),
    ("thực hiện Quyết định 1329/QĐ-UBND về tiêu chí thi đua năm 2023", 2023, []),
    # dates, deadlines, look-backs, past years
    ("theo Thông báo số 31-TB/BCĐ ngày 16/03/2020", 2020, []),
    ("hoàn thành thủ tục đầu tư trong năm 2025", 2025, []),
    ("báo cáo trước ngày 25/10/2022", 2022, []),
    ("đánh giá kết quả thực hiện 6 tháng đầu năm 2020", 2020, []),
    ("những hạn chế đã chỉ ra trong năm 2024", 2025, []),
    ("hội nghị tổng kết công tác năm 2024, triển khai nhiệm vụ năm 2025", 2025, [("năm 2025", "2025-01-01", "2025-12-31")]),
    ("tầm nhìn đến năm 2045", 2025, []),
]


@pytest.mark.parametrize("text,year,expected", PERIODS)
def test_find_periods(text, year, expected):
    got = find_periods(text, year)
    assert [(t.text, t.first.isoformat(), t.last.isoformat()) for t in got] == expected
    for t in got:
        assert text[t.start : t.end] == t.text


def test_find_periods_as_of_rejects_a_span_already_over():
    text = "nắm chắc tình hình thực tế ở địa phương trong 9 tháng đầu năm"
    assert [t.text for t in find_periods(text, 2022)] == ["trong 9 tháng đầu năm"]
    assert find_periods(text, 2022, as_of=date(2022, 10, 6)) == []


PERIOD_OF = [
    ("II. Nhiệm vụ trọng tâm 6 tháng cuối năm 2020", 2020, ("6 tháng cuối năm 2020", "2020-07-01", "2020-12-31")),
    ("nhiệm vụ quý II và quý III năm 2025", 2025, ("quý II và quý III năm 2025", "2025-04-01", "2025-09-30")),
    ("nhiệm vụ trọng tâm 6 tháng cuối năm 2020 và năm 2021", 2020, ("6 tháng cuối năm 2020 và năm 2021", "2020-07-01", "2021-12-31")),
    ("kết quả 9 tháng đầu năm 2025; nhiệm vụ trọng tâm quý IV/2025", 2025, ("quý IV/2025", "2025-10-01", "2025-12-31")),
    ("xây dựng Kế hoạch năm 2024 và tập trung thực hiện nhiệm vụ trọng tâm năm 2023", 2023, ("năm 2023", "2023-01-01", "2023-12-31")),
    ("xây dựng Kế hoạch thực hiện nhiệm vụ trọng tâm năm 2024", 2023, None),
    ("về công tác cải cách hành chính", 2025, None),
]


@pytest.mark.parametrize(("text", "section", "expected"), [
    # a heading or an intro names no action: its "trong" span is the section's period
    ("I. Nhiệm vụ trọng tâm trong tháng 11 năm 2025", True, ("trong tháng 11 năm 2025", "2025-11-01", "2025-11-30")),
    ("Phương hướng, nhiệm vụ trong quý IV/2025", True, ("trong quý IV/2025", "2025-10-01", "2025-12-31")),
    # the same span after an action in a task bounds it: a deadline, so no period
    ("Hội Nông dân xã mở 02 lớp tập huấn trong tháng 11 năm 2025", False, None),
    # a heading's plan being carried out: its span of years is the section's period
    ("3. Giải pháp tổ chức thực hiện Kế hoạch phát triển nhà ở 05 năm 2026 - 2030", True,
     ("năm 2026 - 2030", "2026-01-01", "2030-12-31")),
    ("II. NHIỆM VỤ TRIỂN KHAI CHƯƠNG TRÌNH CHUYỂN ĐỔI SỐ GIAI ĐOẠN 2026-2030", True,
     ("GIAI ĐOẠN 2026-2030", "2026-01-01", "2030-12-31")),
    # ... but not in a task, not a single year, not when the plan is being drawn up
    ("Sở Xây dựng thực hiện Kế hoạch phát triển nhà ở 05 năm 2026 - 2030", False, None),
    ("2. Giải pháp thực hiện Kế hoạch phát triển nhà ở năm 2026", True, None),
    ("1. Xây dựng Kế hoạch phát triển nhà ở giai đoạn 2026 - 2030", True, None),
    # a heading's or intro's purpose or target clause still states its section's period
    ("Để thực hiện thắng lợi nhiệm vụ năm 2026, đề nghị các ngành tập trung thực hiện các nội dung sau:",
     True, ("năm 2026", "2026-01-01", "2026-12-31")),
    # "giai đoạn N năm Y1-Y2"; a look-back word followed by a forward one does not reject it
    ("Trên cơ sở đánh giá kết quả năm 2025 và dự kiến cho giai đoạn 05 năm 2026 - 2030, cần thực "
     "hiện các nhóm giải pháp sau:", True, ("giai đoạn 05 năm 2026 - 2030", "2026-01-01", "2030-12-31")),
    ("Trên cơ sở đánh giá kết quả giai đoạn 2021 - 2025, đề xuất các giải pháp sau:", True, None),
])
def test_period_of_a_section(text, section, expected):
    p = period_of(text, 2025, section=section)
    assert (None if p is None else (p.text, p.first.isoformat(), p.last.isoformat())) == expected


@pytest.mark.parametrize("text,year,expected", PERIOD_OF)
def test_period_of(text, year, expected):
    p = period_of(text, year)
    assert (None if p is None else (p.text, p.first.isoformat(), p.last.isoformat())) == expected
    if p is not None:
        assert text[p.start : p.end] == p.text



# --- the seed notices (read at run time, never copied) ---------------------------------------


def test_seed_directive_headings_give_the_gold_period(seed_notices):
    """Every task with a stated gold period: some heading line above it states that period."""
    checked = 0
    for doc, text, year in seed_notices:
        wanted = {(t["period"]["start"], t["period"]["end"]) for t in doc["tasks"] if isinstance(t.get("period"), dict)}
        found = set()
        for ln in text.splitlines():
            p = period_of(ln, year)
            if p is not None and len(ln) < 120:
                found.add((p.first.isoformat(), p.last.isoformat()))
        assert wanted <= found
        checked += len(wanted)
    assert checked > 0


@pytest.mark.parametrize(("text", "year"), [
    # the year of a Tết names the festival, as "lễ hội ... năm Y" does (SPEC "Period": object years)
    ("Về công tác chuẩn bị Tết Nguyên đán Đinh Mùi năm 2027", 2027),
    ("chăm lo Tết cho người nghèo, Tết Dương lịch năm 2026 vui tươi, an toàn", 2026),
])
def test_the_year_of_a_tet_is_no_period(text, year):
    assert period_of(text, year) is None
