from django.urls import path

from qsdp.orgunits import views

app_name = "orgunits"
urlpatterns = [
    path("", views.org_unit_tree, name="tree"),
    path("<int:pk>/", views.org_unit_detail, name="detail"),
]
