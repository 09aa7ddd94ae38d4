"""Schemathesis hooks for .ci/fuzz.sh: Open311's POST carries the client key in its form body,
where no header or auth setting reaches, so every generated body gets the key the run issued."""
import os

import schemathesis


@schemathesis.hook
def map_body(ctx, body):
    if isinstance(body, dict) and "api_key" in body:
        body["api_key"] = os.environ["NAGORIK_FUZZ_KEY"]
    return body
