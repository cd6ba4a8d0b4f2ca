"""Training of the armed forces: yearly plans per unit for the militia
(Luật DQTV 2019 Điều 28), the reservists and the commune military command;
sessions (military training or political education) with the attendance of
each person and his result on the configured scale (``ResultGrade``).

``org_unit`` of a plan is a commune-level unit or a military command; a
command stands for the area it serves (``area``), so a plan of Ban CHQS xã
Dương Quang covers Xã Dương Quang. Nothing is deleted.
"""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from qsdp.orgunits.models import OrgUnit
from qsdp.people.models import Person

MAX_DAYS = Decimal(366)


class ResultScale(models.TextChoices):
    """The scales results are given on: each has its own configured grades."""

    TRAINING = "training", _("Armed-forces training")
    DEFENCE_EDUCATION = "defence_education", _("Defence and security education")


class ResultGrade(models.Model):
    """One grade of a result scale (giỏi, khá, đạt, không đạt…), in force from
    ``valid_from`` to ``valid_to`` (inclusive); editable in the admin. The law
    fixes no scale (DOMAIN.md §5), so it is data, not a choice list."""

    scale = models.CharField(_("scale"), max_length=24, choices=ResultScale.choices)
    code = models.SlugField(_("code"), max_length=24)
    name = models.CharField(_("name"), max_length=60)
    passes = models.BooleanField(_("counts as a pass"))
    rank = models.PositiveSmallIntegerField(
        _("rank"), help_text=_("1 for the best grade, then 2, 3…")
    )
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid to"), null=True, blank=True)

    class Meta:
        verbose_name = _("result grade")
        verbose_name_plural = _("result grades")
        ordering = ["scale", "rank", "valid_from", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["scale", "code", "valid_from"], name="training_grade_code_unique"
            ),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=F("valid_from")),
                name="training_grade_valid_to_after_from",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Audience(models.TextChoices):
    MILITIA = "militia", _("Militia")
    RESERVISTS = "reservists", _("Reservists")
    COMMUNE_COMMAND = "commune_command", _("Commune military command")


class TrainingPlan(models.Model):
    """The training plan of a unit for one audience and year."""

    org_unit = models.ForeignKey(
        OrgUnit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    audience = models.CharField(_("trained force"), max_length=20, choices=Audience.choices)
    title = models.CharField(_("title"), max_length=255)
    planned_days = models.DecimalField(_("planned days"), max_digits=4, decimal_places=1)
    approved_on = models.DateField(_("approved on"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    approver_title = models.CharField(_("approver"), max_length=160, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("training plan")
        verbose_name_plural = _("training plans")
        ordering = ["-year", "org_unit__path", "audience", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["org_unit", "year", "audience"], name="training_plan_one_per_audience"
            ),
            models.CheckConstraint(
                condition=Q(planned_days__gte=0) & Q(planned_days__lte=MAX_DAYS),
                name="training_plan_days_range",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def area(self) -> OrgUnit:
        """The administrative area the plan covers (a command: the area it serves)."""
        return self.org_unit.serves or self.org_unit

    @property
    def is_approved(self) -> bool:
        return self.approved_on is not None


class SessionKind(models.TextChoices):
    MILITARY = "military", _("Military training")
    POLITICAL = "political", _("Political education")


class TrainingSession(models.Model):
    """A session of a plan, held (or to be held) on ``held_on`` at ``org_unit``,
    a unit inside the plan's area; ``days`` may be a half day."""

    plan = models.ForeignKey(
        TrainingPlan, verbose_name=_("plan"), on_delete=models.PROTECT, related_name="sessions"
    )
    kind = models.CharField(
        _("kind"), max_length=12, choices=SessionKind.choices, default=SessionKind.MILITARY
    )
    held_on = models.DateField(_("held on"))
    days = models.DecimalField(_("days"), max_digits=4, decimal_places=1)
    topic = models.CharField(_("topic"), max_length=255)
    location = models.CharField(_("location"), max_length=255, blank=True)
    org_unit = models.ForeignKey(
        OrgUnit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("training session")
        verbose_name_plural = _("training sessions")
        ordering = ["held_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(days__gt=0) & Q(days__lte=MAX_DAYS), name="training_session_days_range"
            ),
        ]
        indexes = [models.Index(fields=["held_on"], name="training_session_held_idx")]

    def __str__(self) -> str:
        return f"{self.held_on:%d/%m/%Y} {self.topic}"


class Attendance(models.Model):
    """Whether a person attended a session, and his result there (if graded)."""

    session = models.ForeignKey(
        TrainingSession,
        verbose_name=_("session"),
        on_delete=models.PROTECT,
        related_name="attendances",
    )
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="+"
    )
    present = models.BooleanField(_("attended"))
    result = models.ForeignKey(
        ResultGrade,
        verbose_name=_("result"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(_("recorded at"), auto_now=True)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendances")
        ordering = ["session", "person__sort_name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["session", "person"], name="training_attendance_once"),
            models.CheckConstraint(
                condition=Q(present=True) | Q(result__isnull=True),
                name="training_attendance_result_needs_presence",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.session_id}: {self.person_id}"
