"""Subscribe, confirm, manage preferences, unsubscribe: no account needed."""

from django.http import JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from django_ratelimit.core import is_ratelimited

from . import subscriptions
from .forms import PreferencesForm, SubscribeForm
from .models import Subscriber
from .tokens import manage_token, read_confirmation_token, subscriber_for_manage_token

CLIENT_RATE = "10/h"
ADDRESS_RATE = "3/h"
STATUS_FOR_ACTION = {
    "pause": Subscriber.Status.PAUSED,
    "resume": Subscriber.Status.ACTIVE,
    "unsubscribe": Subscriber.Status.UNSUBSCRIBED,
}


def too_many_requests(request, email):
    """Per client and per address limits on subscription requests."""
    by_client = is_ratelimited(
        request,
        group="community.subscribe.client",
        key="ip",
        rate=CLIENT_RATE,
        increment=True,
    )
    by_address = is_ratelimited(
        request,
        group="community.subscribe.address",
        key=lambda group, request: email.strip().lower(),
        rate=ADDRESS_RATE,
        increment=True,
    )
    return by_client or by_address


def subscribe(request, page):
    """The subscription form; a valid request mails a confirmation link."""
    form = SubscribeForm(
        request.POST if request.method == "POST" else None,
        initial={"language": translation.get_language()},
    )
    status = 200
    if form.is_valid():
        if too_many_requests(request, form.cleaned_data["email"]):
            form.add_error(None, _("Too many requests. Please try again in an hour."))
            status = 429
        else:
            subscriptions.request_subscription(form.request_data())
            return TemplateResponse(
                request,
                "community/subscribe_sent.html",
                {"page": page, "email": form.cleaned_data["email"]},
            )
    elif form.is_bound:
        status = 400
    return TemplateResponse(
        request, page.get_template(request), {"page": page, "form": form}, status=status
    )


def invalid_link(request):
    return TemplateResponse(request, "community/invalid_link.html", status=400)


@require_http_methods(["GET", "POST"])
def confirm(request, token):
    """GET shows what will be confirmed (mail scanners follow links); POST confirms."""
    request_data = read_confirmation_token(token)
    if request_data is None:
        return invalid_link(request)
    if request.method == "POST":
        subscriber = subscriptions.confirm_subscription(request_data)
        with translation.override(subscriber.language):
            return redirect("community:preferences", manage_token(subscriber))
    return TemplateResponse(
        request, "community/confirm.html", {"email": request_data["email"]}
    )


@require_http_methods(["GET", "POST"])
def preferences(request, token):
    """Change topics, frequency and language; pause, resume or unsubscribe."""
    subscriber = subscriber_for_manage_token(token)
    if subscriber is None:
        return invalid_link(request)
    form = PreferencesForm(instance=subscriber)
    saved = False
    error = None
    status = 200
    if request.method == "POST":
        action = request.POST.get("action", "save")
        if action == "save":
            form = PreferencesForm(request.POST, instance=subscriber)
            if form.is_valid():
                subscriber = subscriptions.save_preferences(form)
                saved = True
            else:
                status = 400
        elif action == "download":
            response = JsonResponse(
                subscriptions.export_data(subscriber),
                json_dumps_params={"ensure_ascii": False, "indent": 2},
            )
            response["Content-Disposition"] = 'attachment; filename="libri-digest.json"'
            return response
        elif action == "erase":
            subscriptions.erase(subscriber)
            return TemplateResponse(request, "community/erased.html")
        elif action in STATUS_FOR_ACTION:
            subscriber = subscriptions.set_status(
                subscriber, STATUS_FOR_ACTION[action], subscriptions.Source.EMAIL_LINK
            )
            saved = True
        else:
            error = _("That action is not available here.")
            status = 400
    return TemplateResponse(
        request,
        "community/preferences.html",
        {"subscriber": subscriber, "form": form, "saved": saved, "error": error},
        status=status,
    )


@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """One-click unsubscribe (RFC 8058): POST ends the subscription, idempotently.

    It needs no cookie and no CSRF token, as mail clients post it themselves. A GET
    only shows a button, because mail scanners open every link.
    """
    subscriber = subscriber_for_manage_token(token)
    if subscriber is None:
        return invalid_link(request)
    with translation.override(subscriber.language):
        if request.method == "POST":
            subscriptions.set_status(
                subscriber,
                Subscriber.Status.UNSUBSCRIBED,
                subscriptions.Source.ONE_CLICK,
            )
        return TemplateResponse(
            request,
            "community/unsubscribe.html",
            {"done": request.method == "POST", "token": token},
        ).render()
