"""The language server, ``factlint lsp`` (the optional ``lsp`` extra: ``pip install 'factlint[lsp]'``).

This module is what the command line imports; it does not import pygls, so a
``factlint check`` run pays nothing for the server.
"""

from __future__ import annotations

import argparse
import sys


def main(args: argparse.Namespace) -> int:
    try:
        from factlint.lsp.server import serve
    except ImportError as exc:
        print(f"factlint: the language server needs the lsp extra: pip install 'factlint[lsp]' ({exc})",
              file=sys.stderr)
        return 2
    return serve(tcp=args.tcp, host=args.host, port=args.port)
