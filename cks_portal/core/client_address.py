"""The client's address, the one way every part of the site finds it.

Behind N reverse proxies that each append the address they received the request from to
X-Forwarded-For (nginx's `$proxy_add_x_forwarded_for`), the header ends with N addresses
written by our proxies; anything to their left was written by the client itself and can be
anything. So the client is the N-th address from the right, and with no proxy (N = 0) it is
REMOTE_ADDR. A header shorter than N, or an entry that is not an address, means the request
did not come through the proxies we were told about; then REMOTE_ADDR is the best we know.

Used by the login lockout (AXES_CLIENT_IP_CALLABLE), the registration rate limit and any log
line that needs an address.
"""

import ipaddress

from django.conf import settings


def client_address(request):
    """The client's IP address as text (IPv6 in its short form), or None if there is none."""
    count = settings.TRUSTED_PROXY_COUNT
    remote = _normalised(request.META.get("REMOTE_ADDR", ""))
    if count <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if len(forwarded) < count:
        return remote
    return _normalised(forwarded[-count]) or remote


def _normalised(value):
    value = value.strip()
    # A proxy may write "[2001:db8::1]:443" or "192.0.2.1:443"; the port is not part of the client.
    if value.startswith("["):
        value = value[1:].split("]", 1)[0]
    elif value.count(":") == 1:
        value = value.split(":", 1)[0]
    try:
        address = ipaddress.ip_address(value.split("%", 1)[0])
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    return str(address)
