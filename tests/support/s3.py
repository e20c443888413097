"""A real S3-compatible server on loopback for the tests: moto's server mode, in a thread.

Django's file storage then talks to it over HTTP through django-storages and boto3, as it would
to an object store in production; nothing is mocked inside the process.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import boto3
from moto.server import ThreadedMotoServer

ACCESS_KEY = "testing-access-key"
SECRET_KEY = "testing-secret-key"
REGION = "eu-central-1"


@dataclass(frozen=True)
class ObjectStore:
    endpoint_url: str
    bucket: str

    def environment(self) -> dict[str, str]:
        """The settings' environment variables that point the default storage here."""
        return {
            "CLUSTERHUB_FILE_STORAGE": "storages.backends.s3.S3Storage",
            "CLUSTERHUB_S3_BUCKET": self.bucket,
            "CLUSTERHUB_S3_ENDPOINT_URL": self.endpoint_url,
            "CLUSTERHUB_S3_REGION": REGION,
            "CLUSTERHUB_S3_ACCESS_KEY_ID": ACCESS_KEY,
            "CLUSTERHUB_S3_SECRET_ACCESS_KEY": SECRET_KEY,
        }

    def storages(self, current: dict[str, Any]) -> dict[str, Any]:
        """``current`` STORAGES with the default storage on this server (for override_settings)."""
        options = {
            "bucket_name": self.bucket,
            "endpoint_url": self.endpoint_url,
            "region_name": REGION,
            "access_key": ACCESS_KEY,
            "secret_key": SECRET_KEY,
            "default_acl": "private",
            "file_overwrite": False,
        }
        return {
            **current,
            "default": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options},
        }

    def stored_names(self) -> list[str]:
        listing = self.client().list_objects_v2(Bucket=self.bucket)
        return [item["Key"] for item in listing.get("Contents", [])]

    def client(self) -> Any:
        return boto3.client(
            "s3",
            endpoint_url=self.endpoint_url,
            region_name=REGION,
            aws_access_key_id=ACCESS_KEY,
            aws_secret_access_key=SECRET_KEY,
        )


@contextmanager
def s3_server() -> Iterator[ObjectStore]:
    """Start moto's S3 server on a free loopback port with one new, empty bucket; stop it after.
    (moto keeps its buckets per process, not per server: each start makes a bucket of its own.)"""
    bucket = f"clusterhub-files-{uuid.uuid4().hex[:12]}"
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    try:
        host, port = server.get_host_and_port()
        store = ObjectStore(endpoint_url=f"http://{host}:{port}", bucket=bucket)
        store.client().create_bucket(
            Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": REGION}
        )
        yield store
    finally:
        server.stop()
