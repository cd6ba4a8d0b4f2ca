from django.urls import path

from qsdp.reserves import views

app_name = "reserves"
reservist = "<int:pk>"
urlpatterns = [
    # The register.
    path("", views.reservist_list_view, name="reservist-list"),
    path("register.pdf", views.register_document, {"kind": "pdf"}, name="register-pdf"),
    path("register.xlsx", views.register_document, {"kind": "xlsx"}, name="register-xlsx"),
    path("people/<int:person_pk>/add/", views.reservist_create, name="reservist-create"),
    path(f"{reservist}/", views.reservist_detail, name="reservist-detail"),
    path(f"{reservist}/card.pdf", views.reservist_card_view, name="reservist-card"),
    path(f"{reservist}/edit/", views.reservist_edit, name="reservist-edit"),
    path(f"{reservist}/remove/", views.reservist_remove, name="reservist-remove"),
    path(f"{reservist}/arrange/", views.reservist_arrange, name="reservist-arrange"),
    path(f"{reservist}/review/", views.review_record, name="review-record"),
    path(f"{reservist}/decision/", views.decision_record, name="decision-record"),
    path("arrangements/<int:pk>/end/", views.arrangement_end, name="arrangement-end"),
    # Returnees from military service.
    path("returnees/", views.returnee_list, name="returnee-list"),
    path(
        "returnees/<int:person_pk>/register/",
        views.returnee_register,
        name="returnee-register",
    ),
    # Units, posts, readiness checks.
    path("units/", views.unit_list, name="unit-list"),
    path("units/new/", views.unit_create, name="unit-create"),
    path("units/<int:pk>/", views.unit_detail, name="unit-detail"),
    path("units/<int:pk>/edit/", views.unit_edit, name="unit-edit"),
    path("units/<int:pk>/posts/new/", views.post_create, name="post-create"),
    path("posts/<int:pk>/edit/", views.post_edit, name="post-edit"),
    path("units/<int:pk>/checks/new/", views.check_record, name="check-record"),
    path("checks/", views.check_list, name="check-list"),
    # The yearly review and the decisions.
    path("reviews/", views.review_list_view, name="review-list"),
    path("decisions/", views.decision_list_view, name="decision-list"),
    # Equipment.
    path("equipment/", views.equipment_list_view, name="equipment-list"),
    path("equipment/new/", views.equipment_register, name="equipment-register"),
    path("equipment/<int:pk>/earmark/", views.equipment_earmark, name="equipment-earmark"),
    path("equipment/<int:pk>/release/", views.equipment_release, name="equipment-release"),
]
