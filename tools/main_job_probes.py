"""The main job (`pvae_train`, the quick preset) and variants of it: one flag changed, then combinations, other seeds
and both cores, each trained with `pvae_train` and scored by the run's own end record (Gabor-like shares, active
latents, NELBO); the question is which change brings the dictionary to the original's 95% within 5 minutes. For
timings that mean something run one at a time on a quiet machine (two one-thread runs side by side share the memory).

    python tools/main_job_probes.py [--root runs/main-job-probes] [--only NAME ...]

Writes nbs/images/main-job-probes.json (one entry per variant, replaced when a variant is run again): its flags, the
commit it was trained at, training seconds, epochs, steps and the dictionary's summary. Finished runs in the root are read, not retrained.
"""
import argparse, json, subprocess, sys
from pathlib import Path
from pvae.runs import read_metrics, end_record, run_state

VARIANTS = {                                        # name: the flags changed from the main job
    'main job': [],
    'beta ramp 0.25': ['--kl_anneal_portion', '0.25'],
    'lr 1.5e-2': ['--lr', '1.5e-2'],
    'lr 3e-2': ['--lr', '3e-2'],
    'batch 200': ['--batch_size', '200'],
    'warm-up 800 steps': ['--warmup_steps', '800'],
    'threads 2': ['--threads', '2'],                # the step's cost: both cores for one run
    'beta ramp 0.1': ['--kl_anneal_portion', '0.1'],
    'beta ramp 0.25, lr 1.5e-2': ['--kl_anneal_portion', '0.25', '--lr', '1.5e-2'],
    'beta ramp 0.25, lr 1e-2': ['--kl_anneal_portion', '0.25', '--lr', '1e-2'],
    'main job, seed 1': ['--seed', '1'],
    'main job, seed 2': ['--seed', '2'],
    'beta ramp 0.25, lr 1.5e-2, 75 epochs': ['--kl_anneal_portion', '0.25', '--lr', '1.5e-2', '--epochs', '75'],
    'beta ramp 0.25, lr 1.5e-2, 75 epochs, seed 1': ['--kl_anneal_portion', '0.25', '--lr', '1.5e-2', '--epochs', '75', '--seed', '1'],
    'beta ramp 0.25, lr 1.5e-2, 75 epochs, seed 2': ['--kl_anneal_portion', '0.25', '--lr', '1.5e-2', '--epochs', '75', '--seed', '2'],
    'beta ramp 0.25, lr 1.5e-2, 100 epochs, threads 2': ['--kl_anneal_portion', '0.25', '--lr', '1.5e-2', '--epochs', '100',
                                                          '--threads', '2'],
    'beta ramp 0.25, lr 1e-2, 110 epochs, threads 2': ['--kl_anneal_portion', '0.25', '--lr', '1e-2', '--epochs', '110',
                                                        '--threads', '2'],
    'beta ramp 0.25, lr 1e-2, 110 epochs, threads 2, seed 1': ['--kl_anneal_portion', '0.25', '--lr', '1e-2', '--epochs', '110',
                                                                '--threads', '2', '--seed', '1'],
    'beta ramp 0.25, lr 1e-2, 110 epochs, threads 2, seed 2': ['--kl_anneal_portion', '0.25', '--lr', '1e-2', '--epochs', '110',
                                                                '--threads', '2', '--seed', '2'],
    'beta ramp 0.25, lr 7e-3, 110 epochs, threads 2': ['--kl_anneal_portion', '0.25', '--lr', '7e-3', '--epochs', '110',
                                                       '--threads', '2'],
    'beta ramp 0.25, lr 1e-2, 75 epochs': ['--kl_anneal_portion', '0.25', '--lr', '1e-2', '--epochs', '75'],
    'beta ramp 0.25, lr 1.5e-2, warm-up 800': ['--kl_anneal_portion', '0.25', '--lr', '1.5e-2', '--warmup_steps', '800'],
    'beta ramp 0.25, lr 1.5e-2, warm-up 800, 75 epochs': ['--kl_anneal_portion', '0.25', '--lr', '1.5e-2', '--warmup_steps', '800',
                                                          '--epochs', '75'],
}
p = argparse.ArgumentParser()
p.add_argument('--root', default='runs/main-job-probes')
p.add_argument('--only', nargs='*', default=None)
a = p.parse_args()
path = Path(__file__).resolve().parent.parent / 'nbs' / 'images' / 'main-job-probes.json'
record = json.loads(path.read_text()) if path.exists() else {}
commit = subprocess.run(['git', 'rev-parse', '--short', 'HEAD'], capture_output=True, text=True).stdout.strip()
for name, flags in VARIANTS.items():
    if a.only and name not in a.only: continue
    out = Path(a.root) / name.replace(', ', '-').replace(' ', '-')
    trained = run_state(out) != 'finished'
    if trained:
        subprocess.run([sys.executable, '-c', 'from pvae.cli import main; main()', '--out', str(out), '--quiet', 'true', *flags], check=True)
    log = read_metrics(out)
    train = [r for r in log if r.get('event') == 'train']
    end = end_record(log) or {}
    record[name] = dict(flags=flags, commit=commit if trained else record.get(name, {}).get('commit', commit), train_seconds=round(sum(r['seconds'] for r in train), 1), epochs=train[-1]['epoch'],
                        steps=train[-1]['step'], **{k: end.get(k) for k in ('gabor_like', 'gabor_like_active', 'gabor_like_top_quarter',
                                                                              'gabor_r2_median', 'active')},
                        nelbo=[r for r in log if r.get('event') == 'valid'][-1].get('nelbo'))
    print(name, record[name], flush=True)
    record = {**(json.loads(path.read_text()) if path.exists() else {}), name: record[name]}   # another worker may have written
    record = {k: record[k] for k in [*VARIANTS, *record] if k in record}                       # in the order above
    path.write_text(json.dumps(record, indent=1) + '\n')
