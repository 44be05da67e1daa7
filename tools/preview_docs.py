"""Preview the documentation site offline, without Quarto, and check it in headless Chromium.

    python tools/preview_docs.py            # write _preview/*.html (open _preview/index.html in a browser)
    python tools/preview_docs.py --check    # ... then open every page in headless Chromium and check it

The notebooks go through nbdev's own documentation processing (`nbdev.serve.proc_nbs`, called by `nbtools.proc_nbs`:
frontmatter, `#| hide`, show_doc, ...) into `_proc/`, exactly as `nbdev_docs` prepares them for Quarto. Each processed
notebook is then rendered to one self-contained HTML page by pandoc (shipped inside the `pypandoc-binary` wheel), with
math as MathML (which browsers draw natively, so no script has to be fetched), plots embedded, links between chapters
pointing at the other pages, and a navigation bar in the order of the chapters.

`--check` opens each page in headless Chromium (Debian's `chromium` package, or `--chromium PATH`) and reads back,
after the page has loaded, what the browser made of it: how many formulas were laid out as MathML with a non-zero
size, any formula left as raw TeX, how many images (plots) decoded, and any image or local link that failed. It
fails if a page has fewer images than its notebook has plot outputs, if any formula did not render, or if anything
failed to load, and keeps screenshots of the home page and one chapter in `_preview/screenshots/`.
"""
import argparse, json, re, shutil, subprocess, sys, tempfile
from pathlib import Path

import yaml

from execnb.nbio import read_nb
from nbdev.config import get_config

from nbtools import cell_source, proc_nbs, quarto_view

CHECK_JS = """<script>
window.addEventListener('load', () => setTimeout(() => {
  const maths = [...document.querySelectorAll('math')];
  const raw = [...document.querySelectorAll('span.math')].filter(s => !s.querySelector('math'));
  const imgs = [...document.images];
  const local = [...document.querySelectorAll('a[href$=".html"]')].map(a => a.getAttribute('href'))
                .filter(h => !/^[a-z]+:/.test(h));
  const out = {math: maths.length, math_drawn: maths.filter(m => m.getBoundingClientRect().height > 0).length,
               raw_tex: raw.map(s => s.textContent.slice(0, 80)), images: imgs.length,
               broken_images: imgs.filter(i => !i.complete || i.naturalWidth === 0).map(i => i.src.slice(0, 80)),
               local_links: local};
  const pre = document.createElement('pre'); pre.id = 'preview-check'; pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
}, 300));
</script>"""


def _pandoc():
    try: import pypandoc
    except ImportError: sys.exit("the preview needs pandoc: pip install pypandoc-binary (it is in pvae's dev extras)")
    return pypandoc.get_pandoc_path()


def _title(nb_path: Path) -> str:
    nb = read_nb(nb_path)
    for cell in nb.cells:
        if cell.cell_type == 'markdown':
            m = re.match(r'#\s+(.+)', cell.source.strip())
            if m: return m.group(1).strip()
        if cell.cell_type == 'raw':
            m = re.search(r'^title:\s*(.+)$', cell.source, re.M)
            if m: return m.group(1).strip().strip('"\'')
    return nb_path.stem


def n_plots(nb_path: Path) -> int:
    "How many image outputs a processed notebook holds."
    return sum('image/png' in (o.get('data') or {}) for c in read_nb(nb_path).cells for o in c.get('outputs', []))


def _quarto_like(cell) -> list:
    "What Quarto would show of a processed cell, as cells pandoc renders: frontmatter as a title, cell options obeyed."
    src = cell_source(cell)
    if cell['cell_type'] == 'raw' and src.lstrip().startswith('---'):
        meta = yaml.safe_load(src.strip().strip('-')) or {}
        text = f"# {meta.get('title', '')}" + (f"\n\n> {meta['description']}" if meta.get('description') else '')
        return [dict(cell_type='markdown', id=cell.get('id', 'title'), metadata={}, source=text)]
    if cell['cell_type'] != 'code': return [cell]
    view = quarto_view(cell)
    if view is None: return []
    code, outputs = view
    for o in outputs:
        if 'execution_count' in o and o['execution_count'] is None: o['execution_count'] = 0
    if code: return [dict(cell, source=code, outputs=outputs)]
    shown = []                                 # echo: false: the outputs alone, as markdown cells
    for i, o in enumerate(outputs):
        data = o.get('data', {})
        if 'text/markdown' in data: text, att = ''.join(data['text/markdown']), None
        elif 'image/png' in data: text, att = f'![](attachment:out{i}.png)', {f'out{i}.png': {'image/png': ''.join(data['image/png'])}}
        elif o.get('output_type') == 'stream': text, att = '```\n' + ''.join(o['text']) + '\n```', None
        elif 'text/plain' in data: text, att = '```\n' + ''.join(data['text/plain']) + '\n```', None
        else: continue
        c = dict(cell_type='markdown', id=f"{cell.get('id', 'c')}-{i}", metadata={}, source=text)
        if att: c['attachments'] = att
        shown.append(c)
    return shown


def build(out: Path) -> list:
    "Process the notebooks and render each to out/<name>.html; returns the page names in chapter order."
    cfg = get_config()
    proc = proc_nbs()
    pandoc = _pandoc()
    pages = sorted(p.stem for p in proc.glob('*.ipynb'))
    pages.remove('index'); pages.insert(0, 'index')
    titles = {p: _title(proc / f'{p}.ipynb') for p in pages}
    out.mkdir(parents=True, exist_ok=True)
    nav = ' · '.join(f'<a href="{p}.html">{"Home" if p == "index" else p}</a>' for p in pages)
    css = (cfg.nbs_path / 'styles.css').read_text() if (cfg.nbs_path / 'styles.css').exists() else ''
    header = (f'<style>body{{max-width:60em;margin:auto;padding:1em;font-family:sans-serif;line-height:1.45}}'
              f'pre{{background:#f6f8fa;padding:.6em;overflow-x:auto}}table{{border-collapse:collapse}}'
              f'td,th{{border:1px solid #ddd;padding:.2em .5em}}img{{max-width:100%}}nav{{font-size:.9em;margin-bottom:1em}}'
              f'{css}</style>')
    std = {'markdown': {'cell_type', 'id', 'metadata', 'source', 'attachments'}, 'raw': {'cell_type', 'id', 'metadata', 'source'},
           'code': {'cell_type', 'id', 'metadata', 'source', 'outputs', 'execution_count'}}
    with tempfile.TemporaryDirectory() as tmp:
        for p in pages:
            nb = json.loads((proc / f'{p}.ipynb').read_text())
            nb['cells'] = [c for cell in nb['cells'] for c in _quarto_like(cell)]
            # nbdev adds its own keys to cells (has_sd, ...): pandoc reads only standard nbformat 4
            nb['cells'] = [{k: v for k, v in c.items() if k in std.get(c['cell_type'], c.keys())} for c in nb['cells']]
            (Path(tmp) / f'{p}.ipynb').write_text(json.dumps(nb))
        head_file = Path(tmp) / 'head.html'; head_file.write_text(header)
        for p in pages:
            before = Path(tmp) / 'before.html'; before.write_text(f'<nav>{nav}</nav>')
            after = Path(tmp) / 'after.html'; after.write_text(CHECK_JS)
            html = out / f'{p}.html'
            cmd = [pandoc, str(Path(tmp) / f'{p}.ipynb'), '-f', 'ipynb+tex_math_dollars+link_attributes', '-t', 'html5', '--standalone',
                   '--mathml', '--embed-resources', '--resource-path', str(proc), '--metadata', f'pagetitle={titles[p]}',
                   '-H', str(head_file), '-B', str(before), '-A', str(after), '-o', str(html)]
            r = subprocess.run(cmd, capture_output=True, text=True, cwd=proc)
            if r.returncode: sys.exit(f'pandoc failed on {p}.ipynb:\n{r.stderr}')
            text = html.read_text()
            text = re.sub(r'href="(?!https?:)([\w.-]+)\.ipynb(#[^"]*)?"', lambda m: f'href="{m.group(1)}.html{m.group(2) or ""}"', text)
            html.write_text(text)
    return pages


def _chromium(path) -> str:
    for name in ([path] if path else ['chromium', 'chromium-browser', 'google-chrome']):
        found = shutil.which(name) if name else None
        if found: return found
    sys.exit('headless Chromium is needed for --check: install it (Debian: apt-get install chromium) or pass --chromium')


def check(out: Path, pages: list, chromium: str) -> None:
    "Open each page in headless Chromium; fail on unrendered math, missing plots or anything that did not load."
    proc = get_config().config_path / '_proc'
    flags = ['--headless', '--no-sandbox', '--disable-gpu', '--allow-file-access-from-files', '--hide-scrollbars']
    shots = out / 'screenshots'; shots.mkdir(exist_ok=True)
    problems, rows = [], []
    for p in pages:
        url = (out / f'{p}.html').resolve().as_uri()
        r = subprocess.run([chromium, *flags, '--virtual-time-budget=5000', '--dump-dom', url], capture_output=True,
                           text=True, timeout=120)
        m = re.search(r'<pre id="preview-check">(.*?)</pre>', r.stdout, re.S)
        if not m: problems.append(f'{p}: the page did not finish loading in Chromium ({r.stderr.strip()[-300:]})'); continue
        res = json.loads(m.group(1).replace('&quot;', '"').replace('&amp;', '&').replace('&lt;', '<').replace('&gt;', '>'))
        want = n_plots(proc / f'{p}.ipynb')
        missing = [h for h in res['local_links'] if not (out / h.split('#')[0]).exists()]
        rows.append((p, res['math'], res['math_drawn'], res['images'], want, len(res['broken_images']), len(missing)))
        if res['math_drawn'] < res['math']: problems.append(f'{p}: {res["math"] - res["math_drawn"]} formulas not laid out')
        if res['raw_tex']: problems.append(f'{p}: formulas left as TeX: {res["raw_tex"][:3]}')
        if res['images'] < want: problems.append(f'{p}: {res["images"]} images shown, the notebook has {want} plots')
        if res['broken_images']: problems.append(f'{p}: images failed to load: {res["broken_images"][:3]}')
        if missing: problems.append(f'{p}: links to missing pages: {missing[:3]}')
    for p in ('index', '03e_train'):
        if p in pages:
            subprocess.run([chromium, *flags, '--virtual-time-budget=5000', '--window-size=1280,1800',
                            f'--screenshot={shots / (p + ".png")}', (out / f'{p}.html').resolve().as_uri()],
                           capture_output=True, timeout=120)
            if not (shots / f'{p}.png').exists(): problems.append(f'no screenshot of {p}')
    print('| page | formulas | drawn | images | plots in notebook | broken images | missing links |')
    print('|---|---|---|---|---|---|---|')
    for row in rows: print('| ' + ' | '.join(map(str, row)) + ' |')
    print(f'\nscreenshots: {", ".join(str(s) for s in sorted(shots.glob("*.png")))}')
    if problems: sys.exit('preview check failed:\n  ' + '\n  '.join(problems))
    print(f'{len(rows)} pages checked in {chromium}: math renders, plots present, nothing failed to load')


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--out', default='_preview', help='output folder (default: _preview)')
    parser.add_argument('--check', action='store_true', help='check every page in headless Chromium')
    parser.add_argument('--chromium', default=None, help='path of the Chromium binary')
    args = parser.parse_args()
    out = get_config().config_path / args.out
    pages = build(out)
    print(f'wrote {len(pages)} pages to {out}/ (open {out / "index.html"})')
    if args.check: check(out, pages, _chromium(args.chromium))


if __name__ == '__main__': main()
