from django.urls import path
from drf_spectacular.views import SpectacularAPIView

from qsdp.api import views
from qsdp.api.apis import forces, military_service, people, reports

app_name = "api"
urlpatterns = [
    # Pages for people: the user's tokens and the documentation.
    path("tokens/", views.token_list, name="token-list"),
    path("tokens/<int:pk>/revoke/", views.token_revoke, name="token-revoke"),
    path("docs/", views.docs, name="docs"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # The API.
    path("people/", people.PersonListApi.as_view(), name="person-list"),
    path("people/<int:pk>/", people.PersonDetailApi.as_view(), name="person-detail"),
    path(
        "people/<int:pk>/service-events/",
        military_service.ServiceEventListApi.as_view(),
        name="service-event-list",
    ),
    path(
        "military-service/registrations/",
        military_service.RegistrationListApi.as_view(),
        name="registration-list",
    ),
    path("military-service/quotas/", military_service.QuotaListApi.as_view(), name="quota-list"),
    path(
        "military-service/candidates/",
        military_service.CandidateListApi.as_view(),
        name="candidate-list",
    ),
    path("reserves/reservists/", forces.ReservistListApi.as_view(), name="reservist-list"),
    path(
        "reserves/reservists/<int:pk>/",
        forces.ReservistDetailApi.as_view(),
        name="reservist-detail",
    ),
    path("militia/members/", forces.MilitiaMemberListApi.as_view(), name="member-list"),
    path(
        "militia/members/<int:pk>/", forces.MilitiaMemberDetailApi.as_view(), name="member-detail"
    ),
    path("org-units/", reports.OrgUnitTreeApi.as_view(), name="org-unit-tree"),
    path("indicators/", reports.IndicatorListApi.as_view(), name="indicator-list"),
    path("reports/submissions/", reports.SubmissionListApi.as_view(), name="submission-list"),
    path("reports/annual/", reports.AnnualReportApi.as_view(), name="annual-report"),
]
