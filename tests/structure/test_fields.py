"""Field labels (data/field_labels.tsv): labelled sub-items and table header cells."""
import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

import vntasks
from vntasks.structure.fields import bare_time_label, column_kind, field_children, field_label
from vntasks.structure.segment import segment


@pytest.mark.parametrize("text, kind, value", [
    ("- Cơ quan chủ trì: Công an huyện.", "lead", "Công an huyện."),
    ("Đơn vị thực hiện : Phòng Nội vụ", "lead", "Phòng Nội vụ"),
    ("Chủ trì: Sở Y tế", "lead", "Sở Y tế"),
    ("Cơ quan phối hợp: các xã", "support", "các xã"),
    ("Thời gian hoàn thành: quý II/2025", "time", "quý II/2025"),
    ("THỜI HẠN: 30/6/2025", "time", "30/6/2025"),
    ("Tiến độ hoàn thành: tháng 9", "time", "tháng 9"),
    ("Nguồn kinh phí: ngân sách huyện", "other", "ngân sách huyện"),
    ("Kết quả đầu ra: báo cáo", "other", "báo cáo"),
    ("Cơ quan chủ trì xây dựng kế hoạch.", None, None),  # no colon: a sentence, not a label
    ("Thời gian qua: đã làm", None, None),
    ("Nội dung: tuyên truyền", None, None),  # a column name, not a sub-item label
])
def test_field_label(text, kind, value):
    start = text.index(" ") + 1 if text.startswith("- ") else 0
    m = field_label().match(text, start)
    assert (m.lastgroup, text[m.end():]) == (kind, value) if kind else m is None


@pytest.mark.parametrize("text, value", [
    # a time label without its colon, before a time value
    ("Thời gian thực hiện sau khi Đề án được phê duyệt.", "sau khi Đề án được phê duyệt."),
    ("Thời gian hoàn thành trong quý III/2026", "trong quý III/2026"),
    ("Thời hạn trước ngày 15/8/2025.", "trước ngày 15/8/2025."),
    # not before a time value: a sentence
    ("Thời gian thực hiện các nhiệm vụ còn chậm.", None),
    ("Thời gian qua, các xã đã tích cực triển khai.", None),
])
def test_bare_time_label(text, value):
    m = bare_time_label().match(text)
    assert (m.lastgroup, text[m.end():]) == ("time", value) if value else m is None


def test_a_bare_time_line_under_an_item_is_its_time_field():
    notice = ("ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\n\nSố: 70/KH-UBND\n\nLai Châu, ngày 10 tháng 3 năm 2025\n\n"
              "KẾ HOẠCH\nTriển khai Luật Đất đai\n\nII. NỘI DUNG KẾ HOẠCH\n\n"
              "1. Sở Tư pháp rà soát các văn bản quy phạm pháp luật của tỉnh.\n\n"
              "Thời gian thực hiện trong quý II năm 2025.\n\n"
              "2. Sở Văn hóa, Thể thao và Du lịch tổ chức triển khai Đề án phát triển du lịch.\n\n"
              "Thời gian thực hiện sau khi Đề án được phê duyệt.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n")
    got = [(t.text, t.deadline.date.isoformat() if t.deadline else None) for t in vntasks.extract(notice).tasks]
    assert got == [("Sở Tư pháp rà soát các văn bản quy phạm pháp luật của tỉnh.", "2025-06-30"),
                   ("Sở Văn hóa, Thể thao và Du lịch tổ chức triển khai Đề án phát triển du lịch.", None)]


@pytest.mark.parametrize("cell, kind", [
    ("Cơ quan phối hợp", "support"),
    ("Cơ quan chủ trì", "lead"),
    ("Đơn vị thực hiện", "lead"),
    ("Thời gian hoàn thành", "time"),
    ("Nội dung công việc", "task"),
    ("Ghi chú", "other"),
    ("Kết quả", "other"),
    ("Địa bàn", None),
])
def test_column_kind(cell, kind):
    assert column_kind(cell) == kind


# The labels as first written (one regex in text/patterns.py), with any run of spaces or tabs
# between a phrase's words (as the data file's phrases allow): the reference the data file matches.
_REFERENCE = regex.compile(regex.sub(r"(?<=\p{L}) (?=\p{L})", r"[ \\t]+", (
    r"(?i)[ \t]*(?:(?P<lead>(?:(?:cơ quan|đơn vị)[ \t]+)?"
    r"(?:chủ trì(?:[ \t]+tham mưu)?(?:[ \t]+thực hiện)?|thực hiện(?:[ \t]+chính)?|phụ trách|đầu mối))"
    r"|(?P<support>(?:(?:cơ quan|đơn vị)[ \t]+)?phối hợp(?:[ \t]+thực hiện)?)"
    r"|(?P<time>thời gian(?:[ \t]+(?:hoàn thành|thực hiện))?|thời hạn(?:[ \t]+hoàn thành)?|tiến độ(?:[ \t]+hoàn thành)?)"
    r"|(?P<other>sản phẩm|kinh phí|nguồn kinh phí|kết quả đầu ra))[ \t]*:[ \t]*")))
_WORDS = ["cơ quan", "Đơn vị", "chủ trì", "THỰC HIỆN", "phụ trách", "đầu mối", "phối hợp", "thời gian", "hoàn thành",
          "thời hạn", "tiến độ", "sản phẩm", "nguồn", "kinh phí", "kết quả đầu ra", "nội dung", "Sở Y tế", "xã"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=4),
       st.sampled_from([" ", "  ", "\t"]), st.sampled_from(["", " ", "\t"]), st.sampled_from([":", " :", ": ", ""]))
def test_field_label_agrees_with_the_reference(words, gap, lead, colon):
    text = lead + gap.join(words) + colon + " x"
    got, want = field_label().match(text), _REFERENCE.match(text)
    assert (got and (got.end(), got.lastgroup)) == (want and (want.end(), want.lastgroup))


def test_field_children_of_a_plan_item():
    text = ("1. Tổ chức tuyên truyền về phòng chống dịch bệnh.\n"
            "- Cơ quan chủ trì: Phòng Y tế.\n"
            "- Thời gian hoàn thành: tháng 6/2025.\n"
            "2. Kiểm tra việc thực hiện.\n")
    seg = segment(text)
    fields, members = field_children(seg.text, seg.units)
    (parent, got), = fields.items()
    assert {k: seg.text[a:b] for k, (a, b) in got.items()} == {"lead": "Phòng Y tế.", "time": "tháng 6/2025."}
    assert members and all(seg.units[i].parent == parent for i in members)
