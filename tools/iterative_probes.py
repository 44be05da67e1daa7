"""Short iP-VAE trainings on nat16 that probe its recipe (chapter 21_iterative); one JSON line per probe.

    python tools/iterative_probes.py NAME '{"kl_anneal_portion": 0.5}' '{"step_kl": "exact"}' >> nbs/images/iterative-probes.jsonl

The first JSON holds TrainConfig fields over the `iterative` preset (the follow-up's recipe) with 5 epochs, the second
ModelConfig fields over the iP-VAE's defaults with 512 neurons and T = 16. The line holds each epoch's training
reconstruction term and KL (a collapse to silence shows as a KL near 0), the median rate of the last step on 2,000
validation patches, and how those patches score after T and after 1,000 steps at temperature 0: R² (per patch), the
share of zeros and their distance to the ideal point. One thread; on a shared machine the seconds are not comparable.
"""
import contextlib, json, sys, tempfile, time

import torch

from pvae.data import load_dataset
from pvae.eval import inference_curve
from pvae.models import default_model_config
from pvae.recipes import recipe
from pvae.runs import METRICS_FILE
from pvae.train import Trainer

def probe(name: str, train: dict, model: dict) -> dict:
    torch.set_num_threads(1)
    data = load_dataset('nat16')
    mcfg = default_model_config('ipoisson', **{'n_latents': 512, 'n_steps': 16, **model})
    tcfg = recipe('ipoisson', 'iterative', **{'epochs': 5, 'eval_every': 100, 'checkpoint_every': 100, 'n_valid': 2000, **train})
    t0 = time.time()
    with tempfile.TemporaryDirectory() as out:
        trainer = Trainer(mcfg, tcfg, out, data=data, quiet=True)
        with contextlib.redirect_stdout(sys.stderr): trainer.fit()
        epochs = [json.loads(l) for l in open(f'{out}/{METRICS_FILE}') if '"train"' in l]
    m, x = trainer.model.eval(), data.x_valid[:2000]
    curve = inference_curve(m, x, n_steps=1000)
    with torch.no_grad():
        for step in m.steps(x, temperature=0.0): u = step.u
    row = dict(name=name, train=train, model=model, seconds=round(time.time() - t0),
               recon=[round(r['recon'], 1) for r in epochs], kl=[round(r['kl'], 3) for r in epochs],
               rate_median=round(u.exp().median().item(), 5))
    for t in (mcfg.n_steps, 1000):
        row[f'steps{t}'] = {k: round(float(curve[k][t - 1]), 4) for k in ('r2_image', 'zeros', 'distance')}
    return row

if __name__ == '__main__':
    print(json.dumps(probe(sys.argv[1], json.loads(sys.argv[2]), json.loads(sys.argv[3]) if len(sys.argv) > 3 else {})))
