"""Section categories (structure.classify): which sections hold tasks. Aims, targets and
forecasts never do; scope, criteria and funding sections do only for items with a directive
clause of their own; a sub-heading's own words decide before its parent's. Composed headings
and composed plans, each with the task texts the pipeline must give."""
from __future__ import annotations

import pytest

import vntasks
from vntasks.structure.classify import Section, directive_clause, section_category, specification

A, D, S, X = Section.AIM, Section.DIRECTIVE, Section.SPEC, Section.ASSESSMENT


@pytest.mark.parametrize(("heading", "parent", "category"), [
    # aims, targets, orientations, forecasts
    ("MỤC ĐÍCH, YÊU CẦU", None, A),
    ("Yêu cầu", A, A),
    ("II. YÊU CẦU".split(" ", 1)[1], None, A),
    ("Mục tiêu cụ thể", D, A),  # own words before the parent's directive category
    ("Các chỉ tiêu chủ yếu đến năm 2030", D, A),
    ("Định hướng đến năm 2040", None, A),
    ("Dự báo thu ngân sách giai đoạn 2026 - 2028", None, A),
    ("Phấn đấu đến hết năm 2026 đạt các chỉ tiêu sau:", None, A),
    # a topic heading is a topic of its parent's section ...
    ("Lĩnh vực y tế:", A, A),
    ("Đối với học sinh tiểu học", A, A),
    ("Về công tác cải cách hành chính", None, D),
    ("Về công tác cải cách hành chính", X, X),
    # ... unless the topic itself names results or limitations
    ("VỀ KẾT QUẢ ĐẠT ĐƯỢC", None, X),
    ("Về tồn tại, hạn chế và nguyên nhân", D, X),
    # scope, criteria and funding open the heading
    ("PHẠM VI, ĐỐI TƯỢNG VÀ THỜI GIAN THỰC HIỆN", None, S),
    ("Tiêu chuẩn xét tặng danh hiệu", D, S),
    ("KINH PHÍ THỰC HIỆN", None, S),
    ("Thành phần tham dự", D, S),
    # who a plan covers: never tasks
    ("Đối tượng thụ hưởng của Dự án", D, Section.SCOPE),
    ("ĐỐI TƯỢNG, NGUYÊN TẮC KHEN THƯỞNG", None, Section.SCOPE),
    # ... but an action heading that mentions funds is not a funding section
    ("Huy động nguồn lực, bảo đảm kinh phí cho chương trình", D, None),
    # a mixed heading (a forecast and the measures): its sub-headings decide
    ("ĐÁNH GIÁ TÁC ĐỘNG VÀ CÁC GIẢI PHÁP THỰC HIỆN", None, None),
    ("Mục đích và yêu cầu", None, A),
    # a cue inside a body's name says nothing
    ("Ban Chỉ đạo phòng chống thiên tai của xã:", S, None),
    # directive sections
    ("NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM", None, D),
    ("TỔ CHỨC THỰC HIỆN", None, D),
    # a fronted clause does not name the section
    ("Để đạt được mục tiêu trên, đề nghị các đơn vị thực hiện các nội dung sau:", None, D),
])
def test_section_category(heading, parent, category):
    assert section_category(heading, parent) == category


@pytest.mark.parametrize(("item", "clause"), [
    # a subject and its verb, after a short label
    ("Khen thưởng cấp tỉnh: Sở Nội vụ tổng hợp hồ sơ, trình Chủ tịch UBND tỉnh xem xét.", True),
    ("Phòng Văn hóa và Thông tin chủ trì tổ chức lễ phát động.", True),
    # an addressing cue that opens a clause
    ("Thời hạn nộp: Hồ sơ gửi, đề nghị Ban Thi đua tỉnh thẩm định trước ngày 15/4.", True),
    # quotas, lists of bodies, dossiers, criteria
    ("Đội tuần tra liên xã: Không quá 03 cá nhân;", False),
    ("Tập thể: Các trường học, trạm y tế; các hợp tác xã trên địa bàn.", False),
    ("Tờ trình đề nghị khen thưởng của Ủy ban nhân dân xã;", False),
    ("Có tỷ lệ hộ gia đình văn hóa đạt từ 90% trở lên.", False),
    ("Chấp hành chế độ báo cáo theo yêu cầu của cấp trên.", False),
])
def test_directive_clause(item, clause):
    assert directive_clause(item) is clause


_HEAD = ("ỦY BAN NHÂN DÂN\nXÃ TÂN HƯNG\n\nSố: 45/KH-UBND\n\nTân Hưng, ngày 12 tháng 2 năm 2026\n\n"
         "KẾ HOẠCH\nPhòng, chống dịch bệnh trên đàn gia súc năm 2026\n\n")
_TAIL = "\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\nCHỦ TỊCH\nLê Văn Tám\n"

PLANS = [
    # aims and targets are not tasks, even verb-initial; the measures are
    ("I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n- Chủ động phòng ngừa, không để dịch lây lan diện rộng.\n"
     "2. Yêu cầu\n- Triển khai đồng bộ các biện pháp phòng dịch.\n"
     "II. MỤC TIÊU\n- 100% đàn lợn được tiêm phòng dịch tả.\n- Phấn đấu giảm 20% số ổ dịch so với năm 2025.\n"
     "III. NHIỆM VỤ, GIẢI PHÁP\n1. Tổ chức tiêm phòng đợt 1 trong tháng 3/2026.\n"
     "2. Tăng cường kiểm soát vận chuyển gia súc qua địa bàn.\n",
     ["Tổ chức tiêm phòng đợt 1", "Tăng cường kiểm soát vận chuyển"]),
    # a target sub-heading under a directive section takes its own category
    ("I. NỘI DUNG TRỌNG TÂM\n1. Rà soát tổng đàn gia súc của từng thôn.\n"
     "2. Chỉ tiêu chủ yếu năm 2026\n- Tỷ lệ tiêm phòng đạt trên 95%.\n- Không để phát sinh ổ dịch mới.\n"
     "3. Tập huấn cho thú y viên các thôn.\n",
     ["Rà soát tổng đàn", "Tập huấn cho thú y viên"]),
    # funding sources and scope are not tasks; a body told to act there is
    ("I. PHẠM VI, ĐỐI TƯỢNG\n1. Phạm vi\nKế hoạch thực hiện trên toàn địa bàn xã.\n"
     "2. Đối tượng\n- Các hộ chăn nuôi lợn, trâu, bò.\n"
     "II. NHIỆM VỤ\n1. Tổ chức vệ sinh, tiêu độc khử trùng chuồng trại.\n"
     "III. KINH PHÍ\n1. Ngân sách xã bố trí theo phân cấp.\n2. Nguồn xã hội hóa và các nguồn hợp pháp khác.\n"
     "3. Công chức Tài chính - Kế toán xã có trách nhiệm lập dự toán, trình Ủy ban nhân dân xã phê duyệt.\n",
     ["Tổ chức vệ sinh, tiêu độc", "Công chức Tài chính - Kế toán xã có trách nhiệm"]),
    # a forecast joined with the measures: the forecast's items are not tasks, the measures are
    ("I. DỰ BÁO TÌNH HÌNH VÀ CÁC GIẢI PHÁP\n1. Dự báo tình hình\n"
     "- Thời tiết nồm ẩm làm dịch bệnh dễ phát sinh.\n- Giá thức ăn chăn nuôi tiếp tục tăng.\n"
     "2. Các giải pháp\n- Thường xuyên kiểm tra các hộ chăn nuôi lớn.\n",
     ["Thường xuyên kiểm tra các hộ"]),
    # who a plan covers ("Đối tượng ..."): its items list parties, whatever their wording, even a
    # body with a verb in its qualifier; the tasks of the plan are elsewhere
    ("I. ĐỐI TƯỢNG THI ĐUA\n1. Tập thể: Các cơ quan, đơn vị cấp xã có liên quan đến việc thực hiện "
     "công tác phòng chống dịch bệnh trên địa bàn xã.\n"
     "2. Cá nhân: Cán bộ thú y, nhân viên y tế thôn được phân công thực hiện nhiệm vụ tiêm phòng.\n"
     "II. NHIỆM VỤ\n1. Ban Thi đua - Khen thưởng xã phát động phong trào thi đua trong toàn xã.\n",
     ["Ban Thi đua - Khen thưởng xã phát động"]),
    # criteria an item announces ("... đạt các tiêu chuẩn sau:"): the item and its criteria qualify
    # a candidate, they direct no one; a body told to act in the same section still does
    ("I. TIÊU CHUẨN KHEN THƯỞNG\n1. Đối với tập thể\n"
     "- Các cơ quan, đơn vị cấp xã được phân công tham gia phòng chống dịch, đạt các tiêu chuẩn sau:\n"
     "+ Lãnh đạo, chỉ đạo tốt công tác tiêm phòng: Tiêm đủ 100% tổng đàn trong năm;\n"
     "+ Không để xảy ra ổ dịch mới trên địa bàn.\n"
     "2. Hồ sơ: Văn phòng Ủy ban nhân dân xã tổng hợp hồ sơ, trình Chủ tịch xem xét trước ngày 15/12/2026.\n",
     ["Văn phòng Ủy ban nhân dân xã tổng hợp hồ sơ"]),
    # "Về kết quả" sections of a conclusion are assessment; "Về" topics after them are directives
    ("I. VỀ KẾT QUẢ ĐẠT ĐƯỢC\n(1) tổng đàn tăng 5%; (2) không có ổ dịch lớn.\n"
     "II. VỀ NHIỆM VỤ THỜI GIAN TỚI\n1. Về tiêm phòng: hoàn thành tiêm phòng đợt 1 trước ngày 30/4/2026.\n",
     ["hoàn thành tiêm phòng đợt 1"]),
]


def _tasks(body: str) -> list[str]:
    return [t.text for t in vntasks.extract(_HEAD + body + _TAIL).tasks]


@pytest.mark.parametrize(("body", "starts"), PLANS)
def test_tasks_of_a_plan(body, starts):
    texts = _tasks(body)
    assert len(texts) == len(starts), texts
    for text, start in zip(texts, starts, strict=True):
        assert start in text, (text, start)


@pytest.mark.parametrize(("item", "spec"), [
    # an attribute label, a place label, a count of units
    ("Các thông số: nhiệt độ, độ đục, tổng coliform.", True),
    ("Số lượng: 2.000 tờ gấp.", True),
    ("Địa điểm: Hội trường Ủy ban nhân dân xã.", True),
    ("Thành phần: Đại diện lãnh đạo các thôn.", True),
    ("Xã Kỳ Sơn: Lấy mẫu 02 vị trí tại hồ chứa nước Khe Dừa;", True),
    ("Cửa sông Gianh: lấy mẫu 01 vị trí tại bến cá.", True),
    ("Cửa sông lạch Bạng: Lấy mẫu 01 vị trí tại khu vực nước cấp cho vùng nuôi Hải Bình.", True),
    ("Vùng đầm Thị Nại: lấy mẫu 03 vị trí gần cửa cống.", True),
    ("Kênh Nhà Lê: Lấy mẫu 01 vị trí tại cống đầu mối;", True),
    ("02 vị trí tại kênh dẫn nước vào khu nuôi tôm Quảng Phú;", True),
    ("Không quá 03 cá nhân;", True),
    # the form of an activity; a labelled day; the object of a review (a noun phrase)
    ("Hình thức: Kiểm tra trực tiếp kết hợp xem xét hồ sơ.", True),
    ("Ngày bầu cử: Chủ nhật, ngày 15 tháng 3 năm 2026.", True),
    ("Ngày tổ chức: 09/11/2025", True),
    ("Nội dung: Việc thu, chi quỹ đền ơn đáp nghĩa của phường năm 2025.", True),
    ("Nội dung kiểm tra: Tình hình thực hiện quy chế dân chủ ở cơ sở.", True),
    # directives, with or without a label
    ("Điểm quan trắc: Thực hiện quan trắc định kỳ tại các ao nuôi.", False),
    ("Nội dung: Tuyên truyền phòng, chống dịch bệnh trên loa truyền thanh.", False),
    ("Thời gian: Hoàn thành trước ngày 30/11/2025.", False),
    ("Tổ chức 05 lớp tập huấn cho người nuôi tôm.", False),
    ("Phòng Nông nghiệp hướng dẫn các hộ nuôi lấy mẫu nước.", False),
])
def test_specification(item, spec):
    assert specification(item) is spec


def test_specification_bullets_are_not_tasks():
    body = ("I. NỘI DUNG KẾ HOẠCH\n1. Quan trắc môi trường vùng nuôi\n"
            "- Cửa sông Nhật Lệ: Lấy mẫu 02 vị trí gồm:\n+ 01 vị trí tại cống Mỹ Cảnh;\n+ 01 vị trí tại bến Hải Thành.\n"
            "- Các thông số: pH, độ mặn, oxy hòa tan.\n"
            "- Trung tâm Quan trắc gửi kết quả cho các xã trong 03 ngày sau khi lấy mẫu.\n")
    texts = _tasks(body)
    assert len(texts) == 1 and texts[0].startswith("Trung tâm Quan trắc"), texts
