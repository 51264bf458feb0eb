"""The database key of a data folder: made from the recovery key, kept wrapped, unlocked once per process.

- The recovery key is 20 random bytes, shown as 32 letters and digits (base32) in groups of four. The
  database key is HKDF-SHA256 of it, so the recovery key alone opens the database and every backup on any
  machine, even without the folder's key file.
- `encryption.json` in the data folder holds no secret in the clear: a check value (HMAC of the key, to tell
  a wrong key at once), the key wrapped by a passphrase (scrypt, then a one-time pad with an HMAC-SHA256 tag:
  encrypt-then-MAC with a fresh salt per wrap), whether the OS keyring holds the key, and until it was shown,
  the recovery key wrapped by the database key.
- SEILOCAL_PASSPHRASE, when set, is used instead of the keyring, everywhere (scripts and tests).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

KEY_FILE = "encryption.json"
ENV_PASSPHRASE = "SEILOCAL_PASSPHRASE"
ENV_SCRYPT_N = "SEILOCAL_SCRYPT_N"  # lower only for tests: the cost an attacker pays per guessed passphrase
SCRYPT_N = 2**15  # with r=8, p=1: 32 MiB per guess, the scrypt paper's interactive-login parameters
SCRYPT_R = 8
SCRYPT_P = 1
RECOVERY_BYTES = 20
KEYRING_SERVICE = "SEI-LPR lokal"
_HKDF_SALT = b"seilocal database key v1"

Box = dict[str, Any]  # a wrapped secret as stored in the key file: salt, wrapped bytes, MAC (and the KDF's)

_unlocked: dict[str, bytes] = {}  # check value -> database key, for this process only


class KeyProblem(RuntimeError):
    """Base of the key problems below (the message is English)."""


class KeyNeeded(KeyProblem):
    """The folder is encrypted and no key is at hand: ask for the passphrase or the recovery key."""

    def __init__(self, data_dir: Path, message: str, *, new: bool = False) -> None:
        super().__init__(message)
        self.data_dir = data_dir
        self.new = new  # True: a new folder and no keyring; the user chooses a passphrase


class WrongKey(KeyProblem):
    """A passphrase or recovery key that does not fit; nothing was changed."""


@dataclass(frozen=True)
class Envelope:
    """The parsed `encryption.json` of a data folder."""

    check: str
    keyring: bool
    passphrase: Box | None
    recovery_pending: Box | None
    next: Box | None = None  # during a rekey: the new recovery secret, wrapped by the current key

    def to_json(self) -> str:
        return json.dumps({"version": 1, "check": self.check, "keyring": self.keyring, "passphrase": self.passphrase,
                           "recovery_pending": self.recovery_pending, "next": self.next}, indent=1)


# --- primitives -----------------------------------------------------------------------------------------

def _hkdf(secret: bytes, info: bytes, length: int = 32) -> bytes:
    prk = hmac.new(_HKDF_SALT, secret, hashlib.sha256).digest()
    out, block, counter = b"", b"", 1
    while len(out) < length:
        block = hmac.new(prk, block + info + bytes([counter]), hashlib.sha256).digest()
        out += block
        counter += 1
    return out[:length]


def key_from_recovery(secret: bytes) -> bytes:
    """The database key belonging to a recovery secret."""
    return _hkdf(secret, b"database key")


def check_value(key: bytes) -> str:
    """A public value that tells whether a key is this folder's key (HMAC: reveals nothing of the key)."""
    return hmac.new(key, b"seilocal key check", hashlib.sha256).hexdigest()[:32]


def _wrap(kek: bytes, salt: bytes, secret: bytes) -> Box:
    pad_key, mac_key = kek[:32], kek[32:]
    pad = _hkdf(pad_key + salt, b"pad", len(secret))
    wrapped = bytes(a ^ b for a, b in zip(secret, pad, strict=True))
    tag = hmac.new(mac_key, salt + wrapped, hashlib.sha256).hexdigest()
    return {"salt": salt.hex(), "wrapped": wrapped.hex(), "mac": tag}


def _unwrap(kek: bytes, box: Box) -> bytes | None:
    pad_key, mac_key = kek[:32], kek[32:]
    salt, wrapped = bytes.fromhex(box["salt"]), bytes.fromhex(box["wrapped"])
    tag = hmac.new(mac_key, salt + wrapped, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(tag, box["mac"]):
        return None
    pad = _hkdf(pad_key + salt, b"pad", len(wrapped))
    return bytes(a ^ b for a, b in zip(wrapped, pad, strict=True))


def _recovery_kek(key: bytes) -> bytes:
    return _hkdf(key, b"recovery wrap", 64)


def _scrypt(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(passphrase.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=256 * 1024 * 1024,
                          dklen=64)


def _scrypt_n() -> int:
    raw = os.environ.get(ENV_SCRYPT_N)
    if raw and raw.isdigit() and int(raw) >= 2**10 and int(raw) & (int(raw) - 1) == 0:
        return int(raw)
    return SCRYPT_N


def wrap_with_passphrase(key: bytes, passphrase: str) -> Box:
    """The database key wrapped by a passphrase (fresh salt; the scrypt cost is stored with it)."""
    salt = secrets.token_bytes(16)
    n = _scrypt_n()
    box = _wrap(_scrypt(passphrase, salt, n, SCRYPT_R, SCRYPT_P), salt, key)
    return {"kdf": "scrypt", "n": n, "r": SCRYPT_R, "p": SCRYPT_P, **box}


def unwrap_with_passphrase(box: Box, passphrase: str) -> bytes | None:
    """The database key, or None for a wrong passphrase."""
    if box.get("kdf") != "scrypt":
        return None
    kek = _scrypt(passphrase, bytes.fromhex(box["salt"]), int(box["n"]), int(box["r"]), int(box["p"]))
    return _unwrap(kek, box)


def format_recovery(secret: bytes) -> str:
    """The recovery key as people write it: eight groups of four letters and digits."""
    text = base64.b32encode(secret).decode("ascii")
    return "-".join(text[i:i + 4] for i in range(0, len(text), 4))


def parse_recovery(text: str) -> bytes | None:
    """The secret of a typed recovery key (spaces, dashes and case do not matter), or None."""
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum()).replace("0", "O").replace("1", "I")
    if len(cleaned) != 32:
        return None
    try:
        return base64.b32decode(cleaned)
    except ValueError:
        return None


# --- the envelope file ----------------------------------------------------------------------------------

def key_file(data_dir: Path) -> Path:
    """Where a data folder's key envelope lives."""
    return data_dir / KEY_FILE


def read_envelope(data_dir: Path) -> Envelope | None:
    """The folder's envelope, or None when it has none (a new or a plain folder)."""
    try:
        raw = json.loads(key_file(data_dir).read_text(encoding="utf-8"))
        return Envelope(check=raw["check"], keyring=bool(raw.get("keyring")), passphrase=raw.get("passphrase"),
                        recovery_pending=raw.get("recovery_pending"), next=raw.get("next"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise KeyProblem(f"the key file {key_file(data_dir)} cannot be read ({exc}); it was left untouched") from exc


def write_envelope(data_dir: Path, envelope: Envelope) -> None:
    """Replace the envelope atomically (a kill leaves the old or the new one), readable by the user only."""
    path = key_file(data_dir)
    partial = path.with_name(path.name + ".partial")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(envelope.to_json())
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(partial, path)


# --- the OS keyring -------------------------------------------------------------------------------------

def _keyring() -> Any:
    """The keyring module when a usable (not the fail or null) backend is there, else None."""
    try:
        import keyring
        from keyring.backends import fail
    except Exception:  # noqa: BLE001 - a broken keyring install must not stop the app
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:  # noqa: BLE001
        return None
    if isinstance(backend, fail.Keyring) or "null" in type(backend).__module__ or backend.priority <= 0:
        return None
    return keyring


def keyring_available() -> bool:
    """True when a usable OS keyring is there (it may still refuse access later)."""
    return _keyring() is not None


def keyring_store(check: str, key: bytes) -> bool:
    """Put the key in the OS keyring; False when there is none or it refuses."""
    ring = _keyring()
    if ring is None:
        return False
    try:
        ring.set_password(KEYRING_SERVICE, check, key.hex())
        return True
    except Exception:  # noqa: BLE001 - locked, refused, no D-Bus: the passphrase page takes over
        return False


def keyring_load(check: str) -> bytes | None:
    """The key from the OS keyring, or None (none, refused, or not this folder's key)."""
    ring = _keyring()
    if ring is None:
        return None
    try:
        stored = ring.get_password(KEYRING_SERVICE, check)
        key = bytes.fromhex(stored) if stored else None
    except Exception:  # noqa: BLE001
        return None
    return key if key and check_value(key) == check else None


# --- unlocking ------------------------------------------------------------------------------------------

def remember(key: bytes) -> None:
    """Keep the unlocked key for the rest of this process (every connection to the folder uses it)."""
    _unlocked[check_value(key)] = key


def forget_all() -> None:
    """Drop every unlocked key of this process (tests)."""
    _unlocked.clear()


_taken_from_env: str | None = None


def take_env_passphrase() -> None:
    """Move SEILOCAL_PASSPHRASE out of this process's environment into memory (the app, before anything starts).

    A child process (the browser the app opens) inherits the environment: the passphrase must not go with it.
    """
    global _taken_from_env
    value = os.environ.pop(ENV_PASSPHRASE, None)
    if value:
        _taken_from_env = value


def env_passphrase() -> str | None:
    """SEILOCAL_PASSPHRASE, when set and not empty (or taken out of the environment by `take_env_passphrase`)."""
    return os.environ.get(ENV_PASSPHRASE) or _taken_from_env or None


def unlock(data_dir: Path, passphrase: str | None = None) -> bytes:
    """The folder's database key: already unlocked, a passphrase (given or SEILOCAL_PASSPHRASE), or the keyring.

    Raises KeyNeeded when nothing at hand opens it, WrongKey for a passphrase that does not fit.
    """
    envelope = read_envelope(data_dir)
    if envelope is None:
        raise KeyNeeded(data_dir, f"{data_dir} has no key file ({KEY_FILE}); open it with the recovery key")
    if envelope.check in _unlocked and passphrase is None:
        return _unlocked[envelope.check]
    word = passphrase if passphrase is not None else env_passphrase()
    if word is not None:
        if envelope.passphrase is None:
            raise KeyNeeded(data_dir, "this data folder has no passphrase (its key is in the keyring); "
                                      "open it with the recovery key")
        key = unwrap_with_passphrase(envelope.passphrase, word)
        if key is None or check_value(key) != envelope.check:
            raise WrongKey("the passphrase is not this data folder's passphrase")
        remember(key)
        return key
    if envelope.keyring:
        key = keyring_load(envelope.check)
        if key is not None:
            remember(key)
            return key
    raise KeyNeeded(data_dir, "the data folder is encrypted; give its passphrase (SEILOCAL_PASSPHRASE or the "
                              "prompt) or its recovery key (`seilocal encryption recover`)")


def unlock_with_recovery(data_dir: Path, recovery: str) -> bytes:
    """The database key from the recovery key; WrongKey when it is not this folder's (the envelope decides)."""
    secret = parse_recovery(recovery)
    if secret is None:
        raise WrongKey("a recovery key has 32 letters and digits (eight groups of four)")
    key = key_from_recovery(secret)
    envelope = read_envelope(data_dir)
    if envelope is not None and check_value(key) != envelope.check:
        raise WrongKey("the recovery key is not this data folder's recovery key")
    remember(key)
    return key


def new_key(data_dir: Path, passphrase: str | None = None) -> tuple[bytes, str]:
    """A new database key for a folder without one: (key, recovery key text); the envelope is written.

    The key goes to the passphrase (given or SEILOCAL_PASSPHRASE) or else the OS keyring; with neither,
    KeyNeeded(new=True) and nothing is written.
    """
    secret = secrets.token_bytes(RECOVERY_BYTES)
    key = key_from_recovery(secret)
    check = check_value(key)
    word = passphrase if passphrase is not None else env_passphrase()
    in_keyring = False
    if word is None:
        in_keyring = keyring_store(check, key)
        if not in_keyring:
            raise KeyNeeded(data_dir, "no OS keyring is available to keep the database key: choose a passphrase "
                                      f"(or set {ENV_PASSPHRASE})", new=True)
    envelope = Envelope(check=check, keyring=in_keyring,
                        passphrase=wrap_with_passphrase(key, word) if word is not None else None,
                        recovery_pending=_wrap(_recovery_kek(key), secrets.token_bytes(16), secret))
    write_envelope(data_dir, envelope)
    remember(key)
    return key, format_recovery(secret)


def adopt_key(data_dir: Path, key: bytes, passphrase: str | None = None) -> Envelope:
    """Write an envelope for a known key (after recovery on a new machine, or a new passphrase)."""
    old = read_envelope(data_dir)
    word = passphrase if passphrase is not None else env_passphrase()
    check = check_value(key)
    in_keyring = False
    if word is None:
        in_keyring = keyring_store(check, key)
        if not in_keyring:
            raise KeyNeeded(data_dir, f"no OS keyring: choose a passphrase (or set {ENV_PASSPHRASE})", new=True)
    pending = old.recovery_pending if old is not None and old.check == check else None
    envelope = Envelope(check=check, keyring=in_keyring,
                        passphrase=wrap_with_passphrase(key, word) if word is not None else None,
                        recovery_pending=pending)
    write_envelope(data_dir, envelope)
    remember(key)
    return envelope


def start_rekey(data_dir: Path, key: bytes) -> bytes:
    """Record a new recovery secret (wrapped by the current key) before any file is re-encrypted; return it."""
    envelope = read_envelope(data_dir)
    if envelope is None or envelope.check != check_value(key):
        raise WrongKey("the key is not this data folder's key")
    if envelope.next is not None:
        secret = _unwrap(_recovery_kek(key), envelope.next)
        if secret is not None:
            return secret  # an interrupted rekey goes on with the same new key
    secret = secrets.token_bytes(RECOVERY_BYTES)
    write_envelope(data_dir, Envelope(envelope.check, envelope.keyring, envelope.passphrase,
                                      envelope.recovery_pending, _wrap(_recovery_kek(key), secrets.token_bytes(16),
                                                                       secret)))
    return secret


def rekey_secret(data_dir: Path, key: bytes) -> bytes | None:
    """The new recovery secret of an unfinished rekey, or None."""
    envelope = read_envelope(data_dir)
    if envelope is None or envelope.next is None:
        return None
    return _unwrap(_recovery_kek(key), envelope.next)


def finish_rekey(data_dir: Path, secret: bytes, passphrase: str | None = None) -> bytes:
    """Every file is keyed with the new key now: the envelope follows (new check, wrap, recovery to show)."""
    key = key_from_recovery(secret)
    word = passphrase if passphrase is not None else env_passphrase()
    in_keyring = keyring_store(check_value(key), key) if word is None else False
    if word is None and not in_keyring:
        raise KeyNeeded(data_dir, f"no OS keyring: give a passphrase (or set {ENV_PASSPHRASE})", new=True)
    write_envelope(data_dir, Envelope(
        check=check_value(key), keyring=in_keyring,
        passphrase=wrap_with_passphrase(key, word) if word is not None else None,
        recovery_pending=_wrap(_recovery_kek(key), secrets.token_bytes(16), secret)))
    remember(key)
    return key


def pending_recovery(data_dir: Path, key: bytes) -> str | None:
    """The recovery key not yet shown to the user (only with the database key), or None."""
    envelope = read_envelope(data_dir)
    if envelope is None or envelope.recovery_pending is None:
        return None
    secret = _unwrap(_recovery_kek(key), envelope.recovery_pending)
    return format_recovery(secret) if secret else None


def recovery_shown(data_dir: Path) -> None:
    """Forget the recovery key for good: the user has it on paper now."""
    envelope = read_envelope(data_dir)
    if envelope is not None and envelope.recovery_pending is not None:
        write_envelope(data_dir, Envelope(envelope.check, envelope.keyring, envelope.passphrase, None, envelope.next))


def change_passphrase(data_dir: Path, old: str, new: str) -> None:
    """Wrap the folder's key with `new` instead of `old`; WrongKey (nothing written) when `old` does not fit.

    Only the key file changes (the database key stays), so this is instant and cannot damage the database;
    the envelope is replaced atomically.
    """
    envelope = read_envelope(data_dir)
    if envelope is None or envelope.passphrase is None:
        raise KeyNeeded(data_dir, "this data folder has no passphrase (its key is in the OS keyring)")
    key = unwrap_with_passphrase(envelope.passphrase, old)
    if key is None or check_value(key) != envelope.check:
        raise WrongKey("the old passphrase is not this data folder's passphrase")
    write_envelope(data_dir, Envelope(envelope.check, envelope.keyring, wrap_with_passphrase(key, new),
                                      envelope.recovery_pending, envelope.next))
    remember(key)
