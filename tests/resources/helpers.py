"""Requests and query counting shared by the content library's tests."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def get(client, url, data=None, **headers):
    response = client.get(url, data or {}, headers=headers)
    assert response.status_code == 200, (url, data, response.status_code)
    return response


def get_html(client, url, data=None):
    return get(client, url, data).content.decode()


def count_queries(client, url, data=None):
    with CaptureQueriesContext(connection) as queries:
        get(client, url, data)
    return len(queries)
