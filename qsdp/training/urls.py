from django.urls import path

from qsdp.training import views

app_name = "training"
plan = "plans/<int:pk>"
course = "courses/<int:pk>"
propagandist = "propagandists/<int:pk>"
urlpatterns = [
    # Training plans of the armed forces, their sessions and attendance.
    path("", views.plan_list_view, name="plan-list"),
    path("plans/new/", views.plan_create, name="plan-create"),
    path(f"{plan}/", views.plan_detail, name="plan-detail"),
    path(f"{plan}/approve/", views.plan_approve, name="plan-approve"),
    path(f"{plan}/sessions/new/", views.session_create, name="session-create"),
    path(
        f"{plan}/attendance.xlsx",
        views.attendance_document_view,
        {"kind": "xlsx"},
        name="attendance-xlsx",
    ),
    path(
        f"{plan}/attendance.pdf",
        views.attendance_document_view,
        {"kind": "pdf"},
        name="attendance-pdf",
    ),
    path("sessions/<int:pk>/", views.session_detail, name="session-detail"),
    # The year's summary.
    path("summary/", views.summary_view, name="summary"),
    path("summary.xlsx", views.summary_document_view, {"kind": "xlsx"}, name="summary-xlsx"),
    path("summary.pdf", views.summary_document_view, {"kind": "pdf"}, name="summary-pdf"),
    # Defence and security education.
    path("courses/", views.course_list_view, name="course-list"),
    path("courses/new/", views.course_create, name="course-create"),
    path(f"{course}/", views.course_detail, name="course-detail"),
    path(f"{course}/participants/new/", views.participant_add, name="participant-add"),
    path(f"{course}/results/", views.course_results, name="course-results"),
    path("categories/", views.category_list_view, name="category-list"),
    # Grassroots propagandists.
    path("propagandists/", views.propagandist_list_view, name="propagandist-list"),
    path("propagandists/new/", views.propagandist_create, name="propagandist-create"),
    path(f"{propagandist}/", views.propagandist_detail, name="propagandist-detail"),
    path(f"{propagandist}/leave/", views.propagandist_leave, name="propagandist-leave"),
    path(f"{propagandist}/training/", views.propagandist_training, name="propagandist-training"),
]
