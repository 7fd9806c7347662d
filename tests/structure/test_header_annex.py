"""Header fields of plans whose layout the simple reading misses: the signer above an annex,
"Số:" alone on its line, the number line under the issuer. Composed notices."""
from __future__ import annotations

import pytest

from vntasks.api import extract

_TOP = "ỦY BAN NHÂN DÂN\nTỈNH ĐIỆN BIÊN\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
_REST = ("Điện Biên, ngày 4 tháng 4 năm 2025\n\nKẾ HOẠCH\nPhòng chống cháy rừng mùa khô\n\n"
         "I. NHIỆM VỤ\n1. Sở Nông nghiệp và Môi trường chỉ đạo lực lượng kiểm lâm tuần tra các khu rừng.\n"
         "2. Công an tỉnh điều tra các vụ cháy rừng.\n\n"
         "Nơi nhận:\n- Bộ Nông nghiệp và Môi trường;\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n"
         "Vừ A Bằng\n\n")
_ANNEX = ("PHỤ LỤC\nPHÂN CÔNG NHIỆM VỤ\n(Kèm theo Kế hoạch số 52/KH-UBND ngày 04/4/2025)\n"
          "STT\nNội dung\nCơ quan chủ trì\nThời gian\n" + "".join(
              f"{i}\nKiểm tra chốt canh lửa số {i} tại bản Huổi Só\nHạt Kiểm lâm huyện Tuần Giáo\nTháng {i}/2025\n"
              for i in range(1, 16)))


@pytest.mark.parametrize("number_lines, annex", [
    ("Số: 52/KH-UBND\n\n", ""),
    ("Số: 52/KH-UBND\n\n", _ANNEX),  # the annex's rows after the signature do not hide it
    ("Số:\n52/KH-UBND\n\n", _ANNEX),  # "Số:" alone, the number on the next line
])
def test_signer_number_and_issuer(number_lines, annex):
    doc = extract(_TOP + number_lines + _REST + annex)
    assert doc.signer is not None and doc.signer.name == "Vừ A Bằng"
    assert doc.doc_number == "52/KH-UBND"
    assert doc.issuer == "Ủy ban nhân dân tỉnh Điện Biên"
    if annex:
        assert len([t for t in doc.tasks if t.label and t.label.isdigit()]) == 15
