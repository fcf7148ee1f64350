"""Admin screens for trainers: the digest runs, a preview, and sending now."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kombu.exceptions import OperationalError

from . import digests
from .models import Delivery, DigestRun, Subscriber
from .tasks import start_digest_run

PERMISSION = "community.add_digestrun"
MAX_DELIVERIES_SHOWN = 200


@permission_required(PERMISSION, raise_exception=True)
def digest_runs(request):
    """Recent runs with their delivery counts, and the send and preview forms."""
    runs = DigestRun.objects.order_by("-period_start", "frequency").annotate(
        **{
            status: Count("deliveries", filter=Q(deliveries__status=status))
            for status in Delivery.Status.values
        }
    )[:24]
    return TemplateResponse(
        request,
        "community/admin/digest_runs.html",
        {
            "runs": runs,
            "frequencies": Subscriber.Frequency.choices,
            "statuses": Delivery.Status.choices,
            "subscribers": Subscriber.objects.filter(
                status=Subscriber.Status.ACTIVE
            ).order_by("email")[:50],
        },
    )


@require_POST
@permission_required(PERMISSION, raise_exception=True)
def send_now(request):
    """Start this period's run for a frequency; a run already made is not repeated."""
    frequency = request.POST.get("frequency")
    if frequency not in Subscriber.Frequency.values:
        messages.error(request, _("Choose weekly or monthly."))
    else:
        try:
            start_digest_run.delay(frequency)
        except OperationalError:
            # Sending every digest from this request would outlast it.
            messages.error(
                request,
                _("The task queue cannot be reached: try again in a few minutes."),
            )
        else:
            messages.success(request, _("The digest run has started."))
    return redirect("community_digest_runs")


@permission_required(PERMISSION, raise_exception=True)
def preview(request, subscriber_id):
    """The digest this member would get now, as the HTML part of the email."""
    subscriber = get_object_or_404(Subscriber, pk=subscriber_id)
    message = digests.preview(subscriber)
    if message is None:
        return HttpResponse(
            _("Nothing new for this member: no digest would be sent."),
            content_type="text/plain; charset=utf-8",
        )
    return HttpResponse(message.alternatives[0][0])


def may_see_subscribers(user):
    from .wagtail_hooks import subscriber_viewset

    return subscriber_viewset.permission_policy.user_has_any_permission(
        user, ["view", "change"]
    )


def subscriber_deliveries(request, pk):
    """Every digest delivery of one member: run, status, when sent, why it failed."""
    if not may_see_subscribers(request.user):
        raise PermissionDenied
    subscriber = get_object_or_404(Subscriber, pk=pk)
    deliveries = subscriber.deliveries.select_related("run").order_by(
        "-run__period_start", "-pk"
    )[:MAX_DELIVERIES_SHOWN]
    return TemplateResponse(
        request,
        "community/admin/subscriber_deliveries.html",
        {"subscriber": subscriber, "deliveries": deliveries},
    )
