"""The OAI-PMH endpoint, /oai/ (knowledge_bank/oai.py answers it)."""

from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from knowledge_bank import oai


# Harvesters POST their arguments as a form without a CSRF token, and nothing here changes or
# reveals anything a GET would not. Never cached: every answer carries its own time and the
# expiry of its resumption token, and a harvest never asks for the same page twice.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def endpoint(request):
    return HttpResponse(oai.answer(request), content_type="text/xml; charset=utf-8")
