#!/usr/bin/env python3
"""A real local SMTP server for testemailjob: aiosmtpd (Debian python3-aiosmtpd) on 127.0.0.1:PORT,
writing every message it accepts to FOLDER/N.eml, preceded by the envelope and the AUTH login.
AUTH LOGIN/PLAIN accepts the user "mailer" with password "secret". Prints READY once listening and
runs until its standard input closes.

usage: smtp_sink.py PORT FOLDER
"""
import itertools
import os
import sys

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Sink:
    def __init__(self, folder):
        self.folder = folder
        self.count = itertools.count(1)

    async def handle_DATA(self, server, session, envelope):
        path = os.path.join(self.folder, "%d.eml" % next(self.count))
        login = ""
        if isinstance(session.auth_data, LoginPassword):
            login = session.auth_data.login.decode()
        header = "X-Envelope-From: %s\r\nX-Envelope-To: %s\r\nX-Auth-User: %s\r\n" % (
            envelope.mail_from, ",".join(envelope.rcpt_tos), login)
        with open(path + ".part", "wb") as out:
            out.write(header.encode())
            out.write(envelope.original_content or envelope.content)
        os.rename(path + ".part", path)  # whole files only
        return "250 OK"


def authenticator(server, session, envelope, mechanism, auth_data):
    if isinstance(auth_data, LoginPassword) and auth_data.login == b"mailer" and auth_data.password == b"secret":
        return AuthResult(success=True, auth_data=auth_data)
    return AuthResult(success=False, handled=False)


def main():
    port, folder = int(sys.argv[1]), sys.argv[2]
    controller = Controller(Sink(folder), hostname="127.0.0.1", port=port, authenticator=authenticator,
                            auth_require_tls=False)
    controller.start()
    print("READY", flush=True)
    sys.stdin.read()
    controller.stop()


if __name__ == "__main__":
    main()
