""""yêu cầu" as a noun (structure.classify, rows of data/task_cues.tsv): a numbered item of a
conclusion that measures progress against the requirement ("còn chậm so với yêu cầu", "chưa đáp
ứng yêu cầu") assesses, it directs no one; an item that also says "yêu cầu X ..." or names its
subject still directs. Composed conclusion notices run through the whole pipeline."""
from __future__ import annotations

import pytest

import vntasks

_NOTICE = ("ỦY BAN NHÂN DÂN\nHUYỆN ĐÔNG SƠN\n\nSố: 88/TB-UBND\n\nĐông Sơn, ngày 14 tháng 8 năm 2026\n\n"
           "THÔNG BÁO\nKết luận của Chủ tịch UBND huyện tại cuộc họp về tiến độ xây dựng trường học\n\n"
           "Ngày 12/8/2026, đồng chí Chủ tịch UBND huyện chủ trì cuộc họp. Sau khi nghe báo cáo, "
           "Chủ tịch UBND huyện kết luận như sau:\n\n1. {first}\n\n"
           "2. Phòng Giáo dục và Đào tạo huyện rà soát nhu cầu phòng học, báo cáo trước ngày 25/8/2026.\n\n"
           "Nơi nhận:\n- Lưu: VT.\n\nCHỦ TỊCH\nĐỗ Văn Hưng\n")


@pytest.mark.parametrize(("first", "starts"), [
    # progress measured against the requirement: an assessment
    ("Đến nay, nhà lớp học 2 tầng Trường Tiểu học Đông Tiến đã hoàn thành 60% khối lượng; tuy nhiên "
     "tiến độ còn chậm so với yêu cầu, chủ yếu do nhà thầu thiếu nhân lực.",
     ["Phòng Giáo dục và Đào tạo"]),
    ("Công tác lập hồ sơ thiết kế bếp ăn bán trú chưa đáp ứng yêu cầu; một số hạng mục còn thiếu dự toán.",
     ["Phòng Giáo dục và Đào tạo"]),
    # the same words beside a directive: still a task
    ("Tiến độ thi công còn chậm so với yêu cầu, yêu cầu nhà thầu tăng cường nhân lực, máy móc.",
     ["Tiến độ thi công", "Phòng Giáo dục và Đào tạo"]),
    ("Ban Quản lý dự án huyện chỉ đạo khắc phục ngay các hạng mục chưa đáp ứng yêu cầu.",
     ["Ban Quản lý dự án huyện", "Phòng Giáo dục và Đào tạo"]),
])
def test_requirement_as_a_noun_does_not_direct(first, starts):
    texts = [t.text for t in vntasks.extract(_NOTICE.format(first=first)).tasks]
    assert len(texts) == len(starts), texts
    for text, start in zip(texts, starts, strict=True):
        assert text.startswith(start), (text, start)
