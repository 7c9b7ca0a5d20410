"""A real SMTP server for the tests, on 127.0.0.1: it offers STARTTLS with a certificate the test
script makes, wants AUTH (only after TLS) with one user, and keeps every message it accepts in a
Maildir that the tests read.

    smtp_server.py --port 2525 --maildir DIR --cert cert.pem --key key.pem --user U --password P
"""
import argparse
import os
import signal
import ssl
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Mailbox
from aiosmtpd.smtp import AuthResult, LoginPassword


def main():
    parser = argparse.ArgumentParser()
    for name in ["--port", "--maildir", "--cert", "--key", "--user", "--password"]:
        parser.add_argument(name, required=True)
    args = parser.parse_args()

    for folder in ["tmp", "new", "cur"]:
        os.makedirs(os.path.join(args.maildir, folder), exist_ok=True)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(args.cert, args.key)

    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, LoginPassword) and auth_data.login == args.user.encode() and auth_data.password == args.password.encode()
        return AuthResult(success=ok)

    controller = Controller(Mailbox(args.maildir), hostname="127.0.0.1", port=int(args.port), tls_context=context,
                            require_starttls=False, authenticator=authenticator, auth_required=True, auth_require_tls=True)
    controller.start()
    print(f"SMTP on 127.0.0.1:{args.port}, STARTTLS and AUTH, into {args.maildir}", flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait()
    controller.stop()


if __name__ == "__main__":
    main()
