"""Chapter 21's 10-epoch iP-VAE trained with the bounded sampler (`--crowded N`) and scored as chapter 21 scores it.

    python tools/ipvae_crowded.py [--crowded 16] [--out runs/ip10-crowded16] [--threads 2]

Trains the `iterative` preset (512 neurons, 16 steps, nat16) with `pvae_train` unless the folder already holds the
finished run, evaluates it on chapter 21's 5,000 validation patches after 16 and 1,000 inference steps, and appends one
line to nbs/images/ipvae-crowded.jsonl: the per-epoch seconds and temperatures from the run's log, and R^2, zeros and
distance to the ideal point at both step counts (chapter 21's table has the exact sampler's beside them).
"""
import argparse, json, subprocess, sys, time
from pathlib import Path
from pvae.eval import evaluate
from pvae.runs import run_state, read_metrics

p = argparse.ArgumentParser()
p.add_argument('--crowded', type=float, default=16.0)
p.add_argument('--out', default='runs/ip10-crowded16')
p.add_argument('--threads', default='2')
a = p.parse_args()
out = Path(a.out)
if run_state(out) != 'finished':
    subprocess.run(['pvae_train', '--model', 'ipoisson', '--preset', 'iterative', '--crowded', str(a.crowded), '--out', str(out),
                    '--threads', a.threads] + (['--resume'] if out.exists() else []), check=True)
train = [r for r in read_metrics(out) if r.get('event') == 'train']
row = dict(crowded=a.crowded, epochs=len(train), threads=a.threads, epoch_seconds=[r['seconds'] for r in train],
           temperatures=[round(r['temperature'], 3) for r in train])
for steps in (16, 1000):
    t0 = time.time()
    r = evaluate(out, n_valid=5000, gabor=False, shatter=False, knn_sizes=(), **({} if steps == 16 else dict(n_steps=steps)))
    row[f'steps_{steps}'] = {k: r[k] for k in ('r2_image', 'zeros', 'distance')}
    print(steps, row[f'steps_{steps}'], f'{time.time() - t0:.0f} s', flush=True)
with open(Path(__file__).resolve().parent.parent / 'nbs' / 'images' / 'ipvae-crowded.jsonl', 'a') as f: f.write(json.dumps(row) + '\n')
