from qsdp.reporting.gather import indicator_functions
from qsdp.reporting.registry import INDICATOR_DEFS, IndicatorKind, defs_by_area


def test_the_registry_and_the_gathered_functions_have_exactly_the_same_codes():
    assert set(INDICATOR_DEFS) == set(indicator_functions())


def test_every_percentage_has_a_denominator_and_factor_100_and_every_count_factor_1():
    for definition in INDICATOR_DEFS.values():
        if definition.kind is IndicatorKind.PERCENT:
            assert (definition.factor, definition.denominator is not None) == (100, True)
        else:
            assert (definition.factor, definition.denominator) == (1, None)


def test_sections_list_every_indicator_once_in_review_order():
    sections = defs_by_area()

    assert [area.value for area, _label, _defs in sections] == [
        "defence_education",
        "forces",
        "call_up",
        "drills",
        "readiness",
        "awards",
        "training",
    ]
    assert sum(len(defs) for _area, _label, defs in sections) == len(INDICATOR_DEFS)
