"""Responsible bodies of one task: who must do it (lead) and who works with them (support).

In: one task's own text (cleaned: NFC, modern tones) and, optionally, the notice's level
("huyện", "tỉnh", ...). Out: :func:`find_responsible` -- the subjects of its directive and their
partners as :class:`BodyMention` records (canonical name, role lead|support, the mention as
written, offsets relative to the text, body type), leads first; :func:`canonical_name` and
:func:`body_type_of` for a name written elsewhere (a table cell, a learned model's input);
:func:`states_duty` -- whether a cell of bodies is a sentence (read with :func:`find_responsible`).

Coordinated subjects ("Chi bộ, Ban XDCS và thực hiện QCDC các thôn") are several bodies, a
shared level suffix distributes over the conjuncts, and coordinated generic addressees ("các
cấp, các ngành, doanh nghiệp") are one body. Objects ("chỉ đạo Công an huyện"), report
recipients, issuers inside references and parenthetical glosses are never subjects, because
subjects are only looked for at the positions :mod:`.roles` names.

Modules, in the order the work flows:

- :mod:`.lexicon` -- the vocabulary from ``pipeline/data`` (``body_heads.tsv``,
  ``generic_addressees.tsv``, ``directive_cues.tsv``, ``abbreviations.tsv``, ``levels.tsv``,
  ``body_openers.tsv``, ``provinces.txt`` with ``central_cities.txt``), head kinds as
  :class:`~.lexicon.HeadKind`, validated on load;
- :mod:`.scan` (over :mod:`.cursor`, :mod:`.places`, :mod:`.qualifiers`, :mod:`.names`, :mod:`.units`,
  :mod:`.lists`) -- the scanner that reads body names from a token position;
- :mod:`.roles` -- the positions of subjects and partners in a task's clauses;
- :mod:`.canonical` -- canonical names and body types;
- :mod:`.mentions` -- found bodies as mentions with their level: :func:`find_responsible`.
"""
from __future__ import annotations

from functools import lru_cache

from .canonical import body_type_of, canonical_name
from .lexicon import BODY_TYPES, Lexicon, LexiconError, level_of_word, lex, province_units
from .mentions import BodyMention, find_responsible, states_duty
from .names import pos_words

__all__ = ["BODY_TYPES", "BodyMention", "LexiconError", "body_type_of", "canonical_name", "find_responsible",
           "states_duty"]

#: The POS tagger the scanner asks (looked up here on each call, so that tests can stub it).
_pos_words = pos_words


@lru_cache(maxsize=1)
def _tables() -> Lexicon:
    """Every table the package reads, loaded now (``run.process.warm`` calls the package's
    cached loaders before a pool of workers forks)."""
    level_of_word()
    province_units()
    return lex()
