"""Certificates in the Wagtail admin: trainers find them and revoke with a reason."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin.ui.menus import MenuItem as RowMenuItem
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .certificates import MalformedCode, normalise_code, revoke_certificate
from .models import Certificate

REVOKE_PERMISSION = "learning.revoke_certificate"


class IssuedOnlyPermissionPolicy(ModelPermissionPolicy):
    """Certificates are only ever issued by completing a course: never added,
    edited or deleted by hand, so that each says what the learner earned."""

    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete"):
            return False
        return super().user_has_permission(user, action)


register_permission_policy(Certificate, IssuedOnlyPermissionPolicy(Certificate))


class RevokeForm(forms.Form):
    """Why a certificate no longer stands: the verification page shows it."""

    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Shown on the public verification page."),
    )


class CertificateIndexView(IndexView):
    """The list, with a revoke button on each certificate still standing."""

    def search_queryset(self, queryset):
        """A code finds its certificate however it is typed (dashes, case)."""
        try:
            code = normalise_code(self.search_query)
        except MalformedCode:
            return super().search_queryset(queryset)
        return super().search_queryset(queryset) | queryset.filter(code=code)

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if not instance.is_revoked and self.request.user.has_perm(REVOKE_PERMISSION):
            buttons.append(
                RowMenuItem(
                    _("Revoke"),
                    url=reverse("certificates:revoke", args=[instance.pk]),
                    icon_name="cross",
                    priority=20,
                )
            )
        return buttons


@permission_required(REVOKE_PERMISSION, raise_exception=True)
def revoke(request, pk):
    """Revoke a certificate, once, with the reason the verification page gives."""
    certificate = get_object_or_404(Certificate, pk=pk)
    form = RevokeForm(request.POST or None)
    if request.method == "POST" and not certificate.is_revoked and form.is_valid():
        revoke_certificate(certificate, form.cleaned_data["reason"], request.user)
        messages.success(
            request,
            _("Certificate %(code)s is revoked.") % {"code": certificate.display_code},
        )
        return redirect("certificates:index")
    status = 200
    if request.method == "POST":
        status = 409 if certificate.is_revoked else 400
    return TemplateResponse(
        request,
        "learning/admin/revoke_certificate.html",
        {"certificate": certificate, "form": form},
        status=status,
    )


class CertificateViewSet(ModelViewSet):
    """Every certificate issued, searchable by code and learner."""

    model = Certificate
    index_view_class = CertificateIndexView
    icon = "doc-full"
    menu_label = gettext_lazy("Certificates")
    add_to_admin_menu = True
    menu_order = 430
    list_display = [
        "display_code",
        "learner_name",
        "course_title",
        "issued_at",
        "revoked_at",
    ]
    list_filter = ["language"]
    search_fields = ["code", "learner_name", "course_title", "user__email"]
    search_backend_name = None
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = []

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("revoke/<int:pk>/", revoke, name="revoke"),
        ]


certificate_viewset = CertificateViewSet("certificates")
