"""Runs one command as a whole process and reports what the operating system counted for it.

Usage: python3 measure-process.py [--stdout FILE] [--stderr FILE] [--nofile N] -- COMMAND [ARG ...]

Prints one JSON object: wall seconds (from fork to exit), user and sys CPU seconds, and the peak
resident set of the largest single process in its tree (the command or any child it waited for,
such as git), in bytes; with the command's exit status. `--nofile N` lowers the open-file limit
first, so a command that opens too many files at once fails here as it would on a small machine.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time


def main() -> None:
    args = sys.argv[1:]
    stdout_path = None
    stderr_path = None
    nofile = None
    while args and args[0] != "--":
        if args[0] == "--stdout":
            stdout_path = args[1]
            args = args[2:]
        elif args[0] == "--stderr":
            stderr_path = args[1]
            args = args[2:]
        elif args[0] == "--nofile":
            nofile = int(args[1])
            args = args[2:]
        else:
            raise SystemExit(f"unknown option {args[0]}")
    command = args[1:]
    if not command:
        raise SystemExit("usage: measure-process.py [--stdout F] [--stderr F] [--nofile N] -- CMD ...")
    started = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        if nofile is not None:
            resource.setrlimit(resource.RLIMIT_NOFILE, (nofile, nofile))
        for fd, path in ((1, stdout_path), (2, stderr_path)):
            target = os.open(path or os.devnull, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            os.dup2(target, fd)
        os.execvp(command[0], command)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - started
    print(
        json.dumps(
            {
                "wall": wall,
                "user": usage.ru_utime,
                "sys": usage.ru_stime,
                # Linux reports kilobytes.
                "maxRssBytes": usage.ru_maxrss * 1024,
                "status": os.waitstatus_to_exitcode(status),
            }
        )
    )


if __name__ == "__main__":
    main()
