"""HTTP to a SPARQL endpoint: credentials, a bounded wait and a bounded answer, clear errors.

* **Credentials.** ``user``/``password`` (``--user``/``--password`` or the environment variables
  ``PARTYKG_ENDPOINT_USER``/``PARTYKG_ENDPOINT_PASSWORD``, or ``http://USER:PASSWORD@HOST/…`` in
  the URL) are sent when the endpoint asks for them, by HTTP Digest (Virtuoso's ``/sparql-auth``)
  or Basic authentication. They are never sent to a host other than the endpoint's.
* **A bounded wait.** The whole exchange (connecting, sending, reading) is bounded by
  ``timeout``, also against a server that trickles bytes.
* **A bounded answer.** An answer is read up to ``max_bytes`` (default 512 MB, environment
  variable ``PARTYKG_MAX_RESPONSE_MB``); a larger one stops with an error instead of taking
  several times its size in memory.
"""

from __future__ import annotations

import math
import os
import threading
import urllib.error
import urllib.parse
import urllib.request
from typing import Any, Callable

from partykg.errors import PartykgError
from partykg.store.embedded import QueryError

DEFAULT_MAX_MB = 512
_CHUNK = 1 << 20


class EndpointError(PartykgError):
    """A SPARQL endpoint that cannot be reached or does not answer properly."""


class EndpointUnreachable(EndpointError):
    """Connection refused, unknown host, connection reset."""


class EndpointTimeout(EndpointError):
    """No complete answer within the timeout."""


class ResponseTooLarge(EndpointError):
    """An answer larger than the bound on what is read."""


class EndpointHTTPError(EndpointError):
    """The endpoint answered with an HTTP error status."""

    def __init__(self, message: str, status: int):
        super().__init__(message)
        self.status = status


class EndpointQueryError(EndpointHTTPError, QueryError):
    """The endpoint rejected the query (HTTP 400)."""


def check_timeout(timeout: Any) -> float:
    """A finite positive number of seconds, or an :class:`EndpointError`."""
    try:
        value = float(timeout)
    except (TypeError, ValueError):
        raise EndpointError(f"--timeout must be a number of seconds, not {timeout!r}") from None
    if not math.isfinite(value) or value <= 0:
        raise EndpointError(f"--timeout must be a positive, finite number of seconds, "
                            f"not {timeout!r}")
    return value


def max_response_bytes() -> int:
    raw = os.environ.get("PARTYKG_MAX_RESPONSE_MB", "").strip()
    if not raw:
        return DEFAULT_MAX_MB << 20
    try:
        mb = float(raw)
    except ValueError:
        raise EndpointError(f"PARTYKG_MAX_RESPONSE_MB must be a number of megabytes, "
                            f"not {raw!r}") from None
    if not math.isfinite(mb) or mb <= 0:
        raise EndpointError(f"PARTYKG_MAX_RESPONSE_MB must be positive, not {raw!r}")
    return int(mb * (1 << 20))


def split_url(url: str, what: str = "endpoint") -> tuple[str, str | None, str | None]:
    """``url`` without its user information, and that user and password (None when absent).
    A URL that does not parse, or is not http(s) with a host, is an :class:`EndpointError`."""
    try:
        parts = urllib.parse.urlsplit(url or "")
        host, port = parts.hostname, parts.port  # both raise on a malformed authority
    except ValueError as e:
        raise EndpointError(f"malformed {what} URL {url!r}: {e}") from None
    if parts.scheme not in ("http", "https") or not host:
        raise EndpointError(f"not an http(s) {what} URL: {url!r}")
    if any(c in url for c in " \n\r\t"):
        raise EndpointError(f"malformed {what} URL {url!r}: it contains white space")
    user = urllib.parse.unquote(parts.username) if parts.username is not None else None
    password = urllib.parse.unquote(parts.password) if parts.password is not None else None
    if user is None:
        return url, None, None
    netloc = parts.netloc.rpartition("@")[2]
    return urllib.parse.urlunsplit(parts._replace(netloc=netloc)), user, password


def _body_text(body: bytes | str | None, limit: int = 300) -> str:
    if body is None:
        return ""
    text = body.decode("utf-8", "replace") if isinstance(body, bytes) else str(body)
    text = " ".join(text.split())
    return text[:limit] + ("…" if len(text) > limit else "")


HINTS = {401: "authentication required (give --user and --password, or "
              "PARTYKG_ENDPOINT_USER and PARTYKG_ENDPOINT_PASSWORD)",
         403: "forbidden (a read-only endpoint, or a user without write rights?)",
         404: "not found (check the URL)",
         405: "method not allowed (a read-only endpoint, or not a Graph Store / Update "
              "endpoint?)", 500: "the endpoint failed", 501: "not implemented here (not a "
              "Graph Store / Update endpoint?)", 503: "the endpoint is unavailable"}


def http_error(url: str, status: int, body: bytes | str | None, query: bool):
    detail = _body_text(body)
    detail = f": {detail}" if detail else ""
    if status == 400 and query:
        return EndpointQueryError(f"{url} rejected the query (HTTP 400){detail}", status)
    return EndpointHTTPError(f"{url}: HTTP {status}, {HINTS.get(status, 'HTTP error')}{detail}",
                             status)


def _call_with_deadline(fn: Callable[[], Any], timeout: float, what: str) -> Any:
    """Run ``fn`` in a daemon thread and give up after ``timeout`` seconds (the socket timeout
    bounds each read; this bounds the whole exchange, e.g. a server that trickles bytes)."""
    box: dict[str, Any] = {}

    def run():
        try:
            box["value"] = fn()
        except BaseException as e:  # noqa: BLE001 - re-raised in the caller's thread
            box["error"] = e

    t = threading.Thread(target=run, daemon=True, name="partykg-endpoint")
    t.start()
    t.join(timeout)
    if t.is_alive():
        raise EndpointTimeout(f"{what}: no answer within {timeout:g} s (--timeout)")
    if "error" in box:
        raise box["error"]
    return box["value"]


def read_bounded(resp, limit: int, url: str) -> bytes:
    """The response body, or :class:`ResponseTooLarge` once it passes ``limit`` bytes."""
    length = resp.headers.get("Content-Length")
    if length and length.isdigit() and int(length) > limit:
        raise ResponseTooLarge(_too_large(url, limit))
    chunks, size = [], 0
    while True:
        chunk = resp.read(_CHUNK)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > limit:
            raise ResponseTooLarge(_too_large(url, limit))
        chunks.append(chunk)


def _too_large(url: str, limit: int) -> str:
    return (f"{url}: the answer is larger than {limit / (1 << 20):g} MB; ask for less (LIMIT) "
            "or raise PARTYKG_MAX_RESPONSE_MB")


class Transport:
    """Requests to one endpoint's URLs with its credentials, timeout and answer bound."""

    def __init__(self, timeout: float, user: str | None = None, password: str | None = None,
                 max_bytes: int | None = None):
        self.timeout = check_timeout(timeout)
        self.max_bytes = max_bytes or max_response_bytes()
        self.user, self.password = user, password
        self._passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        handlers: list[Any] = []
        if user is not None:
            handlers += [urllib.request.HTTPDigestAuthHandler(self._passwords),
                         urllib.request.HTTPBasicAuthHandler(self._passwords)]
        self._opener = urllib.request.build_opener(*handlers)

    def allow(self, url: str) -> None:
        """Send the credentials to ``url``'s host (and no other)."""
        if self.user is not None:
            p = urllib.parse.urlsplit(url)
            self._passwords.add_password(None, f"{p.scheme}://{p.netloc}/", self.user,
                                         self.password or "")

    def request(self, method: str, url: str, data: bytes | None = None,
                headers: dict[str, str] | None = None, query: bool = False,
                timeout: float | None = None) -> tuple[bytes, str, dict[str, str]]:
        """(body, content type, headers) of the answer; HTTP errors become
        :class:`EndpointHTTPError` (with ``query``, HTTP 400 is a query error). ``timeout``
        overrides the transport's for this request."""
        wait = timeout or self.timeout
        req = urllib.request.Request(url, data=data, method=method)
        for k, v in (headers or {}).items():
            req.add_header(k, v)

        def go():
            try:
                with self._opener.open(req, timeout=wait) as resp:
                    body = read_bounded(resp, self.max_bytes, url)
                    return body, resp.headers.get_content_type(), dict(resp.headers.items())
            except urllib.error.HTTPError as e:
                try:
                    text = e.read(64 << 10)
                except Exception:  # noqa: BLE001
                    text = b""
                raise http_error(url, e.code, text, query) from None

        return self.guarded(go, url, wait)

    def guarded(self, fn: Callable[[], Any], url: str, timeout: float | None = None) -> Any:
        import http.client
        import socket

        timeout = timeout or self.timeout
        try:
            return _call_with_deadline(fn, timeout, url)
        except EndpointError:
            raise
        except urllib.error.URLError as e:
            raise _transport_error(url, e, timeout) from None
        except (socket.timeout, TimeoutError) as e:
            raise _transport_error(url, e, timeout) from None
        except (ConnectionError, http.client.HTTPException, OSError) as e:
            raise EndpointUnreachable(f"{url}: the connection failed: "
                                      f"{type(e).__name__}: {e}") from None
        except ValueError as e:  # urllib: unknown url type, an unsupported auth scheme...
            raise EndpointError(f"{url}: {e}") from None


def _transport_error(url: str, e: BaseException, timeout: float) -> EndpointError:
    reason = getattr(e, "reason", e)
    if isinstance(reason, TimeoutError) or "timed out" in str(reason):
        return EndpointTimeout(f"{url}: no answer within {timeout:g} s (--timeout)")
    if isinstance(reason, ConnectionRefusedError):
        return EndpointUnreachable(f"cannot connect to {url}: connection refused "
                                   "(is the endpoint running?)")
    return EndpointUnreachable(f"cannot talk to {url}: {reason}")
