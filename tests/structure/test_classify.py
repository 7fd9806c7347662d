"""The task classifier's rules: which openings count as a directive's subject."""
from __future__ import annotations

import pytest

from vntasks.structure.classify import cue_score


@pytest.mark.parametrize(("text", "subject"), [
    # introducers and the common head nouns
    ("Đề nghị Sở Tài chính cân đối nguồn vốn.", True),
    ("UBND xã rà soát hồ sơ.", True),
    ("Các đồng chí Thường trực Huyện ủy theo dõi địa bàn.", True),
    # any head of the body lexicon, as it stands or with a lowercase complement
    ("Kiểm lâm địa bàn tuần tra các khu rừng phòng hộ.", True),
    ("Nhà thầu bổ sung máy móc, nhân lực.", True),
    ("Ban Quản lý dự án đầu tư xây dựng tỉnh đẩy nhanh tiến độ.", True),
    # a head that needs a name: only before a capitalised word
    ("Báo Quảng Trị tăng cường thông tin, tuyên truyền.", True),
    ("Đài Phát thanh - Truyền hình tỉnh mở chuyên mục.", True),
    ("Trường Tiểu học Kim Đồng tổ chức ngày hội đọc sách.", True),
    ("Trường hợp cần thiết, báo cáo UBND tỉnh xem xét.", False),
    ("Báo cáo kết quả về Văn phòng trước ngày 30/6.", False),
    # no subject
    ("Tình hình kinh tế - xã hội tiếp tục ổn định.", False),
    ("Ngày 10/3/2024, Chủ tịch UBND tỉnh chủ trì cuộc họp.", False),
])
def test_a_subject_opens_the_unit(text, subject):
    _, cues = cue_score(text)
    assert ("subject" in cues) is subject
