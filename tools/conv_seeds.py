"""Chapter 22's convolutional P-VAE across seeds, for two ways of starting its prior (chapter 22_mnist5k):

    python tools/conv_seeds.py NAME SEED [pvae_train flags ...] [--folder DIR] >> nbs/images/conv-pvae-seeds.jsonl

Each line is one run: chapter 22's convolutional P-VAE (`conv+b|conv+b`, K = 50, the MNIST preset, 50 epochs of
mnist5k, a warm-up of 625 steps, prior log-rates started from U(-6, 0), as chapter 22 first trained it) with the
given seed and flags, trained to the end on
one thread (in DIR if given, reusing what is trained there), then scored as chapter 22 scores it: r2, active latents,
KNN with 200 and 1,000 labels, shattering. Two more numbers say whether each latent's fate was sealed where it started:
the rank correlation (Spearman) between the latents' initial prior log-rates and their final mean KL, and how far
the prior's log-rates moved in training (the largest change).
"""
import contextlib, json, sys, tempfile
from pathlib import Path

import torch
from scipy import stats

from pvae.cli import train_from_cli
from pvae.config import ModelConfig
from pvae.data import load_dataset
from pvae.eval import evaluate
from pvae.metrics import kl_per_latent
from pvae.models import build_model
from pvae.runs import run_state
from pvae.models import load_run

sys.path.insert(0, str(Path(__file__).parent))
from conv_probes import BASE, parse_flags

RECIPE = dict(BASE, warmup_steps=625, prior_clamp=0.0)     # the P-VAE's settings in chapter 22's table

def seed_row(name: str, seed: int, flags: dict, folder: Path) -> dict:
    if run_state(folder) != 'finished':
        with contextlib.redirect_stdout(sys.stderr):             # the JSON line alone on stdout
            train_from_cli(**{**RECIPE, **flags, 'seed': seed}, out=folder, resume=folder.exists(), quiet=True, threads=1)
    model, config = load_run(folder)
    start = build_model(ModelConfig(**config['model'])).prior_log_rate.detach()[0]
    kl = kl_per_latent(model, load_dataset('mnist5k').x_valid)
    row = evaluate(folder, n_valid=None, knn_sizes=(200, 1000), knn_iter=20, shatter=True, gabor=False)
    return dict(name=name, seed=seed, flags=flags, **{k: round(row[k], 4) for k in ('r2', 'active', 'knn_200', 'knn_1000', 'shattering')},
                start_kl_spearman=round(float(stats.spearmanr(start.numpy(), kl.numpy())[0]), 3) if start.std() > 0 else None,
                prior_moved=round((model.prior_log_rate.detach()[0] - start).abs().max().item(), 3))

if __name__ == '__main__':
    args = sys.argv[1:]
    folder = None
    if '--folder' in args:
        i = args.index('--folder'); folder = Path(args[i + 1]); del args[i:i + 2]
    name, seed, flags = args[0], int(args[1]), parse_flags(args[2:])
    if folder is None:
        with tempfile.TemporaryDirectory() as tmp: print(json.dumps(seed_row(name, seed, flags, Path(tmp) / 'run')))
    else: print(json.dumps(seed_row(name, seed, flags, folder)))
