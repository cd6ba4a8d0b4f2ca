"""Emulation and rewards (thi đua, khen thưởng; DOMAIN.md §11).

- ``AwardForm``: the forms of reward and emulation titles, effective-dated
  configuration seeded by a data migration (which form, who decides it, for
  whom, its cap per deciding unit and year). The forms and caps were not
  researched ([U]): they are rows an administrator corrects, not code.
- ``AwardProposal``: what a unit proposes (đề nghị khen thưởng), reviewed by the
  command (recommended or rejected) and decided; its ``recipients`` are
  collectives or people, each counted in the org unit it belongs to.
- ``AwardDecision``: the signed decision (quyết định khen thưởng) that decides
  one or more recommended proposals of one form.
- ``AwardRevocation``: a decision revoking some of a decision's awards (Law
  06/2022/QH15 allows revoking awards obtained by fraud or wrongly approved);
  a revoked award stops counting.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from qsdp.orgunits.models import OrgUnit
from qsdp.people.models import Person


class AwardCategory(models.TextChoices):
    MERIT = "merit", _("Certificate of merit")  # Giấy khen, Bằng khen
    TITLE = "title", _("Emulation title")  # danh hiệu thi đua


class CapKind(models.TextChoices):
    NONE = "none", _("No cap")
    COUNT = "count", _("At most a number")
    PERCENT = "percent", _("At most a percentage of another form")


class RecipientKind(models.TextChoices):
    COLLECTIVE = "collective", _("Collective")
    INDIVIDUAL = "individual", _("Individual")


class ProposalStatus(models.TextChoices):
    # A context of their own: other apps translate "Rejected" and "Submitted" otherwise.
    DRAFT = "draft", pgettext_lazy("award status", "Draft")
    SUBMITTED = "submitted", pgettext_lazy("award status", "Submitted")
    RECOMMENDED = "recommended", pgettext_lazy("award status", "Recommended")
    REJECTED = "rejected", pgettext_lazy("award status", "Rejected")
    DECIDED = "decided", pgettext_lazy("award status", "Decided")
    REVOKED = "revoked", pgettext_lazy("award status", "Revoked")


class EvidenceKind(models.TextChoices):
    RECORD = "record", _("Record")
    INDICATOR = "indicator", _("Indicator")


class AwardForm(models.Model):
    """A form of reward and who decides it, in force from ``valid_from`` to
    ``valid_to`` (inclusive; open when empty)."""

    code = models.SlugField(_("code"), max_length=60)
    name = models.CharField(_("name"), max_length=255)
    category = models.CharField(_("category"), max_length=8, choices=AwardCategory.choices)
    decided_by = models.CharField(_("decided by"), max_length=255)
    # The kinds of org unit that decide it (OrgUnitKind values); empty: any unit.
    decider_kinds = models.JSONField(_("deciding unit kinds"), default=list, blank=True)
    for_collectives = models.BooleanField(_("for collectives"), default=True)
    for_individuals = models.BooleanField(_("for individuals"), default=True)
    cap_kind = models.CharField(
        _("cap"), max_length=8, choices=CapKind.choices, default=CapKind.NONE
    )
    cap_value = models.PositiveIntegerField(_("cap value"), null=True, blank=True)
    cap_base = models.ForeignKey(
        "self",
        verbose_name=_("percentage of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    legal_basis = models.CharField(_("legal basis"), max_length=255, blank=True)
    unconfirmed = models.BooleanField(
        _("unconfirmed [U]"), default=False, help_text=_("Not verified in the official text.")
    )
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("award form")
        verbose_name_plural = _("award forms")
        ordering = ["order", "name", "valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["code", "valid_from"], name="awards_form_unique"),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=F("valid_from")),
                name="awards_form_valid_range",
            ),
            models.CheckConstraint(
                condition=Q(cap_kind="none", cap_value__isnull=True)
                | Q(cap_kind="count", cap_value__isnull=False)
                | Q(cap_kind="percent", cap_value__isnull=False, cap_base__isnull=False),
                name="awards_form_cap_complete",
            ),
            models.CheckConstraint(
                condition=Q(for_collectives=True) | Q(for_individuals=True),
                name="awards_form_has_recipients",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class AwardDecision(models.Model):
    """A signed decision ("123/QĐ-UBND") of ``deciding_unit`` awarding ``form``."""

    number = models.CharField(_("number"), max_length=60)
    decided_on = models.DateField(_("date"))
    deciding_unit = models.ForeignKey(
        OrgUnit, verbose_name=_("deciding unit"), on_delete=models.PROTECT, related_name="+"
    )
    signer_name = models.CharField(_("signed by"), max_length=160)
    signer_title = models.CharField(_("signer's title"), max_length=160)
    form = models.ForeignKey(
        AwardForm, verbose_name=_("award form"), on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("title"), max_length=255, blank=True)
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
        verbose_name = _("award decision")
        verbose_name_plural = _("award decisions")
        ordering = ["-decided_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["deciding_unit", "number"], name="awards_decision_number_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.number} ({self.decided_on:%d/%m/%Y})"


class AwardRevocation(models.Model):
    """A decision revoking awards of ``decision``."""

    decision = models.ForeignKey(
        AwardDecision,
        verbose_name=_("revoked decision"),
        on_delete=models.PROTECT,
        related_name="revocations",
    )
    number = models.CharField(_("number"), max_length=60)
    revoked_on = models.DateField(_("date"))
    reason = models.TextField(_("reason"))
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
        verbose_name = _("revocation")
        verbose_name_plural = _("revocations")
        ordering = ["revoked_on", "id"]

    def __str__(self) -> str:
        return f"{self.number} ({self.revoked_on:%d/%m/%Y})"


class AwardProposal(models.Model):
    """A unit's proposal of ``form`` for the year's achievements."""

    org_unit = models.ForeignKey(
        OrgUnit, verbose_name=_("proposing unit"), on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    form = models.ForeignKey(
        AwardForm, verbose_name=_("award form"), on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("title"), max_length=255, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=ProposalStatus.choices, default=ProposalStatus.DRAFT
    )
    submitted_on = models.DateField(_("submitted on"), null=True, blank=True)
    reviewed_on = models.DateField(_("reviewed on"), null=True, blank=True)
    review_note = models.TextField(_("review note"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decision = models.ForeignKey(
        AwardDecision,
        verbose_name=_("decision"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="proposals",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("award proposal")
        verbose_name_plural = _("award proposals")
        ordering = ["-year", "org_unit__name", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(decision__isnull=True) | Q(status__in=["decided", "revoked"]),
                name="awards_proposal_decision_status",
            )
        ]

    def __str__(self) -> str:
        return f"{self.form} · {self.org_unit} · {self.year}"


class AwardRecipient(models.Model):
    """A collective or a person proposed (and, once decided, awarded).

    ``org_unit`` is where the award counts: a person's commune at the time, a
    collective's own unit (the area a military command serves) or, for an
    organisation outside the tree, the unit it belongs to."""

    proposal = models.ForeignKey(
        AwardProposal,
        verbose_name=_("proposal"),
        on_delete=models.CASCADE,
        related_name="recipients",
    )
    kind = models.CharField(_("recipient"), max_length=12, choices=RecipientKind.choices)
    person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="awards",
    )
    unit = models.ForeignKey(
        OrgUnit,
        verbose_name=_("collective (unit)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    name = models.CharField(_("name"), max_length=255)
    position = models.CharField(_("position"), max_length=255, blank=True)
    org_unit = models.ForeignKey(
        OrgUnit, verbose_name=_("counted in"), on_delete=models.PROTECT, related_name="+"
    )
    achievement = models.TextField(_("achievement"))
    revocation = models.ForeignKey(
        AwardRevocation,
        verbose_name=_("revocation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="recipients",
    )

    class Meta:
        verbose_name = _("award recipient")
        verbose_name_plural = _("award recipients")
        ordering = ["proposal", "kind", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="individual", person__isnull=False, unit__isnull=True)
                | Q(kind="collective", person__isnull=True),
                name="awards_recipient_kind_fields",
            ),
            models.UniqueConstraint(
                fields=["proposal", "person"],
                condition=Q(person__isnull=False),
                name="awards_recipient_person_once",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class AwardEvidence(models.Model):
    """What backs a recipient's achievement: a record (``record_type`` is its
    model label, e.g. "operations.drill") or an indicator code
    (e.g. "call_up.fulfilment_pct")."""

    recipient = models.ForeignKey(
        AwardRecipient,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="evidence",
    )
    kind = models.CharField(_("kind"), max_length=10, choices=EvidenceKind.choices)
    record_type = models.CharField(_("record type"), max_length=60, blank=True)
    record_id = models.PositiveBigIntegerField(_("record id"), null=True, blank=True)
    indicator_code = models.CharField(_("indicator"), max_length=80, blank=True)
    label = models.CharField(_("label"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        ordering = ["recipient", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="record", record_id__isnull=False, indicator_code="")
                & ~Q(record_type="")
                | Q(kind="indicator", record_id__isnull=True, record_type="")
                & ~Q(indicator_code=""),
                name="awards_evidence_kind_fields",
            )
        ]

    def __str__(self) -> str:
        return self.label or self.indicator_code or f"{self.record_type} #{self.record_id}"
