"""Certificates: the learner's downloads, the public verification page, the keys."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from courses.models import CoursePage
from home.serving import without_site

from . import badges
from .certificate_pdf import render_certificate_pdf
from .certificates import (
    LONGEST_INPUT,
    MalformedCode,
    find_certificate,
    issue_certificate,
    normalise_code,
)
from .models import Enrolment
from .views import refused

DOWNLOADS = {"pdf": "learning:certificate_pdf", "badge": "learning:certificate_badge"}


class CertificateCodeForm(forms.Form):
    """The code printed on a certificate, as anyone types it."""

    code = forms.CharField(
        label=gettext_lazy("Certificate code"),
        help_text=gettext_lazy("12 letters and digits, like ABCD-EFGH-JKMN."),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "spellcheck": "false", "maxlength": 64}
        ),
    )

    def clean_code(self):
        try:
            return normalise_code(self.cleaned_data["code"])
        except MalformedCode as error:
            raise forms.ValidationError(error.reason) from error


def no_certificate(request, reason, status):
    """A 4xx page saying why there is no certificate; nothing is issued."""
    return refused(request, reason, status, heading=_("No certificate"))


@login_required
@require_GET
def course_certificate(request, page_id, kind):
    """The learner's certificate of a completed course, issued if still missing."""
    course = CoursePage.objects.live().public().filter(pk=page_id).first()
    if course is None:
        return no_certificate(request, _("There is no such course."), 404)
    completed = Enrolment.objects.filter(
        user=request.user,
        course_key=course.translation_key,
        completed_at__isnull=False,
    ).exists()
    if not completed:
        return no_certificate(
            request,
            _("You have not completed this course yet, so it has no certificate."),
            403,
        )
    certificate = issue_certificate(request.user, course)
    return redirect(DOWNLOADS[kind], certificate.display_code)


def own_certificate(request, code):
    """(the learner's own live certificate, None) or (None, a refusal)."""
    try:
        certificate = find_certificate(code)
    except MalformedCode as error:
        return None, no_certificate(request, error.reason, 400)
    if certificate is None:
        return None, no_certificate(request, _("There is no such certificate."), 404)
    if certificate.user_id != request.user.pk:
        return None, no_certificate(
            request, _("This certificate belongs to another learner."), 403
        )
    if certificate.is_revoked:
        return None, no_certificate(request, _("This certificate was revoked."), 410)
    return certificate, None


def attachment(content, content_type, filename):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_GET
def certificate_pdf(request, code):
    """The learner's certificate as a PDF."""
    certificate, refusal = own_certificate(request, code)
    if refusal:
        return refusal
    return attachment(
        render_certificate_pdf(certificate),
        "application/pdf",
        f"libri-certificate-{certificate.display_code}.pdf",
    )


@login_required
@require_GET
def certificate_badge(request, code):
    """The learner's certificate as a signed Open Badges 3.0 credential (VC-JWT)."""
    certificate, refusal = own_certificate(request, code)
    if refusal:
        return refusal
    return attachment(
        badges.signed_credential(certificate),
        "application/vc+jwt",
        f"libri-badge-{certificate.display_code}.jwt",
    )


def verification_page(request, context, status=200):
    response = TemplateResponse(
        request, "learning/certificate_verify.html", context, status=status
    )
    # The page names a person: for whoever holds the code, not for search engines.
    response["X-Robots-Tag"] = "noindex"
    return response


@require_GET
def verify_form(request):
    """Type a certificate's code to check it; a well-formed one opens its page."""
    if "code" not in request.GET:
        return verification_page(request, {"form": CertificateCodeForm()})
    form = CertificateCodeForm(request.GET)
    if not form.is_valid():
        return verification_page(request, {"form": form}, status=400)
    return redirect("certificate_verify", form.cleaned_data["code"])


@require_GET
def verify(request, code):
    """Whether a certificate is valid, revoked or unknown; no sign-in needed."""
    form = CertificateCodeForm(initial={"code": code[:LONGEST_INPUT]})
    try:
        certificate = find_certificate(code)
    except MalformedCode as error:
        context = {"form": form, "problem": error.reason}
        return verification_page(request, context, status=400)
    if certificate is None:
        problem = _("No certificate has this code. Check it and try again.")
        return verification_page(
            request, {"form": form, "problem": problem}, status=404
        )
    if certificate.user_id is None:
        problem = _(
            "The holder of this certificate has deleted their account, "
            "so it can no longer be verified."
        )
        return verification_page(
            request, {"form": form, "problem": problem}, status=410
        )
    return verification_page(request, {"form": form, "certificate": certificate})


@without_site
@require_GET
def jwks(request):
    """The public key that checks the platform's Open Badges, as a JWK Set."""
    return JsonResponse(badges.jwks(), content_type="application/jwk-set+json")


@require_GET
def issuer(request):
    """The platform's Open Badges issuer profile."""
    return JsonResponse(badges.issuer_profile(), content_type="application/ld+json")
