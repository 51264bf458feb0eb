"""Which local user opened a loopback connection (Linux): the second factor next to the launch token.

Cookies do not separate ports, so the token cookie also reaches any listener on another 127.0.0.1 port
(issue 11, finding 4). Another user's program that caught it this way still cannot use it: the kernel
records the owner of every socket, and the gate only serves connections whose client socket belongs to the
user who runs the app. Linux exposes that owner in /proc/net/tcp and /proc/net/tcp6 (column `uid`).
"""

from __future__ import annotations

import ipaddress
import os
import struct
import sys
from pathlib import Path

TABLES = {4: Path("/proc/net/tcp"), 6: Path("/proc/net/tcp6")}
UNKNOWN = -1


def supported(platform: str = sys.platform) -> bool:
    """True where the owner of a loopback connection can be read (Linux with /proc).

    `platform` is `sys.platform`, injected by the tests to run the Windows and macOS branch on Linux.
    """
    return platform.startswith("linux") and TABLES[4].exists()


def _hex_address(host: str, port: int) -> tuple[str, int] | None:
    """The address as /proc/net/tcp* prints it: the raw in-memory words in hex (native byte order), and the
    IP version. An IPv4 client on an IPv6 socket appears as ::ffff:a.b.c.d."""
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return None
    packed = ip.packed
    if ip.version == 4:
        return f"{struct.unpack('=I', packed)[0]:08X}:{port:04X}", 4
    words = struct.unpack("=4I", packed)
    return "".join(f"{word:08X}" for word in words) + f":{port:04X}", 6


def owner_of(client: tuple[str, int], server: tuple[str, int], tables: dict[int, Path] | None = None) -> int:
    """The uid owning the client end of the connection client -> server, or UNKNOWN when it is not listed."""
    local = _hex_address(*client)
    remote = _hex_address(*server)
    if local is None or remote is None:
        return UNKNOWN
    table = (tables or TABLES)[local[1]]
    with table.open("r", encoding="ascii") as handle:
        next(handle, None)  # the header line
        for line in handle:
            fields = line.split()
            # sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
            if len(fields) > 7 and fields[1] == local[0] and fields[2] == remote[0]:
                return int(fields[7])
    return UNKNOWN


def is_own_user(client: tuple[str, int] | None, server: tuple[str, int] | None, *,
                platform: str = sys.platform) -> bool:
    """True when the connection comes from a program of the user running this process (or cannot be checked)."""
    if not supported(platform):
        return True  # docs/security.md: on Windows and macOS the token alone guards the app
    if client is None or server is None:
        return False
    try:
        return owner_of((client[0], client[1]), (server[0], server[1])) == os.getuid()
    except OSError:
        return True  # /proc unreadable (an unusual hardening): do not lock the user out of the app


__all__ = ["UNKNOWN", "is_own_user", "owner_of", "supported"]
