"""What readers' requests share between them, kept valid by one content generation.

Every change that can alter a rendered page (a page saved, published, unpublished,
moved or deleted; a site, locale, setting, topic, search promotion or view
restriction changed) bumps the *content generation*, a number kept in the shared
cache. A request reads it once; whatever is derived from content is kept under it,
in this process's memory (routes, menus, language links, the site, search
promotions) or in Redis (whole pages), so a change invalidates all of it at once
in every process. When the cache cannot be reached there is no generation, and
every request is served from the database.
"""

import time

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

GENERATION_KEY = "content-generation"
# Memo entries kept per process before it starts afresh (routes are one per URL).
MEMO_LIMIT = 20_000

_memo = {"generation": None, "values": {}}


def bump_generation(**kwargs):
    """A new content generation, now and again once the transaction commits.

    The second bump keeps another process from remembering, under the first one,
    what it read before this transaction's change became visible.
    """
    _bump()
    transaction.on_commit(_bump)


def _bump():
    cache.set(GENERATION_KEY, time.time_ns(), timeout=None)
    _memo["values"] = {}


def read_generation(request, *extra_keys):
    """The content generation (None if the cache fails) and the values of extra_keys.

    Read in one round trip and remembered on the request.
    """
    values = cache.get_many([GENERATION_KEY, *extra_keys])
    generation = values.pop(GENERATION_KEY, None)
    if generation is None:
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
        generation = cache.get(GENERATION_KEY)
    request.content_generation = generation
    return generation, values


def current_generation(request):
    """The content generation of this request, read from the cache at most once."""
    if not hasattr(request, "content_generation"):
        read_generation(request)
    return request.content_generation


def memoized(request, key, build):
    """``build()``, remembered in this process for the current content generation."""
    generation = current_generation(request)
    if generation is None:
        return build()
    if _memo["generation"] != generation or len(_memo["values"]) > MEMO_LIMIT:
        _memo["generation"] = generation
        _memo["values"] = {}
    try:
        return _memo["values"][key]
    except KeyError:
        value = _memo["values"][key] = build()
        return value


def memoized_for_page(request, page, name, build):
    """``build()``, remembered per page like ``memoized``, except in a preview.

    A preview shows a page's unsaved content, which must not be remembered as the
    page's; a page never saved has nothing to remember by.
    """
    if request is None or page.pk is None or getattr(request, "is_preview", False):
        return build()
    return memoized(request, (name, page.pk), build)


def memoized_for_page_until(request, page, name, build):
    """Like ``memoized_for_page``, for a value that also expires with time.

    ``build()`` gives (value, until): until is the time the value stops being
    true (say, when a webinar ends), or None if only a content change can alter it.
    """
    value, until = memoized_for_page(request, page, name, build)
    if until is not None and until <= timezone.now():
        forget((name, page.pk))
        value, until = memoized_for_page(request, page, name, build)
    return value


def public(pages, request=None):
    """``pages`` outside private sections, like Wagtail's ``public()``.

    Wagtail reads every view restriction each time; with a request, the private
    sections are remembered for the content generation instead (saving or deleting
    a restriction bumps it), and a site without any filters nothing.
    """
    if request is None:
        return pages.public()
    private = memoized(request, "private sections", private_sections)
    return pages.exclude(private) if private else pages


def private_sections():
    """A condition matching the pages under view restrictions; None if none are.

    Wagtail's ``private_q()``, except that it says when there is nothing to match.
    """
    from django.db.models import Q

    from wagtail.models import Page, PageViewRestriction

    sections = Q()
    for restriction in PageViewRestriction.objects.select_related("page"):
        sections |= Page.objects.descendant_of_q(restriction.page, inclusive=True)
    return sections or None


def forget(key):
    """Drop one remembered value (for instance a route that no longer resolves)."""
    _memo["values"].pop(key, None)


def changes_content(instance):
    """Whether saving or deleting ``instance`` can change what readers see."""
    from wagtail.contrib.search_promotions.models import SearchPromotion
    from wagtail.contrib.settings.models import BaseSiteSetting
    from wagtail.documents.models import AbstractDocument
    from wagtail.images.models import AbstractImage
    from wagtail.models import Locale, Page, PageViewRestriction, Site
    from wagtail.snippets.models import get_snippet_models

    shown = (Page, Site, Locale, PageViewRestriction, BaseSiteSetting, SearchPromotion)
    return isinstance(instance, (*shown, AbstractImage, AbstractDocument)) or (
        type(instance) in get_snippet_models()
    )


def bump_on_model_change(sender, instance, created=False, **kwargs):
    """Bump for content models; not for site settings made blank on first read."""
    from wagtail.contrib.settings.models import BaseSiteSetting

    if changes_content(instance) and not (
        created and isinstance(instance, BaseSiteSetting)
    ):
        bump_generation()


def connect_signals():
    """Bump the content generation on every change a reader could see."""
    from django.db.models.signals import post_delete, post_save

    from wagtail.signals import page_published, page_unpublished, post_page_move

    post_save.connect(bump_on_model_change, dispatch_uid="libri-generation-save")
    post_delete.connect(bump_on_model_change, dispatch_uid="libri-generation-delete")
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(bump_generation, dispatch_uid=f"libri-generation-{id(signal)}")
