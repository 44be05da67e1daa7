"""Execute notebooks in place and keep their outputs, so the docs show the plots and printed results.

    python tools/run_nbs.py nbs/00_distributions.ipynb [more notebooks]   # then: nbdev_clean

Cells are skipped exactly as `nbdev_test` skips them (`#| eval: false`, and cells carrying a flag from `tst_flags` in
settings.ini unless it is passed with --flags). Execution stops at the first error and the notebook is left unchanged.
"""
import argparse, os, re, sys
from pathlib import Path

from execnb.nbio import read_nb, write_nb
from execnb.shell import CaptureShell
from nbdev.config import get_config

_directive = re.compile(r'^\s*#\s*\|\s*(.*)$')

def directives(source: str) -> dict:
    "Directives at the top of a cell: {'eval:': ['false'], 'slow': [], ...}."
    out = {}
    for line in source.splitlines():
        m = _directive.match(line)
        if not m:
            if line.strip(): break
            continue
        words = m.group(1).split()
        if words: out[words[0]] = words[1:]
    return out

def run_notebook(path: Path, skip_flags: set) -> None:
    nb = read_nb(path)
    def skip(cell):
        if cell.cell_type != 'code': return True
        if 'nbdev_export' + '(' in cell.source: return True
        d = directives(cell.source)
        if d.get('eval:', [''])[0].lower() == 'false': return True
        return bool(skip_flags & d.keys())
    shell = CaptureShell(path)
    cwd = os.getcwd()
    os.chdir(path.parent)
    try: shell.run_all(nb, exc_stop=True, preproc=skip)
    finally: os.chdir(cwd)
    write_nb(nb, path)
    print(f'ran and saved {path}')

def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('notebooks', nargs='+', type=Path)
    parser.add_argument('--flags', default='', help='test flags to run anyway (space separated)')
    args = parser.parse_args()
    cfg = get_config()
    sys.path.insert(0, str(cfg.config_path))
    os.environ['IN_TEST'] = '1'
    skip_flags = set(cfg.tst_flags.split()) - set(args.flags.split())
    for path in args.notebooks: run_notebook(path.resolve(), skip_flags)

if __name__ == '__main__': main()
