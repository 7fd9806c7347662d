"""Numbered units (extractors.bodies.names, places, scan, units): "số N" names one unit and stays
in its name, and a named unit gets no level added ("Ban bầu cử số 3", "Khu vực bỏ phiếu số 8",
"Chi bộ thôn số 2", "Tổ dân phố số 6"); a list of numbers after one numbered unit names one unit
per number ("các Tổ bầu cử số 1, số 4", "số 2, 3 và 5"); a count after a comma is no unit.

Expected names are written by hand from SPEC "Bodies (responsible)"; the sentences are invented.
"""
from __future__ import annotations

import pytest
from _bodies_roles import roles as _roles

# (text, notice level, leads, supports)
CASES = [
    ("Ban bầu cử số 3 tiếp nhận tài liệu, phiếu bầu từ Ủy ban bầu cử.", "xã", ["Ban bầu cử số 3"], []),
    ("Tổ bầu cử số 12 (thôn Đồng Tâm) bố trí hòm phiếu phụ cho cử tri ốm đau.", "xã", ["Tổ bầu cử số 12"], []),
    ("Khu vực bỏ phiếu số 8 trang trí phòng bỏ phiếu trước ngày 10/3.", "xã", ["Khu vực bỏ phiếu số 8"], []),
    ("Tổ bầu cử khu vực bỏ phiếu số 6 niêm yết danh sách cử tri.", "xã", ["Tổ bầu cử khu vực bỏ phiếu số 6"], []),
    ("Chi bộ thôn số 2 tổ chức sinh hoạt chuyên đề.", "xã", ["Chi bộ thôn số 2"], []),
    ("Tổ dân phố số 6 tổ chức họp dân lấy ý kiến.", "phường", ["Tổ dân phố số 6"], []),
    # one body per number of a list
    ("Các Tổ bầu cử số 1, số 4 hoàn thành việc kiểm phiếu trong ngày.", "xã",
     ["Tổ bầu cử số 1", "Tổ bầu cử số 4"], []),
    ("Các Ban bầu cử số 2, 3 và 5 tổng hợp biên bản kết quả.", "xã",
     ["Ban bầu cử số 2", "Ban bầu cử số 3", "Ban bầu cử số 5"], []),
    ("Các Tổ bầu cử số 10, số 11 và số 12A phối hợp với Công an xã bảo vệ hòm phiếu.", "xã",
     ["Tổ bầu cử số 10", "Tổ bầu cử số 11", "Tổ bầu cử số 12A"], ["Công an xã"]),
    ("Phối hợp với các Tổ bầu cử số 5, số 9 kiểm tra cơ sở vật chất.", "xã",
     [], ["Tổ bầu cử số 5", "Tổ bầu cử số 9"]),
    ("Các tổ dân phố số 1, số 7 ra quân vệ sinh môi trường.", "phường", ["Tổ dân phố số 1", "Tổ dân phố số 7"], []),
    # no number: the level is still added or the plural kept
    ("Tổ bầu cử niêm yết danh sách cử tri.", "xã", ["Tổ bầu cử xã"], []),
    ("Các tổ dân phố tổ chức họp dân.", "phường", ["Các tổ dân phố"], []),
]


@pytest.mark.parametrize(("text", "level", "leads", "supports"), CASES)
def test_numbered_units(text, level, leads, supports):
    assert _roles(text, level) == (leads, supports)
