"""Execute notebooks in place and keep their outputs, so the docs show the plots and printed results.

    python tools/run_nbs.py nbs/00a_eat.ipynb [more notebooks]   # then: nbdev_clean

Cells are skipped exactly as `nbdev_test` skips them (`#| eval: false`, and cells carrying a flag from `tst_flags` in
settings.ini unless it is passed with --flags). Execution stops at the first error and the notebook is left unchanged.
"""
import argparse, os, sys
from pathlib import Path

from execnb.nbio import read_nb, write_nb
from execnb.shell import CaptureShell
from nbdev.config import get_config

from nbtools import skip_flags, skipped_by_nbdev_test

def run_notebook(path: Path, flags: set) -> None:
    nb = read_nb(path)
    shell = CaptureShell(path)
    cwd = os.getcwd()
    os.chdir(path.parent)
    try: shell.run_all(nb, exc_stop=True, preproc=lambda cell: skipped_by_nbdev_test(cell, flags))
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
    flags = skip_flags(args.flags)
    for path in args.notebooks: run_notebook(path.resolve(), flags)

if __name__ == '__main__': main()
