"""Four-epoch probes of the convolutional P-VAE on mnist5k (chapter 22_mnist5k): does it learn more than the mean digit?

    python tools/conv_probes.py NAME [pvae_train flags ...] >> nbs/images/conv-pvae-probes.jsonl

Each probe is the run of chapter 22 (`conv+b|conv+b`, K = 50, the MNIST recipe, a 50-epoch schedule, seed 0) stopped
after 4 epochs (`--until 4`), with the given flags changed. The line holds each epoch's mean training reconstruction
error and KL, and the error of always predicting the mean training digit, the level a model that ignores its input
reaches. `--folder DIR` reads a probe that already ran in DIR instead of training it. One thread.
"""
import json, subprocess, sys, tempfile
from pathlib import Path

from pvae.data import load_dataset
from pvae.runs import METRICS_FILE

BASE = ['--model', 'poisson', '--archi', 'conv+b|conv+b', '--dataset', 'mnist5k', '--preset', 'MNIST', '--epochs', '50',
        '--until', '4', '--n_latents', '50', '--seed', '0', '--threads', '1', '--quiet']

def summary(name: str, flags: list, folder: Path) -> dict:
    records = [json.loads(l) for l in (folder / METRICS_FILE).read_text().splitlines()]
    train = [r for r in records if r['event'] == 'train']
    x = load_dataset('mnist5k').x_train
    mean_mse = ((x - x.mean(0)) ** 2).flatten(1).sum(1).mean().item()
    return dict(name=name, flags=flags, recon=[round(r['recon'], 2) for r in train], kl=[round(r['kl'], 3) for r in train],
                mean_digit_mse=round(mean_mse, 2))

if __name__ == '__main__':
    args = sys.argv[1:]
    folder = None
    if '--folder' in args:
        i = args.index('--folder'); folder = Path(args[i + 1]); del args[i:i + 2]
    name, flags = args[0], args[1:]
    if folder is None:
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run(['pvae_train', *BASE, *flags, '--out', f'{tmp}/run'], check=True, stdout=sys.stderr)   # the line alone on stdout
            print(json.dumps(summary(name, flags, Path(tmp) / 'run')))
    else: print(json.dumps(summary(name, flags, folder)))
