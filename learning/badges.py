"""Certificates as Open Badges 3.0 credentials, signed as VC-JWT with Ed25519.

A learner can put the credential into a wallet or a CV; anyone can check its
signature against the key published at /.well-known/jwks.json.
"""

import base64
import hashlib
import json
import secrets
from functools import lru_cache

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

import jwt
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from .certificates import verification_url

CONTEXT = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
]


@lru_cache(maxsize=4)
def load_signing_key(pem, secret_key):
    """The configured private key, or in development one derived from SECRET_KEY.

    The derived key lets a fresh checkout sign badges with no setup; production
    refuses to start without CREDENTIALS_SIGNING_KEY.
    """
    if pem:
        return serialization.load_pem_private_key(pem.encode(), password=None)
    seed = HKDF(
        algorithm=hashes.SHA256(),
        length=32,
        salt=None,
        info=b"libri credentials signing key",
    ).derive(secret_key.encode())
    return Ed25519PrivateKey.from_private_bytes(seed)


def signing_key():
    return load_signing_key(settings.CREDENTIALS_SIGNING_KEY, settings.SECRET_KEY)


def base64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def public_jwk():
    """The signing key's public half as a JWK, its kid the JWKS URL and thumbprint."""
    raw = (
        signing_key()
        .public_key()
        .public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    )
    members = {"crv": "Ed25519", "kty": "OKP", "x": base64url(raw)}
    # RFC 7638: the hash of the required members, sorted, without whitespace.
    canonical = json.dumps(members, sort_keys=True, separators=(",", ":"))
    thumbprint = base64url(hashlib.sha256(canonical.encode()).digest())
    kid = f"{absolute(reverse('credentials_jwks'))}#{thumbprint}"
    return {**members, "kid": kid, "alg": "EdDSA", "use": "sig"}


def jwks():
    return {"keys": [public_jwk()]}


def absolute(path):
    return settings.BASE_URL.rstrip("/") + path


def issuer_profile():
    """The platform as an Open Badges issuer Profile."""
    return {
        "@context": CONTEXT,
        "id": absolute(reverse("credentials_issuer")),
        "type": ["Profile"],
        "name": settings.WAGTAIL_SITE_NAME,
        "url": absolute("/"),
        "jwks_uri": absolute(reverse("credentials_jwks")),
    }


def identity_hash(email, salt):
    return "sha256$" + hashlib.sha256((email.lower() + salt).encode()).hexdigest()


def subject_identifiers(certificate):
    """The learner's name and, while the account exists, a salted email hash."""
    identifiers = [
        {
            "type": "IdentityObject",
            "identityType": "name",
            "hashed": False,
            "identityHash": certificate.learner_name,
        }
    ]
    if certificate.user and certificate.user.email:
        salt = secrets.token_hex(8)
        identifiers.append(
            {
                "type": "IdentityObject",
                "identityType": "emailAddress",
                "hashed": True,
                "identityHash": identity_hash(certificate.user.email, salt),
                "salt": salt,
            }
        )
    return identifiers


def credential(certificate):
    """The certificate as an OpenBadgeCredential, in the language it was earned in."""
    profile = issuer_profile()
    with translation.override(certificate.language):
        achievement = {
            "id": f"urn:uuid:{certificate.course_key}",
            "type": ["Achievement"],
            "name": certificate.course_title,
            "description": _("Completed the training module “%(course)s”.")
            % {"course": certificate.course_title},
            "criteria": {
                "narrative": _(
                    "Complete every lesson of the module and pass each of its "
                    "knowledge checks."
                )
            },
        }
        name = _("Certificate: %(course)s") % {"course": certificate.course_title}
    return {
        "@context": CONTEXT,
        "id": verification_url(certificate),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": name,
        "issuer": {key: profile[key] for key in ("id", "type", "name", "url")},
        "validFrom": certificate.issued_at.isoformat(timespec="seconds"),
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": subject_identifiers(certificate),
            "achievement": achievement,
        },
    }


def signed_credential(certificate):
    """The credential as a VC-JWT: the credential is the payload, with JWT claims.

    ``iss``, ``jti`` and ``nbf`` repeat the issuer, the id and validFrom, as the
    Open Badges 3.0 JWT format asks.
    """
    body = credential(certificate)
    payload = {
        **body,
        "iss": body["issuer"]["id"],
        "jti": body["id"],
        "nbf": int(certificate.issued_at.timestamp()),
    }
    headers = {"kid": public_jwk()["kid"], "typ": "vc+jwt"}
    return jwt.encode(payload, signing_key(), algorithm="EdDSA", headers=headers)
