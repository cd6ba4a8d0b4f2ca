from django.urls import path

from qsdp.review import views

app_name = "review"
urlpatterns = [
    path("", views.review_list_view, name="review-list"),
    path("new/", views.review_create, name="review-create"),
    path("<int:pk>/", views.review_detail, name="review-detail"),
    path("<int:pk>/edit/", views.review_edit, name="review-edit"),
    path("<int:pk>/paragraphs/<slug:key>/", views.paragraph_edit, name="paragraph-edit"),
    path("<int:pk>/sign/", views.review_sign, name="review-sign"),
    path("<int:pk>/review.docx", views.review_document, {"kind": "docx"}, name="review-docx"),
    path("<int:pk>/review.pdf", views.review_document, {"kind": "pdf"}, name="review-pdf"),
    path("<int:pk>/news/", views.news_edit, name="news-edit"),
    path("<int:pk>/news.txt", views.news_download, {"kind": "txt"}, name="news-txt"),
    path("<int:pk>/news.docx", views.news_download, {"kind": "docx"}, name="news-docx"),
]
