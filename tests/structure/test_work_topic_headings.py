"""A "Công tác X" sub-heading is a topic of its section (structure.classify.section_category): under
"I. Kết quả thực hiện" the paragraph below "1. Công tác chỉ đạo, điều hành" reports what was done and
is no task, though "chỉ đạo" is a directive word; under a section of tasks its items stay tasks.
Composed reports run through the whole pipeline."""
from __future__ import annotations

import pytest

import vntasks

_REPORT = ("ỦY BAN NHÂN DÂN\nHUYỆN TÂN KỲ\n\nSố: 112/BC-UBND\n\nTân Kỳ, ngày 5 tháng 7 năm 2024\n\n"
           "BÁO CÁO\nKết quả công tác phòng, chống thiên tai 6 tháng đầu năm 2024\n\n"
           "I. KẾT QUẢ THỰC HIỆN 6 THÁNG ĐẦU NĂM 2024\n1. {heading}\n"
           "UBND huyện đã kiện toàn Ban Chỉ huy phòng, chống thiên tai; phân công thành viên phụ trách "
           "các xã.\n\n"
           "II. NHIỆM VỤ 6 THÁNG CUỐI NĂM 2024\n1. {heading}\n"
           "- Phòng Nông nghiệp rà soát phương án ứng phó bão, hoàn thành trước ngày 31/7/2024.\n"
           "2. Đề nghị UBND tỉnh hỗ trợ kinh phí sửa chữa đê bao.\n\n"
           "Nơi nhận:\n- Lưu: VT.\n\nCHỦ TỊCH\nLê Văn Hòa\n")


@pytest.mark.parametrize("heading", [
    "Công tác chỉ đạo, điều hành",
    "Công tác lãnh đạo, chỉ đạo",
    "Công tác chỉ đạo và phân công nhiệm vụ",
])
def test_work_topic_heading_keeps_its_section(heading):
    texts = [t.text for t in vntasks.extract(_REPORT.format(heading=heading)).tasks]
    assert not any(t.startswith("UBND huyện đã kiện toàn") for t in texts), texts
    assert any(t.startswith("Phòng Nông nghiệp rà soát") for t in texts), texts
    assert any(t.startswith("Đề nghị UBND tỉnh hỗ trợ") for t in texts), texts
