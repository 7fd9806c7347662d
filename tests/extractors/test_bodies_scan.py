"""Body names read by the scanner (extractors.bodies.scan and the layers under it): head nouns,
titles, levels and place names, domains, owners, coordinated bodies, the tagger's bounded use.

Expected names are written by hand from SPEC "Bodies (responsible)"; the sentences are invented
in the genre's phrasing, at every level (xã, huyện, tỉnh, trung ương).
"""
from __future__ import annotations

import pytest
from _bodies_roles import roles as _roles
from hypothesis import given, settings
from hypothesis import strategies as st

import vntasks.extractors.bodies as bodies
from vntasks.extractors.bodies import BODY_TYPES, find_responsible

# (text, leads, supports): name shapes, no notice level
CASES = [
    # subject at the start of the task
    ("UBND huyện rà soát, lập phương án xử lý dứt điểm các trường hợp lấn chiếm đất công.",
     ["Ủy ban nhân dân huyện"], []),
    ("Ban Tuyên giáo Huyện ủy chủ trì, phối hợp chặt chẽ với Công an huyện tổ chức hội thi.",
     ["Ban Tuyên giáo Huyện ủy"], ["Công an huyện"]),
    ("Công an huyện tiếp tục mở đợt cao điểm trấn áp tội phạm.", ["Công an huyện"], []),
    ("Uỷ ban nhân dân tỉnh có trách nhiệm bố trí kinh phí.", ["Ủy ban nhân dân tỉnh"], []),
    # role-holders
    ("Bộ trưởng Bộ Y tế chỉ đạo các bệnh viện tuyến cuối sẵn sàng tiếp nhận bệnh nhân.",
     ["Bộ trưởng Bộ Y tế"], []),
    ("Giám đốc Sở Tài chính chịu trách nhiệm trước Chủ tịch UBND tỉnh về tiến độ giải ngân.",
     ["Giám đốc Sở Tài chính"], []),
    ("Các đồng chí thành viên Ban Chỉ đạo tỉnh bám sát địa bàn được phân công.", ["Thành viên Ban Chỉ đạo tỉnh"], []),
    ("Từng thành viên Ban chỉ đạo huyện thực hiện nghiêm chế độ báo cáo.", ["Thành viên Ban Chỉ đạo huyện"], []),
    ("Các Đoàn kiểm tra của Ban Thường vụ Tỉnh ủy tiến hành kiểm tra theo kế hoạch.",
     ["Đoàn kiểm tra của Ban Thường vụ Tỉnh ủy"], []),
    # central level and Công điện
    ("Bộ Công an chủ trì, phối hợp với Bộ Y tế và Ủy ban nhân dân các tỉnh, thành phố triển khai cấp căn cước.",
     ["Bộ Công an"], ["Bộ Y tế", "Ủy ban nhân dân các tỉnh, thành phố"]),
    ("Chủ tịch Ủy ban nhân dân các tỉnh, thành phố: Quảng Ninh, Hải Phòng, Thái Bình chỉ đạo sơ tán dân khỏi vùng nguy hiểm.",
     ["Chủ tịch Ủy ban nhân dân tỉnh Quảng Ninh", "Chủ tịch Ủy ban nhân dân thành phố Hải Phòng",
      "Chủ tịch Ủy ban nhân dân tỉnh Thái Bình"], []),
    ("Ngân hàng Nhà nước Việt Nam chỉ đạo các tổ chức tín dụng giãn nợ cho khách hàng.",
     ["Ngân hàng Nhà nước Việt Nam"], []),
    ("Tập đoàn Điện lực Việt Nam bảo đảm cung cấp điện an toàn.", ["Tập đoàn Điện lực Việt Nam"], []),
    # xã level
    ("Công an xã phối hợp với Ban Chỉ huy quân sự xã tuần tra bảo vệ mùa màng.",
     ["Công an xã"], ["Ban Chỉ huy quân sự xã"]),
    ("Các thôn, tổ dân phố tổ chức ra quân tổng vệ sinh môi trường.", ["Các thôn, tổ dân phố"], []),
    ("Hội Cựu chiến binh xã phối hợp với Hội Liên hiệp Phụ nữ xã vận động hội viên.",
     ["Hội Cựu chiến binh xã"], ["Hội Liên hiệp Phụ nữ xã"]),
    # unknown bodies of a known shape
    ("Sở Tài nguyên và Môi trường chủ trì thẩm định phương án.", ["Sở Tài nguyên và Môi trường"], []),
    ("Phòng Tài chính - Kế hoạch huyện tham mưu bố trí vốn.", ["Phòng Tài chính - Kế hoạch huyện"], []),
    ("Chi cục Thuế khu vực tăng cường chống thất thu.", ["Chi cục Thuế khu vực"], []),
    ("Ban Quản lý dự án đầu tư xây dựng tỉnh khẩn trương bàn giao mặt bằng.",
     ["Ban Quản lý dự án đầu tư xây dựng tỉnh"], []),
    ("Trung tâm Y tế huyện tổ chức tiêm vắc xin cho trẻ.", ["Trung tâm Y tế huyện"], []),
    ("Kho bạc Nhà nước tỉnh kiểm soát chặt chẽ các khoản chi.", ["Kho bạc Nhà nước tỉnh"], []),
    ("Chủ đầu tư khẩn trương hoàn thiện hồ sơ thanh toán.", ["Chủ đầu tư"], []),
    ("Sở Tài chính thẩm định dự toán trình UBND tỉnh.", ["Sở Tài chính"], []),
    ("Phòng LĐTBXH rà soát đối tượng bảo trợ xã hội.", ["Phòng Lao động - Thương binh và Xã hội"], []),
]


@pytest.mark.parametrize(("text", "leads", "supports"), CASES)
def test_find_responsible(text, leads, supports):
    assert _roles(text) == (leads, supports)


# (text, default_level, leads, supports): name shapes with the notice's level
CASES_LEVEL = [
    # head nouns and titles of commune-level bodies
    ("Trạm Y tế phường chuẩn bị cơ số thuốc dự phòng.", None, ["Trạm Y tế phường"], []),
    ("công chức Tư pháp - Hộ tịch xã rà soát hồ sơ đăng ký khai sinh.", None, ["Công chức Tư pháp - Hộ tịch xã"], []),
    ("Công chức Văn hóa - Xã hội phối hợp với Hội Nông dân xã tuyên truyền.", "xã",
     ["Công chức Văn hóa - Xã hội xã"], ["Hội Nông dân xã"]),
    ("Văn phòng - Thống kê phường tổng hợp báo cáo tuần.", None, ["Văn phòng - Thống kê phường"], []),
    ("Trưởng các tổ dân phố vận động các hộ ký cam kết.", None, ["Trưởng các tổ dân phố"], []),
    ("Trưởng các bản chịu trách nhiệm trước Chủ tịch UBND xã.", "xã", ["Trưởng các bản"], []),
    ("Khối Dân vận phường chủ trì tổ chức hội nghị đối thoại.", None, ["Khối Dân vận phường"], []),
    ("Ban nhân dân các khóm tổ chức họp dân.", "xã", ["Ban nhân dân các khóm"], []),
    ("Giao Ban nhân dân ấp Tân Phú và ấp Tân Hòa kiểm tra cống.", "xã",
     ["Ban nhân dân ấp Tân Phú", "Ban nhân dân ấp Tân Hòa"], []),
    # district, province and central heads
    ("Đề nghị Ủy ban MTTQ huyện, Huyện đoàn và Hội Nông dân huyện vận động thanh niên.", "huyện",
     ["Ủy ban Mặt trận Tổ quốc Việt Nam huyện", "Huyện đoàn", "Hội Nông dân huyện"], []),
    ("Tỉnh đoàn phát động phong trào thanh niên tình nguyện.", "tỉnh", ["Tỉnh đoàn"], []),
    ("Vụ Thi đua, khen thưởng tổng hợp hồ sơ đề nghị khen thưởng.", None, ["Vụ Thi đua, khen thưởng"], []),
    ("Cục Quản lý Khám, chữa bệnh phối hợp với Vụ Kế hoạch - Tài chính rà soát danh mục thuốc.", "trung ương",
     ["Cục Quản lý Khám, chữa bệnh"], ["Vụ Kế hoạch - Tài chính"]),
    ("Giám đốc các sở, Thủ trưởng các ban, ngành và Chủ tịch UBND các huyện chỉ đạo thực hiện.", "tỉnh",
     ["Giám đốc các sở", "Thủ trưởng các ban, ngành", "Chủ tịch Ủy ban nhân dân các huyện"], []),
    ("Bộ trưởng các Bộ: Tài chính, Giáo dục và Đào tạo theo chức năng, nhiệm vụ hướng dẫn các địa phương.",
     "trung ương", ["Bộ trưởng Bộ Tài chính", "Bộ trưởng Bộ Giáo dục và Đào tạo"], []),
    ("Trưởng Ban Chỉ đạo 138 các tỉnh chịu trách nhiệm về tình hình an ninh trên địa bàn.", "trung ương",
     ["Trưởng Ban Chỉ đạo 138 các tỉnh"], []),
    ("Các đồng chí lãnh đạo Ban Tuyên giáo Huyện ủy thường xuyên nắm tình hình cơ sở.", "huyện",
     ["Lãnh đạo Ban Tuyên giáo Huyện ủy"], []),
    # party organisations placed by the body they belong to
    ("Đảng ủy Quốc hội lãnh đạo việc sửa đổi các luật có liên quan.", "trung ương", ["Đảng ủy Quốc hội"], []),
    ("Đảng ủy Công an tỉnh lãnh đạo lực lượng công an bảo đảm an ninh.", "tỉnh", ["Đảng ủy Công an tỉnh"], []),
    ("Đảng đoàn Hội Nông dân tỉnh chỉ đạo các cấp hội vận động hội viên.", "tỉnh", ["Đảng đoàn Hội Nông dân tỉnh"], []),
    ("Giao Ban Thường vụ các Huyện ủy Kim Sơn, Yên Mô lãnh đạo bàn giao mặt bằng.", "tỉnh",
     ["Ban Thường vụ các Huyện ủy Kim Sơn, Yên Mô"], []),
    ("Ban Tổ chức các huyện ủy, thị ủy tham mưu kiện toàn nhân sự.", "tỉnh", ["Ban Tổ chức các huyện ủy, thị ủy"], []),
    ("Các tỉnh ủy, thành ủy trực thuộc Trung ương chỉ đạo sắp xếp bộ máy.", "trung ương",
     ["Các tỉnh ủy, thành ủy trực thuộc Trung ương"], []),
    # a capitalised "Bộ"/"Sở" after a unit name is its own scope: complete, no level added
    ("Thanh tra Bộ chủ trì kiểm tra việc cấp phép khai thác cát.", "trung ương", ["Thanh tra Bộ"], []),
    ("Vụ Pháp chế Bộ phối hợp với Văn phòng Bộ rà soát dự thảo thông tư.", "trung ương",
     ["Vụ Pháp chế Bộ"], ["Văn phòng Bộ"]),
    ("Thanh tra Sở tổng hợp đơn thư khiếu nại.", "tỉnh", ["Thanh tra Sở"], []),
    # a generic plural head keeps its lower-case domain up to the verb
    ("Các sở giáo dục và đào tạo chỉ đạo các trường tổ chức ôn tập.", "trung ương",
     ["Các sở giáo dục và đào tạo"], []),
    ("Ngành thủy sản tăng cường tuần tra vùng nuôi.", "huyện", ["Ngành thủy sản"], []),
    ("Các ngành liên quan rà soát danh mục dự án.", "tỉnh", ["Các ngành liên quan"], []),
    # an item that is only a body's name heads its sub-items; ";" lists bodies; a name ends with its line
    ("Sở Nội vụ", "tỉnh", ["Sở Nội vụ"], []),
    ("Văn phòng UBND tỉnh:", "tỉnh", ["Văn phòng Ủy ban nhân dân tỉnh"], []),
    ("Các sở, ban, ngành; UBND các huyện, thành phố\nCăn cứ Kế hoạch này, xây dựng kế hoạch của đơn vị.", "tỉnh",
     ["Các sở, ban, ngành", "Ủy ban nhân dân các huyện, thành phố"], []),
    ("UBND huyện chỉ đạo rà soát; Công an huyện tăng cường tuần tra.", "huyện", ["Ủy ban nhân dân huyện", "Công an huyện"], []),
    ("Ban QLDA đầu tư xây dựng huyện đẩy nhanh tiến độ các công trình.", "huyện",
     ["Ban Quản lý dự án đầu tư xây dựng huyện"], []),
    ("Công an tỉnh và BCH Quân sự tỉnh phối hợp kiểm tra địa bàn.", "tỉnh", ["Công an tỉnh", "BCH Quân sự tỉnh"], []),
    ("Ban CHQS xã chủ trì, phối hợp với Công an xã và Tổ bảo vệ rừng số 3 tổ chức tuần tra.", "xã",
     ["Ban Chỉ huy quân sự xã"], ["Công an xã", "Tổ bảo vệ rừng số 3"]),
    # the standing body named in a parenthesis, as the subject of its clause
    ("Cơ quan thường trực Ban Chỉ đạo tỉnh (Sở Y tế) tổng hợp báo cáo.", "tỉnh", ["Sở Y tế"], []),
    ("Cơ quan thường trực (Sở Nội vụ) tổng hợp báo cáo.", "tỉnh", ["Sở Nội vụ"], []),
    # a singular level that names several units, and a level repeated for another place
    ("Ủy ban nhân dân tỉnh Quảng Bình, Quảng Trị khẩn trương sơ tán dân.", None,
     ["Ủy ban nhân dân tỉnh Quảng Bình, Quảng Trị"], []),
    ("Ủy ban nhân dân thành phố Hà Nội, Thành phố Hồ Chí Minh khẩn trương triển khai các dự án.", None,
     ["Ủy ban nhân dân thành phố Hà Nội", "Ủy ban nhân dân Thành phố Hồ Chí Minh"], []),
    ("Ủy ban nhân dân huyện Cam Lộ và huyện Gio Linh rà soát hồ sơ.", None,
     ["Ủy ban nhân dân huyện Cam Lộ", "Ủy ban nhân dân huyện Gio Linh"], []),
    ("UBND tỉnh Nghệ An, Sở Y tế tỉnh phối hợp kiểm tra.", None, ["Ủy ban nhân dân tỉnh Nghệ An", "Sở Y tế tỉnh"], []),
    # a plural domain head before a colon names one body per name, with or without a title
    ("Các Sở: Tài chính, Nội vụ, Tư pháp phối hợp thẩm định hồ sơ.", "tỉnh",
     ["Sở Tài chính", "Sở Nội vụ", "Sở Tư pháp"], []),
    ("UBND tỉnh chủ trì, phối hợp với các Sở: Xây dựng, Công Thương rà soát quy hoạch.", "tỉnh",
     ["Ủy ban nhân dân tỉnh"], ["Sở Xây dựng", "Sở Công Thương"]),
    # the longest generic list, unions included
    ("Thủ trưởng các ban, ngành, đoàn thể tỉnh chỉ đạo rà soát.", "tỉnh", ["Thủ trưởng các ban, ngành, đoàn thể tỉnh"], []),
    ("Các sở, ban, ngành, đoàn thể tỉnh tổ chức quán triệt.", "tỉnh", ["Các sở, ban, ngành, đoàn thể tỉnh"], []),
    ("Các chi bộ, đảng bộ cơ sở quán triệt Chỉ thị của Ban Bí thư.", "huyện", ["Các chi bộ, đảng bộ cơ sở"], []),
    # a person named before the title: the title's body, named as when the name follows it
    ("Giao đồng chí Hà Văn Sơn, Phó Chủ tịch UBND xã theo dõi việc điều tiết nước.", "xã",
     ["Phó Chủ tịch Ủy ban nhân dân xã Hà Văn Sơn"], []),
    ("Giao đ/c Nguyễn Thị Lan, Trưởng Ban Dân vận Huyện ủy cùng với Hội Phụ nữ huyện tổ chức hội nghị đối thoại.",
     "huyện", ["Trưởng Ban Dân vận Huyện ủy Nguyễn Thị Lan"], ["Hội Phụ nữ huyện"]),
    # a title over a plural level that names its units
    ("Trưởng các bản Pá Khoang, Co Muông vận động Nhân dân trồng ngô trên đất lúa thiếu nước.", "xã",
     ["Trưởng bản Pá Khoang", "Trưởng bản Co Muông"], []),
    # a cooperative's lowercase domain before its proper name or level
    ("UBND xã chủ trì, phối hợp với Hợp tác xã dịch vụ nông nghiệp Thanh Xuân ký hợp đồng thu gom.", "xã",
     ["Ủy ban nhân dân xã"], ["Hợp tác xã dịch vụ nông nghiệp Thanh Xuân"]),
    ("Hội Nông dân xã phối hợp với Hợp tác xã nông nghiệp xã hướng dẫn bà con gieo cấy.", "xã",
     ["Hội Nông dân xã"], ["Hợp tác xã nông nghiệp xã"]),
    ("Công an xã phối hợp với Kiểm lâm địa bàn kiểm tra các điểm nóng cháy rừng.", "xã",
     ["Công an xã"], ["Kiểm lâm địa bàn"]),
]


@pytest.mark.parametrize(("text", "level", "leads", "supports"), CASES_LEVEL)
def test_find_responsible_with_level(text, level, leads, supports):
    assert _roles(text, default_level=level) == (leads, supports)


def test_common_path_does_not_call_the_tagger(monkeypatch):
    calls = []
    real = bodies._pos_words

    def spy(s):
        calls.append(s)
        return real(s)

    monkeypatch.setattr(bodies, "_pos_words", spy)
    for text, _, _ in CASES:
        find_responsible(text)
    for text, level, _, _ in CASES_LEVEL[:12]:
        find_responsible(text, default_level=level)
    assert calls == []


def test_tagger_decides_an_unknown_word_after_a_domain(monkeypatch):
    # "phê chuẩn" is in no lexicon: the name must still stop before it, by the tagger's reading
    calls = []
    real = bodies._pos_words
    monkeypatch.setattr(bodies, "_pos_words", lambda s: calls.append(s) or real(s))
    assert _roles("Sở Nội vụ phê chuẩn kết quả bầu cử.")[0] == ["Sở Nội vụ"]
    assert calls


@pytest.mark.parametrize("chunk", ["trước ngày ", "UBND huyện, ", ", MTTQ tỉnh cần ", "phối hợp với Sở Y tế và ",
                                   "(", "các xã, ", "Ban Chỉ đạo thực hiện ", "Bộ trưởng các Bộ: Y tế, ",
                                   "Ban Thường vụ các Huyện ủy A, ", "Đảng ủy Đảng ủy ", "Về đề nghị của UBND xã ",
                                   "Giám đốc ", "Trưởng các ", "Ban nhân dân ấp A và "])
def test_pathological_input_completes(chunk):
    # speed is measured by `make bench`; here: well-formed mentions on junk input
    large = chunk * (200_000 // len(chunk))
    for b in find_responsible(large):
        assert large[b.start:b.end] == b.text and b.role in ("lead", "support")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["UBND", "huyện", "Sở", "Y", "tế", ",", "và", "phối hợp với", "Đề nghị", "các",
                                 "xã", "(", ")", "chủ trì", "Ban Chỉ đạo", "tỉnh", "cần", ".", "MTTQ", "báo cáo",
                                 "thành viên", "Đối với", ":", "Quảng Ninh", "tiếp tục"]), max_size=30))
def test_mentions_are_well_formed(words):
    text = " ".join(words)
    for m in find_responsible(text):
        assert text[m.start:m.end] == m.text
        assert m.role in ("lead", "support")
        assert m.body_type in BODY_TYPES
        assert m.name and m.name[0].isupper()
