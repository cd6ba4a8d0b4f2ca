"""TCVN3 and VNI: every vowel with every tone, đ/Đ, capitals, and detection."""

import unicodedata

import pytest

from qsdp.imports import legacy

VOWELS = "aăâeêioôơuưy"
TONES = ["", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"]  # huyền hỏi ngã sắc nặng
LETTERS = [unicodedata.normalize("NFC", v + t) for v in VOWELS for t in TONES]

# TCVN3 bytes of LETTERS in order (TCVN 5712:1993 table), then đ.
TCVN3_BYTES = bytes.fromhex(
    "61b5b6b7b8b9"  # a
    "a8bbbcbdbec6"  # ă
    "a9c7c8c9cacb"  # â
    "65cccecfd0d1"  # e
    "aad2d3d4d5d6"  # ê
    "69d7d8dcddde"  # i
    "6fdfe1e2e3e4"  # o
    "abe5e6e7e8e9"  # ô
    "aceaebecedee"  # ơ
    "75eff1f2f3f4"  # u
    "adf5f6f7f8f9"  # ư
    "79fafbfcfdfe"  # y
)
# VNI-Windows spelling of LETTERS in order.
VNI = [
    "a",
    "aø",
    "aû",
    "aõ",
    "aù",
    "aï",
    "aê",
    "aè",
    "aú",
    "aü",
    "aé",
    "aë",
    "aâ",
    "aà",
    "aå",
    "aã",
    "aá",
    "aä",
    "e",
    "eø",
    "eû",
    "eõ",
    "eù",
    "eï",
    "eâ",
    "eà",
    "eå",
    "eã",
    "eá",
    "eä",
    "i",
    "ì",
    "æ",
    "ó",
    "í",
    "ò",
    "o",
    "oø",
    "oû",
    "oõ",
    "où",
    "oï",
    "oâ",
    "oà",
    "oå",
    "oã",
    "oá",
    "oä",
    "ô",
    "ôø",
    "ôû",
    "ôõ",
    "ôù",
    "ôï",
    "u",
    "uø",
    "uû",
    "uõ",
    "uù",
    "uï",
    "ö",
    "öø",
    "öû",
    "öõ",
    "öù",
    "öï",
    "y",
    "yø",
    "yû",
    "yõ",
    "yù",
    "î",
]


@pytest.mark.parametrize(("index", "letter"), list(enumerate(LETTERS)))
def test_tcvn3_every_vowel_and_tone(index, letter):
    typed = bytes([TCVN3_BYTES[index]]).decode("cp1252")

    assert legacy.tcvn3_to_unicode(typed) == letter
    # In the capitals font (.VnTimeH) the same byte is the capital letter.
    capital = typed.upper() if typed.isascii() else typed
    assert legacy.tcvn3_to_unicode("B" + capital + "NG") == ("B" + letter + "NG").upper()


@pytest.mark.parametrize(("index", "letter"), list(enumerate(LETTERS)))
def test_vni_every_vowel_and_tone(index, letter):
    assert legacy.vni_to_unicode(VNI[index]) == letter
    assert legacy.vni_to_unicode(VNI[index].upper()) == letter.upper()


def test_d_with_stroke_and_tcvn3_capitals():
    assert legacy.tcvn3_to_unicode("\xae\xa7") == "đĐ"
    assert legacy.tcvn3_to_unicode("\xa1\xa2\xa3\xa4\xa5\xa6") == "ĂÂÊÔƠƯ"
    assert legacy.vni_to_unicode("ñÑ") == "đĐ"


def test_whole_phrases():
    assert legacy.tcvn3_to_unicode("Céng hoµ x· héi chñ nghÜa ViÖt Nam") == (
        "Cộng hoà xã hội chủ nghĩa Việt Nam"
    )
    assert legacy.tcvn3_to_unicode("§éc lËp - Tù do - H¹nh phóc") == "Độc lập - Tự do - Hạnh phúc"
    assert legacy.vni_to_unicode("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam") == (
        "Cộng hòa xã hội chủ nghĩa Việt Nam"
    )
    assert (
        legacy.vni_to_unicode("Ñoäc laäp - Töï do - Haïnh phuùc") == "Độc lập - Tự do - Hạnh phúc"
    )


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (["Hä vµ tªn", "NguyÔn V¨n §¹t", "TrÇn ThÞ Hång"], legacy.TCVN3),
        (["Hoï vaø teân", "Nguyeãn Vaên Ñaït", "Traàn Thò Hoàng"], legacy.VNI),
        (["Họ và tên", "Nguyễn Văn Đạt"], legacy.UNICODE),
        ([unicodedata.normalize("NFD", "Nguyễn Văn Đạt")], legacy.UNICODE),
        (["Pác Nặm", "Café"], legacy.UNICODE),
        (["STT", "1990"], legacy.UNICODE),
    ],
)
def test_detect(texts, expected):
    assert legacy.detect(texts) == expected


def test_nfd_becomes_nfc():
    assert legacy.to_unicode(unicodedata.normalize("NFD", "Nguyễn"), legacy.UNICODE) == "Nguyễn"
