"""Reference symbols whose issuer part joins two unit abbreviations with "&"."""
from __future__ import annotations

import pytest

from vntasks.extractors.references import find_references


@pytest.mark.parametrize("text, expected", [
    ("theo Công văn số 2207/SYT-NVY&DP ngày 3/6/2025 của Sở Y tế", ["2207/SYT-NVY&DP"]),
    ("thực hiện Kế hoạch số 61/KH-SNN&MT-CCKL", ["61/KH-SNN&MT-CCKL"]),
    ("Thông báo số 14-TB/BTG&DV ngày 2/2/2025", ["14-TB/BTG&DV"]),
    # "&" between two references joins nothing
    ("Quyết định 12/QĐ-UBND & Kế hoạch 3/KH-UBND", ["12/QĐ-UBND", "3/KH-UBND"]),
])
def test_symbol_with_ampersand(text, expected):
    assert [r.id for r in find_references(text)] == expected
