#!/usr/bin/env python3
"""Rewrites Qt's deprecated string literal u"..."_qs (deprecated from Qt 6.8) to u"..."_s from
Qt::StringLiterals (Qt 6.4+), and adds `using namespace Qt::StringLiterals;` after the includes of every
file that uses it. Idempotent: a second run changes nothing.

    python3 scripts/qt-literals.py            # rewrite the tree
    python3 scripts/qt-literals.py --check    # exit 1 and list files that still use _qs
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
DIRS = ["app", "models", "sync", "reports", "ui", "server", "tests", "bench"]
USING = "using namespace Qt::StringLiterals;"
# u"…"_qs: the literal's closing quote followed by _qs (also after a raw string's delimiter).
QS = re.compile(r'(")_qs\b')
INCLUDE = re.compile(r'^#include\s')


def rewrite(text):
    new = QS.sub(r"\1_s", text)
    if new == text and USING in text:
        return text
    if '"_s' not in new or USING in new:
        return new
    lines = new.split("\n")
    # the last #include of the file's leading block (a test's trailing `#include "tst_x.moc"` is not one)
    last = -1
    depth = 0  # inside #if … #endif: the using-declaration goes after the #endif, not into the condition
    for i, line in enumerate(lines):
        if line.startswith("#if"):
            depth += 1
        elif line.startswith("#endif"):
            depth -= 1
            if depth == 0 and last >= 0:
                last = i
        if INCLUDE.match(line):
            last = i
        elif line and not line.startswith(("#", "//", "/*", " *", "*/")):
            break
    if last < 0:  # no include: after the leading comment block and #pragma once
        last = next((i for i, line in enumerate(lines) if line.startswith("#pragma once")), -1)
    lines[last + 1:last + 1] = ["", USING]
    return "\n".join(lines)


def files():
    for d in DIRS:
        for path in sorted((ROOT / d).rglob("*")):
            if path.suffix in (".cpp", ".h") and path.is_file():
                yield path


def main():
    check = "--check" in sys.argv
    changed = []
    for path in files():
        text = path.read_text(encoding="utf-8")
        new = rewrite(text)
        if new != text:
            changed.append(path.relative_to(ROOT))
            if not check:
                path.write_text(new, encoding="utf-8")
    for path in changed:
        print(("uses _qs: " if check else "rewritten: ") + str(path))
    if check and changed:
        return 1
    print(f"{len(changed)} file(s) {'to rewrite' if check else 'rewritten'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
