from django.urls import path

from qsdp.militia import views

app_name = "militia"
person = "people/<int:pk>"
member = "members/<int:pk>"
urlpatterns = [
    # Members.
    path("", views.member_list_view, name="member-list"),
    path(f"{member}/", views.member_detail, name="member-detail"),
    path(f"{member}/edit/", views.member_edit, name="member-edit"),
    path(f"{member}/leave/", views.member_leave, name="member-leave"),
    path(f"{member}/extend/", views.member_extend, name="member-extend"),
    path(f"{member}/completion/", views.member_completion, name="member-completion"),
    path(f"{member}/training/", views.training_record, name="training-record"),
    path(f"{person}/join/", views.member_add, name="member-add"),
    # Units.
    path("units/", views.unit_list_view, name="unit-list"),
    path("units/new/", views.unit_create, name="unit-create"),
    path("units/<int:pk>/", views.unit_detail, name="unit-detail"),
    path("units/<int:pk>/edit/", views.unit_edit, name="unit-edit"),
    # The April registration.
    path("registrations/", views.registration_list_view, name="registration-list"),
    path("registrations/generate/", views.registration_generate, name="registration-generate"),
    path(f"{person}/register/", views.registration_add, name="registration-add"),
    # Deferral and exemption.
    path("decisions/", views.decision_list_view, name="decision-list"),
    path("decisions/<int:pk>/end/", views.decision_end, name="decision-end"),
    path(f"{person}/decision/", views.decision_record, name="decision-record"),
    # Training, strength, the roster.
    path("training/", views.training_list_view, name="training-list"),
    path("strength/", views.strength_view, name="strength"),
    path("roster.xlsx", views.roster_document_view, {"kind": "xlsx"}, name="roster-xlsx"),
    path("roster.pdf", views.roster_document_view, {"kind": "pdf"}, name="roster-pdf"),
]
