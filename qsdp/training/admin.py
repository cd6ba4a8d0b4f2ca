"""Training in the admin: the reference data (result grades, trainee categories)
is edited here, audited; the records are read only — every change goes through
the services (their checks, their audit)."""

from django.contrib import admin

from qsdp.core.admin import AuditedModelAdmin, ReadOnlyAdmin
from qsdp.training.models import (
    Attendance,
    CourseParticipant,
    EducationCourse,
    Propagandist,
    PropagandistTraining,
    ResultGrade,
    TraineeCategory,
    TrainingPlan,
    TrainingSession,
)


@admin.register(ResultGrade)
class ResultGradeAdmin(AuditedModelAdmin):
    list_display = ("scale", "rank", "code", "name", "passes", "valid_from", "valid_to")
    list_filter = ("scale", "passes")


@admin.register(TraineeCategory)
class TraineeCategoryAdmin(AuditedModelAdmin):
    list_display = ("rank", "code", "name", "valid_from", "valid_to", "unconfirmed")
    list_filter = ("unconfirmed",)
    search_fields = ("code", "name", "description")


@admin.register(TrainingPlan)
class TrainingPlanAdmin(ReadOnlyAdmin):
    list_display = ("title", "org_unit", "year", "audience", "planned_days", "approved_on")
    list_filter = ("year", "audience")
    list_select_related = ("org_unit",)
    search_fields = ("title",)


@admin.register(TrainingSession)
class TrainingSessionAdmin(ReadOnlyAdmin):
    list_display = ("held_on", "topic", "kind", "days", "plan", "org_unit")
    list_filter = ("kind",)
    list_select_related = ("plan", "org_unit")
    date_hierarchy = "held_on"


@admin.register(Attendance)
class AttendanceAdmin(ReadOnlyAdmin):
    list_display = ("session", "person", "present", "result")
    list_select_related = ("session", "person", "result")


@admin.register(EducationCourse)
class EducationCourseAdmin(ReadOnlyAdmin):
    list_display = ("title", "org_unit", "year", "category", "starts_on", "planned_trainees")
    list_filter = ("year", "category")
    list_select_related = ("org_unit", "category")


@admin.register(CourseParticipant)
class CourseParticipantAdmin(ReadOnlyAdmin):
    list_display = ("course", "person", "official_name", "position", "completed", "result")
    list_select_related = ("course", "person", "result")


@admin.register(Propagandist)
class PropagandistAdmin(ReadOnlyAdmin):
    list_display = ("full_name", "org_unit", "position", "appointed_on", "left_on")
    list_select_related = ("org_unit",)
    search_fields = ("full_name",)


@admin.register(PropagandistTraining)
class PropagandistTrainingAdmin(ReadOnlyAdmin):
    list_display = ("propagandist", "trained_on", "title", "result")
    list_select_related = ("propagandist", "result")
