"""The militia register in the admin, read only: every change goes through the
services (their checks, their audit)."""

from django.contrib import admin

from qsdp.core.admin import ReadOnlyAdmin
from qsdp.militia.models import (
    DutyDecision,
    MilitiaMember,
    MilitiaRegistration,
    MilitiaUnit,
    ServiceCompletion,
    TermExtension,
    TrainingRecord,
)


@admin.register(MilitiaUnit)
class MilitiaUnitAdmin(ReadOnlyAdmin):
    list_display = ("name", "org_unit", "militia_type", "kind", "parent", "commander")
    list_filter = ("militia_type", "kind")
    list_select_related = ("org_unit", "parent", "commander__person")
    search_fields = ("name",)


@admin.register(MilitiaMember)
class MilitiaMemberAdmin(ReadOnlyAdmin):
    list_display = ("person", "org_unit", "militia_type", "unit", "position", "term_start",
                    "term_end", "left_on")  # fmt: skip
    list_filter = ("militia_type", "position", "volunteer")
    list_select_related = ("person", "org_unit", "unit")
    search_fields = ("person__search_name", "person__national_id")
    date_hierarchy = "term_start"


@admin.register(TermExtension)
class TermExtensionAdmin(ReadOnlyAdmin):
    list_display = ("member", "extended_on", "previous_term_end", "new_term_end",
                    "decision_number")  # fmt: skip
    list_select_related = ("member__person",)


@admin.register(DutyDecision)
class DutyDecisionAdmin(ReadOnlyAdmin):
    list_display = ("person", "org_unit", "outcome", "status", "decided_on", "valid_until",
                    "ended_on")  # fmt: skip
    list_filter = ("outcome", "status")
    list_select_related = ("person", "org_unit")
    search_fields = ("person__search_name", "person__national_id", "decision_number")
    date_hierarchy = "decided_on"


@admin.register(MilitiaRegistration)
class MilitiaRegistrationAdmin(ReadOnlyAdmin):
    list_display = ("year", "person", "org_unit", "registered_on", "source")
    list_filter = ("year", "source")
    list_select_related = ("person", "org_unit")
    search_fields = ("person__search_name", "person__national_id")


@admin.register(TrainingRecord)
class TrainingRecordAdmin(ReadOnlyAdmin):
    list_display = ("year", "member", "days_done")
    list_filter = ("year",)
    list_select_related = ("member__person",)


@admin.register(ServiceCompletion)
class ServiceCompletionAdmin(ReadOnlyAdmin):
    list_display = ("person", "org_unit", "standing_months", "recognised_on", "decision_number")
    list_select_related = ("person", "org_unit")
