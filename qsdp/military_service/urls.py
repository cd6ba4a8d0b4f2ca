from django.urls import path, register_converter

from qsdp.military_service import views


class DocumentKind:
    """``pdf`` or ``xlsx``: the downloads of a register."""

    regex = "pdf|xlsx"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


class StageListName:
    """The name of a stage list that downloads (``views.STAGE_LISTS``)."""

    regex = "|".join(views.STAGE_LISTS)

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(DocumentKind, "document")
register_converter(StageListName, "stage_list")

app_name = "military_service"
person = "people/<int:pk>"
urlpatterns = [
    path("", views.overview, name="overview"),
    # Registration.
    path("registration/", views.registration_list_view, name="registration-list"),
    path("registration/january/", views.january_list_view, name="january-list"),
    path(
        "registration/overdue-transfers/",
        views.overdue_transfer_list,
        name="overdue-transfer-list",
    ),
    path(
        f"{person}/first-registration/",
        views.first_registration_record,
        name="first-registration-record",
    ),
    path(
        f"{person}/supplementary-registration/",
        views.supplementary_registration_record,
        name="supplementary-registration-record",
    ),
    path(
        f"{person}/temporary-absence/",
        views.temporary_absence_record,
        name="temporary-absence-record",
    ),
    path(f"{person}/absence-return/", views.absence_return_record, name="absence-return-record"),
    # Checks.
    path(f"{person}/pre-screening/", views.pre_screening_record, name="pre-screening-record"),
    path(f"{person}/health-exam/", views.health_exam_record, name="health-exam-record"),
    path(f"{person}/education-check/", views.education_check_record, name="education-check-record"),
    path(f"{person}/political-check/", views.political_check_record, name="political-check-record"),
    # Deferral and exemption.
    path(f"{person}/deferral/", views.deferral_decide, name="deferral-decide"),
    path(f"{person}/deferral/end/", views.deferral_end, name="deferral-end"),
    path("deferrals/", views.deferral_list_view, name="deferral-list"),
    path("deferrals/recheck/", views.recheck_list_view, name="recheck-list"),
    path("deferrals/public/", views.public_deferral_list_view, name="public-deferral-list"),
    path(
        "deferrals/public.<document:kind>",
        views.public_deferral_document_view,
        name="public-deferral-document",
    ),
    # Call-up.
    path("quotas/", views.quota_tree_view, name="quota-tree"),
    path("quotas/assign/", views.quota_assign, name="quota-assign"),
    path("candidates/", views.candidate_list_view, name="candidate-list"),
    path(
        "candidates/<int:unit_pk>/build/", views.candidate_list_build, name="candidate-list-build"
    ),
    path(
        "candidates/<int:unit_pk>/approve/",
        views.candidate_list_approve,
        name="candidate-list-approve",
    ),
    path(
        "candidates/<int:pk>/substitute/", views.candidate_substitute, name="candidate-substitute"
    ),
    path("candidates/<int:pk>/order/", views.order_issue, name="order-issue"),
    path("orders/", views.order_list_view, name="order-list"),
    path("orders/<int:unit_pk>/issue-all/", views.order_issue_all, name="order-issue-all"),
    path("orders/print/", views.order_print, name="order-print"),
    path("orders/<int:pk>/print/", views.order_print_one, name="order-print-one"),
    path("ready-register/", views.ready_register_view, name="ready-register"),
    path(
        "ready-register.<document:kind>",
        views.ready_register_document_view,
        name="ready-register-document",
    ),
    path(f"{person}/enlistment/", views.enlistment_record, name="enlistment-record"),
    # The stage lists as documents (the filters of the page in the query string).
    path(
        "lists/<stage_list:list_name>.<document:kind>",
        views.stage_list_document,
        name="stage-list-document",
    ),
    # Discharge and return.
    path("returnees/", views.returnee_list_view, name="returnee-list"),
    path(f"{person}/discharge/", views.discharge_record, name="discharge-record"),
    path(f"{person}/return-home/", views.return_home_record, name="return-home-record"),
    path(
        f"{person}/reserve-registration/",
        views.reserve_registration_record,
        name="reserve-registration-record",
    ),
]
