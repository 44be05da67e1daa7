"""The bounded Poisson sampler of one commit against this checkout's, side by side in one process (A B A B): one
sampler call at the log-rates a training step of chapter 21's iP-VAE draws, and one whole training step, at the
checkpoints of chapter 21's runs. Run it on a quiet machine.

    python tools/sampler_ab.py [--before 9080888] [--runs FOLDER ...] [--rounds 9] [--save nbs/images/bounded-walk-ab.json]

Each row is the median over `--rounds` interleaved rounds; a ratio above 1 means this checkout is faster. --save
appends the run (with its commit, machine and settings) to the JSON record, whose earlier runs are kept.
"""
import argparse, importlib.util, json, platform, statistics, subprocess, sys, tempfile, time
from pathlib import Path
import torch
from pvae import eat
from pvae.config import ModelConfig
from pvae.recipes import TrainConfig
from pvae.train import Trainer
from pvae.runs import load_checkpoint

root = Path(__file__).resolve().parent.parent
p = argparse.ArgumentParser()
p.add_argument('--before', default='9080888', help='the commit whose pvae/eat.py is the "before" sampler')
p.add_argument('--runs', nargs='+', default=[str(root / 'runs/iterative-notebook' / f'ipoisson-lin-lin-nat16-mc-b24-epochs{e}-n_latents512-n_steps16-seed0')
                                              for e in (30, 10)], help='iP-VAE run folders whose checkpoint.pt is timed')
p.add_argument('--rounds', type=int, default=9)
p.add_argument('--threads', type=int, default=2)
p.add_argument('--save', help='append the results to this JSON record')
a = p.parse_args()
torch.set_num_threads(a.threads)
source = subprocess.run(['git', 'show', f'{a.before}:pvae/eat.py'], cwd=root, capture_output=True, text=True, check=True).stdout
path = Path(tempfile.mkdtemp()) / 'eat_before.py'
path.write_text(source)
spec = importlib.util.spec_from_file_location('eat_before', path)
before = importlib.util.module_from_spec(spec); spec.loader.exec_module(before)
variants = {'before': before._bounded_counts, 'after': eat._bounded_counts}

def interleaved(fn_of):
    "Median seconds of fn_of(variant)() over the rounds, the variants taking turns."
    times = {k: [] for k in variants}
    for r in range(a.rounds + 1):
        for k in variants:
            f = fn_of(k, r)
            t0 = time.perf_counter(); f(); dt = time.perf_counter() - t0
            if r: times[k].append(dt)
    return {k: statistics.median(v) for k, v in times.items()}

rows = []
for run in a.runs:
    config = json.loads((Path(run) / 'config.json').read_text())
    trainer = Trainer(ModelConfig(**config['model']), TrainConfig(**config['train']), tempfile.mkdtemp(), quiet=True)
    state = load_checkpoint(Path(run) / 'checkpoint.pt')
    step = min(state['step'], trainer.n_steps - 1)
    T = trainer.schedule.at(step)['temperature']
    x = trainer.data.x_train[:trainer.cfg.batch_size]
    drawn, spied = [], eat._fast_counts
    def spy(log_rate, *args, **kw): drawn.append(log_rate.detach().reshape(-1).clone()); return spied(log_rate, *args, **kw)
    eat._fast_counts = spy
    trainer.model.load_state_dict(state['model']); trainer.step = step; trainer.train_step(x)
    eat._fast_counts = spied
    crowded = trainer.model_cfg.crowded
    def calls(k, r):
        g = torch.Generator().manual_seed(r)
        return lambda: [variants[k](lr, T, 'sigmoid', g, 1 << 16, crowded) for lr in drawn]
    def steps(k, r):
        def go():
            eat._bounded_counts = variants[k]
            trainer.model.load_state_dict(state['model']); trainer.step = step; trainer.train_step(x)
            eat._bounded_counts = variants['after']
        return go
    c, s = interleaved(calls), interleaved(steps)
    rows.append(dict(run=Path(run).name, epoch=state['epoch'], T=round(T, 3), draws=len(drawn),
                     call_ms_before=round(c['before'] / len(drawn) * 1e3, 3), call_ms_after=round(c['after'] / len(drawn) * 1e3, 3),
                     call_ratio=round(c['before'] / c['after'], 3), step_ms_before=round(s['before'] * 1e3, 1),
                     step_ms_after=round(s['after'] * 1e3, 1), step_ratio=round(s['before'] / s['after'], 3)))
    print(rows[-1], flush=True)
commit = subprocess.run(['git', 'rev-parse', '--short', 'HEAD'], cwd=root, capture_output=True, text=True).stdout.strip()
record = dict(before=a.before, after=commit, machine=f'{platform.machine()}, {a.threads} threads, torch {torch.__version__}',
              rounds=a.rounds, rows=rows)
if a.save:
    out = Path(a.save)
    old = json.loads(out.read_text()) if out.exists() else dict(runs=[])
    old.setdefault('runs', []).append(record)
    out.write_text(json.dumps(old, indent=1) + '\n')
