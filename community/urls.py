from django.urls import path

from . import views

app_name = "community"

# Under the language prefix (see config/urls.py).
urlpatterns = [
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("preferences/<str:token>/", views.preferences, name="preferences"),
]
