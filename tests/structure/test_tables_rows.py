"""What a task table's row gives its task (resolve.inherit on rows of structure.tables): the
content cell is the text; the lead and support cells the bodies, with the partners the content
names; the time cell a deadline or a period (SPEC); the reference column and the content the
references, never a result cell's. Composed plans, run through the whole pipeline."""
from __future__ import annotations

import pytest

import vntasks

_HEAD = ("ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\n\nSố: 41/KH-UBND\n\nLai Châu, ngày 12 tháng 2 năm 2025\n\n"
         "KẾ HOẠCH\nPhát triển du lịch cộng đồng\n\nI. NHIỆM VỤ\n"
         "1. Các sở, ngành thực hiện các nhiệm vụ tại Phụ lục kèm theo Kế hoạch này.\n\n"
         "Nơi nhận:\n- Bộ Văn hóa, Thể thao và Du lịch;\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nGiàng A Tính\n\n"
         "PHỤ LỤC\nDANH MỤC NHIỆM VỤ\n(Kèm theo Kế hoạch số 41/KH-UBND ngày 12/02/2025 của UBND tỉnh)\n")

_TABLE = "STT\nNội dung nhiệm vụ\nCơ quan chủ trì\nCơ quan phối hợp\nThời gian thực hiện\n"


def _task(t):
    lead = [b.name for b in t.responsible if b.role == "lead"]
    support = [b.name for b in t.responsible if b.role == "support"]
    period = (t.period.start.isoformat(), t.period.end.isoformat()) if t.period else None
    return t.text, lead, support, t.deadline.date.isoformat() if t.deadline else None, period, t.references


def _row(content, lead, support, time):
    return f"{content}\n{lead}\n{support}\n{time}\n"


CASES = [
    # the time cell: one quarter or a bare year is a deadline; a span of quarters or years a period
    (_row("Xây dựng bộ nhận diện du lịch của tỉnh", "Sở Văn hóa, Thể thao và Du lịch", "Sở Công Thương",
          "Quý III năm 2025"),
     ("Xây dựng bộ nhận diện du lịch của tỉnh", ["Sở Văn hóa, Thể thao và Du lịch"], ["Sở Công Thương"],
      "2025-09-30", None, [])),
    (_row("Mở lớp dạy nghề homestay cho đồng bào", "Sở Nội vụ", "Hội Liên hiệp Phụ nữ tỉnh", "2026"),
     ("Mở lớp dạy nghề homestay cho đồng bào", ["Sở Nội vụ"], ["Hội Liên hiệp Phụ nữ tỉnh"], "2026-12-31", None, [])),
    (_row("Đầu tư đường vào bản du lịch Sìn Suối Hồ", "Sở Xây dựng", "Ủy ban nhân dân xã Sìn Hồ", "2025 - 2027"),
     ("Đầu tư đường vào bản du lịch Sìn Suối Hồ", ["Sở Xây dựng"], ["Ủy ban nhân dân xã Sìn Hồ"], None,
      ("2025-01-01", "2027-12-31"), [])),
    (_row("Khảo sát tài nguyên du lịch các bản vùng cao", "Sở Văn hóa, Thể thao và Du lịch", "Sở Tài chính",
          "Quý IV/2025 - Quý I/2026"),
     ("Khảo sát tài nguyên du lịch các bản vùng cao", ["Sở Văn hóa, Thể thao và Du lịch"], ["Sở Tài chính"], None,
      ("2025-10-01", "2026-03-31"), [])),
    # recurrence and an open end give neither
    (_row("Quảng bá du lịch trên các nền tảng số", "Sở Văn hóa, Thể thao và Du lịch", "Báo Lai Châu",
          "Thường xuyên"),
     ("Quảng bá du lịch trên các nền tảng số", ["Sở Văn hóa, Thể thao và Du lịch"], ["Báo Lai Châu"], None, None, [])),
    (_row("Tổ chức lễ hội văn hóa các dân tộc", "Ủy ban nhân dân các xã", "Sở Văn hóa, Thể thao và Du lịch",
          "Năm 2025 và các năm tiếp theo"),
     ("Tổ chức lễ hội văn hóa các dân tộc", ["Ủy ban nhân dân các xã"], ["Sở Văn hóa, Thể thao và Du lịch"], None,
      None, [])),
    # the content names a partner beside the support cell's
    (_row("Chủ trì, phối hợp với Công an tỉnh bảo đảm an ninh tại các điểm du lịch", "Sở Văn hóa, Thể thao và Du lịch",
          "Ủy ban nhân dân các xã", "Trước ngày 30/6/2025"),
     ("Chủ trì, phối hợp với Công an tỉnh bảo đảm an ninh tại các điểm du lịch", ["Sở Văn hóa, Thể thao và Du lịch"],
      ["Ủy ban nhân dân các xã", "Công an tỉnh"], "2025-06-30", None, [])),
]


@pytest.mark.parametrize("row, expected", CASES)
def test_row_fields(row, expected):
    doc = vntasks.extract(_HEAD + _TABLE + "1\n" + row)
    rows = [_task(t) for t in doc.tasks if t.label == "1"]
    assert rows == [expected]


def test_reference_column_and_content_give_the_refs_but_not_a_result_cell_or_the_own_number():
    table = ("STT\nNhiệm vụ\nVăn bản giao nhiệm vụ\nCơ quan chủ trì\nThời hạn\nKết quả thực hiện\n"
             "1\nHoàn thành quy hoạch khu du lịch hồ thủy điện theo Quyết định số 25/QĐ-UBND\n"
             "Thông báo số 17-TB/TU ngày 3/1/2025\nSở Xây dựng\n31/12/2025\n"
             "Sở đã có Công văn số 880/SXD-QH ngày 5/3/2025 gửi các xã\n")
    doc = vntasks.extract(_HEAD + table)
    (row,) = [t for t in doc.tasks if t.label == "1"]
    assert row.references == ["25/QĐ-UBND", "17-TB/TU"]
    assert row.deadline.date.isoformat() == "2025-12-31"
    assert "41/KH-UBND" not in [r.id for r in doc.references]


@pytest.mark.parametrize("cell, names", [
    ("Sở Tài chính, Sở Công Thương", ["Sở Tài chính", "Sở Công Thương"]),
    ("Phòng Kinh tế, Hạ tầng và Đô thị", ["Phòng Kinh tế, Hạ tầng và Đô thị"]),  # one name with a comma
    ("Cơ quan ngang bộ, cơ quan thuộc Chính phủ", ["Cơ quan ngang bộ", "Cơ quan thuộc Chính phủ"]),
    ("Sở Y tế, các cơ quan, đơn vị liên quan", ["Sở Y tế", "Cơ quan, đơn vị liên quan"]),
    # bare nouns sharing one qualifier are one body; ";" always separates
    ("Trường, Viện; Hợp tác xã, Sở, ngành có liên quan",
     ["Trường, Viện", "Hợp tác xã", "Sở, ngành có liên quan"]),
])
def test_support_cell_split(cell, names):
    doc = vntasks.extract(_HEAD + _TABLE + "1\n" + _row("Quảng bá sản phẩm du lịch nông nghiệp", "Sở Nội vụ", cell, "2026"))
    (row,) = [t for t in doc.tasks if t.label == "1"]
    # the split is asserted here; whether a leading "Các" stays is the canonical name's matter
    got = [b.name.removeprefix("Các ") for b in row.responsible if b.role == "support"]
    assert [g[:1].upper() + g[1:] for g in got] == names


_TIMELINE = "TT\n\nNội dung công việc\n\nThời gian\n\nCơ quan thực hiện\n\n"


@pytest.mark.parametrize(("time", "bodies", "expected"), [
    # one body cell that states the roles: the partner is support
    ("Từ ngày 02/02/2026 đến ngày 08/02/2026",
     "Ban Thường trực Ủy ban MTTQ Việt Nam xã chủ trì, phối hợp với Ủy ban nhân dân xã",
     (["Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam xã"], ["Ủy ban nhân dân xã"], None,
      ("2026-02-02", "2026-02-08"))),
    # the hours of one day: a deadline on that day; a span whose end has an hour: a period
    ("Từ 07 giờ 00 đến 19 giờ 00 ngày 22/3/2026", "Các Tổ bầu cử", (["Tổ bầu cử"], [], "2026-03-22", None)),
    ("Từ ngày 12/01/2026 đến 17 giờ 00 ngày 06/02/2026", "Ủy ban bầu cử xã",
     (["Ủy ban bầu cử xã"], [], None, ("2026-01-12", "2026-02-06"))),
])
def test_timeline_rows_of_an_election_plan(time, bodies, expected):
    doc = vntasks.extract(_HEAD + _TIMELINE + "1\n\nTổ chức hội nghị cử tri ở các thôn, tổ dân phố\n\n"
                          + time + "\n\n" + bodies + "\n\n")
    (row,) = [t for t in doc.tasks if t.label == "1"]
    _, lead, support, deadline, period, _ = _task(row)
    assert (lead, support, deadline, period) == expected


def test_a_table_with_no_marker_and_no_opening_is_read():
    """A bare task table (no heading marker, no opening sentence before it): the table is the
    body; it once raised an IndexError looking for the first marked line."""
    text = ("Bảng phân công nhiệm vụ\nSTT\nNội dung công việc\nCơ quan chủ trì\nThời gian hoàn thành\n"
            "1\nRà soát danh sách hộ nghèo năm 2025\nỦy ban nhân dân xã\nTháng 10/2025\n"
            "2\nTổ chức tập huấn cho cán bộ thôn\nHội Nông dân xã\nTháng 11/2025\n")
    doc = vntasks.extract_text(text)
    assert doc.status == "ok"
    assert [t.text for t in doc.tasks] == ["Rà soát danh sách hộ nghèo năm 2025", "Tổ chức tập huấn cho cán bộ thôn"]
