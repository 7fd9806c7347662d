"""Cue rows of data/task_cues.tsv that decide prose units (structure.classify): a decision on a
request ("đồng ý chủ trương, giao X ...") directs; a photo caption of the visiting delegation
("Đoàn công tác thăm ...") and a pointer to the annex that lists the tasks ("... được phân công tại
Phụ lục kèm theo") do not. Composed news reports and plans, run through the whole pipeline."""
from __future__ import annotations

import pytest

import vntasks

_NEWS = ("Trang chủ > Tin tức > Hoạt động lãnh đạo tỉnh\n\n"
         "Bí thư Tỉnh ủy làm việc với phường Bắc Sơn\n\nCập nhật: 09/08/2026 10:15\n\n"
         "Sáng 8/8, đồng chí Lương Văn Tấn, Bí thư Tỉnh ủy đã làm việc với Đảng ủy phường Bắc Sơn.\n\n"
         "Năm qua, phường đã hoàn thành 12/14 chỉ tiêu chủ yếu.\n\n"
         "Phát biểu kết luận, đồng chí Lương Văn Tấn yêu cầu Đảng ủy phường tập trung lãnh đạo cải cách hành chính.\n\n"
         "{body}\n\nThu Hằng\n")


@pytest.mark.parametrize(("body", "expected"), [
    # a decision on a request that assigns the work: a task, its subject the body assigned
    ("Về kiến nghị mở rộng bãi đỗ xe chợ trung tâm, Bí thư Tỉnh ủy thống nhất chủ trương, giao UBND phường "
     "Bắc Sơn lập phương án, trình Sở Xây dựng thẩm định trong quý IV/2026.",
     [("Đảng ủy phường", None), ("Ủy ban nhân dân phường Bắc Sơn", "2026-12-31")]),
    ("Đối với đề xuất xây dựng nhà văn hóa khối 5, đồng chí đồng ý chủ trương, giao Sở Tài chính cân đối "
     "nguồn vốn trước ngày 15/10/2026.",
     [("Đảng ủy phường", None), ("Sở Tài chính", "2026-10-15")]),
    # captions of the delegation's visit, with or without a full stop: narration
    ("Đoàn công tác kiểm tra thực địa công trình kè chống sạt lở bờ sông Kỳ Cùng.",
     [("Đảng ủy phường", None)]),
    ("Đoàn công tác thăm hỏi, tặng quà gia đình có hoàn cảnh khó khăn tại khối 3.",
     [("Đảng ủy phường", None)]),
])
def test_decisions_direct_and_captions_do_not(body, expected):
    doc = vntasks.extract(_NEWS.format(body=body))
    got = [(t.responsible[0].name if t.responsible else None, t.deadline.date.isoformat() if t.deadline else None)
           for t in doc.tasks]
    assert got == expected, [t.text for t in doc.tasks]


_PLAN = ("ỦY BAN NHÂN DÂN\nXÃ NA SẦM\n\nSố: 27/KH-UBND\n\nNa Sầm, ngày 02 tháng 3 năm 2026\n\n"
         "KẾ HOẠCH\nPhòng, chống cháy rừng mùa khô năm 2026\n\nI. NHIỆM VỤ, GIẢI PHÁP\n\n{body}\n\n"
         "II. TỔ CHỨC THỰC HIỆN\n\n1. Công an xã tuần tra các khu rừng giáp ranh.\n\n"
         "Nơi nhận:\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nHoàng Thị Mến\n")


@pytest.mark.parametrize(("body", "starts"), [
    # a sentence that only points to the annex where the tasks are listed: no task of its own
    ("Nhiệm vụ cụ thể của từng bộ phận được phân công chi tiết tại Phụ lục kèm theo Kế hoạch này.",
     ["Công an xã tuần tra"]),
    ("Các nhiệm vụ trọng tâm có Phụ lục kèm theo.", ["Công an xã tuần tra"]),
    # a body told to carry out the annex's tasks is still a task
    ("Các bộ phận chuyên môn triển khai các nhiệm vụ tại Phụ lục kèm theo Kế hoạch này.",
     ["Các bộ phận chuyên môn triển khai", "Công an xã tuần tra"]),
])
def test_a_pointer_to_the_annex_is_no_task(body, starts):
    texts = [t.text for t in vntasks.extract(_PLAN.format(body=body)).tasks]
    assert len(texts) == len(starts), texts
    for text, start in zip(texts, starts, strict=True):
        assert text.startswith(start), (text, start)


@pytest.mark.parametrize(("sentence", "lead"), [
    # the report's conclusion sentence directs when it addresses a body, with no deadline to help it
    ("Phát biểu kết luận, đồng chí Lương Văn Tấn yêu cầu Sở Y tế rà soát mạng lưới trạm y tế phường.", "Sở Y tế"),
    ("Phát biểu chỉ đạo hội nghị, Bí thư Tỉnh ủy đề nghị Ban Dân vận Tỉnh ủy nắm chắc tình hình cơ sở.",
     "Ban Dân vận Tỉnh ủy"),
    # one that only praises or stresses directs no one
    ("Phát biểu kết luận, đồng chí Lương Văn Tấn biểu dương những kết quả phường đã đạt được.", None),
    ("Phát biểu kết luận, đồng chí Lương Văn Tấn nhấn mạnh vai trò của cải cách hành chính.", None),
])
def test_a_reported_conclusion_sentence(sentence, lead):
    text = _NEWS.replace("Phát biểu kết luận, đồng chí Lương Văn Tấn yêu cầu Đảng ủy phường tập trung lãnh đạo "
                         "cải cách hành chính.", sentence).format(body="")
    leads = [t.responsible[0].name if t.responsible else None for t in vntasks.extract(text).tasks]
    assert leads == ([lead] if lead else []), leads


_PARTY = ("ĐẢNG ỦY XÃ HƯNG ĐẠO\n*\nSố 21-TB/ĐU\n\nĐẢNG CỘNG SẢN VIỆT NAM\n\nHưng Đạo, ngày 09 tháng 6 năm 2026\n\n"
          "THÔNG BÁO\nKẾT LUẬN CỦA BAN THƯỜNG VỤ ĐẢNG ỦY XÃ\n\n"
          "Ngày 08/6/2026, Ban Thường vụ Đảng ủy xã họp, đồng chí Vi Thị Mến, Bí thư Đảng ủy chủ trì. "
          "Ban Thường vụ Đảng ủy xã kết luận như sau:\n\n"
          "1. Về phương án bảo đảm an toàn hồ đập mùa mưa bão\n\n{body}\n\n"
          "Giao Ủy ban nhân dân xã bố trí lực lượng trực tại 03 hồ chứa, hoàn thành trước ngày 30/6/2026.\n\n"
          "T/M BAN THƯỜNG VỤ\nBÍ THƯ\n\nVi Thị Mến\n")


@pytest.mark.parametrize("body", [
    # an agreement with a submitted draft, its subject first: no directive of its own
    "Ban Thường vụ cơ bản thống nhất với phương án do Ủy ban nhân dân xã trình.",
    "Ban Thường vụ Đảng ủy xã cơ bản nhất trí với dự thảo kế hoạch và báo cáo của Công an xã.",
])
def test_an_agreement_with_a_draft_is_no_task(body):
    doc = vntasks.extract(_PARTY.format(body=body))
    assert [t.text[:22] for t in doc.tasks] == ["Giao Ủy ban nhân dân x"], [t.text for t in doc.tasks]
