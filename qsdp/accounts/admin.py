"""Users and their role assignments in the admin (administrators only, see
``admin_site.py``). Every change is audited."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _

from qsdp.accounts.models import RoleAssignment, User
from qsdp.core.admin import AuditedModelAdmin

# Access comes from role assignments, not from Django groups and permissions.
admin.site.unregister(Group)


class RoleAssignmentInline(admin.TabularInline):
    model = RoleAssignment
    fields = ("role", "org_unit", "valid_from", "valid_to")
    extra = 0


@admin.register(User)
class UserAdmin(AuditedModelAdmin, DjangoUserAdmin):
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        (_("Personal details"), {"fields": ("full_name", "position", "email")}),
        (_("Access rights"), {"fields": ("is_active", "is_superuser")}),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": ("username", "full_name", "position", "password1", "password2"),
            },
        ),
    )
    inlines = (RoleAssignmentInline,)
    list_display = ("username", "full_name", "position", "is_active", "last_login")
    list_filter = ("is_active", "is_superuser", "role_assignments__role")
    search_fields = ("username", "full_name", "position", "email")
    ordering = ("username",)
    filter_horizontal = ()
    readonly_fields = ("last_login", "date_joined")


@admin.register(RoleAssignment)
class RoleAssignmentAdmin(AuditedModelAdmin):
    list_display = ("user", "role", "org_unit", "valid_from", "valid_to")
    list_filter = ("role",)
    list_select_related = ("user", "org_unit")
    search_fields = ("user__username", "user__full_name", "org_unit__name", "org_unit__code")
    date_hierarchy = "valid_from"
