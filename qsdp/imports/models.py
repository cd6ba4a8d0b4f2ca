from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from qsdp.imports.columns import Kind
from qsdp.orgunits.models import OrgUnit


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class ImportJob(models.Model):
    """One uploaded register file and its import, run by ``run_import_job`` in a
    process of its own (docs/decisions/0009). The file lives under MEDIA_ROOT
    under a generated name; the client's name is only shown."""

    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), on_delete=models.PROTECT,
        related_name="+",
    )  # fmt: skip
    org_unit = models.ForeignKey(
        OrgUnit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(_("register"), max_length=24, choices=Kind.choices)
    file = models.CharField(_("stored file"), max_length=255, editable=False)
    original_name = models.CharField(_("file name"), max_length=255)
    dry_run = models.BooleanField(_("check only"), default=True)
    skip_invalid = models.BooleanField(_("skip invalid rows"), default=False)
    status = models.CharField(
        _("status"), max_length=8, choices=JobStatus.choices, default=JobStatus.QUEUED
    )
    rows_total = models.PositiveIntegerField(_("rows"), default=0)
    rows_done = models.PositiveIntegerField(_("rows processed"), default=0)
    result = models.JSONField(_("result"), default=dict, blank=True)
    heartbeat = models.DateTimeField(_("last sign of life"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("import job")
        verbose_name_plural = _("import jobs")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=JobStatus.values), name="import_job_status_valid"
            ),
        ]
        indexes = [models.Index(fields=["created_by", "created_at"], name="import_job_user_idx")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.original_name}"


class ExportLog(models.Model):
    """One export of a list: what was exported, with which filters, how many
    rows. The access log entry (purpose "export") points here."""

    at = models.DateTimeField(_("time"), auto_now_add=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.PROTECT,
        related_name="+",
    )  # fmt: skip
    register = models.CharField(_("register"), max_length=24, choices=Kind.choices)
    file_format = models.CharField(_("format"), max_length=4)
    filters = models.JSONField(_("filters"), default=dict, blank=True)
    row_count = models.PositiveIntegerField(_("rows"))

    class Meta:
        verbose_name = _("export")
        verbose_name_plural = _("exports")
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_register_display()} ({self.file_format}, {self.row_count})"
