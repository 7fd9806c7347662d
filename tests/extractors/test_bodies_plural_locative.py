"""A body with a plural level picked by place (extractors.bodies.units): "UBND các xã trong vùng quy
hoạch", "UBND các phường tại khu vực ven biển" keep the place in their name, as a generic's
locative does, and still lead; a time after the preposition is no place. Composed sentences."""
from __future__ import annotations

import pytest

from vntasks.extractors.bodies import find_responsible

CASES = [
    ("Ủy ban nhân dân các xã trong vùng dự án rà soát quỹ đất tái định cư.",
     [("Ủy ban nhân dân các xã trong vùng dự án", "lead")]),
    ("UBND các phường tại khu vực ven biển chủ động sơ tán dân.",
     [("Ủy ban nhân dân các phường tại khu vực ven biển", "lead")]),
    ("Ủy ban nhân dân các xã ở vùng sâu, vùng xa:", [("Ủy ban nhân dân các xã ở vùng sâu, vùng xa", "lead")]),
    ("Ủy ban nhân dân các xã, phường chủ động sơ tán dân.", [("Ủy ban nhân dân các xã, phường", "lead")]),
]


@pytest.mark.parametrize(("text", "want"), CASES)
def test_plural_body_keeps_its_place(text, want):
    assert [(m.name, m.role) for m in find_responsible(text)] == want
