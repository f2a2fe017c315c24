"""Two-factor login for staff: a guided TOTP setup with backup codes, and the code prompt.

django-otp does the cryptography, the device storage and the throttling of wrong codes; this
module is only the pages around it.
"""

import math

import segno
from django import forms
from django.contrib import admin
from django.contrib.admin.views.decorators import staff_member_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

BACKUP_CODE_COUNT = 10


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=16,
        help_text=_("The six digits your authenticator app shows now, or one of your backup codes."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def clean_code(self):
        return self.cleaned_data["code"].replace(" ", "").strip()


def _next_url(request):
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate.startswith("/admin/") and url_has_allowed_host_and_scheme(candidate, allowed_hosts=None):
        return candidate
    return reverse("admin:index")


@never_cache
@staff_member_required(login_url="admin:login")
def verify(request):
    """Ask a password-authenticated staff member for a code from one of their devices."""
    if request.user.is_verified():
        return redirect(_next_url(request))
    if not TOTPDevice.objects.filter(user=request.user, confirmed=True).exists():
        return redirect(reverse("two_factor_setup"))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["code"])
        if device is None:
            form.add_error("code", _refusal(TOTPDevice.objects.filter(user=request.user, confirmed=True)))
        else:
            _verified(request, device)
            return redirect(_next_url(request))
    context = {"form": form, "next": _next_url(request), "title": _("Two-factor login")}
    return render(request, "admin/two_factor/verify.html", {**admin.site.each_context(request), **context})


@never_cache
@staff_member_required(login_url="admin:login")
def setup(request):
    """Guide a staff member through adding an authenticator app, then show backup codes once."""
    if TOTPDevice.objects.filter(user=request.user, confirmed=True).exists():
        return redirect(reverse("two_factor_verify"))
    device, _created = TOTPDevice.objects.get_or_create(
        user=request.user, confirmed=False, defaults={"name": "Authenticator"}
    )
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            codes = _confirm(request, device)
            context = {"codes": codes, "next": _next_url(request), "title": _("Save your backup codes")}
            return render(
                request, "admin/two_factor/backup_codes.html", {**admin.site.each_context(request), **context}
            )
        form.add_error("code", _refusal([device]))
    qr = segno.make(device.config_url, error="m")
    context = {
        "form": form,
        "next": _next_url(request),
        "title": _("Set up two-factor login"),
        "qr_svg": qr.svg_inline(
            scale=5, dark="#000", light="#fff", title=str(_("QR code for your authenticator app"))
        ),
        "secret_base32": _base32(device),
    }
    return render(request, "admin/two_factor/setup.html", {**admin.site.each_context(request), **context})


def _refusal(devices):
    """Why a code was refused. After a wrong code django-otp refuses every code, right ones too,
    for a while that doubles with each failure; saying how long saves a staff member from
    typing a good code into a closed door."""
    seconds = 0
    for device in devices:
        allowed, details = device.verify_is_allowed()
        if not allowed and details and details.get("locked_until"):
            seconds = max(seconds, math.ceil((details["locked_until"] - timezone.now()).total_seconds()))
    if seconds > 0:
        return ngettext(
            "That code was not accepted. After a wrong code the login waits a little before it takes "
            "another one: wait %(seconds)s second, then type the code your app shows.",
            "That code was not accepted. After a wrong code the login waits a little before it takes "
            "another one: wait %(seconds)s seconds, then type the code your app shows.",
            seconds,
        ) % {"seconds": seconds}
    return _("That code is not valid. Check the time on your phone and try again.")


def _base32(device):
    from base64 import b32encode

    return " ".join(b32encode(device.bin_key).decode()[i : i + 4] for i in range(0, 32, 4))


@transaction.atomic
def _confirm(request, device):
    device.confirmed = True
    device.save()
    backup, _created = StaticDevice.objects.get_or_create(
        user=request.user, defaults={"name": "Backup codes"}
    )
    backup.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
    backup.token_set.bulk_create([StaticToken(device=backup, token=code) for code in codes])
    _verified(request, device)
    return codes


def _verified(request, device):
    """Mark the session verified under a new key: a key seen before the code step (Django gave
    it at the password step) must not become a session that opens the admin."""
    request.session.cycle_key()
    otp_login(request, device)
