"""Publishing a saved report to GitHub: status or check run, sticky PR comment, job summary.

Nothing here imports PyGithub at module level: `import github` is slow and the CLI must
start fast. `publish_report` and `publish_command` live in `gate.publish.command`.
"""
