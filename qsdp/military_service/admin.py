"""The military-service register in the admin, read only: every change goes
through the services (their checks, their audit)."""

from django.contrib import admin

from qsdp.core.admin import ReadOnlyAdmin
from qsdp.military_service.models import (
    CallUpCandidate,
    CallUpOrder,
    HealthExam,
    Quota,
    ServiceEvent,
)


@admin.register(ServiceEvent)
class ServiceEventAdmin(ReadOnlyAdmin):
    list_display = ("occurred_on", "kind", "person", "org_unit", "call_up_year", "cancelled_on")
    list_filter = ("kind", "call_up_year")
    list_select_related = ("person", "org_unit")
    search_fields = ("person__search_name", "person__national_id", "decision_number")
    date_hierarchy = "occurred_on"


@admin.register(HealthExam)
class HealthExamAdmin(ReadOnlyAdmin):
    list_display = ("examined_on", "call_up_year", "event")
    list_filter = ("call_up_year",)
    date_hierarchy = "examined_on"


@admin.register(CallUpOrder)
class CallUpOrderAdmin(ReadOnlyAdmin):
    list_display = ("number", "org_unit", "call_up_year", "issued_on", "report_on")
    list_filter = ("call_up_year",)
    list_select_related = ("org_unit",)


@admin.register(Quota)
class QuotaAdmin(ReadOnlyAdmin):
    list_display = ("call_up_year", "org_unit", "number", "parent", "decided_on")
    list_filter = ("call_up_year",)
    list_select_related = ("org_unit", "parent__org_unit")


@admin.register(CallUpCandidate)
class CallUpCandidateAdmin(ReadOnlyAdmin):
    list_display = ("call_up_year", "org_unit", "list_kind", "rank", "person", "status")
    list_filter = ("call_up_year", "list_kind", "status")
    list_select_related = ("org_unit", "person")
