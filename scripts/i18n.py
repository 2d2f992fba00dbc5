#!/usr/bin/env python3
"""Translation helper for ParcelDesk's Qt Linguist files (translations/*.ts).

  scripts/i18n.py update           run lupdate over the sources (both .ts files, and parceldesk_en.ts with the
                                   plural forms only), then fill the English plural forms (plurals-en)
  scripts/i18n.py plurals-en       fill parceldesk_en.ts: "ticket(s)" becomes "ticket" / "tickets", "entry(ies)"
                                   "entry" / "entries"; translations/en-plurals.tsv gives whole forms where a
                                   sentence changes more ("context<TAB>source<TAB>singular<TAB>plural")
  scripts/i18n.py todo             print the zh_CN messages still unfinished, as TSV lines to fill in
  scripts/i18n.py apply FILE.tsv   fill zh_CN from lines "context<TAB>source<TAB>translation"
                                   (source and translation with \\n escapes)
  scripts/i18n.py derive-tw        write zh_TW from zh_CN with OpenCC (s2twp: Taiwan standard and phrases);
                                   messages listed in translations/zh_TW-overrides.tsv keep their own text
  scripts/i18n.py check            exit 1 when either file has unfinished or vanished messages
  scripts/i18n.py check --fresh    the same after running lupdate on temporary copies, so strings added to
                                   the sources but not yet translated are caught too (a test runs this)

zh_CN is translated by people; zh_TW follows it through OpenCC, with overrides where Taiwan usage differs
beyond what OpenCC knows.
"""
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TS = {lang: os.path.join(ROOT, 'translations', f'parceldesk_{lang}.ts') for lang in ('zh_CN', 'zh_TW')}
SOURCES = ['models', 'sync', 'reports', 'ui', 'app', 'server']
LUPDATE = '/usr/lib/qt6/bin/lupdate'
EN_TS = os.path.join(ROOT, 'translations', 'parceldesk_en.ts')


def load(path):
    return ET.parse(path)


def save(tree, path):
    body = ET.tostring(tree.getroot(), encoding='unicode')
    with open(path, 'w', encoding='utf-8') as f:
        f.write('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + '\n')


def messages(tree):
    for ctx in tree.getroot().iter('context'):
        name = ctx.findtext('name')
        for msg in ctx.iter('message'):
            yield name, msg


def esc(s):
    return s.replace('\\', '\\\\').replace('\n', '\\n').replace('\t', '\\t')


def unesc(s):
    out, i = [], 0
    while i < len(s):
        if s[i] == '\\' and i + 1 < len(s):
            out.append({'n': '\n', 't': '\t', '\\': '\\'}.get(s[i + 1], s[i + 1]))
            i += 2
        else:
            out.append(s[i])
            i += 1
    return ''.join(out)


def set_translation(msg, text):
    tr = msg.find('translation')
    tr.attrib.pop('type', None)
    if msg.get('numerus') == 'yes':
        for child in list(tr):
            tr.remove(child)
        tr.text = None
        form = ET.SubElement(tr, 'numerusform')
        form.text = text
    else:
        tr.text = text


def get_translation(msg):
    tr = msg.find('translation')
    if msg.get('numerus') == 'yes':
        forms = tr.findall('numerusform')
        return forms[0].text if forms and forms[0].text else ''
    return tr.text or ''


def is_unfinished(msg):
    tr = msg.find('translation')
    return tr.get('type') in ('unfinished', 'vanished', 'obsolete') or not get_translation(msg)


def cmd_update():
    subprocess.check_call([LUPDATE, '-no-obsolete', '-locations', 'none', *SOURCES, '-ts', *TS.values()], cwd=ROOT)
    subprocess.check_call([LUPDATE, '-no-obsolete', '-locations', 'none', '-pluralonly', '-target-language', 'en',
                           *SOURCES, '-ts', EN_TS], cwd=ROOT)
    cmd_plurals_en()


def english_forms(source):
    """Singular and plural of an English source with "(s)" / "(ies)" markers, or None when it has none."""
    import re
    if '(s)' not in source and '(ies)' not in source:
        return None
    one = re.sub(r'y\(ies\)', 'y', source).replace('(s)', '')
    many = re.sub(r'y\(ies\)', 'ies', source).replace('(s)', 's')
    return one, many


def cmd_plurals_en():
    overrides = {}
    path = os.path.join(ROOT, 'translations', 'en-plurals.tsv')
    if os.path.exists(path):
        with open(path, encoding='utf-8') as f:
            for line in f:
                line = line.rstrip('\n')
                if line and not line.startswith('#'):
                    ctx, src, one, many = line.split('\t')
                    overrides[(ctx, unesc(src))] = (unesc(one), unesc(many))
    tree = load(EN_TS)
    n = 0
    for ctx, msg in messages(tree):
        src = msg.findtext('source')
        forms = overrides.get((ctx, src)) or english_forms(src) or (src, src)
        tr = msg.find('translation')
        tr.attrib.pop('type', None)
        for child in list(tr):
            tr.remove(child)
        tr.text = None
        for form in forms:
            ET.SubElement(tr, 'numerusform').text = form
        n += 1
    save(tree, EN_TS)
    print(f'en: {n} plural message(s) filled')


def cmd_todo():
    for ctx, msg in messages(load(TS['zh_CN'])):
        if is_unfinished(msg):
            print(f"{ctx}\t{esc(msg.findtext('source'))}\t")


def cmd_apply(path):
    table = {}
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if not line or line.startswith('#'):
                continue
            ctx, src, text = line.split('\t')
            table[(ctx, unesc(src))] = unesc(text)
    tree = load(TS['zh_CN'])
    n = 0
    for ctx, msg in messages(tree):
        key = (ctx, msg.findtext('source'))
        if key in table and table[key]:
            set_translation(msg, table[key])
            n += 1
    save(tree, TS['zh_CN'])
    print(f'zh_CN: {n} message(s) translated')


def opencc(texts):
    sep = '\n\u2063\n'  # invisible separator line that OpenCC leaves alone
    out = subprocess.run(['opencc', '-c', 's2twp.json'], input=sep.join(texts), capture_output=True, text=True,
                         check=True).stdout
    parts = out.split(sep)
    if len(parts) != len(texts):
        sys.exit('opencc changed the number of messages; aborting')
    return parts


def cmd_derive_tw():
    overrides = {}
    path = os.path.join(ROOT, 'translations', 'zh_TW-overrides.tsv')
    if os.path.exists(path):
        with open(path, encoding='utf-8') as f:
            for line in f:
                line = line.rstrip('\n')
                if line and not line.startswith('#'):
                    ctx, src, text = line.split('\t')
                    overrides[(ctx, unesc(src))] = unesc(text)
    cn = {(ctx, msg.findtext('source')): get_translation(msg) for ctx, msg in messages(load(TS['zh_CN']))
          if not is_unfinished(msg)}
    tw_tree = load(TS['zh_TW'])
    pending = [(ctx, msg) for ctx, msg in messages(tw_tree) if (ctx, msg.findtext('source')) in cn]
    converted = opencc([cn[(ctx, msg.findtext('source'))] for ctx, msg in pending])
    for (ctx, msg), text in zip(pending, converted):
        set_translation(msg, overrides.get((ctx, msg.findtext('source')), text))
    save(tw_tree, TS['zh_TW'])
    print(f'zh_TW: {len(pending)} message(s) derived')


def cmd_check(fresh=False):
    files = dict(TS)
    if fresh:
        import shutil
        import tempfile
        tmp = tempfile.mkdtemp(prefix='pd-i18n-')
        for lang, path in TS.items():
            files[lang] = os.path.join(tmp, os.path.basename(path))
            shutil.copy(path, files[lang])
        subprocess.run([LUPDATE, '-no-obsolete', '-locations', 'none', *SOURCES, '-ts', *files.values()], cwd=ROOT,
                       check=True, capture_output=True)
        files['en'] = os.path.join(tmp, os.path.basename(EN_TS))
        shutil.copy(EN_TS, files['en'])
        subprocess.run([LUPDATE, '-no-obsolete', '-locations', 'none', '-pluralonly', '-target-language', 'en',
                        *SOURCES, '-ts', files['en']], cwd=ROOT, check=True, capture_output=True)
    else:
        files['en'] = EN_TS
    bad = 0
    for lang, path in files.items():
        for ctx, msg in messages(load(path)):
            if is_unfinished(msg):
                print(f"{lang}: unfinished: {ctx}: {msg.findtext('source')!r}")
                bad += 1
    count = sum(1 for _ in messages(load(files['zh_CN'])))
    print(f"translations: {count} message(s) per language, {bad} unfinished")
    if bad:
        print('run scripts/i18n.py update, translate (todo/apply), then derive-tw (English: plurals-en)')
    sys.exit(1 if bad else 0)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    cmd = sys.argv[1]
    if cmd == 'update':
        cmd_update()
    elif cmd == 'todo':
        cmd_todo()
    elif cmd == 'apply':
        cmd_apply(sys.argv[2])
    elif cmd == 'derive-tw':
        cmd_derive_tw()
    elif cmd == 'plurals-en':
        cmd_plurals_en()
    elif cmd == 'check':
        cmd_check('--fresh' in sys.argv[2:])
    else:
        sys.exit(__doc__)


if __name__ == '__main__':
    main()
