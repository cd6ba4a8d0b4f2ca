"""Vietnamese text helpers that need no database."""

import unicodedata
from functools import lru_cache

# NFD splits every letter but đ/Đ into base + marks; đ has no decomposition.
_EXTRA = str.maketrans({"đ": "d", "Đ": "d"})


def fold(text: str) -> str:
    """Lower-case, diacritic-free, single-spaced: the search form of a name.

    >>> fold("  Nguyễn   Văn ĐẠT ")
    'nguyen van dat'
    """
    decomposed = unicodedata.normalize("NFD", text.translate(_EXTRA))
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return " ".join(stripped.lower().split())


def nfc(text: str) -> str:
    """Names are stored in NFC so that equal names compare equal."""
    return " ".join(unicodedata.normalize("NFC", text).split())


# For the batch paths (an import, its rows made ready for the register), where a
# province's names and places come back row after row: each is normalised once.
nfc_repeated = lru_cache(maxsize=65536)(nfc)
