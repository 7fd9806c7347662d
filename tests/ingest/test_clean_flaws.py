"""Cleaning repairs the flaws text arrives with (see tests/test_real_perturbed.py for their cost
on real notices): one composed row per flaw, and the offset map back to the source for each."""
from __future__ import annotations

import pytest

from vntasks.ingest.clean import clean, looks_wrapped

_WRAPPED = (
    "Ngày 12/3/2026, Ủy ban nhân dân phường Tân Hưng tổ chức họp giao ban công tác quý I,\n"
    "đánh giá kết quả thực hiện các nhiệm vụ trọng tâm và thống nhất triển khai một số\n"
    "nội dung trong thời gian tới. Sau khi nghe các phòng chuyên môn báo cáo, đồng chí\n"
    "Chủ tịch Ủy ban nhân dân phường kết luận và giao nhiệm vụ cho các đơn vị thực hiện\n"
) * 4

ROWS = [
    # runs of two or three spaces (any kind) between words become one; longer runs are layout
    ("THÔNG  BÁO kết\u00a0 luận", "THÔNG BÁO kết luận"),
    ("Sở   Xây dựng chủ trì", "Sở Xây dựng chủ trì"),
    ("UBND XÃ          CỘNG HÒA", "UBND XÃ          CỘNG HÒA"),
    ("  - Công an xã tuần tra", "  - Công an xã tuần tra"),
    # Word's private-use symbol-font bullets become "•"
    ("\uf0b7 Phòng Văn hóa rà soát", "• Phòng Văn hóa rà soát"),
    ("\uf0a7\tĐoàn Thanh niên phối hợp", "•\tĐoàn Thanh niên phối hợp"),
    # a tone on the "u" of "qu" moves onto the vowel after it, at a word's end
    ("trong qúy II/2026", "trong quý II/2026"),
    ("Qủa thật, kết qủa tốt", "Quả thật, kết quả tốt"),
    ("quyết định quý báu", "quyết định quý báu"),
    # a table row on one line: cells separated by tabs or " | " are laid out one per line
    ("STT\tNhiệm vụ\tCơ quan chủ trì\tThời hạn", "STT\nNhiệm vụ\nCơ quan chủ trì\nThời hạn"),
    ("2\tLập danh sách cử tri\tUBND xã\t\tTháng 4/2026", "2\nLập danh sách cử tri\nUBND xã\nTháng 4/2026"),
    ("| TT | Nội dung | Đơn vị |\n|---|:---:|---|\n| 1 | Kiểm tra | Công an xã |",
     "TT\nNội dung\nĐơn vị\n1\nKiểm tra\nCông an xã"),
    # two cells are not a table row (a signature, a label and its value)
    ("KT. CHỦ TỊCH\tPHÓ CHỦ TỊCH", "KT. CHỦ TỊCH\tPHÓ CHỦ TỊCH"),
    ("1.\tRà soát hồ sơ | bản sao", "1.\tRà soát hồ sơ | bản sao"),
    # hard-wrapped text is rejoined even outside a PDF; an item after a wrapped line stays
    (_WRAPPED + "1. Phòng Kinh tế rà soát", _WRAPPED.replace("\n", " ").rstrip() + "\n1. Phòng Kinh tế rà soát"),
]


@pytest.mark.parametrize("source, expected", ROWS)
def test_flaw_repaired(source, expected):
    assert clean(source).text == expected


@pytest.mark.parametrize("source", [r[0] for r in ROWS])
def test_offsets_map_back_to_the_source(source):
    """Each word of the cleaned text maps back onto the same word in the source."""
    c = clean(source)
    for word in ("Sở", "Phòng", "quý", "UBND", "Kiểm", "Chủ", "Nhiệm"):
        at = c.text.find(word)
        if at >= 0:
            s, e = c.to_source(at, at + len(word))
            assert source[s:e] in (word, word.replace("quý", "qúy")), (word, source[s:e])


@pytest.mark.parametrize("text, wrapped", [
    (_WRAPPED, True),
    (_WRAPPED.replace("\n", " "), False),                  # one paragraph per line
    ("STT\nNội dung\nĐơn vị\n" * 20, False),              # short cells say nothing of a margin
    (_WRAPPED[:300], False),                               # too few lines to tell
])
def test_looks_wrapped(text, wrapped):
    assert looks_wrapped(text) is wrapped
