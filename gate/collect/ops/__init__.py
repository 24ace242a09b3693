"""Operational evidence: health checks, telemetry, alerting, backups, autoscaling,
load tests, databases and migrations, deployable parts and their PR builds.

One module per format (dockerfile, compose, kube/helm, iac, platform, manifests,
migrations) and per workflow question (pipeline, parts); collector.py walks the
file list once and hands each file to its reader.
"""
from gate.collect.ops.collector import collect_ops
from gate.collect.ops.model import Fact, OpsEvidence, Part

__all__ = ["collect_ops", "Fact", "OpsEvidence", "Part"]
