"""A time phrase between a subject and its verb (extractors.bodies.roles): "X trong thời gian tới
tập trung ...", "X trong quý III tổ chức ...", "X từ nay đến cuối năm ...": X is the lead, and the
time phrase still gives the task its deadline.

Expected names are written by hand from SPEC "Bodies (responsible)"; the sentences are invented in
the genre's phrasing.
"""
from __future__ import annotations

import datetime as dt

import pytest

from vntasks.api import extract_text
from vntasks.extractors.bodies import find_responsible


def _bodies(text: str) -> list[tuple[str, str]]:
    return [(m.name, m.role) for m in find_responsible(text)]


# (text, (name, role) in order)
CASES = [
    ("Ủy ban nhân dân các phường trong thời gian tới tập trung rà soát hồ sơ cấp giấy chứng nhận.",
     [("Ủy ban nhân dân các phường", "lead")]),
    ("Sở Khoa học và Công nghệ trong tháng 8/2027 hoàn thành việc đánh giá các đề tài.",
     [("Sở Khoa học và Công nghệ", "lead")]),
    ("Bộ Chỉ huy quân sự tỉnh trong quý IV tổ chức diễn tập khu vực phòng thủ.",
     [("Bộ Chỉ huy quân sự tỉnh", "lead")]),
    ("Các phòng, ban chuyên môn thuộc UBND thị xã từ nay đến cuối năm tập trung đẩy nhanh giải ngân.",
     [("Các phòng, ban chuyên môn thuộc Ủy ban nhân dân thị xã", "lead")]),
    ("Sở Công Thương ngay trong tuần đầu tháng 2 kiểm tra việc niêm yết giá.",
     [("Sở Công Thương", "lead")]),
    ("Sở Nông nghiệp và Môi trường trong năm 2028 chủ trì, phối hợp với Sở Tài chính rà soát quỹ đất.",
     [("Sở Nông nghiệp và Môi trường", "lead"), ("Sở Tài chính", "support")]),
    ("Đồng thời, Công an huyện trong thời gian tới đây tăng cường tuần tra trên các tuyến đường.",
     [("Công an huyện", "lead")]),
    # a time phrase with no verb after it: a bare name, no subject
    ("Sở Xây dựng trong tháng 9/2027.", []),
    # a time phrase after an object is no subject's: the object stays an object
    ("Ủy ban nhân dân tỉnh giao Sở Tư pháp trong tháng 6 hoàn thành việc rà soát văn bản.",
     [("Sở Tư pháp", "lead")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_time_phrase_between_subject_and_verb(text, expected):
    assert _bodies(text) == expected


_NOTICE = """ỦY BAN NHÂN DÂN TỈNH HẬU GIANG
Số: 41/TB-UBND
THÔNG BÁO
Kết luận của Chủ tịch UBND tỉnh tại cuộc họp ngày 05/4/2027
1. Sở Khoa học và Công nghệ trong tháng 8/2027 hoàn thành việc đánh giá các đề tài cấp tỉnh.
2. Bộ Chỉ huy quân sự tỉnh trong quý III/2027 tổ chức diễn tập khu vực phòng thủ.
"""


def test_time_phrase_still_gives_the_deadline():
    tasks = extract_text(_NOTICE).tasks
    got = [([b.name for b in t.responsible if b.role == "lead"], t.deadline and t.deadline.date) for t in tasks]
    assert got == [(["Sở Khoa học và Công nghệ"], dt.date(2027, 8, 31)),
                   (["Bộ Chỉ huy quân sự tỉnh"], dt.date(2027, 9, 30))]
