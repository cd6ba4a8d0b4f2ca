"""Pages of API lists: ``?page=`` and ``?page_size=`` (at most MAX_PAGE_SIZE)."""

from django.conf import settings
from rest_framework import pagination

MAX_PAGE_SIZE = 200


class PageNumberPagination(pagination.PageNumberPagination):
    page_size = settings.QSDP_PAGE_SIZE
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE
