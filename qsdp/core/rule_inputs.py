"""What a rule evaluator receives: the raw input of a case, read field by field,
and a context with the working calendar and the rule settings.

The ``evaluate_rules`` command and every app's ``rules.EVALUATORS`` share these
helpers, so that a missing or malformed field is reported the same way in every
rule area: ``RuleInputError`` with the code, the field and a Vietnamese message
that names the field and says why.
"""

import importlib
import importlib.util
import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import Any, TypeVar

from django.apps import apps as django_apps
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext as _

from qsdp.core.calendar import WorkCalendar
from qsdp.core.errors import DomainError
from qsdp.core.settings_registry import default_setting


class RuleInputErrorCode(Enum):
    MALFORMED_CASE = "malformed_case"
    UNKNOWN_RULE_AREA = "unknown_rule_area"
    MISSING_FIELD = "missing_field"
    MALFORMED_FIELD = "malformed_field"
    OUT_OF_RANGE = "out_of_range"


class RuleInputError(DomainError):
    """A case the rules cannot answer because of its input, not because of the law."""

    def __init__(self, code: RuleInputErrorCode, message: str, *, field: str | None = None):
        super().__init__(code, message, field=field)


@dataclass(frozen=True)
class RuleContext:
    """The world a rule looks at besides its input: the calendar, the settings, today."""

    calendar: WorkCalendar = field(default_factory=WorkCalendar)
    today: date = field(default_factory=date.today)
    settings: Callable[[str, date], Any] = default_setting

    def setting(self, key: str, *, on: date | None = None) -> Any:
        """The value of ``key`` in force on ``on`` (today when not given)."""
        return self.settings(key, on or self.today)


Evaluator = Callable[[Mapping[str, Any], RuleContext], dict[str, Any]]
E = TypeVar("E", bound=str)

_MISSING: Any = object()
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def missing_field(name: str) -> RuleInputError:
    return RuleInputError(
        RuleInputErrorCode.MISSING_FIELD,
        _("The field “%(field)s” is required for this rule but is missing.") % {"field": name},
        field=name,
    )


def malformed_field(name: str, why: str) -> RuleInputError:
    return RuleInputError(
        RuleInputErrorCode.MALFORMED_FIELD,
        _("The field “%(field)s” is not valid: %(why)s.") % {"field": name, "why": why},
        field=name,
    )


def _value(data: Mapping[str, Any], name: str, default: Any) -> Any:
    """The value of ``name``; JSON null counts as absent."""
    value = data.get(name)
    if value is None:
        if default is _MISSING:
            raise missing_field(name)
        return default
    return value


def date_field(data: Mapping[str, Any], name: str, default: Any = _MISSING) -> Any:
    """An ISO ``YYYY-MM-DD`` date; ``default`` when absent (required when no default)."""
    value = _value(data, name, default)
    if value is default:
        return value
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        raise malformed_field(name, _("a date is written as YYYY-MM-DD, e.g. 2006-09-30"))
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise malformed_field(
            name, _("%(value)s is not a date in the calendar") % {"value": value}
        ) from None


def enum_field(
    data: Mapping[str, Any], name: str, choices: Sequence[E], default: Any = _MISSING
) -> E:
    """One of ``choices`` (exact spelling)."""
    value = _value(data, name, default)
    if value is default:
        return value  # type: ignore[no-any-return]
    if value not in choices:
        raise malformed_field(
            name,
            _("the value must be one of: %(choices)s") % {"choices": ", ".join(choices)},
        )
    return value  # type: ignore[no-any-return]


def bool_field(data: Mapping[str, Any], name: str, default: Any = _MISSING) -> Any:
    """A JSON ``true`` or ``false``."""
    value = _value(data, name, default)
    if value is default:
        return value
    if not isinstance(value, bool):
        raise malformed_field(name, _("the value must be true or false"))
    return value


def _in_range(name: str, value: Any, minimum: float | None, maximum: float | None) -> None:
    if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
        low = "−∞" if minimum is None else f"{minimum:g}"
        high = "+∞" if maximum is None else f"{maximum:g}"
        raise malformed_field(
            name, _("the value must be from %(min)s to %(max)s") % {"min": low, "max": high}
        )


def int_field(
    data: Mapping[str, Any],
    name: str,
    *,
    minimum: int | None = None,
    maximum: int | None = None,
    default: Any = _MISSING,
) -> Any:
    """A whole number (``30`` or ``30.0``) within ``minimum``..``maximum``."""
    value = _value(data, name, default)
    if value is default:
        return value
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise malformed_field(name, _("the value must be a whole number"))
    _in_range(name, value, minimum, maximum)
    return value


def number_field(
    data: Mapping[str, Any],
    name: str,
    *,
    minimum: float | None = None,
    maximum: float | None = None,
    default: Any = _MISSING,
) -> Any:
    """A number (whole or decimal) within ``minimum``..``maximum``."""
    value = _value(data, name, default)
    if value is default:
        return value
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise malformed_field(name, _("the value must be a number"))
    _in_range(name, value, minimum, maximum)
    return value


def int_list_field(
    data: Mapping[str, Any],
    name: str,
    *,
    minimum: int,
    maximum: int,
    default: Any = _MISSING,
) -> Any:
    """A non-empty list of whole numbers, each within ``minimum``..``maximum``."""
    value = _value(data, name, default)
    if value is default:
        return value
    if not isinstance(value, list) or not value:
        raise malformed_field(name, _("the value must be a non-empty list of whole numbers"))
    return [int_field({name: item}, name, minimum=minimum, maximum=maximum) for item in value]


def string_field(data: Mapping[str, Any], name: str, default: Any = _MISSING) -> Any:
    """A non-empty string, stripped."""
    value = _value(data, name, default)
    if value is default:
        return value
    if not isinstance(value, str) or not value.strip():
        raise malformed_field(name, _("the value must be a non-empty text"))
    return value.strip()


def unknown_rule_area(area: object) -> RuleInputError:
    return RuleInputError(
        RuleInputErrorCode.UNKNOWN_RULE_AREA,
        _("The rule area “%(area)s” does not exist.") % {"area": area},
        field="rule_area",
    )


def evaluate_case(
    case: object, evaluators: Mapping[str, Evaluator], context: RuleContext
) -> dict[str, Any]:
    """The answer to one case: ``{"id", "result"}`` or ``{"id", "error"}``."""
    case_id = case.get("id") if isinstance(case, dict) else None
    try:
        if not isinstance(case, dict):
            raise RuleInputError(
                RuleInputErrorCode.MALFORMED_CASE,
                _("A case is an object with the fields “id”, “rule_area” and “input”."),
            )
        area = case.get("rule_area")
        if not isinstance(area, str) or area not in evaluators:
            if area is None:
                raise missing_field("rule_area")
            raise unknown_rule_area(area)
        data = case.get("input", {})
        if data is None:
            data = {}
        if not isinstance(data, dict):
            raise malformed_field("input", _("the input of a case must be an object"))
        result = evaluators[area](data, context)
    except RuleInputError as error:
        return {"id": case_id, "error": {"code": error.code, "message": error.message}}
    except (ValueError, OverflowError):  # e.g. a date past year 9999
        return {
            "id": case_id,
            "error": {
                "code": RuleInputErrorCode.OUT_OF_RANGE.value,
                "message": _("The dates or numbers of this case are outside what can be computed."),
            },
        }
    return {"id": case_id, "result": result}


def discover_evaluators() -> dict[str, Evaluator]:
    """The ``EVALUATORS`` of every installed ``qsdp.<app>.rules`` module, by rule area.

    Core imports no later app statically (docs/decisions/0002-app-order.md): the
    apps are found through the app registry. An area claimed twice is a
    configuration error.
    """
    found: dict[str, Evaluator] = {}
    for config in django_apps.get_app_configs():
        if not config.name.startswith("qsdp."):
            continue
        module_name = f"{config.name}.rules"
        if importlib.util.find_spec(module_name) is None:
            continue
        module = importlib.import_module(module_name)
        for area, evaluator in getattr(module, "EVALUATORS", {}).items():
            if area in found:
                raise ImproperlyConfigured(f"rule area {area!r} is defined twice")
            found[area] = evaluator
    return found
