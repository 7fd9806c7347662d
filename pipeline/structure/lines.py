"""Line-level decisions of the segmenter (:mod:`.segment`), on plain strings.

In: a marked line's own text and what follows it (the next line's text, the marker style of the
line after that), or the inline markers of one line. Out: whether the marked line is an item
whose body is the paragraph below it (``body_follows``), and the run of inline markers that are
items (``inline_sequence``).
"""
from __future__ import annotations

from .classify import Section, section_category

#: Marker styles that open a section of the notice ("Phần I", "II.").
SECTION_STYLES = frozenset({"part", "roman"})


def body_follows(own: str, next_text: str, next_closing: bool, style: str, after_style: str | None,
                 at_end: bool, open_styles: list[str]) -> bool:
    """Whether a marked line (``own``: its text after the marker; ``style``: its marker's) is an
    item whose own body is the unmarked paragraph after it (``next_text``), not a heading over it:
    the paragraph goes on with a sentence the line broke ("3. Tăng cường ứng dụng công nghệ;" /
    "số hóa hồ sơ ..."), or it is the only paragraph under an action line that ends with ":"
    ("1. Siết chặt kỷ luật hành chính:" / "Thủ trưởng các sở ..." / "2. ..."): the line after it
    (``after_style``, None when unmarked; ``at_end`` when there is none) is a sibling or an
    upper level. A line that names a section other than directives ("1. Mục đích:", "Kinh phí:")
    stays a heading, and so does a section line ("II. ...")."""
    own, next_text = own.strip(), next_text.strip()
    if style in SECTION_STYLES or not own or not next_text or next_closing:
        return False
    if section_category(own) not in (None, Section.DIRECTIVE):
        return False
    if next_text[:1].islower():
        return True
    lone = at_end or (after_style is not None and (after_style in SECTION_STYLES or after_style == style
                                                   or after_style in open_styles))
    return lone and own.endswith(":")


def inline_sequence(matches: list) -> list:
    """The longest run of inline markers numbered 1, 2, 3 ... or i, ii, iii ..."""
    romans = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"]
    best: list = []
    for kind in ("num", "roman"):
        seq = []
        want = 1
        for m in matches:
            val = m.group(1).strip("() \t")
            n = int(val) if val.isdigit() else (romans.index(val) + 1 if val in romans else None)
            is_kind = val.isdigit() if kind == "num" else val in romans
            if is_kind and n == want:
                seq.append(m)
                want += 1
        if len(seq) > len(best):
            best = seq
    return best
