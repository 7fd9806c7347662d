"""Task tables flattened one cell per line, and annexes after the signature (structure.tables,
structure.segment). Composed notices: each case is a text and, per table row in order, its
content and the cells it must have."""
from __future__ import annotations

import pytest

from vntasks.structure.fields import column_kind
from vntasks.structure.segment import segment
from vntasks.structure.tables import LineForm, line_form, read_table, table_header

_HEAD = ("ỦY BAN NHÂN DÂN\nTỈNH HÀ GIANG\n\nSố: 88/KH-UBND\n\nHà Giang, ngày 5 tháng 3 năm 2025\n\n"
         "KẾ HOẠCH\nTriển khai chương trình nước sạch nông thôn\n\n"
         "I. MỤC ĐÍCH, YÊU CẦU\n1. Bảo đảm nguồn nước sạch cho người dân vùng cao.\n"
         "II. NHIỆM VỤ\n1. Các sở, ngành thực hiện các nhiệm vụ tại Phụ lục kèm theo.\n\n")
_FOOT = ("\nNơi nhận:\n- Bộ Nông nghiệp và Môi trường;\n- Lưu: VT.\n\n"
         "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLò Văn Sáng\n\n")


def _rows(text: str) -> list[tuple[str, dict[str, str]]]:
    seg = segment(text)
    return [(seg.own_text(u), {k: " ".join(seg.text[a:b].split()) for k, (a, b) in u.cells.items() if k != "task"})
            for u in seg.units if u.kind == "row"]


@pytest.mark.parametrize("cell, kind", [
    ("Thời gian thực hiện", "time"),  # "thực hiện" does not make it the lead
    ("Thời hạn hoàn thành", "time"),
    ("Cơ quan chủ trì thực hiện", "lead"),
    ("Văn bản giao nhiệm vụ", "ref"),  # the assigning document, not the content
    ("Căn cứ", "ref"),
    ("Kết quả thực hiện", "other"),
    ("Sản phẩm", "other"),
    ("Đơn vị tính", "other"),  # a unit of measure, not a body
    ("Nội dung thực hiện", "task"),
    ("Nội dung/nhiệm vụ", "task"),
    ("NHIỆM VỤ VÀ GIẢI PHÁP", "task"),
    ("PHỐI HỢP", "support"),
    ("CHỦ TRÌ", "lead"),
])
def test_column_kinds(cell, kind):
    assert column_kind(cell) == kind


@pytest.mark.parametrize("line, form", [
    ("30/6/2026", LineForm.TIME),
    ("Quý III năm 2026", LineForm.TIME),
    ("2026", LineForm.TIME),
    ("2025 - 2030", LineForm.TIME),
    ("Thường xuyên", LineForm.TIME),
    ("Nhiệm vụ thường xuyên", LineForm.TIME),
    ("Năm 2026 và các năm tiếp theo", LineForm.TIME),
    ("Hoàn thành", LineForm.SHORT),  # no date and no recurrence
    ("Đã hoàn thành", LineForm.STATUS),
    ("Đang triển khai", LineForm.STATUS),
    ("Quyết định số 12/QĐ-UBND ngày 3/1/2025", LineForm.REF),
    ("Kế hoạch chuyển đổi số", LineForm.SHORT),  # a document noun without a number
    ("Sở Xây dựng", LineForm.BODY),
    ("Các phòng, ban chuyên môn", LineForm.BODY),
    ("Khảo sát nhu cầu nước sạch của các thôn bản vùng cao trước mùa khô năm nay.", LineForm.TEXT),
    ("- 3 -", LineForm.NOISE),
])
def test_line_form(line, form):
    assert line_form(line) == form


TABLE = "STT\nNội dung\nCơ quan chủ trì\nCơ quan phối hợp\nThời gian thực hiện\n"

CASES = [
    # an annex after the signature is read; its title lines and "(Kèm theo ...)" are not units
    (_FOOT + "PHỤ LỤC\nDANH MỤC NHIỆM VỤ CẤP NƯỚC\n(Kèm theo Kế hoạch số 88/KH-UBND ngày 05/3/2025)\n" + TABLE
     + "1\nKhảo sát các công trình cấp nước tập trung\nSở Xây dựng\nỦy ban nhân dân các xã\nQuý II/2025\n"
     "2\nNâng cấp hệ thống lọc nước tại các trường học\nSở Giáo dục và Đào tạo\nSở Y tế\n2026\n",
     [("Khảo sát các công trình cấp nước tập trung",
       {"lead": "Sở Xây dựng", "support": "Ủy ban nhân dân các xã", "time": "Quý II/2025"}),
      ("Nâng cấp hệ thống lọc nước tại các trường học",
       {"lead": "Sở Giáo dục và Đào tạo", "support": "Sở Y tế", "time": "2026"})]),
    # Roman group rows ("I" then its title) group the rows, renumbered from 1, and do not end the table
    (_FOOT + "PHỤ LỤC\nNHIỆM VỤ VÀ GIẢI PHÁP\n(Ban hành kèm theo Kế hoạch số 88/KH-UBND)\n"
     "STT\nNHIỆM VỤ\nCHỦ TRÌ\nPHỐI HỢP\nTHỜI GIAN\nI\nNHÓM GIẢI PHÁP VỀ HẠ TẦNG\n"
     "1\nĐầu tư bể chứa nước mưa cho các điểm trường\nSở Giáo dục và Đào tạo\nCác xã\n2025 - 2027\n"
     "II\nNHÓM GIẢI PHÁP VỀ TUYÊN TRUYỀN\n"
     "1\nTuyên truyền sử dụng nước tiết kiệm\nSở Văn hóa, Thể thao và Du lịch\nĐài Phát thanh và Truyền hình tỉnh\n"
     "Thường xuyên\n",
     [("Đầu tư bể chứa nước mưa cho các điểm trường",
       {"lead": "Sở Giáo dục và Đào tạo", "support": "Các xã", "time": "2025 - 2027"}),
      ("Tuyên truyền sử dụng nước tiết kiệm",
       {"lead": "Sở Văn hóa, Thể thao và Du lịch", "support": "Đài Phát thanh và Truyền hình tỉnh",
        "time": "Thường xuyên"})]),
    # an empty cell (no partner): the time cell is told by its form; an inline "(1) ... (2)" inside
    # a content cell is the cell's own text
    (_FOOT + "PHỤ LỤC I\nPHÂN CÔNG NHIỆM VỤ\n(Kèm theo Kế hoạch số 88/KH-UBND)\n" + TABLE
     + "1\nSửa đổi các quy chế: (1) Quy chế quản lý công trình; (2) Quy chế thu phí nước sạch.\n"
     "Sở Tài chính\n30/9/2025\n"
     "2\nLập danh sách hộ chưa có nước sạch\nỦy ban nhân dân các xã\nPhòng Kinh tế\nTháng 6/2025\n",
     [("Sửa đổi các quy chế: (1) Quy chế quản lý công trình; (2) Quy chế thu phí nước sạch.",
       {"lead": "Sở Tài chính", "time": "30/9/2025"}),
      ("Lập danh sách hộ chưa có nước sạch",
       {"lead": "Ủy ban nhân dân các xã", "support": "Phòng Kinh tế", "time": "Tháng 6/2025"})]),
    # a reference column, a result column running over several lines, unnumbered group titles
    # between rows and numbers printed out of order
    (_FOOT + "PHỤ LỤC II\nKẾT QUẢ THỰC HIỆN NHIỆM VỤ\n(Kèm theo Thông báo số 88/KH-UBND)\n"
     "STT\nTên nhiệm vụ\nVăn bản giao nhiệm vụ\nĐơn vị chủ trì\nThời hạn\nKết quả thực hiện\nTiến độ\n"
     "Nhiệm vụ giao Giám đốc Sở Xây dựng chỉ đạo\n"
     "1\nHoàn thiện bản đồ mạng lưới cấp nước\nThông báo số 15-TB/TU ngày 2/2/2025\nSở Xây dựng\n31/5/2025\n"
     "- Đã số hóa bản đồ của 10 huyện.\n- Còn 2 huyện đang thu thập số liệu.\nĐang thực hiện\n"
     "Nhiệm vụ giao Giám đốc Sở Y tế chỉ đạo\n"
     "4\nKiểm tra chất lượng nước tại các nhà máy\nQuyết định số 7/QĐ-UBND\nSở Y tế\n30/4/2025\n"
     "Đã kiểm tra 12 nhà máy\nĐã hoàn thành\n"
     "3\nCông bố kết quả kiểm tra nước sinh hoạt\nQuyết định số 7/QĐ-UBND\nSở Y tế\n31/12/2025\nĐang thực hiện\n",
     [("Hoàn thiện bản đồ mạng lưới cấp nước",
       {"ref": "Thông báo số 15-TB/TU ngày 2/2/2025", "lead": "Sở Xây dựng", "time": "31/5/2025",
        "other": "- Đã số hóa bản đồ của 10 huyện. - Còn 2 huyện đang thu thập số liệu."}),
      ("Kiểm tra chất lượng nước tại các nhà máy",
       {"ref": "Quyết định số 7/QĐ-UBND", "lead": "Sở Y tế", "time": "30/4/2025", "other": "Đã kiểm tra 12 nhà máy"}),
      ("Công bố kết quả kiểm tra nước sinh hoạt",
       {"ref": "Quyết định số 7/QĐ-UBND", "lead": "Sở Y tế", "time": "31/12/2025", "other": "Đang thực hiện"})]),
    # an annex of data (sites, figures) and a budget form: no task table, nothing read
    (_FOOT + "PHỤ LỤC\nDANH SÁCH ĐIỂM LẤY MẪU NƯỚC\n(Kèm theo Kế hoạch số 88/KH-UBND)\n"
     "STT\nĐịa điểm lấy mẫu\nTọa độ\n1\nGiếng khoan thôn Nà Lầu: lấy mẫu 02 lần\n105.2\n"
     "Mẫu biểu số 01\nDỰ TOÁN KINH PHÍ\n(Kèm theo Kế hoạch số 88/KH-UBND)\nSTT\nNội dung\nĐơn vị tính\nNăm 2025\n"
     "1\nThu ngân sách\nTriệu đồng\n1.200\n",
     []),
]


@pytest.mark.parametrize("tail, expected", CASES)
def test_annex_tables(tail, expected):
    assert _rows(_HEAD + tail) == expected


def test_annex_units_follow_the_body_and_the_footer_is_no_unit():
    seg = segment(_HEAD + CASES[0][0])
    texts = [seg.own_text(u) for u in seg.units]
    assert not any("Kèm theo" in t or "DANH MỤC" in t or "Lò Văn Sáng" in t or "Lưu" in t for t in texts)
    assert seg.annex_start == seg.text.index("PHỤ LỤC")


def test_table_title_line_is_a_heading_over_the_rows():
    text = (_HEAD + "III. CÁC NHIỆM VỤ CHẬM TIẾN ĐỘ\n"
            "1. Các nhiệm vụ về cấp nước sạch và vệ sinh môi trường nông thôn đã quá hạn nhưng chưa hoàn thành\n"
            + TABLE + "1\nHoàn thành trạm bơm xã Thuận Hòa\nSở Xây dựng\nCác xã\n30/6/2025\n" + _FOOT)
    seg = segment(text)
    row = next(u for u in seg.units if u.kind == "row")
    assert seg.units[row.parent].kind == "heading" and seg.units[row.parent].label == "1."


def test_header_stops_at_a_group_title_naming_a_body():
    lines = ["STT", "Tên nhiệm vụ", "Đơn vị chủ trì", "Thời hạn", "Nhiệm vụ giao Sở Y tế", "1", "Khám sàng lọc",
             "Trung tâm Y tế", "30/6/2025"]
    kinds = table_header(lines, 0)
    assert kinds == ("number", "task", "lead", "time")
    table = read_table(lines, 0, kinds)
    assert [type(p).__name__ for p in table.parts] == ["Group", "Row"] and table.end == len(lines)


def test_markdown_pipe_table_is_read_as_a_flattened_one():
    text = (_HEAD + "III. PHÂN CÔNG\n"
            "| STT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |\n"
            "|---|---|---|---|---|\n"
            "| 1 | Kiểm tra chất lượng nước giếng khoan | Sở Y tế | | Quý III/2025 |\n"
            "| 2 | Hỗ trợ bồn chứa nước cho hộ nghèo | Sở Nội vụ | Ủy ban nhân dân các xã | 2026 |\n" + _FOOT)
    assert _rows(text) == [
        ("Kiểm tra chất lượng nước giếng khoan", {"lead": "Sở Y tế", "time": "Quý III/2025"}),
        ("Hỗ trợ bồn chứa nước cho hộ nghèo", {"lead": "Sở Nội vụ", "support": "Ủy ban nhân dân các xã", "time": "2026"}),
    ]
