from django.urls import path

from qsdp.reporting.views import dashboard as dashboard_views
from qsdp.reporting.views import home, submissions, targets

app_name = "reporting"
urlpatterns = [
    path("", home.home, name="home"),
    # The dashboard and the records behind each number (views/dashboard.py).
    path("dashboard/", dashboard_views.dashboard_view, name="dashboard"),
    path("dashboard/<str:code>/", dashboard_views.drilldown_view, name="drilldown"),
    path("targets/<int:unit_pk>/<int:year>/", targets.target_list, name="target-list"),
    path("targets/<int:unit_pk>/<int:year>/copy/", targets.target_copy, name="target-copy"),
    path(
        "targets/<int:unit_pk>/<int:year>/progress/",
        targets.target_progress,
        name="target-progress",
    ),
    path("targets/<int:pk>/delete/", targets.target_remove, name="target-delete"),
    path("approvals/<int:unit_pk>/<int:year>/", submissions.approval_list, name="approval-list"),
    path(
        "approvals/<int:unit_pk>/<int:year>/due/",
        submissions.submission_due,
        name="submission-due",
    ),
    path(
        "submissions/<int:unit_pk>/<int:year>/submit/",
        submissions.submission_submit_view,
        name="submission-submit",
    ),
    path(
        "submissions/<int:pk>/approve/",
        submissions.submission_approve_view,
        name="submission-approve",
    ),
    path(
        "submissions/<int:pk>/reopen/",
        submissions.submission_reopen_view,
        name="submission-reopen",
    ),
]
