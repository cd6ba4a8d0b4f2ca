from django.urls import path

from qsdp.people import views

app_name = "people"
urlpatterns = [
    path("", views.person_list, name="person-list"),
    path("new/", views.person_create, name="person-create"),
    path("<int:pk>/", views.person_detail, name="person-detail"),
    path("<int:pk>/edit/", views.person_edit, name="person-edit"),
    path("<int:pk>/sensitive/", views.person_sensitive, name="person-sensitive"),
    path("<int:pk>/transfer-out/", views.person_transfer_out, name="person-transfer-out"),
    path("<int:pk>/transfer-in/", views.person_transfer_in, name="person-transfer-in"),
    path("<int:pk>/delete/", views.person_delete, name="person-delete"),
    path("deleted/", views.deleted_list, name="deleted-list"),
    path("deleted/<int:pk>/restore/", views.person_restore, name="person-restore"),
]
