#!/usr/bin/env python3
"""The dependency rule of docs/architecture.md, checked on every #include of the source tree.

    models   <- sync, reports, server          (models includes only models)
    ui       <- models, sync, reports          (never bench, tests, server or the console's app)
    app      <- everything but bench and tests
    server   <- models                         (never ui, sync, reports or the console's app)
    bench, tests: anything

and nothing under models/ includes a Qt Widgets, Network or WebSockets header; nothing under ui/ runs SQL of
its own (no <QSqlQuery>: widgets read the cache through models/ repositories), except the map's MBTiles reader,
which reads a tile file rather than the cache.

A quoted include is resolved as the compiler does: next to the including file first, then from the repository
root. Usage:
    check-layers.py ROOT [--qt-headers DIR]   exit 1 and one line per violation when the rule is broken
    check-layers.py selftest [--qt-headers DIR]  proves the check fails on a forbidden include

For example, adding `#include "ui/workbench/workbenchpage.h"` to models/store/database.cpp makes it print
    models/store/database.cpp:12: models may not include ui (ui/workbench/workbenchpage.h)
and exit 1 (tried once by hand; `selftest` repeats that on a throwaway tree in every test run).
"""
import os
import re
import sys
import tempfile

SOURCE_DIRS = ["models", "sync", "reports", "server", "ui", "app"]
ALLOWED = {
    "models": {"models"},
    "sync": {"models", "sync"},
    "reports": {"models", "reports"},
    "server": {"models", "server"},
    "ui": {"models", "sync", "reports", "ui"},
    "app": {"models", "sync", "reports", "ui", "app", "resources"},
}
FORBIDDEN_QT_MODULES_IN_MODELS = ["QtWidgets", "QtNetwork", "QtWebSockets"]
SQL_HEADERS = {"QSqlQuery", "QtSql/QSqlQuery", "QtSql"}
SQL_ALLOWED_IN_UI = {"ui/map/tilelayer.cpp"}
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')
SUFFIXES = (".h", ".hpp", ".cpp", ".cc")


def qt_header_names(qt_headers):
    names = {}
    if not qt_headers:
        return names
    for module in FORBIDDEN_QT_MODULES_IN_MODELS:
        d = os.path.join(qt_headers, module)
        if os.path.isdir(d):
            for name in os.listdir(d):
                names[name] = module
            names.update({module + "/" + n: module for n in os.listdir(d)})
            names[module] = module
    return names


def layer_of(root, path):
    rel = os.path.relpath(path, root)
    top = rel.split(os.sep)[0]
    return top, rel


def check(root, qt_headers=None):
    root = os.path.abspath(root)
    qt = qt_header_names(qt_headers)
    problems = []
    for layer in SOURCE_DIRS:
        base = os.path.join(root, layer)
        for dirpath, _, files in os.walk(base):
            for name in sorted(files):
                if not name.endswith(SUFFIXES):
                    continue
                path = os.path.join(dirpath, name)
                with open(path, encoding="utf-8", errors="replace") as f:
                    for number, line in enumerate(f, 1):
                        m = INCLUDE.match(line)
                        if not m:
                            continue
                        kind, target = m.groups()
                        rel_src = os.path.relpath(path, root)
                        if kind == "<":
                            if layer == "models" and target in qt:
                                problems.append(f"{rel_src}:{number}: models may not include {qt[target]} "
                                                f"headers (<{target}>)")
                            if (layer == "ui" and target in SQL_HEADERS
                                    and rel_src.replace(os.sep, "/") not in SQL_ALLOWED_IN_UI):
                                problems.append(f"{rel_src}:{number}: ui runs no SQL of its own (<{target}>); "
                                                f"read through a repository in models/")
                            continue
                        local = os.path.normpath(os.path.join(dirpath, target))
                        resolved = local if os.path.exists(local) else os.path.join(root, target)
                        if not os.path.exists(resolved):
                            continue  # generated (moc, ui_, config) or a system header in quotes
                        top, rel = layer_of(root, resolved)
                        if top not in ALLOWED[layer]:
                            problems.append(f"{rel_src}:{number}: {layer} may not include {top} ({rel})")
    return problems


def selftest(qt_headers):
    with tempfile.TemporaryDirectory() as tmp:
        for d in SOURCE_DIRS + ["bench/common"]:
            os.makedirs(os.path.join(tmp, d), exist_ok=True)
        with open(os.path.join(tmp, "ui", "page.h"), "w") as f:
            f.write("#pragma once\n")
        with open(os.path.join(tmp, "bench", "common", "gen.h"), "w") as f:
            f.write("#pragma once\n")
        with open(os.path.join(tmp, "models", "fine.cpp"), "w") as f:
            f.write('#include "fine.h"\n#include <QString>\n')
        with open(os.path.join(tmp, "models", "fine.h"), "w") as f:
            f.write("#pragma once\n")
        with open(os.path.join(tmp, "models", "bad.cpp"), "w") as f:
            f.write('#include "ui/page.h"\n#include <QTcpSocket>\n')
        with open(os.path.join(tmp, "ui", "tool.cpp"), "w") as f:
            f.write('#include "bench/common/gen.h"\n#include <QSqlQuery>\n')
        problems = check(tmp, qt_headers)
    expected = ["models/bad.cpp:1: models may not include ui", "ui/tool.cpp:1: ui may not include bench",
                "ui/tool.cpp:2: ui runs no SQL of its own"]
    if qt_headers:
        expected.append("models/bad.cpp:2: models may not include QtNetwork")
    missing = [e for e in expected if not any(p.startswith(e) for p in problems)]
    for p in problems:
        print("selftest found:", p)
    if missing or len(problems) != len(expected):
        print("selftest FAILED: expected", expected)
        return 1
    print(f"selftest ok: {len(problems)} planted violations found, none elsewhere")
    return 0


def main(argv):
    qt_headers = None
    if "--qt-headers" in argv:
        i = argv.index("--qt-headers")
        qt_headers = argv[i + 1]
        del argv[i:i + 2]
    if len(argv) != 2:
        print(__doc__)
        return 2
    if argv[1] == "selftest":
        return selftest(qt_headers)
    problems = check(argv[1], qt_headers)
    for p in problems:
        print(p)
    files = sum(1 for layer in SOURCE_DIRS for _, _, fs in os.walk(os.path.join(argv[1], layer))
                for n in fs if n.endswith(SUFFIXES))
    print(f"{files} files checked, {len(problems)} violations of the dependency rule")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
