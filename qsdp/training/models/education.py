"""Defence and security education (Luật GDQP&AN 2013; Nghị định 13/2014 as
amended by 139/2020 and 220/2025): courses by trainee category (GDQP&AN for
the population, KTQP&AN fostering for officials), their participants, and the
grassroots propagandists (tuyên truyền viên cơ sở) with their own training.

The trainee categories are versioned data (Hướng dẫn 90/HD-HĐGDQPAN 2016,
re-mapped after the 2025 reform): a course takes a category in force on its
first day.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from qsdp.orgunits.models import OrgUnit
from qsdp.people.models import Person
from qsdp.training.models.training import ResultGrade


class TraineeCategory(models.Model):
    """A trainee category (đối tượng) in force from ``valid_from`` to ``valid_to``
    (inclusive): ĐT1–ĐT4 and the other groups. Editable in the admin."""

    code = models.SlugField(_("code"), max_length=24)
    name = models.CharField(_("name"), max_length=160)
    description = models.TextField(_("description"), blank=True)
    basis = models.CharField(_("legal basis"), max_length=255, blank=True)
    unconfirmed = models.BooleanField(
        _("unconfirmed"),
        default=False,
        help_text=_("The source was not read ([U] in the domain brief): verify before relying."),
    )
    rank = models.PositiveSmallIntegerField(_("order"), default=0)
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid to"), null=True, blank=True)

    class Meta:
        verbose_name = _("trainee category")
        verbose_name_plural = _("trainee categories")
        ordering = ["rank", "valid_from", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["code", "valid_from"], name="education_category_code_unique"
            ),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=F("valid_from")),
                name="education_category_valid_to_after_from",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class EducationCourse(models.Model):
    """A GDQP&AN or KTQP&AN course of a unit for one trainee category."""

    org_unit = models.ForeignKey(
        OrgUnit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    category = models.ForeignKey(
        TraineeCategory,
        verbose_name=_("trainee category"),
        on_delete=models.PROTECT,
        related_name="courses",
    )
    title = models.CharField(_("title"), max_length=255)
    organiser = models.CharField(_("organiser"), max_length=255)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    planned_trainees = models.PositiveIntegerField(_("planned trainees"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("defence education course")
        verbose_name_plural = _("defence education courses")
        ordering = ["-year", "starts_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="education_course_ends_after"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def area(self) -> OrgUnit:
        return self.org_unit.serves or self.org_unit


class CourseParticipant(models.Model):
    """A trainee of a course: a person of the register, or an official named
    with his position (a leader from outside the register)."""

    course = models.ForeignKey(
        EducationCourse,
        verbose_name=_("course"),
        on_delete=models.PROTECT,
        related_name="participants",
    )
    person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    official_name = models.CharField(_("full name"), max_length=160, blank=True)
    position = models.CharField(_("position"), max_length=160, blank=True)
    completed = models.BooleanField(_("completed"), default=False)
    result = models.ForeignKey(
        ResultGrade,
        verbose_name=_("result"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(_("recorded at"), auto_now=True)

    class Meta:
        verbose_name = _("course participant")
        verbose_name_plural = _("course participants")
        ordering = ["course", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["course", "person"],
                condition=Q(person__isnull=False),
                name="education_participant_once",
            ),
            models.CheckConstraint(
                condition=Q(person__isnull=False) | ~Q(official_name=""),
                name="education_participant_named",
            ),
            models.CheckConstraint(
                condition=Q(completed=True) | Q(result__isnull=True),
                name="education_result_needs_completion",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.person.full_name if self.person_id and self.person else self.official_name


class Propagandist(models.Model):
    """A grassroots propagandist (tuyên truyền viên cơ sở) of a commune, from
    ``appointed_on`` until ``left_on``."""

    person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    full_name = models.CharField(_("full name"), max_length=160, blank=True)
    position = models.CharField(_("position"), max_length=160, blank=True)
    org_unit = models.ForeignKey(
        OrgUnit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+"
    )
    appointed_on = models.DateField(_("appointed on"))
    left_on = models.DateField(_("left the roster on"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("grassroots propagandist")
        verbose_name_plural = _("grassroots propagandists")
        ordering = ["org_unit__path", "full_name", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(person__isnull=False) | ~Q(full_name=""),
                name="propagandist_named",
            ),
            models.CheckConstraint(
                condition=Q(left_on__isnull=True) | Q(left_on__gte=F("appointed_on")),
                name="propagandist_leaves_after_appointed",
            ),
            models.UniqueConstraint(
                fields=["person", "org_unit"],
                condition=Q(person__isnull=False, left_on__isnull=True),
                name="propagandist_one_open_appointment",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.person.full_name if self.person_id and self.person else self.full_name

    @property
    def is_current(self) -> bool:
        return self.left_on is None


class PropagandistTraining(models.Model):
    """A training a propagandist took (tập huấn, bồi dưỡng), with its result."""

    propagandist = models.ForeignKey(
        Propagandist,
        verbose_name=_("propagandist"),
        on_delete=models.PROTECT,
        related_name="trainings",
    )
    trained_on = models.DateField(_("trained on"))
    title = models.CharField(_("title"), max_length=255)
    organiser = models.CharField(_("organiser"), max_length=255, blank=True)
    result = models.ForeignKey(
        ResultGrade,
        verbose_name=_("result"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("propagandist training")
        verbose_name_plural = _("propagandist trainings")
        ordering = ["-trained_on", "id"]

    def __str__(self) -> str:
        return f"{self.trained_on:%d/%m/%Y} {self.title}"
