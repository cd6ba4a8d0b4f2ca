import json

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from qsdp.core.settings_registry import RULE_SETTING_DEFAULTS


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


class AuditEvent(models.Model):
    """One change made through a service: who, when, what, before and after.

    Append-only. ``target_type``/``target_id`` name the record in the form
    ``app_label.model`` so that the log outlives the rows it describes.
    """

    at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    verb = models.CharField(_("action"), max_length=64)
    target_type = models.CharField(_("record type"), max_length=64)
    target_id = models.CharField(_("record id"), max_length=64)
    target_repr = models.CharField(_("record"), max_length=255, blank=True)
    # The person the change concerns, when there is one: the timeline's key.
    person_id = models.BigIntegerField(_("person id"), null=True, blank=True)
    changes = models.JSONField(_("changes"), default=dict, blank=True)

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["target_type", "target_id"], name="core_audit_target_idx"),
            models.Index(fields=["person_id", "at"], name="core_audit_person_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.verb} {self.target_type}#{self.target_id}"


class AccessLog(models.Model):
    """A read of a sensitive field (Law 91/2025): who read what, when, and why."""

    at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    target_type = models.CharField(_("record type"), max_length=64)
    target_id = models.CharField(_("record id"), max_length=64)
    person_id = models.BigIntegerField(_("person id"), null=True, blank=True)
    fields = models.JSONField(_("fields read"), default=list)
    purpose = models.CharField(_("purpose"), max_length=255)

    class Meta:
        verbose_name = _("access log entry")
        verbose_name_plural = _("access log")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["person_id", "at"], name="core_access_person_idx")]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_id} {self.target_type}#{self.target_id}"


class CalendarDayKind(models.TextChoices):
    HOLIDAY = "holiday", _("public holiday or day off")
    MAKEUP_WORKDAY = "makeup_workday", _("make-up working day")


class CalendarDay(TimeStampedModel):
    """A public holiday, an announced day off or an announced make-up Saturday.

    The working calendar (``qsdp.core.calendar.WorkCalendar``) is built from these
    rows; ``manage.py load_holidays`` fills them and an administrator corrects them.
    A year with at least one row is taken as complete.
    """

    day = models.DateField(_("day"), unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=CalendarDayKind.choices)
    name = models.CharField(_("name"), max_length=255)
    basis = models.CharField(_("legal basis or source"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("calendar day")
        verbose_name_plural = _("calendar days")
        ordering = ["day"]

    def __str__(self) -> str:
        return f"{self.day:%d/%m/%Y} {self.name}"


class RuleSetting(TimeStampedModel):
    """The value of a rule setting from ``valid_from`` on (until the next row).

    The keys and their code defaults are in ``qsdp.core.settings_registry``.
    """

    key = models.CharField(_("key"), max_length=100)
    valid_from = models.DateField(_("valid from"))
    value = models.JSONField(_("value"))
    basis = models.CharField(_("legal basis"), max_length=500, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("rule setting")
        verbose_name_plural = _("rule settings")
        ordering = ["key", "-valid_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["key", "valid_from"], name="core_rule_setting_key_valid_from_uniq"
            )
        ]

    def __str__(self) -> str:
        return f"{self.key} @ {self.valid_from:%d/%m/%Y}"

    def clean(self) -> None:
        definition = RULE_SETTING_DEFAULTS.get(self.key)
        if definition is None:
            raise ValidationError(
                {
                    "key": _("Unknown setting. Known settings: %(keys)s.")
                    % {"keys": ", ".join(sorted(RULE_SETTING_DEFAULTS))}
                }
            )
        expected = type(definition.history[0][1])
        if type(self.value) is not expected:
            raise ValidationError(
                {
                    "value": _("This setting takes a value like %(example)s.")
                    % {"example": json.dumps(definition.history[-1][1], ensure_ascii=False)}
                }
            )


class PeriodLock(models.Model):
    """The data of ``org_unit``'s subtree for ``year`` is approved and locked.

    Written only by ``qsdp.reporting`` when the command approves a unit's
    submission and removed when it reopens it; read by every write service
    through ``qsdp.core.locks.ensure_period_open``. It lives in ``core`` because
    the registers come before ``reporting`` and may not import it.
    """

    org_unit = models.ForeignKey(
        "orgunits.OrgUnit",
        verbose_name=_("unit"),
        on_delete=models.PROTECT,
        related_name="period_locks",
    )
    year = models.PositiveIntegerField(_("year"))
    approved_at = models.DateTimeField(_("approved at"))
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    # How the approval is named in messages, e.g. "phê duyệt số liệu năm 2023 …".
    reference = models.CharField(_("approval"), max_length=255)

    class Meta:
        verbose_name = _("period lock")
        verbose_name_plural = _("period locks")
        constraints = [
            models.UniqueConstraint(
                fields=["org_unit", "year"], name="core_period_lock_unit_year_uniq"
            )
        ]

    def __str__(self) -> str:
        return f"{self.org_unit_id}/{self.year}"
