"""Numbers stay tied to data: paragraphs are kept as text with placeholders.

A paragraph of the review is a template such as "hoàn thành
{call_up.fulfilment_pct}% chỉ tiêu ({call_up.fulfilment_pct.numerator}/…)";
``fill`` writes the values in when the document is rendered, so an officer who
rewrites the sentence cannot change a figure. ``{key:02}`` writes a count with
two digits ("02 phường"), as Vietnamese reports do for small counts.
"""

import re
from collections.abc import Iterable, Mapping

Value = int | float | str | None

PLACEHOLDER = re.compile(r"\{([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)*)(?::(02))?\}")
MISSING = "(chưa có số liệu)"


def number_text(value: Value, *, pad: bool = False) -> str:
    """ "100" for 100.0, "97,5" with the decimal comma, "02" when padded.

    >>> number_text(97.5), number_text(100.0), number_text(2, pad=True)
    ('97,5', '100', '02')
    """
    if value is None:
        return MISSING
    if isinstance(value, str):
        return value
    if isinstance(value, float) and not value.is_integer():
        return f"{value:.1f}".replace(".", ",")
    number = int(value)
    return f"{number:02d}" if pad else str(number)


def placeholders_in(template: str) -> list[str]:
    """The keys a template names, in order, each once."""
    return list(dict.fromkeys(match.group(1) for match in PLACEHOLDER.finditer(template)))


def unknown_placeholders(template: str, known: Iterable[str]) -> list[str]:
    names = set(known)
    # A brace that is not a well-formed placeholder is refused too, so a typo
    # ("{call_up.quota") is not printed as it is.
    stray = PLACEHOLDER.sub("", template)
    unknown = [key for key in placeholders_in(template) if key not in names]
    if "{" in stray or "}" in stray:
        unknown.append(stray[stray.find("{") if "{" in stray else stray.find("}") :][:30])
    return unknown


def fill(template: str, values: Mapping[str, Value]) -> str:
    """The template with every placeholder replaced by its value."""

    def replace(match: re.Match[str]) -> str:
        key, pad = match.group(1), match.group(2)
        if key not in values:
            return match.group(0)
        return number_text(values[key], pad=bool(pad))

    return PLACEHOLDER.sub(replace, template)
