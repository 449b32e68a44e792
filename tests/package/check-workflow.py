#!/usr/bin/env python3
"""The installers workflow (.github/workflows/installers.yml) is valid YAML and does what the README says:
a Windows job that builds the MSI with cpack -G WIX and a macOS job that builds the DMG with
cpack -G DragNDrop, each uploading its installer as an artifact; triggered by hand and by v* tags.
Usage: check-workflow.py WORKFLOW_FILE"""
import sys

import yaml

path = sys.argv[1]
with open(path, encoding="utf-8") as f:
    workflow = yaml.safe_load(f)
problems = []
# YAML 1.1 reads the key "on" as True.
triggers = workflow.get("on", workflow.get(True)) or {}
if "workflow_dispatch" not in triggers:
    problems.append("no workflow_dispatch trigger (Run workflow by hand)")
if "v*" not in ((triggers.get("push") or {}).get("tags") or []):
    problems.append("no push trigger on v* tags")
jobs = workflow.get("jobs") or {}
for job, runner, generator, artifact in (("windows", "windows", "WIX", ".msi"), ("macos", "macos", "DragNDrop", ".dmg")):
    spec = jobs.get(job)
    if not spec:
        problems.append(f"no {job} job")
        continue
    if not str(spec.get("runs-on", "")).startswith(runner):
        problems.append(f"{job} does not run on a {runner} runner")
    steps = spec.get("steps") or []
    runs = " ".join(str(s.get("run", "")) for s in steps)
    if f"cpack -G {generator}" not in runs:
        problems.append(f"{job} never runs cpack -G {generator}")
    uploads = [s for s in steps if str(s.get("uses", "")).startswith("actions/upload-artifact")]
    if not uploads or not any(str((u.get("with") or {}).get("path", "")).endswith(artifact) for u in uploads):
        problems.append(f"{job} uploads no {artifact} artifact")
    for step in steps:
        if "uses" in step and "@" not in str(step["uses"]):
            problems.append(f"{job}: action {step['uses']} is not pinned to a version")
if problems:
    print("FAIL: " + "; ".join(problems))
    sys.exit(1)
print(f"ok - {path}: jobs {', '.join(jobs)}")
