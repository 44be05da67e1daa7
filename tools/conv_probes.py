"""Ablation of the convolutional P-VAE's recipe on mnist5k (chapter 22_mnist5k): what makes it learn more than the mean digit?

    python tools/conv_probes.py NAME [pvae_train flags ...] >> nbs/images/conv-pvae-ablation.jsonl

Each probe is chapter 22's convolutional P-VAE (`conv+b|conv+b`, K = 50, the MNIST preset, 50 epochs of mnist5k,
seed 0, one thread, its prior's log-rates started as the original starts them, from U(-6, -2)) with the given flags
changed, trained to the end. It stops at a few epochs on the way (and resumes,
which is exact) to look at the code of 1,000 held-out digits: the median posterior rate over digits and latents beside
the prior's median rate (a mean KL of a nat or so can hide latents silenced far below their prior), and the share of
latents whose rate is below a tenth of their prior rate on most digits. The JSON line holds those, each segment's
training reconstruction error and KL, the error of always drawing the mean training digit, and at the end chapter
22's evaluation: r2, active latents, KNN with 200 and 1,000 labels, shattering dimensionality.
`--folder DIR` keeps the run in DIR (and reuses what is already trained there) instead of a temporary folder.
"""
import contextlib, json, sys, tempfile
from pathlib import Path

import torch

from pvae.cli import train_from_cli
from pvae.data import load_dataset
from pvae.eval import evaluate
from pvae.runs import METRICS_FILE, CHECKPOINT_FILE, load_checkpoint
from pvae.models import load_run

BASE = dict(model='poisson', archi='conv+b|conv+b', dataset='mnist5k', preset='MNIST', epochs=50, n_latents=50, seed=0,
            prior_log_dist='uniform', prior_clamp=-2.0)    # the original's start of the prior, which the probes vary
STOPS = (1, 2, 4, 8, 16, 32)          # epochs at which the code is looked at (and at the end)

def _value(text: str):
    for kind in (int, float):
        try: return kind(text)
        except ValueError: pass
    return {'true': True, 'false': False, 'none': None}.get(text.lower(), text)

def parse_flags(args: list) -> dict:
    "['--lr', '1e-3', '--warmup_steps', '625'] -> {'lr': 0.001, 'warmup_steps': 625}."
    if len(args) % 2 or not all(a.startswith('--') for a in args[::2]): raise SystemExit(f'flags come in --name value pairs, got {args}')
    return {k[2:]: _value(v) for k, v in zip(args[::2], args[1::2])}

@torch.no_grad()
def look(folder: Path, x: torch.Tensor) -> dict:
    "Median posterior and prior rates of the run's code of x, and the share of latents silenced below a tenth of the prior."
    model, config = load_run(folder)
    q = model.infer(x, temperature=0.0)
    prior = model.prior_log_rate.exp().expand_as(q.log_rate)
    rate = q.log_rate.exp()
    silenced = ((rate < prior / 10).float().mean(0) > 0.5).float().mean()
    return dict(epoch=config['epoch'], rate_median=rate.median().item(), prior_rate_median=prior.median().item(),
                silenced=silenced.item())

def probe(name: str, flags: dict, folder: Path) -> dict:
    data = load_dataset('mnist5k')
    x = data.x_valid[:1000]
    epochs = flags.get('epochs', BASE['epochs'])
    looks = []
    for stop in [s for s in STOPS if s < epochs] + [epochs]:
        done = load_checkpoint(folder / CHECKPOINT_FILE)['epoch'] if (folder / CHECKPOINT_FILE).exists() else 0
        if done < stop:
            with contextlib.redirect_stdout(sys.stderr):          # the JSON line alone on stdout
                if done: train_from_cli(out=folder, resume=True, until=stop, quiet=True, threads=1)
                else: train_from_cli(**{**BASE, **flags}, out=folder, until=stop, quiet=True, threads=1)
        looks.append(look(folder, x))
    train = {r['epoch']: r for r in map(json.loads, (folder / METRICS_FILE).read_text().splitlines()) if r['event'] == 'train'}
    for l in looks: l.update(recon=round(train[l['epoch']]['recon'], 2), kl=round(train[l['epoch']]['kl'], 3))
    row = evaluate(folder, n_valid=None, knn_sizes=(200, 1000), knn_iter=20, shatter=True, gabor=False)
    mean_mse = ((data.x_train - data.x_train.mean(0)) ** 2).flatten(1).sum(1).mean().item()
    return dict(name=name, flags=flags, looks=looks, mean_digit_mse=round(mean_mse, 2),
                **{k: round(row[k], 4) for k in ('r2', 'active', 'knn_200', 'knn_1000', 'shattering', 'mse', 'kl')})

if __name__ == '__main__':
    args = sys.argv[1:]
    folder = None
    if '--folder' in args:
        i = args.index('--folder'); folder = Path(args[i + 1]); del args[i:i + 2]
    name, flags = args[0], parse_flags(args[1:])
    if folder is None:
        with tempfile.TemporaryDirectory() as tmp: print(json.dumps(probe(name, flags, Path(tmp) / 'run')))
    else: print(json.dumps(probe(name, flags, folder)))
