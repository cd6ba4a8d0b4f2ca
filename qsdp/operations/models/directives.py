"""Directives (nghị quyết, kế hoạch, chỉ thị, hướng dẫn) a command issues, the
tasks they assign to units with deadlines, and the units' completion reports.

``Directive.org_unit`` is the area of the issuing command (the city for Ban
CHQS thành phố), so the scope of its staff covers it; a task is assigned to a
unit inside that area. Files are kept under MEDIA_ROOT and served only through
the scoped views.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from qsdp.orgunits.models import OrgUnit


class DirectiveKind(models.TextChoices):
    RESOLUTION = "resolution", _("Resolution")
    PLAN = "plan", _("Plan")
    DIRECTIVE = "directive", _("Directive")
    GUIDANCE = "guidance", _("Guidance")


class Directive(models.Model):
    org_unit = models.ForeignKey(
        OrgUnit, verbose_name=_("issuing unit"), on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=12, choices=DirectiveKind.choices)
    number = models.CharField(_("number and symbol"), max_length=60)
    issued_on = models.DateField(_("issued on"))
    signer = models.CharField(_("signed by"), max_length=160)
    summary = models.TextField(_("summary"))
    file = models.FileField(_("file"), upload_to="directives/%Y/", blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("directive")
        verbose_name_plural = _("directives")
        ordering = ["-issued_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["org_unit", "number", "issued_on"], name="operations_directive_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.number} ({self.issued_on:%d/%m/%Y})"


class DirectiveTask(models.Model):
    directive = models.ForeignKey(
        Directive, verbose_name=_("directive"), on_delete=models.PROTECT, related_name="tasks"
    )
    assigned_to = models.ForeignKey(
        OrgUnit, verbose_name=_("assigned to"), on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("task"), max_length=255)
    deadline = models.DateField(_("deadline"))
    completed_on = models.DateField(_("completed on"), null=True, blank=True)

    class Meta:
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        ordering = ["deadline", "id"]
        indexes = [models.Index(fields=["deadline", "completed_on"], name="operations_task_due")]

    def __str__(self) -> str:
        return self.title


class TaskReport(models.Model):
    """A unit's report on a task: what was done, whether it is completed, evidence."""

    task = models.ForeignKey(
        DirectiveTask, verbose_name=_("task"), on_delete=models.PROTECT, related_name="reports"
    )
    reported_on = models.DateField(_("reported on"))
    completed = models.BooleanField(_("completed"), default=False)
    evidence = models.TextField(_("evidence"), blank=True)
    file = models.FileField(_("file"), upload_to="task-reports/%Y/", blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("task report")
        verbose_name_plural = _("task reports")
        ordering = ["task", "reported_on", "id"]

    def __str__(self) -> str:
        return f"{self.task} {self.reported_on:%d/%m/%Y}"
