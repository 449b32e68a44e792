#!/usr/bin/env python3
"""Writes the hostile CSV corpus of fuzz_csv into tests/fuzz/corpus/csv (checked in; < 2 MB in all).
The first byte of each file picks the separator and enclosure (see fuzz_csv.cpp): 0 = ',' and '"'."""
import os

here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus", "csv")
os.makedirs(here, exist_ok=True)
header = b"email,first_name,last_name,customer_number,is_admin,make_payment,allowed_sections\r\n"
row = b"a@x.test,Ann,Lee,C100001,Yes,No,invoices.view|orders.view\r\n"
files = {
    "plain": header + row,
    "bom": b"\xef\xbb\xbf" + header + row,
    "bom-only": b"\xef\xbb\xbf",
    "bare-quote": header + b'a@x.test,An"n,Lee,C1,Yes,No,x\r\n',
    "quote-after-close": header + b'a@x.test,"Ann"x,Lee,C1,Yes,No,x\r\n',
    "unclosed-quote": header + b'a@x.test,"Ann,Lee,C1,Yes,No,x\r\n',
    "only-quotes": b'""""""""""""""""""""""""""',
    "nuls": header + b"a@x.test,A\x00nn,Lee,C1,Yes,No,x\r\n\x00\x00\x00",
    "mixed-line-ends": header + row.replace(b"\r\n", b"\n") + row.replace(b"\r\n", b"\r") + row + b"\n\r\n\r\r\n",
    "quoted-line-breaks": header + b'a@x.test,"two\r\nlines","and\rcr\nlf",C1,Yes,No,x\r\n',
    "invalid-utf8": header + b"a@x.test,\xc3\x28,\xed\xa0\x80,\xf4\x90\x80\x80,\xff,No,x\r\n",
    "overlong-utf8": header + b"a@x.test,\xc0\xaf,\xe0\x80\xaf,C1,Yes,No,x\r\n",
    "formulas": header + b"=cmd(),+1,-1,@SUM(A1),\t tab,\"\rcr\",'=x\r\n",
    "empty-fields": b",,,,,,\r\n,,,\r\n\r\n\r\n",
    "semicolon": b"\x01" + header.replace(b",", b";") + row.replace(b",", b";"),
    "tab-apostrophe": b"\x06" + b"a\tb\t'c\td'\r\n'x''y'\tz\r\n",
    "big-field": header + b'a@x.test,"' + b"x" * (1024 * 1024) + b'",Lee,C1,Yes,No,x\r\n',
    "ten-thousand-columns": b",".join(b"c%d" % i for i in range(10000)) + b"\r\n",
    "no-trailing-newline": header + row.rstrip(b"\r\n"),
}
for name, data in files.items():
    with open(os.path.join(here, name + ".csv"), "wb") as f:
        f.write(b"\x00" + data if not name in ("semicolon", "tab-apostrophe") else data)
