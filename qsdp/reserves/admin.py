"""The reserve register in the admin, read only: every change goes through the
services (their checks, their audit)."""

from django.contrib import admin

from qsdp.core.admin import ReadOnlyAdmin
from qsdp.reserves.models import (
    Arrangement,
    CommanderDecision,
    ReadinessCheck,
    ReserveEquipment,
    ReservePost,
    ReserveReview,
    ReserveUnit,
    Reservist,
)


@admin.register(Reservist)
class ReservistAdmin(ReadOnlyAdmin):
    list_display = ("person", "reserve_class", "rank", "specialty_code", "managed_by", "removed_on")
    list_filter = ("reserve_class", "rank_group", "source")
    list_select_related = ("person", "managed_by")
    search_fields = ("person__search_name", "person__national_id", "specialty_code")


@admin.register(ReserveUnit)
class ReserveUnitAdmin(ReadOnlyAdmin):
    list_display = ("name", "code", "kind", "org_unit", "parent")
    list_filter = ("kind",)
    list_select_related = ("org_unit", "parent")


@admin.register(ReservePost)
class ReservePostAdmin(ReadOnlyAdmin):
    list_display = ("title", "unit", "specialty_code", "establishment_count")
    list_select_related = ("unit",)


@admin.register(Arrangement)
class ArrangementAdmin(ReadOnlyAdmin):
    list_display = ("reservist", "post", "arranged_on", "ended_on")
    list_select_related = ("reservist__person", "post__unit")


@admin.register(ReserveReview)
class ReserveReviewAdmin(ReadOnlyAdmin):
    list_display = ("reservist", "year", "reviewed_on", "outcome")
    list_filter = ("year", "outcome")
    list_select_related = ("reservist__person",)


@admin.register(CommanderDecision)
class CommanderDecisionAdmin(ReadOnlyAdmin):
    list_display = ("decision_number", "kind", "reservist", "unit", "position", "decided_on")
    list_filter = ("kind",)
    list_select_related = ("reservist__person", "unit")


@admin.register(ReadinessCheck)
class ReadinessCheckAdmin(ReadOnlyAdmin):
    list_display = ("unit", "checked_on", "kind", "present_count", "result")
    list_filter = ("kind", "result")
    list_select_related = ("unit",)


@admin.register(ReserveEquipment)
class ReserveEquipmentAdmin(ReadOnlyAdmin):
    list_display = ("plate_or_serial", "kind", "owner_name", "earmarked_unit", "released_on")
    list_filter = ("kind", "condition")
    list_select_related = ("earmarked_unit",)
