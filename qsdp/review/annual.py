"""The year's figures of a unit as JSON, for ``manage.py annual_report --format json``
and the API: ``annual_report_data(org_unit, year)``.

Values are ints for counts, floats for percentages and None when a percentage
has no denominator; dates are ISO. ``by_unit`` holds the reporting children of
the unit on 31 December of the year.
"""

from typing import Any

from qsdp.orgunits.models import OrgUnit
from qsdp.review.facts import ReviewFacts, gather_facts


def annual_data_of(facts: ReviewFacts) -> dict[str, Any]:
    indicators = {code: figure.value for code, figure in facts.indicators.items()}
    return {
        "org_unit": {"code": facts.org_unit.code, "name": facts.org_unit.name},
        "year": facts.year,
        "indicators": indicators,
        "by_unit": facts.by_unit,
        "drills": [
            {
                "org_unit": drill.org_unit.code,
                "kind": drill.kind,
                "date": drill.held_from,
                "rating": drill.rating or None,
            }
            for drill in facts.drills
        ],
        "awards": {
            "collective": indicators.get("awards.collective_count"),
            "individual": indicators.get("awards.individual_count"),
        },
        "plan": {
            "year": facts.plan_year,
            "targets": facts.plan_targets,
            "drills": [
                {
                    "org_unit": plan.org_unit.code,
                    "kind": plan.kind,
                    "date": plan.planned_on,
                    "title": plan.title,
                }
                for plan in facts.plan_drills
            ],
        },
    }


def annual_report_data(org_unit: OrgUnit, year: int) -> dict[str, Any]:
    """The figures of ``org_unit``'s subtree for ``year``, computed live."""
    return annual_data_of(gather_facts(org_unit=org_unit, year=year))
