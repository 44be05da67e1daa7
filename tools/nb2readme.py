"""Write README.md from nbs/index.ipynb without Quarto (nbdev_readme shells out to Quarto).

    python tools/nb2readme.py            # (re)write README.md (and index_files/ for any images)
    python tools/nb2readme.py --check    # exit 1 if README.md is not what index.ipynb gives

The notebook goes through nbdev's own documentation processors (`FilterDefaults`: frontmatter, `#| hide`,
export cells, show_doc, ...), exactly as `nbdev_docs` prepares it for Quarto; the processed cells are then written as
GitHub-flavoured markdown using the outputs saved in the notebook.
"""
import argparse, base64, os, re, sys
from pathlib import Path

import yaml
from execnb.nbio import read_nb
from fastcore.xtras import working_directory
from nbdev.config import get_config
from nbdev.processors import FilterDefaults

from nbtools import cell_source, quarto_view

def _fenced(text: str, lang: str = '') -> str: return f'```{lang}\n{text.rstrip()}\n```'

def render(cfg) -> tuple:
    "Return (markdown text, {relative image path: bytes}) for the README notebook."
    nb_path = cfg.nbs_path / cfg.readme_nb
    nb = read_nb(nb_path)
    os.environ['IN_TEST'] = '1'
    sys.path.insert(0, str(cfg.config_path))
    with working_directory(cfg.nbs_path): FilterDefaults()(nb)
    img_dir = Path(cfg.readme_nb).stem + '_files'
    parts, images = [], {}
    for cell in nb.cells:
        src = cell_source(cell)
        if cell.cell_type == 'raw' and src.lstrip().startswith('---'):
            meta = yaml.safe_load(src.strip().strip('-')) or {}
            head = f"# {meta.get('title', cfg.lib_name)}"
            if meta.get('description'): head += f"\n\n> {meta['description']}"
            parts.append(head)
        elif cell.cell_type == 'markdown':   # pictures and chapters next to the notebook are under nbs/ from the README
            nbs = cfg.nbs_path.relative_to(cfg.config_path).as_posix()
            parts.append(re.sub(r'\]\((?![a-z]+:|/|#)([^)]+\.(?:png|jpg|jpeg|gif|svg|ipynb))\)', lambda m: f']({nbs}/{m.group(1)})', src.strip()))
        elif cell.cell_type == 'code' and (view := quarto_view(cell)):
            code, outputs = view
            if code: parts.append(_fenced(code, 'python'))
            for out in outputs:
                data = out.get('data', {})
                if out.get('output_type') == 'stream': parts.append(_fenced(''.join(out['text'])))
                elif 'text/markdown' in data: parts.append(''.join(data['text/markdown']).strip())
                elif 'image/png' in data:
                    name = f'{img_dir}/figure-{len(images) + 1}.png'
                    images[name] = base64.b64decode(''.join(data['image/png']))
                    parts.append(f'![]({name})')
                elif 'text/plain' in data: parts.append(_fenced(''.join(data['text/plain'])))
    return '\n\n'.join(p for p in parts if p) + '\n', images

def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--check', action='store_true', help='only check that README.md is current')
    args = parser.parse_args()
    cfg = get_config()
    text, images = render(cfg)
    readme = cfg.config_path / 'README.md'
    stale = [p for p, b in images.items() if not (cfg.config_path / p).exists() or (cfg.config_path / p).read_bytes() != b]
    if args.check:
        if not readme.exists() or readme.read_text() != text or stale:
            sys.exit(f'README.md is out of date with nbs/{cfg.readme_nb}: run `python tools/nb2readme.py` and commit')
        print('README.md is current')
        return
    readme.write_text(text)
    for p, b in images.items():
        (cfg.config_path / p).parent.mkdir(exist_ok=True)
        (cfg.config_path / p).write_bytes(b)
    print(f'wrote {readme}' + (f' and {len(images)} image(s)' if images else ''))

if __name__ == '__main__': main()
