"""Text typed before Unicode: the TCVN3 (ABC) and VNI-Windows encodings.

Both were 8-bit "font encodings": the file holds Windows-1252 characters and
the font (.VnTime, VNI-Times) draws them as Vietnamese letters. TCVN3 gives
each lower-case letter one byte; its capitals with a tone exist only in the
all-caps fonts (.VnTimeH), which reuse the lower-case bytes, so a cell whose
plain letters are all capitals is read as capitals. VNI writes a letter as
its base letter followed by one mark character ("Nguyeãn"), with a few
single-byte letters (ñ = đ, ô = ơ, ö = ư...).

``detect`` picks the encoding of a whole sheet, since one cell is often too
short to tell: a file already in Unicode has letters no legacy font can
produce; otherwise the reading that yields the most well-formed Vietnamese
words wins.
"""

import re
import unicodedata
from collections.abc import Iterable

UNICODE = "unicode"
TCVN3 = "tcvn3"
VNI = "vni"

# TCVN3 (TCVN 5712:1993, VN3): byte → lower-case letter.
_TCVN3_LOWER = {
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xA8: "ă", 0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    0xA9: "â", 0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    0xAE: "đ",
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    0xAA: "ê", 0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xAB: "ô", 0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xAC: "ơ", 0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xAD: "ư", 0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
}  # fmt: skip
# The capitals without a tone that the normal-case fonts carry.
_TCVN3_UPPER = {0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ"}

# VNI-Windows: the mark characters that follow a base letter.
_VNI_TONES = {"ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323"}
# Marks that also carry the vowel's hat (â/ê/ô) or breve (ă).
_VNI_HAT = {"â": "", "á": "\u0301", "à": "\u0300", "å": "\u0309", "ã": "\u0303", "ä": "\u0323"}
_VNI_BREVE = {"ê": "", "é": "\u0301", "è": "\u0300", "ú": "\u0309", "ü": "\u0303", "ë": "\u0323"}
# Letters that are one byte of their own in VNI.
_VNI_SINGLE = {
    "ñ": "đ", "ô": "ơ", "ö": "ư", "í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ",
}  # fmt: skip


def _cp1252_char(byte: int) -> str:
    return bytes([byte]).decode("cp1252")


def _build_tcvn3() -> tuple[dict[str, str], dict[str, str]]:
    lower = {_cp1252_char(b): ch for b, ch in _TCVN3_LOWER.items()}
    upper = {_cp1252_char(b): ch for b, ch in _TCVN3_UPPER.items()}
    return lower, upper


_T3_LOWER, _T3_UPPER = _build_tcvn3()
_T3_CHARS = set(_T3_LOWER) | set(_T3_UPPER)


def _build_vni() -> dict[str, str]:
    """Every VNI sequence → its Unicode letter, both cases; longest first."""
    table: dict[str, str] = {}
    hat_bases = {"a": "â", "e": "ê", "o": "ô"}
    for base in "aeiouy":
        for mark, tone in _VNI_TONES.items():
            table[base + mark] = unicodedata.normalize("NFC", base + tone)
    for base, hatted in hat_bases.items():
        for mark, tone in _VNI_HAT.items():
            table[base + mark] = unicodedata.normalize("NFC", hatted + tone)
    for mark, tone in _VNI_BREVE.items():
        table["a" + mark] = unicodedata.normalize("NFC", "ă" + tone)
    for mark, tone in _VNI_TONES.items():
        table["ô" + mark] = unicodedata.normalize("NFC", "ơ" + tone)
        table["ö" + mark] = unicodedata.normalize("NFC", "ư" + tone)
    table.update(_VNI_SINGLE)
    # VNI's capitals are the same sequences in capitals ("AÙ" = Á, "Ñ" = Đ).
    # "Ô" alone is Ơ; the ASCII base "O" + "Â" is Ô.
    for seq, letter in list(table.items()):
        table[seq.upper()] = letter.upper()
        if len(seq) == 2 and seq[0].isascii():
            table[seq[0].upper() + seq[1]] = letter.upper()
    return table


_VNI = _build_vni()
_VNI_PATTERN = re.compile("|".join(re.escape(k) for k in sorted(_VNI, key=len, reverse=True)))
_VNI_MARKS = set(_VNI_TONES) | set(_VNI_HAT) | set(_VNI_BREVE) | set(_VNI_SINGLE)
_VNI_MARKS |= {c.upper() for c in _VNI_MARKS}


def tcvn3_to_unicode(text: str) -> str:
    """TCVN3 text (as Windows-1252 characters) → Unicode NFC.

    A cell whose plain letters are all capitals was typed in the capitals font;
    one plain capital alone ("Hä") is a capitalised word in the normal font."""
    plain = [c for c in text if c.isascii() and c.isalpha()]
    capitals = len(plain) >= 2 and all(c.isupper() for c in plain)
    converted = []
    for ch in text:
        if ch in _T3_UPPER:
            converted.append(_T3_UPPER[ch])
        elif ch in _T3_LOWER:
            letter = _T3_LOWER[ch]
            converted.append(letter.upper() if capitals else letter)
        else:
            converted.append(ch)
    return unicodedata.normalize("NFC", "".join(converted))


def vni_to_unicode(text: str) -> str:
    """VNI-Windows text (as Windows-1252 characters) → Unicode NFC."""
    return unicodedata.normalize("NFC", _VNI_PATTERN.sub(lambda m: _VNI[m.group(0)], text))


_CONVERTERS = {TCVN3: tcvn3_to_unicode, VNI: vni_to_unicode}

# Letters only Unicode has: a legacy font file cannot contain them.
_UNICODE_ONLY = re.compile(
    "[\u0102\u0103\u0110\u0111\u01a0\u01a1\u01af\u01b0\u0300-\u0323\u1ea0-\u1ef9]"
)
_VIETNAMESE_LETTER = re.compile(
    "^[a-zA-Z"
    + "".join(sorted(set(_T3_LOWER.values()) | {c.upper() for c in _T3_LOWER.values()}))
    + "ĂÂÊÔƠƯĐ]+$"
)
_TONES = set("\u0300\u0301\u0303\u0309\u0323")


def _is_good_word(word: str) -> bool:
    if not _VIETNAMESE_LETTER.match(word):
        return False
    tones = sum(1 for c in unicodedata.normalize("NFD", word) if c in _TONES)
    return tones <= 1


def _score(texts: list[str]) -> int:
    good = 0
    for text in texts:
        for word in re.findall(r"[^\s\d.,;:/()\-\"'_]+", text):
            if any(not c.isascii() for c in word):
                good += 1 if _is_good_word(word) else -1
    return good


def detect(texts: Iterable[str]) -> str:
    """The encoding of a sheet's text cells: ``unicode``, ``tcvn3`` or ``vni``."""
    sample = [t for t in texts if t and not t.isascii()]
    if not sample:
        return UNICODE
    if any(_UNICODE_ONLY.search(unicodedata.normalize("NFC", t)) for t in sample):
        return UNICODE
    scores = {UNICODE: _score(sample)}
    for name, convert in _CONVERTERS.items():
        scores[name] = _score([convert(t) for t in sample])
    best = max(scores.values())
    # Ties go to Unicode: never "convert" a file that reads well as it is.
    for name in (UNICODE, TCVN3, VNI):
        if scores[name] == best:
            return name
    return UNICODE  # pragma: no cover


def to_unicode(text: str, encoding: str) -> str:
    """``text`` read in ``encoding`` as Unicode NFC."""
    if encoding in _CONVERTERS:
        return _CONVERTERS[encoding](text)
    return unicodedata.normalize("NFC", text)
