"""What the tools in this folder share: notebook cells' directives, which cells and notebooks `nbdev_test` runs, and
nbdev's doc processing.

    python tools/nbtools.py tested-notebooks   # the notebooks `nbdev_test` tests, one a line
    python tools/nbtools.py proc-nbs           # nbdev's doc processing of every notebook into _proc/
    python tools/nbtools.py sync-quarto        # copy the top-level _quarto.yml (the source) to nbs/, where nbdev reads it
    python tools/nbtools.py sync-quarto --check    # CI: fail if the copy differs
    python tools/nbtools.py check-names        # CI: every `pvae.module.name` the prose and docstrings name exists

The scripts next to it import it as `nbtools` (`python tools/x.py` puts tools/ first on sys.path).

Directives are the `#|` comment lines at the top of a code cell, read the way nbdev 2 reads them (blank lines and
`%%` cell magics may sit among them; the first other line ends them):

    #| eval: false      ->  {'eval': 'false'}       a `key: value` option: the value, as a string
    #| hide             ->  {'hide': ()}            a bare flag: its words after the name, as a tuple
    #| export mod       ->  {'export': ('mod',)}
    #| hide:            ->  {'hide': ()}            a trailing colon makes a flag, as in nbdev
"""
import os, re
from pathlib import Path

from nbdev.config import get_config

_DIRECTIVE = re.compile(r'^\s*#\s*\|(.*)$')
_CELL_MAGIC = re.compile(r'^\s*%%\w+')
_OPTION = re.compile(r'^([^\s:]+):\s*(.*)$')


def cell_source(cell) -> str:
    "A cell's source as one string (notebook JSON may hold it as a list of lines)."
    src = cell['source'] or ''
    return ''.join(src) if isinstance(src, list) else src


def _text(cell_or_source) -> str: return cell_or_source if isinstance(cell_or_source, str) else cell_source(cell_or_source)


def _split(source: str) -> tuple:
    "The lines of the directive block at the top of a cell, and the lines after it."
    lines = source.splitlines()
    i = next((i for i, l in enumerate(lines) if l.strip() and not _DIRECTIVE.match(l) and not _CELL_MAGIC.match(l)), len(lines))
    return lines[:i], lines[i:]


def _parse(body: str):
    "(name, value) of one directive line's text after `#|`; None for an empty one."
    body = body.strip()
    if body.endswith(':'): words = body.replace(':', '').split()
    elif m := _OPTION.match(body): return m.group(1), m.group(2).strip()
    else: words = body.split()
    return (words[0], tuple(words[1:])) if words else None


def directives(cell_or_source) -> dict:
    "A code cell's directives (see the module's doc): options map to their value (str), bare flags to their words (tuple)."
    head, _ = _split(_text(cell_or_source))
    return dict(d for l in head if (m := _DIRECTIVE.match(l)) and (d := _parse(m.group(1))))


def code(cell_or_source) -> str:
    "A cell's source without its directive lines, stripped."
    head, rest = _split(_text(cell_or_source))
    return '\n'.join([l for l in head if not _DIRECTIVE.match(l)] + rest).strip()


def quarto_view(cell):
    """What Quarto shows of a processed code cell by its options: None for `include: false`, else (code, outputs),
    the code '' for `echo: false` and the outputs [] for `output: false`."""
    opts = directives(cell)
    if opts.get('include') == 'false': return None
    return ('' if opts.get('echo') == 'false' else code(cell)), ([] if opts.get('output') == 'false' else cell.get('outputs', []))


def skip_flags(run_anyway: str = '') -> set:
    "The flags whose cells `nbdev_test` skips: settings.ini's `tst_flags` less those passed (`--flags`, space separated)."
    return set(get_config().tst_flags.split()) - set(run_anyway.split())


def skipped_by_nbdev_test(cell, flags: set) -> bool:
    "Whether `nbdev_test` skips this cell: not code, an `nbdev_export()` call, `#| eval: false`, or a flag in `flags`."
    if cell['cell_type'] != 'code': return True
    src = cell_source(cell)
    if 'nbdev_export' + '(' in src: return True
    d = directives(src)
    ev = d.get('eval')
    if isinstance(ev, str) and ev.lower().split()[:1] == ['false']: return True
    return any(isinstance(d.get(f), tuple) for f in flags)


def tested_notebooks(ignore_fname: str = '.notest') -> list:
    """The notebooks a plain `nbdev_test` command tests, sorted: every `*.ipynb` in settings.ini's nbs_path (and, when
    `recursive`, in its subfolders, not entering linked ones), leaving out files and folders whose names start with `_`
    or `.`, every notebook in a folder that holds an `ignore_fname` file, and links that lead nowhere.
    This is nbdev 2's rule written out: the defaults of its command line (`nbglob_cli`: skip_file_re and skip_folder_re
    '^[_.]', not read from settings.ini, and symlinks=False) and its private `nbdev.test._keep_file`."""
    cfg = get_config()
    found = []
    for folder, dirs, files in os.walk(cfg.nbs_path):
        dirs[:] = [d for d in dirs if not d.startswith(('_', '.'))] if cfg.recursive else []
        if os.path.lexists(os.path.join(folder, ignore_fname)): continue
        found += [p for f in files if f.endswith('.ipynb') and not f.startswith(('_', '.')) and (p := Path(folder) / f).exists()]
    return sorted(found)


def proc_nbs() -> Path:
    "nbdev's doc processing of every notebook into _proc/, as `nbdev_docs` does before Quarto; returns _proc/."
    # nbdev's public functions, not its `nbdev_proc_nbs` command: that one first installs Quarto when it is missing
    # (and pip-installs the package), which CI and the offline preview must not do.
    from nbdev.quarto import refresh_quarto_yml
    from nbdev.serve import proc_nbs as _proc_nbs
    refresh_quarto_yml()
    return _proc_nbs(n_workers=0, force=True)


QUARTO_SOURCE, QUARTO_COPY = Path('_quarto.yml'), Path('nbs/_quarto.yml')

def sync_quarto(check: bool = False) -> bool:
    "Copy the top-level _quarto.yml (the source) to nbs/_quarto.yml (where nbdev 2 reads it); with `check`, only compare."
    same = QUARTO_COPY.exists() and QUARTO_COPY.read_text() == QUARTO_SOURCE.read_text()
    if not same and not check: QUARTO_COPY.write_text(QUARTO_SOURCE.read_text())
    return same


_DOTTED = re.compile(r'(?<![\w/.-])pvae((?:\.[A-Za-z_][A-Za-z0-9_]*)+)')     # pvae.x, pvae.x.y, ... (not a path or a file name)

def named_in_prose() -> dict:
    "{(module, name, ...): [where, ...]} for every `pvae.module.name` in the notebooks (markdown, comments, strings), README.md and the package's source."
    import json
    root = Path(__file__).resolve().parent.parent
    texts = [(p.name, ''.join(''.join(c['source']) for c in json.loads(p.read_text())['cells'])) for p in sorted((root / 'nbs').glob('*.ipynb'))]
    texts += [(p.name, p.read_text()) for p in [root / 'README.md', *sorted((root / 'pvae').glob('*.py'))] if p.name != '_modidx.py']
    found = {}
    for where, text in texts:
        for m in _DOTTED.finditer(text):
            parts = tuple(m.group(1)[1:].split('.'))
            if parts[-1] in ('py', 'ipynb', 'json', 'egg-info'): continue          # a file name, not a Python name
            found.setdefault(parts, []).append(where)
    return found

def _exists(parts: tuple) -> bool:
    "Does pvae.<parts> resolve, importing submodules on the way?"
    import importlib
    obj, path = importlib.import_module('pvae'), 'pvae'
    for part in parts:
        path = f'{path}.{part}'
        if hasattr(obj, part): obj = getattr(obj, part); continue
        try: obj = importlib.import_module(path)
        except ModuleNotFoundError: return False
    return True

def missing_names() -> list:
    "The `pvae.module.name` mentions that do not resolve: [(dotted name, [where])]."
    return [('pvae.' + '.'.join(parts), sorted(set(where))) for parts, where in sorted(named_in_prose().items()) if not _exists(parts)]


def main(argv=None):
    import argparse
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('command', choices=['tested-notebooks', 'proc-nbs', 'sync-quarto', 'check-names'])
    parser.add_argument('--check', action='store_true', help='sync-quarto: fail if nbs/_quarto.yml differs, change nothing')
    args = parser.parse_args(argv)
    if args.command == 'tested-notebooks':
        for p in tested_notebooks(): print(os.path.relpath(p))
    elif args.command == 'sync-quarto':
        if sync_quarto(args.check): print(f'{QUARTO_COPY} is the same as {QUARTO_SOURCE}')
        elif args.check: raise SystemExit(f'{QUARTO_COPY} differs from {QUARTO_SOURCE} (the source): run python tools/nbtools.py sync-quarto')
        else: print(f'copied {QUARTO_SOURCE} to {QUARTO_COPY}')
    elif args.command == 'check-names':
        missing = missing_names()
        for name, where in missing: print(f'{name}: named in {", ".join(where)}, but pvae has no such thing')
        if missing: raise SystemExit(f'{len(missing)} name(s) of the form pvae.module.name in the prose or docstrings do not exist')
        print(f'all {len(named_in_prose())} names of the form pvae.module.name in the prose and docstrings exist')
    else: print(f'processed the notebooks into {os.path.relpath(proc_nbs())}/')


if __name__ == '__main__': main()
