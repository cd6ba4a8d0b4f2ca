from django.urls import path

from qsdp.awards import views

app_name = "awards"
urlpatterns = [
    path("", views.award_list, name="award-list"),
    path("proposals/new/", views.proposal_create, name="proposal-create"),
    path("proposals/<int:pk>/", views.proposal_detail, name="proposal-detail"),
    path("proposals/<int:pk>/edit/", views.proposal_edit, name="proposal-edit"),
    path("proposals/<int:pk>/recipients/new/", views.recipient_add, name="recipient-add"),
    path("recipients/<int:pk>/remove/", views.recipient_remove, name="recipient-remove"),
    path("proposals/<int:pk>/submit/", views.proposal_submit, name="proposal-submit"),
    path("proposals/<int:pk>/review/", views.proposal_review, name="proposal-review"),
    path("decisions/new/", views.decision_create, name="decision-create"),
    path("decisions/<int:pk>/", views.decision_detail, name="decision-detail"),
    path("decisions/<int:pk>/revoke/", views.decision_revoke, name="decision-revoke"),
    path("decisions/<int:pk>/decision.pdf", views.decision_pdf, name="decision-pdf"),
]
