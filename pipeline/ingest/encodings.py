"""Turn the raw bytes of a text file into text, detecting the Vietnamese encodings in use.

``decode_bytes`` tries, in order:

1. a byte-order mark: UTF-8 (``"utf-8-sig"``, the BOM is dropped) or UTF-16 LE/BE (``"utf-16"``);
2. strict UTF-8 (``"utf-8"``); also UTF-16 without a BOM when the NUL pattern shows it, and
   UTF-8 with a few stray invalid bytes or NULs (each replaced by U+FFFD, counted in
   ``Decoded.replaced``) when the rest is clearly UTF-8;
3. otherwise Windows-1258 (``"cp1258"``), TCVN3/ABC (``"tcvn3"``) and VNI-Windows (``"vni"``).
   Every byte string decodes in all three, so each candidate decoding of a sample is *scored*
   by how Vietnamese it looks (share of words that are valid Vietnamese syllables, stray symbols
   and letters foreign to Vietnamese counting against it, frequent words as a tie-breaker), and
   the best one is used. Their output is NFC (Windows-1258 carries tone marks as combining
   characters; VNI as modifier bytes after the base letter).

Unicode inputs (UTF-8/UTF-16) are returned as they are (not normalised): the cleaning stage
normalises, and offsets refer to the decoded text.

TCVN3 (the VN3 subset of TCVN 5712:1993) has single-byte codes for every lowercase letter
but for only seven capitals (Ă Â Ê Ô Ơ Ư Đ). Other accented capitals were produced by
switching to an uppercase font (.VnTimeH) over the *lowercase* codes, so they cannot be told
apart from lowercase in the bytes. The decoder restores capitals in words that are visibly
all-caps (two or more unambiguous capitals and no ASCII lowercase letter, e.g. ``CéNG HßA``
-> ``CỘNG HÒA``, and a short word such as ``X·`` next to one); elsewhere such a letter
decodes as lowercase (``Ñy ban`` typed in .VnTimeH would give ``ủy ban``).

Errors (``PipelineError("decode", ...)``): empty input (nothing but whitespace or a BOM),
binary data (a known binary signature, NUL bytes outside UTF-16, many control characters)
and bytes that no candidate decodes plausibly.

``encode_legacy`` / ``decode_legacy`` are the table-level converters for ``"tcvn3"`` and
``"vni"``; ``encode_cp1258`` writes Windows-1258 (base letters precomposed, tone marks
combining) — they are used by tests and by the corpus builder to make fixtures.
"""
from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache

import regex

from ..errors import PipelineError
from ..text.lexicon import LexiconError, load_table, load_words
from ..text.normalise import BASE_VOWELS, TONE_MARKS, strip_tones

ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "cp1258", "tcvn3", "vni")
LEGACY_ENCODINGS = ("tcvn3", "vni")
# Order of preference when two candidate decodings score the same.
_CANDIDATES = ("cp1258", "tcvn3", "vni")


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    #: bytes that could not be decoded (stray bytes in UTF-8, stray NULs), each replaced by U+FFFD
    replaced: int = 0


# --- the Vietnamese alphabet ---------------------------------------------------------------



def _all_letters() -> tuple[str, ...]:
    """Every Vietnamese letter outside ASCII (each vowel with each tone, đ), NFC, both cases."""
    out = []
    for case in (str.lower, str.upper):
        for base in BASE_VOWELS:
            for tone in ("",) + tuple(TONE_MARKS):
                ch = unicodedata.normalize("NFC", base + tone)
                if not ch.isascii():
                    out.append(case(ch))
        out.append(case("đ"))
    return tuple(out)


VIETNAMESE_LETTERS = _all_letters()  # 134 letters: 67 lowercase, 67 capitals
_LOWER_LETTERS = VIETNAMESE_LETTERS[:67]
_TCVN3_CAPITALS = "ĂÂÊÔƠƯĐ"


# --- the conversion tables -----------------------------------------------------------------


@dataclass(frozen=True)
class _Table:
    name: str
    encode: dict[str, bytes]  # letter -> its byte(s)
    decode_map: dict[int, str]  # latin-1 code point -> replacement, for str.translate
    reverse_marks: tuple[tuple[str, str], ...]  # (combining marks, latin-1 char), longest first
    letter_bytes: frozenset[int]  # bytes that belong to letters (not free for punctuation)


def _cp1252_fill(mapping: dict[int, str], used: set[int]) -> None:
    """Bytes 0x80-0x9F that the table does not use decode as Windows-1252 punctuation."""
    for b in range(0x80, 0xA0):
        if b in used:
            continue
        try:
            mapping[b] = bytes([b]).decode("cp1252")
        except UnicodeDecodeError:
            mapping[b] = "\ufffd"


def _read_rows(name: str) -> list[tuple[str, bytes]]:
    rows = []
    for row in load_table(name, ("char", "code")):
        ch, code = row["char"], row["code"]
        try:
            raw = bytes.fromhex(code)
        except ValueError as exc:
            raise LexiconError(f"{name}: bad hex code {code!r} for {ch!r}") from exc
        if len(ch) != 1:
            raise LexiconError(f"{name}: {ch!r} is not one character")
        rows.append((ch, raw))
    return rows


def _check_unique(name: str, rows: list[tuple[str, bytes]], required: tuple[str, ...]) -> None:
    chars = Counter(ch for ch, _ in rows)
    codes = Counter(raw for _, raw in rows)
    dup_chars = [c for c, n in chars.items() if n > 1]
    dup_codes = [c.hex() for c, n in codes.items() if n > 1]
    if dup_chars or dup_codes:
        raise LexiconError(f"{name}: duplicate letters {dup_chars} or codes {dup_codes}")
    missing = [c for c in required if c not in chars]
    if missing:
        raise LexiconError(f"{name}: letters missing: {''.join(missing)}")
    extra = [c for c in chars if c not in VIETNAMESE_LETTERS]
    if extra:
        raise LexiconError(f"{name}: not Vietnamese letters: {extra}")


@cache
def _tcvn3() -> _Table:
    name = "tcvn3.tsv"
    rows = _read_rows(name)
    _check_unique(name, rows, _LOWER_LETTERS + tuple(_TCVN3_CAPITALS))
    bad = [(c, r.hex()) for c, r in rows if len(r) != 1 or r[0] < 0xA0]
    if bad:
        raise LexiconError(f"{name}: TCVN3 codes are single bytes A1-FE: {bad}")
    decode_map = {raw[0]: ch for ch, raw in rows}
    _cp1252_fill(decode_map, set(decode_map))
    encode = {ch: raw for ch, raw in rows}
    # Capitals without a code of their own: the lowercase code (uppercase-font convention).
    for ch in VIETNAMESE_LETTERS:
        if ch not in encode and ch.lower() in encode:
            encode[ch] = encode[ch.lower()]
    return _Table(name, encode, decode_map, (), frozenset(decode_map) - set(range(0x80, 0xA0)))


@cache
def _vni() -> _Table:
    """VNI: single bytes for some letters, base letter + modifier byte for the rest.

    Decoding maps each modifier byte to the combining marks it stands for and lets NFC compose
    them with the preceding letter: this is the longest match over two-byte sequences, done by
    ``str.translate`` + NFC in C. The table is validated so that this is exact: every modifier
    byte must mean the same marks after every base letter, and no byte is both a letter and
    a modifier.
    """
    name = "vni.tsv"
    rows = _read_rows(name)
    _check_unique(name, rows, VIETNAMESE_LETTERS)
    singles: dict[int, str] = {}
    modifiers: dict[int, str] = {}
    for ch, raw in rows:
        if len(raw) == 1:
            singles[raw[0]] = ch
        elif len(raw) == 2:
            base = raw[:1].decode("latin-1")
            base_ch = singles.get(raw[0], base)
            if not base.isascii() and raw[0] not in singles:
                raise LexiconError(f"{name}: {ch!r}: base byte {raw[:1].hex()} is not a letter")
            full, head = unicodedata.normalize("NFD", ch), unicodedata.normalize("NFD", base_ch)
            if not full.startswith(head) or full == head:
                raise LexiconError(f"{name}: {ch!r} is not {base_ch!r} plus marks")
            marks = full[len(head):]
            if modifiers.setdefault(raw[1], marks) != marks:
                raise LexiconError(f"{name}: modifier byte {raw[1]:02x} means two different marks")
        else:
            raise LexiconError(f"{name}: {ch!r}: codes are one or two bytes")
    clash = set(singles) & set(modifiers)
    if clash:
        raise LexiconError(f"{name}: bytes both a letter and a modifier: {sorted(clash)}")
    # what decode_legacy does (base letter, the modifier's marks, NFC) must give the letter back
    for ch, raw in rows:
        if len(raw) == 2:
            base_ch = singles.get(raw[0], raw[:1].decode("latin-1"))
            if unicodedata.normalize("NFC", base_ch + modifiers[raw[1]]) != ch:
                raise LexiconError(f"{name}: {ch!r} does not compose from its code")
    decode_map: dict[int, str] = dict(singles)
    decode_map.update(modifiers)
    _cp1252_fill(decode_map, set(decode_map))
    reverse: dict[str, str] = {}
    for b, marks in sorted(modifiers.items(), reverse=True):  # lowercase byte wins
        reverse[marks] = chr(b)
    reverse_marks = tuple(sorted(reverse.items(), key=lambda kv: -len(kv[0])))
    encode = {ch: raw for ch, raw in rows}
    return _Table(name, encode, decode_map, reverse_marks, frozenset(singles) | frozenset(modifiers))


def _table(encoding: str) -> _Table:
    if encoding == "tcvn3":
        return _tcvn3()
    if encoding == "vni":
        return _vni()
    raise ValueError(f"not a legacy encoding: {encoding!r} (expected one of {LEGACY_ENCODINGS})")


# --- legacy decoding -----------------------------------------------------------------------

# A run of combining marks that NFC left unattached (a VNI modifier after a consonant).
# The source is latin-1, so after NFC every mark left is one that composed with nothing.
_ORPHAN_MARKS = regex.compile(r"\p{M}+")
# A word for the TCVN3 capital heuristic: ASCII capitals, TCVN3 capitals and the letters that
# only have a lowercase code; no ASCII lowercase letter.
_TCVN3_CAPS_WORD = regex.compile(
    r"(?<![\p{L}\p{M}])[A-Z" + _TCVN3_CAPITALS + "".join(_LOWER_LETTERS) + r"]+(?![\p{L}\p{M}])"
)
_UNAMBIGUOUS_UPPER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ" + _TCVN3_CAPITALS)
_GAP_SAME_LINE = regex.compile(r"[^\p{L}\p{M}\p{N}\n\r]*")


def _unorphan(text: str, table: _Table) -> str:
    """Give back the latin-1 characters for modifier bytes that attached to nothing."""
    if not table.reverse_marks:
        return text

    def back(m: regex.Match) -> str:
        s, out = m.group(), []
        while s:
            for marks, char in table.reverse_marks:
                if s.startswith(marks):
                    out.append(char)
                    s = s[len(marks):]
                    break
            else:
                out.append(s[0])
                s = s[1:]
        return "".join(out)

    return _ORPHAN_MARKS.sub(back, text)


def _line_edge(text: str, pos: int, direction: int) -> bool:
    """No letter or digit between ``pos`` and the line's start (-1) or end (+1)."""
    if direction < 0:
        start = text.rfind("\n", 0, pos) + 1
        return _GAP_SAME_LINE.fullmatch(text, start, pos) is not None
    end = text.find("\n", pos)
    return _GAP_SAME_LINE.fullmatch(text, pos, len(text) if end < 0 else end) is not None


def _restore_tcvn3_capitals(text: str) -> str:
    """Uppercase the lowercase-coded letters of visibly all-caps words (see module doc).

    A word is restored when it has two or more unambiguous capitals (ASCII or Ă Â Ê Ô Ơ Ư Đ)
    and no ASCII lowercase letter; a word with one such capital when a restored word stands
    next to it on the same line; a word with none (``ë``) only between two such neighbours
    (or one, at the start or end of a line).
    Pure ASCII acronyms (``UBND``) do not count as neighbours.
    """
    words = list(_TCVN3_CAPS_WORD.finditer(text))
    if not words:
        return text
    upper = [sum(c in _UNAMBIGUOUS_UPPER for c in m.group()) for m in words]
    restorable = [not m.group().isupper() for m in words]
    anchor = [u >= 2 and (r or not m.group().isascii()) for u, r, m in zip(upper, restorable, words, strict=True)]

    def anchored(i: int, j: int) -> bool:
        if not 0 <= j < len(words) or not anchor[j]:
            return False
        a, b = (words[i], words[j]) if i < j else (words[j], words[i])
        return _GAP_SAME_LINE.fullmatch(text, a.end(), b.start()) is not None

    out, last = [], 0
    for i, m in enumerate(words):
        if not restorable[i]:
            continue
        if upper[i] >= 2:
            up = True
        elif upper[i] == 1:
            up = anchored(i, i - 1) or anchored(i, i + 1)
        else:
            before, after = anchored(i, i - 1), anchored(i, i + 1)
            up = (before or after) and (before or _line_edge(text, m.start(), -1)) and (
                after or _line_edge(text, m.end(), 1)
            )
        if up:
            out.append(text[last:m.start()])
            out.append(m.group().upper())
            last = m.end()
    if not out:
        return text
    out.append(text[last:])
    return "".join(out)


def decode_legacy(data: bytes, encoding: str) -> str:
    """Decode TCVN3 or VNI bytes with the tables; NFC. Bytes that are not letters stay latin-1
    (0x80-0x9F as Windows-1252 punctuation)."""
    table = _table(encoding)
    text = data.decode("latin-1").translate(table.decode_map)
    if encoding == "vni":
        text = _unorphan(unicodedata.normalize("NFC", text), table)
        return text
    return _restore_tcvn3_capitals(text)


def encode_legacy(text: str, encoding: str) -> bytes:
    """Encode ``text`` in TCVN3 or VNI (the inverse of :func:`decode_legacy`).

    The text is NFC-normalised first. ASCII passes through; Vietnamese letters use the table
    (in TCVN3, accented capitals without a code of their own use the lowercase code, as an
    uppercase font would); other characters are written in Windows-1252 when their byte is not
    taken by a letter of the encoding. Anything else raises ``ValueError``.
    """
    table = _table(encoding)
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        if ch < "\x80":
            out.append(ord(ch))
            continue
        code = table.encode.get(ch)
        if code is None:
            try:
                code = ch.encode("cp1252")
            except UnicodeEncodeError:
                code = None
            if code is None or code[0] in table.letter_bytes:
                raise ValueError(f"{ch!r} (U+{ord(ch):04X}) cannot be written in {encoding}")
        out += code
    return bytes(out)


_MARKED_LETTER = regex.compile(r"(\p{L})(\p{M}+)")


def _cp1258_letter(m: regex.Match) -> str:
    base, marks = m.group(1), m.group(2)
    keep = "".join(c for c in marks if c not in TONE_MARKS)
    tone = "".join(c for c in marks if c in TONE_MARKS)
    return unicodedata.normalize("NFC", base + keep) + tone


def encode_cp1258(text: str) -> bytes:
    """Encode in Windows-1258 as Vietnamese Windows software did: base letters precomposed
    (â ă ê ô ơ ư đ), tone marks as combining characters after them. Characters that
    Windows-1258 lacks raise ``UnicodeEncodeError``."""
    nfd = unicodedata.normalize("NFD", text)
    return _MARKED_LETTER.sub(_cp1258_letter, nfd).encode("cp1258")


# --- scoring how Vietnamese a text looks ---------------------------------------------------


@cache
def _syllables() -> frozenset[str]:
    onsets, rhymes = [""], []
    for row in load_table("vi_syllables.tsv", ("kind", "value")):
        values = row["value"].split()
        if row["kind"] == "onset":
            onsets.extend(values)
        elif row["kind"] == "rhyme":
            rhymes.extend(values)
        else:
            raise LexiconError(f"vi_syllables.tsv: unknown kind {row['kind']!r}")
    return frozenset(o + r for o in onsets for r in rhymes)


@cache
def _common_words() -> frozenset[str]:
    return frozenset(load_words("vi_common_words.txt"))


@lru_cache(maxsize=65536)
def is_vietnamese_syllable(word: str) -> bool:
    """True when ``word`` (NFC, any case) spells a Vietnamese syllable with at most one tone."""
    low = word.lower()
    bare = strip_tones(low)
    if sum(a != b for a, b in zip(low, bare, strict=True)) > 1:
        return False
    return bare in _syllables()


# Non-ASCII characters that are ordinary in Vietnamese text besides letters.
_OK_SYMBOLS = frozenset("\u00a0\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u2022\u00ab\u00bb\u00b0\u2032\u2033\u00a9\u00ae\u20ac\u2122\ufeff")
_TOKEN = regex.compile(r"[\p{L}\p{M}]+")
_NON_ASCII_NON_LETTER = regex.compile(r"[^\x00-\x7f\p{L}]")


@dataclass(frozen=True)
class Score:
    value: float  # in [-1, 1.1]: 1 when every non-ASCII word is Vietnamese and nothing is odd
    words: int  # all words
    foreign: int  # non-ASCII words that are not Vietnamese syllables
    odd: int  # symbols foreign to Vietnamese text (U+FFFD, stray marks, ¸ § ...)

    @property
    def plausible(self) -> bool:
        bad = self.foreign + self.odd
        return self.value >= 0.3 or (bad <= 0.03 * self.words and self.words >= 3 * bad)


def vietnamese_score(text: str) -> Score:
    """How Vietnamese ``text`` looks: (valid - invalid non-ASCII words - odd symbols) / all of them,
    plus up to 0.1 for the share of frequent Vietnamese words among the non-ASCII ones."""
    tokens = Counter(_TOKEN.findall(text))
    n_words = sum(tokens.values())
    valid = foreign = common = 0
    commons = _common_words()
    for tok, n in tokens.items():
        if tok.isascii():
            continue
        if is_vietnamese_syllable(tok):
            valid += n
            if tok.lower() in commons:
                common += n
        else:
            foreign += n
    odd = sum(1 for c in _NON_ASCII_NON_LETTER.findall(text) if c not in _OK_SYMBOLS)
    total = valid + foreign + odd
    if total == 0:
        return Score(1.0, n_words, 0, 0)
    value = (valid - foreign - odd) / total + 0.1 * (common / max(1, valid + foreign))
    return Score(value, n_words, foreign, odd)


# --- byte-level checks ---------------------------------------------------------------------

_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"PK\x03\x04", "a ZIP archive (e.g. .docx, .xlsx)"),
    (b"%PDF-", "a PDF document"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an OLE2 file (e.g. .doc, .xls)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7z archive"),
    (b"{\\rtf", "an RTF document"),
)
_CONTROL = regex.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_SAMPLE = 1 << 16
_MULTIBYTE = regex.compile(r"[^\x00-\x7f\ufffd]")


def _fail(message: str) -> PipelineError:
    return PipelineError("decode", message)


def _check_text(text: str, encoding: str) -> None:
    if not text.strip():
        raise _fail("empty input: no text (only whitespace or a byte-order mark)")
    if "\x00" in text:
        raise _fail(f"binary data: NUL characters in {encoding} text")
    n_ctrl = len(_CONTROL.findall(text))
    if n_ctrl > max(2, 0.02 * len(text)):
        raise _fail(f"binary data: {n_ctrl} control characters in {len(text)} ({encoding})")


def _utf16_without_bom(data: bytes) -> str | None:
    """The UTF-16 byte order when NULs sit on one side of each pair (mostly ASCII/Latin text)."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    n = len(data) // 2
    ev, od = even.count(0), odd.count(0)
    if od >= 0.3 * n and ev <= 0.01 * n:
        return "utf-16-le"
    if ev >= 0.3 * n and od <= 0.01 * n:
        return "utf-16-be"
    return None


def _lossy_utf8(data: bytes) -> str | None:
    """UTF-8 with a few stray bytes: accepted when valid multibyte characters vastly outnumber
    the bad bytes (a legacy file practically never forms valid UTF-8 sequences)."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    good = len(_MULTIBYTE.findall(text)) if bad else 0
    if bad and bad <= max(_STRAY, 0.01 * len(text)) and good >= 10 * bad:
        return text
    return None


#: Stray bytes (or NULs) a text may have and still be decoded, at least; else 1% of it.
_STRAY = 3


def _stray_nuls(data: bytes) -> bytes | None:
    """``data`` with its NUL bytes made U+FFFD (in UTF-8), when they are a few strays in text."""
    n = data.count(0)
    if n > max(1, 0.001 * len(data)):  # one per KB: a NUL is rarer than a stray byte
        return None
    return data.replace(b"\x00", "\ufffd".encode())


def _decode_candidate(data: bytes, encoding: str) -> str:
    if encoding == "cp1258":
        return unicodedata.normalize("NFC", data.decode("cp1258", errors="replace"))
    return decode_legacy(data, encoding)


def _sample(data: bytes) -> bytes:
    """Up to 64 KiB of the lines that have non-ASCII bytes: they are what tells encodings apart."""
    if len(data) <= _SAMPLE:
        return data
    parts, size = [], 0
    for line in data.split(b"\n"):
        if not line.isascii():
            parts.append(line[:_SAMPLE])
            size += len(parts[-1]) + 1
            if size >= _SAMPLE:
                break
    return b"\n".join(parts)


def guess_legacy(data: bytes) -> tuple[str, Score]:
    """The best of Windows-1258, TCVN3 and VNI for ``data`` (scored on a sample) and its score."""
    sample = _sample(data)
    best: tuple[str, Score] | None = None
    for enc in _CANDIDATES:
        score = vietnamese_score(_decode_candidate(sample, enc))
        if best is None or score.value > best[1].value + 1e-9:
            best = (enc, score)
    assert best is not None
    return best


def decode_bytes(data: bytes) -> Decoded:
    """Decode a text file's bytes (see the module doc for the order and the errors raised)."""
    if not data:
        raise _fail("empty input: the file has no bytes")
    for magic, what in _SIGNATURES:
        if data.startswith(magic):
            raise _fail(f"binary data: the file looks like {what}, not text")
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            text = data[3:].decode("utf-8")
        except UnicodeDecodeError as exc:
            raise _fail(f"UTF-8 byte-order mark but invalid UTF-8 at byte {exc.start + 3}") from exc
        _check_text(text, "utf-8-sig")
        return Decoded(text, "utf-8-sig")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        codec = "utf-16-le" if data.startswith(b"\xff\xfe") else "utf-16-be"
        try:
            text = data[2:].decode(codec)
        except UnicodeDecodeError as exc:
            raise _fail(f"UTF-16 byte-order mark but invalid {codec} data: {exc.reason}") from exc
        _check_text(text, "utf-16")
        return Decoded(text, "utf-16")
    if b"\x00" in data:
        codec = _utf16_without_bom(data)
        if codec:
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                text = ""
            if text:
                _check_text(text, "utf-16")
                return Decoded(text, "utf-16")
        stripped = _stray_nuls(data)
        if stripped is None:
            raise _fail("binary data: the file contains NUL bytes and is not UTF-16")
        decoded = decode_bytes(stripped)  # stray NULs in text: kept as U+FFFD
        return Decoded(decoded.text, decoded.encoding, decoded.replaced + data.count(0))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        _check_text(text, "utf-8")
        return Decoded(text, "utf-8")
    lossy = _lossy_utf8(data)
    if lossy is not None:
        _check_text(lossy, "utf-8")
        return Decoded(lossy, "utf-8", lossy.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd"))
    if not data.strip():
        raise _fail("empty input: no text (only whitespace)")
    encoding, score = guess_legacy(data)
    text = _decode_candidate(data, encoding)
    _check_text(text, encoding)
    if not score.plausible:
        raise _fail(
            "not text in a known encoding: neither UTF-8, Windows-1258, TCVN3 nor VNI gives "
            f"Vietnamese text (best: {encoding}, {score.foreign} foreign words and {score.odd} "
            f"odd symbols in {score.words} words)"
        )
    return Decoded(text, encoding)
