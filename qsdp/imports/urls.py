from django.urls import path

from qsdp.imports import views

app_name = "imports"
urlpatterns = [
    path("", views.job_list, name="job-list"),
    path("new/", views.job_create, name="job-create"),
    path("<int:pk>/", views.job_detail, name="job-detail"),
    path("<int:pk>/progress/", views.job_progress, name="job-progress"),
    path("<int:pk>/commit/", views.job_commit, name="job-commit"),
    path("<int:pk>/restart/", views.job_restart, name="job-restart"),
    path("templates/<str:kind>.xlsx", views.template_download, name="template-download"),
    path("export/<str:kind>.<str:file_format>", views.export_download, name="export"),
]
