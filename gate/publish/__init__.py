"""Publishing a saved report to GitHub: status or check run, sticky PR comment, job summary.

Nothing here imports the HTTP stack at module level (`gate.github` imports `requests` on
the first call): the CLI must start fast. `publish_report` and `publish_command` live in
`gate.publish.command`.
"""
