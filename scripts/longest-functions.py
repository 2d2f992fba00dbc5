#!/usr/bin/env python3
"""Prints the longest functions of the production code (models, sync, reports, ui, app, server).

A plain brace-matching scan, no compiler needed: comments, string and character literals (raw strings too) and
preprocessor lines are blanked, then every `{` is classed by the text before it. At namespace or class level a
`{` after a parameter list opens a function (a constructor's member initialisers included); `namespace`,
`class`, `struct`, `enum` and `extern` open containers; anything with `=` before it is data. Lambdas and local
classes count as part of the function around them. A function's length runs from the line of its name to the
line of its closing brace.

Usage:
    longest-functions.py [ROOT] [--top N] [--max LINES]
        --top N      how many to print (default 10)
        --max LINES  exit 1 when a function is longer (prints only those over it, longest first)
"""
import os
import re
import sys

SOURCE_DIRS = ["models", "sync", "reports", "ui", "app", "server"]
SUFFIXES = (".h", ".hpp", ".cpp", ".cc")
CONTAINER = re.compile(r"^(?:template\s*<.*>\s*)?(?:inline\s+)?(namespace|class|struct|union|enum|extern)\b", re.S)
BODY_KEYWORDS = {"const", "override", "final", "noexcept", "mutable", "try", "volatile"}
IDENT_BEFORE = re.compile(r"([A-Za-z_][A-Za-z_0-9]*)\s*$")
NAME = re.compile(r"((?:~?[A-Za-z_][A-Za-z_0-9]*\s*::\s*)*(?:operator\s*[^\s(]+|~?[A-Za-z_][A-Za-z_0-9]*))\s*\($")


def blank(text):
    """The text with comments, literals and preprocessor lines replaced by spaces (newlines kept)."""
    out = []
    i, n = 0, len(text)
    line_start = True
    while i < n:
        c = text[i]
        if line_start and c == "#":
            # a directive, with its continuation lines
            j = i
            while j < n and text[j] != "\n":
                if text[j] == "\\" and j + 1 < n and text[j + 1] == "\n":
                    j += 1
                j += 1
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
            continue
        if c == "\n":
            line_start = True
            out.append(c)
            i += 1
            continue
        if not c.isspace():
            line_start = False
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
            continue
        if text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
            continue
        raw = re.match(r'(?:u8|u|U|L)?R"([^(\s]*)\(', text[i:i + 20])
        if raw and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")):
            end = text.find(")" + raw.group(1) + '"', i + raw.end())
            j = n if end < 0 else end + len(raw.group(1)) + 2
            out.append('""' + re.sub(r"[^\n]", " ", text[i + 2:j]))
            i = j
            continue
        if c in "\"'":
            if c == "'" and i > 0 and text[i - 1].isalnum() and i + 1 < n and text[i + 1].isalnum():
                out.append(" ")  # a digit separator (1'000)
                i += 1
                continue
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            j = min(j + 1, n)
            out.append(c + " " * (j - i - 2) + c if j - i >= 2 else " " * (j - i))
            i = j
            continue
        out.append(c)
        i += 1
    return "".join(out)


def has_init_list(header):
    """True when the header has a parameter list followed by ':' (a constructor's member initialisers)."""
    depth = 0
    closed = False
    i = 0
    while i < len(header):
        c = header[i]
        if c in "(<[":
            depth += 1 if c == "(" else 0
        elif c == ")":
            depth -= 1
            if depth == 0:
                closed = True
        elif c == ":" and closed and depth == 0:
            if header[i:i + 2] == "::":
                i += 2
                continue
            if i > 0 and header[i - 1] == ":":
                i += 1
                continue
            return True
        i += 1
    return False


MACRO = re.compile(r"\b[A-Z][A-Z0-9_]+\s*(?:\([^()]*\))?")


def function_name(header):
    """The name before the first parameter list at depth 0, or None when the header is not a function's."""
    header = MACRO.sub(" ", header)  # Q_OBJECT, Q_DISABLE_COPY_MOVE(X), Q_INVOKABLE before a declaration
    depth = 0
    for i, c in enumerate(header):
        if c == "(" and depth == 0:
            m = NAME.search(header[:i + 1])
            if m:
                return re.sub(r"\s+", "", m.group(1))
            return None
        if c == "<":
            depth += 1
        elif c == ">" and depth > 0:
            depth -= 1
    return None


def scan(path, text):
    """(length, line, name) of every function in the file."""
    code = blank(text)
    functions = []
    stack = []  # kinds: 'container', 'function', 'data', 'init'
    header_start = 0
    line = 1
    header_line = None
    for i, c in enumerate(code):
        if c == "\n":
            line += 1
            continue
        inside_function = any(k in ("function", "data") for k in stack)
        if not inside_function and header_line is None and not c.isspace() and c not in ";{}":
            header_line = line
        if c == ";" and not inside_function:
            header_start, header_line = i + 1, None
        elif c == "{":
            if inside_function:
                stack.append("block")
                continue
            header = code[header_start:i].strip()
            before = IDENT_BEFORE.search(header)
            if CONTAINER.match(header):
                kind = "container"
                if re.match(r"^(?:enum)\b", header) or "=" in header:
                    kind = "data"
            elif "=" in re.sub(r"\(.*\)|<[^<>]*>|==|!=|<=|>=", "", header, flags=re.S) and "operator" not in header:
                kind = "data"
            elif "(" in header and has_init_list(header) and before and before.group(1) not in BODY_KEYWORDS:
                kind = "init"  # a brace initialiser of a member: the body comes later
            elif "(" in header and function_name(header):
                kind = "function"
                functions.append([None, header_line or line, function_name(header), len(stack)])
            else:
                kind = "container"  # e.g. a macro block at namespace level
            stack.append(kind)
            if kind == "container":
                header_start, header_line = i + 1, None
        elif c == "}":
            if not stack:
                continue
            kind = stack.pop()
            if kind == "function":
                for f in reversed(functions):
                    if f[0] is None and f[3] == len(stack):
                        f[0] = line - f[1] + 1
                        break
            if kind in ("function", "container", "data"):
                if not any(k in ("function", "data") for k in stack):
                    header_start, header_line = i + 1, None
    return [(f[0], f[1], f[2]) for f in functions if f[0] is not None]


def collect(root):
    found = []
    for layer in SOURCE_DIRS:
        for dirpath, _, files in os.walk(os.path.join(root, layer)):
            for name in sorted(files):
                if not name.endswith(SUFFIXES):
                    continue
                path = os.path.join(dirpath, name)
                with open(path, encoding="utf-8", errors="replace") as f:
                    text = f.read()
                rel = os.path.relpath(path, root)
                found += [(length, rel, line, fn) for length, line, fn in scan(rel, text)]
    found.sort(key=lambda f: (-f[0], f[1], f[2]))
    return found


def main(argv):
    root, top, limit = ".", 10, None
    args = argv[1:]
    while args:
        a = args.pop(0)
        if a == "--top":
            top = int(args.pop(0))
        elif a == "--max":
            limit = int(args.pop(0))
        elif a in ("-h", "--help"):
            print(__doc__)
            return 0
        else:
            root = a
    found = collect(root)
    shown = [f for f in found if f[0] > limit] if limit is not None else found[:top]
    for length, rel, line, fn in shown:
        print(f"{length:5d}  {rel}:{line}  {fn}")
    print(f"{len(found)} functions scanned" + (f", {len(shown)} over {limit} lines" if limit is not None else ""))
    return 1 if limit is not None and shown else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
