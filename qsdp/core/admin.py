"""The audit trail in the admin (read only), and the base for audited admins."""

import re

from django.contrib import admin
from django.db.models import Model, QuerySet
from django.forms import BaseModelFormSet, ModelForm
from django.http import HttpRequest

from qsdp.core.audit import diff, record_event, snapshot
from qsdp.core.models import AccessLog, AuditEvent, CalendarDay, RuleSetting


def _audit_name(model: type[Model]) -> str:
    """``RoleAssignment`` → ``role_assignment``, the prefix of audit verbs."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", model._meta.object_name or "").lower()


def _audited_fields(model: type[Model], exclude: tuple[str, ...]) -> list[str]:
    return [f.attname for f in model._meta.concrete_fields if f.attname not in exclude]


class AuditedModelAdmin(admin.ModelAdmin):
    """A change made in the admin is written to the audit trail like a change
    made through a service: one event per record created, changed or deleted,
    in the admin's transaction. Inlines are audited the same way."""

    audit_exclude: tuple[str, ...] = ("password", "last_login")

    def _record(self, request: HttpRequest, obj: Model, action: str, changes: dict) -> None:
        record_event(
            actor=request.user,
            verb=f"{_audit_name(type(obj))}.{action}",
            target=obj,
            changes=changes,
        )

    def _before(self, model: type[Model], pks: list) -> dict:
        fields = _audited_fields(model, self.audit_exclude)
        return {o.pk: snapshot(o, fields) for o in model._default_manager.filter(pk__in=pks)}

    def save_model(self, request: HttpRequest, obj: Model, form: ModelForm, change: bool) -> None:
        fields = _audited_fields(type(obj), self.audit_exclude)
        before = self._before(type(obj), [obj.pk]).get(obj.pk, {}) if change else {}
        super().save_model(request, obj, form, change)
        changes = diff(before, snapshot(obj, fields))
        if changes or not change:
            self._record(request, obj, "changed" if change else "created", changes)

    def delete_model(self, request: HttpRequest, obj: Model) -> None:
        self._record(request, obj, "deleted", {})
        super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet) -> None:
        for obj in queryset:
            self._record(request, obj, "deleted", {})
        super().delete_queryset(request, queryset)

    def save_formset(
        self, request: HttpRequest, form: ModelForm, formset: BaseModelFormSet, change: bool
    ) -> None:
        model = formset.model
        fields = _audited_fields(model, self.audit_exclude)
        before = self._before(model, [f.instance.pk for f in formset.forms if f.instance.pk])
        for deleted in formset.deleted_forms:
            if deleted.instance.pk:
                self._record(request, deleted.instance, "deleted", {})
        super().save_formset(request, form, formset, change)
        for obj in formset.new_objects:
            self._record(request, obj, "created", diff({}, snapshot(obj, fields)))
        for obj, _changed in formset.changed_objects:
            self._record(request, obj, "changed", diff(before[obj.pk], snapshot(obj, fields)))


class ReadOnlyAdmin(admin.ModelAdmin):
    """The trail is append-only: the admin shows it and changes nothing."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    list_display = ("at", "actor", "verb", "target_type", "target_id", "target_repr")
    list_select_related = ("actor",)
    search_fields = ("verb", "target_type", "target_id", "target_repr", "actor__username")
    date_hierarchy = "at"


@admin.register(AccessLog)
class AccessLogAdmin(ReadOnlyAdmin):
    list_display = ("at", "actor", "target_type", "target_id", "fields", "purpose")
    list_select_related = ("actor",)
    search_fields = ("target_type", "target_id", "purpose", "actor__username")
    date_hierarchy = "at"


@admin.register(CalendarDay)
class CalendarDayAdmin(AuditedModelAdmin):
    list_display = ("day", "kind", "name", "basis")
    list_filter = ("kind",)
    search_fields = ("name", "basis")
    date_hierarchy = "day"


@admin.register(RuleSetting)
class RuleSettingAdmin(AuditedModelAdmin):
    list_display = ("key", "valid_from", "value", "basis")
    list_filter = ("key",)
    search_fields = ("key", "basis", "note")
