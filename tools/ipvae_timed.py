"""Chapter 21's iP-VAE runs (the `iterative` preset: 512 neurons, 16 steps, nat16), trained one after the other with
every core of a quiet machine and timed, then scored as chapter 21 scores them.

    python tools/ipvae_timed.py [--epochs 10 30] [--threads N] [--root runs/iterative-notebook]

The runs are chapter 21's own (`experiment_grid` with the chapter's settings, in its run folder), so the chapter finds
them finished and reuses them. Each is trained unless it is finished already; then each is evaluated on chapter 21's
5,000 validation patches after 16 and 1,000 inference steps. nbs/images/ipvae-timed.jsonl keeps one line per length
(a line for the same length is replaced): the commit the tool ran at, the sampler settings, the threads, the per-epoch seconds and temperatures
from the run's log, the training minutes, and R^2, zeros and distance to the ideal point at both step counts.
"""
import argparse, json, subprocess, time
from pathlib import Path
from pvae.devices import available_cores
from pvae.eval import evaluate
from pvae.grids import experiment_grid, run_grid
from pvae.runs import read_metrics, run_state

p = argparse.ArgumentParser()
p.add_argument('--epochs', type=int, nargs='+', default=[10, 30])
p.add_argument('--threads', default=str(available_cores()))
p.add_argument('--root', default='runs/iterative-notebook')
a = p.parse_args()
specs = {e: experiment_grid(('ipoisson',), datasets=('nat16',), seeds=(0,), betas=(24.0,), preset='iterative', epochs=e,
                            n_latents=512, n_steps=16)[0] for e in a.epochs}
for e, spec in specs.items():                       # all training first, so that no scoring shares the machine with it
    t0 = time.time()
    run_grid([spec], a.root, threads=a.threads)
    print(f'{spec.name}: {run_state(Path(a.root) / spec.name)} after {time.time() - t0:.0f} s', flush=True)
path = Path(__file__).resolve().parent.parent / 'nbs' / 'images' / 'ipvae-timed.jsonl'
lines = {json.loads(l)['epochs']: l for l in path.read_text().splitlines()} if path.exists() else {}
for e, spec in specs.items():
    out = Path(a.root) / spec.name
    config = json.loads((out / 'config.json').read_text())
    train = [r for r in read_metrics(out) if r.get('event') == 'train']
    commit = subprocess.run(['git', 'rev-parse', '--short', 'HEAD'], capture_output=True, text=True).stdout.strip()
    row = dict(epochs=e, commit=commit, sampler=config['model']['sampler'], crowded=config['model']['crowded'], threads=a.threads,
               epoch_seconds=[r['seconds'] for r in train], temperatures=[round(r['temperature'], 3) for r in train],
               minutes=round(sum(r['seconds'] for r in train) / 60, 2))
    for steps in (16, 1000):
        t0 = time.time()
        r = evaluate(out, n_valid=5000, gabor=False, shatter=False, knn_sizes=(), **({} if steps == 16 else dict(n_steps=steps)))
        row[f'steps_{steps}'] = {k: r[k] for k in ('r2_image', 'zeros', 'distance')}
        print(e, steps, row[f'steps_{steps}'], f'{time.time() - t0:.0f} s', flush=True)
    lines[e] = json.dumps(row)
    path.write_text(''.join(lines[k] + '\n' for k in sorted(lines)))
