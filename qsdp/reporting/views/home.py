"""The reporting home page: a unit's indicators for a year with its children,
its targets and its submission."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import pgettext_lazy
from django.views.decorators.http import require_GET

from qsdp.accounts.http import AuthedRequest
from qsdp.reporting.registry import defs_by_area
from qsdp.reporting.selectors.indicators import indicator_table
from qsdp.reporting.selectors.submissions import submission_of
from qsdp.reporting.services._common import command_covers, may_submit
from qsdp.reporting.views._common import unit_year

# The page carries the name of its main-menu entry (accounts.context_processors).
TITLE = pgettext_lazy("main menu", "Reports")


@login_required
@require_GET
def home(request: AuthedRequest) -> HttpResponse:
    form, unit, year = unit_year(request)
    if unit is None:
        return render(request, "reporting/home.html", {"form": form, "table": None, "title": TITLE})
    table = indicator_table(user=request.user, org_unit=unit, year=year)
    columns = [table.unit, *table.children]
    sections = [
        (
            label,
            [
                {
                    "definition": definition,
                    "cells": [
                        {
                            "value": column.values.get(definition.code),
                            "target": column.targets.get(definition.code),
                        }
                        for column in columns
                    ],
                }
                for definition in definitions
                if definition.code in table.unit.values
            ],
        )
        for _area, label, definitions in defs_by_area()
    ]
    return render(
        request,
        "reporting/home.html",
        {
            "title": TITLE,
            "form": form,
            "table": table,
            "unit": unit,
            "year": year,
            "columns": columns,
            "sections": [(label, rows) for label, rows in sections if rows],
            "submission": submission_of(org_unit=unit, year=year),
            "may_submit": may_submit(request.user, unit.path),
            "is_command": command_covers(request.user, unit.path),
        },
    )
