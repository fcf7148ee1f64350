"""A mixed load under gunicorn: readers, searchers and learners at once.

16 keep-alive connections (2 client processes of 8 threads) for a bounded time.
Each connection is a signed-in learner who, in turn, opens the home page, a
content page and a search, opens a lesson and marks it complete (a real
completion the first time; the site's 409 "already completed" afterwards, which is
an answer, not an error). An error is a 5xx, a connection failure or a timeout.
"""

import http.client
import re
import statistics
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from urllib.parse import urlencode

PROCESSES = 2
THREADS = 8
WORDS = ("partnerība", "hakatons", "bibliotēka", "kopiena", "stratēģija")
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
CSRF_COOKIE = re.compile(r"csrftoken=([^;]+)")


def learner_sessions(count):
    """Session cookies of ``count`` new learners, signed in as Django does it."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import (
        BACKEND_SESSION_KEY,
        HASH_SESSION_KEY,
        SESSION_KEY,
        get_user_model,
    )

    from learning.models import LearnerProfile

    engine = import_module(settings.SESSION_ENGINE)
    cookies = []
    for number in range(count):
        email = f"load-{number}@bench.example"
        user = get_user_model().objects.create_user(username=email, email=email)
        LearnerProfile.objects.create(user=user, preferred_language="lv")
        session = engine.SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.save()
        cookies.append(f"{settings.SESSION_COOKIE_NAME}={session.session_key}")
    return cookies


class Visitor:
    """One connection's requests, timed per kind."""

    def __init__(self, port, cookie, plan, number):
        self.port = port
        self.cookie = cookie
        self.plan = plan
        self.number = number
        self.timings = {}
        self.errors = 0
        self.connection = self.connect()

    def connect(self):
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=15)

    def request(self, kind, method, url, body=None, headers=None):
        """(status, body text) of one request; None after an error."""
        headers = {"Cookie": self.cookie, **(headers or {})}
        started = time.perf_counter()
        try:
            self.connection.request(method, url, body=body, headers=headers)
            response = self.connection.getresponse()
            text = response.read().decode("utf-8", "replace")
        except (OSError, http.client.HTTPException):
            self.errors += 1
            self.connection.close()
            self.connection = self.connect()
            return None
        elapsed = (time.perf_counter() - started) * 1000
        self.timings.setdefault(kind, []).append(elapsed)
        if response.status >= 500:
            self.errors += 1
            return None
        if csrf := CSRF_COOKIE.search(response.getheader("Set-Cookie") or ""):
            session = self.cookie.split("; csrftoken=")[0]
            self.cookie = f"{session}; csrftoken={csrf[1]}"
        return response.status, text

    def round(self, turn):
        lesson_url, complete_url = self.plan["lessons"][
            (turn + self.number) % len(self.plan["lessons"])
        ]
        word = WORDS[(turn + self.number) % len(WORDS)]
        self.request("home page", "GET", "/lv/")
        self.request("content page", "GET", self.plan["content"])
        self.request("search", "GET", "/lv/search/?" + urlencode({"query": word}))
        answer = self.request("lesson (signed in)", "GET", lesson_url)
        token = TOKEN.search(answer[1]) if answer else None
        if token:
            self.request(
                "completion (POST)",
                "POST",
                complete_url,
                body=urlencode({"csrfmiddlewaretoken": token[1]}),
                headers={"Content-Type": "application/x-www-form-urlencoded"},
            )

    def run(self, seconds):
        deadline = time.monotonic() + seconds
        turn = 0
        while time.monotonic() < deadline:
            self.round(turn)
            turn += 1
        self.connection.close()
        return self.timings, self.errors


def client_process(port, cookies, plan, first, seconds):
    results = []
    threads = [
        threading.Thread(
            target=lambda n=n: results.append(
                Visitor(port, cookies[n], plan, first + n).run(seconds)
            )
        )
        for n in range(len(cookies))
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def plan_of_urls():
    """The content page and the lessons (page, completion URL) the load visits."""
    from courses.models import LessonPage
    from home.models import ContentPage

    lessons = LessonPage.objects.live().public().filter(locale__language_code="lv")
    return {
        "content": ContentPage.objects.live().filter(depth=4).first().url,
        "lessons": [
            (lesson.url, f"/lv/learning/lessons/{lesson.pk}/complete/")
            for lesson in lessons
        ],
    }


def measure(port, seconds):
    """({kind: (count, p50, p95)}, total requests, errors) of the mixed load on the
    gunicorn at ``port``."""
    cookies = learner_sessions(PROCESSES * THREADS)
    plan = plan_of_urls()
    with ProcessPoolExecutor(PROCESSES) as pool:
        futures = [
            pool.submit(
                client_process,
                port,
                cookies[n * THREADS : (n + 1) * THREADS],
                plan,
                n * THREADS,
                seconds,
            )
            for n in range(PROCESSES)
        ]
        results = [result for future in futures for result in future.result()]
    timings, errors = {}, 0
    for visitor_timings, visitor_errors in results:
        errors += visitor_errors
        for kind, values in visitor_timings.items():
            timings.setdefault(kind, []).extend(values)
    figures = {
        kind: (
            len(values),
            statistics.median(values),
            statistics.quantiles(values, n=100)[94] if len(values) > 1 else values[0],
        )
        for kind, values in timings.items()
    }
    return figures, sum(len(v) for v in timings.values()), errors
