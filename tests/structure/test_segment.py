"""Segmentation per layout: (text, expected units as (kind, label, parent, start of own text))."""
from __future__ import annotations

import pytest

from vntasks.ingest.clean import clean
from vntasks.structure.segment import parse_marker, segment, split_sentences


@pytest.mark.parametrize("line, expected", [
    ("I. Đánh giá", ("roman", "I.")),
    ("II- Nhiệm vụ", ("roman", "II-")),
    ("Phần I. Nhiệm vụ", ("part", "Phần I.")),
    ("2.1. Các thành viên", ("multi2", "2.1.")),
    ("2.1.3 Rà soát", ("multi3", "2.1.3")),
    ("1. Về dự án", ("num.", "1.")),
    ("3- Tiếp tục", ("num-", "3-")),
    ("4) Sở Y tế", ("num)", "4)")),
    ("a) Ủy ban nhân dân", ("alpha", "a)")),
    ("đ) Công an xã", ("alpha", "đ)")),
    ("(1) Bộ Y tế", ("pnum", "(1)")),
    ("(ii) Bộ Tài chính", ("proman", "(ii)")),
    ("- Chỉ đạo", ("dash", "-")),
    ("– Chỉ đạo", ("dash", "–")),
    ("+ Rà soát", ("plus", "+")),
    ("• Tổ chức", ("dot", "•")),
    ("Thứ nhất, tập trung", ("ordinal", "Thứ nhất,")),
    ("Hai là, nâng cao", ("ordinal", "Hai là,")),
    # not markers
    ("25/02/2020, tại phòng họp", None),
    ("2020 là năm", None),
    ("Ban Chỉ đạo", None),
    ("IV", None),
])
def test_parse_marker(line, expected):
    got = parse_marker(line)
    assert (got[:2] if got else None) == expected


def units_of(text: str):
    seg = segment(clean(text).text)
    return seg, [(u.kind, u.label, u.parent, seg.own_text(u)[:25]) for u in seg.units]


OPENING = "Ngày 05/3/2024, đồng chí Trần Văn Nam chủ trì họp. Đồng chí kết luận như sau:\n\n"

LAYOUTS = [
    # Roman sections with Arabic items and dash sub-items
    ("roman+arabic",
     OPENING + "I. Kết quả\n\nNăm qua đạt nhiều kết quả.\n\nII. Nhiệm vụ thời gian tới\n\n"
     "1. Ủy ban nhân dân xã chỉ đạo rà soát.\n\n- Hoàn thành trước ngày 30/4/2024.\n\n2. Công an xã tăng cường tuần tra.\n",
     [("heading", "I.", None, "Kết quả"), ("para", None, 0, "Năm qua đạt nhiều kết quả"),
      ("heading", "II.", None, "Nhiệm vụ thời gian tới"), ("item", "1.", 2, "Ủy ban nhân dân xã chỉ đạ"),
      ("item", "-", 3, "Hoàn thành trước ngày 30/4"), ("item", "2.", 2, "Công an xã tăng cường tuầ")]),
    # "1-" items, multi-level "2.1." under an Arabic heading, "+" bullets under "-"
    ("multi-level",
     OPENING + "1. Kết quả\n\nĐã hoàn thành kế hoạch.\n\n2. Nhiệm vụ quý II/2024\n\n2.1. Phòng Nội vụ rà soát hồ sơ.\n"
     "- Tổng hợp danh sách cán bộ trong tháng 5.\n+ Gửi về Văn phòng trước ngày 10/5/2024.\n2.2. Công an huyện bảo đảm an ninh.\n",
     [("heading", "1.", None, "Kết quả"), ("para", None, 0, "Đã hoàn thành kế hoạch."),
      ("heading", "2.", None, "Nhiệm vụ quý II/2024"), ("item", "2.1.", 2, "Phòng Nội vụ rà soát hồ s"),
      ("item", "-", 3, "Tổng hợp danh sách cán bộ"), ("item", "+", 4, "Gửi về Văn phòng trước ng"),
      ("item", "2.2.", 2, "Công an huyện bảo đảm an ")]),
    # inline (1) (2) items in one paragraph; enumerations inside a sentence are not structure
    ("inline",
     OPENING + "Phó Thủ tướng yêu cầu như sau: (1) Bộ Y tế chủ trì rà soát; (2) Bộ Tài chính bố trí kinh phí; "
     "(3) Kế hoạch cần có 02 phần: Phần I. Mục tiêu, phần II. Giải pháp.\n",
     [("para", None, None, "Phó Thủ tướng yêu cầu như"), ("item", "(1)", None, "Bộ Y tế chủ trì rà soát"),
      ("item", "(2)", None, "Bộ Tài chính bố trí kinh "), ("item", "(3)", None, "Kế hoạch cần có 02 phần: ")]),
    # "a)" items under a topic heading; an unnumbered directive paragraph among items
    ("topic headings",
     OPENING + "1. Về Dự án đường tỉnh 537\n\na) Sở Giao thông vận tải khẩn trương hoàn thiện hồ sơ.\n\n"
     "b) Sở Tài chính thẩm định kinh phí.\n\nỦy ban nhân dân huyện phối hợp giải phóng mặt bằng.\n",
     [("heading", "1.", None, "Về Dự án đường tỉnh 537"), ("item", "a)", 0, "Sở Giao thông vận tải khẩ"),
      ("item", "b)", 0, "Sở Tài chính thẩm định ki"), ("para", None, 0, "Ủy ban nhân dân huyện phố")]),
    # an action line ending with ":" over one paragraph alone is one item (the paragraph is its
    # body); over two paragraphs it heads them; a line broken mid-sentence goes on below it
    ("action line over its body",
     OPENING + "II. Nhiệm vụ\n1. Siết chặt kỷ luật hành chính:\nChủ tịch các xã phải trực tiếp xử lý hồ sơ quá hạn.\n"
     "2. Đẩy mạnh thu ngân sách:\nĐội Thuế rà soát nguồn thu.\nKho bạc đối chiếu số liệu.\n"
     "3. Nâng cao chất lượng giáo dục;\nbảo đảm đủ giáo viên cho các điểm trường.\n"
     "4. Mục đích:\nGiữ vững tỷ lệ trường đạt chuẩn.\n",
     [("heading", "II.", None, "Nhiệm vụ"), ("item", "1.", 0, "Siết chặt kỷ luật hành ch"),
      ("heading", "2.", 0, "Đẩy mạnh thu ngân sách:"), ("para", None, 2, "Đội Thuế rà soát nguồn t"),
      ("para", None, 2, "Kho bạc đối chiếu số liệu"), ("item", "3.", 0, "Nâng cao chất lượng giáo"),
      ("heading", "4.", 0, "Mục đích:"), ("para", None, 6, "Giữ vững tỷ lệ trường đạt")]),
]


@pytest.mark.parametrize("name, text, expected", LAYOUTS, ids=[x[0] for x in LAYOUTS])
def test_layouts(name, text, expected):
    _, got = units_of(text)
    assert [g[:3] + (g[3][:20],) for g in got] == [e[:3] + (e[3][:20],) for e in expected]


def test_a_second_topic_heading_after_bullets_is_a_heading():
    text = (OPENING + "1. Lĩnh vực kinh tế\n- Đội Thuế đôn đốc thu nộp thuế.\n"
            "2. Lĩnh vực văn hóa - xã hội\n- Phòng Văn hóa rà soát hộ nghèo.\n")
    _, got = units_of(text)
    assert [(g[0], g[1]) for g in got] == [("heading", "1."), ("item", "-"), ("heading", "2."), ("item", "-")]


def test_an_action_line_takes_its_lone_paragraph_and_its_broken_sentence():
    seg, _ = units_of(LAYOUTS[-1][1])
    assert seg.own_text(seg.units[1]) == ("Siết chặt kỷ luật hành chính: Chủ tịch các xã phải trực tiếp "
                                          "xử lý hồ sơ quá hạn.")
    assert seg.own_text(seg.units[5]) == "Nâng cao chất lượng giáo dục; bảo đảm đủ giáo viên cho các điểm trường."


def test_item_text_excludes_sub_items_and_continuation_is_joined():
    text = OPENING + "1. Phòng Y tế kiểm tra các cơ sở\nkinh doanh thực phẩm.\n\n- Báo cáo kết quả.\n"
    seg, got = units_of(text)
    assert seg.own_text(seg.units[0]) == "Phòng Y tế kiểm tra các cơ sở kinh doanh thực phẩm."
    assert got[1][:3] == ("item", "-", 0)


def test_footer_and_closing_are_not_body():
    text = (OPENING + "1. Xã đoàn tổ chức ra quân.\n\nTrên đây là kết luận của đồng chí Bí thư, đề nghị các cơ quan thực hiện./.\n\n"
            "Nơi nhận:\n- Như trên,\n- Lưu VP.\n\nTM. ĐẢNG ỦY\nBÍ THƯ\n\nHà Thị Lan\n")
    seg, got = units_of(text)
    assert [g[1] for g in got] == ["1."]
    assert len(seg.closing) == 1


def test_prose_starts_at_the_conclusion():
    text = ("Hội nghị sơ kết công tác dân vận\n\nSáng 12/3, Ban Dân vận Tỉnh ủy tổ chức hội nghị. Các đại biểu đề xuất"
            " nhiều giải pháp. Phát biểu kết luận, đồng chí Trưởng ban biểu dương các địa phương. Đồng chí đề nghị"
            " Ban Dân vận các huyện tăng cường kiểm tra. Mặt trận tỉnh cần đổi mới phương thức hoạt động.\n")
    seg, got = units_of(text)
    assert seg.prose
    assert [g[3] for g in got] == ["Phát biểu kết luận, đồng c", "Đồng chí đề nghị Ban Dân ", "Mặt trận tỉnh cần đổi mới"][:len(got)] or got
    assert [g[0] for g in got] == ["sentence"] * 3


@pytest.mark.parametrize("text, n", [
    ("Một câu. Hai câu! Ba câu?", 3),
    ("Theo TP. Hồ Chí Minh thì khác. Câu hai.", 2),
    ("Số liệu 2.5 tỷ đồng. Tiếp theo.", 2),
    ("Không tách “trích dẫn” giữa câu.", 1),
])
def test_split_sentences(text, n):
    assert len(split_sentences(text, 0, len(text))) == n


def test_task_table_flattened_one_cell_per_line():
    text = ("II. NHIỆM VỤ CỤ THỂ\n\nTT\nNội dung nhiệm vụ\nCơ quan chủ trì\nCơ quan phối hợp\nThời gian hoàn thành\n"
            "1\nRà soát hộ nghèo phát sinh\nPhòng Lao động\nUBND các xã\nQuý I/2025\n"
            "- 2 -\n"
            "2\nTổ chức tập huấn cho cán bộ\nPhòng Nội vụ\nTrước ngày 30/6/2025\n3\nTổng kết\nVăn phòng\nTrung tâm\nTháng 12/2025\n"
            "III. TỔ CHỨC THỰC HIỆN\n\n1. Phòng Nội vụ theo dõi.\n")
    seg, got = units_of(text)
    rows = [u for u in seg.units if u.kind == "row"]
    assert [u.marker_start for u in rows] and [seg.own_text(u) for u in rows] == [
        "Rà soát hộ nghèo phát sinh", "Tổ chức tập huấn cho cán bộ", "Tổng kết"]
    cells = rows[0].cells
    assert seg.text[slice(*cells["lead"])] == "Phòng Lao động"
    assert seg.text[slice(*cells["support"])] == "UBND các xã"
    assert seg.text[slice(*cells["time"])] == "Quý I/2025"
    assert got[-1][:2] == ("item", "1.")


def test_kinh_gui_block_is_not_body():
    text = ("Số: 12/UBND-VX\nV/v phòng chống dịch\n\nKính gửi:\n- Sở Y tế;\n- UBND các huyện.\n\n"
            "Thực hiện chỉ đạo của Bộ Y tế, UBND tỉnh yêu cầu:\n\n1. Sở Y tế giám sát dịch.\n\n2. UBND các huyện tuyên truyền.\n")
    _, got = units_of(text)
    assert [g[1] for g in got] == ["1.", "2."]




@pytest.mark.parametrize("body, expected", [
    ("Sở  Y tế\tkiểm tra\u00a0các cơ sở.", "Sở Y tế kiểm tra các cơ sở."),
    # U+001C-U+001F: white space to str.split, not to \s: kept, as the regex collapse keeps them
    ("Sở Y tế\x1ckiểm  tra.", "Sở Y tế\x1ckiểm tra."),
])
def test_own_text_collapses_white_space_as_regex_does(body, expected):
    seg = segment("1. " + body + "\n2. Công an huyện rà soát.\n")
    assert seg.own_text(seg.units[0]) == expected


@pytest.mark.parametrize("last", [
    "c) Về đề nghị sửa chữa nhà văn hóa thôn: Phòng Kinh tế khảo sát, đề xuất phương án.",
    "c) Về kiến nghị cấp thêm máy tính cho xã: Sở Tài chính xem xét, bố trí.",
])
@pytest.mark.parametrize("closing", [
    "Văn phòng Ủy ban nhân dân huyện thông báo để các cơ quan, đơn vị biết, thực hiện./.",
    "Trên đây là kết luận của đồng chí Chủ tịch, đề nghị các cơ quan thực hiện./.",
])
def test_last_answer_before_the_closing_formula_is_an_item(last, closing):
    """A "Về đề nghị ...: X làm ..." answer before the closing formula is an item like its siblings:
    the closing line is not a paragraph under it."""
    text = (OPENING + "3. Về các kiến nghị\n\na) Về đề nghị làm đường nội đồng: Giao Phòng Nông nghiệp rà soát.\n\n"
            "b) Về đề nghị hỗ trợ giống lúa: Phòng Tài chính tham mưu bố trí kinh phí.\n\n" + last + "\n\n"
            + closing + "\n")
    _, got = units_of(text)
    assert [(g[0], g[1]) for g in got] == [("heading", "3."), ("item", "a)"), ("item", "b)"), ("item", "c)")]
