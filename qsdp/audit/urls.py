from django.urls import path

from qsdp.audit import views

app_name = "audit"
urlpatterns = [
    path("", views.log, name="log"),
    path("people/<int:pk>/", views.subject_report_page, name="subject-report"),
    path("people/<int:pk>/pdf/", views.subject_report_pdf, name="subject-report-pdf"),
]
