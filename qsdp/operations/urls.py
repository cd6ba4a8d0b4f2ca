from django.urls import path

from qsdp.operations import views

app_name = "operations"
urlpatterns = [
    # Drills.
    path("", views.drill_plan_list_view, name="drill-plan-list"),
    path("drills/due/", views.drill_due_view, name="drill-due"),
    path("drills/plans/new/", views.drill_plan_create, name="drill-plan-create"),
    path("drills/plans/<int:pk>/", views.drill_plan_detail, name="drill-plan-detail"),
    path("drills/plans/<int:pk>/edit/", views.drill_plan_edit, name="drill-plan-edit"),
    path("drills/plans/<int:pk>/held/", views.drill_record, name="drill-record"),
    path("drills/", views.drill_list_view, name="drill-list"),
    path("drills/<int:pk>/", views.drill_detail, name="drill-detail"),
    path("drills/<int:pk>/rate/", views.drill_rate, name="drill-rate"),
    path("drills/<int:pk>/report.pdf", views.drill_report_view, name="drill-report-pdf"),
    # Readiness duty.
    path("duty/", views.duty_post_list_view, name="duty-post-list"),
    path("duty/posts/new/", views.duty_post_create, name="duty-post-create"),
    path("duty/posts/<int:pk>/roster/", views.roster_edit, name="roster"),
    path("duty/posts/<int:pk>/log/", views.duty_log_record, name="duty-log-record"),
    path("duty/roster.pdf", views.roster_document_view, {"kind": "pdf"}, name="roster-pdf"),
    path("duty/roster.xlsx", views.roster_document_view, {"kind": "xlsx"}, name="roster-xlsx"),
    path("duty/swaps/", views.swap_list_view, name="swap-list"),
    path("duty/shifts/<int:pk>/swap/", views.swap_request, name="swap-request"),
    path("duty/swaps/<int:pk>/decide/", views.swap_decide, name="swap-decide"),
    path("duty/logs/", views.duty_log_list_view, name="duty-log-list"),
    # Patrols and incidents.
    path("patrols/", views.patrol_list_view, name="patrol-list"),
    path("patrols/new/", views.patrol_record, name="patrol-record"),
    path("incidents/", views.incident_list_view, name="incident-list"),
    path("incidents/new/", views.incident_report, name="incident-report"),
    path("incidents/<int:pk>/", views.incident_detail, name="incident-detail"),
    path("incidents/<int:pk>/follow-up/", views.incident_follow_up, name="incident-follow-up"),
    # Directives and tasks.
    path("directives/", views.directive_list_view, name="directive-list"),
    path("directives/new/", views.directive_create, name="directive-create"),
    path("directives/<int:pk>/", views.directive_detail, name="directive-detail"),
    path("directives/<int:pk>/file/", views.directive_file, name="directive-file"),
    path("directives/<int:pk>/tasks/new/", views.task_assign, name="task-assign"),
    path("tasks/", views.task_list_view, name="task-list"),
    path("tasks/<int:pk>/report/", views.task_report, name="task-report"),
    path("reports/<int:pk>/file/", views.report_file, name="report-file"),
    # The calendar of everything scheduled.
    path("calendar/", views.calendar_view, name="calendar"),
    path("calendar.pdf", views.calendar_pdf_view, name="calendar-pdf"),
]
